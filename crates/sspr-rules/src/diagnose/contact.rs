//! The alternate email address and what can hold the reset email back.

use crate::case::Case;
use crate::cause::{Cause, Known};
use crate::email;
use crate::facts::{self};
use crate::findings::{within_domain, Findings};
use crate::mail_domains::JAPANESE_CARRIER_MAIL_DOMAINS;
use crate::normalize::{excerpt, trim};
use crate::report::Severity;

use super::{b, blank, EVIDENCE_CHARS};

pub(crate) fn email_rules(case: &Case, org_domain: Option<&str>, f: &mut Findings) -> Option<email::EmailAnalysis> {
    let mut usable_mailbox = case.alternate_email.is_none();
    let analysis = match blank(&case.alternate_email) {
        None => {
            f.add(Cause::AlternateEmailMissing(Known::Unknown), Severity::Check, &[]);
            None
        }
        Some(true) => {
            f.add(Cause::AlternateEmailMissing(Known::Yes), Severity::Blocking, &[("alternateEmail", String::new())]);
            None
        }
        Some(false) => {
            let raw = case.alternate_email.as_deref().unwrap_or("");
            let a = email::analyse(raw);
            let input = excerpt(raw, EVIDENCE_CHARS);
            if let Some(p) = &a.problem {
                let mut ev = vec![("input", input.clone()), ("reason", p.code().to_string())];
                if let Some(s) = &a.report.suggestion {
                    ev.push(("suggestion", s.clone()));
                }
                f.add(
                    Cause::AlternateEmailInvalid { problem: p.clone(), suggestion: a.report.suggestion.clone() },
                    Severity::Blocking,
                    &ev,
                );
            } else {
                usable_mailbox = true;
            }
            f.add_email_typo(&a, &input);
            if let Some(domain) = a.domain.as_deref() {
                let onmicrosoft = domain.ends_with(facts::ONE_GATE_DOMAIN_SUFFIX);
                let same_org = org_domain.is_some_and(|o| within_domain(domain, o));
                if onmicrosoft || same_org {
                    let own_mailbox =
                        a.problem.is_none() && case.username.as_deref().is_some_and(|u| trim(u).eq_ignore_ascii_case(&a.report.normalized));
                    f.add(
                        Cause::AlternateEmailInTenant { domain: domain.to_string(), onmicrosoft, own_mailbox },
                        Severity::Likely,
                        &[("input", input.clone()), ("domain", domain.to_string())],
                    );
                }
                if JAPANESE_CARRIER_MAIL_DOMAINS.contains(&domain) {
                    f.add(
                        Cause::AlternateEmailCarrierFilter { domain: domain.to_string() },
                        Severity::Check,
                        &[("domain", domain.to_string())],
                    );
                }
            }
            Some(a)
        }
    };
    if usable_mailbox {
        let senders = || format!("{}, {}", facts::RESET_EMAIL_SENDER_2, facts::RESET_EMAIL_SENDER);
        match case.checked_junk_folder {
            Some(false) => f.add(Cause::JunkFolder(Known::Yes), Severity::Likely, &[("checkedJunkFolder", b(false))]),
            None => f.add(Cause::JunkFolder(Known::Unknown), Severity::Check, &[]),
            Some(true) => {}
        }
        match case.safe_sender_added {
            Some(false) => {
                f.add(Cause::SenderNotSafelisted(Known::Yes), Severity::Likely, &[("safeSenderAdded", b(false)), ("sender", senders())])
            }
            None => f.add(Cause::SenderNotSafelisted(Known::Unknown), Severity::Check, &[("sender", senders())]),
            Some(true) => {}
        }
        // Whatever was answered, what is left to look at (never an empty list).
        f.add(Cause::EmailDelivery, Severity::Check, &[]);
    }
    analysis
}
