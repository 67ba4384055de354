//! The HTML report (contract v1.2): one file with no script and no request, styles inline,
//! the chart as inline SVG, readable on a phone and printable on A4. Every value from an
//! export goes through `esc`; the page's own Content-Security-Policy (`default-src 'none'`)
//! would refuse a script or a request even if one got in.

use sspr_model::case::Lang;
use sspr_model::report::{Finding, Severity};
use sspr_words::audit::AuditLabels;
use sspr_words::{self as words};

use super::cells::{role_of, usable};
use crate::report::{Account, AuditReport};

/// The styles: system fonts, a table that scrolls inside its frame on a phone, A4 pages.
pub const STYLE: &str = "\
:root{color-scheme:light;--ink:#1b1b1f;--muted:#555;--line:#c8c8d0;--panel:#f4f4f7;--fails:#b3261e;--risk:#8a5300;--ok:#1d6b2f;--unknown:#4a4a58}\
*{box-sizing:border-box}\
body{font:15px/1.5 system-ui,-apple-system,'Segoe UI','Hiragino Sans','Yu Gothic UI',Meiryo,sans-serif;color:var(--ink);margin:0 auto;max-width:72rem;padding:1rem}\
h1{font-size:1.5rem;margin:.2rem 0 .5rem}h2{font-size:1.2rem;margin:1.6rem 0 .5rem;border-bottom:1px solid var(--line)}h3{font-size:1.05rem;margin:1.2rem 0 .3rem}h4{font-size:.95rem;margin:.8rem 0 .2rem}\
p,li{overflow-wrap:anywhere}.muted{color:var(--muted);font-size:.85rem}.stale{border:2px solid var(--risk);padding:.5rem .7rem;background:#fff6e5}\
.wrap{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:var(--panel)}\
.s-fails{color:var(--fails);font-weight:600}.s-atRisk{color:var(--risk);font-weight:600}.s-ok{color:var(--ok)}.s-unknown{color:var(--unknown)}\
.c-worse{color:var(--fails);font-weight:600}.c-fixed,.c-improved{color:var(--ok);font-weight:600}\
.finding{border-left:4px solid var(--line);padding:.2rem .7rem;margin:.5rem 0}.finding.blocking{border-color:var(--fails)}.finding.likely{border-color:var(--risk)}\
.badge{font-size:.75rem;border:1px solid currentColor;border-radius:3px;padding:0 .3rem;margin-right:.4rem}\
code{font-family:ui-monospace,Consolas,monospace;font-size:.85em;background:var(--panel);padding:0 .2rem;white-space:pre-wrap;overflow-wrap:anywhere}\
svg{max-width:100%;height:auto}.account{break-inside:avoid-page}\
.org{content-visibility:auto;contain-intrinsic-size:auto 2400px}.ids{font-family:ui-monospace,Consolas,monospace;font-size:.8rem}\
@page{size:A4;margin:14mm}@media print{body{max-width:none;padding:0;font-size:10.5pt}.wrap{overflow:visible}h2{break-after:avoid}tr{break-inside:avoid}}";

