//! Every word SSPR Doctor says, in English and Japanese: the findings and the resolution
//! (`en.rs`, `ja.rs`), the labels of a report and the support summary, the audit's words
//! (`audit_en.rs`, `audit_ja.rs`), and the page's own catalog (`page_en.rs`, `page_ja.rs`),
//! which the page gets at build time with the rest. Each language is an exhaustive match over the same conclusions, so a
//! new cause cannot be added without its words in both; tests check that both languages
//! give the same number of steps and the same commands for every finding.
//!
//! Microsoft facts come from `facts`; the words only arrange them.

// The model, under the short names the catalogs use.
pub(crate) use sspr_model::{audit as model_audit, case, cause, facts, problems, report};

/// `format!` through one out-of-line function: `format!` inlines the standard library's
/// fast path (a text without arguments) at each of its six hundred uses in the catalogs, which
/// made their code a third larger in the page's module (docs/figures.md).
macro_rules! fill {
    ($($arg:tt)*) => { $crate::text(format_args!($($arg)*)) };
}

/// `fill!`'s one body.
#[inline(never)]
pub(crate) fn text(args: std::fmt::Arguments<'_>) -> String {
    std::fmt::format(args)
}

/// A word as an owned text, out of line (the catalogs' `s("...")`): inlined, each was an
/// allocation and a copy.
#[inline(never)]
pub(crate) fn owned(x: &str) -> String {
    x.to_owned()
}

pub mod audit;
mod audit_en;
mod audit_ja;
pub mod diff;
mod en;
pub mod fix_script;
mod ja;
pub mod names;
pub mod orgs;
mod page_en;
mod page_ja;
pub mod plan;
#[doc(hidden)]
pub mod telephony_check;

use serde::Serialize;

use crate::case::Lang;
use crate::cause::Cause;
use crate::report::{Command, PhoneType, ResolutionId};

/// The places and links a text names, for its reader's cloud and language, and the
/// methods to use instead of a text message (names.rs decides each).
pub(crate) struct Places {
    pub info: &'static str,
    pub reset: &'static str,
    pub methods_path: String,
    pub sspr_path: String,
    pub writeback_path: String,
    pub registration_path: String,
    pub others: &'static str,
}

pub(crate) fn places(a: &Audience) -> Places {
    let (c, l) = (a.cloud, a.lang);
    Places {
        info: names::security_info(c, l),
        reset: names::reset_page(c, l),
        methods_path: names::user_methods_path(c, l),
        sspr_path: names::user_sspr_setting_path(c, l),
        writeback_path: names::writeback_setting_path(c, l),
        registration_path: names::registration_details_path(c, l),
        others: names::other_methods(a.telephony, l),
    }
}

/// A finding in words.
#[derive(Debug, Clone)]
pub struct Texts {
    pub title: String,
    pub detail: String,
    pub steps: Vec<String>,
    pub commands: Vec<Command>,
}

/// Who reads the report: the words for "who fixes this" depend on it. A sole
/// administrator is never told to ask another administrator; a Global Administrator's
/// password and methods can be changed only by a Global Administrator or a Privileged
/// Authentication Administrator (facts::ROLE_*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Audience {
    pub lang: Lang,
    pub sole_admin: bool,
    pub global_admin: bool,
    /// Not an administrator: their own administrator fixes things.
    pub not_admin: bool,
    /// The reader is an administrator checking this account ahead of time (the audit),
    /// not the person locked out of it.
    pub audit: bool,
    /// v1.3: the organization's cloud (its links and places).
    pub cloud: crate::case::Cloud,
    /// v1.3: whether texts and calls still reach the account: once they have ended, no
    /// text offers them (sspr_rules::telephony).
    pub telephony: crate::cause::Telephony,
}

impl Audience {
    pub fn of(lang: Lang) -> Audience {
        Audience {
            lang,
            sole_admin: false,
            global_admin: false,
            not_admin: false,
            audit: false,
            cloud: crate::case::Cloud::Public,
            telephony: crate::cause::Telephony::Offered,
        }
    }

    /// Who can make a change for this reader: decided here once, named by each language
    /// (an exhaustive match), so no language can have a case the other lacks.
    pub fn fixer(&self) -> Fixer {
        if self.audit {
            if self.not_admin {
                Fixer::AuthenticationAdmin
            } else {
                Fixer::PrivilegedOrGlobalAdmin
            }
        } else if self.not_admin {
            Fixer::OrganizationAdmin
        } else if self.sole_admin {
            Fixer::SelfAfterSupport
        } else if self.global_admin {
            Fixer::AnotherGlobalOrPrivileged
        } else {
            Fixer::AnotherAdmin
        }
    }
}

/// Who can make a change (`Audience::fixer`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixer {
    /// The audit, for an account without an administrator role.
    AuthenticationAdmin,
    /// The audit, for an administrator's account.
    PrivilegedOrGlobalAdmin,
    /// Not an administrator: their own administrator or help desk.
    OrganizationAdmin,
    /// The only administrator: they themselves, once Microsoft support restored sign-in.
    SelfAfterSupport,
    /// A Global Administrator: another one, or a Privileged Authentication Administrator.
    AnotherGlobalOrPrivileged,
    AnotherAdmin,
}

pub fn finding(c: &Cause, a: &Audience) -> Texts {
    let mut t = match a.lang {
        Lang::En => en::finding(c, a),
        Lang::Ja => ja::finding(c, a),
    };
    // Once Microsoft sends no texts or calls to this reader, a fix that needs one arriving
    // is no way out: the steps say what is instead (the finding still says what is wrong).
    if let (crate::cause::Telephony::Ended { date }, true) = (a.telephony, c.fixed_by_telephony()) {
        t.steps = match a.lang {
            Lang::En => en::telephony_ended(a, date),
            Lang::Ja => ja::telephony_ended(a, date),
        };
        t.commands.clear();
    }
    t
}

