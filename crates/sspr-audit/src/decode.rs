//! Bytes to text. Exports arrive as PowerShell and Excel write them: UTF-8 with or without
//! a BOM, UTF-16 (PowerShell 5.1 `Out-File`, Excel's "Unicode text"), Shift_JIS/CP932 from
//! Japanese Excel and Windows PowerShell's `-Encoding Default`, Windows-1252 from Excel in
//! western locales (shared/data/admin-exports/FORMATS.md §6). The encoding is decided
//! once for the whole file; bytes that are invalid in it become U+FFFD and are counted, so
//! the report can say so instead of guessing silently.

pub use sspr_model::audit::Encoding;

pub struct Decoded<'a> {
    /// Borrowed from the input when it is UTF-8 already (a second copy of a 23 MB file was
    /// a fifth of the page's audit memory).
    pub text: std::borrow::Cow<'a, str>,
    pub encoding: Encoding,
    /// Byte sequences that were not valid in the encoding (each became U+FFFD).
    pub invalid: usize,
}

/// Decides the encoding and decodes. Never fails: the worst case is replacement characters.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, Encoding::Utf8Bom);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, true);
    }
    if let Some(big_endian) = utf16_without_bom(bytes) {
        return utf16(bytes, big_endian);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return utf8(bytes, Encoding::Utf8);
    }
    // Not UTF-8. Japanese Excel's CSV is Shift_JIS; a western Excel's is Windows-1252.
    // Shift_JIS is chosen when its double-byte pairs account for the high bytes and decode
    // without error; Windows-1252 decodes any byte.
    let sjis = shift_jis(bytes);
    if sjis.invalid == 0 || sjis.invalid * 20 < high_bytes(bytes) {
        return sjis;
    }
    windows_1252(bytes)
}

fn utf8(bytes: &[u8], encoding: Encoding) -> Decoded<'_> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded { text: s.into(), encoding, invalid: 0 },
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let invalid = text.matches('\u{FFFD}').count();
            Decoded { text: text.into(), encoding, invalid }
        }
    }
}

/// Text in UTF-16 without a BOM shows as a NUL in every other byte of ASCII.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(512) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nul = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if odd_nul * 10 >= pairs * 7 && even_nul == 0 {
        Some(false)
    } else if even_nul * 10 >= pairs * 7 && odd_nul == 0 {
        Some(true)
    } else {
        None
    }
}

fn utf16(bytes: &[u8], big_endian: bool) -> Decoded<'static> {
    let units = bytes.chunks_exact(2).map(|p| if big_endian { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut invalid = bytes.len() % 2;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                invalid += 1;
                text.push('\u{FFFD}');
            }
        }
    }
    if bytes.len() % 2 == 1 {
        text.push('\u{FFFD}');
    }
    let encoding = if big_endian { Encoding::Utf16Be } else { Encoding::Utf16Le };
    Decoded { text: text.into(), encoding, invalid }
}

fn high_bytes(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| **b >= 0x80).count()
}

/// A Shift_JIS decoder from outside (the browser's TextDecoder, in the WebAssembly module):
/// text, with U+FFFD for what is invalid.
pub type ShiftJisDecoder = fn(&[u8]) -> Option<String>;

static EXTERNAL: std::sync::OnceLock<ShiftJisDecoder> = std::sync::OnceLock::new();

/// Installs the decoder used when the table is not compiled in. Both follow the WHATWG
/// Encoding Standard, so the text is the same.
pub fn set_shift_jis_decoder(f: ShiftJisDecoder) {
    let _ = EXTERNAL.set(f);
}

/// The double-byte half of Shift_JIS, by WHATWG index pointer (build.rs).
#[cfg(feature = "shift-jis-table")]
static CP932: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/cp932.bin"));
#[cfg(not(feature = "shift-jis-table"))]
static CP932: &[u8] = &[];

fn cp932(pointer: usize) -> Option<char> {
    let unit = u16::from_le_bytes([*CP932.get(pointer * 2)?, *CP932.get(pointer * 2 + 1)?]);
    if unit == 0 {
        return None;
    }
    char::from_u32(unit.into())
}

