//! What a rule concluded, with exactly the data its words need. Each variant maps to one
//! finding id; `words` puts it into English and Japanese. Keeping the conclusion apart
//! from its words means a rule cannot produce a finding without words in both languages.

use crate::case::{AccountSource, Cloud};
use crate::date::Date;
use crate::problems::{EmailProblem, GraphError, Invalid, UpnProblem};
use crate::report::{FindingId, PhoneType};

/// Whether the user told us the fact or we are asking them to check it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Known {
    Yes,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Cause {
    /// The reset was blocked for 24 hours (too many attempts), or, `from_telephony`,
    /// Microsoft's telephony fraud protection held the text back ("trouble verifying").
    Throttled {
        from_telephony: bool,
    },
    /// "You've hit our limit on text verification codes": minutes.
    SmsRateLimited,
    NotAdmin(Known),
    /// The user name is a personal Microsoft account.
    PersonalAccount {
        domain: String,
    },
    SsprDisabled {
        known: Known,
        from_page: bool,
        /// An administrator saw the registration page's "has not enabled you to use this
        /// feature": administrator reset is off, so no method can be registered.
        registration: bool,
    },
    /// v1.2: a user who is not an administrator (`known_user`; else perhaps) saw "has not
    /// enabled you to use this feature": reset is off for them, or no licence includes it.
    LicenseRequired {
        known_user: bool,
    },
    /// v1.2: the name typed is an email address of a custom domain; if it is not the
    /// account's user principal name, the reset page finds the account only with email as
    /// an alternate login ID.
    EmailNotSignInName {
        domain: String,
    },
    /// Addition (v1.2): the reset page could not contact the user ("Try again", "Contact
    /// your administrator").
    ContactUnreachable,
    /// Addition (v1.2): OnPremisesSuccessCloudFailure: reset on-premises, the cloud is
    /// minutes behind.
    OnPremisesSyncPending,
    /// v1.2 audit: every role of the account is outside those the administrator reset
    /// policy covers: the organization's user policy decides.
    UserPolicyApplies,
    /// Addition (v1.2) audit: a B2B guest (`#EXT#`) resets in their home organization;
    /// the date is when Microsoft's SMS and voice stop for their sign-in here.
    GuestResetsAtHome {
        sign_in_sms_date: Option<Date>,
    },
    PasswordWriteback(Writeback),
    /// The page reported SSPR_0011, 0012 or 0013.
    ResetNotConfigured {
        code: &'static str,
    },
    PolicyUnrecognized(PolicyTrouble),
    UsernameInvalid(Option<UpnProblem>),
    /// The contact data may be only in the directory, not registered as methods.
    MethodsNotRegistered(Known),
    AlternateEmailMissing(Known),
    AlternateEmailInvalid {
        problem: EmailProblem,
        suggestion: Option<String>,
    },
    AlternateEmailTypo {
        suggestion: String,
    },
    AlternateEmailInTenant {
        domain: String,
        onmicrosoft: bool,
        /// The address is the account's own mailbox (the user name itself).
        own_mailbox: bool,
    },
    AlternateEmailCarrierFilter {
        domain: String,
    },
    JunkFolder(Known),
    SenderNotSafelisted(Known),
    MobilePhoneMissing(Known),
    /// `without_plus`: the calling code is there, only the `+` before it is missing.
    CountryCodeMissing {
        suggestion: Option<String>,
        without_plus: bool,
    },
    TrunkPrefix {
        prefix: String,
        suggestion: Option<String>,
    },
    PhoneInvalid(Invalid),
    PhoneNotMobile {
        kind: PhoneType,
        extension: Option<String>,
    },
    PhoneNumberMismatch,
    NonCarrierSms(NonCarrier),
    CarrierRejectsUsSms(Known),
    /// The email with "Reset your password now" arrived and the link was not clicked.
    ResetLinkNotClicked,
    RegionOptIn {
        key: String,
        regions: String,
    },
    SmsRetired(Retirement),
    /// `from_page`: the reset page said so (SSPR_0014, "additional security info is needed").
    TooFewMethods {
        usable: Option<usize>,
        security_questions: bool,
        one_gate_possible: bool,
        from_page: bool,
    },
    /// What can still stop a text message that nothing entered shows.
    SmsDelivery,
    /// What can still stop the email that nothing entered shows.
    EmailDelivery,
    MsonlineRetired {
        failed: bool,
    },
    PageMessageUnrecognized,
    /// Audit: one of the account's usable methods is Microsoft-sent SMS or voice and
    /// without it too few remain: it stops working on `date`.
    SmsDependent {
        date: Date,
        /// The role is unknown: the later date applies if it is a Global Administrator.
        global_admin_date: Option<Date>,
        /// The methods that stop (mobile phone, office phone).
        lose: Vec<Gate>,
    },
    /// Audit: the only phone is an alternate mobile, which SSPR does not use.
    AlternateMobileOnly,
    /// Audit: Microsoft's own report says the account is not SSPR-capable or not
    /// registered. `users_policy_off`: SSPR is off for users (administrators have their own
    /// policy, so the flag may not apply to them).
    NotSsprCapable {
        capable: Option<bool>,
        registered: Option<bool>,
        admin_policy_applies: bool,
        users_policy_off: bool,
    },
    /// Audit: a spreadsheet damaged the number in the file.
    PhoneMangled {
        scientific: bool,
        guess: Option<String>,
    },
    /// Audit, tenant: no Global Administrator could reset their own password today.
    NoGlobalAdminCanReset {
        global_admins: usize,
        undecided: usize,
    },
    /// Audit, tenant: fewer than two Global Administrators could.
    FewGlobalAdminsCanReset {
        can: usize,
        global_admins: usize,
    },
    /// Audit, tenant: several administrators share one phone number or mailbox.
    SharedContact {
        phones: usize,
        emails: usize,
    },
    /// Audit, tenant: administrators who lose a required method on each retirement date.
    SmsRetirementExposure {
        by_date: Vec<(Date, usize)>,
    },
}

