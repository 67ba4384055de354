// SSPR Doctor patch (see PATCH.md): replaces the `regex-cache` crate and, for the metadata's
// own patterns, the `regex` crate.
//
// Upstream keeps every pattern in `regex_cache::CachedRegex`, which re-parses each of the
// 4,734 patterns with regex-syntax 0.6 as a syntax check when the database is built, then
// compiles them with `regex` into a 100-entry LRU that thrashes when numbers span many
// regions. Here a pattern is its source plus a small program compiled on first use and
// kept: building a `Database` parses nothing, and a region's patterns are compiled once,
// only if a number needs them.
//
// The metadata's patterns use a tiny part of regular-expression syntax: digits, `\d`,
// classes of digits, groups, `|`, `?` and `{n,m}`, and `$`, over strings of digits. A
// bounded backtracker over that (the algorithm of regex-automata's BoundedBacktracker:
// each program position is tried at most once per text position, so time is linear in
// the program times the text, never exponential) matches a phone number's descriptor in
// tens of nanoseconds, with no tables to build, in a few kilobytes of code. Measured
// against `regex` and `regex-lite`: docs/figures.md. Its answers are those of `regex` on
// every metadata pattern (tests/pattern_engine.rs in sspr-doctor-core).
//
// Matching is anchored the way libphonenumber matches: `find` and `captures` only at the
// start of the text (its `lookingAt`), and descriptor patterns over the whole number
// (`matchesEntirely`, see `Descriptor::is_match`). Priorities are leftmost-first, as in
// Java (libphonenumber's home) and `regex`.

use once_cell::sync::OnceCell;
use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

/// How a pattern is anchored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anchor {
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
    compiled: OnceCell<Program>,
}

/// Compiles a metadata pattern, for build-time validation: an error names what is not
/// supported.
pub fn compile(source: &str) -> Result<(), String> {
    Program::new(source, Anchor::Both).map(|_| ())
}

impl CachedRegex {
    /// A pattern matched at the start of the text.
    pub fn new(source: String) -> CachedRegex {
        CachedRegex { source, anchor: Anchor::Start, compiled: OnceCell::new() }
    }

    /// A pattern matched against the whole text.
    pub fn entire(source: String) -> CachedRegex {
        CachedRegex { source, anchor: Anchor::Both, compiled: OnceCell::new() }
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
type Digits = u16;
const ALL_DIGITS: Digits = 0x3FF;

#[derive(Debug)]
enum Ast {
    Digits(Digits),
    /// `$`: the end of the text.
    End,
    Concat(Vec<Ast>),
    Alt(Vec<Ast>),
    /// `x?`, `x{n}`, `x{n,m}`, `x{n,}`, `x*`, `x+` (greedy).
    Repeat(Box<Ast>, u16, Option<u16>),
    /// `(x)` with its group number, or `(?:x)`.
    Group(Option<u16>, Box<Ast>),
}

/// A recursive-descent parser of the metadata's pattern syntax. Whitespace is ignored, as
/// the crate compiled patterns with `ignore_whitespace`.
struct Parser<'s> {
    s: &'s [u8],
    i: usize,
    groups: u16,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn skip_blank(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.skip_blank();
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn error<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("{what} at byte {} of {:?}", self.i, String::from_utf8_lossy(self.s)))
    }

    fn alt(&mut self) -> Result<Ast, String> {
        let mut branches = vec![self.concat()?];
        while self.eat(b'|') {
            branches.push(self.concat()?);
        }
        Ok(if branches.len() == 1 { branches.pop().unwrap_or(Ast::Concat(Vec::new())) } else { Ast::Alt(branches) })
    }

    fn concat(&mut self) -> Result<Ast, String> {
        let mut items = Vec::new();
        loop {
            self.skip_blank();
            match self.peek() {
                None | Some(b'|') | Some(b')') => break,
                _ => items.push(self.repeat()?),
            }
        }
        Ok(if items.len() == 1 { items.pop().unwrap_or(Ast::Concat(Vec::new())) } else { Ast::Concat(items) })
    }

    fn repeat(&mut self) -> Result<Ast, String> {
        let mut atom = self.atom()?;
        loop {
            let (min, max) = if self.eat(b'?') {
                (0, Some(1))
            } else if self.eat(b'*') {
                (0, None)
            } else if self.eat(b'+') {
                (1, None)
            } else if self.eat(b'{') {
                let min = self.number()?;
                let max = if self.eat(b',') {
                    self.skip_blank();
                    if self.peek() == Some(b'}') {
                        None
                    } else {
                        Some(self.number()?)
                    }
                } else {
                    Some(min)
                };
                if !self.eat(b'}') {
                    return self.error("expected }");
                }
                if max.is_some_and(|m| m < min) || min > 64 || max.is_some_and(|m| m > 64) {
                    return self.error("repetition out of range");
                }
                (min, max)
            } else {
                return Ok(atom);
            };
            if self.eat(b'?') || self.eat(b'+') {
                return self.error("lazy or possessive repetition is not supported");
            }
            atom = Ast::Repeat(Box::new(atom), min, max);
        }
    }