/// Text as HTML: nothing in it can become markup.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control, direction and invisible characters are shown as what they are, not
            // obeyed (as in the other exports): a name cannot reorder the text around it.
            c if !matches!(c, '\t' | '\n' | '\r') && sspr_text::is_invisible_or_control(c) => {
                out.push_str(&format!("&lt;U+{:04X}&gt;", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// The document's opening: language, no script, no request, the styles.
pub fn open(title: &str, l: Lang) -> String {
    let lang = if l == Lang::Ja { "ja" } else { "en" };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(title)
    )
}

/// One bar: its series' name, its value, its colour.
pub type Bar<'a> = (&'a str, usize, &'a str);

/// Bars for each date: `(label, bars)`, as inline SVG.
pub fn bars(title: &str, rows: &[(String, Vec<Bar>)]) -> String {
    let max = rows.iter().flat_map(|(_, s)| s.iter().map(|x| x.1)).max().unwrap_or(0).max(1);
    let per_row = rows.first().map_or(1, |r| r.1.len()).max(1);
    let bar_h = 16;
    // Each date: its label on a line of its own, then one bar per series with its figure.
    let row_h = 20 + per_row * (bar_h + 4) + 10;
    let height = rows.len() * row_h + 4;
    let mut svg = format!(
        "<figure><figcaption>{}</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 640 {height}\" width=\"640\" height=\"{height}\">",
        esc(title),
        esc(title)
    );
    for (i, (label, series)) in rows.iter().enumerate() {
        let y0 = i * row_h;
        svg.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"13\" font-weight=\"600\" fill=\"#1b1b1f\">{}</text>",
            y0 + 14,
            esc(label)
        ));
        for (k, (name, value, color)) in series.iter().enumerate() {
            let y = y0 + 20 + k * (bar_h + 4);
            let w = (*value as f64 / max as f64 * 360.0).round() as usize;
            svg.push_str(&format!(
                "<rect x=\"0\" y=\"{y}\" width=\"{}\" height=\"{bar_h}\" fill=\"{color}\"></rect><text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#1b1b1f\">{} {}</text>",
                w.max(2),
                w.max(2) + 6,
                y + 12,
                value,
                esc(name)
            ));
        }
    }
    svg.push_str("</svg></figure>\n");
    svg
}

/// The line under a report's title: the tool's version, the date, the facts' date.
pub fn made_by(l: Lang, today: Option<&str>) -> String {
    let d = words::diff::labels(l);
    d.made_by
        .replace("{version}", env!("CARGO_PKG_VERSION"))
        .replace("{date}", today.unwrap_or("-"))
        .replace("{checked}", &sspr_model::facts::FACTS_CHECKED.to_string())
}

/// Everything before the accounts: title, notice, summary, chart, organization, table head.
pub fn html_head(r: &AuditReport, w: &AuditLabels, l: Lang) -> String {
    let mut out = open(w.title, l);
    out.push_str(&format!("<h1>{}</h1>\n<p class=\"muted\">{}</p>\n", esc(w.title), esc(&made_by(l, r.today.as_deref()))));
    if let Some(n) = &r.facts_notice {
        out.push_str(&format!("<p class=\"stale\" role=\"note\">{}</p>\n", esc(n)));
    }
    let s = &r.summary;
    out.push_str(&format!("<h2>{}</h2>\n<div class=\"wrap\"><table>\n", esc(words::diff::labels(l).summary_title)));
    let mut row = |k: &str, v: String| out.push_str(&format!("<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n", esc(k), esc(&v)));
    row(w.summary.total, s.total.to_string());
    row(w.status.fails, s.fails.to_string());
    row(w.status.at_risk, s.at_risk.to_string());
    row(w.status.ok, s.ok.to_string());
    row(w.status.unknown, s.unknown.to_string());
    row(w.summary.can_reset_today, s.can_reset_today.to_string());
    row(w.summary.depend_on_microsoft_sms, s.depend_on_microsoft_sms.to_string());
    if let (Some(g), Some(c)) = (s.global_admins, s.global_admins_can_reset) {
        row(w.summary.global_admins, g.to_string());
        row(w.summary.global_admins_can_reset, c.to_string());
    }
    out.push_str("</table></div>\n");
    if !s.retirement.is_empty() {
        let rows: Vec<(String, Vec<Bar>)> = s
            .retirement
            .iter()
            .map(|d| {
                let who = if d.applies_to == "allUsers" { w.applies_to.all_users } else { w.applies_to.global_admins_and_external_users };
                (
                    format!("{} ({who})", d.date),
                    vec![(w.lose_method, d.lose_method, "#8a5300"), (w.cannot_reset, d.cannot_reset, "#b3261e")],
                )
            })
            .collect();
        out.push_str(&bars(w.chart_title, &rows));
    }
    out.push_str(&format!("<h2>{}</h2>\n", esc(w.tenant_title)));
    if r.tenant.findings.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", esc(w.no_findings)));
    }
    for f in &r.tenant.findings {
        out.push_str(&finding(f, l));
    }
    let c = &w.column;
    out.push_str(&format!(
        "<h2>{}</h2>\n<div class=\"wrap\"><table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        esc(w.accounts_title),
        esc(c.upn),
        esc(c.display_name),
        esc(c.status),
        esc(c.role),
        esc(c.usable),
        esc(c.sms_retirement_date),
        esc(c.findings)
    ));
    out
}

