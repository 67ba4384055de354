//! The fix script's comments and messages (contract v1.2 "Fix script"), in each language.
//! Messages are PowerShell format strings: `{0}`, `{1}` are filled by the script with `-f`
//! from its data (never pasted into code). Comments are plain lines.

use crate::case::Lang;
use serde::Serialize;

/// Comments written into the script (one line each, no line break).
#[derive(Debug, Clone, Copy)]
pub struct FixScriptComments {
    pub title: &'static str,
    /// What it does when run as is, and with -Apply.
    pub usage: [&'static str; 6],
    pub never: &'static str,
    pub text_data: &'static str,
    /// v1.3: the run's settings: the organization, the cloud, the scopes.
    pub run_data: &'static str,
    pub account_data: &'static str,
    /// v1.3: signing in, and checking that it is the export's organization.
    pub sign_in: &'static str,
    pub guard: &'static str,
    pub read: &'static str,
    pub rollback: &'static str,
    pub write: &'static str,
    pub verify: &'static str,
    pub owners: &'static str,
    pub passes: &'static str,
}

/// Messages the script prints (data in the script: a JSON document).
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FixScriptMessages {
    /// `{0}` the command that installs it.
    pub no_module: &'static str,
    pub dry_run: &'static str,
    pub applying: &'static str,
    pub nothing: &'static str,
    /// `{0}` the account.
    pub account: &'static str,
    pub own_account: &'static str,
    /// `{0}` the error.
    pub read_failed: &'static str,
    /// `{0}` the old number, `{1}` the new one.
    pub would_fix: &'static str,
    /// `{0}` the number or address.
    pub would_add_phone: &'static str,
    pub would_add_email: &'static str,
    /// `{0}` minutes.
    pub would_tap: &'static str,
    /// `{0}` what the export said, `{1}` what holds now.
    pub skip_changed: &'static str,
    pub skip_phone_exists: &'static str,
    pub skip_email_exists: &'static str,
    /// `{0}` the path.
    pub rollback_written: &'static str,
    pub transcript: &'static str,
    /// `{0}` what, `{1}` the error.
    pub failed: &'static str,
    pub done: &'static str,
    pub now_holds: &'static str,
    pub owners_title: &'static str,
    /// `{0}` the account, `{1}` the date (or `now`), `{2}` where to register.
    pub owner_message: &'static str,
    /// The same when nothing is left to wait for: `{0}` the account, `{1}` where.
    pub owner_message_now: &'static str,
    pub passes_title: &'static str,
    pub passes_warning: &'static str,
    /// `{0}` applied, `{1}` skipped, `{2}` failed.
    pub summary: &'static str,
    /// v1.3, the guard: `Get-MgContext` gave no signed-in tenant.
    pub not_signed_in: &'static str,
    /// `{0}` the cloud signed in to, `{1}` the script's.
    pub wrong_cloud: &'static str,
    /// `{0}` the tenant signed in to, `{1}` the export's.
    pub wrong_tenant: &'static str,
    /// `{0}` the export's user-name domains the signed-in organization does not verify.
    pub wrong_domains: &'static str,
    /// Neither a tenant id nor a user-name domain to check the organization by.
    pub unknown_organization: &'static str,
    /// `{0}` the tenant id, `{1}` the cloud.
    pub signed_in: &'static str,
    /// `{0}` the number: not `+{country code} {number}`.
    pub skip_phone_form: &'static str,
    pub skip_needs_mobile: &'static str,
    pub skip_pass_exists: &'static str,
}

/// The header's line on who may run the script: the least-privileged role that covers
/// every account in it (`role` as plan::role_name says it).
pub fn needs_role(role: &str, l: Lang) -> String {
    match l {
        Lang::En => fill!("Run it as a {role}: the least-privileged role that may change the methods of every account below."),
        Lang::Ja => fill!("{role}として実行します。以下のすべてのアカウントの認証方法を変更できる、最小の権限のロールです。"),
    }
}

/// The header's line on the Microsoft Graph permissions it asks for.
pub fn scopes_line(read: &[&str], write: &[&str], l: Lang) -> String {
    let (r, w) = (read.join(", "), write.join(", "));
    match l {
        Lang::En => fill!("Microsoft Graph permissions it asks for, and no others: a dry run {r}; with -Apply {w}."),
        Lang::Ja => fill!("要求する Microsoft Graph のアクセス許可 (これ以外は要求しません): ドライ ランでは {r}、-Apply 付きでは {w}。"),
    }
}

/// The header's line on the organization and cloud it is for (never a value of the export:
/// only whether it knows the tenant id).
pub fn guard_line(tenant_known: bool, l: Lang) -> &'static str {
    match (tenant_known, l) {
        (true, Lang::En) => "Before it reads anything it checks that you are signed in to the export's organization (its tenant id) and cloud; otherwise it stops and changes nothing.",
        (false, Lang::En) => "Before it reads anything it checks that you are signed in to the export's organization (every user-name domain below is one of its verified domains) and cloud; otherwise it stops and changes nothing.",
        (true, Lang::Ja) => "何かを読み取る前に、エクスポートの組織 (テナント ID) とクラウドにサインインしていることを確認します。違う場合は停止し、何も変更しません。",
        (false, Lang::Ja) => "何かを読み取る前に、エクスポートの組織 (以下のユーザー名のドメインがすべて、その組織の確認済みドメインであること) とクラウドにサインインしていることを確認します。違う場合は停止し、何も変更しません。",
    }
}

