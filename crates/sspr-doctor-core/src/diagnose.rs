//! The rules: from a Case to a Report. Each rule looks at one part of the case and adds
//! causes with a severity and evidence; `finish` orders them and puts them into words for
//! the reader (`words::Audience`: a sole administrator is never sent to another one).

use std::collections::BTreeSet;

use crate::case::{AccountSource, Case, Lang, Method, SmsProvider, Symptom};
use crate::cause::{Cause, Known, NonCarrier, PolicyTrouble, Retirement, Writeback};
use crate::email;
use crate::facts::{self, Date, PageCause};
use crate::mail_domains::JAPANESE_CARRIER_MAIL_DOMAINS;
use crate::normalize::{excerpt, trim};
use crate::page_message;
use crate::phone::{self, CountryCode, Invalid, PhoneAnalysis};
use crate::policy::{self, PolicyReading, PolicySource};
use crate::report::{Channel, Evidence, Finding, PhoneType, Report, Resolution, ResolutionId, Severity};
use crate::summary::support_summary;
use crate::upn;
use crate::words::{self, Audience};

/// Quotes of pasted text in evidence stop here, so a megabyte paste gives a small report.
const EVIDENCE_CHARS: usize = 200;

#[derive(Clone)]
pub(crate) struct Found {
    pub cause: Cause,
    pub severity: Severity,
    pub evidence: Evidence,
}

impl Found {
    /// The finding of the report: this conclusion with its words (`t`) and `evidence`.
    pub fn in_words(&self, t: words::Texts, evidence: Evidence) -> Finding {
        let id = self.cause.id();
        Finding {
            id,
            severity: self.severity,
            channel: id.channel(),
            title: t.title,
            detail: t.detail,
            steps: t.steps,
            evidence,
            commands: t.commands,
        }
    }
}

#[derive(Default)]
pub(crate) struct Findings(pub Vec<Found>, EvidenceMode);

/// Whether findings keep what was seen. The bulk phone check reads only their ids, and
/// building evidence it would throw away was about a fifth of its time (in node and in
/// the page).
#[derive(Default, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EvidenceMode {
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
            EvidenceMode::Kept => evidence.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
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
pub(crate) fn within_domain(domain: &str, org: &str) -> bool {
    domain == org || domain.strip_suffix(org).is_some_and(|rest| rest.ends_with('.'))
}

fn blank(s: &Option<String>) -> Option<bool> {
    s.as_deref().map(|s| trim(s).is_empty())
}

fn b(v: bool) -> String {
    v.to_string()
}

/// Is the account an administrator, as far as the case tells?
fn admin(case: &Case) -> Option<bool> {
    match case.is_admin {
        Some(v) => Some(v),
        None if case.sole_admin == Some(true) || case.global_admin == Some(true) => Some(true),
        None => None,
    }
}

/// Diagnoses a case. Never panics, whatever the input.
pub fn diagnose(case: &Case) -> Report {
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

    let codes: Vec<&str> = page.iter().flatten().filter(|(_, m)| m.starts_with("SSPR_")).map(|(_, m)| m.as_str()).collect();
    let report_phone = phone.map(|p| p.report);
    let report_email = email.map(|e| e.report);
    finish(case, f, sspr_enabled, report_phone, report_email, &codes)
}

fn admin_and_policy(case: &Case, f: &mut Findings, page_says: &dyn Fn(PageCause) -> bool) -> Option<bool> {
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
            &[("policyOutput", quoted()), ("reason", format!("{e:?}"))],
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
                Cause::SsprDisabled { known: Known::Yes, from_page: false },
                Severity::Blocking,
                &[("source", source.into()), ("value", b(false))],
            );
        }
        (None, _) if !page_says(PageCause::SsprDisabled) => {
            f.add(Cause::SsprDisabled { known: Known::Unknown, from_page: false }, Severity::Check, &[])
        }
        _ => {}
    }
    enabled
}

