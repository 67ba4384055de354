//! What the file says about one account, merged from every row and file that names it
//! (one row per phone method, duplicated rows, a registration report beside a methods
//! dump). Every field is `None` when nothing said it: unknown is never read as "no".

use std::collections::BTreeSet;

use super::columns::Field;
use super::values::{self, AuthMethod, Damage, List, MethodSet, PhoneCell, PhoneKind};

/// A cell as a reader found it: CSV gives text (borrowed from the file), JSON gives the
/// rest too.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Text(std::borrow::Cow<'a, str>),
    Bool(bool),
    List(Vec<String>),
    Null,
}

impl Cell<'_> {
    fn text(&self) -> Option<&str> {
        match self {
            Cell::Text(s) if !values::is_placeholder(s) => Some(values::clean(s)),
            _ => None,
        }
    }

    fn boolean(&self) -> Option<bool> {
        match self {
            Cell::Bool(b) => Some(*b),
            Cell::Text(s) => values::boolean(s),
            _ => None,
        }
    }

    /// The items of a list cell; `Err` when the list was lost (`System.String[]`).
    fn items(&self) -> Result<Vec<String>, ()> {
        self.items_split(true)
    }

    /// The items of a list of names, which may contain spaces.
    fn names(&self) -> Result<Vec<String>, ()> {
        self.items_split(false)
    }

    fn items_split(&self, spaces: bool) -> Result<Vec<String>, ()> {
        match self {
            Cell::List(v) => Ok(v.iter().map(|s| values::clean(s).to_string()).filter(|s| !values::is_placeholder(s)).collect()),
            Cell::Text(s) => match if spaces { values::list(s) } else { values::names(s) } {
                List::Items(v) => Ok(v.into_iter().map(String::from).collect()),
                List::TypeName => Err(()),
            },
            Cell::Bool(_) | Cell::Null => Ok(Vec::new()),
        }
    }
}

/// Cells longer than this are not kept in an account (a user name, a number or a list of
/// methods is never this long); the reader already cut cells at 64 KiB.
const KEEP_CHARS: usize = 512;

fn short(s: &str) -> String {
    shorten(s.to_string())
}

/// `s` cut to the kept length, in place (no second copy of a list's item).
fn shorten(mut s: String) -> String {
    // No more characters than bytes: most texts need no count at all.
    if s.len() > KEEP_CHARS {
        if let Some((i, _)) = s.char_indices().nth(KEEP_CHARS) {
            s.truncate(i);
        }
    }
    s
}

/// A kept text: as long as it is, no room to grow (100,000 accounts hold eight each).
pub type Text = Box<str>;

fn keep(s: &str) -> Text {
    short(s).into_boxed_str()
}

/// One phone method as the file gave it (its texts cut to the kept length).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneSeen {
    pub cell: PhoneCell,
    /// The text as written, when the cell does not hold it (a masked number).
    masked: Option<Text>,
}

impl PhoneSeen {
    /// The text as written, for the report.
    pub fn raw(&self) -> &str {
        match &self.cell {
            PhoneCell::Number(n) | PhoneCell::Damaged(Damage::Scientific(n) | Damage::PlusLost(n)) => n,
            PhoneCell::Masked => self.masked.as_deref().unwrap_or(""),
        }
    }
}

/// What was learned about file-level trouble while reading cells.
#[derive(Debug, Default, Clone)]
pub struct CellNotes {
    /// Lines where a list column held `System.String[]`, by column.
    pub type_names: Vec<(usize, Field)>,
    pub masked: usize,
    pub damaged: usize,
    /// Names with `?` where letters were (Windows PowerShell 5.1 wrote ASCII).
    pub question_marks: usize,
    /// Method names nobody knows (kept, not counted).
    pub unknown_methods: BTreeSet<String>,
}

impl CellNotes {
    /// Adds what `other` noted after what this noted (a row's notes, made apart: read.rs
    /// `Prepared`): the same notes as if its cells had been noted here.
    pub fn absorb(&mut self, other: CellNotes) {
        self.type_names.extend(other.type_names);
        self.masked += other.masked;
        self.damaged += other.damaged;
        self.question_marks += other.question_marks;
        self.unknown_methods.extend(other.unknown_methods);
    }
}

