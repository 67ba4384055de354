//! Contract v1.2 "Comparing two exports": what changed per account between an earlier audit
//! and a later one. Both sides are reduced to a brief (status and finding ids per account,
//! the summary), so two audits of 100,000 accounts compare without either being put into
//! words; the words come at the edge (`DiffWords`).

use sspr_text::hash::Map;
use std::collections::BTreeSet;

use serde::Serialize;
use sspr_audit::{Source, Status, Summary};
use sspr_model::case::Lang;
use sspr_model::report::FindingId;

use crate::report::AuditReport;
use crate::Said;

/// What a comparison needs of one audit.
#[derive(Debug, Clone)]
pub struct Brief {
    pub summary: Summary,
    pub format: String,
    pub sources: Vec<Source>,
    pub today: Option<String>,
    pub accounts: Vec<BriefAccount>,
}

#[derive(Debug, Clone)]
pub struct BriefAccount {
    pub id: Option<String>,
    pub upn: Option<String>,
    pub display_name: Option<String>,
    pub status: Status,
    pub findings: Vec<FindingId>,
}

impl Brief {
    pub fn of_report(r: &AuditReport) -> Brief {
        Brief {
            summary: r.summary.clone(),
            format: r.format.clone(),
            sources: r.sources.clone(),
            today: r.today.clone(),
            accounts: r
                .accounts
                .iter()
                .map(|a| BriefAccount {
                    id: a.id.clone(),
                    upn: a.upn.clone(),
                    display_name: a.display_name.clone(),
                    status: a.status,
                    findings: a.findings.iter().map(|f| f.id).collect(),
                })
                .collect(),
        }
    }

    /// From an audit session: checks what is not checked yet; no words.
    pub fn of_said(said: &mut Said) -> Option<Brief> {
        said.audit_mut().assess_all();
        let audit = said.audit();
        let summary = audit.finished()?.summary();
        let accounts = (0..audit.len())
            .filter_map(|i| {
                let (d, a) = (audit.data(i)?, audit.kept(i)?);
                Some(BriefAccount {
                    id: d.id.as_deref().map(String::from),
                    upn: d.upn.as_deref().map(String::from),
                    display_name: d.display_name.as_deref().map(String::from),
                    status: a.status,
                    findings: a.ids.clone(),
                })
            })
            .collect();
        Some(Brief {
            summary,
            format: audit.format(),
            sources: audit.sources().to_vec(),
            today: audit.today().map(|d| d.to_string()),
            accounts,
        })
    }

    /// The organization's domains, from the user names.
    fn domains(&self) -> BTreeSet<String> {
        sspr_model::order::set(
            self.accounts
                .iter()
                .filter_map(|a| a.upn.as_deref())
                .filter(|u| !u.contains("#EXT#"))
                .filter_map(|u| u.rsplit_once('@').map(|(_, d)| d.to_ascii_lowercase())),
        )
    }
}

/// How an account moved (contract v1.2 `change`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Change {
    Worse,
    Added,
    Improved,
    Fixed,
    Removed,
    Unchanged,
}

impl Change {
    pub const ALL: [Change; 6] = [Change::Worse, Change::Added, Change::Improved, Change::Fixed, Change::Removed, Change::Unchanged];
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Worse => "worse",
            Change::Added => "added",
            Change::Improved => "improved",
            Change::Fixed => "fixed",
            Change::Removed => "removed",
            Change::Unchanged => "unchanged",
        }
    }
}

