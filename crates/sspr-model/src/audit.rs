//! The audit's vocabulary: what an account's standing is, what a column holds, how a file
//! was encoded and which export it is, the methods an export names, and what can go wrong
//! reading it. Conclusions only: the words are in sspr-words.

use serde::Serialize;

/// Larger inputs are refused with a message: no export of a tenant's accounts is this big,
/// and a page must not run out of memory on a wrong file.
pub const MAX_INPUT_BYTES: usize = 128 * 1024 * 1024;
/// More accounts than this are not read (the rest is reported as a problem).
pub const MAX_ACCOUNTS: usize = 250_000;

/// v1.3, the limits an archive of exports is read within (sspr-archive): ours, not
/// Microsoft's; an administrator's exports for a few hundred organizations fit well inside
/// them, a zip bomb does not. The archive itself (a drop of 200 organizations' exports is
/// about 45 MB of CSV, 3 to 8 MB zipped), its entries, one member (declared and actual: the
/// audit's own limit for a file), all members together once inflated.
pub const MAX_ARCHIVE_BYTES: usize = 256 * 1024 * 1024;
pub const MAX_ARCHIVE_ENTRIES: usize = 20_000;
/// A folder given or dropped is read as far as an archive is: its first this many files (the
/// command line: folder by folder, in name order; the page: in the browser's order); the
/// first one past them is named with `too_many_files`.
pub const MAX_FOLDER_FILES: usize = MAX_ARCHIVE_ENTRIES;
/// Directory records looked at in one archive given (the archives inside it included): the
/// files read and, beside them, as many folders and skipped names again thrice over; the
/// first record past them is named with `archive_too_many_entries`.
pub const MAX_ARCHIVE_RECORDS: usize = 4 * MAX_ARCHIVE_ENTRIES;
pub const MAX_MEMBER_BYTES: usize = MAX_INPUT_BYTES;
pub const MAX_ARCHIVE_TOTAL_BYTES: usize = 512 * 1024 * 1024;
/// A member that inflates to more than this many times its stored size is a zip bomb, when
/// it is larger than `BOMB_MIN_BYTES` (exports compress 5 to 20 times; a small file may
/// compress more without harm; deflate's own limit is about 1,032).
pub const BOMB_RATIO: u64 = 200;
pub const BOMB_MIN_BYTES: usize = 1024 * 1024;
/// Archives inside an archive are opened this many levels deep.
pub const MAX_ARCHIVE_DEPTH: u8 = 1;

/// The account's standing (contract v1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// The reset would fail today: a blocking finding.
    Fails,
    /// Works today, but stops on a known date or hangs on something broken.
    AtRisk,
    /// The file does not hold enough to decide.
    Unknown,
    Ok,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Fails => "fails",
            Status::AtRisk => "atRisk",
            Status::Unknown => "unknown",
            Status::Ok => "ok",
        }
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    Upn,
    DisplayName,
    ObjectId,
    UserType,
    IsAdmin,
    /// Active role assignments (names or template ids), a list.
    Roles,
    /// PIM-eligible role assignments, a list.
    EligibleRoles,
    /// A yes/no "is a Global Administrator" column.
    IsGlobalAdmin,
    MethodsRegistered,
    DefaultMethod,
    IsSsprCapable,
    IsSsprRegistered,
    IsSsprEnabled,
    /// The authentication phone methods (what SSPR texts or calls).
    AuthMobilePhone,
    AuthAlternateMobilePhone,
    AuthOfficePhone,
    /// A phone method cell with its type inside ("mobile +1 …") or beside it (PhoneType).
    AuthPhone,
    PhoneType,
    /// The email authentication method (SSPR's alternate email).
    AuthEmail,
    /// Directory contact data, which SSPR no longer uses unless registered as a method.
    DirectoryMobilePhone,
    DirectoryOtherMails,
    DirectoryBusinessPhone,
    /// Synchronized from on-premises Active Directory.
    OnPremisesSync,
    /// Method flags of community reports ("Phone Authentication": True / -).
    HasPhoneMethod,
    HasAuthenticatorApp,
    LastUpdated,
    /// v1.3: the organization's tenant id (the read-only script's column; Graph JSON's
    /// `tenantId`): the fix script's guard.
    TenantId,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        use Field::*;
        match self {
            Upn => "userPrincipalName",
            DisplayName => "displayName",
            ObjectId => "id",
            UserType => "userType",
            IsAdmin => "isAdmin",
            Roles => "roles",
            EligibleRoles => "eligibleRoles",
            IsGlobalAdmin => "isGlobalAdmin",
            MethodsRegistered => "methodsRegistered",
            DefaultMethod => "defaultMfaMethod",
            IsSsprCapable => "isSsprCapable",
            IsSsprRegistered => "isSsprRegistered",
            IsSsprEnabled => "isSsprEnabled",
            AuthMobilePhone => "authMobilePhone",
            AuthAlternateMobilePhone => "authAlternateMobilePhone",
            AuthOfficePhone => "authOfficePhone",
            AuthPhone => "phoneNumber",
            PhoneType => "phoneType",
            AuthEmail => "authEmail",
            DirectoryMobilePhone => "mobilePhone",
            DirectoryOtherMails => "otherMails",
            DirectoryBusinessPhone => "businessPhones",
            OnPremisesSync => "onPremisesSyncEnabled",
            HasPhoneMethod => "hasPhoneMethod",
            HasAuthenticatorApp => "hasAuthenticatorApp",
            LastUpdated => "lastUpdatedDateTime",
            TenantId => "tenantId",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Encoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    #[serde(rename = "utf-16le")]
    Utf16Le,
    #[serde(rename = "utf-16be")]
    Utf16Be,
    #[serde(rename = "shift_jis")]
    ShiftJis,
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl Encoding {
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::ShiftJis => "shift_jis",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

/// Why nothing could be audited (the words: sspr-words `audit_error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    TooManyColumns {
        columns: usize,
    },
    /// It looked like JSON but is not (serde_json's message).
    NotJson {
        message: String,
    },
    /// No column names a user (user principal name or object id).
    NoFormat {
        columns: Vec<String>,
    },
    /// The file was read but held no account.
    NoAccounts,
    /// v1.3: the `tenantId` option is not a tenant id (a GUID).
    BadTenantId,
}

