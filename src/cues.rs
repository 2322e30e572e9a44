//! Cue words: the verbs, qualifiers and phrases around a figure that tell its change, bound,
//! period and kind. They live in `data/cues.txt`, one section per list, and `build.rs` turns
//! each section into a `&[&str]` here — a new wording is a word in that file, not code.

include!(concat!(env!("OUT_DIR"), "/cues.rs"));

/// Verbs of change before a figure, with `true` for a fall: `[change_up]` then `[change_down]`.
pub static CHANGE_VERBS: std::sync::LazyLock<Vec<(&'static str, bool)>> =
    std::sync::LazyLock::new(|| CHANGE_UP.iter().map(|w| (*w, false)).chain(CHANGE_DOWN.iter().map(|w| (*w, true))).collect());

/// A prebuilt `memchr` substring finder for a fixed word, made on first use: `finder!("年均")`.
/// The standard library's search of a short text pays a set-up per call (a two-way searcher)
/// and looks for a character by its last UTF-8 byte, which many characters share.
#[macro_export]
macro_rules! finder {
    ($word:literal) => {{
        static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> = std::sync::LazyLock::new(|| memchr::memmem::Finder::new($word));
        &*FINDER
    }};
}

/// The first characters of a list's words: whether any word of the list can start a text is
/// one look-up of the text's first character, before any comparison of words.
pub struct Firsts(Vec<char>);

impl Firsts {
    pub fn of(list: &[&str]) -> Self {
        let mut v: Vec<char> = list.iter().filter_map(|w| w.chars().next()).collect();
        v.sort_unstable();
        v.dedup();
        Firsts(v)
    }

    /// Whether a word of the list can start a text that starts with `c` (`None`: empty).
    #[inline]
    pub fn may_start(&self, c: Option<char>) -> bool {
        c.is_some_and(|c| self.0.binary_search(&c).is_ok())
    }
}

/// A list of cue words looked up fast: by first character for "starts with", by last for
/// "ends with", and one automaton for "occurs in" — so that a check costs a few comparisons,
/// not one substring search per word (extraction runs them for every clause).
pub struct Words {
    by_first: std::collections::HashMap<char, Vec<&'static str>, crate::fx::FxBuild>,
    by_last: std::collections::HashMap<char, Vec<&'static str>, crate::fx::FxBuild>,
    any: aho_corasick::AhoCorasick,
    /// The words' first characters: a short text with none of them holds no word.
    firsts: crate::normalize::CharSet,
}

impl Words {
    fn new(list: &'static [&'static str]) -> Self {
        let mut by_first: std::collections::HashMap<char, Vec<&'static str>, crate::fx::FxBuild> = Default::default();
        let mut by_last: std::collections::HashMap<char, Vec<&'static str>, crate::fx::FxBuild> = Default::default();
        for w in list {
            if let (Some(f), Some(l)) = (w.chars().next(), w.chars().next_back()) {
                by_first.entry(f).or_default().push(w);
                by_last.entry(l).or_default().push(w);
            }
        }
        // Longest first, as the lists intend when one word starts another.
        for v in by_first.values_mut().chain(by_last.values_mut()) {
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        let any = aho_corasick::AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostLongest).build(list).expect("cue words build");
        let firsts = crate::normalize::CharSet::of(&list.iter().filter_map(|w| w.chars().next()).collect::<String>());
        Words { by_first, by_last, any, firsts }
    }

    /// Whether `s` may hold a word: false when it is short (a look at its characters costs
    /// less than the automaton's set-up) and has none of the words' first characters.
    #[inline]
    fn may_hold(&self, s: &str) -> bool {
        s.len() > 60 || crate::normalize::CharSet::of(s).meets(self.firsts)
    }

    /// The longest word `s` starts with.
    pub fn prefix_of(&self, s: &str) -> Option<&'static str> {
        self.by_first.get(&s.chars().next()?)?.iter().copied().find(|w| s.starts_with(w))
    }

    /// The longest word `s` ends with.
    pub fn suffix_of(&self, s: &str) -> Option<&'static str> {
        self.by_last.get(&s.chars().next_back()?)?.iter().copied().find(|w| s.ends_with(w))
    }

    /// Whether a word occurs in `s`.
    pub fn occurs_in(&self, s: &str) -> bool {
        self.may_hold(s) && self.any.is_match(s)
    }

    /// Where words occur in `s`: (start, end) of each, leftmost-longest, in order.
    pub fn find_in<'s>(&'s self, s: &'s str) -> impl Iterator<Item = (usize, usize)> + 's {
        // (No word is empty: the search of "" finds nothing.)
        self.any.find_iter(if self.may_hold(s) { s } else { "" }).map(|m| (m.start(), m.end()))
    }
}

macro_rules! words {
    ($($name:ident = $list:ident;)*) => {
        $(
            #[doc = concat!("[`Words`] of `", stringify!($list), "`.")]
            pub static $name: std::sync::LazyLock<Words> = std::sync::LazyLock::new(|| Words::new($list));
        )*
    };
}

words! {
    COMPARISON_WORDS = COMPARISONS;
    NAME_LEADING = NAME_LEADING_WORDS;
    NAME_TRAILING = NAME_TRAILING_WORDS;
    OBJECT_STOP_WORDS = OBJECT_STOPS;
    BASELINE_WORDS = BASELINE_STARTS;
    SECTOR_LIST_WORDS = SECTOR_LISTS;
    SHARED_FIGURE = SHARED_FIGURE_WORDS;
    SCOPE_WORDS = SCOPE_PREFIXES;
    ATTENDANCE = ATTENDANCE_WORDS;
    TARGET_LEAD_WORDS = TARGET_LEADS;
    NAME_NOTE_WORDS = NAME_NOTES;
}
