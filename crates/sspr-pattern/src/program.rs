//! The parsed pattern compiled to a program, and the bounded backtracker that runs it.

use std::cell::RefCell;

use super::parse::{Ast, Parser};
use super::{Anchor, Digits};

#[derive(Clone, Copy, Debug)]
pub(crate) enum Inst {
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
pub(crate) struct Program {
    pub(crate) insts: Vec<Inst>,
    /// Groups, the whole match included.
    pub(crate) groups: usize,
    /// The digits a match can start with, and whether it can match the empty text: a text
    /// that starts otherwise is refused without running (most are, for a descriptor).
    pub(crate) first: Digits,
    pub(crate) nullable: bool,
}

/// Programs longer than this are refused at build time (the longest metadata pattern
/// compiles to about 2,000 instructions).
pub(crate) const MAX_INSTS: usize = 1 << 16;

impl Program {
    pub(crate) fn new(source: &str, anchor: Anchor) -> Result<Program, String> {
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
    pub(crate) fn never() -> Program {
        Program { insts: vec![Inst::Digits(0)], groups: 1, first: 0, nullable: false }
    }

    /// Runs the program on `text` from its start; fills `slots` (pairs of positions) for
    /// the highest-priority match.
    pub(crate) fn exec(&self, text: &[u8], slots: &mut [Option<usize>]) -> bool {
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

pub(crate) enum Frame {
    Step(u32, usize),
    Restore(u16, Option<usize>),
}

/// Per-thread buffers reused by every match, so matching allocates nothing.
pub(crate) struct Scratch {
    pub(crate) visited: Vec<u64>,
    pub(crate) stack: Vec<Frame>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = const { RefCell::new(Scratch { visited: Vec::new(), stack: Vec::new() }) };
}

pub(crate) struct Compiler {
    pub(crate) insts: Vec<Inst>,
}

impl Compiler {
    pub(crate) fn push(&mut self, i: Inst) -> usize {
        self.insts.push(i);
        self.insts.len() - 1
    }

    pub(crate) fn next(&self) -> u32 {
        self.insts.len() as u32
    }

    pub(crate) fn emit(&mut self, ast: &Ast) -> Result<(), String> {
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
pub(crate) fn first_set(ast: &Ast) -> (Digits, bool) {
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
