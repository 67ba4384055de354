//! The output. Contract v1, `shared/contract.md` → "Report". Field names and ids are a
//! contract with users and embedding pages: add, never rename.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Report {
    /// True when no finding is `blocking` or `likely`.
    pub ok: bool,
    pub findings: Vec<Finding>,
    pub resolution: Resolution,
    pub phone: Option<PhoneReport>,
    pub email: Option<EmailReport>,
    pub sspr_enabled: Option<bool>,
    /// v1.1: a ready-to-paste summary for a help desk or Microsoft support, in the case's
    /// language (summary.rs).
    pub support_summary: String,
    /// Addition: when this copy's Microsoft facts are older than the limit on the case's
    /// `today`, a notice saying so and where to get a fresh copy; else null.
    pub facts_notice: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Finding {
    #[cfg_attr(feature = "ts", ts(type = "FindingId"))]
    pub id: FindingId,
    pub severity: Severity,
    pub channel: Channel,
    pub title: String,
    pub detail: String,
    pub steps: Vec<String>,
    /// What was seen. A sorted map, so every front door serializes it identically.
    #[cfg_attr(feature = "ts", ts(type = "Record<string, string>"))]
    pub evidence: Evidence,
    /// Commands to run, for copy buttons (an addition to contract v1). The same commands
    /// also appear inside `steps`, so a reader of steps alone misses nothing.
    pub commands: Vec<Command>,
}

/// A command to run (Microsoft Graph PowerShell, or the Graph REST call).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Command {
    pub text: String,
    /// The retired MSOnline form, shown only so people recognize it: never to run.
    pub legacy: bool,
}

pub type Evidence = BTreeMap<String, String>;

/// Declaration order is the report order: blocking first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Severity {
    /// This alone stops the message.
    Blocking,
    Likely,
    /// Could not be decided from the input: the user should verify it.
    Check,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Channel {
    Email,
    Sms,
    Both,
}

/// The one table of finding ids: the enum, each id's string, its channel, the list of
/// all ids and their TypeScript type come from it, so none can fall out of step.
macro_rules! finding_ids {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $channel:ident; )*) => {
        /// Finding ids. Declaration order is the tie-break within a severity: the most
        /// probable cause first (a throttled or disabled reset explains everything else).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum FindingId {
            $( $(#[$doc])* $variant, )*
        }

        impl FindingId {
            /// Every id, in report order.
            pub const ALL: &'static [FindingId] = &[ $( FindingId::$variant, )* ];

            /// The id as serialized (`snake_case`).
            pub fn as_str(self) -> &'static str {
                match self { $( FindingId::$variant => $name, )* }
            }

            /// Which message the cause stops.
            pub fn channel(self) -> Channel {
                match self { $( FindingId::$variant => Channel::$channel, )* }
            }

            pub fn parse(s: &str) -> Option<FindingId> {
                match s { $( $name => Some(FindingId::$variant), )* _ => None }
            }
        }

        /// The TypeScript type of a finding id, for the WebAssembly module's `.d.ts`.
        pub const FINDING_ID_TS: &str = concat!("export type FindingId = never", $( " | \"", $name, "\"", )* ";");
    };
}

