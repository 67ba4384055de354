//! The account and the organization: is it an administrator, is reset on, what the reset
//! page said, the user name, where the password lives, whether the methods are registered.

use crate::case::{AccountSource, Case};
use crate::cause::{Cause, Known, PolicyTrouble, Writeback};
use crate::facts::{self, PageCause};
use crate::findings::Findings;
use crate::normalize::{excerpt, trim};
use crate::policy::{self, PolicyReading, PolicySource};
use crate::report::Severity;
use crate::upn;

use super::{admin, b, blank, EVIDENCE_CHARS};

pub(crate) fn admin_and_policy(case: &Case, f: &mut Findings, page_says: &dyn Fn(PageCause) -> bool) -> Option<bool> {
    let is_admin = admin(case);
    match is_admin {
        // Not an administrator: the users' policy applies, which we cannot see.
        Some(false) => f.add(Cause::NotAdmin(Known::Yes), Severity::Check, &[("isAdmin", b(false))]),
        None => f.add(Cause::NotAdmin(Known::Unknown), Severity::Check, &[]),
        Some(true) => {}
    }

    let reading = case.policy_output.as_deref().filter(|s| !trim(s).is_empty()).map(policy::read);
    let from_policy = match &reading {
        Some(PolicyReading::Found { enabled, .. }) => Some(*enabled),
        _ => None,
    };
    let quoted = || excerpt(case.policy_output.as_deref().unwrap_or(""), EVIDENCE_CHARS);
    match &reading {
        Some(PolicyReading::Found { source: PolicySource::Msonline, enabled }) => {
            f.add(Cause::MsonlineRetired { failed: false }, Severity::Check, &[("policyOutput", quoted()), ("value", b(*enabled))])
        }
        Some(PolicyReading::MsonlineError) => {
            f.add(Cause::MsonlineRetired { failed: true }, Severity::Check, &[("policyOutput", quoted())])
        }
        Some(PolicyReading::Contradictory) => f.add(
            Cause::PolicyUnrecognized(PolicyTrouble::Contradictory),
            Severity::Check,
            &[("policyOutput", quoted()), ("reason", "contradictory".into())],
        ),
        Some(PolicyReading::GraphError(e)) => f.add(
            Cause::PolicyUnrecognized(PolicyTrouble::Graph(*e)),
            Severity::Check,
            &[("policyOutput", quoted()), ("reason", e.as_str().into())],
        ),
        Some(PolicyReading::Unrecognized) => {
            f.add(Cause::PolicyUnrecognized(PolicyTrouble::Unrecognized), Severity::Check, &[("policyOutput", quoted())])
        }
        _ => {}
    }

    // AllowedToUseSspr governs administrators only (facts::GRAPH_READ_SSPR).
    let enabled = case.sspr_enabled.or(from_policy);
    match (enabled, is_admin) {
        (_, Some(false)) => {}
        (Some(false), _) => {
            let source = if case.sspr_enabled.is_some() { "ssprEnabled" } else { "policyOutput" };
            f.add(
                Cause::SsprDisabled { known: Known::Yes, from_page: false, registration: false },
                Severity::Blocking,
                &[("source", source.into()), ("value", b(false))],
            );
        }
        (None, _) if !(page_says(PageCause::SsprDisabled) || is_admin == Some(true) && page_says(PageCause::NotEnabledForYou)) => {
            f.add(Cause::SsprDisabled { known: Known::Unknown, from_page: false, registration: false }, Severity::Check, &[])
        }
        _ => {}
    }
    enabled
}

