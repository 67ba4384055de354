//! Issue 26, "Redaction": no redacted output (every format of the audit, the organizations
//! and the comparison, in both languages) holds a run of 4 digits of any input phone number,
//! any email address's local part, or any user name's local part, over the payload corpus
//! and the fixtures; verdicts, findings and counts stay as they were; pseudonyms are stable in
//! one report and differ between two; no fix script is made redacted.

use std::collections::BTreeSet;
use std::sync::Arc;

use sspr_doctor_core::audit::{self, export, export::ExportFormat, AuditOptions, FixOptions, FixScriptError, InputFile, Said};
use sspr_doctor_core::orgs::{self, DropFile, SaidOrgs};
use sspr_doctor_core::redact::Redactor;
use sspr_doctor_core::Lang;

const FORMATS: [ExportFormat; 5] = [ExportFormat::Json, ExportFormat::Csv, ExportFormat::Markdown, ExportFormat::Text, ExportFormat::Html];

fn payloads() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/payloads/");
    ["powershell.txt", "controls.txt", "xss.txt", "csv.txt", "markdown.txt"]
        .iter()
        .flat_map(|f| std::fs::read_to_string(format!("{dir}{f}")).unwrap().lines().map(String::from).collect::<Vec<_>>())
        .filter(|l| !l.is_empty())
        .collect()
}

fn cell(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// What the inputs hold: phone digit windows, email local parts, user-name local parts.
#[derive(Default)]
struct Secrets {
    windows: BTreeSet<String>,
    locals: BTreeSet<String>,
    /// The first 8 characters of the inputs' object ids: what redaction keeps of them.
    id_prefixes: BTreeSet<String>,
}

impl Secrets {
    fn phone(&mut self, number: &str) {
        let d: Vec<char> = number.chars().filter(char::is_ascii_digit).collect();
        for w in d.windows(4) {
            self.windows.insert(w.iter().collect());
        }
    }
    fn local(&mut self, address: &str) {
        if let Some((l, _)) = address.rsplit_once('@') {
            self.locals.insert(l.to_lowercase());
        }
    }
}

/// A tenant of the payload corpus: every payload as a display name and inside a user name,
/// with numbers of its own (no 0000) and addresses of its own.
fn corpus() -> (String, Secrets) {
    let mut s = Secrets::default();
    let mut csv =
        String::from("userPrincipalName,displayName,id,roles,methodsRegistered,authMobilePhone,authEmail,mobilePhone,otherMails\n");
    let mut x: u64 = 0x1234_5678;
    let mut digits = |n: usize| {
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                char::from(b'1' + ((x >> 33) % 9) as u8)
            })
            .collect::<String>()
    };
    for (i, p) in payloads().iter().enumerate() {
        let upn = format!("{p}u{i}q@contoso.com");
        let auth = format!("+81 90-{}-{}", digits(4), digits(4));
        let dir = format!("0{}-{}-{}", digits(2), digits(4), digits(4));
        let email = format!("rcv{i}mail@fabrikam.example");
        let other = format!("home{i}box@gmial.com");
        for n in [&auth, &dir] {
            s.phone(n);
        }
        s.local(&upn);
        s.local(&email);
        s.local(&other);
        let methods = if i % 3 == 0 { "mobilePhone;email" } else { "mobilePhone" };
        let row = [upn.as_str(), p.as_str(), &format!("id-{i}"), "Global Administrator", methods, &auth, &email, &dir, &other];
        csv.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        csv.push('\n');
    }
    (csv, s)
}

/// The fixtures' numbers and addresses, read off their text (GUIDs aside).
fn fixture_secrets(text: &str, s: &mut Secrets) {
    for token in text.split([',', '"', '\n', ';', '\t', '[', ']']) {
        let t = token.trim();
        if t.contains('@') {
            s.local(t);
        } else if t.len() == 36 && t.chars().filter(|c| *c == '-').count() == 4 {
            s.id_prefixes.insert(t[..8].to_lowercase());
        } else if t.chars().filter(char::is_ascii_digit).count() >= 8 {
            s.phone(t);
        }
    }
}

/// `out` without the strings every report has whatever its input (`reference`: a report of
/// one unrelated account), then checked for the secrets.
fn check(what: &str, out: &str, reference: &str, secrets: &Secrets) {
    // What the contract keeps of an object id is no phone number's.
    let mut out = out.to_string();
    for p in &secrets.id_prefixes {
        out = out.replace(p.as_str(), "");
    }
    let out = out.as_str();
    let lower = out.to_lowercase();
    let reference_lower = reference.to_lowercase();
    let runs: Vec<String> = out.split(|c: char| !c.is_ascii_digit()).filter(|r| r.len() >= 4).map(String::from).collect();
    for run in runs {
        let d: Vec<char> = run.chars().collect();
        for w in d.windows(4) {
            let w: String = w.iter().collect();
            assert!(!secrets.windows.contains(&w) || reference.contains(&w), "{what}: the digits {w} (in {run}) of an input number");
        }
    }
    for l in &secrets.locals {
        if l.chars().count() >= 4 && !reference_lower.contains(l.as_str()) {
            assert!(!lower.contains(l.as_str()), "{what}: the local part {l:?} of an input address");
        }
    }
}

