//! A report safe to hand on (contract v1.3 "Redaction"): the same verdicts, findings and
//! counts, without the contact data. A phone number keeps its country code and last two
//! digits (`+81 ••• •• 78`), an email address its first character and domain
//! (`a•••@example.com`), a user name its domain and a pseudonym for the rest, stable within
//! one report and different between reports (a random salt per report), an object id its
//! first 8 characters. Texts (titles, details, steps, evidence, problems) are scrubbed too:
//! every address in them is masked, a known user name becomes its pseudonym, every run of
//! digits that can be a phone number is masked, a GUID is cut to 8 characters.
//! The fix script is never redacted: it would write to the wrong accounts.

use sspr_text::hash::{Map, Set};
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

/// What masks the hidden part of a value.
pub const MASK: &str = "•••";

/// A report's redaction: its salt, and the pseudonyms given so far (one per user name, never
/// two alike).
pub struct Redactor {
    salt: u64,
    names: Mutex<(Map<String, usize>, Set<String>)>,
}

impl std::fmt::Debug for Redactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Redactor")
    }
}

/// A fresh salt from the operating system's randomness (the command line; the page passes
/// one from `crypto.getRandomValues`).
#[cfg(not(target_arch = "wasm32"))]
pub fn random_salt() -> u64 {
    use std::hash::BuildHasher;
    std::collections::hash_map::RandomState::new().hash_one(std::time::SystemTime::now())
}

impl Redactor {
    pub fn new(salt: u64) -> Redactor {
        Redactor { salt, names: Mutex::new((Map::default(), Set::default())) }
    }

    /// The pseudonym of a user name's local part: letters only (no digit of it can be taken
    /// for a phone number's), the same for the same name in this report.
    fn pseudonym(&self, local: &str) -> String {
        let key = sspr_text::lower(local);
        let Ok(mut guard) = self.names.lock() else { return format!("user-{MASK}") };
        let (names, used) = &mut *guard;
        // A name keeps the round that gave it a pseudonym no other name had: the pseudonym is
        // made again from it (a map of the same type as the audit's, String to usize).
        if let Some(&round) = names.get(&key) {
            return self.letters(&key, round as u64);
        }
        let mut round = 0u64;
        let p = loop {
            let p = self.letters(&key, round);
            if used.insert(p.clone()) {
                break p;
            }
            round += 1;
        };
        names.insert(key, round as usize);
        p
    }

    /// The pseudonym of `key` in `round`: SipHash of the report's salt and the name (a keyed
    /// function: a reader who knows some names and their pseudonyms learns nothing of the
    /// others), as 8 letters.
    fn letters(&self, key: &str, round: u64) -> String {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (self.salt, round, key).hash(&mut h);
        let mut x = h.finish();
        let letters: String = (0..8)
            .map(|_| {
                let c = char::from(b'a' + (x % 26) as u8);
                x /= 26;
                c
            })
            .collect();
        format!("user-{letters}")
    }

    /// A user name: its pseudonym and its domain (`#EXT#` guests' domain as well).
    pub fn upn(&self, upn: &str) -> String {
        match upn.rsplit_once('@') {
            Some((local, domain)) => format!("{}@{domain}", self.pseudonym(local)),
            None => self.pseudonym(upn),
        }
    }

    /// An email address: its first character and its domain.
    pub fn email(&self, email: &str) -> String {
        match email.rsplit_once('@') {
            Some((local, domain)) => format!("{}{MASK}@{domain}", local.chars().next().map(String::from).unwrap_or_default()),
            None => MASK.into(),
        }
    }

    /// A phone number: its country code (when it is written with one) and its last two digits.
    pub fn phone(&self, number: &str) -> String {
        let digits: Vec<char> = number.chars().filter_map(digit).collect();
        let last: String = digits.iter().rev().take(2).rev().collect();
        let plus = number.trim_start().starts_with(['+', '＋']);
        // The calling code: the shortest run of the first digits that is one (ITU-T E.164
        // codes are prefix-free), whatever separators follow the +.
        let cc: String = if plus {
            (1..=3)
                .map(|n| digits.iter().take(n).collect::<String>())
                .find(|c| c.len() < digits.len() && c.parse::<u16>().is_ok_and(sspr_rules::phone::is_calling_code))
                .unwrap_or_default()
        } else {
            String::new()
        };
        match (cc.is_empty(), digits.len() > 4) {
            (false, true) => format!("+{cc} {MASK} •• {last}"),
            (true, true) => format!("{MASK} •• {last}"),
            (_, false) => MASK.into(),
        }
    }

