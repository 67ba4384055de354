//! For every finding id: cases that must raise it (with the severity) and near misses that
//! must not. The table must cover every id (checked at the end).

use std::collections::BTreeSet;

use serde_json::{json, Value};
use sspr_doctor_core::{diagnose, Case, FindingId, Report, Severity};

mod common;
use common::raising::raises;

fn run(v: Value) -> Report {
    let mut v = v;
    if v.get("today").is_none() {
        v["today"] = json!("2026-11-24");
    }
    let case: Case = serde_json::from_value(v).expect("a valid case");
    diagnose(&case)
}

fn find(r: &Report, id: &str) -> Option<Severity> {
    r.findings.iter().find(|f| f.id.as_str() == id).map(|f| f.severity)
}

use Severity::*;

/// (id, case) that must not raise the id: near misses.
fn near_misses() -> Vec<(&'static str, Value)> {
    vec![
        ("not_admin", json!({"isAdmin": true})),
        ("not_admin", json!({"soleAdmin": true})),
        ("sspr_disabled", json!({"ssprEnabled": true})),
        ("sspr_disabled", json!({"policyOutput": "SelfServePasswordResetEnabled : True"})),
        ("sspr_disabled", json!({"policyOutput": "AllowedToUseSspr\n----------------\nTrue"})),
        ("reset_not_configured", json!({"pageMessage": "SSPR_0009"})),
        ("policy_output_unrecognized", json!({"policyOutput": "AllowedToUseSspr : True"})),
        ("policy_output_unrecognized", json!({"policyOutput": "   "})),
        ("username_invalid", json!({"username": "admin@contoso.onmicrosoft.com"})),
        ("username_invalid", json!({"username": "  o'neil@contoso.co.jp  "})),
        ("alternate_email_missing", json!({"alternateEmail": "taro@example.com"})),
        ("alternate_email_invalid", json!({"alternateEmail": " taro@example.com "})),
        ("alternate_email_invalid", json!({"alternateEmail": "info@例え.jp"})),
        ("alternate_email_typo", json!({"alternateEmail": "taro@gmail.com"})),
        ("alternate_email_typo", json!({"alternateEmail": "taro@contoso.com"})),
        ("alternate_email_typo", json!({"alternateEmail": "taro@me.com"})),
        ("alternate_email_in_tenant", json!({"alternateEmail": "me@gmail.com", "username": "admin@contoso.com"})),
        ("alternate_email_in_tenant", json!({"alternateEmail": "me@contoso.com.evil.example", "username": "admin@contoso.com"})),
        ("alternate_email_carrier_filter", json!({"alternateEmail": "taro@gmail.com"})),
        ("junk_folder", json!({"alternateEmail": "taro@example.com", "checkedJunkFolder": true})),
        ("junk_folder", json!({"alternateEmail": ""})),
        ("sender_not_safelisted", json!({"alternateEmail": "taro@example.com", "safeSenderAdded": true})),
        ("mobile_phone_missing", json!({"mobilePhone": "+81 90-1234-5678"})),
        ("country_code_missing", json!({"mobilePhone": "+81 90-1234-5678"})),
        ("country_code_missing", json!({"mobilePhone": "0081 90 1234 5678"})),
        ("country_code_missing", json!({"mobilePhone": "010 81 90 1234 5678", "phoneCountry": "JP"})),
        ("trunk_prefix_after_country_code", json!({"mobilePhone": "+81 90-1234-5678"})),
        ("trunk_prefix_after_country_code", json!({"mobilePhone": "+39 06 1234 5678"})),
        ("trunk_prefix_after_country_code", json!({"mobilePhone": "+39 (0)6 1234 5678"})),
        ("trunk_prefix_after_country_code", json!({"mobilePhone": "+7 800 555 35 35"})),
        ("trunk_prefix_after_country_code", json!({"mobilePhone": "090-1234-5678", "phoneCountry": "JP"})),
        ("phone_invalid", json!({"mobilePhone": "+81 90-1234-5678"})),
        ("phone_invalid", json!({"mobilePhone": "＋８１ ９０ １２３４ ５６７８"})),
        ("phone_invalid", json!({"mobilePhone": "+1 (425) 555-0100"})),
        ("phone_not_mobile", json!({"mobilePhone": "+81 90-1234-5678"})),
        ("phone_not_mobile", json!({"mobilePhone": "+1 425 555 0100"})),
        ("phone_not_mobile", json!({"mobilePhone": "+39 312 345 6789"})),
        ("phone_number_mismatch", json!({"pageMessage": "SSPR_0009"})),
        ("non_carrier_sms_service", json!({"smsProvider": "carrier", "mobilePhone": "+81 90-1234-5678"})),
        ("carrier_rejects_us_sms", json!({"carrierReceivesUsSms": true})),
        ("carrier_rejects_us_sms", json!({"mobilePhone": "+1 425 555 0100"})),
        ("reset_link_not_clicked", json!({"clickedResetLink": true})),
        ("reset_link_not_clicked", json!({})),
        ("reset_link_not_clicked", json!({"symptom": "sms", "mobilePhone": "+81 90-1234-5678"})),
        ("password_writeback", json!({"accountSource": "cloud"})),
        ("password_writeback", json!({"pageMessage": "SSPR_0011"})),
        ("personal_account", json!({"username": "admin@contoso.onmicrosoft.com"})),
        ("personal_account", json!({"username": "admin@outlook.com.contoso.com"})),
        ("methods_not_registered", json!({"registeredAsMethods": true})),
        ("methods_not_registered", json!({"alternateEmail": "", "mobilePhone": ""})),
        ("sms_rate_limited", json!({"pageMessage": "You've tried to reset your password too many times"})),
        ("throttled", json!({"pageMessage": "You've hit our limit on text verification codes"})),
        ("reset_not_configured", json!({"pageMessage": "ライセンス認証されていない Office です"})),
        ("sms_delivery", json!({"symptom": "email"})),
        ("email_delivery", json!({"symptom": "sms"})),
        ("email_delivery", json!({"alternateEmail": ""})),
        ("region_opt_in_required", json!({"mobilePhone": "+81 90-1234-5678"})),
        ("region_opt_in_required", json!({"mobilePhone": "+1 425 555 0100"})),
        ("microsoft_sms_retired", json!({"telecomProvider": true, "today": "2027-08-01"})),
        ("too_few_methods", json!({"isAdmin": true, "methods": ["email", "authenticatorApp"]})),
        ("too_few_methods", json!({"isAdmin": true, "alternateEmail": "taro@example.com", "mobilePhone": "+81 90-1234-5678"})),
        ("too_few_methods", json!({"isAdmin": false})),
        ("sspr_disabled", json!({"isAdmin": false, "policyOutput": "AllowedToUseSspr : False"})),
        ("msonline_retired", json!({"policyOutput": "AllowedToUseSspr : False"})),
        ("throttled", json!({"pageMessage": "SSPR_0009"})),
        ("page_message_unrecognized", json!({"pageMessage": "SSPR_0009"})),
        ("page_message_unrecognized", json!({"pageMessage": ""})),
        ("license_required", json!({"isAdmin": true, "pageMessage": "Your administrator has not enabled you to use this feature."})),
        ("license_required", json!({"isAdmin": false, "pageMessage": "SSPR_0009"})),
        ("email_not_sign_in_name", json!({"username": "admin@contoso.onmicrosoft.com"})),
        ("email_not_sign_in_name", json!({"username": "admin"})),
        (
            "contact_unreachable",
            json!({"pageMessage": "SSPR_0014: Additional security info is needed to reset your password. To proceed, contact your admin and ask them to reset your password."}),
        ),
        ("contact_unreachable", json!({"pageMessage": "SSPR_0012 Contact your administrator"})),
        ("on_premises_sync_pending", json!({"pageMessage": "SSPR_0029"})),
    ]
}

