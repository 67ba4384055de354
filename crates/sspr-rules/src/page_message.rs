//! The message the password-reset page showed: an `SSPR_` code or the text, English or
//! Japanese, pasted as is. Codes and phrases live in `facts`.

use crate::facts::{read_page_codes, PageCause, PAGE_PHRASES};
use crate::normalize::fold_width;

const MAX_SCAN_BYTES: usize = 64 * 1024;

/// What the message says, codes first; empty when nothing is recognized. Returns each
/// cause once, with the code or phrase that matched.
pub fn read(raw: &str) -> Vec<(PageCause, String)> {
    let cut = raw.char_indices().take_while(|(i, _)| *i < MAX_SCAN_BYTES).last().map_or(0, |(i, c)| i + c.len_utf8());
    let text = fold_width(&raw[..cut]);
    // ASCII case folding only: the phrases are English or Japanese, and byte positions stay.
    let upper = text.to_ascii_uppercase();
    // Curly apostrophes from the page or a word processor; line breaks in a pasted message.
    let lower = text.to_ascii_lowercase().replace(['\u{2019}', '\u{2018}'], "'").replace(['\r', '\n'], " ");
    let mut out: Vec<(PageCause, String)> = Vec::new();
    let mut add = |cause: PageCause, what: &str| {
        if !out.iter().any(|(c, _)| *c == cause) {
            out.push((cause, what.to_string()));
        }
    };
    for (cause, code) in read_page_codes(&upper) {
        add(cause, code);
    }
    for (phrase, cause) in PAGE_PHRASES {
        if lower.contains(phrase) {
            add(*cause, phrase);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(s: &str) -> Option<PageCause> {
        read(s).first().map(|(c, _)| *c)
    }

    #[test]
    fn codes_and_texts() {
        assert_eq!(
            first("SSPR_0009: We've detected that password reset hasn't been enabled by your administrator."),
            Some(PageCause::SsprDisabled)
        );
        assert_eq!(first("ｓｓｐｒ＿００１４"), Some(PageCause::NotRegistered));
        assert_eq!(first("SSPR_0030"), Some(PageCause::OnPremisesConnectivity));
        assert_eq!(first("Sorry, we’re having trouble verifying your account"), Some(PageCause::TelephonyTrouble));
        assert_eq!(first("You've hit our limit on text verification codes"), Some(PageCause::SmsRateLimited));
        assert_eq!(first("You've tried to reset your password too many times. Wait 24 hours."), Some(PageCause::Throttled));
        assert!(read("Something else entirely").is_empty());
    }

    /// Issue 9 item 14: whole messages, not bare words; Japanese messages without codes.
    #[test]
    fn whole_messages_in_both_languages() {
        assert!(read("ライセンス認証されていない Office です").is_empty());
        assert_eq!(first("パスワードのリセットが管理者によって有効にされていないことが検出されました。"), Some(PageCause::SsprDisabled));
        assert_eq!(first("パスワード ライトバックが有効になっていないことが検出されました。"), Some(PageCause::WritebackNotEnabled));
        assert_eq!(first("組織には、パスワードのリセットを実行するために必要なライセンスがありません。"), Some(PageCause::NotLicensed));
        assert_eq!(
            first("オンプレミス環境との接続状況が悪いため、パスワードをリセットできません。"),
            Some(PageCause::OnPremisesConnectivity)
        );
    }
}
