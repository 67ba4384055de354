//! Real data: every region's example numbers from libphonenumber's metadata (as shipped in
//! the `phonenumber` crate), in international and national form, with and without a kept
//! trunk prefix. Each must come out right, or be listed below with the reason.

use phonenumber::metadata::DATABASE;
use sspr_doctor_core::phone::{analyse, CountryCode};
use sspr_doctor_core::PhoneType;

struct Example {
    region: String,
    cc: u16,
    prefix: Option<String>,
    number: String,
    mobile: bool,
}

fn examples() -> Vec<Example> {
    let mut v = Vec::new();
    for meta in DATABASE.iter() {
        if meta.id() == "001" {
            continue;
        }
        let d = meta.descriptors();
        for (desc, mobile) in [(d.mobile(), true), (d.fixed_line(), false)] {
            if let Some(ex) = desc.and_then(|x| x.example()) {
                v.push(Example {
                    region: meta.id().to_string(),
                    cc: meta.country_code(),
                    prefix: meta.national_prefix().map(str::to_string),
                    number: ex.to_string(),
                    mobile,
                });
            }
        }
    }
    v.sort_by(|a, b| (&a.region, a.mobile).cmp(&(&b.region, b.mobile)));
    v
}

fn kind_ok(kind: PhoneType, mobile: bool) -> bool {
    if mobile {
        matches!(kind, PhoneType::Mobile | PhoneType::FixedLineOrMobile)
    } else {
        matches!(kind, PhoneType::FixedLine | PhoneType::FixedLineOrMobile)
    }
}

#[test]
fn international_form_is_valid_with_the_right_type() {
    let all = examples();
    assert!(all.len() > 400, "expected the whole metadata, got {}", all.len());
    let mut bad = Vec::new();
    for e in &all {
        let a = analyse(&format!("+{} {}", e.cc, e.number), None);
        let ok = a.report.valid
            && a.report.e164 == Some(format!("+{}{}", e.cc, e.number))
            && a.trunk_prefix_kept.is_none()
            && kind_ok(a.report.kind, e.mobile);
        if !ok {
            bad.push(format!(
                "{} {} {}: {:?} {:?}",
                e.region,
                if e.mobile { "mobile" } else { "fixed" },
                e.number,
                a.report.kind,
                a.problem
            ));
        }
    }
    assert!(bad.is_empty(), "{} of {} wrong:\n{}", bad.len(), all.len(), bad.join("\n"));
}

#[test]
fn national_form_with_country_hint_gets_the_right_suggestion() {
    let mut bad = Vec::new();
    let mut checked = 0;
    for e in examples() {
        let national = format!("{}{}", e.prefix.as_deref().unwrap_or(""), e.number);
        // A national number that looks international (starts with 00) is not this test's concern.
        if national.starts_with("00") {
            continue;
        }
        checked += 1;
        let a = analyse(&national, Some(&e.region));
        let ok = a.country_code == CountryCode::Missing { region: Some(e.region.clone()) }
            && a.report.e164 == Some(format!("+{}{}", e.cc, e.number))
            && a.suggestion == Some(format!("+{} {}", e.cc, e.number));
        if !ok {
            bad.push(format!("{} {}: e164 {:?} suggestion {:?} {:?}", e.region, national, a.report.e164, a.suggestion, a.problem));
        }
    }
    assert!(checked > 400);
    assert!(bad.is_empty(), "{} of {checked} wrong:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn kept_trunk_prefix_is_found_and_corrected() {
    let mut bad = Vec::new();
    let mut checked = 0;
    for e in examples() {
        let Some(p) = &e.prefix else { continue };
        checked += 1;
        let a = analyse(&format!("+{} {}{}", e.cc, p, e.number), None);
        let ok = a.trunk_prefix_kept.as_deref() == Some(p.as_str())
            && a.report.e164 == Some(format!("+{}{}", e.cc, e.number))
            && a.suggestion == Some(format!("+{} {}", e.cc, e.number));
        if !ok {
            bad.push(format!("{} +{} {}{}: trunk {:?} e164 {:?}", e.region, e.cc, p, e.number, a.trunk_prefix_kept, a.report.e164));
        }
    }
    assert!(checked > 200, "{checked}");
    // Where the prefix plus the number is itself a valid number, keeping it is not a mistake
    // we can be certain of, and the tool must not "correct" it.
    assert!(bad.is_empty(), "{} of {checked} wrong:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn no_trunk_prefix_countries_keep_their_zero() {
    // Italy: the leading 0 of fixed lines is part of the number.
    let a = analyse("+39 06 1234 5678", None);
    assert_eq!(a.report.kind, PhoneType::FixedLine);
    assert!(a.trunk_prefix_kept.is_none());
    assert_eq!(a.report.country.as_deref(), Some("IT"));
}

/// Every region's example numbers written with the country code but without `+`
/// (`49 15123456789` with the hint DE): the `+` is what is missing, and the suggestion is
/// the number itself, valid (issue 19: `+49 4915123456789` was offered, with DE, ID and XK).
#[test]
fn country_code_without_plus_suggests_the_number_itself() {
    let mut bad = Vec::new();
    let mut checked = 0;
    for e in examples() {
        let typed = format!("{} {}", e.cc, e.number);
        let a = analyse(&typed, Some(&e.region));
        checked += 1;
        let want = format!("+{} {}", e.cc, e.number);
        // Whatever is suggested must itself be a valid number.
        if let Some(s) = &a.suggestion {
            if !analyse(s, None).report.valid {
                bad.push(format!("{} {typed}: suggested {s}, which is not valid", e.region));
                continue;
            }
        }
        // Where the trunk prefix is the calling code (North America's 1), the same digits
        // are the number written nationally: either reading is right.
        let national_too = e.prefix.as_deref() == Some(e.cc.to_string().as_str());
        let reading_ok = a.country_code == CountryCode::WithoutPlus
            || national_too && a.country_code == CountryCode::Missing { region: Some(e.region.clone()) };
        if !reading_ok || a.suggestion.as_deref() != Some(want.as_str()) {
            bad.push(format!("{} {typed}: {:?}, suggestion {:?}", e.region, a.country_code, a.suggestion));
        }
    }
    assert!(checked > 400);
    assert!(bad.is_empty(), "{} of {checked} wrong:\n{}", bad.len(), bad.join("\n"));
}
