//! Both languages say the same things: for every conclusion, the same number of steps and
//! the same commands, no English left in the Japanese, and Japanese sentences joined
//! without a space after "。".

use super::*;
use crate::case::AccountSource;
use crate::cause::{Gate, Known, NonCarrier, PolicyTrouble, Retirement, Writeback};
use crate::facts::Date;
use crate::problems::EmailProblem;
use crate::problems::GraphError;
use crate::problems::Invalid;
use crate::problems::UpnProblem;
use crate::report::FindingId;

/// One of every conclusion (and of every variant of its data that changes the words).
pub(crate) fn samples() -> Vec<Cause> {
    use Cause::*;
    let d = Date::ymd(2027, 2, 1);
    let mut v = vec![
        Throttled { from_telephony: false },
        Throttled { from_telephony: true },
        SmsRateLimited,
        NotAdmin(Known::Yes),
        NotAdmin(Known::Unknown),
        PersonalAccount { domain: "outlook.jp".into() },
        SsprDisabled { known: Known::Yes, from_page: true, registration: false },
        SsprDisabled { known: Known::Yes, from_page: true, registration: true },
        SsprDisabled { known: Known::Yes, from_page: false, registration: false },
        SsprDisabled { known: Known::Unknown, from_page: false, registration: false },
        LicenseRequired { known_user: true },
        LicenseRequired { known_user: false },
        EmailNotSignInName { domain: "contoso.com".into() },
        ContactUnreachable,
        OnPremisesSyncPending,
        UserPolicyApplies,
        GuestResetsAtHome { sign_in_sms_date: Some(Date::ymd(2027, 7, 1)) },
        GuestResetsAtHome { sign_in_sms_date: None },
        SmsRetired(Retirement::NotScheduled { cloud: crate::case::Cloud::UsGovernment }),
        SmsRetired(Retirement::NotScheduled { cloud: crate::case::Cloud::China }),
        PasswordWriteback(Writeback::NotEnabled),
        PasswordWriteback(Writeback::OnPremisesError),
        PasswordWriteback(Writeback::Connectivity),
        PasswordWriteback(Writeback::Source(AccountSource::Synced)),
        ResetNotConfigured { code: "SSPR_0011" },
        ResetNotConfigured { code: "SSPR_0012" },
        ResetNotConfigured { code: "SSPR_0013" },
        PolicyUnrecognized(PolicyTrouble::Unrecognized),
        PolicyUnrecognized(PolicyTrouble::Contradictory),
        PolicyUnrecognized(PolicyTrouble::Graph(GraphError::NotInstalled)),
        PolicyUnrecognized(PolicyTrouble::Graph(GraphError::NotConnected)),
        PolicyUnrecognized(PolicyTrouble::Graph(GraphError::AccessDenied)),
        UsernameInvalid(None),
        MethodsNotRegistered(Known::Yes),
        MethodsNotRegistered(Known::Unknown),
        AlternateEmailMissing(Known::Yes),
        AlternateEmailMissing(Known::Unknown),
        AlternateEmailInvalid { problem: EmailProblem::NoAt, suggestion: None },
        AlternateEmailInvalid { problem: EmailProblem::FullWidthAt, suggestion: Some("a@example.com".into()) },
        AlternateEmailTypo { suggestion: "taro@gmail.com".into() },
        AlternateEmailInTenant { domain: "contoso.onmicrosoft.com".into(), onmicrosoft: true, own_mailbox: false },
        AlternateEmailInTenant { domain: "contoso.com".into(), onmicrosoft: false, own_mailbox: true },
        AlternateEmailInTenant { domain: "contoso.com".into(), onmicrosoft: false, own_mailbox: false },
        AlternateEmailCarrierFilter { domain: "docomo.ne.jp".into() },
        JunkFolder(Known::Yes),
        JunkFolder(Known::Unknown),
        SenderNotSafelisted(Known::Yes),
        SenderNotSafelisted(Known::Unknown),
        MobilePhoneMissing(Known::Yes),
        MobilePhoneMissing(Known::Unknown),
        CountryCodeMissing { suggestion: Some("+81 9012345678".into()), without_plus: false },
        CountryCodeMissing { suggestion: None, without_plus: false },
        CountryCodeMissing { suggestion: Some("+81 9012345678".into()), without_plus: true },
        CountryCodeMissing { suggestion: None, without_plus: true },
        TrunkPrefix { prefix: "0".into(), suggestion: Some("+81 9012345678".into()) },
        TrunkPrefix { prefix: "0".into(), suggestion: None },
        PhoneNotMobile { kind: PhoneType::FixedLine, extension: None },
        PhoneNotMobile { kind: PhoneType::FixedLineOrMobile, extension: Some("12".into()) },
        PhoneNumberMismatch,
        NonCarrierSms(NonCarrier::Said),
        NonCarrierSms(NonCarrier::VoipRange),
        NonCarrierSms(NonCarrier::Unknown),
        CarrierRejectsUsSms(Known::Yes),
        CarrierRejectsUsSms(Known::Unknown),
        ResetLinkNotClicked,
        RegionOptIn { key: "7".into(), regions: "RU,KZ".into() },
        SmsRetired(Retirement::Retired { date: d }),
        SmsRetired(Retirement::Upcoming { date: d, global_admin_date: Some(Date::ymd(2027, 7, 1)) }),
        SmsRetired(Retirement::Upcoming { date: d, global_admin_date: None }),
        SmsRetired(Retirement::DateUnknown),
        TooFewMethods { usable: Some(1), security_questions: true, one_gate_possible: true, from_page: false },
        TooFewMethods { usable: None, security_questions: false, one_gate_possible: false, from_page: false },
        TooFewMethods { usable: None, security_questions: false, one_gate_possible: false, from_page: true },
        SmsDelivery,
        EmailDelivery,
        MsonlineRetired { failed: true },
        MsonlineRetired { failed: false },
        PageMessageUnrecognized,
        SmsDependent { date: d, global_admin_date: Some(Date::ymd(2027, 7, 1)), lose: vec![Gate::MobilePhone] },
        SmsDependent { date: d, global_admin_date: None, lose: vec![Gate::MobilePhone, Gate::OfficePhone] },
        SmsDependent { date: d, global_admin_date: None, lose: vec![Gate::OfficePhone] },
        AlternateMobileOnly,
        NotSsprCapable { capable: Some(false), registered: None, admin_policy_applies: true, users_policy_off: true },
        NotSsprCapable { capable: None, registered: Some(false), admin_policy_applies: false, users_policy_off: false },
        PhoneMangled { scientific: true, guess: None },
        PhoneMangled { scientific: false, guess: Some("+81 9012345678".into()) },
        PhoneMangled { scientific: false, guess: None },
        NoGlobalAdminCanReset { global_admins: 0, undecided: 0 },
        NoGlobalAdminCanReset { global_admins: 3, undecided: 1 },
        NoGlobalAdminCanReset { global_admins: 2, undecided: 0 },
        FewGlobalAdminsCanReset { can: 1, global_admins: 4 },
        SharedContact { phones: 1, emails: 2 },
        SmsRetirementExposure { by_date: vec![(d, 3), (Date::ymd(2027, 7, 1), 1)] },
        TooFewMethods { usable: Some(0), security_questions: false, one_gate_possible: false, from_page: false },
    ];
    for p in [
        UpnProblem::Empty,
        UpnProblem::NoAt,
        UpnProblem::TwoAts,
        UpnProblem::FullWidth,
        UpnProblem::Spaces,
        UpnProblem::BadCharacter('+'),
        UpnProblem::DotBeforeAt,
        UpnProblem::NoDomainDot,
        UpnProblem::LocalTooLong(65),
        UpnProblem::DomainTooLong(49),
        UpnProblem::TooLong(114),
    ] {
        v.push(UsernameInvalid(Some(p)));
    }
    for p in [
        Invalid::NoDigits,
        Invalid::Letters('F'),
        Invalid::BadCharacter('%'),
        Invalid::UnknownCountryCode("999".into()),
        Invalid::UnknownRegionHint("XX".into()),
        Invalid::TooShort { len: 9, min: 10 },
        Invalid::TooLong { len: 11, max: 10 },
        Invalid::InvalidLength { len: 7 },
        Invalid::NoSuchRange,
        Invalid::TooLongInput,
    ] {
        v.push(PhoneInvalid(p));
    }
    v
}

