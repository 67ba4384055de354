//! The engine's text (ASCII) to its packed bytes: scripts/engine-pack.mjs `encodeText` in
//! reverse. The text's first six characters are its role characters E, H0, H1, S0, S1, S2;
//! then every character is one of:
//! - S0, S1, S2: the bytes NUL, CR, `<`;
//! - H0 or H1 then a character from 0x40 up: the byte 0x80 (H0) or 0xC0 (H1) plus its low six bits;
//! - E then `a` plus k: the character of the k-th role (E, H0, H1, S0..S2, then WIDE);
//! - a WIDE character then two DIGITS: a character of web/src/wide-text.js BLOCKS, as its
//!   UTF-8;
//! - any other character below 0x80: its own byte.

/// web/src/wide-text.js `WIDE`, `DIGITS` (every printable ASCII character but `<`, `"` and
/// `\`) and `BLOCKS` (first code point, count).
const WIDE: &[u8; 3] = b"^*&";
const Q: u32 = 92;
const BLOCKS: [(u32, u32); 4] = [(0x2000, 0x800), (0x3000, 0x100), (0x4e00, 0x5200), (0xff00, 0x100)];

/// The code point at place `v` of BLOCKS.
fn code_point(mut v: u32) -> Option<u32> {
    for (first, count) in BLOCKS {
        if v < count {
            return Some(first + v);
        }
        v -= count;
    }
    None
}

/// A digit's value (`DIGITS` is 0x20..=0x7E without `"`, `<` and `\`).
fn digit(c: u8) -> Option<u32> {
    match c {
        0x20..=0x21 => Some(u32::from(c - 0x20)),
        0x23..=0x3b => Some(u32::from(c - 0x21)),
        0x3d..=0x5b => Some(u32::from(c - 0x22)),
        0x5d..=0x7e => Some(u32::from(c - 0x23)),
        _ => None,
    }
}

/// What a character of the text does (after the header).
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Its own byte.
    Byte,
    /// Stands for this byte.
    Stands(u8),
    /// The escape: the next character names a role.
    Escape,
    /// A high byte's prefix: 0x80 or 0xC0.
    High(u8),
    /// The k-th WIDE character: two digits follow.
    Wide(u32),
    /// Not in the text's alphabet.
    Bad,
}

/// Where decoding stands between calls (`decode_some`): the text's bytes read, the packed
/// bytes written. Kept in the page's memory between the page's calls, like `Progress`.
#[derive(Default)]
pub struct TextAt {
    pub read: usize,
    pub written: usize,
}

/// Writes the packed bytes of `text` into `out`; returns their length (None: damaged). The
/// one-call form of `decode_some`, for the tests.
#[cfg(test)]
pub fn decode(text: &[u8], out: &mut [u8]) -> Option<usize> {
    let mut at = TextAt::default();
    while !decode_some(text, out, &mut at, usize::MAX)? {}
    Some(at.written)
}

/// The role characters in order (E, H0, H1, S0, S1, S2, then WIDE) and each character's kind,
/// from the header; None if the header is not six distinct printable characters outside WIDE.
fn alphabet(text: &[u8]) -> Option<([u8; 9], [Kind; 128])> {
    let header = text.get(..6)?;
    let mut roles = [0u8; 9];
    let mut kind = [Kind::Byte; 128];
    for bad in [0u8, 13, b'<'].into_iter().chain(0x80..=0xff) {
        if let Some(k) = kind.get_mut(usize::from(bad)) {
            *k = Kind::Bad;
        }
    }
    let role_kinds = [Kind::Escape, Kind::High(0x80), Kind::High(0xc0), Kind::Stands(0), Kind::Stands(13), Kind::Stands(b'<')];
    for (i, (&c, role)) in header.iter().zip(role_kinds).enumerate() {
        let k = kind.get_mut(usize::from(c))?;
        if *k != Kind::Byte || !(0x21..=0x7e).contains(&c) || WIDE.contains(&c) {
            return None;
        }
        *k = role;
        *roles.get_mut(i)? = c;
    }
    for (i, &c) in WIDE.iter().enumerate() {
        *kind.get_mut(usize::from(c))? = Kind::Wide(i as u32);
        *roles.get_mut(6 + i)? = c;
    }
    Some((roles, kind))
}

