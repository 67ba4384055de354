//! SSPR Doctor's pattern engine for the phone numbering metadata, used by the vendored
//! `phonenumber` crate (vendor/phonenumber/PATCH.md) in place of the `regex-cache` crate
//! and, for the metadata's own patterns, the `regex` crate.
//!
//! Upstream keeps every pattern in `regex_cache::CachedRegex`, which re-parses each of the
//! 4,734 patterns with regex-syntax 0.6 as a syntax check when the database is built, then
//! compiles them with `regex` into a 100-entry LRU that thrashes when numbers span many
//! regions. Here a pattern is its source plus a small program compiled on first use and
//! kept: building a `Database` parses nothing, and a region's patterns are compiled once,
//! only if a number needs them.
//!
//! The metadata's patterns use a tiny part of regular-expression syntax: digits, `\d`,
//! classes of digits, groups, `|`, `?` and `{n,m}`, and `$`, over strings of digits. A
//! bounded backtracker over that (the algorithm of regex-automata's BoundedBacktracker:
//! each program position is tried at most once per text position, so time is linear in
//! the program times the text, never exponential) matches a phone number's descriptor in
//! tens of nanoseconds, with no tables to build, in a few kilobytes of code. Measured
//! against `regex` and `regex-lite`: docs/figures.md. Its answers are those of `regex` on
//! every metadata pattern (tests/pattern_engine.rs in sspr-doctor-core).
//!
//! Matching is anchored the way libphonenumber matches: `find` and `captures` only at the
//! start of the text (its `lookingAt`), and descriptor patterns over the whole number
//! (`matchesEntirely`, see `Descriptor::is_match`). Priorities are leftmost-first, as in
//! Java (libphonenumber's home) and `regex`.

mod parse;
mod program;

use std::sync::OnceLock;

use self::program::Program;
use std::borrow::Cow;

use std::fmt;

/// How a pattern is anchored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// At the start of the text only (libphonenumber's `lookingAt`).
    Start,
    /// The whole text (libphonenumber's `matchesEntirely`).
    Both,
}

/// A metadata pattern, compiled on first use.
#[derive(Clone)]
pub struct CachedRegex {
    source: String,
    anchor: Anchor,
    compiled: OnceLock<Program>,
}

/// Compiles a metadata pattern, for build-time validation: an error names what is not
/// supported.
pub fn compile(source: &str) -> Result<(), String> {
    Program::new(source, Anchor::Both).map(|_| ())
}

impl CachedRegex {
    /// A pattern matched at the start of the text.
    pub fn new(source: String) -> CachedRegex {
        CachedRegex { source, anchor: Anchor::Start, compiled: OnceLock::new() }
    }

    /// A pattern matched against the whole text.
    pub fn entire(source: String) -> CachedRegex {
        CachedRegex { source, anchor: Anchor::Both, compiled: OnceLock::new() }
    }

    fn program(&self) -> &Program {
        // Validated at build time; a pattern that still fails matches nothing rather
        // than panicking.
        self.compiled.get_or_init(|| Program::new(&self.source, self.anchor).unwrap_or_else(|_| Program::never()))
    }

    /// The pattern as written in the metadata (without the added anchors).
    pub fn as_str(&self) -> &str {
        &self.source
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.program().exec(text.as_bytes(), &mut [None, None])
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        let mut slots = [None, None];
        if !self.program().exec(text.as_bytes(), &mut slots) {
            return None;
        }
        Some(Match { text, start: slots[0]?, end: slots[1]? })
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        let p = self.program();
        let mut slots = vec![None; 2 * p.groups];
        p.exec(text.as_bytes(), &mut slots).then_some(Captures { text, slots })
    }

    /// The number of groups, the whole match included.
    pub fn captures_len(&self) -> usize {
        self.program().groups
    }

    /// Replaces the match (at the start of the text) with `rep`, in which `$1` or `${1}`
    /// stands for a group.
    pub fn replace<'t>(&self, text: &'t str, rep: &str) -> Cow<'t, str> {
        let Some(caps) = self.captures(text) else { return Cow::Borrowed(text) };
        let (start, end) = (caps.slots[0].unwrap_or(0), caps.slots[1].unwrap_or(0));
        let mut out = String::with_capacity(text.len() + rep.len());
        out.push_str(&text[..start]);
        let mut rest = rep;
        while let Some(i) = rest.find('$') {
            out.push_str(&rest[..i]);
            rest = &rest[i + 1..];
            let (name, after) = match rest.strip_prefix('{') {
                Some(r) => match r.find('}') {
                    Some(j) => (&r[..j], &r[j + 1..]),
                    None => ("", rest),
                },
                None => rest.split_at(rest.bytes().take_while(u8::is_ascii_digit).count()),
            };
            match name.parse::<usize>() {
                Ok(n) => out.push_str(caps.get(n).map_or("", |m| m.as_str())),
                Err(_) => out.push('$'),
            }
            rest = after;
        }
        out.push_str(rest);
        out.push_str(&text[end..]);
        Cow::Owned(out)
    }
}

impl fmt::Debug for CachedRegex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("CachedRegex").field(&self.source).finish()
    }
}

impl fmt::Display for CachedRegex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

/// A match: where it is in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Match<'t> {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

/// The groups of a match; group 0 is the whole match.
#[derive(Clone, Debug)]
pub struct Captures<'t> {
    text: &'t str,
    slots: Vec<Option<usize>>,
}

impl<'t> Captures<'t> {
    pub fn get(&self, i: usize) -> Option<Match<'t>> {
        let (start, end) = (*self.slots.get(2 * i)?, *self.slots.get(2 * i + 1)?);
        Some(Match { text: self.text, start: start?, end: end? })
    }
    pub fn len(&self) -> usize {
        self.slots.len() / 2
    }
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
}

// ---- the pattern language --------------------------------------------------------------

/// A set of digits, bit `d` for digit `d`.
pub(crate) type Digits = u16;
pub(crate) const ALL_DIGITS: Digits = 0x3FF;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_groups_and_replacement() {
        let desc = CachedRegex::entire("90\\d{8}|[1-5]\\d{8}".into());
        assert!(desc.is_match("9012345678"));
        assert!(!desc.is_match("90123456789"));
        assert!(!desc.is_match("x9012345678"));
        let npp = CachedRegex::new("0?(?:(11|2(?:2(?:02?|[13]))|3[0-4])15)?".into());
        let caps = npp.captures("01115234567").unwrap();
        assert_eq!(caps.get(0).unwrap().as_str(), "01115");
        assert_eq!(caps.get(1).unwrap().as_str(), "11");
        assert_eq!(npp.replace("01115234567", "9$1"), "911234567");
        let end = CachedRegex::new("([2-9]\\d{6})$|1".into());
        assert_eq!(end.replace("2345678", "${1}"), "2345678");
        assert_eq!(end.find("12345678").unwrap().end(), 1);
        assert!(compile("a|b").is_err());
        assert!(compile("(?:1|2").is_err());
    }
}
