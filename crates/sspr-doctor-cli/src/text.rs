//! The report as readable text for a terminal, in the report's language.

use sspr_doctor_core::{Lang, Report, ResolutionId, Severity};

fn badge(s: Severity, l: Lang) -> &'static str {
    match (s, l) {
        (Severity::Blocking, Lang::En) => "BLOCKING",
        (Severity::Likely, Lang::En) => "LIKELY",
        (Severity::Check, Lang::En) => "CHECK",
        (Severity::Blocking, Lang::Ja) => "原因",
        (Severity::Likely, Lang::Ja) => "可能性大",
        (Severity::Check, Lang::Ja) => "要確認",
    }
}

pub fn render(r: &Report, l: Lang) -> String {
    let ja = l == Lang::Ja;
    let mut out = String::new();
    let headline = match (r.ok, ja) {
        (true, false) => "No cause found in what you entered. Check the points below.",
        (true, true) => "入力内容からは原因が見つかりませんでした。以下の点を確認してください。",
        (false, false) => "Found what stops the message:",
        (false, true) => "メッセージが届かない原因が見つかりました:",
    };
    out.push_str(headline);
    out.push_str("\n\n");
    for f in &r.findings {
        out.push_str(&format!("[{}] {}  ({})\n", badge(f.severity, l), f.title, f.id.as_str()));
        out.push_str(&format!("    {}\n", f.detail));
        for (i, s) in f.steps.iter().enumerate() {
            out.push_str(&format!("    {}. {}\n", i + 1, s));
        }
        if !f.evidence.is_empty() {
            let ev: Vec<String> = f.evidence.iter().map(|(k, v)| format!("{k}={v}")).collect();
            out.push_str(&format!("    {} {}\n", if ja { "根拠:" } else { "evidence:" }, ev.join("; ")));
        }
        out.push('\n');
    }
    let title = match (r.resolution.id, ja) {
        (ResolutionId::Unknown, false) => "To reset the password today (whichever applies):",
        (ResolutionId::Unknown, true) => "今すぐパスワードをリセットするには (当てはまるもの):",
        (_, false) => "To reset the password today:",
        (_, true) => "今すぐパスワードをリセットするには:",
    };
    out.push_str(title);
    out.push('\n');
    for s in &r.resolution.steps {
        out.push_str(&format!("  - {s}\n"));
    }
    out.trim_end().to_string()
}
