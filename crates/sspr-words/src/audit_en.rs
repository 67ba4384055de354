//! English words of the audit: labels, problems with the input, what missing columns
//! leave undecided, and why a file cannot be read. Twin of `audit_ja.rs`.

use super::audit::*;
use crate::facts::*;
use crate::model_audit::{AuditError, Field, ProblemKind, MAX_ACCOUNTS, MAX_INPUT_BYTES};
use crate::names::*;

pub fn labels() -> AuditLabels {
    AuditLabels {
        title: "Administrator audit",
        status: ByStatus { fails: "Fails today", at_risk: "At risk", ok: "OK", unknown: "Unknown" },
        status_help: ByStatus {
            fails: "The password reset would fail today.",
            at_risk: "Works today, but stops on a known date or rests on something broken.",
            ok: "Two working methods that do not depend on Microsoft's SMS and voice.",
            unknown: "The file does not hold enough to decide.",
        },
        role: ByRole {
            global_admin: "Global Administrator",
            admin: "Administrator",
            user: "Not an administrator",
            unknown: "Role unknown",
        },
        column: ByColumn {
            upn: "User name",
            display_name: "Name",
            status: "Status",
            role: "Role",
            roles: "Roles",
            methods: "Registered methods",
            usable: "Usable for reset",
            phone: "Phone",
            email: "Alternate email",
            sms_retirement_date: "Microsoft SMS/voice ends",
            findings: "Findings",
            line: "Line",
            plan: "Fix plan",
        },
        summary: BySummary {
            total: "Accounts",
            admins: "Administrators",
            can_reset_today: "Administrators who can reset today",
            depend_on_microsoft_sms: "Depend on Microsoft SMS/voice",
            global_admins: "Global Administrators",
            global_admins_can_reset: "Global Administrators who can reset today",
        },
        chart_title: "When Microsoft's SMS and voice end",
        lose_method: "lose a phone method",
        cannot_reset: "can no longer reset",
        applies_to: ByAppliesTo {
            all_users: "everyone else",
            global_admins_and_external_users: "Global Administrators and external users",
        },
        tenant_title: "The organization",
        accounts_title: "Accounts",
        problems_title: "Problems reading the file",
        missing_title: "Missing from the file",
        sources_title: "Read from",
        today: "Checked for {date}",
        no_findings: "Nothing found.",
        formats: ByFormat {
            entra_registration_details: "Entra admin center: User registration details",
            graph_registration_details: "Microsoft Graph: userRegistrationDetails",
            graph_methods: "Microsoft Graph: phone and email methods",
            admin_script: "SSPR Doctor's administrator script",
            msonline: "MSOnline export (legacy)",
            community_mfa_report: "MFA or SSPR status report (community script)",
        },
        usable_methods: ByGate {
            email: "email",
            mobile_phone: "mobile phone",
            office_phone: "office phone",
            authenticator_app: "Microsoft Authenticator",
            hardware_token: "hardware OATH token",
        },
        line: "line {line}",
        yes: "yes",
        no: "no",
        not_known: "not known",
        eligible_role: "{role} (eligible)",
        eligible_assumed: "A role held only as an eligible (PIM) assignment is counted as if active: the account can activate it at any time, and Microsoft Learn does not say which reset policy applies before it does.",
        to_fix: "What to fix, account by account",
        source: "{name} — {format} ({encoding}, {rows} rows)",
        source_unnamed: "{format} ({encoding}, {rows} rows)",
        finding_names: names(&[
            ("no_global_admin_can_reset", "No Global Administrator can reset"),
            ("few_global_admins_can_reset", "Only one Global Administrator can reset"),
            ("throttled", "Too many attempts"),
            ("sms_rate_limited", "Text-code limit reached"),
            ("not_admin", "Not an administrator"),
            ("personal_account", "Personal Microsoft account"),
            ("sspr_disabled", "Reset turned off"),
            ("password_writeback", "Password writeback"),
            ("reset_not_configured", "Reset not configured"),
            ("username_invalid", "User name not valid"),
            ("methods_not_registered", "Contact data not registered as methods"),
            ("mobile_phone_missing", "No mobile number"),
            ("alternate_email_missing", "No alternate email"),
            ("alternate_email_invalid", "Alternate email not valid"),
            ("trunk_prefix_after_country_code", "0 kept after the country code"),
            ("country_code_missing", "No country code"),
            ("phone_invalid", "Phone number not valid"),
            ("phone_not_mobile", "Not a mobile number"),
            ("phone_number_mismatch", "Number does not match"),
            ("non_carrier_sms_service", "App or VoIP number"),
            ("alternate_email_typo", "Alternate email mistyped"),
            ("alternate_email_in_tenant", "Alternate email inside the organization"),
            ("alternate_email_carrier_filter", "Carrier mail filter"),
            ("not_sspr_capable", "Microsoft says not SSPR-capable"),
            ("too_few_methods", "Too few methods"),
            ("alternate_mobile_only", "Only an alternate mobile"),
            ("phone_mangled", "Number damaged by a spreadsheet"),
            ("sms_dependent", "Depends on Microsoft SMS/voice"),
            ("sms_retirement_exposure", "Administrators losing SMS/voice"),
            ("shared_contact", "Shared phone or mailbox"),
            ("microsoft_sms_retired", "Microsoft SMS/voice ended"),
            ("region_opt_in_required", "Region needs opt-in"),
            ("carrier_rejects_us_sms", "Carrier blocks texts from abroad"),
            ("reset_link_not_clicked", "Reset link not clicked"),
            ("junk_folder", "Junk folder"),
            ("sender_not_safelisted", "Sender not trusted"),
            ("sms_delivery", "Text delivery"),
            ("email_delivery", "Email delivery"),
            ("msonline_retired", "MSOnline retired"),
            ("policy_output_unrecognized", "Policy output not recognized"),
            ("license_required", "Reset not enabled or no licence"),
            ("email_not_sign_in_name", "Email typed instead of sign-in name"),
            ("contact_unreachable", "Page could not contact the user"),
            ("on_premises_sync_pending", "Reset on-premises, cloud pending"),
            ("user_policy_applies", "User policy applies (roles)"),
            ("guest_resets_at_home", "Guest: resets at home"),
            ("page_message_unrecognized", "Page message not recognized"),
        ]),
    }
}

