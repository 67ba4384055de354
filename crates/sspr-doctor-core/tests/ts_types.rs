//! The WebAssembly module's TypeScript types come from the Rust types (ts-rs, `--features
//! ts`): this writes them as the module declares them and checks that the committed
//! declarations (crates/sspr-doctor-wasm/src/types.d.ts, which the module's .d.ts carries)
//! are current. After changing a public type, run
//! `UPDATE_TYPES=1 cargo test -p sspr-doctor-core --features ts --test ts_types` and commit.
#![cfg(feature = "ts")]

use sspr_doctor_core::report::{
    Channel, Command, EmailReport, Finding, PhoneReport, PhoneType, Report, Resolution, ResolutionId, Severity,
};
use sspr_doctor_core::{AccountSource, Case, Cloud, Lang, Method, PhoneCheck, PhoneInput, SmsProvider, Symptom, FINDING_ID_TS};
use ts_rs::{Config, TS};

fn declarations() -> String {
    let cfg = Config::default();
    let mut out = String::from("// Generated from the Rust types by crates/sspr-doctor-core/tests/ts_types.rs (ts-rs): do not edit.\n\n");
    out.push_str(FINDING_ID_TS);
    out.push('\n');
    let decls = [
        Severity::decl(&cfg),
        Channel::decl(&cfg),
        Method::decl(&cfg),
        PhoneType::decl(&cfg),
        Symptom::decl(&cfg),
        Lang::decl(&cfg),
        SmsProvider::decl(&cfg),
        AccountSource::decl(&cfg),
        Cloud::decl(&cfg),
        Case::decl(&cfg),
        Command::decl(&cfg),
        Finding::decl(&cfg),
        ResolutionId::decl(&cfg),
        Resolution::decl(&cfg),
        PhoneReport::decl(&cfg),
        EmailReport::decl(&cfg),
        Report::decl(&cfg),
        PhoneInput::decl(&cfg),
        PhoneCheck::decl(&cfg),
    ];
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push('\n');
    }
    out
}

#[test]
fn the_modules_typescript_types_are_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../sspr-doctor-wasm/src/types.d.ts");
    let want = declarations();
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is not what the Rust types declare: run UPDATE_TYPES=1 cargo test -p sspr-doctor-core --features ts --test ts_types",
        path.display()
    );
}