/// The WHATWG Encoding Standard's Shift_JIS decoder (what browsers and encoding_rs do).
pub fn shift_jis(bytes: &[u8]) -> Decoded<'static> {
    if CP932.is_empty() {
        if let Some(text) = EXTERNAL.get().and_then(|f| f(bytes)) {
            let invalid = text.matches('\u{FFFD}').count();
            return Decoded { text: text.into(), encoding: Encoding::ShiftJis, invalid };
        }
    }
    table_shift_jis(bytes)
}

fn table_shift_jis(bytes: &[u8]) -> Decoded<'static> {
    let mut text = String::with_capacity(bytes.len());
    let mut invalid = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        i += 1;
        match b {
            0x00..=0x80 => text.push(char::from(b)),
            0xA1..=0xDF => text.push(char::from_u32(0xFF61 - 0xA1 + u32::from(b)).unwrap_or('\u{FFFD}')),
            0x81..=0x9F | 0xE0..=0xFC => {
                let Some(&t) = bytes.get(i) else {
                    invalid += 1;
                    text.push('\u{FFFD}');
                    break;
                };
                let offset = if t < 0x7F { 0x40 } else { 0x41 };
                let lead_offset = if b < 0xA0 { 0x81 } else { 0xC1 };
                let decoded = if matches!(t, 0x40..=0x7E | 0x80..=0xFC) {
                    let pointer = usize::from(b - lead_offset) * 188 + usize::from(t - offset);
                    if (8836..=10715).contains(&pointer) {
                        char::from_u32(0xE000 - 8836 + pointer as u32)
                    } else {
                        cp932(pointer)
                    }
                } else {
                    None
                };
                match decoded {
                    Some(c) => {
                        text.push(c);
                        i += 1;
                    }
                    None => {
                        invalid += 1;
                        text.push('\u{FFFD}');
                        // An ASCII trail byte is not consumed: it is read again on its own.
                        if t >= 0x80 {
                            i += 1;
                        }
                    }
                }
            }
            _ => {
                invalid += 1;
                text.push('\u{FFFD}');
            }
        }
    }
    Decoded { text: text.into(), encoding: Encoding::ShiftJis, invalid }
}

/// Windows-1252: Latin-1 with printable characters in 0x80..0x9F.
fn windows_1252(bytes: &[u8]) -> Decoded<'static> {
    const HIGH: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90,
        0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let text: String = bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => char::from_u32(HIGH[usize::from(b - 0x80)].into()).unwrap_or('\u{FFFD}'),
            _ => char::from(b),
        })
        .collect();
    Decoded { text: text.into(), encoding: Encoding::Windows1252, invalid: 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_plain() {
        assert_eq!(decode(b"\xEF\xBB\xBFa,b").text, "a,b");
        assert_eq!(decode(b"\xEF\xBB\xBFa,b").encoding, Encoding::Utf8Bom);
        assert_eq!(decode(b"\xFF\xFEa\0,\0b\0").text, "a,b");
        assert_eq!(decode(b"\xFE\xFF\0a\0,\0b").encoding, Encoding::Utf16Be);
        assert_eq!(decode("管理者".as_bytes()).encoding, Encoding::Utf8);
        let no_bom: Vec<u8> = "userPrincipalName,x".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&no_bom).text, "userPrincipalName,x");
    }

    #[cfg(feature = "shift-jis-table")]
    #[test]
    fn japanese_excel_and_western_excel() {
        // 管理者 太郎 in Shift_JIS.
        let sjis = b"\x8A\xC7\x97\x9D\x8E\xD2 \x91\xBE\x98Y";
        let d = decode(sjis);
        assert_eq!((d.text.as_ref(), d.encoding, d.invalid), ("管理者 太郎", Encoding::ShiftJis, 0));
        // Müller, Zoë in Windows-1252.
        let d = decode(b"M\xFCller, Zo\xEB \x80");
        assert_eq!((d.text.as_ref(), d.encoding), ("Müller, Zoë €", Encoding::Windows1252));
    }

    #[cfg(feature = "shift-jis-table")]
    #[test]
    fn truncated_and_odd_input() {
        assert_eq!(shift_jis(b"\x8A").invalid, 1);
        assert_eq!(decode(b"\xFF\xFEa").text, "\u{FFFD}");
        assert_eq!(decode(b"").text, "");
    }
}
