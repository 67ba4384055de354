//! One sort for the whole engine. The standard library's sorts are fast and large: each type
//! sorted, each `BTreeMap` or `BTreeSet` collected from an iterator (which sorts first), made
//! its own 2–4 KB copy of them, some 70 KB of the page's module in all (docs/figures.md).
//! Here one merge sort, not generic, orders positions through a comparison it calls by
//! reference; only the few lines that move the elements into that order are made per type.
//! The engine's sorts are of a few dozen findings or at most a drop's 100,000 rows, where
//! this is fast enough (the audit's sort of 100,000 rows: docs/figures.md).

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `v` by `cmp`, stably (equal elements keep their order).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    merge_sort(&mut order, &mut |a, b| cmp(&v[a as usize], &v[b as usize]) == Ordering::Greater);
    permute(v, &mut order);
}

/// Sorts `v` by a key, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its own order, stably.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// A set of `items`, built one by one (a collected set sorts its items first: see above).
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut s = BTreeSet::new();
    for x in items {
        s.insert(x);
    }
    s
}

/// A map of `items`, built one by one; a later value of a key replaces an earlier one, as
/// when collected.
pub fn map<K: Ord, V>(items: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut m = BTreeMap::new();
    for (k, v) in items {
        m.insert(k, v);
    }
    m
}

/// Positions sorted so that `after(a, b)` (a belongs after b) never holds of neighbours:
/// runs of 16 by insertion, then merged bottom up, each merge taking from the left run
/// unless the right one's element belongs before it (so equal elements keep their order).
fn merge_sort(order: &mut [u32], after: &mut dyn FnMut(u32, u32) -> bool) {
    const RUN: usize = 16;
    let n = order.len();
    for run in order.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && after(run[j - 1], run[j]) {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    // Merged back and forth between two buffers, then copied back once.
    let mut src = order.to_vec();
    let mut dst = vec![0u32; n];
    let mut width = RUN;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if after(src[i], src[j]) {
                    dst[k] = src[j];
                    j += 1;
                } else {
                    dst[k] = src[i];
                    i += 1;
                }
                k += 1;
            }
            dst[k..k + (mid - i)].copy_from_slice(&src[i..mid]);
            k += mid - i;
            dst[k..k + (end - j)].copy_from_slice(&src[j..end]);
            start = end;
        }
        std::mem::swap(&mut src, &mut dst);
        width *= 2;
    }
    order.copy_from_slice(&src);
}

/// Moves `v` into `order` (`v[k]` becomes the element at `order[k]`), cycle by cycle with
/// swaps; `order` is used up.
fn permute<T>(v: &mut [T], order: &mut [u32]) {
    const DONE: u32 = u32::MAX;
    for start in 0..order.len() {
        let mut cur = start;
        while order[cur] != DONE {
            let next = order[cur] as usize;
            order[cur] = DONE;
            if next == start {
                break;
            }
            v.swap(cur, next);
            cur = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the tests need no crate.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    #[test]
    fn sorts_as_the_standard_library_does_stably_at_every_length() {
        for n in [0, 1, 2, 3, 15, 16, 17, 31, 32, 33, 100, 257, 1000, 4097] {
            for range in [2, 10, 1_000_000] {
                let keys = numbers(n as u64 + range, n, range);
                // Pairs of (key, position): stability shows in the positions.
                let mut ours: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
                let mut std = ours.clone();
                sort_by_key(&mut ours, |p| p.0);
                std.sort_by_key(|p| p.0);
                assert_eq!(ours, std, "n={n} range={range}");
            }
        }
    }

    #[test]
    fn sorted_and_reversed_inputs_and_a_comparison_that_reverses() {
        let mut v: Vec<u32> = (0..1000).collect();
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, (0..1000).rev().collect::<Vec<_>>());
        sort(&mut v);
        assert_eq!(v, (0..1000).collect::<Vec<_>>());
    }

    #[test]
    fn sets_and_maps_are_those_collected() {
        let items = [(3, "c"), (1, "a"), (3, "d"), (2, "b")];
        assert_eq!(map(items), items.into_iter().collect::<BTreeMap<_, _>>());
        assert_eq!(set([5, 1, 5, 3]), [5, 1, 5, 3].into_iter().collect::<BTreeSet<_>>());
    }
}
