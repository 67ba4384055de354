//! Pasted policy output: MSOnline `Get-MsolCompanyInformation | fl …`, Microsoft Graph
//! PowerShell `Get-MgPolicyAuthorizationPolicy` (list or table), or the Graph JSON, in any
//! letter case, with CRLF, prompts and other properties around it, or an error instead.

use crate::facts::{GRAPH_PROPERTY, MSOL_PROPERTY, MSOL_RETIRED_TEXTS};
use crate::normalize::fold_width;
pub use sspr_model::problems::GraphError;

/// Past this many characters we stop reading: real output is a few hundred.
const MAX_SCAN_BYTES: usize = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyReading {
    /// The switch was found. `source` says which command printed it.
    Found {
        enabled: bool,
        source: PolicySource,
    },
    /// The retired MSOnline module failed (not installed, not recognized, no longer works).
    MsonlineError,
    /// The Graph cmdlet is not installed or not connected.
    GraphError(GraphError),
    /// Both names or both values seen, disagreeing.
    Contradictory,
    Unrecognized,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicySource {
    Msonline,
    GraphPowerShell,
    GraphJson,
}

pub fn read(raw: &str) -> PolicyReading {
    let cut = raw.char_indices().take_while(|(i, _)| *i < MAX_SCAN_BYTES).last().map_or(0, |(i, c)| i + c.len_utf8());
    let text = fold_width(&raw[..cut]).replace("\r\n", "\n").replace('\r', "\n");
    // ASCII case folding keeps every byte where it was, so a position found in `lower` is
    // the same position in `text` (full Unicode lower-casing changes lengths: Ω, K, İ).
    let lower = text.to_ascii_lowercase();

    let mut seen: Vec<(bool, PolicySource)> = Vec::new();
    for (key, source) in [(MSOL_PROPERTY, PolicySource::Msonline), (GRAPH_PROPERTY, PolicySource::GraphPowerShell)] {
        let key = sspr_text::lower(key);
        for v in key_value(&lower, &key) {
            let src = if v.1 { PolicySource::GraphJson } else { source };
            seen.push((v.0, src));
        }
        if let Some(v) = table_value(&text, &key) {
            seen.push((v, source));
        }
        if let Some(v) = property_access_value(&lower, &key) {
            seen.push((v, source));
        }
    }
    if let Some(&(first, source)) = seen.first() {
        return if seen.iter().all(|(v, _)| *v == first) {
            PolicyReading::Found { enabled: first, source }
        } else {
            PolicyReading::Contradictory
        };
    }
    if is_msonline_error(&lower) {
        return PolicyReading::MsonlineError;
    }
    if lower.contains("get-mgpolicyauthorizationpolicy")
        || lower.contains("connect-mggraph")
        || lower.contains("authorization_requestdenied")
    {
        if not_recognized(&lower) {
            return PolicyReading::GraphError(GraphError::NotInstalled);
        }
        if lower.contains("authentication needed") || lower.contains("connect-mggraph") && lower.contains("call") {
            return PolicyReading::GraphError(GraphError::NotConnected);
        }
    }
    if lower.contains("insufficient privileges") || lower.contains("authorization_requestdenied") || lower.contains("forbidden") {
        return PolicyReading::GraphError(GraphError::AccessDenied);
    }
    PolicyReading::Unrecognized
}

/// "The term '…' is not recognized" in English and Japanese PowerShell.
pub fn not_recognized(lower: &str) -> bool {
    lower.contains("is not recognized")
        || lower.contains("は、コマンドレット")
        || lower.contains("認識されません")
        || lower.contains("commandnotfoundexception")
}

/// The MSOnline module failing: not installed, or retired and refusing to run.
pub fn is_msonline_error(lower: &str) -> bool {
    if MSOL_RETIRED_TEXTS.iter().any(|t| lower.contains(t)) {
        return true;
    }
    let msol = lower.contains("get-msol") || lower.contains("connect-msolservice") || lower.contains("msonline");
    msol && (not_recognized(lower)
        || lower.contains("must call the connect-msolservice")
        || lower.contains("access denied")
        || lower.contains("retired")
        || lower.contains("deprecated")
        || lower.contains("could not be loaded")
        || lower.contains("exception")
        || lower.contains("error"))
}

/// `Key : True`, `Key = $false`, `"key": true` after the key, on the same line. Returns
/// (value, was_json) for every occurrence.
fn key_value(lower: &str, key: &str) -> Vec<(bool, bool)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(key) {
        let start = from + pos;
        let end = start + key.len();
        from = end;
        // Not part of a longer identifier.
        let before = lower[..start].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_digit() || sspr_text::is_letter(c)) {
            continue;
        }
        let rest = &lower[end..];
        let json = rest.starts_with('"');
        let rest = rest.trim_start_matches('"').trim_start_matches([' ', '\t']);
        let Some(rest) = rest.strip_prefix([':', '=']) else { continue };
        let rest = rest.trim_start_matches([' ', '\t', '"']);
        let rest = rest.trim_start_matches('$');
        if rest.starts_with("true") {
            out.push((true, json));
        } else if rest.starts_with("false") {
            out.push((false, json));
        }
    }
    out
}

