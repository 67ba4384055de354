//! SSPR Doctor's diagnosis: why a Microsoft Entra administrator's self-service password
//! reset email or text message does not arrive, and how to fix it.
//!
//! Pure Rust with no web dependencies: the WebAssembly bindings, the command line and the
//! tests all call [`diagnose`] and [`check_phones`]. The public contract (field names, ids)
//! is `shared/contract.md` plus the additions in `docs/contract.md`.

pub mod audit;
// The model, under the names the core's modules have always used.
pub(crate) use sspr_model::cause;
pub use sspr_model::{case, report};
pub use sspr_text as normalize;
mod diagnose;
pub mod email;
pub mod facts;
pub mod format;
mod mail_domains;
mod page_message;
pub mod phone;
pub mod phone_check;
pub mod policy;
mod punycode;
mod summary;
mod upn;
pub use sspr_words as words;

pub use case::{AccountSource, Case, Lang, Method, SmsProvider, Symptom};
pub use diagnose::diagnose;
pub use phone_check::{check_phone, check_phones, PhoneCheck, PhoneInput};
pub use report::{
    Channel, Command, EmailReport, Finding, FindingId, PhoneReport, PhoneType, Report, Resolution, ResolutionId, Severity, FINDING_ID_TS,
};
