//! The words of a comparison of two exports (contract v1.2) and of the HTML report, in each
//! language. Published to the page with the audit's labels.

use crate::case::Lang;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DiffLabels {
    pub title: &'static str,
    pub old: &'static str,
    pub new: &'static str,
    pub change: ByChange,
    pub before: &'static str,
    pub after: &'static str,
    pub fixed_findings: &'static str,
    pub new_findings: &'static str,
    pub joined_by_upn: &'static str,
    /// The chart: administrators who can no longer reset on each date, earlier and now.
    pub chart_title: &'static str,
    pub counts_title: &'static str,
    pub summary_title: &'static str,
    pub none: &'static str,
    /// The HTML report: the heading of the accounts' details, the files read, the tool.
    pub details_title: &'static str,
    pub made_by: &'static str,
    pub measure: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ByChange {
    pub worse: &'static str,
    pub added: &'static str,
    pub improved: &'static str,
    pub fixed: &'static str,
    pub removed: &'static str,
    pub unchanged: &'static str,
}

impl ByChange {
    pub fn get(&self, c: &str) -> &'static str {
        match c {
            "worse" => self.worse,
            "added" => self.added,
            "improved" => self.improved,
            "fixed" => self.fixed,
            "removed" => self.removed,
            _ => self.unchanged,
        }
    }
}

pub fn labels(l: Lang) -> DiffLabels {
    match l {
        Lang::En => DiffLabels {
            title: "Progress between two exports",
            old: "Earlier",
            new: "Now",
            change: ByChange {
                worse: "Worse",
                added: "New in the later file",
                improved: "Improved",
                fixed: "Fixed",
                removed: "Only in the earlier file",
                unchanged: "Unchanged",
            },
            before: "Before",
            after: "After",
            fixed_findings: "Gone",
            new_findings: "New",
            joined_by_upn: "matched by user name only",
            chart_title: "Administrators who can no longer reset when Microsoft's SMS and voice end: earlier and now",
            counts_title: "Changes",
            summary_title: "Summary",
            none: "none",
            details_title: "Accounts in detail",
            made_by: "Made by SSPR Doctor {version} on {date}; Microsoft facts checked on {checked}. Nothing in this file runs or loads anything.",
            measure: "Measure",
        },
        Lang::Ja => DiffLabels {
            title: "2 つのエクスポート間の進捗状況",
            old: "以前",
            new: "現在",
            change: ByChange {
                worse: "悪化",
                added: "新しいファイルのみ",
                improved: "改善",
                fixed: "解決",
                removed: "以前のファイルのみ",
                unchanged: "変化なし",
            },
            before: "以前",
            after: "現在",
            fixed_findings: "解消した検出結果",
            new_findings: "新しい検出結果",
            joined_by_upn: "ユーザー名だけで照合",
            chart_title: "Microsoft の SMS と音声通話の終了でリセットできなくなる管理者: 以前と現在",
            counts_title: "変化",
            summary_title: "概要",
            none: "なし",
            details_title: "アカウントの詳細",
            made_by: "SSPR Doctor {version} で {date} に作成。Microsoft の情報の確認日: {checked}。このファイルは何も実行せず、何も読み込みません。",
            measure: "項目",
        },
    }
}

/// A warning about a comparison: `weak` accounts were matched by user name only.
pub fn warning(code: &str, weak: usize, l: Lang) -> String {
    match (code, l) {
        ("differentOrganizations", Lang::En) => "The two files have no account and no domain in common: they look like exports of two different organizations, so they are not compared. Choose an earlier export of the same organization.".into(),
        ("differentOrganizations", Lang::Ja) => "2 つのファイルには共通のアカウントもドメインもありません。別々の組織のエクスポートのようなので、比較しません。同じ組織の以前のエクスポートを選んでください。".into(),
        (_, Lang::En) => fill!("{weak} account(s) were matched by user name only, because one of the files has no object ids: a renamed account shows as removed and added."),
        (_, Lang::Ja) => fill!("一方のファイルにオブジェクト ID がないため、{weak} 件のアカウントをユーザー名だけで照合しました。名前を変更したアカウントは、「以前のファイルのみ」と「新しいファイルのみ」の 2 件として表示されます。"),
    }
}
