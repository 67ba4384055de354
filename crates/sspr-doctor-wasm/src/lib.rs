//! The WebAssembly front door: one thin adapter over `sspr_doctor_core`. Every decision
//! lives in the core; this file only converts JS values in and out.
//!
//! Data crosses as plain JS objects. `diagnose` builds them with the browser's `JSON.parse`
//! from the core's own JSON; the other values are built by serde-wasm-bindgen
//! (`json_compatible`: maps as objects, `None` as `null`). Either way
//! `JSON.stringify(diagnose(c))` is byte for byte what the command line prints for the
//! same case.

use serde::Serialize;
use sspr_doctor_core::{Case, PhoneInput, Report};
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

// The audit (contract v1.1). The page runs it in a Web Worker, one audit at a time per
// module instance: files are added, the audit is read, its accounts are checked in
// batches (the first rows show at once), an account's words are built when it is opened,
// and exports are written in slices. Every string crosses as JSON, as for diagnose.
// (Left out with `--no-default-features`: the troubleshooter's engine alone, measured in
// docs/figures.md.)
#[cfg(feature = "audit")]
mod audit_calls {
    use super::*;

    struct AuditSession {
        files: Vec<(String, Vec<u8>)>,
        audit: Option<sspr_doctor_core::audit::Said>,
    }

    thread_local! {
        static AUDIT: std::cell::RefCell<AuditSession> = const { std::cell::RefCell::new(AuditSession { files: Vec::new(), audit: None }) };
        /// The later audit, set aside while an earlier export is read to compare with it.
        static LATER: std::cell::RefCell<Option<AuditSession>> = const { std::cell::RefCell::new(None) };
        /// The two sides of the last comparison, in brief.
        static DIFF: std::cell::RefCell<Option<(sspr_doctor_core::audit::Brief, sspr_doctor_core::audit::Brief)>> = const { std::cell::RefCell::new(None) };
    }

    /// Sets the audit aside so that an earlier export can be read with the usual calls
    /// (`auditFileStart`, `auditRead`, `auditCheck`); `auditDiffEnd` compares them and puts
    /// it back, `auditDiffAbort` only puts it back.
    #[wasm_bindgen(js_name = auditDiffBegin)]
    pub fn audit_diff_begin() {
        let now = AUDIT.with(|s| std::mem::replace(&mut *s.borrow_mut(), AuditSession { files: Vec::new(), audit: None }));
        LATER.with(|l| *l.borrow_mut() = Some(now));
    }

    /// The earlier audit (read since `auditDiffBegin`) against the one set aside, as the
    /// AuditDiff's JSON, in `lang`; the later audit is the current one again. Both sides are
    /// kept in brief for `auditDiffExport`. `per_change` > 0 keeps at most that many accounts
    /// of each change (the page shows a few hundred; the counts stay whole): 100,000 accounts
    /// crossing to the page's thread would hold it for 150 ms.
    #[wasm_bindgen(js_name = auditDiffEnd)]
    pub fn audit_diff_end(lang: &str, per_change: usize) -> Result<String, JsError> {
        let earlier = AUDIT.with(|s| s.borrow_mut().audit.as_mut().and_then(sspr_doctor_core::audit::Brief::of_said));
        audit_diff_abort();
        let earlier = earlier.ok_or_else(|| JsError::new("the earlier export has not been read"))?;
        let later = with_audit(|a| sspr_doctor_core::audit::Brief::of_said(a).ok_or_else(|| JsError::new("the audit is not finished")))?;
        DIFF.with(|d| *d.borrow_mut() = Some((earlier, later)));
        audit_diff_json(lang, per_change)
    }

