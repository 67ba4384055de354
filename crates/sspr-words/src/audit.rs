//! The audit's words (labels published to the page, problems, missing columns, errors),
//! in `audit_en.rs` and `audit_ja.rs`.

use serde::Serialize;

use crate::model_audit::Encoding;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditLabels {
    pub title: &'static str,
    pub status: ByStatus,
    pub status_help: ByStatus,
    pub role: ByRole,
    pub column: ByColumn,
    pub summary: BySummary,
    pub chart_title: &'static str,
    pub lose_method: &'static str,
    pub cannot_reset: &'static str,
    pub applies_to: ByAppliesTo,
    pub tenant_title: &'static str,
    pub accounts_title: &'static str,
    pub problems_title: &'static str,
    pub missing_title: &'static str,
    pub sources_title: &'static str,
    /// `{date}`.
    pub today: &'static str,
    pub no_findings: &'static str,
    pub formats: ByFormat,
    pub usable_methods: ByGate,
    /// `{line}`.
    pub line: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub not_known: &'static str,
    /// `{role}`: a role held only as a PIM-eligible assignment.
    pub eligible_role: &'static str,
    /// What the audit assumes of a role that is only eligible (Learn is silent).
    pub eligible_assumed: &'static str,
    /// The heading of the details of the accounts to fix (Markdown and text exports).
    pub to_fix: &'static str,
    /// A file read: `{name}`, `{format}`, `{encoding}`, `{rows}`; and without a name.
    pub source: &'static str,
    pub source_unnamed: &'static str,
    /// A short name for every finding id, for the table and its filter.
    pub finding_names: std::collections::BTreeMap<&'static str, &'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ByStatus {
    pub fails: &'static str,
    pub at_risk: &'static str,
    pub ok: &'static str,
    pub unknown: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ByRole {
    pub global_admin: &'static str,
    pub admin: &'static str,
    pub user: &'static str,
    pub unknown: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ByColumn {
    pub upn: &'static str,
    pub display_name: &'static str,
    pub status: &'static str,
    pub role: &'static str,
    pub roles: &'static str,
    pub methods: &'static str,
    pub usable: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub sms_retirement_date: &'static str,
    pub findings: &'static str,
    pub line: &'static str,
    /// v1.2: the fix plan (also the heading of the plan in an account's details).
    pub plan: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BySummary {
    pub total: &'static str,
    pub admins: &'static str,
    pub can_reset_today: &'static str,
    pub depend_on_microsoft_sms: &'static str,
    pub global_admins: &'static str,
    pub global_admins_can_reset: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ByAppliesTo {
    pub all_users: &'static str,
    pub global_admins_and_external_users: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ByFormat {
    pub entra_registration_details: &'static str,
    pub graph_registration_details: &'static str,
    pub graph_methods: &'static str,
    pub admin_script: &'static str,
    pub msonline: &'static str,
    pub community_mfa_report: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ByGate {
    pub email: &'static str,
    pub mobile_phone: &'static str,
    pub office_phone: &'static str,
    pub authenticator_app: &'static str,
    pub hardware_token: &'static str,
}

impl ByStatus {
    pub fn get(&self, s: crate::model_audit::Status) -> &'static str {
        use crate::model_audit::Status::*;
        match s {
            Fails => self.fails,
            AtRisk => self.at_risk,
            Ok => self.ok,
            Unknown => self.unknown,
        }
    }
}

impl ByRole {
    pub fn get(&self, role: &str) -> &'static str {
        match role {
            "globalAdmin" => self.global_admin,
            "admin" => self.admin,
            "user" => self.user,
            _ => self.unknown,
        }
    }
}

impl ByFormat {
    pub fn get(&self, f: &str) -> &'static str {
        match f {
            "entraRegistrationDetails" => self.entra_registration_details,
            "graphRegistrationDetails" => self.graph_registration_details,
            "graphMethods" => self.graph_methods,
            "adminScript" => self.admin_script,
            "msonline" => self.msonline,
            _ => self.community_mfa_report,
        }
    }
}

impl ByGate {
    pub fn get(&self, g: crate::cause::Gate) -> &'static str {
        use crate::cause::Gate::*;
        match g {
            Email => self.email,
            MobilePhone => self.mobile_phone,
            OfficePhone => self.office_phone,
            AuthenticatorApp => self.authenticator_app,
            HardwareToken => self.hardware_token,
        }
    }
}

pub fn encoding_name(e: Encoding) -> &'static str {
    match e {
        Encoding::Utf8 => "UTF-8",
        Encoding::Utf8Bom => "UTF-8 (BOM)",
        Encoding::Utf16Le => "UTF-16 LE",
        Encoding::Utf16Be => "UTF-16 BE",
        Encoding::ShiftJis => "Shift_JIS",
        Encoding::Windows1252 => "Windows-1252",
    }
}
