//! The organizations as files (contract v1.3): JSON (the OrganizationsReport, every account
//! of every organization), CSV (the audit's columns with `organization` first, one row per
//! account), Markdown and HTML (the overview, the chart, then a section per organization with
//! its summary, its own findings and the accounts that fail or are at risk; the same escaping
//! and self-contained rules as the audit's reports). Each organization is written whole in
//! turn, so a drop of 100,000 accounts is never held twice.

use sspr_audit::{Status, Summary};
use sspr_model::case::Lang;
use sspr_output::format::md;
use sspr_words::{self as words, audit::AuditLabels, orgs::OrgLabels};

use super::{OrgReport, OrganizationsReport, SaidOrgs};
use crate::export::html::{bars, esc, finding as html_finding, made_by, open, Bar};
use crate::export::{csv_cell, csv_row, markdown_finding, markdown_row, ExportFormat};
use crate::Account;

/// Writes the whole export of `o` (every account checked first) to `out`, building the
/// organizations' parts on `threads` threads.
#[cfg(not(target_arch = "wasm32"))]
pub fn write_to(o: &mut SaidOrgs, f: ExportFormat, threads: usize, out: &mut (dyn std::io::Write + Send)) -> std::io::Result<()> {
    let Some(head) = o.head() else { return Ok(()) };
    out.write_all(start(&head, f, o.lang()).as_bytes())?;
    let shared: &SaidOrgs = o;
    let report = &head;
    crate::export::in_order(
        shared.orgs.len(),
        threads,
        out,
        |k, buffer| buffer.extend_from_slice(part(shared, report, f, k).as_bytes()),
        |()| {},
    )?;
    out.write_all(end(&head, f, shared.lang()).as_bytes())
}

/// The whole export as one text (the page, in its worker; the tests).
pub fn export(o: &mut SaidOrgs, f: ExportFormat) -> String {
    o.check_all();
    let Some(head) = o.head() else { return String::new() };
    let mut s = start(&head, f, o.lang());
    for k in 0..o.orgs.len() {
        s.push_str(&part(o, &head, f, k));
    }
    s.push_str(&end(&head, f, o.lang()));
    s
}

/// Before the organizations.
pub fn start(r: &OrganizationsReport, f: ExportFormat, l: Lang) -> String {
    let w = words::orgs::labels(l);
    let a = words::audit_labels(l);
    match f {
        ExportFormat::Json => {
            let summary = serde_json::to_string(&r.summary).unwrap_or_default();
            format!("{{\"summary\":{summary},\"organizations\":[")
        }
        ExportFormat::Csv => {
            let c = &a.column;
            let cells = [
                w.organization,
                c.upn,
                c.display_name,
                c.status,
                c.role,
                c.roles,
                c.usable,
                c.methods,
                c.phone,
                c.email,
                c.sms_retirement_date,
                c.findings,
                c.line,
                c.plan,
            ];
            format!("\u{FEFF}{}\r\n", cells.iter().map(|s| csv_cell(s)).collect::<Vec<_>>().join(","))
        }
        ExportFormat::Html => html_start(r, &w, &a, l),
        _ => markdown_start(r, &w, &a, l),
    }
}

/// Organization `k`, whole.
pub fn part(o: &SaidOrgs, r: &OrganizationsReport, f: ExportFormat, k: usize) -> String {
    let (Some(org), Some(head)) = (o.orgs.get(k), r.organizations.get(k)) else { return String::new() };
    let l = o.lang();
    let a = words::audit_labels(l);
    let accounts = || (0..org.said.audit().len()).filter_map(|i| org.said.account(i));
    match f {
        ExportFormat::Json => {
            let mut s = String::new();
            if k > 0 {
                s.push(',');
            }
            let h = serde_json::to_string(head).unwrap_or_default();
            // The organization's fields, then its accounts in place of the empty list.
            match h.rfind("\"accounts\":[]") {
                Some(at) => {
                    s.push_str(&h[..at + "\"accounts\":[".len()]);
                    s.push_str(&crate::export::accounts(&org.said, ExportFormat::Json, 0, 0..org.said.audit().len()));
                    s.push_str(&h[at + "\"accounts\":[".len()..]);
                }
                None => s.push_str(&h),
            }
            s
        }
        ExportFormat::Csv => {
            let cell = csv_cell(&o.shown_name(k));
            accounts().map(|acc| format!("{cell},{}", csv_row(&acc, &a))).collect()
        }
        ExportFormat::Html => html_org(head, &org.said, k, &a, l),
        _ => markdown_org(head, &org.said, k, &a, l),
    }
}

