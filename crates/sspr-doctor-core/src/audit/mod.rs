//! The bulk audit of a tenant's administrators (contract v1.1): from the exports
//! administrators already have (shared/data/admin-exports/FORMATS.md) to each account's
//! status, the tenant's risks, and what to fix, before anyone is locked out.
//!
//! Reading is one pass over the input (decode, parse, merge rows into accounts); checking
//! an account is independent of the others, so the page can check in batches and show
//! the first rows at once (`Audit::assess_next`), and builds an account's words only when
//! it is opened or exported (`Audit::account`).

mod account_data;
mod assess;
mod columns;
mod csv;
pub mod decode;
pub mod export;
mod index;
mod json;
mod report;
mod table;
mod tenant;
mod values;

pub use sspr_model::audit::{AuditError, Format, ProblemKind, MAX_ACCOUNTS, MAX_INPUT_BYTES};
use std::collections::{BTreeSet, HashMap};

use serde::Deserialize;

pub use self::assess::Status;
pub use self::columns::Field;
pub use self::report::*;
pub use self::table::{Counts, Query, Sort, Tally};
pub use self::values::AuthMethod;
pub use crate::cause::Gate;

use self::account_data::{AccountData, Cell, CellNotes};
use self::assess::{Assessed, Context, Policy};
use crate::case::Lang;
use crate::facts::Date;
use crate::report::{Finding, Severity};
use crate::words::{self, Audience};

/// Contract v1.1 `AuditOptions`, plus `telecomProvider` (addition). All optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuditOptions {
    pub lang: Option<Lang>,
    /// `YYYY-MM-DD`; the page and the command line fill it from the clock when absent.
    pub today: Option<String>,
    /// The organization's own domains (default: the domains of the user names in the file).
    pub tenant_domains: Option<Vec<String>>,
    /// The organization has its own telephony provider: Microsoft's retirement of SMS and
    /// voice does not stop its texts.
    pub telecom_provider: Option<bool>,
}

/// One input file.
#[derive(Debug, Clone, Copy)]
pub struct InputFile<'a> {
    pub name: Option<&'a str>,
    pub bytes: &'a [u8],
}

/// An audit in progress: read, then checked in batches, then summed up.
pub struct Audit {
    lang: Lang,
    today: Option<Date>,
    today_text: Option<String>,
    tenant_domains: BTreeSet<String>,
    telecom_provider: Option<bool>,
    accounts: Vec<AccountData>,
    /// Each account's check, in order, as far as checked.
    assessed: Vec<Assessed>,
    /// Those checks counted (kept as they are made: the page asks after every slice).
    tally: Tally,
    /// Findings in words, by conclusion and reader: thousands of accounts share a few.
    texts: std::sync::Mutex<HashMap<(crate::cause::Cause, Audience), words::Texts, values::FnvBuild>>,
    /// The report without its accounts, once every account is checked.
    head: Option<AuditReport>,
    /// Whether each account's findings and reports are kept after checking (the command
    /// line, which writes them all at once) or made again when asked (the page, which shows
    /// one account at a time and keeps its memory small).
    keep_details: bool,
    problems: Vec<(Option<usize>, ProblemKind)>,
    fields: BTreeSet<Field>,
    columns: Columns,
    sources: Vec<Source>,
    encoding: String,
}

/// Reading state across files.
#[derive(Default)]
struct Merge {
    accounts: Vec<AccountData>,
    by_upn: index::Index,
    by_id: index::Index,
    notes: CellNotes,
    admin_placeholders: Vec<usize>,
    stopped: bool,
}