fn page_rules(case: &Case, page: Option<&[(PageCause, String)]>, f: &mut Findings) {
    let Some(causes) = page else { return };
    let quoted = excerpt(case.page_message.as_deref().unwrap_or(""), EVIDENCE_CHARS);
    if causes.is_empty() {
        f.add(Cause::PageMessageUnrecognized, Severity::Check, &[("pageMessage", quoted)]);
        return;
    }
    for (cause, matched) in causes {
        let ev = [("pageMessage", quoted.clone()), ("matched", matched.clone())];
        let code = || facts::SSPR_ERROR_CODES.iter().find(|(_, c)| c == cause).map_or("SSPR", |(code, _)| code);
        match cause {
            PageCause::SsprDisabled => f.add(Cause::SsprDisabled { known: Known::Yes, from_page: true }, Severity::Blocking, &ev),
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

fn username_rules(case: &Case, username: Option<&upn::Upn>, f: &mut Findings) {
    match (&case.username, username) {
        (_, Some(u)) => {
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
fn account_source_rule(case: &Case, page_says: &dyn Fn(PageCause) -> bool, f: &mut Findings) {
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
fn registered_rule(case: &Case, f: &mut Findings) {
    let none_set = blank(&case.alternate_email) == Some(true) && blank(&case.mobile_phone) == Some(true);
    let since = ("since", facts::REGISTERED_METHODS_ONLY.to_string());
    match case.registered_as_methods {
        Some(false) => f.add(Cause::MethodsNotRegistered(Known::Yes), Severity::Blocking, &[("registeredAsMethods", b(false)), since]),
        None if !none_set => f.add(Cause::MethodsNotRegistered(Known::Unknown), Severity::Check, &[since]),
        _ => {}
    }
}

fn email_rules(case: &Case, org_domain: Option<&str>, f: &mut Findings) -> Option<email::EmailAnalysis> {
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

fn phone_rules(case: &Case, f: &mut Findings) -> Option<PhoneAnalysis> {
    let analysis = number_rules(case.mobile_phone.as_deref(), case.phone_country.as_deref(), f);
    provider_rule(case.sms_provider, analysis.as_ref(), f);

    // Numbers in the North American plan get the texts as domestic messages.
    let domestic_us = analysis.as_ref().is_some_and(|a| a.calling_code == Some(1));
    match case.carrier_receives_us_sms {
        Some(false) => f.add(Cause::CarrierRejectsUsSms(Known::Yes), Severity::Blocking, &[("carrierReceivesUsSms", b(false))]),
        None if !domestic_us => f.add(Cause::CarrierRejectsUsSms(Known::Unknown), Severity::Check, &[]),
        _ => {}
    }
    // The source article's cause, kept only where the email with the link arrived and the
    // link was not clicked: today's flow sends the text from the reset page itself.
    if case.clicked_reset_link == Some(false) {
        f.add(Cause::ResetLinkNotClicked, Severity::Check, &[("clickedResetLink", b(false))]);
    }
    retirement_rule(case, f);
    if analysis.as_ref().is_none_or(|a| a.problem.is_none()) {
        // Whatever was answered, what is left to look at (never an empty list).
        f.add(Cause::SmsDelivery, Severity::Check, &[]);
    }
    analysis
}

/// `non_carrier_sms_service`: the user said the number is an app's, or it is in a VoIP
/// range (whatever the user said), or nobody said. `diagnose` and the bulk `check_phones`
/// (as if the user said "carrier") both ask here.
pub(crate) fn provider_rule(provider: Option<SmsProvider>, analysis: Option<&PhoneAnalysis>, f: &mut Findings) {
    let voip_range = analysis.is_some_and(|a| a.report.kind == PhoneType::Voip);
    match provider {
        Some(SmsProvider::VoipApp) => {
            f.add(Cause::NonCarrierSms(NonCarrier::Said), Severity::Blocking, &[("smsProvider", "voipApp".into())])
        }
        _ if voip_range => f.add(Cause::NonCarrierSms(NonCarrier::VoipRange), Severity::Likely, &[("type", "voip".into())]),
        None => f.add(Cause::NonCarrierSms(NonCarrier::Unknown), Severity::Check, &[]),
        Some(SmsProvider::Carrier) => {}
    }
}

/// The findings about the number itself (its country code, trunk prefix, validity, type
/// and region): what `diagnose` and the bulk `check_phones` both say about a number.
pub(crate) fn number_rules(raw: Option<&str>, country: Option<&str>, f: &mut Findings) -> Option<PhoneAnalysis> {
    match raw.map(|s| trim(s).is_empty()) {
        None => {
            f.add(Cause::MobilePhoneMissing(Known::Unknown), Severity::Check, &[]);
            None
        }
        Some(true) => {
            f.add(Cause::MobilePhoneMissing(Known::Yes), Severity::Blocking, &[("mobilePhone", String::new())]);
            None
        }
        Some(false) => {
            let raw = raw.unwrap_or("");
            let a = phone::analyse(raw, country);
            let mut ev = Vec::new();
            if f.keeps_evidence() {
                ev.push(("input", a.report.input.clone()));
                if let Some(e) = &a.report.e164 {
                    ev.push(("e164", e.clone()));
                }
                if let Some(s) = &a.suggestion {
                    ev.push(("suggestion", s.clone()));
                }
            }
            // Text that is not a number at all gets one finding (phone_invalid), not also
            // "no country code".
            let unreadable = a.problem.as_ref().is_some_and(Invalid::unreadable);
            match (&a.country_code, unreadable) {
                (CountryCode::Missing { region }, false) => {
                    let mut ev = ev.clone();
                    if let Some(r) = region {
                        ev.push(("phoneCountry", r.clone()));
                    }
                    f.add(Cause::CountryCodeMissing { suggestion: a.suggestion.clone(), without_plus: false }, Severity::Blocking, &ev);
                }
                (CountryCode::WithoutPlus, false) => {
                    let mut ev = ev.clone();
                    ev.push(("reason", "plusMissing".into()));
                    f.add(Cause::CountryCodeMissing { suggestion: a.suggestion.clone(), without_plus: true }, Severity::Blocking, &ev);
                }
                _ => {}
            }
            if let Some(prefix) = &a.trunk_prefix_kept {
                let mut ev = ev.clone();
                ev.push(("trunkPrefix", prefix.clone()));
                f.add(Cause::TrunkPrefix { prefix: prefix.clone(), suggestion: a.suggestion.clone() }, Severity::Blocking, &ev);
            }
            if let Some(p) = &a.problem {
                let mut ev = ev.clone();
                ev.push(("reason", p.code().to_string()));
                f.add(Cause::PhoneInvalid(p.clone()), Severity::Blocking, &ev);
            }
            if a.report.e164.is_some() {
                let kind = a.report.kind;
                let mut ev = ev.clone();
                ev.push(("type", kind.as_str().to_string()));
                if let Some(x) = &a.extension {
                    ev.push(("extension", x.clone()));
                }
                let receives_sms = matches!(kind, PhoneType::Mobile | PhoneType::FixedLineOrMobile);
                match kind {
                    PhoneType::Voip => {}
                    _ if !receives_sms => {
                        let severity = if kind == PhoneType::PersonalNumber { Severity::Likely } else { Severity::Blocking };
                        f.add(Cause::PhoneNotMobile { kind, extension: a.extension.clone() }, severity, &ev);
                    }
                    _ if a.extension.is_some() => {
                        f.add(Cause::PhoneNotMobile { kind, extension: a.extension.clone() }, Severity::Check, &ev)
                    }
                    _ => {}
                }
            }
            if let (Some(cc), Some(national)) = (a.calling_code, a.national.as_deref()) {
                let key = phone::opt_in_key(cc, national);
                if let Some(regions) = facts::opt_in_regions(&key) {
                    f.add(
                        Cause::RegionOptIn { key: key.clone(), regions: regions.to_string() },
                        Severity::Likely,
                        &[("callingCode", key), ("regions", regions.to_string())],
                    );
                }
            }
            Some(a)
        }
    }
}

fn retirement_rule(case: &Case, f: &mut Findings) {
    if case.telecom_provider == Some(true) {
        return;
    }
    let all = facts::SMS_RETIREMENT_ALL_USERS;
    let ga = facts::SMS_RETIREMENT_GLOBAL_ADMINS;
    let today = case.today.as_deref().and_then(Date::parse);
    let mut ev: Vec<(&str, String)> = vec![("allUsersDate", all.to_string()), ("globalAdminDate", ga.to_string())];
    let Some(today) = today else {
        if let Some(t) = &case.today {
            ev.push(("today", excerpt(t, 40)));
            ev.push(("reason", "invalidDate".into()));
        }
        f.add(Cause::SmsRetired(Retirement::DateUnknown), Severity::Check, &ev);
        return;
    };
    ev.push(("today", today.to_string()));
    // The date that applies to this account; unknown role: the earlier one may apply.
    let applies = match case.global_admin {
        Some(true) => ga,
        Some(false) => all,
        None if today >= ga => ga,
        None => all,
    };
    if today >= applies {
        let severity = if case.telecom_provider == Some(false) && (case.global_admin.is_some() || today >= ga) {
            Severity::Blocking
        } else {
            Severity::Likely
        };
        f.add(Cause::SmsRetired(Retirement::Retired { date: applies }), severity, &ev);
    } else {
        let global_admin_date = (case.global_admin != Some(false) && applies != ga).then_some(ga);
        f.add(Cause::SmsRetired(Retirement::Upcoming { date: applies, global_admin_date }), Severity::Check, &ev);
    }
}

fn methods_rule(
    case: &Case,
    email: Option<&email::EmailAnalysis>,
    phone: Option<&PhoneAnalysis>,
    org_domain: Option<&str>,
    page_not_registered: bool,
    f: &mut Findings,
) {
    if admin(case) == Some(false) {
        return;
    }
    let mut usable: BTreeSet<Method> = case.methods.iter().flatten().copied().filter(|m| *m != Method::SecurityQuestions).collect();
    if email.is_some_and(|e| e.report.valid) {
        usable.insert(Method::Email);
    }
    if phone.is_some_and(|p| p.report.valid && matches!(p.report.kind, PhoneType::Mobile | PhoneType::FixedLineOrMobile)) {
        usable.insert(Method::MobilePhone);
    }
    let security_questions = case.methods.iter().flatten().any(|m| *m == Method::SecurityQuestions);
    // One gate is only possible without a custom domain: a custom sign-in domain proves two.
    let one_gate_possible = org_domain.is_none_or(|d| d.ends_with(facts::ONE_GATE_DOMAIN_SUFFIX));
    let mut ev = vec![("usable", usable.iter().map(|m| m.as_str()).collect::<Vec<_>>().join(", ")), ("count", usable.len().to_string())];
    if security_questions {
        ev.push(("securityQuestions", "notAllowedForAdministrators".into()));
    }
    if page_not_registered {
        ev.push(("pageMessage", "SSPR_0014".into()));
        let usable = case.methods.as_ref().map(|_| usable.len());
        f.add(Cause::TooFewMethods { usable, security_questions, one_gate_possible, from_page: true }, Severity::Blocking, &ev);
        return;
    }
    if usable.len() >= facts::ADMIN_METHODS_REQUIRED {
        return;
    }
    match &case.methods {
        Some(_) => {
            let severity = if one_gate_possible { Severity::Likely } else { Severity::Blocking };
            let usable = Some(usable.len());
            f.add(Cause::TooFewMethods { usable, security_questions, one_gate_possible, from_page: false }, severity, &ev);
        }
        None => f.add(Cause::TooFewMethods { usable: None, security_questions, one_gate_possible, from_page: false }, Severity::Check, &ev),
    }
}

fn relevant(channel: Channel, symptom: Symptom) -> bool {
    matches!((channel, symptom), (Channel::Both, _) | (_, Symptom::Both) | (Channel::Email, Symptom::Email) | (Channel::Sms, Symptom::Sms))
}

/// Who reads the report.
fn audience(case: &Case, lang: Lang) -> Audience {
    Audience {
        lang,
        sole_admin: case.sole_admin == Some(true) && admin(case) != Some(false),
        global_admin: case.global_admin == Some(true),
        not_admin: admin(case) == Some(false),
        audit: false,
    }
}

fn finish(
    case: &Case,
    f: Findings,
    sspr_enabled: Option<bool>,
    phone: Option<crate::report::PhoneReport>,
    email: Option<crate::report::EmailReport>,
    codes: &[&str],
) -> Report {
    let symptom = case.symptom();
    let found = ordered(f.0.into_iter().filter(|x| relevant(x.cause.id().channel(), symptom)).collect());
    let who = audience(case, case.lang());
    let findings: Vec<Finding> = found
        .into_iter()
        .map(|mut x| {
            let evidence = std::mem::take(&mut x.evidence);
            x.in_words(words::finding(&x.cause, &who), evidence)
        })
        .collect();
    let ok = !findings.iter().any(|x| matches!(x.severity, Severity::Blocking | Severity::Likely));
    let id = resolution_id(case);
    let facts_notice = words::facts_notice(case.today.as_deref().and_then(Date::parse), case.lang());
    let mut support_summary = support_summary(case, &findings, codes);
    if let Some(n) = &facts_notice {
        support_summary = format!("{n}\n\n{support_summary}");
    }
    Report {
        ok,
        findings,
        resolution: Resolution { id, steps: words::resolution_steps(id, &who) },
        phone,
        email,
        sspr_enabled,
        support_summary,
        facts_notice,
    }
}

/// Most severe first, then the most probable cause; one finding per id (the most severe).
pub(crate) fn ordered(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|x| (x.severity, x.cause.id()));
    let mut seen = BTreeSet::new();
    found.retain(|x| seen.insert(x.cause.id()));
    found
}

fn resolution_id(case: &Case) -> ResolutionId {
    match (admin(case), case.sole_admin) {
        (Some(false), _) => ResolutionId::AskYourAdmin,
        (Some(true), Some(false)) => ResolutionId::AskAnotherAdmin,
        (Some(true) | None, Some(true)) => ResolutionId::ContactSupport,
        _ => ResolutionId::Unknown,
    }
}
