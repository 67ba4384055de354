//! The bulk phone check says what `diagnose` says about the number alone (contract v1.1,
//! `PhoneCheck`): on every line of the corpus, the same phone object, the same phone
//! finding ids in the same order, and as `suggestion` the findings' `suggestion` evidence.
//! The bulk check builds no evidence (diagnose.rs: `Findings::without_evidence`), so the
//! two paths differ in code; this keeps them equal in answers.

use std::path::PathBuf;

use serde_json::json;
use sspr_doctor_core::phone_check::PHONE_FINDINGS;
use sspr_doctor_core::{check_phone, diagnose, Case, PhoneInput};

#[test]
fn every_corpus_number_gets_the_same_answer_in_bulk_as_in_diagnose() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/phones/corpus.tsv");
    let corpus = std::fs::read_to_string(path).unwrap();
    let mut lines = 0;
    for line in corpus.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (number, region) = match line.split_once('\t') {
            Some((n, r)) => (n, Some(r)),
            None => (line, None),
        };
        let bulk = check_phone(&PhoneInput { mobile_phone: number.into(), phone_country: region.map(String::from) });
        let case: Case =
            serde_json::from_value(json!({ "mobilePhone": number, "phoneCountry": region, "smsProvider": "carrier" })).unwrap();
        let report = diagnose(&case);
        let phone = report.phone.as_ref().unwrap();
        assert_eq!(
            (&bulk.input, &bulk.e164, &bulk.country, bulk.kind, bulk.valid),
            (&phone.input, &phone.e164, &phone.country, phone.kind, phone.valid),
            "{line}"
        );
        let found: Vec<_> = report.findings.iter().filter(|f| PHONE_FINDINGS.contains(&f.id)).collect();
        assert_eq!(bulk.findings, found.iter().map(|f| f.id).collect::<Vec<_>>(), "{line}");
        let suggestion = found.iter().find_map(|f| f.evidence.get("suggestion"));
        assert_eq!(bulk.suggestion.as_ref(), suggestion, "{line}");
        lines += 1;
    }
    assert!(lines > 18_000, "corpus read: {lines} lines");
}
