//! A drop of many organizations (contract v1.3 "Organizations"): files (with their paths)
//! and archives' members (`archive.rs`) in, grouped and read by the core, checked in batches,
//! ranked; the overview, each organization opened as the current audit (every audit call then
//! answers for it), the exports written organization by organization, one fix script per
//! organization in one `.zip`.

use sspr_doctor_core::audit::{export::ExportFormat, fix_script_of, FixOptions};
use sspr_doctor_core::orgs::{self, DropFile, OrganizationsReport, Problem, SaidOrgs};
use sspr_doctor_core::Lang;
use wasm_bindgen::prelude::*;

use crate::session::{audit_options, current_redactor, json, lang, use_browser_decoder, Cache, OrgsSession, ORGS};

fn with_orgs<T>(f: impl FnOnce(&mut SaidOrgs, &mut Cache) -> Result<T, JsError>) -> Result<T, JsError> {
    ORGS.with(|o| {
        let mut o = o.borrow_mut();
        let o = &mut *o;
        match o.orgs.as_mut() {
            Some(orgs) => f(orgs, &mut o.cache),
            None => Err(JsError::new("no organizations have been read (call orgsRead first)")),
        }
    })
}

/// The overview, made once per language and redaction.
fn head_of<'a>(orgs: &SaidOrgs, cache: &'a mut Cache) -> Result<&'a OrganizationsReport, JsError> {
    if !cache.ranked {
        return Err(JsError::new("not every account is checked yet (call orgsCheck until it returns them all)"));
    }
    if cache.head.is_none() {
        cache.head = orgs.head();
    }
    cache.head.as_ref().ok_or_else(|| JsError::new("not every account is checked yet (call orgsCheck until it returns them all)"))
}

/// Forgets the drop and its organizations.
#[wasm_bindgen(js_name = orgsClear)]
pub fn orgs_clear() {
    ORGS.with(|o| *o.borrow_mut() = OrgsSession::default());
    // An archive a drop left open (a drop stopped while its members were read) goes too.
    crate::archive::orgs_archive_close();
}

/// Adds a file of the drop: `path` is `/`-separated, its first folder the folder dropped or
/// chosen (none for a file given alone).
#[wasm_bindgen(js_name = orgsAddFile)]
pub fn orgs_add_file(path: &str, bytes: Vec<u8>) {
    ORGS.with(|o| o.borrow_mut().files.push(DropFile::new(path.to_string(), bytes)));
}

/// A file the page did not read, and why: `tooLarge` (past `auditMaxBytes`; an archive past
/// `orgsArchiveMaxBytes` is `archive_too_large`), `archive_unreadable` (the browser could not
/// read it) or `too_many_files` (the first file past the drop's `maxFolderFiles`). An archive's problems name it as their member too, as the command line's do.
#[wasm_bindgen(js_name = orgsProblem)]
pub fn orgs_problem(file: &str, reason: &str) -> Result<(), JsError> {
    let (reason, member) = match reason {
        "tooLarge" => ("tooLarge", None),
        "archive_too_large" => ("archive_too_large", Some(orgs::archive::shown(file))),
        "archive_unreadable" => ("archive_unreadable", None),
        "too_many_files" => ("too_many_files", None),
        other => return Err(JsError::new(&format!("unknown reason \"{other}\""))),
    };
    ORGS.with(|o| o.borrow_mut().problems.push(Problem { file: file.to_string(), member, reason }));
    Ok(())
}

/// Reads the drop (and forgets its bytes) into organizations, to be checked with
/// `orgsCheck`. Returns the number of accounts; throws the localized reason when no
/// organization can be read at all.
#[wasm_bindgen(js_name = orgsRead)]
pub fn orgs_read(options: &str) -> Result<usize, JsError> {
    use_browser_decoder();
    let options = audit_options(options)?;
    let l = options.lang.unwrap_or_default();
    ORGS.with(|o| {
        let mut o = o.borrow_mut();
        let files = std::mem::take(&mut o.files);
        let problems = std::mem::take(&mut o.problems);
        let read = orgs::read(files, problems, &options);
        if read.orgs.is_empty() {
            let why: Vec<String> =
                read.problems.iter().map(|p| format!("{}: {}", p.file, sspr_doctor_core::words::orgs::reason(p.reason, l))).collect();
            return Err(JsError::new(&format!(
                "{} {}",
                sspr_doctor_core::words::orgs::nothing_read(l),
                why.join(sspr_doctor_core::words::orgs::reasons_separator(l))
            )));
        }
        let mut said = SaidOrgs::new(read, &options);
        said.set_redactor(current_redactor());
        let n = said.accounts();
        *o = OrgsSession { orgs: Some(said), ..OrgsSession::default() };
        Ok(n)
    })
}

/// Checks the next `n` accounts (organization after organization); returns how many are
/// checked in all. Once all are, the organizations are ranked.
#[wasm_bindgen(js_name = orgsCheck)]
pub fn orgs_check(n: usize) -> Result<usize, JsError> {
    with_orgs(|o, cache| {
        let mut left = n;
        let mut done = 0;
        for org in &mut o.orgs {
            let a = org.said.audit_mut();
            if left > 0 {
                let r = a.assess_next(left);
                left -= r.len();
            }
            done += a.checked();
        }
        if done == o.accounts() && !cache.ranked {
            o.rank();
            cache.ranked = true;
        }
        Ok(done)
    })
}

