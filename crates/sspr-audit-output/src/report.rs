//! The audit's report (contract v1.1 "Bulk audit of administrators", with the additions
//! documented in docs/contract.md): the conclusions of sspr-audit in words. Field order is
//! the serialized order: the page's chunked JSON export writes the same bytes as
//! `serde_json::to_string` of this.

use serde::Serialize;

use sspr_audit::{ColumnRead, Gate, Source, Status, Summary};
use sspr_model::report::{EmailReport, Finding, PhoneReport};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditReport {
    /// The detected format; several files read together are joined with `+`.
    pub format: String,
    /// Addition: the text encoding of the (first) file.
    pub encoding: String,
    pub accounts: Vec<Account>,
    pub tenant: Tenant,
    pub summary: Summary,
    pub problems: Vec<Problem>,
    /// Addition: which columns were read, and what the missing ones leave undecided.
    pub columns: Columns,
    /// Addition: each file read, in order.
    pub sources: Vec<Source>,
    /// Addition: the date the report was made for (YYYY-MM-DD), or null.
    pub today: Option<String>,
    /// Addition: the notice of stale Microsoft facts on that date (as in Report), or null.
    pub facts_notice: Option<String>,
    /// v1.3: the organization the files are of.
    pub organization: Organization,
    /// v1.3 (addition): contact data is masked (contract "Redaction"); no fix script is made
    /// from such a report.
    pub redacted: bool,
}

/// v1.3: the organization of an audit: its tenant id when the files (or the `tenantId`
/// option) give exactly one, the domains of its accounts' user names, and (an addition)
/// its cloud. The fix script's guard stands on these; a redacted report shows its tenant
/// ids cut, and no script is made from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    pub tenant_id: Option<sspr_model::audit::TenantId>,
    pub domains: Vec<String>,
    pub cloud: sspr_model::case::Cloud,
    /// Addition: every tenant id the files and the option name (more than one: no fix
    /// script, `severalTenants`).
    pub tenant_ids: Vec<sspr_model::audit::TenantId>,
}

impl Organization {
    pub fn of(audit: &sspr_audit::Audit) -> Organization {
        Organization {
            tenant_id: match audit.tenancy() {
                sspr_audit::Tenancy::Known(t) => Some(t),
                _ => None,
            },
            domains: audit.domains(),
            cloud: audit.cloud(),
            tenant_ids: match audit.tenancy() {
                sspr_audit::Tenancy::Unknown => Vec::new(),
                sspr_audit::Tenancy::Known(t) => vec![t],
                sspr_audit::Tenancy::Several(t) => t,
            },
        }
    }

    /// As a report shows it: when `redacted`, its tenant ids cut to 8 characters.
    pub fn shown(self, redacted: bool) -> Organization {
        if !redacted {
            return self;
        }
        Organization {
            tenant_id: self.tenant_id.as_ref().map(sspr_model::audit::TenantId::cut),
            tenant_ids: self.tenant_ids.iter().map(sspr_model::audit::TenantId::cut).collect(),
            ..self
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub upn: Option<String>,
    pub display_name: Option<String>,
    pub is_admin: Option<bool>,
    /// Active role assignments as the file names them.
    pub roles: Vec<String>,
    /// The registered methods (Graph's `methodsRegistered` names; unknown names as given).
    pub methods: Vec<String>,
    pub phone: Option<PhoneReport>,
    pub email: Option<EmailReport>,
    pub status: Status,
    /// When Microsoft stops sending this account's texts and calls (YYYY-MM-DD), if it
    /// has a phone method and the organization has no own telephony provider.
    pub sms_retirement_date: Option<String>,
    pub findings: Vec<Finding>,
    /// Addition: the line (CSV) or position (JSON) of the account's first row.
    pub line: usize,
    /// Addition: the object id, when the file has it.
    pub id: Option<String>,
    /// Addition: PIM-eligible role assignments.
    pub eligible_roles: Vec<String>,
    /// Addition: a Global Administrator (active or eligible); null when the file does
    /// not say.
    pub global_admin: Option<bool>,
    /// Addition: the methods an administrator's reset could use today.
    pub usable_methods: Vec<Gate>,
    /// v1.2: the fix plan, in the order to do it; each action also in words (`text`).
    pub plan: Vec<PlannedAction>,
}

/// A fix-plan action (contract v1.2 `Action`) and, as an addition, the sentence that says it
/// in the report's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedAction {
    #[serde(flatten)]
    pub action: sspr_model::plan::Action,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tenant {
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// The line (CSV) or position (JSON) concerned; null for the whole file.
    pub line: Option<usize>,
    pub message: String,
    /// Addition: a stable code for the kind of problem.
    pub code: &'static str,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Columns {
    /// Each column (or property) that was read, with what it was read as.
    pub read: Vec<ColumnRead>,
    /// Columns that were not used.
    pub ignored: Vec<String>,
    /// What is missing, and what that leaves undecided.
    pub missing: Vec<Missing>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Missing {
    /// `isAdmin`, `roles`, `methodsRegistered`, `phoneNumber` or `authEmail`.
    pub field: &'static str,
    pub effect: String,
}
