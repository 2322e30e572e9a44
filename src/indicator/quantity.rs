//! Find the numbers with units in clean text: `21.5亿元`, `9.7%`, `0.4个百分点`, `4.5%—5%`,
//! `1270多万人`, `三千亩`, `超万亿元`, `百分之五`, `六个百分点`, `800余家`, `-2.1%` — and leave
//! out what only looks like one: years, dates, rankings (`第3`), `PM2.5`, `5G`, `'3815'战略`,
//! ratios (`1.68∶1`), `1+10+3+N`, URLs (`%2D`), approximations (`二三十个百分点`).
//!
//! This is the *extractor* half of reading a number (Recognizers-Text's split): it finds where a
//! number and its unit are; [`crate::number`] says what a Chinese numeral is worth. [`numbers`]
//! is the first stage alone — every number, with or without a unit — and [`scan`] the figures.
//!
//! Both are single passes over the text: every position is looked at a bounded number of
//! times (a Chinese numeral is at most [`MAX_NUMERAL_CHARS`] characters; a longer run is not a
//! number and is skipped whole), so the work is linear in the length of the text.

use crate::number::{cn_magnitude, is_cn_decimal_digit, is_cn_numeral, parse_cn_number};
use crate::unit::{self, UnitKind, BASE_UNITS, MAGNITUDES};

/// What a quantity measures.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// `9.7%`, `百分之五`
    Percent,
    /// `0.4个百分点`
    Points,
    /// A level with its unit as written (`亿元`, `万人次`, `元`).
    Level(String),
}

impl Measure {
    /// The unit as written: `%`, `个百分点`, `亿元`.
    pub fn unit(&self) -> &str {
        match self {
            Measure::Percent => "%",
            Measure::Points => "个百分点",
            Measure::Level(u) => u,
        }
    }

    /// What kind of amount this is, from the unit table ([`unit::kind`]): `亿元` is money,
    /// `万人次` people, `个` a count.
    ///
    /// ```
    /// use report_lens::indicator::quantity::Measure;
    /// use report_lens::unit::UnitKind;
    /// assert_eq!(Measure::Level("亿元".into()).kind(), UnitKind::Money);
    /// assert_eq!(Measure::Points.kind(), UnitKind::Points);
    /// ```
    pub fn kind(&self) -> UnitKind {
        unit::kind(self.unit())
    }
}

/// A number with its unit, found at `start..end` (byte offsets into the clean text).
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    /// The number as written, before its unit's magnitude (`21.5` of `21.5亿元`); negative when
    /// written with a minus sign (`-2.1%`, `负3%`).
    pub value: f64,
    /// Upper end of a range (`4.5%—5%`).
    pub high: Option<f64>,
    pub measure: Measure,
    /// Written with `多` or `余` (`1270多万人`, `800余家`): more than the value.
    pub more: bool,
}

impl Quantity {
    /// This quantity as a [`crate::Figure`] of the original text: `raw` is its text there and
    /// `start..end` its UTF-16 offsets.
    pub fn figure(&self, raw: &str, start: usize, end: usize) -> crate::model::Figure {
        let unit = self.measure.unit();
        crate::model::Figure {
            value: self.value,
            value_high: self.high,
            unit: unit.to_string(),
            kind: self.measure.kind(),
            value_base: unit::base_value(self.value, unit),
            more: self.more,
            text: raw.to_string(),
            start,
            end,
        }
    }
}

/// A number found by [`numbers`], at `start..end` of the clean text, with the magnitudes that
/// follow it folded in (`4.78万亿` → 4.78e12) and its sign applied (`负三十二` → -32).
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub start: usize,
    pub end: usize,
    pub value: f64,
}

