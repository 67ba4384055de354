//! For every finding id: cases that must raise it (with the severity) and near misses that
//! must not. The table must cover every id (checked at the end).

use std::collections::BTreeSet;

use serde_json::{json, Value};
use sspr_doctor_core::{diagnose, Case, FindingId, Report, Severity};

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

/// (id, case, expected severity) that must be raised.
fn raises() -> Vec<(&'static str, Value, Severity)> {
    vec![
        ("not_admin", json!({"isAdmin": false}), Check),
        ("not_admin", json!({}), Check),
        ("sspr_disabled", json!({"ssprEnabled": false}), Blocking),
        ("sspr_disabled", json!({"policyOutput": "AllowedToUseSspr : False"}), Blocking),
        ("sspr_disabled", json!({"policyOutput": "{\"allowedToUseSSPR\":false}"}), Blocking),
        ("sspr_disabled", json!({"pageMessage": "SSPR_0009"}), Blocking),
        ("sspr_disabled", json!({}), Check),
        ("reset_not_configured", json!({"pageMessage": "SSPR_0012: Your organization doesn't have the required licenses"}), Blocking),
        (
            "reset_not_configured",
            json!({"pageMessage": "あなたはパスワード リセットが有効になっているグループのメンバーではありません。"}),
            Blocking,
        ),
        ("password_writeback", json!({"pageMessage": "SSPR_0010"}), Blocking),
        ("password_writeback", json!({"pageMessage": "SSPR_0029"}), Blocking),
        ("password_writeback", json!({"pageMessage": "SSPR_0030"}), Blocking),
        ("password_writeback", json!({"accountSource": "synced"}), Check),
        ("password_writeback", json!({"accountSource": "federated"}), Check),
        ("personal_account", json!({"username": "taro@outlook.jp"}), Blocking),
        ("personal_account", json!({"username": "Someone@Hotmail.com"}), Blocking),
        ("methods_not_registered", json!({"registeredAsMethods": false}), Blocking),
        ("methods_not_registered", json!({"mobilePhone": "+81 90-1234-5678"}), Check),
        ("sms_rate_limited", json!({"pageMessage": "You've hit our limit on text verification codes"}), Blocking),
        ("sms_delivery", json!({"mobilePhone": "+81 90-1234-5678"}), Check),
        ("sms_delivery", json!({}), Check),
        ("email_delivery", json!({"alternateEmail": "taro@example.com", "checkedJunkFolder": true, "safeSenderAdded": true}), Check),
        ("policy_output_unrecognized", json!({"policyOutput": "hello world"}), Check),
        ("policy_output_unrecognized", json!({"policyOutput": "AllowedToUseSspr : True\nSelfServePasswordResetEnabled : False"}), Check),
        ("username_invalid", json!({"username": "admin"}), Blocking),
        ("username_invalid", json!({"username": "ａｄｍｉｎ@contoso.com"}), Blocking),
        ("username_invalid", json!({"username": "admin.@contoso.com"}), Blocking),
        ("username_invalid", json!({}), Check),
        // v1.2 (issue 19). Learn, troubleshoot-sspr: "Your administrator has not enabled you to
        // use this feature" (SSPR off for the user, or no licence).
        (
            "license_required",
            json!({"isAdmin": false, "pageMessage": "Your administrator has not enabled you to use this feature."}),
            Blocking,
        ),
        ("license_required", json!({"pageMessage": "Your administrator hasn’t enabled you to use this feature"}), Likely),
        ("license_required", json!({"isAdmin": false, "pageMessage": "管理者はこの機能を使用することを許可していません"}), Blocking),
        // "If the UPN differs from the primary ProxyAddress/SMTPAddress of the user, the Sign-in to
        // Microsoft Entra ID with email as an alternate login ID setting must be enabled".
        ("email_not_sign_in_name", json!({"username": "taro.yamada@contoso.co.jp"}), Check),
        // "If the user waits 10 seconds, a link is displayed to "Try again" and "Contact your administrator"".
        (
            "contact_unreachable",
            json!({"pageMessage": "We're sorry, you are unable to be contacted. Try again / Contact your administrator"}),
            Likely,
        ),
        // OnPremisesSuccessCloudFailure: "you have to wait a few minutes before the changes are committed to the cloud".
        (
            "on_premises_sync_pending",
            json!({"pageMessage": "We've reset your password successfully, but you have to wait a few minutes before the changes are committed to the cloud."}),
            Blocking,
        ),
        ("on_premises_sync_pending", json!({"pageMessage": "OnPremisesSuccessCloudFailure"}), Blocking),
        ("alternate_email_missing", json!({"alternateEmail": ""}), Blocking),
        ("alternate_email_missing", json!({"alternateEmail": "  \u{3000} "}), Blocking),
        ("alternate_email_missing", json!({}), Check),
        ("alternate_email_invalid", json!({"alternateEmail": "taro＠example.com"}), Blocking),
        ("alternate_email_invalid", json!({"alternateEmail": "taro@example"}), Blocking),
        ("alternate_email_invalid", json!({"alternateEmail": "ta ro@example.com"}), Blocking),
        ("alternate_email_invalid", json!({"alternateEmail": "a@b@example.com"}), Blocking),
        ("alternate_email_typo", json!({"alternateEmail": "taro@gmial.com"}), Likely),
        ("alternate_email_typo", json!({"alternateEmail": "taro@outlok.com"}), Likely),
        ("alternate_email_typo", json!({"alternateEmail": "taro@docomo.ne.pj"}), Likely),
        ("alternate_email_in_tenant", json!({"alternateEmail": "me@contoso.onmicrosoft.com"}), Likely),
        ("alternate_email_in_tenant", json!({"alternateEmail": "me@contoso.com", "username": "admin@contoso.com"}), Likely),
        ("alternate_email_carrier_filter", json!({"alternateEmail": "taro@docomo.ne.jp"}), Check),
        ("junk_folder", json!({"alternateEmail": "taro@example.com", "checkedJunkFolder": false}), Likely),
        ("junk_folder", json!({"alternateEmail": "taro@example.com"}), Check),
        ("sender_not_safelisted", json!({"alternateEmail": "taro@example.com", "safeSenderAdded": false}), Likely),
        ("sender_not_safelisted", json!({}), Check),
        ("mobile_phone_missing", json!({"mobilePhone": ""}), Blocking),
        ("mobile_phone_missing", json!({}), Check),
        ("country_code_missing", json!({"mobilePhone": "090-1234-5678"}), Blocking),
        ("country_code_missing", json!({"mobilePhone": "090-1234-5678", "phoneCountry": "JP"}), Blocking),
        ("trunk_prefix_after_country_code", json!({"mobilePhone": "+81 090-1234-5678"}), Blocking),
        ("trunk_prefix_after_country_code", json!({"mobilePhone": "+44 (0)7911 123456"}), Blocking),
        ("trunk_prefix_after_country_code", json!({"mobilePhone": "+44 07911 123456"}), Blocking),
        ("trunk_prefix_after_country_code", json!({"mobilePhone": "+49 0151 23456789"}), Blocking),
        ("trunk_prefix_after_country_code", json!({"mobilePhone": "+33 06 12 34 56 78"}), Blocking),
        ("trunk_prefix_after_country_code", json!({"mobilePhone": "+61 0412 345 678"}), Blocking),
        ("trunk_prefix_after_country_code", json!({"mobilePhone": "0081 090 1234 5678"}), Blocking),
        ("phone_invalid", json!({"mobilePhone": "+81 90 1234"}), Blocking),
        ("phone_invalid", json!({"mobilePhone": "+81 90 1234 5678 9999 9999"}), Blocking),
        ("phone_invalid", json!({"mobilePhone": "+1 800 FLOWERS"}), Blocking),
        ("phone_invalid", json!({"mobilePhone": "+999 123 456"}), Blocking),
        ("phone_invalid", json!({"mobilePhone": "090 1234 5678", "phoneCountry": "ZZ"}), Blocking),
        ("phone_not_mobile", json!({"mobilePhone": "+81 3-1234-5678"}), Blocking),
        ("phone_not_mobile", json!({"mobilePhone": "+81 120-123-456"}), Blocking),
        ("phone_not_mobile", json!({"mobilePhone": "+39 06 1234 5678"}), Blocking),
        ("phone_not_mobile", json!({"mobilePhone": "+44 20 7946 0958"}), Blocking),
        ("phone_not_mobile", json!({"mobilePhone": "+1 425 555 0100 ext. 12"}), Check),
        ("phone_number_mismatch", json!({"pageMessage": "The phone number you entered doesn't match the phone number on file"}), Blocking),
        ("non_carrier_sms_service", json!({"smsProvider": "voipApp"}), Blocking),
        ("non_carrier_sms_service", json!({"mobilePhone": "+81 50-1234-5678"}), Likely),
        ("non_carrier_sms_service", json!({}), Check),
        ("carrier_rejects_us_sms", json!({"carrierReceivesUsSms": false}), Blocking),
        ("carrier_rejects_us_sms", json!({"mobilePhone": "+81 90-1234-5678"}), Check),
        ("reset_link_not_clicked", json!({"clickedResetLink": false}), Check),
        ("region_opt_in_required", json!({"mobilePhone": "+63 917 123 4567"}), Likely),
        ("region_opt_in_required", json!({"mobilePhone": "+1 876 210 1234"}), Likely),
        ("region_opt_in_required", json!({"mobilePhone": "+7 912 345 67 89"}), Likely),
        ("microsoft_sms_retired", json!({"today": "2027-02-01", "globalAdmin": false, "telecomProvider": false}), Blocking),
        ("microsoft_sms_retired", json!({"today": "2027-03-01"}), Likely),
        ("microsoft_sms_retired", json!({"today": "2027-07-01", "telecomProvider": false}), Blocking),
        ("microsoft_sms_retired", json!({"today": "2026-11-24"}), Check),
        ("microsoft_sms_retired", json!({"today": "not a date"}), Check),
        ("too_few_methods", json!({"isAdmin": true, "username": "admin@contoso.com", "methods": ["email", "securityQuestions"]}), Blocking),
        ("too_few_methods", json!({"isAdmin": true, "methods": ["authenticatorApp"]}), Likely),
        ("too_few_methods", json!({"pageMessage": "SSPR_0014"}), Blocking),
        ("too_few_methods", json!({}), Check),
        (
            "msonline_retired",
            json!({"policyOutput": "Get-MsolCompanyInformation : The term 'Get-MsolCompanyInformation' is not recognized"}),
            Check,
        ),
        ("msonline_retired", json!({"policyOutput": "Get-MsolCompanyInformation : MSOnline is retiring and access is disallowed."}), Check),
        ("msonline_retired", json!({"policyOutput": "SelfServePasswordResetEnabled : True"}), Check),
        ("throttled", json!({"pageMessage": "You've tried too many times"}), Blocking),
        ("throttled", json!({"pageMessage": "You've tried to reset your password too many times. Wait 24 hours."}), Blocking),
        ("throttled", json!({"pageMessage": "Sorry, we're having trouble verifying your account"}), Likely),
        ("page_message_unrecognized", json!({"pageMessage": "Something odd happened"}), Check),
    ]
}

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
