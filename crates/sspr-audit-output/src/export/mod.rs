//! The audit as files: JSON (the AuditReport, byte for byte what `serde_json` writes),
//! CSV for Excel (UTF-8 with BOM so Excel reads it as UTF-8, CRLF, and no cell that
//! Excel would run as a formula), Markdown (a ticket or wiki page) and plain text.
//!
//! Each format is written in parts (head, the accounts in slices, tail) so the page can
//! write a large audit without holding it twice, and the command line writes the same
//! bytes in one go.

mod cells;
mod csv;
pub mod html;
mod markdown;
#[cfg(not(target_arch = "wasm32"))]
mod parallel;
#[cfg(not(target_arch = "wasm32"))]
mod text;

pub(crate) use self::csv::{csv_cell, csv_row};
pub(crate) use self::markdown::markdown_finding;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use self::parallel::in_order;
#[cfg(not(target_arch = "wasm32"))]
pub use self::parallel::write_to;

pub(crate) use self::markdown::markdown_row;
use self::markdown::{markdown_details, markdown_head};
#[cfg(not(target_arch = "wasm32"))]
use self::text::{text_details, text_head, text_row};
use crate::Said;
use sspr_audit::Assessed;
use sspr_output::format::md;
use sspr_words::{self as words};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Csv,
    Markdown,
    /// The command line's plain text (the page offers the other four: the module leaves it out).
    #[cfg(not(target_arch = "wasm32"))]
    Text,
    /// v1.2: one self-contained HTML file (html.rs).
    Html,
}

impl ExportFormat {
    pub fn parse(s: &str) -> Option<ExportFormat> {
        match s {
            "json" => Some(ExportFormat::Json),
            "csv" => Some(ExportFormat::Csv),
            "markdown" | "md" => Some(ExportFormat::Markdown),
            #[cfg(not(target_arch = "wasm32"))]
            "text" | "txt" => Some(ExportFormat::Text),
            "html" => Some(ExportFormat::Html),
            _ => None,
        }
    }

    /// How many times the accounts are written (Markdown and text: a table, then the
    /// details of the accounts to fix).
    pub fn passes(self) -> usize {
        match self {
            ExportFormat::Json | ExportFormat::Csv => 1,
            _ => 2,
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
                c.plan,
            ];
            format!("\u{FEFF}{}\r\n", cells.iter().map(|s| csv_cell(s)).collect::<Vec<_>>().join(","))
        }
        _ => {
            a.check_all();
            match a.head() {
                Some(r) if f == ExportFormat::Html => html::html_head(r, &w, a.lang()),
                Some(r) if f == ExportFormat::Markdown => markdown_head(r, &w, a.lang()),
                #[cfg(not(target_arch = "wasm32"))]
                Some(r) => text_head(r, &w, a.lang()),
                _ => String::new(),
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
            #[cfg(not(target_arch = "wasm32"))]
            (ExportFormat::Text, 0) => text_row(&acc, &w),
            #[cfg(not(target_arch = "wasm32"))]
            (ExportFormat::Text, _) => text_details(&acc, &w, a.lang()),
            (ExportFormat::Html, 0) => html::html_row(&acc, &w),
            (ExportFormat::Html, _) => html::html_details(&acc, &w, a.lang()),
        };
        out.extend_from_slice(text.as_bytes());
    }
}

/// The report without its accounts (`"accounts":[]`) as JSON: `None` until every account is
/// checked. The export's tail and the page's head (`auditHead`) both come from here, so that
/// the module holds one copy of the report's serializer.
pub fn head_json(a: &Said) -> Option<String> {
    a.head().map(|h| serde_json::to_string(h).unwrap_or_default())
}

/// What comes after pass `pass` of the accounts.
pub fn between(a: &Said, f: ExportFormat, pass: usize) -> String {
    match (f, pass) {
        (ExportFormat::Markdown, 0) => format!("\n## {}\n\n", md(words::audit_labels(a.lang()).to_fix)),
        #[cfg(not(target_arch = "wasm32"))]
        (ExportFormat::Text, 0) => format!("\n{}\n", words::audit_labels(a.lang()).to_fix),
        (ExportFormat::Html, 0) => html::html_between(a.lang()),
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
            let head = head_json(a).unwrap_or_default();
            match head.find("\"accounts\":[]") {
                Some(i) => head[i + "\"accounts\":[".len()..].to_string(),
                None => String::new(),
            }
        }
        ExportFormat::Html => {
            a.check_all();
            let w = words::audit_labels(a.lang());
            a.head().map(|r| html::html_tail(r, &w)).unwrap_or_default()
        }
        _ => String::new(),
    }
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