fn audiences() -> Vec<(Audience, Audience)> {
    let mut v = Vec::new();
    for (sole_admin, global_admin, not_admin, audit) in [
        (false, false, false, false),
        (true, true, false, false),
        (false, true, false, false),
        (false, false, true, false),
        (false, false, false, true),
        (false, true, false, true),
        (false, false, true, true),
    ] {
        for cloud in [crate::case::Cloud::Public, crate::case::Cloud::UsGovernment, crate::case::Cloud::China] {
            for telephony in
                [crate::cause::Telephony::Offered, crate::cause::Telephony::Ended { date: crate::facts::SMS_RETIREMENT_ALL_USERS }]
            {
                let en = Audience { lang: Lang::En, sole_admin, global_admin, not_admin, audit, cloud, telephony };
                v.push((en, Audience { lang: Lang::Ja, ..en }));
            }
        }
    }
    v
}

#[test]
fn every_finding_id_has_words() {
    let ids: std::collections::BTreeSet<FindingId> = samples().iter().map(Cause::id).collect();
    for id in FindingId::ALL {
        assert!(ids.contains(id), "no sample for {}", id.as_str());
    }
}

#[test]
fn both_languages_have_the_same_steps_and_commands() {
    for c in samples() {
        for (en_a, ja_a) in audiences() {
            let (en, ja) = (finding(&c, &en_a), finding(&c, &ja_a));
            assert_eq!(en.steps.len(), ja.steps.len(), "{c:?}");
            assert_eq!(en.commands, ja.commands, "{c:?}");
            for t in [&ja.title, &ja.detail].into_iter().chain(&ja.steps) {
                assert!(
                    t.chars().any(|ch| ('\u{3040}'..='\u{30FF}').contains(&ch) || ('\u{4E00}'..='\u{9FFF}').contains(&ch)),
                    "not Japanese: {t}"
                );
                assert!(!t.contains("。 "), "a space after 。 in: {t}");
                assert!(!t.contains("  "), "two spaces in: {t}");
            }
            for t in [&en.title, &en.detail].into_iter().chain(&en.steps) {
                assert!(!t.chars().any(|ch| ('\u{3040}'..='\u{30FF}').contains(&ch)), "Japanese in English: {t}");
            }
        }
    }
}

