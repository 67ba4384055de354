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

pub use streams::unpack;
pub use text::decode;

/// The page's call: `text_len` bytes of UTF-8 at `text`, room at `packed` and at `out`.
/// Returns the module's length at `out`, or -1 for a damaged text.
///
/// # Safety
/// The three ranges lie in the module's memory, `text_len` bytes each, and do not overlap.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub unsafe extern "C" fn engine(text: *const u8, text_len: usize, packed: *mut u8, out: *mut u8) -> isize {
    // SAFETY: as the caller promises (web/src/engine-pack.js sizes the memory for them).
    let (text, packed, out) = unsafe {
        (
            core::slice::from_raw_parts(text, text_len),
            core::slice::from_raw_parts_mut(packed, text_len),
            core::slice::from_raw_parts_mut(out, text_len),
        )
    };
    let Some(n) = decode(text, packed) else { return -1 };
    match unpack(packed.get(..n).unwrap_or_default(), out) {
        Some(m) => m as isize,
        None => -1,
    }
}

#[cfg(all(target_arch = "wasm32", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
