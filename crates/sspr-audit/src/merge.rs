//! The merge of rows into accounts: one account per user (found by user name or object id,
//! case ignored), later rows filling what earlier ones left unknown, and what the rows say
//! about the organization (its tenant ids). Read in order by read.rs, one row at a time, or
//! with each row's own part prepared apart (read_parallel.rs).

use std::collections::{BTreeSet, HashMap};

use crate::account_data::{AccountData, Cell, CellNotes};
use crate::columns::Field;
use crate::csv::RecordTrouble;
use crate::model_audit::{ProblemKind, MAX_ACCOUNTS};
use crate::{index, values};
use sspr_model::audit::TenantId;

/// Reading state across files.
#[derive(Default)]
pub(crate) struct Merge {
    pub(crate) accounts: Vec<AccountData>,
    pub(crate) by_upn: index::Index,
    pub(crate) by_id: index::Index,
    pub(crate) notes: CellNotes,
    pub(crate) admin_placeholders: Vec<usize>,
    pub(crate) stopped: bool,
    /// v1.3: the tenant ids the files carry, and how many cells were not one.
    pub(crate) tenant_ids: BTreeSet<TenantId>,
    pub(crate) bad_tenant_ids: usize,
    /// The last tenant id cell that was one, as written: an export repeats its tenant on
    /// every row, and it is then neither parsed nor looked up again.
    last_tenant: String,
}

/// A row's own part of its merge, made before the merge and apart from it (on other cores:
/// read_parallel.rs): its keys, and the account it makes when no earlier row named it, with
/// what its cells noted. A row that finds its account is applied to it again, in order.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) struct Prepared {
    upn: Option<String>,
    id: Option<String>,
    fresh: Option<(AccountData, CellNotes)>,
}

/// The page's module reads on one thread: no row is prepared there, and no value of this
/// type exists (the merge's prepared path is then no code in the module).
#[cfg(target_arch = "wasm32")]
pub(crate) enum Prepared {}

/// The user name and object id of a row, in lower case (the index's keys).
fn keys(row: &[(Field, Cell<'_>)]) -> (Option<String>, Option<String>) {
    let text = |f: Field| match row.iter().find(|(x, _)| *x == f).map(|(_, c)| c) {
        Some(Cell::Text(s)) if !values::is_placeholder(s) => Some(sspr_text::lower(values::clean(s))),
        _ => None,
    };
    (text(Field::Upn), text(Field::ObjectId))
}

impl Prepared {
    /// Its keys and its account, taken apart for the merge.
    fn into_parts(self) -> (Option<String>, Option<String>, Option<(AccountData, CellNotes)>) {
        #[cfg(not(target_arch = "wasm32"))]
        return (self.upn, self.id, self.fresh);
        #[cfg(target_arch = "wasm32")]
        match self {}
    }

    /// (Made only by the command line's reading: the page's module reads on one thread.)
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn of(line: usize, row: &[(Field, Cell<'_>)]) -> Prepared {
        let (upn, id) = keys(row);
        let fresh = (upn.is_some() || id.is_some()).then(|| {
            let (mut account, mut notes) = (AccountData::default(), CellNotes::default());
            account.apply(line, row, &mut notes);
            (account, notes)
        });
        Prepared { upn, id, fresh }
    }
}

/// What a CSV file's records come to, besides its accounts.
#[derive(Default)]
pub(crate) struct Records {
    pub rows: usize,
    pub extra_rows: usize,
    pub merged: usize,
}

impl Merge {
    pub(crate) fn add(&mut self, line: usize, row: &[(Field, Cell<'_>)], problems: &mut Vec<(Option<usize>, ProblemKind)>) -> bool {
        self.add_prepared(line, row, None, problems)
    }

    /// One CSV record in order: its reading trouble, then its cells merged (with its part
    /// prepared, when it was). False once no more accounts are taken: the reading stops.
    pub(crate) fn record(
        &mut self,
        (line, trouble, cells): (usize, RecordTrouble, usize),
        width: usize,
        row: &[(Field, Cell<'_>)],
        prepared: Option<Prepared>,
        problems: &mut Vec<(Option<usize>, ProblemKind)>,
        count: &mut Records,
    ) -> bool {
        count.rows += 1;
        if trouble.cut_cells > 0 {
            problems.push((Some(line), ProblemKind::CutCells));
        }
        if trouble.unterminated {
            problems.push((Some(line), ProblemKind::Unterminated));
        }
        count.extra_rows += usize::from(trouble.extra_cells > 0 && cells >= width);
        count.merged += usize::from(self.add_prepared(line, row, prepared, problems));
        !self.stopped
    }

    fn add_prepared(
        &mut self,
        line: usize,
        row: &[(Field, Cell<'_>)],
        prepared: Option<Prepared>,
        problems: &mut Vec<(Option<usize>, ProblemKind)>,
    ) -> bool {
        let get = |f: Field| row.iter().find(|(x, _)| *x == f).map(|(_, c)| c);
        if let Some(Cell::Text(t)) = get(Field::TenantId).filter(|c| !matches!(c, Cell::Text(t) if **t == *self.last_tenant)) {
            match TenantId::parse(t) {
                Some(tenant) => {
                    self.tenant_ids.insert(tenant);
                    self.last_tenant = t.to_string();
                }
                None if t.trim().is_empty() => {}
                None => self.bad_tenant_ids += 1,
            }
        }
        let (upn, id, fresh) = match prepared {
            Some(p) => p.into_parts(),
            None => {
                let (upn, id) = keys(row);
                (upn, id, None)
            }
        };
        if upn.is_none() && id.is_none() {
            // A document's own properties (Graph JSON's `tenantId` beside `value`): no user.
            if !row.iter().all(|(f, _)| *f == Field::TenantId) {
                problems.push((Some(line), ProblemKind::NoUser));
            }
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
        match fresh.filter(|_| !repeat) {
            // The same account and notes as applying the row here: it is the account's first.
            Some((account, notes)) => {
                self.accounts[i] = account;
                self.notes.absorb(notes);
            }
            None => self.accounts[i].apply(line, row, &mut self.notes),
        }
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
    pub(crate) fn join_by_id_ending(&mut self, problems: &mut Vec<(Option<usize>, ProblemKind)>) {
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
            if let Some(key) = a.id.as_ref().map(|k| sspr_text::lower(k)).filter(|k| (MIN_KEY..=MAX_KEY).contains(&k.len())) {
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
        sspr_model::order::sort(&mut lengths);
        lengths.dedup();
        for (j, b) in self.accounts.iter().enumerate() {
            let (Some(_), Some(id)) = (&b.upn, &b.id) else { continue };
            let lower = sspr_text::lower(id);
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
            let key = self.accounts[i].id.as_ref().map(|k| sspr_text::lower(k)).unwrap_or_default();
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

/// A record's cells as the row of fields the merge reads (the columns nothing maps left out).
pub(crate) fn cells_to_row<'a>(cells: &[std::borrow::Cow<'a, str>], mapped: &[Option<Field>], row: &mut Vec<(Field, Cell<'a>)>) {
    row.clear();
    for (cell, f) in cells.iter().zip(mapped) {
        if let Some(f) = f {
            row.push((*f, Cell::Text(cell.clone())));
        }
    }
}