#[test]
fn a_sole_administrator_is_never_sent_to_another_administrator() {
    for c in samples() {
        for lang in [Lang::En, Lang::Ja] {
            let a = Audience { sole_admin: true, global_admin: true, ..Audience::of(lang) };
            let t = finding(&c, &a);
            for step in &t.steps {
                assert!(
                    !step.contains("another administrator") && !step.contains("別の管理者") && !step.contains("別のグローバル管理者"),
                    "{c:?}: {step}"
                );
            }
        }
    }
    for lang in [Lang::En, Lang::Ja] {
        let a = Audience { sole_admin: true, global_admin: true, ..Audience::of(lang) };
        for step in resolution_steps(ResolutionId::ContactSupport, &a) {
            assert!(!step.contains("another administrator") && !step.contains("別の管理者"), "{step}");
        }
    }
}

#[test]
fn resolutions_match_across_languages() {
    for id in [ResolutionId::AskYourAdmin, ResolutionId::AskAnotherAdmin, ResolutionId::ContactSupport, ResolutionId::Unknown] {
        for (en, ja) in audiences() {
            assert_eq!(resolution_steps(id, &en).len(), resolution_steps(id, &ja).len());
        }
    }
}

#[test]
fn labels_are_all_filled() {
    for l in [Lang::En, Lang::Ja] {
        let json = serde_json::to_value(labels(l)).unwrap();
        fn walk(v: &serde_json::Value) {
            match v {
                serde_json::Value::String(s) => assert!(!s.trim().is_empty()),
                serde_json::Value::Object(m) => m.values().for_each(walk),
                _ => panic!("unexpected {v}"),
            }
        }
        walk(&json);
    }
}

