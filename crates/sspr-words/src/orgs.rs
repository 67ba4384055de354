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
            can_reset_today: "Administrators who can reset today",
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
            redacted_note: "Contact data is hidden in this report: phone numbers keep their country code and last two digits, email addresses their first character and domain, user names their domain (the rest is a pseudonym used only in this report), object IDs and tenant IDs their first 8 characters; organization and file names are masked the same way where they hold any of these.",
            total: "All organizations",
        },
        Lang::Ja => OrgLabels {
            title: "SSPR Doctor: 組織の一覧",
            overview_title: "組織 (パスワードをリセットできなくなる時期が早い順)",
            organization: "組織",
            accounts: "アカウント",
            can_reset_today: "今日リセットできる管理者",
            fails: "今日失敗",
            cannot_reset_on: "{date} からリセットできない",
            top_findings: "主な検出結果",
            tenant_id: "テナント ID",
            domains: "ドメイン",
            files: "ファイル",
            problems_title: "読み取らなかったファイル (アーカイブ内のファイルを含む)",
            problem: "{file}: {member}: {reason}",
            problem_file: "{file}: {reason}",
            accounts_to_fix: "「今日失敗」または「リスクあり」のアカウント",
            none_to_fix: "「今日失敗」または「リスクあり」のアカウントはありません。",
            redacted_note: "このレポートでは連絡先を伏せています。電話番号は国番号と末尾 2 桁、メール アドレスは先頭の 1 文字とドメイン、ユーザー名はドメインだけを表示し (ほかの部分はこのレポート内でのみ使う仮名です)、オブジェクト ID とテナント ID は先頭の 8 文字だけを表示します。組織名やファイル名にこれらが含まれる場合は、その部分も同じように伏せています。",
            total: "合計 (すべての組織)",
        },
    }
}

/// Why a file or an archive member was not read: an archive's reason (`archive_*`) or the
/// audit's own for a file (its error codes).
pub fn reason(id: &str, l: Lang) -> String {
    use crate::model_audit::{
        MAX_ARCHIVE_BYTES, MAX_ARCHIVE_RECORDS as R, MAX_ARCHIVE_TOTAL_BYTES, MAX_FOLDER_FILES as N, MAX_MEMBER_BYTES,
    };
    let mb = |n: usize| n / (1024 * 1024);
    let (a, m, t) = (mb(MAX_ARCHIVE_BYTES), mb(MAX_MEMBER_BYTES), mb(MAX_ARCHIVE_TOTAL_BYTES));
    match (id, l) {
        ("archive_too_large", Lang::En) => {
            return fill!(
                "too large: over the limit for an archive ({a} MB), one member ({m} MB) or all members together once inflated ({t} MB)"
            )
        }
        ("archive_too_large", Lang::Ja) => {
            return fill!(
            "サイズが上限を超えています (アーカイブ {a} MB、アーカイブ内の 1 ファイル {m} MB、展開後のアーカイブ内のファイルの合計 {t} MB)"
        )
        }
        ("too_many_files", Lang::En) => {
            return fill!("more than {N} files: this one and those after it were not read (give them in smaller parts)")
        }
        ("too_many_files", Lang::Ja) => {
            return fill!("ファイルが {N} 個を超えているため、このファイル以降は読み取りませんでした (何回かに分けて指定してください)")
        }
        ("archive_too_many_entries", Lang::En) => {
            return fill!(
                "more than {R} entries (files and folders together) in this archive: this one and those after it were not read (give them in smaller archives)"
            )
        }
        ("archive_too_many_entries", Lang::Ja) => {
            return fill!(
                "アーカイブ内の項目 (ファイルとフォルダーの合計) が {R} 個を超えているため、この項目以降は読み取りませんでした (複数のアーカイブに分けて指定してください)"
            )
        }
        _ => {}
    }
    match (id, l) {
        ("archive_encrypted", Lang::En) => "encrypted: an archive member with a password is not opened (unzip it, then drop the files)",
        ("archive_encrypted", Lang::Ja) => "パスワードで保護されているため開きません (展開してから、そのファイルをドロップしてください)",
        ("archive_bomb", Lang::En) => "not opened: it would inflate to far more than it holds (a zip bomb)",
        ("archive_bomb", Lang::Ja) => "展開後のサイズが圧縮時に比べて極端に大きいため開きません (zip 爆弾)",
        ("archive_nested", Lang::En) => "nested too deep: archives inside the one given are opened, archives inside those are not",
        ("archive_nested", Lang::Ja) => "入れ子が深すぎるため開きません (開くのは、指定したアーカイブ内のアーカイブまでです)",
        ("archive_unreadable", Lang::En) => "damaged, or compressed in a way other than stored or deflate",
        ("archive_unreadable", Lang::Ja) => "破損しているか、無圧縮 (Stored) と Deflate 以外の方法で圧縮されています",
        ("archive_unsafe_name", Lang::En) => {
            "its name would leave the archive (.., an absolute path, a drive letter) or holds control characters, or it is a symbolic link"
        }
        ("archive_unsafe_name", Lang::Ja) => {
            "アーカイブの外を指す名前 (..、絶対パス、ドライブ文字) か制御文字を含む名前、またはシンボリック リンクです"
        }
        ("empty", Lang::En) => "the file is empty",
        ("empty", Lang::Ja) => "ファイルが空です",
        ("tooLarge", Lang::En) => "the file is larger than the audit reads",
        ("tooLarge", Lang::Ja) => "ファイルがチェックできるサイズの上限を超えています",
        ("tooManyColumns", Lang::En) => "the file has more columns than an export has",
        ("tooManyColumns", Lang::Ja) => "ファイルの列がエクスポートとしては多すぎます",
        ("notJson", Lang::En) => "the file looks like JSON but is not valid JSON",
        ("notJson", Lang::Ja) => "ファイルは JSON のようですが、正しい JSON ではありません",
        ("noFormat", Lang::En) => "no column identifies a user: not an export this tool reads",
        ("noFormat", Lang::Ja) => "ユーザーを示す列がないため、このツールで読み取れるエクスポートではありません",
        ("noAccounts", Lang::En) => "the file holds no account",
        ("noAccounts", Lang::Ja) => "ファイルにアカウントがありません",
        ("badTenantId", Lang::En) => "a tenant ID that is not a GUID",
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
        Lang::Ja => "連絡先を伏せている間は、修正スクリプトを作成しません。スクリプトでは変更する実際のアカウント、電話番号、メール アドレスを指定する必要があり、伏せたデータから作成すると、間違ったアカウントを変更するか、何も変更しないことになるためです。作成するには、[連絡先を伏せる] をオフにしてください (コマンド ラインでは --redact を付けずに実行します)。",
    }
}

/// Between the reasons listed after `nothing_read`.
pub fn reasons_separator(l: Lang) -> &'static str {
    match l {
        Lang::En => "; ",
        Lang::Ja => "。",
    }
}

/// When no organization of a drop could be read.
pub fn nothing_read(l: Lang) -> &'static str {
    match l {
        Lang::En => "No organization could be read from what was given: no file in it is an export this tool reads.",
        Lang::Ja => {
            "指定されたファイルとフォルダーから、組織を 1 つも読み取れませんでした。このツールで読み取れるエクスポートが含まれていません。"
        }
    }
}
