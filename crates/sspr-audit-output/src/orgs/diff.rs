//! Two drops compared (contract v1.3: `audit-diff` of organizations): organizations joined by
//! tenant id, else by name; each pair compared as two exports are (diff.rs); an organization
//! on one side only is added or removed.

use serde::Serialize;
use sspr_model::audit::TenantId;
use sspr_model::case::Lang;

use super::SaidOrgs;
use crate::diff::{diff_briefs, AuditDiff, Brief};
use crate::diff_out::diff_export;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrgsDiff {
    pub organizations: Vec<OrgChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrgChange {
    /// The later drop's name (the earlier one's for a removed organization).
    pub name: String,
    pub tenant_id: Option<TenantId>,
    /// `tenantId` or `name`: how the two were found to be one (null for added, removed).
    pub joined_by: Option<&'static str>,
    /// `compared`, `added` (only in the later drop) or `removed` (only in the earlier).
    pub status: &'static str,
    pub diff: Option<AuditDiff>,
}

impl OrgsDiff {
    /// Masked with `r` as each comparison is (`Redactor::diff`); the organizations' names as
    /// any name, their tenant ids cut.
    pub fn redact(&mut self, r: &crate::redact::Redactor, names: &dyn Fn(&str) -> bool) {
        for c in &mut self.organizations {
            c.name = r.name(&c.name, names);
            c.tenant_id = c.tenant_id.as_ref().map(TenantId::cut);
            if let Some(diff) = &mut c.diff {
                r.diff(diff, names);
            }
        }
    }
}

fn tenant(o: &SaidOrgs, k: usize) -> Option<TenantId> {
    match o.orgs[k].said.audit().tenancy() {
        sspr_audit::Tenancy::Known(t) => Some(t),
        _ => None,
    }
}

/// Compares the organizations of an earlier drop with a later one, in the later drop's order.
pub fn orgs_diff(old: &mut SaidOrgs, new: &mut SaidOrgs, lang: Lang) -> OrgsDiff {
    let mut taken = vec![false; old.orgs.len()];
    let mut out = Vec::new();
    for k in 0..new.orgs.len() {
        let t = tenant(new, k);
        let by_tenant = t.as_ref().and_then(|t| (0..old.orgs.len()).find(|&j| !taken[j] && tenant(old, j).as_ref() == Some(t)));
        let by_name = || (0..old.orgs.len()).find(|&j| !taken[j] && old.orgs[j].name.eq_ignore_ascii_case(&new.orgs[k].name));
        let (j, how) = match by_tenant {
            Some(j) => (Some(j), Some("tenantId")),
            None => (by_name(), Some("name")),
        };
        let diff = j.and_then(|j| {
            taken[j] = true;
            let b_old = Brief::of_said(&mut old.orgs[j].said)?;
            let b_new = Brief::of_said(&mut new.orgs[k].said)?;
            Some(diff_briefs(&b_old, &b_new, lang))
        });
        let status = if diff.is_some() { "compared" } else { "added" };
        out.push(OrgChange { name: new.orgs[k].name.clone(), tenant_id: t, joined_by: diff.as_ref().and(how), status, diff });
    }
    for (j, o) in old.orgs.iter().enumerate() {
        if !taken[j] {
            out.push(OrgChange { name: o.name.clone(), tenant_id: tenant(old, j), joined_by: None, status: "removed", diff: None });
        }
    }
    OrgsDiff { organizations: out }
}

/// The comparison in `format`: JSON, or each compared organization's comparison under its
/// name (Markdown, text; CSV rows with the organization first).
pub fn orgs_diff_export(d: &OrgsDiff, format: &str, l: Lang) -> Option<String> {
    match format {
        "json" => return Some(serde_json::to_string(d).unwrap_or_default()),
        "csv" | "markdown" | "md" | "text" | "txt" => {}
        // One HTML report per organization's comparison (`audit-diff` of its files).
        _ => return None,
    }
    let w = sspr_words::orgs::labels(l);
    let mut out = String::new();
    for (k, o) in d.organizations.iter().enumerate() {
        let Some(diff) = &o.diff else {
            continue;
        };
        let one = diff_export(diff, format, l)?;
        match format {
            "csv" => {
                // The first organization's header, with the organization's column first.
                let cell = crate::export::csv_cell(&o.name);
                for (i, line) in one.trim_start_matches('\u{FEFF}').split_inclusive("\r\n").enumerate() {
                    match (i, k == 0 || out.is_empty()) {
                        (0, true) => out.push_str(&format!("\u{FEFF}{},{line}", crate::export::csv_cell(w.organization))),
                        (0, false) => {}
                        _ => out.push_str(&format!("{cell},{line}")),
                    }
                }
            }
            _ => {
                out.push_str(&format!("{}: {}\n\n", w.organization, o.name));
                out.push_str(&one);
                out.push_str("\n\n");
            }
        }
    }
    Some(out)
}
