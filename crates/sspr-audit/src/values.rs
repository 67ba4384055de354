//! Reading one cell: yes/no in the spellings exports use, lists in every way scripts join
//! arrays, authentication method names (Graph, MSOnline, the admin center's labels and
//! community scripts), phone cells (typed, masked, damaged by a spreadsheet) and roles.
//! Sources for each spelling: shared/data/admin-exports/FORMATS.md.

pub use sspr_model::audit::AuthMethod;

/// Text as a comparison key: lower case, letters and digits only.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !c.is_ascii() && sspr_text::is_letter(c) {
            out.push(sspr_text::lower_char(c));
        }
    }
    out
}

pub use sspr_text::hash::FnvBuild;

/// A cell's text without blanks around it and without the `'` that formula-guarded
/// exports put before `=`, `+`, `-`, `@` (TheQutsh's report; Excel's text prefix).
pub fn clean(s: &str) -> &str {
    // Most cells have nothing to take off: a printable ASCII character at each end (not `'`
    // first) ends the search at once. (The walk from both ends was 7% of reading 100,000
    // rows.)
    if let (Some(&first), Some(&last)) = (s.as_bytes().first(), s.as_bytes().last()) {
        if first.is_ascii_graphic() && first != b'\'' && last.is_ascii_graphic() {
            return s;
        }
    }
    let s = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    s.strip_prefix('\'').unwrap_or(s).trim()
}

/// "Not set" as exports write it.
pub fn is_placeholder(s: &str) -> bool {
    matches!(clean(s), "" | "-" | "--" | "n/a" | "N/A" | "null" | "NULL" | "None" | "none" | "—")
}

/// Yes or no. Excel translates TRUE/FALSE into the user's language when it re-saves a
/// file (WAHR/FALSCH, VRAI/FAUX, …); the admin center's labels are "Capable" / "Not
/// capable" and the like.
pub fn boolean(s: &str) -> Option<bool> {
    if is_placeholder(s) {
        return None;
    }
    match key(s).as_str() {
        "true" | "yes" | "y" | "1" | "wahr" | "ja" | "vrai" | "oui" | "verdadero" | "verdadeiro" | "sí" | "si" | "vero" | "waar"
        | "sant" | "sand" | "tosi" | "prawda" | "はい" | "真" | "enabled" | "capable" | "registered" | "enforced" | "有効" | "登録済み" => {
            Some(true)
        }
        "false" | "no" | "n" | "0" | "falsch" | "nein" | "faux" | "non" | "falso" | "onwaar" | "falskt" | "falsk" | "epätosi" | "fałsz"
        | "いいえ" | "偽" | "disabled" | "notenabled" | "notcapable" | "notregistered" | "無効" | "未登録" => Some(false),
        _ => None,
    }
}

/// How a list arrived in one cell.
#[derive(Debug, PartialEq, Eq)]
pub enum List<'a> {
    Items(Vec<&'a str>),
    /// `System.String[]`: `Export-Csv` wrote the array's type name, not its items.
    TypeName,
}

/// A list in any of the spellings scripts produce: a JSON array (the admin center),
/// `{a, b}` (Format-Table), joined by `,` `;` `|` or line breaks, or by spaces (method
/// names only: role names have spaces in them, see `names`).
pub fn list(s: &str) -> List<'_> {
    list_of(s, true)
}

/// A list of names that may contain spaces ("Global Administrator, User Administrator").
pub fn names(s: &str) -> List<'_> {
    list_of(s, false)
}

fn list_of(s: &str, spaces_separate: bool) -> List<'_> {
    let s = clean(s);
    if s.starts_with("System.") && s.ends_with(']') || s.starts_with("System.Collections") {
        return List::TypeName;
    }
    let inner = s
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .or_else(|| s.strip_prefix('{').and_then(|r| r.strip_suffix('}')))
        .or_else(|| s.strip_prefix('(').and_then(|r| r.strip_suffix(')')))
        .unwrap_or(s);
    let has_separator = inner.contains([',', ';', '|', '\n', '\r']);
    let items: Vec<&str> = if has_separator {
        inner.split([',', ';', '|', '\n', '\r']).collect()
    } else if !spaces_separate || method(inner).is_some() || inner.contains('"') {
        vec![inner]
    } else {
        inner.split_whitespace().collect()
    };
    List::Items(items.into_iter().map(|i| i.trim().trim_matches(['"', '\'']).trim()).filter(|i| !is_placeholder(i)).collect())
}

/// A set of methods in two bytes (an account's registered methods: a `BTreeSet` took a
/// node of its own for each of 100,000 accounts). Iterates in `AuthMethod`'s order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MethodSet(u16);

impl MethodSet {
    pub fn insert(&mut self, m: AuthMethod) {
        self.0 |= 1 << m as u16;
    }

