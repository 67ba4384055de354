//! The input: what the administrator told us. Contract v1, `shared/contract.md` → "Case".
//!
//! Every field is optional: `None` means "not known", and the diagnosis then asks the user
//! to check that point instead of assuming an answer.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(optional_fields = nullable))]
pub struct Case {
    pub symptom: Option<Symptom>,
    pub lang: Option<Lang>,
    pub username: Option<String>,
    pub is_admin: Option<bool>,
    pub sole_admin: Option<bool>,
    pub global_admin: Option<bool>,
    pub alternate_email: Option<String>,
    pub mobile_phone: Option<String>,
    pub phone_country: Option<String>,
    pub sms_provider: Option<SmsProvider>,
    pub carrier_receives_us_sms: Option<bool>,
    pub clicked_reset_link: Option<bool>,
    pub checked_junk_folder: Option<bool>,
    pub safe_sender_added: Option<bool>,
    pub sspr_enabled: Option<bool>,
    pub policy_output: Option<String>,
    pub page_message: Option<String>,
    pub methods: Option<Vec<Method>>,
    pub telecom_provider: Option<bool>,
    pub today: Option<String>,
    /// v1.1: the contact data appears under the account's Authentication methods, not
    /// only in its directory details.
    pub registered_as_methods: Option<bool>,
    /// v1.1: where the account's password lives.
    pub account_source: Option<AccountSource>,
    /// v1.1: the support code or correlation ID shown on the reset page, as pasted.
    pub support_code: Option<String>,
    /// Addition: the date and time with its offset (`2026-11-25T10:15:00+09:00`), for the
    /// support summary; the page and the command line fill it from the clock when absent.
    pub now: Option<String>,
    /// v1.2: which Microsoft cloud the organization is in (default public). Microsoft's
    /// SMS/voice retirement dates are for the public cloud only.
    pub cloud: Option<Cloud>,
}

/// The Microsoft cloud an organization lives in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Cloud {
    #[default]
    Public,
    /// Microsoft Entra for US Government: GCC High (Microsoft Graph for US Government L4).
    /// GCC (moderate) uses the public cloud.
    UsGovernment,
    /// v1.3: Microsoft Entra for US Government, DoD (Microsoft Graph for US Government L5).
    #[serde(rename = "usGovernmentDoD")]
    UsGovernmentDod,
    /// Microsoft Entra operated by 21Vianet.
    China,
}

impl Cloud {
    pub const ALL: [Cloud; 4] = [Cloud::Public, Cloud::UsGovernment, Cloud::UsGovernmentDod, Cloud::China];

    /// The contract's name of the cloud (options, evidence).
    pub fn as_str(self) -> &'static str {
        match self {
            Cloud::Public => "public",
            Cloud::UsGovernment => "usGovernment",
            Cloud::UsGovernmentDod => "usGovernmentDoD",
            Cloud::China => "china",
        }
    }

    pub fn parse(s: &str) -> Option<Cloud> {
        Cloud::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Where an account's password lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum AccountSource {
    /// Cloud-only.
    Cloud,
    /// Synchronized from on-premises Active Directory (password hash or pass-through).
    Synced,
    /// Federated (AD FS or another identity provider).
    Federated,
}

/// Which message did not arrive.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Symptom {
    Email,
    Sms,
    #[default]
    Both,
}

/// Language of every human-readable text in the report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Lang {
    #[default]
    En,
    Ja,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum SmsProvider {
    /// A wireless carrier.
    Carrier,
    /// An app or VoIP SMS service such as Google Voice or TextPlus.
    VoipApp,
}

/// A registered authentication method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Method {
    Email,
    MobilePhone,
    OfficePhone,
    AuthenticatorApp,
    SecurityQuestions,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Email => "email",
            Method::MobilePhone => "mobilePhone",
            Method::OfficePhone => "officePhone",
            Method::AuthenticatorApp => "authenticatorApp",
            Method::SecurityQuestions => "securityQuestions",
        }
    }
}

impl Case {
    pub fn symptom(&self) -> Symptom {
        self.symptom.unwrap_or_default()
    }
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_default()
    }
    pub fn cloud(&self) -> Cloud {
        self.cloud.unwrap_or_default()
    }
}

/// The most of a text field the engine reads, in bytes (cut at a character boundary). Far
/// above any real value (an address has at most 254 characters, a user name 113, a support
/// code a few dozen; policy output or a page's message a few kilobytes), and it keeps any
/// Case quick: reading a 1.4 MB user name and address took 60 ms of a 10 MB Case's time in
/// the page. A value this long is wrong whatever follows, and its echo ends in "…" anyway.
pub const FIELD_READ_BYTES: usize = 64 * 1024;

impl Case {
    /// This case with every text field cut to `FIELD_READ_BYTES`; itself when none is longer.
    pub fn bounded(&self) -> std::borrow::Cow<'_, Case> {
        let long = |s: &Option<String>| s.as_ref().is_some_and(|s| s.len() > FIELD_READ_BYTES);
        let texts = [
            &self.username,
            &self.alternate_email,
            &self.mobile_phone,
            &self.phone_country,
            &self.policy_output,
            &self.page_message,
            &self.today,
            &self.support_code,
            &self.now,
        ];
        if !texts.into_iter().any(long) {
            return std::borrow::Cow::Borrowed(self);
        }
        let cut = |s: &Option<String>| s.as_deref().map(|s| sspr_text::prefix(s, FIELD_READ_BYTES).to_string());
        std::borrow::Cow::Owned(Case {
            username: cut(&self.username),
            alternate_email: cut(&self.alternate_email),
            mobile_phone: cut(&self.mobile_phone),
            phone_country: cut(&self.phone_country),
            policy_output: cut(&self.policy_output),
            page_message: cut(&self.page_message),
            today: cut(&self.today),
            support_code: cut(&self.support_code),
            now: cut(&self.now),
            methods: self.methods.clone(),
            ..*self
        })
    }
}