pub fn problem(p: &ProblemKind) -> String {
    use ProblemKind::*;
    match p {
        ArrayNotJoined { rows, column } => fill!(
            "{rows} row(s) have \"System.String[]\" in the {} column: the script exported a list without joining it, so its items are lost. In the script, write the column as @{{n='{}'; e={{ $_.{} -join ';' }}}}, or use the script on this page.",
            column.as_str(),
            column.as_str(),
            pascal(*column)
        ),
        MaskedNumbers { count } => fill!("{count} phone number(s) are masked (as Microsoft shows them to some roles), so they could not be checked. Export as a {ROLE_PRIV_AUTH_ADMIN_EN} or {ROLE_GLOBAL_ADMIN_EN}, or read them with UserAuthenticationMethod.Read.All."),
        DamagedNumbers { count } => fill!("{count} phone number(s) were damaged by a spreadsheet (8.19E+11, a lost \"+\"); see phone_mangled in those accounts."),
        QuestionMarks { count } => fill!("{count} name(s) show \"?\" where letters were: Windows PowerShell 5.1 wrote the file in ASCII. Export with -Encoding UTF8 to keep them."),
        InvalidBytes { count, encoding } => fill!("{count} byte sequence(s) are not valid in the file's encoding ({}); they are shown as \u{FFFD}.", encoding_name(*encoding)),
        CutCells => "A cell is longer than 64 KB and was cut.".into(),
        Unterminated => "A quoted cell never closes: the rest of the file was read as one cell.".into(),
        ExtraCells { rows } => fill!("{rows} row(s) have more cells than the header; the extra cells were ignored."),
        NoUser => "This row names no user (no user name or object id) and was skipped.".into(),
        MergedRows { rows } => fill!("{rows} row(s) repeat an account already read; they were merged into it."),
        MatchedByIdEnding { key, id } => fill!("The methods listed under \"{key}\" were joined to the account whose object id is {id}."),
        UnknownMethods { names } => fill!("Method names not known to this tool (not counted): {}.", names.join(", ")),
        TooManyAccounts { max } => fill!("The file has more than {max} accounts; only the first {max} were read."),
        AdminPlaceholders { rows } => fill!("{rows} account(s) have \"-\" as isAdmin where others have True: read as not an administrator."),
        SeveralTenants { tenants } => fill!("The files (or the tenant id given) name more than one tenant ({}): they are audited together, but no fix script is made for them. Audit each organization's files apart.", tenants.join(", ")),
        BadTenantId { rows } => fill!("{rows} tenantId cell(s) are not a tenant id (a GUID such as 00000000-0000-0000-0000-000000000000) and were not read."),
    }
}

