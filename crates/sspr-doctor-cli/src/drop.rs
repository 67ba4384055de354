//! The command line's drop: each PATH a folder (walked, its files under the folder's name),
//! a `.zip` archive (its members under the archive's name without `.zip`) or a file (alone).
//! Links are not followed; a file too large or unreadable is a problem, not the end.

use std::io::Read;
use std::path::Path;

use sspr_doctor_core::orgs::{self, DropFile, Problem};

/// Files read at most from one folder given (deeper trees are not a drop of exports).
const MAX_FILES: usize = sspr_doctor_core::audit::MAX_FOLDER_FILES;

pub fn read(paths: &[String]) -> Result<(Vec<DropFile>, Vec<Problem>), String> {
    if paths.is_empty() {
        return Err("audit-orgs needs a folder, a .zip archive or a file (try --help)".into());
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        let path = Path::new(p);
        let meta = std::fs::symlink_metadata(path).map_err(|e| format!("cannot read {p}: {e}"))?;
        // `.`, `..` and `dir/..` have no name of their own: the folder they are is named.
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|n| n != "." && n != "..")
            .or_else(|| std::fs::canonicalize(path).ok()?.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "drop".to_string());
        if meta.is_dir() {
            walk(path, &name, &mut files, &mut problems);
        } else {
            one(path, &name, None, &mut files, &mut problems);
        }
    }
    Ok((files, problems))
}

/// Whether the file opened is the one a folder's listing saw (on Unix: the same device and
/// inode). A link or another file put in its place after the listing would be read from
/// outside the folder: it is not.
#[cfg(unix)]
fn same_file(listed: &std::fs::Metadata, opened: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // A file: an inode freed by the swap can be the pipe's or the device's put in its place.
    opened.is_file() && (listed.dev(), listed.ino()) == (opened.dev(), opened.ino())
}

/// Elsewhere no file identity is at hand: what is opened must at least be a file.
#[cfg(not(unix))]
fn same_file(_listed: &std::fs::Metadata, opened: &std::fs::Metadata) -> bool {
    opened.is_file()
}

/// Opens a file to read; a folder's (`listed`) without following a link in its place and,
/// on Unix, without waiting on a pipe in its place (the identity check refuses both after).
fn open(path: &Path, listed: bool) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    if listed {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    #[cfg(not(unix))]
    let _ = listed;
    o.open(path)
}

/// A file given or found (`listed`: what its folder's listing saw of it, not following
/// links): an archive is opened, anything else is one drop file.
fn one(path: &Path, shown: &str, listed: Option<&std::fs::Metadata>, files: &mut Vec<DropFile>, problems: &mut Vec<Problem>) {
    let limit = sspr_doctor_core::audit::MAX_ARCHIVE_BYTES.max(sspr_doctor_core::audit::MAX_INPUT_BYTES) as u64;
    let mut bytes = Vec::new();
    let file = match open(path, listed.is_some()) {
        Ok(f) => f,
        Err(_) => {
            // A link put in place of a listed file is not opened (nor followed).
            let link = listed.is_some() && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            problems.push(Problem {
                file: shown.to_string(),
                member: None,
                reason: if link { "archive_unsafe_name" } else { "archive_unreadable" },
            });
            return;
        }
    };
    if listed.is_some_and(|l| !file.metadata().is_ok_and(|m| same_file(l, &m))) {
        problems.push(Problem { file: shown.to_string(), member: None, reason: "archive_unsafe_name" });
        return;
    }
    if file.take(limit + 1).read_to_end(&mut bytes).is_err() {
        problems.push(Problem { file: shown.to_string(), member: None, reason: "archive_unreadable" });
        return;
    }
    if shown.to_ascii_lowercase().ends_with(".zip") || orgs::is_archive(&bytes) {
        // Its members go under the archive's name, its folders kept.
        let (mut members, mut refused) = orgs::expand_archive(shown, &bytes);
        files.append(&mut members);
        problems.append(&mut refused);
    } else if bytes.len() as u64 > sspr_doctor_core::audit::MAX_INPUT_BYTES as u64 {
        problems.push(Problem { file: shown.to_string(), member: None, reason: "tooLarge" });
    } else {
        files.push(DropFile::new(shown.to_string(), bytes));
    }
}

/// A folder's files, in name order, under `shown/` (links and hidden files left out).
fn walk(dir: &Path, shown: &str, files: &mut Vec<DropFile>, problems: &mut Vec<Problem>) {
    let mut stack = vec![(dir.to_path_buf(), shown.to_string())];
    let mut seen = 0;
    'walk: while let Some((d, prefix)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            problems.push(Problem { file: prefix.clone(), member: None, reason: "archive_unreadable" });
            continue;
        };
        // Folder by folder, each in name order (its files, then its folders): the files
        // counted against the limit are always the same ones.
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        let mut folders = Vec::new();
        for e in entries {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name.eq_ignore_ascii_case("Thumbs.db") || name.eq_ignore_ascii_case("desktop.ini") {
                continue;
            }
            let Ok(t) = e.file_type() else { continue };
            let shown = format!("{prefix}/{name}");
            if t.is_dir() {
                folders.push((e.path(), shown));
            } else if t.is_file() {
                seen += 1;
                if seen > MAX_FILES {
                    problems.push(Problem { file: shown, member: None, reason: "too_many_files" });
                    break 'walk;
                }
                // What the listing saw (not following links), to check the file opened is it.
                let Ok(listed) = e.metadata() else {
                    problems.push(Problem { file: shown, member: None, reason: "archive_unreadable" });
                    continue;
                };
                one(&e.path(), &shown, Some(&listed), files, problems);
            }
        }
        stack.extend(folders.into_iter().rev());
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_file_swapped_for_a_link_after_the_listing_is_not_read() {
        let dir = std::env::temp_dir().join(format!("sspr-drop-swap-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("drop")).unwrap();
        let (inside, outside) = (dir.join("drop").join("a.csv"), dir.join("secret.csv"));
        std::fs::write(&inside, "userPrincipalName\na@contoso.example\n").unwrap();
        std::fs::write(&outside, "not for the report").unwrap();
        let listed = std::fs::symlink_metadata(&inside).unwrap();
        let (mut files, mut problems) = (Vec::new(), Vec::new());
        one(&inside, "drop/a.csv", Some(&listed), &mut files, &mut problems);
        assert_eq!((files.len(), problems.len()), (1, 0), "the file listed is read");
        // Swapped after the listing: a link to a file outside the folder.
        std::fs::remove_file(&inside).unwrap();
        std::os::unix::fs::symlink(&outside, &inside).unwrap();
        let (mut files, mut problems) = (Vec::new(), Vec::new());
        one(&inside, "drop/a.csv", Some(&listed), &mut files, &mut problems);
        assert!(files.is_empty());
        assert_eq!(problems.iter().map(|p| p.reason).collect::<Vec<_>>(), ["archive_unsafe_name"]);
        // A pipe in its place: refused at once, never waited on.
        std::fs::remove_file(&inside).unwrap();
        assert!(std::process::Command::new("mkfifo").arg(&inside).status().unwrap().success());
        let (mut files, mut problems) = (Vec::new(), Vec::new());
        one(&inside, "drop/a.csv", Some(&listed), &mut files, &mut problems);
        assert!(files.is_empty());
        assert_eq!(problems.iter().map(|p| p.reason).collect::<Vec<_>>(), ["archive_unsafe_name"]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
