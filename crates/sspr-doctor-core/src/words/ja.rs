//! 日本語。各分岐は `en.rs` と対になり、手順の数とコマンドは同じです。

use super::{cmd, legacy, Audience, ByPhoneType, ByResolution, BySeverity, Labels, SummaryWords, Texts};
use crate::cause::{Cause, Known, NonCarrier, PolicyTrouble, Retirement, Writeback};
use crate::email::EmailProblem;
use crate::facts::*;
use crate::phone::Invalid;
use crate::policy::GraphError;
use crate::report::{PhoneType, ResolutionId};
use crate::upn::UpnProblem;

/// この読み手のために変更できる人。
fn fixer(a: &Audience) -> String {
    if a.not_admin {
        "組織の管理者 (ヘルプデスク)".into()
    } else if a.global_admin {
        format!("別の{ROLE_GLOBAL_ADMIN_JA}か{ROLE_PRIV_AUTH_ADMIN_JA}")
    } else {
        "別の管理者".into()
    }
}

/// 手順の後に括弧で添える「誰が行うか」。
fn who_does_it(a: &Audience) -> String {
    if a.not_admin {
        "管理者が行います".into()
    } else if a.sole_admin {
        "Microsoft サポートでサインインを回復した後、ご自身で行えます".into()
    } else {
        format!("{}が行います", fixer(a))
    }
}

/// 「○○に直してもらうか、サインインできたら自分で直します」。
fn have_it_changed(a: &Audience) -> String {
    if a.sole_admin {
        "Microsoft サポートでサインインを回復した後、ご自身で直します (「今すぐパスワードをリセットするには」を参照)。".into()
    } else {
        format!("{}に直してもらうか、サインインできたら自分で直します。", fixer(a))
    }
}

/// 管理者向けスイッチを読む Graph PowerShell コマンド。
fn read_switch(a: &Audience) -> (Vec<String>, Vec<crate::report::Command>) {
    let who = if a.sole_admin {
        "サインインを回復した後、ご自身でサインインします"
    } else {
        "サインインできる管理者でサインインします"
    };
    (
        vec![
            format!("Microsoft Graph モジュールの PowerShell で (未導入なら {GRAPH_INSTALL})、{who}: {GRAPH_CONNECT_READ}"),
            format!("実行: {GRAPH_READ_SSPR}。True なら管理者は自分のパスワードをリセットできます。False ならできません。"),
            format!("(旧コマンド・廃止済み: {MSOL_READ_SSPR}。MSOnline モジュールはもう動作しないため、上のコマンドを使ってください。)"),
        ],
        vec![cmd(GRAPH_CONNECT_READ), cmd(GRAPH_READ_SSPR), legacy(MSOL_READ_SSPR)],
    )
}

/// メール アドレスが正しくない理由 (文として完結)。
pub fn email_reason(p: &EmailProblem) -> String {
    use EmailProblem::*;
    match p {
        FullWidthAt => "「@」が全角の「＠」になっています。".into(),
        FullWidthCharacters => "全角文字が含まれています。".into(),
        NoAt => "「@」がありません。".into(),
        TwoAts => "「@」が 2 つ以上あります。".into(),
        EmptyLocalPart => "「@」の前が空です。".into(),
        EmptyDomain => "「@」の後ろ (ドメイン) が空です。".into(),
        Spaces => "空白が含まれています。".into(),
        NoDomainDot => "ドメインに「.」がありません (example.com のように書きます)。".into(),
        BadLocalCharacter(c) => format!("「@」の前に使えない文字「{c}」があります。"),
        BadDomainCharacter(c) => format!("ドメインに使えない文字「{c}」があります。"),
        EmptyLabel => "ドメインで「.」が連続しているか、「.」で始まるか終わっています。".into(),
        LabelHyphen(s) => format!("ドメインの「{s}」の部分がハイフンで始まるか終わっています。"),
        LabelTooLong(_) => "ドメインの一部が 63 文字を超えています。".into(),
        LocalTooLong(n) => format!("「@」の前が {n} 文字あります (最大 64 文字)。"),
        DomainTooLong(n) => format!("ドメインが {n} 文字あります (最大 255 文字)。"),
        AddressTooLong(n) => format!("アドレス全体が {n} 文字あります (最大 254 文字)。"),
        NumericTld(t) => format!("ドメインが数字 (「{t}」) で終わっています。"),
    }
}

/// 電話番号が正しくない理由 (文として完結)。
pub fn phone_reason(p: &Invalid) -> String {
    use Invalid::*;
    match p {
        NoDigits => "数字が含まれていません。".into(),
        Letters(c) => format!("文字「{c}」が含まれています。"),
        BadCharacter(c) => format!("電話番号に使えない文字「{c}」が含まれています。"),
        UnknownCountryCode(cc) => format!("「+{cc}」で始まる国番号はありません。"),
        UnknownRegionHint(r) => format!("「{r}」は JP や US のような国コードではありません。"),
        TooShort { len, min } => format!("短すぎます。国番号の後が {len} 桁ですが、このような番号は {min} 桁です。"),
        TooLong { len, max } => format!("長すぎます。国番号の後が {len} 桁ですが、このような番号は {max} 桁です。"),
        InvalidLength { len } => format!("その国に {len} 桁の番号はありません。"),
        NoSuchRange => "その国に、このように始まる番号はありません。".into(),
        TooLongInput => "電話番号としては入力が長すぎます。".into(),
    }
}

