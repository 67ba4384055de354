//! The accounts read so far, found by a text they hold (user name, object id) with case
//! ignored. The index keeps no copy of the texts: a slot holds a hash and the account's
//! position, and a match is confirmed against the account itself. (Maps keyed by a copy
//! of each name and id took 15 MB of the page's memory for 100,000 accounts, all of it
//! while the file itself was still held.)

use std::collections::HashMap;

use super::values::FnvBuild;

pub(super) struct Index {
    /// `(hash, position + 1)`; `(_, 0)` is an empty slot. Length a power of two.
    slots: Vec<(u32, u32)>,
    len: usize,
    /// Keys that are not what their account holds (a row that finds its account by object
    /// id and names a second user name; a name cut at the kept length), as text.
    aliases: HashMap<String, usize, FnvBuild>,
}

impl Default for Index {
    fn default() -> Self {
        Index { slots: vec![(0, 0); 16], len: 0, aliases: HashMap::default() }
    }
}

/// Lower case, one character at a time (the same for the key and what an account holds).
fn fold(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().map(sspr_text::lower_char)
}

/// FNV-1a over the characters: fixed, fast, and never the only test of a match.
fn hash(chars: impl Iterator<Item = char>) -> u32 {
    let h = chars.fold(0x811c_9dc5_u32, |h, c| (h ^ u32::from(c)).wrapping_mul(0x0100_0193));
    h ^ (h >> 15)
}

impl Index {
    /// Room for `n` keys without growing.
    pub fn reserve(&mut self, n: usize) {
        let want = (n.saturating_mul(4) / 3 + 1).next_power_of_two().max(16);
        if want > self.slots.len() {
            self.rebuild(want);
        }
    }

    fn rebuild(&mut self, size: usize) {
        let old = std::mem::replace(&mut self.slots, vec![(0, 0); size]);
        let mask = size - 1;
        for (h, at) in old.into_iter().filter(|&(_, at)| at != 0) {
            let mut k = h as usize & mask;
            while self.slots[k].1 != 0 {
                k = (k + 1) & mask;
            }
            self.slots[k] = (h, at);
        }
    }

    /// The account holding `key` (lower case), as far as `held` tells what each holds.
    pub fn get<'a>(&self, key: &str, held: impl Fn(usize) -> Option<&'a str>) -> Option<usize> {
        let h = hash(key.chars());
        let mask = self.slots.len() - 1;
        let mut k = h as usize & mask;
        loop {
            match self.slots[k] {
                (_, 0) => break,
                (sh, at) if sh == h && held(at as usize - 1).is_some_and(|s| fold(s).eq(key.chars())) => return Some(at as usize - 1),
                _ => k = (k + 1) & mask,
            }
        }
        self.aliases.get(key).copied()
    }

    /// `key` (lower case) finds account `i` from now on, unless it finds one already.
    pub fn insert<'a>(&mut self, key: String, i: usize, held: impl Fn(usize) -> Option<&'a str>) {
        if self.get(&key, &held).is_some() {
            return;
        }
        let Ok(at) = u32::try_from(i + 1) else { return };
        if !held(i).is_some_and(|s| fold(s).eq(key.chars())) {
            self.aliases.insert(key, i);
            return;
        }
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.rebuild(self.slots.len() * 2);
        }
        let h = hash(key.chars());
        let mask = self.slots.len() - 1;
        let mut k = h as usize & mask;
        while self.slots[k].1 != 0 {
            k = (k + 1) & mask;
        }
        self.slots[k] = (h, at);
        self.len += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_by_what_the_account_holds_and_by_aliases() {
        let held = ["Admin@Contoso.example", "b@contoso.example", "ΣΊΣΥΦΟΣ@example.com"];
        let get = |i: usize| held.get(i).copied();
        let mut index = Index::default();
        for (i, h) in held.iter().enumerate() {
            index.insert(sspr_text::lower(h), i, get);
        }
        assert_eq!(index.get("admin@contoso.example", get), Some(0));
        assert_eq!(index.get("b@contoso.example", get), Some(1));
        // Greek folds too (sspr_text::lower: Σ is σ, final or not), whichever case is typed.
        assert_eq!(index.get(&sspr_text::lower("σίσυφοσ@example.com"), get), Some(2));
        assert_eq!(index.get("c@contoso.example", get), None);
        // A second name for account 1, and the first insert wins.
        index.insert("second@contoso.example".into(), 1, get);
        index.insert("second@contoso.example".into(), 0, get);
        assert_eq!(index.get("second@contoso.example", get), Some(1));
    }

    #[test]
    fn grows_past_its_first_size() {
        let held: Vec<String> = (0..5000).map(|i| format!("user{i}@contoso.example")).collect();
        let get = |i: usize| held.get(i).map(String::as_str);
        let mut index = Index::default();
        for (i, h) in held.iter().enumerate() {
            index.insert(h.clone(), i, get);
        }
        assert!((0..5000).all(|i| index.get(&held[i], get) == Some(i)));
        assert!(index.aliases.is_empty());
    }
}
