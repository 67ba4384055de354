//! The mobile number: the number itself (`number_rules`, shared with the bulk phone
//! checks and the audit), who provides it, the carrier, and Microsoft's retirement of SMS.

use crate::case::{Case, SmsProvider};
use crate::cause::{Cause, Known, NonCarrier, Retirement};
use crate::facts::{self, Date};
use crate::findings::Findings;
use crate::normalize::{excerpt, trim};
use crate::phone::{self, CountryCode, Invalid, PhoneAnalysis};
use crate::report::{PhoneType, Severity};

use super::b;

pub(crate) fn phone_rules(case: &Case, f: &mut Findings) -> Option<PhoneAnalysis> {
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
pub fn provider_rule(provider: Option<SmsProvider>, analysis: Option<&PhoneAnalysis>, f: &mut Findings) {
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
pub fn number_rules(raw: Option<&str>, country: Option<&str>, f: &mut Findings) -> Option<PhoneAnalysis> {
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

pub(crate) fn retirement_rule(case: &Case, f: &mut Findings) {
    if case.telecom_provider == Some(true) {
        return;
    }
    // Outside the public cloud Microsoft has not given a date.
    let Some((all, ga)) = facts::sms_retirement(case.cloud()) else {
        let cloud = case.cloud();
        let name = if cloud == crate::case::Cloud::China { "china" } else { "usGovernment" };
        f.add(Cause::SmsRetired(Retirement::NotScheduled { cloud }), Severity::Check, &[("cloud", name.into())]);
        return;
    };
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
