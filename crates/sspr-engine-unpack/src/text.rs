//! The engine's text (as UTF-8) to its packed bytes: web/src/engine-pack.js `encodeText`
//! in reverse. The text's first four characters are the four rarest bytes, which stand for the
//! four bytes HTML would change (NUL, CR, `<`, `\`); those four are written `\1`..`\4`; any
//! other character below U+0100 is its byte; a character from U+2000 up is its own UTF-8.

const UNSAFE: [u8; 4] = [0, 13, 60, 92];

/// One character of `t` at `i`: (its code point, its UTF-8 length), the forms the text uses.
fn char_at(t: &[u8], i: usize) -> Option<(u32, usize)> {
    let b = *t.get(i)?;
    let cont = |k: usize| t.get(i + k).map(|c| u32::from(c & 0x3f));
    match b {
        0x00..=0x7f => Some((u32::from(b), 1)),
        0xc2..=0xc3 => Some(((u32::from(b & 0x1f) << 6) | cont(1)?, 2)),
        _ => None,
    }
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

/// Decodes about `bytes` more of `text` (to the end of the character there) from `at`:
/// Some(true) once the whole text is decoded, Some(false) while more is left, None when
/// it is damaged. `bytes` must be at least 1: with 0 nothing is read, and a caller looping
/// until done never finishes (the page's is 32 KiB). The page decodes in slices, so that
/// the browser's optimized code takes over after the first (V8 runs a call in the code it
/// began with): in Chromium the whole text in one call took 4.3-4.9 ms, in slices about 3 (the
/// page's marks, 2026-12-07; end to end within the noise between runs).
pub fn decode_some(text: &[u8], out: &mut [u8], at: &mut TextAt, bytes: usize) -> Option<bool> {
    let mut value = [0u8; 256];
    for (v, b) in value.iter_mut().zip(0u8..=255) {
        *v = b;
    }
    // (`value[c]` below: `c` is a byte, the table has 256.) The table is the text's first
    // four characters, read again on each call.
    let mut escaped = [0u8; 4];
    let mut i = 0;
    for (k, u) in UNSAFE.iter().enumerate() {
        let (c, n) = char_at(text, i)?;
        let c = u8::try_from(c).ok()?;
        *value.get_mut(usize::from(c))? = *u;
        *escaped.get_mut(k)? = c;
        i += n;
    }
    let mut i = i.max(at.read);
    let mut o = at.written;
    let until = i.saturating_add(bytes).min(text.len());
    while i < until {
        let b = *text.get(i)?;
        if b >= 0xe0 {
            // A character from U+2000 up: its own UTF-8 bytes.
            let n = if b >= 0xf0 { 4 } else { 3 };
            for _ in 0..n {
                *out.get_mut(o)? = *text.get(i)?;
                o += 1;
                i += 1;
            }
            continue;
        }
        let (c, n) = char_at(text, i)?;
        i += n;
        let byte = if c == 92 {
            let (d, m) = char_at(text, i)?;
            i += m;
            *escaped.get(d.checked_sub(49)? as usize)?
        } else {
            *value.get(c as usize)?
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

    /// The four rare bytes first (here 1, 2, 3, 4), then: `a`, the rare 1 standing for NUL,
    /// `\\2` for byte 2, U+00E9 for byte 0xE9, and あ (U+3042) as its own UTF-8.
    #[test]
    fn every_form_of_the_text_reads_back() {
        let text = "\u{1}\u{2}\u{3}\u{4}a\u{1}\\2\u{e9}あ";
        let mut out = [0u8; 64];
        let n = decode(text.as_bytes(), &mut out).unwrap();
        assert_eq!(&out[..n], &[b'a', 0, 2, 0xe9, 0xe3, 0x81, 0x82]);
    }

    #[test]
    fn in_slices_the_same_bytes() {
        let text = "\u{1}\u{2}\u{3}\u{4}a\u{1}\\2\u{e9}あ𝄞bc\\4".repeat(7);
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
        for t in [&b""[..], b"\x01\x02", b"\x01\x02\x03\x04\\9", b"\x01\x02\x03\x04\xe3\x81", b"\xff\xff\xff\xff"] {
            assert_eq!(decode(t, &mut out), None, "{t:?}");
        }
        // Longer than the room: None.
        assert_eq!(decode(&[b'x'; 100], &mut out), None);
    }
}
