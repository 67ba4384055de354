//! Contract v1.2 "Fix plan": what takes one account from its findings to fixed, in the order
//! to do it, who does each step, and whether the fix script does it. Conclusions only: the
//! words (sspr-words, `plan`) and the script (sspr-audit-output, `fix_script`) say them.

use serde::Serialize;

/// One step of an account's plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    pub id: ActionId,
    pub by: Actor,
    /// The least-privileged Entra role that may do it for this account (null when the
    /// owner does it, or when Learn names none).
    pub role: Option<AdminRole>,
    /// The fix script does it (only the operator's changes to methods).
    pub scriptable: bool,
    pub detail: ActionDetail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionId {
    ReviewManually,
    AddEmailMethod,
    AddPhoneMethod,
    FixPhoneNumber,
    IssueTemporaryAccessPass,
    UserRegistersMethod,
    EnableAdminSspr,
    ConfigureTelephonyProvider,
}

impl ActionId {
    pub fn as_str(self) -> &'static str {
        match self {
            ActionId::ReviewManually => "review_manually",
            ActionId::AddEmailMethod => "add_email_method",
            ActionId::AddPhoneMethod => "add_phone_method",
            ActionId::FixPhoneNumber => "fix_phone_number",
            ActionId::UserRegistersMethod => "user_registers_method",
            ActionId::IssueTemporaryAccessPass => "issue_temporary_access_pass",
            ActionId::EnableAdminSspr => "enable_admin_sspr",
            ActionId::ConfigureTelephonyProvider => "configure_telephony_provider",
        }
    }
}

/// Who does a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Actor {
    /// An administrator (the one who runs the fix script).
    Operator,
    /// The account's owner.
    Owner,
    /// The organization (a decision or a purchase, not a change to one account).
    Organization,
}

/// The Entra roles a plan names (facts::methods_admin_role decides which).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum AdminRole {
    AuthenticationAdministrator,
    PrivilegedAuthenticationAdministrator,
    PrivilegedRoleAdministrator,
}

/// A phone method's type, as Microsoft Graph names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PhoneMethodType {
    Mobile,
    AlternateMobile,
    Office,
}

impl PhoneMethodType {
    pub fn as_str(self) -> &'static str {
        match self {
            PhoneMethodType::Mobile => "mobile",
            PhoneMethodType::AlternateMobile => "alternateMobile",
            PhoneMethodType::Office => "office",
        }
    }
}

/// Why the file does not say enough to act safely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ReviewReason {
    /// A spreadsheet damaged the number (`8.19E+11`, a lost `+`): never guessed.
    SpreadsheetDamaged,
    /// Several rows for the account disagree.
    ConflictingRows,
    /// The account has methods we do not know.
    UnknownMethods,
    /// Neither a user name nor an object id: nothing to address it by.
    NoAccountKey,
    /// The number is wrong and no correction is certain.
    PhoneUncertain,
}

/// What each action needs (contract: `detail`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged, rename_all_fields = "camelCase")]
pub enum ActionDetail {
    FixPhone {
        phone_type: PhoneMethodType,
        from: String,
        to: String,
    },
    AddPhone {
        phone_type: PhoneMethodType,
        to: String,
    },
    AddEmail {
        to: String,
    },
    /// `user_registers_method`: the date that makes it urgent (`YYYY-MM-DD`), or null.
    Before {
        before: Option<String>,
    },
    Pass {
        lifetime_minutes: u32,
    },
    /// `configure_telephony_provider`: the date Microsoft's SMS and voice stop.
    Date {
        date: String,
    },
    Review {
        reason: ReviewReason,
    },
    None {},
}
