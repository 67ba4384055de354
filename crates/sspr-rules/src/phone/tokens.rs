//! A phone number as typed, split into what matters: a leading `+`, the digits with where
//! the person put separators, a `(0)`, an extension, and the first character that has no
//! place in a phone number. One pass over at most `MAX_SCAN_CHARS` characters.

use crate::normalize::{fold_char, is_dash, is_space};

use super::Invalid;

/// Longer than any real phone number with an extension; past this we stop reading, so a
/// megabyte pasted into the field costs nothing.
pub const MAX_SCAN_CHARS: usize = 200;

#[derive(Debug, Default)]
pub struct Tokens {
    pub plus: bool,
    /// The ASCII digits, in order.
    pub digits: String,
    /// After how many digits the person typed a separator (space, dash, dot, bracket).
    pub breaks: Vec<usize>,
    pub extension: Option<String>,
    /// `(0)` after the first digits: the trunk prefix written in brackets.
    pub paren_zero: bool,
    pub bad: Option<Invalid>,
}

impl Tokens {
    /// Whether a separator was typed right after the first `n` digits.
    pub fn break_after(&self, n: usize) -> bool {
        self.breaks.contains(&n)
    }
}

/// Zero of every Unicode decimal-digit (Nd) run: Arabic-Indic, Devanagari, Thai, full
/// width, … (Unicode 15). A number typed with any of them is read as ASCII digits, as
/// libphonenumber does.
const DIGIT_ZEROS: &[u32] = &[
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20,
    0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0,
    0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730,
    0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140,
    0x1E2F0, 0x1E4F0, 0x1E950, 0x1FBF0,
];

/// The ASCII digit for any Unicode decimal digit.
pub fn ascii_digit(c: char) -> Option<char> {
    if c.is_ascii_digit() {
        return Some(c);
    }
    let cp = c as u32;
    let i = DIGIT_ZEROS.partition_point(|&z| z <= cp).checked_sub(1)?;
    let d = cp - DIGIT_ZEROS[i];
    (d < 10).then(|| char::from(b'0' + d as u8))
}

/// The ways people write an extension, lower case.
const EXTENSION_MARKERS: &[&str] = &["extension", "ext.", "ext", "内線", "x", "#", ";ext=", ","];

pub fn tokenize(raw: &str) -> Tokens {
    let mut t = Tokens::default();
    let mut chars: Vec<char> = Vec::with_capacity(raw.len().min(MAX_SCAN_CHARS));
    for (n, c) in raw.chars().enumerate() {
        if n == MAX_SCAN_CHARS {
            t.bad = Some(Invalid::TooLongInput);
            break;
        }
        if let Some(c) = fold_char(c) {
            chars.push(ascii_digit(c).unwrap_or(c));
        }
    }
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let has_digits = !t.digits.is_empty();
        if c.is_ascii_digit() {
            t.digits.push(c);
        } else if c == '+' && !has_digits && !t.plus {
            t.plus = true;
        } else if c == '(' && has_digits && chars.get(i + 1) == Some(&'0') && chars.get(i + 2) == Some(&')') {
            t.paren_zero = true;
            push_break(&mut t);
            i += 3;
            continue;
        } else if matches!(c, '(' | ')' | '.' | '/' | '\\' | '[' | ']' | '\r' | '\n') || is_space(c) || is_dash(c) {
            push_break(&mut t);
        } else if let Some(len) = has_digits.then(|| extension_marker(&chars[i..])).flatten() {
            t.extension = Some(chars[i + len..].iter().take_while(|c| c.is_ascii_digit()).collect());
            break;
        } else if sspr_text::is_letter(c) {
            t.bad.get_or_insert(Invalid::Letters(c));
        } else {
            t.bad.get_or_insert(Invalid::BadCharacter(c));
        }
        i += 1;
    }
    t
}

fn push_break(t: &mut Tokens) {
    let n = t.digits.len();
    if n > 0 && t.breaks.last() != Some(&n) {
        t.breaks.push(n);
    }
}

/// How many characters an extension marker at the start of `rest` takes (with the blanks,
/// dots and colons after it), when digits follow it.
fn extension_marker(rest: &[char]) -> Option<usize> {
    for marker in EXTENSION_MARKERS {
        let len = marker.chars().count();
        let matches = rest.len() >= len && marker.chars().zip(rest).all(|(m, c)| sspr_text::lower_char(*c) == m);
        if !matches {
            continue;
        }
        let skip = rest[len..].iter().take_while(|c| matches!(c, ' ' | '.' | ':')).count();
        if rest.get(len + skip).is_some_and(char::is_ascii_digit) {
            return Some(len + skip);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_every_script() {
        assert_eq!(tokenize("+٨١ ٩٠-١٢٣٤-٥٦٧٨").digits, "819012345678");
        assert_eq!(tokenize("۰۹۱۲ ۳۴۵ ۶۷۸۹").digits, "09123456789");
        assert_eq!(tokenize("०९८७६५४३२१").digits, "0987654321");
        assert_eq!(tokenize("０９０−１２３４−５６７８").digits, "09012345678");
        assert_eq!(ascii_digit('a'), None);
        assert_eq!(ascii_digit('\u{0669}'), Some('9'));
        assert_eq!(ascii_digit('\u{066A}'), None, "Arabic percent sign is not a digit");
    }

    #[test]
    fn breaks_extensions_and_brackets() {
        let t = tokenize("010 81-90 1234 5678");
        assert_eq!(t.breaks, vec![3, 5, 7, 11]);
        assert!(t.break_after(3));
        let t = tokenize("+44 (0)7911 123456");
        assert!(t.plus && t.paren_zero);
        assert_eq!(t.digits, "447911123456");
        assert_eq!(tokenize("+1 425 555 0100 EXT. 123").extension.as_deref(), Some("123"));
        assert_eq!(tokenize("03-1234-5678 内線 45").extension.as_deref(), Some("45"));
        assert_eq!(tokenize("+1 800 FLOWERS").bad, Some(Invalid::Letters('F')));
        assert_eq!(tokenize(&"1".repeat(300)).bad, Some(Invalid::TooLongInput));
    }
}