/// After the organizations.
pub fn end(r: &OrganizationsReport, f: ExportFormat, l: Lang) -> String {
    let w = words::orgs::labels(l);
    match f {
        ExportFormat::Json => {
            let text = |v: &dyn erased::Json| v.json();
            format!(
                "],\"problems\":{},\"today\":{},\"factsNotice\":{},\"redacted\":{}}}",
                text(&r.problems),
                text(&r.today),
                text(&r.facts_notice),
                r.redacted
            )
        }
        ExportFormat::Csv => String::new(),
        ExportFormat::Html => {
            let mut s = String::new();
            if !r.problems.is_empty() {
                s.push_str(&format!("<h2>{}</h2>\n<ul>\n", esc(w.problems_title)));
                for p in &r.problems {
                    s.push_str(&format!("<li>{}</li>\n", esc(&problem_line(&w, p))));
                }
                s.push_str("</ul>\n");
            }
            s.push_str("</body>\n</html>\n");
            s
        }
        _ => {
            let mut s = String::new();
            if !r.problems.is_empty() {
                s.push_str(&format!("\n## {}\n\n", md(w.problems_title)));
                for p in &r.problems {
                    s.push_str(&format!("- {}\n", md(&problem_line(&w, p))));
                }
            }
            s
        }
    }
}

/// JSON of a field, the way serde writes the whole report.
mod erased {
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap_or_else(|_| "null".into())
        }
    }
}

fn problem_line(w: &OrgLabels, p: &super::OrgProblem) -> String {
    match &p.member {
        Some(m) => w.problem.replace("{reason}", &p.message).replace("{member}", m).replace("{file}", &p.file),
        None => w.problem_file.replace("{reason}", &p.message).replace("{file}", &p.file),
    }
}

/// The overview's rows: name, accounts, can reset today, fails, then each date's count of
/// accounts that can no longer reset.
fn overview_cells(o: &OrgReport) -> Vec<String> {
    let s = &o.summary;
    let mut v = vec![o.name.clone(), s.total.to_string(), s.can_reset_today.to_string(), s.fails.to_string()];
    v.extend(s.retirement.iter().map(|d| d.cannot_reset.to_string()));
    v
}

fn overview_head(w: &OrgLabels, s: &Summary) -> Vec<String> {
    let mut v = vec![w.organization.to_string(), w.accounts.to_string(), w.can_reset_today.to_string(), w.fails.to_string()];
    v.extend(s.retirement.iter().map(|d| w.cannot_reset_on.replace("{date}", &d.date)));
    v
}

fn top(o: &OrgReport, a: &AuditLabels) -> String {
    o.top_findings
        .iter()
        .map(|t| format!("{} ({})", a.finding_names.get(t.id.as_str()).copied().unwrap_or(t.id.as_str()), t.accounts))
        .collect::<Vec<_>>()
        .join(", ")
}

fn to_fix(acc: &Account) -> bool {
    matches!(acc.status, Status::Fails | Status::AtRisk)
}

fn markdown_start(r: &OrganizationsReport, w: &OrgLabels, a: &AuditLabels, l: Lang) -> String {
    let mut s = format!("# {}\n\n{}\n\n", md(w.title), md(&made_by(l, r.today.as_deref())));
    if let Some(n) = &r.facts_notice {
        s.push_str(&format!("> {}\n\n", md(n)));
    }
    if r.redacted {
        s.push_str(&format!("> {}\n\n", md(w.redacted_note)));
    }
    let head = overview_head(w, &r.summary);
    s.push_str(&format!(
        "## {}\n\n| {} | {} |\n|---|{}---|\n",
        md(w.overview_title),
        head.iter().map(|h| md(h)).collect::<Vec<_>>().join(" | "),
        md(w.top_findings),
        "---:|".repeat(head.len() - 1)
    ));
    for (k, o) in r.organizations.iter().enumerate() {
        let cells = overview_cells(o);
        s.push_str(&format!("| [{}](#org-{}) | {} | {} |\n", md(&cells[0]), k + 1, cells[1..].join(" | "), md(&top(o, a))));
    }
    let t = overview_cells(&OrgReport { name: w.total.to_string(), summary: r.summary.clone(), ..empty_org() });
    s.push_str(&format!("| **{}** | {} | |\n", md(&t[0]), t[1..].join(" | ")));
    s
}

