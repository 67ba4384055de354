//! The troubleshooter's report (contract v1 `Report`): the rules' conclusions about a case,
//! said in the case's language for its reader, with the resolution, the support summary
//! and the stale-facts notice.

use crate::case::Case;
use crate::facts::Date;
use crate::report_types::{Evidence, Finding, Report, Resolution, Severity};
use crate::summary::support_summary;
use crate::words::{self, Audience};
use sspr_rules::findings::Found;
use sspr_rules::{Diagnosis, Reader};

/// Diagnoses a case (contract v1 `diagnose`). Never panics, whatever the input.
pub fn diagnose(case: &Case) -> Report {
    let case = &*case.bounded();
    report(case, sspr_rules::conclude(case))
}

/// Who reads a report, in a language.
pub fn audience(reader: Reader, lang: crate::case::Lang) -> Audience {
    Audience {
        lang,
        sole_admin: reader.sole_admin,
        global_admin: reader.global_admin,
        not_admin: reader.not_admin,
        audit: false,
        cloud: reader.cloud,
        telephony: reader.telephony,
    }
}

/// A conclusion with its words (`t`) and `evidence`: a finding of a report.
pub fn in_words(x: &Found, t: words::Texts, evidence: Evidence) -> Finding {
    let id = x.cause.id();
    Finding {
        id,
        severity: x.severity,
        channel: id.channel(),
        title: t.title,
        detail: t.detail,
        steps: t.steps,
        evidence,
        commands: t.commands,
    }
}

/// The report of `case` from what the rules concluded about it.
fn report(case: &Case, d: Diagnosis) -> Report {
    let who = audience(d.reader, case.lang());
    let findings: Vec<Finding> = d
        .found
        .into_iter()
        .map(|mut x| {
            let evidence = std::mem::take(&mut x.evidence);
            in_words(&x, words::finding(&x.cause, &who), evidence)
        })
        .collect();
    let ok = !findings.iter().any(|x| matches!(x.severity, Severity::Blocking | Severity::Likely));
    let facts_notice = words::facts_notice(case.today.as_deref().and_then(Date::parse), case.lang());
    let codes: Vec<&str> = d.codes.iter().map(String::as_str).collect();
    let mut support_summary = support_summary(case, &findings, &codes);
    if let Some(n) = &facts_notice {
        support_summary = format!("{n}\n\n{support_summary}");
    }
    Report {
        ok,
        findings,
        resolution: Resolution { id: d.resolution, steps: words::resolution_steps(d.resolution, &who) },
        phone: d.phone,
        email: d.email,
        sspr_enabled: d.sspr_enabled,
        support_summary,
        facts_notice,
    }
}
