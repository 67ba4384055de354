//! Every Microsoft fact the diagnosis quotes lives here, once, with the public page it
//! comes from. Findings and texts refer to these constants; nothing else spells them.

/// The sender of the "Reset your password" email, to add to the safe senders list.
/// Source: Microsoft support article "Email or text message not received when using
/// administrator self-service password reset" (shared/seed, ja-JP copy).
pub const RESET_EMAIL_SENDER: &str = "msonlineservicesteam@microsoftonline.com";

/// The password-reset page.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/tutorial-enable-sspr
pub const RESET_PAGE_URL: &str = "https://aka.ms/sspr";

/// Where a user registers or reviews security info (methods).
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/troubleshoot-sspr
/// ("register additional security info at https://aka.ms/ssprsetup") and
/// https://support.microsoft.com/account-billing/set-up-your-security-info-from-a-sign-in-page-28180870-c256-4ebf-8bd7-5335571bf9a8
pub const SECURITY_INFO_URL: &str = "https://aka.ms/mysecurityinfo";

/// Microsoft Graph PowerShell: read the administrator SSPR switch.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sspr-policy#administrator-reset-policy-differences
/// and https://learn.microsoft.com/en-us/powershell/module/microsoft.graph.identity.signins/get-mgpolicyauthorizationpolicy
pub const GRAPH_CONNECT_READ: &str = "Connect-MgGraph -Scopes Policy.Read.All";
pub const GRAPH_READ_SSPR: &str = "Get-MgPolicyAuthorizationPolicy | Format-List AllowedToUseSspr";
/// Same page: enable it (another administrator runs this).
pub const GRAPH_CONNECT_WRITE: &str = "Connect-MgGraph -Scopes Policy.ReadWrite.Authorization";
pub const GRAPH_ENABLE_SSPR: &str = "Update-MgPolicyAuthorizationPolicy -AllowedToUseSspr:$true";
/// Installing the module that has those cmdlets.
/// Source: https://learn.microsoft.com/en-us/powershell/microsoftgraph/installation
pub const GRAPH_INSTALL: &str = "Install-Module Microsoft.Graph.Identity.SignIns -Scope CurrentUser";
/// The REST form. Source: https://learn.microsoft.com/en-us/graph/api/authorizationpolicy-get
pub const GRAPH_REST_READ: &str = "GET https://graph.microsoft.com/v1.0/policies/authorizationPolicy";
/// Policy changes for administrator SSPR "can take up to 60 minutes to take effect".
/// Source: concept-sspr-policy (above).
pub const POLICY_PROPAGATION_MINUTES: u32 = 60;

/// The legacy MSOnline command from the original article, shown only as legacy.
/// MSOnline is retired (it stopped working between April and late May 2025).
/// Source: https://learn.microsoft.com/en-us/powershell/azure/active-directory/overview
/// and https://techcommunity.microsoft.com/blog/microsoft-entra-blog/action-required-msonline-and-azuread-powershell-retirement---2025-info-and-resources/4364991
pub const MSOL_READ_SSPR: &str = "Get-MsolCompanyInformation | fl SelfServePasswordResetEnabled";
/// Property names as they appear in the three outputs we parse.
pub const MSOL_PROPERTY: &str = "SelfServePasswordResetEnabled";
pub const GRAPH_PROPERTY: &str = "AllowedToUseSspr";

/// Administrator SSPR uses a "two-gate" policy: two pieces of authentication data, and
/// security questions are prohibited. A one-gate policy applies only in a trial's first
/// 30 days, or with no custom domain and no directory synchronization.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sspr-policy#administrator-reset-policy-differences
pub const ADMIN_METHODS_REQUIRED: usize = 2;
pub const ONE_GATE_DOMAIN_SUFFIX: &str = ".onmicrosoft.com";

/// User principal name rules: allowed characters, no "." just before "@", at most 64
/// characters before the "@", 48 after it, 113 in all.
/// Source: concept-sspr-policy, "Username policies" (above).
pub const UPN_LOCAL_EXTRA_CHARS: &str = "'.-_!#^~";
pub const UPN_MAX_LOCAL: usize = 64;
pub const UPN_MAX_DOMAIN: usize = 48;
pub const UPN_MAX_TOTAL: usize = 113;

/// Throttling: five phone validations, five security-question attempts or five resets of
/// the same account in one hour; then wait 24 hours after the last attempt.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/troubleshoot-sspr
pub const THROTTLE_ATTEMPTS_PER_HOUR: u32 = 5;
pub const THROTTLE_WAIT_HOURS: u32 = 24;

