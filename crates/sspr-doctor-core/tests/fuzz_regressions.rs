//! Every input that once broke the engine (tests/fuzz-regressions/, named by where it goes)
//! runs through its target: no panic, within the time bound, a report of bounded size.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::json;
use sspr_doctor_core::audit::{self, export, export::ExportFormat, AuditOptions, InputFile};
use sspr_doctor_core::{diagnose, format, Case, Lang};

fn check_case(case: &Case, name: &str) {
    let t = Instant::now();
    let r = diagnose(case);
    let text = format::to_text(&r, Lang::En);
    let md = format::to_markdown(&r, Lang::En);
    assert!(t.elapsed() < Duration::from_millis(500), "{name}: {:?}", t.elapsed());
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.len() < 200_000 && text.len() < 200_000 && md.len() < 200_000, "{name}: report too large");
}

#[test]
fn every_kept_input_is_handled() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fuzz-regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        n += 1;
        let field = |f: &str| serde_json::from_value::<Case>(json!({ f: text, "isAdmin": true })).unwrap();
        match name.split('-').next().unwrap() {
            "policy" => check_case(&field("policyOutput"), &name),
            "page" => check_case(&field("pageMessage"), &name),
            "email" => check_case(&field("alternateEmail"), &name),
            "phone" => check_case(&field("mobilePhone"), &name),
            "case" => {
                if let Ok(c) = serde_json::from_slice::<Case>(&bytes) {
                    check_case(&c, &name)
                }
            }
            "audit" => {
                let t = Instant::now();
                let opts = AuditOptions { today: Some("2026-11-25".into()), ..Default::default() };
                if let Ok(mut a) = audit::Audit::read(&[InputFile { name: None, bytes: &bytes }], &opts) {
                    for f in [ExportFormat::Json, ExportFormat::Csv, ExportFormat::Markdown, ExportFormat::Text] {
                        let _ = export::export(&mut a, f);
                    }
                }
                assert!(t.elapsed() < Duration::from_secs(2), "{name}: {:?}", t.elapsed());
            }
            other => panic!("{name}: unknown target {other}"),
        }
    }
    assert!(n >= 2, "no regression inputs found in {dir:?}");
}

/// The table read from the right column, whatever the header's letters do when lower-cased.
#[test]
fn the_dotted_i_table_reads_off() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fuzz-regressions");
    let text = std::fs::read_to_string(dir.join("policy-dotted-i-table.txt")).unwrap();
    let r = diagnose(&serde_json::from_value::<Case>(json!({ "policyOutput": text, "isAdmin": true })).unwrap());
    assert_eq!(r.sspr_enabled, Some(false));
}
