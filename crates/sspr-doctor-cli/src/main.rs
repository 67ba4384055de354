//! `sspr-doctor`: the command-line front door to the same diagnosis as the web page.
//!
//! `sspr-doctor diagnose` reads one Case as JSON on stdin and writes one Report as JSON on
//! stdout (exit 0); malformed input gives a one-line error on stderr and exit 2.

mod clock;

use std::io::{Read, Write};
use std::process::ExitCode;

use sspr_doctor_core::{diagnose, format, Case, Lang};

const HELP: &str = r#"sspr-doctor: why the administrator password-reset email or text message does not arrive

USAGE
    sspr-doctor diagnose [--format json|text|markdown] [--pretty] < case.json
    sspr-doctor --help | --version

Reads one Case as JSON on standard input and writes one Report as JSON (the default), as
readable text (--format text) or as Markdown for a ticket (--format markdown), the last two
in the case's language, on standard output.
Exit status: 0 for a report (whatever it finds), 2 for input that is not a valid Case.

CASE FIELDS (all optional; absent or null means "not known", and the report asks you to check)
    symptom               "email", "sms" or "both" (default "both"): which message did not arrive
    lang                  "ja" or "en" (default "en"): language of the report
    username              the user name typed on the password-reset page
    isAdmin               true/false: the account holds an administrator role
    soleAdmin             true/false: it is the only administrator of the organization
    globalAdmin           true/false: it is a Global Administrator
    alternateEmail        the alternate (contact) email address; "" = none set
    mobilePhone           the mobile number exactly as registered; "" = none set
    phoneCountry          ISO country of that phone ("JP"), used when the number has no +code
    smsProvider           "carrier" or "voipApp" (Google Voice, TextPlus, ...)
    carrierReceivesUsSms  true/false: the carrier delivers texts sent from the United States
    clickedResetLink      true/false: clicked "Reset your password now" in the email
    checkedJunkFolder     true/false: looked in the Junk Email folder
    safeSenderAdded       true/false: added msonlineservicesteam@microsoftonline.com as safe sender
    ssprEnabled           true/false: self-service password reset is on for the organization
    policyOutput          pasted output of Get-MgPolicyAuthorizationPolicy, the Graph JSON,
                          or the legacy Get-MsolCompanyInformation
    pageMessage           what the password-reset page showed (SSPR_0009, or the text)
    methods               registered methods: email, mobilePhone, officePhone,
                          authenticatorApp, securityQuestions
    telecomProvider       true/false: the organization has its own SMS/voice provider
    today                 YYYY-MM-DD (default: today's date, UTC)

EXAMPLE
    echo '{"lang":"ja","mobilePhone":"+81 090-1234-5678"}' | sspr-doctor diagnose --format text
"#;

enum Format {
    Json { pretty: bool },
    Text,
    Markdown,
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
    let mut command = None;
    let mut pretty = false;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "-h" | "--help" | "help" => {
                print!("{HELP}");
                return Ok(());
            }
            "-V" | "--version" => {
                println!("sspr-doctor {}", env!("CARGO_PKG_VERSION"));
                return Ok(());
            }
            "--pretty" => pretty = true,
            "--format" => match iter.next().map(String::as_str) {
                Some("json") => format = Format::Json { pretty: false },
                Some("text") => format = Format::Text,
                Some("markdown") => format = Format::Markdown,
                other => return Err(format!("--format takes json, text or markdown, not {}", other.unwrap_or("nothing"))),
            },
            "diagnose" if command.is_none() => command = Some("diagnose"),
            other => return Err(format!("unknown argument '{other}' (try --help)")),
        }
    }
    if command != Some("diagnose") {
        return Err("missing command: sspr-doctor diagnose < case.json (try --help)".into());
    }
    if let Format::Json { .. } = format {
        format = Format::Json { pretty };
    }

    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).map_err(|e| format!("cannot read standard input: {e}"))?;
    let mut case = parse_case(&input)?;
    if case.today.is_none() {
        case.today = Some(clock::today_utc());
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

/// The Case, or a one-line reason naming where the JSON went wrong.
fn parse_case(input: &str) -> Result<Case, String> {
    if input.trim().is_empty() {
        return Err("no input: give a Case as JSON on standard input, for example {\"lang\":\"ja\"}".into());
    }
    let one_line = |e: serde_json::Error| format!("invalid Case JSON: {}", e.to_string().replace('\n', " "));
    let value: serde_json::Value = serde_json::from_str(input).map_err(one_line)?;
    // serde would also read a struct from an array; a Case is an object.
    if !value.is_object() {
        return Err("invalid Case JSON: a Case is a JSON object ({...})".into());
    }
    serde_json::from_value::<Case>(value).map_err(one_line)
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
    }
}
