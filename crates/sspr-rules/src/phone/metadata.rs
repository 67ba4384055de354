//! The numbering metadata, one calling code at a time. build.rs splits the `phonenumber`
//! crate's metadata into a shard per calling code; the first number with a code builds
//! that code's `Database` (microseconds: nothing is parsed until a pattern is first
//! matched) and keeps it. The crate's global database, which builds every country's
//! patterns at once, is never touched.

use std::sync::OnceLock;

use phonenumber::metadata::{Database, Metadata};

include!(concat!(env!("OUT_DIR"), "/phone_index.rs"));

static SHARD_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/phone-shards.bin"));

/// One slot per calling code: bounded memory, however many numbers are checked.
static BUILT: [OnceLock<Option<Database>>; SHARDS.len()] = [const { OnceLock::new() }; SHARDS.len()];

/// The metadata of a calling code, built on first use; None for an unknown code.
pub fn database(code: u16) -> Option<&'static Database> {
    let i = SHARDS.binary_search_by_key(&code, |s| s.0).ok()?;
    BUILT[i]
        .get_or_init(|| {
            let (_, offset, len) = SHARDS[i];
            let bytes = SHARD_BYTES.get(offset as usize..(offset + len) as usize)?;
            Database::from(sspr_phone_shards::read(bytes)?).ok()
        })
        .as_ref()
}

/// Whether a calling code exists (without building its metadata).
pub fn is_calling_code(code: u16) -> bool {
    SHARDS.binary_search_by_key(&code, |s| s.0).is_ok()
}

/// The main region's metadata for a calling code (Japan for 81, the US for 1).
pub fn main_metadata(code: u16) -> Option<&'static Metadata> {
    database(code)?.by_code(&code)?.into_iter().next()
}

/// Every metadata sharing a calling code, the main region first.
pub fn metadata_for_code(code: u16) -> Vec<&'static Metadata> {
    database(code).and_then(|db| db.by_code(&code)).unwrap_or_default()
}

/// The metadata of a region (ISO 3166-1 alpha-2, upper case).
pub fn region_metadata(region: &str) -> Option<&'static Metadata> {
    let code = calling_code_of(region)?;
    database(code)?.by_id(region)
}

/// The calling code of a region, from the static index.
pub fn calling_code_of(region: &str) -> Option<u16> {
    REGIONS.binary_search_by_key(&region, |r| r.0).ok().map(|i| REGIONS[i].1)
}

/// Every region the metadata knows, sorted: the choices for "country of that phone".
pub fn regions() -> impl Iterator<Item = &'static str> {
    REGIONS.iter().map(|r| r.0)
}

#[cfg(test)]
mod tests {
    use super::{database, SHARDS};

    /// Every shard build.rs wrote reads back into a database with its calling code.
    #[test]
    fn every_shard_reads() {
        for &(code, _, _) in SHARDS {
            let db = database(code).unwrap_or_else(|| panic!("the shard of +{code} does not read"));
            assert!(db.by_code(&code).is_some_and(|m| !m.is_empty()), "+{code} has no metadata");
        }
    }
}
