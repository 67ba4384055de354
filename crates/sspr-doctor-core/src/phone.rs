//! Phone numbers as people type them, checked against libphonenumber's metadata (the
//! `phonenumber` crate). The raw input is analysed, not only the parsed number, because the
//! crate forgives exactly the mistakes that stop text messages (shared/toolchain.md):
//! it reads `+81 090…` as a valid `+8190…`, misreads `+44 (0)7…` and full-width digits,
//! and returns "unknown" for Italian fixed lines. So this module does its own tokenizing,
//! country-code and trunk-prefix handling, and classifies with the metadata's patterns
//! (anchored at both ends) itself.

use std::cell::RefCell;
use std::collections::HashMap;

use phonenumber::metadata::{Descriptor, Metadata, DATABASE};
use regex::{Regex, RegexBuilder};

use crate::normalize::{fold_width, is_dash, is_space};
use crate::report::{PhoneReport, PhoneType};

/// Longer than any real phone number with an extension; past this we stop reading, so a
/// megabyte pasted into the field costs nothing.
const MAX_SCAN_CHARS: usize = 200;

/// Everything learned from one phone-number input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneAnalysis {
    pub report: PhoneReport,
    pub country_code: CountryCode,
    /// The national trunk prefix that was kept after the country code (`0` in `+81 090…`).
    pub trunk_prefix_kept: Option<String>,
    pub problem: Option<Invalid>,
    pub extension: Option<String>,
    /// The number written the way Entra expects it (`+81 90-1234-5678`), when a correction
    /// is certain.
    pub suggestion: Option<String>,
    /// Calling code and national significant number, when known.
    pub calling_code: Option<u16>,
    pub national: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountryCode {
    /// Given with `+` or an international dialling prefix (`00`, `010`, `011`, …).
    Given { prefix: String },
    /// Not given. `region` is the `phoneCountry` hint used to complete it, when valid.
    Missing { region: Option<String> },
}

/// Why a number is not a valid number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    NoDigits,
    Letters(char),
    BadCharacter(char),
    UnknownCountryCode(String),
    UnknownRegionHint(String),
    TooShort { len: usize, min: u16 },
    TooLong { len: usize, max: u16 },
    InvalidLength { len: usize },
    NoSuchRange,
    TooLongInput,
}

impl Invalid {
    /// A stable machine-readable reason for evidence.
    pub fn code(&self) -> &'static str {
        match self {
            Invalid::NoDigits => "noDigits",
            Invalid::Letters(_) => "letters",
            Invalid::BadCharacter(_) => "badCharacter",
            Invalid::UnknownCountryCode(_) => "unknownCountryCode",
            Invalid::UnknownRegionHint(_) => "unknownPhoneCountry",
            Invalid::TooShort { .. } => "tooShort",
            Invalid::TooLong { .. } => "tooLong",
            Invalid::InvalidLength { .. } => "invalidLength",
            Invalid::NoSuchRange => "noSuchRange",
            Invalid::TooLongInput => "inputTooLong",
        }
    }
}

/// The input split into what matters.
struct Tokens {
    plus: bool,
    /// Digits, and the separators between them as typed (folded to ' ' or '-').
    shape: Vec<char>,
    extension: Option<String>,
    paren_zero: bool,
    bad: Option<Invalid>,
}

