//! The audit's side of the WebAssembly module (contract v1.1–v1.3): the page runs it in a
//! Web Worker, one audit (or one drop of organizations) at a time per module instance. Files
//! are added, read, their accounts checked in batches (the first rows show at once), an
//! account's words built when it is opened, and exports written in slices. Strings cross as
//! JSON, as for diagnose. Every decision is the core's; these modules only hold the session
//! and convert.
//!
//! A crate of its own: the troubleshooter's bindings (sspr-doctor-wasm) stay as small as
//! the troubleshooter, and the troubleshooter's engine alone (`--no-default-features`) leaves
//! this whole crate out.
//!
//! - `session`: the current audit, and the helpers every call uses;
//! - `audit`: reading files, checking, the table's questions, exports;
//! - `diff`: an earlier export against the current audit;
//! - `fix`: the fix script;
//! - `redact`: contact data hidden in every view and export;
//! - `orgs` and `archive`: a drop of many organizations, and the archives in it.

mod archive;
mod audit;
mod diff;
mod fix;
mod orgs;
mod redact;
mod session;

pub use archive::*;
pub use audit::*;
pub use diff::*;
pub use fix::*;
pub use orgs::*;
pub use redact::*;
