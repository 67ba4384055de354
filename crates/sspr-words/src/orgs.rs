//! The words of many organizations at one desk and of a redacted report (contract v1.3), in
//! both languages: the overview's labels, why a file or an archive member was not read, and
//! why no fix script is made from a redacted report. The page's own words for them are in
//! page_en.rs and page_ja.rs.

use serde::Serialize;

use crate::case::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrgLabels {
    pub title: &'static str,
    pub overview_title: &'static str,
    pub organization: &'static str,
    pub accounts: &'static str,
    pub can_reset_today: &'static str,
    pub fails: &'static str,
    /// `{date}`: accounts that can no longer reset on that date.
    pub cannot_reset_on: &'static str,
    pub top_findings: &'static str,
    pub tenant_id: &'static str,
    pub domains: &'static str,
    pub files: &'static str,
    pub problems_title: &'static str,
    /// `{file}`, `{member}`, `{reason}`; and without a member.
    pub problem: &'static str,
    pub problem_file: &'static str,
    /// The accounts an organization's section lists (those that fail or are at risk).
    pub accounts_to_fix: &'static str,
    /// When it lists none of them.
    pub none_to_fix: &'static str,
    pub redacted_note: &'static str,
    pub total: &'static str,
}

pub fn labels(l: Lang) -> OrgLabels {
    match l {
        Lang::En => OrgLabels {
            title: "SSPR Doctor: organizations",
            overview_title: "Organizations, who is locked out soonest first",
            organization: "Organization",
            accounts: "Accounts",
            can_reset_today: "Can reset today",
            fails: "Fail today",
            cannot_reset_on: "Can no longer reset from {date}",
            top_findings: "Top findings",
            tenant_id: "Tenant ID",
            domains: "Domains",
            files: "Files",
            problems_title: "Files and archive members not read",
            problem: "{file}: {member}: {reason}",
            problem_file: "{file}: {reason}",
            accounts_to_fix: "Accounts that fail today or are at risk",
            none_to_fix: "No account fails today or is at risk.",
            redacted_note: "Contact data is hidden in this report: phone numbers keep their country code and last two digits, email addresses their first character and domain, user names their domain (the rest is a pseudonym used only in this report), object ids their first 8 characters.",
            total: "All organizations",
        },
        Lang::Ja => OrgLabels {
            title: "SSPR Doctor: 組織の一覧",
            overview_title: "組織 (ロックアウトが早い順)",
            organization: "組織",
            accounts: "アカウント",
            can_reset_today: "今日リセットできる",
            fails: "今日失敗",
            cannot_reset_on: "{date} からリセットできない",
            top_findings: "主な検出結果",
            tenant_id: "テナント ID",
            domains: "ドメイン",
            files: "ファイル",
            problems_title: "読み取らなかったファイルとアーカイブのメンバー",
            problem: "{file}: {member}: {reason}",
            problem_file: "{file}: {reason}",
            accounts_to_fix: "今日失敗する、またはリスクのあるアカウント",
            none_to_fix: "今日失敗する、またはリスクのあるアカウントはありません。",
            redacted_note: "このレポートでは連絡先を伏せています。電話番号は国番号と末尾 2 桁、メール アドレスは先頭の 1 文字とドメイン、ユーザー名はドメインだけを残し (残りはこのレポートだけの仮名です)、オブジェクト ID は先頭の 8 文字だけを示します。",
            total: "すべての組織",
        },
    }
}

