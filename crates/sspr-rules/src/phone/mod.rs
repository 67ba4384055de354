//! Phone numbers as people type them, checked against libphonenumber's metadata through
//! the `phonenumber` crate (its `Database`, `source_for` and `number_type`). The raw input
//! is analysed, not only the parsed number, because a parser forgives exactly the mistakes
//! that stop text messages: it reads `+81 090…` as a valid `+8190…` (libphonenumber strips
//! the national prefix after the country code), and it places a number without `+` in
//! whatever country its digits happen to fit. So this module tokenizes the input itself,
//! decides where the country code is and whether a trunk prefix was kept, and only then
//! asks the metadata.

mod metadata;
/// Whether a number is an ITU-T calling code of the metadata (redaction keeps it).
pub use metadata::is_calling_code;

mod tokens;

pub use sspr_model::problems::Invalid;
use std::sync::OnceLock;

use phonenumber::metadata::Metadata;
use phonenumber::pattern::CachedRegex;
use phonenumber::Type;

use crate::normalize::{excerpt, fold_width};
use crate::report::{PhoneReport, PhoneType};

pub use metadata::regions;
use tokens::Tokens;
pub use tokens::MAX_SCAN_CHARS;

/// Everything learned from one phone-number input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneAnalysis {
    pub report: PhoneReport,
    pub country_code: CountryCode,
    /// The national prefix that was kept after the country code (`0` in `+81 090…`).
    pub trunk_prefix_kept: Option<String>,
    pub problem: Option<Invalid>,
    pub extension: Option<String>,
    /// The number written the way Microsoft Entra stores an authentication phone
    /// (`+81 9012345678`: the country code, one space, the national number), when a
    /// correction is certain.
    pub suggestion: Option<String>,
    /// Calling code and national significant number, when known.
    pub calling_code: Option<u16>,
    pub national: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountryCode {
    /// Given with `+` or an international dialling prefix (`00`, `010`, `011`, …).
    Given { prefix: String },
    /// The calling code of `phoneCountry` was typed without `+` (`81 90 1234 5678`).
    WithoutPlus,
    /// Not given. `region` is the `phoneCountry` hint used to complete it, when valid.
    Missing { region: Option<String> },
}

/// Where the country code starts, decided from what was typed.
enum Reading {
    /// After `skip` digits of an international dialling prefix (none after `+`).
    International { prefix: String, skip: usize },
    /// At the first digit: `phoneCountry`'s calling code typed without `+`.
    WithoutPlus,
    /// A national number.
    National,
}

pub fn analyse(raw: &str, region_hint: Option<&str>) -> PhoneAnalysis {
    let t = tokens::tokenize(raw);
    let hint_text = region_hint.map(|r| fold_width(r).trim().to_ascii_uppercase()).filter(|r| !r.is_empty());
    let hint = hint_text.as_deref().and_then(|r| metadata::calling_code_of(r).map(|cc| (r, cc)));

    let mut a = PhoneAnalysis {
        report: PhoneReport { input: excerpt(raw, MAX_SCAN_CHARS), e164: None, country: None, kind: PhoneType::Unknown, valid: false },
        country_code: CountryCode::Missing { region: None },
        trunk_prefix_kept: None,
        problem: t.bad.clone(),
        extension: t.extension.clone(),
        suggestion: None,
        calling_code: None,
        national: None,
    };
    if t.digits.is_empty() {
        a.problem.get_or_insert(Invalid::NoDigits);
        return a;
    }

    let reading = if t.plus { Reading::International { prefix: "+".into(), skip: 0 } } else { reading(&t, hint) };
    match reading {
        Reading::International { prefix, skip } => {
            a.country_code = CountryCode::Given { prefix };
            international(&mut a, &t, skip);
        }
        Reading::WithoutPlus => {
            a.country_code = CountryCode::WithoutPlus;
            international(&mut a, &t, 0);
            if a.report.valid {
                // As registered, without `+`, the number does not work.
                a.suggestion = a.report.e164.as_ref().and(entra_form(&a));
                a.report.valid = false;
            }
        }
        Reading::National => {
            a.country_code = CountryCode::Missing { region: hint.map(|(r, _)| r.to_string()) };
            let Some((region, cc)) = hint else {
                if let Some(h) = hint_text {
                    a.problem.get_or_insert(Invalid::UnknownRegionHint(h));
                } else if t.digits.len() < 5 {
                    a.problem.get_or_insert(Invalid::TooShort { len: t.digits.len(), min: 5 });
                }
                return a;
            };
            let meta = metadata::region_metadata(region);
            let national = meta.map_or_else(|| t.digits.clone(), |m| national_number(m, cc, &t.digits));
            a.calling_code = Some(cc);
            finish(&mut a, cc, national);
            if a.report.valid {
                a.suggestion = entra_form(&a);
                // Without its country code the registered number does not work.
                a.report.valid = false;
            }
        }
    }
    a
}