pub(crate) fn page_rules(case: &Case, page: Option<&[(PageCause, String)]>, f: &mut Findings) {
    let Some(causes) = page else { return };
    let quoted = excerpt(case.page_message.as_deref().unwrap_or(""), EVIDENCE_CHARS);
    if causes.is_empty() {
        f.add(Cause::PageMessageUnrecognized, Severity::Check, &[("pageMessage", quoted)]);
        return;
    }
    // "Contact your administrator" is also part of other messages: alone, it is the page
    // that could not reach the user.
    let alone = causes.len() == 1;
    for (cause, matched) in causes {
        let ev = [("pageMessage", quoted.clone()), ("matched", matched.clone())];
        let code = || facts::SSPR_ERROR_CODES.iter().find(|(_, c)| c == cause).map_or("SSPR", |(code, _)| code);
        match cause {
            PageCause::SsprDisabled => {
                f.add(Cause::SsprDisabled { known: Known::Yes, from_page: true, registration: false }, Severity::Blocking, &ev)
            }
            PageCause::NotEnabledForYou => match admin(case) {
                Some(true) => {
                    f.add(Cause::SsprDisabled { known: Known::Yes, from_page: true, registration: true }, Severity::Blocking, &ev)
                }
                Some(false) => f.add(Cause::LicenseRequired { known_user: true }, Severity::Blocking, &ev),
                None => f.add(Cause::LicenseRequired { known_user: false }, Severity::Likely, &ev),
            },
            PageCause::Unreachable if alone => f.add(Cause::ContactUnreachable, Severity::Likely, &ev),
            PageCause::Unreachable => {}
            PageCause::OnPremisesSuccessCloudFailure => f.add(Cause::OnPremisesSyncPending, Severity::Blocking, &ev),
            PageCause::Throttled => f.add(Cause::Throttled { from_telephony: false }, Severity::Blocking, &ev),
            PageCause::SmsRateLimited => f.add(Cause::SmsRateLimited, Severity::Blocking, &ev),
            PageCause::TelephonyTrouble => f.add(Cause::Throttled { from_telephony: true }, Severity::Likely, &ev),
            PageCause::PhoneMismatch => f.add(Cause::PhoneNumberMismatch, Severity::Blocking, &ev),
            PageCause::MsonlineRetired => f.add(Cause::MsonlineRetired { failed: true }, Severity::Check, &ev),
            PageCause::WritebackNotEnabled => f.add(Cause::PasswordWriteback(Writeback::NotEnabled), Severity::Blocking, &ev),
            PageCause::OnPremisesConfig => f.add(Cause::PasswordWriteback(Writeback::OnPremisesError), Severity::Blocking, &ev),
            PageCause::OnPremisesConnectivity => f.add(Cause::PasswordWriteback(Writeback::Connectivity), Severity::Blocking, &ev),
            PageCause::NoPolicy | PageCause::NotLicensed | PageCause::NotInScopedGroup => {
                f.add(Cause::ResetNotConfigured { code: code() }, Severity::Blocking, &ev)
            }
            // Handled with the registered methods.
            PageCause::NotRegistered => {}
        }
    }
}

pub(crate) fn username_rules(case: &Case, username: Option<&upn::Upn>, f: &mut Findings) {
    match (&case.username, username) {
        (_, Some(u)) => {
            // A sign-in name at a custom domain may be someone's email address rather than
            // their user principal name (onmicrosoft.com names are always sign-in names).
            if let Some(domain) = u.domain.as_deref().filter(|d| {
                u.problem.is_none() && !d.ends_with(facts::ONE_GATE_DOMAIN_SUFFIX) && !facts::PERSONAL_ACCOUNT_DOMAINS.contains(d)
            }) {
                f.add(Cause::EmailNotSignInName { domain: domain.to_string() }, Severity::Check, &[("domain", domain.to_string())]);
            }
            if let Some(p) = &u.problem {
                let mut ev =
                    vec![("input", excerpt(case.username.as_deref().unwrap_or(""), EVIDENCE_CHARS)), ("reason", p.code().to_string())];
                if let Some(s) = &u.suggestion {
                    ev.push(("suggestion", s.clone()));
                }
                f.add(Cause::UsernameInvalid(Some(p.clone())), Severity::Blocking, &ev);
            }
            if let Some(domain) = u.domain.as_deref().filter(|d| facts::PERSONAL_ACCOUNT_DOMAINS.contains(d)) {
                f.add(Cause::PersonalAccount { domain: domain.to_string() }, Severity::Blocking, &[("domain", domain.to_string())]);
            }
        }
        (Some(_), None) => f.add(
            Cause::UsernameInvalid(Some(upn::UpnProblem::Empty)),
            Severity::Blocking,
            &[("input", String::new()), ("reason", "empty".into())],
        ),
        (None, None) => f.add(Cause::UsernameInvalid(None), Severity::Check, &[]),
    }
}

/// A password that lives on-premises is reset in the cloud only through writeback.
pub(crate) fn account_source_rule(case: &Case, page_says: &dyn Fn(PageCause) -> bool, f: &mut Findings) {
    let writeback_reported =
        [PageCause::WritebackNotEnabled, PageCause::OnPremisesConfig, PageCause::OnPremisesConnectivity].into_iter().any(page_says);
    if let Some(source @ (AccountSource::Synced | AccountSource::Federated)) = case.account_source {
        if !writeback_reported {
            let name = if source == AccountSource::Synced { "synced" } else { "federated" };
            f.add(Cause::PasswordWriteback(Writeback::Source(source)), Severity::Check, &[("accountSource", name.into())]);
        }
    }
}

/// Since 2026-10-05 only registered authentication methods receive anything.
pub(crate) fn registered_rule(case: &Case, f: &mut Findings) {
    let none_set = blank(&case.alternate_email) == Some(true) && blank(&case.mobile_phone) == Some(true);
    let since = ("since", facts::REGISTERED_METHODS_ONLY.to_string());
    match case.registered_as_methods {
        Some(false) => f.add(Cause::MethodsNotRegistered(Known::Yes), Severity::Blocking, &[("registeredAsMethods", b(false)), since]),
        None if !none_set => f.add(Cause::MethodsNotRegistered(Known::Unknown), Severity::Check, &[since]),
        _ => {}
    }
}
