//! The output. Contract v1, `shared/contract.md` → "Report". Field names and ids are a
//! contract with users and embedding pages: add, never rename.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// True when no finding is `blocking` or `likely`.
    pub ok: bool,
    pub findings: Vec<Finding>,
    pub resolution: Resolution,
    pub phone: Option<PhoneReport>,
    pub email: Option<EmailReport>,
    pub sspr_enabled: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub id: FindingId,
    pub severity: Severity,
    pub channel: Channel,
    pub title: String,
    pub detail: String,
    pub steps: Vec<String>,
    /// What was seen. A sorted map, so every front door serializes it identically.
    pub evidence: Evidence,
    /// Commands to run, for copy buttons (an addition to contract v1). The same commands
    /// also appear inside `steps`, so a reader of steps alone misses nothing.
    pub commands: Vec<Command>,
}

/// A command to run (Microsoft Graph PowerShell, or the Graph REST call).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Command {
    pub text: String,
    /// The retired MSOnline form, shown only so people recognize it: never to run.
    pub legacy: bool,
}

pub type Evidence = BTreeMap<String, String>;

/// Declaration order is the report order: blocking first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// This alone stops the message.
    Blocking,
    Likely,
    /// Could not be decided from the input: the user should verify it.
    Check,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Channel {
    Email,
    Sms,
    Both,
}

/// Finding ids. Declaration order is the tie-break within a severity: the most probable
/// cause first (a throttled or disabled reset explains everything else away).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingId {
    Throttled,
    NotAdmin,
    SsprDisabled,
    /// Addition to v1: the reset page reported a configuration problem (SSPR_0010..0013, 0029).
    ResetNotConfigured,
    UsernameInvalid,
    MobilePhoneMissing,
    AlternateEmailMissing,
    AlternateEmailInvalid,
    TrunkPrefixAfterCountryCode,
    CountryCodeMissing,
    PhoneInvalid,
    PhoneNotMobile,
    /// Addition to v1: the number typed on the reset page is not the one on file.
    PhoneNumberMismatch,
    NonCarrierSmsService,
    AlternateEmailTypo,
    AlternateEmailInTenant,
    /// Addition to v1: a Japanese mobile carrier's mail domain, whose filters often drop
    /// mail from computers and unknown senders.
    AlternateEmailCarrierFilter,
    TooFewMethods,
    MicrosoftSmsRetired,
    RegionOptInRequired,
    CarrierRejectsUsSms,
    ResetLinkNotClicked,
    JunkFolder,
    SenderNotSafelisted,
    MsonlineRetired,
    PolicyOutputUnrecognized,
    PageMessageUnrecognized,
}

impl FindingId {
    /// Which message the cause stops.
    pub fn channel(self) -> Channel {
        use FindingId::*;
        match self {
            AlternateEmailMissing
            | AlternateEmailInvalid
            | AlternateEmailTypo
            | AlternateEmailInTenant
            | AlternateEmailCarrierFilter
            | JunkFolder
            | SenderNotSafelisted => Channel::Email,
            CountryCodeMissing
            | TrunkPrefixAfterCountryCode
            | PhoneInvalid
            | PhoneNotMobile
            | NonCarrierSmsService
            | CarrierRejectsUsSms
            | ResetLinkNotClicked
            | RegionOptInRequired
            | MicrosoftSmsRetired
            | PhoneNumberMismatch => Channel::Sms,
            NotAdmin
            | SsprDisabled
            | ResetNotConfigured
            | PolicyOutputUnrecognized
            | UsernameInvalid
            | MobilePhoneMissing
            | TooFewMethods
            | MsonlineRetired
            | Throttled
            | PageMessageUnrecognized => Channel::Both,
        }
    }