/// ユーザー名が正しくない理由 (文として完結)。
pub fn upn_reason(p: &UpnProblem) -> String {
    use UpnProblem::*;
    match p {
        Empty => "空です。".into(),
        NoAt => "「@ドメイン」の部分がありません。ユーザー名はサインイン用の完全なアドレスです。".into(),
        TwoAts => "「@」が 2 つ以上あります。".into(),
        FullWidth => "全角文字が含まれています (日本語入力のまま入力した可能性があります)。".into(),
        Spaces => "空白が含まれています。".into(),
        BadCharacter(c) => format!("ユーザー名に使えない文字「{c}」があります。"),
        DotBeforeAt => "「@」の直前に「.」があります。".into(),
        NoDomainDot => "ドメインが不完全です (contoso.onmicrosoft.com のように書きます)。".into(),
        LocalTooLong(n) => format!("「@」の前が {n} 文字あります (最大 64 文字)。"),
        DomainTooLong(n) => format!("「@」の後ろが {n} 文字あります (最大 48 文字)。"),
        TooLong(n) => format!("全体で {n} 文字あります (最大 113 文字)。"),
    }
}

pub fn phone_type(t: PhoneType) -> &'static str {
    use PhoneType::*;
    match t {
        Mobile => "携帯電話の番号",
        FixedLine => "固定電話の番号",
        FixedLineOrMobile => "固定電話か携帯電話の番号",
        Voip => "IP 電話 (VoIP) の番号",
        TollFree => "フリーダイヤル (着信課金) の番号",
        PremiumRate => "有料情報サービスの番号",
        SharedCost => "発信者と着信者が料金を分担する番号",
        PersonalNumber => "転送用のパーソナル番号",
        Pager => "無線呼び出し (ページャー) 用の番号",
        Uan => "企業の統一番号",
        Voicemail => "留守番電話サービスの番号",
        Unknown => "種類の分からない番号",
    }
}

fn today_box() -> String {
    "今すぐのリセットは、この結果の「今すぐパスワードをリセットするには」に従います。".into()
}

