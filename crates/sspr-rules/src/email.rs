//! Alternate email addresses: the WHATWG rule for `<input type=email>` (what every browser
//! and Microsoft's own forms accept), plus RFC 5321's length limits, with a precise reason
//! for every rejection, internationalized domains (to Punycode), and near misses of
//! well-known mail domains.

use crate::mail_domains::WELL_KNOWN_MAIL_DOMAINS;
use crate::normalize::{fold_width, trim};
use crate::punycode;
use crate::report::EmailReport;
pub use sspr_model::problems::EmailProblem;

/// RFC 5321 §4.5.3.1: local part 64 octets, domain 255, whole path 256 including `<>`.
const MAX_LOCAL: usize = 64;
const MAX_DOMAIN: usize = 255;
const MAX_ADDRESS: usize = 254;
const MAX_LABEL: usize = 63;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAnalysis {
    pub report: EmailReport,
    pub problem: Option<EmailProblem>,
    /// A well-known domain the address's domain is one typo away from.
    pub typo_of: Option<&'static str>,
    /// The ASCII (Punycode) domain of the normalized address, when it has one.
    pub domain: Option<String>,
}

/// Checks an address the way it would be stored: trimmed, nothing else forgiven.
/// Longest echo of an address in a report (a valid one has at most 254 characters).
const ECHO_CHARS: usize = 320;

pub fn analyse(raw: &str) -> EmailAnalysis {
    let trimmed = trim(raw);
    let problem = check(trimmed).err();
    // What the person meant: full-width folded, IME full stops as dots, blanks dropped.
    let folded: String =
        fold_width(trimmed).chars().map(|c| if c == '。' || c == '｡' { '.' } else { c }).filter(|c| !c.is_whitespace()).collect();
    let normalized = normalize(&folded);
    let meant_valid = check(&normalized).is_ok();
    let domain = normalized.rsplit_once('@').map(|(_, d)| d.to_string()).filter(|_| meant_valid);
    let typo_of = domain.as_deref().and_then(near_miss);
    let suggestion = if let Some(good) = typo_of {
        normalized.rsplit_once('@').map(|(local, _)| format!("{local}@{good}"))
    } else if problem.is_some() && meant_valid {
        Some(normalized.clone())
    } else {
        None
    };
    EmailAnalysis {
        report: EmailReport {
            // Echoes are capped (issue 11): no address is longer than 254 characters, so
            // a longer input is shown cut, with "…".
            input: crate::normalize::excerpt(raw, ECHO_CHARS),
            normalized: if meant_valid { normalized } else { crate::normalize::excerpt(trimmed, ECHO_CHARS) },
            valid: problem.is_none(),
            suggestion,
        },
        problem,
        typo_of,
        domain,
    }
}

/// Lower-cases the domain and converts an internationalized one to Punycode, as browsers do.
/// A label longer than a label can be (63) is left as it is: it is invalid whatever its
/// encoding (`check` says so), and the encoder's time grows with the square of a label's
/// distinct characters (80,000 CJK characters took 16 s before this cut).
fn normalize(addr: &str) -> String {
    const MAX_LABEL: usize = 63;
    match addr.rsplit_once('@') {
        Some((local, domain)) if !local.contains('@') => {
            let labels: Vec<String> = domain
                .split('.')
                .map(|l| {
                    let lower = sspr_text::lower(l);
                    if lower.is_ascii() || lower.chars().nth(MAX_LABEL).is_some() {
                        lower
                    } else {
                        punycode::to_ascii_label(&lower).unwrap_or(lower)
                    }
                })
                .collect();
            format!("{local}@{}", labels.join("."))
        }
        _ => addr.to_string(),
    }
}

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c)
}

fn check(addr: &str) -> Result<(), EmailProblem> {
    use EmailProblem::*;
    if addr.contains('＠') {
        return Err(FullWidthAt);
    }
    if addr.chars().any(|c| ('\u{FF01}'..='\u{FF5E}').contains(&c)) {
        return Err(FullWidthCharacters);
    }
    if addr.chars().any(|c| c.is_whitespace() || crate::normalize::is_space(c)) {
        return Err(Spaces);
    }
    let ats = addr.matches('@').count();
    if ats == 0 {
        return Err(NoAt);
    }
    if ats > 1 {
        return Err(TwoAts);
    }
    let (local, domain) = addr.split_once('@').unwrap_or_default();
    if local.is_empty() {
        return Err(EmptyLocalPart);
    }
    if domain.is_empty() {
        return Err(EmptyDomain);
    }
    if let Some(c) = local.chars().find(|&c| !is_local_char(c)) {
        return Err(BadLocalCharacter(c));
    }
    // An internationalized domain is checked in its Punycode form, as browsers do.
    let ascii = normalize(addr);
    let domain_ascii = ascii.rsplit_once('@').map(|(_, d)| d).unwrap_or(domain);
    if let Some(c) = domain_ascii.chars().find(|&c| !(c.is_ascii_alphanumeric() || c == '-' || c == '.')) {
        return Err(BadDomainCharacter(c));
    }
    if !domain_ascii.contains('.') {
        return Err(NoDomainDot);
    }
    for label in domain_ascii.split('.') {
        if label.is_empty() {
            return Err(EmptyLabel);
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(LabelHyphen(label.to_string()));
        }
        if label.len() > MAX_LABEL {
            return Err(LabelTooLong(label.to_string()));
        }
    }
    let tld = domain_ascii.rsplit('.').next().unwrap_or_default();
    if tld.chars().all(|c| c.is_ascii_digit()) {
        return Err(NumericTld(tld.to_string()));
    }
    if local.len() > MAX_LOCAL {
        return Err(LocalTooLong(local.len()));
    }
    if domain_ascii.len() > MAX_DOMAIN {
        return Err(DomainTooLong(domain_ascii.len()));
    }
    let total = local.len() + 1 + domain_ascii.len();
    if total > MAX_ADDRESS {
        return Err(AddressTooLong(total));
    }
    Ok(())
}

