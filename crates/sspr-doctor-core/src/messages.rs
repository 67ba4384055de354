//! The words of every finding, in English and Japanese, side by side so neither language
//! can fall behind: each arm of the match writes both. Facts come from `facts`.

use crate::case::Lang;
use crate::cause::{Cause, Known, NonCarrier, PolicyTrouble, Retirement};
use crate::email::EmailProblem;
use crate::facts::{self, *};
use crate::phone::Invalid;
use crate::policy::GraphError;
use crate::report::{Command, PhoneType};
use crate::upn::UpnProblem;

pub struct Texts {
    pub title: String,
    pub detail: String,
    pub steps: Vec<String>,
    pub commands: Vec<Command>,
}

fn cmd(text: &str) -> Command {
    Command { text: text.to_string(), legacy: false }
}

/// The Graph PowerShell commands that read the switch, as steps and as commands.
fn read_switch(l: Lang) -> (Vec<String>, Vec<Command>) {
    let steps = match l {
        Lang::En => vec![
            format!("In PowerShell with the Microsoft Graph module (if needed: {GRAPH_INSTALL}), sign in as another administrator: {GRAPH_CONNECT_READ}"),
            format!("Run: {GRAPH_READ_SSPR} — True means administrators may reset their own password; False means they may not."),
            format!("(Legacy, retired: {MSOL_READ_SSPR}. The MSOnline module no longer works; use the command above.)"),
        ],
        Lang::Ja => vec![
            format!("Microsoft Graph モジュールの PowerShell で (未導入なら {GRAPH_INSTALL})、別の管理者としてサインインします: {GRAPH_CONNECT_READ}"),
            format!("実行: {GRAPH_READ_SSPR} — True なら管理者は自分のパスワードをリセットできます。False ならできません。"),
            format!("(旧コマンド・廃止済み: {MSOL_READ_SSPR}。MSOnline モジュールはもう動作しません。上のコマンドを使ってください。)"),
        ],
    };
    let commands = vec![cmd(GRAPH_CONNECT_READ), cmd(GRAPH_READ_SSPR), Command { text: MSOL_READ_SSPR.to_string(), legacy: true }];
    (steps, commands)
}

fn email_reason(p: &EmailProblem, l: Lang) -> String {
    use EmailProblem::*;
    let en = |s: String| s;
    match (p, l) {
        (FullWidthAt, Lang::En) => en("it uses the full-width \"＠\" instead of \"@\"".into()),
        (FullWidthAt, Lang::Ja) => "「@」が全角の「＠」になっています".into(),
        (FullWidthCharacters, Lang::En) => "it contains full-width characters".into(),
        (FullWidthCharacters, Lang::Ja) => "全角文字が含まれています".into(),
        (NoAt, Lang::En) => "it has no \"@\"".into(),
        (NoAt, Lang::Ja) => "「@」がありません".into(),
        (TwoAts, Lang::En) => "it has more than one \"@\"".into(),
        (TwoAts, Lang::Ja) => "「@」が 2 つ以上あります".into(),
        (EmptyLocalPart, Lang::En) => "nothing comes before the \"@\"".into(),
        (EmptyLocalPart, Lang::Ja) => "「@」の前が空です".into(),
        (EmptyDomain, Lang::En) => "nothing comes after the \"@\"".into(),
        (EmptyDomain, Lang::Ja) => "「@」の後ろ (ドメイン) が空です".into(),
        (Spaces, Lang::En) => "it contains spaces".into(),
        (Spaces, Lang::Ja) => "空白が含まれています".into(),
        (NoDomainDot, Lang::En) => "the domain has no dot (e.g. \"example.com\")".into(),
        (NoDomainDot, Lang::Ja) => "ドメインに「.」がありません (例: example.com)".into(),
        (BadLocalCharacter(c), Lang::En) => format!("the character \"{c}\" is not allowed before the \"@\""),
        (BadLocalCharacter(c), Lang::Ja) => format!("「@」の前に使えない文字「{c}」があります"),
        (BadDomainCharacter(c), Lang::En) => format!("the character \"{c}\" is not allowed in the domain"),
        (BadDomainCharacter(c), Lang::Ja) => format!("ドメインに使えない文字「{c}」があります"),
        (EmptyLabel, Lang::En) => "the domain has two dots in a row or starts or ends with a dot".into(),
        (EmptyLabel, Lang::Ja) => "ドメインに「.」が連続しているか、「.」で始まる/終わっています".into(),
        (LabelHyphen(s), Lang::En) => format!("the domain part \"{s}\" starts or ends with a hyphen"),
        (LabelHyphen(s), Lang::Ja) => format!("ドメインの「{s}」がハイフンで始まる/終わっています"),
        (LabelTooLong(_), Lang::En) => "a part of the domain is longer than 63 characters".into(),
        (LabelTooLong(_), Lang::Ja) => "ドメインの一部が 63 文字を超えています".into(),
        (LocalTooLong(n), Lang::En) => format!("the part before the \"@\" has {n} characters (at most 64)"),
        (LocalTooLong(n), Lang::Ja) => format!("「@」の前が {n} 文字です (最大 64 文字)"),
        (DomainTooLong(n), Lang::En) => format!("the domain has {n} characters (at most 255)"),
        (DomainTooLong(n), Lang::Ja) => format!("ドメインが {n} 文字です (最大 255 文字)"),
        (AddressTooLong(n), Lang::En) => format!("the address has {n} characters (at most 254)"),
        (AddressTooLong(n), Lang::Ja) => format!("アドレスが {n} 文字です (最大 254 文字)"),
        (NumericTld(t), Lang::En) => format!("the domain ends in a number (\"{t}\")"),
        (NumericTld(t), Lang::Ja) => format!("ドメインが数字 (「{t}」) で終わっています"),
    }
}

