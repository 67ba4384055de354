//! The limits an archive is read within: their one place is sspr-model (its audit module),
//! where the words that name them read them too.

pub use sspr_model::audit::{
    BOMB_MIN_BYTES, BOMB_RATIO, MAX_ARCHIVE_BYTES, MAX_ARCHIVE_DEPTH as MAX_DEPTH, MAX_ARCHIVE_ENTRIES as MAX_ENTRIES,
    MAX_ARCHIVE_RECORDS as MAX_RECORDS, MAX_ARCHIVE_TOTAL_BYTES as MAX_TOTAL_BYTES, MAX_MEMBER_BYTES,
};
