//! A comparison of two exports written out: JSON (the AuditDiff), CSV for Excel, Markdown,
//! text and the self-contained HTML report. The change comes first: who got worse.

use sspr_model::case::Lang;
#[cfg(not(target_arch = "wasm32"))]
use sspr_output::format::md;
use sspr_words::{self as words};

use crate::diff::{AccountChange, AuditDiff, Change, JoinKey};
use crate::export::csv_cell;
use crate::export::html::{bars, esc, made_by, open, Bar};

fn status(s: Option<sspr_audit::Status>, l: Lang) -> &'static str {
    match s {
        Some(s) => words::audit_labels(l).status.get(s),
        None => "-",
    }
}

fn ids(v: &[sspr_model::report::FindingId]) -> String {
    v.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(" ")
}

fn name(a: &AccountChange) -> &str {
    a.upn.as_deref().or(a.id.as_deref()).unwrap_or("")
}

/// The comparison in `format` (json, csv, markdown, text, html), or None for another name.
pub fn diff_export(d: &AuditDiff, format: &str, l: Lang) -> Option<String> {
    Some(match format {
        "json" => serde_json::to_string(d).unwrap_or_default(),
        "csv" => csv(d, l),
        // The page offers HTML, JSON and CSV: the module leaves out what only the command line writes.
        #[cfg(not(target_arch = "wasm32"))]
        "markdown" | "md" => markdown(d, l),
        #[cfg(not(target_arch = "wasm32"))]
        "text" | "txt" => text(d, l),
        "html" => html(d, l),
        _ => return None,
    })
}

fn summary_rows(d: &AuditDiff, l: Lang) -> Vec<(&'static str, usize, usize)> {
    let w = words::audit_labels(l);
    let (o, n) = (&d.old.summary, &d.new.summary);
    vec![
        (w.summary.total, o.total, n.total),
        (w.status.fails, o.fails, n.fails),
        (w.status.at_risk, o.at_risk, n.at_risk),
        (w.status.ok, o.ok, n.ok),
        (w.status.unknown, o.unknown, n.unknown),
        (w.summary.can_reset_today, o.can_reset_today, n.can_reset_today),
        (w.summary.depend_on_microsoft_sms, o.depend_on_microsoft_sms, n.depend_on_microsoft_sms),
    ]
}

