//! The organization as a whole: can a Global Administrator reset today (and more than
//! one), do administrators share a phone or mailbox, and how many lose a required method
//! on each of Microsoft's retirement dates.

use std::collections::BTreeMap;

use super::assess::Status;
use super::results::{RetirementDate, Summary};
use crate::case::Cloud;
use crate::cause::{Cause, Retirement};
use crate::facts::{self, Date};
use crate::findings::{Findings, Found};
use crate::report::Severity;

/// What the tenant checks need of one account.
pub struct Brief<'a> {
    pub name: &'a str,
    pub status: Status,
    /// An administrator, or not known not to be.
    pub admin: bool,
    /// Known to be an administrator.
    pub known_admin: bool,
    pub global_admin: Option<bool>,
    pub sms_dependent: bool,
    pub loses_method: bool,
    pub date: Option<Date>,
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
}

const ENOUGH_GLOBAL_ADMINS: usize = facts::GLOBAL_ADMINS_RECOMMENDED;
/// Shared contacts listed in the evidence, at most.
const SHARED_SHOWN: usize = 20;

pub fn findings(accounts: &[Brief], roles_known: bool, cloud: Cloud) -> Vec<Found> {
    let mut f = Findings::default();
    if roles_known {
        let gas: Vec<&Brief> = accounts.iter().filter(|a| a.global_admin == Some(true)).collect();
        let can = gas.iter().filter(|a| matches!(a.status, Status::Ok | Status::AtRisk)).count();
        let undecided = gas.iter().filter(|a| a.status == Status::Unknown).count();
        let names = |pred: &dyn Fn(&Brief) -> bool| {
            gas.iter().filter(|a| pred(a)).map(|a| a.name).take(SHARED_SHOWN).collect::<Vec<_>>().join(", ")
        };
        let ev = vec![
            ("globalAdmins", gas.len().to_string()),
            ("canReset", can.to_string()),
            ("undecided", undecided.to_string()),
            ("accounts", names(&|_| true)),
        ];
        if can == 0 {
            let severity = if gas.is_empty() || undecided > 0 { Severity::Check } else { Severity::Blocking };
            f.add(Cause::NoGlobalAdminCanReset { global_admins: gas.len(), undecided }, severity, &ev);
        } else if can < ENOUGH_GLOBAL_ADMINS {
            let severity = if undecided > 0 { Severity::Check } else { Severity::Likely };
            f.add(Cause::FewGlobalAdminsCanReset { can, global_admins: gas.len() }, severity, &ev);
        }
    }

    // Administrators sharing one number or one mailbox: one lost phone locks out several,
    // and a reset code for one reaches the others.
    let mut phones: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut emails: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for a in accounts.iter().filter(|a| a.admin) {
        if let Some(p) = a.phone {
            phones.entry(p).or_default().push(a.name);
        }
        if let Some(e) = a.email {
            emails.entry(e).or_default().push(a.name);
        }
    }
    phones.retain(|_, v| v.len() > 1);
    emails.retain(|_, v| v.len() > 1);
    if !phones.is_empty() || !emails.is_empty() {
        let mut ev: Vec<(String, String)> = Vec::new();
        for (k, v) in phones.iter().chain(emails.iter()).take(SHARED_SHOWN) {
            ev.push((k.to_string(), v.join(", ")));
        }
        let evidence: Vec<(&str, String)> = ev.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        f.add(Cause::SharedContact { phones: phones.len(), emails: emails.len() }, Severity::Likely, &evidence);
    }

    let Some(dates) = facts::sms_retirement(cloud) else {
        // Outside the public cloud Microsoft has given no date: say so once.
        f.add(Cause::SmsRetired(Retirement::NotScheduled { cloud }), Severity::Check, &[("cloud", cloud_name(cloud).into())]);
        return f.0;
    };
    let by_date = exposure(accounts, dates);
    if by_date.iter().any(|(_, n)| *n > 0) {
        let ev: Vec<(String, String)> = by_date.iter().map(|(d, n)| (d.to_string(), n.to_string())).collect();
        let evidence: Vec<(&str, String)> = ev.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        f.add(Cause::SmsRetirementExposure { by_date: by_date.clone() }, Severity::Likely, &evidence);
    }
    f.0
}

/// Administrators who can no longer reset on each date (sms_dependent), by date.
fn exposure(accounts: &[Brief], (all, ga): (Date, Date)) -> Vec<(Date, usize)> {
    [all, ga].into_iter().map(|d| (d, accounts.iter().filter(|a| a.admin && a.sms_dependent && a.date == Some(d)).count())).collect()
}

/// The cloud as the evidence and the options name it.
pub fn cloud_name(c: Cloud) -> &'static str {
    c.as_str()
}

pub fn summary(accounts: &[Brief], roles_known: bool, dates: Option<(Date, Date)>) -> Summary {
    let count = |s: Status| accounts.iter().filter(|a| a.status == s).count();
    let gas = roles_known.then(|| accounts.iter().filter(|a| a.global_admin == Some(true)).count());
    let gas_can = roles_known
        .then(|| accounts.iter().filter(|a| a.global_admin == Some(true) && matches!(a.status, Status::Ok | Status::AtRisk)).count());
    let retirement = dates
        .map(|(all, ga)| [(all, "allUsers"), (ga, "globalAdminsAndExternalUsers")])
        .into_iter()
        .flatten()
        .map(|(d, applies_to)| RetirementDate {
            date: d.to_string(),
            applies_to,
            lose_method: accounts.iter().filter(|a| a.loses_method && a.date == Some(d)).count(),
            cannot_reset: accounts.iter().filter(|a| a.sms_dependent && a.date == Some(d)).count(),
        })
        .collect();
    Summary {
        total: accounts.len(),
        admins: accounts.iter().filter(|a| a.known_admin).count(),
        fails: count(Status::Fails),
        at_risk: count(Status::AtRisk),
        ok: count(Status::Ok),
        unknown: count(Status::Unknown),
        can_reset_today: accounts.iter().filter(|a| a.admin && matches!(a.status, Status::Ok | Status::AtRisk)).count(),
        depend_on_microsoft_sms: accounts.iter().filter(|a| a.sms_dependent).count(),
        global_admins: gas,
        global_admins_can_reset: gas_can,
        retirement,
    }
}
