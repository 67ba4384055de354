//! User principal names, the user name typed on the reset page, against Microsoft Entra's
//! username policy (characters, the "." before "@", lengths): see `facts::UPN_*`.

use crate::facts::{UPN_LOCAL_EXTRA_CHARS, UPN_MAX_DOMAIN, UPN_MAX_LOCAL, UPN_MAX_TOTAL};
use crate::normalize::{fold_width, trim};
pub use sspr_model::problems::UpnProblem;

/// The checked user name: its domain (lower case) when well formed enough to have one.
pub struct Upn {
    pub problem: Option<UpnProblem>,
    pub domain: Option<String>,
    /// The name with full-width characters folded, when that alone would make it valid.
    pub suggestion: Option<String>,
}

pub fn check(raw: &str) -> Upn {
    let s = trim(raw);
    let found = problem(s).err();
    let folded = fold_width(s).replace(' ', "");
    let suggestion = (found.is_some() && problem(&folded).is_ok()).then(|| folded.clone());
    let source = if found.is_none() { s } else { &folded };
    let domain = source.rsplit_once('@').map(|(_, d)| sspr_text::lower(d)).filter(|d| d.contains('.'));
    Upn { problem: found, domain, suggestion }
}

fn problem(s: &str) -> Result<(), UpnProblem> {
    use UpnProblem::*;
    if s.is_empty() {
        return Err(Empty);
    }
    if s.chars().any(|c| ('\u{FF01}'..='\u{FF5E}').contains(&c) || c == '\u{3000}') {
        return Err(FullWidth);
    }
    if s.chars().any(char::is_whitespace) {
        return Err(Spaces);
    }
    let Some((local, domain)) = s.split_once('@') else { return Err(NoAt) };
    if domain.contains('@') {
        return Err(TwoAts);
    }
    if let Some(c) = local.chars().find(|&c| !(c.is_ascii_alphanumeric() || UPN_LOCAL_EXTRA_CHARS.contains(c))) {
        return Err(BadCharacter(c));
    }
    if let Some(c) = domain.chars().find(|&c| !(c.is_ascii_alphanumeric() || c == '.' || c == '-')) {
        return Err(BadCharacter(c));
    }
    if local.is_empty() || local.ends_with('.') {
        return Err(DotBeforeAt).map_err(|e| if local.is_empty() { NoAt } else { e });
    }
    if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') || domain.contains("..") {
        return Err(NoDomainDot);
    }
    if local.len() > UPN_MAX_LOCAL {
        return Err(LocalTooLong(local.len()));
    }
    if domain.len() > UPN_MAX_DOMAIN {
        return Err(DomainTooLong(domain.len()));
    }
    if s.len() > UPN_MAX_TOTAL {
        return Err(TooLong(s.len()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upns() {
        assert!(check("admin@contoso.onmicrosoft.com").problem.is_none());
        assert_eq!(check("admin@contoso.onmicrosoft.com").domain.as_deref(), Some("contoso.onmicrosoft.com"));
        assert_eq!(check("admin").problem, Some(UpnProblem::NoAt));
        assert_eq!(check("admin.@contoso.com").problem, Some(UpnProblem::DotBeforeAt));
        assert_eq!(check("ad min@contoso.com").problem, Some(UpnProblem::Spaces));
        assert_eq!(check("admin@contoso").problem, Some(UpnProblem::NoDomainDot));
        assert_eq!(check("ad+min@contoso.com").problem, Some(UpnProblem::BadCharacter('+')));
        let fw = check("ａｄｍｉｎ＠ｃｏｎｔｏｓｏ．ｃｏｍ");
        assert_eq!(fw.problem, Some(UpnProblem::FullWidth));
        assert_eq!(fw.suggestion.as_deref(), Some("admin@contoso.com"));
        assert_eq!(check(&format!("{}@contoso.com", "a".repeat(65))).problem, Some(UpnProblem::LocalTooLong(65)));
    }
}
