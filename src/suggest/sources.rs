//! Source phrases matched to the notebook's sources as a reader matches them: after the exact
//! name key and the aliases, names compare folded (quotation marks, guillemets, punctuation, the
//! article and case endings ـون/ـين/ـات left out: `مصادر «جهادية»` is `مصادر جهادية`, `ناشطين`
//! is `ناشطون`), then by their head words (`the Syrian Observatory` is `Syrian Observatory for
//! Human Rights` when no other source has those words; `مدير مركز الدفاع المدني` holds the
//! known name `الدفاع المدني`). Built once per command from every name and alias; each phrase
//! then costs its own length. `sources.name_key` is not touched: this is a layer over it.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::normalize::{fold_name, normalize};

/// How a phrase matched a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The source's name, as `sources.name_key` compares it.
    Exact,
    /// One of the source's aliases, as typed.
    Alias,
    /// The name or an alias once quotation marks, the article and endings are folded.
    Folded,
    /// The phrase's words are all words of one source's name (or alias), or the phrase holds
    /// one source's name of two words or more.
    HeadWords,
}

impl How {
    pub fn as_str(self) -> &'static str {
        match self {
            How::Exact => "exact",
            How::Alias => "alias",
            How::Folded => "folded",
            How::HeadWords => "head words",
        }
    }
}

/// Words that never decide a match by themselves.
const SMALL: &[&str] = &["of", "for", "in", "on", "and", "to", "من", "في", "ل", "و", "عن", "علي"];

/// The notebook's sources, ready to match phrases.
pub struct KnownSources {
    /// name key -> (source, how) for exact names and aliases.
    exact: HashMap<String, (i64, How)>,
    /// folded form -> the sources that have it.
    folded: HashMap<String, Vec<i64>>,
    /// folded word -> the sources whose name or alias has it.
    by_word: HashMap<String, Vec<i64>>,
    /// Folded names of two words or more, found inside a longer phrase in one pass.
    inside: Option<AhoCorasick>,
    inside_ids: Vec<i64>,
}

fn key(name: &str) -> String {
    normalize(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn content(words: &[String]) -> Vec<&str> {
    words.iter().map(String::as_str).filter(|w| !SMALL.contains(w)).collect()
}

fn push_unique(list: &mut Vec<i64>, id: i64) {
    if !list.contains(&id) {
        list.push(id);
    }
}

impl KnownSources {
    /// From every source: its id, its name and its aliases.
    pub fn new(sources: impl IntoIterator<Item = (i64, String, Vec<String>)>) -> Self {
        let mut exact = HashMap::new();
        let mut folded: HashMap<String, Vec<i64>> = HashMap::new();
        let mut by_word: HashMap<String, Vec<i64>> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut inside_ids = Vec::new();
        for (id, name, aliases) in sources {
            exact.insert(key(&name), (id, How::Exact));
            for a in &aliases {
                exact.entry(key(a)).or_insert((id, How::Alias));
            }
            for n in std::iter::once(&name).chain(aliases.iter()) {
                let words = fold_name(n);
                if words.is_empty() {
                    continue;
                }
                push_unique(folded.entry(words.join(" ")).or_default(), id);
                for w in content(&words) {
                    push_unique(by_word.entry(w.to_string()).or_default(), id);
                }
                if content(&words).len() >= 2 {
                    patterns.push(format!(" {} ", words.join(" ")));
                    inside_ids.push(id);
                }
            }
        }
        let inside = (!patterns.is_empty())
            .then(|| AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&patterns).ok())
            .flatten();
        KnownSources { exact, folded, by_word, inside, inside_ids }
    }

    /// The source a phrase names, and how it matched; None when no source, or more than one,
    /// fits.
    pub fn find(&self, phrase: &str) -> Option<(i64, How)> {
        if let Some(hit) = self.exact.get(&key(phrase)) {
            return Some(*hit);
        }
        let words = fold_name(phrase);
        if words.is_empty() {
            return None;
        }
        if let Some(ids) = self.folded.get(&words.join(" ")) {
            return (ids.len() == 1).then(|| (ids[0], How::Folded));
        }
        // Every content word of the phrase in one source's name.
        let wanted = content(&words);
        if !wanted.is_empty() {
            let mut ids: Option<Vec<i64>> = None;
            for w in &wanted {
                let here = self.by_word.get(*w).cloned().unwrap_or_default();
                ids = Some(match ids {
                    None => here,
                    Some(prev) => prev.into_iter().filter(|i| here.contains(i)).collect(),
                });
            }
            if let Some([one]) = ids.as_deref() {
                return Some((*one, How::HeadWords));
            }
        }
        // A known name of two words or more inside the phrase.
        let ac = self.inside.as_ref()?;
        let hay = format!(" {} ", words.join(" "));
        let mut found: Vec<i64> = Vec::new();
        for m in ac.find_iter(&hay) {
            push_unique(&mut found, self.inside_ids[m.pattern().as_usize()]);
        }
        match found.as_slice() {
            [one] => Some((*one, How::HeadWords)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> KnownSources {
        KnownSources::new([
            (1, "Syrian Observatory for Human Rights".to_string(), vec!["SOHR".to_string()]),
            (2, "مصادر جهادية".to_string(), vec![]),
            (3, "ناشطون محليون".to_string(), vec![]),
            (4, "الدفاع المدني".to_string(), vec![]),
            (5, "Syrian Network for Human Rights".to_string(), vec![]),
            (6, "the health ministry".to_string(), vec!["وزارة الصحة".to_string()]),
        ])
    }

    #[test]
    fn a_reader_s_matches() {
        let k = known();
        for (phrase, want) in [
            ("Syrian Observatory for Human Rights", Some((1, How::Exact))),
            ("sohr", Some((1, How::Alias))),
            ("وزارة الصحة", Some((6, How::Alias))),
            ("مصادر «جهادية»", Some((2, How::Folded))),
            ("المصادر الجهادية", Some((2, How::Folded))),
            ("ناشطين محليين", Some((3, How::Folded))),
            ("the Syrian Observatory", Some((1, How::HeadWords))),
            ("the Syrian Observatory for Human Rights", Some((1, How::Folded))),
            ("مدير مركز الدفاع المدني في قصر نخلة", Some((4, How::HeadWords))),
            ("The Health Ministry", Some((6, How::Exact))),
            // Two sources share these words: no guess.
            ("Syrian Human Rights", None),
            ("a resident", None),
        ] {
            assert_eq!(k.find(phrase), want, "{phrase}");
        }
    }
}
