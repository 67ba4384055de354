//! What the page and `sspr-doctor facts` publish before any diagnosis: the facts the form
//! shows (the command to run, the senders to trust, the dates), the phone regions, the
//! core's words for reports (so the page never spells them), and the finding ids.

use serde::Serialize;

use crate::case::Lang;
use crate::facts::*;
use crate::report_types::FindingId;
use crate::words::{labels, Labels};

/// The Microsoft facts the page shows in its questions and notices.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageFacts {
    pub graph_connect_read: &'static str,
    pub graph_read_sspr: &'static str,
    pub msol_read_sspr: &'static str,
    pub reset_email_sender: &'static str,
    pub reset_email_senders: [&'static str; 2],
    pub reset_page_url: &'static str,
    pub security_info_url: &'static str,
    pub sms_retirement_all_users: String,
    pub sms_retirement_global_admins: String,
    /// The fix script's Temporary Access Pass: its lifetime, and the default policy's range
    /// in hours.
    pub tap_minutes: u32,
    pub tap_min_hours: u32,
    pub tap_max_hours: u32,
}

pub fn page_facts() -> PageFacts {
    PageFacts {
        graph_connect_read: GRAPH_CONNECT_READ,
        graph_read_sspr: GRAPH_READ_SSPR,
        msol_read_sspr: MSOL_READ_SSPR,
        reset_email_sender: RESET_EMAIL_SENDER,
        reset_email_senders: [RESET_EMAIL_SENDER, RESET_EMAIL_SENDER_2],
        reset_page_url: RESET_PAGE_URL,
        security_info_url: SECURITY_INFO_URL,
        sms_retirement_all_users: SMS_RETIREMENT_ALL_USERS.to_string(),
        sms_retirement_global_admins: SMS_RETIREMENT_GLOBAL_ADMINS.to_string(),
        tap_minutes: TAP_LIFETIME_MINUTES,
        tap_min_hours: TAP_POLICY_MIN_MINUTES / 60,
        tap_max_hours: TAP_POLICY_MAX_MINUTES / 60,
    }
}

/// A finding id with its channel, for the page's live checks and filters.
#[derive(Debug, Clone, Serialize)]
pub struct IdInfo {
    pub id: FindingId,
    pub channel: crate::report_types::Channel,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Published {
    pub version: &'static str,
    /// `YYYY-MM-DD`: when the Microsoft facts were last checked.
    pub facts_checked: String,
    /// After how many days a copy says its facts may be out of date.
    pub facts_stale_after_days: i64,
    pub facts: PageFacts,
    pub regions: Vec<&'static str>,
    pub words: Words,
    /// The page's own words (crates/sspr-words page_en.rs, page_ja.rs).
    pub catalog: Catalogs,
    pub findings: Vec<IdInfo>,
    /// Which finding ids the page's live check of each field shows.
    pub live_checks: LiveChecks,
    /// The audit's script and words.
    pub audit: AuditPublished,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditPublished {
    /// The read-only PowerShell script for each cloud (v1.3: it signs in to that cloud),
    /// shown in full with a copy button.
    pub scripts: std::collections::BTreeMap<&'static str, String>,
    /// v1.3: the same script once, with `environmentMark` where each cloud's `-Environment`
    /// name (`environments`) goes: `scripts[cloud]` is the template with the mark replaced.
    pub script_template: &'static str,
    pub environment_mark: &'static str,
    pub environments: std::collections::BTreeMap<&'static str, &'static str>,
    /// The file it writes.
    pub script_output: &'static str,
    pub words: AuditWords,
    /// v1.2: the comparison's words.
    pub diff_words: DiffWords,
    /// v1.3: the organizations' overview's words.
    pub orgs_words: OrgsWords,
    /// Finding ids only the audit raises.
    pub audit_only: &'static [FindingId],
    /// v1.3: files read at most from one drop (a folder dropped or chosen, files given).
    pub max_folder_files: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditWords {
    pub en: crate::words::audit::AuditLabels,
    pub ja: crate::words::audit::AuditLabels,
}

#[derive(Debug, Clone, Serialize)]
pub struct DiffWords {
    pub en: crate::words::diff::DiffLabels,
    pub ja: crate::words::diff::DiffLabels,
}

#[derive(Debug, Clone, Serialize)]
pub struct OrgsWords {
    pub en: crate::words::orgs::OrgLabels,
    pub ja: crate::words::orgs::OrgLabels,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LiveChecks {
    pub mobile_phone: &'static [FindingId],
    pub alternate_email: &'static [FindingId],
    pub username: &'static [FindingId],
}

#[derive(Debug, Clone, Serialize)]
pub struct Words {
    pub en: Labels,
    pub ja: Labels,
}

/// The page's own words by key, in each language.
#[derive(Debug, Clone, Serialize)]
pub struct Catalogs {
    pub en: std::collections::BTreeMap<&'static str, &'static str>,
    pub ja: std::collections::BTreeMap<&'static str, &'static str>,
}

pub fn published() -> Published {
    Published {
        version: env!("CARGO_PKG_VERSION"),
        facts_checked: FACTS_CHECKED.to_string(),
        facts_stale_after_days: FACTS_STALE_AFTER_DAYS,
        facts: page_facts(),
        regions: sspr_rules::phone::regions().collect(),
        words: Words { en: labels(Lang::En), ja: labels(Lang::Ja) },
        catalog: Catalogs {
            en: crate::words::page_catalog(Lang::En).iter().copied().collect(),
            ja: crate::words::page_catalog(Lang::Ja).iter().copied().collect(),
        },
        findings: FindingId::ALL.iter().map(|&id| IdInfo { id, channel: id.channel() }).collect(),
        live_checks: LiveChecks {
            mobile_phone: sspr_rules::phone_check::PHONE_FINDINGS,
            alternate_email: &[
                FindingId::AlternateEmailInvalid,
                FindingId::AlternateEmailTypo,
                FindingId::AlternateEmailInTenant,
                FindingId::AlternateEmailCarrierFilter,
            ],
            username: &[FindingId::UsernameInvalid, FindingId::PersonalAccount],
        },
        audit: AuditPublished {
            scripts: crate::case::Cloud::ALL.iter().map(|c| (c.as_str(), audit_script(*c))).collect(),
            script_template: audit_script_template().0,
            environment_mark: audit_script_template().1,
            environments: crate::case::Cloud::ALL.iter().map(|c| (c.as_str(), cloud(*c).graph_environment)).collect(),
            script_output: AUDIT_SCRIPT_OUTPUT,
            words: AuditWords { en: crate::words::audit_labels(Lang::En), ja: crate::words::audit_labels(Lang::Ja) },
            diff_words: DiffWords { en: crate::words::diff::labels(Lang::En), ja: crate::words::diff::labels(Lang::Ja) },
            orgs_words: OrgsWords { en: crate::words::orgs::labels(Lang::En), ja: crate::words::orgs::labels(Lang::Ja) },
            audit_only: FindingId::AUDIT_ONLY,
            max_folder_files: sspr_model::audit::MAX_FOLDER_FILES,
        },
    }
}
