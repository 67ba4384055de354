//! What a rule concluded, with exactly the data its texts need. Each variant maps to one
//! finding id; `messages` renders it in either language. Keeping the conclusion separate
//! from its words means a rule cannot produce a finding without texts in both languages.

use crate::email::EmailProblem;
use crate::facts::Date;
use crate::phone::Invalid;
use crate::policy::GraphError;
use crate::report::{FindingId, PhoneType};
use crate::upn::UpnProblem;

/// Whether the user told us the fact or we are asking them to check it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    Yes,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    Throttled { from_telephony: bool },
    NotAdmin(Known),
    SsprDisabled { known: Known, from_page: bool },
    ResetNotConfigured { code: &'static str },
    PolicyUnrecognized(PolicyTrouble),
    UsernameInvalid(Option<UpnProblem>),
    AlternateEmailMissing(Known),
    AlternateEmailInvalid { problem: EmailProblem, suggestion: Option<String> },
    AlternateEmailTypo { suggestion: String },
    AlternateEmailInTenant { domain: String, onmicrosoft: bool },
    AlternateEmailCarrierFilter { domain: String },
    JunkFolder(Known),
    SenderNotSafelisted(Known),
    MobilePhoneMissing(Known),
    /// `without_plus`: the calling code is there, only the `+` before it is missing.
    CountryCodeMissing { suggestion: Option<String>, without_plus: bool },
    TrunkPrefix { prefix: String, suggestion: Option<String> },
    PhoneInvalid(Invalid),
    PhoneNotMobile { kind: PhoneType, extension: Option<String> },
    PhoneNumberMismatch,
    NonCarrierSms(NonCarrier),
    CarrierRejectsUsSms(Known),
    ResetLinkNotClicked(Known),
    RegionOptIn { key: String, regions: String },
    SmsRetired(Retirement),
    TooFewMethods { usable: Option<usize>, security_questions: bool, one_gate_possible: bool },
    MsonlineRetired { failed: bool },
    PageMessageUnrecognized,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyTrouble {
    Unrecognized,
    Contradictory,
    Graph(GraphError),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NonCarrier {
    /// The user said the number is an app/VoIP service.
    Said,
    /// The number's range is VoIP in the numbering plan.
    VoipRange,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retirement {
    /// Today is on or after the date that applies: Microsoft no longer sends the texts.
    Retired { date: Date },
    /// Not yet: a warning naming the date.
    Upcoming { date: Date, global_admin_date: Option<Date> },
    /// No usable date given: both dates named.
    DateUnknown,
}

impl Cause {
    pub fn id(&self) -> FindingId {
        use Cause::*;
        match self {
            Throttled { .. } => FindingId::Throttled,
            NotAdmin(_) => FindingId::NotAdmin,
            SsprDisabled { .. } => FindingId::SsprDisabled,
            ResetNotConfigured { .. } => FindingId::ResetNotConfigured,
            PolicyUnrecognized(_) => FindingId::PolicyOutputUnrecognized,
            UsernameInvalid(_) => FindingId::UsernameInvalid,
            AlternateEmailMissing(_) => FindingId::AlternateEmailMissing,
            AlternateEmailInvalid { .. } => FindingId::AlternateEmailInvalid,
            AlternateEmailTypo { .. } => FindingId::AlternateEmailTypo,
            AlternateEmailInTenant { .. } => FindingId::AlternateEmailInTenant,
            AlternateEmailCarrierFilter { .. } => FindingId::AlternateEmailCarrierFilter,
            JunkFolder(_) => FindingId::JunkFolder,
            SenderNotSafelisted(_) => FindingId::SenderNotSafelisted,
            MobilePhoneMissing(_) => FindingId::MobilePhoneMissing,
            CountryCodeMissing { .. } => FindingId::CountryCodeMissing,
            TrunkPrefix { .. } => FindingId::TrunkPrefixAfterCountryCode,
            PhoneInvalid(_) => FindingId::PhoneInvalid,
            PhoneNotMobile { .. } => FindingId::PhoneNotMobile,
            PhoneNumberMismatch => FindingId::PhoneNumberMismatch,
            NonCarrierSms(_) => FindingId::NonCarrierSmsService,
            CarrierRejectsUsSms(_) => FindingId::CarrierRejectsUsSms,
            ResetLinkNotClicked(_) => FindingId::ResetLinkNotClicked,
            RegionOptIn { .. } => FindingId::RegionOptInRequired,
            SmsRetired(_) => FindingId::MicrosoftSmsRetired,
            TooFewMethods { .. } => FindingId::TooFewMethods,
            MsonlineRetired { .. } => FindingId::MsonlineRetired,
            PageMessageUnrecognized => FindingId::PageMessageUnrecognized,
        }
    }
}