    pub fn extend(&mut self, other: MethodSet) {
        self.0 |= other.0;
    }

    pub fn iter(self) -> impl Iterator<Item = AuthMethod> {
        AuthMethod::ALL.iter().copied().filter(move |&m| self.0 & (1 << m as u16) != 0)
    }
}

/// A method name in any spelling: Graph's `methodsRegistered` and `defaultMfaMethod`,
/// `systemPreferredAuthenticationMethods`, the usage report's `authMethod`, MSOnline's
/// `MethodType`, the admin center's labels and community scripts' friendly names.
pub fn method(s: &str) -> Option<AuthMethod> {
    use AuthMethod::*;
    // Most files use Graph's own names: no key to build for them.
    match s {
        "email" => return Some(Email),
        "mobilePhone" => return Some(MobilePhone),
        "alternateMobilePhone" => return Some(AlternateMobilePhone),
        "officePhone" => return Some(OfficePhone),
        "microsoftAuthenticatorPush" => return Some(MicrosoftAuthenticatorPush),
        "softwareOneTimePasscode" => return Some(SoftwareOneTimePasscode),
        "hardwareOneTimePasscode" => return Some(HardwareOneTimePasscode),
        "securityQuestion" => return Some(SecurityQuestion),
        "fido2SecurityKey" => return Some(Fido2SecurityKey),
        _ => {}
    }
    Some(match key(s).as_str() {
        "email" | "emailotp" | "emailaddress" | "メール" | "電子メール" => Email,
        "mobilephone" | "mobile" | "sms" | "onewaysms" | "twowayvoicemobile" | "voicemobile" | "mobilesms" | "mobilecall" | "smssignin"
        | "voice" | "phone" | "phonecall" | "textmessage" | "携帯電話" => MobilePhone,
        "alternatemobilephone"
        | "alternatemobile"
        | "twowayvoicealternatemobile"
        | "voicealternatemobile"
        | "alternatemobilecall"
        | "alternatephone"
        | "alternatemobilephonecall" => AlternateMobilePhone,
        "officephone" | "office" | "twowayvoiceoffice" | "voiceoffice" | "officecall" | "officephonecall" | "会社電話" => OfficePhone,
        "microsoftauthenticatorpush"
        | "phoneappnotification"
        | "push"
        | "appnotification"
        | "mobileappnotification"
        | "microsoftauthenticator"
        | "microsoftauthenticatorapp"
        | "authenticatorapp"
        | "authenticator"
        | "microsoftauthenticatorapppush" => MicrosoftAuthenticatorPush,
        "microsoftauthenticatorpasswordless" | "microsoftpasswordlessphonesignin" | "passwordlessphonesignin" | "phonesignin" => {
            MicrosoftAuthenticatorPasswordless
        }
        "softwareonetimepasscode"
        | "softwareoath"
        | "softwareoathtoken"
        | "phoneappotp"
        | "appcode"
        | "oath"
        | "mobileappcode"
        | "softwareoathtokens" => SoftwareOneTimePasscode,
        "hardwareonetimepasscode" | "hardwareoath" | "hardwareoathtoken" | "hardwareoathtokens" => HardwareOneTimePasscode,
        "securityquestion" | "securityquestions" | "秘密の質問" => SecurityQuestion,
        "fido2securitykey" | "fido2" | "fido" | "fido2key" | "securitykey" | "passkeyfido2" => Fido2SecurityKey,
        "passkeydevicebound"
        | "passkeydeviceboundauthenticator"
        | "passkeydeviceboundwindowshello"
        | "passkeyinmicrosoftauthenticator"
        | "passkey"
        | "passkeys" => PassKeyDeviceBound,
        "passkeysynced" | "syncedpasskey" => PassKeySynced,
        "windowshelloforbusiness" | "helloforbusiness" | "whfb" | "windowshello" => WindowsHelloForBusiness,
        "temporaryaccesspass" | "tap" => TemporaryAccessPass,
        "certificatebasedauthentication" | "cba" | "x509certificate" | "certificate" => CertificateBasedAuthentication,
        "macossecureenclavekey" | "platformcredential" => MacOsSecureEnclaveKey,
        _ => return None,
    })
}

/// A phone cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneCell {
    Number(String),
    /// Masked as Graph shows numbers to some roles (`+81 9****678`): present, unreadable.
    Masked,
    Damaged(Damage),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// `8.19E+11`: a spreadsheet turned the number into a float; its digits are gone.
    Scientific(String),
    /// Only digits, no `+`: a spreadsheet read `+819012345678` as a number and dropped the
    /// `+` (Graph never stores a number without it). `+` and the digits is the guess.
    PlusLost(String),
}

/// Which phone a typed cell names ("mobile +1 4255550142", "office: +1 …").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneKind {
    Mobile,
    AlternateMobile,
    Office,
}

