//! One account: which methods SSPR could use today, what stops them, what stops on a
//! known date, and the account's status. The rules are the troubleshooter's wherever they
//! apply (the same phone and email analysis, the same causes and words); what is new is
//! deciding from registered methods instead of from what a locked-out person remembers.

pub use sspr_model::audit::Status;
use std::collections::BTreeSet;

use super::account_data::{AccountData, PhoneSeen};
use super::values::{AuthMethod, Damage, PhoneCell};
use crate::case::AccountSource;
use crate::cause::{Cause, Gate, Known, Retirement, Writeback};
use crate::diagnose::number_rules;
use crate::email;
use crate::facts::{self, Date};
use crate::findings::{Findings, Found};
use crate::mail_domains::JAPANESE_CARRIER_MAIL_DOMAINS;
use crate::report::{EmailReport, FindingId, PhoneReport, Severity};

/// Which reset policy applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// Administrators: two methods, no security questions (facts::ADMIN_METHODS_REQUIRED).
    Admin,
    /// Everyone else: the organization's own policy, which no export shows.
    User,
    /// An administrator whose roles are all outside the roles the administrator policy
    /// covers (reader roles, custom roles): the user policy decides (`user_policy_applies`).
    UserByRoles,
    /// The file does not say whether the account is an administrator.
    Unknown,
}

pub struct Context<'a> {
    pub today: Option<Date>,
    /// Lower-case domains of the organization.
    pub tenant_domains: &'a BTreeSet<String>,
    /// The organization has its own telephony provider (Microsoft Security Store).
    pub telecom_provider: Option<bool>,
    /// Microsoft's retirement dates of SMS and voice in the organization's cloud (none
    /// given outside the public cloud).
    pub sms_retirement: Option<(Date, Date)>,
}

#[derive(Clone)]
pub struct Assessed {
    pub status: Status,
    pub policy: Policy,
    pub global_admin: Option<bool>,
    pub found: Vec<Found>,
    /// The finding ids, in order (kept when the details are not).
    pub ids: Vec<FindingId>,
    pub phone: Option<PhoneReport>,
    pub email: Option<EmailReport>,
    pub methods: Vec<String>,
    pub usable: Vec<Gate>,
    /// The date Microsoft stops sending this account's texts and calls, when it has a
    /// phone method (and no own telephony provider).
    pub sms_retirement_date: Option<Date>,
    /// It depends on Microsoft-sent SMS or voice to have enough methods.
    pub sms_dependent: bool,
    /// A phone method stops on `sms_retirement_date` (required or not).
    pub loses_method: bool,
    /// For the tenant's shared-contact check.
    pub phone_key: Option<String>,
    pub email_key: Option<String>,
    /// What the fix plan may do with the mobile number (kept with the check: small).
    pub phone_fix: super::phone_fix::PhoneFix,
}

impl Assessed {
    /// Drops what only the account's own view needs (its findings' data, the phone and
    /// email reports, the method names); the status, ids and tenant keys stay.
    pub fn forget_details(&mut self) {
        self.found = Vec::new();
        self.phone = None;
        self.email = None;
        self.methods = Vec::new();
    }
}

/// Is the account an administrator under the administrator policy, as the file tells? A
/// role that is only eligible (PIM) counts as if active (facts::ADMIN_POLICY_ROLES).
fn policy_of(d: &AccountData) -> Policy {
    use super::values::{role_coverage, RoleCoverage};
    let roles: Vec<&String> = d.roles.iter().flatten().chain(d.eligible_roles.iter().flatten()).collect();
    if d.is_global_admin == Some(true) {
        return Policy::Admin;
    }
    if !roles.is_empty() {
        return if roles.iter().all(|r| role_coverage(r) == RoleCoverage::NotCovered) { Policy::UserByRoles } else { Policy::Admin };
    }
    match d.is_admin {
        Some(true) => Policy::Admin,
        Some(false) => Policy::User,
        None => Policy::Unknown,
    }
}

