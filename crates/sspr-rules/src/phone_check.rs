//! Bulk phone checks (contract v1.1): many numbers at once, with the same analysis and
//! finding ids as `diagnose`, but no report, no words and no evidence to build. The
//! audit of a tenant's administrators and `sspr-doctor phones` stand on this.

use serde::{Deserialize, Serialize};

use crate::case::SmsProvider;
use crate::diagnose::{number_rules, provider_rule};
use crate::findings::{ordered, Findings};
use crate::report::{FindingId, PhoneType};

/// One number to check: `{ mobilePhone, phoneCountry? }`, as in a Case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(optional_fields = nullable))]
pub struct PhoneInput {
    pub mobile_phone: String,
    pub phone_country: Option<String>,
}

/// The Report's `phone` object for that number, plus the ids of the phone findings that
/// `diagnose` raises for the number alone (as `{ mobilePhone, phoneCountry, smsProvider:
/// "carrier" }`), in the same order, and the corrected number when a correction is
/// certain (an addition: the same value as the findings' `suggestion` evidence).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PhoneCheck {
    pub input: String,
    pub e164: Option<String>,
    pub country: Option<String>,
    #[serde(rename = "type")]
    pub kind: PhoneType,
    pub valid: bool,
    #[cfg_attr(feature = "ts", ts(type = "FindingId[]"))]
    pub findings: Vec<FindingId>,
    pub suggestion: Option<String>,
}

/// The ids a number alone can raise (what `check_phone` reports), in report order.
pub const PHONE_FINDINGS: &[FindingId] = &[
    FindingId::MobilePhoneMissing,
    FindingId::TrunkPrefixAfterCountryCode,
    FindingId::CountryCodeMissing,
    FindingId::PhoneInvalid,
    FindingId::PhoneNotMobile,
    FindingId::NonCarrierSmsService,
    FindingId::RegionOptInRequired,
];

/// Checks one number.
pub fn check_phone(input: &PhoneInput) -> PhoneCheck {
    let mut f = Findings::without_evidence();
    let analysis = number_rules(Some(&input.mobile_phone), input.phone_country.as_deref(), &mut f);
    // A number alone, as from a carrier: only a VoIP range says otherwise.
    provider_rule(Some(SmsProvider::Carrier), analysis.as_ref(), &mut f);
    let findings = ordered(f.0).into_iter().map(|x| x.cause.id()).collect();
    match analysis {
        Some(a) => PhoneCheck {
            input: a.report.input,
            e164: a.report.e164,
            country: a.report.country,
            kind: a.report.kind,
            valid: a.report.valid,
            findings,
            suggestion: a.suggestion,
        },
        None => PhoneCheck {
            input: input.mobile_phone.clone(),
            e164: None,
            country: None,
            kind: PhoneType::Unknown,
            valid: false,
            findings,
            suggestion: None,
        },
    }
}

/// Checks many numbers, in order. Memory beyond the results is bounded: the metadata of
/// each calling code is built once and kept, however many numbers share it.
pub fn check_phones(inputs: &[PhoneInput]) -> Vec<PhoneCheck> {
    inputs.iter().map(check_phone).collect()
}