impl Merge {
    fn add(&mut self, line: usize, row: &[(Field, Cell<'_>)], problems: &mut Vec<(Option<usize>, ProblemKind)>) -> bool {
        let get = |f: Field| row.iter().find(|(x, _)| *x == f).map(|(_, c)| c);
        let text = |f: Field| match get(f) {
            Some(Cell::Text(s)) if !values::is_placeholder(s) => Some(values::clean(s).to_lowercase()),
            _ => None,
        };
        let (upn, id) = (text(Field::Upn), text(Field::ObjectId));
        if upn.is_none() && id.is_none() {
            problems.push((Some(line), ProblemKind::NoUser));
            return false;
        }
        let accounts = &self.accounts;
        let found = upn
            .as_ref()
            .and_then(|u| self.by_upn.get(u, |j| accounts.get(j).and_then(|a| a.upn.as_deref())))
            .or_else(|| id.as_ref().and_then(|k| self.by_id.get(k, |j| accounts.get(j).and_then(|a| a.id.as_deref()))));
        let repeat = found.is_some();
        let i = match found {
            Some(i) => i,
            None => {
                if self.accounts.len() >= MAX_ACCOUNTS {
                    if !self.stopped {
                        problems.push((Some(line), ProblemKind::TooManyAccounts { max: MAX_ACCOUNTS }));
                        self.stopped = true;
                    }
                    return false;
                }
                self.accounts.push(AccountData::default());
                self.accounts.len() - 1
            }
        };
        let a = &mut self.accounts[i];
        a.apply(line, row, &mut self.notes);
        if matches!(get(Field::IsAdmin), Some(Cell::Text(s)) if values::is_placeholder(s)) {
            self.admin_placeholders.push(i);
        }
        if let Some(u) = upn {
            self.by_upn.insert(u, i, |j| self.accounts.get(j).and_then(|a| a.upn.as_deref()));
        }
        if let Some(id) = id {
            self.by_id.insert(id, i, |j| self.accounts.get(j).and_then(|a| a.id.as_deref()));
        }
        repeat
    }

    /// Method lists keyed by a short id (`a001`) join the one account whose object id
    /// ends with it; anything else stays an account of its own. Linear in the accounts:
    /// each id is looked up once per distinct key length, and a key is at most
    /// `MAX_KEY` characters (an object id is 36), so a file of ids alone stays quick.
    fn join_by_id_ending(&mut self, problems: &mut Vec<(Option<usize>, ProblemKind)>) {
        const MIN_KEY: usize = 4;
        const MAX_KEY: usize = 64;
        // The accounts with no user name (index, the first account whose id ends with
        // the key, whether a second does too), and their keys: their ids' lower case.
        let mut candidates: Vec<(usize, Option<usize>, bool)> = Vec::new();
        let mut keys: HashMap<String, usize, values::FnvBuild> = HashMap::default();
        for (i, a) in self.accounts.iter().enumerate() {
            if a.upn.is_some() {
                continue;
            }
            if let Some(key) = a.id.as_ref().map(|k| k.to_lowercase()).filter(|k| (MIN_KEY..=MAX_KEY).contains(&k.len())) {
                keys.entry(key).or_insert_with(|| {
                    candidates.push((i, None, false));
                    candidates.len() - 1
                });
            }
        }
        if candidates.is_empty() {
            return;
        }
        let mut lengths: Vec<usize> = keys.keys().map(String::len).collect();
        lengths.sort_unstable();
        lengths.dedup();
        for (j, b) in self.accounts.iter().enumerate() {
            let (Some(_), Some(id)) = (&b.upn, &b.id) else { continue };
            let lower = id.to_lowercase();
            for &len in lengths.iter().take_while(|&&len| len < id.len() && len <= lower.len()) {
                let cut = lower.len() - len;
                if let Some(&c) = lower.is_char_boundary(cut).then(|| keys.get(&lower[cut..])).flatten() {
                    let (_, first, more) = &mut candidates[c];
                    match first {
                        None => *first = Some(j),
                        Some(_) => *more = true,
                    }
                }
            }
        }
        let mut absorbed = vec![false; self.accounts.len()];
        for (i, first, more) in candidates {
            let (Some(j), false) = (first, more) else { continue };
            let key = self.accounts[i].id.as_ref().map(|k| k.to_lowercase()).unwrap_or_default();
            problems.push((
                Some(self.accounts[i].line),
                ProblemKind::MatchedByIdEnding { key, id: self.accounts[j].id.as_deref().unwrap_or_default().to_string() },
            ));
            let donor = std::mem::take(&mut self.accounts[i]);
            self.accounts[j].absorb(donor);
            absorbed[i] = true;
        }
        let mut k = 0;
        self.accounts.retain(|_| {
            k += 1;
            !absorbed[k - 1]
        });
    }
}

impl Audit {
    /// Reads one or more files. Fails only when nothing in them can be audited.
    pub fn read(files: &[InputFile], opts: &AuditOptions) -> Result<Audit, AuditError> {
        let lang = opts.lang.unwrap_or_default();
        let mut merge = Merge::default();
        // Room for the accounts up front, one per line (a CSV's rows; a JSON file on one
        // line grows as it is read): no rehashing, and no room that is never used (a guess
        // from the size alone reserved 286,000 for 100,000 accounts, and the page's module
        // grew to 161 MB instead of 111).
        let lines: usize = files.iter().map(|f| f.bytes.iter().filter(|&&b| b == b'\n').count() + 1).sum();
        let guess = lines.min(MAX_ACCOUNTS);
        merge.by_upn.reserve(guess);
        merge.by_id.reserve(guess);
        merge.accounts.reserve(guess);
        let mut problems = Vec::new();
        let mut fields = BTreeSet::new();
        let mut columns = Columns::default();
        let mut sources = Vec::new();
        for file in files {
            let source = read_file(file, &mut merge, &mut problems, &mut fields, &mut columns)?;
            sources.push(source);
        }
        merge.join_by_id_ending(&mut problems);
        if merge.accounts.is_empty() {
            return Err(AuditError::NoAccounts);
        }
        // LazyAdmin's isAdmin is True or "-": with no explicit False anywhere, "-" is no.
        let any_true = merge.accounts.iter().any(|a| a.is_admin == Some(true));
        let any_false = merge.accounts.iter().any(|a| a.is_admin == Some(false));
        if any_true && !any_false && !merge.admin_placeholders.is_empty() {
            let mut n = 0;
            for &i in &merge.admin_placeholders {
                if let Some(a) = merge.accounts.get_mut(i).filter(|a| a.is_admin.is_none()) {
                    a.is_admin = Some(false);
                    n += 1;
                }
            }
            if n > 0 {
                problems.push((None, ProblemKind::AdminPlaceholders { rows: n }));
            }
        }
        file_notes(&merge.notes, &mut problems);

        let tenant_domains: BTreeSet<String> = match &opts.tenant_domains {
            Some(d) => d.iter().map(|s| s.trim().trim_start_matches('@').to_lowercase()).filter(|s| !s.is_empty()).collect(),
            None => merge
                .accounts
                .iter()
                .filter_map(|a| a.upn.as_deref())
                .filter(|u| !u.contains(crate::facts::EXTERNAL_USER_UPN_MARK))
                .filter_map(|u| u.rsplit_once('@').map(|(_, d)| d.to_lowercase()))
                .collect(),
        };
        let today = opts.today.as_deref().and_then(Date::parse);
        columns.missing = missing(&fields, lang);
        let encoding = sources.first().map(|s: &Source| s.encoding.clone()).unwrap_or_default();
        Ok(Audit {
            lang,
            today,
            today_text: today.map(|d| d.to_string()),
            tenant_domains,
            telecom_provider: opts.telecom_provider,
            accounts: merge.accounts,
            assessed: Vec::new(),
            tally: Tally::default(),
            texts: Default::default(),
            head: None,
            keep_details: true,
            problems,
            fields,
            columns,
            sources,
            encoding,
        })
    }

    pub fn len(&self) -> usize {
        self.accounts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.accounts.is_empty()
    }

    /// How many accounts have been checked.
    pub fn checked(&self) -> usize {
        self.assessed.len()
    }

    fn context(&self) -> Context<'_> {
        Context { today: self.today, tenant_domains: &self.tenant_domains, telecom_provider: self.telecom_provider }
    }

    /// Checks the next `n` accounts; returns the range checked.
    pub fn assess_next(&mut self, n: usize) -> std::ops::Range<usize> {
        let start = self.assessed.len();
        let end = start.saturating_add(n).min(self.accounts.len());
        self.assessed.reserve_exact(self.accounts.len() - start);
        for i in start..end {
            let mut a = assess::assess(&self.accounts[i], &self.context());
            if !self.keep_details {
                a.forget_details();
            }
            self.tally.add(&a);
            self.assessed.push(a);
        }
        start..end
    }

    /// Keep only what the table and the tenant need of each checked account (the page);
    /// `account` then checks it again.
    pub fn keep_details(&mut self, keep: bool) {
        self.keep_details = keep;
    }

    /// Account `i`'s check: kept from `assess_next`, or made now.
    fn checked_account(&self, i: usize) -> Option<std::borrow::Cow<'_, Assessed>> {
        match self.assessed.get(i) {
            Some(a) if self.keep_details => Some(std::borrow::Cow::Borrowed(a)),
            _ => self.accounts.get(i).map(|d| std::borrow::Cow::Owned(assess::assess(d, &self.context()))),
        }
    }

