//! Many organizations said in a language (contract v1.3 "Organizations"): each
//! organization's audit as a `Said`, the overview, and the `OrganizationsReport`. A redactor
//! set here is shared by every organization's audit, so a person keeps one pseudonym in the
//! whole report. Its exports: `export.rs`.

pub mod diff;
pub mod export;

use std::sync::Arc;

use serde::Serialize;
use sspr_audit::{AuditOptions, Summary};
use sspr_model::audit::TenantId;
use sspr_model::case::{Cloud, Lang};
use sspr_model::report::{Finding, FindingId};
use sspr_words as words;

use crate::redact::Redactor;
use crate::report::{Account, Problem};
use crate::Said;

/// One organization: its name, its files and its audit in words.
pub struct OrgSaid {
    pub name: String,
    pub files: Vec<String>,
    pub said: Said,
}

/// The organizations of a drop, in rank order once every account is checked and `rank` ran.
pub struct SaidOrgs {
    pub orgs: Vec<OrgSaid>,
    pub problems: Vec<sspr_orgs::Problem>,
    lang: Lang,
    today: Option<String>,
    redact: Option<Arc<Redactor>>,
}

/// Contract v1.3 `OrganizationsReport`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrganizationsReport {
    /// The organizations' summaries totalled.
    pub summary: Summary,
    /// Who is locked out soonest first.
    pub organizations: Vec<OrgReport>,
    pub problems: Vec<OrgProblem>,
    /// Additions: the date, the stale-facts notice, and whether contact data is masked.
    pub today: Option<String>,
    pub facts_notice: Option<String>,
    pub redacted: bool,
}

