//! Lists: subjects joined by `、和及与`, `分别` pairing them with figures in order.

use super::quantity::Quantity;
use super::subject::strip_fillers;

/// Whether a `、` at `i` closes the figure `q` (allowing a bound word between them).
pub(super) fn after_figure(text: &str, q: &Quantity, i: usize) -> bool {
    let gap = &text[q.end..i];
    // `47.63万户（套）、`: the unit's alternative in brackets is still the figure.
    let unit_note = |g: &str| g.strip_prefix('（').and_then(|r| r.strip_suffix('）')).is_some_and(|u| crate::unit::COUNT_UNITS.contains(&u) || matches!(u, "户" | "人"));
    gap.is_empty() || ["左右", "以上", "以内", "以下"].contains(&gap) || unit_note(gap)
}

/// `分别` splits a prefix into the subject list and the lead of the first figure.
pub(super) fn split_fenbie(prefix: &str) -> (&str, Option<&str>) {
    match prefix.contains('别').then(|| prefix.find("分别")).flatten() {
        Some(i) => {
            let (whole, lead) = prefix.split_at(i);
            let subj = strip_fillers(whole);
            // `生产安全事故起数、死亡人数分别下降`: a head of the last item the fillers took is kept.
            let kept = crate::cues::NAME_KEEP_HEADS.iter().find(|h| whole[subj.len()..].starts_with(**h)).map_or(subj, |h| &whole[..subj.len() + h.len()]);
            (kept, Some(&lead["分别".len()..]))
        }
        None => {
            let i = prefix.find('均').filter(|&i| prefix[..i].contains(['、', '和']));
            match i {
                Some(i) if !prefix[..i].ends_with('年') => (&prefix[..i], None),
                _ => (prefix, None),
            }
        }
    }
}

/// Split a subject list at `、`, `和`, `及`, `与`.
pub(super) fn split_items(phrase: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in phrase.char_indices() {
        if matches!(c, '、' | '和' | '及' | '与') {
            // `和` inside a word (`和平`) would split wrongly; subjects around it are nouns.
            if i > start {
                out.push(&phrase[start..i]);
            }
            start = i + c.len_utf8();
        }
    }
    if start < phrase.len() {
        out.push(&phrase[start..]);
    }
    out
}
