//! What the table-like exports say of an account, and the summary's counts.

use crate::{Account, AuditReport};
use sspr_model::report::{Finding, Severity};
use sspr_words::audit::AuditLabels;

pub(super) fn role_of(acc: &Account) -> &'static str {
    match (acc.global_admin, acc.is_admin) {
        (Some(true), _) => "globalAdmin",
        (_, Some(true)) => "admin",
        (_, Some(false)) => "user",
        _ => "unknown",
    }
}

pub(super) fn usable(acc: &Account, w: &AuditLabels, sep: &str) -> String {
    acc.usable_methods.iter().map(|g| w.usable_methods.get(*g)).collect::<Vec<_>>().join(sep)
}

pub(super) fn phone(acc: &Account) -> String {
    acc.phone.as_ref().map(|p| p.e164.clone().unwrap_or_else(|| p.input.clone())).unwrap_or_default()
}

pub(super) fn email(acc: &Account) -> String {
    acc.email.as_ref().map(|e| e.input.clone()).unwrap_or_default()
}

pub(super) fn ids(findings: &[Finding]) -> String {
    findings.iter().map(|f| f.id.as_str()).collect::<Vec<_>>().join("; ")
}

pub(super) fn count_line(r: &AuditReport, w: &AuditLabels) -> Vec<(String, String)> {
    let s = &r.summary;
    let mut v = vec![
        (w.summary.total.to_string(), s.total.to_string()),
        (w.summary.admins.to_string(), s.admins.to_string()),
        (w.status.fails.to_string(), s.fails.to_string()),
        (w.status.at_risk.to_string(), s.at_risk.to_string()),
        (w.status.ok.to_string(), s.ok.to_string()),
        (w.status.unknown.to_string(), s.unknown.to_string()),
        (w.summary.can_reset_today.to_string(), s.can_reset_today.to_string()),
        (w.summary.depend_on_microsoft_sms.to_string(), s.depend_on_microsoft_sms.to_string()),
    ];
    if let (Some(g), Some(c)) = (s.global_admins, s.global_admins_can_reset) {
        v.push((w.summary.global_admins.to_string(), g.to_string()));
        v.push((w.summary.global_admins_can_reset.to_string(), c.to_string()));
    }
    v
}

pub(super) fn applies(w: &AuditLabels, to: &str) -> &'static str {
    if to == "allUsers" {
        w.applies_to.all_users
    } else {
        w.applies_to.global_admins_and_external_users
    }
}

/// The accounts with something to fix (a blocking or likely finding).
pub(super) fn needs_fixing(acc: &Account) -> bool {
    acc.findings.iter().any(|f| matches!(f.severity, Severity::Blocking | Severity::Likely))
}