fn tokenize(raw: &str) -> Tokens {
    let folded: String = fold_width(raw).chars().take(MAX_SCAN_CHARS).collect();
    let mut t = Tokens { plus: false, shape: Vec::new(), extension: None, paren_zero: false, bad: None };
    if raw.chars().nth(MAX_SCAN_CHARS).is_some() {
        t.bad = Some(Invalid::TooLongInput);
    }
    let chars: Vec<char> = folded.chars().collect();
    let mut i = 0;
    let has_digits = |shape: &[char]| shape.iter().any(char::is_ascii_digit);
    while i < chars.len() {
        let c = chars[i];
        let rest: String = chars[i..].iter().collect::<String>().to_lowercase();
        // "(0)" after the country code: the trunk prefix written in parentheses.
        if rest.starts_with("(0)") && has_digits(&t.shape) {
            t.paren_zero = true;
            i += 3;
            push_sep(&mut t.shape, ' ');
            continue;
        }
        if has_digits(&t.shape) {
            if let Some(skip) = extension_marker(&rest) {
                let ext: String = chars[i + skip..].iter().filter(|c| c.is_ascii_digit()).collect();
                t.extension = Some(ext);
                break;
            }
        }
        match c {
            '0'..='9' => t.shape.push(c),
            '+' if t.shape.iter().all(|c| !c.is_ascii_digit()) && !t.plus => t.plus = true,
            '(' | ')' | '.' | '/' | '\\' | '[' | ']' => push_sep(&mut t.shape, ' '),
            c if is_space(c) || c == '\r' || c == '\n' => push_sep(&mut t.shape, ' '),
            c if is_dash(c) => push_sep(&mut t.shape, '-'),
            c if c.is_alphabetic() => {
                t.bad.get_or_insert(Invalid::Letters(c));
            }
            c => {
                t.bad.get_or_insert(Invalid::BadCharacter(c));
            }
        }
        i += 1;
    }
    t
}

/// Recognizes the ways people write an extension; returns how many chars the marker takes.
fn extension_marker(rest: &str) -> Option<usize> {
    for m in ["extension", "ext.", "ext", "内線", "x", "#", ";ext=", ","] {
        if let Some(after) = rest.strip_prefix(m) {
            let after = after.trim_start_matches([' ', '.', ':']);
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                return Some(rest.len() - after.len()).map(|bytes| rest[..bytes].chars().count());
            }
        }
    }
    None
}

fn push_sep(shape: &mut Vec<char>, sep: char) {
    match shape.last_mut() {
        None => {}
        Some(c) if c.is_ascii_digit() => shape.push(sep),
        // Keep a dash over a space: "090 - 1234" reads as a dash.
        Some(c) if sep == '-' => *c = '-',
        Some(_) => {}
    }
}

/// The digits of a shape.
fn digits(shape: &[char]) -> String {
    shape.iter().filter(|c| c.is_ascii_digit()).collect()
}

/// The shape after the first `skip` digits, without leading separators.
fn shape_after(shape: &[char], mut skip: usize) -> String {
    let mut out = String::new();
    for &c in shape {
        if c.is_ascii_digit() && skip > 0 {
            skip -= 1;
            continue;
        }
        // Nothing before the first digit: no leading separators.
        if skip == 0 && (c.is_ascii_digit() || !out.is_empty()) {
            out.push(c);
        }
    }
    out.trim_end_matches([' ', '-']).to_string()
}

