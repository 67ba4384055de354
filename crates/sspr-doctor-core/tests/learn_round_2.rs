//! Issue 19: advice that Microsoft Learn contradicted or lacked (checked 2026-12-05;
//! docs/learn-checks/2026-12-05-advice-round-2.md). Each test holds the input, the Learn
//! wording it follows (in a comment) and checks both languages.

use serde_json::{json, Value};
use sspr_doctor_core::audit::{self, AuditOptions};
use sspr_doctor_core::{diagnose, Case, Cloud, Finding, Lang, Report};

fn run(v: Value, lang: &str) -> Report {
    let mut v = v;
    v["lang"] = json!(lang);
    if v.get("today").is_none() {
        v["today"] = json!("2026-12-05");
    }
    let case: Case = serde_json::from_value(v).expect("a valid case");
    diagnose(&case)
}

fn finding<'a>(r: &'a Report, id: &str) -> &'a Finding {
    r.findings
        .iter()
        .find(|f| f.id.as_str() == id)
        .unwrap_or_else(|| panic!("no {id}: {:?}", r.findings.iter().map(|f| f.id).collect::<Vec<_>>()))
}

fn all_text(f: &Finding) -> String {
    format!("{}\n{}\n{}", f.title, f.detail, f.steps.join("\n"))
}

/// Both languages, with what each must and must not say.
fn says(v: Value, id: &str, en: (&[&str], &[&str]), ja: (&[&str], &[&str])) {
    for (lang, (must, never)) in [("en", en), ("ja", ja)] {
        let r = run(v.clone(), lang);
        let text = all_text(finding(&r, id));
        for m in must {
            assert!(text.contains(m), "{id} ({lang}) should say {m:?}:\n{text}");
        }
        for n in never {
            assert!(!text.contains(n), "{id} ({lang}) must not say {n:?}:\n{text}");
        }
    }
}

fn audit_of(csv: &str, lang: Lang, cloud: Option<Cloud>) -> audit::AuditReport {
    let opts = AuditOptions { lang: Some(lang), today: Some("2026-12-05".into()), cloud, ..Default::default() };
    audit::audit(csv.as_bytes(), &opts).expect("readable")
}

/// Item 1: Learn (howto-sspr-authenticationdata): "Starting Oct 5, 2026, SSPR will only accept
/// explicitly registered authentication methods" and "Starting Nov 9, 2026 … a registration
/// campaign will prompt affected users". Not "announced September 7".
#[test]
fn registered_methods_only_gives_learns_two_dates() {
    says(
        json!({"registeredAsMethods": false}),
        "methods_not_registered",
        (&["2026-10-05", "2026-11-09", "explicitly registered", "MC1325414"], &["September"]),
        (&["2026-10-05", "2026-11-09", "明示的に登録", "登録キャンペーン"], &["9 月 7 日"]),
    );
}

/// Item 2: Learn (how-to-authentication-methods-manage): "Office phone | Voice calls > Configure tab".
#[test]
fn office_phone_lives_under_voice_calls() {
    says(
        json!({"pageMessage": "Sorry, we're having trouble verifying your account"}),
        "throttled",
        (&["Voice calls in the Authentication methods policy"], &[]),
        (&["認証方法ポリシーの [音声通話]"], &[]),
    );
}

/// Item 3: After the retirement an office phone is a voice call too: never offered as the
/// replacement (concept-sms-voice-retirement; Graph: office is "usable only for voice calls").
#[test]
fn retirement_never_offers_the_office_phone() {
    let office_offered = ["office phone where", "組織が許可していれば会社電話"];
    says(
        json!({"mobilePhone": "+81 90-1234-5678", "today": "2027-08-01"}),
        "microsoft_sms_retired",
        (&["Microsoft Authenticator"], &office_offered),
        (&["Microsoft Authenticator"], &office_offered),
    );
    says(
        json!({"mobilePhone": "+81 90-1234-5678"}),
        "microsoft_sms_retired",
        (&["not SMS or voice"], &office_offered),
        (&["SMS と音声通話以外"], &office_offered),
    );
    // The audit's retirement findings too.
    let csv = "userPrincipalName,roles,methodsRegistered,phoneNumber,authEmail\n\
               a@contoso.com,Helpdesk Administrator,mobilePhone;officePhone,+81 90-1234-5678,\n";
    for lang in [Lang::En, Lang::Ja] {
        let r = audit_of(csv, lang, None);
        let f = r.accounts[0].findings.iter().find(|f| f.id.as_str() == "sms_dependent").expect("sms_dependent");
        for o in office_offered {
            assert!(!f.steps.join(" ").contains(o), "{lang:?}: {:?}", f.steps);
        }
    }
}

