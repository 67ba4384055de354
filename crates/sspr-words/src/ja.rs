//! 日本語。各分岐は `en.rs` と対になり、手順の数とコマンドは同じです。

use super::{cmd, legacy, Audience, ByPhoneType, ByResolution, BySeverity, Fixer, Labels, SummaryWords, Texts};
use crate::cause::{Cause, Gate, Known, NonCarrier, PolicyTrouble, Retirement, Writeback};
use crate::facts::*;
use crate::names::*;
use crate::problems::EmailProblem;
use crate::problems::GraphError;
use crate::problems::Invalid;
use crate::problems::UpnProblem;
use crate::report::{PhoneType, ResolutionId};

/// この読み手のために変更できる人。
fn fixer(a: &Audience) -> String {
    match a.fixer() {
        Fixer::AuthenticationAdmin => "認証管理者".into(),
        Fixer::PrivilegedOrGlobalAdmin => fill!("{ROLE_PRIV_AUTH_ADMIN_JA}または{ROLE_GLOBAL_ADMIN_JA}"),
        Fixer::OrganizationAdmin => "組織の管理者 (ヘルプデスク)".into(),
        Fixer::SelfAfterSupport => {
            "Microsoft サポートの対応でサインインできるようになった後のご自身 (この結果の「今すぐパスワードをリセットするには」を参照)"
                .into()
        }
        Fixer::AnotherGlobalOrPrivileged => fill!("別の{ROLE_GLOBAL_ADMIN_JA}、または{ROLE_PRIV_AUTH_ADMIN_JA}"),
        Fixer::AnotherAdmin => "別の管理者".into(),
    }
}

/// 手順の後に括弧で添える「誰が行うか」。
fn who_does_it(a: &Audience) -> String {
    if a.audit {
        fill!("{}が代わりに行うこともできます", fixer(a))
    } else if a.not_admin {
        "組織の管理者が行います".into()
    } else if a.sole_admin {
        "Microsoft サポートの対応でサインインできるようになったら、ご自身で行えます".into()
    } else {
        fill!("{}が行います", fixer(a))
    }
}

/// 「○○に修正してもらうか、サインインできたら自分で修正します」。
fn have_it_changed(a: &Audience) -> String {
    let crate::Places { info, methods_path, .. } = crate::places(a);
    if a.audit {
        fill!("アカウントの認証方法 ({methods_path}) で修正するか ({})、アカウントの所有者に {info} で修正してもらいます。", who_does_it(a))
    } else if a.sole_admin {
        "Microsoft サポートの対応でサインインできるようになったら、ご自身で修正します (「今すぐパスワードをリセットするには」を参照)。"
            .into()
    } else {
        fill!("{}に修正を依頼するか、サインインできるようになったらご自身で修正します。", fixer(a))
    }
}

/// 管理者向けスイッチを読む Graph PowerShell コマンド。
fn read_switch(a: &Audience) -> (Vec<String>, Vec<crate::report::Command>) {
    let who = if a.sole_admin {
        "サインインできるようになったら、ご自身のアカウントでサインインします"
    } else {
        "サインインできる管理者のアカウントでサインインします"
    };
    (
        vec![
            fill!("PowerShell で Microsoft Graph モジュールを使い (未インストールの場合: {GRAPH_INSTALL})、{who}: {GRAPH_CONNECT_READ}"),
            fill!("次を実行します: {GRAPH_READ_SSPR}。True の場合、管理者は自分のパスワードをリセットできます。False の場合はリセットできません。"),
            fill!("(以前のコマンド、廃止済み: {MSOL_READ_SSPR}。MSOnline モジュールは動作しなくなったため、上のコマンドを使用してください。)"),
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
        EmptyLocalPart => "「@」の前に何もありません。".into(),
        EmptyDomain => "「@」の後 (ドメイン) に何もありません。".into(),
        Spaces => "スペースが含まれています。".into(),
        NoDomainDot => "ドメインに「.」がありません (「example.com」のような形になります)。".into(),
        BadLocalCharacter(c) => fill!("「@」の前に使えない文字「{c}」があります。"),
        BadDomainCharacter(c) => fill!("ドメインに使えない文字「{c}」があります。"),
        EmptyLabel => "ドメインで「.」が連続しているか、ドメインが「.」で始まっているか終わっています。".into(),
        LabelHyphen(s) => fill!("ドメインの「{s}」の部分が、ハイフンで始まっているか終わっています。"),
        LabelTooLong(_) => "ドメインの「.」で区切られた部分の 1 つが 63 文字を超えています。".into(),
        LocalTooLong(n) => fill!("「@」の前が {n} 文字あります (最大 64 文字)。"),
        DomainTooLong(n) => fill!("ドメインが {n} 文字あります (最大 255 文字)。"),
        AddressTooLong(n) => fill!("アドレス全体が {n} 文字あります (最大 254 文字)。"),
        NumericTld(t) => fill!("ドメインが数字 (「{t}」) で終わっています。"),
    }
}

/// 電話番号が正しくない理由 (文として完結)。
pub fn phone_reason(p: &Invalid) -> String {
    use Invalid::*;
    match p {
        NoDigits => "数字が含まれていません。".into(),
        Letters(c) => fill!("英字「{c}」が含まれています。"),
        BadCharacter(c) => fill!("電話番号に使えない文字「{c}」が含まれています。"),
        UnknownCountryCode(cc) => fill!("「+{cc}」で始まる国番号を持つ国はありません。"),
        UnknownRegionHint(r) => fill!("「{r}」は、JP や US のような国コードではありません。"),
        TooShort { len, min } => fill!("桁数が足りません。国番号の後が {len} 桁ですが、この種類の番号は {min} 桁です。"),
        TooLong { len, max } => fill!("桁数が多すぎます。国番号の後が {len} 桁ですが、この種類の番号は {max} 桁です。"),
        InvalidLength { len } => fill!("その国には {len} 桁の番号はありません。"),
        NoSuchRange => "その国には、このように始まる番号はありません。".into(),
        TooLongInput => "入力が、電話番号としては長すぎます。".into(),
    }
}

/// ユーザー名が正しくない理由 (文として完結)。
pub fn upn_reason(p: &UpnProblem) -> String {
    use UpnProblem::*;
    match p {
        Empty => "何も入力されていません。".into(),
        NoAt => "「@ドメイン」の部分がありません。ユーザー名には、サインインに使う完全なアドレスを入力します。".into(),
        TwoAts => "「@」が 2 つ以上あります。".into(),
        FullWidth => "全角文字が含まれています (日本語入力がオンのまま入力した可能性があります)。".into(),
        Spaces => "スペースが含まれています。".into(),
        BadCharacter(c) => fill!("ユーザー名に使えない文字「{c}」があります。"),
        DotBeforeAt => "「@」の直前に「.」があります。".into(),
        NoDomainDot => "ドメインが不完全です (「contoso.onmicrosoft.com」のような形になります)。".into(),
        LocalTooLong(n) => fill!("「@」の前が {n} 文字あります (最大 64 文字)。"),
        DomainTooLong(n) => fill!("「@」の後が {n} 文字あります (最大 48 文字)。"),
        TooLong(n) => fill!("全体で {n} 文字あります (最大 113 文字)。"),
    }
}

pub fn phone_type(t: PhoneType) -> &'static str {
    use PhoneType::*;
    match t {
        Mobile => "携帯電話の番号",
        FixedLine => "固定電話の番号",
        FixedLineOrMobile => "固定電話または携帯電話の番号",
        Voip => "IP 電話 (VoIP) の番号",
        TollFree => "通話料無料 (着信課金) の番号",
        PremiumRate => "有料情報サービスの番号",
        SharedCost => "発信者と着信者が料金を分担する番号",
        PersonalNumber => "転送用のパーソナル番号",
        Pager => "無線呼び出し用の番号",
        Uan => "企業の統一番号",
        Voicemail => "留守番電話サービスのアクセス番号",
        Unknown => "種類が不明な番号",
    }
}

fn today_box() -> String {
    "今すぐリセットするには、この結果の「今すぐパスワードをリセットするには」に従ってください。".into()
}

