//! The bulk audit of a tenant's administrators (contract v1.1), as conclusions: from the
//! exports administrators already have (shared/data/admin-exports/FORMATS.md) to each
//! account's status and findings, the tenant's risks, and the summary. No words:
//! sspr-audit-output says them in a language, and a language switch says them again from
//! the same conclusions.
//!
//! Reading is one pass over the input (`read`: decode, parse, merge rows into accounts);
//! checking an account is independent of the others, so the page can check in batches and
//! show the first rows at once (`Audit::assess_next`). What needs every account checked
//! (the tenant's findings, the summary) is asked of `Audit::finished`, which is `None`
//! until then: nothing checks behind a getter's back.

mod account_data;
mod assess;
mod columns;
mod csv;
pub mod decode;
mod index;
mod json;
mod merge;
mod phone_fix;
pub mod plan;
mod read;
#[cfg(not(target_arch = "wasm32"))]
mod read_parallel;
mod results;
mod table;
mod tenant;
mod values;

use std::collections::BTreeSet;

use serde::Deserialize;

pub use self::account_data::AccountData;
pub use self::assess::{Assessed, Policy, Status};
pub use self::columns::Field;
pub use self::results::*;
pub use self::table::{Counts, Query, Sort, Tally};
pub use self::values::{AuthMethod, FnvBuild};
pub use sspr_model::audit::{AuditError, Format, ProblemKind, MAX_ACCOUNTS, MAX_ARCHIVE_BYTES, MAX_FOLDER_FILES, MAX_INPUT_BYTES};
pub use sspr_model::cause::Gate;

use self::assess::Context;
use sspr_model::case::{Cloud, Lang};
use sspr_model::facts::Date;
use sspr_rules::findings::Found;

// The model and the rules, under the names the audit's modules use.
pub(crate) use sspr_model::audit as model_audit;
pub(crate) use sspr_model::{case, cause, facts, report};
pub(crate) use sspr_rules::{diagnose, email, findings, mail_domains, phone};
pub(crate) use sspr_text as normalize;

/// Contract v1.1 `AuditOptions`, plus `telecomProvider` (addition). All optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuditOptions {
    pub lang: Option<Lang>,
    /// `YYYY-MM-DD`; the page and the command line fill it from the clock when absent.
    pub today: Option<String>,
    /// The organization's own domains (default: the domains of the user names in the file).
    pub tenant_domains: Option<Vec<String>>,
    /// The organization has its own telephony provider: Microsoft's retirement of SMS and
    /// voice does not stop its texts.
    pub telecom_provider: Option<bool>,
    /// v1.2: the organization's Microsoft cloud (default public).
    pub cloud: Option<Cloud>,
    /// v1.2 (FixOptions): plans offer a Temporary Access Pass where the owner must register
    /// a method (default false).
    pub temporary_access_pass: Option<bool>,
    /// v1.3: the organization's tenant id (a GUID), for the fix script's guard; the files
    /// may carry it too, and must agree.
    pub tenant_id: Option<String>,
}

/// v1.3: which tenant the files are of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tenancy {
    /// No file (and no option) says.
    Unknown,
    Known(sspr_model::audit::TenantId),
    /// More than one: no fix script for them (`ProblemKind::SeveralTenants`).
    Several(Vec<sspr_model::audit::TenantId>),
}

impl Tenancy {
    /// The tenant of files that carry `files`, given `option` too.
    pub fn of(files: &BTreeSet<sspr_model::audit::TenantId>, option: Option<&sspr_model::audit::TenantId>) -> Tenancy {
        let mut all = files.clone();
        all.extend(option.cloned());
        match all.len() {
            0 => Tenancy::Unknown,
            1 => Tenancy::Known(all.into_iter().next().expect("one")),
            _ => Tenancy::Several(all.into_iter().collect()),
        }
    }
}

/// One input file.
#[derive(Debug, Clone, Copy)]
pub struct InputFile<'a> {
    pub name: Option<&'a str>,
    pub bytes: &'a [u8],
}

/// An audit in progress: read, then checked in batches. Conclusions only.
pub struct Audit {
    today: Option<Date>,
    tenant_domains: BTreeSet<String>,
    telecom_provider: Option<bool>,
    cloud: Cloud,
    temporary_access_pass: bool,
    /// v1.3: the tenant ids the files carry, and the one the options give.
    file_tenants: BTreeSet<sspr_model::audit::TenantId>,
    option_tenant: Option<sspr_model::audit::TenantId>,
    accounts: Vec<AccountData>,
    /// Each account's check, in order, as far as checked.
    assessed: Vec<Assessed>,
    /// Those checks counted (kept as they are made: the page asks after every slice).
    tally: Tally,
    /// Whether each account's findings and reports are kept after checking (the command
    /// line, which writes them all at once) or made again when asked (the page, which shows
    /// one account at a time and keeps its memory small).
    keep_details: bool,
    problems: Vec<(Option<usize>, ProblemKind)>,
    fields: BTreeSet<Field>,
    columns: ColumnsRead,
    /// The fields that decide something and that no column gave.
    missing: Vec<&'static str>,
    sources: Vec<Source>,
    encoding: String,
}