/// Item 4: Learn (troubleshoot-sspr): "The user attempts to validate a phone number five times in
/// one hour … must wait 24 hours after the last attempt". Not "more than 5".
#[test]
fn throttle_is_five_in_one_hour() {
    says(
        json!({"pageMessage": "You've tried too many times"}),
        "throttled",
        (&["5 phone number validations", "in one hour", "24 hours"], &["More than"]),
        (&["1 時間に電話番号の確認を 5 回", "24 時間"], &["を超えて"]),
    );
}

/// Item 5: Learn (concept-authentication-phone-options): "Microsoft may limit repeated
/// authentication attempts that are performed by the same user or organization".
#[test]
fn text_code_limit_is_per_user_or_organization() {
    says(
        json!({"pageMessage": "You've hit our limit on text verification codes"}),
        "sms_rate_limited",
        (&["same user or organization"], &["one number", "this number"]),
        (&["同じユーザーや同じ組織"], &["同じ番号", "この番号"]),
    );
}

/// Item 6: "Attempt up to five times in 5 minutes" is the MFA FAQ's advice; in password reset five
/// validations in an hour block the account for 24 hours.
#[test]
fn delivery_advice_cannot_trigger_the_block() {
    says(
        json!({"mobilePhone": "+81 90-1234-5678"}),
        "sms_delivery",
        (&["at most once more", "24 hours"], &["within 5 minutes", "up to 5 times"]),
        (&["あと 1 回まで", "24 時間"], &["5 分以内", "最大 5 回"]),
    );
}

/// Item 7: Learn (overview-authentication): "Microsoft Authenticator passwordless | Yes | No":
/// not a password-reset method.
#[test]
fn authenticator_passwordless_is_not_a_reset_method() {
    let csv = "userPrincipalName,roles,methodsRegistered\n\
               a@contoso.com,Exchange Administrator,email;microsoftAuthenticatorPasswordless\n\
               b@contoso.com,Exchange Administrator,email;microsoftAuthenticatorPush\n";
    let r = audit_of(csv, Lang::En, None);
    assert_eq!(r.accounts[0].usable_methods.len(), 1, "{:?}", r.accounts[0].usable_methods);
    assert!(r.accounts[0].findings.iter().any(|f| f.id.as_str() == "too_few_methods"));
    assert_eq!(r.accounts[1].usable_methods.len(), 2);
}

/// Item 8: Learn (concept-sspr-policy, "Administrator reset policy differences") lists the roles
/// the two-gate policy covers; reader roles are not on it.
#[test]
fn reader_roles_follow_the_user_policy() {
    let csv = "userPrincipalName,roles,eligibleRoles,methodsRegistered\n\
               r@contoso.com,Global Reader;Reports Reader,,email\n\
               h@contoso.com,Global Reader,Helpdesk Administrator,email\n\
               e@contoso.com,,Helpdesk Administrator,email\n";
    for (lang, must, assumed) in
        [(Lang::En, "user policy", "eligible (PIM)"), (Lang::Ja, "ユーザー向けポリシー", "資格のある割り当て (PIM)")]
    {
        let r = audit_of(csv, lang, None);
        let ids = |i: usize| r.accounts[i].findings.iter().map(|f| f.id.as_str()).collect::<Vec<_>>();
        assert_eq!(ids(0), ["user_policy_applies"], "one method is no administrator-rule verdict");
        assert!(r.accounts[0].findings[0].title.contains(must), "{}", r.accounts[0].findings[0].title);
        assert!(ids(1).contains(&"too_few_methods"), "a covered role, even eligible, keeps the administrator rule");
        assert!(ids(2).contains(&"too_few_methods"), "eligible only: counted as if active");
        assert!(sspr_doctor_core::words::audit_labels(lang).eligible_assumed.contains(assumed));
    }
}

/// Item 9: The retirement FAQ: "This timeline applies to public cloud environments only. Other
/// cloud environments will follow on a later schedule".
#[test]
fn other_clouds_get_no_2027_date() {
    for cloud in ["usGovernment", "china"] {
        says(
            json!({"cloud": cloud, "mobilePhone": "+81 90-1234-5678", "today": "2027-08-01"}),
            "microsoft_sms_retired",
            (&["public cloud only", "later schedule"], &["2027"]),
            (&["パブリック クラウドだけ", "後日のスケジュール"], &["2027"]),
        );
    }
    let csv = "userPrincipalName,roles,methodsRegistered,phoneNumber\n\
               a@contoso.com,Global Administrator,email;mobilePhone,+81 90-1234-5678\n";
    let public = audit_of(csv, Lang::En, None);
    assert!(public.accounts[0].findings.iter().any(|f| f.id.as_str() == "sms_dependent"));
    for lang in [Lang::En, Lang::Ja] {
        let r = audit_of(csv, lang, Some(Cloud::UsGovernment));
        assert!(r.accounts[0].findings.is_empty(), "{:?}", r.accounts[0].findings.iter().map(|f| f.id).collect::<Vec<_>>());
        assert_eq!(r.accounts[0].sms_retirement_date, None);
        assert!(r.summary.retirement.is_empty());
        let t = &r.tenant.findings;
        assert!(t.iter().any(|f| f.id.as_str() == "microsoft_sms_retired" && !f.detail.contains("2027")), "{t:?}");
    }
}

