//! The report as text for people: plain text (a terminal, "copy as text") and Markdown (a
//! help-desk ticket). One formatter for every front door, in the report's language, with
//! the words of `words::labels`.
//!
//! Reports echo what people typed, so both formats treat every string as untrusted:
//! invisible and control characters are shown as `<U+202E>` (nothing can reorder or break
//! a line), and Markdown escapes everything that could become markup (a link, an image,
//! HTML, a heading, emphasis, a table, a code fence, an autolink). Only the Microsoft URLs
//! of `facts::TRUSTED_URLS` stay links.

use crate::case::Lang;
use crate::facts::TRUSTED_URLS;
use crate::normalize::visible;
use crate::report_types::{Report, ResolutionId, Severity};
use crate::words::{labels, BySeverity, Labels};

/// No single string of a report is echoed longer than this (the engine already caps what
/// it quotes; this bounds any report handed back to the formatter).
const MAX_FIELD_CHARS: usize = 4096;

fn by_severity(s: Severity, b: &BySeverity) -> &'static str {
    match s {
        Severity::Blocking => b.blocking,
        Severity::Likely => b.likely,
        Severity::Check => b.check,
    }
}

fn headline(r: &Report, w: &Labels) -> &'static str {
    if r.ok {
        w.headline_ok
    } else {
        w.headline_not_ok
    }
}

fn resolution_title(r: &Report, w: &Labels) -> &'static str {
    if r.resolution.id == ResolutionId::Unknown {
        w.resolution_title_unknown
    } else {
        w.resolution_title
    }
}

/// One line of text: nothing in it can start a new line or hide.
pub fn line(s: &str) -> String {
    visible(s, MAX_FIELD_CHARS)
}

/// Plain text, as `sspr-doctor diagnose --format text` prints it.
pub fn to_text(r: &Report, l: Lang) -> String {
    let w = labels(l);
    let mut out = String::new();
    if let Some(n) = &r.facts_notice {
        out.push_str(&format!("! {}\n\n", line(n)));
    }
    out.push_str(headline(r, &w));
    out.push_str("\n\n");
    for f in &r.findings {
        out.push_str(&format!("[{}] {}  ({})\n", by_severity(f.severity, &w.badge), line(&f.title), f.id.as_str()));
        out.push_str(&format!("    {}\n", line(&f.detail)));
        for (i, s) in f.steps.iter().enumerate() {
            out.push_str(&format!("    {}. {}\n", i + 1, line(s)));
        }
        if !f.evidence.is_empty() {
            let ev: Vec<String> = f.evidence.iter().map(|(k, v)| format!("{}={}", line(k), line(v))).collect();
            out.push_str(&format!("    {} {}\n", w.evidence, ev.join("; ")));
        }
        out.push('\n');
    }
    out.push_str(resolution_title(r, &w));
    out.push_str(":\n");
    for s in &r.resolution.steps {
        out.push_str(&format!("  - {}\n", line(s)));
    }
    if !r.support_summary.is_empty() {
        out.push_str(&format!("\n{}:\n", w.support_summary_title));
        for s in r.support_summary.lines().take(40) {
            out.push_str(&format!("  {}\n", line(s)));
        }
    }
    out.trim_end().to_string()
}

/// Markdown text from untrusted text: every character that could open markup is escaped,
/// `:` and the dot of `www.` are written as character references (so no scheme or `www.`
/// autolink can form), and the trusted Microsoft URLs become `<…>` links.
pub fn md(s: &str) -> String {
    let s = visible(s, MAX_FIELD_CHARS);
    let mut out = String::with_capacity(s.len() + 16);
    let mut rest = s.as_str();
    while !rest.is_empty() {
        // The earliest trusted URL in what is left.
        let next = TRUSTED_URLS.iter().filter_map(|u| rest.find(u).map(|i| (i, *u))).min_by_key(|(i, u)| (*i, std::cmp::Reverse(u.len())));
        let (plain, url) = match next {
            Some((i, u)) => (&rest[..i], Some(u)),
            None => (rest, None),
        };
        escape_into(plain, &mut out);
        match url {
            Some(u) => {
                out.push('<');
                out.push_str(u);
                out.push('>');
                rest = &rest[plain.len() + u.len()..];
            }
            None => rest = "",
        }
    }
    out
}

