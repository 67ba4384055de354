//! The report as text for people: plain text (a terminal, "copy as text") and Markdown (a
//! help-desk ticket). One formatter for every front door, in the report's language.

use crate::case::Lang;
use crate::report::{Report, ResolutionId, Severity};

fn badge(s: Severity, l: Lang) -> &'static str {
    match (s, l) {
        (Severity::Blocking, Lang::En) => "BLOCKING",
        (Severity::Likely, Lang::En) => "LIKELY",
        (Severity::Check, Lang::En) => "CHECK",
        (Severity::Blocking, Lang::Ja) => "原因",
        (Severity::Likely, Lang::Ja) => "可能性大",
        (Severity::Check, Lang::Ja) => "要確認",
    }
}

fn headline(r: &Report, l: Lang) -> &'static str {
    match (r.ok, l) {
        (true, Lang::En) => "No cause found in what you entered. Check the points below.",
        (true, Lang::Ja) => "入力内容からは原因が見つかりませんでした。以下の点を確認してください。",
        (false, Lang::En) => "Found what stops the message:",
        (false, Lang::Ja) => "メッセージが届かない原因が見つかりました:",
    }
}

fn resolution_title(r: &Report, l: Lang) -> &'static str {
    match (r.resolution.id, l) {
        (ResolutionId::Unknown, Lang::En) => "To reset the password today (whichever applies):",
        (ResolutionId::Unknown, Lang::Ja) => "今すぐパスワードをリセットするには (当てはまるもの):",
        (_, Lang::En) => "To reset the password today:",
        (_, Lang::Ja) => "今すぐパスワードをリセットするには:",
    }
}

fn evidence_label(l: Lang) -> &'static str {
    match l {
        Lang::En => "evidence:",
        Lang::Ja => "根拠:",
    }
}

/// Plain text, as `sspr-doctor diagnose --format text` prints it.
pub fn to_text(r: &Report, l: Lang) -> String {
    let mut out = String::new();
    out.push_str(headline(r, l));
    out.push_str("\n\n");
    for f in &r.findings {
        out.push_str(&format!("[{}] {}  ({})\n", badge(f.severity, l), f.title, f.id.as_str()));
        out.push_str(&format!("    {}\n", f.detail));
        for (i, s) in f.steps.iter().enumerate() {
            out.push_str(&format!("    {}. {}\n", i + 1, s));
        }
        if !f.evidence.is_empty() {
            let ev: Vec<String> = f.evidence.iter().map(|(k, v)| format!("{k}={v}")).collect();
            out.push_str(&format!("    {} {}\n", evidence_label(l), ev.join("; ")));
        }
        out.push('\n');
    }
    out.push_str(resolution_title(r, l));
    out.push('\n');
    for s in &r.resolution.steps {
        out.push_str(&format!("  - {s}\n"));
    }
    out.trim_end().to_string()
}

/// Escapes what Markdown would read as markup, so pasted input stays literal in a ticket.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!') {
            out.push('\\');
        }
        out.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    out
}

/// Markdown for a help-desk ticket: a heading per finding, numbered steps, commands as code.
pub fn to_markdown(r: &Report, l: Lang) -> String {
    let mut out = format!("## SSPR Doctor\n\n**{}**\n\n", md(headline(r, l)));
    for f in &r.findings {
        out.push_str(&format!("### [{}] {} (`{}`)\n\n{}\n\n", badge(f.severity, l), md(&f.title), f.id.as_str(), md(&f.detail)));
        for (i, s) in f.steps.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", i + 1, md(s)));
        }
        for c in f.commands.iter().filter(|c| !c.legacy) {
            out.push_str(&format!("\n```powershell\n{}\n```\n", c.text.replace("```", "'''")));
        }
        if !f.evidence.is_empty() {
            out.push_str(&format!("\n{}\n", evidence_label(l)));
            for (k, v) in &f.evidence {
                out.push_str(&format!("- {}: {}\n", md(k), md(v)));
            }
        }
        out.push('\n');
    }
    out.push_str(&format!("### {}\n\n", md(resolution_title(r, l))));
    for s in &r.resolution.steps {
        out.push_str(&format!("- {}\n", md(s)));
    }
    out
}