/// The longest Chinese numeral read as a number (`八千三百八十五万二千三百二十六点三三` has 19
/// characters); a longer run of numeral characters is skipped whole.
pub const MAX_NUMERAL_CHARS: usize = 32;

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
    // A run longer than any amount a report writes is a code or a paste error, not a figure:
    // a value stays finite in `f64` with every multiplier (`万亿`) and every sum of charts.
    if j == i || j - i > MAX_DIGITS {
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

/// Whether `p`, the character before a sign, lets the sign be a minus: the start of the text,
/// a space, or punctuation that opens or separates (`，-3%`), never a letter, digit, Chinese
/// character or closing mark (`2021-2025`, `5%-6%`, `3万-5万`, `歼-35`).
fn opens_number(p: Option<char>) -> bool {
    p.is_none_or(|p| matches!(p, '，' | '；' | '：' | '、' | '。' | '！' | '？' | '（' | '(' | '“' | '"' | '‘' | '\'' | '《' | '【' | '[' | '=' | ' ' | '\n' | '\t'))
}

/// The start of a minus sign written right before byte `i`: `-` or `－` (folded to `-`), or
/// `负` where it is not part of a word (`减负1000亿元` is a burden lifted, not a negative).
fn sign_start(text: &str, i: usize) -> Option<usize> {
    let c = char_before(text, i)?;
    let s = i - c.len_utf8();
    let prev = char_before(text, s);
    match c {
        '-' if opens_number(prev) => Some(s),
        // `增长-18.9%`, `增速为-2.1%`: a fall written as a negative growth.
        '-' if crate::cues::CHANGE_VERBS.iter().any(|(v, _)| text[..s].ends_with(v)) || ["为", "是", "达"].iter().any(|v| text[..s].ends_with(v)) => Some(s),
        '负' if opens_number(prev) || prev.is_some_and(|p| matches!(p, '为' | '是' | '至' | '到' | '达' | '或')) => Some(s),
        _ => None,
    }
}

/// Whether the text before `i` ends with a verb of amount (`超`, `突破`, `近`, `逾`, `超过`,
/// `达`): after one, a bare magnitude is a number (`超万亿元`) and a small numeral too.
fn after_verb(text: &str, i: usize) -> bool {
    let before = &text[..i];
    ["超", "突破", "近", "逾", "超过", "达"].iter().any(|v| before.ends_with(v))
}

/// The end of a URL starting at `i` (`http://…`, `https://…`, `www.…`), or `None`. Its
/// `%2D`-style escapes and query numbers are not figures. The clean text has folded `:` and `?`
/// to `：` and `？`; both stay part of the URL.
fn url_end(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    if !(rest.starts_with("http：//") || rest.starts_with("https：//") || rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.")) {
        return None;
    }
    let len: usize = rest.chars().take_while(|&c| c.is_ascii_graphic() || c == '：' || c == '？').map(char::len_utf8).sum();
    Some(i + len)
}

/// A unit after a number at `i`: (`%` | `个百分点` | magnitude? base?), with `多` or `余`
/// allowed in front. Returns the measure, whether `多`/`余` was written, and the end.
fn unit_at(s: &str, i: usize) -> Option<(Measure, bool, usize)> {
    unit_span(s, i).map(|(u, more, end)| (u.measure(), more, end))
}

/// A unit as [`unit_span`] finds it: its parts as written, joined into a [`Measure`] (a new
/// `String`) only for a unit that is kept.
#[derive(Clone, Copy)]
enum UnitSpan<'a> {
    Percent,
    Points,
    /// Magnitude (or `""`), base unit (or `""`), and a `/` unit per some amount.
    Level(&'a str, &'a str, Option<(&'a str, &'a str)>),
}

impl UnitSpan<'_> {
    fn measure(self) -> Measure {
        match self {
            UnitSpan::Percent => Measure::Percent,
            UnitSpan::Points => Measure::Points,
            UnitSpan::Level(m, b, per) => {
                let mut unit = String::with_capacity(m.len() + b.len() + per.map_or(0, |(m2, b2)| 1 + m2.len() + b2.len()));
                unit.push_str(m);
                unit.push_str(b);
                if let Some((m2, b2)) = per {
                    unit.push('/');
                    unit.push_str(m2);
                    unit.push_str(b2);
                }
                Measure::Level(unit)
            }
        }
    }
}

