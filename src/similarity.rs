//! Near-duplicate detection for syndicated copies: word 3-shingles of the search-normalised
//! text, compared by Jaccard similarity. A copy is "nearly the same" at Jaccard >= 0.8. MinHash
//! bands find the candidates by index; the exact Jaccard then decides. Pure.

use std::collections::HashSet;

/// A set of shingle hashes. The values are already well mixed, so a multiply hasher serves
/// instead of the default SipHash (which was a tenth of an import's time).
pub type Shingles = HashSet<u64, rustc_hash::FxBuildHasher>;

/// Jaccard similarity at or above which an article is flagged as a near duplicate.
pub const NEAR_DUPLICATE: f64 = 0.8;
const HASHES: usize = 32;
pub const BANDS: usize = 8;
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
pub fn shingles(text: &str) -> Shingles {
    analyse(text).1
}

/// The search-index text (stems, space-separated) and the shingles of a text, in one pass of
/// the tokenizer and without an allocation per word: the two costliest steps of an import.
pub fn analyse(text: &str) -> (String, Shingles) {
    let mut index = String::with_capacity(text.len());
    let mut shingler = Shingler::default();
    crate::normalize::for_each_word(text, |norm, _, _| {
        if !index.is_empty() {
            index.push(' ');
        }
        crate::normalize::push_stem(norm, &mut index);
        shingler.push(norm);
    });
    (index, shingler.finish())
}

/// Builds word 3-shingles from a stream of words: each word is hashed once, and a shingle is
/// a mix of its three word hashes.
#[derive(Default)]
struct Shingler {
    set: Shingles,
    last: [u64; 2],
    count: usize,
    fold: u64,
}

impl Shingler {
    fn push(&mut self, norm: &str) {
        let h = fnv1a(norm.as_bytes());
        if self.count >= 2 {
            self.set.insert(splitmix(self.last[0] ^ self.last[1].rotate_left(21) ^ h.rotate_left(42)));
        }
        self.fold = splitmix(self.fold ^ h);
        self.last = [self.last[1], h];
        self.count += 1;
    }

    fn finish(mut self) -> Shingles {
        // A text of one or two words is one shingle.
        if self.count > 0 && self.count < 3 {
            self.set.insert(self.fold);
        }
        self.set
    }
}

pub fn jaccard(a: &Shingles, b: &Shingles) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = a.intersection(b).count();
    inter as f64 / (a.len() + b.len() - inter) as f64
}

/// The 8 band keys of a shingle set's 32-hash MinHash signature. Two texts share at least one
/// band with probability 1 - (1 - J^4)^8: 0.985 at Jaccard 0.8, 0.9998 at 0.9, 0.39 at 0.5
/// (those are then checked exactly) and 0.01 at 0.2. Half the bands of a 64-hash signature
/// halved the cost of an import for a recall that only differs at the 0.8 threshold itself.
pub fn band_keys(set: &Shingles) -> Vec<i64> {
    // The 32 hash functions are multiply-add permutations of one well-mixed hash per shingle:
    // two instructions each instead of a full mix, which made this the costliest step of an
    // import. The multipliers are odd, so each is a permutation of the 64-bit values.
    let (mul, add) = permutations();
    let mut sig = [u64::MAX; HASHES];
    for &s in set {
        let x = splitmix(s);
        for i in 0..HASHES {
            let h = x.wrapping_mul(mul[i]).wrapping_add(add[i]);
            let h = h ^ (h >> 29);
            if h < sig[i] {
                sig[i] = h;
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

/// The fixed multipliers and addends of the 32 permutations, derived from a constant seed.
fn permutations() -> ([u64; HASHES], [u64; HASHES]) {
    let mut mul = [0u64; HASHES];
    let mut add = [0u64; HASHES];
    for i in 0..HASHES {
        mul[i] = splitmix(0x5EED_0000 + i as u64) | 1;
        add[i] = splitmix(0xADD0_0000 + i as u64);
    }
    (mul, add)
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
    fn band_collisions_track_similarity() {
        // Over many pairs, near copies share a band and unrelated texts almost never do.
        let mut near_hits = 0;
        let mut far_hits = 0;
        for k in 0..40 {
            let a: String = (0..300).map(|i| format!("t{k}w{} ", i * 7 % 113)).collect();
            let b = a.replacen(&format!("t{k}w0 "), "changed ", 1) + " tail";
            let c: String = (0..300).map(|i| format!("u{k}w{} ", i * 11 % 127)).collect();
            let (ka, kb, kc) = (band_keys(&shingles(&a)), band_keys(&shingles(&b)), band_keys(&shingles(&c)));
            near_hits += usize::from(ka.iter().zip(&kb).any(|(x, y)| x == y));
            far_hits += usize::from(ka.iter().zip(&kc).any(|(x, y)| x == y));
        }
        assert!(near_hits >= 38, "{near_hits}");
        assert_eq!(far_hits, 0);
    }

    #[test]
    fn different_texts_are_far() {
        let a = shingles("the fighters left the city at night according to activists");
        let b = shingles("officials denied any defection and said the city was calm");
        assert!(jaccard(&a, &b) < 0.2);
    }

    #[test]
    fn harakat_do_not_change_shingles() {
        assert_eq!(shingles("انشقّ المقاتلون أمس"), shingles("انشق المقاتلون امس"));
    }
}