/// The account's roles, for the evidence of `user_policy_applies`.
fn role_names(d: &AccountData) -> String {
    d.roles.iter().flatten().chain(d.eligible_roles.iter().flatten()).map(|r| r.as_str()).collect::<Vec<_>>().join(", ")
}

fn global_admin_of(d: &AccountData) -> Option<bool> {
    let in_list = |r: &Option<Vec<String>>| r.as_ref().map(|v| v.iter().any(|x| super::values::is_global_admin_role(x)));
    match (d.is_global_admin, in_list(&d.roles), in_list(&d.eligible_roles)) {
        (Some(true), _, _) | (_, Some(true), _) | (_, _, Some(true)) => Some(true),
        (Some(false), _, _) | (_, Some(false), _) | (_, _, Some(false)) => Some(false),
        _ if d.is_admin == Some(false) => Some(false),
        _ => None,
    }
}

/// What happened to each method on its way to being usable.
struct Gates {
    registered: BTreeSet<Gate>,
    broken: BTreeSet<Gate>,
}

pub fn assess(d: &AccountData, cx: &Context) -> Assessed {
    let policy = policy_of(d);
    let global_admin = global_admin_of(d);
    let upn = d.upn.as_deref().unwrap_or("");
    let external = upn.contains(facts::EXTERNAL_USER_UPN_MARK);
    let mut f = Findings::default();

    // What is registered: the methods column, plus every phone and address in the file.
    let methods_known = d.methods.is_some() && !d.methods_lost;
    let mut registered: BTreeSet<AuthMethod> = d.methods.map(|m| sspr_model::order::set(m.iter())).unwrap_or_default();
    for (seen, m) in [
        (&d.mobile, AuthMethod::MobilePhone),
        (&d.alternate_mobile, AuthMethod::AlternateMobilePhone),
        (&d.office, AuthMethod::OfficePhone),
    ] {
        if seen.is_some() {
            registered.insert(m);
        }
    }
    if d.email.is_some() {
        registered.insert(AuthMethod::Email);
    }
    let mut gates =
        Gates { registered: sspr_model::order::set(registered.iter().filter_map(|m| facts::admin_sspr_gate(*m))), broken: BTreeSet::new() };

    // Which findings remove a method; their severity depends on whether it was needed.
    let mut removing: Vec<(usize, Gate)> = Vec::new();
    let mut phone_fix = super::phone_fix::PhoneFix::None;
    let phone = phone_rules(d.mobile.as_ref(), &mut f, &mut gates, &mut removing, &mut phone_fix);
    let email = email_rules(d, upn, cx, &mut f, &mut gates, &mut removing);

    if methods_known
        && !registered.contains(&AuthMethod::MobilePhone)
        && !registered.contains(&AuthMethod::OfficePhone)
        && registered.contains(&AuthMethod::AlternateMobilePhone)
    {
        removing.push((f.0.len(), Gate::MobilePhone));
        f.add(
            Cause::AlternateMobileOnly,
            Severity::Check,
            &[("alternateMobilePhone", d.alternate_mobile.as_ref().map_or(String::new(), |p| p.raw().to_string()))],
        );
    }
    let directory_only = [
        (d.directory_mobile.as_ref(), AuthMethod::MobilePhone, "mobilePhone"),
        (d.directory_business_phone.as_ref(), AuthMethod::OfficePhone, "businessPhones"),
        (d.directory_other_mails.as_ref(), AuthMethod::Email, "otherMails"),
    ];
    let unregistered: Vec<(&str, String)> = directory_only
        .iter()
        .filter(|(v, m, _)| v.is_some() && methods_known && !registered.contains(m))
        .map(|(v, _, name)| (*name, v.map(|t| t.to_string()).unwrap_or_default()))
        .collect();
    if !unregistered.is_empty() {
        let gate = if unregistered.iter().any(|(n, _)| *n == "otherMails") { Gate::Email } else { Gate::MobilePhone };
        removing.push((f.0.len(), gate));
        let mut ev = unregistered;
        ev.push(("since", facts::REGISTERED_METHODS_ONLY.to_string()));
        f.add(Cause::MethodsNotRegistered(Known::Yes), Severity::Check, &ev);
    }

    // Microsoft's SMS and voice: the date that applies to this account (none outside the
    // public cloud, where Microsoft has not given one).
    let date = cx.sms_retirement.map(|(all_date, ga_date)| if global_admin == Some(true) || external { ga_date } else { all_date });
    let own_provider = cx.telecom_provider == Some(true);
    let telephony: BTreeSet<Gate> =
        sspr_model::order::set(gates.registered.iter().copied().filter(|g| g.is_telephony() && !gates.broken.contains(g)));
    let retired = !own_provider && cx.today.zip(date).is_some_and(|(t, d)| t >= d);

    let mut usable: BTreeSet<Gate> = sspr_model::order::set(gates.registered.difference(&gates.broken).copied());
    if retired {
        usable.retain(|g| !g.is_telephony());
    }
    let non_telephony = usable.iter().filter(|g| !g.is_telephony()).count();
    let required = match policy {
        Policy::User | Policy::UserByRoles => 1,
        Policy::Admin | Policy::Unknown => facts::ADMIN_METHODS_REQUIRED,
    };
    // A guest resets in their home organization: nothing here decides it.
    let short = usable.len() < required && !external;
    // Enough is known when the methods column was read, or when what is known suffices.
    let decided = methods_known || !short;

    let mut ev_methods =
        vec![("usable", usable.iter().map(|g| g.as_str()).collect::<Vec<_>>().join(", ")), ("count", usable.len().to_string())];
    let security_questions = registered.contains(&AuthMethod::SecurityQuestion);
    if security_questions && matches!(policy, Policy::Admin | Policy::Unknown) {
        ev_methods.push(("securityQuestions", "notAllowedForAdministrators".into()));
    }
    if short {
        let (severity, count) = match (policy, methods_known) {
            (_, false) => (Severity::Check, None),
            (Policy::Unknown, true) if !usable.is_empty() => (Severity::Check, Some(usable.len())),
            (_, true) => (Severity::Blocking, Some(usable.len())),
        };
        f.add(
            Cause::TooFewMethods { usable: count, security_questions, one_gate_possible: false, from_page: false },
            severity,
            &ev_methods,
        );
    }

    if policy == Policy::UserByRoles {
        f.add(Cause::UserPolicyApplies, Severity::Check, &[("roles", crate::normalize::excerpt(&role_names(d), 200))]);
    }
    if external {
        let mut ev = vec![("userPrincipalName", crate::normalize::excerpt(upn, 200))];
        if let Some(d) = date {
            ev.push(("signInSmsDate", d.to_string()));
        }
        f.add(Cause::GuestResetsAtHome { sign_in_sms_date: date }, Severity::Check, &ev);
    }
    if let (true, false, Some(date)) = (retired, telephony.is_empty() || external, date) {
        removing.push((f.0.len(), Gate::MobilePhone));
        f.add(
            Cause::SmsRetired(Retirement::Retired { date }),
            Severity::Check,
            &[("date", date.to_string()), ("methods", telephony.iter().map(|g| g.as_str()).collect::<Vec<_>>().join(", "))],
        );
    }
    let sms_dependent =
        date.is_some() && !external && !retired && !own_provider && !short && !telephony.is_empty() && non_telephony < required;
    if let (true, Some(date), Some((_, ga_date))) = (sms_dependent, date, cx.sms_retirement) {
        let ga_unknown = global_admin.is_none() && !external && matches!(policy, Policy::Admin | Policy::Unknown);
        let mut ev = vec![
            ("date", date.to_string()),
            ("lose", telephony.iter().map(|g| g.as_str()).collect::<Vec<_>>().join(", ")),
            ("remaining", non_telephony.to_string()),
        ];
        if ga_unknown {
            ev.push(("globalAdminDate", ga_date.to_string()));
        }
        f.add(
            Cause::SmsDependent { date, global_admin_date: ga_unknown.then_some(ga_date), lose: telephony.iter().copied().collect() },
            Severity::Likely,
            &ev,
        );
    }

    // A synchronized account's password lives on-premises: the reset needs writeback.
    if d.synced == Some(true) {
        f.add(
            Cause::PasswordWriteback(Writeback::Source(AccountSource::Synced)),
            Severity::Check,
            &[("onPremisesSyncEnabled", "true".into())],
        );
    }

    // Microsoft's own verdict. Administrators have their own two-gate policy, so the flag
    // (computed for the users' policy) weighs less where the methods are known.
    if !external && (d.sspr_capable == Some(false) || d.sspr_registered == Some(false)) {
        let admin_policy_applies = matches!(policy, Policy::Admin | Policy::Unknown);
        let users_policy_off = d.sspr_enabled == Some(false);
        let severity = match (policy, decided && !short) {
            (Policy::User | Policy::UserByRoles, _) => Severity::Blocking,
            (_, true) => Severity::Check,
            (_, false) if !methods_known => Severity::Blocking,
            _ => Severity::Check,
        };
        let mut ev = Vec::new();
        if let Some(c) = d.sspr_capable {
            ev.push(("isSsprCapable", c.to_string()));
        }
        if let Some(r) = d.sspr_registered {
            ev.push(("isSsprRegistered", r.to_string()));
        }
        if let Some(e) = d.sspr_enabled {
            ev.push(("isSsprEnabled", e.to_string()));
        }
        f.add(
            Cause::NotSsprCapable { capable: d.sspr_capable, registered: d.sspr_registered, admin_policy_applies, users_policy_off },
            severity,
            &ev,
        );
    }

    // A finding that removed a method is the reason the account fails when the count is
    // short, and a repair to make otherwise.
    let fails_by_count = short && methods_known && policy != Policy::Unknown;
    for (i, _) in &removing {
        if let Some(x) = f.0.get_mut(*i) {
            x.severity = match (fails_by_count, x.severity) {
                (true, _) => Severity::Blocking,
                (false, Severity::Blocking) => Severity::Likely,
                (false, s) => s,
            };
        }
    }

    let any = |s: Severity| f.0.iter().any(|x| x.severity == s);
    let status = if any(Severity::Blocking) {
        Status::Fails
    } else if !decided || external || (policy == Policy::Unknown && short) {
        Status::Unknown
    } else if any(Severity::Likely) {
        Status::AtRisk
    } else {
        Status::Ok
    };

    let mut methods: Vec<String> = registered.iter().map(|m| m.as_str().to_string()).collect();
    methods.extend(d.other_methods.iter().cloned());
    let phone_key = phone.as_ref().and_then(|p| p.e164.clone());
    let email_key = email.as_ref().filter(|e| e.valid).map(|e| sspr_text::lower(&e.normalized));
    let has_telephony = !telephony.is_empty() && !own_provider;
    let found = crate::findings::ordered(f.0);
    Assessed {
        status,
        policy,
        global_admin,
        ids: found.iter().map(|x| x.cause.id()).collect(),
        found,
        phone,
        email,
        methods,
        usable: usable.into_iter().collect(),
        sms_retirement_date: date.filter(|_| has_telephony),
        sms_dependent,
        loses_method: has_telephony && !retired && date.is_some(),
        phone_key,
        email_key,
        phone_fix,
    }
}