/// 「別の方法を登録する」: まだサインインできる所有者が登録するか、代わりに追加する。
fn register_for_them(a: &Audience, what: &str) -> String {
    let crate::Places { info, methods_path, .. } = crate::places(a);
    fill!("まだサインインできる今のうちに、アカウントの所有者に{what}を登録してもらいます ({info})。アカウントの認証方法 ({methods_path}) に追加することもできます ({})。", who_does_it(a))
}

/// 組織の電話プロバイダー。Learn ではまだプライベート プレビューです。
fn provider_step() -> String {
    fill!("または、組織として Microsoft Security Store の電話プロバイダーを構成します。これはプライベート プレビューで、{TELEPHONY_PROVIDER_CONFIGURABLE} 以降に構成できます ({PHONE_PROVIDERS_URL}、{SMS_RETIREMENT_URL})。")
}

/// 「携帯電話」「携帯電話と会社電話」。
fn phones_named(lose: &[Gate]) -> &'static str {
    match (lose.contains(&Gate::MobilePhone), lose.contains(&Gate::OfficePhone)) {
        (true, true) => "携帯電話と会社電話",
        (false, true) => "会社電話",
        _ => "携帯電話",
    }
}

/// テキスト メッセージか通話が届くことが解決策の検出結果の手順 (Microsoft が送らなくなった後)。
pub fn telephony_ended(a: &Audience, date: crate::facts::Date) -> Vec<String> {
    let instead = fill!("テキスト メッセージでも通話でもない方法 ({SSPR_NON_TELEPHONY_METHODS_JA})");
    vec![
        fill!("{date} 以降、組織が独自の電話プロバイダーを構成していない限り、Microsoft はパスワード リセット用のテキスト メッセージも通話も送りません。これを直しても、もう届きません。"),
        if a.audit { register_for_them(a, &instead) } else { fill!("{instead}でリセットします。今日のところは、この結果の「今すぐパスワードをリセットするには」に従ってください。") },
    ]
}

