//! An audit said in a language: the conclusions of `sspr_audit::Audit` put into words when
//! an account is opened or exported. The language can change at any time: what is already
//! checked is said again, nothing is read or checked again.

use sspr_audit::{Assessed, Audit, AuditError, AuditOptions, InputFile, Policy};
use sspr_model::case::Lang;
use sspr_model::report::Finding;
use sspr_rules::findings::Found;
use sspr_words::{self as words, Audience};

use crate::report::{Account, AuditReport, Columns, Missing, PlannedAction, Problem, Tenant};

/// Findings in words, by conclusion and reader: thousands of accounts share a few. Found by
/// the FNV hash of the two, as text (a map of the same type as the audit's, String to usize:
/// one map type less in the module), and checked against the pair kept beside the words.
#[derive(Default)]
struct Texts {
    at: sspr_text::hash::Map<String, usize>,
    said: Vec<((sspr_model::cause::Cause, Audience), words::Texts)>,
}

impl Texts {
    fn key(k: &(sspr_model::cause::Cause, Audience)) -> String {
        use std::hash::BuildHasher;
        sspr_text::hash::FnvBuild::default().hash_one(k).to_string()
    }
    /// The words for `k` at `hash` (`Texts::key`), if kept.
    fn get(&self, hash: &str, k: &(sspr_model::cause::Cause, Audience)) -> Option<&words::Texts> {
        let (pair, t) = self.said.get(*self.at.get(hash)?)?;
        (pair == k).then_some(t)
    }
    fn len(&self) -> usize {
        self.said.len()
    }
    fn insert(&mut self, hash: String, k: (sspr_model::cause::Cause, Audience), t: words::Texts) {
        // A pair whose hash another pair has is said each time, never cached under it.
        if let std::collections::hash_map::Entry::Vacant(e) = self.at.entry(hash) {
            e.insert(self.said.len());
            self.said.push((k, t));
        }
    }
}

pub struct Said {
    audit: Audit,
    lang: Lang,
    texts: std::sync::Mutex<Texts>,
    /// The report without its accounts, once made (every account checked).
    head: std::sync::OnceLock<AuditReport>,
    /// v1.3: the report's redaction, with the audit's user names; none: in full.
    redact: Option<(std::sync::Arc<crate::redact::Redactor>, std::sync::Arc<crate::redact::Names>)>,
}

impl Said {
    /// Reads one or more files (`Audit::read`), to be said in `opts.lang`.
    pub fn read(files: &[InputFile], opts: &AuditOptions) -> Result<Said, AuditError> {
        Ok(Said::new(Audit::read(files, opts)?, opts.lang.unwrap_or_default()))
    }