/// A well-known domain within one edit (or one swap of neighbours) of `domain`; None when
/// the domain is itself well known.
/// Domains already measured, so a bulk audit (thousands of addresses, a few domains) pays
/// for each domain once. Bounded: cleared when full.
const NEAR_MISS_MEMO: usize = 4096;

thread_local! {
    // The place of the near miss in WELL_KNOWN_MAIL_DOMAINS, or NONE: a map of the same
    // type as the audit's (String to usize), so the module carries one such map's code.
    static MEMO: std::cell::RefCell<sspr_text::hash::Map<String, usize>> = Default::default();
}

fn near_miss(domain: &str) -> Option<&'static str> {
    if WELL_KNOWN_MAIL_DOMAINS.contains(&domain) || domain.len() > 64 {
        return None;
    }
    const NONE: usize = usize::MAX;
    if let Some(known) = MEMO.with(|m| m.borrow().get(domain).copied()) {
        return WELL_KNOWN_MAIL_DOMAINS.get(known).copied();
    }
    let found = measure_near_miss(domain);
    let place = found.and_then(|f| WELL_KNOWN_MAIL_DOMAINS.iter().position(|d| *d == f)).unwrap_or(NONE);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= NEAR_MISS_MEMO {
            m.clear();
        }
        m.insert(domain.to_string(), place);
    });
    found
}

fn measure_near_miss(domain: &str) -> Option<&'static str> {
    WELL_KNOWN_MAIL_DOMAINS
        .iter()
        .copied()
        .filter_map(|good| {
            // Short domains need an exact shape: "me.com" is one edit from "mc.com".
            let limit = if good.len() >= 8 { 2 } else { 1 };
            // The distance is at least the difference in length: skip the work when that
            // alone rules the domain out.
            if domain.len().abs_diff(good.len()) > limit {
                return None;
            }
            let d = osa_distance(domain, good);
            (d > 0 && d <= limit).then_some((d, good))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, good)| good)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
/// two neighbours, each costing one.
pub fn osa_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[n][m]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(s: &str) -> Option<EmailProblem> {
        analyse(s).problem
    }

    #[test]
    fn valid_addresses() {
        for s in ["admin@example.com", " a.b+c@sub.example.co.jp ", "x@xn--r8jz45g.jp", "o'neil@example.org"] {
            assert_eq!(problem(s), None, "{s}");
        }
    }

    #[test]
    fn reasons() {
        assert_eq!(problem("admin＠example.com"), Some(EmailProblem::FullWidthAt));
        assert_eq!(problem("ａｄｍｉｎ@example.com"), Some(EmailProblem::FullWidthCharacters));
        assert_eq!(problem("admin.example.com"), Some(EmailProblem::NoAt));
        assert_eq!(problem("a@b@example.com"), Some(EmailProblem::TwoAts));
        assert_eq!(problem("admin@example"), Some(EmailProblem::NoDomainDot));
        assert_eq!(problem("ad min@example.com"), Some(EmailProblem::Spaces));
        assert_eq!(problem("admin@example..com"), Some(EmailProblem::EmptyLabel));
        assert_eq!(problem("admin@-example.com"), Some(EmailProblem::LabelHyphen("-example".into())));
        assert_eq!(problem("@example.com"), Some(EmailProblem::EmptyLocalPart));
        assert_eq!(problem("admin@"), Some(EmailProblem::EmptyDomain));
        assert_eq!(problem("ad<min@example.com"), Some(EmailProblem::BadLocalCharacter('<')));
        assert!(matches!(problem(&format!("{}@example.com", "a".repeat(65))), Some(EmailProblem::LocalTooLong(65))));
    }

    #[test]
    fn full_width_gets_a_suggestion() {
        let a = analyse("ａｄｍｉｎ＠ｅｘａｍｐｌｅ．ｃｏｍ");
        assert!(!a.report.valid);
        assert_eq!(a.report.suggestion.as_deref(), Some("admin@example.com"));
    }

    #[test]
    fn internationalized_domain() {
        let a = analyse("info@例え.jp");
        assert!(a.report.valid, "{a:?}");
        assert_eq!(a.report.normalized, "info@xn--r8jz45g.jp");
    }

    #[test]
    fn a_huge_internationalized_domain_is_linear() {
        // Issue 11: 80,000 distinct CJK characters in one label took 16 s in the encoder.
        let label: String = (0..80_000u32).filter_map(|i| char::from_u32(0x4E00 + i % 20_000 + i / 20_000)).collect();
        let t = std::time::Instant::now();
        let a = analyse(&format!("a@{label}.jp"));
        assert!(a.problem.is_some());
        assert!(t.elapsed().as_millis() < 200, "{:?}", t.elapsed());
    }

    #[test]
    fn typos() {
        assert_eq!(analyse("taro@gmial.com").typo_of, Some("gmail.com"));
        assert_eq!(analyse("taro@outlok.com").typo_of, Some("outlook.com"));
        assert_eq!(analyse("taro@yahoo.co.pj").typo_of, Some("yahoo.co.jp"));
        assert_eq!(analyse("taro@docomo.ne.jo").typo_of, Some("docomo.ne.jp"));
        assert_eq!(analyse("taro@gmail.com").typo_of, None);
        assert_eq!(analyse("taro@contoso.com").typo_of, None);
        assert_eq!(analyse("taro@gmial.com").report.suggestion.as_deref(), Some("taro@gmail.com"));
    }
}
