//! One fast, fixed hash for every map of ours (FNV-1a): user names, domains, role names.
//! SipHash's defence against chosen keys buys nothing here (the worst case is a slower
//! audit on the user's own machine, never a wrong one), and one hasher means the module
//! carries one hashing routine and one set of map functions per key type, not two.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;

#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FnvBuild = std::hash::BuildHasherDefault<Fnv>;
pub type Map<K, V> = HashMap<K, V, FnvBuild>;

/// A set as a `Map` to nothing in particular: for user names and role names, the same map
/// type (String to usize) as the audit's indexes, so the module carries its functions once
/// (a `HashSet<String>` is a map of its own type, 1.5 kB of WebAssembly).
#[derive(Debug, Clone, Default)]
pub struct Set<K>(Map<K, usize>);

impl<K: Hash + Eq> Set<K> {
    /// True when `k` was not in the set.
    pub fn insert(&mut self, k: K) -> bool {
        self.0.insert(k, 0).is_none()
    }
    pub fn contains<Q: Hash + Eq + ?Sized>(&self, k: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.0.contains_key(k)
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: Hash + Eq> FromIterator<K> for Set<K> {
    fn from_iter<I: IntoIterator<Item = K>>(items: I) -> Self {
        let mut s = Set(Map::default());
        for k in items {
            s.insert(k);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_set_holds_each_key_once() {
        let mut s: super::Set<String> = ["a", "b", "a"].iter().map(|x| x.to_string()).collect();
        assert_eq!(s.len(), 2);
        assert!(s.contains("a") && !s.contains("c"));
        assert!(s.insert("c".into()) && !s.insert("c".into()));
        assert!(!s.is_empty());
    }
}