    /// An object id: its first 8 characters.
    pub fn id(&self, id: &str) -> String {
        id.chars().take(8).collect()
    }

    /// A text with every address, user name, phone-like run of digits and GUID in it masked.
    /// `upns` are the user names of the report (to give them their pseudonyms).
    pub fn text(&self, text: &str, upns: &dyn Fn(&str) -> bool) -> String {
        let emails = self.scrub_addresses(text, upns);
        let guids = scrub_guids(&emails);
        self.scrub_phones(&guids)
    }

    /// A file or folder name (`/`-separated) masked as a text, each of its parts alone: a
    /// `/` may stand in an address's local part, never in a file's name.
    pub fn name(&self, name: &str, upns: &dyn Fn(&str) -> bool) -> String {
        let mut out = String::new();
        for (k, part) in name.split('/').enumerate() {
            if k > 0 {
                out.push('/');
            }
            out.push_str(&self.text(part, upns));
        }
        out
    }

    fn scrub_addresses(&self, text: &str, upns: &dyn Fn(&str) -> bool) -> String {
        if !text.contains(['@', '＠']) {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        // Characters before this were already replaced: a local part never starts before it.
        let mut done = 0;
        let mut i = 0;
        while i < chars.len() {
            if chars[i] == '@' || chars[i] == '＠' {
                // The address around this @: back to the start of its local part, on to the
                // end of its domain.
                let mut start = i;
                while start > done && local_char(chars[start - 1]) {
                    start -= 1;
                }
                let mut end = i + 1;
                while end < chars.len() && domain_char(chars[end]) {
                    end += 1;
                }
                while end > i + 1 && chars[end - 1] == '.' {
                    end -= 1;
                }
                // An address with no domain (`taro.yamada@`, `taro@@x`) still hides its local
                // part: masked as an address whose domain is what follows, if anything.
                if start < i {
                    // Drop what of its local part is already in `out`.
                    let keep = out.chars().count() - (i - start);
                    out = out.chars().take(keep).collect();
                    let address: String = chars[start..end].iter().collect();
                    let plain = address.replace('＠', "@");
                    out.push_str(&if upns(&plain) { self.upn(&plain) } else { self.email(&plain) });
                    i = end;
                    done = end;
                    continue;
                }
            }
            out.push(chars[i]);
            i += 1;
        }
        out
    }

    fn scrub_phones(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if digit(c).is_some() || (matches!(c, '+' | '＋') && chars.get(i + 1).is_some_and(|n| digit(*n).is_some())) {
                // A run of digits with up to three separators between them (`03 - 1234 - 5678`),
                // ending on a digit.
                let mut end = i + 1;
                let mut last_digit = if digit(c).is_some() { i + 1 } else { i };
                let mut gap = 0;
                while end < chars.len() {
                    let d = chars[end];
                    if digit(d).is_some() {
                        last_digit = end + 1;
                        gap = 0;
                    } else if separator(d) && gap < 3 {
                        gap += 1;
                    } else {
                        break;
                    }
                    end += 1;
                }
                let run: String = chars[i..last_digit].iter().collect();
                let n = run.chars().filter_map(digit).count();
                // Dates (2027-02-01) and short figures stay; seven digits or more can be a number.
                if n >= 7 && !is_date(&run) {
                    out.push_str(&self.phone(&run));
                } else {
                    out.push_str(&run);
                }
                i = last_digit;
                continue;
            }
            out.push(c);
            i += 1;
        }
        out
    }
}

/// A digit, ASCII or full-width.
fn digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

/// What people and spreadsheets put between a number's digits: every space and dash the
/// phone reader accepts (sspr_text), brackets, dots, slashes and the middle dot.
fn separator(c: char) -> bool {
    sspr_text::is_space(c) || sspr_text::is_dash(c) || matches!(c, '.' | '(' | ')' | '（' | '）' | '/' | '・' | '･' | '\u{200B}')
}

fn local_char(c: char) -> bool {
    !c.is_whitespace()
        && !matches!(
            c,
            '"' | '<'
                | '>'
                | '('
                | ')'
                | '['
                | ']'
                | ','
                | ';'
                | ':'
                | '@'
                | '＠'
                | '「'
                | '」'
                | '、'
                | '。'
                | '（'
                | '）'
                | '='
                | '\''
                | '`'
        )
}