/// `(Get-MgPolicyAuthorizationPolicy).AllowedToUseSspr` prints the bare value on the next
/// line: a line ending in `).key`, then `True` or `False`.
fn property_access_value(lower: &str, key: &str) -> Option<bool> {
    let lines: Vec<&str> = lower.lines().collect();
    lines.iter().enumerate().find_map(|(i, line)| {
        if !line.trim_end().ends_with(&format!(").{key}")) {
            return None;
        }
        match lines.get(i + 1..)?.iter().map(|l| l.trim()).find(|l| !l.is_empty())? {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    })
}

/// PowerShell table output: a header line holding the key, a line of dashes under it, and
/// values aligned with the dashes.
fn table_value(text: &str, key: &str) -> Option<bool> {
    let lines: Vec<&str> = text.lines().collect();
    for (i, header) in lines.iter().enumerate() {
        let lower = header.to_ascii_lowercase();
        let Some(col) = lower.find(key) else { continue };
        let dashes = lines.get(i + 1)?;
        if !dashes.trim().starts_with('-') || dashes.trim().chars().any(|c| c != '-' && c != ' ') {
            continue;
        }
        // The dash group that starts at the column of the key gives the column's width.
        let col_chars = header[..col].chars().count();
        let dash_chars: Vec<char> = dashes.chars().collect();
        let width = dash_chars.iter().skip(col_chars).take_while(|&&c| c == '-').count();
        for value_line in lines.iter().skip(i + 2).filter(|l| !l.trim().is_empty()).take(1) {
            let cell: String = value_line.chars().skip(col_chars).take(width.max(5)).collect();
            match cell.trim().to_ascii_lowercase().as_str() {
                "true" => return Some(true),
                "false" => return Some(false),
                _ => {}
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use PolicyReading::*;

    #[test]
    fn msonline_list() {
        let out = "PS C:\\windows\\system32> Get-MsolCompanyInformation |fl SelfServePasswordResetEnabled\r\n\r\nSelfServePasswordResetEnabled : False\r\n";
        assert_eq!(read(out), Found { enabled: false, source: PolicySource::Msonline });
        assert_eq!(read("selfservepasswordresetenabled: TRUE"), Found { enabled: true, source: PolicySource::Msonline });
        // The article's own sample output.
        assert_eq!(read("SelfServePasswordResetEnabled: true<False の>"), Found { enabled: true, source: PolicySource::Msonline });
    }

    #[test]
    fn graph_list_and_table() {
        assert_eq!(read("AllowedToUseSspr : True"), Found { enabled: true, source: PolicySource::GraphPowerShell });
        let table = "AllowEmailVerifiedUsersToJoinOrganization AllowedToUseSspr BlockMsolPowerShell\n\
                     ----------------------------------------- ---------------- -------------------\n\
                     False                                     False            True\n";
        assert_eq!(read(table), Found { enabled: false, source: PolicySource::GraphPowerShell });
    }

    #[test]
    fn graph_json() {
        let json = r#"{"@odata.context":"…","allowInvitesFrom":"everyone","allowedToUseSSPR":true,"blockMsolPowerShell":false}"#;
        assert_eq!(read(json), Found { enabled: true, source: PolicySource::GraphJson });
    }

    #[test]
    fn errors_and_noise() {
        let err = "Get-MsolCompanyInformation : The term 'Get-MsolCompanyInformation' is not recognized as the name of a cmdlet, function, script file, or operable program.";
        assert_eq!(read(err), MsonlineError);
        let ja = "Get-MsolCompanyInformation : 用語 'Get-MsolCompanyInformation' は、コマンドレット、関数、スクリプト ファイル、または操作可能なプログラムの名前として認識されません。";
        assert_eq!(read(ja), MsonlineError);
        let graph = "Get-MgPolicyAuthorizationPolicy : The term 'Get-MgPolicyAuthorizationPolicy' is not recognized as a name of a cmdlet";
        assert_eq!(read(graph), GraphError(super::GraphError::NotInstalled));
        assert_eq!(read("hello"), Unrecognized);
        assert_eq!(read("Get-MsolCompanyInformation | fl SelfServePasswordResetEnabled"), Unrecognized);
        assert_eq!(read("AllowedToUseSspr : True\nSelfServePasswordResetEnabled : False"), Contradictory);
    }

    /// Issue 9 item 9: the retired module's message, and a property read printing a bare value.
    #[test]
    fn retired_msonline_and_bare_values() {
        let retiring = "Get-MsolCompanyInformation : MSOnline is retiring and access is disallowed. For more information, see https://aka.ms/MSOnlineRetirement.";
        assert_eq!(read(retiring), MsonlineError);
        assert_eq!(read("MSOnline is retired and access is disallowed."), MsonlineError);
        assert_eq!(
            read("PS> (Get-MgPolicyAuthorizationPolicy).AllowedToUseSspr\nFalse\n"),
            Found { enabled: false, source: PolicySource::GraphPowerShell }
        );
        assert_eq!(
            read("(Get-MgPolicyAuthorizationPolicy).AllowedToUseSSPR\r\n\r\nTrue"),
            Found { enabled: true, source: PolicySource::GraphPowerShell }
        );
    }

    /// Issue 11 item 1: letters that change length when lower-cased never move a column.
    #[test]
    fn no_byte_offsets_across_case_changes() {
        assert_eq!(read("ⱤAllowedToUseSspr\n-"), Unrecognized);
        for c in ['Ω', 'K', 'Ɽ', 'İ', 'ẞ'] {
            let header = format!("{} AllowedToUseSspr BlockMsolPowerShell", c.to_string().repeat(16));
            let dashes = format!("{} ---------------- -------------------", "-".repeat(16));
            let text = format!("{header}\n{dashes}\nx{} False            True\n", " ".repeat(16));
            assert_eq!(read(&text), Found { enabled: false, source: PolicySource::GraphPowerShell }, "{c}");
        }
        let odd = format!("{} AllowedToUseSspr\n{} ----------------\nx False True", "İ".repeat(16), "-".repeat(16));
        assert_ne!(read(&odd), Found { enabled: true, source: PolicySource::GraphPowerShell });
    }
}