/// The mobile number: the troubleshooter's number rules, or what a spreadsheet left of it.
fn phone_rules(
    seen: Option<&PhoneSeen>,
    f: &mut Findings,
    gates: &mut Gates,
    removing: &mut Vec<(usize, Gate)>,
    fix: &mut super::phone_fix::PhoneFix,
) -> Option<PhoneReport> {
    let seen = seen?;
    let number = match &seen.cell {
        PhoneCell::Masked => return None,
        PhoneCell::Number(n) => n.clone(),
        PhoneCell::Damaged(Damage::Scientific(s)) => {
            f.add(
                Cause::PhoneMangled { scientific: true, guess: None },
                Severity::Check,
                &[("input", s.clone()), ("reason", "scientific".into())],
            );
            return None;
        }
        PhoneCell::Damaged(Damage::PlusLost(digits)) => {
            let guess = format!("+{digits}");
            let a = crate::phone::analyse(&guess, None);
            let valid = a.report.valid;
            let shown = a.suggestion.clone().or(a.report.e164.clone());
            let mut ev = vec![("input", digits.clone()), ("reason", "plusLost".into())];
            if let Some(g) = shown.as_ref().filter(|_| valid) {
                ev.push(("suggestion", g.clone()));
            }
            f.add(Cause::PhoneMangled { scientific: false, guess: shown.filter(|_| valid) }, Severity::Check, &ev);
            if !valid {
                return None;
            }
            guess
        }
    };
    let mut own = Findings::default();
    let analysis = number_rules(Some(&number), None, &mut own);
    if let (Some(a), PhoneCell::Number(_)) = (analysis.as_ref(), &seen.cell) {
        *fix = super::phone_fix::certain_fix(&number, a);
    }
    for x in own.0 {
        let id = x.cause.id();
        if id == FindingId::MobilePhoneMissing {
            continue;
        }
        // A number that no text or call can reach removes the method; one that cannot
        // take texts can still take the call.
        let mut x = x;
        if id == FindingId::PhoneNotMobile {
            if x.severity == Severity::Blocking {
                x.severity = Severity::Likely;
            }
        } else if x.severity == Severity::Blocking {
            gates.broken.insert(Gate::MobilePhone);
            removing.push((f.0.len(), Gate::MobilePhone));
        }
        f.0.push(x);
    }
    analysis.map(|a| a.report)
}

