//! Contract v1.2 "Fix plan": from one account's check to the steps that fix it. Only what the
//! file makes certain becomes a change the script may make; anything the file leaves in
//! doubt is `review_manually`, never a guess.

use std::collections::BTreeSet;

use super::account_data::AccountData;
use super::assess::{Assessed, Policy};
use super::phone_fix::PhoneFix;
use super::values::{self, AuthMethod, PhoneCell};
use crate::facts::{self, Date};
use crate::phone;
use sspr_model::cause::Gate;
use sspr_model::plan::{Action, ActionDetail, ActionId, Actor, AdminRole, PhoneMethodType, ReviewReason};

/// What the plan needs besides the account.
pub struct PlanContext<'a> {
    /// Lower-case domains of the organization: an address inside them is never added.
    pub tenant_domains: &'a BTreeSet<String>,
    pub telecom_provider: Option<bool>,
    /// Offer a Temporary Access Pass where the owner must register a method.
    pub temporary_access_pass: bool,
    /// The audit's date: a retirement date already past is no longer a deadline.
    pub today: Option<Date>,
    /// v1.3: the organization's cloud: where its Graph lacks the email and pass APIs
    /// (facts::cloud), those changes are a person's, not the script's.
    pub cloud: sspr_model::case::Cloud,
    /// v1.3: whether texts and calls still reach this account: once they have ended, no
    /// phone number is added or corrected (it would bring no text) and none is reviewed.
    pub telephony: sspr_model::cause::Telephony,
}

/// The role that may change this account's methods (facts::AUTH_ADMIN_MANAGEABLE_ROLES):
/// an Authentication Administrator only for the roles Learn lists and for users with no
/// role; anyone else, or an account whose roles the file does not say, takes a Privileged
/// Authentication Administrator (or a Global Administrator).
pub fn methods_role(d: &AccountData, a: &Assessed) -> AdminRole {
    let roles: Vec<&String> = d.roles.iter().flatten().chain(d.eligible_roles.iter().flatten()).collect();
    static KEYS: std::sync::OnceLock<sspr_text::hash::Set<String>> = std::sync::OnceLock::new();
    let listed = |r: &str| values::keyed(facts::AUTH_ADMIN_MANAGEABLE_ROLES, &KEYS).contains(&values::key(r));
    let only_listed = if roles.is_empty() { a.policy == Policy::User } else { roles.iter().all(|r| listed(r)) };
    if only_listed && a.global_admin != Some(true) {
        AdminRole::AuthenticationAdministrator
    } else {
        AdminRole::PrivilegedAuthenticationAdministrator
    }
}

fn review(reason: ReviewReason) -> Action {
    Action { id: ActionId::ReviewManually, by: Actor::Operator, role: None, scriptable: false, detail: ActionDetail::Review { reason } }
}

/// A number as Microsoft Graph takes it: `+{country code} {number}`, no extension
/// (facts::GRAPH_PHONE_FORM: `^\+[1-9][0-9]{0,2} [0-9]{4,14}$`).
pub fn phone_form(to: &str) -> bool {
    let Some(rest) = to.strip_prefix('+') else { return false };
    let Some((cc, number)) = rest.split_once(' ') else { return false };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    (1..=3).contains(&cc.len()) && digits(cc) && !cc.starts_with('0') && (4..=14).contains(&number.len()) && digits(number)
}

