//! What the rules conclude while they run: each cause with its severity and what was seen
//! (`Found`), collected in `Findings`, and put in report order (`ordered`). Shared by the
//! troubleshooter's rules, the bulk phone checks and the audit.

use std::collections::BTreeSet;

use crate::cause::Cause;
use crate::email;
use crate::report::{Evidence, Severity};

#[derive(Clone)]
pub struct Found {
    pub cause: Cause,
    pub severity: Severity,
    pub evidence: Evidence,
}

#[derive(Default)]
pub struct Findings(pub Vec<Found>, EvidenceMode);

/// Whether findings keep what was seen. The bulk phone check reads only their ids, and
/// building evidence it would throw away was about a fifth of its time (in node and in
/// the page).
#[derive(Default, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceMode {
    #[default]
    Kept,
    Dropped,
}

impl Findings {
    /// Findings whose evidence is left empty, for callers that read only ids and severities.
    pub fn without_evidence() -> Findings {
        Findings(Vec::new(), EvidenceMode::Dropped)
    }

    pub fn keeps_evidence(&self) -> bool {
        self.1 == EvidenceMode::Kept
    }

    pub fn add(&mut self, cause: Cause, severity: Severity, evidence: &[(&str, String)]) {
        let evidence = match self.1 {
            EvidenceMode::Kept => sspr_model::order::map(evidence.iter().map(|(k, v)| (k.to_string(), v.clone()))),
            EvidenceMode::Dropped => Evidence::new(),
        };
        self.0.push(Found { cause, severity, evidence });
    }

    /// `alternate_email_typo` when the address looks like a mistyped well-known domain
    /// (the troubleshooter and the audit alike).
    pub fn add_email_typo(&mut self, a: &email::EmailAnalysis, input: &str) {
        if let (Some(good), Some(sug)) = (a.typo_of, a.report.suggestion.as_ref()) {
            self.add(
                Cause::AlternateEmailTypo { suggestion: sug.clone() },
                Severity::Likely,
                &[("input", input.to_string()), ("suggestion", sug.clone()), ("domain", good.to_string())],
            );
        }
    }
}

/// `domain` is `org` or one of its subdomains.
pub fn within_domain(domain: &str, org: &str) -> bool {
    domain == org || domain.strip_suffix(org).is_some_and(|rest| rest.ends_with('.'))
}

/// Most severe first, then the most probable cause; one finding per id (the most severe).
pub fn ordered(mut found: Vec<Found>) -> Vec<Found> {
    sspr_model::order::sort_by_key(&mut found, |x| (x.severity, x.cause.id()));
    let mut seen = BTreeSet::new();
    found.retain(|x| seen.insert(x.cause.id()));
    found
}
