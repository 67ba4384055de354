//! A `.zip` of stored members (APPNOTE 6.3.10: local headers, central directory, end record),
//! for the page's download of one fix script per organization. Nothing is compressed (the
//! browser or the operator's tool unpacks it), names are UTF-8 (flag bit 11), and every date
//! is 1980-01-01 00:00, so the same scripts always give the same bytes.

/// The archive of `files` (name, bytes), in their order. Names are written as given: the
/// caller makes them safe file names.
pub fn write_stored(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let size: usize = files.iter().map(|(n, b)| 30 + 46 + 2 * n.len() + b.len()).sum::<usize>() + 22;
    let mut out = Vec::with_capacity(size);
    let mut central = Vec::new();
    let u16le = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let u32le = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    // Version needed 2.0, UTF-8 names, stored, 1980-01-01 00:00 (DOS date 0x0021, time 0).
    let common = |v: &mut Vec<u8>, crc: u32, len: u32, name_len: u16| {
        u16le(v, 20);
        u16le(v, 1 << 11);
        u16le(v, 0);
        u16le(v, 0);
        u16le(v, 0x0021);
        u32le(v, crc);
        u32le(v, len);
        u32le(v, len);
        u16le(v, name_len);
        u16le(v, 0);
    };
    for (name, bytes) in files {
        let (crc, len, name_len) = (crate::crc::crc32(bytes), bytes.len() as u32, name.len() as u16);
        let offset = out.len() as u32;
        u32le(&mut out, 0x0403_4b50);
        common(&mut out, crc, len, name_len);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(bytes);
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20);
        common(&mut central, crc, len, name_len);
        // Comment length, disk, internal and external attributes, the local header's offset.
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u32le(&mut central, 0);
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (at, count) = (out.len() as u32, files.len() as u16);
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, count);
    u16le(&mut out, count);
    u32le(&mut out, central.len() as u32);
    u32le(&mut out, at);
    u16le(&mut out, 0);
    out
}
