//! A CSV reader for what PowerShell and Excel write (RFC 4180 and its variations): comma,
//! semicolon or tab (Excel in locales with a decimal comma writes semicolons), quoted
//! cells with doubled quotes and line breaks inside, CRLF, LF or CR, a `#TYPE` first line
//! (Windows PowerShell 5.1 `Export-Csv` without `-NoTypeInformation`) and Excel's `sep=`
//! line. Linear in the input whatever it holds: a cell is cut at `MAX_CELL` bytes and
//! columns beyond the header are counted, not kept.

use std::borrow::Cow;

/// Longer cells are cut (and reported): no export has a cell this long.
pub const MAX_CELL: usize = 64 * 1024;
/// More header columns than this is not an export of accounts.
pub const MAX_COLUMNS: usize = 1024;

pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    /// The 1-based line the next record starts on.
    line: usize,
    pub delimiter: u8,
    /// The `#TYPE` line PowerShell 5.1 wrote, if any.
    pub type_line: Option<&'a str>,
}

/// What went wrong in one record, for the report's problems.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RecordTrouble {
    pub cut_cells: usize,
    pub unterminated: bool,
    /// Cells beyond `keep`, not kept.
    pub extra_cells: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        let mut r = Reader { text, pos: 0, line: 1, delimiter: b',', type_line: None };
        // Blank lines before the header are skipped; so is PowerShell's #TYPE line and
        // Excel's sep= line (which also names the delimiter).
        loop {
            let rest = &text[r.pos..];
            let end = rest.find(['\r', '\n']).unwrap_or(rest.len());
            let line = &rest[..end];
            if line.trim().is_empty() && end < rest.len() {
                r.skip_line(end);
            } else if line.starts_with("#TYPE") || line.starts_with("#type") {
                r.type_line = Some(line);
                r.skip_line(end);
            } else if let Some(sep) = line.strip_prefix("sep=").filter(|s| s.len() == 1) {
                r.delimiter = sep.as_bytes()[0];
                r.skip_line(end);
                return r;
            } else {
                r.delimiter = sniff(line);
                return r;
            }
        }
    }

    fn skip_line(&mut self, end: usize) {
        let bytes = self.text.as_bytes();
        let mut p = self.pos + end;
        if bytes.get(p) == Some(&b'\r') {
            p += 1;
        }
        if bytes.get(p) == Some(&b'\n') {
            p += 1;
        }
        self.pos = p;
        self.line += 1;
    }

    /// Reads the next record into `out` (at most `keep` cells; `usize::MAX` for all, up to
    /// `MAX_COLUMNS + 1`). Returns the line it started on and what went wrong, or `None`
    /// at the end. Lines with nothing on them are skipped.
    pub fn next_record(&mut self, out: &mut Vec<Cow<'a, str>>, keep: usize) -> Option<(usize, RecordTrouble)> {
        let bytes = self.text.as_bytes();
        loop {
            out.clear();
            if self.pos >= bytes.len() {
                return None;
            }
            let start_line = self.line;
            let mut trouble = RecordTrouble::default();
            let mut cells = 0usize;
            loop {
                let (cell, end_of_record) = self.cell(&mut trouble);
                if cells < keep.min(MAX_COLUMNS + 1) {
                    out.push(cell);
                } else {
                    trouble.extra_cells += 1;
                }
                cells += 1;
                if end_of_record {
                    break;
                }
            }
            // A line with nothing on it is not a record.
            if cells == 1 && out.first().is_some_and(|c| c.is_empty()) {
                continue;
            }
            return Some((start_line, trouble));
        }
    }

    /// One cell; true when it ends its record.
    fn cell(&mut self, trouble: &mut RecordTrouble) -> (Cow<'a, str>, bool) {
        let bytes = self.text.as_bytes();
        let mut p = self.pos;
        // Blanks before an opening quote (`a, "b"`) are allowed.
        let mut q = p;
        while bytes.get(q) == Some(&b' ') {
            q += 1;
        }
        if bytes.get(q) == Some(&b'"') {
            p = q + 1;
            let mut owned: Option<String> = None;
            let mut seg = p;
            loop {
                match memchr_quote_or_newline(bytes, p) {
                    None => {
                        // The quote never closes: the rest of the file is this cell.
                        trouble.unterminated = true;
                        let cell = finish_quoted(owned, &self.text[seg..], trouble);
                        self.pos = bytes.len();
                        return (cell, true);
                    }
                    Some(i) if bytes[i] == b'"' => {
                        if bytes.get(i + 1) == Some(&b'"') {
                            let o = owned.get_or_insert_with(String::new);
                            push_capped(o, &self.text[seg..=i]);
                            p = i + 2;
                            seg = p;
                            continue;
                        }
                        let piece = &self.text[seg..i];
                        let cell = match owned {
                            Some(mut o) => {
                                push_capped(&mut o, piece);
                                Cow::Owned(o)
                            }
                            None => Cow::Borrowed(cap(piece, trouble)),
                        };
                        // After the closing quote: anything up to the delimiter is kept
                        // as Excel does (`"a"b` reads as `ab`), rarely seen.
                        let (rest, end) = self.unquoted_from(i + 1, trouble);
                        let cell = if rest.trim().is_empty() { cell } else { Cow::Owned(format!("{cell}{rest}")) };
                        return (cell, end);
                    }
                    Some(i) => {
                        // A line break inside quotes belongs to the cell.
                        if bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                            self.line += 1;
                        }
                        p = i + 1;
                    }
                }
            }
        }
        let (cell, end) = self.unquoted_from(p, trouble);
        (Cow::Borrowed(cell), end)
    }

    /// An unquoted cell from `p` to the delimiter or the end of the line.
    fn unquoted_from(&mut self, p: usize, trouble: &mut RecordTrouble) -> (&'a str, bool) {
        let bytes = self.text.as_bytes();
        let d = self.delimiter;
        let mut i = p;
        while i < bytes.len() && bytes[i] != d && bytes[i] != b'\n' && bytes[i] != b'\r' {
            i += 1;
        }
        let cell = cap(&self.text[p..i], trouble);
        match bytes.get(i) {
            Some(&c) if c == d => {
                self.pos = i + 1;
                (cell, false)
            }
            Some(b'\r') => {
                self.pos = if bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                self.line += 1;
                (cell, true)
            }
            Some(_) => {
                self.pos = i + 1;
                self.line += 1;
                (cell, true)
            }
            None => {
                self.pos = bytes.len();
                (cell, true)
            }
        }
    }
}

