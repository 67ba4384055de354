//! Contact data hidden (contract v1.3 "Redaction"): one redactor, with a salt the page draws
//! from `crypto.getRandomValues`, for the current audit, its comparison and the drop of
//! organizations, so that a person keeps one pseudonym in every view and download until the
//! switch is turned off. Fix scripts refuse while it is on.

use std::sync::Arc;

use sspr_doctor_core::redact::Redactor;
use wasm_bindgen::prelude::*;

/// Hides contact data from now on (`on`, with a salt of two 32-bit halves; a new salt makes
/// new pseudonyms) or shows it again, in the audit, its comparison and the organizations.
#[wasm_bindgen(js_name = auditRedact)]
pub fn audit_redact(on: bool, salt_high: u32, salt_low: u32) {
    crate::session::set_redactor(on.then(|| Arc::new(Redactor::new((u64::from(salt_high) << 32) | u64::from(salt_low)))));
}
