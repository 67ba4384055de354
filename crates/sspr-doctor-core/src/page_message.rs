//! The message the password-reset page showed: an `SSPR_` code or the text, English or
//! Japanese, pasted as is. Codes and phrases live in `facts`.

use crate::facts::{PageCause, PAGE_PHRASES, SSPR_ERROR_CODES};
use crate::normalize::fold_width;

const MAX_SCAN_BYTES: usize = 64 * 1024;

/// What the message says, most specific first; empty when nothing is recognized.
/// Returns each cause once, with the code or phrase that matched.
pub fn read(raw: &str) -> Vec<(PageCause, String)> {
    let cut = raw.char_indices().take_while(|(i, _)| *i < MAX_SCAN_BYTES).last().map_or(0, |(i, c)| i + c.len_utf8());
    let text = fold_width(&raw[..cut]);
    let upper = text.to_uppercase();
    // Curly apostrophes from the page or a word processor.
    let lower = text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
    let mut out: Vec<(PageCause, String)> = Vec::new();
    let mut add = |cause: PageCause, what: &str| {
        if !out.iter().any(|(c, _)| *c == cause) {
            out.push((cause, what.to_string()));
        }
    };
    for (code, cause) in SSPR_ERROR_CODES {
        // "SSPR_0009", also typed as "SSPR 0009" or "SSPR-0009".
        let digits = &code[5..];
        for sep in ["_", " ", "-", ""] {
            if upper.contains(&format!("SSPR{sep}{digits}")) {
                add(*cause, code);
            }
        }
    }
    for (phrase, cause) in PAGE_PHRASES {
        if lower.contains(phrase) {
            add(*cause, phrase);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_texts() {
        assert_eq!(read("SSPR_0009: We've detected that password reset hasn't been enabled")[0].0, PageCause::SsprDisabled);
        assert_eq!(read("ｓｓｐｒ＿００１４")[0].0, PageCause::NotRegistered);
        assert_eq!(read("You've tried too many times")[0].0, PageCause::Throttled);
        assert_eq!(read("Sorry, we’re having trouble verifying your account")[0].0, PageCause::TelephonyTrouble);
        assert_eq!(read("しばらくしてから 24 時間後にもう一度お試しください")[0].0, PageCause::Throttled);
        assert!(read("Something else entirely").is_empty());
    }
}
