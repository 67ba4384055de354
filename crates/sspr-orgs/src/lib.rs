//! Many organizations at one desk (contract v1.3 "Organizations"): the files of a drop
//! (folders, archives, loose files) grouped into organizations (`tree`, `loose`), each
//! organization's files audited together as the audit does (`sspr_audit::Audit`), then the
//! organizations ranked by who is locked out soonest and their summaries totalled. One bad
//! file or archive member never loses the others: it is a problem with its reason.
//! Conclusions only: sspr-audit-output says them.

mod file_names;
mod loose;
mod tree;

use std::collections::BTreeMap;

use serde::Serialize;
use sspr_audit::{Audit, AuditOptions, InputFile, Summary};
use sspr_model::audit::AuditError;
use sspr_model::report::FindingId;

pub use file_names::script_file_names;
pub use loose::Clues;
/// The archive reader, for a front that inflates members itself (the page: `list`, then
/// `accept` what the browser inflated).
pub use sspr_archive as archive;
pub use sspr_archive::{is_archive, Refusal};

/// One file of a drop: its path, `/`-separated, whose first folder is the root it came in (a
/// dropped or given folder, or an archive named without `.zip`); a file given alone has no
/// folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DropFile {
    pub path: String,
    pub bytes: Vec<u8>,
    /// A member of an archive: the archive as given, and the member's path in it (its
    /// problems name both).
    pub archive: Option<(String, String)>,
}

impl DropFile {
    pub fn new(path: String, bytes: Vec<u8>) -> DropFile {
        DropFile { path, bytes, archive: None }
    }

    /// A problem of this file: under its archive and member when it is one.
    pub fn problem(&self, reason: &'static str) -> Problem {
        match &self.archive {
            Some((file, member)) => Problem { file: file.clone(), member: Some(member.clone()), reason },
            None => Problem { file: self.path.clone(), member: None, reason },
        }
    }
}

/// A file, or a member of an archive, that was not read, and why: an archive's reason
/// (`archive_*`) or the audit's (`empty`, `notJson`, `noFormat`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The file as given (an archive's name for its members).
    pub file: String,
    /// The member of the archive, or null.
    pub member: Option<String>,
    pub reason: &'static str,
}

/// One organization: its name, its files (paths as given) and its audit.
pub struct Org {
    pub name: String,
    pub files: Vec<String>,
    pub audit: Audit,
}

/// The organizations of a drop, in rank order once `rank` has run.
pub struct Orgs {
    pub orgs: Vec<Org>,
    pub problems: Vec<Problem>,
}

/// The members of archive `name` as drop files (`member_file`), and its refusals as
/// problems. Names that are not UTF-8 are read as Shift_JIS when they are valid in it.
#[cfg(feature = "inflate")]
pub fn expand_archive(name: &str, bytes: &[u8]) -> (Vec<DropFile>, Vec<Problem>) {
    let (members, refused) = sspr_archive::read(name, bytes, &shift_jis_name);
    let files = members.into_iter().map(|m| member_file(name, m.path, m.bytes)).collect();
    let problems = refused.into_iter().map(|r| archive_problem(name, r)).collect();
    (files, problems)
}

/// Member `member` (its path inside the archive) of the archive given as `name` (a path,
/// `/`-separated, whose folders are those it was found in): a drop file under the archive's
/// folders and its name without `.zip` (`archive_root`).
pub fn member_file(name: &str, member: String, bytes: Vec<u8>) -> DropFile {
    let folder = name.rsplit_once('/').map(|(f, _)| format!("{f}/")).unwrap_or_default();
    DropFile { path: format!("{folder}{}/{member}", archive_root(name)), bytes, archive: Some((name.to_string(), member)) }
}

/// An entry of archive `name` left out, as a problem of the drop.
pub fn archive_problem(name: &str, r: sspr_archive::Refused) -> Problem {
    Problem { file: name.to_string(), member: Some(r.member), reason: r.reason.id() }
}

/// Files of no one's export that folders carry (hidden files, Finder's and Explorer's):
/// left out of a drop, as they are out of an archive. The root is what the user gave (a
/// folder named `.` or `.customers` is theirs to give): only what lies under it is judged.
pub fn is_leftover(path: &str) -> bool {
    let under = path.split('/').filter(|p| !p.is_empty()).skip(1);
    under.into_iter().any(|p| p.starts_with('.') || sspr_archive::LEFTOVERS.iter().any(|l| p.eq_ignore_ascii_case(l)))
}

