//! The support summary (contract v1.1 `supportSummary`): what a help desk or Microsoft
//! support asks for, from what the person typed plus the time, in the case's language.
//! User text is echoed on one line, capped, with invisible characters made visible.

use crate::case::{Case, Symptom};
use crate::facts::FACTS_CHECKED;
use crate::normalize::{trim, visible};
use crate::report_types::Finding;
use crate::words::summary_words;

/// Longest echo of a typed value in the summary.
const ECHO_CHARS: usize = 200;

pub fn support_summary(case: &Case, findings: &[Finding], codes: &[&str]) -> String {
    let w = summary_words(case.lang());
    let yes_no = |v: Option<bool>| match v {
        Some(true) => w.yes,
        Some(false) => w.no,
        None => w.unknown,
    };
    let typed = |v: &Option<String>| v.as_deref().map(trim).filter(|s| !s.is_empty()).map(|s| visible(s, ECHO_CHARS));
    let mut lines = vec![w.title.to_string(), w.intro.to_string()];
    lines.push(format!("{}: {}", w.time, time(case).unwrap_or_else(|| w.unknown.to_string())));
    let symptom = match case.symptom() {
        Symptom::Email => w.symptom_email,
        Symptom::Sms => w.symptom_sms,
        Symptom::Both => w.symptom_both,
    };
    lines.push(format!("{}: {symptom}", w.symptom));
    lines.push(format!("{}: {}", w.username, typed(&case.username).unwrap_or_else(|| w.unknown.to_string())));
    lines.push(format!("{}: {}", w.admin, yes_no(case.is_admin.or(case.global_admin.filter(|g| *g)))));
    if let Some(m) = typed(&case.page_message) {
        lines.push(format!("{}: {m}", w.page_message));
    }
    if !codes.is_empty() {
        lines.push(format!("{}: {}", w.error_codes, codes.join(", ")));
    }
    if let Some(code) = typed(&case.support_code) {
        lines.push(format!("{}: {code}", w.support_code));
    }
    let ids: Vec<String> = findings.iter().map(|f| format!("{} ({})", f.id.as_str(), severity(f))).collect();
    lines.push(format!("{}: {}", w.findings, if ids.is_empty() { w.none.to_string() } else { ids.join(", ") }));
    lines.push(format!("{} {} ({FACTS_CHECKED})", w.tool, env!("CARGO_PKG_VERSION")));
    lines.join("\n")
}

fn severity(f: &Finding) -> &'static str {
    match f.severity {
        crate::report_types::Severity::Blocking => "blocking",
        crate::report_types::Severity::Likely => "likely",
        crate::report_types::Severity::Check => "check",
    }
}

/// `2026-11-25 10:15 (UTC+09:00)` from the case's `now` (`2026-11-25T10:15:00+09:00`, or
/// `…Z`), else its `today`; None when neither is a date.
fn time(case: &Case) -> Option<String> {
    if let Some(now) = case.now.as_deref().and_then(parse_now) {
        return Some(now);
    }
    case.today.as_deref().and_then(crate::facts::Date::parse).map(|d| d.to_string())
}

fn parse_now(s: &str) -> Option<String> {
    let s = s.trim();
    let (date, rest) = s.split_once('T')?;
    crate::facts::Date::parse(date)?;
    let hm = rest.get(..5)?;
    let b = hm.as_bytes();
    if !(b[0].is_ascii_digit() && b[1].is_ascii_digit() && b[2] == b':' && b[3].is_ascii_digit() && b[4].is_ascii_digit()) {
        return None;
    }
    let offset = if rest.ends_with('Z') {
        "UTC".to_string()
    } else {
        let z = rest.get(rest.len().checked_sub(6)?..)?;
        let zb = z.as_bytes();
        if !(matches!(zb[0], b'+' | b'-')
            && zb[1..3].iter().all(u8::is_ascii_digit)
            && zb[3] == b':'
            && zb[4..].iter().all(u8::is_ascii_digit))
        {
            return None;
        }
        format!("UTC{z}")
    };
    Some(format!("{date} {hm} ({offset})"))
}

#[cfg(test)]
mod tests {
    use super::parse_now;

    #[test]
    fn times() {
        assert_eq!(parse_now("2026-11-25T10:15:00+09:00").as_deref(), Some("2026-11-25 10:15 (UTC+09:00)"));
        assert_eq!(parse_now("2026-11-25T01:15:00.123Z").as_deref(), Some("2026-11-25 01:15 (UTC)"));
        assert_eq!(parse_now("2026-11-25T10:15-05:00").as_deref(), Some("2026-11-25 10:15 (UTC-05:00)"));
        assert_eq!(parse_now("yesterday"), None);
        assert_eq!(parse_now("2026-11-25T1"), None);
    }
}
