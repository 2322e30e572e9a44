//! Find the numbers with units in clean text: `21.5亿元`, `9.7%`, `0.4个百分点`, `4.5%—5%`,
//! `1270多万人`, `三千亩`, `超万亿元` — and leave out what only looks like one: years, dates,
//! rankings (`第3`), `PM2.5`, `5G`, `'3815'战略`, ratios (`1.68∶1`), `1+10+3+N`.

use crate::number::{cn_magnitude, is_cn_numeral, parse_cn_number};
use crate::unit::{BASE_UNITS, MAGNITUDES};

/// What a quantity measures.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// `9.7%`
    Percent,
    /// `0.4个百分点`
    Points,
    /// A level with its unit as written (`亿元`, `万人次`, `元`).
    Level(String),
}

/// A number with its unit, found at `start..end` (byte offsets into the clean text).
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// Upper end of a range (`4.5%—5%`).
    pub high: Option<f64>,
    pub measure: Measure,
    /// Written with `多` (`1270多万人`): more than the value.
    pub more: bool,
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|r| r.chars().next_back())
}

/// Parse an Arabic number at `i`: digits with an optional decimal part.
fn arabic_at(s: &str, i: usize) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    if j == i {
        return None;
    }
    if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
        j += 1;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
    }
    s[i..j].parse::<f64>().ok().map(|v| (v, j))
}

/// A unit after a number at `i`: (`%` | `个百分点` | magnitude? base?), with `多` allowed in
/// front. Returns the measure, the scale folded into nothing (units stay as written), the end.
fn unit_at(s: &str, i: usize) -> Option<(Measure, bool, usize)> {
    let rest = &s[i..];
    let (more, rest, skip) = match rest.strip_prefix('多') {
        Some(r) => (true, r, '多'.len_utf8()),
        None => (false, rest, 0),
    };
    if rest.starts_with('%') {
        return Some((Measure::Percent, more, i + skip + 1));
    }
    if rest.starts_with("个百分点") {
        return Some((Measure::Points, more, i + skip + "个百分点".len()));
    }
    // Most numbers are followed by `年`, `月` or punctuation: reject those at once.
    if !rest.chars().next().is_some_and(|c| UNIT_STARTS.binary_search(&c).is_ok()) {
        return None;
    }
    let mut unit = String::new();
    let mut r = rest;
    if let Some((m, _)) = MAGNITUDES.iter().find(|(m, _)| r.starts_with(m)) {
        unit.push_str(m);
        r = &r[m.len()..];
    }
    if let Some(b) = base_unit_at(r) {
        unit.push_str(b);
        r = &r[b.len()..];
        // `0.6人/百亿元`: a rate per some amount.
        if let Some(per) = r.strip_prefix('/') {
            let m = MAGNITUDES.iter().map(|(m, _)| *m).chain(["百"]).find(|m| per.starts_with(m)).unwrap_or("");
            if let Some(b2) = base_unit_at(&per[m.len()..]) {
                unit.push('/');
                unit.push_str(m);
                unit.push_str(b2);
                r = &per[m.len() + b2.len()..];
            }
        }
    } else if unit.is_empty() || unit == "千" {
        // A bare `千` is too often a word (`千村示范`); a number needs a unit to be a fact.
        return None;
    }
    // `11.4万P`, `5G`: part of a code, not a quantity.
    if r.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    // `个` followed by `百分点` was handled; `万元/人` keeps its slash unit.
    Some((Measure::Level(unit), more, s.len() - r.len()))
}

/// The first of `BASE_UNITS` (longest first) that starts `r`, looked up by its first character.
fn base_unit_at(r: &str) -> Option<&'static str> {
    /// Base units with their first character, sorted by it (list order kept within one).
    static BY_FIRST: std::sync::LazyLock<Vec<(char, &'static str)>> = std::sync::LazyLock::new(|| {
        let mut v: Vec<(char, &'static str)> = BASE_UNITS.iter().filter_map(|b| Some((b.chars().next()?, *b))).collect();
        v.sort_by_key(|&(c, _)| c);
        v
    });
    let first = r.chars().next()?;
    let from = BY_FIRST.partition_point(|&(c, _)| c < first);
    BY_FIRST[from..].iter().take_while(|&&(c, _)| c == first).map(|&(_, b)| b).find(|b| r.starts_with(b))
}

