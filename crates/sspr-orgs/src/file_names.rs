//! Organizations' names as file names (one fix script per organization): the same on every
//! system, whoever writes them (the command line's folder, the page's `.zip`).

use std::collections::BTreeSet;

/// Each name as a file name without extension: no separators, reserved characters or control
/// characters, not a reserved device name, not empty, at most 100 characters, and no two the
/// same ignoring case (`name (2)` and on).
pub fn script_file_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut used = BTreeSet::new();
    names.into_iter().map(|n| file_name(n, &mut used)).collect()
}

/// Windows' reserved device names, also when an extension follows ("NUL.txt" and "NUL.tar.gz"
/// are NUL): https://learn.microsoft.com/windows/win32/fileio/naming-a-file
fn is_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end().to_ascii_lowercase();
    let numbered = |p: &str| {
        stem.strip_prefix(p).is_some_and(|d| matches!(d, "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³"))
    };
    matches!(stem.as_str(), "con" | "prn" | "aux" | "nul") || numbered("com") || numbered("lpt")
}

fn file_name(name: &str, used: &mut BTreeSet<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if sspr_text::is_invisible_or_control(c) || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    // At most 100 characters and 200 bytes (file systems count bytes, up to 255, and the
    // suffix ` (2).ps1` must still fit); direction and invisible characters are `_`, so
    // no name can show as another (U+202E before `gpj.ps1`).
    let mut clean: String = clean.trim_matches(|c: char| c == '.' || c.is_whitespace()).chars().take(100).collect();
    while clean.len() > 200 {
        clean.pop();
    }
    let reserved = is_device_name(&clean);
    let base = if clean.is_empty() || reserved { format!("organization-{clean}") } else { clean };
    let mut n = base.clone();
    let mut k = 2;
    while !used.insert(sspr_text::lower(&n)) {
        n = format!("{base} ({k})");
        k += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    #[test]
    fn organization_names_become_safe_file_names() {
        let names = super::script_file_names(["../../etc", "CON", "a:b*c", "A_b_c", "顧客 A", ""]);
        assert_eq!(names, ["_.._etc", "organization-CON", "a_b_c", "A_b_c (2)", "顧客 A", "organization-"]);
        // Device names with an extension or a number are Windows' too; longer names are not.
        let names = super::script_file_names(["nul.contoso", "COM7", "lpt¹", "com10", "console", "aux ", "a\u{202E}gpj.ps1"]);
        assert_eq!(
            names,
            ["organization-nul.contoso", "organization-COM7", "organization-lpt¹", "com10", "console", "organization-aux", "a_gpj.ps1"]
        );
        // Long names in bytes: 100 kanji are 300 bytes, cut to 200.
        let long = super::script_file_names(["顧".repeat(100).as_str()]);
        assert!(long[0].len() <= 200 && long[0].chars().all(|c| c == '顧'), "{}", long[0].len());
    }
}