finding_ids! {
    /// v1.1 audit, tenant: no Global Administrator could reset their own password today.
    NoGlobalAdminCanReset = "no_global_admin_can_reset", Both;
    /// v1.1 audit, tenant: fewer than two Global Administrators could.
    FewGlobalAdminsCanReset = "few_global_admins_can_reset", Both;
    Throttled = "throttled", Both;
    /// v1.1: the telephony limit for one number ("You've hit our limit on text
    /// verification codes"): minutes, not the 24-hour block of `throttled`.
    SmsRateLimited = "sms_rate_limited", Sms;
    NotAdmin = "not_admin", Both;
    /// v1.1: a personal Microsoft account typed as the user name.
    PersonalAccount = "personal_account", Both;
    SsprDisabled = "sspr_disabled", Both;
    /// v1.2: "has not enabled you to use this feature" for a user who is not an
    /// administrator: reset off for them, or no licence.
    LicenseRequired = "license_required", Both;
    /// v1.1: a synchronized or federated account needs password writeback.
    PasswordWriteback = "password_writeback", Both;
    /// Addition (v1.2): the password was reset on-premises and the cloud is minutes behind
    /// (OnPremisesSuccessCloudFailure).
    OnPremisesSyncPending = "on_premises_sync_pending", Both;
    /// Addition to v1: the reset page reported a configuration problem (SSPR_0011..0013).
    ResetNotConfigured = "reset_not_configured", Both;
    UsernameInvalid = "username_invalid", Both;
    /// v1.2: the name typed may be an email address rather than the sign-in name.
    EmailNotSignInName = "email_not_sign_in_name", Both;
    /// v1.1: the contact data may be only in the directory, not registered as methods.
    MethodsNotRegistered = "methods_not_registered", Both;
    MobilePhoneMissing = "mobile_phone_missing", Both;
    AlternateEmailMissing = "alternate_email_missing", Email;
    AlternateEmailInvalid = "alternate_email_invalid", Email;
    TrunkPrefixAfterCountryCode = "trunk_prefix_after_country_code", Sms;
    CountryCodeMissing = "country_code_missing", Sms;
    PhoneInvalid = "phone_invalid", Sms;
    PhoneNotMobile = "phone_not_mobile", Sms;
    /// Addition to v1: the number typed on the reset page is not the one on file.
    PhoneNumberMismatch = "phone_number_mismatch", Sms;
    NonCarrierSmsService = "non_carrier_sms_service", Sms;
    AlternateEmailTypo = "alternate_email_typo", Email;
    AlternateEmailInTenant = "alternate_email_in_tenant", Email;
    /// Addition to v1: a Japanese mobile carrier's mail domain, whose filters often drop
    /// mail from computers and unknown senders.
    AlternateEmailCarrierFilter = "alternate_email_carrier_filter", Email;
    /// v1.1 audit: Microsoft's report says the account is not SSPR-capable or registered.
    NotSsprCapable = "not_sspr_capable", Both;
    TooFewMethods = "too_few_methods", Both;
    /// v1.2 audit: the account's roles are all outside the administrator reset policy.
    UserPolicyApplies = "user_policy_applies", Both;
    /// Addition (v1.2) audit: a B2B guest resets in their home organization.
    GuestResetsAtHome = "guest_resets_at_home", Both;
    /// v1.1 audit: the only phone is an alternate mobile, which SSPR does not use.
    AlternateMobileOnly = "alternate_mobile_only", Sms;
    /// v1.1 audit: a spreadsheet damaged the number (8.19E+11, a lost + or 0).
    PhoneMangled = "phone_mangled", Sms;
    /// v1.1 audit: one of the two usable methods is Microsoft-sent SMS or voice.
    SmsDependent = "sms_dependent", Sms;
    /// v1.1 audit, tenant: administrators who lose a required method on each date.
    SmsRetirementExposure = "sms_retirement_exposure", Sms;
    /// v1.1 audit, tenant: administrators share a phone number or mailbox.
    SharedContact = "shared_contact", Both;
    MicrosoftSmsRetired = "microsoft_sms_retired", Sms;
    RegionOptInRequired = "region_opt_in_required", Sms;
    CarrierRejectsUsSms = "carrier_rejects_us_sms", Sms;
    ResetLinkNotClicked = "reset_link_not_clicked", Sms;
    JunkFolder = "junk_folder", Email;
    SenderNotSafelisted = "sender_not_safelisted", Email;
    /// Addition (v1.2): the reset page could not contact the user (a temporary error or
    /// contact data it cannot use).
    ContactUnreachable = "contact_unreachable", Both;
    /// Addition: what can still hold a text message back that nothing entered shows
    /// (WhatsApp or RCS, filter apps, messaging off, the carrier's retries).
    SmsDelivery = "sms_delivery", Sms;
    /// Addition: what can still hold the email back that nothing entered shows
    /// (quarantine, rules, another mailbox).
    EmailDelivery = "email_delivery", Email;
    MsonlineRetired = "msonline_retired", Both;
    PolicyOutputUnrecognized = "policy_output_unrecognized", Both;
    PageMessageUnrecognized = "page_message_unrecognized", Both;
}

impl FindingId {
    /// The ids only the bulk audit raises (contract v1.1): `diagnose` never does.
    pub const AUDIT_ONLY: &'static [FindingId] = &[
        FindingId::NoGlobalAdminCanReset,
        FindingId::FewGlobalAdminsCanReset,
        FindingId::NotSsprCapable,
        FindingId::AlternateMobileOnly,
        FindingId::PhoneMangled,
        FindingId::SmsDependent,
        FindingId::SmsRetirementExposure,
        FindingId::SharedContact,
        FindingId::UserPolicyApplies,
        FindingId::GuestResetsAtHome,
    ];
}

impl Serialize for FindingId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for FindingId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        FindingId::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown finding id `{s}`")))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Resolution {
    pub id: ResolutionId,
    pub steps: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EmailReport {
    pub input: String,
    pub normalized: String,
    pub valid: bool,
    pub suggestion: Option<String>,
}