fn csv(d: &AuditDiff, l: Lang) -> String {
    let w = words::audit_labels(l);
    let dl = words::diff::labels(l);
    let mut out = String::from("\u{FEFF}");
    let head =
        [w.column.upn, w.column.display_name, dl.counts_title, dl.before, dl.after, dl.fixed_findings, dl.new_findings, dl.joined_by_upn];
    out.push_str(&head.iter().map(|h| csv_cell(h)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    for a in &d.accounts {
        let row = [
            name(a).to_string(),
            a.display_name.clone().unwrap_or_default(),
            dl.change.get(a.change.as_str()).to_string(),
            status(a.before, l).to_string(),
            status(a.after, l).to_string(),
            ids(&a.fixed_findings),
            ids(&a.new_findings),
            if a.joined_by == Some(JoinKey::UserPrincipalName) { w.yes.to_string() } else { String::new() },
        ];
        out.push_str(&row.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
fn markdown(d: &AuditDiff, l: Lang) -> String {
    let dl = words::diff::labels(l);
    let mut out = format!("# {}\n\n", md(dl.title));
    for wn in &d.warnings {
        out.push_str(&format!("> {}\n\n", md(&wn.message)));
    }
    out.push_str(&format!("| {} | {} | {} |\n|---|---:|---:|\n", md(dl.measure), md(dl.old), md(dl.new)));
    for (k, o, n) in summary_rows(d, l) {
        out.push_str(&format!("| {} | {o} | {n} |\n", md(k)));
    }
    for r in &d.retirement {
        out.push_str(&format!("| {} {} | {} | {} |\n", md(words::audit_labels(l).cannot_reset), r.date, r.before, r.after));
    }
    out.push_str(&format!("\n## {}\n\n", md(dl.counts_title)));
    for c in Change::ALL {
        out.push_str(&format!("- {}: {}\n", md(dl.change.get(c.as_str())), d.counts.get(c.as_str()).copied().unwrap_or(0)));
    }
    out.push('\n');
    let mut shown = None;
    for a in d.accounts.iter().filter(|a| a.change != Change::Unchanged) {
        if shown != Some(a.change) {
            out.push_str(&format!("\n### {}\n\n", md(dl.change.get(a.change.as_str()))));
            shown = Some(a.change);
        }
        out.push_str(&format!(
            "- {}: {} → {}{}{}\n",
            md(name(a)),
            md(status(a.before, l)),
            md(status(a.after, l)),
            if a.fixed_findings.is_empty() {
                String::new()
            } else {
                format!(
                    "; {} {}",
                    md(dl.fixed_findings),
                    a.fixed_findings.iter().map(|f| format!("`{}`", f.as_str())).collect::<Vec<_>>().join(" ")
                )
            },
            if a.new_findings.is_empty() {
                String::new()
            } else {
                format!(
                    "; {} {}",
                    md(dl.new_findings),
                    a.new_findings.iter().map(|f| format!("`{}`", f.as_str())).collect::<Vec<_>>().join(" ")
                )
            },
        ));
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
fn text(d: &AuditDiff, l: Lang) -> String {
    let dl = words::diff::labels(l);
    let line = sspr_output::format::line;
    let mut out = format!("{}\n", dl.title);
    for wn in &d.warnings {
        out.push_str(&format!("! {}\n", line(&wn.message)));
    }
    for (k, o, n) in summary_rows(d, l) {
        out.push_str(&format!("  {k}: {o} -> {n}\n"));
    }
    for r in &d.retirement {
        out.push_str(&format!("  {} {}: {} -> {}\n", words::audit_labels(l).cannot_reset, r.date, r.before, r.after));
    }
    for a in d.accounts.iter().filter(|a| a.change != Change::Unchanged) {
        out.push_str(&format!(
            "  [{}] {}: {} -> {}{}\n",
            dl.change.get(a.change.as_str()),
            line(name(a)),
            status(a.before, l),
            status(a.after, l),
            if a.new_findings.is_empty() { String::new() } else { format!(" (+{})", ids(&a.new_findings)) }
        ));
    }
    out
}

fn html(d: &AuditDiff, l: Lang) -> String {
    let dl = words::diff::labels(l);
    let w = words::audit_labels(l);
    let mut out = open(dl.title, l);
    let made = made_by(l, d.new.today.as_deref());
    out.push_str(&format!("<h1>{}</h1>\n<p class=\"muted\">{}</p>\n", esc(dl.title), esc(&made)));
    if let Some(n) = words::facts_notice(d.new.today.as_deref().and_then(sspr_model::date::Date::parse), l) {
        out.push_str(&format!("<p class=\"stale\" role=\"note\">{}</p>\n", esc(&n)));
    }
    for wn in &d.warnings {
        out.push_str(&format!("<p class=\"stale\" role=\"note\">{}</p>\n", esc(&wn.message)));
    }
    // The change first: who got worse is what needs attention.
    out.push_str(&format!("<h2>{}</h2>\n<div class=\"wrap\"><table><tbody>\n", esc(dl.counts_title)));
    for c in Change::ALL {
        out.push_str(&format!(
            "<tr><th scope=\"row\" class=\"c-{}\">{}</th><td>{}</td></tr>\n",
            c.as_str(),
            esc(dl.change.get(c.as_str())),
            d.counts.get(c.as_str()).copied().unwrap_or(0)
        ));
    }
    out.push_str("</tbody></table></div>\n");
    if !d.retirement.is_empty() {
        let rows: Vec<(String, Vec<Bar>)> = d
            .retirement
            .iter()
            .map(|r| {
                let who = if r.applies_to == "allUsers" { w.applies_to.all_users } else { w.applies_to.global_admins_and_external_users };
                (format!("{} ({who})", r.date), vec![(dl.old, r.before, "#8a8a99"), (dl.new, r.after, "#b3261e")])
            })
            .collect();
        out.push_str(&bars(dl.chart_title, &rows));
    }
    out.push_str(&format!(
        "<h2>{}</h2>\n<div class=\"wrap\"><table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
        esc(dl.summary_title),
        esc(dl.measure),
        esc(dl.old),
        esc(dl.new)
    ));
    for (k, o, n) in summary_rows(d, l) {
        out.push_str(&format!("<tr><th scope=\"row\">{}</th><td>{o}</td><td>{n}</td></tr>\n", esc(k)));
    }
    out.push_str("</tbody></table></div>\n");
    out.push_str(&format!(
        "<h2>{}</h2>\n<div class=\"wrap\"><table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
        esc(w.accounts_title),
        esc(w.column.upn),
        esc(dl.counts_title),
        esc(dl.before),
        esc(dl.after),
        esc(dl.fixed_findings),
        esc(dl.new_findings)
    ));
    for a in &d.accounts {
        let weak = if a.joined_by == Some(JoinKey::UserPrincipalName) {
            format!(" <span class=\"muted\">({})</span>", esc(dl.joined_by_upn))
        } else {
            String::new()
        };
        out.push_str(&format!(
            "<tr><td>{}{weak}</td><td class=\"c-{}\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            esc(name(a)),
            a.change.as_str(),
            esc(dl.change.get(a.change.as_str())),
            esc(status(a.before, l)),
            esc(status(a.after, l)),
            a.fixed_findings.iter().map(|f| format!("<code>{}</code>", f.as_str())).collect::<Vec<_>>().join(" "),
            a.new_findings.iter().map(|f| format!("<code>{}</code>", f.as_str())).collect::<Vec<_>>().join(" ")
        ));
    }
    out.push_str("</tbody></table></div>\n");
    out.push_str(&format!("<h2>{}</h2>\n<ul>\n", esc(w.sources_title)));
    for (side, label) in [(&d.old, dl.old), (&d.new, dl.new)] {
        for s in &side.sources {
            out.push_str(&format!(
                "<li>{}: {} ({}, {}, {})</li>\n",
                esc(label),
                esc(s.name.as_deref().unwrap_or("-")),
                esc(w.formats.get(s.format)),
                esc(&s.encoding),
                s.rows
            ));
        }
    }
    out.push_str("</ul>\n</body>\n</html>\n");
    out
}
