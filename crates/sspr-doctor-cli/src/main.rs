//! `sspr-doctor`: the command-line front door to the same diagnosis as the web page.
//!
//! - `diagnose` reads one Case as JSON on stdin and writes one Report (exit 0); malformed
//!   input gives a one-line error on stderr and exit 2.
//! - `phones` checks one phone number per line and writes one JSON object per line.
//! - `audit` checks every administrator in an export (contract v1.1) and writes the
//!   AuditReport as JSON, CSV, Markdown or text; a file it cannot read exits 2.
//! - `facts` prints the Microsoft facts and regions the page shows before any diagnosis.

mod clock;
mod drop;
mod help;
mod input;
mod orgs_cmd;
mod output;

use help::HELP;

/// The threads the audit reads, checks and writes on: every core, up to eight. Asked of the
/// system once (on Linux it reads the cgroup's limits), however many steps ask.
fn threads() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()).min(8))
}

/// The audit allocates many small strings; glibc's allocator spent a third of its time on
/// them (measured: docs/figures.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{BufWriter, Read, Write};
use std::process::ExitCode;

use sspr_doctor_core::{check_phone, diagnose, format, Case, Lang, PhoneInput};

/// A Case larger than this is refused (real ones are a few kilobytes; the engine answers
/// 10 MB in milliseconds, and this bounds memory on any input).
const MAX_CASE_BYTES: u64 = 64 * 1024 * 1024;

