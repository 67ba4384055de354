//! Issue 25, part 6: once Microsoft stops sending texts and calls (2027-02-01; Global
//! Administrators 2027-07-01; public cloud), no finding, step, plan action, owner message or
//! list of methods offers a text message or a call, the office phone included, unless the
//! organization has its own telephony provider. Every case that raises a finding, on a date
//! after each deadline, in both languages; and the audit's plans and fix script.

use serde_json::{json, Value};
use sspr_doctor_core::audit::{self, AuditOptions, FixOptions, InputFile};
use sspr_doctor_core::words::telephony_check::offers_telephony;
use sspr_doctor_core::{diagnose, Case, Lang, Report};

mod common;
use common::raising::raises;

fn report(mut v: Value, today: &str, lang: &str) -> Report {
    v["today"] = json!(today);
    v["lang"] = json!(lang);
    let case: Case = serde_json::from_value(v).expect("a valid case");
    diagnose(&case)
}

/// Every text of a report that tells the reader what to do.
fn advice(r: &Report) -> Vec<String> {
    let mut v: Vec<String> = r.findings.iter().flat_map(|f| f.steps.iter().cloned()).collect();
    v.extend(r.resolution.steps.iter().cloned());
    v
}

#[test]
fn after_each_deadline_no_finding_offers_a_text_or_a_call() {
    let mut checked = 0;
    for (id, case, _) in raises() {
        if case["telecomProvider"] == json!(true) {
            continue;
        }
        let ga = case["globalAdmin"] == json!(true);
        // The day texts and calls end for this reader (a Global Administrator's is later).
        let day = if ga { "2027-07-01" } else { "2027-02-01" };
        for today in [day, "2028-01-15"] {
            for lang in ["en", "ja"] {
                let r = report(case.clone(), today, lang);
                for text in advice(&r) {
                    assert_eq!(offers_telephony(&text), None, "{id} on {today} ({lang}): {text}");
                    checked += 1;
                }
                for f in &r.findings {
                    for t in [&f.title, &f.detail] {
                        assert!(!t.contains("office phone where") && !t.contains("組織が許可していれば会社電話"), "{id}: {t}");
                    }
                }
            }
        }
    }
    assert!(checked > 500, "{checked}");
}

#[test]
fn before_the_deadline_or_with_a_provider_the_office_phone_is_still_offered() {
    // The check sees an offer when there is one: the carrier finding's other methods.
    let case = json!({"carrierReceivesUsSms": false, "globalAdmin": false});
    for (today, provider) in [("2027-01-31", None), ("2027-03-01", Some(true))] {
        let mut c = case.clone();
        if let Some(p) = provider {
            c["telecomProvider"] = json!(p);
        }
        for lang in ["en", "ja"] {
            let r = report(c.clone(), today, lang);
            let f = r.findings.iter().find(|f| f.id.as_str() == "carrier_rejects_us_sms").unwrap();
            assert!(f.steps.iter().any(|s| offers_telephony(s).is_some()), "{today} {lang}: {:?}", f.steps);
        }
    }
    // And on the day after it for this reader, it is not.
    let r = report(case, "2027-02-01", "en");
    let f = r.findings.iter().find(|f| f.id.as_str() == "carrier_rejects_us_sms").unwrap();
    assert!(f.steps.iter().all(|s| offers_telephony(s).is_none()), "{:?}", f.steps);
    assert!(f.steps[0].contains("2027-02-01"), "{:?}", f.steps);
}

const HEADER: &str = "userPrincipalName,displayName,id,roles,methodsRegistered,authMobilePhone,authEmail,mobilePhone,otherMails\n";

fn audit_of(csv: &str, today: &str, lang: Lang) -> audit::AuditReport {
    let o = AuditOptions { lang: Some(lang), today: Some(today.into()), ..AuditOptions::default() };
    audit::audit(csv.as_bytes(), &o).unwrap()
}

#[test]
fn after_the_deadline_plans_and_scripts_offer_no_phone() {
    // A number to correct, one to add from the directory, a shared number.
    let csv = format!(
        "{HEADER}a@contoso.com,A,id-a,Exchange Administrator,mobilePhone,+81 090-1234-5678,,,\nb@contoso.com,B,id-b,Exchange Administrator,email,,b@fabrikam.example,+81 90-2222-3333,\n"
    );
    let phone_ids = ["fix_phone_number", "add_phone_method"];
    let before = audit_of(&csv, "2026-12-06", Lang::En);
    assert!(
        before.accounts.iter().flat_map(|a| &a.plan).any(|p| phone_ids.contains(&p.action.id.as_str())),
        "a control: phones planned before"
    );
    for lang in [Lang::En, Lang::Ja] {
        let r = audit_of(&csv, "2027-02-01", lang);
        for a in &r.accounts {
            for p in &a.plan {
                assert!(!phone_ids.contains(&p.action.id.as_str()), "{:?}", p.action);
                assert_eq!(offers_telephony(&p.text), None, "{}", p.text);
            }
            for f in &a.findings {
                for s in &f.steps {
                    assert_eq!(offers_telephony(s), None, "{}: {s}", f.id.as_str());
                }
            }
        }
        for f in &r.tenant.findings {
            for s in &f.steps {
                assert_eq!(offers_telephony(s), None, "{}: {s}", f.id.as_str());
            }
        }
        // The script: no phone write, and what it tells owners offers none.
        let o = AuditOptions { lang: Some(lang), today: Some("2027-02-01".into()), ..AuditOptions::default() };
        let mut said = audit::Said::read(&[InputFile { name: None, bytes: csv.as_bytes() }], &o).unwrap();
        let s = audit::fix_script_of(&mut said, &FixOptions { lang, temporary_access_pass: false }).unwrap();
        let text: Value = serde_json::from_str(s.lines().skip_while(|l| !l.starts_with("$Text = @'")).nth(1).unwrap()).unwrap();
        for key in ["ownerMessage", "ownerMessageNow"] {
            assert_eq!(offers_telephony(text[key].as_str().unwrap()), None, "{key}");
        }
        let lines: Vec<&str> = s.lines().filter(|l| l.starts_with("{\"upn\"")).collect();
        assert!(!lines.is_empty());
        for l in lines {
            assert!(!l.contains("phone_number") && !l.contains("phone_method"), "{l}");
        }
    }
}
