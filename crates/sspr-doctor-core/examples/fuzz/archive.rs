//! The archive target (issue 26): a drop's `.zip` read as the command line reads it
//! (`orgs::expand_archive`: the directory listed, each member checked and inflated), then
//! its organizations checked, ranked and written. Seeds are real archives of the sample
//! exports (three organizations' folders, stored and deflated members, an archive inside,
//! a Shift_JIS name, an encrypted flag); mutations hit the headers' fields as well as bytes.
//!
//! Beyond "no panic, within its time": what is read stays inside its limits (each member,
//! all together, the number of entries) and every path read is a plain relative path, so
//! no name in an archive can climb out of its folder or reach a drive.

use std::io::Write;

use sspr_doctor_core::audit::{export::ExportFormat, AuditOptions};
use sspr_doctor_core::orgs::{self, archive, SaidOrgs};
use sspr_doctor_core::Lang;

use crate::Rng;

/// One member of a seed: its name's bytes, its content, deflated or stored, flags.
struct Member<'a>(&'a [u8], &'a [u8], bool, u16);

fn zip_of(members: &[Member]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for Member(name, data, deflate, _) in members {
        let method = if *deflate { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        let name = String::from_utf8_lossy(name);
        if w.start_file(name.as_ref(), opts).and_then(|()| Ok(w.write_all(data)?)).is_err() {
            return Vec::new();
        }
    }
    let mut bytes = w.finish().map(|c| c.into_inner()).unwrap_or_default();
    // Flags the writer does not set (the encrypted bit) and names it would not write (not
    // UTF-8), put into the local and central headers by hand.
    for (i, Member(name, _, _, flags)) in members.iter().enumerate() {
        if *flags != 0 || std::str::from_utf8(name).is_err() {
            set_member(&mut bytes, i, *flags, name);
        }
    }
    bytes
}

/// Sets member `i`'s flags and (same length) name bytes in both of its headers.
fn set_member(bytes: &mut [u8], i: usize, flags: u16, name: &[u8]) {
    for (sig, flags_at, name_at) in [(b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)] {
        let found = signatures(bytes, sig).nth(i);
        if let Some(at) = found {
            if at + name_at + name.len() <= bytes.len() {
                let old = u16::from_le_bytes([bytes[at + flags_at], bytes[at + flags_at + 1]]);
                bytes[at + flags_at..at + flags_at + 2].copy_from_slice(&(old | flags).to_le_bytes());
                bytes[at + name_at..at + name_at + name.len()].copy_from_slice(name);
            }
        }
    }
}

fn signatures<'a>(bytes: &'a [u8], sig: &'a [u8; 4]) -> impl Iterator<Item = usize> + 'a {
    bytes.windows(4).enumerate().filter(move |(_, w)| w == sig).map(|(i, _)| i)
}

/// Archives of the sample exports (`files`: the audit target's seeds).
pub fn seeds(files: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let small: Vec<&[u8]> = files.iter().filter(|f| f.len() < 16 * 1024).map(Vec::as_slice).collect();
    let f = |k: usize| small.get(k % small.len().max(1)).copied().unwrap_or(b"userPrincipalName\na@contoso.com\n");
    let three = zip_of(&[
        Member(b"contoso/users.csv", f(0), true, 0),
        Member(b"fabrikam/users.csv", f(1), false, 0),
        Member(b"fabrikam/methods.csv", f(2), true, 0),
        Member(b"tailspin/export.json", f(3), true, 0),
    ]);
    let nested = zip_of(&[Member(b"inner.zip", &three, false, 0), Member(b"top/users.csv", f(4), true, 0)]);
    // "管理者.csv" in Shift_JIS (8 bytes), as Japanese Windows names a member.
    let sjis = zip_of(&[Member(b"\x8a\xc7\x97\x9d\x8e\xd2.csv", f(5), true, 0), Member(b"b/a.csv", f(6), false, 0)]);
    let hostile = zip_of(&[
        Member(b"../escape.csv", f(7), false, 0),
        Member(b"locked/users.csv", f(8), true, 1),
        Member(b"C:/drive.csv", f(9), false, 0),
        Member(b"ok/users.csv", f(10), true, 0),
    ]);
    let bomb = zip_of(&[Member(b"bomb/zeros.csv", &vec![b'0'; 3 << 20], true, 0)]);
    vec![three, nested, sjis, hostile, bomb]
}

/// Header fields worth breaking (offset from a signature, width): flags, method, sizes, name
/// and extra lengths, and the central directory's offsets and counts.
const FIELDS: &[(&[u8; 4], usize, usize)] = &[
    (b"PK\x03\x04", 6, 2),
    (b"PK\x03\x04", 8, 2),
    (b"PK\x03\x04", 18, 4),
    (b"PK\x03\x04", 22, 4),
    (b"PK\x03\x04", 26, 2),
    (b"PK\x03\x04", 28, 2),
    (b"PK\x01\x02", 8, 2),
    (b"PK\x01\x02", 10, 2),
    (b"PK\x01\x02", 20, 4),
    (b"PK\x01\x02", 24, 4),
    (b"PK\x01\x02", 28, 2),
    (b"PK\x01\x02", 42, 4),
    (b"PK\x05\x06", 8, 2),
    (b"PK\x05\x06", 10, 2),
    (b"PK\x05\x06", 12, 4),
    (b"PK\x05\x06", 16, 4),
];

/// Members read and refused of the seeds as they are (printed at the start: seeds that
/// read nothing would make the target a test of refusals only).
pub fn seed_members(seeds: &[Vec<u8>]) -> (usize, usize) {
    seeds.iter().map(|z| orgs::expand_archive("seed.zip", z)).fold((0, 0), |(m, p), (f, r)| (m + f.len(), p + r.len()))
}

pub fn mutate(r: &mut Rng, mut zip: Vec<u8>) -> Vec<u8> {
    if r.chance(40) {
        return crate::mutate(r, zip, 8 << 20);
    }
    for _ in 0..1 + r.below(3) {
        let (sig, at, width) = *r.pick(FIELDS);
        let places: Vec<usize> = signatures(&zip, sig).collect();
        let Some(&start) = places.get(r.below(places.len().max(1))) else { continue };
        let v: u32 = match r.below(5) {
            0 => 0,
            1 => u32::MAX,
            2 => 1,
            3 => r.next_u64() as u32,
            _ => 0x8000_0000,
        };
        if let Some(field) = zip.get_mut(start + at..start + at + width) {
            field.copy_from_slice(&v.to_le_bytes()[..width]);
        }
    }
    zip
}

pub fn run(input: &[u8]) -> Result<(), String> {
    let (files, problems) = orgs::expand_archive("drop.zip", input);
    let total: usize = files.iter().map(|f| f.bytes.len()).sum();
    if total > archive::MAX_TOTAL_BYTES || files.iter().any(|f| f.bytes.len() > archive::MAX_MEMBER_BYTES) {
        return Err(format!("past a limit: {total} bytes read"));
    }
    // Files read within their budget; what is refused, within the records looked at.
    if files.len() > archive::MAX_ENTRIES || files.len() + problems.len() > archive::MAX_RECORDS + 1 {
        return Err(format!("{} files, {} problems", files.len(), problems.len()));
    }
    for f in &files {
        let plain = f.path.split('/').all(|p| !p.is_empty() && p != "." && p != ".." && !p.contains(['\\', ':']));
        if !plain || f.path.chars().any(char::is_control) {
            return Err(format!("unsafe path read: {:?}", f.path));
        }
    }
    let opts = AuditOptions { today: Some("2026-11-25".into()), lang: Some(Lang::Ja), ..Default::default() };
    let mut o = orgs::read(files, problems, &opts);
    o.assess_all(1);
    o.rank();
    let mut said = SaidOrgs::new(o, &opts);
    for f in [ExportFormat::Json, ExportFormat::Csv] {
        let _ = orgs::export::export(&mut said, f);
    }
    Ok(())
}