fn escape_into(s: &str, out: &mut String) {
    let bytes = s.as_bytes();
    for (i, c) in s.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '(' | ')' | '#' | '+' | '-' | '!' | '|' | '~' | '"' | '\''
            | '=' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            ':' => out.push_str("&#58;"),
            '.' if i >= 3 && bytes[i - 3..i].eq_ignore_ascii_case(b"www") => out.push_str("&#46;"),
            '@' => out.push_str("&#64;"),
            c => out.push(c),
        }
    }
}

/// A code block that nothing inside can close: the fence is longer than any run of
/// backticks in the text.
pub fn fenced(text: &str, lang: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat((longest + 1).max(3));
    format!("{fence}{lang}\n{}\n{fence}", visible(text, MAX_FIELD_CHARS))
}

/// Markdown for a help-desk ticket: a heading per finding, numbered steps, commands as code.
pub fn to_markdown(r: &Report, l: Lang) -> String {
    let w = labels(l);
    let mut out = String::from("## SSPR Doctor\n\n");
    if let Some(n) = &r.facts_notice {
        out.push_str(&format!("> {}\n\n", md(n)));
    }
    out.push_str(&format!("**{}**\n\n", md(headline(r, &w))));
    for f in &r.findings {
        out.push_str(&format!(
            "### \\[{}\\] {} (`{}`)\n\n{}\n\n",
            md(by_severity(f.severity, &w.badge)),
            md(&f.title),
            f.id.as_str(),
            md(&f.detail)
        ));
        for (i, s) in f.steps.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", i + 1, md(s)));
        }
        for c in f.commands.iter().filter(|c| !c.legacy) {
            out.push_str(&format!("\n{}\n", fenced(&c.text, "powershell")));
        }
        if !f.evidence.is_empty() {
            out.push_str(&format!("\n{}\n", md(w.evidence)));
            for (k, v) in &f.evidence {
                out.push_str(&format!("- {}: {}\n", md(k), md(v)));
            }
        }
        out.push('\n');
    }
    out.push_str(&format!("### {}\n\n", md(resolution_title(r, &w))));
    for s in &r.resolution.steps {
        out.push_str(&format!("- {}\n", md(s)));
    }
    if !r.support_summary.is_empty() {
        out.push_str(&format!("\n### {}\n\n{}\n", md(w.support_summary_title), fenced(&r.support_summary, "text")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_never_makes_markup_from_text() {
        // Every character that could open markup comes out escaped.
        // (a `#` right after `&` is a character reference such as `&#58;`).
        let unescaped = |out: &str, c: char| {
            out.char_indices().any(|(i, x)| x == c && !out[..i].ends_with('\\') && !(c == '#' && out[..i].ends_with('&')))
        };
        for evil in [
            "![x](https://evil.example/p.png)",
            "[a](javascript:alert(1))",
            "<img src=x onerror=alert(1)>",
            "www.evil.example",
            "http://evil.example",
            "# heading",
            "```",
            "| a | b |",
        ] {
            let out = md(evil);
            for c in ['[', ']', '(', ')', '<', '>', '!', '#', '`', '|'] {
                assert!(!unescaped(&out, c), "{evil} -> {out}");
            }
            assert!(!out.contains("www.") && !out.contains("://"), "{evil} -> {out}");
        }
        assert_eq!(md("see https://aka.ms/sspr now"), "see <https://aka.ms/sspr> now");
        assert_eq!(md("a\u{202E}b"), "a\\<U\\+202E\\>b");
    }

    #[test]
    fn fences_cannot_be_closed_from_inside() {
        let f = fenced("a ``` b ```` c", "text");
        assert!(f.starts_with("`````text\n") && f.ends_with("\n`````"), "{f}");
    }
}
