//! Issue 18: the fix plan of each account and the fix script made from it (contract v1.2).
//! What the script does is checked on its text here and with an independent PowerShell
//! parser in tests/ps/ (tree-sitter-powershell).

use serde_json::Value;
use sspr_doctor_core::audit::{self, AuditOptions, FixOptions, InputFile};
use sspr_doctor_core::Lang;

const HEADER: &str = "userPrincipalName,displayName,id,roles,methodsRegistered,authMobilePhone,authEmail,mobilePhone,otherMails\n";

fn opts(lang: Lang) -> AuditOptions {
    AuditOptions {
        lang: Some(lang),
        today: Some("2026-12-06".into()),
        tenant_domains: Some(vec!["contoso.com".into()]),
        ..Default::default()
    }
}

fn plan_of(row: &str) -> Vec<Value> {
    let r = audit::audit(format!("{HEADER}{row}\n").as_bytes(), &opts(Lang::En)).expect("readable");
    let v = serde_json::to_value(&r.accounts[0].plan).unwrap();
    v.as_array().unwrap().clone()
}

fn ids(plan: &[Value]) -> Vec<String> {
    plan.iter().map(|a| a["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn a_trunk_zero_after_the_country_code_is_corrected_by_the_script() {
    let p = plan_of("a@contoso.com,A,id-a,Helpdesk Administrator,mobilePhone;email,+81 090-1234-5678,a@fabrikam.example,,");
    let fix = p.iter().find(|a| a["id"] == "fix_phone_number").expect("fix_phone_number");
    assert_eq!(fix["detail"]["to"], "+81 9012345678");
    assert_eq!(fix["detail"]["from"], "+81 090-1234-5678");
    assert_eq!(fix["detail"]["phoneType"], "mobile");
    assert_eq!(fix["by"], "operator");
    assert_eq!(fix["scriptable"], true);
    // Helpdesk Administrator is not on the Authentication Administrator's list (Learn: who can reset passwords).
    assert_eq!(fix["role"], "privilegedAuthenticationAdministrator");
}

#[test]
fn a_number_a_spreadsheet_damaged_is_never_guessed() {
    let p = plan_of("a@contoso.com,A,id-a,Global Administrator,mobilePhone;email,8.19012E+11,a@fabrikam.example,,");
    assert!(ids(&p).contains(&"review_manually".to_string()), "{p:?}");
    assert!(!ids(&p).iter().any(|i| i == "fix_phone_number" || i == "add_phone_method"));
    assert_eq!(p[0]["detail"]["reason"], "spreadsheetDamaged");
}

#[test]
fn an_address_inside_the_organization_is_never_added_as_the_reset_email() {
    let inside = plan_of("a@contoso.com,A,id-a,Exchange Administrator,mobilePhone,+81 9012345678,,,a.backup@contoso.com");
    assert!(!ids(&inside).contains(&"add_email_method".to_string()), "{inside:?}");
    let sub = plan_of("a@contoso.com,A,id-a,Exchange Administrator,mobilePhone,+81 9012345678,,,a@mail.contoso.com");
    assert!(!ids(&sub).contains(&"add_email_method".to_string()), "{sub:?}");
    let outside = plan_of("a@contoso.com,A,id-a,Exchange Administrator,mobilePhone,+81 9012345678,,,a.home@fabrikam.example");
    let add = outside.iter().find(|a| a["id"] == "add_email_method").expect("add_email_method");
    assert_eq!(add["detail"]["to"], "a.home@fabrikam.example");
}

#[test]
fn a_directory_mobile_is_added_only_when_no_mobile_method_exists() {
    let p = plan_of("a@contoso.com,A,id-a,Directory Readers,email,,a@fabrikam.example,+81 90-1234-5678,");
    let add = p.iter().find(|a| a["id"] == "add_phone_method").expect("add_phone_method");
    assert_eq!(add["detail"]["to"], "+81 9012345678");
    // Directory Readers is on the Authentication Administrator's list.
    assert_eq!(add["role"], "authenticationAdministrator");
    let has = plan_of("a@contoso.com,A,id-a,Directory Readers,email;mobilePhone,+81 8011112222,a@fabrikam.example,+81 90-1234-5678,");
    assert!(!ids(&has).contains(&"add_phone_method".to_string()));
}

#[test]
fn the_owner_step_carries_the_date_that_makes_it_urgent() {
    let p = plan_of("a@contoso.com,A,id-a,Exchange Administrator,mobilePhone;email,+81 9012345678,a@fabrikam.example,,");
    let owner = p.iter().find(|a| a["id"] == "user_registers_method").expect("owner step");
    assert_eq!(owner["by"], "owner");
    assert_eq!(owner["role"], Value::Null);
    assert_eq!(owner["detail"]["before"], "2027-02-01");
    let ga = plan_of("g@contoso.com,G,id-g,Global Administrator,mobilePhone;email,+81 9012345678,g@fabrikam.example,,");
    assert_eq!(ga.iter().find(|a| a["id"] == "user_registers_method").unwrap()["detail"]["before"], "2027-07-01");
    assert!(ga.iter().any(|a| a["id"] == "configure_telephony_provider" && a["by"] == "organization"));
    let fine = plan_of("f@contoso.com,F,id-f,Exchange Administrator,email;microsoftAuthenticatorPush,,f@fabrikam.example,,");
    assert!(fine.is_empty(), "{fine:?}");
}

#[test]
fn duplicate_or_unknown_data_gives_review_and_no_write() {
    let conflicting = format!(
        "{HEADER}a@contoso.com,A,id-a,Exchange Administrator,mobilePhone,+81 090-1234-5678,,,\na@contoso.com,A,id-a,Exchange Administrator,mobilePhone,+81 080-9999-8888,,,\n"
    );
    let r = audit::audit(conflicting.as_bytes(), &opts(Lang::En)).unwrap();
    let p = serde_json::to_value(&r.accounts[0].plan).unwrap();
    assert_eq!(p[0]["detail"]["reason"], "conflictingRows", "{p}");
    assert!(p.as_array().unwrap().iter().all(|a| a["scriptable"] == false), "{p}");
    let unknown = plan_of("a@contoso.com,A,id-a,Exchange Administrator,mobilePhone;quantumToken,+81 090-1234-5678,,,");
    assert_eq!(unknown[0]["detail"]["reason"], "unknownMethods");
    assert!(unknown.iter().all(|a| a["scriptable"] == false));
}

#[test]
fn no_pass_where_the_file_is_in_doubt_and_no_owner_step_for_a_guest() {
    let o = AuditOptions { temporary_access_pass: Some(true), ..opts(Lang::En) };
    let conflicting = format!(
        "{HEADER}a@contoso.com,A,id-a,Exchange Administrator,mobilePhone,+81 090-1234-5678,,,\na@contoso.com,A,id-a,Exchange Administrator,mobilePhone,+81 080-9999-8888,,,\n"
    );
    let r = audit::audit(conflicting.as_bytes(), &o).unwrap();
    let p = serde_json::to_value(&r.accounts[0].plan).unwrap();
    assert!(p.as_array().unwrap().iter().all(|a| a["scriptable"] == false), "{p}");
    let guest = plan_of("p_fabrikam.com#EXT#@contoso.onmicrosoft.com,P,id-p,Exchange Administrator,mobilePhone,+81 9012345678,,,");
    assert!(guest.is_empty(), "a guest registers and resets at home: {guest:?}");
    // A date already past is no deadline: the owner's step says now.
    let late = AuditOptions { today: Some("2027-08-01".into()), ..opts(Lang::En) };
    let r = audit::audit(
        format!("{HEADER}a@contoso.com,A,id-a,Exchange Administrator,mobilePhone;email,+81 9012345678,a@fabrikam.example,,\n").as_bytes(),
        &late,
    )
    .unwrap();
    let p = serde_json::to_value(&r.accounts[0].plan).unwrap();
    let owner = p.as_array().unwrap().iter().find(|a| a["id"] == "user_registers_method").expect("owner step");
    assert_eq!(owner["detail"]["before"], Value::Null);
}

#[test]
fn the_pass_option_of_a_script_leaves_the_audit_as_it_was() {
    let csv = format!("{HEADER}a@contoso.com,A,id-a,Exchange Administrator,mobilePhone;email,+81 9012345678,a@fabrikam.example,,\n");
    let mut said = audit::Said::read(&[InputFile { name: None, bytes: csv.as_bytes() }], &opts(Lang::En)).unwrap();
    let _ = audit::fix_script_of(&mut said, &FixOptions { lang: Lang::En, temporary_access_pass: true });
    let acc = said.account(0).unwrap();
    assert!(acc.plan.iter().all(|p| p.action.id != audit::ActionId::IssueTemporaryAccessPass));
}

#[test]
fn a_temporary_access_pass_only_when_asked() {
    let row = "a@contoso.com,A,id-a,Exchange Administrator,mobilePhone;email,+81 9012345678,a@fabrikam.example,,";
    assert!(!ids(&plan_of(row)).contains(&"issue_temporary_access_pass".to_string()));
    let o = AuditOptions { temporary_access_pass: Some(true), ..opts(Lang::En) };
    let r = audit::audit(format!("{HEADER}{row}\n").as_bytes(), &o).unwrap();
    let p = serde_json::to_value(&r.accounts[0].plan).unwrap();
    let tap = p.as_array().unwrap().iter().find(|a| a["id"] == "issue_temporary_access_pass").expect("tap");
    assert_eq!(tap["detail"]["lifetimeMinutes"], 60);
}

#[test]
fn every_action_has_words_in_both_languages() {
    let row = "a@contoso.com,A,id-a,Exchange Administrator,mobilePhone;email,+81 090-1234-5678,,,a@fabrikam.example";
    for (lang, must) in [(Lang::En, "Privileged Authentication Administrator"), (Lang::Ja, "特権認証管理者")] {
        let r = audit::audit(format!("{HEADER}{row}\n").as_bytes(), &opts(lang)).unwrap();
        let plan = &r.accounts[0].plan;
        assert!(plan.len() >= 2);
        assert!(plan.iter().all(|p| !p.text.is_empty()));
        assert!(plan.iter().any(|p| p.text.contains(must)), "{:?}", plan.iter().map(|p| &p.text).collect::<Vec<_>>());
    }
}

// ---- the script ---------------------------------------------------------------------------

fn script(csv: &str, lang: Lang, tap: bool) -> String {
    let o = AuditOptions { temporary_access_pass: Some(tap), ..opts(lang) };
    let fix = FixOptions { lang, temporary_access_pass: tap };
    let r = audit::audit(csv.as_bytes(), &o).unwrap();
    let from_report = audit::fix_script(&r, &fix);
    // The command line and the page make it straight from the session: the same bytes.
    let mut said = audit::Said::read(&[InputFile { name: None, bytes: csv.as_bytes() }], &o).unwrap();
    let from_session = audit::fix_script_of(&mut said, &fix);
    assert_eq!(from_report, from_session);
    from_report.unwrap()
}

/// The data lines (between `$Accounts = @(@'` and `'@`).
fn data_lines(s: &str) -> Vec<&str> {
    let start = s.find("$Accounts = @(@'\n").unwrap() + "$Accounts = @(@'\n".len();
    let end = start + s[start..].find("\n'@").unwrap();
    s[start..end].lines().filter(|l| !l.is_empty()).collect()
}

fn decode(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find("\\u{") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('}').unwrap() + i;
        let c = u32::from_str_radix(&rest[i + 3..end], 16).ok().and_then(char::from_u32).unwrap();
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

fn payloads() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/payloads");
    let mut v = Vec::new();
    for f in ["powershell.txt", "controls.txt", "xss.txt", "csv.txt", "markdown.txt"] {
        let text = std::fs::read_to_string(dir.join(f)).unwrap();
        v.extend(text.lines().filter(|l| !l.is_empty()).map(decode));
    }
    v
}

fn csv_cell(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Every payload in every cell the script could carry: user name, display name, id, the
/// registered number and address, the directory's number and addresses.
fn hostile_csv() -> String {
    let mut csv = String::from(HEADER);
    for (i, p) in payloads().iter().enumerate() {
        let upn = format!("{p}{i}@contoso.com");
        let cells = [
            upn.as_str(),
            p,
            p,
            "Exchange Administrator",
            "mobilePhone;email",
            &format!("+81 090{i:07} {p}"),
            &format!("{p}@fabrikam.example"),
            p,
            &format!("x{i}@fabrikam.example;{p}"),
        ];
        csv.push_str(&cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(","));
        csv.push('\n');
        // The same account with a clean number, so that some plans act on hostile names.
        csv.push_str(&format!(
            "{},{},,Exchange Administrator,mobilePhone,+81 090-{:04}-5678,,,\n",
            csv_cell(&format!("{p}.b{i}@contoso.com")),
            csv_cell(p),
            i
        ));
    }
    csv
}

#[test]
fn hostile_cells_stay_data() {
    for lang in [Lang::En, Lang::Ja] {
        for tap in [false, true] {
            let s = script(&hostile_csv(), lang, tap);
            let lines = data_lines(&s);
            assert!(lines.len() > 50, "{}", lines.len());
            for l in &lines {
                // One JSON document per line, ASCII only: no line break, no `'@` can end the here-string.
                assert!(l.starts_with('{') && l.is_ascii(), "{l}");
                let v: Value = serde_json::from_str(l).unwrap();
                assert!(v["actions"].as_array().is_some_and(|a| !a.is_empty()));
                let shown = v["shown"].as_str().unwrap();
                assert!(!shown.chars().any(|c| c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c)), "{shown:?}");
            }
            // Everything but the data is the script of a harmless export with the same kind of
            // changes (the same permissions, roles and domains): no cell became code.
            let block = lines.join("\n");
            let harmless = format!("{HEADER}plain@contoso.com,Plain,,Exchange Administrator,mobilePhone,+81 090-0000-5678,,,\n");
            let base = script(&harmless, lang, tap);
            let base_block = data_lines(&base).join("\n");
            assert_eq!(s.replacen(&block, "", 1), base.replacen(&base_block, "", 1));
        }
    }
}

#[test]
fn the_script_is_safe_by_default() {
    let csv = format!("{HEADER}a@contoso.com,A,id-a,Exchange Administrator,mobilePhone;email,+81 090-1234-5678,a@fabrikam.example,,\n");
    let s = script(&csv, Lang::En, false);
    assert!(s.starts_with('\u{FEFF}'), "a byte order mark for Windows PowerShell 5.1");
    assert!(s.contains("[CmdletBinding(SupportsShouldProcess = $true"));
    assert!(s.contains("param(\n    [switch]$Apply\n)"));
    // Writes happen only under -Apply and ShouldProcess; the rollback file comes first.
    let apply = s.find("if ($Apply -and $work.Count -gt 0)").unwrap();
    let rollback = s.find("Set-Content -Path $rollbackPath").unwrap();
    let first_write = s.find("New-MgUserAuthenticationEmailMethod").unwrap();
    assert!(apply < rollback && rollback < first_write);
    assert!(s[apply..first_write].contains("$PSCmdlet.ShouldProcess("));
    // Least scopes: the per-method read permission for the dry run, its write form only
    // with -Apply (and User.Read for the organization's verified domains: no tenant id).
    let run: Value = serde_json::from_str(s.lines().skip_while(|l| !l.starts_with("$Run = @'")).nth(1).unwrap()).unwrap();
    assert_eq!(run["readScopes"], serde_json::json!(["UserAuthMethod-Phone.Read.All", "User.Read"]));
    assert_eq!(run["writeScopes"], serde_json::json!(["UserAuthMethod-Phone.ReadWrite.All", "User.Read"]));
    assert!(s.contains("$scopes = @($Run.readScopes)\n        if ($Apply) {\n            $scopes = @($Run.writeScopes)"));
    // Graph cmdlets ignore the script's $ErrorActionPreference: a failed read or write stops.
    assert!(s.contains("$PSDefaultParameterValues['*-Mg*:ErrorAction'] = 'Stop'"));
    for cmd in [
        "New-MgUserAuthenticationEmailMethod -UserId $w.UserId -ErrorAction Stop",
        "Get-MgUserAuthenticationPhoneMethod -UserId $UserId -ErrorAction Stop",
    ] {
        assert!(s.contains(cmd), "{cmd}");
    }
    // Whatever stops it, the transcript stops (and the passes come after).
    let started = s.find("Start-Transcript").unwrap();
    assert!(s[started..].contains("\ntry {\n") && s.contains("} finally {\n    try {\n        Stop-Transcript"));
    // Only the allowed write cmdlets; never a removal.
    let writes: Vec<&str> = s
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| ["New-Mg", "Update-Mg", "Remove-Mg", "Set-Mg", "Invoke-Mg"].iter().any(|p| w.starts_with(p)))
        .collect();
    for w in &writes {
        assert!(
            ["New-MgUserAuthenticationPhoneMethod", "Update-MgUserAuthenticationPhoneMethod", "New-MgUserAuthenticationEmailMethod"]
                .contains(w),
            "{w}"
        );
    }
    assert!(!s.contains("TemporaryAccessPass"));
    assert!(s.contains("($a.upn -eq $me)"), "never the account it runs as");
    assert!(s.contains("Start-Transcript") && s.contains("Read-Methods -UserId $w.UserId"), "a transcript, and a read afterwards");
    let with_tap = script(&csv, Lang::En, true);
    assert!(with_tap.contains("New-MgUserAuthenticationTemporaryAccessPassMethod"));
}

#[test]
fn nothing_to_do_says_so() {
    let csv = format!("{HEADER}f@contoso.com,F,id-f,Exchange Administrator,email;microsoftAuthenticatorPush,,f@fabrikam.example,,\n");
    for (lang, nothing) in
        [(Lang::En, "No account in the export needs a change"), (Lang::Ja, "変更が必要なアカウントは、エクスポートにありません")]
    {
        let s = script(&csv, lang, false);
        assert!(data_lines(&s).is_empty());
        // The messages are data too (\u escapes): read them as the script does.
        let text_line = s.lines().skip_while(|l| !l.starts_with("$Text = @'")).nth(1).unwrap();
        let text: Value = serde_json::from_str(text_line).unwrap();
        assert!(text["nothing"].as_str().unwrap().contains(nothing));
        assert!(s.contains("if ($Accounts.Count -eq 0) {\n    Write-Host $Text.nothing\n    return\n}"));
    }
}

#[test]
fn owner_messages_in_the_chosen_language() {
    let csv = format!("{HEADER}a@contoso.com,A,id-a,Exchange Administrator,mobilePhone;email,+81 9012345678,a@fabrikam.example,,\n");
    let ja = script(&csv, Lang::Ja, false);
    let text_line = ja.lines().skip_while(|l| !l.starts_with("$Text = @'")).nth(1).unwrap();
    let text: Value = serde_json::from_str(text_line).unwrap();
    assert!(text["ownerMessage"].as_str().unwrap().contains("{2} で登録してください"));
    assert_eq!(text["securityInfo"], "https://aka.ms/mysecurityinfo");
    assert!(ja.contains("# アカウントの所有者にしかできないこと"));
    let line = data_lines(&ja)[0];
    assert!(line.contains("\"before\":\"2027-02-01\""), "{line}");
}