/// SSPR sends text messages and calls to numbers written "+1 4251234567"; extensions are
/// stripped before the call is made. Source: troubleshoot-sspr (above).
pub const ENTRA_PHONE_EXAMPLE: &str = "+1 4251234567";

/// Retirement of Microsoft-provided SMS and voice (this covers SSPR): after the date,
/// text messages and calls need a telephony provider from Microsoft Security Store.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sms-voice-retirement
/// and .../concept-sms-voice-retirement-faq (ms.date 2026-09-23; shared/data/README.md).
pub const SMS_RETIREMENT_ALL_USERS: Date = Date::ymd(2027, 2, 1);
pub const SMS_RETIREMENT_GLOBAL_ADMINS: Date = Date::ymd(2027, 7, 1);
pub const SMS_RETIREMENT_URL: &str = "https://learn.microsoft.com/entra/identity/authentication/concept-sms-voice-retirement";

/// Calling codes whose SMS and voice need the tenant to opt in through a support request.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-mfa-regional-opt-in
/// (ms.date 2025-07-28; copied from shared/data, whose README gives the method and caveats).
pub const OPT_IN_URL: &str = "https://learn.microsoft.com/entra/identity/authentication/concept-mfa-regional-opt-in";

/// The list above as a sorted table (build.rs), for a binary search per number.
mod opt_in {
    include!(concat!(env!("OUT_DIR"), "/opt_in.rs"));
}

/// Is this calling-code key (`81`, or `1876` for NANP) on the opt-in list?
pub fn opt_in_regions(key: &str) -> Option<&'static str> {
    opt_in::OPT_IN.binary_search_by_key(&key, |r| r.0).ok().map(|i| opt_in::OPT_IN[i].1)
}

/// Codes and texts of the password-reset page, and what they mean.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/troubleshoot-sspr
/// ("SSPR errors that a user might see", ms.date 2025-06-06).
pub const SSPR_ERROR_CODES: &[(&str, PageCause)] = &[
    ("SSPR_0009", PageCause::SsprDisabled),
    ("SSPR_0010", PageCause::WritebackNotEnabled),
    ("SSPR_0011", PageCause::NoPolicy),
    ("SSPR_0012", PageCause::NotLicensed),
    ("SSPR_0013", PageCause::NotInScopedGroup),
    ("SSPR_0014", PageCause::NotRegistered),
    ("SSPR_0029", PageCause::OnPremisesConfig),
];

/// What a page message tells us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageCause {
    SsprDisabled,
    WritebackNotEnabled,
    NoPolicy,
    NotLicensed,
    NotInScopedGroup,
    NotRegistered,
    OnPremisesConfig,
    Throttled,
    TelephonyTrouble,
    PhoneMismatch,
    MsonlineRetired,
}

/// Phrases of the reset page and phone verification, English and Japanese, lower case.
/// Sources: troubleshoot-sspr (above); concept-mfa-regional-opt-in ("Sorry, we're having
/// trouble verifying your account"); Microsoft's Japanese UI strings as shown on the page.
pub const PAGE_PHRASES: &[(&str, PageCause)] = &[
    ("disabled password reset for your organization", PageCause::SsprDisabled),
    ("password reset hasn't been enabled", PageCause::SsprDisabled),
    ("password reset has not been enabled", PageCause::SsprDisabled),
    ("isn't enabled for password reset", PageCause::SsprDisabled),
    ("not enabled you to use this feature", PageCause::SsprDisabled),
    ("パスワード リセットが無効", PageCause::SsprDisabled),
    ("パスワードリセットが無効", PageCause::SsprDisabled),
    ("パスワード リセットが有効になっていません", PageCause::SsprDisabled),
    ("password writeback hasn't been enabled", PageCause::WritebackNotEnabled),
    ("hasn't defined a password reset policy", PageCause::NoPolicy),
    ("required licenses", PageCause::NotLicensed),
    ("ライセンス", PageCause::NotLicensed),
    ("member of a group enabled for password reset", PageCause::NotInScopedGroup),
    ("additional security info is needed", PageCause::NotRegistered),
    ("haven't registered contact info", PageCause::NotRegistered),
    ("necessary information is missing from your account", PageCause::NotRegistered),
    ("too many", PageCause::Throttled),
    ("hit our limit", PageCause::Throttled),
    ("24 hours", PageCause::Throttled),
    ("試行回数", PageCause::Throttled),
    ("上限", PageCause::Throttled),
    ("24 時間", PageCause::Throttled),
    ("24時間", PageCause::Throttled),
    ("trouble verifying your account", PageCause::TelephonyTrouble),
    ("アカウントの確認で問題", PageCause::TelephonyTrouble),
    ("doesn't match the phone number on file", PageCause::PhoneMismatch),
    ("phone number you entered", PageCause::PhoneMismatch),
    ("電話番号が一致しません", PageCause::PhoneMismatch),
    ("get-msol", PageCause::MsonlineRetired),
    ("connect-msolservice", PageCause::MsonlineRetired),
    ("msonline", PageCause::MsonlineRetired),
];

