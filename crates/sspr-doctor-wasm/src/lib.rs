//! The WebAssembly front door: one thin adapter over `sspr_doctor_core`. Every decision
//! lives in the core; this file only converts JS values in and out.
//!
//! Data crosses as plain JS objects through one serializer (`json_compatible`: maps as
//! objects, `None` as `null`), so `JSON.stringify(diagnose(c))` is byte for byte what the
//! command line prints for the same case.

use serde::Serialize;
use sspr_doctor_core::{Case, PhoneInput, Report};
use wasm_bindgen::prelude::*;

/// The finding ids' TypeScript type, from the core's one table of ids.
#[wasm_bindgen(typescript_custom_section)]
const TS_FINDING_ID: &str = sspr_doctor_core::FINDING_ID_TS;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
export type Severity = "blocking" | "likely" | "check";
export type Channel = "email" | "sms" | "both";
export type Method = "email" | "mobilePhone" | "officePhone" | "authenticatorApp" | "securityQuestions";
export type PhoneType = "mobile" | "fixedLine" | "fixedLineOrMobile" | "voip" | "tollFree" | "premiumRate"
  | "sharedCost" | "personalNumber" | "pager" | "uan" | "voicemail" | "unknown";

/** Every field optional: absent or null means "not known". */
export interface Case {
  symptom?: "email" | "sms" | "both" | null;
  lang?: "ja" | "en" | null;
  username?: string | null;
  isAdmin?: boolean | null;
  soleAdmin?: boolean | null;
  globalAdmin?: boolean | null;
  alternateEmail?: string | null;
  mobilePhone?: string | null;
  phoneCountry?: string | null;
  smsProvider?: "carrier" | "voipApp" | null;
  carrierReceivesUsSms?: boolean | null;
  clickedResetLink?: boolean | null;
  checkedJunkFolder?: boolean | null;
  safeSenderAdded?: boolean | null;
  ssprEnabled?: boolean | null;
  policyOutput?: string | null;
  pageMessage?: string | null;
  methods?: Method[] | null;
  telecomProvider?: boolean | null;
  today?: string | null;
  registeredAsMethods?: boolean | null;
  accountSource?: "cloud" | "synced" | "federated" | null;
  supportCode?: string | null;
  /** Addition: date and time with offset, for the support summary (filled when absent). */
  now?: string | null;
}

export interface Command { text: string; legacy: boolean; }
export interface Finding {
  id: FindingId; severity: Severity; channel: Channel;
  title: string; detail: string; steps: string[];
  evidence: Record<string, string>;
  commands: Command[];
}
export interface Resolution { id: "askYourAdmin" | "askAnotherAdmin" | "contactSupport" | "unknown"; steps: string[]; }
export interface PhoneReport { input: string; e164: string | null; country: string | null; type: PhoneType; valid: boolean; }
export interface EmailReport { input: string; normalized: string; valid: boolean; suggestion: string | null; }
export interface Report {
  ok: boolean; findings: Finding[]; resolution: Resolution;
  phone: PhoneReport | null; email: EmailReport | null; ssprEnabled: boolean | null;
  supportSummary: string;
}
export interface PhoneInput { mobilePhone: string; phoneCountry?: string | null; }
export interface PhoneCheck extends PhoneReport { findings: FindingId[]; suggestion: string | null; }
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "Case")]
    pub type CaseValue;
    #[wasm_bindgen(typescript_type = "Report")]
    pub type ReportValue;
}

/// The one serializer for every value that leaves the module.
const SERIALIZER: serde_wasm_bindgen::Serializer = serde_wasm_bindgen::Serializer::json_compatible();

/// Diagnoses one case. Throws an `Error` with a readable message when the value is not a
/// Case (a wrong type or an unknown option); findings are never exceptions.
#[wasm_bindgen(js_name = diagnose)]
pub fn diagnose(case: CaseValue) -> Result<ReportValue, JsError> {
    let value: JsValue = case.into();
    // serde would also read a struct from an array; a Case is a plain object.
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(JsError::new("invalid Case: diagnose(case) takes a Case object"));
    }
    let case: Case = serde_wasm_bindgen::from_value(value).map_err(|e| {
        // serde-wasm-bindgen's message is a JS Error's text ("Error: …"): keep the reason.
        let reason = e.to_string();
        JsError::new(&format!("invalid Case: {}", reason.strip_prefix("Error: ").unwrap_or(&reason)))
    })?;
    let report: Report = sspr_doctor_core::diagnose(&case);
    Ok(report.serialize(&SERIALIZER).map_err(|e| JsError::new(&e.to_string()))?.into())
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

/// A report as plain text (`"text"`) or Markdown (`"markdown"`) in `lang`, for "copy as
/// text" and "copy as Markdown": the same formatter as `sspr-doctor --format`.
#[wasm_bindgen(js_name = formatReport)]
pub fn format_report(report: ReportValue, format: &str, lang: &str) -> Result<String, JsError> {
    let report: Report = serde_wasm_bindgen::from_value(report.into()).map_err(|e| JsError::new(&format!("invalid Report: {e}")))?;
    let lang = if lang == "ja" { sspr_doctor_core::Lang::Ja } else { sspr_doctor_core::Lang::En };
    match format {
        "text" => Ok(sspr_doctor_core::format::to_text(&report, lang)),
        "markdown" => Ok(sspr_doctor_core::format::to_markdown(&report, lang)),
        other => Err(JsError::new(&format!("unknown format {other:?}: use \"text\" or \"markdown\""))),
    }
}

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
