//! The audit as files: JSON (the AuditReport, byte for byte what `serde_json` writes),
//! CSV for Excel (UTF-8 with BOM so Excel reads it as UTF-8, CRLF, and no cell that
//! Excel would run as a formula), Markdown (a ticket or wiki page) and plain text.
//!
//! Each format is written in parts (head, the accounts in slices, tail) so the page can
//! write a large audit without holding it twice, and the command line writes the same
//! bytes in one go.

use crate::{Account, AuditReport, Said};
use sspr_audit::Assessed;
use sspr_model::case::Lang;
use sspr_model::report::{Finding, Severity};
use sspr_output::format::{fenced, line, md};
use sspr_words::{self as words, audit::AuditLabels};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Csv,
    Markdown,
    Text,
}

impl ExportFormat {
    pub fn parse(s: &str) -> Option<ExportFormat> {
        match s {
            "json" => Some(ExportFormat::Json),
            "csv" => Some(ExportFormat::Csv),
            "markdown" | "md" => Some(ExportFormat::Markdown),
            "text" | "txt" => Some(ExportFormat::Text),
            _ => None,
        }
    }

    /// How many times the accounts are written (Markdown and text: a table, then the
    /// details of the accounts to fix).
    pub fn passes(self) -> usize {
        match self {
            ExportFormat::Json | ExportFormat::Csv => 1,
            ExportFormat::Markdown | ExportFormat::Text => 2,
        }
    }
}

/// Everything before the accounts.
/// Everything before the accounts. Markdown and text begin with the summary, so every
/// account not checked yet is checked first.
pub fn head(a: &mut Said, f: ExportFormat) -> String {
    let w = words::audit_labels(a.lang());
    match f {
        // The AuditReport's first fields, as serde writes them: nothing before the accounts
        // needs them checked, so the command line checks each while writing it.
        ExportFormat::Json => {
            let text = |s: &str| serde_json::to_string(s).unwrap_or_default();
            format!("{{\"format\":{},\"encoding\":{},\"accounts\":[", text(&a.audit().format()), text(a.audit().encoding()))
        }
        ExportFormat::Csv => {
            let c = &w.column;
            let cells = [
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
            ];
            format!("\u{FEFF}{}\r\n", cells.iter().map(|s| csv_cell(s)).collect::<Vec<_>>().join(","))
        }
        ExportFormat::Markdown | ExportFormat::Text => {
            a.check_all();
            match a.head() {
                Some(r) if f == ExportFormat::Markdown => markdown_head(r, &w, a.lang()),
                Some(r) => text_head(r, &w, a.lang()),
                None => String::new(),
            }
        }
    }
}