fn email_rules(
    d: &AccountData,
    upn: &str,
    cx: &Context,
    f: &mut Findings,
    gates: &mut Gates,
    removing: &mut Vec<(usize, Gate)>,
) -> Option<EmailReport> {
    let raw = d.email.as_deref()?;
    let a = email::analyse(raw);
    let input = crate::normalize::excerpt(raw, 200);
    if let Some(p) = &a.problem {
        gates.broken.insert(Gate::Email);
        removing.push((f.0.len(), Gate::Email));
        let mut ev = vec![("input", input.clone()), ("reason", p.code().to_string())];
        if let Some(s) = &a.report.suggestion {
            ev.push(("suggestion", s.clone()));
        }
        f.add(Cause::AlternateEmailInvalid { problem: p.clone(), suggestion: a.report.suggestion.clone() }, Severity::Blocking, &ev);
    }
    f.add_email_typo(&a, &input);
    if let Some(domain) = a.domain.as_deref() {
        let onmicrosoft = domain.ends_with(facts::ONE_GATE_DOMAIN_SUFFIX);
        let own_mailbox = a.problem.is_none() && !upn.is_empty() && a.report.normalized.eq_ignore_ascii_case(upn);
        let in_tenant = onmicrosoft || cx.tenant_domains.iter().any(|t| crate::findings::within_domain(domain, t));
        if own_mailbox || in_tenant {
            let mut ev = vec![("input", input.clone()), ("domain", domain.to_string())];
            if own_mailbox {
                // The account's own mailbox cannot be read by someone locked out of it.
                ev.push(("reason", "ownMailbox".into()));
                gates.broken.insert(Gate::Email);
                removing.push((f.0.len(), Gate::Email));
            }
            let severity = if own_mailbox { Severity::Blocking } else { Severity::Likely };
            f.add(Cause::AlternateEmailInTenant { domain: domain.to_string(), onmicrosoft, own_mailbox }, severity, &ev);
        }
        if JAPANESE_CARRIER_MAIL_DOMAINS.contains(&domain) {
            f.add(Cause::AlternateEmailCarrierFilter { domain: domain.to_string() }, Severity::Check, &[("domain", domain.to_string())]);
        }
    }
    Some(a.report)
}