    /// A finding in words, from the cache when another account had the same one. The cache
    /// is bounded: findings with per-account data (a number, an address) do not repeat.
    fn words_for(&self, x: &crate::findings::Found, who: &Audience) -> Finding {
        const KEEP: usize = 4096;
        let key = (x.cause.clone(), *who);
        let cached = self.texts.lock().ok().and_then(|c| c.get(&key).cloned());
        let t = match cached {
            Some(t) => t,
            None => {
                let t = words::finding(&x.cause, who);
                if let Ok(mut cache) = self.texts.lock() {
                    if cache.len() >= KEEP {
                        cache.clear();
                    }
                    cache.insert(key, t.clone());
                }
                t
            }
        };
        sspr_output::in_words(x, t, x.evidence.clone())
    }

    fn assess_all(&mut self) {
        self.assess_next(usize::MAX);
    }

    /// The table row of a checked account.
    pub fn row(&self, i: usize) -> Option<Row> {
        let (d, a) = (self.accounts.get(i)?, self.assessed.get(i)?);
        let role = table::role(a);
        Some(Row {
            index: i,
            upn: d.upn.as_deref().map(String::from),
            display_name: d.display_name.as_deref().map(String::from),
            status: a.status,
            role,
            findings: a.ids.clone(),
            sms_retirement_date: a.sms_retirement_date.map(|x| x.to_string()),
            usable: a.usable.len(),
        })
    }

