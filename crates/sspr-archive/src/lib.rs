//! SSPR Doctor's archive reader (issue 26): a `.zip` of exports into its members, each
//! within the limits (`limits.rs`), and every other entry listed with why it was left out.
//! An archive is hostile input: nothing is ever written to disk, a member's name is only ever
//! a path inside the archive (`names.rs`), and one bad member never loses the others.
//!
//! Reading is two steps, so that the page can inflate with the browser's own
//! `DecompressionStream` in its worker: `list` reads the central directory (no member is
//! inflated) and says where each member's bytes are; `accept` checks a member's inflated
//! bytes (size, CRC-32). With the `inflate` feature (the command line) `read` does both,
//! inflating with flate2, and opens archives inside the archive one level deep.

mod crc;
mod limits;
mod names;
mod write;

pub use limits::*;
pub use names::{member_path, shown, MemberPath, LEFTOVERS};
pub use write::write_stored;

use std::ops::Range;

use serde::Serialize;

/// Why an entry (or a whole archive) is left out: the contract's `problems[].reason` ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Refusal {
    /// Encrypted (ZipCrypto or AES): never guessed at.
    #[serde(rename = "archive_encrypted")]
    Encrypted,
    /// Declared or actual size past a limit (one member, the members together, the archive).
    #[serde(rename = "archive_too_large")]
    TooLarge,
    /// Far more bytes out than in: a zip bomb.
    #[serde(rename = "archive_bomb")]
    Bomb,
    /// An archive inside an archive inside the archive (one level is opened).
    #[serde(rename = "archive_nested")]
    Nested,
    /// Damaged, or compressed with a method other than stored or deflate.
    #[serde(rename = "archive_unreadable")]
    Unreadable,
    /// Addition: a name that would leave the archive (`..`, an absolute path, a drive), a
    /// link, or control characters.
    #[serde(rename = "archive_unsafe_name")]
    UnsafeName,
    /// Addition: past the number of files read from one archive (the archives inside it
    /// included) or one folder: this member and those after it are not read.
    #[serde(rename = "too_many_files")]
    TooManyFiles,
    /// Addition: past the directory records looked at in one archive (folders and other
    /// tools' leftovers included, the archives inside it too): this record and those after
    /// it are not read.
    #[serde(rename = "archive_too_many_entries")]
    TooManyEntries,
}

impl Refusal {
    pub fn id(self) -> &'static str {
        match self {
            Refusal::Encrypted => "archive_encrypted",
            Refusal::TooLarge => "archive_too_large",
            Refusal::Bomb => "archive_bomb",
            Refusal::Nested => "archive_nested",
            Refusal::Unreadable => "archive_unreadable",
            Refusal::UnsafeName => "archive_unsafe_name",
            Refusal::TooManyFiles => "too_many_files",
            Refusal::TooManyEntries => "archive_too_many_entries",
        }
    }
}

/// How a member's bytes are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Method {
    Stored,
    Deflated,
}

/// A member that may be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// Its path inside the archive: folders and name, joined with `/`.
    pub path: String,
    pub method: Method,
    /// Where its stored (or deflated) bytes are in the archive.
    pub raw: Range<usize>,
    /// The size it declares once inflated (checked by `accept`).
    pub size: usize,
    pub crc32: u32,
    /// An archive itself (`.zip`): opened one level deep.
    pub archive: bool,
}

/// An entry left out, with why. `member` is its name as shown (control characters removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refused {
    pub member: String,
    pub reason: Refusal,
}

/// What `list` found: the members to read and the entries left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Listing {
    pub entries: Vec<Entry>,
    pub refused: Vec<Refused>,
}

/// Does `bytes` look like a zip archive (a local file header or an empty archive's end)?
pub fn is_archive(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The entries of the archive `bytes` at `depth` (0: an archive given; 1: one inside it),
/// without inflating anything. `decode` reads a name that is not UTF-8 (Japanese Windows
/// writes Shift_JIS); `None` keeps the bytes as UTF-8 can read them. A whole archive that cannot be
/// read at all is `Err`.
pub fn list(bytes: &[u8], depth: u8, decode: &dyn Fn(&[u8]) -> Option<String>) -> Result<Listing, Refusal> {
    list_within(bytes, depth, decode, &mut Budget::default())
}

/// What is left to read of one archive given, the archives inside it included: a budget
/// each inner archive draws on, so that a hundred archives inside one cannot each take the
/// whole (`MAX_TOTAL_BYTES` inflated, `MAX_ENTRIES` files read, and directory records looked
/// at, folders and other tools' leftovers included: `MAX_RECORDS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub bytes: usize,
    pub entries: usize,
    pub records: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Budget { bytes: MAX_TOTAL_BYTES, entries: MAX_ENTRIES, records: MAX_RECORDS }
    }
}