enum Format {
    Json { pretty: bool },
    Text,
    Markdown,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Command {
    Diagnose,
    Phones,
    Audit,
    AuditDiff,
    AuditOrgs,
    FixScript,
    AuditScript,
    Facts,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("sspr-doctor: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let mut format = Format::Json { pretty: false };
    let mut format_name: Option<String> = None;
    let mut command = None;
    let mut pretty = false;
    let mut files: Vec<String> = Vec::new();
    let mut audit_options = sspr_doctor_core::audit::AuditOptions::default();
    let mut output: Option<String> = None;
    let mut redact = false;
    let mut by_organization = false;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "-h" | "--help" | "help" => {
                print!("{HELP}");
                return Ok(());
            }
            "-V" | "--version" => {
                println!("sspr-doctor {} (Microsoft facts checked {})", env!("CARGO_PKG_VERSION"), sspr_doctor_core::facts::FACTS_CHECKED);
                return Ok(());
            }
            "--pretty" => pretty = true,
            "--format" => {
                let name = iter.next().map(String::as_str);
                match name {
                    Some("json") => format = Format::Json { pretty: false },
                    Some("text") => format = Format::Text,
                    Some("markdown") => format = Format::Markdown,
                    Some("csv" | "html") => {}
                    other => {
                        return Err(format!(
                            "--format takes json, text, markdown or (audit) csv or html, not {}",
                            other.unwrap_or("nothing")
                        ))
                    }
                }
                format_name = name.map(String::from);
            }
            "--lang" => match iter.next().map(String::as_str) {
                Some("en") => audit_options.lang = Some(Lang::En),
                Some("ja") => audit_options.lang = Some(Lang::Ja),
                other => return Err(format!("--lang takes en or ja, not {}", other.unwrap_or("nothing"))),
            },
            "--today" => match iter.next() {
                Some(d) if sspr_doctor_core::facts::Date::parse(d).is_some() => audit_options.today = Some(d.clone()),
                other => return Err(format!("--today takes a date as YYYY-MM-DD, not {}", other.map_or("nothing", String::as_str))),
            },
            "--tenant-domain" => match iter.next() {
                Some(d) => audit_options.tenant_domains.get_or_insert_with(Vec::new).push(d.clone()),
                None => return Err("--tenant-domain takes a domain, such as contoso.com".into()),
            },
            "--telecom-provider" => audit_options.telecom_provider = Some(true),
            "--temporary-access-pass" => audit_options.temporary_access_pass = Some(true),
            "--redact" => redact = true,
            "--by-organization" => by_organization = true,
            "--output" => match iter.next() {
                Some(f) => output = Some(f.clone()),
                None => return Err("--output takes a file name".into()),
            },
            "--cloud" => match iter.next().map(String::as_str).and_then(sspr_doctor_core::Cloud::parse) {
                Some(c) => audit_options.cloud = Some(c),
                None => return Err("--cloud takes public, usGovernment, usGovernmentDoD or china".into()),
            },
            "--tenant-id" => match iter.next() {
                Some(t) if sspr_doctor_core::audit::TenantId::parse(t).is_some() => audit_options.tenant_id = Some(t.clone()),
                other => return Err(format!("--tenant-id takes a tenant id (a GUID), not {}", other.map_or("nothing", String::as_str))),
            },
            "diagnose" if command.is_none() => command = Some(Command::Diagnose),
            "phones" if command.is_none() => command = Some(Command::Phones),
            "audit" if command.is_none() => command = Some(Command::Audit),
            "audit-script" if command.is_none() => command = Some(Command::AuditScript),
            "fix-script" if command.is_none() => command = Some(Command::FixScript),
            "audit-diff" if command.is_none() => command = Some(Command::AuditDiff),
            "audit-orgs" if command.is_none() => command = Some(Command::AuditOrgs),
            "facts" if command.is_none() => command = Some(Command::Facts),
            file if matches!(command, Some(Command::Audit | Command::FixScript | Command::AuditDiff | Command::AuditOrgs))
                && (file == "-" || !file.starts_with('-')) =>
            {
                files.push(file.to_string())
            }
            other => return Err(format!("unknown argument '{other}' (try --help)")),
        }
    }
    if let Format::Json { .. } = format {
        format = Format::Json { pretty };
    }
    if matches!(format_name.as_deref(), Some("csv" | "html"))
        && !matches!(command, Some(Command::Audit | Command::AuditDiff | Command::AuditOrgs))
    {
        return Err("--format csv and html are for audit, audit-diff and audit-orgs only".into());
    }
    let lang = audit_options.lang.unwrap_or_default();
    if redact && command == Some(Command::FixScript) {
        return Err(sspr_doctor_core::words::orgs::redaction_blocks_script(lang).to_string());
    }
    if redact && !matches!(command, Some(Command::Audit | Command::AuditDiff | Command::AuditOrgs)) {
        return Err("--redact is for audit, audit-diff and audit-orgs".into());
    }
    if by_organization && command != Some(Command::FixScript) {
        return Err("--by-organization is for fix-script".into());
    }
    if command == Some(Command::AuditOrgs) && audit_options.tenant_id.is_some() {
        return Err("--tenant-id names one organization's tenant: audit-orgs reads each organization's from its own files".into());
    }
    audit_options.today.get_or_insert_with(clock::today_utc);
    match command {
        Some(Command::Audit) => run_audit(&files, format_name.as_deref().unwrap_or("json"), &audit_options, redact),
        Some(Command::FixScript) if by_organization => orgs_cmd::run_fix_by_org(&files, &audit_options, output.as_deref()),
        Some(Command::FixScript) => run_fix_script(&files, &audit_options, output.as_deref()),
        Some(Command::AuditDiff) => run_audit_diff(&files, format_name.as_deref().unwrap_or("json"), &audit_options, redact),
        Some(Command::AuditOrgs) => orgs_cmd::run_audit_orgs(&files, format_name.as_deref().unwrap_or("json"), &audit_options, redact),
        Some(Command::AuditScript) => {
            let _ = std::io::stdout()
                .lock()
                .write_all(sspr_doctor_core::facts::audit_script(audit_options.cloud.unwrap_or_default()).as_bytes());
            Ok(())
        }
        Some(Command::Diagnose) => run_diagnose(format),
        Some(Command::Phones) => run_phones(),
        Some(Command::Facts) => print_json(&sspr_doctor_core::facts::published()),
        None => Err("missing command: sspr-doctor diagnose < case.json (try --help)".into()),
    }
}