pub fn html_row(acc: &Account, w: &AuditLabels) -> String {
    let status = acc.status.as_str();
    format!(
        "<tr><td>{}</td><td>{}</td><td class=\"s-{status}\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        esc(acc.upn.as_deref().or(acc.id.as_deref()).unwrap_or("")),
        esc(acc.display_name.as_deref().unwrap_or("")),
        esc(w.status.get(acc.status)),
        esc(w.role.get(role_of(acc))),
        esc(&usable(acc, w, ", ")),
        esc(acc.sms_retirement_date.as_deref().unwrap_or("")),
        acc.findings.iter().map(|f| format!("<code>{}</code>", f.id.as_str())).collect::<Vec<_>>().join(" ")
    )
}

pub fn html_between(l: Lang) -> String {
    format!("</tbody></table></div>\n<h2>{}</h2>\n", esc(words::diff::labels(l).details_title))
}

/// An account with findings or a plan: its status, findings with their steps, its plan.
pub fn html_details(acc: &Account, w: &AuditLabels, l: Lang) -> String {
    let findings: Vec<&Finding> = acc.findings.iter().filter(|f| f.severity != Severity::Check).collect();
    if findings.is_empty() && acc.plan.is_empty() {
        return String::new();
    }
    let status = acc.status.as_str();
    let mut out = format!(
        "<section class=\"account\"><h3>{} <span class=\"s-{status}\">({})</span></h3>\n",
        esc(acc.upn.as_deref().or(acc.id.as_deref()).unwrap_or("")),
        esc(w.status.get(acc.status))
    );
    for f in findings {
        out.push_str(&finding(f, l));
    }
    if !acc.plan.is_empty() {
        out.push_str(&format!("<h4>{}</h4>\n<ol>\n", esc(w.column.plan)));
        for p in &acc.plan {
            out.push_str(&format!("<li>{}</li>\n", esc(&p.text)));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
    out
}

/// One finding: badge, title, detail, steps, commands.
pub fn finding(f: &Finding, l: Lang) -> String {
    let labels = words::labels(l);
    let (class, badge) = match f.severity {
        Severity::Blocking => ("blocking", labels.badge.blocking),
        Severity::Likely => ("likely", labels.badge.likely),
        Severity::Check => ("check", labels.badge.check),
    };
    let mut out = format!(
        "<div class=\"finding {class}\"><h4><span class=\"badge\">{}</span>{}</h4>\n<p>{}</p>\n<ol>\n",
        esc(badge),
        esc(&f.title),
        esc(&f.detail)
    );
    for s in &f.steps {
        out.push_str(&format!("<li>{}</li>\n", esc(s)));
    }
    out.push_str("</ol>\n");
    for c in f.commands.iter().filter(|c| !c.legacy) {
        out.push_str(&format!("<p><code>{}</code></p>\n", esc(&c.text)));
    }
    out.push_str("</div>\n");
    out
}

/// Everything after the accounts: the files read, and the end of the document.
pub fn html_tail(r: &AuditReport, w: &AuditLabels) -> String {
    let mut out = format!("<h2>{}</h2>\n<ul>\n", esc(w.sources_title));
    for s in &r.sources {
        // The file's name last: a name with "{rows}" in it stays as it is.
        let line = if s.name.is_some() { w.source } else { w.source_unnamed }
            .replace("{format}", w.formats.get(s.format))
            .replace("{encoding}", &s.encoding)
            .replace("{rows}", &s.rows.to_string())
            .replace("{name}", s.name.as_deref().unwrap_or(""));
        out.push_str(&format!("<li>{}</li>\n", esc(&line)));
    }
    out.push_str("</ul>\n</body>\n</html>\n");
    out
}
