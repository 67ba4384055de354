//! Microsoft's own names for places and roles, and the lists of methods as a sentence
//! says them, as Microsoft's English and Japanese admin centers and Learn write them. They
//! are words (one per language), so they live here; the facts they name (which roles,
//! which methods) are in sspr_model::facts with their sources.

/// Where the users' SSPR setting lives in the admin center.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/tutorial-enable-sspr
pub const USER_SSPR_SETTING_PATH_EN: &str = "Microsoft Entra admin center → Entra ID → Password reset → Properties";
pub const USER_SSPR_SETTING_PATH_JA: &str = "Microsoft Entra 管理センター → Entra ID → [パスワード リセット] → [プロパティ]";

/// The two roles that can reset a Global Administrator's password and change any user's
/// authentication methods (the rule itself: sspr_model::facts).
/// Source: https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/privileged-roles-permissions#who-can-reset-passwords (ms.date 2026-06-05)
pub const ROLE_GLOBAL_ADMIN_EN: &str = "Global Administrator";
pub const ROLE_GLOBAL_ADMIN_JA: &str = "グローバル管理者";

pub const ROLE_PRIV_AUTH_ADMIN_EN: &str = "Privileged Authentication Administrator";
pub const ROLE_PRIV_AUTH_ADMIN_JA: &str = "特権認証管理者";

/// Where an account's authentication methods are, in the admin center.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/howto-mfa-userdevicesettings
pub const USER_METHODS_PATH_EN: &str = "Microsoft Entra admin center → Entra ID → Users → the user → Authentication methods";
pub const USER_METHODS_PATH_JA: &str = "Microsoft Entra 管理センター → Entra ID → [ユーザー] → 対象のユーザー → [認証方法]";

/// Where Microsoft's own registration report is (what `isSsprCapable` comes from).
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/howto-authentication-methods-activity
pub const REGISTRATION_DETAILS_PATH_EN: &str =
    "Microsoft Entra admin center → Entra ID → Authentication methods → Activity → Registration → User registration details";
pub const REGISTRATION_DETAILS_PATH_JA: &str =
    "Microsoft Entra 管理センター → Entra ID → [認証方法] → [アクティビティ] → [登録] → [ユーザー登録の詳細]";

/// The methods SSPR accepts besides text messages and calls (the facts: sspr_model::facts,
/// `admin_sspr_gate`). The office phone is allowed under Voice calls in the Authentication
/// methods policy (Configure tab), or in the legacy SSPR settings.
/// Sources: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sspr-howitworks,
/// https://learn.microsoft.com/en-us/entra/identity/authentication/how-to-authentication-methods-manage
pub const SSPR_OTHER_METHODS_EN: &str = "email, a Microsoft Authenticator notification or code, an OATH code (software or hardware token), or an office phone where your organization allows it (Voice calls in the Authentication methods policy)";
pub const SSPR_OTHER_METHODS_JA: &str = "メール、Microsoft Authenticator の通知またはコード、OATH コード (ソフトウェアまたはハードウェア トークン)、組織が許可していれば会社電話 (認証方法ポリシーの [音声通話])";

/// The same without the office phone: what still works when Microsoft's SMS and voice end.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sms-voice-retirement
pub const SSPR_NON_TELEPHONY_METHODS_EN: &str =
    "email outside the organization, Microsoft Authenticator (notification or code) or an OATH token";
pub const SSPR_NON_TELEPHONY_METHODS_JA: &str = "組織外のメール、Microsoft Authenticator (通知またはコード)、OATH トークン";

/// Where password writeback is turned on.
/// Source: https://learn.microsoft.com/en-us/entra/identity/authentication/tutorial-enable-sspr-writeback (ms.date 2026-05-27)
pub const WRITEBACK_SETTING_PATH_EN: &str = "Microsoft Entra admin center → Entra ID → Password reset → On-premises integration";
pub const WRITEBACK_SETTING_PATH_JA: &str = "Microsoft Entra 管理センター → Entra ID → [パスワード リセット] → [オンプレミス統合]";

/// The roles a fix plan names (sspr_model::plan::AdminRole; the rule: facts::AUTH_ADMIN_MANAGEABLE_ROLES).
/// Source: https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/permissions-reference
pub const ROLE_AUTH_ADMIN_EN: &str = "Authentication Administrator";
pub const ROLE_AUTH_ADMIN_JA: &str = "認証管理者";
pub const ROLE_PRIV_ROLE_ADMIN_EN: &str = "Privileged Role Administrator";
pub const ROLE_PRIV_ROLE_ADMIN_JA: &str = "特権ロール管理者";