impl AuditError {
    /// v1.3: a stable id for why a file was not read (an organization's `problems[].reason`).
    pub fn code(&self) -> &'static str {
        match self {
            AuditError::Empty => "empty",
            AuditError::TooLarge { .. } => "tooLarge",
            AuditError::TooManyColumns { .. } => "tooManyColumns",
            AuditError::NotJson { .. } => "notJson",
            AuditError::NoFormat { .. } => "noFormat",
            AuditError::NoAccounts => "noAccounts",
            AuditError::BadTenantId => "badTenantId",
        }
    }
}

/// The formats the audit recognizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The Entra admin center's "User registration details" download.
    EntraRegistrationDetails,
    /// Graph `userRegistrationDetails` (JSON, or PowerShell's `Export-Csv` of it).
    GraphRegistrationDetails,
    /// Graph per-user phone and email methods.
    GraphMethods,
    /// The read-only script this tool offers (audit/script.ps1).
    AdminScript,
    /// Legacy MSOnline exports.
    Msonline,
    /// Community MFA and SSPR reports (LazyAdmin, o365reports/AdminDroid, and the like).
    CommunityMfaReport,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::EntraRegistrationDetails => "entraRegistrationDetails",
            Format::GraphRegistrationDetails => "graphRegistrationDetails",
            Format::GraphMethods => "graphMethods",
            Format::AdminScript => "adminScript",
            Format::Msonline => "msonline",
            Format::CommunityMfaReport => "communityMfaReport",
        }
    }

    pub const ALL: [Format; 6] = [
        Format::EntraRegistrationDetails,
        Format::GraphRegistrationDetails,
        Format::GraphMethods,
        Format::AdminScript,
        Format::Msonline,
        Format::CommunityMfaReport,
    ];
}

/// A problem with part of the input; words in `words::audit_problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// A list column held `System.String[]` (count of rows, the column).
    ArrayNotJoined {
        rows: usize,
        column: Field,
    },
    MaskedNumbers {
        count: usize,
    },
    DamagedNumbers {
        count: usize,
    },
    QuestionMarks {
        count: usize,
    },
    InvalidBytes {
        count: usize,
        encoding: Encoding,
    },
    CutCells,
    Unterminated,
    ExtraCells {
        rows: usize,
    },
    NoUser,
    MergedRows {
        rows: usize,
    },
    MatchedByIdEnding {
        key: String,
        id: String,
    },
    UnknownMethods {
        names: Vec<String>,
    },
    TooManyAccounts {
        max: usize,
    },
    AdminPlaceholders {
        rows: usize,
    },
    /// v1.3: the files (or the `tenantId` option) name more than one tenant: no fix script
    /// is made for them.
    SeveralTenants {
        tenants: Vec<String>,
    },
    /// v1.3: a `tenantId` cell that is not a tenant id (a GUID), on this many rows.
    BadTenantId {
        rows: usize,
    },
}