/// Decodes about `bytes` more of `text` (to the end of the character there) from `at`:
/// Some(true) once the whole text is decoded, Some(false) while more is left, None when
/// it is damaged. `bytes` must be at least 1: with 0 nothing is read, and a caller looping
/// until done never finishes (the page's is 32 KiB). The page decodes in slices, so that
/// the browser's optimized code takes over after the first (V8 runs a call in the code it
/// began with): in Chromium the whole text in one call took 4.3-4.9 ms, in slices about 3 (the
/// page's marks, 2026-12-07; end to end within the noise between runs). Not inlined: a
/// function of its own gets its optimized code sooner (scripts/build-web.mjs NO_INLINE).
#[inline(never)]
pub fn decode_some(text: &[u8], out: &mut [u8], at: &mut TextAt, bytes: usize) -> Option<bool> {
    // (Built again on each call: some 1.2 KB, against the 32 KiB a call decodes.)
    let (roles, kind) = alphabet(text)?;
    let mut i = at.read.max(6);
    let mut o = at.written;
    let until = i.saturating_add(bytes).min(text.len());
    while i < until {
        let c = *text.get(i)?;
        i += 1;
        let byte = match *kind.get(usize::from(c))? {
            Kind::Byte => c,
            Kind::Stands(b) => b,
            Kind::Bad => return None,
            Kind::Escape => {
                let r = text.get(i)?.checked_sub(b'a')?;
                i += 1;
                *roles.get(usize::from(r))?
            }
            Kind::High(base) => {
                let low = text.get(i)?.checked_sub(0x40)?;
                i += 1;
                if low >= 0x40 {
                    return None;
                }
                base | low
            }
            Kind::Wide(k) => {
                let (d1, d2) = (digit(*text.get(i)?)?, digit(*text.get(i + 1)?)?);
                i += 2;
                let cp = code_point((k * Q + d1) * Q + d2)?;
                // Its UTF-8: three bytes.
                for b in [0xe0 | (cp >> 12) as u8, 0x80 | ((cp >> 6) & 0x3f) as u8, 0x80 | (cp & 0x3f) as u8] {
                    *out.get_mut(o)? = b;
                    o += 1;
                }
                continue;
            }
        };
        *out.get_mut(o)? = byte;
        o += 1;
    }
    *at = TextAt { read: i, written: o };
    Some(i >= text.len())
}

#[cfg(test)]
mod tests {
    use super::decode;

    /// Roles E=`!` H0=`#` H1=`$` S0=`'` S1=`(` S2=`)`, then: `a`, NUL, CR, `<`, 0x80, 0xFF,
    /// the escaped `!` and `^`, あ (U+3042) in its three characters, and `\`.
    #[test]
    fn every_form_of_the_text_reads_back() {
        // U+3042 is place 0x800 + 0x42 = 2114 of BLOCKS = (0 * 92 + 22) * 92 + 90: `^`,
        // DIGITS[22] = `7`, DIGITS[90] = `}`.
        let text = "!#$'()a'()#@$\x7f!a!g^7}\\";
        let mut out = [0u8; 64];
        let n = decode(text.as_bytes(), &mut out).unwrap();
        assert_eq!(&out[..n], &[b'a', 0, 13, b'<', 0x80, 0xff, b'!', b'^', 0xe3, 0x81, 0x82, b'\\']);
    }

    #[test]
    fn in_slices_the_same_bytes() {
        let text = format!("!#$'(){}", "a'#@$\x7f!g^7}bc)".repeat(7));
        let mut whole = [0u8; 256];
        let n = decode(text.as_bytes(), &mut whole).unwrap();
        for slice in [1, 2, 3, 5, 64] {
            let (mut out, mut at) = ([0u8; 256], super::TextAt::default());
            while !super::decode_some(text.as_bytes(), &mut out, &mut at, slice).unwrap() {}
            assert_eq!(&out[..at.written], &whole[..n], "slices of {slice}");
        }
    }

    #[test]
    fn a_damaged_text_is_none_never_a_panic() {
        let mut out = [0u8; 64];
        for t in [
            &b""[..],
            b"!#$'(",
            b"!!$'()a",         // a role twice
            b"!#$'()!j",        // past the named characters
            b"!#$'(^a",         // a WIDE character as a role
            b"!#$'()!z",        // no such role
            b"!#$'()#?",        // not a high byte's second character
            b"!#$'()^7",        // a wide form cut short
            b"!#$'()^7\"",      // not a digit
            b"!#$'()&~~",       // past the last block
            b"!#$'()a\xc3\xa9", // not ASCII
            b"!#$'()a\r",
            b"!#$'()!",
        ] {
            assert_eq!(decode(t, &mut out), None, "{t:?}");
        }
        // Longer than the room: None.
        let long = [b"!#$'()".as_slice(), &[b'x'; 100]].concat();
        assert_eq!(decode(&long, &mut out), None);
    }
}
