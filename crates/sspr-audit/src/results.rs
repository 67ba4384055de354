//! What the audit concludes that needs no words: the counts of the summary, the columns
//! read, the files read, a table row. The worded parts of the report (accounts with their
//! findings, problems, what missing columns leave undecided) are in sspr-audit-output.
//! Field order is the serialized order.

use serde::Serialize;

use crate::assess::Status;
use crate::columns::Field;
use crate::report::FindingId;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub total: usize,
    /// Accounts known to be administrators.
    pub admins: usize,
    pub fails: usize,
    pub at_risk: usize,
    pub ok: usize,
    pub unknown: usize,
    /// Administrators (or accounts not known not to be) that could reset today.
    pub can_reset_today: usize,
    /// Accounts with `sms_dependent`.
    pub depend_on_microsoft_sms: usize,
    /// Addition: Global Administrators in the file (null when roles are unknown), and how
    /// many could reset today.
    pub global_admins: Option<usize>,
    pub global_admins_can_reset: Option<usize>,
    /// Addition: for each retirement date, how many accounts lose a phone method then, and
    /// how many of them can no longer reset (the chart).
    pub retirement: Vec<RetirementDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RetirementDate {
    pub date: String,
    /// Who this date applies to: `allUsers` or `globalAdminsAndExternalUsers`.
    pub applies_to: &'static str,
    pub lose_method: usize,
    pub cannot_reset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnRead {
    pub name: String,
    pub field: Field,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub name: Option<String>,
    pub format: &'static str,
    pub encoding: String,
    pub rows: usize,
}

/// One account in brief, for the page's table (the full Account is built when a row is
/// opened or exported).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub index: usize,
    pub upn: Option<String>,
    pub display_name: Option<String>,
    pub status: Status,
    /// `globalAdmin`, `admin`, `user` or `unknown`.
    pub role: &'static str,
    pub findings: Vec<FindingId>,
    pub sms_retirement_date: Option<String>,
    pub usable: usize,
}

/// The columns (or properties) read and ignored; the output adds what missing ones leave
/// undecided, in words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnsRead {
    pub read: Vec<ColumnRead>,
    pub ignored: Vec<String>,
}