/// The country code and national number after `skip` digits of dialling prefix.
fn international(a: &mut PhoneAnalysis, t: &Tokens, skip: usize) {
    let rest = &t.digits[skip..];
    let Some((cc, cc_len)) = country_code_of(rest) else {
        a.problem.get_or_insert(Invalid::UnknownCountryCode(rest.chars().take(3).collect()));
        return;
    };
    let mut national = rest[cc_len..].to_string();
    let main = metadata::main_metadata(cc);
    if t.paren_zero {
        match main.and_then(Metadata::national_prefix) {
            Some(p) => a.trunk_prefix_kept = Some(p.to_string()),
            // No trunk prefix in this country (Italy): the 0 is part of the number.
            None => national.insert(0, '0'),
        }
    } else if classify(cc, &national).is_none() {
        // libphonenumber would strip a national prefix here and call the number valid;
        // Microsoft sends to the digits as registered, so a kept prefix is the finding.
        if let Some(s) = main.and_then(|m| valid_without_prefix(m, cc, &national)) {
            a.trunk_prefix_kept =
                Some(main.and_then(Metadata::national_prefix).filter(|p| s.removed.starts_with(*p)).unwrap_or(&s.removed).to_string());
            national = s.national;
        } else if let Some(p) = main.and_then(Metadata::national_prefix).filter(|p| {
            // Invalid either way, but the prefix is there and what follows it has the
            // length of a mobile or landline number: both faults are reported (the kept
            // prefix and the number that is still not valid without it), as
            // libphonenumber too strips a prefix that leaves a possible length.
            national.len() > p.len()
                && national.starts_with(*p)
                && main.is_some_and(|m| mobile_or_landline_length(m, national.len() - p.len()))
        }) {
            a.trunk_prefix_kept = Some(p.to_string());
            national = national[p.len()..].to_string();
        }
    }
    a.calling_code = Some(cc);
    finish(a, cc, national);
    if a.trunk_prefix_kept.is_some() && a.report.valid {
        a.suggestion = entra_form(a);
        // As registered, the number does not work; e164 holds the corrected one.
        a.report.valid = false;
    }
}

/// `+81 9012345678`: Microsoft's form for an authentication phone (country code, one
/// space, national number), from the analysed number.
pub fn entra_form(a: &PhoneAnalysis) -> Option<String> {
    Some(format!("+{} {}", a.calling_code?, a.national.as_deref()?))
}

