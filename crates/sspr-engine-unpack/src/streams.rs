//! The packed bytes to the module: web/src/engine-pack.js `pack` in reverse. Packed: "SSPK",
//! the number of streams (u32 LE), each one's length (u32 LE), then the streams: the module
//! before the code section's payload, the code's streams in `Stream` order, the module after
//! it. The code is walked instruction by instruction, each byte taken from its stream.

/// The code's streams, in their order in the packed bytes (engine-pack.js `STREAMS`).
#[derive(Clone, Copy)]
enum Stream {
    Size,
    Locals,
    Op,
    Blocktype,
    Label,
    Call,
    Type,
    Index,
    Local,
    Global,
    Align,
    Offset,
    I32,
    I64,
    Float,
    /// `i32.const` of an address: marked 0xc5 in the op stream.
    Address,
}
const CODE_STREAMS: usize = 16;

/// Where the reading stands between the page's calls (`begin`, then `step` until done): each
/// stream's read position and end (0 is the module before the code, then the code's streams,
/// then the module after it), the bytes written, the function bodies still to read. The page
/// reads in steps so that the browser's fast code takes over after the first (V8 runs a call
/// in the code it started with; a later call gets the optimized reader): one call for the
/// whole module ran 15 ms of baseline code, on the first answer's path.
#[derive(Default)]
pub struct Progress {
    at: [usize; CODE_STREAMS + 2],
    end: [usize; CODE_STREAMS + 2],
    o: usize,
    left: usize,
}

/// What the page reserves for a `Progress` (web/src/engine-read.js), checked below.
pub const PROGRESS_ROOM: usize = 512;
const _: () = assert!(core::mem::size_of::<Progress>() <= PROGRESS_ROOM);

impl Progress {
    /// The packed bytes' length: where the last part ends.
    pub fn packed_len(&self) -> usize {
        self.end[CODE_STREAMS + 1]
    }
}

struct Reader<'a> {
    packed: &'a [u8],
    at: [usize; CODE_STREAMS + 2],
    end: [usize; CODE_STREAMS + 2],
    out: &'a mut [u8],
    o: usize,
}

impl Reader<'_> {
    fn byte(&mut self, s: Stream) -> Option<u8> {
        let k = s as usize + 1;
        if self.at[k] >= self.end[k] {
            return None;
        }
        let b = *self.packed.get(self.at[k])?;
        self.at[k] += 1;
        *self.out.get_mut(self.o)? = b;
        self.o += 1;
        Some(b)
    }

    fn bytes(&mut self, s: Stream, n: usize) -> Option<()> {
        for _ in 0..n {
            self.byte(s)?;
        }
        Some(())
    }

    /// An LEB128 copied; its value. (Not inlined, nor `function` below: the browser compiles
    /// each of the reader's functions' optimized code on its own, and small ones arrive while
    /// the reading still needs them; scripts/build-web.mjs NO_INLINE says what it measured.)
    #[inline(never)]
    fn leb(&mut self, s: Stream) -> Option<u64> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = self.byte(s)?;
            if shift < 64 {
                v |= u64::from(b & 0x7f) << shift;
            }
            if b & 0x80 == 0 {
                return Some(v);
            }
            shift += 7;
        }
    }

    fn peek(&self, s: Stream) -> Option<u8> {
        let k = s as usize + 1;
        if self.at[k] < self.end[k] {
            self.packed.get(self.at[k]).copied()
        } else {
            None
        }
    }

    /// The rest of part `k` (the module before or after the code) copied whole. (No slice
    /// copy: its length check would bring panic formatting into the module.)
    fn copy_part(&mut self, k: usize) -> Option<()> {
        for i in self.at[k]..self.end[k] {
            *self.out.get_mut(self.o)? = *self.packed.get(i)?;
            self.o += 1;
        }
        self.at[k] = self.end[k];
        Some(())
    }
}

fn u32_at(p: &[u8], i: usize) -> Option<usize> {
    let b = |k: usize| p.get(i + k).copied();
    Some(u32::from_le_bytes([b(0)?, b(1)?, b(2)?, b(3)?]) as usize)
}

