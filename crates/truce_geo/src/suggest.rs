//! "Did you mean": nearby name keys by edit distance and prefix.

use std::cmp::Reverse;

use truce_text::fold_key;

use crate::Gazetteer;
use crate::place::PlaceId;

impl Gazetteer {
    /// Up to `n` places whose names are close to `query`: an exact key
    /// first, then keys within a Damerau-Levenshtein distance of
    /// `max(1, len / 4)` (at most 3) characters, then keys that start with a
    /// query of 3 or more characters; ties go to larger populations.
    pub fn suggest(&self, query: &str, n: usize) -> Vec<PlaceId> {
        let q: Vec<char> = fold_key(query).chars().collect();
        if q.is_empty() || n == 0 {
            return Vec::new();
        }
        let limit = (q.len() / 4).clamp(1, 3);
        let qs: String = q.iter().collect();
        let mut hits: Vec<(usize, Reverse<u64>, PlaceId)> = Vec::new();
        for (key, ids) in self.keys() {
            let k: Vec<char> = key.chars().collect();
            let cost = if k.len().abs_diff(q.len()) <= limit {
                bounded_distance(&q, &k, limit).map(|d| d * 2)
            } else {
                None
            };
            let cost =
                cost.or_else(|| (q.len() >= 3 && key.starts_with(&qs)).then_some(2 * limit + 1));
            if let Some(cost) = cost {
                for &id in ids {
                    hits.push((cost, Reverse(self.get(id).population), id));
                }
            }
        }
        hits.sort();
        let mut out: Vec<PlaceId> = Vec::new();
        for (_, _, id) in hits {
            if !out.contains(&id) {
                out.push(id);
                if out.len() == n {
                    break;
                }
            }
        }
        out
    }
}

/// Optimal-string-alignment distance, or `None` if it exceeds `limit`.
fn bounded_distance(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    let mut prev2: Vec<usize> = vec![0; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur: Vec<usize> = vec![0; m + 1];
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let sub = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + sub);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[m]).filter(|&d| d <= limit)
}

#[cfg(test)]
mod tests {
    use super::bounded_distance;

    fn d(a: &str, b: &str) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        bounded_distance(&a, &b, 3)
    }

    #[test]
    fn distances() {
        assert_eq!(d("damscus", "damascus"), Some(1));
        assert_eq!(d("daamscus", "damascus"), Some(1));
        assert_eq!(d("homs", "homs"), Some(0));
        assert_eq!(d("aleppo", "tripoli"), None);
    }
}
