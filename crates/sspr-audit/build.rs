//! Writes `cp932.bin` to OUT_DIR: the double-byte half of Shift_JIS as the WHATWG Encoding
//! Standard defines it (what Japanese Excel writes), one little-endian UTF-16 unit per
//! index pointer, 0 for none, taken from `encoding_rs` (the standard's implementation) so
//! that the audit can read such files without linking every encoding.

use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("cp932.bin"), cp932_table()).expect("write cp932.bin");
    println!("cargo:rerun-if-changed=build.rs");
}

/// Pointer p (WHATWG index jis0208) → the character Shift_JIS decodes its two bytes to.
fn cp932_table() -> Vec<u8> {
    const POINTERS: usize = 11104; // (0xFC - 0xC1 + 1) * 188
    let mut out = Vec::with_capacity(POINTERS * 2);
    for p in 0..POINTERS {
        let (lead, trail) = (p / 188, p % 188);
        let lead = if lead < 0x1F { lead + 0x81 } else { lead + 0xC1 } as u8;
        let trail = if trail < 0x3F { trail + 0x40 } else { trail + 0x41 } as u8;
        let pair = [lead, trail];
        let (text, had_errors) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(&pair);
        let unit = match text.chars().collect::<Vec<_>>()[..] {
            [c] if !had_errors && (c as u32) <= 0xFFFF => c as u32 as u16,
            _ => 0,
        };
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out
}