pub fn analyse(raw: &str, region_hint: Option<&str>) -> PhoneAnalysis {
    let t = tokenize(raw);
    let all = digits(&t.shape);
    let hint = region_hint.map(|r| fold_width(r).trim().to_ascii_uppercase()).filter(|r| !r.is_empty());
    let hint_meta = hint.as_deref().and_then(|r| DATABASE.by_id(r)).filter(|m| m.id() != "001");

    let mut a = PhoneAnalysis {
        report: PhoneReport { input: raw.to_string(), e164: None, country: None, kind: PhoneType::Unknown, valid: false },
        country_code: CountryCode::Missing { region: None },
        trunk_prefix_kept: None,
        problem: t.bad.clone(),
        extension: t.extension.clone(),
        suggestion: None,
        calling_code: None,
        national: None,
    };
    if all.is_empty() {
        a.problem.get_or_insert(Invalid::NoDigits);
        return a;
    }

    // Where does the country code start?
    let intl_prefix: Option<String> = if t.plus {
        Some("+".into())
    } else if hint_meta.is_none() {
        dialled_prefix(&all, &t.shape).or_else(|| all.starts_with("00").then(|| "00".to_string()))
    } else if all.starts_with("00") {
        Some("00".into())
    } else {
        hint_meta
            .and_then(|m| m.international_prefix())
            .and_then(|re| re.find(&all).filter(|m| m.start() == 0 && m.end() < all.len()).map(|m| m.as_str().to_string()))
    };

    match intl_prefix {
        Some(prefix) => {
            let skip = if prefix == "+" { 0 } else { prefix.len() };
            let rest = &all[skip..];
            a.country_code = CountryCode::Given { prefix };
            let Some((cc, cc_len)) = country_code_of(rest) else {
                a.problem.get_or_insert(Invalid::UnknownCountryCode(rest.chars().take(3).collect()));
                return a;
            };
            let mut national = rest[cc_len..].to_string();
            let mut shown = shape_after(&t.shape, skip + cc_len);
            let prefix = main_meta(cc).and_then(|m| m.national_prefix()).map(str::to_string);
            if t.paren_zero {
                match &prefix {
                    Some(p) => a.trunk_prefix_kept = Some(p.clone()),
                    // No trunk prefix in this country (Italy): the 0 is part of the number.
                    None => {
                        national.insert(0, '0');
                        shown.insert(0, '0');
                    }
                }
            } else if let Some(p) = prefix.as_deref() {
                if let Some(stripped) = national.strip_prefix(p) {
                    if classify(cc, &national).is_none() && classify(cc, stripped).is_some() {
                        a.trunk_prefix_kept = Some(p.to_string());
                        shown = shape_after(&shown.chars().collect::<Vec<_>>(), p.len());
                        national = stripped.to_string();
                    }
                }
            }
            a.calling_code = Some(cc);
            finish(&mut a, cc, national, &shown);
            if a.trunk_prefix_kept.is_some() && a.report.valid {
                a.suggestion = Some(format!("+{cc} {shown}"));
                // As registered, the number does not work; e164 holds the corrected one.
                a.report.valid = false;
            }
        }
        None => {
            a.country_code = CountryCode::Missing { region: hint_meta.map(|m| m.id().to_string()) };
            let Some(meta) = hint_meta else {
                if let Some(h) = hint {
                    a.problem.get_or_insert(Invalid::UnknownRegionHint(h));
                } else if all.len() < 5 {
                    a.problem.get_or_insert(Invalid::TooShort { len: all.len(), min: 5 });
                }
                return a;
            };
            let cc = meta.country_code();
            let mut national = all.clone();
            let mut shown = shape_after(&t.shape, 0);
            if let Some(p) = meta.national_prefix() {
                if let Some(stripped) = all.strip_prefix(p) {
                    if classify(cc, &all).is_none() && classify(cc, stripped).is_some() {
                        national = stripped.to_string();
                        shown = shape_after(&t.shape, p.len());
                    }
                }
            }
            a.calling_code = Some(cc);
            finish(&mut a, cc, national, &shown);
            if a.report.valid {
                a.suggestion = Some(format!("+{cc} {shown}"));
                // Without its country code the registered number does not work.
                a.report.valid = false;
            }
        }
    }
    a
}

/// The calling code at the start of `rest` (digits after `+` or a dialling prefix) and its
/// length. Calling codes are prefix-free, so the first known one is the one.
fn country_code_of(rest: &str) -> Option<(u16, usize)> {
    (1..=3)
        .filter(|&n| rest.len() > n)
        .filter_map(|n| rest[..n].parse::<u16>().ok().map(|cc| (cc, n)))
        .find(|(cc, _)| DATABASE.region(cc).is_some())
}

thread_local! {
    /// Every international dialling prefix pattern in the metadata, anchored at the start.
    static DIALLING_PREFIXES: Vec<Regex> = {
        let mut patterns: Vec<&str> = DATABASE.iter().filter_map(|m| m.international_prefix()).map(|re| re.as_str()).collect();
        patterns.sort_unstable();
        patterns.dedup();
        patterns.iter().filter_map(|p| RegexBuilder::new(&format!("^(?:{p})")).ignore_whitespace(true).build().ok()).collect()
    };
}

/// Without `+` and without `phoneCountry`, a number may still start with the international
/// dialling prefix of the country it is dialled from: `00` in most countries, `010` from
/// Japan, `011` from North America, `0011` from Australia, and every other prefix in the
/// metadata. A prefix counts only when what follows is a real number after its country code
/// (with or without a kept trunk prefix), because `010…` is also a Korean mobile number and
/// `011…` a Sapporo landline. Several prefixes can fit (`00 81 90…` reads as Korea's `008` +
/// `1 901…` too), so the order is: a prefix the person separated with a space or dash, then
/// `00`, then the longest (`0011` over `00`).
fn dialled_prefix(all: &str, shape: &[char]) -> Option<String> {
    let typed_break = |len: usize| {
        let mut seen = 0;
        shape.iter().any(|c| {
            if c.is_ascii_digit() {
                seen += 1;
                false
            } else {
                seen == len
            }
        })
    };
    let mut found: Vec<&str> =
        DIALLING_PREFIXES.with(|res| res.iter().filter_map(|re| re.find(all)).map(|m| &all[..m.end()]).filter(|p| !p.is_empty()).collect());
    found.sort_unstable_by_key(|p| (!typed_break(p.len()), *p != "00", std::cmp::Reverse(p.len())));
    found.dedup();
    found.into_iter().find(|p| completes_number(&all[p.len()..])).map(str::to_string)
}

