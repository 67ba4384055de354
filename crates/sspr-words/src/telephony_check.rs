//! Whether a sentence offers a text message or a call (issue 25): the tests' check that no
//! text does once Microsoft sends neither. A sentence may say that texts and calls have
//! ended and that a method that is not one is the way, and name the organization's own
//! telephony provider; any other mention of them offers them.

/// What a step may say of texts and calls once they have ended: that they have, and that a
/// method that is not one is what to use. Anything else naming them offers them.
pub const TELEPHONY_NEGATIONS: &[&str] = &[
    "Microsoft sends no password-reset text messages or calls",
    "a method that is not a text or a call",
    "a method that is not SMS or voice",
    "that is not a text message or a call",
    "(an office phone is a call too)",
    "Microsoft no longer sends the text messages itself",
    "テキスト メッセージでも通話でもない方法",
    "パスワード リセット用のテキスト メッセージも通話も送りません",
    "SMS と音声通話以外の方法",
    "テキスト メッセージや音声通話ではない",
    "テキスト メッセージと音声通話以外の方法",
    "(会社電話も音声通話です)",
    // The owner's message: why they must register another method.
    "Microsoft stops sending password-reset texts and calls",
    "Microsoft は、パスワード リセット用のテキスト メッセージと音声通話の提供を終了します",
    // Not a method: calling Microsoft support, which verifies the caller its own way.
    "contact Microsoft support by phone",
    "電話で Microsoft サポートに問い合わせます",
    "組織のプロファイルに登録されていない電話番号からかけた場合は、プロファイルに登録されているメール アドレスか電話番号に確認コードが送られます",
    // Not telephony: the mail of a mobile carrier, and the organization's own provider.
    "携帯電話会社",
    "telephony provider",
    "電話プロバイダー",
];
pub const TELEPHONY_WORDS: &[&str] = &[
    "text message",
    "Text my",
    " call",
    "SMS",
    "voice",
    "Voice",
    "office phone",
    "mobile number",
    "phone number",
    "mobile phone method",
    "テキスト メッセージ",
    "通話",
    "SMS",
    "会社電話",
    "携帯電話",
    "電話番号",
];

/// `text` without its addresses (an address runs to the first space, bracket, or
/// character outside ASCII).
pub fn without_urls(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("https://") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = tail.find(|c: char| c.is_whitespace() || !c.is_ascii() || matches!(c, ')' | ';' | ',')).unwrap_or(tail.len());
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// The word by which `text` offers a text message or a call, if it does.
pub fn offers_telephony(text: &str) -> Option<&'static str> {
    for list in [crate::names::SSPR_OTHER_METHODS_EN, crate::names::SSPR_OTHER_METHODS_JA] {
        if text.contains(list) {
            return Some("the methods with texts and calls");
        }
    }
    // Addresses name no method (concept-sms-voice-retirement).
    let mut rest = without_urls(text);
    for n in TELEPHONY_NEGATIONS {
        rest = rest.replace(n, "");
    }
    TELEPHONY_WORDS.iter().copied().find(|w| rest.contains(w))
}