fn phone_reason(p: &Invalid, l: Lang) -> String {
    use Invalid::*;
    match (p, l) {
        (NoDigits, Lang::En) => "it contains no digits".into(),
        (NoDigits, Lang::Ja) => "数字が含まれていません".into(),
        (Letters(c), Lang::En) => format!("it contains the letter \"{c}\""),
        (Letters(c), Lang::Ja) => format!("文字「{c}」が含まれています"),
        (BadCharacter(c), Lang::En) => format!("it contains the character \"{c}\""),
        (BadCharacter(c), Lang::Ja) => format!("使えない文字「{c}」が含まれています"),
        (UnknownCountryCode(cc), Lang::En) => format!("no country uses a calling code starting \"+{cc}\""),
        (UnknownCountryCode(cc), Lang::Ja) => format!("「+{cc}」で始まる国番号は存在しません"),
        (UnknownRegionHint(r), Lang::En) => format!("\"{r}\" is not a country code such as JP or US"),
        (UnknownRegionHint(r), Lang::Ja) => format!("「{r}」は JP や US のような国コードではありません"),
        (TooShort { len, min }, Lang::En) => format!("it is too short: {len} digits after the country code, at least {min} needed"),
        (TooShort { len, min }, Lang::Ja) => format!("短すぎます: 国番号の後が {len} 桁です (最低 {min} 桁)"),
        (TooLong { len, max }, Lang::En) => format!("it is too long: {len} digits after the country code, at most {max}"),
        (TooLong { len, max }, Lang::Ja) => format!("長すぎます: 国番号の後が {len} 桁です (最大 {max} 桁)"),
        (InvalidLength { len }, Lang::En) => format!("no number in that country has {len} digits"),
        (InvalidLength { len }, Lang::Ja) => format!("その国に {len} 桁の番号はありません"),
        (NoSuchRange, Lang::En) => "no number in that country starts this way".into(),
        (NoSuchRange, Lang::Ja) => "その国にこの始まり方の番号はありません".into(),
        (TooLongInput, Lang::En) => "the input is far longer than any phone number".into(),
        (TooLongInput, Lang::Ja) => "入力が電話番号としては長すぎます".into(),
    }
}

fn upn_reason(p: &UpnProblem, l: Lang) -> String {
    use UpnProblem::*;
    match (p, l) {
        (Empty, Lang::En) => "it is empty".into(),
        (Empty, Lang::Ja) => "空です".into(),
        (NoAt, Lang::En) => "it has no \"@domain\" part: the user name is the full sign-in address".into(),
        (NoAt, Lang::Ja) => "「@ドメイン」がありません。ユーザー名はサインイン用の完全なアドレスです".into(),
        (TwoAts, Lang::En) => "it has more than one \"@\"".into(),
        (TwoAts, Lang::Ja) => "「@」が 2 つ以上あります".into(),
        (FullWidth, Lang::En) => "it contains full-width characters (Japanese input mode)".into(),
        (FullWidth, Lang::Ja) => "全角文字が含まれています (日本語入力のまま入力された可能性)".into(),
        (Spaces, Lang::En) => "it contains spaces".into(),
        (Spaces, Lang::Ja) => "空白が含まれています".into(),
        (BadCharacter(c), Lang::En) => format!("the character \"{c}\" is not allowed in a user name"),
        (BadCharacter(c), Lang::Ja) => format!("ユーザー名に使えない文字「{c}」があります"),
        (DotBeforeAt, Lang::En) => "a \".\" comes right before the \"@\"".into(),
        (DotBeforeAt, Lang::Ja) => "「@」の直前に「.」があります".into(),
        (NoDomainDot, Lang::En) => "the domain is incomplete (e.g. \"contoso.onmicrosoft.com\")".into(),
        (NoDomainDot, Lang::Ja) => "ドメインが不完全です (例: contoso.onmicrosoft.com)".into(),
        (LocalTooLong(n), Lang::En) => format!("{n} characters before the \"@\" (at most 64)"),
        (LocalTooLong(n), Lang::Ja) => format!("「@」の前が {n} 文字です (最大 64 文字)"),
        (DomainTooLong(n), Lang::En) => format!("{n} characters after the \"@\" (at most 48)"),
        (DomainTooLong(n), Lang::Ja) => format!("「@」の後ろが {n} 文字です (最大 48 文字)"),
        (TooLong(n), Lang::En) => format!("{n} characters in all (at most 113)"),
        (TooLong(n), Lang::Ja) => format!("全体で {n} 文字です (最大 113 文字)"),
    }
}

pub fn phone_type_name(t: PhoneType, l: Lang) -> &'static str {
    use PhoneType::*;
    match (t, l) {
        (Mobile, Lang::En) => "a mobile number",
        (Mobile, Lang::Ja) => "携帯電話番号",
        (FixedLine, Lang::En) => "a landline number",
        (FixedLine, Lang::Ja) => "固定電話番号",
        (FixedLineOrMobile, Lang::En) => "a landline or mobile number",
        (FixedLineOrMobile, Lang::Ja) => "固定電話または携帯電話の番号",
        (Voip, Lang::En) => "an internet (VoIP) number",
        (Voip, Lang::Ja) => "IP 電話 (VoIP) 番号",
        (TollFree, Lang::En) => "a toll-free number",
        (TollFree, Lang::Ja) => "フリーダイヤル番号",
        (PremiumRate, Lang::En) => "a premium-rate number",
        (PremiumRate, Lang::Ja) => "有料情報サービス番号",
        (SharedCost, Lang::En) => "a shared-cost number",
        (SharedCost, Lang::Ja) => "料金分担番号",
        (PersonalNumber, Lang::En) => "a personal (forwarding) number",
        (PersonalNumber, Lang::Ja) => "パーソナル (転送) 番号",
        (Pager, Lang::En) => "a pager number",
        (Pager, Lang::Ja) => "ポケベル番号",
        (Uan, Lang::En) => "a company (universal access) number",
        (Uan, Lang::Ja) => "企業の代表 (統一) 番号",
        (Voicemail, Lang::En) => "a voicemail access number",
        (Voicemail, Lang::Ja) => "ボイスメール番号",
        (Unknown, Lang::En) => "a number of unknown type",
        (Unknown, Lang::Ja) => "種類の分からない番号",
    }
}