/// Where the country code starts in a number typed without `+`.
fn reading(t: &Tokens, hint: Option<(&str, u16)>) -> Reading {
    let all = t.digits.as_str();
    // `00`, the dialling prefix of most of the world, when a real number follows.
    if all.len() > 2 && all.starts_with("00") && completes_number(&all[2..]) {
        return Reading::International { prefix: "00".into(), skip: 2 };
    }
    match hint {
        Some((region, cc)) => {
            // The dialling prefix of the hint's own country (010 from Japan, 011 from the US).
            let meta = metadata::region_metadata(region);
            let own = meta.and_then(Metadata::international_prefix).and_then(|re| re.find(all)).map(|m| m.end());
            if let Some(end) = own.filter(|&e| e > 0 && e < all.len()) {
                if completes_number(&all[end..]) {
                    return Reading::International { prefix: all[..end].to_string(), skip: end };
                }
            }
            // The hint's calling code typed without `+`: when what follows it is a valid
            // number of that country (even where all the digits would also read as a
            // longer national number, as in Germany's variable-length plan: `49 15123456789`
            // is +49 1512 3456789, not +49 4915123456789), or when the digits are not a
            // valid national number and the rest completes one with a kept trunk prefix.
            // (Where the trunk prefix is the calling code itself, North America's 1, both
            // readings are one number, written nationally.)
            let code = cc.to_string();
            if let (Some(rest), Some(meta)) = (all.strip_prefix(code.as_str()), meta) {
                let national = national_number(meta, cc, all);
                let rest_valid = national != rest && classify(cc, rest).is_some();
                if rest_valid || classify(cc, &national).is_none() && completes_number(&format!("{code}{rest}")) {
                    return Reading::WithoutPlus;
                }
            }
            Reading::National
        }
        None => dialled_elsewhere(t).map_or(Reading::National, |end| Reading::International { prefix: all[..end].to_string(), skip: end }),
    }
}

/// Without `+` and without `phoneCountry`, a number may start with the international
/// dialling prefix of the country it is dialled from: `010` from Japan, `011` from North
/// America, `0011` from Australia, every prefix in the metadata. But most of those also
/// start national numbers (`0151…` is a German mobile, `011…` a Sapporo landline), and
/// reading them as a prefix puts a German number in Peru. So a prefix counts only where
/// the person wrote it apart (`010 81 90…`, `011-44-7911…`) and a real number follows.
/// Otherwise the number is national, of a country we do not know.
fn dialled_elsewhere(t: &Tokens) -> Option<usize> {
    static PREFIXES: OnceLock<Vec<CachedRegex>> = OnceLock::new();
    let all = t.digits.as_str();
    let prefixes = PREFIXES.get_or_init(|| metadata::DIALLING_PREFIXES.iter().map(|p| CachedRegex::new(p.to_string())).collect());
    let mut ends: Vec<usize> = prefixes.iter().filter_map(|re| re.find(all)).map(|m| m.end()).filter(|&e| e > 0 && e < all.len()).collect();
    sspr_model::order::sort_by(&mut ends, |a, b| b.cmp(a));
    ends.dedup();
    ends.into_iter().find(|&end| {
        let Some((_, cc_len)) = country_code_of(&all[end..]) else { return false };
        let apart = t.break_after(end) && (t.break_after(end + cc_len) || !t.breaks.iter().any(|&b| b > end && b < all.len()));
        apart && completes_number(&all[end..])
    })
}

/// Whether `rest` is a calling code followed by a valid number, perhaps with a kept
/// national prefix.
fn completes_number(rest: &str) -> bool {
    let Some((cc, cc_len)) = country_code_of(rest) else { return false };
    let national = &rest[cc_len..];
    classify(cc, national).is_some() || metadata::main_metadata(cc).and_then(|m| valid_without_prefix(m, cc, national)).is_some()
}

/// The calling code at the start of `rest` and its length. Calling codes are prefix-free,
/// so the first known one is the one.
fn country_code_of(rest: &str) -> Option<(u16, usize)> {
    (1..=3)
        .filter(|&n| rest.len() > n)
        .filter_map(|n| rest[..n].parse::<u16>().ok().map(|cc| (cc, n)))
        .find(|(cc, _)| metadata::is_calling_code(*cc))
}

