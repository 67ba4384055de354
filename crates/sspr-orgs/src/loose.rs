//! Loose files into organizations: files that name the same tenant, or share a user-name
//! domain, are one organization's (a registration report and its phone methods export);
//! a file that names neither joins the one organization there is, or stands alone.

use std::collections::{BTreeMap, BTreeSet};

use sspr_model::audit::TenantId;

/// What a loose file says of its organization.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clues {
    pub tenants: BTreeSet<TenantId>,
    /// User-name domains, each with how many accounts have it.
    pub domains: BTreeMap<String, usize>,
}

/// Groups of loose files (indices into `clues`), each with its name: the domain most of its
/// accounts have (one outside `onmicrosoft.com` when there is one), else its tenant id, else
/// the file's own name (`names`).
pub fn groups(clues: &[Clues], names: &[&str]) -> Vec<(String, Vec<usize>)> {
    // Union-find over the files: joined by a tenant or a domain they share.
    let mut parent: Vec<usize> = (0..clues.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    for (i, c) in clues.iter().enumerate() {
        let keys = c.tenants.iter().map(|t| format!("t:{t}")).chain(c.domains.keys().map(|d| format!("d:{d}")));
        for k in keys {
            match by_key.get(&k) {
                Some(&j) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a] = b;
                }
                None => {
                    by_key.insert(k, i);
                }
            }
        }
    }
    let mut sets: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut clueless = Vec::new();
    for (i, c) in clues.iter().enumerate() {
        if c.tenants.is_empty() && c.domains.is_empty() {
            clueless.push(i);
        } else {
            let r = root(&mut parent, i);
            sets.entry(r).or_default().push(i);
        }
    }
    let mut out: Vec<(String, Vec<usize>)> = sets
        .into_values()
        .map(|files| {
            let mut domains: BTreeMap<&str, usize> = BTreeMap::new();
            for &i in &files {
                for (d, n) in &clues[i].domains {
                    *domains.entry(d).or_default() += n;
                }
            }
            let best = |own: bool| {
                domains
                    .iter()
                    .filter(|(d, _)| own || !d.ends_with(".onmicrosoft.com"))
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(d, _)| d.to_string())
            };
            let name = best(false)
                .or_else(|| best(true))
                .or_else(|| files.iter().find_map(|&i| clues[i].tenants.iter().next()).map(|t| t.to_string()))
                .unwrap_or_default();
            (name, files)
        })
        .collect();
    // A file that names no organization (method lists keyed by id): with the only one there
    // is, else alone under its own name.
    if out.len() == 1 {
        out[0].1.extend(clueless);
        sspr_model::order::sort(&mut out[0].1);
    } else {
        out.extend(clueless.into_iter().map(|i| (names[i].to_string(), vec![i])));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(tenant: Option<&str>, domains: &[(&str, usize)]) -> Clues {
        Clues {
            tenants: tenant.and_then(TenantId::parse).into_iter().collect(),
            domains: domains.iter().map(|(d, n)| (d.to_string(), *n)).collect(),
        }
    }

    #[test]
    fn by_tenant_then_by_domain() {
        let t = "0b5a2f1e-6c2d-4a11-9a0e-2f3c4d5e6f70";
        let clues = [
            c(Some(t), &[("contoso.com", 3)]),
            c(Some(t), &[("contoso.onmicrosoft.com", 1)]),
            c(None, &[("fabrikam.com", 2), ("fabrikam.onmicrosoft.com", 5)]),
            c(None, &[]),
        ];
        let g = groups(&clues, &["a.csv", "b.json", "c.csv", "methods.json"]);
        assert_eq!(g, vec![("contoso.com".into(), vec![0, 1]), ("fabrikam.com".into(), vec![2]), ("methods.json".into(), vec![3])]);
        let one = groups(&clues[2..], &["c.csv", "methods.json"]);
        assert_eq!(one, vec![("fabrikam.com".into(), vec![0, 1])]);
    }
}
