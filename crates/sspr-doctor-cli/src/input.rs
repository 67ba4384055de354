//! Standard input as Windows and everyone else write it: UTF-8 with or without a byte
//! order mark (Notepad writes one), and UTF-16 with its mark (Windows PowerShell 5.1's `>`
//! and `Out-File`). Bytes that are not valid text become U+FFFD instead of an error, so a
//! damaged line is reported as such, never the whole input refused.

use std::io::{self, BufRead, BufReader, Read};

/// A line longer than this is cut there (and the rest of it skipped): far longer than any
/// real phone number or CSV row, and it keeps memory bounded on any input.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// Turns UTF-16 (either byte order) into UTF-8 as it is read, a few bytes at a time.
struct Utf16ToUtf8<R> {
    inner: R,
    little_endian: bool,
    carry: Option<u8>,
    high_surrogate: Option<u16>,
    out: Vec<u8>,
    pos: usize,
}

impl<R: Read> Read for Utf16ToUtf8<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.out.len() {
            self.out.clear();
            self.pos = 0;
            let mut raw = [0u8; 8192];
            let n = self.inner.read(&mut raw)?;
            if n == 0 {
                // A lone byte or surrogate at the end is damaged text.
                if self.carry.take().is_some() || self.high_surrogate.take().is_some() {
                    self.out.extend_from_slice("\u{FFFD}".as_bytes());
                    continue;
                }
                return Ok(0);
            }
            let mut bytes: Vec<u8> = self.carry.take().into_iter().collect();
            bytes.extend_from_slice(&raw[..n]);
            if bytes.len() % 2 == 1 {
                self.carry = bytes.pop();
            }
            for pair in bytes.chunks_exact(2) {
                let unit = if self.little_endian { u16::from_le_bytes([pair[0], pair[1]]) } else { u16::from_be_bytes([pair[0], pair[1]]) };
                let c = match (self.high_surrogate.take(), unit) {
                    (None, 0xD800..=0xDBFF) => {
                        self.high_surrogate = Some(unit);
                        continue;
                    }
                    (Some(high), 0xDC00..=0xDFFF) => char::decode_utf16([high, unit]).next().and_then(Result::ok),
                    (Some(_), _) => {
                        // An unpaired high surrogate, then this unit on its own.
                        self.out.extend_from_slice("\u{FFFD}".as_bytes());
                        char::decode_utf16([unit]).next().and_then(Result::ok)
                    }
                    (None, _) => char::decode_utf16([unit]).next().and_then(Result::ok),
                };
                let mut tmp = [0u8; 4];
                self.out.extend_from_slice(c.unwrap_or(char::REPLACEMENT_CHARACTER).encode_utf8(&mut tmp).as_bytes());
            }
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// Standard input (or a file) decoded to UTF-8 by its byte order mark.
pub fn decoded<R: Read + 'static>(reader: R) -> io::Result<Box<dyn BufRead>> {
    let mut r = BufReader::with_capacity(64 * 1024, reader);
    let head = r.fill_buf()?;
    let (skip, utf16) = match head {
        [0xEF, 0xBB, 0xBF, ..] => (3, None),
        [0xFF, 0xFE, ..] => (2, Some(true)),
        [0xFE, 0xFF, ..] => (2, Some(false)),
        _ => (0, None),
    };
    r.consume(skip);
    Ok(match utf16 {
        None => Box::new(r),
        Some(little_endian) => Box::new(BufReader::with_capacity(
            64 * 1024,
            Utf16ToUtf8 { inner: r, little_endian, carry: None, high_surrogate: None, out: Vec::new(), pos: 0 },
        )),
    })
}

/// The next line without its line ending (LF or CRLF), cut at `MAX_LINE_BYTES`; None at
/// the end. Invalid UTF-8 becomes U+FFFD.
pub fn next_line(r: &mut dyn BufRead) -> io::Result<Option<String>> {
    let mut bytes = Vec::new();
    let mut any = false;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        any = true;
        let newline = buf.iter().position(|&b| b == b'\n');
        let take = newline.map_or(buf.len(), |i| i + 1);
        let room = MAX_LINE_BYTES.saturating_sub(bytes.len());
        bytes.extend_from_slice(&buf[..newline.unwrap_or(take).min(room)]);
        r.consume(take);
        if newline.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

/// All of the input, up to `limit` bytes, and whether it was longer.
pub fn read_all(r: &mut dyn BufRead, limit: u64) -> io::Result<(String, bool)> {
    let mut bytes = Vec::new();
    let read = r.take(limit + 1).read_to_end(&mut bytes)?;
    let cut = read as u64 > limit;
    bytes.truncate(limit as usize);
    Ok((String::from_utf8_lossy(&bytes).into_owned(), cut))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &[u8]) -> Vec<String> {
        let mut r = decoded(std::io::Cursor::new(bytes.to_vec())).unwrap();
        let mut out = Vec::new();
        while let Some(x) = next_line(&mut *r).unwrap() {
            out.push(x);
        }
        out
    }

    fn utf16(s: &str, le: bool) -> Vec<u8> {
        let mut v = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        v.extend(s.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }));
        v
    }

    #[test]
    fn every_encoding_windows_writes() {
        assert_eq!(lines(b"a\r\nb\n"), ["a", "b"]);
        assert_eq!(lines(b"\xEF\xBB\xBFa\tJP\r\n"), ["a\tJP"]);
        assert_eq!(lines(&utf16("+81 90\tJP\r\n日本😀\r\n", true)), ["+81 90\tJP", "日本😀"]);
        assert_eq!(lines(&utf16("+81 90\n日本", false)), ["+81 90", "日本"]);
        assert_eq!(lines(b"no newline at end"), ["no newline at end"]);
        assert_eq!(lines(b""), Vec::<String>::new());
        assert_eq!(lines(b"\n\n"), ["", ""]);
        assert_eq!(lines(b"bad \xFF byte"), ["bad \u{FFFD} byte"]);
        let mut odd = utf16("ab", true);
        odd.push(0x41);
        assert_eq!(lines(&odd), ["ab\u{FFFD}"]);
    }

    #[test]
    fn long_lines_are_cut_not_buffered() {
        let mut big = vec![b'1'; MAX_LINE_BYTES * 3];
        big.extend_from_slice(b"\nnext\n");
        let got = lines(&big);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].len(), MAX_LINE_BYTES);
        assert_eq!(got[1], "next");
    }

    #[test]
    fn read_all_decodes_boms() {
        let mut r = decoded(std::io::Cursor::new(b"\xEF\xBB\xBF{}".to_vec())).unwrap();
        assert_eq!(read_all(&mut *r, 100).unwrap(), ("{}".to_string(), false));
        let mut r = decoded(std::io::Cursor::new(utf16("{\"lang\":\"ja\"}", true))).unwrap();
        assert_eq!(read_all(&mut *r, 100).unwrap().0, "{\"lang\":\"ja\"}");
        let mut r = decoded(std::io::Cursor::new(b"0123456789".to_vec())).unwrap();
        assert_eq!(read_all(&mut *r, 4).unwrap(), ("0123".to_string(), true));
    }
}