pub fn render(c: &Cause, l: Lang) -> Texts {
    let ja = l == Lang::Ja;
    let s = |en: &str, jp: &str| if ja { jp.to_string() } else { en.to_string() };
    let mut commands = Vec::new();
    let (title, detail, steps): (String, String, Vec<String>) = match c {
        Cause::Throttled { from_telephony: false } => (
            s("Too many attempts: password reset is blocked for now", "試行回数の上限: パスワード リセットが一時的にブロックされています"),
            if ja { format!("1 時間に {THROTTLE_ATTEMPTS_PER_HOUR} 回を超える電話番号の確認やリセットを行うと、自動的にブロックされます。最後の試行から {THROTTLE_WAIT_HOURS} 時間たつまで、メールもテキスト メッセージも届きません。") }
            else { format!("More than {THROTTLE_ATTEMPTS_PER_HOUR} phone validations or resets of the same account in one hour trigger an automatic block. Until {THROTTLE_WAIT_HOURS} hours have passed since the last attempt, no email or text message is sent.") },
            if ja { vec![format!("これ以上試さないでください。試すたびに待ち時間が延びます。"), format!("最後の試行から {THROTTLE_WAIT_HOURS} 時間待ってから、{RESET_PAGE_URL} でもう一度リセットします。"), "今すぐ必要な場合は、この結果の「今すぐパスワードをリセットするには」の方法を使ってください。".into()] }
            else { vec!["Stop trying for now: every new attempt restarts the wait.".into(), format!("Wait {THROTTLE_WAIT_HOURS} hours after the last attempt, then reset again at {RESET_PAGE_URL}."), "If you need access sooner, follow \"To reset the password today\" in this report.".into()] },
        ),
        Cause::Throttled { from_telephony: true } => (
            s("Microsoft is holding back text messages and calls to this number", "この番号へのテキスト メッセージと通話が制限されています"),
            s("\"Sorry, we're having trouble verifying your account\" means Microsoft's telephony fraud protection throttled the request. It happens after repeated attempts, for new organizations in their first days, and for numbers in regions that need an opt-in.",
              "「アカウントの確認で問題が発生しています」は、Microsoft の電話詐欺対策によって要求が制限されたことを示します。試行の繰り返し、作成から数日以内の組織、オプトインが必要な地域の番号で起こります。"),
            if ja { vec!["しばらく (数時間) 待ってから試してください。すぐに繰り返さないでください。".into(), "メールや Microsoft Authenticator など、電話以外の方法があればそちらを選びます。".into(), "繰り返し起きる場合は、別の管理者から Microsoft サポートに問い合わせてもらいます。".into()] }
            else { vec!["Wait some hours before trying again; do not retry right away.".into(), "Choose a method that is not telephony if you have one: email or Microsoft Authenticator.".into(), "If it keeps happening, have another administrator open a Microsoft support request.".into()] },
        ),
        Cause::NotAdmin(Known::Yes) => (
            s("This account is not an administrator", "このアカウントは管理者ではありません"),
            s("Administrator self-service password reset only works for accounts that hold an administrator role; the message is never sent to other accounts this way.",
              "管理者向けのセルフサービス パスワード リセットは、管理者ロールを持つアカウントだけが使えます。それ以外のアカウントにはこの方法でメッセージは送られません。"),
            if ja { vec!["組織の管理者 (ヘルプデスク) にパスワードのリセットを依頼します。一時パスワードを発行してもらえます。".into()] }
            else { vec!["Ask your organization's administrator (help desk) to reset your password; they can give you a temporary password.".into()] },
        ),
        Cause::NotAdmin(Known::Unknown) => (
            s("Check that the account is an administrator", "アカウントが管理者か確認してください"),
            s("The reset described here is the administrator one. If the account holds no administrator role, this flow does not send the message.",
              "ここで扱うのは管理者向けのリセットです。管理者ロールがないアカウントでは、この流れでメッセージは送られません。"),
            if ja { vec!["Microsoft 365 管理センターや Microsoft Entra 管理センターで、このアカウントに管理者ロール (グローバル管理者など) があるか、同僚の管理者に確認してもらいます。".into()] }
            else { vec!["Ask a fellow administrator to look up the account's roles (for example Global Administrator) in the Microsoft 365 or Microsoft Entra admin center.".into()] },
        ),
        Cause::SsprDisabled { known: Known::Yes, from_page } => {
            commands = vec![cmd(GRAPH_CONNECT_WRITE), cmd(GRAPH_ENABLE_SSPR)];
            (
                s("Password reset is turned off for administrators", "管理者のパスワード リセットが無効になっています"),
                if *from_page { s("The reset page reported SSPR_0009: password reset is not enabled. With it off, no email or text message is ever sent.", "リセット ページに SSPR_0009 (パスワード リセットが有効になっていない) と表示されました。無効のままでは、メールもテキスト メッセージも送られません。") }
                else { s("The organization's AllowedToUseSspr switch is off. With it off, administrators cannot reset their own password, and no email or text message is sent.", "組織の AllowedToUseSspr がオフです。オフのままでは管理者は自分でパスワードをリセットできず、メールもテキスト メッセージも送られません。") },
                if ja { vec![
                    format!("サインインできる管理者 (別の管理者、または唯一の管理者なら Microsoft サポートでサインインを回復した後のあなた) が次を実行して有効にします: {GRAPH_CONNECT_WRITE}"),
                    format!("続けて: {GRAPH_ENABLE_SSPR}"),
                    format!("反映まで最大 {POLICY_PROPAGATION_MINUTES} 分かかります。その後 {RESET_PAGE_URL} でもう一度試します。"),
                ] } else { vec![
                    format!("An administrator who can sign in turns it on (another administrator, or you once Microsoft support has restored your sign-in if you are the only one): {GRAPH_CONNECT_WRITE}"),
                    format!("then: {GRAPH_ENABLE_SSPR}"),
                    format!("The change takes up to {POLICY_PROPAGATION_MINUTES} minutes; then try {RESET_PAGE_URL} again."),
                ] },
            )
        }
        Cause::SsprDisabled { known: Known::Unknown, .. } => {
            let (steps, cmds) = read_switch(l);
            commands = cmds;
            (
                s("Check that password reset is on for administrators", "管理者のパスワード リセットが有効か確認してください"),
                s("If the organization turned administrator password reset off (AllowedToUseSspr = False), no message is sent. Paste the command's output into the \"policy output\" field to check it here.",
                  "組織で管理者のパスワード リセットがオフ (AllowedToUseSspr = False) だと、メッセージは送られません。コマンドの出力を「ポリシーの出力」欄に貼り付けると、ここで判定できます。"),
                steps,
            )
        }
        Cause::ResetNotConfigured { code } => (
            if ja { format!("リセット ページが組織の設定の問題を報告しました ({code})") } else { format!("The reset page reported a configuration problem ({code})") },
            match *code {
                "SSPR_0010" => s("Password writeback is not enabled, so a password synchronized from on-premises Active Directory cannot be reset in the cloud.", "パスワード ライトバックが有効でないため、オンプレミス Active Directory から同期されたパスワードはクラウドでリセットできません。"),
                "SSPR_0011" => s("The organization has not defined a password reset policy.", "組織でパスワード リセット ポリシーが定義されていません。"),
                "SSPR_0012" => s("The license that password reset needs is missing for this account.", "パスワード リセットに必要なライセンスがこのアカウントにありません。"),
                "SSPR_0013" => s("The account is not a member of the group enabled for password reset.", "アカウントが、パスワード リセットが有効なグループのメンバーではありません。"),
                _ => s("The organization's password reset configuration has a problem that only an administrator can fix.", "組織のパスワード リセット構成に、管理者でなければ直せない問題があります。"),
            },
            if ja { vec!["別の管理者に、Microsoft Entra 管理センターの [パスワード リセット] の設定を確認してもらいます。".into(), "その間は、別の管理者にパスワードをリセットしてもらいます。".into()] }
            else { vec!["Ask another administrator to review Password reset in the Microsoft Entra admin center.".into(), "Meanwhile, have another administrator reset your password.".into()] },
        ),
        Cause::PolicyUnrecognized(t) => {
            let (steps, cmds) = read_switch(l);
            commands = cmds;
            let detail = match t {
                PolicyTrouble::Unrecognized => s("The pasted text shows neither True nor False for AllowedToUseSspr (or SelfServePasswordResetEnabled).", "貼り付けたテキストに AllowedToUseSspr (または SelfServePasswordResetEnabled) の True/False が見つかりません。"),
                PolicyTrouble::Contradictory => s("The pasted text shows the switch both on and off; it may mix outputs from different tenants or times.", "貼り付けたテキストに、オンとオフの両方が含まれています。別のテナントや別の時点の出力が混ざっている可能性があります。"),
                PolicyTrouble::Graph(GraphError::NotInstalled) => if ja { format!("Get-MgPolicyAuthorizationPolicy が見つかりません。モジュールをインストールしてください: {GRAPH_INSTALL}") } else { format!("Get-MgPolicyAuthorizationPolicy was not found. Install the module: {GRAPH_INSTALL}") },
                PolicyTrouble::Graph(GraphError::NotConnected) => if ja { format!("Microsoft Graph に接続していません。先に実行: {GRAPH_CONNECT_READ}") } else { format!("PowerShell is not connected to Microsoft Graph. First run: {GRAPH_CONNECT_READ}") },
                PolicyTrouble::Graph(GraphError::AccessDenied) => s("The account that ran the command may not read the policy; run it as an administrator with Policy.Read.All consented.", "コマンドを実行したアカウントにポリシーを読む権限がありません。Policy.Read.All に同意した管理者で実行してください。"),
            };
            (s("The policy output could not be read", "ポリシーの出力を読み取れませんでした"), detail, steps)
        }
        Cause::UsernameInvalid(Some(p)) => (
            s("The user name is not a valid sign-in name", "ユーザー名がサインイン名の形式になっていません"),
            if ja { format!("入力されたユーザー名は、{}。一致するアカウントがないため、何も送られません。", upn_reason(p, l)) } else { format!("The user name typed on the reset page is not well formed: {}. No account matches it, so nothing is sent.", upn_reason(p, l)) },
            if ja { vec!["サインインに使う完全な名前 (例: admin@contoso.onmicrosoft.com) を半角で入力します。".into()] } else { vec!["Type the full sign-in name (for example admin@contoso.onmicrosoft.com), in half-width characters.".into()] },
        ),
        Cause::UsernameInvalid(None) => (
            s("Check the user name typed on the reset page", "リセット ページで入力したユーザー名を確認してください"),
            s("A mistyped user name matches no account, or another one, and the message goes nowhere you can see.", "ユーザー名を間違えると、どのアカウントにも (または別のアカウントに) 一致し、メッセージは見えないところへ送られます。"),
            if ja { vec!["サインインに使う完全な名前 (例: admin@contoso.onmicrosoft.com) を入力したか確認します。".into()] } else { vec!["Make sure you typed the full sign-in name, for example admin@contoso.onmicrosoft.com.".into()] },
        ),
        Cause::AlternateEmailMissing(k) => (
            if *k == Known::Yes { s("No alternate email address is set", "連絡用メール アドレスが設定されていません") } else { s("Check that an alternate email address is set", "連絡用メール アドレスが設定されているか確認してください") },
            s("The reset email goes to the administrator's alternate (contact) email address. Without one, it cannot be sent.", "リセット メールは管理者の連絡用 (代替) メール アドレスに送られます。設定されていなければ送れません。"),
            if ja { vec!["今すぐのリセットは、この結果の「今すぐパスワードをリセットするには」に従います。".into(), format!("サインインできたら、{SECURITY_INFO_URL} で自分がアクセスできる組織外のメール アドレスを登録します。")] }
            else { vec!["For today, follow \"To reset the password today\" in this report.".into(), format!("Once signed in, register an address outside the organization that you can read, at {SECURITY_INFO_URL}.")] },
        ),
        Cause::AlternateEmailInvalid { problem, suggestion } => (
            s("The alternate email address is not valid", "連絡用メール アドレスが正しくありません"),
            if ja { format!("連絡用メール アドレスは{}。", email_reason(problem, l)) } else { format!("The alternate email address is not a valid address: {}.", email_reason(problem, l)) },
            {
                let mut v = Vec::new();
                if let Some(sug) = suggestion {
                    v.push(if ja { format!("正しいアドレスはおそらく {sug} です。") } else { format!("The intended address is probably {sug}.") });
                }
                v.push(if ja { format!("別の管理者に連絡用メール アドレスを直してもらうか、サインインできたら {SECURITY_INFO_URL} で直します。") } else { format!("Have another administrator correct the alternate email address, or correct it yourself at {SECURITY_INFO_URL} once signed in.") });
                v
            },
        ),
        Cause::AlternateEmailTypo { suggestion } => (
            s("The alternate email address looks mistyped", "連絡用メール アドレスの入力ミスの可能性があります"),
            if ja { format!("ドメインがよく使われるドメインと 1 文字違いです。{suggestion} のつもりではありませんか。") } else { format!("The domain is one typo away from a well-known one. Did you mean {suggestion}?") },
            if ja { vec![format!("{suggestion} が正しければ、別の管理者に連絡用メール アドレスを直してもらいます。")] } else { vec![format!("If {suggestion} is right, have another administrator correct the alternate email address.")] },
        ),
        Cause::AlternateEmailInTenant { domain, onmicrosoft } => (
            s("The alternate email address is inside your own organization", "連絡用メール アドレスが自組織内のアドレスです"),
            if *onmicrosoft { if ja { format!("{domain} は Microsoft 365 の組織内ドメインです。ロックアウトされたままでは、このメールボックスにサインインできません。") } else { format!("{domain} is a Microsoft 365 organization domain. While you are locked out you cannot sign in to that mailbox.") } }
            else if ja { format!("{domain} はサインイン名と同じ組織のドメインです。ロックアウトされたままでは、このメールボックスを読めない可能性が高いです。") } else { format!("{domain} is the same organization as the sign-in name. While you are locked out you most likely cannot read that mailbox.") },
            if ja { vec!["同じメールボックスを読める別の手段 (スマートフォンで既にサインイン済みのアプリなど) があれば、そこで確認します。".into(), format!("サインインできたら、{SECURITY_INFO_URL} で組織外のアドレス (個人のメールなど) を連絡用に登録します。")] }
            else { vec!["If the mailbox is still open somewhere (a phone that is already signed in), look there.".into(), format!("Once signed in, register an address outside the organization (a personal one) at {SECURITY_INFO_URL}.")] },
        ),
        Cause::AlternateEmailCarrierFilter { domain } => (
            s("Carrier mail filters may drop the reset email", "携帯キャリアのメール フィルターでリセット メールが届かない可能性があります"),
            if ja { format!("{domain} は携帯キャリアのメールです。迷惑メール対策の設定によっては、パソコンからのメールや未登録の差出人のメールが通知なく拒否されます。") } else { format!("{domain} is a Japanese mobile carrier's mail domain. Depending on its spam settings, mail from computers or from senders not on the allow list is refused without notice.") },
            if ja { vec![format!("キャリアの迷惑メール設定で、{RESET_EMAIL_SENDER} (または microsoftonline.com) を受信許可リストに追加します。"), "「パソコンからのメールを拒否」などの設定を一時的に解除します。".into()] }
            else { vec![format!("In the carrier's spam settings, add {RESET_EMAIL_SENDER} (or microsoftonline.com) to the allowed senders."), "Turn off settings such as \"refuse mail from computers\" for the moment.".into()] },
        ),
        Cause::JunkFolder(k) => (
            if *k == Known::Yes { s("The junk email folder has not been checked", "迷惑メール フォルダーを確認していません") } else { s("Check the junk email folder", "迷惑メール フォルダーを確認してください") },
            s("Spam filters are the most common reason a reset email seems not to arrive.", "リセット メールが届かないように見える原因で最も多いのは、迷惑メール フィルターです。"),
            if ja { vec!["連絡用メールボックスの [迷惑メール] (と [削除済みアイテム]、隔離) フォルダーを確認します。".into()] } else { vec!["Look in the Junk Email (and Deleted Items, and quarantine) folders of the alternate mailbox.".into()] },
        ),
        Cause::SenderNotSafelisted(k) => (
            if *k == Known::Yes { s("The sender is not on the safe senders list", "差出人が信頼できる差出人リストにありません") } else { s("Check that the sender is on the safe senders list", "差出人が信頼できる差出人リストにあるか確認してください") },
            if ja { format!("リセット メールの差出人は {RESET_EMAIL_SENDER} です。信頼できる差出人に入っていないと、フィルターで止められることがあります。") } else { format!("The reset email comes from {RESET_EMAIL_SENDER}. Filters may hold it back unless the sender is trusted.") },
            if ja { vec![format!("連絡用メールボックスの信頼できる差出人リストに {RESET_EMAIL_SENDER} を追加してから、もう一度リセットを試します。")] } else { vec![format!("Add {RESET_EMAIL_SENDER} to the safe senders list of the alternate mailbox, then try the reset again.")] },
        ),
        Cause::MobilePhoneMissing(k) => (
            if *k == Known::Yes { s("No mobile phone number is set", "携帯電話番号が設定されていません") } else { s("Check that a mobile phone number is set", "携帯電話番号が設定されているか確認してください") },
            s("Administrator password reset needs the mobile number for text messages, and as one of the two methods administrators must have.", "管理者のパスワード リセットには、テキスト メッセージ用、また管理者に必要な 2 つの方法の 1 つとして、携帯電話番号が必要です。"),
            if ja { vec!["今すぐのリセットは、この結果の「今すぐパスワードをリセットするには」に従います。".into(), format!("サインインできたら、{SECURITY_INFO_URL} で国番号付きの携帯電話番号を登録します (例: +81 90-1234-5678)。")] }
            else { vec!["For today, follow \"To reset the password today\" in this report.".into(), format!("Once signed in, register your mobile number with its country code at {SECURITY_INFO_URL} (for example {ENTRA_PHONE_EXAMPLE}).")] },
        ),
        Cause::CountryCodeMissing { suggestion, without_plus: true } => (
            s("The \"+\" before the country code is missing", "国番号の前に「+」がありません"),
            s("The number starts with its country code, but without \"+\" Microsoft reads the digits as a number of no country, and the text message cannot be delivered.", "番号は国番号で始まっていますが、「+」がないと国番号として扱われず、テキスト メッセージを届けられません。"),
            match suggestion {
                Some(sug) => if ja { vec![format!("番号を {sug} に直します。"), "別の管理者に直してもらうか、サインインできたら自分で直します。".into()] } else { vec![format!("Change the number to {sug}."), "Have another administrator change it, or change it yourself once signed in.".into()] },
                None => if ja { vec!["国番号の前に「+」を付けます。".into()] } else { vec!["Put \"+\" before the country code.".into()] },
            },
        ),
        Cause::CountryCodeMissing { suggestion, without_plus: false } => (
            s("The mobile number has no country code", "携帯電話番号に国番号がありません"),
            if ja { "テキスト メッセージは国際 SMS として送られるため、番号には「+81」のような国番号が必要です。".to_string() } else { format!("Text messages are sent internationally, so the number needs its country code, written like \"{ENTRA_PHONE_EXAMPLE}\".") },
            match suggestion {
                Some(sug) => if ja { vec![format!("番号を {sug} に直します (国内の先頭の 0 は付けません)。"), "別の管理者に直してもらうか、サインインできたら自分で直します。".into()] } else { vec![format!("Change the number to {sug} (without the national leading 0)."), "Have another administrator change it, or change it yourself once signed in.".into()] },
                None => if ja { vec!["番号の国を指定すると、正しい書き方を表示できます。".into(), "「+国番号 番号」の形に直します。日本なら +81 の後に先頭の 0 を除いた番号です。".into()] } else { vec!["Tell us the number's country to see the corrected number.".into(), "Write it as \"+country code number\"; for Japan, +81 followed by the number without its leading 0.".into()] },
            },
        ),
        Cause::TrunkPrefix { prefix, suggestion } => (
            if ja { format!("国番号の後に国内用の「{prefix}」が残っています") } else { format!("The national \"{prefix}\" was kept after the country code") },
            if ja { format!("国番号の後では、国内で付ける先頭の「{prefix}」を付けません。付けたままだと SMS は存在しない番号に送られます。") } else { format!("After the country code, the national trunk prefix \"{prefix}\" must be dropped. With it, the text message goes to a number that does not exist.") },
            match suggestion {
                Some(sug) => if ja { vec![format!("番号を {sug} に直します。"), "別の管理者に直してもらうか、サインインできたら自分で直します。".into()] } else { vec![format!("Change the number to {sug}."), "Have another administrator change it, or change it yourself once signed in.".into()] },
                None => if ja { vec![format!("国番号の後の「{prefix}」を削除します。")] } else { vec![format!("Remove the \"{prefix}\" after the country code.")] },
            },
        ),
        Cause::PhoneInvalid(p) => (
            s("The mobile number is not a valid number", "携帯電話番号が正しくありません"),
            if ja { format!("登録された番号は{}。", phone_reason(p, l)) } else { format!("The registered number is not valid: {}.", phone_reason(p, l)) },
            if ja { vec!["番号を確認し、「+国番号 番号」の形で登録し直します (例: +81 90-1234-5678)。".into()] } else { vec![format!("Check the number and register it again as \"+country code number\" (for example {ENTRA_PHONE_EXAMPLE}).")] },
        ),
        Cause::PhoneNotMobile { kind, extension } => (
            s("The number cannot receive text messages", "この番号ではテキスト メッセージを受け取れません"),
            {
                let mut d = if ja { format!("この番号は{}です。テキスト メッセージは携帯電話にしか届きません。", phone_type_name(*kind, l)) } else { format!("This is {}. Text messages only reach mobile phones.", phone_type_name(*kind, l)) };
                if let Some(ext) = extension {
                    d.push_str(&if ja { format!(" 内線 ({ext}) は送信前に削除されるため、内線には届きません。") } else { format!(" The extension ({ext}) is stripped before sending: texts never reach an extension.") });
                }
                d
            },
            if ja { vec!["テキスト メッセージを受け取れる携帯電話番号を、携帯電話の欄に登録します。".into()] } else { vec!["Register a mobile number that can receive text messages as the mobile phone.".into()] },
        ),
        Cause::PhoneNumberMismatch => (
            s("The number typed on the reset page does not match the one on file", "リセット ページで入力した番号が登録済みの番号と一致しません"),
            s("To send the code, the reset page asks you to type the registered number; it must match exactly, including the country code.", "コードを送る前に、リセット ページは登録済みの番号の入力を求めます。国番号を含め、完全に一致する必要があります。"),
            if ja { vec!["国番号と市外局番を含む完全な番号を入力します。".into(), "番号が変わっている場合は、別の管理者に登録を直してもらいます。".into()] } else { vec!["Type the complete number, including country and area code.".into(), "If the number changed, have another administrator update it.".into()] },
        ),
        Cause::NonCarrierSms(n) => (
            match n {
                NonCarrier::Said => s("An app or VoIP text service cannot receive the code", "アプリや IP 電話の SMS サービスではコードを受け取れません"),
                NonCarrier::VoipRange => s("The number looks like an internet (VoIP) number", "番号が IP 電話 (VoIP) 番号のようです"),
                NonCarrier::Unknown => s("Check that the number belongs to a mobile carrier", "番号が携帯電話会社の番号か確認してください"),
            },
            s("Text-message services that are not wireless carriers (Google Voice, TextPlus and the like) are not supported, and their numbers may not receive the message.", "ワイヤレス通信事業者ではない SMS サービス (Google Voice、TextPlus など) はサポートされておらず、メッセージが届かないことがあります。"),
            if ja { vec!["携帯電話会社 (キャリア) の番号を登録します。".into()] } else { vec!["Register a number from a wireless carrier.".into()] },
        ),
        Cause::CarrierRejectsUsSms(k) => (
            if *k == Known::Yes { s("The carrier does not deliver text messages from the United States", "キャリアが米国からのテキスト メッセージを届けていません") } else { s("Check that the carrier accepts text messages from the United States", "キャリアが米国からのテキスト メッセージを受け付けるか確認してください") },
            s("The codes come from the United States as international text messages. Some carriers and plans block them, or block messages from overseas senders.", "コードは米国から国際 SMS として届きます。キャリアや料金プランによっては、海外からのメッセージを受信拒否しています。"),
            if ja { vec!["キャリアの設定で、海外からの SMS の受信拒否を解除します。".into(), "解除できない場合は、別の方法 (メールや Microsoft Authenticator) を使います。".into()] } else { vec!["In the carrier's settings, allow international (overseas) text messages.".into(), "If that is not possible, use another method (email or Microsoft Authenticator).".into()] },
        ),
        Cause::ResetLinkNotClicked(k) => (
            if *k == Known::Yes { s("The \"Reset your password now\" link was not clicked", "「今すぐパスワードを再設定する」リンクをクリックしていません") } else { s("Check that you clicked \"Reset your password now\"", "「今すぐパスワードを再設定する」をクリックしたか確認してください") },
            s("In this flow the text message is sent only after you click \"Reset your password now\" in the \"Reset your password\" email from Microsoft Online Services.", "この流れでは、Microsoft Online Services からの「パスワードを再設定する」メールにある「今すぐパスワードを再設定する」リンクをクリックした後で、テキスト メッセージが送られます。"),
            if ja { vec!["メールのリンクをクリックし、表示される手順に従います。".into()] } else { vec!["Open the email, click the link, and follow the steps it shows.".into()] },
        ),
        Cause::RegionOptIn { key, regions } => (
            if ja { format!("国番号 +{key} への SMS は組織のオプトインが必要です") } else { format!("Text messages to +{key} need your organization to opt in") },
            if ja { format!("+{key} ({regions}) は、Microsoft が SMS と音声通話を送る前に、サポート リクエストでのオプトインを求める地域の一覧に含まれています。オプトインしていなければ届きません。") } else { format!("+{key} ({regions}) is on Microsoft's list of regions whose SMS and voice calls need the organization to opt in through a support request. Without it, nothing arrives.") },
            if ja { vec![format!("別の管理者に、Microsoft サポート リクエストでこの地域の電話認証を有効にしてもらいます ({OPT_IN_URL})。"), "それまでは、メールや Microsoft Authenticator を使います。".into()] } else { vec![format!("Have another administrator open a Microsoft support request to enable telephony for this region ({OPT_IN_URL})."), "Until then, use email or Microsoft Authenticator.".into()] },
        ),
        Cause::SmsRetired(r) => match r {
            Retirement::Retired { date } => (
                s("Microsoft no longer sends the text messages itself", "Microsoft 自身によるテキスト メッセージ送信は終了しています"),
                if ja { format!("Microsoft 提供の SMS と音声通話は {date} に終了しました (パスワード リセットを含む)。組織が Microsoft Security Store の電話プロバイダーを構成していなければ、SMS は送られません。") } else { format!("Microsoft-provided SMS and voice were retired on {date}, password reset included. Unless the organization configured a telephony provider from Microsoft Security Store, no text message is sent.") },
                if ja { vec!["メールや Microsoft Authenticator、パスキーなど、別の方法を使います。".into(), format!("別の管理者に、電話プロバイダーの構成を検討してもらいます ({SMS_RETIREMENT_URL})。")] } else { vec!["Use another method: email, Microsoft Authenticator, or a passkey.".into(), format!("Ask another administrator about configuring a telephony provider ({SMS_RETIREMENT_URL}).")] },
            ),
            Retirement::Upcoming { date, global_admin_date } => (
                if ja { format!("{date} に Microsoft 提供の SMS が終了します") } else { format!("Microsoft-provided SMS ends on {date}") },
                {
                    let mut d = if ja { format!("{date} 以降、組織が電話プロバイダーを構成していなければ、パスワード リセットのテキスト メッセージは送られなくなります。") } else { format!("From {date}, password-reset text messages are no longer sent unless the organization configures a telephony provider.") };
                    if let Some(g) = global_admin_date {
                        d.push_str(&if ja { format!(" グローバル管理者は {g} までです。") } else { format!(" For Global Administrators the date is {g}.") });
                    }
                    d
                },
                if ja { vec![format!("今のうちに、SMS 以外の方法 (Microsoft Authenticator、パスキー、メール) を登録します: {SECURITY_INFO_URL}")] } else { vec![format!("Register a method that is not SMS now (Microsoft Authenticator, a passkey, email): {SECURITY_INFO_URL}")] },
            ),
            Retirement::DateUnknown => (
                s("Microsoft-provided SMS is being retired", "Microsoft 提供の SMS は終了予定です"),
                if ja { format!("Microsoft 提供の SMS と音声通話は、{} (グローバル管理者は {}) に終了します。それ以降は電話プロバイダーがなければ送られません。", facts::SMS_RETIREMENT_ALL_USERS, facts::SMS_RETIREMENT_GLOBAL_ADMINS) } else { format!("Microsoft-provided SMS and voice end on {} ({} for Global Administrators). After that, nothing is sent without a telephony provider.", facts::SMS_RETIREMENT_ALL_USERS, facts::SMS_RETIREMENT_GLOBAL_ADMINS) },
                if ja { vec![format!("SMS 以外の方法も登録しておきます: {SECURITY_INFO_URL}")] } else { vec![format!("Register a method that is not SMS as well: {SECURITY_INFO_URL}")] },
            ),
        },
        Cause::TooFewMethods { usable, security_questions, one_gate_possible } => (
            match usable {
                Some(n) => if ja { format!("使える認証方法が {n} つしかありません (管理者には 2 つ必要)") } else { format!("Only {n} usable method{} registered; administrators need {ADMIN_METHODS_REQUIRED}", if *n == 1 { "" } else { "s" }) },
                None => s("Check that two methods are registered", "認証方法が 2 つ登録されているか確認してください"),
            },
            {
                let mut d = if ja { "管理者のパスワード リセットは 2 つの認証情報 (メール、携帯電話、認証アプリなど) を求めます。".to_string() } else { format!("Administrator password reset requires {ADMIN_METHODS_REQUIRED} pieces of authentication data (email, mobile phone, authenticator app, …).") };
                if *security_questions { d.push_str(&s(" Security questions do not count for administrators.", " 管理者にはセキュリティの質問は使えません。")); }
                if *one_gate_possible { d.push_str(&s(" Only a trial's first 30 days, or a tenant with no custom domain and no directory sync, needs just one.", " 試用版の最初の 30 日間や、カスタム ドメインもディレクトリ同期もないテナントでは 1 つで足ります。")); }
                d
            },
            if ja { vec!["今すぐのリセットは、この結果の「今すぐパスワードをリセットするには」に従います。".into(), format!("サインインできたら、{SECURITY_INFO_URL} で 2 つ目の方法を登録します。")] } else { vec!["For today, follow \"To reset the password today\" in this report.".into(), format!("Once signed in, register a second method at {SECURITY_INFO_URL}.")] },
        ),
        Cause::MsonlineRetired { failed } => {
            let (mut steps, cmds) = read_switch(l);
            commands = cmds;
            steps.truncate(2);
            (
                s("The MSOnline PowerShell module is retired", "MSOnline PowerShell モジュールは廃止されています"),
                if *failed { s("The pasted text shows the MSOnline module failing. It was retired in 2025 and no longer works; Microsoft Graph PowerShell replaces it.", "貼り付けたテキストは MSOnline モジュールのエラーです。MSOnline は 2025 年に廃止され、もう動作しません。代わりに Microsoft Graph PowerShell を使います。") }
                else { s("The pasted text comes from the retired MSOnline module; its value may be old. Confirm it with Microsoft Graph PowerShell.", "貼り付けたテキストは廃止済みの MSOnline モジュールの出力です。値が古い可能性があります。Microsoft Graph PowerShell で確認してください。") },
                steps,
            )
        }
        Cause::PageMessageUnrecognized => (
            s("The reset page's message is not one we know", "リセット ページのメッセージを判別できませんでした"),
            s("If you contact support, give them the exact text and what comes with it.", "サポートに問い合わせる場合は、正確な文面と付随する情報を伝えてください。"),
            if ja { vec!["エラーの全文、または SSPR_ で始まるコードを写します。".into(), "ページ下部の「詳細」や「技術的な詳細」を開き、相関 ID (Correlation ID)、要求 ID、日時を控えます。".into(), "可能ならスクリーンショットを撮ります。".into()] }
            else { vec!["Copy the whole error text, or the code starting with SSPR_.".into(), "Open \"More details\" / \"Technical details\" at the bottom of the page and note the correlation ID, request ID and timestamp.".into(), "Take a screenshot if you can.".into()] },
        ),
    };
    Texts { title, detail, steps, commands }
}