/// Accounts `range` in pass `pass` (`0..f.passes()`).
pub fn accounts(a: &Said, f: ExportFormat, pass: usize, range: std::ops::Range<usize>) -> String {
    // Sized for the part at once: no copy as it grows.
    let per_account = if f == ExportFormat::Json { 2560 } else { 256 };
    let mut out = Vec::with_capacity(range.len().min(a.audit().len()).saturating_mul(per_account).min(1 << 26));
    accounts_into(a, f, pass, range, None, &mut out);
    // Only whole strings and serde_json's output went in: always UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `accounts` into `out`, as bytes: JSON is written into it directly, with no string per
/// account (the command line writes 227 MB of it, into buffers it reuses). Accounts not
/// checked yet are checked, and their checks kept in `checked` (when given) for
/// `Audit::push_checked`.
fn accounts_into(
    a: &Said,
    f: ExportFormat,
    pass: usize,
    range: std::ops::Range<usize>,
    mut checked: Option<&mut Vec<Assessed>>,
    out: &mut Vec<u8>,
) {
    let w = words::audit_labels(a.lang());
    let range = range.start..range.end.min(a.audit().len());
    for i in range.clone() {
        let acc = match checked.as_deref_mut() {
            Some(keep) => {
                let Some((acc, check)) = a.account_checking(i) else { break };
                keep.extend(check);
                acc
            }
            None => {
                let Some(acc) = a.account(i) else { break };
                acc
            }
        };
        let text = match (f, pass) {
            (ExportFormat::Json, _) => {
                if i > 0 {
                    out.push(b',');
                }
                // An Account always serializes (no map with non-string keys, no failing
                // Serialize): nothing is lost here.
                let _ = serde_json::to_writer(&mut *out, &acc);
                continue;
            }
            (ExportFormat::Csv, _) => csv_row(&acc, &w),
            (ExportFormat::Markdown, 0) => markdown_row(&acc, &w),
            (ExportFormat::Markdown, _) => markdown_details(&acc, &w, a.lang()),
            (ExportFormat::Text, 0) => text_row(&acc, &w),
            (ExportFormat::Text, _) => text_details(&acc, &w, a.lang()),
        };
        out.extend_from_slice(text.as_bytes());
    }
}

/// What comes after pass `pass` of the accounts.
pub fn between(a: &Said, f: ExportFormat, pass: usize) -> String {
    match (f, pass) {
        (ExportFormat::Markdown, 0) => format!("\n## {}\n\n", md(words::audit_labels(a.lang()).to_fix)),
        (ExportFormat::Text, 0) => format!("\n{}\n", words::audit_labels(a.lang()).to_fix),
        _ => String::new(),
    }
}

/// Everything after the accounts.
/// Everything after the accounts (JSON: the summary, so every account not checked yet is
/// checked first).
pub fn tail(a: &mut Said, f: ExportFormat) -> String {
    match f {
        ExportFormat::Json => {
            a.check_all();
            let head = a.head().map(|h| serde_json::to_string(h).unwrap_or_default()).unwrap_or_default();
            match head.find("\"accounts\":[]") {
                Some(i) => head[i + "\"accounts\":[".len()..].to_string(),
                None => String::new(),
            }
        }
        ExportFormat::Csv | ExportFormat::Markdown | ExportFormat::Text => String::new(),
    }
}

/// Writes the whole export to `out`, building the accounts' parts on `threads` threads
/// (the command line): the same bytes as `export`. A thread of its own writes, so the
/// next parts are built while the last ones are written.
#[cfg(not(target_arch = "wasm32"))]
pub fn write_to(a: &mut Said, f: ExportFormat, threads: usize, out: &mut (dyn std::io::Write + Send)) -> std::io::Result<()> {
    // Accounts per part: parts of about half a megabyte, reused, kept the time steady
    // (parts of 2,000 accounts, 4.5 MB each, swung from 0.6 to 1.1 s on the same input).
    const SLICE: usize = 250;
    // JSON and CSV have nothing before their accounts that needs all of them: each is
    // checked once, while it is written (JSON's summary comes after). Markdown and text
    // begin with the summary.
    let check_while_writing = matches!(f, ExportFormat::Json | ExportFormat::Csv);
    if !check_while_writing {
        a.audit_mut().assess_all_on(threads);
    }
    let first = head(a, f);
    let threads = threads.max(1);
    std::thread::scope(|scope| {
        let (parts, written) = std::sync::mpsc::sync_channel::<Vec<u8>>(threads * 2);
        // Written parts come back to be filled again, so the 227 MB of a large JSON export
        // pass through a few buffers instead of fresh memory.
        let (spare, spares) = std::sync::mpsc::channel::<Vec<u8>>();
        let writer = scope.spawn(move || -> std::io::Result<()> {
            for mut part in written {
                out.write_all(&part)?;
                part.clear();
                let _ = spare.send(part);
            }
            Ok(())
        });
        // A closed channel means the writer stopped on an error: it says which.
        let send = |part: Vec<u8>| parts.send(part).is_ok();
        let mut going = send(first.into_bytes());
        let unchecked = if check_while_writing { a.audit().unchecked() } else { 0 };
        let mut checked = Vec::with_capacity(unchecked);
        let shared: &Said = a;
        for pass in 0..f.passes() {
            let mut start = 0;
            while going && start < shared.audit().len() {
                let ranges: Vec<std::ops::Range<usize>> = (0..threads)
                    .map(|k| (start + k * SLICE).min(shared.audit().len())..(start + (k + 1) * SLICE).min(shared.audit().len()))
                    .filter(|r| !r.is_empty())
                    .collect();
                let built: Vec<(Vec<u8>, Vec<Assessed>)> = std::thread::scope(|inner| {
                    let handles: Vec<_> = ranges
                        .iter()
                        .cloned()
                        .map(|r| {
                            let mut buffer = spares.try_recv().unwrap_or_default();
                            inner.spawn(move || {
                                let mut checks = Vec::new();
                                let keep = (check_while_writing && pass == 0).then_some(&mut checks);
                                accounts_into(shared, f, pass, r, keep, &mut buffer);
                                (buffer, checks)
                            })
                        })
                        .collect();
                    handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
                });
                for (part, checks) in built {
                    checked.extend(checks);
                    going = going && send(part);
                }
                start = ranges.last().map_or(shared.audit().len(), |r| r.end);
            }
            going = going && send(between(shared, f, pass).into_bytes());
        }
        // Only a whole run of checks is kept: a builder thread that stopped leaves a gap, and
        // the summary then checks the rest itself.
        if checked.len() == unchecked {
            a.audit_mut().push_checked(checked);
        }
        if going {
            send(tail(a, f).into_bytes());
        }
        drop(parts);
        writer.join().unwrap_or(Ok(()))
    })
}

/// The whole export.
pub fn export(a: &mut Said, f: ExportFormat) -> String {
    let mut out = head(a, f);
    for pass in 0..f.passes() {
        out.push_str(&accounts(a, f, pass, 0..a.audit().len()));
        out.push_str(&between(a, f, pass));
    }
    out.push_str(&tail(a, f));
    out
}

/// A CSV cell Excel shows as text: quoted when needed, and a leading `'` before anything
/// that would start a formula (= + - @, tab, CR), which Excel then hides.
fn csv_cell(s: &str) -> String {
    let s = line(s);
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s };
    if s.contains([',', '"', '\n', '\r', ';']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn role_of(acc: &Account) -> &'static str {
    match (acc.global_admin, acc.is_admin) {
        (Some(true), _) => "globalAdmin",
        (_, Some(true)) => "admin",
        (_, Some(false)) => "user",
        _ => "unknown",
    }
}

fn usable(acc: &Account, w: &AuditLabels, sep: &str) -> String {
    acc.usable_methods.iter().map(|g| w.usable_methods.get(*g)).collect::<Vec<_>>().join(sep)
}

fn phone(acc: &Account) -> String {
    acc.phone.as_ref().map(|p| p.e164.clone().unwrap_or_else(|| p.input.clone())).unwrap_or_default()
}

fn email(acc: &Account) -> String {
    acc.email.as_ref().map(|e| e.input.clone()).unwrap_or_default()
}

fn ids(findings: &[Finding]) -> String {
    findings.iter().map(|f| f.id.as_str()).collect::<Vec<_>>().join("; ")
}

fn csv_row(acc: &Account, w: &AuditLabels) -> String {
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
    ];
    format!("{}\r\n", cells.iter().map(|s| csv_cell(s)).collect::<Vec<_>>().join(","))
}