    fn number(&mut self) -> Result<u16, String> {
        self.skip_blank();
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        std::str::from_utf8(&self.s[start..self.i]).ok().and_then(|n| n.parse().ok()).map_or_else(|| self.error("expected a number"), Ok)
    }

    fn atom(&mut self) -> Result<Ast, String> {
        self.skip_blank();
        let Some(c) = self.peek() else { return self.error("expected an atom") };
        self.i += 1;
        match c {
            b'0'..=b'9' => Ok(Ast::Digits(1 << (c - b'0'))),
            b'\\' if self.peek() == Some(b'd') => {
                self.i += 1;
                Ok(Ast::Digits(ALL_DIGITS))
            }
            b'$' => Ok(Ast::End),
            b'[' => self.class(),
            b'(' => {
                let index = if self.s[self.i..].starts_with(b"?:") {
                    self.i += 2;
                    None
                } else {
                    self.groups += 1;
                    Some(self.groups)
                };
                let inner = self.alt()?;
                if !self.eat(b')') {
                    return self.error("expected )");
                }
                Ok(Ast::Group(index, Box::new(inner)))
            }
            _ => {
                self.i -= 1;
                self.error("unsupported syntax")
            }
        }
    }

    fn class(&mut self) -> Result<Ast, String> {
        let negated = self.peek() == Some(b'^');
        if negated {
            self.i += 1;
        }
        let mut set: Digits = 0;
        loop {
            let Some(c) = self.peek() else { return self.error("unclosed class") };
            self.i += 1;
            match c {
                b']' if set != 0 || negated => break,
                b'\\' if self.peek() == Some(b'd') => {
                    self.i += 1;
                    set |= ALL_DIGITS;
                }
                b'0'..=b'9' => {
                    let lo = c - b'0';
                    let hi = if self.peek() == Some(b'-') && self.s.get(self.i + 1).is_some_and(u8::is_ascii_digit) {
                        self.i += 2;
                        self.s[self.i - 1] - b'0'
                    } else {
                        lo
                    };
                    if hi < lo {
                        return self.error("bad range");
                    }
                    for d in lo..=hi {
                        set |= 1 << d;
                    }
                }
                _ if c.is_ascii_whitespace() => {}
                _ => {
                    self.i -= 1;
                    return self.error("unsupported class item");
                }
            }
        }
        Ok(Ast::Digits(if negated { !set & ALL_DIGITS } else { set }))
    }
}

// ---- the program and the backtracker ---------------------------------------------------

#[derive(Clone, Copy, Debug)]
enum Inst {
    /// One digit from the set.
    Digits(Digits),
    /// Try the first, then the second.
    Split(u32, u32),
    Jump(u32),
    /// Record the position in a capture slot.
    Save(u16),
    /// The end of the text.
    End,
    Match,
}

#[derive(Clone, Debug)]
struct Program {
    insts: Vec<Inst>,
    /// Groups, the whole match included.
    groups: usize,
    /// The digits a match can start with, and whether it can match the empty text: a text
    /// that starts otherwise is refused without running (most are, for a descriptor).
    first: Digits,
    nullable: bool,
}

/// Programs longer than this are refused at build time (the longest metadata pattern
/// compiles to about 2,000 instructions).
const MAX_INSTS: usize = 1 << 16;

impl Program {
    fn new(source: &str, anchor: Anchor) -> Result<Program, String> {
        let mut p = Parser { s: source.as_bytes(), i: 0, groups: 0 };
        let ast = p.alt()?;
        p.skip_blank();
        if p.i != p.s.len() {
            return p.error("unexpected )");
        }
        let mut c = Compiler { insts: Vec::new() };
        c.push(Inst::Save(0));
        c.emit(&ast)?;
        if anchor == Anchor::Both {
            c.push(Inst::End);
        }
        c.push(Inst::Save(1));
        c.push(Inst::Match);
        let (first, nullable) = first_set(&ast);
        Ok(Program { insts: c.insts, groups: usize::from(p.groups) + 1, first, nullable })
    }

    /// A program that matches nothing.
    fn never() -> Program {
        Program { insts: vec![Inst::Digits(0)], groups: 1, first: 0, nullable: false }
    }