pub fn finding(c: &Cause, a: &Audience) -> Texts {
    let crate::Places { info, reset, methods_path, sspr_path, writeback_path, registration_path, others, .. } = crate::places(a);
    let mut commands = Vec::new();
    let s = crate::owned;
    let (title, detail, steps): (String, String, Vec<String>) = match c {
        Cause::Throttled { from_telephony: false } => (
            s("試行回数が多すぎるため、パスワード リセットが一時的にブロックされています"),
            fill!("同じアカウントで 1 時間に電話番号の確認を {THROTTLE_ATTEMPTS_PER_HOUR} 回、セキュリティの質問への回答を {THROTTLE_ATTEMPTS_PER_HOUR} 回、またはパスワード リセットを {THROTTLE_ATTEMPTS_PER_HOUR} 回行うと、自動的にブロックされます。最後の試行から {THROTTLE_WAIT_HOURS} 時間が経過するまで、メールもテキスト メッセージも送られません。"),
            vec![
                s("今は再試行しないでください。試行するたびに、待ち時間が最初からやり直しになります。"),
                fill!("最後の試行から {THROTTLE_WAIT_HOURS} 時間待ってから、{reset} でもう一度リセットします。"),
                s("それより早くアクセスする必要がある場合は、この結果の「今すぐパスワードをリセットするには」に従ってください。"),
            ],
        ),
        Cause::Throttled { from_telephony: true } => (
            s("Microsoft がこの番号へのテキスト メッセージと音声通話を保留しています"),
            s("「アカウントの確認で問題が発生しています」というメッセージは、Microsoft の電話詐欺対策によって要求が保留されたことを示します。試行を何度も繰り返した場合、作成から数日以内の新しい組織の場合、オプトインが必要な地域の場合に起こります。通常は数時間から数日で解除されます。"),
            vec![
                s("すぐに再試行せず、数時間待ってから試します。"),
                fill!("ほかの方法を登録している場合は、そちらを選びます: {others}。"),
                if a.sole_admin { s("解消しない場合は、Microsoft サポートに問い合わせる際にこのことも伝えます。") } else { fill!("解消しない場合は、{}に Microsoft サポート リクエストを作成してもらいます。", fixer(a)) },
            ],
        ),
        Cause::SmsRateLimited => (
            s("テキスト メッセージによるコードの送信回数が、Microsoft の上限に達しました"),
            s("「You've hit our limit on text verification codes」(音声通話の場合は「You've hit our limit on verification calls」) というメッセージは、同じユーザーや同じ組織が短時間に繰り返した試行を Microsoft が制限したことを示します。数分で解除され、Microsoft Authenticator やアプリの確認コード (Authenticator アプリや OATH トークン) には適用されません。リセットの試行が多すぎる場合の 24 時間のブロックとは別のものです。"),
            vec![
                s("数分待ってから、コードをもう一度だけ要求します。何度も要求しないでください。"),
                fill!("または、ほかの方法を選びます: {others}。"),
            ],
        ),
        Cause::NotAdmin(Known::Yes) => (
            s("このアカウントは管理者ではないため、ユーザー向けのリセット ポリシーが適用されます"),
            fill!("管理者ロールを持たないアカウントも同じページ ({reset}) でリセットしますが、組織のユーザー向けポリシーが適用されます。組織がユーザーのセルフサービス パスワード リセットを有効 ([選択済み] または [すべて]) にしていて、このアカウントが対象に含まれている場合にだけ使えます。そうでない場合、ページからは何も送られません。"),
            vec![
                fill!("組織の管理者 (ヘルプデスク) に、セルフサービス パスワード リセットがご自身に対して有効になっているか確認してもらいます ({sspr_path})。"),
                s("有効になっていない場合や、今すぐアクセスが必要な場合は、管理者にパスワードのリセットを依頼します。一時パスワードを発行してもらえます。"),
            ],
        ),
        Cause::NotAdmin(Known::Unknown) => (
            s("アカウントが管理者かどうか確認してください"),
            s("管理者も一般ユーザーも同じページでリセットしますが、適用される規則が異なります。管理者には常に 2 つの方法が必要で、組織は管理者のリセットを無効にできます。一般ユーザーには、組織が設定したユーザー向けポリシーが適用されます。"),
            vec![s("同僚の管理者に、Microsoft 365 管理センターまたは Microsoft Entra 管理センターで、このアカウントのロール (グローバル管理者など) を確認してもらいます。")],
        ),
        Cause::PersonalAccount { domain } => (
            s("職場のアカウントではなく、個人用 Microsoft アカウントです"),
            fill!("{domain} は個人用 Microsoft アカウントのドメインです。Microsoft Entra のセルフサービス パスワード リセットでは個人用アカウントはリセットできないため、リセット ページからは何も送られません。"),
            vec![
                fill!("個人用アカウントは {PERSONAL_ACCOUNT_RESET_URL} でリセットします。"),
                s("Microsoft 365 の管理には、職場のアカウントのサインイン名 (例: admin@contoso.onmicrosoft.com) を入力します。"),
            ],
        ),
        Cause::SsprDisabled { known: Known::Yes, from_page, registration } => {
            commands = vec![cmd(GRAPH_CONNECT_WRITE), cmd(GRAPH_ENABLE_SSPR)];
            (
                s("管理者のパスワード リセットが無効になっています"),
                if *registration { s("ページに「Your administrator has not enabled you to use this feature」(英語の画面の表記。管理者がこの機能の使用を許可していない) と表示されました。管理者の場合、これは管理者のパスワード リセットが無効になっていることを意味します。登録は求められますが、どの方法も登録できず、リセット用のメッセージも送られません。") }
                else if *from_page { s("リセット ページに SSPR_0009 (パスワード リセットが有効になっていない) と表示されました。無効になっている間は、メールもテキスト メッセージも一切送られません。") }
                else { s("組織の AllowedToUseSspr がオフになっています。この設定は管理者に適用され、オフの間、管理者は自分のパスワードをリセットできず、メールもテキスト メッセージも送られません。") },
                vec![
                    fill!("有効にします ({}。少なくとも特権ロール管理者のロールが必要です): {GRAPH_CONNECT_WRITE}", who_does_it(a)),
                    fill!("続けて次を実行します: {GRAPH_ENABLE_SSPR}"),
                    fill!("変更が反映されるまで最大 {POLICY_PROPAGATION_MINUTES} 分かかります。その後、{reset} でもう一度試します。"),
                ],
            )
        }
        Cause::SsprDisabled { known: Known::Unknown, .. } => {
            let (steps, cmds) = read_switch(a);
            commands = cmds;
            (
                s("管理者のパスワード リセットが有効か確認してください"),
                s("組織で管理者のパスワード リセットがオフ (AllowedToUseSspr = False) になっていると、メッセージは送られません。コマンドの出力を「ポリシー コマンドの出力」欄に貼り付けると、ここで判定できます。"),
                steps,
            )
        }
        Cause::PasswordWriteback(w) => (
            match w {
                Writeback::Source(_) => s("このアカウントでパスワード ライトバックが有効か確認してください"),
                _ => s("オンプレミスの Active Directory へのパスワード ライトバックに失敗しました"),
            },
            match w {
                Writeback::NotEnabled => s("リセット ページに SSPR_0010 と表示されました。このアカウントのパスワードはオンプレミスの Active Directory で管理されていて、パスワード ライトバックが有効になっていないため、クラウドではリセットできません。"),
                Writeback::OnPremisesError => s("リセット ページに SSPR_0029 と表示されました。オンプレミスの構成にエラーがあるため、クラウドから新しいパスワードをオンプレミスの Active Directory に書き戻せませんでした。"),
                Writeback::Connectivity => s("リセット ページに SSPR_0030 と表示されました。クラウドからオンプレミス環境に接続できず、新しいパスワードを書き戻せませんでした。"),
                Writeback::Source(_) => s("同期またはフェデレーションされたアカウントのパスワードは、オンプレミスの Active Directory で管理されています。クラウドでのセルフサービス リセットは、パスワード ライトバック (Microsoft Entra Connect またはクラウド同期) が有効な場合にだけ使えます。Domain Admins などの保護されたグループのメンバーは、ライトバックが有効でも対象外です。"),
            },
            vec![
                fill!("ライトバックが有効か確認します ({}): {writeback_path}。", who_does_it(a)),
                fill!("Microsoft Entra Connect (またはクラウド同期エージェント) のサーバーで、アプリケーション イベント ログにソースが {WRITEBACK_EVENT_SOURCES} のイベントがないか確認します。"),
                fill!("見つかったエラーに応じて、{WRITEBACK_TROUBLESHOOT_URL} の手順に従います。保護されたグループのアカウントは、代わりにオンプレミスの Active Directory でリセットします。"),
            ],
        ),
        Cause::ResetNotConfigured { code } => (
            match *code {
                "SSPR_0011" => s("組織にパスワード リセット ポリシーがありません (SSPR_0011)"),
                "SSPR_0012" => s("パスワード リセットに必要なライセンスがありません (SSPR_0012)"),
                "SSPR_0013" => s("アカウントがリセットを許可されたグループに含まれていません (SSPR_0013)"),
                other => fill!("リセット ページに構成の問題が表示されました ({other})"),
            },
            match *code {
                "SSPR_0011" => s("組織でパスワード リセット ポリシーが定義されていないため、ページの先に進めません。"),
                "SSPR_0012" => s("組織に、パスワード リセットに必要なライセンスがありません。"),
                "SSPR_0013" => s("セルフサービス パスワード リセットが選択したユーザーだけに有効になっていて、このアカウントはそのグループに含まれていません。"),
                _ => s("組織のパスワード リセットの構成に、管理者でなければ修正できない問題があります。"),
            },
            vec![
                fill!("Microsoft Entra 管理センターの [パスワード リセット] を確認します ({}): {sspr_path}。", who_does_it(a)),
                if a.sole_admin { today_box() } else { fill!("それまでの間は、{}にパスワードをリセットしてもらいます。", fixer(a)) },
            ],
        ),
        Cause::PolicyUnrecognized(t) => {
            let (steps, cmds) = read_switch(a);
            commands = cmds;
            let detail = match t {
                PolicyTrouble::Unrecognized => s("貼り付けたテキストに、AllowedToUseSspr (または SelfServePasswordResetEnabled) の True も False も見つかりません。"),
                PolicyTrouble::Contradictory => s("貼り付けたテキストに、オンとオフの両方が含まれています。別のテナントや別の時点の出力が混ざっている可能性があります。"),
                PolicyTrouble::Graph(GraphError::NotInstalled) => fill!("Get-MgPolicyAuthorizationPolicy が見つかりません。モジュールをインストールしてください: {GRAPH_INSTALL}"),
                PolicyTrouble::Graph(GraphError::NotConnected) => fill!("PowerShell が Microsoft Graph に接続されていません。先に次を実行します: {GRAPH_CONNECT_READ}"),
                PolicyTrouble::Graph(GraphError::AccessDenied) => s("コマンドを実行したアカウントには、ポリシーを読み取る権限がありません。Policy.Read.All に同意済みの管理者として実行してください。"),
            };
            (s("ポリシーの出力を読み取れませんでした"), detail, steps)
        }
        Cause::UsernameInvalid(Some(p)) => (
            s("ユーザー名がサインイン名の形式になっていません"),
            fill!("リセット ページで入力したユーザー名が正しい形式ではありません。{}一致するアカウントがないため、何も送られません。", upn_reason(p)),
            vec![s("サインインに使う完全な名前 (例: admin@contoso.onmicrosoft.com) を半角で入力します。")],
        ),
        Cause::UsernameInvalid(None) => (
            s("リセット ページで入力したユーザー名を確認してください"),
            s("ユーザー名を間違えると、どのアカウントにも一致しないか別のアカウントに一致するため、メッセージはご自身が確認できる場所には届きません。"),
            vec![s("サインインに使う完全な名前 (例: admin@contoso.onmicrosoft.com) を入力したか確認します。")],
        ),
        Cause::MethodsNotRegistered(k) => {
            let ended = matches!(a.telephony, crate::cause::Telephony::Ended { .. });
            commands = if ended {
                vec![cmd(GRAPH_CONNECT_EMAIL_METHOD), cmd(GRAPH_ADD_EMAIL)]
            } else {
                vec![cmd(GRAPH_CONNECT_METHODS), cmd(GRAPH_ADD_PHONE), cmd(GRAPH_UPDATE_PHONE), cmd(GRAPH_ADD_EMAIL)]
            };
            (
                if *k == Known::Yes { s("連絡先情報が認証方法として登録されていません") } else { s("連絡先情報が認証方法として登録されているか確認してください") },
                fill!("Microsoft Learn によると、{REGISTERED_METHODS_ONLY} 以降、パスワード リセットでは明示的に登録された認証方法だけが使われます。アカウントのディレクトリ情報 (mobilePhone、businessPhones、otherMails) にしかない携帯電話番号や連絡用メール アドレスは使えなくなりました。また、{REGISTRATION_CAMPAIGN} 以降は、サインイン時に登録を求めるよう設定している組織で、認証方法が足りないユーザーに登録キャンペーンで登録が促されます ({MESSAGE_CENTER_ID})。"),
                if ended {
                    vec![
                        fill!("連絡先情報だけでなく、[認証方法] を確認します: {methods_path}。"),
                        fill!("そこでメール アドレスを追加します ({}。管理者のアカウントの場合は{ROLE_PRIV_AUTH_ADMIN_JA}または{ROLE_GLOBAL_ADMIN_JA}のロールが必要です)。Microsoft Graph PowerShell でも追加できます: {GRAPH_CONNECT_EMAIL_METHOD}", who_does_it(a)),
                        fill!("続けて {GRAPH_ADD_EMAIL} を実行します (アカウントとアドレスは実際の値に置き換えます)。"),
                    ]
                } else {
                    vec![
                        fill!("連絡先情報だけでなく、[認証方法] を確認します: {methods_path}。"),
                        fill!("そこで携帯電話番号とメール アドレスを追加します ({}。管理者のアカウントの場合は{ROLE_PRIV_AUTH_ADMIN_JA}または{ROLE_GLOBAL_ADMIN_JA}のロールが必要です)。Microsoft Graph PowerShell でも追加できます: {GRAPH_CONNECT_METHODS}", who_does_it(a)),
                        fill!("続けて {GRAPH_ADD_PHONE} と {GRAPH_ADD_EMAIL} を実行します (アカウント、番号、アドレスは実際の値に置き換えます)。"),
                        fill!("アカウントに携帯電話の認証方法がすでにある場合、追加は失敗します (電話は種類ごとに 1 つ)。その場合は更新します: {GRAPH_UPDATE_PHONE}"),
                    ]
                },
            )
        }
        Cause::AlternateEmailMissing(k) => (
            if *k == Known::Yes { s("連絡用メール アドレスが設定されていません") } else { s("連絡用メール アドレスが設定されているか確認してください") },
            s("リセット メールは、認証方法として登録された連絡用 (代替) メール アドレスに送られます。登録がなければ送信できません。"),
            vec![today_box(), fill!("サインインできたら、{info} で、ご自身が受信できる組織外のメール アドレスを登録します。")],
        ),
        Cause::AlternateEmailInvalid { problem, suggestion } => (
            s("連絡用メール アドレスが正しくありません"),
            fill!("連絡用メール アドレスが正しい形式ではありません。{}", email_reason(problem)),
            {
                let mut v = Vec::new();
                if let Some(sug) = suggestion {
                    v.push(fill!("本来のアドレスはおそらく {sug} です。"));
                }
                v.push(have_it_changed(a));
                v
            },
        ),
        Cause::AlternateEmailTypo { suggestion } => (
            s("連絡用メール アドレスに入力ミスがある可能性があります"),
            fill!("ドメインが、よく使われるドメインと 1 か所だけ違います。{suggestion} の間違いではありませんか。"),
            vec![fill!("{suggestion} が正しい場合: {}", have_it_changed(a))],
        ),
        Cause::AlternateEmailInTenant { domain, onmicrosoft, own_mailbox } => (
            if *own_mailbox { s("連絡用メール アドレスが、このアカウント自身のメールボックスです") } else { s("連絡用メール アドレスが自組織内のアドレスです") },
            if *own_mailbox { s("リセット メールは、ロックアウトされたアカウント自身のメールボックスに送られます。このメールボックスは、そのパスワードがなければ誰も開けません。") }
            else if *onmicrosoft { fill!("{domain} は Microsoft 365 の組織のドメインです。ロックアウトされている間は、このメールボックスにサインインできません。") }
            else { fill!("{domain} はサインイン名と同じ組織のドメインです。ロックアウトされている間は、このメールボックスを読めない可能性が高いです。") },
            if a.audit {
                vec![
                    register_for_them(a, "、ロックアウト中でも読める組織外のアドレス (個人のメール アドレスなど) "),
                    s("組織内のアドレスはほかの用途に残します。自分のアカウントからロックアウトされた人の役には立ちません。"),
                ]
            } else {
                vec![
                    s("すでにサインイン済みのスマートフォンなど、このメールボックスをまだ開ける場所があれば、そこで確認します。"),
                    fill!("サインインできたら、{info} で組織外のアドレス (個人のメール アドレスなど) を登録します。"),
                ]
            },
        ),
        Cause::AlternateEmailCarrierFilter { domain } => (
            s("携帯電話会社のメール フィルターで、リセット メールが破棄されている可能性があります"),
            fill!("{domain} は日本の携帯電話会社のメール ドメインです。迷惑メール対策の設定によっては、パソコンからのメールや受信許可リストにない差出人のメールが、通知なしに拒否されます。"),
            vec![
                fill!("携帯電話会社の迷惑メール設定で、{RESET_EMAIL_SENDER_2} と {RESET_EMAIL_SENDER} (またはドメイン microsoft.com と microsoftonline.com) を受信許可リストに追加します。"),
                s("「パソコンからのメールを拒否」などの設定を一時的に解除します。"),
            ],
        ),
        Cause::JunkFolder(k) => (
            if *k == Known::Yes { s("迷惑メール フォルダーが確認されていません") } else { s("迷惑メール フォルダーを確認してください") },
            s("リセット メールが届かないように見える原因として最も多いのは、迷惑メール フィルターです。"),
            vec![s("連絡用メールボックスの [迷惑メール] フォルダーと [削除済みアイテム] フォルダーを確認します。メール サービスにメッセージの検疫 (隔離) 機能がある場合は、検疫で保留されていないかも確認します。")],
        ),
        Cause::SenderNotSafelisted(k) => (
            if *k == Known::Yes { s("差出人が信頼できる差出人のリストに入っていません") } else { s("差出人が信頼できる差出人のリストに入っているか確認してください") },
            fill!(
                "リセット メールの差出人は {RESET_EMAIL_SENDER_2} または {RESET_EMAIL_SENDER} です (Azure Government では {}、21Vianet が運営するクラウドでは {})。差出人が信頼されていないと、フィルターで止められることがあります。",
                RESET_EMAIL_SENDERS_US_GOV.join(" または "),
                RESET_EMAIL_SENDERS_21VIANET.join(" または ")
            ),
            vec![fill!("連絡用メールボックスの信頼できる差出人のリストに {RESET_EMAIL_SENDER_2} と {RESET_EMAIL_SENDER} を追加してから、もう一度リセットを試します。")],
        ),
        Cause::MobilePhoneMissing(k) => (
            if *k == Known::Yes { s("携帯電話番号が設定されていません") } else { s("携帯電話番号が設定されているか確認してください") },
            s("テキスト メッセージは、認証方法として登録された携帯電話番号に送られます。携帯電話は、管理者に必要な 2 つの方法の 1 つにもなります。"),
            vec![today_box(), fill!("サインインできたら、{info} で国番号付きの携帯電話番号を登録します (例: {ENTRA_PHONE_EXAMPLE_JP})。")],
        ),
        Cause::CountryCodeMissing { suggestion, without_plus: true } => (
            s("国番号の前に「+」がありません"),
            s("番号は国番号で始まっていますが、「+」がないと国番号として扱われず、テキスト メッセージを届けられません。"),
            match suggestion {
                Some(sug) => vec![fill!("番号を {sug} に修正します。"), have_it_changed(a)],
                None => vec![s("国番号の前に「+」を付けます。"), have_it_changed(a)],
            },
        ),
        Cause::CountryCodeMissing { suggestion, without_plus: false } => (
            s("携帯電話番号に国番号がありません"),
            fill!("テキスト メッセージは国際 SMS として送られるため、番号には「{ENTRA_PHONE_EXAMPLE_JP}」のように国番号が必要です。"),
            match suggestion {
                Some(sug) => vec![fill!("番号を {sug} に修正します (国内番号の先頭の 0 は付けません)。"), have_it_changed(a)],
                None => vec![s("番号の国を選択すると、修正後の番号を表示できます。"), fill!("「+国番号 番号」の形で書きます。日本の場合は、+81 の後に先頭の 0 を除いた番号を続けます ({ENTRA_PHONE_EXAMPLE_JP})。")],
            },
        ),
        Cause::TrunkPrefix { prefix, suggestion } => (
            fill!("国番号の後に国内用の「{prefix}」が残っています"),
            fill!("国番号の後には、国内で電話をかけるときに付ける先頭の「{prefix}」を付けません。付けたままだと、テキスト メッセージは存在しない番号に送られます。"),
            match suggestion {
                Some(sug) => vec![fill!("番号を {sug} に修正します。"), have_it_changed(a)],
                None => vec![fill!("国番号の後の「{prefix}」を削除します。"), have_it_changed(a)],
            },
        ),
        Cause::PhoneInvalid(p) => (
            s("携帯電話番号が有効な番号ではありません"),
            fill!("登録されている番号は、有効な電話番号ではありません。{}", phone_reason(p)),
            vec![fill!("番号を確認し、「+国番号 番号」の形で登録し直します (例: {ENTRA_PHONE_EXAMPLE_JP})。")],
        ),
        Cause::PhoneNotMobile { kind, extension } => (
            s("この番号ではテキスト メッセージを受信できません"),
            {
                let mut d = fill!("この番号は{}です。テキスト メッセージは携帯電話にしか届きません。", phone_type(*kind));
                if let Some(ext) = extension {
                    d.push_str(&fill!("内線番号 ({ext}) は送信前に取り除かれるため、テキスト メッセージが内線に届くことはありません。"));
                }
                d
            },
            vec![s("テキスト メッセージを受信できる携帯電話番号を、携帯電話の認証方法として登録します。")],
        ),
        Cause::PhoneNumberMismatch => (
            s("リセット ページで入力した番号が、登録されている番号と一致しません"),
            s("リセット ページは、コードを送る前に登録済みの番号の入力を求めます。国番号を含めて完全に一致している必要があります。"),
            vec![s("国番号と市外局番を含む完全な番号を入力します。"), if a.sole_admin { s("番号が変わった場合は、Microsoft サポートの対応でサインインできるようになったら、ご自身で登録を修正します。") } else { fill!("番号が変わった場合は、{}に登録を修正してもらいます。", fixer(a)) }],
        ),
        Cause::NonCarrierSms(n) => (
            match n {
                NonCarrier::Said => s("アプリやインターネットの SMS サービスではコードを受信できません"),
                NonCarrier::VoipRange => s("番号が IP 電話 (VoIP) の番号のようです"),
                NonCarrier::Unknown => s("番号が携帯電話会社の番号か確認してください"),
            },
            s("携帯電話会社 (キャリア) 以外の SMS サービス (Google Voice、TextPlus など) はサポートされておらず、その番号にはメッセージが届かないことがあります。"),
            vec![s("携帯電話会社 (キャリア) の番号を登録します。")],
        ),
        Cause::CarrierRejectsUsSms(k) => (
            if *k == Known::Yes { s("キャリアが海外からのテキスト メッセージを届けていません") } else { s("キャリアが海外からのテキスト メッセージを受信できるか確認してください") },
            fill!("Microsoft は複数の経路でコードを送り、多くの場合、コードは国外から届きます。ショート コードが使われるのは米国とカナダだけで、ほかの国では通常の国際番号から送られます。RCS や WhatsApp ({WHATSAPP_SENDER}) で届くこともあります。キャリアや料金プランによっては、海外の差出人からのテキスト メッセージが拒否されます。"),
            vec![s("キャリアの設定で、海外からの SMS の受信を許可します。"), fill!("それができない場合は、ほかの方法を使います: {others}。")],
        ),
        Cause::ResetLinkNotClicked => (
            s("メールの「今すぐパスワードを再設定する」リンクを確認してください"),
            s("Microsoft Online Services から「パスワードを再設定する」メールが届いている場合は、その中の「今すぐパスワードを再設定する」リンクからリセット ページを開けます。現在の手順では、そのページで [携帯電話に SMS 送信] を選択すると、テキスト メッセージが送られます。"),
            vec![s("メールを開いてリンクをクリックし、[携帯電話に SMS 送信] を選択して、画面の手順に従います。")],
        ),
        Cause::RegionOptIn { key, regions } => (
            fill!("+{key} へのテキスト メッセージには、組織のオプトインが必要です"),
            fill!("+{key} ({regions}) は、テキスト メッセージと音声通話を使うために、組織がサポート リクエストでオプトインする必要がある地域として、Microsoft の一覧に含まれています。オプトインしていない場合は何も届きません。"),
            vec![
                if a.sole_admin { fill!("サインインできるようになったら、Microsoft サポート リクエストを作成し、この地域への SMS と音声通話を有効にするよう依頼します ({OPT_IN_URL})。") } else { fill!("{}に Microsoft サポート リクエストを作成してもらい、この地域への SMS と音声通話を有効にするよう依頼します ({OPT_IN_URL})。", fixer(a)) },
                fill!("それまでは、ほかの方法を使います: {others}。"),
            ],
        ),
        Cause::SmsRetired(r) => match r {
            Retirement::Retired { date } => (
                s("Microsoft によるテキスト メッセージの送信は終了しています"),
                fill!("Microsoft が提供する SMS と音声通話は、パスワード リセットも含めて {date} に終了しました。組織が Microsoft Security Store の電話プロバイダーを構成していない場合、テキスト メッセージは送られません。"),
                if a.audit {
                    vec![
                        register_for_them(a, &fill!("、SMS と音声通話以外の方法 ({SSPR_NON_TELEPHONY_METHODS_JA}) ")),
                        provider_step(),
                    ]
                } else {
                    vec![
                        fill!("テキスト メッセージと音声通話以外の方法を使います (会社電話も音声通話です): {SSPR_NON_TELEPHONY_METHODS_JA}。"),
                        if a.sole_admin { fill!("サインインできるようになったら、電話プロバイダーの構成を検討します (プライベート プレビュー: {PHONE_PROVIDERS_URL})。") } else { fill!("{}に、電話プロバイダーの構成について相談します (プライベート プレビュー: {PHONE_PROVIDERS_URL})。", fixer(a)) },
                    ]
                },
            ),
            Retirement::Upcoming { date, global_admin_date } => (
                fill!("Microsoft が提供する SMS は {date} に終了します"),
                {
                    let mut d = fill!("{date} 以降は、組織が電話プロバイダーを構成していない限り、パスワード リセットのテキスト メッセージは送られなくなります。");
                    if let Some(g) = global_admin_date {
                        d.push_str(&fill!("グローバル管理者の場合、終了日は {g} です。"));
                    }
                    d
                },
                vec![fill!("今のうちに SMS と音声通話以外の方法 ({SSPR_NON_TELEPHONY_METHODS_JA}) を登録します: {info}")],
            ),
            Retirement::DateUnknown => (
                s("Microsoft が提供する SMS は終了予定です"),
                fill!("Microsoft が提供する SMS と音声通話は {SMS_RETIREMENT_ALL_USERS} (グローバル管理者は {SMS_RETIREMENT_GLOBAL_ADMINS}) に終了します。それ以降は、電話プロバイダーがなければ何も送られません。"),
                vec![fill!("SMS と音声通話以外の方法 ({SSPR_NON_TELEPHONY_METHODS_JA}) も登録しておきます: {info}")],
            ),
            Retirement::NotScheduled { cloud } => (
                s("Microsoft が提供する SMS と音声通話: ご利用のクラウドの終了日はまだ発表されていません"),
                fill!("Microsoft が発表した SMS と音声通話の終了日は、パブリック クラウドだけのものです。{}では後日のスケジュールで終了する予定ですが、その日付はまだ公開されていません。終了後は、電話プロバイダーがなければ何も送られません。", cloud_name(*cloud)),
                vec![fill!("SMS と音声通話以外の方法 ({SSPR_NON_TELEPHONY_METHODS_JA}) も登録しておきます ({info})。ご利用のクラウドの終了日は {SMS_RETIREMENT_URL} で確認します。")],
            ),
        },
        Cause::TooFewMethods { usable, security_questions, one_gate_possible, from_page } => (
            match (usable, from_page) {
                (_, true) => s("パスワードのリセットに必要なセキュリティ情報が足りません (SSPR_0014)"),
                (Some(0), false) if a.not_admin => s("パスワード リセットで使える認証方法が登録されていません"),
                (Some(0), false) => fill!("使用できる認証方法が登録されていません (管理者には {ADMIN_METHODS_REQUIRED} 個必要)"),
                (Some(n), false) => fill!("使用できる認証方法が足りません (登録済み {n} 個、管理者には {ADMIN_METHODS_REQUIRED} 個必要)"),
                (None, false) => s("認証方法が 2 つ登録されているか確認してください"),
            },
            {
                let ended = matches!(a.telephony, crate::cause::Telephony::Ended { .. });
                let kinds = if ended { "メール、Microsoft Authenticator、OATH コードなど。電話はもう使えません" } else { "メール、携帯電話、Microsoft Authenticator、OATH コードなど" };
                let mut d = if a.not_admin {
                    fill!("パスワード リセットには、使える認証方法 ({kinds}) が少なくとも 1 つ登録されている必要があります。組織のポリシーで 2 つが求められる場合もあります。")
                } else {
                    fill!("管理者のパスワード リセットには、{ADMIN_METHODS_REQUIRED} つの認証データ ({kinds}) が必要です。")
                };
                if *security_questions {
                    d.push_str("管理者の場合、セキュリティの質問は数に入りません。");
                }
                if !ended {
                    d.push_str("試用版や無料版のサブスクリプションでは、音声通話も数に入りません。");
                }
                if *one_gate_possible {
                    d.push_str("1 つで足りるのは、試用版の最初の 30 日間と、カスタム ドメインもディレクトリ同期もないテナントの場合だけです。");
                }
                d
            },
            if a.audit {
                commands = vec![cmd(GRAPH_CONNECT_EMAIL_METHOD), cmd(GRAPH_ADD_EMAIL)];
                vec![
                    register_for_them(a, "、もう 1 つの方法 (組織外のメール、Microsoft Authenticator、OATH トークン。セキュリティの質問は不可) "),
                    fill!("Microsoft Graph PowerShell の場合: {GRAPH_CONNECT_EMAIL_METHOD} の後に {GRAPH_ADD_EMAIL} を実行します (実際のアカウントとアドレスに置き換えます)。"),
                ]
            } else {
                vec![today_box(), fill!("サインインできたら、{info} で 2 つ目の方法を登録します。")]
            },
        ),
        Cause::SmsDelivery => (
            s("それでもテキスト メッセージが届かない場合に確認すること"),
            fill!("入力された内容だけでは、テキスト メッセージが届かない理由を説明できません。Microsoft は SMS の代わりに RCS や WhatsApp ({WHATSAPP_SENDER} から) でコードを届けることがあり、経路は試行ごとに変わります。また、Microsoft からは見えない形で、電話の側でメッセージが止められることもあります。"),
            vec![
                s("WhatsApp と、メッセージ アプリの迷惑メッセージや不明な差出人のフォルダーを確認します。テキスト メッセージの受信がオンになっているか、SMS フィルターや受信拒否のアプリがコードを受信できる設定になっているかも確認します。"),
                fill!("コードの再要求は、数分おいてあと 1 回までにします。Microsoft は複数の経路を使っていますが、1 時間に {THROTTLE_ATTEMPTS_PER_HOUR} 回電話番号を確認するとパスワード リセットが {THROTTLE_WAIT_HOURS} 時間ブロックされます。それでも届かない場合は、ほかの方法 ({SSPR_NON_TELEPHONY_METHODS_JA}) を使います。"),
                s("試用版のサブスクリプションの組織では、音声通話は使えません。また、作成から数日以内の組織では、テキスト メッセージと音声通話が保留されます。"),
            ],
        ),
        Cause::EmailDelivery => (
            s("それでもメールが届かない場合に確認すること"),
            s("入力された内容だけでは、メールが届かない理由を説明できません。メール サービスの検疫で保留されたり、受信トレイのルールで移動されたり、見ているものとは別のメールボックスに送られたりしていることもあります。"),
            vec![
                s("メールボックス全体 (すべてのフォルダー) で「Microsoft」や「パスワード」を検索します。"),
                s("そのメールボックスを管理している人に、Microsoft からのメッセージがメール サービスで検疫されていないか確認してもらいます。"),
                s("メールの認証方法として登録されたアドレスが、見ているメールボックスのアドレスか確認します。"),
            ],
        ),
        Cause::MsonlineRetired { failed } => {
            let (mut steps, cmds) = read_switch(a);
            commands = cmds;
            steps.truncate(2);
            (
                s("MSOnline PowerShell モジュールは廃止されています"),
                if *failed { s("貼り付けたテキストは MSOnline モジュールのエラーです。MSOnline は 2025 年に廃止され、動作しなくなりました (「MSOnline is retired and access is disallowed」)。代わりに Microsoft Graph PowerShell を使います。") }
                else { s("貼り付けたテキストは、廃止された MSOnline モジュールの出力です。値が古い可能性があるため、Microsoft Graph PowerShell で確認してください。") },
                steps,
            )
        }
        Cause::SmsDependent { date, global_admin_date, lose } => (
            fill!("{date} 以降はリセットできなくなります (Microsoft の SMS や音声通話に頼っています)"),
            {
                let mut d = if a.not_admin {
                    fill!("{}を除くと、このアカウントにはパスワード リセットで使える方法がほかにありません。", phones_named(lose))
                } else {
                    fill!("{}を除くと、このアカウントの方法は、管理者に必要な {ADMIN_METHODS_REQUIRED} つに足りません。", phones_named(lose))
                };
                d.push_str(&fill!("組織が電話プロバイダーを構成しない限り、Microsoft はパスワード リセットも含めて {date} に SMS と音声通話の送信を終了します。"));
                if let Some(g) = global_admin_date {
                    d.push_str(&fill!("このアカウントがグローバル管理者の場合、終了日は {g} です。"));
                }
                d
            },
            vec![
                register_for_them(a, &fill!("、{date} より前に SMS と音声通話以外の方法 ({SSPR_NON_TELEPHONY_METHODS_JA}) ")),
                provider_step(),
            ],
        ),
        Cause::AlternateMobileOnly => (
            s("電話は代替の携帯電話だけで、パスワード リセットでは使われません"),
            s("パスワード リセットでは、携帯電話の方法に SMS 送信または電話をかけ、会社電話には電話をかけます。代替の携帯電話は、サインイン (MFA) でしか使われません。"),
            vec![fill!("まだサインインできる今のうちに、アカウントの所有者にこの番号を携帯電話の方法として登録し直してもらいます ({info})。アカウントの認証方法 ({methods_path}) で変更することもできます ({})。", who_does_it(a))],
        ),
        Cause::NotSsprCapable { capable, registered, admin_policy_applies, users_policy_off } => (
            if *capable == Some(false) { s("Microsoft のレポートでは、このアカウントはパスワード リセットを使えません") } else { s("Microsoft のレポートでは、このアカウントはパスワード リセットに登録されていません") },
            {
                let mut d = match (capable, registered) {
                    (Some(false), _) => s("Microsoft の登録レポートで、このアカウントは SSPR を使える状態ではありません (isSsprCapable が false)。パスワード リセットのポリシーに必要な数の方法が登録されていないか、ポリシーの対象外です。"),
                    _ => s("Microsoft の登録レポートで、このアカウントはパスワード リセットに登録されていません (isSsprRegistered が false)。ポリシーが求める数の方法が登録されていません。"),
                };
                if *admin_policy_applies {
                    d.push_str("管理者の場合、このフラグはユーザー向けのポリシーに基づきます。管理者用の 2 つの方法のポリシーは、ほかの検出結果で確認しています。");
                }
                if *users_policy_off {
                    d.push_str("ユーザーのセルフサービス パスワード リセットはオフです (isSsprEnabled が false)。ただし、これで管理者のリセットがオフになるわけではありません。");
                }
                d
            },
            vec![
                register_for_them(a, "、ポリシーが求める方法 (管理者は 2 つ。セキュリティの質問は不可) "),
                fill!("Microsoft のレポートで結果を確認します: {registration_path}。"),
            ],
        ),
        Cause::PhoneMangled { scientific, guess } => (
            s("ファイル内のこの電話番号は、表計算ソフトで壊れています"),
            if *scientific {
                s("番号が「8.19E+11」のようになっています。表計算ソフトが数値に変換したため、桁が失われています。Microsoft Entra に登録された番号はおそらく正しいままですが、ここでは確認できません。")
            } else {
                let mut d = s("番号に「+」がありません。表計算ソフトが数値として読み込み、「+」を落としています。Microsoft Entra は電話の方法を「+」付きで保存するため、登録された番号はおそらく正しいままです");
                match guess {
                    Some(g) => d.push_str(&fill!(" ({g})。この番号として確認しました。")),
                    None => d.push('。'),
                }
                d
            },
            vec![
                s("表計算ソフトで開かずにもう一度エクスポートするか、テキストとして開きます ([データ] → [テキストまたは CSV から] で、電話番号の列を [文字列] にします)。"),
                fill!("番号そのものは、アカウントの認証方法で確認します ({methods_path})。"),
            ],
        ),
        Cause::NoGlobalAdminCanReset { global_admins, undecided } => (
            if *global_admins == 0 { s("ファイルにグローバル管理者がいません") } else { s("今日、自分のパスワードをリセットできるグローバル管理者がいません") },
            if *global_admins == 0 {
                s("ファイル内のどのアカウントもグローバル管理者のロールを持っていないため、組織を復旧できる人がファイルからは分かりません。すべての管理者が含まれていない可能性があります。このページのスクリプトなら、すべての管理者を一覧にできます。")
            } else {
                let mut d = fill!("{global_admins} 人のグローバル管理者のうち、使える方法を 2 つ持つ人がいません。全員がロックアウトされると、組織の所有者であることを確認したうえで Microsoft サポートが対応するしかありません。");
                if *undecided > 0 {
                    d.push_str(&fill!("そのうち {undecided} 人は、ファイルの情報だけでは判断できません。"));
                }
                d
            },
            vec![
                fill!("今のうちに、少なくとも {GLOBAL_ADMINS_RECOMMENDED} 人のグローバル管理者に、使える方法をそれぞれ 2 つずつ登録してもらいます ({info})。各アカウントの検出結果を参照してください。"),
                fill!("いつでもサインインできる緊急アクセス用アカウントを {GLOBAL_ADMINS_RECOMMENDED} つ用意します ({EMERGENCY_ACCESS_URL})。"),
            ],
        ),
        Cause::FewGlobalAdminsCanReset { can, global_admins } => (
            fill!("今日、自分のパスワードをリセットできるグローバル管理者は {can} 人だけです"),
            fill!("{global_admins} 人のグローバル管理者のうち、使える方法を 2 つ持つのは {can} 人です。Microsoft は、いつでもサインインできるアカウントを少なくとも {GLOBAL_ADMINS_RECOMMENDED} つ持つよう推奨しています。その人もロックアウトされると、Microsoft サポートが対応するしかありません。"),
            vec![
                fill!("今のうちに、少なくとも {GLOBAL_ADMINS_RECOMMENDED} 人のグローバル管理者に、使える方法をそれぞれ 2 つずつ登録してもらいます ({info})。各アカウントの検出結果を参照してください。"),
                fill!("いつでもサインインできる緊急アクセス用アカウントを {GLOBAL_ADMINS_RECOMMENDED} つ用意します ({EMERGENCY_ACCESS_URL})。"),
            ],
        ),
        Cause::SharedContact { phones, emails } => (
            s("複数の管理者が同じ電話番号やメールボックスを使っています"),
            fill!("{phones} 件の電話番号と {emails} 件の連絡用メール アドレスが、複数の管理者に登録されています (証跡に一覧があります)。電話やメールボックスを 1 つ失うと全員がロックアウトされ、それを持つ人は全員のパスワードをリセットできてしまいます。"),
            vec![
                if matches!(a.telephony, crate::cause::Telephony::Ended { .. }) {
                    s("管理者ごとに、本人だけの組織外の連絡用メール アドレスを登録します。")
                } else {
                    s("管理者ごとに、本人だけの携帯電話番号と連絡用メール アドレスを登録します。")
                },
                s("共有の番号がチームの電話の場合は、各アカウントに個人の方法 (Microsoft Authenticator または OATH トークン) を追加します。"),
            ],
        ),
        Cause::SmsRetirementExposure { by_date } => (
            {
                let total: usize = by_date.iter().map(|(_, n)| n).sum();
                fill!("Microsoft の SMS と音声通話が終了すると、{total} 人の管理者がリセットできなくなります")
            },
            {
                let parts: Vec<String> = by_date.iter().filter(|(_, n)| *n > 0).map(|(d, n)| fill!("{d} に {n} 人")).collect();
                fill!("Microsoft が送る SMS と音声通話がなくなると、次のアカウントは方法が足りなくなります: {}。組織が電話プロバイダーを構成しない限り、Microsoft は {SMS_RETIREMENT_ALL_USERS} に SMS と音声通話の送信を終了します (グローバル管理者と外部ユーザーは {SMS_RETIREMENT_GLOBAL_ADMINS})。", parts.join("、"))
            },
            vec![
                s("表を検出結果 sms_dependent で絞り込み、該当するアカウントごとに、期日より前に SMS と音声通話以外の方法を登録してもらいます。"),
                provider_step(),
            ],
        ),
        Cause::LicenseRequired { known_user } => (
            s("パスワード リセットがご自身に対して有効になっていないか、ライセンスに含まれていません"),
            fill!("{}「Your administrator has not enabled you to use this feature」(英語の画面の表記。管理者がこの機能の使用を許可していない) というメッセージは、次のどちらかを意味します (Microsoft Learn の SSPR のトラブルシューティング)。1 つは、セルフサービス パスワード リセットがご自身に対して有効になっていない場合 (組織の設定が [なし]、または [選択済み] でご自身がそのグループに含まれていない)、もう 1 つは、それを含むライセンス (Microsoft 365 Business Standard 以上、または Microsoft Entra ID P1 か P2。パスワードをオンプレミスで管理している場合は Business Premium、P1、または P2) がない場合です。", if *known_user { "" } else { "管理者でない場合: " }),
            vec![
                fill!("管理者に両方を確認してもらいます: {sspr_path} ([選択済み] または [すべて] で、ご自身が対象に含まれているか)、およびライセンス ({LICENSING_URL})。"),
                s("それまでは、管理者にパスワードのリセットを依頼します。一時パスワードを発行してもらえます。"),
            ],
        ),
        Cause::EmailNotSignInName { domain } => (
            s("メール アドレスではなく、サインイン名を入力したか確認してください"),
            fill!("リセット ページは、サインイン名 (ユーザー プリンシパル名) でアカウントを探します。{domain} のメール アドレスがサインイン名と異なる場合、組織が「代替ログイン ID としてのメール」によるサインインを有効にしていない限り、そのアドレスではアカウントが見つかりません。"),
            vec![
                s("Microsoft 365 にサインインするときのサインイン名を、そのまま入力します (管理センターのユーザーの詳細に表示されます)。"),
                fill!("管理者の方へ: メール アドレスでもサインインできるようにするには、「代替ログイン ID としてのメール」を有効にします ({EMAIL_SIGN_IN_URL})。"),
            ],
        ),
        Cause::ContactUnreachable => (
            s("リセット ページから連絡できませんでした"),
            fill!("登録されている電話番号やメール アドレスに連絡できない場合 (一時的なサービスのエラーや、使えない連絡先情報)、{CONTACT_RETRY_SECONDS} 秒後に「Try again」(再試行) と「Contact your administrator」(管理者に連絡) が表示されます。"),
            vec![
                fill!("「再試行」は 1 回だけにします。1 時間に {THROTTLE_ATTEMPTS_PER_HOUR} 回試すと、リセットが {THROTTLE_WAIT_HOURS} 時間ブロックされます。"),
                if a.sole_admin { s("「管理者に連絡」は組織の管理者、つまりご自身にメールを送るだけです。代わりに Microsoft サポートに問い合わせます (「今すぐパスワードをリセットするには」を参照)。") } else { s("「管理者に連絡」を選ぶと、管理者にパスワードのリセットを依頼するメールが送られます。") },
                if matches!(a.telephony, crate::cause::Telephony::Ended { .. }) {
                    s("連絡先情報を確認してもらいます。メール アドレスは組織外のものにします。")
                } else {
                    s("連絡先情報を確認してもらいます。電話番号は「+国番号 番号」の形式、メール アドレスは組織外のものにします。")
                },
            ],
        ),
        Cause::OnPremisesSyncPending => (
            s("パスワードはオンプレミスでリセットされました。クラウドへの反映は数分遅れます"),
            s("リセット ページに、パスワードのリセットは成功したものの、クラウドへの反映がまだ完了していないと表示されました (OnPremisesSuccessCloudFailure。原因はタイムアウト、クラウドのパスワード ポリシー、スロットリングなど)。新しいパスワードは、オンプレミスではすでに使えます。"),
            vec![
                s("もう一度リセットしないでください。数分待ってから、新しいパスワードで Microsoft 365 にサインインします。"),
                fill!("1 時間たってもサインインできない場合は、{}に Microsoft Entra Connect サーバーのアプリケーション イベント ログ ({WRITEBACK_EVENT_SOURCES}) を確認してもらいます ({WRITEBACK_TROUBLESHOOT_URL})。", fixer(a)),
            ],
        ),
        Cause::UserPolicyApplies => (
            s("ロールが管理者向けリセット ポリシーの対象外です。ユーザー向けポリシーが適用されます"),
            s("Microsoft の管理者向けリセット ポリシー (認証方法が 2 つ必要、セキュリティの質問は不可) の対象は、Microsoft Learn に記載のロールです。このアカウントのロールはどれもその一覧にありません (閲覧者ロールは一覧にありません)。代わりに組織のユーザー向けパスワード リセット ポリシーが適用されますが、このファイルからはその設定はわかりません。"),
            vec![
                fill!("このアカウントに適用されるユーザー向けポリシーを確認します: {sspr_path} ([選択済み] または [すべて] で対象に含まれているか、必要な方法の数)。"),
                fill!("そのポリシーが求める方法をアカウントに登録します ({info})。"),
            ],
        ),
        Cause::GuestResetsAtHome { sign_in_sms_date } => (
            s("ほかの組織のゲストです。パスワードはその組織でリセットされます"),
            {
                let mut d = s("これは B2B ゲスト (ユーザー名に #EXT# を含む) です。パスワード リセットには、この組織ではなくゲストの所属する組織のポリシーが適用されます。個人用 Microsoft アカウントのゲストは、このパスワード リセットをまったく使えません。");
                if let Some(date) = sign_in_sms_date {
                    d.push_str(&fill!("この組織へのサインインに使う Microsoft のテキスト メッセージと音声通話は、外部ユーザーの終了日である {date} に終了します。"));
                }
                d
            },
            vec![
                s("所属する組織の管理者に認証方法を確認するよう、ゲストに依頼します。"),
                fill!("この組織へのサインイン用に、SMS と音声通話以外の方法 ({SSPR_NON_TELEPHONY_METHODS_JA}) を登録してもらいます。"),
            ],
        ),
        Cause::PageMessageUnrecognized => (
            s("リセット ページのメッセージを判別できませんでした"),
            s("サポートに問い合わせる場合は、メッセージの正確な文面と、一緒に表示される情報を伝えてください。"),
            vec![
                s("エラーの全文、または SSPR_ で始まるコードをコピーします。"),
                s("ページ下部の [詳細] や [技術的な詳細] を開き、相関 ID、要求 ID、日時を控えます。"),
                s("できればスクリーンショットを撮ります。"),
            ],
        ),
    };
    Texts { title, detail, steps, commands }
}

