//! Mail domains people use for an alternate (contact) address, for spotting typos such as
//! `gmial.com`. Not a Microsoft fact: a list of large consumer providers, global and
//! Japanese (including the mobile carriers' domains, common in Japan).
pub const WELL_KNOWN_MAIL_DOMAINS: &[&str] = &[
    // global
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "outlook.jp",
    "hotmail.com",
    "hotmail.co.jp",
    "hotmail.co.uk",
    "live.com",
    "live.jp",
    "msn.com",
    "yahoo.com",
    "yahoo.co.jp",
    "yahoo.co.uk",
    "ymail.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "gmx.de",
    "gmx.net",
    "web.de",
    "mail.ru",
    "yandex.ru",
    "qq.com",
    "163.com",
    "naver.com",
    "zoho.com",
    // Japan: mobile carriers and large providers
    "docomo.ne.jp",
    "ezweb.ne.jp",
    "au.com",
    "softbank.ne.jp",
    "i.softbank.jp",
    "ymobile.ne.jp",
    "rakumail.jp",
    "nifty.com",
    "biglobe.ne.jp",
    "so-net.ne.jp",
    "ocn.ne.jp",
    "plala.or.jp",
    "excite.co.jp",
];

/// Japanese mobile carriers' mail domains. Their default filters often refuse mail from
/// computers and unknown senders, so a reset email to them can vanish without a bounce.
pub const JAPANESE_CARRIER_MAIL_DOMAINS: &[&str] =
    &["docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp", "ymobile.ne.jp", "rakumail.jp"];
