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

/// How an entry a folder's listing saw is opened on Unix: without following a link put in
/// its place, nor waiting on a pipe put there (`folder`: it must be a folder). The identity
/// check after refuses what is not the entry listed.
#[cfg(unix)]
fn unfollowed(folder: bool) -> std::fs::OpenOptions {
    use std::os::unix::fs::OpenOptionsExt;
    let mut o = std::fs::OpenOptions::new();
    o.read(true).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | if folder { libc::O_DIRECTORY } else { 0 });
    o
}

/// Opens a file to read: a folder's (`listed`) as `unfollowed` on Unix.
fn open(path: &Path, listed: bool) -> std::io::Result<std::fs::File> {
    #[cfg(unix)]
    if listed {
        return unfollowed(false).open(path);
    }
    #[cfg(not(unix))]
    let _ = listed;
    std::fs::File::open(path)
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

/// An entry of a folder's listing: its name, its kind as the listing gave it, and what the
/// listing saw of it (not following a link; None where that could not be read: a folder
/// that may be listed but not entered, an entry gone meanwhile).
struct Entry {
    name: std::ffi::OsString,
    kind: Option<std::fs::FileType>,
    seen: Option<std::fs::Metadata>,
}

/// Why a folder is not listed: it is not the folder its parent's listing saw (a link or
/// another folder put in its place), or it cannot be read.
enum NotListed {
    #[cfg_attr(not(unix), allow(dead_code))]
    Swapped,
    Unreadable,
}

/// The entries of folder `d`, which its parent's listing saw as `listed` (None: a folder
/// given). A link put in its place after that listing would be followed to a folder
/// outside the drop: the folder is opened without following a link and must be the one
/// listed (on Unix: the same device and inode), and on Linux it is listed through that open
/// folder (`/proc/self/fd`), so that nothing put in its place meanwhile is listed. What is
/// in it is then checked again when opened: a file (`one`) or a folder (here) must be the
/// one listed. Elsewhere (other Unix systems, or Linux without /proc) the folder checked is
/// then listed by its path: a swap in that moment is still followed (closing it needs
/// `fdopendir`), and where the standard library reads an entry's details by its path
/// (macOS) the files' check agrees with what was swapped in.
fn list(d: &Path, listed: Option<&std::fs::Metadata>) -> Result<Vec<Entry>, NotListed> {
    let entries = |dir: &Path| -> Result<Vec<Entry>, NotListed> {
        let read = std::fs::read_dir(dir).map_err(|_| NotListed::Unreadable)?;
        Ok(read.flatten().map(|e| Entry { name: e.file_name(), kind: e.file_type().ok(), seen: e.metadata().ok() }).collect())
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let folder = unfollowed(true).open(d).map_err(|_| match std::fs::symlink_metadata(d) {
            Ok(m) if !m.is_dir() => NotListed::Swapped,
            _ => NotListed::Unreadable,
        })?;
        let opened = folder.metadata().map_err(|_| NotListed::Unreadable)?;
        if listed.is_some_and(|l| !opened.is_dir() || (l.dev(), l.ino()) != (opened.dev(), opened.ino())) {
            return Err(NotListed::Swapped);
        }
        #[cfg(target_os = "linux")]
        {
            use std::os::fd::AsRawFd;
            if let Ok(found) = entries(Path::new(&format!("/proc/self/fd/{}", folder.as_raw_fd()))) {
                return Ok(found);
            }
        }
    }
    #[cfg(not(unix))]
    let _ = listed;
    entries(d)
}

/// A folder's files, in name order, under `shown/` (links and hidden files left out).
fn walk(dir: &Path, shown: &str, files: &mut Vec<DropFile>, problems: &mut Vec<Problem>) {
    let mut stack: Vec<(std::path::PathBuf, String, Option<std::fs::Metadata>)> = vec![(dir.to_path_buf(), shown.to_string(), None)];
    let mut seen = 0;
    'walk: while let Some((d, prefix, listed)) = stack.pop() {
        let mut entries = match list(&d, listed.as_ref()) {
            Ok(entries) => entries,
            Err(why) => {
                let reason = match why {
                    NotListed::Swapped => "archive_unsafe_name",
                    NotListed::Unreadable => "archive_unreadable",
                };
                problems.push(Problem { file: prefix.clone(), member: None, reason });
                continue;
            }
        };
        // Folder by folder, each in name order (its files, then its folders): the files
        // counted against the limit are always the same ones.
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        let mut folders = Vec::new();
        for Entry { name, kind, seen: listed } in entries {
            let path = d.join(&name);
            let name = name.to_string_lossy().into_owned();
            if name.starts_with('.') || name.eq_ignore_ascii_case("Thumbs.db") || name.eq_ignore_ascii_case("desktop.ini") {
                continue;
            }
            let shown = format!("{prefix}/{name}");
            // Its details unread: a file or a folder there is said not to be read.
            let Some(listed) = listed else {
                if kind.is_some_and(|k| k.is_file() || k.is_dir()) {
                    problems.push(Problem { file: shown, member: None, reason: "archive_unreadable" });
                }
                continue;
            };
            let t = listed.file_type();
            if t.is_dir() {
                folders.push((path, shown, Some(listed)));
            } else if t.is_file() {
                seen += 1;
                if seen > MAX_FILES {
                    problems.push(Problem { file: shown, member: None, reason: "too_many_files" });
                    break 'walk;
                }
                one(&path, &shown, Some(&listed), files, problems);
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

    /// A folder swapped for a link (to a folder outside the drop) after its parent was
    /// listed is not listed, nor is another folder moved into its place; the one listed is.
    #[test]
    fn a_folder_swapped_after_its_parent_was_listed_is_not_read() {
        let dir = std::env::temp_dir().join(format!("sspr-drop-folder-swap-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let (sub, outside) = (dir.join("drop").join("sub"), dir.join("outside"));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(sub.join("a.csv"), "userPrincipalName\na@contoso.example\n").unwrap();
        std::fs::write(outside.join("secret.csv"), "not for the report").unwrap();
        let listed = std::fs::symlink_metadata(&sub).unwrap();
        let names =
            |d: &Path| list(d, Some(&listed)).map(|e| e.into_iter().map(|e| e.name.to_string_lossy().into_owned()).collect::<Vec<_>>());
        assert_eq!(names(&sub).ok(), Some(vec!["a.csv".to_string()]), "the folder listed is read");
        std::fs::rename(&sub, dir.join("moved")).unwrap();
        std::os::unix::fs::symlink(&outside, &sub).unwrap();
        assert!(matches!(names(&sub), Err(NotListed::Swapped)), "a link in its place");
        std::fs::remove_file(&sub).unwrap();
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("other.csv"), "userPrincipalName\n").unwrap();
        assert!(matches!(names(&sub), Err(NotListed::Swapped)), "another folder in its place");
        // The whole walk, with the link there before the listing: it is left out, and
        // nothing outside the drop is read.
        std::fs::remove_dir_all(&sub).unwrap();
        std::os::unix::fs::symlink(&outside, &sub).unwrap();
        let (mut files, mut problems) = (Vec::new(), Vec::new());
        walk(&dir.join("drop"), "drop", &mut files, &mut problems);
        assert!(files.is_empty(), "{:?}", files.iter().map(|f| &f.path).collect::<Vec<_>>());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