/// Whether `rest` is a calling code followed by a valid number, perhaps with a kept trunk prefix.
fn completes_number(rest: &str) -> bool {
    let Some((cc, cc_len)) = country_code_of(rest) else { return false };
    let national = &rest[cc_len..];
    classify(cc, national).is_some()
        || main_meta(cc)
            .and_then(|m| m.national_prefix())
            .and_then(|p| national.strip_prefix(p))
            .is_some_and(|stripped| classify(cc, stripped).is_some())
}

/// Classifies the national number and fills the report.
fn finish(a: &mut PhoneAnalysis, cc: u16, national: String, _shown: &str) {
    match classify(cc, &national) {
        Some((region, kind)) => {
            a.report.valid = a.problem.is_none();
            a.report.kind = kind;
            a.report.country = region;
            a.report.e164 = Some(format!("+{cc}{national}"));
        }
        None => {
            a.report.country = main_meta(cc).map(|m| m.id().to_string()).filter(|id| id != "001");
            a.problem.get_or_insert(length_problem(cc, national.len()));
        }
    }
    if a.problem.is_some() {
        a.report.valid = false;
    }
    a.national = Some(national);
}

fn main_meta(cc: u16) -> Option<&'static Metadata> {
    let all = DATABASE.by_code(&cc)?;
    all.iter().find(|m| m.is_main_country_for_code()).or(all.first()).copied()
}

fn length_problem(cc: u16, len: usize) -> Invalid {
    let mut lengths: Vec<u16> = DATABASE
        .by_code(&cc)
        .unwrap_or_default()
        .iter()
        .flat_map(|m| {
            // The general descriptor's lengths are often left empty in the metadata; the
            // per-type descriptors always carry theirs.
            let d = m.descriptors();
            [
                Some(d.general()),
                d.fixed_line(),
                d.mobile(),
                d.toll_free(),
                d.premium_rate(),
                d.shared_cost(),
                d.personal_number(),
                d.voip(),
                d.pager(),
                d.uan(),
                d.voicemail(),
            ]
            .into_iter()
            .flatten()
            .flat_map(|x| x.possible_length().iter().copied())
            .collect::<Vec<_>>()
        })
        .collect();
    lengths.sort_unstable();
    match (lengths.first(), lengths.last()) {
        (Some(&min), _) if len < min as usize => Invalid::TooShort { len, min },
        (_, Some(&max)) if len > max as usize => Invalid::TooLong { len, max },
        _ if !lengths.contains(&(len as u16)) => Invalid::InvalidLength { len },
        _ => Invalid::NoSuchRange,
    }
}

/// The region and type of a national significant number, or None when it is not valid.
pub fn classify(cc: u16, national: &str) -> Option<(Option<String>, PhoneType)> {
    let mut metas = DATABASE.by_code(&cc)?;
    // The main country first: its patterns are the broadest for shared codes.
    metas.sort_by_key(|m| !m.is_main_country_for_code());
    for meta in metas {
        let kind = number_type(meta, national);
        if kind != PhoneType::Unknown {
            let region = Some(meta.id().to_string()).filter(|id| id != "001");
            return Some((region, kind));
        }
    }
    None
}

