//! Issue 25: what the fix plan and script do is what Microsoft accepts. Microsoft's rules for
//! phone methods (one per type; an alternate mobile only beside a mobile; an update never
//! changes a phone's type; numbers as `+{country code} {number}`) are never broken by a plan;
//! each cloud's Graph and links; and the organization a script is for (its tenant).

use serde_json::Value;
use sspr_doctor_core::audit::{self, AuditError, AuditOptions, FixOptions, FixScriptError, InputFile, TenantId};
use sspr_doctor_core::{Cloud, Lang};

const HEADER: &str =
    "userPrincipalName,displayName,id,roles,methodsRegistered,authMobilePhone,authAlternateMobilePhone,authOfficePhone,authEmail,mobilePhone,otherMails\n";

fn opts(cloud: Cloud) -> AuditOptions {
    AuditOptions {
        lang: Some(Lang::En),
        today: Some("2026-12-06".into()),
        tenant_domains: Some(vec!["contoso.com".into()]),
        cloud: Some(cloud),
        ..Default::default()
    }
}

fn plans(csv: &str, o: &AuditOptions) -> Vec<(Value, Vec<Value>)> {
    let r = audit::audit(csv.as_bytes(), o).expect("readable");
    r.accounts
        .iter()
        .map(|a| (serde_json::to_value(a).unwrap(), serde_json::to_value(&a.plan).unwrap().as_array().unwrap().clone()))
        .collect()
}

/// `+{country code} {number}`, as facts::GRAPH_PHONE_FORM says.
fn in_graph_form(s: &str) -> bool {
    let Some((cc, n)) = s.strip_prefix('+').and_then(|r| r.split_once(' ')) else { return false };
    !cc.is_empty()
        && cc.len() <= 3
        && !cc.starts_with('0')
        && cc.bytes().all(|b| b.is_ascii_digit())
        && (4..=14).contains(&n.len())
        && n.bytes().all(|b| b.is_ascii_digit())
}

/// Every phone a spreadsheet or a person might hold, from the phone corpus.
fn corpus_numbers(n: usize) -> Vec<String> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/phones/corpus.tsv")).unwrap();
    text.lines()
        .filter_map(|l| l.split('\t').next())
        .filter(|p| !p.contains(',') && !p.contains('"'))
        .step_by(7)
        .take(n)
        .map(String::from)
        .collect()
}