impl Audit {
    pub fn len(&self) -> usize {
        self.accounts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.accounts.is_empty()
    }

    /// How many accounts have been checked.
    pub fn checked(&self) -> usize {
        self.assessed.len()
    }

    fn context(&self) -> Context<'_> {
        Context {
            today: self.today,
            tenant_domains: &self.tenant_domains,
            telecom_provider: self.telecom_provider,
            sms_retirement: facts::sms_retirement(self.cloud),
        }
    }

    /// Checks the next `n` accounts; returns the range checked.
    pub fn assess_next(&mut self, n: usize) -> std::ops::Range<usize> {
        let start = self.assessed.len();
        let end = start.saturating_add(n).min(self.accounts.len());
        self.assessed.reserve_exact(self.accounts.len() - start);
        for i in start..end {
            let mut a = assess::assess(&self.accounts[i], &self.context());
            self.as_kept(&mut a);
            self.tally.add(&a);
            self.assessed.push(a);
        }
        start..end
    }

    /// Checks every account not checked yet.
    pub fn assess_all(&mut self) {
        self.assess_next(usize::MAX);
    }

    /// Keep only what the table and the tenant need of each checked account (the page);
    /// `check` then checks it again.
    pub fn keep_details(&mut self, keep: bool) {
        self.keep_details = keep;
    }

    /// Account `i`'s check with its details: kept from `assess_next`, or made now.
    pub fn check(&self, i: usize) -> Option<std::borrow::Cow<'_, Assessed>> {
        match self.assessed.get(i) {
            Some(a) if self.keep_details => Some(std::borrow::Cow::Borrowed(a)),
            _ => self.check_now(i).map(std::borrow::Cow::Owned),
        }
    }

    /// A check as this audit keeps it: without its details when it keeps none.
    pub fn as_kept(&self, a: &mut Assessed) {
        if !self.keep_details {
            a.forget_details();
        }
    }

    /// Account `i` checked now (whether or not it was before), with its details.
    pub fn check_now(&self, i: usize) -> Option<Assessed> {
        self.accounts.get(i).map(|d| assess::assess(d, &self.context()))
    }

    /// Account `i`'s fix plan, from its check (contract v1.2).
    pub fn plan(&self, i: usize, a: &Assessed) -> Vec<sspr_model::plan::Action> {
        let Some(d) = self.accounts.get(i) else { return Vec::new() };
        let cx = plan::PlanContext {
            tenant_domains: &self.tenant_domains,
            telecom_provider: self.telecom_provider,
            temporary_access_pass: self.temporary_access_pass,
            today: self.today,
            cloud: self.cloud,
            telephony: self.telephony(a.global_admin),
        };
        plan::plan(d, a, &cx, a.sms_retirement_date)
    }

    /// Plans offer a Temporary Access Pass (the fix script's option); returns what it was.
    pub fn set_temporary_access_pass(&mut self, on: bool) -> bool {
        std::mem::replace(&mut self.temporary_access_pass, on)
    }

    /// Account `i`'s check as kept (without its details when the audit keeps none): what
    /// the plan needs, without checking again.
    pub fn kept(&self, i: usize) -> Option<&Assessed> {
        self.assessed.get(i)
    }

    /// What the file says about account `i`.
    pub fn data(&self, i: usize) -> Option<&AccountData> {
        self.accounts.get(i)
    }

    /// Checks made elsewhere (`check_now`, by the threaded export), in order from the first
    /// account not checked, each already `as_kept` (made so as they are made: holding
    /// 100,000 with their details until they come here doubled the command line's peak).
    /// Anything else is left out (the rest is then checked when the summary is asked for).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn push_checked(&mut self, mut checked: Vec<Assessed>) {
        checked.truncate(self.accounts.len() - self.assessed.len());
        checked.iter().for_each(|a| self.tally.add(a));
        if self.assessed.is_empty() {
            // Taken as it is: no second copy of 100,000 checks.
            self.assessed = checked;
        } else {
            self.assessed.append(&mut checked);
        }
    }

    /// How many accounts are not checked yet.
    pub fn unchecked(&self) -> usize {
        self.accounts.len() - self.assessed.len()
    }

    /// The table row of a checked account.
    pub fn row(&self, i: usize) -> Option<Row> {
        let (d, a) = (self.accounts.get(i)?, self.assessed.get(i)?);
        let role = table::role(a);
        Some(Row {
            index: i,
            upn: d.upn.as_deref().map(String::from),
            display_name: d.display_name.as_deref().map(String::from),
            status: a.status,
            role,
            findings: a.ids.clone(),
            sms_retirement_date: a.sms_retirement_date.map(|x| x.to_string()),
            usable: a.usable.len(),
        })
    }

    fn roles_known(&self) -> bool {
        self.fields.contains(&Field::Roles) || self.fields.contains(&Field::EligibleRoles) || self.fields.contains(&Field::IsGlobalAdmin)
    }

    /// What needs every account checked: `None` until they all are.
    pub fn finished(&self) -> Option<Finished<'_>> {
        (self.unchecked() == 0).then(|| Finished {
            briefs: self
                .assessed
                .iter()
                .zip(&self.accounts)
                .map(|(b, d)| tenant::Brief {
                    name: d.upn.as_deref().or(d.id.as_deref()).unwrap_or(""),
                    status: b.status,
                    admin: b.policy != Policy::User,
                    known_admin: matches!(b.policy, Policy::Admin | Policy::UserByRoles),
                    global_admin: b.global_admin,
                    sms_dependent: b.sms_dependent,
                    loses_method: b.loses_method,
                    date: b.sms_retirement_date,
                    phone: b.phone_key.as_deref(),
                    email: b.email_key.as_deref(),
                })
                .collect(),
            roles_known: self.roles_known(),
            cloud: self.cloud,
        })
    }

    /// What could not be read, and where.
    pub fn problems(&self) -> &[(Option<usize>, ProblemKind)] {
        &self.problems
    }

    /// The detected format; several files read together are joined with `+`.
    pub fn format(&self) -> String {
        let mut seen: Vec<&str> = Vec::new();
        for s in &self.sources {
            if !seen.contains(&s.format) {
                seen.push(s.format);
            }
        }
        seen.join("+")
    }

    /// The text encoding of the (first) file.
    pub fn encoding(&self) -> &str {
        &self.encoding
    }

    pub fn columns(&self) -> &ColumnsRead {
        &self.columns
    }

    /// The fields that decide something and that no column gave (`isAdmin`, `roles`,
    /// `methodsRegistered`, `phoneNumber`, `authEmail`).
    pub fn missing(&self) -> &[&'static str] {
        &self.missing
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The date the audit is made for.
    pub fn today(&self) -> Option<Date> {
        self.today
    }

    /// The organization's cloud.
    pub fn cloud(&self) -> Cloud {
        self.cloud
    }

    /// v1.3: which tenant the files are of.
    pub fn tenancy(&self) -> Tenancy {
        Tenancy::of(&self.file_tenants, self.option_tenant.as_ref())
    }

    /// v1.3: the tenant id an operator gives for the fix script (the page's field), in place
    /// of the options' one; returns the one it replaces.
    pub fn set_tenant_option(&mut self, t: Option<sspr_model::audit::TenantId>) -> Option<sspr_model::audit::TenantId> {
        std::mem::replace(&mut self.option_tenant, t)
    }

    /// v1.3: the domains of the accounts' user names (lower case, sorted, each once): what
    /// the fix script checks the signed-in organization holds when no tenant id is known.
    pub fn domains(&self) -> Vec<String> {
        let set: BTreeSet<String> = sspr_model::order::set(
            self.accounts
                .iter()
                .filter_map(|a| a.upn.as_deref())
                .filter_map(|u| u.rsplit_once('@').map(|(_, d)| sspr_text::lower(d.trim())))
                .filter(|d| !d.is_empty()),
        );
        set.into_iter().collect()
    }

    /// Whether texts and calls still reach an account (its Global Administrator role as
    /// the file says), on the audit's date, in its cloud, with its telephony provider.
    pub fn telephony(&self, global_admin: Option<bool>) -> sspr_model::cause::Telephony {
        sspr_rules::telephony(self.today, self.cloud, global_admin, self.telecom_provider)
    }

    /// Checks every account not checked yet on `threads` threads (the command line; the
    /// page checks in slices in its worker). The result is the same as `assess_next`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn assess_all_on(&mut self, threads: usize) {
        let start = self.assessed.len();
        let rest = &self.accounts[start..];
        if threads < 2 || rest.len() < 2048 {
            self.assess_all();
            return;
        }
        let cx = self.context();
        let keep = self.keep_details;
        let chunk = rest.len().div_ceil(threads);
        let parts: Vec<Vec<Assessed>> = std::thread::scope(|scope| {
            let handles: Vec<_> = rest
                .chunks(chunk)
                .map(|part| {
                    let cx = &cx;
                    scope.spawn(move || {
                        part.iter()
                            .map(|d| {
                                let mut a = assess::assess(d, cx);
                                if !keep {
                                    a.forget_details();
                                }
                                a
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
        });
        // Only whole results are kept (a thread that stopped would leave a gap).
        if parts.iter().map(Vec::len).sum::<usize>() == rest.len() {
            self.assessed.reserve_exact(rest.len());
            for mut p in parts {
                p.iter().for_each(|a| self.tally.add(a));
                self.assessed.append(&mut p);
            }
        }
        self.assess_all();
    }
}

/// An audit whose every account is checked: what needs them all.
pub struct Finished<'a> {
    briefs: Vec<tenant::Brief<'a>>,
    roles_known: bool,
    cloud: Cloud,
}

impl Finished<'_> {
    /// The findings about the organization, in report order.
    pub fn tenant(&self) -> Vec<Found> {
        sspr_rules::findings::ordered(tenant::findings(&self.briefs, self.roles_known, self.cloud))
    }

    pub fn summary(&self) -> Summary {
        tenant::summary(&self.briefs, self.roles_known, facts::sms_retirement(self.cloud))
    }
}