/// libphonenumber's getNumberType, with patterns matched over the whole number.
fn number_type(meta: &Metadata, national: &str) -> PhoneType {
    let d = meta.descriptors();
    if !full_match(Some(d.general()), national) {
        return PhoneType::Unknown;
    }
    let checks: [(Option<&Descriptor>, PhoneType); 8] = [
        (d.premium_rate(), PhoneType::PremiumRate),
        (d.toll_free(), PhoneType::TollFree),
        (d.shared_cost(), PhoneType::SharedCost),
        (d.voip(), PhoneType::Voip),
        (d.personal_number(), PhoneType::PersonalNumber),
        (d.pager(), PhoneType::Pager),
        (d.uan(), PhoneType::Uan),
        (d.voicemail(), PhoneType::Voicemail),
    ];
    for (desc, kind) in checks {
        if full_match(desc, national) {
            return kind;
        }
    }
    let fixed = full_match(d.fixed_line(), national);
    let mobile = full_match(d.mobile(), national);
    match (fixed, mobile) {
        (true, true) => PhoneType::FixedLineOrMobile,
        (true, false) => PhoneType::FixedLine,
        (false, true) => PhoneType::Mobile,
        (false, false) => PhoneType::Unknown,
    }
}

thread_local! {
    static ANCHORED: RefCell<HashMap<String, Option<Regex>>> = RefCell::new(HashMap::new());
}

fn full_match(desc: Option<&Descriptor>, value: &str) -> bool {
    let Some(desc) = desc else { return false };
    let lengths = desc.possible_length();
    if !lengths.is_empty() && !lengths.contains(&(value.len() as u16)) {
        return false;
    }
    let pattern = desc.national_number().as_str();
    ANCHORED.with(|cache| {
        let mut cache = cache.borrow_mut();
        let re = cache
            .entry(pattern.to_string())
            .or_insert_with(|| RegexBuilder::new(&format!("^(?:{pattern})$")).ignore_whitespace(true).build().ok());
        re.as_ref().is_some_and(|re| re.is_match(value))
    })
}

/// The calling code as Microsoft's opt-in list writes it: `1` plus the area code for
/// North American numbers (`1876`), the plain code otherwise.
pub fn opt_in_key(cc: u16, national: &str) -> String {
    if cc == 1 && national.len() >= 3 {
        format!("1{}", &national[..3])
    } else {
        cc.to_string()
    }
}

/// Every region (ISO 3166-1 alpha-2) in the numbering metadata, sorted: the choices for
/// "country of that phone".
pub fn regions() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = DATABASE.iter().map(|m| m.id()).filter(|id| *id != "001").collect();
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
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
        assert_eq!(r.suggestion.as_deref(), Some("+81 90-1234-5678"));
        assert_eq!(r.report.e164.as_deref(), Some("+819012345678"));
    }

    #[test]
    fn full_width_ime_input() {
        let r = a("＋８１　０９０ー１２３４ー５６７８", None);
        assert_eq!(r.trunk_prefix_kept.as_deref(), Some("0"));
        assert_eq!(r.suggestion.as_deref(), Some("+81 90-1234-5678"));
    }

    #[test]
    fn uk_paren_zero() {
        let r = a("+44 (0)7911 123456", None);
        assert_eq!(r.trunk_prefix_kept.as_deref(), Some("0"));
        assert_eq!(r.report.e164.as_deref(), Some("+447911123456"));
        assert_eq!(r.suggestion.as_deref(), Some("+44 7911 123456"));
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
        assert_eq!(r.suggestion.as_deref(), Some("+81 90-1234-5678"));
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
        ] {
            let r = a(input, None);
            assert!(matches!(r.country_code, CountryCode::Given { .. }), "{input}");
            assert_eq!(r.report.e164.as_deref(), Some(e164), "{input}");
        }
        // Kept trunk prefix after a dialled country code.
        let r = a("010 81 090 1234 5678", None);
        assert_eq!(r.trunk_prefix_kept.as_deref(), Some("0"));
        assert_eq!(r.suggestion.as_deref(), Some("+81 90 1234 5678"));
        // National numbers that start like a dialling prefix stay national.
        for national in ["010-1234-5678", "011-211-2111", "090-1234-5678", "0120-123-456"] {
            assert!(matches!(a(national, None).country_code, CountryCode::Missing { .. }), "{national}");
        }
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
    }

    #[test]
    fn russian_toll_free_is_not_a_trunk_prefix() {
        let r = a("+7 800 555 35 35", None);
        assert_eq!(r.trunk_prefix_kept, None);
        assert_eq!(r.report.kind, PhoneType::TollFree);
    }
}
