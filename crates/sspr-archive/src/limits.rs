//! The limits an archive is read within (ours, not Microsoft's): an administrator's exports
//! for a few hundred organizations fit well inside them, a zip bomb does not. Documented in
//! docs/contract.md ("Organizations").

/// The archive itself: far above a drop of 200 organizations' exports (about 45 MB of CSV,
/// 3 to 8 MB zipped).
pub const MAX_ARCHIVE_BYTES: usize = 256 * 1024 * 1024;
/// Entries in one archive.
pub const MAX_ENTRIES: usize = 20_000;
/// One member, declared and actual: the audit's own limit for a file
/// (sspr_model::audit::MAX_INPUT_BYTES).
pub const MAX_MEMBER_BYTES: usize = 128 * 1024 * 1024;
/// All members of one archive together, once inflated.
pub const MAX_TOTAL_BYTES: usize = 512 * 1024 * 1024;
/// A member that inflates to more than this many times its stored size is a zip bomb, when
/// it is larger than `BOMB_MIN_BYTES` (exports compress 5 to 20 times; a small file may
/// compress more without harm; deflate's own limit is about 1,032).
pub const BOMB_RATIO: u64 = 200;
pub const BOMB_MIN_BYTES: usize = 1024 * 1024;
/// Archives inside an archive are opened this many levels deep.
pub const MAX_DEPTH: u8 = 1;