/// `list`, drawing on `budget` (shared by an archive and the archives inside it).
pub fn list_within(bytes: &[u8], depth: u8, decode: &dyn Fn(&[u8]) -> Option<String>, budget: &mut Budget) -> Result<Listing, Refusal> {
    if bytes.len() > MAX_ARCHIVE_BYTES {
        return Err(Refusal::TooLarge);
    }
    // An archive of more entries than the budget is read as far as the budget goes, as a
    // folder of too many files is.
    let zip = rawzip::ZipArchive::from_slice(bytes).map_err(|_| Refusal::Unreadable)?;
    let mut out = Listing::default();
    let mut entries = zip.entries();
    for i in 0.. {
        // A damaged record ends the directory: what came before it is kept.
        let f = match entries.next_entry() {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => {
                out.refused.push(Refused { member: format!("#{}", i + 1), reason: Refusal::Unreadable });
                break;
            }
        };
        let raw_name = f.file_path().as_bytes();
        let written = match std::str::from_utf8(raw_name) {
            Ok(s) => s.to_string(),
            Err(_) => decode(raw_name).unwrap_or_else(|| String::from_utf8_lossy(raw_name).into_owned()),
        };
        let shown = names::shown(&written);
        let refuse = |out: &mut Listing, reason| out.refused.push(Refused { member: shown.clone(), reason });
        // Folders and other tools' leftovers do not count against the files read, but every
        // record is work: a directory of far more records than files read ends here, the
        // first record left out named.
        if budget.records == 0 {
            refuse(&mut out, Refusal::TooManyEntries);
            break;
        }
        budget.records -= 1;
        if f.is_dir() {
            continue;
        }
        let path = match member_path(&written) {
            MemberPath::Skip => continue,
            MemberPath::Unsafe => {
                refuse(&mut out, Refusal::UnsafeName);
                continue;
            }
            MemberPath::Path(p) => p,
        };
        // The first file past the budget is named; it and those after it are not read.
        if budget.entries == 0 {
            refuse(&mut out, Refusal::TooManyFiles);
            break;
        }
        budget.entries -= 1;
        if f.mode().is_symlink() {
            refuse(&mut out, Refusal::UnsafeName);
            continue;
        }
        if f.flags().is_encrypted() {
            refuse(&mut out, Refusal::Encrypted);
            continue;
        }
        // By the format's numbers (APPNOTE 4.4.5).
        let method = match f.compression_method().as_u16() {
            0 => Method::Stored,
            8 => Method::Deflated,
            // AES (WinZip's encryption).
            99 => {
                refuse(&mut out, Refusal::Encrypted);
                continue;
            }
            _ => {
                refuse(&mut out, Refusal::Unreadable);
                continue;
            }
        };
        let (size, packed) = (f.uncompressed_size_hint(), f.compressed_size_hint());
        if size > MAX_MEMBER_BYTES as u64 {
            refuse(&mut out, Refusal::TooLarge);
            continue;
        }
        let size = size as usize;
        if size > BOMB_MIN_BYTES && size as u64 > packed.saturating_mul(BOMB_RATIO) {
            refuse(&mut out, Refusal::Bomb);
            continue;
        }
        if size > budget.bytes {
            refuse(&mut out, Refusal::TooLarge);
            continue;
        }
        // Where its bytes are, from its local header (checked to lie inside the archive).
        let Ok(local) = zip.get_entry(f.wayfinder()) else {
            refuse(&mut out, Refusal::Unreadable);
            continue;
        };
        let (start, end) = local.compressed_data_range();
        let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
            refuse(&mut out, Refusal::Unreadable);
            continue;
        };
        if end > bytes.len() || (method == Method::Stored && end - start != size) {
            refuse(&mut out, Refusal::Unreadable);
            continue;
        }
        let archive = path.to_ascii_lowercase().ends_with(".zip");
        if archive && depth >= MAX_DEPTH {
            refuse(&mut out, Refusal::Nested);
            continue;
        }
        budget.bytes -= size;
        out.entries.push(Entry { path, method, raw: start..end, size, crc32: f.crc32(), archive });
    }
    overlapping(&mut out);
    Ok(out)
}