/// A character of an address's domain: ASCII letters, digits, dots and hyphens, and any
/// other character that is not a space, a control or Japanese punctuation (an IDN in any
/// script, full-width digits): taking too much of what follows an address only masks more.
fn domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '.' | '-')
        || (!c.is_ascii()
            && !sspr_text::is_space(c)
            && !c.is_control()
            && !matches!(c, '「' | '」' | '、' | '。' | '（' | '）' | '＠' | '，' | '：' | '；'))
}

fn is_date(run: &str) -> bool {
    let b = run.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit())
}

/// Every GUID (8-4-4-4-12 hex) cut to its first 8 characters.
fn scrub_guids(text: &str) -> String {
    let b = text.as_bytes();
    if b.len() < 36 {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if i + 36 <= b.len() && text.is_char_boundary(i) && text.is_char_boundary(i + 36) && is_guid(&text[i..i + 36]) {
            out.push_str(&text[i..i + 8]);
            i += 36;
            continue;
        }
        let ch = text[i..].chars().next().unwrap_or('\0');
        out.push(ch);
        i += ch.len_utf8().max(1);
    }
    out
}

fn is_guid(s: &str) -> bool {
    s.len() == 36 && s.char_indices().all(|(i, c)| if matches!(i, 8 | 13 | 18 | 23) { c == '-' } else { c.is_ascii_hexdigit() })
}

mod apply;
pub use apply::Names;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_what_the_contract_says() {
        let r = Redactor::new(7);
        assert_eq!(r.phone("+81 90-1234-5678"), "+81 ••• •• 78");
        assert_eq!(r.phone("０９０－１２３４－５６７８"), "••• •• 78");
        assert_eq!(r.email("taro.recovery@fabrikam.example"), "t•••@fabrikam.example");
        let p = r.upn("Ga.Taro@contoso.com");
        assert!(p.starts_with("user-") && p.ends_with("@contoso.com") && !p.contains("taro"), "{p}");
        assert_eq!(r.upn("ga.taro@contoso.com"), p, "stable within a report");
        assert_ne!(Redactor::new(8).upn("ga.taro@contoso.com"), p, "different between reports");
        assert_eq!(r.id("00000000-0000-0000-0000-00000000b001"), "00000000");
    }

    #[test]
    fn texts_lose_addresses_numbers_and_guids_but_not_dates() {
        let r = Redactor::new(1);
        let upns = |u: &str| u == "ga.taro@contoso.com";
        let t = r.text(
            "Change 090-1234-5678 to +81 9012345678 for ga.taro@contoso.com; did you mean taro@gmail.com? (2027-02-01, 12 accounts, id 00000000-0000-0000-0000-00000000b001)",
            &upns,
        );
        for gone in ["1234", "5678", "9012", "taro@", "ga.taro", "00000000-0000"] {
            assert!(!t.contains(gone), "{gone} in {t}");
        }
        assert!(t.contains("2027-02-01") && t.contains("12 accounts") && t.contains("t•••@gmail.com"), "{t}");
        let ja = r.text("「taro@gmial.com」ではなく「taro@gmail.com」", &upns);
        assert_eq!(ja, "「t•••@gmial.com」ではなく「t•••@gmail.com」");
    }

    #[test]
    fn numbers_with_any_separator_and_addresses_without_a_domain_are_masked() {
        let r = Redactor::new(3);
        let none = |_: &str| false;
        for typed in
            ["03 - 1234 - 5678", "090–1234–5678", "090\t1234\t5678", "090\u{2009}1234\u{2009}5678", "090・1234・5678", "(090) 1234-5678"]
        {
            let t = r.text(&format!("the number {typed} is not valid"), &none);
            assert!(!t.contains("1234") && !t.contains("5678"), "{typed:?} -> {t}");
            assert!(t.ends_with("78 is not valid"), "{typed:?} -> {t}");
        }
        for typed in ["taro.yamada@", "taro@@contoso.com", "taro@ｃｏｎｔｏｓｏ.com", "taro@ქართული.example"] {
            let t = r.text(&format!("address {typed} here"), &none);
            assert!(!t.contains("taro") && !t.contains("yamada"), "{typed:?} -> {t}");
        }
    }
}