pub fn plan(d: &AccountData, a: &Assessed, cx: &PlanContext, sms_date: Option<Date>) -> Vec<Action> {
    let mut out = Vec::new();
    if d.upn.is_none() && d.id.is_none() {
        out.push(review(ReviewReason::NoAccountKey));
        return out;
    }
    let upn = d.upn.as_deref().unwrap_or("");
    let external = upn.contains(facts::EXTERNAL_USER_UPN_MARK);
    let role = Some(methods_role(d, a));
    let operator = |id, detail| Action { id, by: Actor::Operator, role, scriptable: true, detail };
    let apis = facts::cloud(cx.cloud).email_and_pass_apis;
    let phones_matter = cx.telephony == sspr_model::cause::Telephony::Offered;

    // Writes only where the file is unambiguous about the account, and names it by user
    // name (the script never changes the account it runs as, which it knows by that name).
    let mut writes = !external && d.upn.is_some();
    if d.conflict {
        out.push(review(ReviewReason::ConflictingRows));
        writes = false;
    }
    if !d.other_methods.is_empty() {
        out.push(review(ReviewReason::UnknownMethods));
        writes = false;
    }
    let registered: BTreeSet<AuthMethod> = d.methods.map(|m| sspr_model::order::set(m.iter())).unwrap_or_default();
    let methods_known = d.methods.is_some() && !d.methods_lost;
    let mut adds_email = false;

    // The reset email: an address of the owner outside the organization, from the directory.
    let no_email = d.email.is_none() && methods_known && !registered.contains(&AuthMethod::Email);
    if let (true, Some(raw)) = (no_email && writes, d.directory_other_mails.as_deref()) {
        let e = crate::email::analyse(raw);
        let inside = e.domain.as_deref().is_some_and(|dom| {
            dom.ends_with(facts::ONE_GATE_DOMAIN_SUFFIX) || cx.tenant_domains.iter().any(|t| crate::findings::within_domain(dom, t))
        });
        if e.problem.is_none() && e.typo_of.is_none() && !inside && !e.report.normalized.eq_ignore_ascii_case(upn) {
            // Without the API in this cloud, an administrator adds it in the portal.
            let mut add = operator(ActionId::AddEmailMethod, ActionDetail::AddEmail { to: e.report.normalized.clone() });
            add.scriptable = apis;
            out.push(add);
            adds_email = true;
        }
    }

    // The mobile phone method: registered and certain to correct, damaged, or missing.
    // Microsoft's rules (facts: one phone of each type, a number as +{country code}
    // {number}, a phone's type never changed): only the mobile phone is ever added or
    // corrected, added only where none is registered, corrected keeping its type, and only
    // to a number in that form.
    let in_form = |to: &str| phone_form(to);
    let mobile = if phones_matter { d.mobile.as_ref().map(|p| &p.cell) } else { None };
    match mobile {
        Some(PhoneCell::Damaged(_)) => out.push(review(ReviewReason::SpreadsheetDamaged)),
        Some(PhoneCell::Number(n)) if writes => match &a.phone_fix {
            PhoneFix::To(to) if in_form(to) => out.push(operator(
                ActionId::FixPhoneNumber,
                ActionDetail::FixPhone { phone_type: PhoneMethodType::Mobile, from: n.to_string(), to: to.clone() },
            )),
            PhoneFix::To(_) => out.push(review(ReviewReason::PhoneUncertain)),
            PhoneFix::None => {}
            PhoneFix::Uncertain => out.push(review(ReviewReason::PhoneUncertain)),
        },
        None if phones_matter && writes && methods_known && !registered.contains(&AuthMethod::MobilePhone) => {
            if let Some(raw) = d.directory_mobile.as_deref() {
                let p = phone::analyse(raw, None);
                if let (true, Some(to)) = (p.report.valid, phone::entra_form(&p)) {
                    if in_form(&to) {
                        out.push(operator(ActionId::AddPhoneMethod, ActionDetail::AddPhone { phone_type: PhoneMethodType::Mobile, to }));
                    }
                }
            }
        }
        _ => {}
    }

    // What only the owner can add: a method that is not SMS or voice, when too few remain
    // without Microsoft's texts and calls.
    let required = match a.policy {
        Policy::User | Policy::UserByRoles => 1,
        Policy::Admin | Policy::Unknown => facts::ADMIN_METHODS_REQUIRED,
    };
    let non_telephony = a.usable.iter().filter(|g| !g.is_telephony()).count() + usize::from(adds_email && !a.usable.contains(&Gate::Email));
    // A guest registers and resets at home (guest_resets_at_home): no owner's step here.
    if !external && non_telephony < required && (methods_known || a.status != sspr_model::audit::Status::Unknown) {
        if cx.temporary_access_pass && writes && apis {
            out.push(operator(ActionId::IssueTemporaryAccessPass, ActionDetail::Pass { lifetime_minutes: facts::TAP_LIFETIME_MINUTES }));
        }
        out.push(Action {
            id: ActionId::UserRegistersMethod,
            by: Actor::Owner,
            role: None,
            scriptable: false,
            detail: ActionDetail::Before { before: sms_date.filter(|d| cx.today.is_none_or(|t| t < *d)).map(|x| x.to_string()) },
        });
    }
    if a.sms_dependent && cx.telecom_provider != Some(true) {
        if let Some(date) = sms_date {
            out.push(Action {
                id: ActionId::ConfigureTelephonyProvider,
                by: Actor::Organization,
                role: None,
                scriptable: false,
                detail: ActionDetail::Date { date: date.to_string() },
            });
        }
    }
    out
}
