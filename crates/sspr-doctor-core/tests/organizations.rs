//! Issue 26: many organizations at one desk. A drop of three organizations as folders and as
//! one archive gives the same organizations and the same report; a hostile archive (a bomb,
//! an encrypted member, names that climb out, a Shift_JIS name, an archive three deep) gets
//! each bad member refused with its reason and loses no good member; the exports agree with
//! the report.

use std::io::Write;

use serde_json::Value;
use sspr_doctor_core::audit::{export::ExportFormat, AuditOptions};
use sspr_doctor_core::orgs::{self, export, DropFile, SaidOrgs};
use sspr_doctor_core::Lang;

fn fixture(name: &str) -> Vec<u8> {
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/admin-exports/");
    let own = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/audit/");
    std::fs::read(format!("{own}{name}")).or_else(|_| std::fs::read(format!("{shared}{name}"))).unwrap()
}

/// Three organizations: the script's CSV, the admin center's download, Graph JSON pages.
fn three() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("contoso/admin-script.csv", fixture("admin-script.csv")),
        ("fabrikam/exportUserRegistrationDetails.csv", fixture("portal_exportUserRegistrationDetails_2026-9-23.csv")),
        ("litware/registration.json", fixture("graph_userRegistrationDetails_beta.json")),
        ("litware/phones.json", fixture("graph_phoneMethods_by_user.json")),
    ]
}

fn opts(lang: Lang) -> AuditOptions {
    AuditOptions { lang: Some(lang), today: Some("2026-12-06".into()), ..AuditOptions::default() }
}

fn said(files: Vec<DropFile>, problems: Vec<orgs::Problem>, lang: Lang) -> SaidOrgs {
    let mut o = orgs::read(files, problems, &opts(lang));
    o.assess_all(2);
    o.rank();
    SaidOrgs::new(o, &opts(lang))
}