pub fn comments(l: Lang) -> FixScriptComments {
    match l {
        Lang::En => FixScriptComments {
            title: "SSPR Doctor fix script: corrects and adds password-reset methods of the accounts listed below.",
            usage: [
                "Run as is, it changes nothing: it signs in with read scopes, reads each account's methods live and prints what it would do.",
                "Run with -Apply, it writes: first a rollback file of the old values, then only the changes listed, then it reads the accounts again.",
                "-WhatIf shows the writes without making them; -Confirm asks before each one.",
                "It needs the Microsoft Graph PowerShell module (Install-Module Microsoft.Graph -Scope CurrentUser).",
                "Windows PowerShell 5.1 or PowerShell 7. A transcript of the run is written next to the rollback file.",
                "Every value below comes from your export and is data, read with ConvertFrom-Json: none of it is run.",
            ],
            never: "It never removes a method, never changes the account it runs as, and skips any account that no longer looks as the export said.",
            text_data: "The messages this script prints.",
            run_data: "The organization and cloud this script is for, and the permissions it asks for.",
            account_data: "One line per account: what to change, from the export.",
            sign_in: "Sign in to the export's cloud (and tenant, when the export says it), with only the permissions this run needs, for this process only.",
            guard: "Before anything is read: stop unless this is the export's organization and cloud.",
            read: "Read every account's methods now, and decide what still applies.",
            rollback: "Before any change: the old values, to restore by hand if needed.",
            write: "The changes, each behind ShouldProcess (-WhatIf, -Confirm).",
            verify: "Read the changed accounts again and print what now holds.",
            owners: "What only the account's owner can do: a message to send each of them.",
            passes: "Temporary Access Passes: shown once, after the transcript stops, and never written to a file.",
        },
        Lang::Ja => FixScriptComments {
            title: "SSPR Doctor 修正スクリプト: 以下のアカウントのパスワード リセット用の認証方法を修正および追加します。",
            usage: [
                "そのまま実行すると何も変更しません。読み取りスコープでサインインし、各アカウントの認証方法をその場で読み取って、行う予定の変更を表示します。",
                "-Apply を付けて実行すると書き込みます。まず元の値のロールバック ファイルを書き出し、次に一覧の変更だけを行い、最後にアカウントをもう一度読み取ります。",
                "-WhatIf を付けると、書き込む内容を実際には書き込まずに表示します。-Confirm を付けると、1 件ごとに確認を求めます。",
                "Microsoft Graph PowerShell モジュールが必要です (Install-Module Microsoft.Graph -Scope CurrentUser)。",
                "Windows PowerShell 5.1 または PowerShell 7 で動作します。実行の記録 (トランスクリプト) をロールバック ファイルと同じ場所に書き出します。",
                "以下の値はすべてエクスポートから取ったデータで、ConvertFrom-Json で読み取るだけです。どれもコードとしては実行されません。",
            ],
            never: "認証方法を削除することはなく、このスクリプトを実行しているアカウント自身は変更せず、エクスポートの時点から変わっているアカウントはスキップします。",
            text_data: "このスクリプトが表示するメッセージです。",
            run_data: "このスクリプトの対象の組織とクラウド、および要求するアクセス許可です。",
            account_data: "1 行に 1 アカウント: エクスポートから作った変更内容です。",
            sign_in: "エクスポートのクラウド (エクスポートにあればテナントも) に、この実行に必要なアクセス許可だけで、このプロセスに限ってサインインします。",
            guard: "何かを読み取る前に: エクスポートの組織とクラウドでなければ停止します。",
            read: "各アカウントの現在の認証方法を読み取り、まだ必要な変更を決めます。",
            rollback: "変更の前に: 必要なら手作業で戻せるよう、元の値を保存します。",
            write: "変更を書き込みます。1 件ずつ ShouldProcess (-WhatIf、-Confirm) を通して行います。",
            verify: "変更したアカウントをもう一度読み取り、現在の状態を表示します。",
            owners: "アカウントの所有者にしかできないこと: 所有者ごとに送るメッセージです。",
            passes: "一時アクセス パス: トランスクリプトの停止後に一度だけ表示し、ファイルには書き出しません。",
        },
    }
}

