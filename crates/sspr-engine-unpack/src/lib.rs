//! The page's reader of its engine (issue 27). scripts/build-web.mjs packs the module
//! (web/src/engine-pack.js: the code section's kinds of byte in streams of their own) and
//! writes the packed bytes as text in the page; the page hands that text to this small module
//! as UTF-8 (the browser's `TextEncoder`, native), which gives the module back. The same work
//! in JavaScript took 50–90 ms before the browser had warmed up to it, on the first answer's
//! path; here it takes a few milliseconds. The build runs this module on its own output and
//! fails unless it gives the module back byte for byte.
//!
//! Memory is the caller's: `text` (UTF-8), then room for the packed bytes and the module,
//! each as long as the text at most. Nothing is allocated; every read is bounds-checked, so a
//! damaged text gives an error (a negative length), never a wrong module.
#![cfg_attr(all(target_arch = "wasm32", not(test)), no_std)]

mod streams;
mod text;

pub use streams::{begin, step, unpack, Progress, PROGRESS_ROOM};
pub use text::decode;

// The page's calls (web/src/engine-read.js): `start` once, then `next` until it returns the
// module's length. The page lays out, in this module's memory: the text (UTF-8, `len`
// bytes), room for the packed bytes and for the module (`len` bytes each, at `packed` and
// `out`), the progress (`PROGRESS_ROOM` bytes, zeroed, aligned to 8). Each returns -1 for a
// damaged text.

/// The text to packed bytes, and the module's start: 0, or -1.
///
/// # Safety
/// The four ranges lie apart in this module's memory, as laid out above.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub unsafe extern "C" fn start(text: *const u8, len: usize, packed: *mut u8, out: *mut u8, progress: *mut Progress) -> isize {
    // SAFETY: as the caller promises; every field of Progress is an integer, so any bytes are
    // one (and every read through it is bounds-checked).
    let (text, packed, out, progress) = unsafe {
        (
            core::slice::from_raw_parts(text, len),
            core::slice::from_raw_parts_mut(packed, len),
            core::slice::from_raw_parts_mut(out, len),
            &mut *progress,
        )
    };
    let begun = decode(text, packed).and_then(|n| begin(packed.get(..n)?, out, progress));
    begun.map_or(-1, |()| 0)
}

/// Up to `functions` more function bodies: 0 (more to come), the module's length, or -1.
///
/// # Safety
/// As `start`, with the memory and progress it left.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub unsafe extern "C" fn next(len: usize, packed: *const u8, out: *mut u8, progress: *mut Progress, functions: usize) -> isize {
    // SAFETY: as for `start`.
    let (out, progress) = unsafe { (core::slice::from_raw_parts_mut(out, len), &mut *progress) };
    // SAFETY: `begin` checked that the packed bytes are this long, within the `len` given.
    let packed = unsafe { core::slice::from_raw_parts(packed, progress.packed_len().min(len)) };
    step(packed, out, progress, functions).map_or(-1, |n| n as isize)
}

#[cfg(all(target_arch = "wasm32", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
