//! The troubleshooter's output: the rules' conclusions said in a language (`diagnose`, the
//! contract's Report), as plain text and Markdown (`format`), the support summary, and what
//! the page and `sspr-doctor facts` publish before any diagnosis (`published`).

pub mod format;
pub mod published;
pub mod report;
mod summary;

// The model, under the names the output has always used.
pub(crate) use sspr_model::report as report_types;
pub(crate) use sspr_model::{case, facts};
pub(crate) use sspr_text as normalize;
pub(crate) use sspr_words as words;

pub use report::{audience, diagnose, in_words};