#[test]
fn every_finding_id_has_a_short_name_in_both_languages() {
    for l in [Lang::En, Lang::Ja] {
        let names = audit_labels(l).finding_names;
        for id in FindingId::ALL {
            assert!(names.get(id.as_str()).is_some_and(|n| !n.is_empty()), "{l:?}: {}", id.as_str());
        }
        assert_eq!(names.len(), FindingId::ALL.len());
    }
}

/// The page's catalog: the same keys in both languages, the same `{placeholders}`, no empty
/// text, no key twice, and Japanese text written in Japanese (product and Microsoft names
/// stay in Latin letters, but every sentence has kana or kanji).
#[test]
fn page_catalogs_match() {
    use std::collections::BTreeMap;
    let map = |l| {
        let c = crate::page_catalog(l);
        let m: BTreeMap<&str, &str> = c.iter().copied().collect();
        assert_eq!(m.len(), c.len(), "{l:?}: a key twice");
        m
    };
    let (en, ja) = (map(Lang::En), map(Lang::Ja));
    assert_eq!(en.keys().collect::<Vec<_>>(), ja.keys().collect::<Vec<_>>());
    let holes = |s: &str| {
        let mut v: Vec<String> = s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string())).collect();
        v.sort();
        v
    };
    for (k, e) in &en {
        let j = ja[k];
        assert!(!e.trim().is_empty() && !j.trim().is_empty(), "{k}");
        assert_eq!(holes(e), holes(j), "{k}");
        // Text with words in Latin letters (placeholders aside) must have kana or kanji too.
        let words: String = j.split('{').map(|p| p.split_once('}').map_or(p, |(_, rest)| rest)).collect();
        let latin = words.as_bytes().windows(3).any(|w| w.iter().all(u8::is_ascii_alphabetic));
        let japanese = j.chars().any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'));
        assert!(!latin || japanese || *k == "app.title", "{k}: {j}");
    }
    assert!(en.len() > 100, "{}", en.len());
}

#[test]
fn once_texts_and_calls_have_ended_no_step_offers_one() {
    use crate::cause::Telephony;
    let mut checked = 0;
    let mut bad = std::collections::BTreeSet::new();
    for c in samples() {
        for (en_a, ja_a) in audiences() {
            if !matches!(en_a.telephony, Telephony::Ended { .. }) {
                continue;
            }
            for t in [finding(&c, &en_a), finding(&c, &ja_a)] {
                for text in [&t.title, &t.detail].into_iter().chain(&t.steps) {
                    for list in [crate::names::SSPR_OTHER_METHODS_EN, crate::names::SSPR_OTHER_METHODS_JA] {
                        assert!(!text.contains(list), "{c:?}: the list with texts and calls in {text}");
                    }
                }
                for step in &t.steps {
                    if let Some(w) = crate::telephony_check::offers_telephony(step) {
                        bad.insert(format!("{:?} audit={} {w:?}: {step}", c.id(), en_a.audit));
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.iter().cloned().collect::<Vec<_>>().join("\n"));
    assert!(checked > 1000, "{checked}");
}

/// Every reason an archive member or a file is not read has words of its own in both
/// languages (none falls to "not read"), and the limits' numbers are in them.
#[test]
fn every_reason_for_a_file_not_read_has_its_words() {
    let ids = [
        "archive_encrypted",
        "archive_too_large",
        "archive_bomb",
        "archive_nested",
        "archive_unreadable",
        "archive_unsafe_name",
        "archive_too_many_entries",
        "too_many_files",
        "empty",
        "tooLarge",
        "tooManyColumns",
        "notJson",
        "noFormat",
        "noAccounts",
        "badTenantId",
    ];
    for id in ids {
        for l in [Lang::En, Lang::Ja] {
            let fallback = crate::orgs::reason("no such reason", l);
            assert_ne!(crate::orgs::reason(id, l), fallback, "{id} {l:?}");
        }
    }
    let records = crate::model_audit::MAX_ARCHIVE_RECORDS.to_string();
    assert!(crate::orgs::reason("archive_too_many_entries", Lang::En).contains(&records));
    assert!(crate::orgs::reason("archive_too_many_entries", Lang::Ja).contains(&records));
}
