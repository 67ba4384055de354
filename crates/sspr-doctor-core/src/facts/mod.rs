//! The Microsoft facts (sspr-model), and what the page and `sspr-doctor facts` publish
//! from them.

mod published;

pub use published::{page_facts, published, PageFacts, Published};
pub use sspr_model::facts::*;