pub fn resolution_steps(id: ResolutionId, a: &Audience) -> Vec<String> {
    match a.lang {
        Lang::En => en::resolution(id, a),
        Lang::Ja => ja::resolution(id, a),
    }
}

/// A phone type as it reads inside a sentence ("a mobile number").
pub fn phone_type_name(t: PhoneType, l: Lang) -> &'static str {
    match l {
        Lang::En => en::phone_type(t),
        Lang::Ja => ja::phone_type(t),
    }
}

pub fn labels(l: Lang) -> Labels {
    match l {
        Lang::En => en::labels(),
        Lang::Ja => ja::labels(),
    }
}

/// The words of a report around its findings, for the text and Markdown formats, the
/// support summary and the page (published at build time; see facts::published).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Labels {
    pub report_title: &'static str,
    /// Headline when nothing blocking or likely was found.
    pub headline_ok: &'static str,
    pub headline_not_ok: &'static str,
    /// `{blocking}`, `{likely}` and `{check}` are the counts.
    pub counts: &'static str,
    /// Badges: the page's, and the plain-text report's.
    pub severity: BySeverity,
    pub badge: BySeverity,
    /// Group headings of the page's report.
    pub severity_group: BySeverity,
    pub why: &'static str,
    pub fix: &'static str,
    pub commands: &'static str,
    pub legacy_command: &'static str,
    pub evidence: &'static str,
    pub resolution_title: &'static str,
    pub resolution_title_unknown: &'static str,
    pub resolution: ByResolution,
    /// Short phone-type names, for the live check ("mobile").
    pub phone_types: ByPhoneType,
    /// The live checks' verdicts when a field has no finding.
    pub phone_ok: &'static str,
    pub email_ok: &'static str,
    pub user_ok: &'static str,
    pub support_summary_title: &'static str,
    /// `{date}`: when the facts were checked; `{version}`.
    pub facts_checked: &'static str,
    /// `{date}`, `{days}`: the whole notice of a copy whose facts are older than the limit,
    /// with where to get a fresh one (Rust's `facts_notice` and the page fill the same text).
    pub facts_stale: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BySeverity {
    pub blocking: &'static str,
    pub likely: &'static str,
    pub check: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ByResolution {
    pub ask_your_admin: &'static str,
    pub ask_another_admin: &'static str,
    pub contact_support: &'static str,
    pub unknown: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ByPhoneType {
    pub mobile: &'static str,
    pub fixed_line: &'static str,
    pub fixed_line_or_mobile: &'static str,
    pub voip: &'static str,
    pub toll_free: &'static str,
    pub premium_rate: &'static str,
    pub shared_cost: &'static str,
    pub personal_number: &'static str,
    pub pager: &'static str,
    pub uan: &'static str,
    pub voicemail: &'static str,
    pub unknown: &'static str,
}

/// The words of the support summary (summary.rs).
pub struct SummaryWords {
    pub title: &'static str,
    pub intro: &'static str,
    pub time: &'static str,
    pub username: &'static str,
    pub symptom: &'static str,
    pub symptom_email: &'static str,
    pub symptom_sms: &'static str,
    pub symptom_both: &'static str,
    pub page_message: &'static str,
    pub support_code: &'static str,
    pub error_codes: &'static str,
    pub admin: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub unknown: &'static str,
    pub findings: &'static str,
    pub none: &'static str,
    pub tool: &'static str,
}

pub fn summary_words(l: Lang) -> SummaryWords {
    match l {
        Lang::En => en::summary(),
        Lang::Ja => ja::summary(),
    }
}

/// The page's own words (the form, its buttons, notices, the audit view) in `l`, by key:
/// published to the page at build time with the rest.
pub fn page_catalog(l: Lang) -> &'static [(&'static str, &'static str)] {
    match l {
        Lang::En => page_en::CATALOG,
        Lang::Ja => page_ja::CATALOG,
    }
}

pub fn audit_labels(l: Lang) -> audit::AuditLabels {
    match l {
        Lang::En => audit_en::labels(),
        Lang::Ja => audit_ja::labels(),
    }
}

pub fn audit_problem(p: &crate::model_audit::ProblemKind, l: Lang) -> String {
    match l {
        Lang::En => audit_en::problem(p),
        Lang::Ja => audit_ja::problem(p),
    }
}

/// What a missing column leaves undecided (`field`: isAdmin, roles, methodsRegistered,
/// phoneNumber, authEmail).
pub fn audit_missing(field: &str, l: Lang) -> String {
    match l {
        Lang::En => audit_en::missing(field),
        Lang::Ja => audit_ja::missing(field),
    }
}

pub fn audit_error(e: &crate::model_audit::AuditError, l: Lang) -> String {
    match l {
        Lang::En => audit_en::error(e),
        Lang::Ja => audit_ja::error(e),
    }
}

/// The notice of a copy whose facts are stale on `today`, in `l`, or None.
pub fn facts_notice(today: Option<crate::facts::Date>, l: Lang) -> Option<String> {
    let days = crate::facts::stale_days(today?)?;
    Some(labels(l).facts_stale.replace("{date}", &crate::facts::FACTS_CHECKED.to_string()).replace("{days}", &days.to_string()))
}

fn cmd(text: &str) -> Command {
    Command { text: text.to_string(), legacy: false }
}

fn legacy(text: &str) -> Command {
    Command { text: text.to_string(), legacy: true }
}

#[cfg(test)]
mod tests;