/// [`unit_at`] without making the unit's string.
fn unit_span(s: &str, i: usize) -> Option<(UnitSpan<'static>, bool, usize)> {
    let rest = &s[i..];
    let (more, rest, skip) = match rest.chars().next() {
        Some(c @ ('多' | '余')) => (true, &rest[c.len_utf8()..], c.len_utf8()),
        _ => (false, rest, 0),
    };
    if rest.starts_with('%') {
        return Some((UnitSpan::Percent, more, i + skip + 1));
    }
    if rest.starts_with("个百分点") {
        return Some((UnitSpan::Points, more, i + skip + "个百分点".len()));
    }
    // Most numbers are followed by `年`, `月` or punctuation: reject those at once.
    if rest.chars().next().is_none_or(|c| UNIT_STARTS.binary_search(&c).is_err()) {
        return None;
    }
    // (The parts are the static words of the tables: the unit borrows nothing of `s`.)
    let mut magnitude: &'static str = "";
    let mut r = rest;
    let mut more = more;
    if let Some((m, _)) = MAGNITUDES.iter().find(|(m, _)| r.starts_with(m)) {
        magnitude = m;
        r = &r[m.len()..];
        // `七十五万个百分点`: the magnitude belongs to the number, not to a unit.
        if r.starts_with("个百分点") || r.starts_with('%') {
            return None;
        }
        // `1.3万余个`: `余`/`多` after the magnitude, before the unit.
        if let Some(c @ ('多' | '余')) = r.chars().next() {
            if base_unit_at(&r[c.len_utf8()..]).is_some() {
                more = true;
                r = &r[c.len_utf8()..];
            }
        }
    }
    let mut base: &'static str = "";
    let mut per = None;
    if let Some(b) = base_unit_at(r) {
        base = b;
        r = &r[b.len()..];
        // `0.6人/百亿元`: a rate per some amount.
        if let Some(rest_per) = r.strip_prefix('/') {
            let m: &'static str = MAGNITUDES.iter().map(|(m, _)| *m).chain(["百"]).find(|m| rest_per.starts_with(m)).unwrap_or("");
            if let Some(b2) = base_unit_at(&rest_per[m.len()..]) {
                per = Some((m, b2));
                r = &rest_per[m.len() + b2.len()..];
            }
        }
    } else if magnitude.is_empty() || magnitude == "千" {
        // A bare `千` is too often a word (`千村示范`); a number needs a unit to be a fact.
        return None;
    }
    // `11.4万P`, `5G`: part of a code, not a quantity.
    if r.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    // `万元/人` keeps its slash unit.
    Some((UnitSpan::Level(magnitude, base, per), more, s.len() - r.len()))
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
/// let q = scan("城镇化率提高六个百分点，增长百分之五");
/// assert_eq!((q[0].value, q[0].measure.clone()), (6.0, Measure::Points));
/// assert_eq!((q[1].value, q[1].measure.clone()), (5.0, Measure::Percent));
/// ```
pub fn scan(text: &str) -> Vec<Quantity> {
    walk(text, |i| arabic_quantity(text, i), |i| chinese_quantity(text, i))
}

/// One pass over `text` for [`scan`] and [`numbers`]: `arabic(i)` at a digit, `chinese(i)` at
/// a Chinese numeral, each giving what it found and where to go on; everything else (other
/// characters by their UTF-8 length, URLs whole) is stepped over. Linear in the text.
fn walk<T>(text: &str, mut arabic: impl FnMut(usize) -> (Option<T>, usize), mut chinese: impl FnMut(usize) -> (Option<T>, usize)) -> Vec<T> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            let (q, next) = arabic(i);
            out.extend(q);
            i = next;
            continue;
        }
        if c >= 0x80 {
            // Chinese numerals are all three bytes long (U+3007, U+4E00..U+9FFF): decode those
            // by hand, skip the rest by their length.
            if (0xe3..=0xe9).contains(&c) && i + 2 < b.len() {
                if is_numeral_at(b, i) {
                    let (q, next) = chinese(i);
                    out.extend(q);
                    i = next.max(i + 3);
                    continue;
                }
                // (The run of other three-byte characters after it, in a tight loop.)
                i += 3;
                while i + 2 < b.len() && (0xe3..=0xe9).contains(&b[i]) && !is_numeral_at(b, i) {
                    i += 3;
                }
                continue;
            }
            i += utf8_len(c);
            continue;
        }
        if let Some(end) = url_end(text, i) {
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// Every number in `text`, in order, with or without a unit: the first stage of [`scan`],
/// with its guards (no years inside codes like `PM2.5`, no words like `一切`, `十四五`), and
/// each value resolved as a number on its own — the magnitudes after it folded in (`1000万` →
/// 1e7, `500余万` → 5e6) and its sign applied. A Chinese numeral is a number when it has
/// `百`/`千`/`万`/`亿`, a decimal `点`, a sign, a verb of amount before it, or a magnitude or
/// `个百分点` after it (`十多万`, `六个百分点`); a bare magnitude (`万`) only after a verb.
///
/// ```
/// use report_lens::indicator::quantity::numbers;
/// let v: Vec<f64> = numbers("一千两百三十四万，负六点六，4.78万亿，减负1000亿元，一切").iter().map(|n| n.value).collect();
/// assert_eq!(v, [12_340_000.0, -6.6, 4.78e12, 1e11]);
/// ```
pub fn numbers(text: &str) -> Vec<Number> {
    walk(text, |i| arabic_number(text, i), |i| chinese_number(text, i))
}

/// Whether the three-byte character at `i` is a Chinese numeral.
fn is_numeral_at(b: &[u8], i: usize) -> bool {
    // The numerals' middle bytes are eight of the 64 a continuation byte can be: a character
    // with another is none, without decoding it.
    if NUMERAL_MIDDLES & (1 << (b[i + 1] & 63)) == 0 {
        return false;
    }
    let cp = (u32::from(b[i] & 0x0f) << 12) | (u32::from(b[i + 1] & 0x3f) << 6) | u32::from(b[i + 2] & 0x3f);
    NUMERALS[(cp >> 6) as usize] & (1 << (cp & 63)) != 0
}

/// The characters `is_cn_numeral` accepts.
const NUMERAL_CHARS: [char; 17] = ['〇', '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿'];

/// The characters `is_cn_numeral` accepts, as a bit set over the Basic Multilingual Plane (the
/// scan tests every Chinese character, so one table look-up beats a chain of comparisons).
static NUMERALS: [u64; 1024] = {
    let chars = NUMERAL_CHARS;
    let mut t = [0u64; 1024];
    let mut k = 0;
    while k < chars.len() {
        let cp = chars[k] as u32;
        t[(cp >> 6) as usize] |= 1 << (cp & 63);
        k += 1;
    }
    t
};

/// The middle bytes (their low six bits) of the characters in [`NUMERALS`].
const NUMERAL_MIDDLES: u64 = {
    let chars = NUMERAL_CHARS;
    let mut m = 0u64;
    let mut k = 0;
    while k < chars.len() {
        // The second UTF-8 byte of a three-byte character: bits 6..11 of its code point.
        m |= 1 << ((chars[k] as u32 >> 6) & 63);
        k += 1;
    }
    m
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

/// Whether the Arabic number at `i..after` is part of a code (`PM2.5`, `5G`, `1+10+3+N`,
/// `1.68∶1`, `第3`) rather than a number.
fn in_code(text: &str, i: usize, after: usize) -> bool {
    let before = char_before(text, i);
    let next = char_at(text, after);
    before.is_some_and(|c| c.is_ascii_alphabetic() || c == '.' || c == '+' || c == '/' || c == '∶' || c == '第')
        || next.is_some_and(|c| c.is_ascii_alphabetic() || c == '+' || c == '/' || c == '∶' || c == '.')
}

/// The most digits before the decimal point of a figure (`9.9万亿` is 13 digits in 元): a
/// longer run is no figure, and the report says so ([`has_overlong_number`]).
pub const MAX_DIGITS: usize = 15;

/// Whether `text` holds a digit run longer than [`MAX_DIGITS`].
/// Such a run covers one of every `MAX_DIGITS + 1` bytes, so only those are looked at (and the
/// run around a digit found there): a pass over a sixteenth of the bytes.
pub fn has_overlong_number(text: &str) -> bool {
    const STEP: usize = MAX_DIGITS + 1;
    let b = text.as_bytes();
    let mut k = MAX_DIGITS;
    while k < b.len() {
        if b[k].is_ascii_digit() {
            let left = b[..k].iter().rev().take_while(|c| c.is_ascii_digit()).count();
            let right = b[k..].iter().take_while(|c| c.is_ascii_digit()).count();
            if left + right > MAX_DIGITS {
                return true;
            }
            // The next run starts after this one's end.
            k += right;
        }
        k += STEP;
    }
    false
}

/// Skip the rest of an alphanumeric run so `PM2.5` does not yield `5`.
fn skip_code(text: &str, mut j: usize) -> usize {
    let b = text.as_bytes();
    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'.') {
        j += 1;
    }
    j
}

fn arabic_quantity(text: &str, i: usize) -> (Option<Quantity>, usize) {
    // Not a number (too long): step over the whole run, never into its suffixes.
    let Some((value, after)) = arabic_at(text, i) else { return (None, skip_code(text, i)) };
    if in_code(text, i, after) {
        return (None, skip_code(text, after));
    }
    let (start, value) = match sign_start(text, i) {
        Some(s) => (s, 0.0 - value), // `-0%` is 0, not -0
        None => (i, value),
    };
    // A range: `4.5%—5%`, `4.5-5%`, `6—6.5%`, `5%至6%`.
    let mut high = None;
    let mut end_num = after;
    // (The unit right after the number, looked for once: for the range and, when there is
    // none, for the quantity.)
    let first = unit_span(text, after);
    // `201.06亿元—204.05亿元`: a range of levels writes its unit twice, the same both times.
    let level_unit = match first {
        Some((UnitSpan::Level(..), _, e)) => Some(&text[after..e]),
        _ => None,
    };
    let dash_at = match first {
        Some((UnitSpan::Percent | UnitSpan::Level(..), _, e)) => e,
        _ => after,
    };
    let mut found_high = None;
    if let Some(d) = char_at(text, dash_at).filter(|&d| is_dash(d)) {
        let k = dash_at + d.len_utf8();
        if let Some((v2, after2)) = arabic_at(text, k) {
            let second = unit_span(text, after2);
            let same = match (level_unit, second) {
                (Some(u), Some((_, _, e2))) => text[after2..e2] == *u,
                (None, s) => s.is_some(),
                (Some(_), None) => false,
            };
            if v2 > value && same {
                high = Some(v2);
                end_num = after2;
                found_high = second;
            }
        }
    }
    let found = if end_num == after { first } else { found_high };
    let (measure, more, end) = match found.map(|(u, more, end)| (u.measure(), more, end)) {
        Some(u) => u,
        None if high.is_none() => match shared_unit(text, after) {
            // `分别提高15、22个百分点`: the unit written once, after the last number.
            Some(m) => (m, false, after),
            None => return (None, after),
        },
        None => return (None, after),
    };
    // `2021年`-like years never reach here (年 is not a unit); a year range `2021—2025年` has
    // no unit either.
    (Some(Quantity { start, end, value, high, measure, more }), end)
}

/// `百分之五`, `百分之2.4`, `百分之一百二十点五` at `i`: the value and where its number starts
/// and ends. Not after a numeral: `五百分之2.2` is a fraction.
fn percent_words(text: &str, i: usize) -> Option<(f64, usize, usize)> {
    if !text.get(i..)?.starts_with("百分之") || char_before(text, i).is_some_and(|c| is_cn_numeral(c) || c.is_ascii_digit()) {
        return None;
    }
    let k = i + "百分之".len();
    if let Some((v, e)) = arabic_at(text, k) {
        if char_at(text, e).is_some_and(|c| c.is_ascii_alphanumeric() || c == '.') {
            return None;
        }
        return Some((v, k, e));
    }
    let run = cn_run(text, k);
    if run.chars == 0 || run.chars > MAX_NUMERAL_CHARS {
        return None;
    }
    Some((parse_cn_number(&text[k..run.end])?, k, run.end))
}

/// A run of Chinese numeral characters from `i`, with a decimal part after `点` (`十五点七`;
/// after `点` only digits, so `三点五万` stops before `万`).
struct Run {
    end: usize,
    chars: usize,
    /// Has 百, 千, 万 or 亿 before any `点`.
    has_big: bool,
    has_point: bool,
}

fn cn_run(text: &str, i: usize) -> Run {
    let mut run = Run { end: i, chars: 0, has_big: false, has_point: false };
    while let Some(c) = char_at(text, run.end) {
        if is_cn_numeral(c) && (!run.has_point || is_cn_decimal_digit(c)) {
            if !run.has_point && cn_magnitude(c).is_some_and(|m| m >= 100.0) {
                run.has_big = true;
            }
        } else if c == '点' && run.chars > 0 && !run.has_point && char_at(text, run.end + c.len_utf8()).is_some_and(is_cn_decimal_digit) {
            run.has_point = true;
        } else {
            break;
        }
        run.end += c.len_utf8();
        run.chars += 1;
    }
    run
}

/// Whether a small numeral (no 百/千/万/亿: `十`, `六`, `三十`) ending at `j` is a number all
/// the same, because `个百分点` or `%`, or `多`/`余` and a magnitude, follow: `六个百分点`,
/// `十多万人`. Elsewhere `一`, `两`, `十` are words (`一批`, `两个维护`, `十件实事`).
fn small_numeral_is_number(text: &str, j: usize) -> bool {
    match unit_span(text, j) {
        Some((UnitSpan::Points | UnitSpan::Percent, _, _)) => true,
        // (The unit as written starts with its magnitude, or with its base when it has none.)
        Some((UnitSpan::Level(m, b, _), true, _)) => if m.is_empty() { b } else { m }.starts_with(['万', '亿']),
        _ => false,
    }
}

fn chinese_quantity(text: &str, i: usize) -> (Option<Quantity>, usize) {
    if let Some((value, _, end)) = percent_words(text, i) {
        let (start, value) = match sign_start(text, i) {
            Some(s) => (s, 0.0 - value),
            None => (i, value),
        };
        return (Some(Quantity { start, end, value, high: None, measure: Measure::Percent, more: false }), end);
    }
    let run = cn_run(text, i);
    let j = run.end;
    if run.chars > MAX_NUMERAL_CHARS || char_before(text, i) == Some('第') {
        return (None, j);
    }
    // Part of a longer word (`百县千乡`, `十四五`) unless it follows a verb of amount.
    let verb = after_verb(text, i);
    let sign = sign_start(text, i);
    if !(run.has_big || verb || run.has_point || sign.is_some() || small_numeral_is_number(text, j)) {
        // Neither a large numeral nor a verb of amount: a word, whatever follows.
        return (None, j);
    }
    let (start, sign) = match sign {
        Some(s) => (s, -1.0),
        None => (i, 1.0),
    };
    let word = &text[i..j];
    // Prefer leaving a trailing 万/亿 to the unit (`三千万元` → 3000 万元).
    let trimmed = word.trim_end_matches(['万', '亿']);
    if !trimmed.is_empty() && trimmed.len() < word.len() && !trimmed.chars().all(|c| cn_magnitude(c).is_some()) {
        if let (Some(value), Some((measure, more, end))) = (parse_cn_number(trimmed), unit_at(text, i + trimmed.len())) {
            if value > 0.0 {
                return (Some(Quantity { start, end, value: sign * value, high: None, measure, more }), end);
            }
        }
    }
    // Try the longest numeral prefix whose remainder is a valid unit (`三百千瓦` → 三百 + 千瓦;
    // `万亿元` → 万亿 + 元 as a bare magnitude).
    let mut cut = j;
    while cut > i {
        let num = &text[i..cut];
        // `十` is a number (ten) on its own; `万亿` is one of a magnitude.
        let bare_magnitude = num != "十" && num.chars().all(|c| cn_magnitude(c).is_some());
        if !bare_magnitude || verb {
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
                        return (Some(Quantity { start, end, value: sign * value, high: None, measure, more }), end);
                    }
                }
            }
        }
        let last = word[..cut - i].chars().next_back().map(|c| c.len_utf8()).unwrap_or(1);
        cut -= last;
    }
    (None, j)
}