/// Why a file or an archive member was not read: an archive's reason (`archive_*`) or the
/// audit's own for a file (its error codes).
pub fn reason(id: &str, l: Lang) -> String {
    use crate::model_audit::{MAX_ARCHIVE_BYTES, MAX_ARCHIVE_TOTAL_BYTES, MAX_MEMBER_BYTES};
    let mb = |n: usize| n / (1024 * 1024);
    let (a, m, t) = (mb(MAX_ARCHIVE_BYTES), mb(MAX_MEMBER_BYTES), mb(MAX_ARCHIVE_TOTAL_BYTES));
    match (id, l) {
        ("archive_too_large", Lang::En) => {
            return fill!("too large: past the size an archive ({a} MB), a member ({m} MB) or the members together ({t} MB) may have")
        }
        ("archive_too_large", Lang::Ja) => {
            return fill!(
                "大きすぎます。アーカイブ ({a} MB)、メンバー ({m} MB)、またはメンバーの合計 ({t} MB) のサイズの上限を超えています"
            )
        }
        _ => {}
    }
    match (id, l) {
        ("archive_encrypted", Lang::En) => "encrypted: an archive member with a password is not opened (unzip it, then drop the files)",
        ("archive_encrypted", Lang::Ja) => {
            "暗号化されています。パスワード付きのアーカイブのメンバーは開きません (展開してからファイルをドロップしてください)"
        }
        ("archive_bomb", Lang::En) => "not opened: it would inflate to far more than it holds (a zip bomb)",
        ("archive_bomb", Lang::Ja) => "開きませんでした。格納サイズに比べて展開後が大きすぎます (zip 爆弾)",
        ("archive_nested", Lang::En) => "an archive inside an archive inside the archive: one level is opened",
        ("archive_nested", Lang::Ja) => "アーカイブの中のアーカイブのさらに中にあるアーカイブです。開くのは 1 段階までです",
        ("archive_unreadable", Lang::En) => "damaged, or compressed in a way other than stored or deflate",
        ("archive_unreadable", Lang::Ja) => "壊れているか、無圧縮 (stored) と deflate 以外の方法で圧縮されています",
        ("archive_unsafe_name", Lang::En) => "its name would leave the archive (.., an absolute path, a drive), or it is a link",
        ("archive_unsafe_name", Lang::Ja) => "名前がアーカイブの外を指しているか (..、絶対パス、ドライブ)、リンクです",
        ("empty", Lang::En) => "the file is empty",
        ("empty", Lang::Ja) => "ファイルが空です",
        ("tooLarge", Lang::En) => "the file is larger than the audit reads",
        ("tooLarge", Lang::Ja) => "ファイルが監査で読み取れるサイズを超えています",
        ("tooManyColumns", Lang::En) => "the file has more columns than an export has",
        ("tooManyColumns", Lang::Ja) => "ファイルの列がエクスポートとしては多すぎます",
        ("notJson", Lang::En) => "the file looks like JSON but is not valid JSON",
        ("notJson", Lang::Ja) => "ファイルは JSON のようですが、正しい JSON ではありません",
        ("noFormat", Lang::En) => "no column names a user: not an export this tool reads",
        ("noFormat", Lang::Ja) => "ユーザーを示す列がありません。このツールで読み取れるエクスポートではありません",
        ("noAccounts", Lang::En) => "the file holds no account",
        ("noAccounts", Lang::Ja) => "ファイルにアカウントがありません",
        ("badTenantId", Lang::En) => "a tenant id that is not a GUID",
        ("badTenantId", Lang::Ja) => "テナント ID が GUID ではありません",
        (_, Lang::En) => "not read",
        (_, Lang::Ja) => "読み取れませんでした",
    }
    .to_string()
}

/// Why no fix script is made while contact data is hidden.
pub fn redaction_blocks_script(l: Lang) -> &'static str {
    match l {
        Lang::En => "No fix script while contact data is hidden: a script has to name the real accounts, numbers and addresses it changes, and one made from masked data would change the wrong ones or none. Turn off \"Hide contact data\" (or leave out --redact) to make it.",
        Lang::Ja => "連絡先を伏せている間は修正スクリプトを作成しません。スクリプトは変更する実際のアカウント、番号、アドレスを指定する必要があり、伏せたデータから作ると、間違ったものを変更するか、何も変更できません。作成するには [連絡先を伏せる] をオフにしてください (コマンド ラインでは --redact を付けません)。",
    }
}

/// When no organization of a drop could be read.
pub fn nothing_read(l: Lang) -> &'static str {
    match l {
        Lang::En => "No organization could be read from what was given: no file in it is an export this tool reads.",
        Lang::Ja => "指定されたものから読み取れる組織がありません。このツールで読み取れるエクスポートが含まれていません。",
    }
}