/// The characters a magnitude or a base unit can start with, sorted.
static UNIT_STARTS: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
    let mut v: Vec<char> = MAGNITUDES.iter().map(|(m, _)| *m).chain(BASE_UNITS.iter().copied()).filter_map(|u| u.chars().next()).collect();
    v.sort_unstable();
    v.dedup();
    v
});

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '~' | '至' | '－')
}

/// The unit of a list of bare numbers that writes it once at the end: `15、22个百分点`,
/// `4.4、5.6%`.
fn shared_unit(text: &str, mut i: usize) -> Option<Measure> {
    for _ in 0..6 {
        let sep = char_at(text, i)?;
        if sep != '、' && sep != '和' {
            return None;
        }
        let (_, after) = arabic_at(text, i + sep.len_utf8())?;
        if let Some((m, _, _)) = unit_at(text, after) {
            return Some(m);
        }
        i = after;
    }
    None
}

/// All quantities in `text`, in order.
///
/// ```
/// use report_lens::indicator::quantity::{scan, Measure};
/// let q = scan("地区生产总值增长4.5%—5%，人口1270多万人，居全国第3位，PM2.5浓度");
/// assert_eq!(q.len(), 2);
/// assert_eq!((q[0].value, q[0].high, q[0].measure.clone()), (4.5, Some(5.0), Measure::Percent));
/// assert_eq!((q[1].value, q[1].more), (1270.0, true));
/// ```
pub fn scan(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            let (q, next) = arabic_quantity(text, i);
            if let Some(q) = q {
                out.push(q);
            }
            i = next;
            continue;
        }
        if c >= 0x80 {
            // Chinese numerals are all three bytes long (U+3007, U+4E00..U+9FFF): decode those
            // by hand, skip the rest by their length.
            if !(0xe3..=0xe9).contains(&c) || i + 2 >= b.len() {
                i += utf8_len(c);
                continue;
            }
            let cp = (u32::from(c & 0x0f) << 12) | (u32::from(b[i + 1] & 0x3f) << 6) | u32::from(b[i + 2] & 0x3f);
            if NUMERALS[(cp >> 6) as usize] & (1 << (cp & 63)) != 0 {
                let (q, next) = chinese_quantity(text, i);
                if let Some(q) = q {
                    out.push(q);
                }
                i = next.max(i + 3);
                continue;
            }
            i += 3;
            continue;
        }
        i += 1;
    }
    out
}

/// The characters `is_cn_numeral` accepts, as a bit set over the Basic Multilingual Plane (the
/// scan tests every Chinese character, so one table look-up beats a chain of comparisons).
static NUMERALS: [u64; 1024] = {
    let chars = ['〇', '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿'];
    let mut t = [0u64; 1024];
    let mut k = 0;
    while k < chars.len() {
        let cp = chars[k] as u32;
        t[(cp >> 6) as usize] |= 1 << (cp & 63);
        k += 1;
    }
    t
};

/// Length of a UTF-8 sequence from its lead byte.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xf0.. => 4,
        0xe0.. => 3,
        0xc0.. => 2,
        _ => 1,
    }
}

fn arabic_quantity(text: &str, i: usize) -> (Option<Quantity>, usize) {
    let Some((value, after)) = arabic_at(text, i) else { return (None, i + 1) };
    let skip_to = |j: usize| {
        // Skip the rest of an alphanumeric run so `PM2.5` does not yield `5`.
        let mut j = j;
        let b = text.as_bytes();
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'.') {
            j += 1;
        }
        j
    };
    let before = char_before(text, i);
    if before.is_some_and(|c| c.is_ascii_alphabetic() || c == '.' || c == '+' || c == '/' || c == '∶' || c == '第') {
        return (None, skip_to(after));
    }
    let next = char_at(text, after);
    if next.is_some_and(|c| c.is_ascii_alphabetic() || c == '+' || c == '/' || c == '∶' || c == '.') {
        return (None, skip_to(after));
    }
    // A range: `4.5%—5%`, `4.5-5%`, `6—6.5%`, `5%至6%`.
    let mut high = None;
    let mut end_num = after;
    let dash_at = match unit_at(text, after) {
        Some((Measure::Percent, _, e)) => e,
        _ => after,
    };
    if let Some(d) = char_at(text, dash_at).filter(|&d| is_dash(d)) {
        let k = dash_at + d.len_utf8();
        if let Some((v2, after2)) = arabic_at(text, k) {
            if v2 > value && unit_at(text, after2).is_some() {
                high = Some(v2);
                end_num = after2;
            }
        }
    }
    let (measure, more, end) = match unit_at(text, end_num) {
        Some(u) => u,
        None if high.is_none() => match shared_unit(text, after) {
            // `分别提高15、22个百分点`: the unit written once, after the last number.
            Some(m) => (m, false, after),
            None => return (None, after),
        },
        None => return (None, after),
    };
    // `2021年`-like years never reach here (年 is not a unit); a year range `2021—2025年` has
    // no unit either. Drop counts that are really years of a span: `1949年` is not a unit.
    (Some(Quantity { start: i, end, value, high, measure, more }), end)
}

