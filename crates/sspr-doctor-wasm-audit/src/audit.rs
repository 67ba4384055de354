//! The audit (contract v1.1): files in, accounts checked in batches, the table's questions,
//! an account in full, exports in slices.

use sspr_doctor_core::audit::{self, export, Query, Said};
use wasm_bindgen::prelude::*;

use crate::session::{audit_options, json, lang, use_browser_decoder, with_audit, AuditSession, AUDIT};

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
/// reads a large file in slices, so the whole file is never held twice (once in JavaScript,
/// once here). `size` reserves the room once.
#[wasm_bindgen(js_name = auditFileStart)]
pub fn audit_file_start(name: &str, size: usize) {
    AUDIT.with(|s| {
        let mut s = s.borrow_mut();
        s.audit = None;
        s.files.push((name.to_string(), Vec::with_capacity(size.min(audit::MAX_INPUT_BYTES))));
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

/// Reads the files added so far (and forgets their bytes). Returns the number of accounts;
/// throws the localized reason when nothing can be audited.
#[wasm_bindgen(js_name = auditRead)]
pub fn audit_read(options: &str) -> Result<usize, JsError> {
    use_browser_decoder();
    let options = audit_options(options)?;
    AUDIT.with(|s| {
        let mut s = s.borrow_mut();
        let files = std::mem::take(&mut s.files);
        let inputs: Vec<audit::InputFile> =
            files.iter().map(|(n, b)| audit::InputFile { name: Some(n.as_str()).filter(|n| !n.is_empty()), bytes: b }).collect();
        let l = options.lang.unwrap_or_default();
        let mut a = Said::read(&inputs, &options).map_err(|e| JsError::new(&sspr_doctor_core::words::audit_error(&e, l)))?;
        // The page opens one account at a time: keep the module's memory small.
        a.audit_mut().keep_details(false);
        let n = a.audit().len();
        s.audit = Some(a);
        Ok(n)
    })
}

/// Checks the next `n` accounts; their table rows as a JSON array (no longer used by the
/// page; the module's calls are only ever added to).
#[wasm_bindgen(js_name = auditStep)]
pub fn audit_step(n: usize) -> Result<String, JsError> {
    with_audit(|a| {
        let range = a.audit_mut().assess_next(n);
        let rows: Vec<_> = range.filter_map(|i| a.row(i)).collect();
        json(&rows)
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
    with_audit(|a| json(a.audit().tally()))
}

/// The table rows of the accounts at `indices`, as a JSON array (the page asks for the rows
/// it shows; it keeps no others).
#[wasm_bindgen(js_name = auditRows)]
pub fn audit_rows(indices: &[u32]) -> Result<String, JsError> {
    // Said's rows: masked while contact data is hidden.
    with_audit(|a| json(&indices.iter().filter_map(|&i| a.row(i as usize)).collect::<Vec<_>>()))
}

/// The indices of the checked accounts a filter keeps, in its order: `query` is JSON
/// `{ status, role, finding, text, sort: { key, dir } }` (empty strings for "any").
#[wasm_bindgen(js_name = auditQuery)]
pub fn audit_query(query: &str) -> Result<Vec<u32>, JsError> {
    let q: Query = serde_json::from_str(query).map_err(|e| JsError::new(&format!("invalid query: {e}")))?;
    with_audit(|a| Ok(a.audit().query(&q)))
}

/// Everything but the accounts (summary, tenant, problems, columns, sources), as JSON. Every
/// account must be checked first (`auditCheck`).
#[wasm_bindgen(js_name = auditHead)]
pub fn audit_head() -> Result<String, JsError> {
    with_audit(|a| match export::head_json(a) {
        Some(head) => Ok(head),
        None => Err(JsError::new("not every account is checked yet (call auditCheck until it returns them all)")),
    })
}

/// Says the audit in `lang` ("en" or "ja") from now on: what is already checked is said
/// again in that language (the accounts, the head, the exports); nothing is read again.
#[wasm_bindgen(js_name = auditSetLang)]
pub fn audit_set_lang(l: &str) -> Result<(), JsError> {
    with_audit(|a| {
        a.set_lang(lang(l));
        Ok(())
    })
}

/// One account in full, with its findings' words, as JSON (`null` past the last): written
/// by the JSON export's own writer of an account, so that the module holds one copy of its
/// serializer, not one per crate that asks for it (2.5 kB of code).
#[wasm_bindgen(js_name = auditAccount)]
pub fn audit_account(index: usize) -> Result<String, JsError> {
    with_audit(|a| {
        let one = export::accounts(a, export::ExportFormat::Json, 0, index..index.saturating_add(1));
        Ok(if one.is_empty() { "null".to_string() } else { one.trim_start_matches(',').to_string() })
    })
}

/// A slice of an export: `part` is "head", "accounts" (with `pass`, `start`, `end`),
/// "between" (with `pass`), "tail" or "passes"; `format` is json, csv, markdown, text or html.
#[wasm_bindgen(js_name = auditExport)]
pub fn audit_export(format: &str, part: &str, pass: usize, start: usize, end: usize) -> Result<String, JsError> {
    let f = export::ExportFormat::parse(format).ok_or_else(|| JsError::new(&format!("unknown export format \"{format}\"")))?;
    with_audit(|a| match part {
        "head" => Ok(export::head(a, f)),
        "accounts" => Ok(export::accounts(a, f, pass, start..end)),
        "between" => Ok(export::between(a, f, pass)),
        "tail" => Ok(export::tail(a, f)),
        "passes" => Ok(f.passes().to_string()),
        other => Err(JsError::new(&format!("unknown export part \"{other}\""))),
    })
}

/// The largest file the audit reads, so the page can refuse a larger one before reading it,
/// with `auditTooLarge`'s message.
#[wasm_bindgen(js_name = auditMaxBytes)]
pub fn audit_max_bytes() -> usize {
    audit::MAX_INPUT_BYTES
}

/// The message for a file of `bytes` bytes, larger than `auditMaxBytes`, in `lang`.
#[wasm_bindgen(js_name = auditTooLarge)]
pub fn audit_too_large(bytes: f64, l: &str) -> String {
    sspr_doctor_core::words::audit_error(&audit::AuditError::TooLarge { bytes: bytes as usize }, lang(l))
}

/// Forgets the audit (its memory goes back to the module) and any comparison.
#[wasm_bindgen(js_name = auditClear)]
pub fn audit_clear() {
    AUDIT.with(|s| *s.borrow_mut() = AuditSession::default());
    crate::diff::forget();
}

#[cfg(test)]
mod tests {
    use super::audit_clear;
    use crate::diff::{audit_diff_abort, audit_diff_begin};
    use crate::session::AUDIT;

    /// A cancel (`auditClear`) while an earlier export is read, then that reading's end
    /// (`auditDiffAbort`): the audit stays cleared.
    #[test]
    fn a_clear_while_comparing_is_not_undone_by_the_abort() {
        AUDIT.with(|s| s.borrow_mut().files.push(("later.csv".into(), b"x".to_vec())));
        audit_diff_begin();
        audit_clear();
        audit_diff_abort();
        assert!(AUDIT.with(|s| s.borrow().files.is_empty()));
        // Without a clear, the abort puts the audit back.
        AUDIT.with(|s| s.borrow_mut().files.push(("later.csv".into(), b"x".to_vec())));
        audit_diff_begin();
        audit_diff_abort();
        assert_eq!(AUDIT.with(|s| s.borrow().files.len()), 1);
    }
}