/// Microsoft 365 support for a locked-out sole administrator (phone support is listed there).
/// Source: https://learn.microsoft.com/en-us/microsoft-365/admin/get-help-support
pub const SUPPORT_URL: &str = "https://learn.microsoft.com/microsoft-365/admin/get-help-support";

/// A calendar date, `YYYY-MM-DD`. Ordered, so dates compare directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    y: u16,
    m: u8,
    d: u8,
}

impl Date {
    pub const fn ymd(y: u16, m: u8, d: u8) -> Date {
        Date { y, m, d }
    }

    /// Parses `YYYY-MM-DD` (full-width digits allowed); None for anything else.
    pub fn parse(s: &str) -> Option<Date> {
        let s = crate::normalize::fold_width(s);
        let s = s.trim();
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (y, m, d): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let last_day = *days.get(usize::from(m).checked_sub(1)?)?;
        (1..=last_day).contains(&d).then_some(Date { y, m, d })
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opt_in_list() {
        assert_eq!(opt_in_regions("81"), None, "Japan left the list in the 2025-07-28 version");
        assert_eq!(opt_in_regions("7"), Some("RU,KZ"));
        assert_eq!(opt_in_regions("1876"), Some("JM"));
        assert_eq!(opt_in::OPT_IN.len(), 209);
    }

    #[test]
    fn dates() {
        assert_eq!(Date::parse("2027-02-01"), Some(SMS_RETIREMENT_ALL_USERS));
        assert_eq!(Date::parse("２０２７-０２-０１"), Some(SMS_RETIREMENT_ALL_USERS));
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2028-02-29").is_some());
        assert!(Date::parse("27-2-1").is_none());
        assert!(SMS_RETIREMENT_ALL_USERS < SMS_RETIREMENT_GLOBAL_ADMINS);
        assert_eq!(SMS_RETIREMENT_GLOBAL_ADMINS.to_string(), "2027-07-01");
    }
}

/// The few facts the page shows before any diagnosis (the command to run, the sender to
/// trust), so the page never spells a Microsoft fact itself.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageFacts {
    pub graph_connect_read: &'static str,
    pub graph_read_sspr: &'static str,
    pub msol_read_sspr: &'static str,
    pub reset_email_sender: &'static str,
    pub reset_page_url: &'static str,
    pub security_info_url: &'static str,
    pub sms_retirement_all_users: String,
    pub sms_retirement_global_admins: String,
}

/// The date every fact in this module was last checked against its Microsoft Learn page.
/// A saved copy of the tool says how old its facts are from this date.
pub const FACTS_CHECKED: Date = Date::ymd(2026, 11, 25);

/// What `sspr-doctor facts` prints and the web build bundles, so the page can show the
/// form (regions, the command to run, the sender) before the engine has loaded.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Published {
    pub version: &'static str,
    pub facts_checked: String,
    pub facts: PageFacts,
    pub regions: Vec<&'static str>,
}

pub fn published() -> Published {
    Published {
        version: env!("CARGO_PKG_VERSION"),
        facts_checked: FACTS_CHECKED.to_string(),
        facts: page_facts(),
        regions: crate::phone::regions().collect(),
    }
}

pub fn page_facts() -> PageFacts {
    PageFacts {
        graph_connect_read: GRAPH_CONNECT_READ,
        graph_read_sspr: GRAPH_READ_SSPR,
        msol_read_sspr: MSOL_READ_SSPR,
        reset_email_sender: RESET_EMAIL_SENDER,
        reset_page_url: RESET_PAGE_URL,
        security_info_url: SECURITY_INFO_URL,
        sms_retirement_all_users: SMS_RETIREMENT_ALL_USERS.to_string(),
        sms_retirement_global_admins: SMS_RETIREMENT_GLOBAL_ADMINS.to_string(),
    }
}
