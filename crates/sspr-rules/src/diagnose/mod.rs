//! The troubleshooter's rules: from a Case to what stops its reset (`conclude`). Each rule
//! looks at one part of the case and adds causes with a severity and evidence; the
//! conclusions are put in report order, with what decides the words (`Reader`), and no
//! language at all: sspr-output says them for the reader (a sole administrator is never
//! sent to another one).

mod account;
mod contact;
mod methods;
mod number;

use crate::case::{Case, Symptom};
use crate::facts::PageCause;
use crate::findings::{ordered, Findings, Found};
use crate::normalize::trim;
use crate::page_message;
use crate::report::{Channel, EmailReport, PhoneReport, ResolutionId};
use crate::upn;

use self::account::{account_source_rule, admin_and_policy, page_rules, registered_rule, username_rules};
use self::contact::email_rules;
use self::methods::methods_rule;
use self::number::phone_rules;
pub use self::number::{number_rules, provider_rule};

/// What the rules concluded about a case.
#[derive(Clone)]
pub struct Diagnosis {
    /// The causes found, in report order, one per id, only those of the case's symptom.
    pub found: Vec<Found>,
    pub sspr_enabled: Option<bool>,
    pub phone: Option<PhoneReport>,
    pub email: Option<EmailReport>,
    /// The `SSPR_` error codes the reset page showed.
    pub codes: Vec<String>,
    pub resolution: ResolutionId,
    pub reader: Reader,
}

/// What about the person decides how the conclusions are said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader {
    /// The only administrator: never told to ask another one.
    pub sole_admin: bool,
    pub global_admin: bool,
    /// Not an administrator: their own administrator fixes things.
    pub not_admin: bool,
    /// The organization's cloud: its links and what its Graph offers.
    pub cloud: crate::case::Cloud,
    /// Whether texts and calls are still a way to reset (`crate::telephony`).
    pub telephony: crate::cause::Telephony,
}

/// Quotes of pasted text in evidence stop here, so a megabyte paste gives a small report.
pub(crate) const EVIDENCE_CHARS: usize = 200;

pub(crate) fn blank(s: &Option<String>) -> Option<bool> {
    s.as_deref().map(|s| trim(s).is_empty())
}

pub(crate) fn b(v: bool) -> String {
    v.to_string()
}

/// Is the account an administrator, as far as the case tells?
pub(crate) fn admin(case: &Case) -> Option<bool> {
    match case.is_admin {
        Some(v) => Some(v),
        None if case.sole_admin == Some(true) || case.global_admin == Some(true) => Some(true),
        None => None,
    }
}

/// Concludes what stops a case's reset, without words (sspr-output says them). Never
/// panics, whatever the input.
pub fn conclude(case: &Case) -> Diagnosis {
    let case = &*case.bounded();
    let mut f = Findings::default();

    let username = case.username.as_deref().filter(|s| !trim(s).is_empty()).map(upn::check);
    let org_domain = username.as_ref().and_then(|u| u.domain.clone());
    let page = case.page_message.as_deref().filter(|s| !trim(s).is_empty()).map(page_message::read);
    let page_says = |c: PageCause| page.as_ref().is_some_and(|p| p.iter().any(|(x, _)| *x == c));

    let sspr_enabled = admin_and_policy(case, &mut f, &page_says);
    page_rules(case, page.as_deref(), &mut f);
    username_rules(case, username.as_ref(), &mut f);
    account_source_rule(case, &page_says, &mut f);

    let email = email_rules(case, org_domain.as_deref(), &mut f);
    let phone = phone_rules(case, &mut f);
    registered_rule(case, &mut f);
    methods_rule(case, email.as_ref(), phone.as_ref(), org_domain.as_deref(), page_says(PageCause::NotRegistered), &mut f);

    let codes = page.iter().flatten().filter(|(_, m)| m.starts_with("SSPR_")).map(|(_, m)| m.clone()).collect();
    let symptom = case.symptom();
    let is_admin = admin(case);
    Diagnosis {
        found: ordered(f.0.into_iter().filter(|x| relevant(x.cause.id().channel(), symptom)).collect()),
        sspr_enabled,
        phone: phone.map(|p| p.report),
        email: email.map(|e| e.report),
        codes,
        resolution: resolution_id(case),
        reader: Reader {
            sole_admin: case.sole_admin == Some(true) && is_admin != Some(false),
            global_admin: case.global_admin == Some(true),
            not_admin: is_admin == Some(false),
            cloud: case.cloud(),
            telephony: crate::telephony(
                case.today.as_deref().and_then(crate::facts::Date::parse),
                case.cloud(),
                case.global_admin,
                case.telecom_provider,
            ),
        },
    }
}

fn relevant(channel: Channel, symptom: Symptom) -> bool {
    matches!((channel, symptom), (Channel::Both, _) | (_, Symptom::Both) | (Channel::Email, Symptom::Email) | (Channel::Sms, Symptom::Sms))
}

fn resolution_id(case: &Case) -> ResolutionId {
    match (admin(case), case.sole_admin) {
        (Some(false), _) => ResolutionId::AskYourAdmin,
        (Some(true), Some(false)) => ResolutionId::AskAnotherAdmin,
        (Some(true) | None, Some(true)) => ResolutionId::ContactSupport,
        _ => ResolutionId::Unknown,
    }
}