pub fn finding(c: &Cause, a: &Audience) -> Texts {
    let mut commands = Vec::new();
    let s = |x: &str| x.to_string();
    let (title, detail, steps): (String, String, Vec<String>) = match c {
        Cause::Throttled { from_telephony: false } => (
            s("試行回数の上限に達したため、パスワード リセットが一時的にブロックされています"),
            format!("同じアカウントで 1 時間に {THROTTLE_ATTEMPTS_PER_HOUR} 回を超えて電話番号の確認やリセットを行うと、自動的にブロックされます。最後の試行から {THROTTLE_WAIT_HOURS} 時間たつまで、メールもテキスト メッセージも送られません。"),
            vec![
                s("今は試すのをやめてください。試すたびに待ち時間がやり直しになります。"),
                format!("最後の試行から {THROTTLE_WAIT_HOURS} 時間待ってから、{RESET_PAGE_URL} でもう一度リセットします。"),
                s("それより早く必要な場合は、この結果の「今すぐパスワードをリセットするには」に従います。"),
            ],
        ),
        Cause::Throttled { from_telephony: true } => (
            s("この番号へのテキスト メッセージと通話を Microsoft が止めています"),
            s("「アカウントの確認で問題が発生しています」は、Microsoft の電話詐欺対策が要求を止めたことを示します。試行を繰り返した場合、作成から数日以内の組織、オプトインが必要な地域で起こります。通常は数時間から数日で解除されます。"),
            vec![
                s("数時間待ってから試してください。すぐに繰り返さないでください。"),
                format!("ほかの方法があれば、そちらを選びます: {SSPR_OTHER_METHODS_JA}。"),
                if a.sole_admin { s("繰り返し起きる場合は、Microsoft サポートに問い合わせるときに伝えます。") } else { format!("繰り返し起きる場合は、{}に Microsoft サポートへ問い合わせてもらいます。", fixer(a)) },
            ],
        ),
        Cause::SmsRateLimited => (
            s("この番号へのテキスト コードの送信が、Microsoft の制限に達しました"),
            s("「You've hit our limit on text verification codes」は、同じ番号への SMS や通話の繰り返しに対する Microsoft の短時間の制限です。数分で解除されます。リセットの繰り返しによる 24 時間のブロックとは別のものです。"),
            vec![
                s("数分待ってから、コードをもう一度だけ要求します。何度も要求しないでください。"),
                format!("または、ほかの方法を選びます: {SSPR_OTHER_METHODS_JA}。"),
            ],
        ),
        Cause::NotAdmin(Known::Yes) => (
            s("このアカウントは管理者ではないため、ユーザー向けのリセット ポリシーが適用されます"),
            format!("管理者ロールのないアカウントも同じページ ({RESET_PAGE_URL}) でリセットしますが、組織のユーザー向けポリシーに従います。組織がユーザーのセルフサービス パスワード リセットを有効 (選択済みまたはすべて) にしていて、アカウントが対象に含まれている場合にだけ使えます。そうでなければ、ページからは何も送られません。"),
            vec![
                format!("組織の管理者 (ヘルプデスク) に、セルフサービス パスワード リセットが自分に有効か確認してもらいます ({USER_SSPR_SETTING_PATH_JA})。"),
                s("有効でない場合や、今すぐ必要な場合は、パスワードのリセットを依頼します。一時パスワードを発行してもらえます。"),
            ],
        ),
        Cause::NotAdmin(Known::Unknown) => (
            s("アカウントが管理者かどうか確認してください"),
            s("管理者も一般ユーザーも同じページでリセットしますが、規則が異なります。管理者には常に 2 つの方法が必要で、組織は管理者のリセットを無効にできます。一般ユーザーは組織が設定したユーザー向けポリシーに従います。"),
            vec![s("Microsoft 365 管理センターか Microsoft Entra 管理センターで、このアカウントのロール (グローバル管理者など) を同僚の管理者に確認してもらいます。")],
        ),
        Cause::PersonalAccount { domain } => (
            s("これは職場のアカウントではなく、個人用の Microsoft アカウントです"),
            format!("{domain} は個人用 Microsoft アカウントのドメインです。Microsoft Entra のセルフサービス パスワード リセットは個人用アカウントをリセットしないため、リセット ページからは何も送られません。"),
            vec![
                format!("個人用アカウントは {PERSONAL_ACCOUNT_RESET_URL} でリセットします。"),
                s("Microsoft 365 の管理には、職場のアカウントのサインイン名 (例: admin@contoso.onmicrosoft.com) を入力します。"),
            ],
        ),
        Cause::SsprDisabled { known: Known::Yes, from_page } => {
            commands = vec![cmd(GRAPH_CONNECT_WRITE), cmd(GRAPH_ENABLE_SSPR)];
            (
                s("管理者のパスワード リセットが無効になっています"),
                if *from_page { s("リセット ページに SSPR_0009 (パスワード リセットが有効になっていない) と表示されました。無効のあいだは、メールもテキスト メッセージも一切送られません。") }
                else { s("組織の AllowedToUseSspr がオフです。これは管理者に適用される設定で、オフのあいだ管理者は自分のパスワードをリセットできず、メールもテキスト メッセージも送られません。") },
                vec![
                    format!("有効にします ({}。特権ロール管理者以上のロールが必要です): {GRAPH_CONNECT_WRITE}", who_does_it(a)),
                    format!("続けて: {GRAPH_ENABLE_SSPR}"),
                    format!("反映まで最大 {POLICY_PROPAGATION_MINUTES} 分かかります。その後 {RESET_PAGE_URL} でもう一度試します。"),
                ],
            )
        }
        Cause::SsprDisabled { known: Known::Unknown, .. } => {
            let (steps, cmds) = read_switch(a);
            commands = cmds;
            (
                s("管理者のパスワード リセットが有効か確認してください"),
                s("組織で管理者のパスワード リセットがオフ (AllowedToUseSspr = False) だと、メッセージは送られません。コマンドの出力を「ポリシー コマンドの出力」欄に貼り付けると、ここで判定できます。"),
                steps,
            )
        }
        Cause::PasswordWriteback(w) => (
            match w {
                Writeback::Source(_) => s("このアカウントでパスワード ライトバックが有効か確認してください"),
                _ => s("オンプレミス Active Directory へのパスワード ライトバックに失敗しました"),
            },
            match w {
                Writeback::NotEnabled => s("リセット ページに SSPR_0010 と表示されました。アカウントのパスワードはオンプレミスの Active Directory で管理されていて、パスワード ライトバックが有効でないため、クラウドではリセットできません。"),
                Writeback::OnPremisesError => s("リセット ページに SSPR_0029 と表示されました。オンプレミスの構成にエラーがあり、新しいパスワードをオンプレミスの Active Directory に書き戻せませんでした。"),
                Writeback::Connectivity => s("リセット ページに SSPR_0030 と表示されました。新しいパスワードを書き戻すためのオンプレミス環境との接続ができませんでした。"),
                Writeback::Source(_) => s("同期またはフェデレーションされたアカウントのパスワードは、オンプレミスの Active Directory にあります。クラウドでのセルフサービス リセットは、パスワード ライトバック (Microsoft Entra Connect またはクラウド同期) があるときだけ使えます。Domain Admins などの保護されたグループのメンバーは、ライトバックがあっても対象外です。"),
            },
            vec![
                format!("ライトバックが有効か確認します ({}): {WRITEBACK_SETTING_PATH_JA}。", who_does_it(a)),
                format!("Microsoft Entra Connect (またはクラウド同期エージェント) のサーバーで、アプリケーション イベント ログの {WRITEBACK_EVENT_SOURCES} のイベントを確認します。"),
                format!("見つかったエラーについて {WRITEBACK_TROUBLESHOOT_URL} に従います。保護されたグループのアカウントは、オンプレミスの Active Directory でリセットします。"),
            ],
        ),
        Cause::ResetNotConfigured { code } => (
            match *code {
                "SSPR_0011" => s("組織にパスワード リセット ポリシーがありません (SSPR_0011)"),
                "SSPR_0012" => s("パスワード リセットに必要なライセンスがありません (SSPR_0012)"),
                "SSPR_0013" => s("アカウントがリセットを許可されたグループに入っていません (SSPR_0013)"),
                other => format!("リセット ページが構成の問題を報告しました ({other})"),
            },
            match *code {
                "SSPR_0011" => s("組織でパスワード リセット ポリシーが定義されていないため、ページを先に進めません。"),
                "SSPR_0012" => s("組織に、パスワード リセットに必要なライセンスがありません。"),
                "SSPR_0013" => s("セルフサービス パスワード リセットが一部のユーザーだけに有効で、このアカウントはそのグループに入っていません。"),
                _ => s("組織のパスワード リセット構成に、管理者でなければ直せない問題があります。"),
            },
            vec![
                format!("Microsoft Entra 管理センターの [パスワード リセット] を確認します ({}): {USER_SSPR_SETTING_PATH_JA}。", who_does_it(a)),
                if a.sole_admin { today_box() } else { format!("そのあいだは、{}にパスワードをリセットしてもらいます。", fixer(a)) },
            ],
        ),
        Cause::PolicyUnrecognized(t) => {
            let (steps, cmds) = read_switch(a);
            commands = cmds;
            let detail = match t {
                PolicyTrouble::Unrecognized => s("貼り付けたテキストに、AllowedToUseSspr (または SelfServePasswordResetEnabled) の True/False が見つかりません。"),
                PolicyTrouble::Contradictory => s("貼り付けたテキストに、オンとオフの両方が含まれています。別のテナントや別の時点の出力が混ざっている可能性があります。"),
                PolicyTrouble::Graph(GraphError::NotInstalled) => format!("Get-MgPolicyAuthorizationPolicy が見つかりません。モジュールをインストールしてください: {GRAPH_INSTALL}"),
                PolicyTrouble::Graph(GraphError::NotConnected) => format!("PowerShell が Microsoft Graph に接続していません。先に実行します: {GRAPH_CONNECT_READ}"),
                PolicyTrouble::Graph(GraphError::AccessDenied) => s("コマンドを実行したアカウントにポリシーを読む権限がありません。Policy.Read.All に同意した管理者で実行してください。"),
            };
            (s("ポリシーの出力を読み取れませんでした"), detail, steps)
        }
        Cause::UsernameInvalid(Some(p)) => (
            s("ユーザー名がサインイン名の形式になっていません"),
            format!("リセット ページで入力したユーザー名が正しい形式ではありません。{}一致するアカウントがないため、何も送られません。", upn_reason(p)),
            vec![s("サインインに使う完全な名前 (例: admin@contoso.onmicrosoft.com) を半角で入力します。")],
        ),
        Cause::UsernameInvalid(None) => (
            s("リセット ページで入力したユーザー名を確認してください"),
            s("ユーザー名を間違えると、どのアカウントにも一致しないか、別のアカウントに一致してしまい、メッセージは自分の見えないところへ送られます。"),
            vec![s("サインインに使う完全な名前 (例: admin@contoso.onmicrosoft.com) を入力したか確認します。")],
        ),
        Cause::MethodsNotRegistered(k) => {
            commands = vec![cmd(GRAPH_CONNECT_METHODS), cmd(GRAPH_ADD_PHONE), cmd(GRAPH_ADD_EMAIL)];
            (
                if *k == Known::Yes { s("連絡先が認証方法として登録されていません") } else { s("連絡先が認証方法として登録されているか確認してください") },
                format!("{REGISTERED_METHODS_ONLY} 以降、パスワード リセットは登録済みの認証方法だけを使います。アカウントのディレクトリ情報 (mobilePhone、businessPhones、otherMails) にしかない携帯電話番号や連絡用メール アドレスには、もう何も届きません。"),
                vec![
                    format!("連絡先情報だけでなく [認証方法] を確認します: {USER_METHODS_PATH_JA}。"),
                    format!("そこで携帯電話番号とメールを追加します ({}。管理者のアカウントには{ROLE_PRIV_AUTH_ADMIN_JA}か{ROLE_GLOBAL_ADMIN_JA}が必要です)。Microsoft Graph PowerShell でも追加できます: {GRAPH_CONNECT_METHODS}", who_does_it(a)),
                    format!("続けて: {GRAPH_ADD_PHONE} と {GRAPH_ADD_EMAIL} (実際のアカウント、番号、アドレスに置き換えます)。"),
                ],
            )
        }
        Cause::AlternateEmailMissing(k) => (
            if *k == Known::Yes { s("連絡用メール アドレスが設定されていません") } else { s("連絡用メール アドレスが設定されているか確認してください") },
            s("リセット メールは、認証方法として登録された連絡用 (代替) メール アドレスに送られます。登録がなければ送れません。"),
            vec![today_box(), format!("サインインできたら、{SECURITY_INFO_URL} で自分が読める組織外のメール アドレスを登録します。")],
        ),
        Cause::AlternateEmailInvalid { problem, suggestion } => (
            s("連絡用メール アドレスが正しくありません"),
            format!("連絡用メール アドレスが正しい形式ではありません。{}", email_reason(problem)),
            {
                let mut v = Vec::new();
                if let Some(sug) = suggestion {
                    v.push(format!("正しいアドレスはおそらく {sug} です。"));
                }
                v.push(have_it_changed(a));
                v
            },
        ),
        Cause::AlternateEmailTypo { suggestion } => (
            s("連絡用メール アドレスが入力ミスの可能性があります"),
            format!("ドメインが、よく使われるドメインと 1 文字違いです。{suggestion} のつもりではありませんか。"),
            vec![format!("{suggestion} が正しい場合: {}", have_it_changed(a))],
        ),
        Cause::AlternateEmailInTenant { domain, onmicrosoft } => (
            s("連絡用メール アドレスが自組織のアドレスです"),
            if *onmicrosoft { format!("{domain} は Microsoft 365 の組織のドメインです。ロックアウトされたままでは、このメールボックスにサインインできません。") }
            else { format!("{domain} はサインイン名と同じ組織のドメインです。ロックアウトされたままでは、このメールボックスを読めない可能性が高いです。") },
            vec![
                s("すでにサインイン済みのスマートフォンなど、このメールボックスを開ける場所があれば、そこで確認します。"),
                format!("サインインできたら、{SECURITY_INFO_URL} で組織外のアドレス (個人のメールなど) を連絡用に登録します。"),
            ],
        ),
        Cause::AlternateEmailCarrierFilter { domain } => (
            s("携帯キャリアのメール フィルターでリセット メールが届かない可能性があります"),
            format!("{domain} は携帯キャリアのメールです。迷惑メール対策の設定によっては、パソコンからのメールや受信許可リストにない差出人のメールが、通知なく拒否されます。"),
            vec![
                format!("キャリアの迷惑メール設定で、{RESET_EMAIL_SENDER_2} と {RESET_EMAIL_SENDER} (またはドメイン microsoft.com と microsoftonline.com) を受信許可リストに追加します。"),
                s("「パソコンからのメールを拒否」などの設定を一時的に解除します。"),
            ],
        ),
        Cause::JunkFolder(k) => (
            if *k == Known::Yes { s("迷惑メール フォルダーを確認していません") } else { s("迷惑メール フォルダーを確認してください") },
            s("リセット メールが届かないように見える原因で最も多いのは、迷惑メール フィルターです。"),
            vec![s("連絡用メールボックスの [迷惑メール] と [削除済みアイテム] フォルダーを確認します。メール サービスにメッセージの検疫 (隔離) 機能があれば、そこに保留されていないかも確認します。")],
        ),
        Cause::SenderNotSafelisted(k) => (
            if *k == Known::Yes { s("差出人が信頼できる差出人のリストにありません") } else { s("差出人が信頼できる差出人のリストにあるか確認してください") },
            format!(
                "リセット メールの差出人は {RESET_EMAIL_SENDER_2} または {RESET_EMAIL_SENDER} です (Azure Government では {}、21Vianet が運営するクラウドでは {})。信頼できる差出人に入っていないと、フィルターで止められることがあります。",
                RESET_EMAIL_SENDERS_US_GOV.join(" または "),
                RESET_EMAIL_SENDERS_21VIANET.join(" または ")
            ),
            vec![format!("連絡用メールボックスの信頼できる差出人のリストに {RESET_EMAIL_SENDER_2} と {RESET_EMAIL_SENDER} を追加してから、もう一度リセットを試します。")],
        ),
        Cause::MobilePhoneMissing(k) => (
            if *k == Known::Yes { s("携帯電話番号が設定されていません") } else { s("携帯電話番号が設定されているか確認してください") },
            s("テキスト メッセージは、認証方法として登録された携帯電話番号に送られます。これは管理者に必要な 2 つの方法の 1 つでもあります。"),
            vec![today_box(), format!("サインインできたら、{SECURITY_INFO_URL} で国番号付きの携帯電話番号を登録します (例: {ENTRA_PHONE_EXAMPLE_JP})。")],
        ),
        Cause::CountryCodeMissing { suggestion, without_plus: true } => (
            s("国番号の前に「+」がありません"),
            s("番号は国番号で始まっていますが、「+」がないと国番号として扱われず、テキスト メッセージを届けられません。"),
            match suggestion {
                Some(sug) => vec![format!("番号を {sug} に直します。"), have_it_changed(a)],
                None => vec![s("国番号の前に「+」を付けます。"), have_it_changed(a)],
            },
        ),
        Cause::CountryCodeMissing { suggestion, without_plus: false } => (
            s("携帯電話番号に国番号がありません"),
            format!("テキスト メッセージは国際 SMS として送られるため、番号には「{ENTRA_PHONE_EXAMPLE_JP}」のように国番号が必要です。"),
            match suggestion {
                Some(sug) => vec![format!("番号を {sug} に直します (国内の先頭の 0 は付けません)。"), have_it_changed(a)],
                None => vec![s("番号の国を指定すると、直した番号を表示できます。"), format!("「+国番号 番号」の形で書きます。日本なら +81 の後に、先頭の 0 を除いた番号です ({ENTRA_PHONE_EXAMPLE_JP})。")],
            },
        ),
        Cause::TrunkPrefix { prefix, suggestion } => (
            format!("国番号の後に国内用の「{prefix}」が残っています"),
            format!("国番号の後には、国内でかけるときの先頭の「{prefix}」を付けません。付けたままだと、テキスト メッセージは存在しない番号に送られます。"),
            match suggestion {
                Some(sug) => vec![format!("番号を {sug} に直します。"), have_it_changed(a)],
                None => vec![format!("国番号の後の「{prefix}」を削除します。"), have_it_changed(a)],
            },
        ),
        Cause::PhoneInvalid(p) => (
            s("携帯電話番号が正しくありません"),
            format!("登録された番号は正しい番号ではありません。{}", phone_reason(p)),
            vec![format!("番号を確認し、「+国番号 番号」の形で登録し直します (例: {ENTRA_PHONE_EXAMPLE_JP})。")],
        ),
        Cause::PhoneNotMobile { kind, extension } => (
            s("この番号ではテキスト メッセージを受け取れません"),
            {
                let mut d = format!("この番号は{}です。テキスト メッセージは携帯電話にしか届きません。", phone_type(*kind));
                if let Some(ext) = extension {
                    d.push_str(&format!("内線 ({ext}) は送信前に取り除かれるため、内線には届きません。"));
                }
                d
            },
            vec![s("テキスト メッセージを受け取れる携帯電話番号を、携帯電話の認証方法として登録します。")],
        ),
        Cause::PhoneNumberMismatch => (
            s("リセット ページで入力した番号が、登録済みの番号と一致しません"),
            s("コードを送る前に、リセット ページは登録済みの番号の入力を求めます。国番号を含め、完全に一致している必要があります。"),
            vec![s("国番号と市外局番を含む完全な番号を入力します。"), if a.sole_admin { s("番号が変わった場合は、Microsoft サポートでサインインを回復した後に登録を直します。") } else { format!("番号が変わった場合は、{}に登録を直してもらいます。", fixer(a)) }],
        ),
        Cause::NonCarrierSms(n) => (
            match n {
                NonCarrier::Said => s("アプリや IP 電話の SMS サービスではコードを受け取れません"),
                NonCarrier::VoipRange => s("番号が IP 電話 (VoIP) の番号のようです"),
                NonCarrier::Unknown => s("番号が携帯電話会社の番号か確認してください"),
            },
            s("携帯電話会社 (キャリア) 以外の SMS サービス (Google Voice、TextPlus など) はサポートされておらず、その番号にはメッセージが届かないことがあります。"),
            vec![s("携帯電話会社 (キャリア) の番号を登録します。")],
        ),
        Cause::CarrierRejectsUsSms(k) => (
            if *k == Known::Yes { s("キャリアが海外からのテキスト メッセージを届けていません") } else { s("キャリアが海外からのテキスト メッセージを受け付けるか確認してください") },
            format!("Microsoft は複数の経路でコードを送り、多くの場合、国外から届きます。ショート コードは米国とカナダだけで使われ、そのほかの国では通常の国際番号から送られます。RCS や WhatsApp ({WHATSAPP_SENDER}) で届くこともあります。キャリアや料金プランによっては、海外の差出人からの SMS を受信拒否しています。"),
            vec![s("キャリアの設定で、海外からの SMS の受信を許可します。"), format!("それができない場合は、ほかの方法を使います: {SSPR_OTHER_METHODS_JA}。")],
        ),
        Cause::ResetLinkNotClicked => (
            s("メールの「今すぐパスワードを再設定する」リンクを確認してください"),
            s("Microsoft Online Services から「パスワードを再設定する」メールが届いている場合は、その「今すぐパスワードを再設定する」リンクからリセット ページを開けます。現在の流れでは、そのページで携帯電話にテキスト メッセージを送る方法を選ぶと、テキストが送られます。"),
            vec![s("メールを開いてリンクをクリックし、携帯電話にテキスト メッセージを送る方法を選んで、手順に従います。")],
        ),
        Cause::RegionOptIn { key, regions } => (
            format!("+{key} へのテキスト メッセージには、組織のオプトインが必要です"),
            format!("+{key} ({regions}) は、Microsoft がテキスト メッセージや通話を送る前に、サポート リクエストによるオプトインを求める地域の一覧に含まれています。オプトインしていなければ届きません。"),
            vec![
                if a.sole_admin { format!("サインインを回復したら、Microsoft サポート リクエストでこの地域の電話認証を有効にします ({OPT_IN_URL})。") } else { format!("{}に、Microsoft サポート リクエストでこの地域の電話認証を有効にしてもらいます ({OPT_IN_URL})。", fixer(a)) },
                format!("それまでは、ほかの方法を使います: {SSPR_OTHER_METHODS_JA}。"),
            ],
        ),
        Cause::SmsRetired(r) => match r {
            Retirement::Retired { date } => (
                s("Microsoft 自身によるテキスト メッセージの送信は終了しています"),
                format!("Microsoft 提供の SMS と音声通話は、パスワード リセットを含め {date} に終了しました。組織が Microsoft Security Store の電話プロバイダーを構成していなければ、テキスト メッセージは送られません。"),
                vec![
                    format!("ほかの方法を使います: {SSPR_OTHER_METHODS_JA}。"),
                    if a.sole_admin { format!("サインインを回復したら、電話プロバイダーの構成を検討します ({SMS_RETIREMENT_URL})。") } else { format!("{}に、電話プロバイダーの構成について相談します ({SMS_RETIREMENT_URL})。", fixer(a)) },
                ],
            ),
            Retirement::Upcoming { date, global_admin_date } => (
                format!("{date} に Microsoft 提供の SMS が終了します"),
                {
                    let mut d = format!("{date} 以降、組織が電話プロバイダーを構成していなければ、パスワード リセットのテキスト メッセージは送られなくなります。");
                    if let Some(g) = global_admin_date {
                        d.push_str(&format!("グローバル管理者の場合は {g} です。"));
                    }
                    d
                },
                vec![format!("今のうちに SMS 以外の方法 ({SSPR_OTHER_METHODS_JA}) を登録します: {SECURITY_INFO_URL}")],
            ),
            Retirement::DateUnknown => (
                s("Microsoft 提供の SMS は終了する予定です"),
                format!("Microsoft 提供の SMS と音声通話は {SMS_RETIREMENT_ALL_USERS} (グローバル管理者は {SMS_RETIREMENT_GLOBAL_ADMINS}) に終了します。それ以降は、電話プロバイダーがなければ何も送られません。"),
                vec![format!("SMS 以外の方法 ({SSPR_OTHER_METHODS_JA}) も登録しておきます: {SECURITY_INFO_URL}")],
            ),
        },
        Cause::TooFewMethods { usable, security_questions, one_gate_possible, from_page } => (
            match (usable, from_page) {
                (_, true) => s("パスワードのリセットに必要なセキュリティ情報が足りません (SSPR_0014)"),
                (Some(n), false) => format!("使える認証方法が {n} つしか登録されていません (管理者には {ADMIN_METHODS_REQUIRED} つ必要です)"),
                (None, false) => s("認証方法が 2 つ登録されているか確認してください"),
            },
            {
                let mut d = format!("管理者のパスワード リセットには、{ADMIN_METHODS_REQUIRED} つの認証情報 (メール、携帯電話、Microsoft Authenticator、OATH コードなど) が必要です。");
                if *security_questions {
                    d.push_str("管理者の場合、セキュリティの質問は数に入りません。");
                }
                d.push_str("試用版や無料版のサブスクリプションでは、音声通話も数に入りません。");
                if *one_gate_possible {
                    d.push_str("試用版の最初の 30 日間や、カスタム ドメインもディレクトリ同期もないテナントだけは、1 つで足ります。");
                }
                d
            },
            vec![today_box(), format!("サインインできたら、{SECURITY_INFO_URL} で 2 つ目の方法を登録します。")],
        ),
        Cause::SmsDelivery => (
            s("それでもテキストが届かない場合に確認すること"),
            format!("入力された内容だけでは、テキスト メッセージが届かない理由を説明できません。Microsoft は SMS の代わりに RCS や WhatsApp ({WHATSAPP_SENDER} から) でコードを届けることがあり、経路は試行ごとに変わります。また、電話の側で Microsoft からは見えない形でメッセージが止められることもあります。"),
            vec![
                s("WhatsApp と、メッセージ アプリの迷惑メッセージや不明な差出人のフォルダーを確認します。テキスト メッセージの受信がオンで、SMS フィルターや受信拒否のアプリがコードを通すかも確認します。"),
                format!("{DELIVERY_RETRY_MINUTES} 分以内に最大 {DELIVERY_RETRIES} 回まで試します。Microsoft は複数の事業者を使っているため、後の試行で別の経路になることがあります。"),
                s("試用版のサブスクリプションの組織では音声通話は使えません。また、作成から数日以内の組織では、テキストと通話が制限されます。"),
            ],
        ),
        Cause::EmailDelivery => (
            s("それでもメールが届かない場合に確認すること"),
            s("入力された内容だけでは、メールが届かない理由を説明できません。メール サービスの検疫で保留されたり、受信トレイのルールで移動されたり、見ているのとは別のメールボックスに送られたりすることもあります。"),
            vec![
                s("メールボックス全体 (すべてのフォルダー) で「Microsoft」や「パスワード」を検索します。"),
                s("そのメールボックスを管理している人に、Microsoft からのメッセージが検疫されていないか確認してもらいます。"),
                s("メールの認証方法として登録されたアドレスが、見ているメールボックスのものか確認します。"),
            ],
        ),
        Cause::MsonlineRetired { failed } => {
            let (mut steps, cmds) = read_switch(a);
            commands = cmds;
            steps.truncate(2);
            (
                s("MSOnline PowerShell モジュールは廃止されています"),
                if *failed { s("貼り付けたテキストは MSOnline モジュールのエラーです。MSOnline は 2025 年に廃止され、もう動作しません (「MSOnline is retired and access is disallowed」)。代わりに Microsoft Graph PowerShell を使います。") }
                else { s("貼り付けたテキストは、廃止済みの MSOnline モジュールの出力です。値が古い可能性があるため、Microsoft Graph PowerShell で確認してください。") },
                steps,
            )
        }
        Cause::PageMessageUnrecognized => (
            s("リセット ページのメッセージを判別できませんでした"),
            s("サポートに問い合わせる場合は、正確な文面と一緒に表示された情報を伝えてください。"),
            vec![
                s("エラーの全文、または SSPR_ で始まるコードを写します。"),
                s("ページ下部の [詳細] や [技術的な詳細] を開き、相関 ID、要求 ID、日時を控えます。"),
                s("できればスクリーンショットを撮ります。"),
            ],
        ),
    };
    Texts { title, detail, steps, commands }
}

