//! 監査の日本語: ラベル、入力の問題、足りない列で判断できないこと、読めない理由。
//! `audit_en.rs` と対になります。

use super::audit::*;
use crate::facts::*;
use crate::model_audit::{AuditError, Field, ProblemKind, MAX_ACCOUNTS, MAX_INPUT_BYTES};
use crate::names::*;

pub fn labels() -> AuditLabels {
    AuditLabels {
        title: "管理者の一括チェック",
        status: ByStatus { fails: "今日失敗", at_risk: "リスクあり", ok: "問題なし", unknown: "判断不可" },
        status_help: ByStatus {
            fails: "今日パスワード リセットを試すと失敗します。",
            at_risk: "今日はリセットできますが、決まった日に使えなくなるか、壊れたものに頼っています。",
            ok: "Microsoft の SMS と音声通話に頼らない、使える方法が 2 つあります。",
            unknown: "ファイルの情報だけでは判断できません。",
        },
        role: ByRole {
            global_admin: "グローバル管理者", admin: "管理者", user: "管理者ではない", unknown: "ロール不明"
        },
        column: ByColumn {
            upn: "ユーザー名",
            display_name: "名前",
            status: "状態",
            role: "ロール",
            roles: "ロール一覧",
            methods: "登録済みの方法",
            usable: "リセットに使える方法",
            phone: "電話番号",
            email: "連絡用メール",
            sms_retirement_date: "Microsoft の SMS/音声の終了日",
            findings: "検出結果",
            line: "行",
            plan: "対処計画",
        },
        summary: BySummary {
            total: "アカウント",
            admins: "管理者",
            can_reset_today: "今日リセットできる管理者",
            depend_on_microsoft_sms: "Microsoft の SMS/音声に頼っている",
            global_admins: "グローバル管理者",
            global_admins_can_reset: "今日リセットできるグローバル管理者",
        },
        chart_title: "Microsoft の SMS と音声通話が終了するとき",
        lose_method: "電話の方法を失う",
        cannot_reset: "リセットできなくなる",
        applies_to: ByAppliesTo {
            all_users: "グローバル管理者以外", global_admins_and_external_users: "グローバル管理者と外部ユーザー"
        },
        tenant_title: "組織全体",
        accounts_title: "アカウント",
        problems_title: "ファイルの読み取りで見つかった問題",
        missing_title: "ファイルにない情報",
        sources_title: "読み取ったファイル",
        today: "{date} 時点のチェック",
        no_findings: "見つかったものはありません。",
        formats: ByFormat {
            entra_registration_details: "Entra 管理センター: ユーザー登録の詳細",
            graph_registration_details: "Microsoft Graph: userRegistrationDetails",
            graph_methods: "Microsoft Graph: 電話とメールの方法",
            admin_script: "SSPR Doctor の管理者用スクリプト",
            msonline: "MSOnline のエクスポート (旧形式)",
            community_mfa_report: "MFA/SSPR 状態レポート (コミュニティのスクリプト)",
        },
        usable_methods: ByGate {
            email: "メール",
            mobile_phone: "携帯電話",
            office_phone: "会社電話",
            authenticator_app: "Microsoft Authenticator",
            hardware_token: "ハードウェア OATH トークン",
        },
        line: "{line} 行目",
        yes: "はい",
        no: "いいえ",
        not_known: "不明",
        eligible_role: "{role} (資格のある割り当て)",
        eligible_assumed: "資格のある割り当て (PIM) しかないロールも、アクティブな割り当てと同じように扱っています。アカウントはいつでもロールをアクティブ化でき、アクティブ化する前にどちらのリセット ポリシーが適用されるかは Microsoft Learn に記載されていないためです。",
        to_fix: "アカウントごとの対処方法",
        source: "{name} — {format} ({encoding}、{rows} 行)",
        source_unnamed: "{format} ({encoding}、{rows} 行)",
        finding_names: names(&[
            ("no_global_admin_can_reset", "リセットできるグローバル管理者がいない"),
            ("few_global_admins_can_reset", "リセットできるグローバル管理者が 1 人だけ"),
            ("throttled", "試行回数の上限"),
            ("sms_rate_limited", "確認コードの送信上限"),
            ("not_admin", "管理者ではない"),
            ("personal_account", "個人用 Microsoft アカウント"),
            ("sspr_disabled", "リセットが無効"),
            ("password_writeback", "パスワード ライトバック"),
            ("reset_not_configured", "リセットが未構成"),
            ("username_invalid", "ユーザー名が正しくない"),
            ("methods_not_registered", "連絡先が認証方法として未登録"),
            ("mobile_phone_missing", "携帯電話番号がない"),
            ("alternate_email_missing", "連絡用メールがない"),
            ("alternate_email_invalid", "連絡用メールが正しくない"),
            ("trunk_prefix_after_country_code", "国番号の後の 0"),
            ("country_code_missing", "国番号がない"),
            ("phone_invalid", "電話番号が正しくない"),
            ("phone_not_mobile", "携帯電話の番号ではない"),
            ("phone_number_mismatch", "番号が一致しない"),
            ("non_carrier_sms_service", "アプリや IP 電話の番号"),
            ("alternate_email_typo", "連絡用メールの入力ミス"),
            ("alternate_email_in_tenant", "連絡用メールが組織内"),
            ("alternate_email_carrier_filter", "携帯電話会社のメール フィルター"),
            ("not_sspr_capable", "Microsoft のレポートで SSPR 不可"),
            ("too_few_methods", "認証方法が足りない"),
            ("alternate_mobile_only", "代替の携帯電話だけ"),
            ("phone_mangled", "表計算ソフトで壊れた番号"),
            ("sms_dependent", "Microsoft の SMS/音声に依存"),
            ("sms_retirement_exposure", "SMS/音声の終了で困る管理者"),
            ("shared_contact", "共有の電話番号やメールボックス"),
            ("microsoft_sms_retired", "Microsoft の SMS/音声は終了"),
            ("region_opt_in_required", "地域のオプトインが必要"),
            ("carrier_rejects_us_sms", "海外からの SMS を拒否"),
            ("reset_link_not_clicked", "リセット リンク未クリック"),
            ("junk_folder", "迷惑メール フォルダー"),
            ("sender_not_safelisted", "差出人が信頼されていない"),
            ("sms_delivery", "SMS の配信"),
            ("email_delivery", "メールの配信"),
            ("msonline_retired", "MSOnline は廃止"),
            ("policy_output_unrecognized", "ポリシーの出力を認識できない"),
            ("license_required", "リセットが無効かライセンスがない"),
            ("email_not_sign_in_name", "サインイン名ではなくメール アドレスを入力"),
            ("contact_unreachable", "リセット ページから連絡できない"),
            ("on_premises_sync_pending", "オンプレミスでリセット済み、クラウド反映待ち"),
            ("user_policy_applies", "ユーザー向けポリシーが適用 (ロールが対象外)"),
            ("guest_resets_at_home", "ゲスト: 所属組織でリセット"),
            ("page_message_unrecognized", "ページのメッセージを認識できない"),
        ]),
    }
}