fn read(csv: &str, lang: Lang, salt: Option<u64>) -> Said {
    let o = AuditOptions { lang: Some(lang), today: Some("2026-12-06".into()), ..AuditOptions::default() };
    let mut s = Said::read(&[InputFile { name: Some("in.csv"), bytes: csv.as_bytes() }], &o).unwrap();
    s.set_redactor(salt.map(|x| Arc::new(Redactor::new(x))));
    s
}

const REFERENCE: &str = "userPrincipalName,displayName,methodsRegistered\nzz@zz.example,Z,email\n";

#[test]
fn no_redacted_audit_export_carries_contact_data() {
    let (csv, mut secrets) = corpus();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/audit/samples/");
    let mut inputs = vec![("corpus".to_string(), csv)];
    for f in std::fs::read_dir(fixtures).unwrap().flatten() {
        let name = f.file_name().to_string_lossy().into_owned();
        if name.ends_with(".md") {
            continue;
        }
        let bytes = std::fs::read(f.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        fixture_secrets(&text, &mut secrets);
        // Shift_JIS and UTF-16 fixtures are read by the audit from their bytes.
        inputs.push((name, unsafe_text(bytes)));
    }
    for lang in [Lang::En, Lang::Ja] {
        for (name, text) in &inputs {
            let mut plain = read(text, lang, None);
            let mut red = read(text, lang, Some(42));
            let mut reference = read(REFERENCE, lang, Some(42));
            for f in FORMATS {
                let out = export::export(&mut red, f);
                check(&format!("{name} {f:?} {lang:?}"), &out, &export::export(&mut reference, f), &secrets);
            }
            // The same verdicts, findings and counts.
            let (a, b) = (plain_report(&mut plain), plain_report(&mut red));
            assert_eq!(a.summary, b.summary, "{name}");
            assert_eq!(a.accounts.len(), b.accounts.len());
            for (x, y) in a.accounts.iter().zip(&b.accounts) {
                assert_eq!(
                    (x.status, x.findings.iter().map(|f| (f.id, f.severity)).collect::<Vec<_>>()),
                    (y.status, y.findings.iter().map(|f| (f.id, f.severity)).collect::<Vec<_>>())
                );
                assert_eq!(x.plan.iter().map(|p| p.action.id).collect::<Vec<_>>(), y.plan.iter().map(|p| p.action.id).collect::<Vec<_>>());
            }
            assert!(b.redacted && !a.redacted);
            // Never a script from it.
            let fix = FixOptions { lang, temporary_access_pass: false };
            assert_eq!(audit::fix_script_of(&mut red, &fix).unwrap_err(), FixScriptError::Redacted);
            assert_eq!(audit::fix_script(&b, &fix).unwrap_err(), FixScriptError::Redacted);
        }
    }
}

/// An administrator of the corpus: their user name and their number, as the CSV has them.
fn corpus_person(csv: &str) -> (String, String) {
    let row = csv.lines().nth(1).unwrap();
    let cells: Vec<&str> = row.split("\",\"").collect();
    (cells[0].trim_start_matches('"').to_string(), cells[5].to_string())
}

/// Bytes as the audit's input text: the Shift_JIS and UTF-16 fixtures kept as bytes.
fn unsafe_text(bytes: Vec<u8>) -> String {
    // The audit reads bytes; the tests' `read` takes text, so non-UTF-8 fixtures go through
    // the audit's own decoder first.
    sspr_doctor_core::audit::decode::decode(&bytes).text.into_owned()
}

fn plain_report(s: &mut Said) -> audit::AuditReport {
    s.check_all();
    s.report().unwrap()
}

#[test]
fn pseudonyms_are_stable_in_a_report_and_differ_between_two() {
    let (csv, _) = corpus();
    let mut a = read(&csv, Lang::En, Some(1));
    let mut b = read(&csv, Lang::En, Some(2));
    let (ra, rb) = (plain_report(&mut a), plain_report(&mut b));
    let names_a: Vec<&str> = ra.accounts.iter().filter_map(|x| x.upn.as_deref()).collect();
    let distinct: BTreeSet<&&str> = names_a.iter().collect();
    assert_eq!(distinct.len(), names_a.len(), "one pseudonym per person");
    assert!(names_a.iter().all(|u| u.starts_with("user-") && u.ends_with("@contoso.com")));
    assert_ne!(names_a, rb.accounts.iter().filter_map(|x| x.upn.as_deref()).collect::<Vec<_>>());
    // The same person, the same pseudonym in every export of the report.
    let csv_out = export::export(&mut a, ExportFormat::Csv);
    let html_out = export::export(&mut a, ExportFormat::Html);
    for u in names_a.iter().take(5) {
        assert!(csv_out.contains(u) && html_out.contains(u), "{u}");
    }
}

#[test]
fn a_redacted_drop_of_organizations_and_a_redacted_comparison_carry_none() {
    let (csv, secrets) = corpus();
    let half = csv.lines().count() / 2;
    let first: String = csv.lines().take(half).map(|l| format!("{l}\n")).collect();
    let header = csv.lines().next().unwrap();
    let second: String = std::iter::once(header).chain(csv.lines().skip(half)).map(|l| format!("{l}\n")).collect();
    // Folder and file names can carry a person's address and number: a drop of three
    // organizations named by an administrator's user name and number, and by a tenant id
    // (whose files carry it too).
    let (upn, number) = corpus_person(&csv);
    let tenant = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    let third = format!("userPrincipalName,displayName,methodsRegistered,tenantId\nzz@zz.example,Z,email,{tenant}\n");
    let files = vec![
        DropFile::new(format!("drop/{upn} {number}/a.csv"), first.into_bytes()),
        DropFile::new(format!("drop/two/{upn}/{number}.csv"), second.into_bytes()),
        DropFile::new(format!("drop/{tenant}/{tenant}.csv"), third.into_bytes()),
    ];
    let o = AuditOptions { lang: Some(Lang::Ja), today: Some("2026-12-06".into()), ..AuditOptions::default() };
    let read_orgs = |files: Vec<DropFile>| {
        let mut x = orgs::read(files, Vec::new(), &o);
        x.assess_all(2);
        x.rank();
        let mut s = SaidOrgs::new(x, &o);
        s.set_redactor(Some(Arc::new(Redactor::new(9))));
        s
    };
    let mut red = read_orgs(files);
    let mut reference = read_orgs(vec![DropFile::new("drop/one/a.csv".into(), REFERENCE.as_bytes().to_vec())]);
    for f in [ExportFormat::Json, ExportFormat::Csv, ExportFormat::Markdown, ExportFormat::Html] {
        let out = orgs::export::export(&mut red, f);
        check(&format!("organizations {f:?}"), &out, &orgs::export::export(&mut reference, f), &secrets);
        // A tenant id keeps its first 8 characters only, in names as in its field.
        assert!(out.contains("3f2504e0") && !out.contains("3f2504e0-") && !out.contains("0305e82c3301"), "organizations {f:?}: {tenant}");
    }
    let r = red.report().unwrap();
    assert!(
        r.redacted && r.organizations.iter().all(|x| x.accounts.iter().all(|a| a.upn.as_deref().is_some_and(|u| u.starts_with("user-"))))
    );
    // A comparison of the redacted drop with itself: in every format.
    let mut other = read_orgs(vec![DropFile::new(
        "drop/one/a.csv".into(),
        csv.lines().take(half).map(|l| format!("{l}\n")).collect::<String>().into_bytes(),
    )]);
    let mut d = orgs::orgs_diff(&mut other, &mut red, Lang::Ja);
    d.redact(&Redactor::new(9), &|_| true);
    for f in ["json", "csv", "markdown", "text"] {
        let out = orgs::orgs_diff_export(&d, f, Lang::Ja).unwrap();
        check(&format!("comparison {f}"), &out, "", &secrets);
        assert!(!out.contains("0305e82c3301"), "comparison {f}: {tenant}");
    }
}

#[test]
fn a_redacted_audit_masks_its_file_names_and_cuts_its_tenant_id() {
    let csv = "userPrincipalName,displayName,methodsRegistered,mobilePhone,tenantId\n\
               taro.yamada@contoso.com,Taro,mobilePhone,+81 90-1234-5678,3f2504e0-4f89-11d3-9a0c-0305e82c3301\n";
    let o = AuditOptions { lang: Some(Lang::En), today: Some("2026-12-06".into()), ..AuditOptions::default() };
    // A file named by somebody's address and number (neither is in the data).
    let name = "exports/hanako.sato@fabrikam.example 03-9876-5432.csv";
    let secrets = ["hanako.sato", "9876-5432", "0305e82c3301"];
    for redact in [false, true] {
        let mut s = Said::read(&[InputFile { name: Some(name), bytes: csv.as_bytes() }], &o).unwrap();
        s.set_redactor(redact.then(|| Arc::new(Redactor::new(3))));
        for f in FORMATS {
            let out = export::export(&mut s, f);
            let shown: Vec<&str> = secrets.iter().copied().filter(|x| out.contains(x)).collect();
            if redact {
                assert!(shown.is_empty(), "{f:?} redacted: {shown:?}");
            } else if f == ExportFormat::Json {
                assert_eq!(shown, secrets, "{f:?} plain: the file's name and the tenant id as they are");
            }
        }
        let r = plain_report(&mut s);
        assert_eq!(r.organization.tenant_id.as_ref().map(|t| t.as_str().len()), Some(if redact { 8 } else { 36 }));
    }
}
