//! Markdown (a ticket or wiki page): every value from the export escaped, only
//! Microsoft's own URLs kept as links.

use super::cells::{applies, count_line, needs_fixing, role_of, usable};
use crate::{Account, AuditReport};
use sspr_model::case::Lang;
use sspr_model::report::{Finding, Severity};
use sspr_output::format::{fenced, md};
use sspr_words::{self as words, audit::AuditLabels};

pub(super) fn markdown_head(r: &AuditReport, w: &AuditLabels, l: Lang) -> String {
    let mut out = format!("# SSPR Doctor: {}\n\n", md(w.title));
    if let Some(n) = &r.facts_notice {
        out.push_str(&format!("> {}\n\n", md(n)));
    }
    if let Some(t) = &r.today {
        out.push_str(&format!("{}\n\n", md(&w.today.replace("{date}", t))));
    }
    out.push_str(&format!(
        "{}: {}\n\n",
        md(w.sources_title),
        md(&r
            .sources
            .iter()
            .map(|s| format!("{}{}", s.name.as_deref().map(|n| format!("{n}: ")).unwrap_or_default(), w.formats.get(s.format)))
            .collect::<Vec<_>>()
            .join(", "))
    ));
    out.push_str("| | |\n|---|---:|\n");
    for (k, v) in count_line(r, w) {
        out.push_str(&format!("| {} | {} |\n", md(&k), v));
    }
    out.push_str(&format!("\n## {}\n\n| | {} | {} |\n|---|---:|---:|\n", md(w.chart_title), md(w.lose_method), md(w.cannot_reset)));
    for d in &r.summary.retirement {
        out.push_str(&format!("| {} ({}) | {} | {} |\n", d.date, md(applies(w, d.applies_to)), d.lose_method, d.cannot_reset));
    }
    out.push_str(&format!("\n## {}\n\n", md(w.tenant_title)));
    if r.tenant.findings.is_empty() {
        out.push_str(&format!("{}\n", md(w.no_findings)));
    }
    for f in &r.tenant.findings {
        out.push_str(&markdown_finding(f, l, "###"));
    }
    if !r.columns.missing.is_empty() {
        out.push_str(&format!("\n## {}\n\n", md(w.missing_title)));
        for m in &r.columns.missing {
            out.push_str(&format!("- `{}`: {}\n", m.field, md(&m.effect)));
        }
    }
    if !r.problems.is_empty() {
        out.push_str(&format!("\n## {}\n\n", md(w.problems_title)));
        for p in &r.problems {
            let at = p.line.map(|l| format!("{}: ", w.line.replace("{line}", &l.to_string()))).unwrap_or_default();
            out.push_str(&format!("- {}{}\n", md(&at), md(&p.message)));
        }
    }
    let c = &w.column;
    out.push_str(&format!(
        "\n## {}\n\n| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|\n",
        md(w.accounts_title),
        md(c.upn),
        md(c.display_name),
        md(c.status),
        md(c.role),
        md(c.usable),
        md(c.sms_retirement_date),
        md(c.findings)
    ));
    out
}

pub(crate) fn markdown_row(acc: &Account, w: &AuditLabels) -> String {
    format!(
        "| {} | {} | {} | {} | {} | {} | {} |\n",
        md(acc.upn.as_deref().unwrap_or("")),
        md(acc.display_name.as_deref().unwrap_or("")),
        md(w.status.get(acc.status)),
        md(w.role.get(role_of(acc))),
        md(&usable(acc, w, ", ")),
        acc.sms_retirement_date.as_deref().unwrap_or(""),
        acc.findings.iter().map(|f| format!("`{}`", f.id.as_str())).collect::<Vec<_>>().join(" ")
    )
}

pub(super) fn markdown_details(acc: &Account, w: &AuditLabels, l: Lang) -> String {
    if !needs_fixing(acc) {
        return String::new();
    }
    let mut out = format!("### {} ({})\n\n", md(acc.upn.as_deref().or(acc.id.as_deref()).unwrap_or("")), md(w.status.get(acc.status)));
    for f in acc.findings.iter().filter(|f| f.severity != Severity::Check) {
        out.push_str(&markdown_finding(f, l, "####"));
    }
    if !acc.plan.is_empty() {
        out.push_str(&format!(
            "#### {}

",
            w.column.plan
        ));
        for (n, p) in acc.plan.iter().enumerate() {
            out.push_str(&format!(
                "{}. {}
",
                n + 1,
                md(&p.text)
            ));
        }
        out.push('\n');
    }
    out
}

pub(crate) fn markdown_finding(f: &Finding, l: Lang, level: &str) -> String {
    let labels = words::labels(l);
    let badge = match f.severity {
        Severity::Blocking => labels.badge.blocking,
        Severity::Likely => labels.badge.likely,
        Severity::Check => labels.badge.check,
    };
    let mut out = format!("{level} \\[{}\\] {} (`{}`)\n\n{}\n\n", md(badge), md(&f.title), f.id.as_str(), md(&f.detail));
    for (i, s) in f.steps.iter().enumerate() {
        out.push_str(&format!("{}. {}\n", i + 1, md(s)));
    }
    for c in f.commands.iter().filter(|c| !c.legacy) {
        out.push_str(&format!("\n{}\n", fenced(&c.text, "powershell")));
    }
    if !f.evidence.is_empty() {
        out.push('\n');
        for (k, v) in &f.evidence {
            out.push_str(&format!("- {}: {}\n", md(k), md(v)));
        }
    }
    out.push('\n');
    out
}
