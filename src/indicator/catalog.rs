//! Canonical indicator names and the ways reports write them.
//!
//! One table, data apart from code: each entry has its canonical name (the standard
//! statistical name, as in `GOLD_FORMAT.md`), the variant a national report uses, its aliases,
//! whether its figures are rates (a `%` that is a level, not a growth), and whether a target for
//! it is a floor or a ceiling.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::LazyLock;

/// Whether a target is met by reaching it (floor) or by staying within it (ceiling).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Floor,
    Ceiling,
}

/// One catalog entry.
#[derive(Debug, PartialEq)]
pub struct Entry {
    pub name: &'static str,
    /// The name a national report uses (`国内生产总值`).
    pub national: Option<&'static str>,
    pub aliases: &'static [&'static str],
    /// Its `%` figures are levels (失业率 5.5%), not growth.
    pub rate: bool,
    pub direction: Direction,
}

// The catalog, generated from `data/catalog.tsv` by `build.rs`. Aliases are written after the
// text normalization `规上` → `规模以上`.
include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// One alias found in a phrase.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub entry: &'static Entry,
    /// Byte range of the alias in the phrase.
    pub start: usize,
    pub end: usize,
}

struct Index {
    ac: AhoCorasick,
    owners: Vec<&'static Entry>,
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut owners = Vec::new();
    for e in CATALOG {
        for a in e.aliases {
            patterns.push(*a);
            owners.push(e);
        }
    }
    // A DFA searches fastest but takes longest to build: natively the build is paid once per
    // process; in the page it would delay the first report, so the page uses the NFA.
    let kind = if cfg!(target_arch = "wasm32") { AhoCorasickKind::ContiguousNFA } else { AhoCorasickKind::DFA };
    let ac = AhoCorasick::builder().match_kind(MatchKind::Standard).kind(Some(kind)).build(&patterns).expect("catalog aliases build");
    Index { ac, owners }
});

/// The alias that ends last in `phrase` (the longest of those ending there).
///
/// ```
/// use report_lens::indicator::catalog::last_alias;
/// let hit = last_alias("全县牲畜存栏").unwrap();
/// assert_eq!(hit.entry.name, "牲畜存栏");
/// assert_eq!(last_alias("实现地区生产总值").unwrap().entry.name, "地区生产总值");
/// ```
pub fn last_alias(phrase: &str) -> Option<Hit> {
    let idx = &*INDEX;
    let mut best: Option<Hit> = None;
    for m in idx.ac.find_overlapping_iter(phrase) {
        let hit = Hit { entry: idx.owners[m.pattern().as_usize()], start: m.start(), end: m.end() };
        best = match best {
            None => Some(hit),
            Some(b) if hit.end > b.end || (hit.end == b.end && hit.start < b.start) => Some(hit),
            keep => keep,
        };
    }
    best
}

/// Every alias found in `phrase`, in order of their end.
pub fn all_aliases(phrase: &str) -> Vec<Hit> {
    let idx = &*INDEX;
    let mut v: Vec<Hit> = idx
        .ac
        .find_overlapping_iter(phrase)
        .map(|m| Hit { entry: idx.owners[m.pattern().as_usize()], start: m.start(), end: m.end() })
        .collect();
    v.sort_by_key(|h| (h.end, std::cmp::Reverse(h.end - h.start)));
    v
}

/// The entry with this canonical (or national) name.
pub fn by_name(name: &str) -> Option<&'static Entry> {
    // Every name and national name, mapped to the first entry (in catalog order) that has it:
    // what a scan of the catalog would find. Extraction asks for every new fact's name.
    static BY_NAME: LazyLock<std::collections::HashMap<&'static str, &'static Entry, crate::fx::FxBuild>> = LazyLock::new(|| {
        let mut m: std::collections::HashMap<&'static str, &'static Entry, crate::fx::FxBuild> = Default::default();
        for e in CATALOG {
            m.entry(e.name).or_insert(e);
            if let Some(n) = e.national {
                m.entry(n).or_insert(e);
            }
        }
        m
    });
    BY_NAME.get(name).copied()
}

#[cfg(test)]
#[test]
fn by_name_finds_what_a_scan_finds() {
    let scan = |name: &str| CATALOG.iter().find(|e| e.name == name || e.national == Some(name));
    for e in CATALOG {
        for n in [Some(e.name), e.national].into_iter().flatten().chain(e.aliases.iter().copied()) {
            assert_eq!(by_name(n).map(|e| e.name), scan(n).map(|e| e.name), "{n}");
        }
    }
    assert!(by_name("产业园区").is_none());
}

/// The entry a name stands for: its canonical or national name, or one of its aliases written
/// out in full (`实际使用外资` → 实际利用外资, `外贸出口` → 外贸出口总额).
///
/// ```
/// use report_lens::indicator::catalog::canonical;
/// assert_eq!(canonical("服务业增加值").unwrap().name, "第三产业增加值");
/// assert!(canonical("产业园区").is_none());
/// ```
pub fn canonical(name: &str) -> Option<&'static Entry> {
    by_name(name).or_else(|| CATALOG.iter().find(|e| e.aliases.contains(&name)))
}