    /// The last comparison again, in `lang` (as `auditDiffEnd` gives it).
    #[wasm_bindgen(js_name = auditDiffJson)]
    pub fn audit_diff_json(lang: &str, per_change: usize) -> Result<String, JsError> {
        if per_change == 0 {
            return audit_diff_export("json", lang);
        }
        let lang = if lang == "ja" { sspr_doctor_core::Lang::Ja } else { sspr_doctor_core::Lang::En };
        DIFF.with(|d| {
            let d = d.borrow();
            let (earlier, later) = d.as_ref().ok_or_else(|| JsError::new("no comparison"))?;
            let mut diff = sspr_doctor_core::audit::diff_briefs(earlier, later, lang);
            let mut seen: std::collections::HashMap<sspr_doctor_core::audit::Change, usize> = std::collections::HashMap::new();
            diff.accounts.retain(|a| {
                let n = seen.entry(a.change).or_default();
                *n += 1;
                *n <= per_change
            });
            serde_json::to_string(&diff).map_err(|e| JsError::new(&e.to_string()))
        })
    }

    /// Puts the later audit back (the earlier one is forgotten).
    #[wasm_bindgen(js_name = auditDiffAbort)]
    pub fn audit_diff_abort() {
        if let Some(later) = LATER.with(|l| l.borrow_mut().take()) {
            AUDIT.with(|s| *s.borrow_mut() = later);
        }
    }

    /// The last comparison as a file: `format` is json, csv, markdown, text or html.
    #[wasm_bindgen(js_name = auditDiffExport)]
    pub fn audit_diff_export(format: &str, lang: &str) -> Result<String, JsError> {
        let lang = if lang == "ja" { sspr_doctor_core::Lang::Ja } else { sspr_doctor_core::Lang::En };
        DIFF.with(|d| match d.borrow().as_ref() {
            Some((earlier, later)) => {
                let diff = sspr_doctor_core::audit::diff_briefs(earlier, later, lang);
                sspr_doctor_core::audit::diff_export(&diff, format, lang).ok_or_else(|| JsError::new(&format!("unknown format {format:?}")))
            }
            None => Err(JsError::new("no comparison to export (call auditDiffEnd first)")),
        })
    }

    fn audit_options(json: &str) -> Result<sspr_doctor_core::audit::AuditOptions, JsError> {
        if json.trim().is_empty() {
            return Ok(Default::default());
        }
        serde_json::from_str(json).map_err(|e| JsError::new(&format!("invalid audit options: {e}")))
    }

    fn with_audit<T>(f: impl FnOnce(&mut sspr_doctor_core::audit::Said) -> Result<T, JsError>) -> Result<T, JsError> {
        AUDIT.with(|s| match s.borrow_mut().audit.as_mut() {
            Some(a) => f(a),
            None => Err(JsError::new("no audit has been read (call auditRead first)")),
        })
    }

    /// Adds a file to the next audit (several files are read together). Taken by value: the
    /// bytes are copied into the module once, not a second time (23 MB for 100,000 accounts).
    #[wasm_bindgen(js_name = auditAddFile)]
    pub fn audit_add_file(name: &str, bytes: Vec<u8>) {
        AUDIT.with(|s| {
            let mut s = s.borrow_mut();
            s.audit = None;
            s.files.push((name.to_string(), bytes));
        });
    }

    /// Starts a file of the next audit whose bytes come in parts (`auditFileAppend`): the page
    /// reads a large file in slices, so the whole file is never held twice (once in
    /// JavaScript, once here). `size` reserves the room once.
    #[wasm_bindgen(js_name = auditFileStart)]
    pub fn audit_file_start(name: &str, size: usize) {
        AUDIT.with(|s| {
            let mut s = s.borrow_mut();
            s.audit = None;
            s.files.push((name.to_string(), Vec::with_capacity(size.min(sspr_doctor_core::audit::MAX_INPUT_BYTES))));
        });
    }

    /// The next part of the file started last.
    #[wasm_bindgen(js_name = auditFileAppend)]
    pub fn audit_file_append(part: &[u8]) {
        AUDIT.with(|s| {
            if let Some((_, bytes)) = s.borrow_mut().files.last_mut() {
                bytes.extend_from_slice(part);
            }
        });
    }

    /// Shift_JIS (Japanese Excel's CSV) by the browser's own WHATWG decoder, so the module
    /// carries no table of its own (the command line's table gives the same text).
    fn browser_shift_jis(bytes: &[u8]) -> Option<String> {
        web_sys::TextDecoder::new_with_label("shift_jis").ok()?.decode_with_u8_array(bytes).ok()
    }