pub fn phone_kind(s: &str) -> Option<PhoneKind> {
    match key(s).as_str() {
        "mobile" | "mobilephone" | "携帯電話" => Some(PhoneKind::Mobile),
        "alternatemobile" | "alternatemobilephone" => Some(PhoneKind::AlternateMobile),
        "office" | "officephone" | "会社電話" => Some(PhoneKind::Office),
        _ => None,
    }
}

/// A cell holding one or more phones, typed or not: `+81 90…`, `mobile +1 425…`
/// (LazyAdmin), `mobile: +819****678 | office: …` (TheQutsh). Untyped numbers are
/// `None`-typed.
pub fn phones(s: &str) -> Vec<(Option<PhoneKind>, PhoneCell)> {
    let s = clean(s);
    if is_placeholder(s) {
        return Vec::new();
    }
    s.split(['|', '\n', ';'])
        .map(clean)
        .filter(|p| !is_placeholder(p))
        .map(|part| {
            // "mobile +1 …" or "mobile: +1 …"
            let (kind, number) = match part.split_once([' ', ':']) {
                Some((head, rest)) if phone_kind(head).is_some() => (phone_kind(head), clean(rest.trim_start_matches(':'))),
                _ => (None, part),
            };
            (kind, phone(number))
        })
        .collect()
}

/// One number as found in a cell.
pub fn phone(s: &str) -> PhoneCell {
    let s = clean(s);
    if s.contains(['*', '•', '●', '＊']) || s.contains("XXX") || s.contains("xxx") {
        return PhoneCell::Masked;
    }
    if is_scientific(s) {
        return PhoneCell::Damaged(Damage::Scientific(s.to_string()));
    }
    if s.len() >= 10 && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0') {
        return PhoneCell::Damaged(Damage::PlusLost(s.to_string()));
    }
    PhoneCell::Number(s.to_string())
}

/// `8.19E+11`, `8,19E+11`, `8.19012E+11`.
fn is_scientific(s: &str) -> bool {
    let Some((mantissa, exponent)) = s.split_once(['E', 'e']) else { return false };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    !mantissa.is_empty()
        && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && mantissa.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && !exponent.is_empty()
        && exponent.bytes().all(|b| b.is_ascii_digit())
}

/// Global Administrator by any of its names: today's, MSOnline's ("Company
/// Administrator"), the Japanese admin center's, or the role template id
/// (facts::GLOBAL_ADMIN_ROLE_TEMPLATE_ID).
pub fn is_global_admin_role(s: &str) -> bool {
    let k = key(s);
    k == "globaladministrator"
        || k == "companyadministrator"
        || k == "globaladmin"
        || k.starts_with("グローバル管理者")
        || clean(s).eq_ignore_ascii_case(crate::facts::GLOBAL_ADMIN_ROLE_TEMPLATE_ID)
}

/// Whether the administrator reset policy covers a role, as an export names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleCoverage {
    /// On Learn's list (facts::ADMIN_POLICY_ROLES).
    Covered,
    /// A reader role: none is on it.
    NotCovered,
    /// An id or a name in another language we cannot place: treated as covered.
    Unknown,
}

static ADMIN_POLICY_KEYS: std::sync::OnceLock<sspr_text::hash::Set<String>> = std::sync::OnceLock::new();

/// A list of role names as `key`s, made once: every account's every role is looked up.
pub fn keyed<'a>(names: &[&str], cell: &'a std::sync::OnceLock<sspr_text::hash::Set<String>>) -> &'a sspr_text::hash::Set<String> {
    cell.get_or_init(|| names.iter().map(|n| key(n)).collect())
}