/// The OrganizationsReport without accounts (summary, ranked organizations with their
/// summaries and top findings, problems), as JSON, once every account is checked.
#[wasm_bindgen(js_name = orgsHead)]
pub fn orgs_head() -> Result<String, JsError> {
    with_orgs(|o, cache| Ok(head_of(o, cache)?.json()))
}

/// Says the organizations in `lang` from now on (nothing is read again).
#[wasm_bindgen(js_name = orgsSetLang)]
pub fn orgs_set_lang(l: &str) -> Result<(), JsError> {
    with_orgs(|o, cache| {
        o.set_lang(lang(l));
        cache.head = None;
        Ok(())
    })
}

/// Makes organization `k` (in the overview's order) the one every audit call answers for
/// (rows, filters, accounts, exports, its fix script), until `orgsClose`.
#[wasm_bindgen(js_name = orgsOpen)]
pub fn orgs_open(k: usize) -> Result<(), JsError> {
    ORGS.with(|o| {
        let mut o = o.borrow_mut();
        match o.orgs.as_ref() {
            Some(orgs) if k < orgs.orgs.len() => {
                o.open = Some(k);
                Ok(())
            }
            _ => Err(JsError::new(&format!("no organization {k}"))),
        }
    })
}

/// The audit calls answer for the page's own audit again.
#[wasm_bindgen(js_name = orgsClose)]
pub fn orgs_close() {
    ORGS.with(|o| o.borrow_mut().open = None);
}

/// A part of an export of the organizations: `part` is "start", "org" (organization `k`,
/// whole) or "end"; `format` json, csv, markdown or html.
#[wasm_bindgen(js_name = orgsExport)]
pub fn orgs_export(format: &str, part: &str, k: usize) -> Result<String, JsError> {
    let f = match ExportFormat::parse(format) {
        Some(f @ (ExportFormat::Json | ExportFormat::Csv | ExportFormat::Markdown | ExportFormat::Html)) => f,
        _ => return Err(JsError::new(&format!("unknown export format \"{format}\""))),
    };
    with_orgs(|o, cache| {
        let l = o.lang();
        let r = head_of(o, cache)?;
        match part {
            "start" => Ok(orgs::export::start(r, f, l)),
            "org" => Ok(orgs::export::part(o, r, f, k)),
            "end" => Ok(orgs::export::end(r, f, l)),
            other => Err(JsError::new(&format!("unknown export part \"{other}\""))),
        }
    })
}

/// Every organization's fix script in one `.zip` (stored, UTF-8 names): `<organization>.ps1`,
/// the names made safe as the command line makes them. An organization that gets none (its
/// files name several tenants) is left out and said by `orgsFixRefusals`. Options as for
/// `auditFixScript` but `tenantId` (each script carries its own organization's).
#[wasm_bindgen(js_name = orgsFixScripts)]
pub fn orgs_fix_scripts(options: &str) -> Result<Vec<u8>, JsError> {
    #[derive(serde::Deserialize, Default)]
    #[serde(rename_all = "camelCase", default)]
    struct Options {
        lang: Option<Lang>,
        temporary_access_pass: Option<bool>,
    }
    let opts: Options = serde_json::from_str(options).map_err(|e| JsError::new(&format!("invalid fix script options: {e}")))?;
    let refused = with_orgs(|o, _| {
        let l = opts.lang.unwrap_or(o.lang());
        if o.redacted() {
            return Err(JsError::new(sspr_doctor_core::words::orgs::redaction_blocks_script(l)));
        }
        let fix = FixOptions { lang: l, temporary_access_pass: opts.temporary_access_pass == Some(true) };
        let names = orgs::script_file_names(o.orgs.iter().map(|org| org.name.as_str()));
        let mut files = Vec::new();
        let mut refused = Vec::new();
        for (org, name) in o.orgs.iter_mut().zip(names) {
            match fix_script_of(&mut org.said, &fix) {
                Ok(script) => files.push((format!("{name}.ps1"), script.into_bytes())),
                Err(e) => refused.push((org.name.clone(), e.message(l))),
            }
        }
        Ok((orgs::archive::write_stored(&files), refused))
    })?;
    let (zip, refused) = refused;
    ORGS.with(|o| o.borrow_mut().refused = refused);
    Ok(zip)
}

/// The organizations the last `orgsFixScripts` left out, and why: JSON `[{ name, message }]`.
#[wasm_bindgen(js_name = orgsFixRefusals)]
pub fn orgs_fix_refusals() -> Result<String, JsError> {
    #[derive(serde::Serialize)]
    struct Refusal<'a> {
        name: &'a str,
        message: &'a str,
    }
    ORGS.with(|o| json(&o.borrow().refused.iter().map(|(name, message)| Refusal { name, message }).collect::<Vec<_>>()))
}
