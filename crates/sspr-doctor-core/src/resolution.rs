//! The immediate path to a working password today, from the source article's "Resolution":
//! not an administrator → your administrator; an administrator → another administrator;
//! the only administrator → Microsoft support.

use crate::case::Lang;
use crate::facts::SUPPORT_URL;
use crate::report::ResolutionId;

fn ask_your_admin(l: Lang) -> String {
    match l {
        Lang::En => "If you are not an administrator: ask your organization's administrator (help desk) to reset your password. They can give you a new temporary password.".into(),
        Lang::Ja => "管理者でない場合: 組織の管理者 (ヘルプデスク) にパスワードのリセットを依頼します。新しい一時パスワードを発行してもらえます。".into(),
    }
}

fn ask_another_admin(l: Lang) -> String {
    match l {
        Lang::En => "If you are an administrator: ask another administrator of your organization to reset your password (Microsoft 365 admin center → Users → Active users → Reset password).".into(),
        Lang::Ja => "管理者の場合: 組織の別の管理者にパスワードのリセットを依頼します (Microsoft 365 管理センター → ユーザー → アクティブなユーザー → パスワードのリセット)。".into(),
    }
}

fn contact_support(l: Lang) -> Vec<String> {
    match l {
        Lang::En => vec![
            "If you are the only administrator: contact Microsoft support. Without a working sign-in, use the phone support numbers.".into(),
            format!("Support and phone numbers: {SUPPORT_URL}"),
            "Have ready: the organization's domain (for example contoso.onmicrosoft.com), your user name, and proof of ownership they may ask for (such as adding a DNS record).".into(),
        ],
        Lang::Ja => vec![
            "自分が唯一の管理者の場合: Microsoft サポートに問い合わせます。サインインできない場合は電話サポートを使います。".into(),
            format!("サポートと電話番号: {SUPPORT_URL}"),
            "組織のドメイン (例: contoso.onmicrosoft.com)、ユーザー名、所有者の確認 (DNS レコードの追加など) を求められたときの準備をしておきます。".into(),
        ],
    }
}

pub fn steps(id: ResolutionId, l: Lang) -> Vec<String> {
    match id {
        ResolutionId::AskYourAdmin => vec![ask_your_admin(l)],
        ResolutionId::AskAnotherAdmin => vec![ask_another_admin(l)],
        ResolutionId::ContactSupport => contact_support(l),
        ResolutionId::Unknown => {
            let mut v = vec![ask_your_admin(l), ask_another_admin(l)];
            v.extend(contact_support(l));
            v
        }
    }
}