impl OrganizationsReport {
    /// As JSON: written here for the page as for the exports, so that the module holds one
    /// copy of its serializer (not one per crate that asks for it).
    pub fn json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrgReport {
    pub name: String,
    pub tenant_id: Option<TenantId>,
    pub domains: Vec<String>,
    pub files: Vec<String>,
    pub summary: Summary,
    pub tenant_findings: Vec<Finding>,
    /// Addition: its findings by how many accounts have each, most first (at most 5).
    pub top_findings: Vec<TopFinding>,
    /// Addition: its cloud, and what its audit met reading its files.
    pub cloud: Cloud,
    pub audit_problems: Vec<Problem>,
    pub accounts: Vec<Account>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopFinding {
    pub id: FindingId,
    pub accounts: usize,
}

/// Contract `problems[]`: `{ file, member, reason }`, and (an addition) the reason in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrgProblem {
    pub file: String,
    pub member: Option<String>,
    pub reason: &'static str,
    pub message: String,
}

/// How many top findings an organization shows.
const TOP: usize = 5;

impl SaidOrgs {
    /// Organizations read by sspr-orgs, to be said in `opts.lang`.
    pub fn new(orgs: sspr_orgs::Orgs, opts: &AuditOptions) -> SaidOrgs {
        let lang = opts.lang.unwrap_or_default();
        SaidOrgs {
            orgs: orgs.orgs.into_iter().map(|o| OrgSaid { name: o.name, files: o.files, said: Said::new(o.audit, lang) }).collect(),
            problems: orgs.problems,
            lang,
            today: opts.today.clone(),
            redact: None,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn set_lang(&mut self, l: Lang) {
        self.lang = l;
        self.orgs.iter_mut().for_each(|o| o.said.set_lang(l));
    }

    /// Masks contact data from now on with `r` (one for all organizations), or not.
    pub fn set_redactor(&mut self, r: Option<Arc<Redactor>>) {
        self.orgs.iter_mut().for_each(|o| o.said.set_redactor(r.clone()));
        self.redact = r;
    }

    pub fn redacted(&self) -> bool {
        self.redact.is_some()
    }

    /// Organization `k`'s name as the report shows it (masked when redacting: a folder's name
    /// can carry a person's address or number).
    pub fn shown_name(&self, k: usize) -> String {
        self.orgs.get(k).map(|o| o.said.shown(&o.name)).unwrap_or_default()
    }

    /// A file or member name of the drop as the report shows it.
    fn shown(&self, text: &str) -> String {
        match &self.redact {
            // A user name of any organization gets its pseudonym, as in that organization.
            Some(r) => r.name(text, &|u| self.orgs.iter().any(|o| o.said.redactor().is_some_and(|(_, n)| n.contains(u)))),
            None => text.to_string(),
        }
    }

    /// Accounts in all organizations.
    pub fn accounts(&self) -> usize {
        self.orgs.iter().map(|o| o.said.audit().len()).sum()
    }

    /// Checks every account not checked yet.
    pub fn check_all(&mut self) {
        self.orgs.iter_mut().for_each(|o| o.said.check_all());
    }

    /// Orders the organizations by who is locked out soonest (sspr_orgs::Orgs::rank's order).
    /// Every account must be checked.
    pub fn rank(&mut self) {
        let key = |o: &OrgSaid| sspr_orgs::rank_key(o.said.audit());
        let mut keyed: Vec<(Vec<usize>, OrgSaid)> = std::mem::take(&mut self.orgs).into_iter().map(|o| (key(&o), o)).collect();
        sspr_model::order::sort_by(&mut keyed, |(a, x), (b, y)| b.cmp(a).then_with(|| x.name.cmp(&y.name)));
        self.orgs = keyed.into_iter().map(|(_, o)| o).collect();
    }

    /// The problems of the drop, in words.
    pub fn problems(&self) -> Vec<OrgProblem> {
        self.problems
            .iter()
            .map(|p| OrgProblem {
                file: self.shown(&p.file),
                member: p.member.as_deref().map(|m| self.shown(m)),
                reason: p.reason,
                message: words::orgs::reason(p.reason, self.lang),
            })
            .collect()
    }

    /// Organization `k` without its accounts: `None` until every account of it is checked.
    pub fn org_head(&self, k: usize) -> Option<OrgReport> {
        let o = self.orgs.get(k)?;
        let head = o.said.head()?;
        Some(OrgReport {
            name: o.said.shown(&o.name),
            tenant_id: head.organization.tenant_id.clone(),
            domains: head.organization.domains.clone(),
            files: o.files.iter().map(|f| o.said.shown(f)).collect(),
            summary: head.summary.clone(),
            tenant_findings: head.tenant.findings.clone(),
            top_findings: sspr_orgs::finding_counts(o.said.audit())
                .into_iter()
                .take(TOP)
                .map(|(id, accounts)| TopFinding { id, accounts })
                .collect(),
            cloud: head.organization.cloud,
            audit_problems: head.problems.clone(),
            accounts: Vec::new(),
        })
    }

    /// Everything but the accounts: `None` until every account is checked.
    pub fn head(&self) -> Option<OrganizationsReport> {
        let organizations: Vec<OrgReport> = (0..self.orgs.len()).map(|k| self.org_head(k)).collect::<Option<_>>()?;
        let summaries: Vec<Summary> = organizations.iter().map(|o| o.summary.clone()).collect();
        let today = self.today.as_deref().and_then(sspr_model::date::Date::parse);
        Some(OrganizationsReport {
            summary: sspr_orgs::total(&summaries),
            organizations,
            problems: self.problems(),
            today: today.map(|d| d.to_string()),
            facts_notice: words::facts_notice(today, self.lang),
            redacted: self.redacted(),
        })
    }

    /// The whole report: `None` until every account is checked.
    pub fn report(&self) -> Option<OrganizationsReport> {
        let mut r = self.head()?;
        for (o, s) in r.organizations.iter_mut().zip(&self.orgs) {
            o.accounts = (0..s.said.audit().len()).filter_map(|i| s.said.account(i)).collect();
        }
        Some(r)
    }
}