pub fn resolution(id: ResolutionId, a: &Audience) -> Vec<String> {
    let your_admin = || {
        "管理者でない場合: 組織の管理者 (ヘルプデスク) にパスワードのリセットを依頼します。新しい一時パスワードを発行してもらえます。"
            .to_string()
    };
    let another_admin = || {
        if a.global_admin {
            format!("管理者の場合: 組織の別の管理者にパスワードのリセットを依頼します (Microsoft 365 管理センター → [ユーザー] → [アクティブなユーザー] → [パスワードのリセット])。グローバル管理者のパスワードをリセットできるのは、{ROLE_GLOBAL_ADMIN_JA}か{ROLE_PRIV_AUTH_ADMIN_JA}だけです。")
        } else {
            format!("管理者の場合: 組織の別の管理者にパスワードのリセットを依頼します (Microsoft 365 管理センター → [ユーザー] → [アクティブなユーザー] → [パスワードのリセット])。{ROLE_PRIV_AUTH_ADMIN_JA}か{ROLE_GLOBAL_ADMIN_JA}なら、どの管理者のパスワードもリセットできます。")
        }
    };
    let support = || {
        vec![
            format!("自分が唯一の管理者の場合: 電話で Microsoft サポートに問い合わせます ({SUPPORT_PHONE_URL})。詳しくは {SUPPORT_URL} を参照してください。組織のプロファイルに登録されていない番号から電話すると、プロファイルのメールか電話に確認コードが送られます。"),
            format!("ロックされた組織でサポート リクエストを作成できない場合、Microsoft のモデレーターは、別の組織や新しい試用版の組織から作成する方法を案内しています。サポートはそれをデータ保護チームに引き継ぎ、組織の所有者であることを確認します ({SOLE_ADMIN_QA_URL})。"),
            format!("Microsoft 365 をパートナー経由で購入した場合、パートナーの委任アクセスに{ROLE_PRIV_AUTH_ADMIN_JA}か{ROLE_GLOBAL_ADMIN_JA}のロールが含まれていれば、パートナーがパスワードをリセットできます ({GDAP_URL})。"),
            "組織のドメイン (例: contoso.onmicrosoft.com)、ユーザー名、所有者であることの証明 (DNS レコードの追加など) を求められたときのために準備しておきます。".to_string(),
            format!("サインインできたら、同じことが起きないように緊急アクセス用アカウントを 2 つ作成します ({EMERGENCY_ACCESS_URL})。"),
        ]
    };
    match id {
        ResolutionId::AskYourAdmin => vec![your_admin()],
        ResolutionId::AskAnotherAdmin => vec![another_admin()],
        ResolutionId::ContactSupport => support(),
        ResolutionId::Unknown => {
            let mut v = vec![your_admin(), another_admin()];
            v.extend(support());
            v
        }
    }
}

