//! The payload corpus (tests/payloads/: OWASP XSS cheat-sheet payloads, Markdown and CSV
//! injection, bidi and control characters) in every field of a Case and every cell of an
//! audit file: the Markdown copies, rendered by a CommonMark renderer, hold no link, image
//! or HTML from user text (only the trusted Microsoft URLs are links); the text report has
//! no forged line and no invisible or reordering character; no CSV cell starts a formula.

use std::path::PathBuf;

use pulldown_cmark::{html, Event, Parser, Tag};
use serde_json::json;
use sspr_doctor_core::audit::{self, export, export::ExportFormat, AuditOptions, InputFile};
use sspr_doctor_core::facts::TRUSTED_URLS;
use sspr_doctor_core::{diagnose, format, Case, Lang};

fn payloads() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/payloads");
    let mut out = Vec::new();
    for name in ["xss.txt", "markdown.txt", "csv.txt", "controls.txt"] {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        for line in text.lines().filter(|l| !l.is_empty()) {
            out.push(if name == "controls.txt" { unescape(line) } else { line.to_string() });
        }
    }
    assert!(out.len() >= 100, "{}", out.len());
    out
}

/// `\u{202E}` escapes to characters.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\\u{") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('}').map(|e| i + e).unwrap();
        out.push(char::from_u32(u32::from_str_radix(&rest[i + 3..end], 16).unwrap()).unwrap());
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Renders Markdown as CommonMark does; Err with what went live.
fn live_markup(markdown: &str) -> Result<(), String> {
    let trusted = |url: &str| TRUSTED_URLS.contains(&url);
    for event in Parser::new(markdown) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => return Err(format!("HTML: {h}")),
            Event::Start(Tag::Image { dest_url, .. }) => return Err(format!("image: {dest_url}")),
            Event::Start(Tag::Link { dest_url, .. }) if !trusted(&dest_url) => return Err(format!("link: {dest_url}")),
            _ => {}
        }
    }
    let mut rendered = String::new();
    html::push_html(&mut rendered, Parser::new(markdown));
    for tag in ["<img", "<script", "<iframe", "<svg", "<object", "<embed", "<details", "<input", "<style", "<meta", "<link"] {
        if rendered.to_lowercase().contains(tag) {
            return Err(format!("{tag} in the rendered HTML"));
        }
    }
    Ok(())
}

fn no_hidden_characters(s: &str) -> Result<(), String> {
    match s.chars().find(|c| matches!(*c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{FEFF}' | '\u{2028}' | '\u{2029}') || (c.is_control() && *c != '\n')) {
        Some(c) => Err(format!("U+{:04X} passed through", c as u32)),
        None => Ok(()),
    }
}

const FIELDS: &[&str] = &["username", "alternateEmail", "mobilePhone", "phoneCountry", "policyOutput", "pageMessage", "supportCode"];

#[test]
fn no_payload_goes_live_in_any_copy_of_a_report() {
    let mut failures = Vec::new();
    for p in payloads() {
        for field in FIELDS {
            for lang in [Lang::En, Lang::Ja] {
                let mut v = json!({ "isAdmin": true, "lang": if lang == Lang::Ja { "ja" } else { "en" }, "today": "2026-11-25" });
                v[*field] = json!(p);
                let case: Case = serde_json::from_value(v).unwrap();
                let r = diagnose(&case);
                let md = format::to_markdown(&r, lang);
                let text = format::to_text(&r, lang);
                if let Err(e) = live_markup(&md) {
                    failures.push(format!("{field} = {p:?}: markdown {e}"));
                }
                for (what, s) in [("text", &text), ("markdown", &md)] {
                    if let Err(e) = no_hidden_characters(s) {
                        failures.push(format!("{field} = {p:?}: {what} {e}"));
                    }
                }
                // Only real findings start a line of the text report with a badge: "[BADGE]
                // title  (id)".
                let badges = text
                    .lines()
                    .filter(|l| {
                        l.starts_with('[')
                            && l.rsplit_once("  (")
                                .is_some_and(|(_, id)| id.strip_suffix(')').and_then(sspr_doctor_core::FindingId::parse).is_some())
                    })
                    .count();
                if badges != r.findings.len() {
                    failures.push(format!("{field} = {p:?}: {badges} badge lines for {} findings", r.findings.len()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures, first: {:#?}", failures.len(), &failures[..failures.len().min(10)]);
}

#[test]
fn no_payload_goes_live_in_the_audit_exports() {
    let mut failures = Vec::new();
    for p in payloads() {
        let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let csv = format!(
            "userPrincipalName,displayName,roles,methodsRegistered,authMobilePhone,authEmail\r\n{},{},{},{},{},{}\r\n",
            q(&format!("a{p}@contoso.com")),
            q(&p),
            q(&p),
            q(&format!("email;{p}")),
            q(&p),
            q(&p)
        );
        for lang in [Lang::En, Lang::Ja] {
            let opts = AuditOptions { lang: Some(lang), today: Some("2026-11-25".into()), ..Default::default() };
            let Ok(mut a) = audit::Said::read(&[InputFile { name: Some("payload.csv"), bytes: csv.as_bytes() }], &opts) else { continue };
            let md = export::export(&mut a, ExportFormat::Markdown);
            if let Err(e) = live_markup(&md) {
                failures.push(format!("{p:?}: markdown {e}"));
            }
            for (what, s) in [("markdown", &md), ("text", &export::export(&mut a, ExportFormat::Text))] {
                if let Err(e) = no_hidden_characters(s) {
                    failures.push(format!("{p:?}: {what} {e}"));
                }
            }
            let out = export::export(&mut a, ExportFormat::Csv);
            for line in out.trim_start_matches('\u{FEFF}').split("\r\n") {
                // The cells as a spreadsheet reads them: quoted cells unquoted, "" as ".
                let mut cells = Vec::new();
                let (mut cell, mut quoted, mut chars) = (String::new(), false, line.chars().peekable());
                while let Some(c) = chars.next() {
                    match c {
                        '"' if quoted && chars.peek() == Some(&'"') => {
                            cell.push('"');
                            chars.next();
                        }
                        '"' => quoted = !quoted,
                        ',' if !quoted => cells.push(std::mem::take(&mut cell)),
                        c => cell.push(c),
                    }
                }
                cells.push(cell);
                for c in cells {
                    if c.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                        failures.push(format!("{p:?}: CSV cell {c:?}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures, first: {:#?}", failures.len(), &failures[..failures.len().min(10)]);
}