    /// Runs the program on `text` from its start; fills `slots` (pairs of positions) for
    /// the highest-priority match.
    fn exec(&self, text: &[u8], slots: &mut [Option<usize>]) -> bool {
        match text.first() {
            Some(c) if c.is_ascii_digit() && self.first & (1 << (c - b'0')) != 0 => {}
            _ if self.nullable => {}
            _ => return false,
        }
        SCRATCH.with(|s| {
            let mut guard = s.borrow_mut();
            let Scratch { visited, stack } = &mut *guard;
            let width = text.len() + 1;
            let bits = self.insts.len() * width;
            visited.clear();
            visited.resize(bits.div_ceil(64), 0);
            stack.clear();
            stack.push(Frame::Step(0, 0));
            while let Some(frame) = stack.pop() {
                let (mut pc, mut pos) = match frame {
                    Frame::Restore(slot, old) => {
                        if let Some(s) = slots.get_mut(usize::from(slot)) {
                            *s = old;
                        }
                        continue;
                    }
                    Frame::Step(pc, pos) => (pc as usize, pos),
                };
                loop {
                    let bit = pc * width + pos;
                    if visited[bit / 64] & (1 << (bit % 64)) != 0 {
                        break;
                    }
                    visited[bit / 64] |= 1 << (bit % 64);
                    match self.insts[pc] {
                        Inst::Digits(set) => match text.get(pos) {
                            Some(&c) if c.is_ascii_digit() && set & (1 << (c - b'0')) != 0 => {
                                pc += 1;
                                pos += 1;
                            }
                            _ => break,
                        },
                        Inst::Split(a, b) => {
                            stack.push(Frame::Step(b, pos));
                            pc = a as usize;
                        }
                        Inst::Jump(a) => pc = a as usize,
                        Inst::Save(slot) => {
                            if let Some(s) = slots.get_mut(usize::from(slot)) {
                                stack.push(Frame::Restore(slot, *s));
                                *s = Some(pos);
                            }
                            pc += 1;
                        }
                        Inst::End if pos == text.len() => pc += 1,
                        Inst::End => break,
                        Inst::Match => return true,
                    }
                }
            }
            false
        })
    }
}

enum Frame {
    Step(u32, usize),
    Restore(u16, Option<usize>),
}

/// Per-thread buffers reused by every match, so matching allocates nothing.
struct Scratch {
    visited: Vec<u64>,
    stack: Vec<Frame>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = const { RefCell::new(Scratch { visited: Vec::new(), stack: Vec::new() }) };
}

struct Compiler {
    insts: Vec<Inst>,
}

impl Compiler {
    fn push(&mut self, i: Inst) -> usize {
        self.insts.push(i);
        self.insts.len() - 1
    }

    fn next(&self) -> u32 {
        self.insts.len() as u32
    }

    fn emit(&mut self, ast: &Ast) -> Result<(), String> {
        if self.insts.len() > MAX_INSTS {
            return Err("pattern too large".into());
        }
        match ast {
            Ast::Digits(set) => {
                self.push(Inst::Digits(*set));
            }
            Ast::End => {
                self.push(Inst::End);
            }
            Ast::Concat(items) => {
                for item in items {
                    self.emit(item)?;
                }
            }
            Ast::Alt(branches) => {
                let mut jumps = Vec::new();
                for (i, branch) in branches.iter().enumerate() {
                    if i + 1 < branches.len() {
                        let split = self.push(Inst::Split(0, 0));
                        self.emit(branch)?;
                        jumps.push(self.push(Inst::Jump(0)));
                        let after = self.next();
                        self.insts[split] = Inst::Split(split as u32 + 1, after);
                    } else {
                        self.emit(branch)?;
                    }
                }
                let end = self.next();
                for j in jumps {
                    self.insts[j] = Inst::Jump(end);
                }
            }
            Ast::Group(index, inner) => {
                if let Some(i) = index {
                    self.push(Inst::Save(2 * i));
                }
                self.emit(inner)?;
                if let Some(i) = index {
                    self.push(Inst::Save(2 * i + 1));
                }
            }
            Ast::Repeat(inner, min, max) => {
                for _ in 0..*min {
                    self.emit(inner)?;
                }
                match max {
                    // Nested optional copies: the next copy is tried only after this one.
                    Some(max) => {
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.push(Inst::Split(0, 0)));
                            self.emit(inner)?;
                        }
                        let end = self.next();
                        for s in splits {
                            self.insts[s] = Inst::Split(s as u32 + 1, end);
                        }
                    }
                    None => {
                        let split = self.push(Inst::Split(0, 0));
                        self.emit(inner)?;
                        self.push(Inst::Jump(split as u32));
                        let end = self.next();
                        self.insts[split] = Inst::Split(split as u32 + 1, end);
                    }
                }
            }
        }
        Ok(())
    }
}

/// The digits a match of `ast` can start with, and whether it can match the empty text.
fn first_set(ast: &Ast) -> (Digits, bool) {
    match ast {
        Ast::Digits(set) => (*set, false),
        Ast::End => (0, true),
        Ast::Concat(items) => {
            let mut first = 0;
            for item in items {
                let (f, nullable) = first_set(item);
                first |= f;
                if !nullable {
                    return (first, false);
                }
            }
            (first, true)
        }
        Ast::Alt(branches) => branches.iter().map(first_set).fold((0, false), |(f, n), (g, m)| (f | g, n || m)),
        Ast::Group(_, inner) => first_set(inner),
        Ast::Repeat(inner, min, _) => {
            let (f, nullable) = first_set(inner);
            (f, nullable || *min == 0)
        }
    }
}

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