fn chinese_quantity(text: &str, i: usize) -> (Option<Quantity>, usize) {
    let mut j = i;
    let mut has_big = false;
    while let Some(c) = char_at(text, j) {
        if !is_cn_numeral(c) {
            break;
        }
        if cn_magnitude(c).is_some_and(|m| m >= 100.0) {
            has_big = true;
        }
        j += c.len_utf8();
    }
    let before = char_before(text, i);
    // Part of a longer word (`百县千乡`, `十四五`) unless it follows a verb of amount.
    let after_verb = text[..i].ends_with('超') || text[..i].ends_with("突破") || text[..i].ends_with('近') || text[..i].ends_with('逾') || text[..i].ends_with("超过") || text[..i].ends_with('达');
    if !has_big && !after_verb {
        // Neither a large numeral nor a verb of amount: a word, whatever follows.
        return (None, j);
    }
    let word = &text[i..j];
    // Try the longest numeral prefix whose remainder is a valid unit (so `万亿元` → 万亿 + 元
    // is tried as a bare magnitude first).
    // Prefer leaving a trailing 万/亿 to the unit (`三千万元` → 3000 万元).
    let mut cut = j;
    let trimmed = word.trim_end_matches(['万', '亿']);
    if !trimmed.is_empty() && trimmed.len() < word.len() && !trimmed.chars().all(|c| cn_magnitude(c).is_some()) {
        if let (Some(value), Some((measure, more, end))) = (parse_cn_number(trimmed), unit_at(text, i + trimmed.len())) {
            if (has_big || after_verb) && before != Some('第') && value > 0.0 {
                return (Some(Quantity { start: i, end, value, high: None, measure, more }), end);
            }
        }
    }
    while cut > i {
        let num = &text[i..cut];
        let bare_magnitude = num.chars().all(|c| cn_magnitude(c).is_some());
        let ok_start = if bare_magnitude { after_verb } else { has_big || after_verb };
        if ok_start && !before.is_some_and(|c| c == '第') {
            if let Some((measure, more, end)) = unit_at(text, cut) {
                if let Some(value) = parse_cn_number(num) {
                    let (value, measure) = if bare_magnitude {
                        // `超万亿元`: one of the magnitude, in that unit.
                        match (measure, num) {
                            (Measure::Level(u), "千亿") => (1000.0, Measure::Level(format!("亿{u}"))),
                            (Measure::Level(u), "百亿") => (100.0, Measure::Level(format!("亿{u}"))),
                            (Measure::Level(u), "十亿") => (10.0, Measure::Level(format!("亿{u}"))),
                            (Measure::Level(u), _) => (1.0, Measure::Level(format!("{num}{u}"))),
                            (m, _) => (value, m),
                        }
                    } else {
                        (value, measure)
                    };
                    if value > 0.0 {
                        return (Some(Quantity { start: i, end, value, high: None, measure, more }), end);
                    }
                }
            }
        }
        let last = word[..cut - i].chars().next_back().map(|c| c.len_utf8()).unwrap_or(1);
        cut -= last;
    }
    (None, j)
}

#[cfg(test)]
mod table_tests {
    use super::*;

    #[test]
    fn numeral_table_matches_is_cn_numeral() {
        for cp in 0..0x10000u32 {
            if let Some(c) = char::from_u32(cp) {
                let in_table = NUMERALS[(cp >> 6) as usize] & (1 << (cp & 63)) != 0;
                assert_eq!(in_table, is_cn_numeral(c), "{c:?}");
                // The scan decodes only three-byte characters.
                assert!(!in_table || c.len_utf8() == 3);
            }
        }
    }
}
