//! Microsoft's own names for places and roles, and the lists of methods as a sentence
//! says them, as Microsoft's English and Japanese admin centers and Learn write them. They
//! are words (one per language), so they live here; the facts they name (which roles,
//! which methods) are in sspr_model::facts with their sources. Places and links depend on
//! the reader's cloud (facts::cloud), the methods to use instead on whether texts and calls
//! still reach the reader (`Telephony`).

use crate::case::{Cloud, Lang};
use crate::cause::Telephony;
use crate::facts;

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

/// The methods to use instead of a text message, for a reader: with the office phone while
/// Microsoft still calls, without it (a call too) once texts and calls have ended.
pub fn other_methods(t: Telephony, l: Lang) -> &'static str {
    match (t, l) {
        (Telephony::Offered, Lang::En) => SSPR_OTHER_METHODS_EN,
        (Telephony::Offered, Lang::Ja) => SSPR_OTHER_METHODS_JA,
        (Telephony::Ended { .. }, Lang::En) => SSPR_NON_TELEPHONY_METHODS_EN,
        (Telephony::Ended { .. }, Lang::Ja) => SSPR_NON_TELEPHONY_METHODS_JA,
    }
}

/// Where a user registers methods: its address where Learn gives one (the public cloud),
/// else the page's name, which reads in the same place of a sentence.
pub fn security_info(c: Cloud, l: Lang) -> &'static str {
    match (facts::cloud(c).security_info_url, l) {
        (Some(url), _) => url,
        (None, Lang::En) => "the Security info page of My Sign-ins (your organization's address for this cloud)",
        (None, Lang::Ja) => "マイ サインインの [セキュリティ情報] ページ (このクラウドでの組織のアドレス)",
    }
}

/// The password reset page: its address in the public cloud, else its name.
pub fn reset_page(c: Cloud, l: Lang) -> &'static str {
    match (facts::cloud(c).reset_page_url, l) {
        (Some(url), _) => url,
        (None, Lang::En) => "the password reset page of your cloud (\"Can't access your account?\" on the sign-in page)",
        (None, Lang::Ja) => "ご利用のクラウドのパスワード リセット ページ (サインイン ページの [アカウントにアクセスできない場合])",
    }
}

/// A place in the admin center, for the reader's cloud: the Microsoft Entra admin center in
/// the public cloud, the cloud's Azure portal elsewhere (facts::cloud).
fn admin_place(c: Cloud, l: Lang, tail_en: &str, tail_ja: &str) -> String {
    let f = facts::cloud(c);
    match (f.admin_is_entra_center, l) {
        (true, Lang::En) => fill!("Microsoft Entra admin center → Entra ID → {tail_en}"),
        (true, Lang::Ja) => fill!("Microsoft Entra 管理センター → Entra ID → {tail_ja}"),
        (false, Lang::En) => fill!("Azure portal ({}) → Microsoft Entra ID → {tail_en}", f.admin_url),
        (false, Lang::Ja) => fill!("Azure portal ({}) → Microsoft Entra ID → {tail_ja}", f.admin_url),
    }
}

/// Where the users' SSPR setting lives.
pub fn user_sspr_setting_path(c: Cloud, l: Lang) -> String {
    admin_place(c, l, "Password reset → Properties", "[パスワード リセット] → [プロパティ]")
}

/// Where an account's authentication methods are.
pub fn user_methods_path(c: Cloud, l: Lang) -> String {
    admin_place(c, l, "Users → the user → Authentication methods", "[ユーザー] → 対象のユーザー → [認証方法]")
}

/// Where Microsoft's own registration report is.
pub fn registration_details_path(c: Cloud, l: Lang) -> String {
    admin_place(
        c,
        l,
        "Authentication methods → Activity → Registration → User registration details",
        "[認証方法] → [アクティビティ] → [登録] → [ユーザー登録の詳細]",
    )
}

/// Where password writeback is turned on.
pub fn writeback_setting_path(c: Cloud, l: Lang) -> String {
    admin_place(c, l, "Password reset → On-premises integration", "[パスワード リセット] → [オンプレミス統合]")
}

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