/// A national prefix removed by the metadata's rule for parsing, with the digits removed.
struct Stripped {
    national: String,
    removed: String,
}

/// libphonenumber's maybeStripNationalPrefixAndCarrierCode: the national prefix for
/// parsing (`0`, Argentina's `0?(?:(11|…)15)?` with its transform rule `9$1`, Belarus's
/// `0|80?`), kept only when the number stays viable.
fn strip_national_prefix(meta: &Metadata, national: &str) -> Option<Stripped> {
    let general = meta.descriptors().general();
    let Some(re) = meta.national_prefix_for_parsing() else {
        let p = meta.national_prefix()?;
        let rest = national.strip_prefix(p)?;
        return Some(Stripped { national: rest.to_string(), removed: p.to_string() });
    };
    let caps = re.captures(national)?;
    let end = caps.get(0)?.end();
    let viable = general.is_match(national);
    let last_group = caps.len().checked_sub(1).filter(|&n| n > 0).and_then(|n| caps.get(n));
    let candidate = match (meta.national_prefix_transform_rule(), last_group) {
        (Some(rule), Some(_)) if !rule.is_empty() => re.replace(national, rule).into_owned(),
        _ if end == 0 => return None,
        _ => national[end..].to_string(),
    };
    if viable && !general.is_match(&candidate) {
        return None;
    }
    Some(Stripped { national: candidate, removed: national[..end].to_string() })
}

/// The number without its national prefix, when that makes it valid: by the rule for
/// parsing, else by the plain national prefix (Colombia's rule also takes the digit after
/// the `0` as a carrier code, which a mobile number typed as `0 321…` does not have).
fn valid_without_prefix(meta: &Metadata, cc: u16, national: &str) -> Option<Stripped> {
    let by_rule = strip_national_prefix(meta, national).filter(|s| classify(cc, &s.national).is_some());
    by_rule.or_else(|| {
        let p = meta.national_prefix()?;
        let rest = national.strip_prefix(p)?;
        classify(cc, rest).is_some().then(|| Stripped { national: rest.to_string(), removed: p.to_string() })
    })
}

/// The national significant number of digits typed nationally in `meta`'s country: the
/// national prefix stripped as libphonenumber does, unless only the digits as typed are
/// valid.
fn national_number(meta: &Metadata, cc: u16, digits: &str) -> String {
    if let Some(s) = valid_without_prefix(meta, cc, digits) {
        return s.national;
    }
    match strip_national_prefix(meta, digits) {
        Some(s) if classify(cc, digits).is_none() && s.national.len() >= 2 => s.national,
        _ => digits.to_string(),
    }
}

/// Classifies the national number and fills the report.
fn finish(a: &mut PhoneAnalysis, cc: u16, national: String) {
    match classify(cc, &national) {
        Some((region, kind)) => {
            a.report.valid = a.problem.is_none();
            a.report.kind = kind;
            a.report.country = region.map(String::from);
            a.report.e164 = Some(format!("+{cc}{national}"));
        }
        None => {
            a.report.country = metadata::main_metadata(cc).map(|m| m.id().to_string()).filter(|id| id != "001");
            a.problem.get_or_insert(length_problem(cc, &national));
        }
    }
    if a.problem.is_some() {
        a.report.valid = false;
    }
    a.national = Some(national);
}

/// A length that mobile or landline numbers of `meta`'s country have.
fn mobile_or_landline_length(meta: &Metadata, len: usize) -> bool {
    let d = meta.descriptors();
    [d.mobile(), d.fixed_line()].into_iter().flatten().any(|x| x.possible_length().iter().any(|l| usize::from(*l) == len))
}

