//! SSPR Doctor's troubleshooter rules: from what a person typed to the causes that stop
//! the reset (`diagnose::conclude`), and the bulk phone checks (`check_phones`). Conclusions
//! only, with no language in them: sspr-words says them, sspr-output writes them.

pub mod diagnose;
pub mod email;
pub mod findings;
pub mod mail_domains;
pub mod page_message;
pub mod phone;
pub mod phone_check;
pub mod policy;
mod punycode;
pub mod telephony;
pub mod upn;

// The model, under the names the rules have always used.
pub(crate) use sspr_model::{case, cause, facts, report};
pub(crate) use sspr_text as normalize;

pub use diagnose::{conclude, Diagnosis, Reader};
pub use phone_check::{check_phone, check_phones, PhoneCheck, PhoneInput};
pub use telephony::telephony;
