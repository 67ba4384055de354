//! The targets and what each checks of one input (main.rs draws the inputs).

use sspr_doctor_core::audit::{self, export, export::ExportFormat, AuditOptions, InputFile};
use sspr_doctor_core::{diagnose, format, Case, Lang};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Target {
    Diagnose,
    Phone,
    Email,
    Audit,
    /// v1.3: a drop's `.zip` (archive.rs).
    Archive,
}

/// Runs one input; Err(reason) for a finding.
pub fn run(target: Target, input: &[u8]) -> Result<(), String> {
    match target {
        Target::Diagnose => {
            let Ok(case) = serde_json::from_slice::<Case>(input) else { return Ok(()) };
            let r = diagnose(&case);
            let lang = case.lang.unwrap_or(Lang::En);
            let text = format::to_text(&r, lang);
            let md = format::to_markdown(&r, lang);
            let json = serde_json::to_string(&r).map_err(|e| e.to_string())?;
            // Reports are a constant plus capped echoes (issue 11: never twice the input).
            let cap = 200_000;
            if json.len() > cap || text.len() > cap || md.len() > cap {
                return Err(format!("report too large: json {} text {} markdown {}", json.len(), text.len(), md.len()));
            }
            // Nothing typed can start a line of the text report.
            if text
                .lines()
                .any(|l| l.starts_with("[BLOCKING]") && !r.findings.iter().any(|f| f.severity == sspr_doctor_core::Severity::Blocking))
            {
                return Err("forged line".into());
            }
        }
        Target::Phone => {
            let s = String::from_utf8_lossy(input);
            let (number, country) = s.split_once('\t').unwrap_or((&s, ""));
            let _ = sspr_doctor_core::check_phone(&sspr_doctor_core::PhoneInput {
                mobile_phone: number.into(),
                phone_country: Some(country.into()).filter(|c: &String| !c.is_empty()),
            });
        }
        Target::Email => {
            let _ = sspr_doctor_core::email::analyse(&String::from_utf8_lossy(input));
        }
        Target::Archive => crate::archive::run(input)?,
        Target::Audit => {
            let opts = AuditOptions { today: Some("2026-11-25".into()), ..Default::default() };
            if let Ok(mut a) = audit::Said::read(&[InputFile { name: Some("fuzz.csv"), bytes: input }], &opts) {
                for f in [ExportFormat::Json, ExportFormat::Csv, ExportFormat::Markdown, ExportFormat::Html] {
                    let _ = export::export(&mut a, f);
                }
                // v1.2: the fix script from the plans, and the input compared with itself
                // and with its first half (every format of the comparison).
                let _ = audit::fix_script_of(&mut a, &audit::FixOptions { lang: Lang::Ja, temporary_access_pass: true });
                if let Some(whole) = audit::Brief::of_said(&mut a) {
                    let half = &input[..input.len() / 2];
                    let part = audit::Said::read(&[InputFile { name: None, bytes: half }], &opts)
                        .ok()
                        .and_then(|mut h| audit::Brief::of_said(&mut h));
                    for (old, new) in [(&whole, &whole), (part.as_ref().unwrap_or(&whole), &whole)] {
                        let d = audit::diff_briefs(old, new, Lang::En);
                        for f in ["json", "csv", "markdown", "text", "html"] {
                            let _ = audit::diff_export(&d, f, Lang::Ja);
                        }
                    }
                }
            }
            // The page's way: checked in slices, the table's questions (a search taken
            // from the input itself, every order), rows, an account opened.
            let inputs = [InputFile { name: Some("fuzz.csv"), bytes: input }];
            if let Ok(mut said) = audit::Said::read(&inputs, &opts) {
                let a = said.audit_mut();
                a.keep_details(false);
                while !a.assess_next(7).is_empty() {
                    let _ = a.tally();
                }
                let text = String::from_utf8_lossy(&input[..input.len().min(3)]).into_owned();
                for key in ["", "upn", "name", "status", "role", "usable", "date", "findings", "other"] {
                    let q = audit::Query {
                        text: text.clone(),
                        sort: Some(audit::Sort { key: key.into(), dir: "desc".into() }),
                        ..Default::default()
                    };
                    let found = a.query(&q);
                    let _ = a.rows(&found);
                }
                let _ = said.account(said.audit().len() / 2);
                // Said again in the other language, from the same checks.
                said.set_lang(if said.lang() == Lang::Ja { Lang::En } else { Lang::Ja });
                let _ = said.head().map(|h| h.tenant.findings.len());
            }
            // The command line's way: read on two threads, checked while written on two: the
            // same bytes as the one-thread reading's export.
            if let Ok(mut a) = audit::Said::read_on(&inputs, &opts, 2) {
                a.audit_mut().keep_details(false);
                let mut written = Vec::new();
                let _ = export::write_to(&mut a, ExportFormat::Json, 2, &mut written);
                let one = audit::Said::read(&inputs, &opts).ok().map(|mut b| export::export(&mut b, ExportFormat::Json));
                if one.as_deref().map(str::as_bytes) != Some(&written[..]) {
                    return Err("the two-thread reading's export differs from the one-thread reading's".into());
                }
            }
        }
    }
    Ok(())
}