/// Item 10: Learn (concept-sspr-howitworks, "Password reset for B2B users"): "we respect whatever
/// password reset policies are enabled on that tenant".
#[test]
fn guests_reset_in_their_home_organization() {
    let csv = "userPrincipalName,roles,methodsRegistered,phoneNumber\n\
               partner_fabrikam.com#EXT#@contoso.onmicrosoft.com,Helpdesk Administrator,mobilePhone,+81 90-1234-5678\n";
    for (lang, home) in [(Lang::En, "home organization"), (Lang::Ja, "所属する組織")] {
        let r = audit_of(csv, lang, None);
        let a = &r.accounts[0];
        let ids: Vec<&str> = a.findings.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["guest_resets_at_home"]);
        assert_eq!(a.status, audit::Status::Unknown);
        assert!(a.findings[0].detail.contains(home) && a.findings[0].detail.contains("2027-07-01"), "{}", a.findings[0].detail);
    }
}

/// Item 11: Learn (concept-phone-providers): "Soprano and Telesign are the initial providers
/// available during the private preview"; Graph (authentication-post-phonemethods): "adding a
/// mobile phone to a user with a preexisting mobile phone will fail".
#[test]
fn provider_is_a_preview_and_an_existing_mobile_is_updated() {
    says(
        json!({"mobilePhone": "+81 90-1234-5678", "today": "2027-08-01", "globalAdmin": true}),
        "microsoft_sms_retired",
        (&["private preview"], &[]),
        (&["プライベート プレビュー"], &[]),
    );
    for lang in ["en", "ja"] {
        let r = run(json!({"registeredAsMethods": false}), lang);
        let f = finding(&r, "methods_not_registered");
        assert!(f.commands.iter().any(|c| c.text.starts_with("Update-MgUserAuthenticationPhoneMethod")), "{lang}");
        assert!(f.steps.iter().any(|s| s.contains("3179e48a-750b-4051-897c-87b9720928f7")), "{lang}");
    }
}

/// The new causes of contract v1.2, in both languages, with Learn's wording.
#[test]
fn license_and_sign_in_name_and_page_rows() {
    says(
        json!({"isAdmin": false, "pageMessage": "Your administrator has not enabled you to use this feature."}),
        "license_required",
        (&["has not enabled you to use this feature", "Business Standard", "P1"], &[]),
        (&["has not enabled you to use this feature", "Business Standard", "P1"], &[]),
    );
    says(
        json!({"isAdmin": true, "pageMessage": "Your administrator has not enabled you to use this feature."}),
        "sspr_disabled",
        (&["cannot register any method"], &["SSPR_0009"]),
        (&["どの方法も登録できず"], &["SSPR_0009"]),
    );
    says(
        json!({"username": "taro.yamada@contoso.co.jp"}),
        "email_not_sign_in_name",
        (&["alternate login ID"], &[]),
        (&["代替ログイン ID"], &[]),
    );
    says(
        json!({"pageMessage": "unable to be contacted"}),
        "contact_unreachable",
        (&["Try again", "Contact your administrator", "10 seconds"], &[]),
        (&["Try again", "管理者に連絡", "10 秒"], &[]),
    );
    says(
        json!({"pageMessage": "OnPremisesSuccessCloudFailure"}),
        "on_premises_sync_pending",
        (&["Do not reset it again"], &[]),
        (&["もう一度リセットしないでください"], &[]),
    );
}

/// Account recovery (concept-account-recovery-overview): for someone who lost every method.
#[test]
fn account_recovery_is_offered_where_it_applies() {
    for lang in ["en", "ja"] {
        let r = run(json!({"isAdmin": false}), lang);
        assert!(r.resolution.steps.iter().any(|s| s.contains("concept-account-recovery-overview") && s.contains("Face Check")), "{lang}");
        let sole = run(json!({"isAdmin": true, "soleAdmin": true}), lang);
        assert!(
            !sole.resolution.steps.iter().any(|s| s.contains("concept-account-recovery-overview")),
            "a sole administrator's route is support"
        );
    }
}
