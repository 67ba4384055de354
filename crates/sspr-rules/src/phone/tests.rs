use super::*;

fn a(s: &str, hint: Option<&str>) -> PhoneAnalysis {
    analyse(s, hint)
}

#[test]
fn japanese_mobile_international() {
    let r = a("+81 90-1234-5678", None);
    assert!(r.report.valid, "{r:?}");
    assert_eq!(r.report.e164.as_deref(), Some("+819012345678"));
    assert_eq!(r.report.kind, PhoneType::Mobile);
    assert_eq!(r.report.country.as_deref(), Some("JP"));
    assert_eq!(r.trunk_prefix_kept, None);
}

#[test]
fn trunk_prefix_kept_after_plus81() {
    let r = a("+81 090-1234-5678", None);
    assert_eq!(r.trunk_prefix_kept.as_deref(), Some("0"));
    assert_eq!(r.suggestion.as_deref(), Some("+81 9012345678"));
    assert_eq!(r.report.e164.as_deref(), Some("+819012345678"));
    assert!(!r.report.valid);
}

#[test]
fn full_width_ime_input() {
    let r = a("＋８１　０９０ー１２３４ー５６７８", None);
    assert_eq!(r.trunk_prefix_kept.as_deref(), Some("0"));
    assert_eq!(r.suggestion.as_deref(), Some("+81 9012345678"));
}

#[test]
fn uk_paren_zero() {
    let r = a("+44 (0)7911 123456", None);
    assert_eq!(r.trunk_prefix_kept.as_deref(), Some("0"));
    assert_eq!(r.report.e164.as_deref(), Some("+447911123456"));
    assert_eq!(r.suggestion.as_deref(), Some("+44 7911123456"));
    assert_eq!(r.report.kind, PhoneType::Mobile);
}

#[test]
fn italian_fixed_line_keeps_zero() {
    let r = a("+39 06 1234 5678", None);
    assert!(r.report.valid, "{r:?}");
    assert_eq!(r.trunk_prefix_kept, None);
    assert_eq!(r.report.kind, PhoneType::FixedLine);
    assert_eq!(r.report.country.as_deref(), Some("IT"));
    assert_eq!(r.report.e164.as_deref(), Some("+390612345678"));
}

#[test]
fn national_with_hint() {
    let r = a("090-1234-5678", Some("jp"));
    assert_eq!(r.country_code, CountryCode::Missing { region: Some("JP".into()) });
    assert_eq!(r.suggestion.as_deref(), Some("+81 9012345678"));
    assert_eq!(r.report.e164.as_deref(), Some("+819012345678"));
    assert!(!r.report.valid, "as registered, without +81, it does not work");
}

#[test]
fn zero_zero_and_010() {
    assert_eq!(a("0081 90 1234 5678", Some("JP")).report.e164.as_deref(), Some("+819012345678"));
    assert_eq!(a("010-81-90-1234-5678", Some("JP")).report.e164.as_deref(), Some("+819012345678"));
    assert_eq!(a("011 44 7911 123456", Some("US")).report.e164.as_deref(), Some("+447911123456"));
}

#[test]
fn dialling_prefix_without_a_country() {
    for (input, e164) in [
        ("010 81 90 1234 5678", "+819012345678"),
        ("011 44 7911 123456", "+447911123456"),
        ("0011 81 90 1234 5678", "+819012345678"),
        ("00 81 90 1234 5678", "+819012345678"),
        ("0081 90 1234 5678", "+819012345678"),
        ("0081-90-1234-5678", "+819012345678"),
        ("00819012345678", "+819012345678"),
        ("010 819012345678", "+819012345678"),
    ] {
        let r = a(input, None);
        assert!(matches!(r.country_code, CountryCode::Given { .. }), "{input}: {r:?}");
        assert_eq!(r.report.e164.as_deref(), Some(e164), "{input}");
    }
    // Kept trunk prefix after a dialled country code.
    let r = a("010 81 090 1234 5678", None);
    assert_eq!(r.trunk_prefix_kept.as_deref(), Some("0"));
    assert_eq!(r.suggestion.as_deref(), Some("+81 9012345678"));
    // National numbers that start like a dialling prefix stay national.
    for national in ["010-1234-5678", "011-211-2111", "090-1234-5678", "0120-123-456"] {
        assert!(matches!(a(national, None).country_code, CountryCode::Missing { .. }), "{national}");
    }
}

/// Issue 8: without `+` and without a country, digits that happen to fit another country
/// must never be placed there.
#[test]
fn never_placed_in_the_wrong_country() {
    for input in ["01512 3456789", "0160 12345678", "0151 41234567", "995322123456", "098 312 34 56", "0151-41234567"] {
        let r = a(input, None);
        assert_eq!(r.country_code, CountryCode::Missing { region: None }, "{input}: {r:?}");
        assert_eq!(r.report.e164, None, "{input}");
        assert_eq!(r.report.country, None, "{input}");
        assert!(!r.report.valid, "{input}");
    }
    // The same German mobile with its country is a German mobile.
    let r = a("01512 3456789", Some("DE"));
    assert_eq!(r.report.e164.as_deref(), Some("+4915123456789"));
    assert_eq!(r.report.kind, PhoneType::Mobile);
}

