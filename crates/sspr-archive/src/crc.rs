//! CRC-32 (ISO-HDLC, zip's), to check what a member inflates to and to write the page's
//! archive. The command line uses crc32fast (tables of 16 KB, SIMD where there is some); the
//! page's module computes its 1 KB table when first asked, byte by byte after that: crc32fast's
//! tables would be 15 kB of its brotli weight, and the members of a drop are read once.

#[cfg(not(target_arch = "wasm32"))]
pub fn crc32(data: &[u8]) -> u32 {
    crc32fast::hash(data)
}

#[cfg(target_arch = "wasm32")]
pub fn crc32(data: &[u8]) -> u32 {
    small(data)
}

/// The table-driven CRC with a table computed once (the reflected polynomial 0xEDB88320).
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
fn small(data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            }
            *e = c;
        }
        t
    });
    !data.iter().fold(!0u32, |c, &b| table[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_small_crc_is_crc32fast() {
        for data in [&b""[..], b"a", b"123456789", &[0xFFu8; 1000][..]] {
            assert_eq!(super::small(data), crc32fast::hash(data));
        }
        assert_eq!(super::small(b"123456789"), 0xCBF4_3926);
    }
}