#[derive(Debug, Default, Clone)]
pub struct AccountData {
    /// The line (or 1-based position in a JSON array) of the first row.
    pub line: usize,
    pub upn: Option<Text>,
    pub display_name: Option<Text>,
    pub id: Option<Text>,
    pub user_type: Option<Text>,
    pub is_admin: Option<bool>,
    pub roles: Option<Vec<String>>,
    pub eligible_roles: Option<Vec<String>>,
    pub is_global_admin: Option<bool>,
    /// `None`: no column said; `Some` with `lost`: a column said, but its list was lost.
    pub methods: Option<MethodSet>,
    pub methods_lost: bool,
    pub other_methods: BTreeSet<String>,
    pub sspr_capable: Option<bool>,
    pub sspr_registered: Option<bool>,
    pub sspr_enabled: Option<bool>,
    pub mobile: Option<PhoneSeen>,
    pub alternate_mobile: Option<PhoneSeen>,
    pub office: Option<PhoneSeen>,
    pub email: Option<Text>,
    pub directory_mobile: Option<Text>,
    pub directory_other_mails: Option<Text>,
    pub directory_business_phone: Option<Text>,
    pub synced: Option<bool>,
    pub rows: usize,
    /// Two rows gave the account different phone numbers of one type, or different email
    /// methods: the fix plan will not act on either.
    pub conflict: bool,
}

