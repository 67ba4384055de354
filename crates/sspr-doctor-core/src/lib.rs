//! SSPR Doctor's core: why a Microsoft Entra administrator's self-service password reset
//! email or text message does not arrive, and how to fix it, for one person or for every
//! administrator of a tenant.
//!
//! This crate is the public API (contract: `shared/contract.md` plus `docs/contract.md`),
//! put together from the layers that do the work (docs/architecture.md):
//! sspr-model (the Case, ids, causes, facts) ← sspr-rules (conclusions) and sspr-words (en,
//! ja) ← sspr-output (the Report, text, Markdown); sspr-audit (the audit's conclusions) ←
//! sspr-audit-output (its words and exports). Pure Rust with no web dependencies: the
//! WebAssembly bindings, the command line and the tests all call it.

pub use sspr_model::{case, report};
pub use sspr_output::{format, published};
pub use sspr_rules::{email, phone, phone_check, policy};
pub use sspr_text as normalize;
pub use sspr_words as words;

/// The Microsoft facts (sspr-model) and what the page publishes of them (sspr-output).
pub mod facts {
    pub use sspr_model::facts::*;
    pub use sspr_output::published::{page_facts, published, PageFacts, Published};
}

pub use case::{AccountSource, Case, Cloud, Lang, Method, SmsProvider, Symptom};
pub use phone_check::{check_phone, check_phones, PhoneCheck, PhoneInput};
pub use report::{
    Channel, Command, EmailReport, Finding, FindingId, PhoneReport, PhoneType, Report, Resolution, ResolutionId, Severity, FINDING_ID_TS,
};
pub use sspr_output::diagnose;

/// The bulk audit of administrators: its conclusions (sspr-audit) and their words and
/// exports (sspr-audit-output).
#[cfg(feature = "audit")]
pub mod audit {
    pub use sspr_audit::*;
    pub use sspr_audit_output::diff::{audit_diff, diff_briefs, AccountChange, AuditDiff, Brief, Change, JoinKey};
    pub use sspr_audit_output::diff_out::diff_export;
    pub use sspr_audit_output::fix_script::{fix_script, fix_script_of, FixOptions, FixScriptError};
    pub use sspr_audit_output::{audit, audit_files, export, Account, AuditReport, Columns, Missing, PlannedAction, Problem, Said, Tenant};
    pub use sspr_model::audit::TenantId;
    pub use sspr_model::plan::*;
}

/// Contract v1.3 "Organizations": a drop of many organizations' exports (sspr-orgs) and its
/// report, exports and comparison (sspr-audit-output).
#[cfg(feature = "audit")]
pub mod orgs {
    pub use sspr_audit_output::orgs::diff::{orgs_diff, orgs_diff_export, OrgChange, OrgsDiff};
    pub use sspr_audit_output::orgs::{export, OrgProblem, OrgReport, OrgSaid, OrganizationsReport, SaidOrgs, TopFinding};
    #[cfg(feature = "inflate")]
    pub use sspr_orgs::expand_archive;
    pub use sspr_orgs::{
        archive, archive_problem, archive_root, is_archive, is_leftover, member_file, read, script_file_names, shift_jis_name, total,
        DropFile, Orgs, Problem,
    };
}

/// Contract v1.3 "Redaction": a report safe to hand on.
#[cfg(feature = "audit")]
pub use sspr_audit_output::redact;