/// `(多|余)?` and up to two of `万`/`亿` after a number at `j`: their product and the end, or
/// `(1, j)` when no magnitude follows (`四百多` is 400).
fn magnitudes_after(text: &str, j: usize) -> (f64, usize) {
    let mut k = j;
    if let Some(c @ ('多' | '余')) = char_at(text, k) {
        k += c.len_utf8();
    }
    let (mut factor, mut end, mut n) = (1.0, j, 0);
    while let Some(c @ ('万' | '亿')) = char_at(text, k) {
        if n == 2 {
            break;
        }
        factor *= cn_magnitude(c).unwrap_or(1.0);
        k += c.len_utf8();
        end = k;
        n += 1;
    }
    (factor, end)
}

fn arabic_number(text: &str, i: usize) -> (Option<Number>, usize) {
    let Some((value, after)) = arabic_at(text, i) else { return (None, skip_code(text, i)) };
    if in_code(text, i, after) {
        return (None, skip_code(text, after));
    }
    let (factor, end) = magnitudes_after(text, after);
    let (start, sign) = match sign_start(text, i) {
        Some(s) => (s, -1.0),
        None => (i, 1.0),
    };
    (Some(Number { start, end, value: sign * value * factor }), end)
}

fn chinese_number(text: &str, i: usize) -> (Option<Number>, usize) {
    if let Some((value, k, end)) = percent_words(text, i) {
        return (Some(Number { start: k, end, value }), end);
    }
    let run = cn_run(text, i);
    let j = run.end;
    if run.chars > MAX_NUMERAL_CHARS || char_before(text, i) == Some('第') {
        return (None, j);
    }
    let num = &text[i..j];
    let verb = after_verb(text, i);
    let bare_magnitude = num != "十" && num.chars().all(|c| cn_magnitude(c).is_some());
    if bare_magnitude && !verb {
        return (None, j);
    }
    let sign = sign_start(text, i);
    let (factor, end) = magnitudes_after(text, j);
    let followed = end > j || text[j..].starts_with("个百分点") || text[j..].starts_with('%');
    if !(run.has_big || run.has_point || verb || sign.is_some() || followed) {
        return (None, j);
    }
    let Some(value) = parse_cn_number(num) else { return (None, j) };
    let (start, sign) = match sign {
        Some(s) => (s, -1.0),
        None => (i, 1.0),
    };
    (Some(Number { start, end, value: sign * value * factor }), end)
}