fn run_diagnose(format: Format) -> Result<(), String> {
    let mut stdin = input::decoded(std::io::stdin()).map_err(|e| format!("cannot read standard input: {e}"))?;
    let (text, cut) = input::read_all(&mut *stdin, MAX_CASE_BYTES).map_err(|e| format!("cannot read standard input: {e}"))?;
    if cut {
        return Err(format!("the Case is larger than {} MiB; a real one is a few kilobytes", MAX_CASE_BYTES >> 20));
    }
    let mut case = parse_case(&text)?;
    if case.today.is_none() {
        case.today = Some(clock::today_utc());
    }
    if case.now.is_none() {
        case.now = Some(clock::now_utc());
    }
    let report = diagnose(&case);
    let out = match format {
        Format::Json { pretty: false } => serde_json::to_string(&report),
        Format::Json { pretty: true } => serde_json::to_string_pretty(&report),
        Format::Text => Ok(format::to_text(&report, case.lang.unwrap_or(Lang::En))),
        Format::Markdown => Ok(format::to_markdown(&report, case.lang.unwrap_or(Lang::En))),
    }
    .map_err(|e| format!("cannot write the report: {e}"))?;
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = writeln!(stdout, "{out}");
    Ok(())
}

/// One JSON object per input line, written as each line is read: any number of lines in
/// bounded memory.
fn run_phones() -> Result<(), String> {
    let mut stdin = input::decoded(std::io::stdin()).map_err(|e| format!("cannot read standard input: {e}"))?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    while let Some(line) = input::next_line(&mut *stdin).map_err(|e| format!("cannot read standard input: {e}"))? {
        let (number, country) = match line.split_once('\t') {
            Some((n, c)) => (n, Some(c.trim()).filter(|c| !c.is_empty())),
            None => (line.as_str(), None),
        };
        let check = check_phone(&PhoneInput { mobile_phone: number.to_string(), phone_country: country.map(str::to_string) });
        let json = serde_json::to_string(&check).map_err(|e| format!("cannot write a result: {e}"))?;
        if writeln!(out, "{json}").is_err() {
            // The reader went away (`| head`): stop quietly.
            return Ok(());
        }
    }
    let _ = out.flush();
    Ok(())
}

/// The audit of one or more files; the same bytes as the page's export.
/// The files read (a name and the bytes), for `audit` and `fix-script`.
fn read_files(files: &[String]) -> Result<Vec<(String, Vec<u8>)>, String> {
    use sspr_doctor_core::audit;
    if files.is_empty() {
        return Err("audit needs a file to read, or - for standard input (try --help)".into());
    }
    let limit = audit::MAX_INPUT_BYTES as u64;
    let mut contents = Vec::new();
    for name in files {
        let mut bytes = Vec::new();
        let read = if name == "-" {
            std::io::stdin().lock().take(limit + 1).read_to_end(&mut bytes)
        } else {
            // Room for the whole file first: `take` hides its size from `read_to_end`, which
            // then grew the buffer by doubling (copies into fresh memory, 8% of a 100,000-account
            // audit's time on one thread before any account was read).
            std::fs::File::open(name).and_then(|f| {
                let size = f.metadata().map_or(0, |m| m.len()).min(limit + 1);
                bytes.reserve_exact(usize::try_from(size).unwrap_or(0).saturating_add(1));
                f.take(limit + 1).read_to_end(&mut bytes)
            })
        };
        read.map_err(|e| format!("cannot read {name}: {e}"))?;
        contents.push((name.clone(), bytes));
    }
    Ok(contents)
}