    /// An account in full, with the words of its findings.
    pub fn account(&self, i: usize) -> Option<Account> {
        let a = self.checked_account(i)?;
        self.account_from(i, &a)
    }

    /// Account `i` in full, and, when it had not been checked yet, its check as the
    /// tenant needs it (for `push_checked`): an export that comes before the summary (JSON)
    /// checks each account once, while writing it.
    pub(crate) fn account_checking(&self, i: usize) -> Option<(Account, Option<Assessed>)> {
        if i < self.assessed.len() {
            return Some((self.account(i)?, None));
        }
        let mut a = assess::assess(self.accounts.get(i)?, &self.context());
        let acc = self.account_from(i, &a)?;
        if !self.keep_details {
            a.forget_details();
        }
        Some((acc, Some(a)))
    }

    /// Checks made by `account_checking`, in order from the first account not checked.
    /// Anything else is left out (the rest is then checked when the summary is made).
    /// (Only the threaded export uses it, which WebAssembly does not have.)
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn push_checked(&mut self, mut checked: Vec<Assessed>) {
        checked.truncate(self.accounts.len() - self.assessed.len());
        checked.iter().for_each(|a| self.tally.add(a));
        if self.assessed.is_empty() {
            // Taken as it is: no second copy of 100,000 checks.
            self.assessed = checked;
        } else {
            self.assessed.append(&mut checked);
        }
    }