pub fn messages(l: Lang) -> FixScriptMessages {
    match l {
        Lang::En => FixScriptMessages {
            no_module: "Microsoft Graph PowerShell is not installed. Run: {0}",
            dry_run: "Dry run: nothing will be changed. Run again with -Apply to make these changes.",
            applying: "Applying the changes (-Apply).",
            nothing: "No account in the export needs a change this script can make.",
            account: "Account {0}",
            own_account: "  Skipped: this is the account you are signed in as.",
            read_failed: "  Skipped: its methods could not be read ({0}).",
            would_fix: "  Correct the mobile phone method: {0} -> {1}",
            would_add_phone: "  Add the mobile phone method: {0}",
            would_add_email: "  Add the email method: {0}",
            would_tap: "  Issue a one-time Temporary Access Pass ({0} minutes)",
            skip_changed: "  Skipped: the export said {0}, the account now has {1}.",
            skip_phone_exists: "  Skipped: the account already has a mobile phone method ({0}).",
            skip_email_exists: "  Skipped: the account already has an email method ({0}).",
            rollback_written: "Old values written to {0}",
            transcript: "Transcript: {0}",
            failed: "  Failed: {0} ({1})",
            done: "  Done: {0}",
            now_holds: "  Now: {0}",
            owners_title: "Messages to send to each owner (only they can do this):",
            owner_message: "To {0}: please register a sign-in method that is not a text message or a call (Microsoft Authenticator, or an OATH token) at {2} before {1}. Microsoft stops sending password-reset texts and calls, and administrators need two methods to reset their own password.",
            owner_message_now: "To {0}: please register a sign-in method that is not a text message or a call (Microsoft Authenticator, or an OATH token) at {1} now. Without it your account has too few methods to reset its own password.",
            passes_title: "Temporary Access Passes (one-time; give each only to its owner, in person or by a channel only they read; do not store them):",
            passes_warning: "Anyone who has a pass can sign in as that account until it expires.",
            summary: "Applied: {0}, skipped: {1}, failed: {2}.",
            not_signed_in: "Stopped: not signed in to Microsoft Graph. Nothing was read or changed.",
            wrong_cloud: "Stopped: signed in to the {0} cloud, but this script is for {1}. Nothing was read or changed, and no rollback file was written.",
            wrong_tenant: "Stopped: signed in to tenant {0}, but this script is for tenant {1}, the organization of the export. Nothing was read or changed, and no rollback file was written. Sign in to that organization, or make the script from the export of the organization you are signed in to.",
            wrong_domains: "Stopped: the signed-in organization does not have these user-name domains of the export among its verified domains: {0}. The export is of another organization: nothing was read or changed, and no rollback file was written.",
            unknown_organization: "Stopped: the export names neither its tenant id nor any user-name domain, so this script cannot check that you are signed in to its organization. Make it again with the tenant id (--tenant-id, or Tenant ID on the page). Nothing was read or changed.",
            signed_in: "Signed in to tenant {0} ({1}): the export's organization.",
            skip_phone_form: "  Skipped: {0} is not written as Microsoft requires (+country code, one space, the number).",
            skip_needs_mobile: "  Skipped: an alternate mobile phone can be added only beside a mobile phone method.",
            skip_pass_exists: "  Skipped: the account already has a Temporary Access Pass (one per account).",
        },
        Lang::Ja => FixScriptMessages {
            no_module: "Microsoft Graph PowerShell がインストールされていません。次を実行してください: {0}",
            dry_run: "ドライ ラン: 何も変更しません。変更するには -Apply を付けてもう一度実行してください。",
            applying: "変更を適用します (-Apply)。",
            nothing: "このスクリプトで行える変更が必要なアカウントは、エクスポートにありません。",
            account: "アカウント {0}",
            own_account: "  スキップ: サインインしているアカウント自身です。",
            read_failed: "  スキップ: 認証方法を読み取れませんでした ({0})。",
            would_fix: "  携帯電話の認証方法を修正: {0} -> {1}",
            would_add_phone: "  携帯電話の認証方法を追加: {0}",
            would_add_email: "  メールの認証方法を追加: {0}",
            would_tap: "  1 回限りの一時アクセス パスを発行 ({0} 分)",
            skip_changed: "  スキップ: エクスポートでは {0} でしたが、現在は {1} です。",
            skip_phone_exists: "  スキップ: 携帯電話の認証方法がすでにあります ({0})。",
            skip_email_exists: "  スキップ: メールの認証方法がすでにあります ({0})。",
            rollback_written: "元の値を {0} に書き出しました",
            transcript: "トランスクリプト: {0}",
            failed: "  失敗: {0} ({1})",
            done: "  完了: {0}",
            now_holds: "  現在: {0}",
            owners_title: "各所有者に送るメッセージ (本人にしかできない作業です):",
            owner_message: "アカウント {0} をお使いの方へ: {1} より前に、テキスト メッセージや音声通話ではないサインイン方法 (Microsoft Authenticator または OATH トークン) を {2} で登録してください。Microsoft は、パスワード リセット用のテキスト メッセージと音声通話の提供を終了します。管理者が自分でパスワードをリセットするには、認証方法が 2 つ必要です。",
            owner_message_now: "アカウント {0} をお使いの方へ: テキスト メッセージや音声通話ではないサインイン方法 (Microsoft Authenticator または OATH トークン) を、今すぐ {1} で登録してください。登録しないと、ご自身でパスワードをリセットするための認証方法が足りないままになります。",
            passes_title: "一時アクセス パス (1 回限り。所有者本人にだけ、対面か本人だけが読める手段で渡し、保存しないでください):",
            passes_warning: "パスを持っている人は、期限が切れるまでそのアカウントとしてサインインできます。",
            summary: "適用: {0} 件、スキップ: {1} 件、失敗: {2} 件。",
            not_signed_in: "停止しました: Microsoft Graph にサインインしていません。何も読み取らず、変更もしていません。",
            wrong_cloud: "停止しました: {0} クラウドにサインインしていますが、このスクリプトは {1} 用です。何も読み取らず、変更もしておらず、ロールバック ファイルも書き出していません。",
            wrong_tenant: "停止しました: テナント {0} にサインインしていますが、このスクリプトはエクスポートの組織であるテナント {1} 用です。何も読み取らず、変更もしておらず、ロールバック ファイルも書き出していません。その組織にサインインし直すか、サインインしている組織のエクスポートからスクリプトを作り直してください。",
            wrong_domains: "停止しました: サインインしている組織の確認済みドメインに、エクスポートにある次のユーザー名のドメインがありません: {0}。エクスポートは別の組織のものです。何も読み取らず、変更もしておらず、ロールバック ファイルも書き出していません。",
            unknown_organization: "停止しました: エクスポートにテナント ID もユーザー名のドメインもないため、エクスポートの組織にサインインしているかを確認できません。テナント ID を指定して (--tenant-id、またはページの [テナント ID]) スクリプトを作り直してください。何も読み取らず、変更もしていません。",
            signed_in: "テナント {0} ({1}) にサインインしました。エクスポートの組織です。",
            skip_phone_form: "  スキップ: {0} は Microsoft が求める形式 (+国番号、半角スペース 1 つ、番号) ではありません。",
            skip_needs_mobile: "  スキップ: 代替の携帯電話は、携帯電話の認証方法があるときにしか追加できません。",
            skip_pass_exists: "  スキップ: このアカウントには一時アクセス パスがすでにあります (1 アカウントに 1 つ)。",
        },
    }
}