#[test]
fn each_case_raises_its_finding_with_its_severity() {
    for (id, case, severity) in raises() {
        let r = run(case.clone());
        assert_eq!(
            find(&r, id),
            Some(severity),
            "{id} for {case}: {:#?}",
            r.findings.iter().map(|f| (f.id, f.severity)).collect::<Vec<_>>()
        );
    }
}

#[test]
fn near_misses_do_not_raise_it() {
    for (id, case) in near_misses() {
        let r = run(case.clone());
        assert_eq!(find(&r, id), None, "{id} must not be raised for {case}");
    }
}

#[test]
fn every_id_is_covered_both_ways() {
    let raised: BTreeSet<&str> = raises().iter().map(|(id, _, _)| *id).collect();
    let missed: BTreeSet<&str> = near_misses().iter().map(|(id, _)| *id).collect();
    for id in FindingId::ALL.iter().filter(|id| !FindingId::AUDIT_ONLY.contains(id)) {
        assert!(raised.contains(id.as_str()), "no raising case for {}", id.as_str());
        assert!(missed.contains(id.as_str()), "no near miss for {}", id.as_str());
    }
}

#[test]
fn report_invariants_hold_for_every_case() {
    for (_, case, _) in raises() {
        for lang in ["en", "ja"] {
            let mut c = case.clone();
            c["lang"] = json!(lang);
            let r = run(c);
            // Ordered: blocking, likely, check; one finding per id.
            let sev: Vec<Severity> = r.findings.iter().map(|f| f.severity).collect();
            let mut sorted = sev.clone();
            sorted.sort();
            assert_eq!(sev, sorted);
            let ids: BTreeSet<FindingId> = r.findings.iter().map(|f| f.id).collect();
            assert_eq!(ids.len(), r.findings.len());
            assert_eq!(r.ok, !r.findings.iter().any(|f| matches!(f.severity, Blocking | Likely)));
            for f in &r.findings {
                assert_eq!(f.channel, f.id.channel());
                assert!(!f.title.is_empty() && !f.detail.is_empty() && !f.steps.is_empty(), "{:?}", f.id);
                if lang == "ja" {
                    assert!(f.title.chars().any(|c| c > '\u{3000}'), "Japanese title for {:?}: {}", f.id, f.title);
                }
            }
            assert!(!r.resolution.steps.is_empty());
        }
    }
}