pub fn missing(field: &str) -> String {
    match field {
        "isAdmin" => fill!("Who is an administrator: accounts are checked against the administrators' rule ({ADMIN_METHODS_REQUIRED} methods); where only that rule makes an account fail, it is \"unknown\"."),
        "roles" => fill!("Which accounts are Global Administrators: whether one can reset today is not checked, and each account gets the earlier SMS end date ({SMS_RETIREMENT_ALL_USERS}; {SMS_RETIREMENT_GLOBAL_ADMINS} for Global Administrators)."),
        "methodsRegistered" => "The registered methods: an account is decided only from the phones and addresses in the file; otherwise it is \"unknown\".".into(),
        "phoneNumber" => "The phone numbers: country code, trunk prefix, validity, type and regional opt-in are not checked.".into(),
        "authEmail" => "The alternate email addresses: their syntax, typos and whether they are inside the organization are not checked.".into(),
        _ => String::new(),
    }
}

pub fn error(e: &AuditError) -> String {
    match e {
        AuditError::Empty => "The file is empty.".into(),
        AuditError::TooLarge { bytes } => fill!("The file is {} MB; files up to {} MB can be checked. Export only the administrators (the script on this page does).", bytes / 1_000_000, MAX_INPUT_BYTES / 1_000_000),
        AuditError::TooManyColumns { columns } => fill!("The first line has {columns} columns: this is not an export of accounts (at most 1024 columns)."),
        AuditError::NotJson { message } => fill!("The file starts like JSON but is not valid JSON ({message})."),
        AuditError::NoFormat { columns } => fill!(
            "No column names a user, so this is not an export this tool reads. It looked for a user name (userPrincipalName, UPN, User principal name) or an object id (id, ObjectId). The file's columns: {}. It reads: the Entra admin center's User registration details download, Microsoft Graph userRegistrationDetails and phone/email methods (JSON or Export-Csv), the script on this page, MSOnline exports and community MFA reports.",
            if columns.is_empty() { "none".to_string() } else { columns.join(", ") }
        ),
        AuditError::NoAccounts => fill!("The file has a header but no account (at most {MAX_ACCOUNTS} are read)."),
        AuditError::BadTenantId => "The tenant id given is not a tenant id: it is a GUID such as 00000000-0000-0000-0000-000000000000 (Microsoft Entra admin center → Entra ID → Overview → Tenant ID).".to_string(),
    }
}

fn names(pairs: &[(&'static str, &'static str)]) -> std::collections::BTreeMap<&'static str, &'static str> {
    sspr_model::order::map(pairs.iter().copied())
}

fn pascal(f: Field) -> String {
    let s = f.as_str();
    let mut c = s.chars();
    c.next().map(|f| std::iter::once(f.to_ascii_uppercase()).chain(c).collect()).unwrap_or_default()
}