/// An archive's name as the root folder of its members: its file name without `.zip`.
pub fn archive_root(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = if base.to_ascii_lowercase().ends_with(".zip") { &base[..base.len() - 4] } else { base };
    let stem: String = stem.chars().filter(|c| !c.is_control()).collect();
    if stem.trim().is_empty() {
        "archive".into()
    } else {
        stem
    }
}

/// A member's name that is not UTF-8, as Shift_JIS (Japanese Windows' archives).
pub fn shift_jis_name(raw: &[u8]) -> Option<String> {
    let d = sspr_audit::decode::shift_jis(raw);
    (d.invalid == 0).then(|| d.text.into_owned())
}

/// Reads a drop into organizations (not yet checked: `assess_all`, then `rank`).
/// `problems` are those met before (an archive's refusals). The `tenantId` option is not
/// used: each organization's tenant is its own files'. The order the files come in does not
/// matter (a folder's listing has none): they are read in path order, leftovers
/// (`is_leftover`) left out, and the problems come in file order.
pub fn read(mut files: Vec<DropFile>, mut problems: Vec<Problem>, opts: &AuditOptions) -> Orgs {
    let opts = AuditOptions { tenant_id: None, tenant_domains: None, ..opts.clone() };
    files.retain(|f| !is_leftover(&f.path));
    sspr_model::order::sort_by(&mut files, |a, b| a.path.cmp(&b.path));
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let places = tree::places(&paths);
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    let mut by_folder: BTreeMap<&str, usize> = BTreeMap::new();
    let mut loose = Vec::new();
    for (i, p) in places.iter().enumerate() {
        match p {
            tree::Place::Folder(name) => {
                let g = *by_folder.entry(name.as_str()).or_insert_with(|| {
                    groups.push((name.clone(), Vec::new()));
                    groups.len() - 1
                });
                groups[g].1.push(i);
            }
            tree::Place::Loose => loose.push(i),
        }
    }
    // Loose files: each read alone for what it says of its organization.
    let mut clues = Vec::new();
    let mut readable = Vec::new();
    for &i in &loose {
        let f = &files[i];
        match Audit::read(&[InputFile { name: Some(&f.path), bytes: &f.bytes }], &opts) {
            Ok(a) => {
                clues.push(clues_of(&a));
                readable.push(i);
            }
            Err(e) => problems.push(f.problem(e.code())),
        }
    }
    let names: Vec<&str> = readable.iter().map(|&i| files[i].path.as_str()).collect();
    for (name, members) in loose::groups(&clues, &names) {
        groups.push((name, members.into_iter().map(|k| readable[k]).collect()));
    }

    let mut orgs: Vec<Org> = Vec::new();
    for (name, members) in groups {
        let inputs: Vec<InputFile> = members.iter().map(|&i| InputFile { name: Some(&files[i].path), bytes: &files[i].bytes }).collect();
        let unread = match Audit::read_each(&inputs, &opts) {
            Ok((mut audit, unread)) => {
                audit.keep_details(false);
                orgs.push(Org { name: unique(&orgs, &name), files: members.iter().map(|&i| files[i].path.clone()).collect(), audit });
                unread
            }
            // Nothing of it could be read: every file is a problem.
            Err(_) => members
                .iter()
                .enumerate()
                .map(|(k, &i)| {
                    let one = [InputFile { name: Some(&files[i].path), bytes: &files[i].bytes }];
                    (k, Audit::read(&one, &opts).err().unwrap_or(AuditError::NoAccounts))
                })
                .collect(),
        };
        for (k, e) in unread {
            problems.push(files[members[k]].problem(e.code()));
        }
    }
    sspr_model::order::sort_by(&mut problems, |a, b| (&a.file, &a.member).cmp(&(&b.file, &b.member)));
    Orgs { orgs, problems }
}

/// `name`, or `name (2)` and on when another organization has it already.
fn unique(orgs: &[Org], name: &str) -> String {
    let taken = |n: &str| orgs.iter().any(|o| o.name == n);
    if !taken(name) {
        return name.to_string();
    }
    (2..).map(|k| format!("{name} ({k})")).find(|n| !taken(n)).unwrap_or_default()
}