/// Why a national number of calling code `cc` is not valid.
fn length_problem(cc: u16, national: &str) -> Invalid {
    let len = national.len();
    let mut lengths: Vec<u16> = metadata::metadata_for_code(cc)
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
    sspr_model::order::sort(&mut lengths);
    lengths.dedup();
    let (Some(&min), Some(&max)) = (lengths.first(), lengths.last()) else { return Invalid::NoSuchRange };
    if len < usize::from(min) {
        return Invalid::TooShort { len, min };
    }
    if len > usize::from(max) {
        return Invalid::TooLong { len, max };
    }
    // A real range starts this way but has more digits, or fewer: say so, rather than
    // "no such range" for a number that is one digit short.
    for k in 1..=3u16 {
        let want = len as u16 + k;
        if lengths.contains(&want)
            && (b'0'..=b'9').any(|d| classify(cc, &format!("{national}{}", (d as char).to_string().repeat(k.into()))).is_some())
        {
            return Invalid::TooShort { len, min: want };
        }
    }
    for k in 1..=3usize {
        if len > k && lengths.contains(&((len - k) as u16)) && classify(cc, &national[..len - k]).is_some() {
            return Invalid::TooLong { len, max: (len - k) as u16 };
        }
    }
    if !lengths.contains(&(len as u16)) {
        return Invalid::InvalidLength { len };
    }
    Invalid::NoSuchRange
}

/// The region and type of a national significant number, or None when it is not valid:
/// the crate's `source_for` (libphonenumber's region choice for shared calling codes) and
/// `number_type`, with the metadata of that calling code only.
pub fn classify(cc: u16, national: &str) -> Classified {
    // The analysis asks about the same digits more than once on its common paths (is the
    // number valid as typed, then the report's type; valid without its trunk prefix, then
    // the report's type), and each answer runs the metadata's patterns: the last answer is
    // kept (a pure function of cc and the digits, so the kept answer is always right).
    thread_local! {
        static LAST: std::cell::RefCell<(u16, String, Classified)> = const { std::cell::RefCell::new((0, String::new(), None)) };
    }
    LAST.with_borrow_mut(|(c, n, answer)| {
        if *c != cc || n != national {
            *answer = classify_now(cc, national);
            *c = cc;
            n.clear();
            n.push_str(national);
        }
        *answer
    })
}

/// What `classify` says of a number: its region (None for the non-geographic "001") and
/// type, or None when it is not valid.
pub type Classified = Option<(Option<&'static str>, PhoneType)>;

fn classify_now(cc: u16, national: &str) -> Classified {
    use either::Either;
    let db = metadata::database(cc)?;
    let meta = match phonenumber::source_for(db, cc, national)? {
        Either::Left(id) => db.by_id(id.as_ref())?,
        Either::Right(code) => db.by_code(&code)?.into_iter().next()?,
    };
    let kind = phone_type(phonenumber::number_type(meta, national));
    (kind != PhoneType::Unknown).then(|| (Some(meta.id()).filter(|id| *id != "001"), kind))
}

fn phone_type(t: Type) -> PhoneType {
    match t {
        Type::Mobile => PhoneType::Mobile,
        Type::FixedLine => PhoneType::FixedLine,
        Type::FixedLineOrMobile => PhoneType::FixedLineOrMobile,
        Type::Voip => PhoneType::Voip,
        Type::TollFree => PhoneType::TollFree,
        Type::PremiumRate => PhoneType::PremiumRate,
        Type::SharedCost => PhoneType::SharedCost,
        Type::PersonalNumber => PhoneType::PersonalNumber,
        Type::Pager => PhoneType::Pager,
        Type::Uan => PhoneType::Uan,
        Type::Voicemail => PhoneType::Voicemail,
        _ => PhoneType::Unknown,
    }
}

/// The calling code as Microsoft's opt-in list writes it: `1` plus the area code for
/// North American numbers (`1876`), the plain code otherwise.
pub fn opt_in_key(cc: u16, national: &str) -> String {
    match national.get(..3) {
        Some(area) if cc == 1 => format!("1{area}"),
        _ => cc.to_string(),
    }
}

#[cfg(test)]
mod tests;