fn empty_org() -> OrgReport {
    OrgReport {
        name: String::new(),
        tenant_id: None,
        domains: Vec::new(),
        files: Vec::new(),
        summary: Summary::default(),
        tenant_findings: Vec::new(),
        top_findings: Vec::new(),
        cloud: Default::default(),
        audit_problems: Vec::new(),
        accounts: Vec::new(),
    }
}

fn markdown_org(o: &OrgReport, said: &crate::Said, k: usize, a: &AuditLabels, l: Lang) -> String {
    let w = words::orgs::labels(l);
    let mut s = format!("\n<a id=\"org-{}\"></a>\n\n## {}\n\n", k + 1, md(&o.name));
    if let Some(t) = &o.tenant_id {
        s.push_str(&format!("- {}: `{t}`\n", md(w.tenant_id)));
    }
    s.push_str(&format!("- {}: {}\n- {}: {}\n", md(w.domains), md(&o.domains.join(", ")), md(w.files), md(&o.files.join(", "))));
    let head = overview_head(&w, &o.summary);
    for (h, v) in head.iter().zip(overview_cells(o)).skip(1) {
        s.push_str(&format!("- {}: {}\n", md(h), v));
    }
    s.push_str(&format!("\n### {}\n\n", md(a.tenant_title)));
    if o.tenant_findings.is_empty() {
        s.push_str(&format!("{}\n", md(a.no_findings)));
    }
    for f in &o.tenant_findings {
        s.push_str(&markdown_finding(f, l, "####"));
    }
    let c = &a.column;
    s.push_str(&format!(
        "\n### {}\n\n| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|\n",
        md(w.accounts_to_fix),
        md(c.upn),
        md(c.display_name),
        md(c.status),
        md(c.role),
        md(c.usable),
        md(c.sms_retirement_date),
        md(c.findings)
    ));
    let mut n = 0;
    for acc in (0..said.audit().len()).filter_map(|i| said.account(i)).filter(to_fix) {
        s.push_str(&markdown_row(&acc, a));
        n += 1;
    }
    if n == 0 {
        s.push_str(&format!("\n{}\n", md(w.none_to_fix)));
    }
    s
}

