//! The pattern syntax the metadata uses, parsed into a tree.

use super::{Digits, ALL_DIGITS};

#[derive(Debug)]
pub(crate) enum Ast {
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
pub(crate) struct Parser<'s> {
    pub(crate) s: &'s [u8],
    pub(crate) i: usize,
    pub(crate) groups: u16,
}

impl Parser<'_> {
    pub(crate) fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    pub(crate) fn skip_blank(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
    }

    pub(crate) fn eat(&mut self, c: u8) -> bool {
        self.skip_blank();
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    pub(crate) fn error<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("{what} at byte {} of {:?}", self.i, String::from_utf8_lossy(self.s)))
    }

    pub(crate) fn alt(&mut self) -> Result<Ast, String> {
        let mut branches = vec![self.concat()?];
        while self.eat(b'|') {
            branches.push(self.concat()?);
        }
        Ok(if branches.len() == 1 { branches.pop().unwrap_or(Ast::Concat(Vec::new())) } else { Ast::Alt(branches) })
    }

    pub(crate) fn concat(&mut self) -> Result<Ast, String> {
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

    pub(crate) fn repeat(&mut self) -> Result<Ast, String> {
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

    pub(crate) fn number(&mut self) -> Result<u16, String> {
        self.skip_blank();
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        std::str::from_utf8(&self.s[start..self.i]).ok().and_then(|n| n.parse().ok()).map_or_else(|| self.error("expected a number"), Ok)
    }

    pub(crate) fn atom(&mut self) -> Result<Ast, String> {
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

    pub(crate) fn class(&mut self) -> Result<Ast, String> {
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
