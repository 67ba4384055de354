//! The fix script of the current audit's plans (contract v1.2, v1.3): the command line's bytes.

use sspr_doctor_core::audit::{fix_script_of, AuditError, FixOptions, TenantId};
use sspr_doctor_core::Lang;
use wasm_bindgen::prelude::*;

use crate::session::with_audit;

#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Options {
    lang: Option<Lang>,
    temporary_access_pass: Option<bool>,
    tenant_id: Option<String>,
}

/// `options`: `{ lang, temporaryAccessPass, tenantId }` as JSON; `tenantId` (v1.3, the page's
/// field) stands for this script in place of the audit options' one. Refused (with why) while
/// contact data is hidden (`auditRedact`): a script is never redacted.
#[wasm_bindgen(js_name = auditFixScript)]
pub fn audit_fix_script(options: &str) -> Result<String, JsError> {
    let o: Options = serde_json::from_str(options).map_err(|e| JsError::new(&format!("invalid fix script options: {e}")))?;
    with_audit(|a| {
        let l = o.lang.unwrap_or(a.lang());
        let given = match o.tenant_id.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => {
                Some(TenantId::parse(t).ok_or_else(|| JsError::new(&sspr_doctor_core::words::audit_error(&AuditError::BadTenantId, l)))?)
            }
            None => None,
        };
        let was = given.map(|t| a.audit_mut().set_tenant_option(Some(t)));
        let fix = FixOptions { lang: l, temporary_access_pass: o.temporary_access_pass == Some(true) };
        let script = fix_script_of(a, &fix).map_err(|e| JsError::new(&e.message(l)));
        if let Some(was) = was {
            a.audit_mut().set_tenant_option(was);
        }
        script
    })
}