/// How the two sides were joined for an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum JoinKey {
    /// The object id (the strong key).
    Id,
    /// The user name, ignoring case: one side has no id.
    UserPrincipalName,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountChange {
    pub upn: Option<String>,
    /// Addition: the display name and object id, from the later side when there is one.
    pub display_name: Option<String>,
    pub id: Option<String>,
    pub change: Change,
    pub before: Option<Status>,
    pub after: Option<Status>,
    pub fixed_findings: Vec<FindingId>,
    pub new_findings: Vec<FindingId>,
    /// Addition: how the account was found on both sides (null for added and removed).
    pub joined_by: Option<JoinKey>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Side {
    pub summary: Summary,
    /// Additions: what the side was read from.
    pub format: String,
    pub sources: Vec<Source>,
    pub today: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RetirementChange {
    pub date: String,
    pub applies_to: &'static str,
    /// Administrators who would lose a required method then: earlier and now.
    pub before: usize,
    pub after: usize,
}

/// Why the comparison may not mean what it seems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DiffWarning {
    /// No account in common and no domain in common: two organizations' files.
    DifferentOrganizations,
    /// Some accounts were joined by user name only.
    JoinedByUserName,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditDiff {
    pub old: Side,
    pub new: Side,
    /// Worse first, then added, improved, fixed, removed, unchanged; within each, the later
    /// file's order (the earlier file's for removed accounts).
    pub accounts: Vec<AccountChange>,
    pub retirement: Vec<RetirementChange>,
    /// Addition: how many accounts of each change.
    pub counts: std::collections::BTreeMap<&'static str, usize>,
    /// Addition: the warnings, as codes and in words.
    pub warnings: Vec<Warned>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warned {
    pub code: DiffWarning,
    pub message: String,
}

fn rank(s: Status) -> u8 {
    match s {
        Status::Fails => 0,
        Status::Unknown => 1,
        Status::AtRisk => 2,
        Status::Ok => 3,
    }
}

/// A later file that says less (unknown) is never progress: the account needs a look.
fn change_of(before: Status, after: Status) -> Change {
    match (before, after) {
        (b, a) if a == b => Change::Unchanged,
        (Status::Fails | Status::AtRisk, Status::Ok) => Change::Fixed,
        (_, Status::Unknown) => Change::Worse,
        (Status::Unknown, Status::Fails) => Change::Worse,
        (b, a) if rank(a) > rank(b) => Change::Improved,
        _ => Change::Worse,
    }
}

fn key(s: &str) -> String {
    sspr_text::lower(s.trim())
}

/// Compares an earlier audit with a later one (contract: core `audit_diff`).
pub fn audit_diff(old: &AuditReport, new: &AuditReport, lang: Lang) -> AuditDiff {
    diff_briefs(&Brief::of_report(old), &Brief::of_report(new), lang)
}

pub fn diff_briefs(old: &Brief, new: &Brief, lang: Lang) -> AuditDiff {
    let mut by_id: Map<String, usize> = Map::default();
    let mut by_upn: Map<String, usize> = Map::default();
    for (i, a) in old.accounts.iter().enumerate() {
        if let Some(id) = a.id.as_deref().filter(|s| !s.trim().is_empty()) {
            by_id.entry(key(id)).or_insert(i);
        }
        if let Some(u) = a.upn.as_deref().filter(|s| !s.trim().is_empty()) {
            by_upn.entry(key(u)).or_insert(i);
        }
    }
    let mut used = vec![false; old.accounts.len()];
    let mut out: Vec<AccountChange> = Vec::with_capacity(new.accounts.len());
    let mut weak = 0usize;
    for a in &new.accounts {
        let by_id_hit = a.id.as_deref().and_then(|id| by_id.get(&key(id)).copied()).filter(|&i| !used[i]);
        let hit = by_id_hit.map(|i| (i, JoinKey::Id)).or_else(|| {
            a.upn.as_deref().and_then(|u| by_upn.get(&key(u)).copied()).filter(|&i| !used[i]).and_then(|i| {
                // An account whose ids differ on both sides is not the same account.
                let ids_differ = matches!((&old.accounts[i].id, &a.id), (Some(x), Some(y)) if key(x) != key(y));
                (!ids_differ).then_some((i, JoinKey::UserPrincipalName))
            })
        });
        match hit {
            Some((i, join)) => {
                used[i] = true;
                let o = &old.accounts[i];
                if join == JoinKey::UserPrincipalName {
                    weak += 1;
                }
                let gone: Vec<FindingId> = o.findings.iter().copied().filter(|f| !a.findings.contains(f)).collect();
                let came: Vec<FindingId> = a.findings.iter().copied().filter(|f| !o.findings.contains(f)).collect();
                out.push(AccountChange {
                    upn: a.upn.clone().or(o.upn.clone()),
                    display_name: a.display_name.clone().or(o.display_name.clone()),
                    id: a.id.clone().or(o.id.clone()),
                    change: change_of(o.status, a.status),
                    before: Some(o.status),
                    after: Some(a.status),
                    fixed_findings: gone,
                    new_findings: came,
                    joined_by: Some(join),
                });
            }
            None => out.push(AccountChange {
                upn: a.upn.clone(),
                display_name: a.display_name.clone(),
                id: a.id.clone(),
                change: Change::Added,
                before: None,
                after: Some(a.status),
                fixed_findings: Vec::new(),
                new_findings: a.findings.clone(),
                joined_by: None,
            }),
        }
    }
    let matched = used.iter().filter(|u| **u).count();
    for (o, _) in old.accounts.iter().zip(&used).filter(|(_, u)| !**u) {
        out.push(AccountChange {
            upn: o.upn.clone(),
            display_name: o.display_name.clone(),
            id: o.id.clone(),
            change: Change::Removed,
            before: Some(o.status),
            after: None,
            fixed_findings: o.findings.clone(),
            new_findings: Vec::new(),
            joined_by: None,
        });
    }

    let mut warnings = Vec::new();
    let different = matched == 0 && !old.accounts.is_empty() && !new.accounts.is_empty() && old.domains().is_disjoint(&new.domains());
    if different {
        // Everyone added and everyone removed says nothing: the files are not comparable.
        out.clear();
        warnings.push(DiffWarning::DifferentOrganizations);
    } else if weak > 0 {
        warnings.push(DiffWarning::JoinedByUserName);
    }
    sspr_model::order::sort_by_key(&mut out, |a| a.change);
    let counts = sspr_model::order::map(Change::ALL.iter().map(|c| (c.as_str(), out.iter().filter(|a| a.change == *c).count())));

    // The retirement dates of either side (none outside the public cloud).
    let mut retirement: Vec<RetirementChange> = Vec::new();
    for r in old.summary.retirement.iter().chain(&new.summary.retirement) {
        if retirement.iter().any(|x| x.date == r.date) {
            continue;
        }
        let count = |s: &Summary| s.retirement.iter().find(|x| x.date == r.date).map_or(0, |x| x.cannot_reset);
        retirement.push(RetirementChange {
            date: r.date.clone(),
            applies_to: r.applies_to,
            before: count(&old.summary),
            after: count(&new.summary),
        });
    }
    sspr_model::order::sort_by(&mut retirement, |a, b| a.date.cmp(&b.date));

    let side =
        |b: &Brief| Side { summary: b.summary.clone(), format: b.format.clone(), sources: b.sources.clone(), today: b.today.clone() };
    AuditDiff {
        old: side(old),
        new: side(new),
        accounts: out,
        retirement,
        counts,
        warnings: warnings
            .into_iter()
            .map(|code| Warned { code, message: sspr_words::diff::warning(code_name(code), weak, lang) })
            .collect(),
    }
}

fn code_name(w: DiffWarning) -> &'static str {
    match w {
        DiffWarning::DifferentOrganizations => "differentOrganizations",
        DiffWarning::JoinedByUserName => "joinedByUserName",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes() {
        assert_eq!(change_of(Status::Fails, Status::Ok), Change::Fixed);
        assert_eq!(change_of(Status::AtRisk, Status::Ok), Change::Fixed);
        assert_eq!(change_of(Status::Fails, Status::AtRisk), Change::Improved);
        assert_eq!(change_of(Status::Ok, Status::AtRisk), Change::Worse);
        assert_eq!(change_of(Status::AtRisk, Status::Fails), Change::Worse);
        assert_eq!(change_of(Status::Ok, Status::Ok), Change::Unchanged);
        assert_eq!(change_of(Status::Fails, Status::Unknown), Change::Worse, "a file that says less is no progress");
        assert_eq!(change_of(Status::Unknown, Status::Fails), Change::Worse);
        assert_eq!(change_of(Status::Unknown, Status::Ok), Change::Improved);
    }
}
