//! Text as people type it: a Japanese IME gives full-width letters, digits and symbols and
//! an ideographic space; copying from documents brings non-breaking and zero-width spaces
//! and every kind of dash. These helpers fold them to the ASCII the checks understand, and
//! echo untrusted text so that nothing in it can hide or break a line.

pub mod case;
pub mod hash;
pub use case::{is_letter, lower, lower_char};

/// Full-width ASCII (U+FF01..U+FF5E) to ASCII; every kind of space to ' '; zero-width
/// characters removed. Other characters are kept as they are.
pub fn fold_width(s: &str) -> String {
    // Most input is ASCII, where only a tab changes: copied as it is.
    if s.bytes().all(|b| b.is_ascii() && b != b'\t') {
        return s.to_string();
    }
    s.chars().filter_map(fold_char).collect()
}

pub fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => None,
        c if is_space(c) => Some(' '),
        c => Some(c),
    }
}

/// Spaces of every kind, including no-break, ideographic and the typographic ones.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

/// Dashes and minus signs of every kind, including the katakana prolonged sound mark that
/// Japanese IMEs often produce for "-" in a phone number.
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'
            ..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' | '\u{30FC}' | '\u{FF70}' | '\u{2043}' | '\u{02D7}'
    )
}

/// Trims every kind of space (and zero-width characters) from both ends.
pub fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || is_space(c) || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
    })
}

/// The longest start of `s` that is at most `max_bytes` long and ends on a character
/// boundary (the readers' cuts of long input).
pub fn prefix(s: &str, max_bytes: usize) -> &str {
    let mut end = s.len().min(max_bytes);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Shortens a long input for quoting in evidence, on a character boundary, so a 1 MB paste
/// does not make a 1 MB report.
pub fn excerpt(s: &str, max_chars: usize) -> String {
    // No more bytes than `max_chars`, so no more characters: nothing to cut.
    if s.len() <= max_chars {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max_chars).collect();
    if s.chars().nth(max_chars).is_some() {
        out.push('…');
    }
    out
}

/// Characters that change how text around them is displayed (bidirectional overrides and
/// isolates, marks) or that are not text at all (controls): shown as `<U+202E>` wherever
/// user text is echoed, so a report cannot display in an order that misleads its reader.
pub fn is_invisible_or_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{2028}' | '\u{2029}' | '\u{E0000}'..='\u{E007F}')
}

/// User text as it may be echoed on one line: invisible and control characters written
/// as `<U+XXXX>`, cut at `max_chars` with "…".
pub fn visible(s: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max_chars * 4));
    for (n, c) in s.chars().enumerate() {
        if n == max_chars {
            out.push('…');
            break;
        }
        if is_invisible_or_control(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_ime_input() {
        assert_eq!(fold_width("０９０\u{3000}ａｂ＠ｘ．ｊｐ"), "090 ab@x.jp");
        assert_eq!(fold_width("a\u{200B}b\u{00A0}c"), "ab c");
        // ASCII is copied as it is, except a tab (the fast path and the folding agree).
        assert_eq!(fold_width("+81 90-1234\t5678"), "+81 90-1234 5678");
        assert_eq!(fold_width("+81 90-1234-5678"), "+81 90-1234-5678");
    }

    #[test]
    fn dashes() {
        for c in ['-', '‐', '‑', '‒', '–', '—', '―', '−', '－', 'ー'] {
            assert!(is_dash(c), "{c:?}");
        }
        assert!(!is_dash('_'));
    }

    #[test]
    fn visible_shows_what_hides() {
        assert_eq!(visible("a\u{202E}b\nc", 100), "a<U+202E>b<U+000A>c");
        assert_eq!(visible("日本語テキスト", 3), "日本語…");
    }

    #[test]
    fn excerpt_is_char_safe() {
        assert_eq!(excerpt("日本語テキスト", 3), "日本語…");
        assert_eq!(excerpt("abc", 3), "abc");
        assert_eq!(excerpt("abcd", 3), "abc…");
        assert_eq!(excerpt("日本", 3), "日本");
    }
}
