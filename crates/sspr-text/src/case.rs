//! Lower case for comparing and searching (user names, domains, addresses, display names),
//! without the standard library's Unicode case tables: `str::to_lowercase` brings 12 KB of
//! them (and `to_uppercase` 12 KB more) into the page's module, 3.3 kB of its brotli weight
//! for comparisons that, in Microsoft Entra, are of ASCII names (docs/figures.md). This folds
//! the scripts user names and display names are written in with case — Latin (ASCII, Latin-1,
//! Latin Extended-A), Greek, Cyrillic and full-width Latin — by Unicode's simple mappings, and
//! leaves every other character as it is (a name in another cased script compares with its
//! case, the same in the page and the command line).

/// `c` in lower case (Unicode's simple mapping in the scripts above, else `c`).
#[inline]
pub fn lower_char(c: char) -> char {
    // ASCII at once, inline: the audit folds every character of every user name it indexes.
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    lower_other(c)
}

fn lower_other(c: char) -> char {
    let u = c as u32;
    let to = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 0x20,
        // Latin Extended-A: pairs, upper case first; from U+0139 to U+0148 and from U+0179 the
        // upper case is the odd one. U+0130 (İ) is `i`; U+0178 (Ÿ) is `ÿ`.
        0x0100..=0x012F | 0x0132..=0x0137 | 0x014A..=0x0177 if u & 1 == 0 => u + 1,
        0x0139..=0x0148 | 0x0179..=0x017E if u & 1 == 1 => u + 1,
        0x0130 => 0x69,
        0x0178 => 0xFF,
        // Greek.
        0x0386 => 0x03AC,
        0x0388..=0x038A => u + 0x25,
        0x038C => 0x03CC,
        0x038E..=0x038F => u + 0x3F,
        0x0391..=0x03A1 | 0x03A3..=0x03AB => u + 0x20,
        // Cyrillic.
        0x0400..=0x040F => u + 0x50,
        0x0410..=0x042F => u + 0x20,
        0x0460..=0x0481 | 0x048A..=0x04BF | 0x04D0..=0x052F if u & 1 == 0 => u + 1,
        0x04C1..=0x04CE if u & 1 == 1 => u + 1,
        0x04C0 => 0x04CF,
        // Full-width Latin capitals.
        0xFF21..=0xFF3A => u + 0x20,
        _ => u,
    };
    char::from_u32(to).unwrap_or(c)
}

/// `s` in lower case, character by character (`lower_char`).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars().map(lower_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character the folding changes is folded as the standard library folds it (its
    /// simple mapping), and no character the standard library leaves alone is changed.
    #[test]
    fn agrees_with_the_standard_library_wherever_it_folds() {
        for u in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(u) else { continue };
            let ours = lower_char(c);
            let std: Vec<char> = c.to_lowercase().collect();
            if ours != c {
                assert_eq!(std.first().copied(), Some(ours), "{c:?} U+{u:04X}");
            } else if std != [c] {
                // Left alone: only outside the scripts folded here (and İ's combining dot).
                let inside = matches!(u, 0x00..=0x017F | 0x0386..=0x03AB | 0x0400..=0x052F | 0xFF21..=0xFF3A);
                assert!(!inside || u == 0x0130, "{c:?} U+{u:04X} should fold to {std:?}");
            }
        }
        assert_eq!(lower("ＡＤＭＩＮ@Contoso.COM"), "ａｄｍｉｎ@contoso.com");
        assert_eq!(lower("Ærøskøbing ΑΘΗΝΑ Москва"), "ærøskøbing αθηνα москва");
    }
}

/// A letter, for telling letters from other characters in what people type (a phone field,
/// a column name, a word's edge): ASCII letters, and the letters of the scripts user names,
/// column names and notes in a phone field are written in — Latin, Greek, Cyrillic, Armenian,
/// Hebrew, Arabic, the Indic scripts, Thai and Lao, Hangul, kana (with the prolonged sound
/// mark), the CJK ideographs, full-width and half-width forms — by block, without the
/// standard library's Unicode property tables (docs/figures.md). A letter of another script
/// counts as another character.
pub fn is_letter(c: char) -> bool {
    let u = c as u32;
    c.is_ascii_alphabetic()
        || matches!(u,
            0xAA | 0xB5 | 0xBA | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x02AF
            | 0x0370..=0x0373 | 0x0376..=0x037D | 0x0386 | 0x0388..=0x03FF
            | 0x0400..=0x0481 | 0x048A..=0x052F | 0x0531..=0x0587
            | 0x05D0..=0x05EA | 0x0620..=0x064A | 0x066E..=0x06D3
            | 0x0900..=0x0963 | 0x0971..=0x0DFF
            | 0x0E01..=0x0E4E | 0x0E81..=0x0ECF
            | 0x1100..=0x11FF | 0x1E00..=0x1FFF | 0x3131..=0x318E
            | 0x3041..=0x3096 | 0x309D..=0x309F | 0x30A1..=0x30FA | 0x30FC..=0x30FF
            | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
            | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A | 0xFF66..=0xFF9F)
}

#[cfg(test)]
mod letter_tests {
    use super::is_letter;

    #[test]
    fn letters_of_the_usual_scripts_and_not_their_punctuation_or_symbols() {
        for c in "aZéßΩжЖԱאبकกㄱ가あアー漢ＡｚｱΣ".chars() {
            assert!(is_letter(c), "{c:?} is a letter");
            assert!(c.is_alphabetic(), "{c:?} (the standard library agrees)");
        }
        for c in "0 -.,;:/()[]★☎※〒・、。「」０（）－×÷\u{3000}\u{2014}".chars() {
            assert!(!is_letter(c), "{c:?} is no letter");
        }
    }
}
