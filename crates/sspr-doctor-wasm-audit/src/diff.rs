//! An earlier export against the current audit (contract v1.2 "Comparing two exports"): the
//! audit is set aside while the earlier one is read with the usual calls, both are kept in
//! brief, and the audit comes back.

use sspr_text::hash::Set;
use std::cell::RefCell;

use sspr_doctor_core::audit::{diff_briefs, diff_export, AuditDiff, Brief, Change};
use sspr_doctor_core::Lang;
use wasm_bindgen::prelude::*;

use crate::session::{lang, with_audit, AuditSession, AUDIT};

thread_local! {
    /// The later audit, set aside while an earlier export is read to compare with it.
    static LATER: RefCell<Option<AuditSession>> = const { RefCell::new(None) };
    /// The two sides of the last comparison, in brief.
    static DIFF: RefCell<Option<(Brief, Brief)>> = const { RefCell::new(None) };
}

/// Forgets the last comparison, and an audit set aside for one being read: a clear (a cancel
/// without a worker) while an earlier export is read must not bring the audit back when
/// that reading stops (`auditDiffAbort`), as a worker's cancel (its end) cannot.
pub(crate) fn forget() {
    DIFF.with(|d| *d.borrow_mut() = None);
    LATER.with(|l| *l.borrow_mut() = None);
}

/// Sets the audit aside so that an earlier export can be read with the usual calls
/// (`auditFileStart`, `auditRead`, `auditCheck`); `auditDiffEnd` compares them and puts it
/// back, `auditDiffAbort` only puts it back.
#[wasm_bindgen(js_name = auditDiffBegin)]
pub fn audit_diff_begin() {
    let now = AUDIT.with(|s| std::mem::take(&mut *s.borrow_mut()));
    LATER.with(|l| *l.borrow_mut() = Some(now));
}

/// The earlier audit (read since `auditDiffBegin`) against the one set aside, as the
/// AuditDiff's JSON, in `lang`; the later audit is the current one again. Both sides are kept
/// in brief for `auditDiffExport`. `per_change` > 0 keeps at most that many accounts of each
/// change (the page shows a few hundred; the counts stay whole): 100,000 accounts crossing to
/// the page's thread would hold it for 150 ms.
#[wasm_bindgen(js_name = auditDiffEnd)]
pub fn audit_diff_end(l: &str, per_change: usize) -> Result<String, JsError> {
    let earlier = AUDIT.with(|s| s.borrow_mut().audit.as_mut().and_then(Brief::of_said));
    audit_diff_abort();
    let earlier = earlier.ok_or_else(|| JsError::new("the earlier export has not been read"))?;
    let later = with_audit(|a| Brief::of_said(a).ok_or_else(|| JsError::new("the audit is not finished")))?;
    DIFF.with(|d| *d.borrow_mut() = Some((earlier, later)));
    audit_diff_json(l, per_change)
}

/// The comparison in `l`, masked as the current audit is (`auditRedact`).
fn diff_of(earlier: &Brief, later: &Brief, l: Lang) -> AuditDiff {
    let mut d = diff_briefs(earlier, later, l);
    if let Some(r) = crate::session::current_redactor() {
        let names: Set<String> = earlier
            .accounts
            .iter()
            .chain(&later.accounts)
            .filter_map(|a| a.upn.as_deref().map(sspr_doctor_core::normalize::lower))
            .collect();
        r.diff(&mut d, &|u| names.contains(&sspr_doctor_core::normalize::lower(u)));
    }
    d
}

/// The last comparison again, in `lang` (as `auditDiffEnd` gives it).
#[wasm_bindgen(js_name = auditDiffJson)]
pub fn audit_diff_json(l: &str, per_change: usize) -> Result<String, JsError> {
    if per_change == 0 {
        return audit_diff_export("json", l);
    }
    DIFF.with(|d| {
        let d = d.borrow();
        let (earlier, later) = d.as_ref().ok_or_else(|| JsError::new("no comparison"))?;
        let mut diff = diff_of(earlier, later, lang(l));
        // Counted by the change's place in Change::ALL (no hash map for six values).
        let mut seen = [0usize; Change::ALL.len()];
        diff.accounts.retain(|a| {
            let n = &mut seen[a.change as usize];
            *n += 1;
            *n <= per_change
        });
        // The export's writer of it: one copy of its serializer in the module.
        Ok(diff_export(&diff, "json", lang(l)).unwrap_or_default())
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
pub fn audit_diff_export(format: &str, l: &str) -> Result<String, JsError> {
    let l = lang(l);
    DIFF.with(|d| match d.borrow().as_ref() {
        Some((earlier, later)) => {
            diff_export(&diff_of(earlier, later, l), format, l).ok_or_else(|| JsError::new(&format!("unknown format \"{format}\"")))
        }
        None => Err(JsError::new("no comparison to export (call auditDiffEnd first)")),
    })
}
