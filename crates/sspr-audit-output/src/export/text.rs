//! Plain text (a terminal): every value on one visible line.

use super::cells::{applies, count_line, needs_fixing, role_of};
use crate::{Account, AuditReport};
use sspr_model::case::Lang;
use sspr_model::report::{Finding, Severity};
use sspr_output::format::line;
use sspr_words::{self as words, audit::AuditLabels};

pub(super) fn text_head(r: &AuditReport, w: &AuditLabels, l: Lang) -> String {
    let mut out = format!("SSPR Doctor: {}\n", w.title);
    if let Some(n) = &r.facts_notice {
        out.push_str(&format!("! {}\n", line(n)));
    }
    if let Some(t) = &r.today {
        out.push_str(&format!("{}\n", w.today.replace("{date}", t)));
    }
    out.push('\n');
    for (k, v) in count_line(r, w) {
        out.push_str(&format!("  {}: {}\n", k, v));
    }
    out.push_str(&format!("\n{}\n", w.chart_title));
    for d in &r.summary.retirement {
        out.push_str(&format!(
            "  {} ({}): {} {}, {} {}\n",
            d.date,
            applies(w, d.applies_to),
            d.lose_method,
            w.lose_method,
            d.cannot_reset,
            w.cannot_reset
        ));
    }
    out.push_str(&format!("\n{}\n", w.tenant_title));
    if r.tenant.findings.is_empty() {
        out.push_str(&format!("  {}\n", w.no_findings));
    }
    for f in &r.tenant.findings {
        out.push_str(&text_finding(f, l));
    }
    if !r.columns.missing.is_empty() {
        out.push_str(&format!("\n{}\n", w.missing_title));
        for m in &r.columns.missing {
            out.push_str(&format!("  - {}: {}\n", m.field, line(&m.effect)));
        }
    }
    if !r.problems.is_empty() {
        out.push_str(&format!("\n{}\n", w.problems_title));
        for p in &r.problems {
            let at = p.line.map(|l| format!("{}: ", w.line.replace("{line}", &l.to_string()))).unwrap_or_default();
            out.push_str(&format!("  - {}{}\n", at, line(&p.message)));
        }
    }
    out.push_str(&format!("\n{}\n", w.accounts_title));
    out
}

pub(super) fn text_row(acc: &Account, w: &AuditLabels) -> String {
    let ids: Vec<&str> = acc.findings.iter().map(|f| f.id.as_str()).collect();
    format!(
        "  [{}] {}{}  {}{}\n",
        w.status.get(acc.status),
        line(acc.upn.as_deref().or(acc.id.as_deref()).unwrap_or("")),
        acc.display_name.as_deref().map(|n| format!(" ({})", line(n))).unwrap_or_default(),
        w.role.get(role_of(acc)),
        if ids.is_empty() { String::new() } else { format!(": {}", ids.join(", ")) }
    )
}

pub(super) fn text_details(acc: &Account, w: &AuditLabels, l: Lang) -> String {
    if !needs_fixing(acc) {
        return String::new();
    }
    let mut out = format!("\n{} [{}]\n", line(acc.upn.as_deref().or(acc.id.as_deref()).unwrap_or("")), w.status.get(acc.status));
    for f in acc.findings.iter().filter(|f| f.severity != Severity::Check) {
        out.push_str(&text_finding(f, l));
    }
    if !acc.plan.is_empty() {
        out.push_str(&format!("  {}:\n", w.column.plan));
        for (n, p) in acc.plan.iter().enumerate() {
            out.push_str(&format!("    {}. {}\n", n + 1, line(&p.text)));
        }
    }
    out
}

pub(super) fn text_finding(f: &Finding, l: Lang) -> String {
    let labels = words::labels(l);
    let badge = match f.severity {
        Severity::Blocking => labels.badge.blocking,
        Severity::Likely => labels.badge.likely,
        Severity::Check => labels.badge.check,
    };
    let mut out = format!("  [{}] {}  ({})\n      {}\n", badge, line(&f.title), f.id.as_str(), line(&f.detail));
    for (i, s) in f.steps.iter().enumerate() {
        out.push_str(&format!("      {}. {}\n", i + 1, line(s)));
    }
    if !f.evidence.is_empty() {
        let ev: Vec<String> = f.evidence.iter().map(|(k, v)| format!("{}={}", line(k), line(v))).collect();
        out.push_str(&format!("      {} {}\n", labels.evidence, ev.join("; ")));
    }
    out
}