    /// Reads the files added so far (and forgets their bytes). Returns the number of
    /// accounts; throws the localized reason when nothing can be audited.
    #[wasm_bindgen(js_name = auditRead)]
    pub fn audit_read(options: &str) -> Result<usize, JsError> {
        sspr_doctor_core::audit::decode::set_shift_jis_decoder(browser_shift_jis);
        let options = audit_options(options)?;
        AUDIT.with(|s| {
            let mut s = s.borrow_mut();
            let files = std::mem::take(&mut s.files);
            let inputs: Vec<sspr_doctor_core::audit::InputFile> = files
                .iter()
                .map(|(n, b)| sspr_doctor_core::audit::InputFile { name: Some(n.as_str()).filter(|n| !n.is_empty()), bytes: b })
                .collect();
            let lang = options.lang.unwrap_or_default();
            let mut audit = sspr_doctor_core::audit::Said::read(&inputs, &options)
                .map_err(|e| JsError::new(&sspr_doctor_core::words::audit_error(&e, lang)))?;
            // The page opens one account at a time: keep the module's memory small.
            audit.audit_mut().keep_details(false);
            let n = audit.audit().len();
            s.audit = Some(audit);
            Ok(n)
        })
    }

    /// Checks the next `n` accounts; their table rows as a JSON array.
    #[wasm_bindgen(js_name = auditStep)]
    pub fn audit_step(n: usize) -> Result<String, JsError> {
        with_audit(|a| {
            let range = a.audit_mut().assess_next(n);
            let rows: Vec<_> = range.filter_map(|i| a.audit().row(i)).collect();
            serde_json::to_string(&rows).map_err(|e| JsError::new(&e.to_string()))
        })
    }

    /// Checks the next `n` accounts; returns how many are checked in all.
    #[wasm_bindgen(js_name = auditCheck)]
    pub fn audit_check(n: usize) -> Result<usize, JsError> {
        with_audit(|a| Ok(a.audit_mut().assess_next(n).end))
    }

    /// The accounts checked so far, counted by status, and their finding ids, as JSON.
    #[wasm_bindgen(js_name = auditTally)]
    pub fn audit_tally() -> Result<String, JsError> {
        with_audit(|a| serde_json::to_string(a.audit().tally()).map_err(|e| JsError::new(&e.to_string())))
    }

    /// The table rows of the accounts at `indices`, as a JSON array (the page asks for the
    /// rows it shows; it keeps no others).
    #[wasm_bindgen(js_name = auditRows)]
    pub fn audit_rows(indices: &[u32]) -> Result<String, JsError> {
        with_audit(|a| serde_json::to_string(&a.audit().rows(indices)).map_err(|e| JsError::new(&e.to_string())))
    }

    /// The indices of the checked accounts a filter keeps, in its order: `query` is JSON
    /// `{ status, role, finding, text, sort: { key, dir } }` (empty strings for "any").
    #[wasm_bindgen(js_name = auditQuery)]
    pub fn audit_query(query: &str) -> Result<Vec<u32>, JsError> {
        let q: sspr_doctor_core::audit::Query = serde_json::from_str(query).map_err(|e| JsError::new(&format!("invalid query: {e}")))?;
        with_audit(|a| Ok(a.audit().query(&q)))
    }

    /// Everything but the accounts (summary, tenant, problems, columns, sources), as JSON.
    /// Every account must be checked first (`auditCheck`).
    #[wasm_bindgen(js_name = auditHead)]
    pub fn audit_head() -> Result<String, JsError> {
        with_audit(|a| match a.head() {
            Some(head) => serde_json::to_string(head).map_err(|e| JsError::new(&e.to_string())),
            None => Err(JsError::new("not every account is checked yet (call auditCheck until it returns them all)")),
        })
    }

    /// Says the audit in `lang` ("en" or "ja") from now on: what is already checked is said
    /// again in that language (the accounts, the head, the exports); nothing is read again.
    #[wasm_bindgen(js_name = auditSetLang)]
    pub fn audit_set_lang(lang: &str) -> Result<(), JsError> {
        let lang = if lang == "ja" { sspr_doctor_core::Lang::Ja } else { sspr_doctor_core::Lang::En };
        with_audit(|a| {
            a.set_lang(lang);
            Ok(())
        })
    }

