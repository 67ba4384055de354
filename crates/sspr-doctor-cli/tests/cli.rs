//! The command line as a user runs it: the contract's stdin/stdout/exit codes, the shared
//! fixtures byte for byte against the core, help and the readable text mode.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sspr-doctor"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // `--help` and usage errors exit without reading stdin: a closed pipe is expected then.
    match child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.unwrap(),
    }
    child.wait_with_output().unwrap()
}

fn run_bytes(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sspr-doctor"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    match child.stdin.take().unwrap().write_all(stdin) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.unwrap(),
    }
    child.wait_with_output().unwrap()
}

fn fixtures() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/cases");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    v.sort();
    assert!(v.len() >= 10);
    v
}

#[test]
fn fixtures_match_the_core_byte_for_byte() {
    for (name, json) in fixtures() {
        let out = run(&["diagnose"], &json);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let case: sspr_doctor_core::Case = serde_json::from_str(&json).unwrap();
        let expected = serde_json::to_string(&sspr_doctor_core::diagnose(&case)).unwrap() + "\n";
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{name}");
    }
}

#[test]
fn malformed_input_exits_2_with_one_line() {
    for bad in ["", "{", "not json", "[]", "{\"symptom\":\"fax\"}", "{\"methods\":[\"pigeon\"]}", "{\"isAdmin\":1}"] {
        let out = run(&["diagnose"], bad);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{bad}: {err}");
        assert!(err.starts_with("sspr-doctor: "), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn today_is_filled_from_the_clock() {
    let out = run(&["diagnose"], "{}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = report["findings"].as_array().unwrap().iter().find(|f| f["id"] == "microsoft_sms_retired").unwrap();
    let today = f["evidence"]["today"].as_str().unwrap();
    assert_eq!(today.len(), 10);
    assert!(today.starts_with("20"));
}

#[test]
fn help_version_and_usage_errors() {
    let help = run(&["--help"], "");
    assert!(help.status.success());
    let text = String::from_utf8(help.stdout).unwrap();
    for field in ["mobilePhone", "phoneCountry", "policyOutput", "pageMessage", "--format text"] {
        assert!(text.contains(field), "help mentions {field}");
    }
    assert!(run(&["--version"], "").status.success());
    assert_eq!(run(&[], "").status.code(), Some(2));
    assert_eq!(run(&["diagnose", "--format", "xml"], "{}").status.code(), Some(2));
    assert_eq!(run(&["frobnicate"], "{}").status.code(), Some(2));
}

#[test]
fn text_format_is_readable_and_localized() {
    let out = run(&["diagnose", "--format", "text"], r#"{"lang":"ja","mobilePhone":"+81 090-1234-5678","today":"2026-11-24"}"#);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[原因] 国番号の後に国内用の「0」が残っています"), "{text}");
    assert!(text.contains("+81 9012345678"));
    let en = String::from_utf8(run(&["diagnose", "--format", "text"], r#"{"isAdmin":false}"#).stdout).unwrap();
    assert!(en.contains("[CHECK] This account is not an administrator: the user reset policy applies"), "{en}");
}

#[test]
fn version_names_the_facts_date() {
    let out = String::from_utf8(run(&["--version"], "").stdout).unwrap();
    assert!(out.starts_with("sspr-doctor ") && out.contains("Microsoft facts checked 20"), "{out}");
}

#[test]
fn windows_encodings_on_standard_input() {
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(br#"{"lang":"ja","today":"2026-11-24"}"#);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(r#"{"lang":"ja","today":"2026-11-24"}"#.encode_utf16().flat_map(u16::to_le_bytes));
    for bytes in [bom, utf16] {
        let out = run_bytes(&["diagnose"], &bytes);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let phones = run_bytes(&["phones"], b"\xEF\xBB\xBF+81 090-1234-5678\r\n090-1234-5678\tJP\r\n");
    let lines: Vec<&str> = std::str::from_utf8(&phones.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[1].contains("\"suggestion\":\"+81 9012345678\""), "{}", lines[1]);
}

#[test]
fn pretty_json_is_the_same_report() {
    let json = r#"{"alternateEmail":"taro@gmial.com","today":"2026-11-24"}"#;
    let a: serde_json::Value = serde_json::from_slice(&run(&["diagnose"], json).stdout).unwrap();
    let b: serde_json::Value = serde_json::from_slice(&run(&["diagnose", "--pretty"], json).stdout).unwrap();
    assert_eq!(a, b);
}

fn audit_fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/audit").join(name).to_string_lossy().into_owned()
}

#[test]
fn audit_writes_the_cores_report_in_every_format() {
    use sspr_doctor_core::audit::{self, export, export::ExportFormat, AuditOptions, InputFile};
    let file = audit_fixture("admin-script.csv");
    let bytes = std::fs::read(&file).unwrap();
    for (format, f) in
        [("json", ExportFormat::Json), ("csv", ExportFormat::Csv), ("markdown", ExportFormat::Markdown), ("text", ExportFormat::Text)]
    {
        for lang in ["en", "ja"] {
            let out = run(&["audit", &file, "--format", format, "--lang", lang, "--today", "2026-11-25"], "");
            assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
            let opts = AuditOptions {
                lang: Some(if lang == "ja" { sspr_doctor_core::Lang::Ja } else { sspr_doctor_core::Lang::En }),
                today: Some("2026-11-25".into()),
                ..Default::default()
            };
            let mut a = audit::Said::read(&[InputFile { name: Some("admin-script.csv"), bytes: &bytes }], &opts).unwrap();
            let mut want = export::export(&mut a, f);
            if f == ExportFormat::Json {
                want.push('\n');
            }
            assert!(String::from_utf8(out.stdout).unwrap() == want, "{format} {lang} differs from the core");
        }
    }
}

#[test]
fn audit_reads_standard_input_and_several_files() {
    let file = audit_fixture("admin-script.csv");
    let bytes = std::fs::read(&file).unwrap();
    let out = run_bytes(&["audit", "-", "--today", "2026-11-25"], &bytes);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["sources"][0]["name"], "stdin");
    assert_eq!(report["accounts"].as_array().unwrap().len(), 7);
    let s = |n: &str| audit_fixture(&format!("samples/{n}"));
    let out = run(
        &[
            "audit",
            &s("graph_userRegistrationDetails_beta.json"),
            &s("graph_phoneMethods_by_user.json"),
            &s("graph_emailMethods_by_user.json"),
        ],
        "",
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["format"], "graphRegistrationDetails+graphMethods");
    assert_eq!(report["sources"][1]["name"], "graph_phoneMethods_by_user.json", "names without folders, as the page has them");
    assert_eq!(report["accounts"][0]["phone"]["input"], "+81 09000000001");
}

#[test]
fn audit_refuses_what_it_cannot_read_with_exit_2_and_one_message() {
    let dir = std::env::temp_dir().join(format!("sspr-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        ("empty.csv", b"", "empty"),
        ("names.csv", b"name,phone\nTaro,+81 90\n", "No column names a user"),
        ("bad.json", b"{\"value\": [", "not valid JSON"),
        ("wide.csv", &[b'a'; 10][..], "No column names a user"),
    ];
    for (name, content, want) in cases {
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        let out = run(&["audit", path.to_str().unwrap()], "");
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(want) && err.trim_end().lines().count() == 1, "{name}: {err}");
        assert!(out.stdout.is_empty());
    }
    let out = run(&["audit", dir.join("missing.csv").to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("cannot read"));
    let ja = run(&["audit", dir.join("names.csv").to_str().unwrap(), "--lang", "ja"], "");
    assert!(String::from_utf8(ja.stderr).unwrap().contains("ユーザーを示す列がない"));
    for bad in
        [&["audit"][..], &["audit", "x", "--format", "xml"], &["audit", "x", "--today", "tomorrow"], &["diagnose", "--format", "csv"]]
    {
        assert_eq!(run(bad, "{}").status.code(), Some(2), "{bad:?}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn audit_script_is_the_cores_script() {
    let out = run(&["audit-script"], "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), sspr_doctor_core::facts::audit_script(sspr_doctor_core::Cloud::Public));
    let out = run(&["audit-script", "--cloud", "usGovernmentDoD"], "");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text, sspr_doctor_core::facts::audit_script(sspr_doctor_core::Cloud::UsGovernmentDod));
    assert!(text.contains("$Environment = 'USGovDoD'"));
}
