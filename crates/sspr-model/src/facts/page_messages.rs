//! What the password-reset page and phone verification say, and what it means.
//!
//! Codes and messages: https://learn.microsoft.com/en-us/entra/identity/authentication/troubleshoot-sspr
//! ("SSPR errors that a user might see", ms.date 2025-06-06; its Japanese edition for the
//! Japanese texts, 2021 translation). Telephony messages:
//! https://learn.microsoft.com/en-us/entra/identity/authentication/concept-authentication-phone-options
//! (ms.date 2025-10-26) and .../concept-mfa-regional-opt-in (ms.date 2025-07-28).
//!
//! Phrases are whole clauses of those messages, never a bare word, so unrelated text that
//! shares a word ("ライセンス認証されていない Office です") is not read as a reset error.

/// What a page message tells us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageCause {
    /// SSPR_0009: password reset is not enabled.
    SsprDisabled,
    /// SSPR_0010: password writeback is not enabled.
    WritebackNotEnabled,
    /// SSPR_0011: no password reset policy.
    NoPolicy,
    /// SSPR_0012: licenses missing.
    NotLicensed,
    /// SSPR_0013: not in the group enabled for password reset.
    NotInScopedGroup,
    /// SSPR_0014: additional security info is needed.
    NotRegistered,
    /// SSPR_0029: an error in the on-premises configuration (writeback).
    OnPremisesConfig,
    /// SSPR_0030: a poor connection with the on-premises environment (writeback).
    OnPremisesConnectivity,
    /// Too many reset attempts: blocked for 24 hours.
    Throttled,
    /// The telephony limit for one number or user: minutes.
    SmsRateLimited,
    /// "Sorry, we're having trouble verifying your account": fraud protection.
    TelephonyTrouble,
    /// The number typed on the page does not match the one on file.
    PhoneMismatch,
    /// Output of the retired MSOnline module.
    MsonlineRetired,
    /// "Your administrator has not enabled you to use this feature" (Learn: the
    /// registration portal, SSPR off for the user or no licence).
    NotEnabledForYou,
    /// The user is "unable to be contacted": "Try again" / "Contact your administrator".
    Unreachable,
    /// OnPremisesSuccessCloudFailure: reset on-premises, committed to the cloud in minutes.
    OnPremisesSuccessCloudFailure,
}

/// The error codes of the reset page.
pub const SSPR_ERROR_CODES: &[(&str, PageCause)] = &[
    ("SSPR_0009", PageCause::SsprDisabled),
    ("SSPR_0010", PageCause::WritebackNotEnabled),
    ("SSPR_0011", PageCause::NoPolicy),
    ("SSPR_0012", PageCause::NotLicensed),
    ("SSPR_0013", PageCause::NotInScopedGroup),
    ("SSPR_0014", PageCause::NotRegistered),
    ("SSPR_0029", PageCause::OnPremisesConfig),
    ("SSPR_0030", PageCause::OnPremisesConnectivity),
];