fn html_start(r: &OrganizationsReport, w: &OrgLabels, a: &AuditLabels, l: Lang) -> String {
    let mut s = open(w.title, l);
    s.push_str(&format!("<h1>{}</h1>\n<p class=\"muted\">{}</p>\n", esc(w.title), esc(&made_by(l, r.today.as_deref()))));
    if let Some(n) = &r.facts_notice {
        s.push_str(&format!("<p class=\"stale\" role=\"note\">{}</p>\n", esc(n)));
    }
    if r.redacted {
        s.push_str(&format!("<p class=\"stale\" role=\"note\">{}</p>\n", esc(w.redacted_note)));
    }
    let head = overview_head(w, &r.summary);
    s.push_str(&format!("<h2>{}</h2>\n<div class=\"wrap\"><table>\n<thead><tr>", esc(w.overview_title)));
    for h in head.iter().chain([&w.top_findings.to_string()]) {
        s.push_str(&format!("<th scope=\"col\">{}</th>", esc(h)));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for (k, o) in r.organizations.iter().enumerate() {
        let cells = overview_cells(o);
        s.push_str(&format!("<tr><td><a href=\"#org-{}\">{}</a></td>", k + 1, esc(&cells[0])));
        for c in &cells[1..] {
            s.push_str(&format!("<td>{c}</td>"));
        }
        s.push_str(&format!("<td>{}</td></tr>\n", esc(&top(o, a))));
    }
    let t = overview_cells(&OrgReport { name: w.total.to_string(), summary: r.summary.clone(), ..empty_org() });
    s.push_str(&format!(
        "<tr><th scope=\"row\">{}</th>{}<td></td></tr>\n",
        esc(&t[0]),
        t[1..].iter().map(|c| format!("<td>{c}</td>")).collect::<String>()
    ));
    s.push_str("</tbody></table></div>\n");
    if !r.summary.retirement.is_empty() {
        let rows: Vec<(String, Vec<Bar>)> = r
            .summary
            .retirement
            .iter()
            .map(|d| {
                let who = if d.applies_to == "allUsers" { a.applies_to.all_users } else { a.applies_to.global_admins_and_external_users };
                (
                    format!("{} ({who})", d.date),
                    vec![(a.lose_method, d.lose_method, "#8a5300"), (a.cannot_reset, d.cannot_reset, "#b3261e")],
                )
            })
            .collect();
        s.push_str(&bars(a.chart_title, &rows));
    }
    s
}

/// The accounts to fix in an organization's section, those that need the same together:
/// one row per status, date and findings (fails first, then the largest groups), with every
/// account's user name. One file holds every organization, and a row per account was most of
/// what the browser read (1.4 s at 100,000 accounts, over the second the overview may take;
/// an organization's own report has a row per account, with names, roles and methods).
fn org_rows(accounts: impl Iterator<Item = Account>, w: &AuditLabels) -> String {
    let mut at: sspr_text::hash::Map<String, usize> = Default::default();
    let mut groups: Vec<(Status, String, String, Vec<String>)> = Vec::new();
    for acc in accounts {
        let ids = acc.findings.iter().map(|f| f.id.as_str()).collect::<Vec<_>>().join(" ");
        let date = acc.sms_retirement_date.clone().unwrap_or_default();
        let key = format!("{}|{date}|{ids}", acc.status.as_str());
        let k = *at.entry(key).or_insert_with(|| {
            groups.push((acc.status, date, ids, Vec::new()));
            groups.len() - 1
        });
        groups[k].3.push(acc.upn.or(acc.id).unwrap_or_default());
    }
    sspr_model::order::sort_by(&mut groups, |x, y| {
        (x.0 != Status::Fails, std::cmp::Reverse(x.3.len()), &x.2, &x.1).cmp(&(
            y.0 != Status::Fails,
            std::cmp::Reverse(y.3.len()),
            &y.2,
            &y.1,
        ))
    });
    let mut s = String::new();
    for (status, date, ids, names) in groups {
        // (A cell's and a row's end tags are optional in HTML: the next one ends them.)
        s.push_str(&format!(
            "<tr><td class=\"s-{}\">{}<td>{}<td class=\"ids\">{}<td>{}\n",
            status.as_str(),
            esc(w.status.get(status)),
            esc(&date),
            esc(&ids),
            esc(&format!("{}: {}", names.len(), names.join(", ")))
        ));
    }
    s
}

fn html_org(o: &OrgReport, said: &crate::Said, k: usize, a: &AuditLabels, l: Lang) -> String {
    let w = words::orgs::labels(l);
    // `content-visibility: auto`: a section off screen is not laid out until it is scrolled
    // to (or printed), so 200 organizations open as fast as the overview (19 s to 1.4 s at
    // 100,000 accounts in Chromium; docs/figures.md).
    let mut s = format!("<section class=\"org\" id=\"org-{}\">\n<h2>{}</h2>\n<div class=\"wrap\"><table>\n", k + 1, esc(&o.name));
    let mut row = |h: &str, v: &str| s.push_str(&format!("<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n", esc(h), esc(v)));
    if let Some(t) = &o.tenant_id {
        row(w.tenant_id, t.as_str());
    }
    row(w.domains, &o.domains.join(", "));
    row(w.files, &o.files.join(", "));
    for (h, v) in overview_head(&w, &o.summary).iter().zip(overview_cells(o)).skip(1) {
        row(h, &v);
    }
    s.push_str("</table></div>\n");
    s.push_str(&format!("<h3>{}</h3>\n", esc(a.tenant_title)));
    if o.tenant_findings.is_empty() {
        s.push_str(&format!("<p>{}</p>\n", esc(a.no_findings)));
    }
    for f in &o.tenant_findings {
        s.push_str(&html_finding(f, l));
    }
    let c = &a.column;
    s.push_str(&format!("<h3>{}</h3>\n", esc(w.accounts_to_fix)));
    let rows = org_rows((0..said.audit().len()).filter_map(|i| said.account(i)).filter(to_fix), a);
    if rows.is_empty() {
        s.push_str(&format!("<p>{}</p>\n", esc(w.none_to_fix)));
    } else {
        s.push_str("<div class=\"wrap\"><table>\n<thead><tr>");
        for h in [c.status, c.sms_retirement_date, c.findings, w.accounts] {
            s.push_str(&format!("<th scope=\"col\">{}</th>", esc(h)));
        }
        s.push_str("</tr></thead>\n<tbody>\n");
        s.push_str(&rows);
        s.push_str("</tbody></table></div>\n");
    }
    s.push_str("</section>\n");
    s
}
