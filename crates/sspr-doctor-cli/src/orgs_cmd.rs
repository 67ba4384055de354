//! `audit-orgs` and `fix-script --by-organization` (contract v1.3 "Organizations"): a drop of
//! many organizations' exports, read, checked on every core, ranked, and written; or one fix
//! script per organization, each with its own tenant guard.

use std::io::Write;
use std::sync::Arc;

use sspr_doctor_core::audit::{export::ExportFormat, AuditOptions, FixOptions};
use sspr_doctor_core::orgs::{self, SaidOrgs};
use sspr_doctor_core::redact::{random_salt, Redactor};

use crate::threads;

/// The organizations of `paths`, every account checked, ranked.
fn read(paths: &[String], options: &AuditOptions) -> Result<SaidOrgs, String> {
    let lang = options.lang.unwrap_or_default();
    let (files, problems) = crate::drop::read(paths)?;
    let mut o = orgs::read(files, problems, options);
    if o.orgs.is_empty() {
        let why: Vec<String> =
            o.problems.iter().map(|p| format!("{}: {}", p.file, sspr_doctor_core::words::orgs::reason(p.reason, lang))).collect();
        return Err(format!(
            "{} {}",
            sspr_doctor_core::words::orgs::nothing_read(lang),
            why.join(sspr_doctor_core::words::orgs::reasons_separator(lang))
        ));
    }
    o.assess_all(threads());
    o.rank();
    Ok(SaidOrgs::new(o, options))
}

pub fn run_audit_orgs(paths: &[String], format: &str, options: &AuditOptions, redact: bool) -> Result<(), String> {
    let format = match ExportFormat::parse(format) {
        Some(f @ (ExportFormat::Json | ExportFormat::Csv | ExportFormat::Markdown | ExportFormat::Html)) => f,
        _ => return Err("audit-orgs --format takes json, csv, markdown or html".into()),
    };
    let mut o = read(paths, options)?;
    if redact {
        o.set_redactor(Some(Arc::new(Redactor::new(random_salt()))));
    }
    let mut out = crate::output::parts_writer();
    let result = sspr_doctor_core::orgs::export::write_to(&mut o, format, threads(), &mut out).and_then(|()| {
        if format == ExportFormat::Json {
            out.write_all(b"\n")?;
        }
        Ok(())
    });
    // A closed pipe (`| head`) is not an error worth a message.
    drop(result);
    let _ = out.flush();
    std::mem::forget(o);
    Ok(())
}

/// `audit-diff OLD NEW` of two drops: organizations joined by tenant id, else by name.
pub fn run_orgs_diff(old: &str, new: &str, format: &str, options: &AuditOptions, redact: bool) -> Result<(), String> {
    let lang = options.lang.unwrap_or_default();
    let (mut a, mut b) = (read(&[old.to_string()], options)?, read(&[new.to_string()], options)?);
    let mut d = orgs::orgs_diff(&mut a, &mut b, lang);
    if redact {
        let r = Redactor::new(random_salt());
        let names: std::collections::HashSet<String> = [&a, &b]
            .iter()
            .flat_map(|o| o.orgs.iter())
            .flat_map(|org| {
                (0..org.said.audit().len()).filter_map(|i| org.said.audit().data(i)?.upn.as_deref().map(sspr_doctor_core::normalize::lower))
            })
            .collect();
        d.redact(&r, &|u| names.contains(&sspr_doctor_core::normalize::lower(u)));
    }
    let mut text =
        orgs::orgs_diff_export(&d, format, lang).ok_or("audit-diff of organizations takes --format json, csv, markdown or text")?;
    if format == "json" {
        text.push('\n');
    }
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(())
}

/// One script per organization into `dir`, named by the organization (made safe as a file
/// name). An organization whose files name several tenants gets none, and is said.
pub fn run_fix_by_org(paths: &[String], options: &AuditOptions, dir: Option<&str>) -> Result<(), String> {
    let lang = options.lang.unwrap_or_default();
    let dir = dir.ok_or("fix-script --by-organization needs --output DIR, the folder to write one script per organization into")?;
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {dir}: {e}"))?;
    let mut o = read(paths, options)?;
    let fix = FixOptions { lang, temporary_access_pass: options.temporary_access_pass == Some(true) };
    let names = orgs::script_file_names(o.orgs.iter().map(|org| org.name.as_str()));
    let mut refused = Vec::new();
    let mut written = Written::default();
    for (org, name) in o.orgs.iter_mut().zip(names) {
        match sspr_doctor_core::audit::fix_script_of(&mut org.said, &fix) {
            Ok(script) => {
                if let Err(e) = written.write(std::path::Path::new(dir), &name, script.as_bytes()) {
                    refused.push(format!("{}: {e}", org.name));
                }
            }
            Err(e) => refused.push(format!("{}: {}", org.name, e.message(lang))),
        }
    }
    for r in &refused {
        eprintln!("sspr-doctor: {r}");
    }
    std::mem::forget(o);
    Ok(())
}

/// The scripts written in this run: a name that lands on one of them (a file system that
/// folds case or accents the set of names did not) takes ` (2)` and on instead of
/// overwriting another organization's script. A file from an earlier run is replaced.
#[derive(Default)]
struct Written(Vec<std::path::PathBuf>);

impl Written {
    fn write(&mut self, dir: &std::path::Path, name: &str, bytes: &[u8]) -> Result<(), String> {
        for k in 1..1000 {
            let file = if k == 1 { format!("{name}.ps1") } else { format!("{name} ({k}).ps1") };
            let path = dir.join(file);
            if self.0.iter().any(|w| same_file(w, &path)) {
                continue;
            }
            std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            self.0.push(path);
            return Ok(());
        }
        Err(format!("cannot write {name}.ps1: too many scripts of that name"))
    }
}

/// Whether two paths are one file on disk (the same device and inode where there are such).
fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        sspr_doctor_core::normalize::lower(&a.to_string_lossy()) == sspr_doctor_core::normalize::lower(&b.to_string_lossy())
    }
}