/// A zip archive of `members` (name, bytes, deflated?), written by the zip crate.
fn zip_of(members: &[(&str, &[u8], bool)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes, deflate) in members {
        let method = if *deflate { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
        z.start_file(*name, zip::write::SimpleFileOptions::default().compression_method(method)).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

#[test]
fn a_folder_drop_and_an_archive_of_three_organizations_give_one_report() {
    let folder: Vec<DropFile> = three().into_iter().map(|(p, b)| DropFile::new(format!("drop/{p}"), b)).collect();
    let members: Vec<(String, Vec<u8>)> = three().into_iter().map(|(p, b)| (p.to_string(), b)).collect();
    let archive = zip_of(&members.iter().map(|(p, b)| (p.as_str(), b.as_slice(), true)).collect::<Vec<_>>());
    let (from_zip, refused) = orgs::expand_archive("drop.zip", &archive);
    assert!(refused.is_empty(), "{refused:?}");
    let (mut a, mut b) = (said(folder, Vec::new(), Lang::En), said(from_zip, Vec::new(), Lang::En));
    let (ra, rb) = (a.report().unwrap(), b.report().unwrap());
    assert_eq!(
        ra.organizations.iter().map(|o| o.name.as_str()).collect::<Vec<_>>(),
        rb.organizations.iter().map(|o| o.name.as_str()).collect::<Vec<_>>()
    );
    assert_eq!(ra.organizations.len(), 3);
    assert_eq!(ra.summary, rb.summary);
    for (x, y) in ra.organizations.iter().zip(&rb.organizations) {
        assert_eq!((&x.summary, &x.accounts, &x.tenant_findings), (&y.summary, &y.accounts, &y.tenant_findings));
    }
    // Ranked by who is locked out soonest: fails today, then each date.
    let keys: Vec<(usize, Vec<usize>)> =
        ra.organizations.iter().map(|o| (o.summary.fails, o.summary.retirement.iter().map(|r| r.cannot_reset).collect())).collect();
    assert!(keys.windows(2).all(|w| w[0] >= w[1]), "{keys:?}");
    assert_eq!(ra.summary.total, ra.organizations.iter().map(|o| o.summary.total).sum::<usize>());
    let contoso = ra.organizations.iter().find(|o| o.name == "contoso").unwrap();
    assert_eq!(contoso.tenant_id.as_ref().map(|t| t.as_str()), Some("00000000-0000-0000-0000-0000000c0de0"));
    // The exports say the same: JSON is the report, CSV one row per account.
    let json: Value = serde_json::from_str(&export::export(&mut a, ExportFormat::Json)).unwrap();
    assert_eq!(json, serde_json::to_value(&ra).unwrap());
    let csv = export::export(&mut a, ExportFormat::Csv);
    assert_eq!(csv.split("\r\n").filter(|l| !l.is_empty()).count(), ra.summary.total + 1);
    assert!(csv.starts_with("\u{FEFF}Organization,"));
    let html = export::export(&mut b, ExportFormat::Html);
    assert!(!html.contains("<script") && !html.contains("src=") && html.contains("default-src 'none'"));
    assert!(html.contains("id=\"org-3\"") && html.ends_with("</html>\n"));
    let md = export::export(&mut b, ExportFormat::Markdown);
    assert!(md.contains("(#org-1)") && md.contains("## litware"));
}

#[test]
fn a_hostile_archive_loses_no_good_member() {
    let good = fixture("admin-script.csv");
    // A member that inflates 1,000 times: a bomb.
    let bomb = vec![b'0'; 30 * 1024 * 1024];
    let deepest = zip_of(&[("x.csv", &good[..], false)]);
    let deeper = zip_of(&[("deepest.zip", &deepest[..], false)]);
    // The Shift_JIS content of Japanese Excel.
    let cp932 = fixture("excel_ja_cp932_resave.csv");
    let mut archive = zip_of(&[
        ("contoso/admins.csv", &good[..], true),
        ("contoso/bomb.csv", &bomb[..], true),
        ("../../outside.csv", &good[..], false),
        ("/abs/root.csv", &good[..], false),
        ("jp/サンプル.csv", &cp932[..], true),
        ("fabrikam/deeper.zip", &deeper[..], false),
        ("locked/secret.csv", &good[..], false),
    ]);
    // The last member encrypted: general purpose flag bit 0 in its central directory header
    // (46 bytes before its name there) and in its local header (whose offset that one holds).
    let name = b"locked/secret.csv";
    let at_name = archive.windows(name.len()).rposition(|w| w == name).unwrap();
    let central = at_name - 46;
    assert_eq!(&archive[central..central + 4], b"PK\x01\x02");
    let local = u32::from_le_bytes(archive[central + 42..central + 46].try_into().unwrap()) as usize;
    archive[central + 8] |= 1;
    archive[local + 6] |= 1;
    let (files, problems) = orgs::expand_archive("hostile.zip", &archive);
    let reasons: Vec<(Option<&str>, &str)> = problems.iter().map(|p| (p.member.as_deref(), p.reason)).collect();
    assert_eq!(
        reasons,
        vec![
            (Some("contoso/bomb.csv"), "archive_bomb"),
            (Some("../../outside.csv"), "archive_unsafe_name"),
            (Some("/abs/root.csv"), "archive_unsafe_name"),
            (Some("locked/secret.csv"), "archive_encrypted"),
            (Some("fabrikam/deeper/deepest.zip"), "archive_nested"),
        ]
    );
    assert!(problems.iter().all(|p| p.file == "hostile.zip"));
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, vec!["hostile/contoso/admins.csv", "hostile/jp/サンプル.csv"]);
    let o = said(files, problems, Lang::Ja);
    let r = o.report().unwrap();
    assert_eq!(r.organizations.iter().map(|o| o.name.as_str()).collect::<std::collections::BTreeSet<_>>(), ["contoso", "jp"].into());
    let jp = r.organizations.iter().find(|o| o.name == "jp").unwrap();
    assert!(jp.summary.total > 0, "the CP932 file is read");
    for p in &r.problems {
        assert!(
            p.message.chars().any(|c| ('\u{3040}'..='\u{30FF}').contains(&c) || ('\u{4E00}'..='\u{9FFF}').contains(&c)),
            "in Japanese: {}",
            p.message
        );
    }
}

#[test]
fn random_bytes_as_an_archive_are_refused_not_a_panic() {
    let mut seed = 0x5eed_u64;
    for n in 0..300 {
        let len = (n * 37) % 3000;
        let mut bytes: Vec<u8> = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
            .collect();
        if n % 3 == 0 && bytes.len() > 4 {
            bytes[..4].copy_from_slice(b"PK\x03\x04");
        }
        let (files, problems) = orgs::expand_archive("random.zip", &bytes);
        // No random bytes are an archive: refused whole, once, with its name.
        assert!(files.is_empty(), "{n}");
        assert_eq!(
            problems.iter().map(|p| (p.file.as_str(), p.reason)).collect::<Vec<_>>(),
            vec![("random.zip", "archive_unreadable")],
            "{n}"
        );
    }
}