#[test]
fn symptom_filters_channels() {
    let email_only = run(json!({"symptom": "email", "mobilePhone": "090"}));
    assert!(email_only.findings.iter().all(|f| f.channel != sspr_doctor_core::Channel::Sms));
    let sms_only = run(json!({"symptom": "sms", "alternateEmail": "x"}));
    assert!(sms_only.findings.iter().all(|f| f.channel != sspr_doctor_core::Channel::Email));
}

#[test]
fn resolution_paths() {
    let id = |v: Value| run(v).resolution.id;
    use sspr_doctor_core::ResolutionId::*;
    assert_eq!(id(json!({"isAdmin": false})), AskYourAdmin);
    assert_eq!(id(json!({"isAdmin": true, "soleAdmin": false})), AskAnotherAdmin);
    assert_eq!(id(json!({"isAdmin": true, "soleAdmin": true})), ContactSupport);
    assert_eq!(id(json!({"soleAdmin": true})), ContactSupport);
    assert_eq!(id(json!({"isAdmin": true})), Unknown);
    assert_eq!(id(json!({})), Unknown);
    assert_eq!(run(json!({})).resolution.steps.len(), 8, "unknown lists all three paths (support in five steps) and account recovery");
}

#[test]
fn contract_example_evidence() {
    let r = run(json!({"mobilePhone": "+81 090-1234-5678"}));
    let f = r.findings.iter().find(|f| f.id == FindingId::TrunkPrefixAfterCountryCode).unwrap();
    assert_eq!(f.evidence["input"], "+81 090-1234-5678");
    // Microsoft's form for an authentication phone (issue 9 item 7), not the v1 example's grouping.
    assert_eq!(f.evidence["suggestion"], "+81 9012345678");
    let p = r.phone.unwrap();
    assert_eq!(p.e164.as_deref(), Some("+819012345678"));
    assert_eq!(p.country.as_deref(), Some("JP"));
}

#[test]
fn policy_sets_report_field() {
    assert_eq!(run(json!({"policyOutput": "AllowedToUseSspr : True"})).sspr_enabled, Some(true));
    assert_eq!(run(json!({"ssprEnabled": false, "policyOutput": "AllowedToUseSspr : True"})).sspr_enabled, Some(false));
    assert_eq!(run(json!({})).sspr_enabled, None);
}

#[test]
fn the_id_list_is_in_report_order_and_spelled_as_serialized() {
    // ALL is written out by hand next to the enum: it must follow declaration order (the
    // tie-break within a severity) with no id twice, and as_str must be the serialized id.
    assert!(FindingId::ALL.windows(2).all(|w| w[0] < w[1]));
    for id in FindingId::ALL {
        assert_eq!(serde_json::to_value(id).unwrap(), json!(id.as_str()));
    }
}
