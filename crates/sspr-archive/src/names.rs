//! A member's name as a path inside the archive, and nothing else: names that would climb out
//! (`..`), start at a root (`/x`, `\x`, `C:`), or hold control characters are unsafe; the
//! folders of other tools' leftovers are skipped.

/// What a member's name is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberPath {
    /// Its folders and name, joined with `/`.
    Path(String),
    /// A file of no one's export (macOS resource forks, Finder and Explorer files).
    Skip,
    Unsafe,
}

/// Folders and files that come with archives made on macOS or Windows, never an export.
pub const LEFTOVERS: &[&str] = &["__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini"];

/// The path of a member named `name` (either slash separates folders).
pub fn member_path(name: &str) -> MemberPath {
    if name.starts_with(['/', '\\']) || name.chars().any(|c| c.is_control()) {
        return MemberPath::Unsafe;
    }
    let parts: Vec<&str> = name.split(['/', '\\']).filter(|p| !p.is_empty() && *p != ".").collect();
    if parts.is_empty() {
        return MemberPath::Skip;
    }
    // A drive (`C:`) or a stream (`a:b`): no name of a portable archive has a colon.
    if parts.iter().any(|p| *p == ".." || p.contains(':')) {
        return MemberPath::Unsafe;
    }
    if parts.iter().any(|p| LEFTOVERS.iter().any(|l| p.eq_ignore_ascii_case(l)) || p.starts_with("._")) {
        return MemberPath::Skip;
    }
    MemberPath::Path(parts.join("/"))
}

/// A name as a message may show it: control and direction characters removed, cut short.
pub fn shown(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_control() && !matches!(*c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .take(200)
        .collect()
}
