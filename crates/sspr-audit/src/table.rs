//! The page's table of accounts: which rows a filter keeps and in which order, and the
//! running counts while accounts are checked. They are answered from what the audit
//! already holds, so neither the page nor its worker keeps a copy of 100,000 rows (that
//! copy, twice, and the JSON it crossed as, was a third of the page's memory).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::assess::{Assessed, Policy, Status};
use super::Audit;
use crate::report::FindingId;

/// The account's role as the table shows it: `globalAdmin`, `admin`, `user` or `unknown`.
pub(super) fn role(a: &Assessed) -> &'static str {
    match (a.policy, a.global_admin) {
        (_, Some(true)) => "globalAdmin",
        (Policy::Admin | Policy::UserByRoles, _) => "admin",
        (Policy::User, _) => "user",
        (Policy::Unknown, _) => "unknown",
    }
}

/// Accounts checked so far, by status, and every finding id among them (the page's
/// cards and its finding filter, while the rest is still being checked).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub counts: Counts,
    pub findings: BTreeSet<FindingId>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub fails: usize,
    pub at_risk: usize,
    pub unknown: usize,
    pub ok: usize,
}

impl Tally {
    pub(super) fn add(&mut self, a: &Assessed) {
        let n = match a.status {
            Status::Fails => &mut self.counts.fails,
            Status::AtRisk => &mut self.counts.at_risk,
            Status::Unknown => &mut self.counts.unknown,
            Status::Ok => &mut self.counts.ok,
        };
        *n += 1;
        self.findings.extend(a.ids.iter().copied());
    }
}

/// A filter and an order for the table, as the page sends them. Empty strings mean
/// "any" (the page's `<select>` gives `""` for "All").
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Query {
    pub status: String,
    pub role: String,
    pub finding: String,
    /// Kept rows have it in their user name or display name (case ignored).
    pub text: String,
    pub sort: Option<Sort>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Sort {
    /// `upn`, `name`, `status`, `role`, `usable`, `date` or `findings`; `""` keeps the
    /// file's order, anything else sorts by user name.
    pub key: String,
    /// `asc` or `desc`.
    pub dir: String,
}

/// One account's value for a sort key (one variant per key, so values compare alike).
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Key<'a> {
    Number(usize),
    Text(&'a str),
    Owned(String),
}

impl Audit {
    /// What has been checked so far, counted.
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// The indices of the checked accounts `q` keeps, in its order (ties in file order,
    /// whichever the direction).
    pub fn query(&self, q: &Query) -> Vec<u32> {
        let text = sspr_text::lower(q.text.trim());
        let finding = FindingId::parse(&q.finding);
        let mut out: Vec<u32> = Vec::new();
        for (i, (a, d)) in self.assessed.iter().zip(&self.accounts).enumerate() {
            if !q.status.is_empty() && a.status.as_str() != q.status {
                continue;
            }
            if !q.role.is_empty() && role(a) != q.role {
                continue;
            }
            if !q.finding.is_empty() && !finding.is_some_and(|f| a.ids.contains(&f)) {
                continue;
            }
            if !text.is_empty() {
                let hay = sspr_text::lower(&format!("{} {}", d.upn.as_deref().unwrap_or(""), d.display_name.as_deref().unwrap_or("")));
                if !hay.contains(&text) {
                    continue;
                }
            }
            out.push(i as u32);
        }
        let Some(sort) = q.sort.as_ref().filter(|s| !s.key.is_empty()) else { return out };
        let key = |i: u32| -> Key<'_> {
            let (a, d) = (&self.assessed[i as usize], &self.accounts[i as usize]);
            match sort.key.as_str() {
                "status" => Key::Number(a.status as usize),
                "role" => Key::Text(role(a)),
                "usable" => Key::Number(a.usable.len()),
                "date" => Key::Owned(a.sms_retirement_date.map_or_else(|| "9999".to_string(), |x| x.to_string())),
                "findings" => Key::Number(a.ids.len()),
                "name" => Key::Owned(sspr_text::lower(d.display_name.as_deref().unwrap_or(""))),
                _ => Key::Owned(sspr_text::lower(d.upn.as_deref().unwrap_or(""))),
            }
        };
        let mut keyed: Vec<(Key<'_>, u32)> = out.into_iter().map(|i| (key(i), i)).collect();
        let desc = sort.dir == "desc";
        sspr_model::order::sort_by(&mut keyed, |(ka, a), (kb, b)| {
            let by_key = ka.cmp(kb);
            (if desc { by_key.reverse() } else { by_key }).then(a.cmp(b))
        });
        keyed.into_iter().map(|(_, i)| i).collect()
    }

    /// The table rows of `indices` (those checked; others are left out).
    pub fn rows(&self, indices: &[u32]) -> Vec<super::Row> {
        indices.iter().filter_map(|&i| self.row(i as usize)).collect()
    }
}