impl ProblemKind {
    pub fn code(&self) -> &'static str {
        use ProblemKind::*;
        match self {
            ArrayNotJoined { .. } => "arrayNotJoined",
            MaskedNumbers { .. } => "maskedNumbers",
            DamagedNumbers { .. } => "damagedNumbers",
            QuestionMarks { .. } => "questionMarks",
            InvalidBytes { .. } => "invalidBytes",
            CutCells => "cellTooLong",
            Unterminated => "unterminatedQuote",
            ExtraCells { .. } => "extraCells",
            NoUser => "noUser",
            MergedRows { .. } => "mergedRows",
            MatchedByIdEnding { .. } => "matchedByIdEnding",
            UnknownMethods { .. } => "unknownMethods",
            TooManyAccounts { .. } => "tooManyAccounts",
            AdminPlaceholders { .. } => "adminPlaceholders",
            SeveralTenants { .. } => "severalTenants",
            BadTenantId { .. } => "badTenantId",
        }
    }
}

/// One list of the methods: the enum, each method's name and `ALL` come from it, so they
/// cannot fall out of step (a `MethodSet` holds one bit per method).
macro_rules! auth_methods {
    ($( $variant:ident = $name:literal, )*) => {
        /// An authentication method, by the names `methodsRegistered` uses (Graph), which are
        /// also the names in the audit's output.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(rename_all = "camelCase")]
        pub enum AuthMethod {
            $( $variant, )*
        }

        impl AuthMethod {
            /// Every method, in order (its position is its bit in a `MethodSet`).
            pub const ALL: &'static [AuthMethod] = &[ $( AuthMethod::$variant, )* ];

            pub fn as_str(self) -> &'static str {
                match self { $( AuthMethod::$variant => $name, )* }
            }
        }
    };
}

auth_methods! {
    Email = "email",
    MobilePhone = "mobilePhone",
    AlternateMobilePhone = "alternateMobilePhone",
    OfficePhone = "officePhone",
    MicrosoftAuthenticatorPush = "microsoftAuthenticatorPush",
    MicrosoftAuthenticatorPasswordless = "microsoftAuthenticatorPasswordless",
    SoftwareOneTimePasscode = "softwareOneTimePasscode",
    HardwareOneTimePasscode = "hardwareOneTimePasscode",
    SecurityQuestion = "securityQuestion",
    Fido2SecurityKey = "fido2SecurityKey",
    PassKeyDeviceBound = "passKeyDeviceBound",
    PassKeySynced = "passKeySynced",
    WindowsHelloForBusiness = "windowsHelloForBusiness",
    TemporaryAccessPass = "temporaryAccessPass",
    CertificateBasedAuthentication = "certificateBasedAuthentication",
    MacOsSecureEnclaveKey = "macOsSecureEnclaveKey",
}

// A `MethodSet` has a bit for each.
const _: () = assert!(AuthMethod::ALL.len() <= 16);

/// v1.3: a Microsoft Entra tenant id: a GUID, kept in lower case with its hyphens
/// (`72f988bf-86f1-41af-91ab-2d7cd011db47`). Only such text becomes one, so a tenant id
/// in a fix script is never anything but these 36 characters (a redacted report's are
/// `cut` to 8, and no script is made from it).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct TenantId(String);

impl TenantId {
    /// The tenant id in `s` (surrounding spaces and braces allowed, any case), if it is one.
    pub fn parse(s: &str) -> Option<TenantId> {
        let t = s.trim().trim_start_matches('{').trim_end_matches('}');
        let ok =
            t.len() == 36 && t.char_indices().all(|(i, c)| if matches!(i, 8 | 13 | 18 | 23) { c == '-' } else { c.is_ascii_hexdigit() });
        ok.then(|| TenantId(t.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Its first 8 characters, as a report safe to hand on shows it (contract v1.3
    /// "Redaction"). No script is made from such a report (`fix_script` refuses it first),
    /// and a script guarding a cut id would stop at its tenant check: it names no tenant.
    pub fn cut(&self) -> TenantId {
        TenantId(self.0.get(..8).unwrap_or(&self.0).to_string())
    }
}

impl std::fmt::Display for TenantId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tenant_id_tests {
    use super::TenantId;

    #[test]
    fn only_a_guid_is_a_tenant_id() {
        assert_eq!(TenantId::parse(" {72F988BF-86F1-41AF-91AB-2D7CD011DB47} ").unwrap().as_str(), "72f988bf-86f1-41af-91ab-2d7cd011db47");
        for bad in [
            "",
            "contoso.onmicrosoft.com",
            "72f988bf86f141af91ab2d7cd011db47",
            "72f988bf-86f1-41af-91ab-2d7cd011db4'",
            "７２f988bf-86f1-41af-91ab-2d7cd011db47",
            "72f988bf-86f1-41af-91ab-2d7cd01\ndb47",
        ] {
            assert_eq!(TenantId::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_cut_tenant_id_keeps_8_characters() {
        let t = TenantId::parse("72f988bf-86f1-41af-91ab-2d7cd011db47").unwrap();
        assert_eq!((t.cut().as_str(), t.cut().cut().as_str()), ("72f988bf", "72f988bf"));
    }
}