#[test]
fn no_plan_breaks_microsofts_rules_for_phone_methods() {
    let numbers = corpus_numbers(2500);
    let mut csv = String::from(HEADER);
    for (i, p) in numbers.iter().enumerate() {
        // Registered as the mobile (to correct); only in the directory (to add); beside an
        // alternate mobile with no mobile; beside a mobile already there.
        csv.push_str(&format!("r{i}@contoso.com,R,,Exchange Administrator,mobilePhone,{p},,,,,\n"));
        csv.push_str(&format!("d{i}@contoso.com,D,,Exchange Administrator,email,,,,d{i}@fabrikam.example,{p},\n"));
        csv.push_str(&format!(
            "a{i}@contoso.com,A,,Exchange Administrator,alternateMobilePhone;email,,+61 491570156,,a{i}@fabrikam.example,{p},\n"
        ));
        csv.push_str(&format!(
            "m{i}@contoso.com,M,,Exchange Administrator,mobilePhone;email,+81 9012345678,,,m{i}@fabrikam.example,{p},\n"
        ));
    }
    let (mut fixes, mut adds) = (0, 0);
    for (account, plan) in plans(&csv, &opts(Cloud::Public)) {
        let methods: Vec<&str> = account["methods"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
        for a in &plan {
            let id = a["id"].as_str().unwrap();
            if id != "fix_phone_number" && id != "add_phone_method" {
                continue;
            }
            let to = a["detail"]["to"].as_str().unwrap();
            assert!(in_graph_form(to), "{id} to {to:?}: not +country code, a space, the number");
            // Only ever the mobile phone: never an alternate mobile (which needs a mobile
            // first) or an office phone, and a correction keeps the type it corrects.
            assert_eq!(a["detail"]["phoneType"], "mobile", "{a}");
            if id == "add_phone_method" {
                assert!(!methods.contains(&"mobilePhone"), "one phone of each type: {account}");
                adds += 1;
            } else {
                assert!(methods.contains(&"mobilePhone"), "a correction of a registered mobile: {account}");
                fixes += 1;
            }
        }
    }
    assert!(fixes > 50 && adds > 500, "{fixes} corrections and {adds} additions planned");
}

#[test]
fn a_number_microsoft_would_refuse_is_never_written() {
    // An extension is for an office phone only; a correction ending with one is no mobile.
    let csv = format!("{HEADER}x@contoso.com,X,,Exchange Administrator,mobilePhone,+1 425 555 0142 ext. 12,,,,,\n");
    for (_, plan) in plans(&csv, &opts(Cloud::Public)) {
        assert!(plan.iter().all(|a| a["id"] != "fix_phone_number" && a["id"] != "add_phone_method"), "{plan:?}");
    }
    let script = include_str!("../../sspr-audit-output/src/fix_script/template.ps1");
    for guard in [
        "if ($act.detail.to -cnotmatch $Run.phoneForm)",
        "$act.detail.phoneType -eq 'alternateMobile' -and $mobiles.Count -eq 0",
        "Write-Host ($Text.skipPhoneExists -f $same[0].PhoneNumber)",
        "if ($live.Passes.Count -gt 0)",
    ] {
        assert!(script.contains(guard), "the script checks live and skips with a reason: {guard}");
    }
}

#[test]
fn in_21vianet_the_email_and_pass_are_left_to_a_person() {
    let csv = format!("{HEADER}e@contoso.com,E,,Exchange Administrator,mobilePhone,+81 9012345678,,,,,e@fabrikam.example\n");
    let o = AuditOptions { temporary_access_pass: Some(true), ..opts(Cloud::China) };
    let (_, plan) = plans(&csv, &o).remove(0);
    let add = plan.iter().find(|a| a["id"] == "add_email_method").expect("the address is still worth adding");
    assert_eq!(add["scriptable"], false, "Graph v1.0 has no emailMethods in 21Vianet");
    assert!(!plan.iter().any(|a| a["id"] == "issue_temporary_access_pass"), "nor temporaryAccessPassMethods");
    let public = plans(&csv, &AuditOptions { temporary_access_pass: Some(true), ..opts(Cloud::Public) }).remove(0).1;
    assert!(public.iter().any(|a| a["id"] == "add_email_method" && a["scriptable"] == true));
    assert!(public.iter().any(|a| a["id"] == "issue_temporary_access_pass"));
    // The script neither reads nor writes them there, and signs in to China.
    let mut said = audit::Said::read(&[InputFile { name: None, bytes: csv.as_bytes() }], &o).unwrap();
    let s = audit::fix_script_of(&mut said, &FixOptions { lang: Lang::En, temporary_access_pass: true }).unwrap();
    let run = s.lines().skip_while(|l| !l.starts_with("$Run = @'")).nth(1).unwrap();
    assert!(run.contains("\"environment\":\"China\""), "{run}");
    assert!(!run.contains("Email") && !run.contains("TAP") && !run.contains("UserAuthenticationMethod.ReadWrite.All"), "{run}");
    assert!(!s.lines().any(|l| l.starts_with("{\"upn\"") && (l.contains("add_email_method") || l.contains("temporary_access_pass"))));
}

#[test]
fn each_cloud_gets_its_own_links() {
    let csv = format!("{HEADER}o@contoso.com,O,,Global Administrator,mobilePhone,+81 9012345678,,,,,\n");
    for (cloud, info, place) in [
        (Cloud::Public, "https://aka.ms/mysecurityinfo", "Microsoft Entra admin center"),
        (Cloud::UsGovernment, "the Security info page of My Sign-ins", "https://portal.azure.us"),
        (Cloud::UsGovernmentDod, "the Security info page of My Sign-ins", "https://portal.azure.us"),
        (Cloud::China, "the Security info page of My Sign-ins", "https://portal.azure.cn"),
    ] {
        let r = audit::audit(csv.as_bytes(), &opts(cloud)).unwrap();
        let a = &r.accounts[0];
        let owner = a.plan.iter().find(|p| p.action.id.as_str() == "user_registers_method").expect("the owner's step");
        assert!(owner.text.contains(info), "{cloud:?}: {}", owner.text);
        let steps: Vec<&String> = a.findings.iter().flat_map(|f| &f.steps).collect();
        assert!(steps.iter().any(|s| s.contains(info)), "{cloud:?}: {steps:?}");
        assert!(steps.iter().any(|s| s.contains(place)), "{cloud:?}: {steps:?}");
        if cloud != Cloud::Public {
            assert!(!steps.iter().any(|s| s.contains("aka.ms/mysecurityinfo") || s.contains("aka.ms/sspr")), "{cloud:?}: a public link");
        }
        assert_eq!(r.organization.cloud, cloud);
    }
}

const TENANT: &str = "0b5a2f1e-6c2d-4a11-9a0e-2f3c4d5e6f70";
const OTHER: &str = "9f0e1d2c-3b4a-4958-8776-655443322110";

fn script(csv: &str, o: &AuditOptions) -> Result<String, FixScriptError> {
    let mut said = audit::Said::read(&[InputFile { name: None, bytes: csv.as_bytes() }], o).unwrap();
    audit::fix_script_of(&mut said, &FixOptions { lang: Lang::En, temporary_access_pass: false })
}

#[test]
fn a_script_is_for_the_exports_tenant_only() {
    let row = "a@contoso.com,A,,Exchange Administrator,mobilePhone,+81 090-1234-5678,,,,,";
    // From the file's tenantId column (the read-only script writes it in every row).
    let with_column = format!("{},tenantId\n{row},{}\n", HEADER.trim_end(), TENANT.to_uppercase());
    let r = audit::audit(with_column.as_bytes(), &opts(Cloud::Public)).unwrap();
    assert_eq!(r.organization.tenant_id.as_ref().map(TenantId::as_str), Some(TENANT));
    assert_eq!(r.organization.domains, vec!["contoso.com".to_string()]);
    let s = script(&with_column, &opts(Cloud::Public)).unwrap();
    assert!(s.contains(&format!("\"tenantId\":\"{TENANT}\"")), "signs in to it and checks it");
    assert!(!s.contains("User.Read\""), "no need to read the organization's domains");
    // From Graph JSON's tenantId beside the accounts.
    let json =
        format!(r#"{{"tenantId":"{TENANT}","value":[{{"userPrincipalName":"a@contoso.com","methodsRegistered":["mobilePhone"]}}]}}"#);
    let r = audit::audit(json.as_bytes(), &opts(Cloud::Public)).unwrap();
    assert_eq!(r.organization.tenant_id.as_ref().map(TenantId::as_str), Some(TENANT));
    assert!(r.problems.iter().all(|p| p.code != "noUser"), "{:?}", r.problems);
    // From the option, when the file has none.
    let plain = format!("{HEADER}{row}\n");
    let o = AuditOptions { tenant_id: Some(TENANT.into()), ..opts(Cloud::Public) };
    assert!(script(&plain, &o).unwrap().contains(&format!("\"tenantId\":\"{TENANT}\"")));
    // With none, the script checks the domains instead, and asks for User.Read to.
    let s = script(&plain, &opts(Cloud::Public)).unwrap();
    assert!(s.contains("\"tenantId\":null") && s.contains("\"domains\":[\"contoso.com\"]") && s.contains("\"User.Read\""));
}

#[test]
fn files_of_two_tenants_or_an_option_that_disagrees_get_no_script() {
    let row = "a@contoso.com,A,,Exchange Administrator,mobilePhone,+81 090-1234-5678,,,,,";
    let head = HEADER.trim_end();
    let two =
        format!("{head},tenantId\n{row},{TENANT}\nb@fabrikam.com,B,,Exchange Administrator,mobilePhone,+81 090-1234-5679,,,,,,{OTHER}\n");
    let r = audit::audit(two.as_bytes(), &opts(Cloud::Public)).unwrap();
    assert!(r.organization.tenant_id.is_none() && r.organization.tenant_ids.len() == 2);
    assert!(r.problems.iter().any(|p| p.code == "severalTenants"));
    for e in [script(&two, &opts(Cloud::Public)).unwrap_err(), audit::fix_script(&r, &FixOptions::default()).unwrap_err()] {
        let FixScriptError::SeveralTenants(t) = &e else { panic!("{e:?}") };
        assert_eq!(t.len(), 2);
        for l in [Lang::En, Lang::Ja] {
            assert!(e.message(l).contains(TENANT) && e.message(l).contains(OTHER), "{}", e.message(l));
        }
    }
    let one = format!("{head},tenantId\n{row},{TENANT}\n");
    let disagree = AuditOptions { tenant_id: Some(OTHER.into()), ..opts(Cloud::Public) };
    assert!(matches!(script(&one, &disagree), Err(FixScriptError::SeveralTenants(_))));
    // Not a tenant id: the option is refused, a cell is left out and said.
    let bad = AuditOptions { tenant_id: Some("contoso.onmicrosoft.com".into()), ..opts(Cloud::Public) };
    assert_eq!(audit::audit(one.as_bytes(), &bad).unwrap_err(), AuditError::BadTenantId);
    let cell = format!("{head},tenantId\n{row},'; Remove-MgUser -UserId x #\n");
    let r = audit::audit(cell.as_bytes(), &opts(Cloud::Public)).unwrap();
    assert!(r.organization.tenant_id.is_none() && r.problems.iter().any(|p| p.code == "badTenantId"));
}

#[test]
fn the_guards_words_in_both_languages() {
    let row = "a@contoso.com,A,,Exchange Administrator,mobilePhone,+81 090-1234-5678,,,,,";
    let csv = format!("{},tenantId\n{row},{TENANT}\n", HEADER.trim_end());
    for (lang, must) in [(Lang::En, "but this script is for tenant {1}"), (Lang::Ja, "テナント {1} 用です")] {
        let o = AuditOptions { lang: Some(lang), ..opts(Cloud::UsGovernment) };
        let mut said = audit::Said::read(&[InputFile { name: None, bytes: csv.as_bytes() }], &o).unwrap();
        let s = audit::fix_script_of(&mut said, &FixOptions { lang, temporary_access_pass: false }).unwrap();
        let text: Value = serde_json::from_str(s.lines().skip_while(|l| !l.starts_with("$Text = @'")).nth(1).unwrap()).unwrap();
        assert!(text["wrongTenant"].as_str().unwrap().contains(must));
        for key in [
            "wrongCloud",
            "wrongDomains",
            "notSignedIn",
            "unknownOrganization",
            "signedIn",
            "skipPhoneForm",
            "skipNeedsMobile",
            "skipPassExists",
        ] {
            assert!(text[key].as_str().is_some_and(|t| !t.is_empty()), "{key}");
        }
        assert!(s.contains("\"environment\":\"USGov\""));
        // The guard comes before any read, and a mismatch ends the run before the rollback.
        let guard = s.find("$context.TenantId).ToLowerInvariant() -ne $Run.tenantId").unwrap();
        assert!(guard < s.find("Get-MgUserAuthenticationPhoneMethod -UserId").unwrap());
        assert!(guard < s.find("Set-Content -Path $rollbackPath").unwrap());
    }
}
