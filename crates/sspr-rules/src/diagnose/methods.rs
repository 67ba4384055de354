//! How many usable methods an administrator has (two are required).

use crate::case::{Case, Method};
use crate::cause::Cause;
use crate::email;
use crate::facts::{self};
use crate::findings::Findings;
use crate::phone::PhoneAnalysis;
use crate::report::{PhoneType, Severity};

use super::admin;
use std::collections::BTreeSet;

pub(crate) fn methods_rule(
    case: &Case,
    email: Option<&email::EmailAnalysis>,
    phone: Option<&PhoneAnalysis>,
    org_domain: Option<&str>,
    page_not_registered: bool,
    f: &mut Findings,
) {
    if admin(case) == Some(false) {
        return;
    }
    let mut usable: BTreeSet<Method> =
        sspr_model::order::set(case.methods.iter().flatten().copied().filter(|m| *m != Method::SecurityQuestions));
    if email.is_some_and(|e| e.report.valid) {
        usable.insert(Method::Email);
    }
    if phone.is_some_and(|p| p.report.valid && matches!(p.report.kind, PhoneType::Mobile | PhoneType::FixedLineOrMobile)) {
        usable.insert(Method::MobilePhone);
    }
    let security_questions = case.methods.iter().flatten().any(|m| *m == Method::SecurityQuestions);
    // One gate is only possible without a custom domain: a custom sign-in domain proves two.
    let one_gate_possible = org_domain.is_none_or(|d| d.ends_with(facts::ONE_GATE_DOMAIN_SUFFIX));
    let mut ev = vec![("usable", usable.iter().map(|m| m.as_str()).collect::<Vec<_>>().join(", ")), ("count", usable.len().to_string())];
    if security_questions {
        ev.push(("securityQuestions", "notAllowedForAdministrators".into()));
    }
    if page_not_registered {
        ev.push(("pageMessage", "SSPR_0014".into()));
        let usable = case.methods.as_ref().map(|_| usable.len());
        f.add(Cause::TooFewMethods { usable, security_questions, one_gate_possible, from_page: true }, Severity::Blocking, &ev);
        return;
    }
    if usable.len() >= facts::ADMIN_METHODS_REQUIRED {
        return;
    }
    match &case.methods {
        Some(_) => {
            let severity = if one_gate_possible { Severity::Likely } else { Severity::Blocking };
            let usable = Some(usable.len());
            f.add(Cause::TooFewMethods { usable, security_questions, one_gate_possible, from_page: false }, severity, &ev);
        }
        None => f.add(Cause::TooFewMethods { usable: None, security_questions, one_gate_possible, from_page: false }, Severity::Check, &ev),
    }
}
