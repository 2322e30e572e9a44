//! Qualifiers of a figure: the verb of change before it (`增长`, `下降`, `提高到`), its bound
//! (`超过`, `左右`, `以内`), `年均`, and thresholds passed (`迈上4万亿、5万亿两个台阶`).

use super::words::*;
use crate::model::Bound;

pub(super) fn strip_bound_suffix_prefix(lead: &str) -> &str {
    let mut l = lead.trim_start_matches(['、', '，']);
    for w in ["左右", "以上"] {
        while let Some(r) = l.strip_prefix(w) {
            l = r;
        }
    }
    l
}

/// The words `change_verb` strips off a lead's end, in order.
fn lead_tail_words() -> impl Iterator<Item = &'static &'static str> {
    AT_LEAST_BEFORE.iter().chain(AT_MOST_BEFORE).chain(ABOUT_BEFORE).chain(["了", "达到", "达", "为", "的预期目标为", "预期目标为", "的目标为", "目标为", "目标设为", "目标定为", "的"].iter())
}

/// The last characters of [`lead_tail_words`], sorted: a lead that ends in none of them has
/// none of the words to strip.
static TAIL_LASTS: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
    let mut v: Vec<char> = lead_tail_words().filter_map(|w| w.chars().next_back()).collect();
    v.sort_unstable();
    v.dedup();
    v
});

/// `CHANGE_VERBS` by their last character, in list order within one: the first verb a text
/// ends with is the first of its last character's that it ends with.
static VERBS_BY_LAST: std::sync::LazyLock<std::collections::HashMap<char, Vec<(&'static str, bool)>, crate::fx::FxBuild>> = std::sync::LazyLock::new(|| {
    let mut m: std::collections::HashMap<char, Vec<(&'static str, bool)>, crate::fx::FxBuild> = Default::default();
    for &(v, neg) in CHANGE_VERBS.iter() {
        if let Some(c) = v.chars().next_back() {
            m.entry(c).or_default().push((v, neg));
        }
    }
    m
});

/// The first of `CHANGE_VERBS` that `s` ends with.
fn verb_at_end(s: &str) -> Option<(&'static str, bool)> {
    VERBS_BY_LAST.get(&s.chars().next_back()?)?.iter().copied().find(|(v, _)| s.ends_with(v))
}

/// The verb of change a lead ends with: (falls, reaches-a-level).
pub(super) fn change_verb(lead: &str) -> Option<(bool, bool)> {
    let mut l = lead;
    // Bound words between the verb and the figure: `增长超过`, `下降近`.
    loop {
        // (A pass changes nothing when no word can end the lead.)
        if !l.chars().next_back().is_some_and(|c| TAIL_LASTS.binary_search(&c).is_ok()) {
            break;
        }
        let before = l.len();
        for w in lead_tail_words() {
            if let Some(r) = l.strip_suffix(w) {
                l = r;
            }
        }
        if l.len() == before {
            break;
        }
    }
    for m in TO_MARKERS {
        if let Some(r) = l.strip_suffix(m) {
            if verb_at_end(r).is_some() {
                return Some((false, true));
            }
        }
    }
    verb_at_end(l).map(|(_, neg)| (neg, false))
}

#[cfg(test)]
#[test]
fn change_verbs_found_as_a_scan_of_the_list_finds_them() {
    let scan = |l: &str| CHANGE_VERBS.iter().find(|(v, _)| l.ends_with(v)).map(|&(v, neg)| (v, neg));
    for &(v, _) in CHANGE_VERBS.iter() {
        for l in [v.to_string(), format!("同比{v}"), format!("{v}了"), format!("x{v}")] {
            assert_eq!(verb_at_end(&l), scan(&l), "{l}");
        }
    }
    assert_eq!(change_verb("同比增长"), Some((false, false)));
    assert_eq!(change_verb("下降了"), Some((true, false)));
    assert_eq!(change_verb("提高到"), Some((false, true)));
    assert_eq!(change_verb(""), None);
}

/// The bound word a lead ends with; the longest wins (`不少于` over `少于`).
pub(super) fn prefix_bound(lead: &str) -> Option<Bound> {
    [(AT_MOST_BEFORE, Bound::AtMost), (AT_LEAST_BEFORE, Bound::AtLeast), (ABOUT_BEFORE, Bound::About)]
        .iter()
        .flat_map(|(words, b)| words.iter().filter(|w| lead.ends_with(**w)).map(move |w| (w.len(), *b)))
        .max_by_key(|&(n, _)| n)
        .map(|(_, b)| b)
}

/// `年均增长`, `年均新增`: an annual average — but not `年均浓度`, a yearly mean level.
pub(super) fn says_annual_avg(s: &str) -> bool {
    s.contains('均') && s.match_indices("年均").any(|(i, w)| !s[i + w.len()..].starts_with("浓度"))
}

/// `、达到109亿元` after a milestone (`突破百亿元大关`): the level itself comes next — a word of
/// `[milestone_then_level]` in the next few characters, then a figure.
pub(super) fn level_follows(rest: &str) -> bool {
    let rest = &rest[..crate::meta::floor_char(rest, 15)];
    let head: String = rest.trim_start_matches(['、', '，', ',']).chars().take(3).collect();
    let verb = crate::cues::MILESTONE_THEN_LEVEL.iter().any(|w| head.contains(w));
    verb && rest.bytes().any(|b| b.is_ascii_digit())
}

/// `、5万亿两个台阶`, `三个大关`: a figure that is one of several thresholds crossed.
pub(super) fn counted_threshold(rest: &str) -> bool {
    // The thresholds are a few short figures (`、5万亿两个台阶`): look no further than that, so
    // a sentence of figures costs a bounded look per figure, not the rest of the sentence.
    let rest = &rest[..crate::meta::floor_char(rest, 48)];
    let tail = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '、' || matches!(c, '万' | '亿' | '千' | '百' | '元'));
    let tail = tail.trim_start_matches(|c: char| crate::number::cn_digit(c).is_some() || c == '十');
    tail.starts_with("个台阶") || tail.starts_with("个大关") || tail.starts_with("大台阶")
}

/// `左右`, `以上`, `以内`, `以下` right after a figure, and where the figure then ends.
pub(super) fn suffix_bound(text: &str, i: usize) -> Option<(Bound, usize)> {
    let rest = &text[i..];
    for (w, b) in [("左右", Bound::About), ("以上", Bound::AtLeast), ("以内", Bound::AtMost), ("以下", Bound::AtMost)] {
        if rest.starts_with(w) {
            return Some((b, i + w.len()));
        }
    }
    None
}

/// A lead without the year it names at its end: `提升到2025年的` → `提升到`, `2030年达到` stays.
pub(super) fn strip_year_of(lead: &str) -> &str {
    let l = lead.strip_suffix("年的").or_else(|| lead.strip_suffix("年底的")).or_else(|| lead.strip_suffix("年末的"));
    match l {
        Some(rest) if rest.len() >= 4 && rest.as_bytes()[rest.len() - 4..].iter().all(u8::is_ascii_digit) => &rest[..rest.len() - 4],
        _ => lead,
    }
}