/// Reads the header of `packed` and copies the module before the code into `out`.
pub fn begin(packed: &[u8], out: &mut [u8], progress: &mut Progress) -> Option<()> {
    // (Its length is where the last part ends: `Progress::packed_len`.)
    if packed.get(..4) != Some(b"SSPK".as_slice()) || u32_at(packed, 4)? != CODE_STREAMS + 2 {
        return None;
    }
    let mut r = Reader { packed, at: [0; CODE_STREAMS + 2], end: [0; CODE_STREAMS + 2], out, o: 0 };
    let mut pos = 8 + 4 * (CODE_STREAMS + 2);
    for (k, (at, end)) in r.at.iter_mut().zip(r.end.iter_mut()).enumerate() {
        *at = pos;
        pos = pos.checked_add(u32_at(packed, 8 + 4 * k)?)?;
        *end = pos;
    }
    if pos != packed.len() {
        return None;
    }
    r.copy_part(0)?;
    let left = usize::try_from(r.leb(Stream::Size)?).ok()?;
    *progress = Progress { at: r.at, end: r.end, o: r.o, left };
    Some(())
}

/// Reads up to `functions` more function bodies; once none is left, copies the rest of the
/// module. Some(0): more to read; Some(length of the module): done; None: damaged.
pub fn step(packed: &[u8], out: &mut [u8], progress: &mut Progress, functions: usize) -> Option<usize> {
    let mut r = Reader { packed, at: progress.at, end: progress.end, out, o: progress.o };
    let n = functions.min(progress.left);
    for _ in 0..n {
        function(&mut r)?;
    }
    progress.left -= n;
    if progress.left > 0 {
        (progress.at, progress.o) = (r.at, r.o);
        return Some(0);
    }
    if r.at.iter().zip(&r.end).skip(1).take(CODE_STREAMS).any(|(a, e)| a != e) {
        return None;
    }
    r.copy_part(CODE_STREAMS + 1)?;
    (progress.at, progress.o) = (r.at, r.o);
    // (A module is never empty: 0 means "more" only.)
    Some(r.o).filter(|&o| o > 0)
}

/// Writes the module of `packed` into `out` in one go; returns its length (None: damaged).
/// The one-call form of `begin` and `step`, for the tests.
#[cfg(test)]
pub fn unpack(packed: &[u8], out: &mut [u8]) -> Option<usize> {
    let mut progress = Progress::default();
    begin(packed, out, &mut progress)?;
    step(packed, out, &mut progress, usize::MAX)
}

