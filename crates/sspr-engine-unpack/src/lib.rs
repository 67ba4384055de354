//! The page's reader of its engine (issue 27). scripts/build-web.mjs packs the module
//! (web/src/engine-pack.js: the code section's kinds of byte in streams of their own) and
//! writes the packed bytes as text in the page; the page hands that text to this small module
//! as its bytes (ASCII; the browser's `TextEncoder`, native), which gives the module back. The same work
//! in JavaScript took 50–90 ms before the browser had warmed up to it, on the first answer's
//! path; here it takes a few milliseconds. The build runs this module on its own output and
//! fails unless it gives the module back byte for byte.
//!
//! Memory is the caller's: `text` (ASCII), then room for the packed bytes and the module,
//! each as long as the text at most. Nothing is allocated; every read is bounds-checked, so a
//! damaged text gives an error (a negative length), never a wrong module.
#![cfg_attr(all(target_arch = "wasm32", not(test)), no_std)]

mod streams;
mod text;

use streams::{begin, step, Progress, PROGRESS_ROOM};
use text::{decode_some, TextAt};

// The page's calls (web/src/engine-read.js): `next` until it returns the module's length.
// The page lays out, in this module's memory: the text (ASCII, `len` bytes), room for the
// packed bytes and for the module (`len` bytes each, at `packed` and `out`), the reading
// (`PROGRESS_ROOM` bytes, zeroed, aligned to 8). It returns -1 for a damaged text.

/// Where the reading stands between the page's calls: the text's decoding into packed
/// bytes, then (once the module's reading has begun) the module's reading from them. Every
/// field is an integer, so any bytes are one, and the page's zeroed memory is the start.
#[derive(Default)]
pub struct Reading {
    text: TextAt,
    module: Progress,
}
const _: () = assert!(core::mem::size_of::<Reading>() <= PROGRESS_ROOM);

/// Text bytes decoded per call: small enough that the optimized code takes over after the
/// first calls, as for the function bodies (`next`'s `functions`); and so the page has one
/// call to make, `next`, from the text to the module.
const TEXT_SLICE: usize = 32 * 1024;

/// One more slice of the reading: the text's next 32 KiB while it lasts (then the module's
/// start), then up to `functions` more function bodies. Returns 0 (more to come), the
/// module's length, or -1.
pub fn read_some(text: &[u8], packed: &mut [u8], out: &mut [u8], reading: &mut Reading, functions: usize) -> Option<usize> {
    // Begun, the module's reading knows the packed bytes' length (never 0: the header alone
    // is longer); before, it is the zeroed start.
    if reading.module.packed_len() == 0 {
        if decode_some(text, packed, &mut reading.text, TEXT_SLICE)? {
            begin(packed.get(..reading.text.written)?, out, &mut reading.module)?;
        }
        return Some(0);
    }
    step(packed.get(..reading.module.packed_len())?, out, &mut reading.module, functions)
}

/// As `read_some`, on the page's memory.
///
/// # Safety
/// The four ranges lie apart in this module's memory, as laid out above.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub unsafe extern "C" fn next(
    text: *const u8,
    len: usize,
    packed: *mut u8,
    out: *mut u8,
    reading: *mut Reading,
    functions: usize,
) -> isize {
    // SAFETY: as the caller promises; every field of Reading is an integer, so any bytes are
    // one (and every read through it is bounds-checked).
    let (text, packed, out, reading) = unsafe {
        (
            core::slice::from_raw_parts(text, len),
            core::slice::from_raw_parts_mut(packed, len),
            core::slice::from_raw_parts_mut(out, len),
            &mut *reading,
        )
    };
    read_some(text, packed, out, reading, functions).map_or(-1, |n| n as isize)
}

#[cfg(all(target_arch = "wasm32", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

#[cfg(test)]
mod tests {
    use super::{read_some, Reading};

    /// The page's whole way: a packed module written as text (scripts/engine-pack.mjs
    /// `encodeText`, here with the roles `!#$'()`: bytes from 0x80 after `#` or `$`, NUL, CR
    /// and `<` as `'`, `(`, `)`, the role characters and WIDE after the escape `!`), then
    /// `read_some` until done, from a zeroed reading: the module.
    #[test]
    fn from_text_to_module_in_slices() {
        let (packed, module) = crate::streams::tests::one_function();
        let roles = b"!#$'()^*&%~`+";
        let mut text = String::from("!#$'()");
        for &b in &packed {
            match b {
                0 => text.push('\''),
                13 => text.push('('),
                60 => text.push(')'),
                0x80.. => text.extend([if b < 0xc0 { '#' } else { '$' }, char::from(0x40 + (b & 0x3f))]),
                _ => match roles.iter().position(|&r| r == b) {
                    Some(k) => text.extend(['!', char::from(b'a' + k as u8)]),
                    None => text.push(char::from(b)),
                },
            }
        }
        let text = text.as_bytes();
        let (mut packed_room, mut out) = (vec![0u8; text.len()], vec![0u8; text.len()]);
        let mut reading = Reading::default();
        let mut calls = 0;
        let length = loop {
            calls += 1;
            match read_some(text, &mut packed_room, &mut out, &mut reading, 1) {
                Some(0) => assert!(calls < 10, "it ends"),
                Some(n) => break n,
                None => panic!("read as damaged"),
            }
        };
        assert_eq!(&out[..length], &module[..]);
        // Cut short, the text is damaged, never a module.
        let mut reading = Reading::default();
        let cut = &text[..text.len() - 3];
        let ends = (0..10).find_map(|_| match read_some(cut, &mut packed_room, &mut out, &mut reading, 1) {
            Some(0) => None,
            other => Some(other),
        });
        assert_eq!(ends, Some(None));
    }
}