    pub fn as_str(self) -> &'static str {
        use FindingId::*;
        match self {
            Throttled => "throttled",
            NotAdmin => "not_admin",
            SsprDisabled => "sspr_disabled",
            ResetNotConfigured => "reset_not_configured",
            UsernameInvalid => "username_invalid",
            MobilePhoneMissing => "mobile_phone_missing",
            AlternateEmailMissing => "alternate_email_missing",
            AlternateEmailInvalid => "alternate_email_invalid",
            TrunkPrefixAfterCountryCode => "trunk_prefix_after_country_code",
            CountryCodeMissing => "country_code_missing",
            PhoneInvalid => "phone_invalid",
            PhoneNotMobile => "phone_not_mobile",
            PhoneNumberMismatch => "phone_number_mismatch",
            NonCarrierSmsService => "non_carrier_sms_service",
            AlternateEmailTypo => "alternate_email_typo",
            AlternateEmailInTenant => "alternate_email_in_tenant",
            AlternateEmailCarrierFilter => "alternate_email_carrier_filter",
            TooFewMethods => "too_few_methods",
            MicrosoftSmsRetired => "microsoft_sms_retired",
            RegionOptInRequired => "region_opt_in_required",
            CarrierRejectsUsSms => "carrier_rejects_us_sms",
            ResetLinkNotClicked => "reset_link_not_clicked",
            JunkFolder => "junk_folder",
            SenderNotSafelisted => "sender_not_safelisted",
            MsonlineRetired => "msonline_retired",
            PolicyOutputUnrecognized => "policy_output_unrecognized",
            PageMessageUnrecognized => "page_message_unrecognized",
        }
    }

    /// Every id, in report order.
    pub const ALL: [FindingId; 27] = {
        use FindingId::*;
        [
            Throttled,
            NotAdmin,
            SsprDisabled,
            ResetNotConfigured,
            UsernameInvalid,
            MobilePhoneMissing,
            AlternateEmailMissing,
            AlternateEmailInvalid,
            TrunkPrefixAfterCountryCode,
            CountryCodeMissing,
            PhoneInvalid,
            PhoneNotMobile,
            PhoneNumberMismatch,
            NonCarrierSmsService,
            AlternateEmailTypo,
            AlternateEmailInTenant,
            AlternateEmailCarrierFilter,
            TooFewMethods,
            MicrosoftSmsRetired,
            RegionOptInRequired,
            CarrierRejectsUsSms,
            ResetLinkNotClicked,
            JunkFolder,
            SenderNotSafelisted,
            MsonlineRetired,
            PolicyOutputUnrecognized,
            PageMessageUnrecognized,
        ]
    };
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resolution {
    pub id: ResolutionId,
    pub steps: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ResolutionId {
    /// Not an administrator: the organization's administrator resets the password.
    AskYourAdmin,
    /// An administrator, and not the only one: another administrator resets it.
    AskAnotherAdmin,
    /// The only administrator: Microsoft support.
    ContactSupport,
    /// Not enough to decide: the steps list all three paths.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneReport {
    pub input: String,
    /// The corrected number when a correction is certain, else the parsed one, else null.
    pub e164: Option<String>,
    /// ISO 3166-1 alpha-2 region of the number, when known.
    pub country: Option<String>,
    #[serde(rename = "type")]
    pub kind: PhoneType,
    pub valid: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PhoneType {
    Mobile,
    FixedLine,
    FixedLineOrMobile,
    Voip,
    TollFree,
    PremiumRate,
    SharedCost,
    PersonalNumber,
    Pager,
    Uan,
    Voicemail,
    Unknown,
}

impl PhoneType {
    pub fn as_str(self) -> &'static str {
        use PhoneType::*;
        match self {
            Mobile => "mobile",
            FixedLine => "fixedLine",
            FixedLineOrMobile => "fixedLineOrMobile",
            Voip => "voip",
            TollFree => "tollFree",
            PremiumRate => "premiumRate",
            SharedCost => "sharedCost",
            PersonalNumber => "personalNumber",
            Pager => "pager",
            Uan => "uan",
            Voicemail => "voicemail",
            Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailReport {
    pub input: String,
    pub normalized: String,
    pub valid: bool,
    pub suggestion: Option<String>,
}