fn clues_of(a: &Audit) -> Clues {
    let mut c = Clues::default();
    match a.tenancy() {
        sspr_audit::Tenancy::Known(t) => {
            c.tenants.insert(t);
        }
        sspr_audit::Tenancy::Several(ts) => c.tenants.extend(ts),
        sspr_audit::Tenancy::Unknown => {}
    }
    for i in 0..a.len() {
        let Some(d) = a.data(i).and_then(|d| d.upn.as_deref()).and_then(|u| u.rsplit_once('@')).map(|(_, d)| sspr_text::lower(d)) else {
            continue;
        };
        *c.domains.entry(d).or_default() += 1;
    }
    c
}

impl Orgs {
    /// Checks every account of every organization: on `threads` threads (the command line),
    /// the organizations shared between them.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn assess_all(&mut self, threads: usize) {
        let threads = threads.max(1);
        let per = self.orgs.len().div_ceil(threads).max(1);
        std::thread::scope(|scope| {
            for chunk in self.orgs.chunks_mut(per) {
                scope.spawn(move || chunk.iter_mut().for_each(|o| o.audit.assess_all()));
            }
        });
    }

    /// Orders the organizations by who is locked out soonest: most accounts that fail today,
    /// then most that can no longer reset on each retirement date in turn, then by name.
    /// Every account must be checked.
    pub fn rank(&mut self) {
        let key = |o: &Org| rank_key(&o.audit);
        let mut keyed: Vec<(Vec<usize>, Org)> = std::mem::take(&mut self.orgs).into_iter().map(|o| (key(&o), o)).collect();
        sspr_model::order::sort_by(&mut keyed, |(a, x), (b, y)| b.cmp(a).then_with(|| x.name.cmp(&y.name)));
        self.orgs = keyed.into_iter().map(|(_, o)| o).collect();
    }
}

/// How soon an organization's accounts are locked out, to sort by (larger first): its
/// accounts that fail today, then those that can no longer reset on each retirement date.
pub fn rank_key(a: &Audit) -> Vec<usize> {
    let s = a.finished().map(|f| f.summary());
    let mut k = vec![s.as_ref().map_or(0, |s| s.fails)];
    k.extend(s.iter().flat_map(|s| s.retirement.iter().map(|r| r.cannot_reset)));
    k
}

/// The organizations' summaries totalled (each field summed; the Global Administrators' and
/// per-date counts where any organization has them).
pub fn total(summaries: &[Summary]) -> Summary {
    let sum = |f: &dyn Fn(&Summary) -> usize| summaries.iter().map(f).sum();
    let opt =
        |f: &dyn Fn(&Summary) -> Option<usize>| summaries.iter().any(|s| f(s).is_some()).then(|| summaries.iter().filter_map(f).sum());
    let mut retirement: Vec<sspr_audit::RetirementDate> = Vec::new();
    for s in summaries {
        for r in &s.retirement {
            match retirement.iter_mut().find(|x| x.date == r.date) {
                Some(x) => {
                    x.lose_method += r.lose_method;
                    x.cannot_reset += r.cannot_reset;
                }
                None => retirement.push(r.clone()),
            }
        }
    }
    sspr_model::order::sort_by(&mut retirement, |a, b| a.date.cmp(&b.date));
    Summary {
        total: sum(&|s| s.total),
        admins: sum(&|s| s.admins),
        fails: sum(&|s| s.fails),
        at_risk: sum(&|s| s.at_risk),
        ok: sum(&|s| s.ok),
        unknown: sum(&|s| s.unknown),
        can_reset_today: sum(&|s| s.can_reset_today),
        depend_on_microsoft_sms: sum(&|s| s.depend_on_microsoft_sms),
        global_admins: opt(&|s| s.global_admins),
        global_admins_can_reset: opt(&|s| s.global_admins_can_reset),
        retirement,
    }
}

/// The findings of an organization's accounts, by how many accounts have each, most first
/// (then in report order): its top findings.
pub fn finding_counts(a: &Audit) -> Vec<(FindingId, usize)> {
    let mut counts: BTreeMap<FindingId, usize> = BTreeMap::new();
    for i in 0..a.len() {
        for id in a.kept(i).map(|k| k.ids.as_slice()).unwrap_or_default() {
            *counts.entry(*id).or_default() += 1;
        }
    }
    let mut v: Vec<(FindingId, usize)> = counts.into_iter().collect();
    sspr_model::order::sort_by(&mut v, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

#[cfg(test)]
mod tests;
