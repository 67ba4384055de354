//! Hostile archives, built byte by byte (tests/archive.rs in sspr-doctor-core has more, and
//! the fuzzer reads random ones): each bad member is refused with its reason, and every good
//! member beside it is read.

use super::*;

/// One entry of a hand-built archive.
pub(crate) struct Raw<'a> {
    pub name: &'a [u8],
    pub data: Vec<u8>,
    pub deflate: bool,
    /// General purpose flags (bit 0: encrypted; bit 11: the name is UTF-8).
    pub flags: u16,
    /// The uncompressed size the entry declares, when not the real one.
    pub declared: Option<u32>,
}

impl<'a> Raw<'a> {
    pub fn file(name: &'a str, data: &[u8]) -> Raw<'a> {
        Raw { name: name.as_bytes(), data: data.to_vec(), deflate: false, flags: 1 << 11, declared: None }
    }
}

/// A zip archive of `entries`, written as the format says (local headers, central
/// directory, end of central directory), so that a test controls every field.
pub(crate) fn zip_of(entries: &[Raw]) -> Vec<u8> {
    use std::io::Write;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let packed = if e.deflate {
            let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
            z.write_all(&e.data).unwrap();
            z.finish().unwrap()
        } else {
            e.data.clone()
        };
        let crc = crc32fast::hash(&e.data);
        let size = e.declared.unwrap_or(e.data.len() as u32);
        let method: u16 = if e.deflate { 8 } else { 0 };
        let offset = out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes()); // made by
            }
            h.extend(20u16.to_le_bytes()); // needed
            h.extend(e.flags.to_le_bytes());
            h.extend(method.to_le_bytes());
            h.extend([0u8; 4]); // time, date
            h.extend(crc.to_le_bytes());
            h.extend((packed.len() as u32).to_le_bytes());
            h.extend(size.to_le_bytes());
            h.extend((e.name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra
            if central {
                h.extend([0u8; 6]); // comment length, disk, internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(e.name);
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(&packed);
        central.extend(header(0x0201_4b50, true));
    }
    let start = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

const NO_DECODE: &dyn Fn(&[u8]) -> Option<String> = &|_| None;

#[test]
fn stored_and_deflated_members_are_read_with_their_folders() {
    let csv = b"userPrincipalName\na@contoso.com\n".to_vec();
    let z = zip_of(&[
        Raw::file("contoso/admins.csv", &csv),
        Raw { deflate: true, ..Raw::file("fabrikam/admins.csv", &csv.repeat(50)) },
        Raw::file("__MACOSX/contoso/._admins.csv", b"junk"),
        Raw::file("contoso/.DS_Store", b"junk"),
    ]);
    let (members, refused) = read("drop.zip", &z, NO_DECODE);
    assert_eq!(refused, vec![]);
    assert_eq!(members.iter().map(|m| m.path.as_str()).collect::<Vec<_>>(), vec!["contoso/admins.csv", "fabrikam/admins.csv"]);
    assert_eq!(members[1].bytes, csv.repeat(50));
}

#[test]
fn a_bad_member_is_refused_and_the_others_are_read() {
    let good = b"userPrincipalName\nb@contoso.com\n";
    let z = zip_of(&[
        Raw { flags: 1 | (1 << 11), ..Raw::file("secret.csv", good) },
        Raw { deflate: true, ..Raw::file("bomb.csv", &vec![b'0'; 20 * 1024 * 1024]) },
        Raw { declared: Some(u32::MAX), ..Raw::file("huge.csv", good) },
        Raw::file("../../etc/passwd", good),
        Raw::file("/root.csv", good),
        Raw::file("C:\\Windows\\x.csv", good),
        Raw::file("a/../../b.csv", good),
        Raw::file("bell\u{7}.csv", good),
        Raw { declared: Some(5), ..Raw::file("short.csv", good) },
        Raw::file("ok/admins.csv", good),
    ]);
    let (members, refused) = read("hostile.zip", &z, NO_DECODE);
    let reasons: Vec<(&str, &str)> = refused.iter().map(|r| (r.member.as_str(), r.reason.id())).collect();
    assert_eq!(
        reasons,
        vec![
            ("secret.csv", "archive_encrypted"),
            ("bomb.csv", "archive_bomb"),
            ("huge.csv", "archive_too_large"),
            ("../../etc/passwd", "archive_unsafe_name"),
            ("/root.csv", "archive_unsafe_name"),
            ("C:\\Windows\\x.csv", "archive_unsafe_name"),
            ("a/../../b.csv", "archive_unsafe_name"),
            ("bell.csv", "archive_unsafe_name"),
            ("short.csv", "archive_unreadable"),
        ]
    );
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].path, "ok/admins.csv");
}