/// One side of `audit-diff`: its files (joined with `+`), read and checked, in brief.
fn diff_side(spec: &str, options: &sspr_doctor_core::audit::AuditOptions) -> Result<sspr_doctor_core::audit::Brief, String> {
    use sspr_doctor_core::audit::{self, Brief, InputFile};
    let lang = options.lang.unwrap_or_default();
    // A name that is a file is one file, even with a + in it.
    let names: Vec<String> =
        if std::path::Path::new(spec).exists() { vec![spec.to_string()] } else { spec.split('+').map(String::from).collect() };
    let contents = read_files(&names)?;
    let short: Vec<String> =
        contents.iter().map(|(n, _)| std::path::Path::new(n).file_name().map_or(n.clone(), |f| f.to_string_lossy().into_owned())).collect();
    let inputs: Vec<InputFile> = contents.iter().zip(&short).map(|((_, b), n)| InputFile { name: Some(n.as_str()), bytes: b }).collect();
    let mut said = audit::Said::read_on(&inputs, options, threads())
        .map_err(|e| format!("{spec}: {}", sspr_doctor_core::words::audit_error(&e, lang)))?;
    said.audit_mut().keep_details(false);
    said.audit_mut().assess_all_on(threads());
    Brief::of_said(&mut said)
        .ok_or_else(|| format!("{spec}: {}", sspr_doctor_core::words::audit_error(&audit::AuditError::NoAccounts, lang)))
}

/// `audit-diff OLD NEW`: what changed between two exports.
fn run_audit_diff(files: &[String], format: &str, options: &sspr_doctor_core::audit::AuditOptions, redact: bool) -> Result<(), String> {
    use sspr_doctor_core::audit::{diff_briefs, diff_export};
    let [old, new] = files else {
        return Err("audit-diff needs two exports: the earlier one, then the later one (try --help)".into());
    };
    // A folder or an archive on either side: two drops of organizations.
    let drop = |p: &str| std::path::Path::new(p).is_dir() || p.to_ascii_lowercase().ends_with(".zip");
    if drop(old) || drop(new) {
        return orgs_cmd::run_orgs_diff(old, new, format, options, redact);
    }
    let lang = options.lang.unwrap_or_default();
    let (old_side, new_side) = (diff_side(old, options)?, diff_side(new, options)?);
    let mut d = diff_briefs(&old_side, &new_side, lang);
    if redact {
        let r = sspr_doctor_core::redact::Redactor::new(sspr_doctor_core::redact::random_salt());
        let names: std::collections::HashSet<String> = old_side
            .accounts
            .iter()
            .chain(&new_side.accounts)
            .filter_map(|a| a.upn.as_deref().map(sspr_doctor_core::normalize::lower))
            .collect();
        r.diff(&mut d, &|u| names.contains(&sspr_doctor_core::normalize::lower(u)));
    }
    for w in &d.warnings {
        eprintln!("sspr-doctor: {}", w.message);
    }
    let mut text = diff_export(&d, format, lang).ok_or("--format takes json, csv, markdown, text or html")?;
    if format == "json" {
        text.push('\n');
    }
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(())
}

/// `fix-script`: the plans of the audit as the fix script (the page's bytes).
fn run_fix_script(files: &[String], options: &sspr_doctor_core::audit::AuditOptions, output: Option<&str>) -> Result<(), String> {
    use sspr_doctor_core::audit::{self, FixOptions, InputFile};
    let contents = read_files(files)?;
    let lang = options.lang.unwrap_or_default();
    let mut options = options.clone();
    options.today.get_or_insert_with(clock::today_utc);
    let inputs: Vec<InputFile> = contents.iter().map(|(_, b)| InputFile { name: None, bytes: b }).collect();
    let mut a = audit::Said::read_on(&inputs, &options, threads()).map_err(|e| sspr_doctor_core::words::audit_error(&e, lang))?;
    a.audit_mut().keep_details(false);
    a.audit_mut().assess_all_on(threads());
    let fix = FixOptions { lang, temporary_access_pass: options.temporary_access_pass == Some(true) };
    let script = audit::fix_script_of(&mut a, &fix).map_err(|e| e.message(lang))?;
    match output {
        Some(path) => std::fs::write(path, script.as_bytes()).map_err(|e| format!("cannot write {path}: {e}"))?,
        None => {
            let _ = std::io::stdout().lock().write_all(script.as_bytes());
        }
    }
    std::mem::forget(a);
    std::mem::forget(contents);
    Ok(())
}

