use std::time::Instant;
fn main() {
    let case: sspr_doctor_core::Case = serde_json::from_str(r#"{"mobilePhone":"+81 90-1234-5678","today":"2026-11-25"}"#).unwrap();
    let r = sspr_doctor_core::diagnose(&case);
    let json = serde_json::to_string(&r).unwrap();
    println!("report json {} bytes, {} findings", json.len(), r.findings.len());
    let n = 200_000;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(sspr_doctor_core::diagnose(std::hint::black_box(&case)));
    }
    println!("diagnose {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(serde_json::to_string(std::hint::black_box(&r)).unwrap());
    }
    println!("to_string {:?}", t.elapsed() / n);
}
