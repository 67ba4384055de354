//! `cargo run -p sspr-doctor-core --example audit_text -- FILE... [--ja] [--md]`: a quick
//! look at an audit while developing (the command line's `audit` is the real front door).
use sspr_doctor_core::audit::{self, export::ExportFormat, AuditOptions, InputFile};
use sspr_doctor_core::Lang;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = if args.iter().any(|a| a == "--ja") { Lang::Ja } else { Lang::En };
    let format = if args.iter().any(|a| a == "--md") {
        ExportFormat::Markdown
    } else if args.iter().any(|a| a == "--json") {
        ExportFormat::Json
    } else {
        ExportFormat::Text
    };
    let files: Vec<(String, Vec<u8>)> =
        args.iter().filter(|a| !a.starts_with("--")).map(|p| (p.clone(), std::fs::read(p).expect("read"))).collect();
    let inputs: Vec<InputFile> = files.iter().map(|(n, b)| InputFile { name: Some(n), bytes: b }).collect();
    let opts = AuditOptions { lang: Some(lang), today: Some("2026-11-25".into()), ..Default::default() };
    match audit::Said::read(&inputs, &opts) {
        Ok(mut a) => print!("{}", audit::export::export(&mut a, format)),
        Err(e) => eprintln!("{}", sspr_doctor_core::words::audit_error(&e, lang)),
    }
}
