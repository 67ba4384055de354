//! The WebAssembly front door: one thin adapter over `sspr_doctor_core`. Every decision
//! lives in the core; this file only converts JS values in and out.
//!
//! Data crosses as plain JS objects. `diagnose` builds them with the browser's `JSON.parse`
//! from the core's own JSON; the other values are built by serde-wasm-bindgen
//! (`json_compatible`: maps as objects, `None` as `null`). Either way
//! `JSON.stringify(diagnose(c))` is byte for byte what the command line prints for the
//! same case.

use serde::Serialize;
use sspr_doctor_core::{Case, PhoneInput};
use wasm_bindgen::prelude::*;

/// The TypeScript types of the values that cross (Case, Report, PhoneCheck, the finding
/// ids, ...), generated from the Rust types (crates/sspr-doctor-core/tests/ts_types.rs).
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("types.d.ts");

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "Case")]
    pub type CaseValue;
    #[wasm_bindgen(typescript_type = "Report")]
    pub type ReportValue;
}

/// The serializer for the values built property by property (`facts`); `diagnose` crosses
/// as JSON text instead (below).
const SERIALIZER: serde_wasm_bindgen::Serializer = serde_wasm_bindgen::Serializer::json_compatible();

/// Diagnoses one case. Throws an `Error` with a readable message when the value is not a
/// Case (a wrong type or an unknown option); findings are never exceptions.
///
/// The Case and the Report cross as JSON text, through the browser's own `JSON`: the same
/// plain objects as building them one property at a time (serde-wasm-bindgen), but one
/// Case reader and one Report writer in the module instead of two (4 kB less brotli on the
/// page) and a faster crossing for a report of a dozen findings.
#[wasm_bindgen(js_name = diagnose)]
pub fn diagnose(case: CaseValue) -> Result<ReportValue, JsError> {
    let value: JsValue = case.into();
    // serde would also read a struct from an array; a Case is a plain object.
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(JsError::new("invalid Case: diagnose(case) takes a Case object"));
    }
    // A value JSON cannot write (a BigInt, a cycle, a toJSON giving nothing) is no Case either.
    let text = js_sys::JSON::stringify(&value).map_err(|e| JsError::new(&format!("invalid Case: {}", js_message(&e))))?;
    let text = text.as_string().ok_or_else(|| JsError::new("invalid Case: diagnose(case) takes a Case object"))?;
    let report = diagnose_json(&text)?;
    js_sys::JSON::parse(&report).map(JsValue::unchecked_into).map_err(|e| JsError::new(&js_message(&e)))
}

/// The message of a thrown JS value (an Error's `message`, else its text).
fn js_message(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()).or_else(|| e.as_string()).unwrap_or_default()
}

/// Facts the page shows before a diagnosis (commands, the sender address), from the core.
#[wasm_bindgen(js_name = facts)]
pub fn facts() -> Result<JsValue, JsError> {
    sspr_doctor_core::facts::page_facts().serialize(&SERIALIZER).map_err(|e| JsError::new(&e.to_string()))
}

/// The regions the phone metadata knows (ISO 3166-1 alpha-2), sorted: a static list, no
/// metadata is built.
#[wasm_bindgen(js_name = phoneRegions)]
pub fn phone_regions() -> Vec<String> {
    sspr_doctor_core::phone::regions().map(String::from).collect()
}

/// Diagnoses one case given as JSON text and returns the Report as JSON text: the page's
/// fast path (the browser's JSON.parse builds the report object faster than values built
/// one property at a time across the boundary). Errors as for `diagnose`.
#[wasm_bindgen(js_name = diagnoseJson)]
pub fn diagnose_json(case: &str) -> Result<String, JsError> {
    let case: Case = read_json(case, "Case")?;
    serde_json::to_string(&sspr_doctor_core::diagnose(&case)).map_err(|e| JsError::new(&e.to_string()))
}

/// Bulk phone checks (contract v1.1): a JSON array of `{ mobilePhone, phoneCountry? }` in,
/// a JSON array of PhoneCheck out, in order.
#[wasm_bindgen(js_name = checkPhonesJson)]
pub fn check_phones_json(list: &str) -> Result<String, JsError> {
    let inputs: Vec<PhoneInput> = serde_json::from_str(list).map_err(|e| JsError::new(&format!("invalid phone list: {e}")))?;
    serde_json::to_string(&sspr_doctor_core::check_phones(&inputs)).map_err(|e| JsError::new(&e.to_string()))
}

/// A Case from JSON text; a Case is an object (serde would also read a struct from an array).
fn read_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, JsError> {
    if !text.trim_start().starts_with('{') {
        return Err(JsError::new(&format!("invalid {what}: diagnose(case) takes a {what} object")));
    }
    serde_json::from_str(text).map_err(|e| JsError::new(&format!("invalid {what}: {e}")))
}

/// The report of a case (JSON, as `diagnoseJson` takes it) as plain text (`"text"`) or
/// Markdown (`"markdown"`) in the case's language, for "copy as text" and "copy as Markdown":
/// `sspr-doctor diagnose --format text|markdown`'s bytes for the same case. It takes the Case,
/// not the Report (`formatReport` did, until v1.3): a case is diagnosed again in some 70 µs,
/// where reading a Report back needed a reader of every report type (9 kB of the page's
/// weight, docs/figures.md) for this one use.
#[wasm_bindgen(js_name = formatCaseJson)]
pub fn format_case_json(case: &str, format: &str) -> Result<String, JsError> {
    let case: Case = read_json(case, "Case")?;
    let report = sspr_doctor_core::diagnose(&case);
    match format {
        "text" => Ok(sspr_doctor_core::format::to_text(&report, case.lang())),
        "markdown" => Ok(sspr_doctor_core::format::to_markdown(&report, case.lang())),
        other => Err(JsError::new(&format!("unknown format \"{other}\": use \"text\" or \"markdown\""))),
    }
}

// The audit's calls (contract v1.1–v1.3: the audit, the comparison, the fix script,
// organizations, archives, redaction) live in their own crate, built for size
// (sspr-doctor-wasm-audit); left out with `--no-default-features` (the troubleshooter's
// engine alone, measured in docs/figures.md).
#[cfg(feature = "audit")]
pub use sspr_doctor_wasm_audit::*;

/// The crate version, for the page's footer and bug reports.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Executes a WebAssembly trap, exactly as a panic would (`panic = "abort"`), so the
/// browser tests can prove that the page recovers from a dead module. Never called by
/// the page itself.
#[wasm_bindgen(js_name = __trapForTesting)]
pub fn trap_for_testing() {
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
}
