//! `cargo run --release -p sspr-doctor-core --example audit_time -- FILE`: where the
//! audit's time goes (read, check, words, JSON), for the scale figures.
use std::time::Instant;

use sspr_doctor_core::audit::{export, export::ExportFormat, AuditOptions, InputFile, Said};

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let bytes = std::fs::read(&path).expect("read");
    let opts = AuditOptions { today: Some("2026-11-25".into()), ..Default::default() };
    let t = Instant::now();
    let mut a = Said::read(&[InputFile { name: None, bytes: &bytes }], &opts).expect("audit");
    let read = t.elapsed();
    let t = Instant::now();
    a.audit_mut().assess_all_on(std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(1));
    let check = t.elapsed();
    let t = Instant::now();
    let tenant_findings = a.head().map_or(0, |h| h.tenant.findings.len());
    let head_t = t.elapsed();
    let t = Instant::now();
    let mut n = 0;
    for i in 0..a.audit().len() {
        n += a.account(i).map_or(0, |x| x.findings.len());
    }
    let words = t.elapsed();
    let t = Instant::now();
    let mut sink = std::io::sink();
    export::write_to(&mut a, ExportFormat::Json, 2, &mut sink).unwrap();
    let json_t = t.elapsed();
    let json = String::new();
    let t = Instant::now();
    let csv = export::export(&mut a, ExportFormat::Csv);
    let csv_t = t.elapsed();
    println!(
        "accounts {} findings {n} tenant {}: read {read:?}, check {check:?}, head {head_t:?}, accounts with words {words:?}, json export {json_t:?} ({} MB), csv export {csv_t:?} ({} MB)",
        a.audit().len(),
        tenant_findings,
        json.len() / 1_000_000,
        csv.len() / 1_000_000
    );
}
