//! Which files are one organization's, from where they came (contract v1.3 "Grouping"): each
//! root of a drop (a dropped or given folder, an archive, named without `.zip`) is opened
//! through folders that hold nothing but one folder; then each folder at that level is one
//! organization named by it, and the files beside those folders are loose; a root with no
//! folder at that level is one organization itself, named by its innermost folder. Files
//! given alone are loose (grouped by tenant or domain: loose.rs).

use std::collections::BTreeMap;

/// A group of files: an organization named by its folder, or the loose files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Folder(String),
    Loose,
}

/// For each file path (`/`-separated; a root's files start with the root's name), where its
/// organization is: `(place, index)` pairs in the order of the paths, one per path.
pub fn places(paths: &[&str]) -> Vec<Place> {
    let mut out = vec![Place::Loose; paths.len()];
    // The files of each root, by its name (the first folder).
    let mut roots: BTreeMap<&str, Vec<(usize, Vec<&str>)>> = BTreeMap::new();
    for (i, p) in paths.iter().enumerate() {
        let parts: Vec<&str> = p.split('/').filter(|s| !s.is_empty()).collect();
        if parts.len() >= 2 {
            roots.entry(parts[0]).or_default().push((i, parts[1..].to_vec()));
        }
    }
    for (root, files) in roots {
        let mut name = root;
        let mut depth = 0;
        // Through folders that hold only one folder.
        loop {
            let first = files[0].1.get(depth);
            let all_deeper = files.iter().all(|(_, parts)| parts.len() > depth + 1);
            if all_deeper && first.is_some() && files.iter().all(|(_, parts)| parts.get(depth) == first) {
                name = first.copied().unwrap_or(name);
                depth += 1;
            } else {
                break;
            }
        }
        let folders = files.iter().any(|(_, parts)| parts.len() > depth + 1);
        for (i, parts) in &files {
            out[*i] = match (folders, parts.len() > depth + 1) {
                (true, true) => Place::Folder(parts[depth].to_string()),
                (true, false) => Place::Loose,
                (false, _) => Place::Folder(name.to_string()),
            };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> Place {
        Place::Folder(s.into())
    }

    #[test]
    fn a_drop_of_folders_a_folder_of_folders_an_archive_of_one_folder() {
        let paths = [
            "customers/contoso/admins.csv",
            "customers/contoso/phones.json",
            "customers/fabrikam/admins.csv",
            "customers/readme-loose.csv",
            "litware/export.csv",
            "drop/wrap/northwind/a.csv",
            "drop/wrap/tailspin/a.csv",
            "alone.csv",
        ];
        assert_eq!(
            places(&paths),
            vec![f("contoso"), f("contoso"), f("fabrikam"), Place::Loose, f("litware"), f("northwind"), f("tailspin"), Place::Loose]
        );
    }

    #[test]
    fn a_root_of_files_in_one_folder_is_named_by_that_folder() {
        assert_eq!(places(&["zipname/inner/a.csv", "zipname/inner/b.csv"]), vec![f("inner"), f("inner")]);
        assert_eq!(places(&["contoso/a.csv"]), vec![f("contoso")]);
    }
}
