//! One sort for the whole crate. The standard library's sorts are instantiated for
//! every element type and comparator; with some thirty call sites they made up about
//! 96 KB of the wasm engine. Here the algorithm (a stable merge sort of indices) is
//! compiled once, and each call site adds only its comparator and the swaps that apply
//! the order in place.

use std::cmp::Ordering;

/// The stable order of `n` items under `cmp` (which compares items by index).
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    let mut buf = idx.clone();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // Stable: the left run wins ties.
                if cmp(idx[j], idx[i]) == Ordering::Less {
                    buf[k] = idx[j];
                    j += 1;
                } else {
                    buf[k] = idx[i];
                    i += 1;
                }
                k += 1;
            }
            buf[k..k + (mid - i)].copy_from_slice(&idx[i..mid]);
            k += mid - i;
            buf[k..k + (end - j)].copy_from_slice(&idx[j..end]);
            start = end;
        }
        std::mem::swap(&mut idx, &mut buf);
        width *= 2;
    }
    idx
}

/// Sorts `items` by `cmp`, stably, in O(n log n).
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order = order(items.len(), &mut |a, b| cmp(&items[a], &items[b]));
    // The permutation applied in place, a cycle at a time: position `k` takes the item
    // at `order[k]`, and a position done is marked by pointing at itself. Swaps keep the
    // code per element type small (moving items through a second vector cost 4 KB of
    // wasm over the crate's some thirty call sites).
    for start in 0..order.len() {
        let mut k = start;
        loop {
            let next = order[k];
            order[k] = k;
            if next == start || next == k {
                break;
            }
            items.swap(k, next);
            k = next;
        }
    }
}

/// Sorts `items` by a key, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..300)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v;
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn sorts_strings_and_empty_lists() {
        let mut v = vec!["b".to_string(), "a".into(), "c".into()];
        sort(&mut v);
        assert_eq!(v, ["a", "b", "c"]);
        let mut s = [3, 1, 2];
        sort(&mut s);
        assert_eq!(s, [1, 2, 3]);
        let mut e: Vec<u8> = Vec::new();
        sort(&mut e);
        assert!(e.is_empty());
    }
}
