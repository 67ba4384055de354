//! One fast, fixed hash for every map of ours (FNV-1a): user names, domains, role names.
//! SipHash's defence against chosen keys buys nothing here (the worst case is a slower
//! audit on the user's own machine, never a wrong one), and one hasher means the module
//! carries one hashing routine and one set of map functions per key type, not two.

use std::collections::{HashMap, HashSet};

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
pub type Set<K> = HashSet<K, FnvBuild>;