#[cfg(test)]
mod table_tests {
    use super::*;

    #[test]
    fn numerals_are_what_is_cn_numeral_accepts() {
        for cp in 0x3000..0xa000u32 {
            let Some(c) = char::from_u32(cp) else { continue };
            let mut b = [0u8; 4];
            c.encode_utf8(&mut b);
            assert_eq!(is_numeral_at(&b, 0), is_cn_numeral(c), "{c}");
        }
    }

    #[test]
    fn overlong_numbers_found_wherever_they_are() {
        let naive = |t: &str| {
            let mut run = 0;
            t.bytes().any(|c| {
                run = if c.is_ascii_digit() { run + 1 } else { 0 };
                run > MAX_DIGITS
            })
        };
        for n in [0, 1, 14, 15, 16, 17, 31, 32, 33] {
            for pad in 0..40 {
                for tail in 0..3 {
                    let t = format!("{}{}{}", "x".repeat(pad), "7".repeat(n), "元1".repeat(tail));
                    assert_eq!(has_overlong_number(&t), naive(&t), "{t}");
                    let t2 = format!("{t}12345678901234{t}");
                    assert_eq!(has_overlong_number(&t2), naive(&t2), "{t2}");
                }
            }
        }
    }

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

    #[test]
    fn long_numeral_runs_are_skipped_in_linear_time() {
        // A million numeral characters: one run, skipped whole, not re-parsed per prefix.
        let text = "百".repeat(1_000_000) + "亿元";
        let t = std::time::Instant::now();
        assert!(scan(&text).is_empty());
        assert!(numbers(&text).is_empty());
        assert!(t.elapsed().as_secs() < 5);
    }

