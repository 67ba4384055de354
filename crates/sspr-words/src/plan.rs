//! A fix plan's actions in words (contract v1.2 "Fix plan"): one sentence per action, with
//! who does it and whether the fix script does. Each language is an exhaustive match.

use crate::case::{Cloud, Lang};
use crate::facts::TAP_URL;
use crate::names::*;
use sspr_model::plan::{Action, ActionDetail, ActionId, Actor, AdminRole, ReviewReason};

/// The role as a reader names it.
pub fn role_name(r: AdminRole, l: Lang) -> String {
    match (r, l) {
        (AdminRole::AuthenticationAdministrator, Lang::En) => ROLE_AUTH_ADMIN_EN.into(),
        (AdminRole::AuthenticationAdministrator, Lang::Ja) => ROLE_AUTH_ADMIN_JA.into(),
        (AdminRole::PrivilegedAuthenticationAdministrator, Lang::En) => fill!("{ROLE_PRIV_AUTH_ADMIN_EN} or {ROLE_GLOBAL_ADMIN_EN}"),
        (AdminRole::PrivilegedAuthenticationAdministrator, Lang::Ja) => fill!("{ROLE_PRIV_AUTH_ADMIN_JA}または{ROLE_GLOBAL_ADMIN_JA}"),
        (AdminRole::PrivilegedRoleAdministrator, Lang::En) => ROLE_PRIV_ROLE_ADMIN_EN.into(),
        (AdminRole::PrivilegedRoleAdministrator, Lang::Ja) => ROLE_PRIV_ROLE_ADMIN_JA.into(),
    }
}

/// Why an account needs a person's eyes.
pub fn review_reason(r: ReviewReason, l: Lang) -> &'static str {
    match (r, l) {
        (ReviewReason::SpreadsheetDamaged, Lang::En) => {
            "a spreadsheet damaged the number in the file; read the number itself under the account's authentication methods"
        }
        (ReviewReason::SpreadsheetDamaged, Lang::Ja) => {
            "ファイルの電話番号が表計算ソフトで壊れています。実際の番号は、アカウントの認証方法で確認できます"
        }
        (ReviewReason::ConflictingRows, Lang::En) => "rows of the file give this account different numbers or addresses",
        (ReviewReason::ConflictingRows, Lang::Ja) => "ファイル内の複数の行で、このアカウントの番号またはアドレスが食い違っています",
        (ReviewReason::UnknownMethods, Lang::En) => "the account has methods this tool does not know",
        (ReviewReason::UnknownMethods, Lang::Ja) => "このツールで認識できない認証方法がアカウントに登録されています",
        (ReviewReason::NoAccountKey, Lang::En) => "the file gives neither a user name nor an object id for it",
        (ReviewReason::NoAccountKey, Lang::Ja) => "ファイルにユーザー名もオブジェクト ID もありません",
        (ReviewReason::PhoneUncertain, Lang::En) => "the number is not valid and no correction is certain",
        (ReviewReason::PhoneUncertain, Lang::Ja) => "番号が有効ではなく、修正後の番号を確定できません",
    }
}

