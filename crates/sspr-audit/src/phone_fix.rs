//! Whether a registered number's correction is certain enough for the fix script: decided
//! while the account is checked, from the analysis the check makes anyway (analysing every
//! number a second time for the plan cost a third of a 100,000-account export).

use crate::phone::{self, CountryCode, PhoneAnalysis};

/// What the fix plan may do with the mobile number.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PhoneFix {
    /// Nothing to correct (or no number).
    #[default]
    None,
    /// Correct it to this number, in Microsoft's form (`+81 9012345678`), itself valid.
    To(String),
    /// The number is wrong and no correction is certain.
    Uncertain,
}

/// Digits other than ASCII (full-width `０`–`９`): Entra wants the number written in ASCII.
fn has_wide_digits(s: &str) -> bool {
    s.chars().any(|c| c.is_numeric() && !c.is_ascii_digit())
}

/// The certain correction of `raw` (analysed as `a`): the trunk `0` kept after the country
/// code, the calling code typed without `+`, full-width digits.
pub fn certain_fix(raw: &str, a: &PhoneAnalysis) -> PhoneFix {
    let certain = a.trunk_prefix_kept.is_some() || a.country_code == CountryCode::WithoutPlus || has_wide_digits(raw);
    let to = match (&a.suggestion, certain) {
        (Some(s), true) => Some(s.clone()),
        (None, true) if a.report.valid => phone::entra_form(a),
        _ => None,
    };
    match to {
        Some(to) if to != raw.trim() && phone::analyse(&to, None).report.valid => PhoneFix::To(to),
        Some(_) => PhoneFix::None,
        None if a.report.valid => PhoneFix::None,
        None => PhoneFix::Uncertain,
    }
}
