//! The audit's output: the conclusions of sspr-audit said in a language (`Said`, the
//! contract's AuditReport) and written as JSON, CSV, Markdown and text (`export`).

pub mod diff;
pub mod diff_out;
pub mod export;
pub mod fix_script;
pub mod orgs;
pub mod redact;
mod report;
mod said;

pub use report::*;
pub use said::{audit, audit_files, Said};