/// One action as a sentence, ending with who does it (its links those of `cloud`).
pub fn action_text(a: &Action, l: Lang, cloud: Cloud) -> String {
    let info = security_info(cloud, l);
    let what = match (l, a.id, &a.detail) {
        (Lang::En, ActionId::FixPhoneNumber, ActionDetail::FixPhone { from, to, .. }) => fill!("Correct the mobile phone method from {from} to {to}."),
        (Lang::Ja, ActionId::FixPhoneNumber, ActionDetail::FixPhone { from, to, .. }) => fill!("携帯電話の認証方法を {from} から {to} に修正します。"),
        (Lang::En, ActionId::AddPhoneMethod, ActionDetail::AddPhone { to, .. }) => fill!("Add {to} (the directory's mobilePhone) as the mobile phone method."),
        (Lang::Ja, ActionId::AddPhoneMethod, ActionDetail::AddPhone { to, .. }) => fill!("{to} (ディレクトリの mobilePhone) を携帯電話の認証方法として追加します。"),
        (Lang::En, ActionId::AddEmailMethod, ActionDetail::AddEmail { to }) => fill!("Add {to} (the owner's address outside the organization, from otherMails) as the email method."),
        (Lang::Ja, ActionId::AddEmailMethod, ActionDetail::AddEmail { to }) => fill!("{to} (otherMails にある、所有者の組織外のアドレス) をメールの認証方法として追加します。"),
        (Lang::En, ActionId::UserRegistersMethod, ActionDetail::Before { before }) => match before {
            Some(d) => fill!("The owner registers a method that is not SMS or voice (Microsoft Authenticator or an OATH token) at {info} before {d}."),
            None => fill!("The owner registers a method that is not SMS or voice (Microsoft Authenticator or an OATH token) at {info}, now."),
        },
        (Lang::Ja, ActionId::UserRegistersMethod, ActionDetail::Before { before }) => match before {
            Some(d) => fill!("{d} より前に、所有者が SMS と音声通話以外の方法 (Microsoft Authenticator または OATH トークン) を {info} で登録します。"),
            None => fill!("今すぐ、所有者が SMS と音声通話以外の方法 (Microsoft Authenticator または OATH トークン) を {info} で登録します。"),
        },
        (Lang::En, ActionId::IssueTemporaryAccessPass, ActionDetail::Pass { lifetime_minutes }) => fill!("Issue a one-time Temporary Access Pass valid for {lifetime_minutes} minutes so the owner can register a method; give it only to the owner, in person or by a channel only they read ({TAP_URL})."),
        (Lang::Ja, ActionId::IssueTemporaryAccessPass, ActionDetail::Pass { lifetime_minutes }) => fill!("所有者が認証方法を登録できるよう、{lifetime_minutes} 分間有効な 1 回限りの一時アクセス パスを発行します。パスは所有者本人にだけ、対面か本人だけが読める手段で渡します ({TAP_URL})。"),
        (Lang::En, ActionId::EnableAdminSspr, _) => "Turn password reset for administrators back on (AllowedToUseSspr).".to_string(),
        (Lang::Ja, ActionId::EnableAdminSspr, _) => "管理者のパスワード リセットを再び有効にします (AllowedToUseSspr)。".to_string(),
        (Lang::En, ActionId::ConfigureTelephonyProvider, ActionDetail::Date { date }) => fill!("Or the organization configures a telephony provider from Microsoft Security Store (a private preview) before {date}."),
        (Lang::Ja, ActionId::ConfigureTelephonyProvider, ActionDetail::Date { date }) => fill!("または、{date} より前に、組織として Microsoft Security Store の電話プロバイダー (プライベート プレビュー) を構成します。"),
        (Lang::En, ActionId::ReviewManually, ActionDetail::Review { reason }) => fill!("Review by hand before changing anything: {}.", review_reason(*reason, l)),
        (Lang::Ja, ActionId::ReviewManually, ActionDetail::Review { reason }) => fill!("変更する前に手作業で確認します: {}。", review_reason(*reason, l)),
        // An id with a detail it never carries: said without its detail.
        (Lang::En, id, _) => id.as_str().to_string(),
        (Lang::Ja, id, _) => id.as_str().to_string(),
    };
    let who = match (l, a.by, a.role, a.scriptable) {
        (Lang::En, Actor::Operator, Some(r), true) => fill!("{}; in the fix script", role_name(r, l)),
        (Lang::Ja, Actor::Operator, Some(r), true) => fill!("{}、修正スクリプトで実行", role_name(r, l)),
        (Lang::En, Actor::Operator, Some(r), false) => role_name(r, l),
        (Lang::Ja, Actor::Operator, Some(r), false) => role_name(r, l),
        (Lang::En, Actor::Operator, None, _) => "an administrator".to_string(),
        (Lang::Ja, Actor::Operator, None, _) => "管理者".to_string(),
        (Lang::En, Actor::Owner, _, _) => "the account's owner".to_string(),
        (Lang::Ja, Actor::Owner, _, _) => "アカウントの所有者".to_string(),
        (Lang::En, Actor::Organization, _, _) => "the organization".to_string(),
        (Lang::Ja, Actor::Organization, _, _) => "組織".to_string(),
    };
    // The sentence ends after who does it: "Correct … (role; in the fix script)."
    match l {
        Lang::En => fill!("{} ({who}).", what.trim_end_matches('.')),
        Lang::Ja => fill!("{} ({who})。", what.trim_end_matches('。')),
    }
}