#[test]
fn an_archive_inside_is_opened_once_and_no_deeper() {
    let csv = b"userPrincipalName\nc@contoso.com\n";
    let deepest = zip_of(&[Raw::file("x.csv", csv)]);
    let inner = zip_of(&[Raw::file("admins.csv", csv), Raw::file("deeper.zip", &deepest)]);
    let outer = zip_of(&[Raw::file("customerA.zip", &inner), Raw { deflate: true, ..Raw::file("customerB.zip", &inner) }]);
    let (members, refused) = read("drop.zip", &outer, NO_DECODE);
    assert_eq!(members.iter().map(|m| m.path.as_str()).collect::<Vec<_>>(), vec!["customerA/admins.csv", "customerB/admins.csv"]);
    assert_eq!(
        refused.iter().map(|r| (r.member.as_str(), r.reason.id())).collect::<Vec<_>>(),
        vec![("customerA/deeper.zip", "archive_nested"), ("customerB/deeper.zip", "archive_nested"),]
    );
}

#[test]
fn a_name_in_shift_jis_is_read_as_such() {
    // "顧客/管理者.csv" as Japanese Windows writes it, without the UTF-8 flag.
    let sjis: &[u8] = &[0x8c, 0xda, 0x8b, 0x71, b'/', 0x8a, 0xc7, 0x97, 0x9d, 0x8e, 0xd2, b'.', b'c', b's', b'v'];
    let z = zip_of(&[Raw { name: sjis, data: b"upn\na@b.example\n".to_vec(), deflate: false, flags: 0, declared: None }]);
    let decode = |b: &[u8]| (b == sjis).then(|| "顧客/管理者.csv".to_string());
    let (members, refused) = read("jp.zip", &z, &decode);
    assert!(refused.is_empty());
    assert_eq!(members[0].path, "顧客/管理者.csv");
}

#[test]
fn what_is_not_an_archive_is_refused_whole() {
    for bytes in [&b""[..], b"PK\x03\x04garbage", b"userPrincipalName\n", &[0xffu8; 64]] {
        let (members, refused) = read("x.zip", bytes, NO_DECODE);
        assert!(members.is_empty());
        assert_eq!(refused.len(), 1, "{bytes:?}");
        assert_eq!(refused[0].reason, Refusal::Unreadable);
    }
}

#[test]
fn accept_checks_size_and_checksum() {
    let z = zip_of(&[Raw { deflate: true, ..Raw::file("a.csv", b"hello hello hello") }]);
    let l = list(&z, 0, NO_DECODE).unwrap();
    let e = &l.entries[0];
    assert_eq!(e.method, Method::Deflated);
    assert!(accept(e, b"hello hello hello").is_ok());
    assert_eq!(accept(e, b"hello hello hellO"), Err(Refusal::Unreadable));
    assert_eq!(accept(e, b"hello"), Err(Refusal::Unreadable));
}

#[test]
fn a_written_archive_reads_back_whole_and_the_same_scripts_give_the_same_bytes() {
    let files = vec![("顧客 A.ps1".to_string(), b"\xEF\xBB\xBFWrite-Host 1\r\n".to_vec()), ("b.ps1".to_string(), Vec::new())];
    let zip = super::write_stored(&files);
    assert_eq!(zip, super::write_stored(&files));
    let (members, refused) = super::read("x.zip", &zip, &|_| None);
    assert!(refused.is_empty(), "{refused:?}");
    let got: Vec<(String, Vec<u8>)> = members.into_iter().map(|m| (m.path, m.bytes)).collect();
    assert_eq!(got, files);
    // And by the zip crate itself, as another tool would.
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&zip)).unwrap();
    assert_eq!(z.len(), 2);
    assert_eq!(z.by_index(0).unwrap().name().unwrap(), "顧客 A.ps1");
}