/// Phrases of the reset page and phone verification, English and Japanese, lower case,
/// curly apostrophes written straight.
pub const PAGE_PHRASES: &[(&str, PageCause)] = &[
    // SSPR_0009.
    ("password reset hasn't been enabled by your administrator", PageCause::SsprDisabled),
    ("password reset has not been enabled by your administrator", PageCause::SsprDisabled),
    ("has disabled password reset for your organization", PageCause::SsprDisabled),
    ("パスワードのリセットが管理者によって有効にされていない", PageCause::SsprDisabled),
    ("パスワード リセットが管理者によって有効にされていない", PageCause::SsprDisabled),
    ("組織のパスワードのリセットを有効にするように依頼", PageCause::SsprDisabled),
    // The registration portal: SSPR off for this user, or no licence (troubleshoot-sspr).
    ("has not enabled you to use this feature", PageCause::NotEnabledForYou),
    ("hasn't enabled you to use this feature", PageCause::NotEnabledForYou),
    ("この機能を使用することを許可していません", PageCause::NotEnabledForYou),
    ("この機能の使用が許可されていません", PageCause::NotEnabledForYou),
    // The user cannot be contacted: after 10 seconds the page offers these two links.
    ("unable to be contacted", PageCause::Unreachable),
    ("contact your administrator", PageCause::Unreachable),
    ("管理者に連絡", PageCause::Unreachable),
    // Reset on-premises, not yet in the cloud.
    ("onpremisessuccesscloudfailure", PageCause::OnPremisesSuccessCloudFailure),
    ("before the changes are committed to the cloud", PageCause::OnPremisesSuccessCloudFailure),
    ("password reset was successful on-premises", PageCause::OnPremisesSuccessCloudFailure),
    // SSPR_0010
    ("password writeback hasn't been enabled", PageCause::WritebackNotEnabled),
    ("hasn't enabled a necessary service for your organization", PageCause::WritebackNotEnabled),
    ("パスワード ライトバックが有効になっていない", PageCause::WritebackNotEnabled),
    ("パスワードライトバックが有効になっていない", PageCause::WritebackNotEnabled),
    // SSPR_0011
    ("hasn't defined a password reset policy", PageCause::NoPolicy),
    ("hasn't configured password reset for your organization", PageCause::NoPolicy),
    ("パスワード リセット ポリシーを定義していません", PageCause::NoPolicy),
    // SSPR_0012
    ("doesn't have the required licenses necessary to perform password reset", PageCause::NotLicensed),
    ("required licenses are missing from your organization", PageCause::NotLicensed),
    ("パスワードのリセットを実行するために必要なライセンスがありません", PageCause::NotLicensed),
    // SSPR_0013
    ("aren't a member of a group enabled for password reset", PageCause::NotInScopedGroup),
    ("hasn't configured your account to use password reset", PageCause::NotInScopedGroup),
    ("パスワード リセットが有効になっているグループのメンバーではありません", PageCause::NotInScopedGroup),
    // SSPR_0014
    ("additional security info is needed to reset your password", PageCause::NotRegistered),
    ("necessary information is missing from your account", PageCause::NotRegistered),
    ("パスワードをリセットするための追加のセキュリティ情報が必要です", PageCause::NotRegistered),
    // SSPR_0029
    ("due to an error in your on-premises configuration", PageCause::OnPremisesConfig),
    ("problem with your organization's password reset configuration", PageCause::OnPremisesConfig),
    ("オンプレミス構成でのエラーのため", PageCause::OnPremisesConfig),
    // SSPR_0030
    ("poor connection with your on-premises environment", PageCause::OnPremisesConnectivity),
    ("connectivity issues to your organization", PageCause::OnPremisesConnectivity),
    ("オンプレミス環境との接続状況が悪いため", PageCause::OnPremisesConnectivity),
    // Throttling of the reset itself: 24 hours.
    ("reset your password too many times", PageCause::Throttled),
    ("tried too many times", PageCause::Throttled),
    ("too many times in a short period", PageCause::Throttled),
    ("wait 24 hours", PageCause::Throttled),
    ("try again in 24 hours", PageCause::Throttled),
    ("試行回数の上限", PageCause::Throttled),
    ("24 時間待", PageCause::Throttled),
    ("24時間待", PageCause::Throttled),
    ("24 時間後にもう一度", PageCause::Throttled),
    ("24時間後にもう一度", PageCause::Throttled),
    // The telephony limit: minutes.
    ("hit our limit on text verification codes", PageCause::SmsRateLimited),
    ("hit our limit on verification calls", PageCause::SmsRateLimited),
    // Fraud protection.
    ("having trouble verifying your account", PageCause::TelephonyTrouble),
    ("アカウントの確認で問題", PageCause::TelephonyTrouble),
    // The number typed does not match.
    ("doesn't match the phone number on file", PageCause::PhoneMismatch),
    ("does not match the phone number on file", PageCause::PhoneMismatch),
    ("電話番号が一致しません", PageCause::PhoneMismatch),
    // The retired MSOnline module.
    ("get-msol", PageCause::MsonlineRetired),
    ("connect-msolservice", PageCause::MsonlineRetired),
    ("msonline", PageCause::MsonlineRetired),
];

/// The `SSPR_` codes in upper-cased text (also typed `SSPR 0009` or `SSPR-0009`), each
/// once, in the order of the table.
pub fn read_page_codes(upper: &str) -> Vec<(PageCause, &'static str)> {
    SSPR_ERROR_CODES
        .iter()
        .filter(|(code, _)| {
            let digits = &code[5..];
            ["_", " ", "-", ""].iter().any(|sep| upper.contains(&format!("SSPR{sep}{digits}")))
        })
        .map(|(code, cause)| (*cause, *code))
        .collect()
}
