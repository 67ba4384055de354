//! Profiling aid: only reads and checks (no words, no export).
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let bytes = std::fs::read(&path).expect("read");
    let opts = sspr_doctor_core::audit::AuditOptions { today: Some("2026-11-25".into()), ..Default::default() };
    let mut a =
        sspr_doctor_core::audit::Audit::read(&[sspr_doctor_core::audit::InputFile { name: None, bytes: &bytes }], &opts).expect("audit");
    let t = std::time::Instant::now();
    a.assess_next(usize::MAX);
    eprintln!("check {:?}", t.elapsed());
}