pub fn problem(p: &ProblemKind) -> String {
    use ProblemKind::*;
    match p {
        ArrayNotJoined { rows, column } => fill!(
            "{rows} 行で {} 列が「System.String[]」になっています。スクリプトが一覧を結合せずにエクスポートしたため、中身が失われています。スクリプトでこの列を @{{n='{}'; e={{ $_.{} -join ';' }}}} のように書くか、このページのスクリプトを使ってください。",
            column.as_str(),
            column.as_str(),
            pascal(*column)
        ),
        MaskedNumbers { count } => fill!("{count} 件の電話番号がマスクされているため (一部のロールには Microsoft がマスクして表示します)、確認できません。{ROLE_PRIV_AUTH_ADMIN_JA}または{ROLE_GLOBAL_ADMIN_JA}としてエクスポートするか、UserAuthenticationMethod.Read.All で読み取ってください。"),
        DamagedNumbers { count } => fill!("{count} 件の電話番号が表計算ソフトで壊れています (8.19E+11、「+」の欠落)。各アカウントの phone_mangled を参照してください。"),
        QuestionMarks { count } => fill!("{count} 件の名前で、文字が「?」になっています。Windows PowerShell 5.1 が ASCII でファイルを書いたためです。-Encoding UTF8 を付けてエクスポートすると保たれます。"),
        InvalidBytes { count, encoding } => fill!("{count} か所のバイト列が、ファイルのエンコード ({}) として正しくないため、\u{FFFD} で表示しています。", encoding_name(*encoding)),
        CutCells => "64 KB を超えるセルがあり、途中で切りました。".into(),
        Unterminated => "引用符で始まるセルが閉じられていないため、ファイルの残りを 1 つのセルとして読みました。".into(),
        ExtraCells { rows } => fill!("{rows} 行で、見出しより多くのセルがあります。余分なセルは無視しました。"),
        NoUser => "この行にはユーザー (ユーザー名またはオブジェクト ID) がないため、読み飛ばしました。".into(),
        MergedRows { rows } => fill!("{rows} 行は、すでに読んだアカウントの繰り返しのため、そのアカウントにまとめました。"),
        MatchedByIdEnding { key, id } => fill!("「{key}」の下の方法を、オブジェクト ID が {id} のアカウントに結び付けました。"),
        UnknownMethods { names } => fill!("このツールが知らない方法の名前です (数に入れていません): {}。", names.join("、")),
        TooManyAccounts { max } => fill!("ファイルのアカウントが {max} を超えるため、最初の {max} 件だけを読みました。"),
        AdminPlaceholders { rows } => fill!("{rows} 件のアカウントは isAdmin が「-」で、ほかは True のため、管理者ではないものとして読みました。"),
        SeveralTenants { tenants } => fill!("ファイル (または指定されたテナント ID) に複数のテナントが含まれています ({})。まとめて監査しますが、修正スクリプトは作成しません。組織ごとにファイルを分けて監査してください。", tenants.join("、")),
        BadTenantId { rows } => fill!("tenantId の {rows} 個のセルがテナント ID (00000000-0000-0000-0000-000000000000 のような GUID) ではないため、読み取りませんでした。"),
    }
}