    /// As `read`, each CSV file's rows prepared on `threads` threads (`Audit::read_on`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn read_on(files: &[InputFile], opts: &AuditOptions, threads: usize) -> Result<Said, AuditError> {
        Ok(Said::new(Audit::read_on(files, opts, threads)?, opts.lang.unwrap_or_default()))
    }

    pub fn new(audit: Audit, lang: Lang) -> Said {
        Said { audit, lang, texts: Default::default(), head: Default::default(), redact: None }
    }

    /// v1.3: says everything from now on with contact data masked by `r` (shared by the
    /// organizations of one report, so a person keeps one pseudonym), or in full (`None`).
    pub fn set_redactor(&mut self, r: Option<std::sync::Arc<crate::redact::Redactor>>) {
        self.redact = r.map(|r| (r, std::sync::Arc::new(crate::redact::Names::of(&self.audit))));
        self.head = Default::default();
    }

    /// Whether contact data is masked.
    pub fn redacted(&self) -> bool {
        self.redact.is_some()
    }

    /// The redactor and the audit's user names, when masking.
    pub fn redactor(&self) -> Option<(&crate::redact::Redactor, &crate::redact::Names)> {
        self.redact.as_ref().map(|(r, n)| (&**r, &**n))
    }

    /// A table row of a checked account, masked as the report is.
    pub fn row(&self, i: usize) -> Option<sspr_audit::Row> {
        let mut row = self.audit.row(i)?;
        if let Some((r, _)) = self.redactor() {
            if let Some(u) = &row.upn {
                let p = r.upn(u);
                row.display_name = row.display_name.as_ref().map(|_| p.split('@').next().unwrap_or_default().to_string());
                row.upn = Some(p);
            } else if row.display_name.is_some() {
                // No user name to stand for the person: the name is masked, as in `account`.
                row.display_name = Some(crate::redact::MASK.to_string());
            }
        }
        Some(row)
    }

    pub fn audit(&self) -> &Audit {
        &self.audit
    }

    /// The audit, to check more of it.
    pub fn audit_mut(&mut self) -> &mut Audit {
        &mut self.audit
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Says everything from now on in `lang`.
    pub fn set_lang(&mut self, lang: Lang) {
        if lang != self.lang {
            self.lang = lang;
            self.texts = Default::default();
            self.head = Default::default();
        }
    }

    /// A finding in words, from the cache when another account had the same one. The cache
    /// is bounded: findings with per-account data (a number, an address) do not repeat.
    fn words_for(&self, x: &Found, who: &Audience) -> Finding {
        const KEEP: usize = 4096;
        let key = (x.cause.clone(), *who);
        // Hashed once, for the look-up and for keeping the words.
        let hash = Texts::key(&key);
        let cached = self.texts.lock().ok().and_then(|c| c.get(&hash, &key).cloned());
        let t = match cached {
            Some(t) => t,
            None => {
                let t = words::finding(&x.cause, who);
                if let Ok(mut cache) = self.texts.lock() {
                    if cache.len() >= KEEP {
                        *cache = Texts::default();
                    }
                    cache.insert(hash, key, t.clone());
                }
                t
            }
        };
        sspr_output::in_words(x, t, x.evidence.clone())
    }

    /// An account in full, with the words of its findings.
    pub fn account(&self, i: usize) -> Option<Account> {
        let a = self.audit.check(i)?;
        self.account_from(i, &a)
    }

    /// Account `i` in full and, when it had not been checked yet, its check (for
    /// `Audit::push_checked`): an export that comes before the summary (JSON) checks each
    /// account once, while writing it.
    pub fn account_checking(&self, i: usize) -> Option<(Account, Option<Assessed>)> {
        if i < self.audit.checked() {
            return Some((self.account(i)?, None));
        }
        let mut a = self.audit.check_now(i)?;
        let acc = self.account_from(i, &a)?;
        // Kept until every part is written, so kept as the audit keeps its checks.
        self.audit.as_kept(&mut a);
        Some((acc, Some(a)))
    }

    fn account_from(&self, i: usize, a: &Assessed) -> Option<Account> {
        let d = self.audit.data(i)?;
        let who = Audience {
            lang: self.lang,
            sole_admin: false,
            global_admin: a.global_admin == Some(true),
            not_admin: a.policy == Policy::User,
            audit: true,
            cloud: self.audit.cloud(),
            telephony: self.audit.telephony(a.global_admin),
        };
        let mut account = Account {
            upn: d.upn.as_deref().map(String::from),
            display_name: d.display_name.as_deref().map(String::from),
            is_admin: match a.policy {
                Policy::Admin | Policy::UserByRoles => Some(true),
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
            plan: self
                .audit
                .plan(i, a)
                .into_iter()
                .map(|action| PlannedAction { text: words::plan::action_text(&action, self.lang, self.audit.cloud()), action })
                .collect(),
        };
        if let Some((r, names)) = self.redactor() {
            r.account(&mut account, names);
        }
        Some(account)
    }

    /// What the audit was read from, its file names masked as any text of the report (a
    /// name can carry a person's address or number).
    pub fn sources(&self) -> Vec<sspr_audit::Source> {
        let mut sources = self.audit.sources().to_vec();
        for s in &mut sources {
            s.name = s.name.as_deref().map(|n| self.shown(n));
        }
        sources
    }

    /// A file or folder name (`/`-separated) as the report shows it: masked when redacting,
    /// as it is otherwise.
    pub fn shown(&self, name: &str) -> String {
        match self.redactor() {
            Some((r, n)) => r.name(name, &|u| n.contains(u)),
            None => name.to_string(),
        }
    }

    /// The problems met reading the files, in words.
    pub fn problems(&self) -> Vec<Problem> {
        self.audit
            .problems()
            .iter()
            .map(|(line, p)| {
                let message = words::audit_problem(p, self.lang);
                let message = match self.redactor() {
                    Some((r, n)) => r.text(&message, &|u| n.contains(u)),
                    None => message,
                };
                Problem { line: *line, message, code: p.code() }
            })
            .collect()
    }

    /// Everything but the accounts (summary, tenant, problems, columns, sources): `None`
    /// until every account is checked.
    pub fn head(&self) -> Option<&AuditReport> {
        if let Some(h) = self.head.get() {
            return Some(h);
        }
        let finished = self.audit.finished()?;
        // The organization's findings: texts and calls as for any account of it (the
        // earlier date: an organization's text speaks for all its administrators).
        let who = Audience { audit: true, cloud: self.audit.cloud(), telephony: self.audit.telephony(None), ..Audience::of(self.lang) };
        let columns = self.audit.columns();
        let head = AuditReport {
            format: self.audit.format(),
            encoding: self.audit.encoding().to_string(),
            accounts: Vec::new(),
            tenant: Tenant {
                findings: finished
                    .tenant()
                    .iter()
                    .map(|x| {
                        let mut f = self.words_for(x, &who);
                        if let Some((r, n)) = self.redactor() {
                            r.finding(&mut f, n);
                        }
                        f
                    })
                    .collect(),
            },
            summary: finished.summary(),
            problems: self.problems(),
            columns: Columns {
                read: columns.read.clone(),
                ignored: columns.ignored.clone(),
                missing: self
                    .audit
                    .missing()
                    .iter()
                    .map(|&field| Missing { field, effect: words::audit_missing(field, self.lang) })
                    .collect(),
            },
            sources: self.sources(),
            today: self.audit.today().map(|d| d.to_string()),
            facts_notice: words::facts_notice(self.audit.today(), self.lang),
            organization: crate::report::Organization::of(&self.audit).shown(self.redacted()),
            redacted: self.redacted(),
        };
        Some(self.head.get_or_init(|| head))
    }

    /// Checks every account not checked yet (the summary and the tenant need them all).
    pub fn check_all(&mut self) {
        self.audit.assess_all();
    }

    /// The whole report: `None` until every account is checked.
    pub fn report(&self) -> Option<AuditReport> {
        let mut r = self.head()?.clone();
        r.accounts = (0..self.audit.len()).filter_map(|i| self.account(i)).collect();
        Some(r)
    }
}

/// Audits one input (contract v1.1 `audit(bytes, &AuditOptions)`).
pub fn audit(bytes: &[u8], opts: &AuditOptions) -> Result<AuditReport, AuditError> {
    audit_files(&[InputFile { name: None, bytes }], opts)
}

/// Audits several files together (addition): a registration report beside per-user
/// method lists, pages of one export.
pub fn audit_files(files: &[InputFile], opts: &AuditOptions) -> Result<AuditReport, AuditError> {
    let mut said = Said::read(files, opts)?;
    said.check_all();
    // Every account is checked: the report is there.
    said.report().ok_or(AuditError::NoAccounts)
}
