//! Contract v1.2 "Fix script": the plans of an audit as a Microsoft Graph PowerShell script
//! that an operator reads, runs as a dry run, then applies.
//!
//! Why it is safe to run on a real tenant: every value from the export travels as data, one
//! JSON document per line inside a single-quoted here-string, read with ConvertFrom-Json
//! (one line at a time: Windows PowerShell 5.1's ConvertFrom-Json refuses documents over
//! 2 MB). The JSON is ASCII (everything else is `\uXXXX`), so no value can hold a line
//! break, and a here-string ends only at `'@` at the start of a line, where every data line
//! has `{`. Control and direction characters are removed from what the script prints. No
//! comment holds a value from the export. The code around the data is fixed text
//! (`template.ps1`); only the facts (cmdlets, scopes) and our own words are put into it.
//!
//! Why it cannot write to the wrong place (v1.3): it signs in to the cloud of the export's
//! organization, and with its tenant id when known, and before anything is read it stops
//! unless `Get-MgContext` shows that tenant and cloud, or (no tenant id) unless the
//! signed-in organization's verified domains hold every user-name domain of the export.
//! Files of more than one tenant get no script at all.

mod run;

use serde::Serialize;
use sspr_model::audit::TenantId;
use sspr_model::case::Lang;
use sspr_model::facts;
use sspr_model::plan::{Action, ActionId};
use sspr_words::fix_script::{comments, guard_line, messages, needs_role, scopes_line, FixScriptMessages};

use self::run::{Changes, Run};
use crate::report::{AuditReport, Organization};

/// Why no script is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FixScriptError {
    /// The files (or the `tenantId` option) name more than one tenant: a script for them
    /// could not tell which organization to write to.
    SeveralTenants(Vec<TenantId>),
    /// v1.3: contact data is masked (`redaction_blocks_script`): a script of pseudonyms and
    /// masked numbers would write to the wrong accounts, or to none.
    Redacted,
}

impl FixScriptError {
    /// The reason in the reader's language.
    pub fn message(&self, l: Lang) -> String {
        match self {
            FixScriptError::SeveralTenants(t) => {
                let p = sspr_model::audit::ProblemKind::SeveralTenants { tenants: t.iter().map(|t| t.to_string()).collect() };
                sspr_words::audit_problem(&p, l)
            }
            FixScriptError::Redacted => sspr_words::orgs::redaction_blocks_script(l).to_string(),
        }
    }

    /// A stable id for the reason (`severalTenants`, `redaction_blocks_script`).
    pub fn code(&self) -> &'static str {
        match self {
            FixScriptError::SeveralTenants(_) => "severalTenants",
            FixScriptError::Redacted => "redaction_blocks_script",
        }
    }
}

const TEMPLATE: &str = include_str!("template.ps1");

/// Contract v1.2 FixOptions (`today` and `tenantDomains` are the audit's, already applied).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FixOptions {
    pub lang: Lang,
    /// Include the Temporary Access Pass step (off by default).
    pub temporary_access_pass: bool,
}

/// The script's data about one account.
#[derive(Serialize)]
struct Line<'a> {
    upn: Option<&'a str>,
    id: Option<&'a str>,
    /// What the script prints for the account: the user name (or id), without control
    /// or direction characters.
    shown: String,
    actions: Vec<&'a Action>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TextData {
    #[serde(flatten)]
    messages: FixScriptMessages,
    install: &'static str,
    /// Where owners register methods, in the organization's cloud.
    security_info: &'static str,
    /// `{0}`: why an account is left to a person.
    review: &'static str,
    reasons: std::collections::BTreeMap<&'static str, &'static str>,
}