fn run_audit(files: &[String], format: &str, options: &sspr_doctor_core::audit::AuditOptions, redact: bool) -> Result<(), String> {
    use sspr_doctor_core::audit::{self, export, InputFile};
    let contents = read_files(files)?;
    let lang = options.lang.unwrap_or_default();
    let mut options = options.clone();
    options.today.get_or_insert_with(clock::today_utc);
    // The report names each file as the page does: by its name, without the folders.
    let names: Vec<String> = contents
        .iter()
        .map(|(n, _)| {
            if n == "-" {
                "stdin".into()
            } else {
                std::path::Path::new(n).file_name().map_or(n.clone(), |f| f.to_string_lossy().into_owned())
            }
        })
        .collect();
    let inputs: Vec<InputFile> = contents.iter().zip(&names).map(|((_, b), n)| InputFile { name: Some(n.as_str()), bytes: b }).collect();
    let mut a = audit::Said::read_on(&inputs, &options, threads()).map_err(|e| sspr_doctor_core::words::audit_error(&e, lang))?;
    if redact {
        a.set_redactor(Some(std::sync::Arc::new(sspr_doctor_core::redact::Redactor::new(sspr_doctor_core::redact::random_salt()))));
    }
    // Each account's details are made again while it is written, on every core, rather
    // than kept for all of them: 100,000 accounts then peak at 225 MB instead of 380, and
    // the time stays the same (the page does the same).
    a.audit_mut().keep_details(false);
    let format = export::ExportFormat::parse(format).ok_or("--format takes json, csv, markdown or text")?;
    let mut out = crate::output::parts_writer();
    // The accounts are checked and put into words on every core; the bytes are the same
    // as the page's export.
    let result = export::write_to(&mut a, format, threads(), &mut out).and_then(|()| {
        if format == export::ExportFormat::Json {
            out.write_all(b"\n")?;
        }
        Ok(())
    });
    // A closed pipe (`| head`) is not an error worth a message.
    drop(result);
    let _ = out.flush();
    // The process ends here: freeing 100,000 accounts one by one would only add time.
    std::mem::forget(a);
    std::mem::forget(contents);
    Ok(())
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), String> {
    let json = serde_json::to_string_pretty(value).map_err(|e| format!("cannot write: {e}"))?;
    let _ = writeln!(std::io::stdout().lock(), "{json}");
    Ok(())
}

/// The Case, or a one-line reason naming where the JSON went wrong. Read straight into
/// the Case: unknown fields are skipped without being kept, so memory stays near the
/// input's size whatever they hold.
fn parse_case(input: &str) -> Result<Case, String> {
    let trimmed = input.trim_start();
    if trimmed.is_empty() {
        return Err("no input: give a Case as JSON on standard input, for example {\"lang\":\"ja\"}".into());
    }
    // serde would also read a struct from an array; a Case is an object.
    if !trimmed.starts_with('{') {
        return Err("invalid Case JSON: a Case is a JSON object ({...})".into());
    }
    serde_json::from_str::<Case>(input).map_err(|e| format!("invalid Case JSON: {}", e.to_string().replace('\n', " ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_input_is_a_one_line_error() {
        for bad in ["", "{", "[1,2]", "{\"symptom\":\"fax\"}", "{\"isAdmin\":\"yes\"}", "nul"] {
            let err = parse_case(bad).unwrap_err();
            assert!(!err.contains('\n'), "{err}");
        }
        assert!(parse_case("{}").is_ok());
        assert!(parse_case("{\"isAdmin\":null,\"extra\":1}").is_ok());
        assert!(parse_case("{\"extra\":[[[1,2],{\"a\":\"b\"}]],\"lang\":\"ja\"}").is_ok());
    }
}