fn memchr_quote_or_newline(bytes: &[u8], from: usize) -> Option<usize> {
    bytes.get(from..)?.iter().position(|b| matches!(b, b'"' | b'\n' | b'\r')).map(|i| i + from)
}

fn cap<'a>(s: &'a str, trouble: &mut RecordTrouble) -> &'a str {
    if s.len() <= MAX_CELL {
        return s;
    }
    trouble.cut_cells += 1;
    crate::normalize::prefix(s, MAX_CELL)
}

fn push_capped(o: &mut String, piece: &str) {
    let room = MAX_CELL.saturating_sub(o.len());
    o.push_str(crate::normalize::prefix(piece, room));
}

fn finish_quoted<'a>(owned: Option<String>, rest: &'a str, trouble: &mut RecordTrouble) -> Cow<'a, str> {
    match owned {
        Some(mut o) => {
            if o.len() + rest.len() > MAX_CELL {
                trouble.cut_cells += 1;
            }
            push_capped(&mut o, rest);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(cap(rest, trouble)),
    }
}

/// The delimiter of a header line: the most frequent of comma, semicolon and tab outside
/// quotes (a comma on a tie, as PowerShell and Excel in most locales write).
fn sniff(header: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in header.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|i| (counts[*i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<Vec<String>> {
        let mut r = Reader::new(text);
        let mut out = Vec::new();
        let mut rows = Vec::new();
        while r.next_record(&mut out, usize::MAX).is_some() {
            rows.push(out.iter().map(|c| c.to_string()).collect());
        }
        rows
    }

    #[test]
    fn quotes_line_breaks_and_delimiters() {
        assert_eq!(all("a,b\r\n1,\"x\"\"y\"\r\n"), [["a", "b"], ["1", "x\"y"]]);
        assert_eq!(all("a;b\n\"m\nn\";2\n"), [["a", "b"], ["m\nn", "2"]]);
        assert_eq!(all("a\tb\n1\t2"), [["a", "b"], ["1", "2"]]);
        assert_eq!(all("sep=;\na,b;c\n"), [["a,b", "c"]]);
        assert_eq!(all("#TYPE X.Y\n\"a\",\"b\"\n\n\"1\",\"\"\n"), [["a", "b"], ["1", ""]]);
        assert_eq!(all("a,b\n1,2,3\n"), vec![vec!["a", "b"], vec!["1", "2", "3"]]);
        assert_eq!(all("a\r1\r"), [["a"], ["1"]]);
    }

    #[test]
    fn line_numbers_count_breaks_inside_quotes() {
        let mut r = Reader::new("h\n\"a\nb\"\nc\n");
        let mut out = Vec::new();
        let lines: Vec<usize> = std::iter::from_fn(|| r.next_record(&mut out, 9).map(|(l, _)| l)).collect();
        assert_eq!(lines, [1, 2, 4]);
    }

    #[test]
    fn hostile_cells_stay_bounded() {
        let long = format!("h\n\"{}\"\n", "x".repeat(MAX_CELL * 3));
        let mut r = Reader::new(&long);
        let mut out = Vec::new();
        r.next_record(&mut out, 9);
        let (_, t) = r.next_record(&mut out, 9).unwrap();
        assert_eq!((out[0].len(), t.cut_cells), (MAX_CELL, 1));
        let open = "h\n\"never closes\nat all";
        let mut r = Reader::new(open);
        r.next_record(&mut out, 9);
        let (_, t) = r.next_record(&mut out, 9).unwrap();
        assert!(t.unterminated);
        assert_eq!(out[0], "never closes\nat all");
        let wide = format!("h\n{}\n", ",".repeat(100_000));
        let mut r = Reader::new(&wide);
        r.next_record(&mut out, 9);
        let (_, t) = r.next_record(&mut out, 1).unwrap();
        assert_eq!((out.len(), t.extra_cells), (1, 100_000));
    }
}