    #[test]
    fn signs_only_where_a_minus_can_stand() {
        let v: Vec<f64> = scan("，-3.2%，减负1000亿元，2021-2025年，3万-5万人，为负0.5%").iter().map(|q| q.value).collect();
        assert_eq!(v, [-3.2, 1000.0, 3.0, 5.0, -0.5]);
    }

    proptest::proptest! {
        /// Any mix of numerals, signs, units and separators: no panic, and every span is a
        /// non-empty run of whole characters, in order, not overlapping; `figures` cuts its text
        /// out of the original by its UTF-16 offsets.
        #[test]
        fn spans_are_sound(text in "[一二两三五十百千万亿零〇点负余多个百分之%\\-0-9.,，、年元人亩第超达httpsw：/a-z％．０-９ \n]{0,48}") {
            let clean = crate::normalize::normalize(&text).text;
            let mut last = 0;
            for q in scan(&clean) {
                proptest::prop_assert!(q.start < q.end && q.start >= last && clean.is_char_boundary(q.start) && clean.is_char_boundary(q.end));
                last = q.end;
            }
            let mut last = 0;
            for n in numbers(&clean) {
                proptest::prop_assert!(n.start < n.end && n.start >= last && clean.is_char_boundary(n.start) && clean.is_char_boundary(n.end));
                last = n.end;
            }
            let utf16: Vec<u16> = text.encode_utf16().collect();
            for f in crate::figures(&text) {
                proptest::prop_assert!(f.start <= f.end && f.end <= utf16.len());
                proptest::prop_assert_eq!(String::from_utf16_lossy(&utf16[f.start..f.end]), f.text);
            }
        }
    }

    #[test]
    fn urls_are_not_figures() {
        assert!(scan("你可以访问一下 https：//www.test.com/search？q=30%25%2020%").is_empty());
    }
}