pub fn role_coverage(s: &str) -> RoleCoverage {
    if is_global_admin_role(s) {
        return RoleCoverage::Covered;
    }
    let c = clean(s);
    let looks_like_id = c.len() == 36 && c.chars().all(|ch| ch.is_ascii_hexdigit() || ch == '-');
    if looks_like_id {
        return RoleCoverage::Unknown;
    }
    let k = key(c);
    if k.is_empty() {
        return RoleCoverage::Unknown;
    }
    if !c.is_ascii() {
        return if crate::facts::READER_ROLES_JA.iter().any(|r| key(r) == k) { RoleCoverage::NotCovered } else { RoleCoverage::Unknown };
    }
    if keyed(crate::facts::ADMIN_POLICY_ROLES, &ADMIN_POLICY_KEYS).contains(&k) {
        RoleCoverage::Covered
    } else if k.contains("reader") {
        // Reader roles (Global Reader, Security Reader, Reports Reader, …): none is on the list.
        RoleCoverage::NotCovered
    } else {
        // A name the list does not have may be a built-in role renamed or added since (Fabric
        // Administrator was Power BI Administrator) or a custom role: the stricter rule.
        RoleCoverage::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick return gives what the full trim gives, on every short mix of the characters
    /// that matter at a cell's ends.
    #[test]
    fn clean_quick_path_is_the_full_trim() {
        let full = |s: &str| -> String {
            let s = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
            s.strip_prefix('\'').unwrap_or(s).trim().to_string()
        };
        let parts = ["", "a", " ", "'", "\u{FEFF}", "\t", "=1", "\u{3000}", "x'", "\u{a0}", "é", "\r\n"];
        for a in parts {
            for b in parts {
                for c in parts {
                    let s = format!("{a}{b}{c}");
                    assert_eq!(clean(&s), full(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn role_coverage_follows_learns_list() {
        assert_eq!(role_coverage("Global Administrator"), RoleCoverage::Covered);
        assert_eq!(role_coverage("Helpdesk Administrator"), RoleCoverage::Covered);
        assert_eq!(role_coverage("helpdesk administrator"), RoleCoverage::Covered);
        assert_eq!(role_coverage("Global Reader"), RoleCoverage::NotCovered);
        assert_eq!(role_coverage("Security Reader"), RoleCoverage::NotCovered);
        assert_eq!(role_coverage("Fabric Administrator"), RoleCoverage::Unknown);
        assert_eq!(role_coverage("グローバル閲覧者"), RoleCoverage::NotCovered);
        assert_eq!(role_coverage("グローバル管理者"), RoleCoverage::Covered);
        assert_eq!(role_coverage("ヘルプデスク管理者"), RoleCoverage::Unknown);
        assert_eq!(role_coverage("62e90394-69f5-4237-9190-012177145e10"), RoleCoverage::Covered);
        assert_eq!(role_coverage("f2ef992c-3afb-46b9-b7cf-a126ee74c451"), RoleCoverage::Unknown);
        assert_eq!(crate::facts::ADMIN_POLICY_ROLES.len(), 78);
    }

    #[test]
    fn every_array_rendering_in_the_samples() {
        let items = |s| match list(s) {
            List::Items(v) => v.into_iter().map(String::from).collect::<Vec<_>>(),
            List::TypeName => vec!["<type>".into()],
        };
        let both = ["mobilePhone", "email"];
        assert_eq!(items("System.String[]"), ["<type>"]);
        for s in [
            "mobilePhone email",
            "mobilePhone,email",
            "mobilePhone, email",
            "mobilePhone; email",
            "mobilePhone\r\nemail",
            "{mobilePhone, email}",
            r#"["mobilePhone","email"]"#,
        ] {
            assert_eq!(items(s), both, "{s}");
        }
        assert!(items("").is_empty() && items("[]").is_empty() && items("-").is_empty());
        assert_eq!(items("Mobile phone, Email"), ["Mobile phone", "Email"]);
        assert_eq!(items("Microsoft Authenticator app"), ["Microsoft Authenticator app"]);
    }

    #[test]
    fn booleans_in_excel_languages() {
        for t in ["True", "TRUE", "WAHR", "VRAI", "Yes", "Capable", "1"] {
            assert_eq!(boolean(t), Some(true), "{t}");
        }
        for f in ["False", "FALSCH", "FAUX", "No", "Not Capable", "Not Registered"] {
            assert_eq!(boolean(f), Some(false), "{f}");
        }
        assert_eq!(boolean("-"), None);
        assert_eq!(boolean("maybe"), None);
    }

    #[test]
    fn phones_typed_masked_and_damaged() {
        assert_eq!(phones("mobile +1 4255550142"), [(Some(PhoneKind::Mobile), PhoneCell::Number("+1 4255550142".into()))]);
        assert_eq!(phones("mobile: +819****678 | office: +1 4255550142")[0], (Some(PhoneKind::Mobile), PhoneCell::Masked));
        assert_eq!(phone("8.19E+11"), PhoneCell::Damaged(Damage::Scientific("8.19E+11".into())));
        assert_eq!(phone("819012345678"), PhoneCell::Damaged(Damage::PlusLost("819012345678".into())));
        assert_eq!(phone("'+81 9012345678"), PhoneCell::Number("+81 9012345678".into()));
        assert_eq!(phone("09012345678"), PhoneCell::Number("09012345678".into()));
    }

    #[test]
    fn method_spellings() {
        assert_eq!(method("OneWaySMS"), Some(AuthMethod::MobilePhone));
        assert_eq!(method("Alternate Mobile Phone"), Some(AuthMethod::AlternateMobilePhone));
        assert_eq!(method("microsoftAuthenticatorPush"), Some(AuthMethod::MicrosoftAuthenticatorPush));
        assert_eq!(method("PhoneAppOTP"), Some(AuthMethod::SoftwareOneTimePasscode));
        assert_eq!(method("something new"), None);
    }
}