/// Issue 8 and issue 9 item 6: the country code typed without `+`.
#[test]
fn country_code_without_plus() {
    for (input, hint, suggestion) in [
        ("41 44 668 18 00", "CH", "+41 446681800"),
        ("81 90 1234 5678", "JP", "+81 9012345678"),
        ("819012345678", "JP", "+81 9012345678"),
        ("44 7911 123456", "GB", "+44 7911123456"),
    ] {
        let r = a(input, Some(hint));
        assert_eq!(r.country_code, CountryCode::WithoutPlus, "{input}: {r:?}");
        assert_eq!(r.problem, None, "{input}");
        assert_eq!(r.suggestion.as_deref(), Some(suggestion), "{input}");
        assert!(!r.report.valid, "{input}: as registered it does not work");
    }
    // A valid national number that starts with the country's code stays national.
    let r = a("044 668 18 00", Some("CH"));
    assert!(matches!(r.country_code, CountryCode::Missing { .. }), "{r:?}");
    assert_eq!(r.suggestion.as_deref(), Some("+41 446681800"));
}

/// Issue 8: the national prefix for parsing and its transform rule.
#[test]
fn national_prefix_for_parsing() {
    // Argentina: 0 + area code + 15 + subscriber becomes 9 + area code + subscriber.
    let r = a("011 15-2345-6789", Some("AR"));
    assert_eq!(r.report.e164.as_deref(), Some("+5491123456789"), "{r:?}");
    assert_eq!(r.report.kind, PhoneType::Mobile);
    assert_eq!(r.suggestion.as_deref(), Some("+54 91123456789"));
    let r = a("+54 011 15-2345-6789", None);
    assert_eq!(r.trunk_prefix_kept.as_deref(), Some("0"), "{r:?}");
    assert_eq!(r.suggestion.as_deref(), Some("+54 91123456789"));
    // Belarus: 8 0 before the area code.
    let r = a("8 029 123 45 67", Some("BY"));
    assert_eq!(r.report.e164.as_deref(), Some("+375291234567"), "{r:?}");
}

#[test]
fn extension_and_letters() {
    let r = a("+1 425 555 0100 ext. 123", None);
    assert_eq!(r.extension.as_deref(), Some("123"));
    assert_eq!(a("+1 800 FLOWERS", None).problem, Some(Invalid::Letters('F')));
}

#[test]
fn lengths() {
    assert!(matches!(a("+81 90", None).problem, Some(Invalid::TooShort { .. })));
    assert!(matches!(a("+81 90 1234 5678 9999 9999", None).problem, Some(Invalid::TooLong { .. })));
    assert!(matches!(a("+999 1234", None).problem, Some(Invalid::UnknownCountryCode(_))));
    // Issue 9 item 15: one digit short is "too short", not "no such range".
    assert_eq!(a("+81 90-1234-567", None).problem, Some(Invalid::TooShort { len: 9, min: 10 }));
    assert_eq!(a("+81 90-1234-56789", None).problem, Some(Invalid::TooLong { len: 11, max: 10 }));
}

#[test]
fn russian_toll_free_is_not_a_trunk_prefix() {
    let r = a("+7 800 555 35 35", None);
    assert_eq!(r.trunk_prefix_kept, None);
    assert_eq!(r.report.kind, PhoneType::TollFree);
}

#[test]
fn other_scripts_digits() {
    let r = a("+٨١ ٩٠-١٢٣٤-٥٦٧٨", None);
    assert_eq!(r.problem, None, "{r:?}");
    assert_eq!(r.report.e164.as_deref(), Some("+819012345678"));
    assert!(r.report.valid);
}

#[test]
fn regions_are_static() {
    let all: Vec<&str> = regions().collect();
    assert!(all.len() > 240, "{}", all.len());
    assert!(all.windows(2).all(|w| w[0] < w[1]));
    assert!(all.contains(&"JP") && !all.contains(&"001"));
}

#[test]
fn classify_keeps_only_the_answer_for_the_same_digits() {
    // The kept last answer is never given for other digits or another calling code.
    let asks = [(81, "9012345678"), (81, "9012345678"), (81, "901234567"), (1, "2015550123"), (44, "9012345678"), (81, "9012345678")];
    for (cc, national) in asks {
        assert_eq!(classify(cc, national), classify_now(cc, national), "{cc} {national}");
    }
    assert_eq!(classify(81, "9012345678"), Some((Some("JP"), PhoneType::Mobile)));
    assert_eq!(classify(81, "901234567"), None);
}
