//! CSV for Excel: UTF-8 with BOM, CRLF, and no cell that Excel would run as a formula.

use super::cells::{email, ids, phone, role_of, usable};
use crate::Account;
use sspr_output::format::line;
use sspr_words::audit::AuditLabels;

/// A CSV cell Excel shows as text: quoted when needed, and a leading `'` before anything
/// that would start a formula (= + - @, tab, CR), which Excel then hides.
pub(crate) fn csv_cell(s: &str) -> String {
    let s = line(s);
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s };
    if s.contains([',', '"', '\n', '\r', ';']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

pub(crate) fn csv_row(acc: &Account, w: &AuditLabels) -> String {
    let roles: Vec<String> =
        acc.roles.iter().cloned().chain(acc.eligible_roles.iter().map(|r| w.eligible_role.replace("{role}", r))).collect();
    let cells = [
        acc.upn.clone().unwrap_or_default(),
        acc.display_name.clone().unwrap_or_default(),
        w.status.get(acc.status).to_string(),
        w.role.get(role_of(acc)).to_string(),
        roles.join("; "),
        usable(acc, w, "; "),
        acc.methods.join("; "),
        phone(acc),
        email(acc),
        acc.sms_retirement_date.clone().unwrap_or_default(),
        ids(&acc.findings),
        acc.line.to_string(),
        acc.plan.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" / "),
    ];
    format!("{}\r\n", cells.iter().map(|s| csv_cell(s)).collect::<Vec<_>>().join(","))
}