#[test]
fn archives_inside_an_archive_share_its_budget() {
    let inner = zip_of(&[Raw::file("a.csv", b"0123456789"), Raw::file("b.csv", b"0123456789")]);
    // Two listings drawing on one budget of 25 bytes and 3 entries: the second archive gets
    // what the first left (one entry of 5 bytes), not a budget of its own.
    let mut budget = Budget { bytes: 25, entries: 3, records: 100 };
    let first = list_within(&inner, 1, &|_| None, &mut budget).unwrap();
    assert_eq!(first.entries.len(), 2);
    assert_eq!(budget, Budget { bytes: 5, entries: 1, records: 98 });
    let second = list_within(&inner, 1, &|_| None, &mut budget).unwrap();
    assert!(second.entries.is_empty());
    assert_eq!(second.refused.iter().map(|r| r.reason).collect::<Vec<_>>(), [Refusal::TooLarge, Refusal::TooManyFiles]);
    // Through `read`: the archives inside are read on the one budget, every member of them.
    let many: Vec<Vec<u8>> = (0..3).map(|_| inner.clone()).collect();
    let names: Vec<String> = (0..3).map(|k| format!("in{k}.zip")).collect();
    let outer = zip_of(&names.iter().zip(&many).map(|(n, z)| Raw::file(n, z)).collect::<Vec<_>>());
    let (members, refused) = read("outer.zip", &outer, &|_| None);
    assert_eq!(members.len(), 6, "{refused:?}");
    assert!(refused.is_empty());
}

#[test]
fn directory_records_that_share_a_members_bytes_are_a_bomb() {
    // One member, and a second central directory record pointing at the same local header.
    let one = zip_of(&[Raw::file("a.csv", b"userPrincipalName\na@contoso.com\n")]);
    let cd = one.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    let end = one.windows(4).position(|w| w == b"PK\x05\x06").unwrap();
    let record = one[cd..end].to_vec();
    let mut twice = one[..end].to_vec();
    twice.extend(&record);
    let mut eocd = one[end..].to_vec();
    eocd[8..10].copy_from_slice(&2u16.to_le_bytes());
    eocd[10..12].copy_from_slice(&2u16.to_le_bytes());
    eocd[12..16].copy_from_slice(&((record.len() * 2) as u32).to_le_bytes());
    twice.extend(eocd);
    let l = list(&twice, 0, &|_| None).unwrap();
    assert_eq!(l.entries.len(), 1, "the first record is read");
    assert_eq!(l.refused.iter().map(|r| r.reason).collect::<Vec<_>>(), [Refusal::Bomb]);
}

#[test]
fn an_archive_of_more_entries_than_are_read_is_read_as_far_as_they_go() {
    // Folders and macOS's leftovers beside the files: only the files count.
    let names: Vec<String> = (0..=MAX_ENTRIES).map(|i| format!("f{i}.csv")).collect();
    let mut entries = vec![Raw::file("exports/", b""), Raw::file("__MACOSX/._f0.csv", b"x")];
    entries.extend(names.iter().map(|n| Raw::file(n, b"a")));
    let l = list(&zip_of(&entries), 0, &|_| None).unwrap();
    assert_eq!(l.entries.len(), MAX_ENTRIES);
    // The first file left out is named as it is written.
    assert_eq!(
        l.refused.iter().map(|r| (r.member.as_str(), r.reason)).collect::<Vec<_>>(),
        [(format!("f{MAX_ENTRIES}.csv").as_str(), Refusal::TooManyFiles)]
    );
}

#[test]
fn an_archive_of_more_records_than_are_looked_at_names_the_first_left_out() {
    // Folders do not count against the files read, but against the records looked at: the
    // first record past them is named with its own reason (not "more than N files").
    let entries = vec![Raw::file("a/", b""), Raw::file("b/", b""), Raw::file("c/", b""), Raw::file("d/", b""), Raw::file("e.csv", b"x")];
    let mut budget = Budget { bytes: 100, entries: 10, records: 3 };
    let l = list_within(&zip_of(&entries), 0, &|_| None, &mut budget).unwrap();
    assert!(l.entries.is_empty());
    assert_eq!(l.refused.iter().map(|r| (r.member.as_str(), r.reason)).collect::<Vec<_>>(), [("d/", Refusal::TooManyEntries)]);
    assert_eq!(Refusal::TooManyEntries.id(), "archive_too_many_entries");
}