/// One function body: its size, its locals, its instructions.
#[inline(never)]
fn function(r: &mut Reader<'_>) -> Option<()> {
    use Stream::*;
    let size = usize::try_from(r.leb(Size)?).ok()?;
    let end = r.o.checked_add(size)?;
    for _ in 0..r.leb(Locals)? {
        r.leb(Locals)?;
        r.byte(Locals)?;
    }
    while r.o < end {
        let op = r.byte(Op)?;
        match op {
            0x45..=0xc4 | 0x00 | 0x01 | 0x05 | 0x0b | 0x0f | 0x1a | 0x1b | 0xd1 => {}
            0x02..=0x04 => {
                let b = r.peek(Blocktype)?;
                if b == 0x40 || (0x6f..=0x7f).contains(&b) {
                    r.byte(Blocktype)?;
                } else {
                    r.leb(Blocktype)?;
                }
            }
            0x0c | 0x0d => {
                r.leb(Label)?;
            }
            0x0e => {
                for _ in 0..=r.leb(Label)? {
                    r.leb(Label)?;
                }
            }
            0x10 | 0xd2 => {
                r.leb(Call)?;
            }
            0x11 => {
                r.leb(Type)?;
                r.leb(Index)?;
            }
            0x1c => {
                let n = usize::try_from(r.leb(Blocktype)?).ok()?;
                r.bytes(Blocktype, n)?;
            }
            0x20..=0x22 => {
                r.leb(Local)?;
            }
            0x23 | 0x24 => {
                r.leb(Global)?;
            }
            0x25 | 0x26 => {
                r.leb(Index)?;
            }
            0x28..=0x3e => {
                r.leb(Align)?;
                r.leb(Offset)?;
            }
            0x3f | 0x40 | 0xd0 => {
                r.byte(Index)?;
            }
            0x41 => {
                r.leb(I32)?;
            }
            0xc5 => {
                // An address constant: the op is i32.const, its value from its own stream.
                *r.out.get_mut(r.o - 1)? = 0x41;
                r.leb(Address)?;
            }
            0x42 => {
                r.leb(I64)?;
            }
            0x43 => r.bytes(Float, 4)?,
            0x44 => r.bytes(Float, 8)?,
            0xfc => match r.leb(Op)? {
                0..=7 => {}
                8 => {
                    r.leb(Index)?;
                    r.byte(Index)?;
                }
                9 | 13 | 15..=17 => {
                    r.leb(Index)?;
                }
                10 => r.bytes(Index, 2)?,
                11 => {
                    r.byte(Index)?;
                }
                12 | 14 => {
                    r.leb(Index)?;
                    r.leb(Index)?;
                }
                _ => return None,
            },
            _ => return None,
        }
    }
    if r.o != end {
        return None;
    }
    Some(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::{begin, step, unpack, Progress};

    /// A packed module of one function `i32.const 7; drop; end`: the header, the module before
    /// the code payload, the streams (size: count and body size; locals; op; i32), the rest.
    pub(crate) fn one_function() -> (Vec<u8>, Vec<u8>) {
        let before = vec![0, b'a', b's', b'm', 1, 0, 0, 0, 10, 7];
        let after = vec![0u8; 0];
        let mut streams: Vec<Vec<u8>> = vec![Vec::new(); 16];
        streams[0] = vec![1, 5];
        streams[1] = vec![0];
        streams[2] = vec![0x41, 0x1a, 0x0b];
        streams[12] = vec![7];
        let mut parts = vec![before.clone()];
        parts.extend(streams);
        parts.push(after);
        let mut packed = b"SSPK".to_vec();
        packed.extend((parts.len() as u32).to_le_bytes());
        for p in &parts {
            packed.extend((p.len() as u32).to_le_bytes());
        }
        for p in &parts {
            packed.extend(p);
        }
        let mut module = before;
        module.extend([1, 5, 0, 0x41, 7, 0x1a, 0x0b]);
        (packed, module)
    }

    #[test]
    fn a_packed_module_unpacks_whole() {
        let (packed, module) = one_function();
        let mut out = vec![0u8; packed.len()];
        let n = unpack(&packed, &mut out).unwrap();
        assert_eq!(&out[..n], &module[..]);
    }

    /// The page's way, a function body per call: the same module; a progress never begun
    /// (zeroed, as the page lays it out) reads nothing.
    #[test]
    fn in_steps_the_same_module() {
        let (packed, module) = one_function();
        let mut out = vec![0u8; packed.len()];
        let mut progress = Progress::default();
        assert_eq!(step(&packed, &mut out, &mut progress, 1), None);
        begin(&packed, &mut out, &mut progress).unwrap();
        assert_eq!(progress.packed_len(), packed.len());
        let n = step(&packed, &mut out, &mut progress, 1).unwrap();
        assert_eq!(&out[..n], &module[..]);
        let mut two = Progress::default();
        begin(&packed, &mut out, &mut two).unwrap();
        assert_eq!(step(&packed, &mut out, &mut two, 0), Some(0), "no body read yet: more to come");
    }

    #[test]
    fn every_damage_is_none_never_a_panic() {
        let (packed, _) = one_function();
        let mut out = vec![0u8; packed.len() + 16];
        // Every byte changed in turn, and every cut: some still read (a changed constant), none
        // panics, and a cut one never reads.
        for i in 0..packed.len() {
            for v in [0u8, 0x7f, 0x80, 0xff] {
                let mut p = packed.clone();
                p[i] = v;
                let _ = unpack(&p, &mut out);
            }
            assert_eq!(unpack(&packed[..i], &mut out), None);
        }
    }
}