pub fn labels() -> Labels {
    Labels {
        report_title: "結果",
        headline_ok: "入力内容からは原因が見つかりませんでした。残りの確認事項:",
        headline_not_ok: "メッセージが届かない原因が見つかりました:",
        counts: "原因 {blocking} 件、可能性大 {likely} 件、要確認 {check} 件",
        severity: BySeverity { blocking: "原因", likely: "可能性大", check: "要確認" },
        badge: BySeverity { blocking: "原因", likely: "可能性大", check: "要確認" },
        severity_group: BySeverity {
            blocking: "原因: これだけでメッセージが届きません",
            likely: "可能性の高い原因",
            check: "要確認: 回答からは判断できませんでした",
        },
        why: "判断の根拠",
        fix: "直し方",
        commands: "コマンド",
        legacy_command: "廃止済み (MSOnline): 使用しないでください",
        evidence: "根拠:",
        resolution_title: "今すぐパスワードをリセットするには",
        resolution_title_unknown: "今すぐパスワードをリセットするには (当てはまるもの)",
        resolution: ByResolution {
            ask_your_admin: "管理者に依頼する",
            ask_another_admin: "別の管理者に依頼する",
            contact_support: "Microsoft サポートに問い合わせる",
            unknown: "当てはまる方法で",
        },
        phone_types: ByPhoneType {
            mobile: "携帯電話",
            fixed_line: "固定電話",
            fixed_line_or_mobile: "固定電話または携帯電話",
            voip: "IP 電話 (VoIP)",
            toll_free: "フリーダイヤル",
            premium_rate: "有料情報サービス",
            shared_cost: "料金分担",
            personal_number: "パーソナル番号",
            pager: "無線呼び出し",
            uan: "企業の統一番号",
            voicemail: "留守番電話",
            unknown: "種類不明",
        },
        phone_ok: "✓ 正しい携帯電話番号で、Microsoft の求める形で書かれています。",
        email_ok: "✓ 正しいアドレスです。",
        user_ok: "✓ 正しい形式のユーザー名です。",
        support_summary_title: "ヘルプデスクや Microsoft サポートに伝える要約",
        facts_checked: "バージョン {version}。Microsoft の情報は {date} に確認したものです。",
        facts_stale: "このコピーの Microsoft の情報は {date} ({days} 日前) に確認したものです。Microsoft はこうした規則を数か月ごとに変更するため、ここでの案内の一部が古くなっている可能性があります。",
        get_fresh_copy: "保存元のページから新しいコピーを入手してください。",
    }
}

pub fn summary() -> super::SummaryWords {
    SummaryWords {
        title: "SSPR Doctor: サポート向けの要約",
        intro: "ここには SSPR Doctor に入力された内容だけを「入力値」として載せています。テナント内の実際の設定は確認していません。",
        time: "日時",
        username: "ユーザー名 (入力値)",
        symptom: "届かなかったもの",
        symptom_email: "リセット メール",
        symptom_sms: "テキスト メッセージ",
        symptom_both: "メールとテキスト メッセージの両方、または不明",
        page_message: "リセット ページのメッセージ (入力値)",
        support_code: "サポート コードまたは相関 ID (入力値)",
        error_codes: "見つかったエラー コード",
        admin: "管理者かどうか (入力値)",
        yes: "はい",
        no: "いいえ",
        unknown: "不明",
        findings: "判定結果",
        none: "なし",
        tool: "SSPR Doctor",
    }
}
