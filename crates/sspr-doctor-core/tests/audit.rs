//! The audit on every sample export (tests/fixtures/audit/samples, copied from
//! shared/data/admin-exports, all fake data) and on the shape the page's script writes
//! (tests/fixtures/audit/admin-script.csv): the expected result of each is in
//! tests/fixtures/audit/expected/, written by hand-checked runs (UPDATE_EXPECTED=1
//! rewrites them; review the diff).

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use sspr_doctor_core::audit::{self, export, export::ExportFormat, AuditOptions, InputFile};
use sspr_doctor_core::{words, Lang};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/audit")
}

fn opts(lang: Lang) -> AuditOptions {
    AuditOptions { lang: Some(lang), today: Some("2026-11-25".into()), ..Default::default() }
}

/// What the expected files pin down: the decisions, not the words.
fn decisions(r: &audit::AuditReport) -> Value {
    json!({
        "format": r.format,
        "encoding": r.encoding,
        "accounts": r.accounts.iter().map(|a| json!({
            "upn": a.upn, "status": a.status, "isAdmin": a.is_admin, "globalAdmin": a.global_admin,
            "smsRetirementDate": a.sms_retirement_date,
            "usable": a.usable_methods,
            "findings": a.findings.iter().map(|f| format!("{}:{}", f.id.as_str(), serde_json::to_value(f.severity).unwrap().as_str().unwrap())).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "tenant": r.tenant.findings.iter().map(|f| format!("{}:{}", f.id.as_str(), serde_json::to_value(f.severity).unwrap().as_str().unwrap())).collect::<Vec<_>>(),
        "summary": r.summary,
        "problems": r.problems.iter().map(|p| json!([p.line, p.code])).collect::<Vec<_>>(),
        "missing": r.columns.missing.iter().map(|m| m.field).collect::<Vec<_>>(),
    })
}

fn cases() -> Vec<(String, Vec<PathBuf>)> {
    let mut v: Vec<(String, Vec<PathBuf>)> = std::fs::read_dir(fixtures().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv" || e == "json"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), vec![p]))
        .collect();
    v.push(("admin-script".into(), vec![fixtures().join("admin-script.csv")]));
    // The Graph report with the per-user method lists beside it, read together.
    let s = fixtures().join("samples");
    v.push((
        "graph-together".into(),
        vec![
            s.join("graph_userRegistrationDetails_beta.json"),
            s.join("graph_phoneMethods_by_user.json"),
            s.join("graph_emailMethods_by_user.json"),
        ],
    ));
    v.sort();
    v
}

fn run(paths: &[PathBuf], lang: Lang) -> audit::AuditReport {
    let bytes: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let inputs: Vec<InputFile> = bytes.iter().map(|b| InputFile { name: None, bytes: b }).collect();
    audit::audit_files(&inputs, &opts(lang)).unwrap_or_else(|e| panic!("{paths:?}: {}", words::audit_error(&e, Lang::En)))
}

#[test]
fn every_sample_is_audited_as_expected() {
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let mut failures = Vec::new();
    for (name, paths) in cases() {
        let got = decisions(&run(&paths, Lang::En));
        let file = fixtures().join("expected").join(format!("{name}.json"));
        if update {
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
            continue;
        }
        let want: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap_or_else(|_| panic!("missing {file:?}"))).unwrap();
        if got != want {
            failures.push(format!(
                "{name}:\n got {}\nwant {}",
                serde_json::to_string(&got).unwrap(),
                serde_json::to_string(&want).unwrap()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn both_languages_decide_the_same() {
    for (name, paths) in cases() {
        let (en, ja) = (run(&paths, Lang::En), run(&paths, Lang::Ja));
        assert_eq!(decisions(&en), decisions(&ja), "{name}");
        for (a, b) in en.accounts.iter().zip(&ja.accounts) {
            for (f, g) in a.findings.iter().zip(&b.findings) {
                assert_eq!(f.steps.len(), g.steps.len(), "{name}: {}", f.id.as_str());
                assert_ne!(f.title, g.title, "{name}: {} not translated", f.id.as_str());
            }
        }
    }
}

#[test]
fn the_scripts_output_is_read_with_nothing_missing() {
    // The columns the script writes, in its order, from the script itself.
    let script = &sspr_doctor_core::facts::audit_script(sspr_doctor_core::Cloud::Public);
    let body = &script[script.find("[ordered]@{").unwrap()..];
    let body = &body[..body.find("\n    }").unwrap()];
    let columns: Vec<&str> = body.lines().skip(1).filter_map(|l| l.trim().split_once('=').map(|(k, _)| k.trim())).collect();
    assert!(columns.len() >= 15, "{columns:?}");
    let fixture = std::fs::read_to_string(fixtures().join("admin-script.csv")).unwrap();
    let header: Vec<String> =
        fixture.trim_start_matches('\u{FEFF}').lines().next().unwrap().split(',').map(|c| c.trim_matches('"').to_string()).collect();
    assert_eq!(header, columns, "the fixture's header is the script's columns");
    let r = run(&[fixtures().join("admin-script.csv")], Lang::En);
    assert_eq!(r.format, "adminScript");
    assert!(r.columns.missing.is_empty(), "{:?}", r.columns.missing);
    assert!(r.columns.ignored.is_empty(), "{:?}", r.columns.ignored);
    // Decided, all but the B2B guest, who resets in their home organization.
    assert!(r.accounts.iter().all(|a| a.status != audit::Status::Unknown || a.upn.as_deref().is_some_and(|u| u.contains("#EXT#"))));
    // Read-only: no cmdlet that changes anything, and only read scopes.
    for verb in ["New-Mg", "Update-Mg", "Remove-Mg", "Set-Mg", "Invoke-MgGraphRequest", "ReadWrite"] {
        assert!(!script.contains(verb), "{verb}");
    }
    assert!(script.contains(sspr_doctor_core::facts::AUDIT_SCRIPT_OUTPUT));
}

#[test]
fn every_export_format_is_whole_and_the_json_is_the_report() {
    for (name, paths) in cases() {
        for lang in [Lang::En, Lang::Ja] {
            let bytes: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
            let inputs: Vec<InputFile> = bytes.iter().map(|b| InputFile { name: None, bytes: b }).collect();
            let mut a = audit::Said::read(&inputs, &opts(lang)).unwrap();
            a.check_all();
            let report = a.report().unwrap();
            assert_eq!(export::export(&mut a, ExportFormat::Json), serde_json::to_string(&report).unwrap(), "{name}");
            // Written in slices as the page does: the same bytes.
            for f in [ExportFormat::Json, ExportFormat::Csv, ExportFormat::Markdown, ExportFormat::Text] {
                let whole = export::export(&mut a, f);
                let mut parts = export::head(&mut a, f);
                for pass in 0..f.passes() {
                    for i in 0..a.audit().len() {
                        parts.push_str(&export::accounts(&a, f, pass, i..i + 1));
                    }
                    parts.push_str(&export::between(&a, f, pass));
                }
                parts.push_str(&export::tail(&mut a, f));
                assert_eq!(parts, whole, "{name} {f:?}");
                // The command line's way: a fresh audit read on two threads and checked while
                // it is written, on several. The same bytes again, and the summary still whole.
                let mut fresh = audit::Said::read_on(&inputs, &opts(lang), 2).unwrap();
                fresh.audit_mut().keep_details(false);
                let mut written = Vec::new();
                export::write_to(&mut fresh, f, 3, &mut written).unwrap();
                assert_eq!(String::from_utf8(written).unwrap(), whole, "{name} {f:?} (write_to)");
                let c = fresh.audit().tally().counts;
                assert_eq!(c.fails + c.at_risk + c.unknown + c.ok, fresh.audit().len(), "{name} {f:?}: every account counted once");
            }
            let csv = export::export(&mut a, ExportFormat::Csv);
            assert!(csv.starts_with('\u{FEFF}'), "{name}: no BOM");
            assert_eq!(csv.matches("\r\n").count(), a.audit().len() + 1, "{name}: one line per account");
        }
    }
}

#[test]
fn files_it_cannot_read_get_a_clear_message() {
    let cases: [(&[u8], &str); 6] = [
        (b"", "empty"),
        (b"   \r\n ", "empty"),
        (b"name,phone\nTaro,+81 90\n", "looked for a user name"),
        (b"{\"value\": [", "not valid JSON"),
        (b"userPrincipalName\n", "no account"),
        (b"\x00\x01\x02\x03\xff\xfe\xfd", "looked for a user name"),
    ];
    for (input, want) in cases {
        let e = audit::audit(input, &opts(Lang::En)).unwrap_err();
        let m = words::audit_error(&e, Lang::En);
        assert!(m.contains(want), "{input:?}: {m}");
        assert!(!words::audit_error(&e, Lang::Ja).is_empty());
    }
    let wide = format!("userPrincipalName{}\n", ",x".repeat(2000));
    assert!(words::audit_error(&audit::audit(wide.as_bytes(), &opts(Lang::En)).unwrap_err(), Lang::En).contains("2001 columns"));
}

#[test]
fn every_audit_id_is_raised_by_a_fixture_and_only_the_audit_raises_it() {
    let mut raised = std::collections::BTreeSet::new();
    for (_, paths) in cases() {
        let r = run(&paths, Lang::En);
        raised.extend(r.tenant.findings.iter().map(|f| f.id));
        raised.extend(r.accounts.iter().flat_map(|a| a.findings.iter().map(|f| f.id)));
    }
    // Only one of three Global Administrators could reset.
    let few = "userPrincipalName,roles,methodsRegistered\n\
               a@contoso.com,Global Administrator,email;microsoftAuthenticatorPush\n\
               b@contoso.com,Global Administrator,email\n\
               c@contoso.com,Global Administrator,\n";
    let r = audit::audit(few.as_bytes(), &opts(Lang::En)).unwrap();
    assert_eq!(r.tenant.findings.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["few_global_admins_can_reset"]);
    raised.extend(r.tenant.findings.iter().map(|f| f.id));
    // A reader role is outside the administrator reset policy (issue 19, item 8).
    let reader = "userPrincipalName,roles,methodsRegistered\nr@contoso.com,Global Reader,email\n";
    let r = audit::audit(reader.as_bytes(), &opts(Lang::En)).unwrap();
    raised.extend(r.accounts.iter().flat_map(|a| a.findings.iter().map(|f| f.id)));
    for id in sspr_doctor_core::FindingId::AUDIT_ONLY {
        assert!(raised.contains(id), "no fixture raises {}", id.as_str());
    }
}

#[test]
fn near_misses_of_the_audit_ids() {
    let ids = |csv: &str| {
        let r = audit::audit(csv.as_bytes(), &opts(Lang::En)).unwrap();
        let mut v: Vec<&'static str> = r.tenant.findings.iter().map(|f| f.id.as_str()).collect();
        v.extend(r.accounts.iter().flat_map(|a| a.findings.iter().map(|f| f.id.as_str())));
        v
    };
    // Two Global Administrators with two non-telephony methods each, their own contacts.
    let fine = "userPrincipalName,roles,methodsRegistered,authMobilePhone,authEmail,isSsprCapable\n\
                a@contoso.com,Global Administrator,email;microsoftAuthenticatorPush;mobilePhone,+81 9012345678,a@fabrikam.example,True\n\
                b@contoso.com,Global Administrator,email;hardwareOneTimePasscode;mobilePhone,+81 8012345678,b@fabrikam.example,True\n";
    assert_eq!(ids(fine), Vec::<&str>::new());
    // With an office phone, an alternate mobile is not the only phone.
    let office = "userPrincipalName,isAdmin,methodsRegistered\na@contoso.com,True,officePhone;alternateMobilePhone;email\n";
    assert!(!ids(office).contains(&"alternate_mobile_only"));
    // Before the retirement date with an own telephony provider: nothing depends on Microsoft.
    let sms = "userPrincipalName,isAdmin,methodsRegistered\na@contoso.com,True,mobilePhone;email\n";
    let r = audit::audit(sms.as_bytes(), &AuditOptions { telecom_provider: Some(true), ..opts(Lang::En) }).unwrap();
    assert!(r.accounts[0].findings.is_empty() && r.accounts[0].sms_retirement_date.is_none());
    // A real national number (no + lost) is not a damaged one.
    let national = "userPrincipalName,isAdmin,methodsRegistered,authMobilePhone\na@contoso.com,True,mobilePhone;email,090-1234-5678\n";
    assert!(!ids(national).contains(&"phone_mangled") && ids(national).contains(&"country_code_missing"));
    // After the date, the same account fails today.
    let r = audit::audit(sms.as_bytes(), &AuditOptions { today: Some("2027-03-01".into()), ..opts(Lang::En) }).unwrap();
    assert_eq!(r.accounts[0].status, audit::Status::Fails);
    assert!(r.accounts[0].findings.iter().any(|f| f.id.as_str() == "microsoft_sms_retired"));
}

/// The table decoder is what the WHATWG standard says (encoding_rs implements it), on
/// every two-byte sequence and on random bytes.
#[cfg(feature = "shift-jis-table")]
#[test]
fn shift_jis_matches_the_standard() {
    use sspr_doctor_core::audit::decode::shift_jis;
    let mut all = Vec::new();
    for lead in 0x80..=0xFFu8 {
        for trail in 0x00..=0xFFu8 {
            all.extend_from_slice(&[lead, trail, b' ']);
        }
    }
    let mut seed = 0x2545F491u32;
    let mut random = Vec::new();
    for _ in 0..200_000 {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        random.push((seed >> 24) as u8);
    }
    for bytes in [all, random] {
        let (want, _, _) = encoding_rs::SHIFT_JIS.decode(&bytes);
        assert!(shift_jis(&bytes).text == want, "differs from encoding_rs");
    }
}

/// The page's table is answered by the engine (no copy of the rows in the page): the
/// tally, a filter and an order agree with the rows themselves, checked in slices.
#[test]
fn the_tables_filters_sorts_and_counts_agree_with_the_rows() {
    let bytes = std::fs::read(fixtures().join("admin-script.csv")).unwrap();
    let mut a = audit::Audit::read(&[InputFile { name: None, bytes: &bytes }], &opts(Lang::En)).unwrap();
    a.keep_details(false);
    let n = a.len();
    assert!(n >= 6, "{n}");
    // Checked in slices, the tally follows.
    a.assess_next(2);
    assert_eq!(a.checked(), 2);
    assert_eq!(a.query(&audit::Query::default()), vec![0, 1], "only what is checked is in the table");
    while !a.assess_next(3).is_empty() {}
    let all: Vec<u32> = (0..n as u32).collect();
    let rows = a.rows(&all);
    assert_eq!(rows.len(), n);
    let t = a.tally();
    let count = |s: &str| rows.iter().filter(|r| r.status.as_str() == s).count();
    assert_eq!(
        (a.checked(), t.counts.fails, t.counts.at_risk, t.counts.unknown, t.counts.ok),
        (n, count("fails"), count("atRisk"), count("unknown"), count("ok"))
    );
    let ids: std::collections::BTreeSet<_> = rows.iter().flat_map(|r| r.findings.iter().copied()).collect();
    assert_eq!(t.findings, ids);

    let q = |json: Value| a.query(&serde_json::from_value(json).unwrap());
    // No filter, no order: the file's order.
    assert_eq!(q(json!({})), all);
    // By status: the rows of that status, in file order.
    let fails: Vec<u32> = rows.iter().filter(|r| r.status.as_str() == "fails").map(|r| r.index as u32).collect();
    assert!(!fails.is_empty());
    assert_eq!(q(json!({ "status": "fails", "role": "", "finding": "", "text": "" })), fails);
    // By finding and by text (case ignored, user name or display name).
    let id = rows.iter().find_map(|r| r.findings.first()).unwrap();
    let with: Vec<u32> = rows.iter().filter(|r| r.findings.contains(id)).map(|r| r.index as u32).collect();
    assert_eq!(q(json!({ "finding": id.as_str() })), with);
    let first = rows[0].upn.clone().unwrap();
    let needle = first[..first.find('@').unwrap()].to_uppercase();
    let found = q(json!({ "text": format!("  {needle} ") }));
    assert!(found.contains(&0), "{needle}: {found:?}");
    assert!(found.iter().all(|&i| rows[i as usize].upn.as_deref().unwrap_or("").to_lowercase().contains(&needle.to_lowercase())
        || rows[i as usize].display_name.as_deref().unwrap_or("").to_lowercase().contains(&needle.to_lowercase())));
    // Sorted by status, both ways: ties stay in file order either way.
    let rank = |i: u32| rows[i as usize].status as u8;
    let up = q(json!({ "sort": { "key": "status", "dir": "asc" } }));
    let down = q(json!({ "sort": { "key": "status", "dir": "desc" } }));
    assert_eq!(up.len(), n);
    assert!(up.windows(2).all(|w| rank(w[0]) < rank(w[1]) || rank(w[0]) == rank(w[1]) && w[0] < w[1]), "{up:?}");
    assert!(down.windows(2).all(|w| rank(w[0]) > rank(w[1]) || rank(w[0]) == rank(w[1]) && w[0] < w[1]), "{down:?}");
    // By user name, and accounts with no date sort after every date.
    let names = q(json!({ "sort": { "key": "upn" } }));
    let name = |i: u32| rows[i as usize].upn.clone().unwrap_or_default().to_lowercase();
    assert!(names.windows(2).all(|w| name(w[0]) <= name(w[1])));
    let dates = q(json!({ "sort": { "key": "date" } }));
    let date = |i: u32| rows[i as usize].sms_retirement_date.clone();
    let first_none = dates.iter().position(|&i| date(i).is_none()).unwrap_or(n);
    assert!(dates[first_none..].iter().all(|&i| date(i).is_none()), "no date is last");
    assert!(dates[..first_none].windows(2).all(|w| date(w[0]) <= date(w[1])));
    // Rows asked for beyond the accounts are left out, not an error.
    assert_eq!(a.rows(&[0, n as u32 + 5]).len(), 1);
}

/// Past one slice (2,000 accounts) per thread: the parts come back in order, each account
/// is checked once, and the bytes are those of the one-piece export; read on two threads,
/// as the command line reads, with rows that repeat accounts from many batches before.
#[test]
fn the_command_lines_threaded_writing_gives_the_same_bytes_on_thousands() {
    let text = std::fs::read_to_string(fixtures().join("admin-script.csv")).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.filter(|l| !l.trim().is_empty()).collect();
    let mut big = format!("{header}\n");
    for k in 0..900 {
        for r in &rows {
            // Another user name and object id for each copy.
            big.push_str(&r.replacen('@', &format!(".n{k}@"), 1).replacen("-0000-0000-0000-", &format!("-0000-0000-{k:04}-"), 1));
            big.push('\n');
        }
    }
    // The first copy's rows again at the end: merged into accounts read thousands of rows
    // (several of the reading thread's batches) before.
    for r in &rows {
        big.push_str(&r.replacen('@', ".n0@", 1));
        big.push('\n');
    }
    let inputs = [InputFile { name: None, bytes: big.as_bytes() }];
    for f in [ExportFormat::Json, ExportFormat::Csv] {
        let mut whole = audit::Said::read(&inputs, &opts(Lang::En)).unwrap();
        let expected = export::export(&mut whole, f);
        let mut fresh = audit::Said::read_on(&inputs, &opts(Lang::En), 2).unwrap();
        assert!(fresh.audit().len() > 6000, "{}", fresh.audit().len());
        fresh.audit_mut().keep_details(false);
        let mut written = Vec::new();
        export::write_to(&mut fresh, f, 3, &mut written).unwrap();
        assert!(String::from_utf8(written).unwrap() == expected, "{f:?}: not the same bytes");
        let c = fresh.audit().tally().counts;
        assert_eq!(c.fails + c.at_risk + c.unknown + c.ok, fresh.audit().len(), "every account counted once");
    }
}