fn count_line(r: &AuditReport, w: &AuditLabels) -> Vec<(String, String)> {
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

fn applies(w: &AuditLabels, to: &str) -> &'static str {
    if to == "allUsers" {
        w.applies_to.all_users
    } else {
        w.applies_to.global_admins_and_external_users
    }
}

fn markdown_head(r: &AuditReport, w: &AuditLabels, l: Lang) -> String {
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

fn markdown_row(acc: &Account, w: &AuditLabels) -> String {
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

/// The accounts with something to fix (a blocking or likely finding).
fn needs_fixing(acc: &Account) -> bool {
    acc.findings.iter().any(|f| matches!(f.severity, Severity::Blocking | Severity::Likely))
}

fn markdown_details(acc: &Account, w: &AuditLabels, l: Lang) -> String {
    if !needs_fixing(acc) {
        return String::new();
    }
    let mut out = format!("### {} ({})\n\n", md(acc.upn.as_deref().or(acc.id.as_deref()).unwrap_or("")), md(w.status.get(acc.status)));
    for f in acc.findings.iter().filter(|f| f.severity != Severity::Check) {
        out.push_str(&markdown_finding(f, l, "####"));
    }
    out
}

fn markdown_finding(f: &Finding, l: Lang, level: &str) -> String {
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

fn text_head(r: &AuditReport, w: &AuditLabels, l: Lang) -> String {
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

fn text_row(acc: &Account, w: &AuditLabels) -> String {
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

fn text_details(acc: &Account, w: &AuditLabels, l: Lang) -> String {
    if !needs_fixing(acc) {
        return String::new();
    }
    let mut out = format!("\n{} [{}]\n", line(acc.upn.as_deref().or(acc.id.as_deref()).unwrap_or("")), w.status.get(acc.status));
    for f in acc.findings.iter().filter(|f| f.severity != Severity::Check) {
        out.push_str(&text_finding(f, l));
    }
    out
}

fn text_finding(f: &Finding, l: Lang) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_never_run_as_formulas() {
        for evil in ["=HYPERLINK(\"http://x\")", "+81 9012345678", "-2+3", "@SUM(A1)", "\tx"] {
            let cell = csv_cell(evil);
            assert!(!cell.trim_start_matches('"').starts_with(['=', '+', '-', '@', '\t', '\r']), "{evil} -> {cell}");
        }
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