/// The row's phone type column, for `AuthPhone` cells without a type of their own.
pub fn phone_type_of(row: &[(Field, Cell<'_>)]) -> Option<PhoneKind> {
    row.iter().find(|(f, _)| *f == Field::PhoneType).and_then(|(_, c)| c.text()).and_then(values::phone_kind)
}

impl AccountData {
    /// Applies one row; later rows fill what earlier ones left unknown, and lists are
    /// merged.
    pub fn apply(&mut self, line: usize, row: &[(Field, Cell<'_>)], notes: &mut CellNotes) {
        if self.rows == 0 {
            self.line = line;
        }
        self.rows += 1;
        let typed = phone_type_of(row);
        for (field, cell) in row {
            self.apply_cell(line, *field, cell, typed, notes);
        }
    }

    fn apply_cell(&mut self, line: usize, field: Field, cell: &Cell<'_>, typed: Option<PhoneKind>, notes: &mut CellNotes) {
        let fill = |slot: &mut Option<Text>, v: Option<&str>| {
            if slot.is_none() {
                *slot = v.map(keep);
            }
        };
        let fill_bool = |slot: &mut Option<bool>, v: Option<bool>| {
            if slot.is_none() {
                *slot = v;
            }
        };
        match field {
            Field::Upn => fill(&mut self.upn, cell.text()),
            Field::DisplayName => {
                if self.display_name.is_none() {
                    if let Some(name) = cell.text() {
                        if name.contains("??") {
                            notes.question_marks += 1;
                        }
                        self.display_name = Some(keep(name));
                    }
                }
            }
            Field::ObjectId => fill(&mut self.id, cell.text()),
            Field::UserType => fill(&mut self.user_type, cell.text()),
            Field::IsAdmin => fill_bool(&mut self.is_admin, cell.boolean()),
            Field::IsGlobalAdmin => fill_bool(&mut self.is_global_admin, cell.boolean()),
            Field::Roles | Field::EligibleRoles => {
                let slot = if field == Field::Roles { &mut self.roles } else { &mut self.eligible_roles };
                match cell.names() {
                    Ok(items) => {
                        let list = slot.get_or_insert_with(Vec::new);
                        for r in items {
                            let r = shorten(r);
                            if !list.contains(&r) {
                                list.push(r);
                            }
                        }
                    }
                    Err(()) => notes.type_names.push((line, field)),
                }
            }
            Field::MethodsRegistered | Field::DefaultMethod => match cell.items() {
                Ok(items) => {
                    // A default method says a method exists; it never says which do not.
                    let set = if field == Field::MethodsRegistered {
                        self.methods.get_or_insert_with(MethodSet::default)
                    } else {
                        match self.methods.as_mut() {
                            Some(s) => s,
                            None => return,
                        }
                    };
                    for item in items {
                        match values::method(&item) {
                            Some(m) => {
                                set.insert(m);
                            }
                            None if values::key(&item).is_empty() || values::key(&item) == "none" => {}
                            None => {
                                let name = shorten(item);
                                notes.unknown_methods.insert(name.clone());
                                self.other_methods.insert(name);
                            }
                        }
                    }
                }
                Err(()) => {
                    notes.type_names.push((line, field));
                    self.methods_lost = true;
                }
            },
            Field::IsSsprCapable => fill_bool(&mut self.sspr_capable, cell.boolean()),
            Field::IsSsprRegistered => fill_bool(&mut self.sspr_registered, cell.boolean()),
            Field::IsSsprEnabled => fill_bool(&mut self.sspr_enabled, cell.boolean()),
            Field::AuthMobilePhone => self.phone_cell(cell, Some(PhoneKind::Mobile), notes),
            Field::AuthAlternateMobilePhone => self.phone_cell(cell, Some(PhoneKind::AlternateMobile), notes),
            Field::AuthOfficePhone => self.phone_cell(cell, Some(PhoneKind::Office), notes),
            Field::AuthPhone => self.phone_cell(cell, typed, notes),
            Field::PhoneType => {}
            Field::AuthEmail => {
                if let (Some(old), Some(new)) = (self.email.as_deref(), cell.text()) {
                    self.conflict |= !old.trim().eq_ignore_ascii_case(new.trim());
                }
                fill(&mut self.email, cell.text())
            }
            Field::DirectoryMobilePhone => fill(&mut self.directory_mobile, cell.text()),
            Field::DirectoryOtherMails => {
                if self.directory_other_mails.is_none() {
                    if let Ok(items) = cell.items() {
                        self.directory_other_mails = items.first().map(|s| keep(s));
                    }
                }
            }
            Field::DirectoryBusinessPhone => {
                if self.directory_business_phone.is_none() {
                    if let Ok(items) = cell.items() {
                        self.directory_business_phone = items.first().map(|s| keep(s));
                    }
                }
            }
            Field::OnPremisesSync => fill_bool(&mut self.synced, cell.boolean()),
            Field::HasPhoneMethod | Field::HasAuthenticatorApp => {
                let has = match cell {
                    Cell::Text(s) if values::is_placeholder(s) => Some(false),
                    c => c.boolean(),
                };
                let m = if field == Field::HasPhoneMethod { AuthMethod::MobilePhone } else { AuthMethod::MicrosoftAuthenticatorPush };
                let set = self.methods.get_or_insert_with(MethodSet::default);
                if has == Some(true) {
                    set.insert(m);
                }
            }
            // The organization's, not the account's: read by the merge (read.rs).
            Field::LastUpdated | Field::TenantId => {}
        }
    }

    fn phone_cell(&mut self, cell: &Cell<'_>, kind: Option<PhoneKind>, notes: &mut CellNotes) {
        let Some(text) = cell.text() else { return };
        for (typed, phone) in values::phones(text) {
            match &phone {
                PhoneCell::Masked => notes.masked += 1,
                PhoneCell::Damaged(_) => notes.damaged += 1,
                PhoneCell::Number(_) => {}
            }
            let slot = match typed.or(kind).unwrap_or(PhoneKind::Mobile) {
                PhoneKind::Mobile => &mut self.mobile,
                PhoneKind::AlternateMobile => &mut self.alternate_mobile,
                PhoneKind::Office => &mut self.office,
            };
            if let (Some(PhoneSeen { cell: PhoneCell::Number(old), .. }), PhoneCell::Number(new)) = (slot.as_ref(), &phone) {
                // Full-width digits are the digits they show.
                let digits = |s: &str| {
                    s.chars()
                        .filter_map(|c| c.to_digit(10).or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32)))
                        .collect::<Vec<_>>()
                };
                if digits(old) != digits(new) {
                    self.conflict = true;
                }
            }
            if slot.is_none() {
                *slot = Some(match phone {
                    PhoneCell::Number(n) => PhoneSeen { cell: PhoneCell::Number(short(&n)), masked: None },
                    PhoneCell::Damaged(Damage::Scientific(s)) => {
                        PhoneSeen { cell: PhoneCell::Damaged(Damage::Scientific(short(&s))), masked: None }
                    }
                    PhoneCell::Damaged(Damage::PlusLost(s)) => {
                        PhoneSeen { cell: PhoneCell::Damaged(Damage::PlusLost(short(&s))), masked: None }
                    }
                    PhoneCell::Masked => PhoneSeen { cell: PhoneCell::Masked, masked: Some(keep(text)) },
                });
            }
        }
    }

    /// Takes what `other` knows and this account does not (a method list keyed by an
    /// id that joins its account late).
    pub fn absorb(&mut self, other: AccountData) {
        fn fill<T>(a: &mut Option<T>, b: Option<T>) {
            if a.is_none() {
                *a = b;
            }
        }
        fill(&mut self.upn, other.upn);
        fill(&mut self.display_name, other.display_name);
        fill(&mut self.user_type, other.user_type);
        fill(&mut self.is_admin, other.is_admin);
        fill(&mut self.roles, other.roles);
        fill(&mut self.eligible_roles, other.eligible_roles);
        fill(&mut self.is_global_admin, other.is_global_admin);
        match (&mut self.methods, other.methods) {
            (Some(a), Some(b)) => a.extend(b),
            (a @ None, b) => *a = b,
            _ => {}
        }
        self.methods_lost |= other.methods_lost;
        self.other_methods.extend(other.other_methods);
        fill(&mut self.sspr_capable, other.sspr_capable);
        fill(&mut self.sspr_registered, other.sspr_registered);
        fill(&mut self.sspr_enabled, other.sspr_enabled);
        fill(&mut self.mobile, other.mobile);
        fill(&mut self.alternate_mobile, other.alternate_mobile);
        fill(&mut self.office, other.office);
        fill(&mut self.email, other.email);
        fill(&mut self.directory_mobile, other.directory_mobile);
        fill(&mut self.directory_other_mails, other.directory_other_mails);
        fill(&mut self.directory_business_phone, other.directory_business_phone);
        fill(&mut self.synced, other.synced);
        self.rows += other.rows;
        self.conflict |= other.conflict;
    }
}