/// 文中でのクラウドの名前。
fn cloud_name(c: crate::case::Cloud) -> &'static str {
    match c {
        crate::case::Cloud::Public => "パブリック クラウド",
        crate::case::Cloud::UsGovernment => "米国政府機関向けクラウド (GCC High)",
        crate::case::Cloud::UsGovernmentDod => "米国政府機関向けクラウド (DoD)",
        crate::case::Cloud::China => "21Vianet が運営するクラウド (中国)",
    }
}

pub fn resolution(id: ResolutionId, a: &Audience) -> Vec<String> {
    let your_admin = || {
        "管理者でない場合: 組織の管理者 (ヘルプデスク) にパスワードのリセットを依頼します。新しい一時パスワードを発行してもらえます。"
            .to_string()
    };
    let another_admin = || {
        if a.global_admin {
            fill!("管理者の場合: 組織の別の管理者にパスワードのリセットを依頼します (Microsoft 365 管理センター → [ユーザー] → [アクティブなユーザー] → [パスワードのリセット])。グローバル管理者のパスワードをリセットできるのは、{ROLE_GLOBAL_ADMIN_JA}または{ROLE_PRIV_AUTH_ADMIN_JA}だけです。")
        } else {
            fill!("管理者の場合: 組織の別の管理者にパスワードのリセットを依頼します (Microsoft 365 管理センター → [ユーザー] → [アクティブなユーザー] → [パスワードのリセット])。{ROLE_PRIV_AUTH_ADMIN_JA}または{ROLE_GLOBAL_ADMIN_JA}であれば、どの管理者のパスワードもリセットできます。")
        }
    };
    let support = || {
        vec![
            fill!("ご自身が唯一の管理者の場合: 電話で Microsoft サポートに問い合わせます ({SUPPORT_PHONE_URL})。詳しくは {SUPPORT_URL} を参照してください。組織のプロファイルに登録されていない電話番号からかけた場合は、プロファイルに登録されているメール アドレスか電話番号に確認コードが送られます。"),
            fill!("ロックアウトされた組織からサポート リクエストを作成できない場合は、別の組織や新しい試用版の組織から作成する方法を、Microsoft のモデレーターが案内しています。サポートはそのリクエストをデータ保護チームに引き継ぎ、データ保護チームが組織の所有者であることを確認します ({SOLE_ADMIN_QA_URL})。"),
            fill!("Microsoft 365 をパートナー経由で購入した場合は、パートナーの委任アクセスに{ROLE_PRIV_AUTH_ADMIN_JA}または{ROLE_GLOBAL_ADMIN_JA}のロールが含まれていれば、パートナーがパスワードをリセットできます ({GDAP_URL})。"),
            "組織のドメイン (例: contoso.onmicrosoft.com)、ユーザー名、求められる可能性のある所有者であることの証明 (DNS レコードの追加など) を用意しておきます。".to_string(),
            fill!("サインインできたら、同じことが起きないように緊急アクセス用アカウントを 2 つ作成します ({EMERGENCY_ACCESS_URL})。"),
        ]
    };
    let recovery = || {
        fill!("すべての認証方法を使えなくなった場合 (電話の紛失や機種変更など) は、組織がアカウントの回復を有効にしていれば、サインイン ページで「Recover your account」(英語の画面の表記。アカウントの回復) を選びます。Microsoft Security Store の本人確認プロバイダーが身分証明書と顔 (Verified ID の Face Check) を照合して本人であることを確認した後、新しい認証方法を登録するための一時アクセス パスが発行されます。Microsoft Entra ID P1 と Face Check のライセンスが必要です ({ACCOUNT_RECOVERY_URL})。")
    };
    match id {
        ResolutionId::AskYourAdmin => vec![your_admin(), recovery()],
        ResolutionId::AskAnotherAdmin => vec![another_admin(), recovery()],
        ResolutionId::ContactSupport => support(),
        ResolutionId::Unknown => {
            let mut v = vec![your_admin(), another_admin()];
            v.extend(support());
            v.push(recovery());
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
            blocking: "原因: これだけでメッセージが届かなくなります",
            likely: "可能性の高い原因",
            check: "要確認: 回答からは判断できませんでした",
        },
        why: "判断の根拠",
        fix: "対処方法",
        commands: "コマンド",
        legacy_command: "廃止済み (MSOnline): 使用しないでください",
        evidence: "根拠:",
        resolution_title: "今すぐパスワードをリセットするには",
        resolution_title_unknown: "今すぐパスワードをリセットするには (該当するもの)",
        resolution: ByResolution {
            ask_your_admin: "管理者に依頼する",
            ask_another_admin: "別の管理者に依頼する",
            contact_support: "Microsoft サポートに問い合わせる",
            unknown: "該当する方法",
        },
        phone_types: ByPhoneType {
            mobile: "携帯電話",
            fixed_line: "固定電話",
            fixed_line_or_mobile: "固定電話または携帯電話",
            voip: "IP 電話 (VoIP)",
            toll_free: "通話料無料",
            premium_rate: "有料情報サービス",
            shared_cost: "料金分担",
            personal_number: "パーソナル番号",
            pager: "無線呼び出し",
            uan: "企業の統一番号",
            voicemail: "留守番電話",
            unknown: "種類不明",
        },
        phone_ok: "✓ 有効な携帯電話番号で、Microsoft が求める形式で書かれています。",
        email_ok: "✓ 有効なアドレスです。",
        user_ok: "✓ 正しい形式のユーザー名です。",
        support_summary_title: "ヘルプデスクや Microsoft サポートに伝える要約",
        facts_checked: "バージョン {version}。Microsoft の情報は {date} に確認したものです。",
        facts_stale: "このコピーの Microsoft の情報は {date} ({days} 日前) に確認したものです。Microsoft はこうした規則を数か月ごとに変更するため、ここでの案内の一部が古くなっている可能性があります。保存元のページから新しいコピーを入手してください。",
    }
}

pub fn summary() -> super::SummaryWords {
    SummaryWords {
        title: "SSPR Doctor: サポート向けの要約",
        intro: "ここには、SSPR Doctor に入力された内容だけを「入力値」として記載しています。テナント内の実際の設定は確認していません。",
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