    /// One account in full, with its findings' words, as JSON.
    #[wasm_bindgen(js_name = auditAccount)]
    pub fn audit_account(index: usize) -> Result<String, JsError> {
        with_audit(|a| serde_json::to_string(&a.account(index)).map_err(|e| JsError::new(&e.to_string())))
    }

    /// A slice of an export: `part` is "head", "accounts" (with `pass`, `start`, `end`),
    /// "between" (with `pass`) or "tail"; `format` is json, csv, markdown or text.
    #[wasm_bindgen(js_name = auditExport)]
    pub fn audit_export(format: &str, part: &str, pass: usize, start: usize, end: usize) -> Result<String, JsError> {
        use sspr_doctor_core::audit::export;
        let f = export::ExportFormat::parse(format).ok_or_else(|| JsError::new(&format!("unknown export format {format:?}")))?;
        with_audit(|a| match part {
            "head" => Ok(export::head(a, f)),
            "accounts" => Ok(export::accounts(a, f, pass, start..end)),
            "between" => Ok(export::between(a, f, pass)),
            "tail" => Ok(export::tail(a, f)),
            "passes" => Ok(f.passes().to_string()),
            other => Err(JsError::new(&format!("unknown export part {other:?}"))),
        })
    }

    /// The fix script of the audit's plans (contract v1.2), the command line's bytes.
    /// `options`: `{ lang, temporaryAccessPass, tenantId }` as JSON; `tenantId` (v1.3, the
    /// page's field) stands for this script in place of the audit options' one.
    #[wasm_bindgen(js_name = auditFixScript)]
    pub fn audit_fix_script(options: &str) -> Result<String, JsError> {
        #[derive(serde::Deserialize, Default)]
        #[serde(rename_all = "camelCase", default)]
        struct Options {
            lang: Option<sspr_doctor_core::Lang>,
            temporary_access_pass: Option<bool>,
            tenant_id: Option<String>,
        }
        let o: Options = serde_json::from_str(options).map_err(|e| JsError::new(&format!("invalid fix script options: {e}")))?;
        with_audit(|a| {
            let lang = o.lang.unwrap_or(a.lang());
            let given = match o.tenant_id.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                Some(t) => Some(sspr_doctor_core::audit::TenantId::parse(t).ok_or_else(|| {
                    JsError::new(&sspr_doctor_core::words::audit_error(&sspr_doctor_core::audit::AuditError::BadTenantId, lang))
                })?),
                None => None,
            };
            let was = given.map(|t| a.audit_mut().set_tenant_option(Some(t)));
            let fix = sspr_doctor_core::audit::FixOptions { lang, temporary_access_pass: o.temporary_access_pass == Some(true) };
            let script = sspr_doctor_core::audit::fix_script_of(a, &fix).map_err(|e| JsError::new(&e.message(lang)));
            if let Some(was) = was {
                a.audit_mut().set_tenant_option(was);
            }
            script
        })
    }

    /// The largest file the audit reads, so the page can refuse a larger one before reading
    /// it, with `auditTooLarge`'s message.
    #[wasm_bindgen(js_name = auditMaxBytes)]
    pub fn audit_max_bytes() -> usize {
        sspr_doctor_core::audit::MAX_INPUT_BYTES
    }

    /// The message for a file of `bytes` bytes, larger than `auditMaxBytes`, in `lang`.
    #[wasm_bindgen(js_name = auditTooLarge)]
    pub fn audit_too_large(bytes: f64, lang: &str) -> String {
        let lang = if lang == "ja" { sspr_doctor_core::Lang::Ja } else { sspr_doctor_core::Lang::En };
        sspr_doctor_core::words::audit_error(&sspr_doctor_core::audit::AuditError::TooLarge { bytes: bytes as usize }, lang)
    }

    /// Forgets the audit (its memory goes back to the module).
    #[wasm_bindgen(js_name = auditClear)]
    pub fn audit_clear() {
        AUDIT.with(|s| *s.borrow_mut() = AuditSession { files: Vec::new(), audit: None });
        DIFF.with(|d| *d.borrow_mut() = None);
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
