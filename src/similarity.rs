//! Near-duplicate detection for syndicated copies: word 3-shingles of the search-normalised
//! text, compared by Jaccard similarity. A copy is "nearly the same" at Jaccard >= 0.8. MinHash
//! bands find the candidates by index; the exact Jaccard then decides. Pure.

use std::collections::HashSet;

use crate::normalize::words;

/// Jaccard similarity at or above which an article is flagged as a near duplicate.
pub const NEAR_DUPLICATE: f64 = 0.8;
const HASHES: usize = 64;
pub const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The set of hashed word 3-shingles of a text (harakat, case and punctuation ignored).
pub fn shingles(text: &str) -> HashSet<u64> {
    shingles_of_words(&words(text))
}

/// Shingles of words already split: each window of three words hashed as "w1 w2 w3".
pub fn shingles_of_words(w: &[crate::normalize::Word]) -> HashSet<u64> {
    let hash = |parts: &[crate::normalize::Word]| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                h ^= b' ' as u64;
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            for b in p.norm.bytes() {
                h ^= b as u64;
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        h
    };
    let mut set = HashSet::with_capacity(w.len());
    if w.is_empty() {
        return set;
    }
    if w.len() < 3 {
        set.insert(hash(w));
        return set;
    }
    for win in w.windows(3) {
        set.insert(hash(win));
    }
    set
}

pub fn jaccard(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = a.intersection(b).count();
    inter as f64 / (a.len() + b.len() - inter) as f64
}

/// The 16 band keys of a shingle set's MinHash signature. Two texts at Jaccard 0.8 share at
/// least one band with probability 1 - (1 - 0.8^4)^16 > 0.999.
pub fn band_keys(set: &HashSet<u64>) -> Vec<i64> {
    let mut sig = [u64::MAX; HASHES];
    for &s in set {
        for (i, slot) in sig.iter_mut().enumerate() {
            let h = splitmix(s ^ (i as u64).wrapping_mul(0xA076_1D64_78BD_642F));
            if h < *slot {
                *slot = h;
            }
        }
    }
    (0..BANDS)
        .map(|b| {
            let mut bytes = Vec::with_capacity(ROWS * 8);
            for v in &sig[b * ROWS..(b + 1) * ROWS] {
                bytes.extend_from_slice(&v.to_le_bytes());
            }
            fnv1a(&bytes) as i64
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(n: usize) -> String {
        (0..n).map(|i| format!("word{} ", i % 97 + i / 5)).collect()
    }

    #[test]
    fn an_edited_copy_is_near_and_shares_a_band() {
        let original = body(300);
        let edited = original.replacen("word10", "changed", 1) + " with a new closing line";
        let (a, b) = (shingles(&original), shingles(&edited));
        assert!(jaccard(&a, &b) >= NEAR_DUPLICATE, "{}", jaccard(&a, &b));
        let (ka, kb) = (band_keys(&a), band_keys(&b));
        assert!(ka.iter().zip(&kb).any(|(x, y)| x == y));
    }

    #[test]
    fn different_texts_are_far() {
        let a = shingles("the fighters left the city at night according to activists");
        let b = shingles("officials denied any defection and said the city was calm");
        assert!(jaccard(&a, &b) < 0.2);
    }

    #[test]
    fn harakat_do_not_change_shingles() {
        assert_eq!(
            shingles("انشقّ المقاتلون أمس"),
            shingles("انشق المقاتلون امس")
        );
    }
}