/// A method that counts for administrator password reset (facts::admin_sspr_gate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Gate {
    Email,
    MobilePhone,
    OfficePhone,
    AuthenticatorApp,
    HardwareToken,
}

impl Gate {
    /// Delivered by Microsoft's own SMS and voice, which are being retired.
    pub fn is_telephony(self) -> bool {
        matches!(self, Gate::MobilePhone | Gate::OfficePhone)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Gate::Email => "email",
            Gate::MobilePhone => "mobilePhone",
            Gate::OfficePhone => "officePhone",
            Gate::AuthenticatorApp => "authenticatorApp",
            Gate::HardwareToken => "hardwareToken",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PolicyTrouble {
    Unrecognized,
    Contradictory,
    Graph(GraphError),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NonCarrier {
    /// The user said the number is an app/VoIP service.
    Said,
    /// The number's range is VoIP in the numbering plan.
    VoipRange,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Retirement {
    /// Today is on or after the date that applies: Microsoft no longer sends the texts.
    Retired { date: Date },
    /// Not yet: a warning naming the date.
    Upcoming { date: Date, global_admin_date: Option<Date> },
    /// No usable date given: both dates named.
    DateUnknown,
    /// v1.2: outside the public cloud Microsoft has given no date yet.
    NotScheduled { cloud: Cloud },
}

/// Whether texts and calls are still a way for this reader to reset (issue 25): after
/// Microsoft stops sending them (the date that applies to the account, in its cloud), and
/// without the organization's own telephony provider, no text of ours offers a text
/// message or a call, the office phone included.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Telephony {
    /// Still sent (or the end is not known to have come).
    #[default]
    Offered,
    /// Microsoft stopped sending them on `date`, and no provider of the organization's own
    /// is known.
    Ended { date: Date },
}

/// Why password writeback is in question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Writeback {
    /// SSPR_0010: writeback is not enabled.
    NotEnabled,
    /// SSPR_0029: an error in the on-premises configuration.
    OnPremisesError,
    /// SSPR_0030: no good connection to the on-premises environment.
    Connectivity,
    /// The account's password lives on-premises (synchronized or federated).
    Source(AccountSource),
}

impl Cause {
    /// The way out this cause offers is a text message or a call arriving (a number to
    /// correct or register, a carrier or region to unblock, a code to wait for). Once
    /// Microsoft sends none (`Telephony::Ended`), that is no way out: its fix becomes a
    /// method that is not a text or a call (issue 25).
    pub fn fixed_by_telephony(&self) -> bool {
        use Cause::*;
        matches!(
            self,
            Throttled { from_telephony: true }
                | SmsRateLimited
                | MobilePhoneMissing(_)
                | CountryCodeMissing { .. }
                | TrunkPrefix { .. }
                | PhoneInvalid(_)
                | PhoneNotMobile { .. }
                | PhoneNumberMismatch
                | NonCarrierSms(_)
                | CarrierRejectsUsSms(_)
                | ResetLinkNotClicked
                | RegionOptIn { .. }
                | SmsDelivery
                | AlternateMobileOnly
                | PhoneMangled { .. }
        )
    }

    pub fn id(&self) -> FindingId {
        use Cause::*;
        match self {
            Throttled { .. } => FindingId::Throttled,
            SmsRateLimited => FindingId::SmsRateLimited,
            NotAdmin(_) => FindingId::NotAdmin,
            PersonalAccount { .. } => FindingId::PersonalAccount,
            SsprDisabled { .. } => FindingId::SsprDisabled,
            LicenseRequired { .. } => FindingId::LicenseRequired,
            EmailNotSignInName { .. } => FindingId::EmailNotSignInName,
            ContactUnreachable => FindingId::ContactUnreachable,
            OnPremisesSyncPending => FindingId::OnPremisesSyncPending,
            UserPolicyApplies => FindingId::UserPolicyApplies,
            GuestResetsAtHome { .. } => FindingId::GuestResetsAtHome,
            PasswordWriteback(_) => FindingId::PasswordWriteback,
            ResetNotConfigured { .. } => FindingId::ResetNotConfigured,
            PolicyUnrecognized(_) => FindingId::PolicyOutputUnrecognized,
            UsernameInvalid(_) => FindingId::UsernameInvalid,
            MethodsNotRegistered(_) => FindingId::MethodsNotRegistered,
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
            ResetLinkNotClicked => FindingId::ResetLinkNotClicked,
            RegionOptIn { .. } => FindingId::RegionOptInRequired,
            SmsRetired(_) => FindingId::MicrosoftSmsRetired,
            TooFewMethods { .. } => FindingId::TooFewMethods,
            SmsDelivery => FindingId::SmsDelivery,
            EmailDelivery => FindingId::EmailDelivery,
            MsonlineRetired { .. } => FindingId::MsonlineRetired,
            PageMessageUnrecognized => FindingId::PageMessageUnrecognized,
            SmsDependent { .. } => FindingId::SmsDependent,
            AlternateMobileOnly => FindingId::AlternateMobileOnly,
            NotSsprCapable { .. } => FindingId::NotSsprCapable,
            PhoneMangled { .. } => FindingId::PhoneMangled,
            NoGlobalAdminCanReset { .. } => FindingId::NoGlobalAdminCanReset,
            FewGlobalAdminsCanReset { .. } => FindingId::FewGlobalAdminsCanReset,
            SharedContact { .. } => FindingId::SharedContact,
            SmsRetirementExposure { .. } => FindingId::SmsRetirementExposure,
        }
    }
}