/// What a terminal could take for a command (ANSI escapes, other control characters) or
/// that turns text around (bidirectional overrides): never printed.
pub(crate) fn printable(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() && !matches!(*c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .take(256)
        .collect()
}

/// JSON with only ASCII in it: every other character as `\uXXXX` (surrogate pairs above the
/// BMP), so the line cannot break and the file's encoding cannot change what it says.
fn ascii_json<T: Serialize>(v: &T) -> String {
    let json = serde_json::to_string(v).unwrap_or_else(|_| "null".into());
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if c.is_ascii() && !c.is_ascii_control() {
            out.push(c);
        } else {
            let mut buf = [0u16; 2];
            for unit in c.encode_utf16(&mut buf) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

fn review_reasons(l: Lang) -> std::collections::BTreeMap<&'static str, &'static str> {
    use sspr_model::plan::ReviewReason as R;
    let reasons = [
        (R::SpreadsheetDamaged, "spreadsheetDamaged"),
        (R::ConflictingRows, "conflictingRows"),
        (R::UnknownMethods, "unknownMethods"),
        (R::NoAccountKey, "noAccountKey"),
        (R::PhoneUncertain, "phoneUncertain"),
    ];
    sspr_model::order::map(reasons.into_iter().map(|(r, k)| (k, sspr_words::plan::review_reason(r, l))))
}

/// The actions the script acts on or tells about: the operator's changes (TAP only when
/// asked), the owner's registration, and what is left to a person.
fn kept(a: &Action, opts: &FixOptions) -> bool {
    match a.id {
        ActionId::AddEmailMethod | ActionId::IssueTemporaryAccessPass if !a.scriptable => false,
        ActionId::IssueTemporaryAccessPass => opts.temporary_access_pass,
        ActionId::FixPhoneNumber | ActionId::AddPhoneMethod | ActionId::AddEmailMethod => a.scriptable,
        ActionId::UserRegistersMethod | ActionId::ReviewManually => true,
        ActionId::EnableAdminSspr | ActionId::ConfigureTelephonyProvider => false,
    }
}

/// One account's data line, or nothing when the script has nothing to do or say for it.
fn line(upn: Option<&str>, id: Option<&str>, plan: &[&Action], opts: &FixOptions, changes: &mut Changes) -> Option<String> {
    let actions: Vec<&Action> = plan.iter().copied().filter(|a| kept(a, opts)).collect();
    if actions.is_empty() {
        return None;
    }
    actions.iter().for_each(|a| changes.add(a));
    let shown = printable(upn.or(id).unwrap_or("?"));
    Some(ascii_json(&Line { upn, id, shown, actions }))
}

/// The fix script for an audit's plans (contract: core `fix_script`). The same bytes for the
/// same report and options. The report's plans carry a Temporary Access Pass only when its
/// audit was made with `temporaryAccessPass`: with it off there, the script has none.
pub fn fix_script(report: &AuditReport, opts: &FixOptions) -> Result<String, FixScriptError> {
    if report.redacted {
        return Err(FixScriptError::Redacted);
    }
    if report.organization.tenant_ids.len() > 1 {
        return Err(FixScriptError::SeveralTenants(report.organization.tenant_ids.clone()));
    }
    let mut changes = Changes::default();
    let lines: Vec<String> = report
        .accounts
        .iter()
        .filter_map(|acc| {
            let plan: Vec<&Action> = acc.plan.iter().map(|p| &p.action).collect();
            line(acc.upn.as_deref(), acc.id.as_deref(), &plan, opts, &mut changes)
        })
        .collect();
    Ok(write(&lines.join("\n"), &report.organization, &changes, opts))
}

/// The same script straight from an audit session, without putting every account into
/// words first (the command line and the page: 100,000 accounts). Checks what is not
/// checked yet.
pub fn fix_script_of(said: &mut crate::Said, opts: &FixOptions) -> Result<String, FixScriptError> {
    if said.redacted() {
        return Err(FixScriptError::Redacted);
    }
    if let sspr_audit::Tenancy::Several(t) = said.audit().tenancy() {
        return Err(FixScriptError::SeveralTenants(t));
    }
    // The pass is the script's option: the audit's own plans (its exports) stay as they were.
    let was = said.audit_mut().set_temporary_access_pass(opts.temporary_access_pass);
    said.audit_mut().assess_all();
    let audit = said.audit();
    let mut changes = Changes::default();
    let lines: Vec<String> = (0..audit.len())
        .filter_map(|i| {
            let a = audit.kept(i)?;
            let d = audit.data(i)?;
            let plan = audit.plan(i, a);
            line(d.upn.as_deref(), d.id.as_deref(), &plan.iter().collect::<Vec<_>>(), opts, &mut changes)
        })
        .collect();
    let org = Organization::of(audit);
    said.audit_mut().set_temporary_access_pass(was);
    Ok(write(&lines.join("\n"), &org, &changes, opts))
}

/// The script around its data lines (one JSON document per line, or none), for the
/// organization `org`, asking for what `changes` need.
pub fn write(account_lines: &str, org: &Organization, changes: &Changes, opts: &FixOptions) -> String {
    let l = opts.lang;
    let c = comments(l);
    let run = Run::new(org, changes);
    let text = TextData {
        messages: messages(l),
        install: facts::GRAPH_INSTALL_ALL,
        security_info: sspr_words::names::security_info(org.cloud, l),
        review: match l {
            Lang::En => "  Review by hand, nothing is changed: {0}",
            Lang::Ja => "  手作業で確認してください。何も変更しません: {0}",
        },
        reasons: review_reasons(l),
    };
    let mut header = String::from("<#\n");
    header.push_str(&format!(".SYNOPSIS\n    {}\n.DESCRIPTION\n", c.title));
    for u in c.usage {
        header.push_str(&format!("    {u}\n"));
    }
    header.push_str(&format!("    {}\n", c.never));
    if run.sign_in {
        header.push_str(&format!("    {}\n", needs_role(&sspr_words::plan::role_name(changes.role(), l), l)));
        header.push_str(&format!("    {}\n", scopes_line(&run.read_scopes, &run.write_scopes, l)));
        header.push_str(&format!("    {}\n", guard_line(org.tenant_id.is_some(), l)));
    }
    header.push_str("#>");
    let mut body = TEMPLATE
        .replace("{{HEADER}}", &header)
        .replace("{{C_TEXT}}", c.text_data)
        .replace("{{C_RUN}}", c.run_data)
        .replace("{{C_ACCOUNTS}}", c.account_data)
        .replace("{{C_SIGN_IN}}", c.sign_in)
        .replace("{{C_GUARD}}", c.guard)
        .replace("{{C_READ}}", c.read)
        .replace("{{C_ROLLBACK}}", c.rollback)
        .replace("{{C_WRITE}}", c.write)
        .replace("{{C_VERIFY}}", c.verify)
        .replace("{{C_OWNERS}}", c.owners)
        .replace("{{C_PASSES}}", c.passes)
        .replace("{{CMD_CONNECT}}", facts::CMD_CONNECT)
        .replace("{{CMD_CONTEXT}}", facts::CMD_CONTEXT)
        .replace("{{CMD_ORGANIZATION}}", facts::CMD_ORGANIZATION)
        .replace("{{CMD_READ_PASSES}}", facts::CMD_READ_PASSES)
        .replace("{{CMD_READ_PHONES}}", facts::CMD_READ_PHONES)
        .replace("{{CMD_READ_EMAILS}}", facts::CMD_READ_EMAILS)
        .replace("{{CMD_ADD_PHONE}}", facts::CMD_ADD_PHONE)
        .replace("{{CMD_UPDATE_PHONE}}", facts::CMD_UPDATE_PHONE)
        .replace("{{CMD_ADD_EMAIL}}", facts::CMD_ADD_EMAIL)
        .replace("{{CMD_ADD_TAP}}", facts::CMD_ADD_TAP)
        .replace("{{TEXT_JSON}}", &ascii_json(&text))
        .replace("{{RUN_JSON}}", &ascii_json(&run));
    if !opts.temporary_access_pass {
        body = without_tap(&body);
    } else {
        body = body.lines().filter(|l| !matches!(l.trim(), "#tap:begin" | "#tap:end")).collect::<Vec<_>>().join("\n") + "\n";
    }
    // The data last: nothing after this replacement reads the text again.
    let body = body.replace("{{ACCOUNT_LINES}}", account_lines);
    // A byte order mark: Windows PowerShell 5.1 reads a file without one in the ANSI code
    // page, and the comments may be Japanese.
    format!("\u{FEFF}{body}")
}

/// The template without its Temporary Access Pass blocks.
fn without_tap(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut skipping = false;
    for line in s.lines() {
        match line.trim() {
            "#tap:begin" => skipping = true,
            "#tap:end" => skipping = false,
            _ if !skipping => {
                out.push_str(line);
                out.push('\n');
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_is_ascii_and_one_line() {
        let s = ascii_json(&"a'\n'@\u{2028}日本\u{1F600}\u{1b}[31m");
        assert!(s.is_ascii() && !s.contains('\n'), "{s}");
        assert_eq!(serde_json::from_str::<String>(&s).unwrap(), "a'\n'@\u{2028}日本\u{1F600}\u{1b}[31m");
    }

    #[test]
    fn printed_text_has_no_control_or_direction_characters() {
        assert_eq!(printable("a\u{1b}[31mb\u{202E}c\u{0085}d"), "a[31mbcd");
    }

    #[test]
    fn the_tap_step_is_there_only_when_asked() {
        let org = Organization {
            tenant_id: None,
            domains: vec!["contoso.com".into()],
            cloud: sspr_model::case::Cloud::Public,
            tenant_ids: Vec::new(),
        };
        let off = write("", &org, &Changes::default(), &FixOptions { lang: Lang::En, temporary_access_pass: false });
        let on = write("", &org, &Changes::default(), &FixOptions { lang: Lang::En, temporary_access_pass: true });
        assert!(!off.contains(facts::CMD_ADD_TAP) && !off.contains("#tap:"));
        assert!(on.contains(facts::CMD_ADD_TAP) && !on.contains("#tap:"));
        assert!(!off.contains("{{") && !on.contains("{{"));
    }
}