/// Entries whose bytes overlap an earlier entry's are refused as a bomb: many directory
/// records pointing at one member's bytes make a few megabytes inflate to gigabytes, and
/// no archive a tool writes shares bytes between members.
fn overlapping(out: &mut Listing) {
    let mut at: Vec<usize> = (0..out.entries.len()).collect();
    sspr_model::order::sort_by(&mut at, |a, b| out.entries[*a].raw.start.cmp(&out.entries[*b].raw.start).then(a.cmp(b)));
    let mut bad = vec![false; out.entries.len()];
    let mut end = 0;
    for (k, &i) in at.iter().enumerate() {
        let r = &out.entries[i].raw;
        if k > 0 && r.start < end {
            bad[i] = true;
        }
        end = end.max(r.end);
    }
    if !bad.contains(&true) {
        return;
    }
    let mut kept = Vec::with_capacity(out.entries.len());
    for (i, e) in std::mem::take(&mut out.entries).into_iter().enumerate() {
        if bad[i] {
            out.refused.push(Refused { member: names::shown(&e.path), reason: Refusal::Bomb });
        } else {
            kept.push(e);
        }
    }
    out.entries = kept;
}

/// Checks a member's inflated bytes against what its entry declares: the same size and
/// CRC-32. A stored member is its raw bytes.
pub fn accept(e: &Entry, data: &[u8]) -> Result<(), Refusal> {
    if data.len() > MAX_MEMBER_BYTES {
        return Err(Refusal::TooLarge);
    }
    if data.len() != e.size || crc::crc32(data) != e.crc32 {
        return Err(Refusal::Unreadable);
    }
    Ok(())
}

/// A member read whole: its path (inside the archive, with the archives it was inside) and
/// its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Inflates a deflated member, stopping past its declared size (a member that gives more
/// than it declares is a bomb).
#[cfg(feature = "inflate")]
pub fn inflate(e: &Entry, archive: &[u8]) -> Result<Vec<u8>, Refusal> {
    use std::io::Read;
    let raw = archive.get(e.raw.clone()).ok_or(Refusal::Unreadable)?;
    let data = match e.method {
        Method::Stored => raw.to_vec(),
        Method::Deflated => {
            let mut out = Vec::with_capacity(e.size.min(MAX_MEMBER_BYTES));
            flate2::read::DeflateDecoder::new(raw).take(e.size as u64 + 1).read_to_end(&mut out).map_err(|_| Refusal::Unreadable)?;
            if out.len() > e.size {
                return Err(Refusal::Bomb);
            }
            out
        }
    };
    accept(e, &data)?;
    Ok(data)
}

/// Every member of the archive `bytes` (named `name`), archives inside it opened one level
/// deep (their members' paths under the inner archive's path), and what was left out, with
/// the inner archive's path before a member's name. A whole archive that cannot be read is
/// one refusal under its own name.
#[cfg(feature = "inflate")]
pub fn read(name: &str, bytes: &[u8], decode: &dyn Fn(&[u8]) -> Option<String>) -> (Vec<Member>, Vec<Refused>) {
    let mut out = Reading { members: Vec::new(), refused: Vec::new(), budget: Budget::default() };
    read_into(name, bytes, 0, "", decode, &mut out);
    (out.members, out.refused)
}

/// What an archive and the archives inside it gave so far, and what they may still take.
#[cfg(feature = "inflate")]
struct Reading {
    members: Vec<Member>,
    refused: Vec<Refused>,
    budget: Budget,
}

#[cfg(feature = "inflate")]
fn read_into(name: &str, bytes: &[u8], depth: u8, prefix: &str, decode: &dyn Fn(&[u8]) -> Option<String>, out: &mut Reading) {
    let listing = match list_within(bytes, depth, decode, &mut out.budget) {
        Ok(l) => l,
        Err(reason) => {
            out.refused.push(Refused { member: names::shown(name), reason });
            return;
        }
    };
    out.refused.extend(listing.refused.into_iter().map(|r| Refused { member: format!("{prefix}{}", r.member), reason: r.reason }));
    for e in listing.entries {
        match inflate(&e, bytes) {
            Ok(data) if e.archive && is_archive(&data) => {
                let inner = format!("{prefix}{}/", e.path.trim_end_matches(|c| c != '.').trim_end_matches('.'));
                read_into(&e.path, &data, depth + 1, &inner, decode, out);
            }
            Ok(data) => out.members.push(Member { path: format!("{prefix}{}", e.path), bytes: data }),
            Err(reason) => out.refused.push(Refused { member: format!("{prefix}{}", e.path), reason }),
        }
    }
}

#[cfg(test)]
mod tests;
