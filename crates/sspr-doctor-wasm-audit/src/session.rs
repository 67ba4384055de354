//! The module's state, in one place: its one audit (the files added for it, then the audit in
//! words), the drop of organizations (`orgs.rs`, `archive.rs`), and the redactor while contact
//! data is hidden (`redact.rs`). An organization opened from a drop becomes the current audit,
//! so every audit call works on it.

use std::cell::RefCell;
use std::sync::Arc;

use sspr_doctor_core::audit::{AuditOptions, Said};
use sspr_doctor_core::orgs::{DropFile, OrganizationsReport, Problem, SaidOrgs};
use sspr_doctor_core::redact::Redactor;
use sspr_doctor_core::Lang;
use wasm_bindgen::JsError;

#[derive(Default)]
pub(crate) struct AuditSession {
    pub files: Vec<(String, Vec<u8>)>,
    pub audit: Option<Said>,
}

thread_local! {
    pub(crate) static AUDIT: RefCell<AuditSession> = RefCell::new(AuditSession::default());
    /// The redactor in use while contact data is hidden (`auditRedact`).
    static REDACTOR: RefCell<Option<Arc<Redactor>>> = const { RefCell::new(None) };
}

/// The redactor in use, if contact data is hidden.
pub(crate) fn current_redactor() -> Option<Arc<Redactor>> {
    REDACTOR.with(|r| r.borrow().clone())
}

/// Hides contact data from now on with `r` (or shows it again) in the audit, its comparison
/// and the organizations.
pub(crate) fn set_redactor(r: Option<Arc<Redactor>>) {
    REDACTOR.with(|c| c.borrow_mut().clone_from(&r));
    AUDIT.with(|s| {
        if let Some(a) = s.borrow_mut().audit.as_mut() {
            a.set_redactor(r.clone());
        }
    });
    ORGS.with(|o| {
        let mut o = o.borrow_mut();
        if let Some(orgs) = o.orgs.as_mut() {
            orgs.set_redactor(r);
        }
        o.cache.head = None;
    });
}

#[derive(Default)]
pub(crate) struct OrgsSession {
    pub files: Vec<DropFile>,
    pub problems: Vec<Problem>,
    pub orgs: Option<SaidOrgs>,
    pub cache: Cache,
    /// The organization the audit calls answer for (`orgsOpen`).
    pub open: Option<usize>,
    pub refused: Vec<(String, String)>,
}

#[derive(Default)]
pub(crate) struct Cache {
    pub ranked: bool,
    /// The organizations without their accounts, once ranked (every export's part needs it),
    /// made again after a change of language or redaction.
    pub head: Option<OrganizationsReport>,
}

thread_local! {
    pub(crate) static ORGS: RefCell<OrgsSession> = RefCell::new(OrgsSession::default());
}

/// Runs `f` on the organization opened, or gives `f` back when none is.
pub(crate) fn with_open<T, F: FnOnce(&mut Said) -> Result<T, JsError>>(f: F) -> Result<Result<T, JsError>, F> {
    ORGS.with(|o| {
        let mut o = o.borrow_mut();
        let o = &mut *o;
        match (o.open, o.orgs.as_mut()) {
            (Some(k), Some(orgs)) if k < orgs.orgs.len() => {
                let r = f(&mut orgs.orgs[k].said);
                // The organization's own head may have changed (a language): the overview's too.
                o.cache.head = None;
                Ok(r)
            }
            _ => Err(f),
        }
    })
}

/// A language name as the page sends it ("ja", else English).
pub(crate) fn lang(s: &str) -> Lang {
    if s == "ja" {
        Lang::Ja
    } else {
        Lang::En
    }
}

pub(crate) fn json<T: serde::Serialize + ?Sized>(v: &T) -> Result<String, JsError> {
    serde_json::to_string(v).map_err(|e| JsError::new(&e.to_string()))
}

pub(crate) fn audit_options(json: &str) -> Result<AuditOptions, JsError> {
    if json.trim().is_empty() {
        return Ok(Default::default());
    }
    serde_json::from_str(json).map_err(|e| JsError::new(&format!("invalid audit options: {e}")))
}

/// Runs `f` on the current audit: the organization opened from a drop (`orgsOpen`), else the
/// audit read with `auditRead`.
pub(crate) fn with_audit<T>(f: impl FnOnce(&mut Said) -> Result<T, JsError>) -> Result<T, JsError> {
    let f = match with_open(f) {
        Ok(answer) => return answer,
        Err(f) => f,
    };
    AUDIT.with(|s| match s.borrow_mut().audit.as_mut() {
        Some(a) => f(a),
        None => Err(JsError::new("no audit has been read (call auditRead first)")),
    })
}

/// Shift_JIS (Japanese Excel's CSV, Japanese Windows' archive names) by the browser's own
/// WHATWG decoder, so the module carries no table of its own (the command line's table gives
/// the same text).
pub(crate) fn browser_shift_jis(bytes: &[u8]) -> Option<String> {
    web_sys::TextDecoder::new_with_label("shift_jis").ok()?.decode_with_u8_array(bytes).ok()
}

/// Every call that reads files decodes Shift_JIS with the browser's decoder.
pub(crate) fn use_browser_decoder() {
    sspr_doctor_core::audit::decode::set_shift_jis_decoder(browser_shift_jis);
}
