//! Why a typed value is wrong: the reasons the rules conclude (an address, a user name, a
//! phone number, pasted Graph output). The words for each are in sspr-words; the stable
//! codes (`code()`) go into evidence.

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EmailProblem {
    FullWidthAt,
    FullWidthCharacters,
    NoAt,
    TwoAts,
    EmptyLocalPart,
    EmptyDomain,
    Spaces,
    NoDomainDot,
    BadLocalCharacter(char),
    BadDomainCharacter(char),
    EmptyLabel,
    LabelHyphen(String),
    LabelTooLong(String),
    LocalTooLong(usize),
    DomainTooLong(usize),
    AddressTooLong(usize),
    NumericTld(String),
}

impl EmailProblem {
    pub fn code(&self) -> &'static str {
        use EmailProblem::*;
        match self {
            FullWidthAt => "fullWidthAt",
            FullWidthCharacters => "fullWidthCharacters",
            NoAt => "noAt",
            TwoAts => "twoAts",
            EmptyLocalPart => "emptyLocalPart",
            EmptyDomain => "emptyDomain",
            Spaces => "spaces",
            NoDomainDot => "noDomainDot",
            BadLocalCharacter(_) => "badLocalCharacter",
            BadDomainCharacter(_) => "badDomainCharacter",
            EmptyLabel => "emptyLabel",
            LabelHyphen(_) => "labelHyphen",
            LabelTooLong(_) => "labelTooLong",
            LocalTooLong(_) => "localTooLong",
            DomainTooLong(_) => "domainTooLong",
            AddressTooLong(_) => "addressTooLong",
            NumericTld(_) => "numericTld",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum UpnProblem {
    Empty,
    NoAt,
    TwoAts,
    FullWidth,
    Spaces,
    BadCharacter(char),
    DotBeforeAt,
    NoDomainDot,
    LocalTooLong(usize),
    DomainTooLong(usize),
    TooLong(usize),
}

impl UpnProblem {
    pub fn code(&self) -> &'static str {
        use UpnProblem::*;
        match self {
            Empty => "empty",
            NoAt => "noAt",
            TwoAts => "twoAts",
            FullWidth => "fullWidth",
            Spaces => "spaces",
            BadCharacter(_) => "badCharacter",
            DotBeforeAt => "dotBeforeAt",
            NoDomainDot => "noDomainDot",
            LocalTooLong(_) => "localTooLong",
            DomainTooLong(_) => "domainTooLong",
            TooLong(_) => "tooLong",
        }
    }
}

/// Why a number is not a valid number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Invalid {
    NoDigits,
    Letters(char),
    BadCharacter(char),
    UnknownCountryCode(String),
    UnknownRegionHint(String),
    /// `min` digits are needed: the shortest number of the country, or of the range the
    /// number starts like.
    TooShort {
        len: usize,
        min: u16,
    },
    TooLong {
        len: usize,
        max: u16,
    },
    InvalidLength {
        len: usize,
    },
    NoSuchRange,
    TooLongInput,
}

impl Invalid {
    /// A stable machine-readable reason for evidence.
    pub fn code(&self) -> &'static str {
        match self {
            Invalid::NoDigits => "noDigits",
            Invalid::Letters(_) => "letters",
            Invalid::BadCharacter(_) => "badCharacter",
            Invalid::UnknownCountryCode(_) => "unknownCountryCode",
            Invalid::UnknownRegionHint(_) => "unknownPhoneCountry",
            Invalid::TooShort { .. } => "tooShort",
            Invalid::TooLong { .. } => "tooLong",
            Invalid::InvalidLength { .. } => "invalidLength",
            Invalid::NoSuchRange => "noSuchRange",
            Invalid::TooLongInput => "inputTooLong",
        }
    }

    /// Text that is not a phone number at all (rather than a wrong one).
    pub fn unreadable(&self) -> bool {
        matches!(self, Invalid::NoDigits | Invalid::Letters(_) | Invalid::BadCharacter(_) | Invalid::TooLongInput)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GraphError {
    NotInstalled,
    NotConnected,
    AccessDenied,
}

impl GraphError {
    /// Its name in a finding's evidence (`reason`): a contract value, never Debug's text
    /// (the page's module is built without Debug's formatting).
    pub fn as_str(self) -> &'static str {
        match self {
            GraphError::NotInstalled => "NotInstalled",
            GraphError::NotConnected => "NotConnected",
            GraphError::AccessDenied => "AccessDenied",
        }
    }
}
