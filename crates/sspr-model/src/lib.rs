//! The model every other crate speaks: what a person tells us (`case`), the ids and shapes
//! of the public contract (`report`), what a rule can conclude (`cause`, `problems`), the
//! audit's vocabulary (`audit`), and every Microsoft fact with its source (`facts`).
//!
//! Nothing here decides anything or says anything in a language: the rules (sspr-rules,
//! sspr-audit) conclude, the words (sspr-words) say it, the output crates write it.

pub mod audit;
pub mod case;
pub mod cause;
pub mod date;
pub mod facts;
pub mod order;
pub mod plan;
pub mod problems;
pub mod report;

pub use case::{AccountSource, Case, Lang, Method, SmsProvider, Symptom};
pub use report::{
    Channel, Command, EmailReport, Evidence, Finding, FindingId, PhoneReport, PhoneType, Report, Resolution, ResolutionId, Severity,
    FINDING_ID_TS,
};