pub fn missing(field: &str) -> String {
    match field {
        "isAdmin" => fill!("誰が管理者か: 管理者のルール (方法 {ADMIN_METHODS_REQUIRED} つ) でチェックし、そのルールのためだけに失敗するアカウントは「判断不可」にしています。"),
        "roles" => fill!("どのアカウントがグローバル管理者か: 今日リセットできるグローバル管理者がいるかは確認せず、各アカウントには早いほうの SMS 終了日 ({SMS_RETIREMENT_ALL_USERS}。グローバル管理者は {SMS_RETIREMENT_GLOBAL_ADMINS}) を使っています。"),
        "methodsRegistered" => "登録済みの方法: ファイルにある電話番号とアドレスだけで判断し、足りなければ「判断不可」にしています。".into(),
        "phoneNumber" => "電話番号: 国番号、国内プレフィックス、番号の正しさ、種類、地域のオプトインは確認していません。".into(),
        "authEmail" => "連絡用メール アドレス: 形式、入力ミス、組織内のアドレスかどうかは確認していません。".into(),
        _ => String::new(),
    }
}

pub fn error(e: &AuditError) -> String {
    match e {
        AuditError::Empty => "ファイルが空です。".into(),
        AuditError::TooLarge { bytes } => fill!("ファイルは {} MB です。チェックできるのは {} MB までです。管理者だけをエクスポートしてください (このページのスクリプトはそうします)。", bytes / 1_000_000, MAX_INPUT_BYTES / 1_000_000),
        AuditError::TooManyColumns { columns } => fill!("1 行目に {columns} 列あります。アカウントのエクスポートではありません (最大 1024 列)。"),
        AuditError::NotJson { message } => fill!("ファイルは JSON のように始まりますが、正しい JSON ではありません ({message})。"),
        AuditError::NoFormat { columns } => fill!(
            "ユーザーを示す列がないため、このツールが読める形式ではありません。ユーザー名 (userPrincipalName、UPN、User principal name) またはオブジェクト ID (id、ObjectId) の列を探しました。ファイルの列: {}。読める形式: Entra 管理センターの「ユーザー登録の詳細」のダウンロード、Microsoft Graph の userRegistrationDetails と電話/メールの方法 (JSON または Export-Csv)、このページのスクリプト、MSOnline のエクスポート、コミュニティの MFA レポート。",
            if columns.is_empty() { "なし".to_string() } else { columns.join(", ") }
        ),
        AuditError::NoAccounts => fill!("ファイルには見出しがありますが、アカウントがありません (読み取るのは最大 {MAX_ACCOUNTS} 件)。"),
        AuditError::BadTenantId => "指定されたテナント ID が正しくありません。00000000-0000-0000-0000-000000000000 のような GUID です (Microsoft Entra 管理センター → Entra ID → [概要] → [テナント ID])。".to_string(),
    }
}

fn names(pairs: &[(&'static str, &'static str)]) -> std::collections::BTreeMap<&'static str, &'static str> {
    sspr_model::order::map(pairs.iter().copied())
}

fn pascal(f: Field) -> String {
    let s = f.as_str();
    let mut c = s.chars();
    c.next().map(|f| std::iter::once(f.to_ascii_uppercase()).chain(c).collect()).unwrap_or_default()
}