    /// How many accounts are not checked yet.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn unchecked(&self) -> usize {
        self.accounts.len() - self.assessed.len()
    }

    fn account_from(&self, i: usize, a: &Assessed) -> Option<Account> {
        let d = self.accounts.get(i)?;
        let who = Audience {
            lang: self.lang,
            sole_admin: false,
            global_admin: a.global_admin == Some(true),
            not_admin: a.policy == Policy::User,
            audit: true,
        };
        Some(Account {
            upn: d.upn.as_deref().map(String::from),
            display_name: d.display_name.as_deref().map(String::from),
            is_admin: match a.policy {
                Policy::Admin => Some(true),
                Policy::User => Some(false),
                Policy::Unknown => None,
            },
            roles: d.roles.clone().unwrap_or_default(),
            methods: a.methods.clone(),
            phone: a.phone.clone(),
            email: a.email.clone(),
            status: a.status,
            sms_retirement_date: a.sms_retirement_date.map(|x| x.to_string()),
            findings: a.found.iter().map(|x| self.words_for(x, &who)).collect(),
            line: d.line,
            id: d.id.as_deref().map(String::from),
            eligible_roles: d.eligible_roles.clone().unwrap_or_default(),
            global_admin: a.global_admin,
            usable_methods: a.usable.clone(),
        })
    }

    /// Findings about the organization (all accounts must be checked first).
    pub fn tenant(&mut self) -> Tenant {
        self.assess_all();
        let who = Audience { lang: self.lang, sole_admin: false, global_admin: false, not_admin: false, audit: true };
        let found = tenant::findings(&self.briefs_view(), self.roles_known());
        Tenant { findings: crate::findings::ordered(found).iter().map(|x| self.words_for(x, &who)).collect() }
    }

    fn roles_known(&self) -> bool {
        self.fields.contains(&Field::Roles) || self.fields.contains(&Field::EligibleRoles) || self.fields.contains(&Field::IsGlobalAdmin)
    }

    fn briefs_view(&self) -> Vec<tenant::Brief<'_>> {
        self.assessed
            .iter()
            .zip(&self.accounts)
            .map(|(b, d)| tenant::Brief {
                name: d.upn.as_deref().or(d.id.as_deref()).unwrap_or(""),
                status: b.status,
                admin: b.policy != Policy::User,
                known_admin: b.policy == Policy::Admin,
                global_admin: b.global_admin,
                sms_dependent: b.sms_dependent,
                loses_method: b.loses_method,
                date: b.sms_retirement_date,
                phone: b.phone_key.as_deref(),
                email: b.email_key.as_deref(),
            })
            .collect()
    }

    pub fn summary(&mut self) -> Summary {
        self.assess_all();
        tenant::summary(&self.briefs_view(), self.roles_known(), self.today)
    }

    pub fn problems(&self) -> Vec<Problem> {
        self.problems.iter().map(|(line, p)| Problem { line: *line, message: words::audit_problem(p, self.lang), code: p.code() }).collect()
    }

    pub fn format(&self) -> String {
        let mut seen: Vec<&str> = Vec::new();
        for s in &self.sources {
            if !seen.contains(&s.format) {
                seen.push(s.format);
            }
        }
        seen.join("+")
    }

    /// Checks every account not checked yet on `threads` threads (the command line; the
    /// page checks in slices in its worker). The result is the same as `assess_next`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn assess_all_on(&mut self, threads: usize) {
        let start = self.assessed.len();
        let rest = &self.accounts[start..];
        if threads < 2 || rest.len() < 2048 {
            self.assess_all();
            return;
        }
        let cx = self.context();
        let keep = self.keep_details;
        let chunk = rest.len().div_ceil(threads);
        let parts: Vec<Vec<Assessed>> = std::thread::scope(|scope| {
            let handles: Vec<_> = rest
                .chunks(chunk)
                .map(|part| {
                    let cx = &cx;
                    scope.spawn(move || {
                        part.iter()
                            .map(|d| {
                                let mut a = assess::assess(d, cx);
                                if !keep {
                                    a.forget_details();
                                }
                                a
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
        });
        // Only whole results are kept (a thread that stopped would leave a gap).
        if parts.iter().map(Vec::len).sum::<usize>() == rest.len() {
            self.assessed.reserve_exact(rest.len());
            for mut p in parts {
                p.iter().for_each(|a| self.tally.add(a));
                self.assessed.append(&mut p);
            }
        }
        self.assess_all();
    }

    /// Everything but the accounts, for the page's summary and the chunked export.
    pub fn head(&mut self) -> AuditReport {
        if let Some(h) = &self.head {
            return h.clone();
        }
        let h = self.make_head();
        self.head = Some(h.clone());
        h
    }

    fn make_head(&mut self) -> AuditReport {
        AuditReport {
            format: self.format(),
            encoding: self.encoding.clone(),
            accounts: Vec::new(),
            tenant: self.tenant(),
            summary: self.summary(),
            problems: self.problems(),
            columns: self.columns.clone(),
            sources: self.sources.clone(),
            today: self.today_text.clone(),
            facts_notice: words::facts_notice(self.today, self.lang),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The whole report.
    pub fn report(&mut self) -> AuditReport {
        let mut r = self.head();
        r.accounts = (0..self.len()).filter_map(|i| self.account(i)).collect();
        r
    }
}

/// Audits one input (contract v1.1 `audit(bytes, &AuditOptions)`).
pub fn audit(bytes: &[u8], opts: &AuditOptions) -> Result<AuditReport, AuditError> {
    audit_files(&[InputFile { name: None, bytes }], opts)
}

/// Audits several files together (addition): a registration report beside per-user
/// method lists, pages of one export.
pub fn audit_files(files: &[InputFile], opts: &AuditOptions) -> Result<AuditReport, AuditError> {
    Ok(Audit::read(files, opts)?.report())
}

fn read_file(
    file: &InputFile,
    merge: &mut Merge,
    problems: &mut Vec<(Option<usize>, ProblemKind)>,
    fields: &mut BTreeSet<Field>,
    columns: &mut Columns,
) -> Result<Source, AuditError> {
    if file.bytes.len() > MAX_INPUT_BYTES {
        return Err(AuditError::TooLarge { bytes: file.bytes.len() });
    }
    let decoded = decode::decode(file.bytes);
    if decoded.invalid > 0 {
        problems.push((None, ProblemKind::InvalidBytes { count: decoded.invalid, encoding: decoded.encoding }));
    }
    let encoding = decoded.encoding.as_str().to_string();
    let text = decoded.text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    if text.trim().is_empty() {
        return Err(AuditError::Empty);
    }
    let mut merged = 0;
    let mut own_fields = BTreeSet::new();
    let (rows, format) = if text.starts_with(['{', '[']) {
        let rows = json::rows(text).map_err(|message| AuditError::NotJson { message })?;
        for (_, row) in &rows {
            own_fields.extend(row.iter().map(|(f, _)| *f));
        }
        if !own_fields.contains(&Field::Upn) && !own_fields.contains(&Field::ObjectId) {
            return Err(AuditError::NoFormat { columns: own_fields.iter().map(|f| f.as_str().to_string()).collect() });
        }
        for (line, row) in &rows {
            merged += usize::from(merge.add(*line, row, problems));
        }
        for f in &own_fields {
            let read = ColumnRead { name: f.as_str().to_string(), field: *f };
            if !columns.read.contains(&read) {
                columns.read.push(read);
            }
        }
        (rows.len(), detect(&own_fields, true, false, &[]))
    } else {
        let mut reader = csv::Reader::new(text);
        let mut cells = Vec::new();
        let Some((_, trouble)) = reader.next_record(&mut cells, usize::MAX) else { return Err(AuditError::Empty) };
        if cells.len() + trouble.extra_cells > csv::MAX_COLUMNS {
            return Err(AuditError::TooManyColumns { columns: cells.len() + trouble.extra_cells });
        }
        let names: Vec<String> = cells.iter().map(|c| values::clean(c).to_string()).collect();
        let mapped = columns::resolve(names.iter().map(|n| columns::field(n)).collect(), &names);
        own_fields.extend(mapped.iter().flatten().copied());
        if !own_fields.contains(&Field::Upn) && !own_fields.contains(&Field::ObjectId) {
            return Err(AuditError::NoFormat { columns: names.into_iter().take(30).collect() });
        }
        for (n, f) in names.iter().zip(&mapped) {
            match f {
                Some(f) => columns.read.push(ColumnRead { name: n.clone(), field: *f }),
                None if !n.is_empty() && !columns.ignored.contains(n) => columns.ignored.push(n.clone()),
                None => {}
            }
        }
        let width = names.len();
        let (mut extra_rows, mut rows) = (0usize, 0usize);
        let mut row = Vec::with_capacity(width);
        while let Some((line, trouble)) = reader.next_record(&mut cells, width) {
            rows += 1;
            if trouble.cut_cells > 0 {
                problems.push((Some(line), ProblemKind::CutCells));
            }
            if trouble.unterminated {
                problems.push((Some(line), ProblemKind::Unterminated));
            }
            extra_rows += usize::from(trouble.extra_cells > 0 && cells.iter().len() >= width);
            row.clear();
            for (cell, f) in cells.iter().zip(&mapped) {
                if let Some(f) = f {
                    row.push((*f, Cell::Text(cell.clone())));
                }
            }
            merged += usize::from(merge.add(line, &row, problems));
            if merge.stopped {
                break;
            }
        }
        if extra_rows > 0 {
            problems.push((None, ProblemKind::ExtraCells { rows: extra_rows }));
        }
        let pascal = names.iter().any(|n| n == "UserPrincipalName" || n == "MethodsRegistered");
        (rows, detect(&own_fields, false, reader.type_line.is_some() || pascal, &names))
    };
    if merged > 0 && format != Format::GraphMethods {
        problems.push((None, ProblemKind::MergedRows { rows: merged }));
    }
    fields.extend(own_fields);
    Ok(Source { name: file.name.map(String::from), format: format.as_str(), encoding, rows })
}

/// The format, from the columns it has.
fn detect(f: &BTreeSet<Field>, json: bool, powershell: bool, names: &[String]) -> Format {
    let has = |x: Field| f.contains(&x);
    let named = |k: &str| names.iter().any(|n| values::key(n).contains(k));
    let registration = has(Field::MethodsRegistered) || has(Field::IsSsprCapable) || has(Field::IsSsprRegistered);
    let methods_only = !registration && (has(Field::AuthPhone) || has(Field::AuthEmail) || has(Field::PhoneType));
    // Only Graph's property names: the report itself (the admin center's download uses
    // them in camelCase; PowerShell's Export-Csv in PascalCase, often with #TYPE).
    // (One column more is allowed: a phone number added in a spreadsheet.)
    let graph = names.iter().filter(|n| columns::GRAPH_REGISTRATION_PROPERTIES.contains(&values::key(n).as_str())).count();
    let graph_names = graph >= 3 && names.len() - graph <= 1;
    if named("strongauthentication") || named("allmfamethods") || named("mfaphone") {
        Format::Msonline
    } else if named("eligibleroles") && named("authmobilephone") {
        Format::AdminScript
    } else if methods_only && !has(Field::IsAdmin) {
        Format::GraphMethods
    } else if registration && (json || graph_names && powershell) {
        Format::GraphRegistrationDetails
    } else if registration && graph_names {
        Format::EntraRegistrationDetails
    } else {
        Format::CommunityMfaReport
    }
}

fn file_notes(n: &CellNotes, problems: &mut Vec<(Option<usize>, ProblemKind)>) {
    let mut by_column: Vec<(Field, usize, usize)> = Vec::new();
    for (line, f) in &n.type_names {
        match by_column.iter_mut().find(|(c, _, _)| c == f) {
            Some(e) => e.1 += 1,
            None => by_column.push((*f, 1, *line)),
        }
    }
    for (column, rows, line) in by_column {
        problems.push((Some(line), ProblemKind::ArrayNotJoined { rows, column }));
    }
    if n.masked > 0 {
        problems.push((None, ProblemKind::MaskedNumbers { count: n.masked }));
    }
    if n.damaged > 0 {
        problems.push((None, ProblemKind::DamagedNumbers { count: n.damaged }));
    }
    if n.question_marks > 0 {
        problems.push((None, ProblemKind::QuestionMarks { count: n.question_marks }));
    }
    if !n.unknown_methods.is_empty() {
        problems.push((None, ProblemKind::UnknownMethods { names: n.unknown_methods.iter().take(20).cloned().collect() }));
    }
}

/// What the file lacks, and what that leaves undecided.
fn missing(f: &BTreeSet<Field>, lang: Lang) -> Vec<Missing> {
    let has = |x: &[Field]| x.iter().any(|x| f.contains(x));
    let mut out = Vec::new();
    let mut add = |field: &'static str| out.push(Missing { field, effect: words::audit_missing(field, lang) });
    if !has(&[Field::IsAdmin, Field::Roles, Field::EligibleRoles, Field::IsGlobalAdmin]) {
        add("isAdmin");
    }
    if !has(&[Field::Roles, Field::EligibleRoles, Field::IsGlobalAdmin]) {
        add("roles");
    }
    if !has(&[Field::MethodsRegistered, Field::HasPhoneMethod, Field::HasAuthenticatorApp]) {
        add("methodsRegistered");
    }
    if !has(&[Field::AuthMobilePhone, Field::AuthPhone]) {
        add("phoneNumber");
    }
    if !has(&[Field::AuthEmail]) {
        add("authEmail");
    }
    out
}

/// The severity counts of findings, for callers that only need them.
pub fn worst(findings: &[Finding]) -> Option<Severity> {
    findings.iter().map(|f| f.severity).min()
}
