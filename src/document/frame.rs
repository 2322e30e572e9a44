//! Which year a figure belongs to and whether it is a result or a goal.
//!
//! Reports announce it at the start of a paragraph or in a heading: `一、2021年工作回顾`,
//! `过去一年，`, `五年来，`, `“十四五”时期`, `今年主要预期目标是：`, `“十五五”时期…`. A cue at
//! the start of a paragraph (or in a heading) holds until the next such cue; a cue at the start
//! of a later sentence holds for that sentence only.

use crate::model::Kind;
use crate::number::parse_cn_integer;

/// Kind and period in force for a stretch of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub kind: Kind,
    /// First and last year (equal for a single year).
    pub from: i32,
    pub to: i32,
}

impl Frame {
    pub fn single(kind: Kind, year: i32) -> Self {
        Frame { kind, from: year, to: year }
    }

    pub fn is_multi_year(&self) -> bool {
        self.from != self.to
    }

    /// `"2021"` or `"2016-2020"`.
    pub fn period(&self) -> String {
        if self.from == self.to {
            self.from.to_string()
        } else {
            format!("{}-{}", self.from, self.to)
        }
    }
}

/// Years of the n-th five-year plan (`十四五` → 2021–2025). The third plan started in 1966 after
/// the 1963–65 adjustment; every plan since lasts five years.
pub fn five_year_plan(n: i64) -> Option<(i32, i32)> {
    if !(3..=30).contains(&n) {
        return None;
    }
    let start = 1966 + 5 * (n as i32 - 3);
    Some((start, start + 4))
}

/// A five-year plan written as a run of numerals ending in 五 (`十四五`, `十五五`), found at
/// byte `i` of `s`: its span and the byte after the run.
fn plan_run(s: &str, i: usize) -> Option<((i32, i32), usize)> {
    // (A plan's run starts with `十` or `二`: anything else is no plan, without collecting.)
    if !s[i..].starts_with(['十', '二']) {
        return None;
    }
    let run: String = s[i..].chars().take_while(|&c| crate::normalize::is_cn_digit(c)).collect();
    let n = run.chars().count();
    if !(3..=4).contains(&n) || !run.ends_with('五') || !run.starts_with(['十', '二']) {
        return None;
    }
    let num = &run[..run.len() - '五'.len_utf8()];
    Some((five_year_plan(parse_cn_integer(num)?)?, i + run.len()))
}

/// A five-year plan named at the start of `s`: `“十四五”时期`, `十三五期间`.
fn plan_at_start(s: &str) -> Option<(i32, i32)> {
    let s = s.trim_start_matches(['“', '"', '‘', '「']);
    let (span, end) = plan_run(s, 0)?;
    let rest = s[end..].trim_start_matches(['”', '"', '’', '」']);
    crate::cues::PLAN_PERIOD_WORDS.iter().any(|w| rest.starts_with(w)).then_some(span)
}

/// `“十四五”以来` at the start of `s`: the plan's first year (the years since, up to the review).
pub fn plan_since(s: &str) -> Option<i32> {
    let s = s.trim_start_matches(['，', '、', '“', '"', '‘', '「']);
    let ((a, _), end) = plan_run(s, 0)?;
    s[end..].trim_start_matches(['”', '"', '’', '」']).starts_with("以来").then_some(a)
}

/// The first five-year plan named anywhere in `s`.
fn plan_anywhere(s: &str) -> Option<(i32, i32)> {
    s.char_indices().filter(|&(i, c)| c == '十' && !s[..i].ends_with(|p: char| crate::normalize::is_cn_digit(p))).find_map(|(i, _)| plan_run(s, i).map(|(span, _)| span))
}

/// Years of the report, for resolving relative cues.
#[derive(Debug, Clone, Copy)]
pub struct Years {
    pub review: i32,
    pub plan: i32,
}

/// What a sentence start (or heading) says about the frame, if anything.
pub fn cue(sentence: &str, years: Years, heading: bool) -> Option<Frame> {
    // The word lists below are tried only when one of their words can start the sentence
    // (by its first character): most sentences start with none of them.
    use crate::cues::Firsts;
    use std::sync::LazyLock;
    static OPENERS: LazyLock<Firsts> = LazyLock::new(|| Firsts::of(crate::cues::STATISTICS_OPENERS));
    static NEWS: LazyLock<Firsts> = LazyLock::new(|| Firsts::of(crate::cues::NEWS_OPENERS));
    static STARTS: LazyLock<[Firsts; 4]> = LazyLock::new(|| {
        [
            Firsts::of(crate::cues::FIVE_YEAR_STARTS),
            Firsts::of(crate::cues::REVIEW_YEAR_STARTS),
            Firsts::of(crate::cues::PLAN_YEAR_STARTS),
            Firsts::of(crate::cues::NEXT_FIVE_YEAR_STARTS),
        ]
    });
    // (`■2025年全市经济社会发展的主要预期目标`: a bullet before the words.)
    let s = sentence.trim_start_matches(|c: char| matches!(c, '—' | '“' | '"') || crate::normalize::BULLETS.contains(&c) || c.is_whitespace());
    let s = s.strip_prefix("各位代表，").unwrap_or(s);
    // `初步统计，2016年，实现…`: the year after a statistics opener is the sentence's cue.
    let s = if OPENERS.may_start(s.chars().next()) { crate::cues::STATISTICS_OPENERS.iter().find_map(|o| s.strip_prefix(o).map(|r| r.trim_start_matches('，'))).unwrap_or(s) } else { s };
    // `会议指出，2025年，…`: a news report's opener before the cue.
    let s = if NEWS.may_start(s.chars().next()) { crate::cues::NEWS_OPENERS.iter().find_map(|o| s.strip_prefix(o).map(|r| r.trim_start_matches('，'))).unwrap_or(s) } else { s };
    let first = s.chars().next();
    let multi_past = Frame { kind: Kind::Actual, from: years.review - 4, to: years.review };
    let plan_frame = |(a, b): (i32, i32)| Frame { kind: if b < years.plan { Kind::Actual } else { Kind::Target }, from: a, to: b };
    // `“十四五”以来，…`: the plan's years so far, results.
    if let Some(a) = plan_since(s) {
        return Some(Frame { kind: Kind::Actual, from: a, to: years.review.max(a) });
    }
    if let Some(span) = plan_at_start(s) {
        return Some(plan_frame(span));
    }
    // `——这是追赶进位、综合实力快速跃升的五年。`
    if s.starts_with("这是") && s.trim_end_matches(['。', '！']).ends_with("的五年") {
        return Some(multi_past);
    }
    // `今后五年主要奋斗目标：…`: the term ahead, targets of five years from the plan year on.
    if STARTS[3].may_start(first) && crate::cues::NEXT_FIVE_YEAR_STARTS.iter().any(|p| s.starts_with(p)) {
        return Some(Frame { kind: Kind::Target, from: years.plan, to: years.plan + 4 });
    }
    for p in if STARTS[0].may_start(first) { crate::cues::FIVE_YEAR_STARTS } else { &[] } {
        if s.starts_with(p) {
            return Some(multi_past);
        }
    }
    for p in if STARTS[1].may_start(first) { crate::cues::REVIEW_YEAR_STARTS } else { &[] } {
        if s.starts_with(p) {
            return Some(Frame::single(Kind::Actual, years.review));
        }
    }
    for p in if STARTS[2].may_start(first) { crate::cues::PLAN_YEAR_STARTS } else { &[] } {
        if s.starts_with(p) {
            return Some(Frame::single(Kind::Target, years.plan));
        }
    }
    if let Some(y) = s.get(..4).and_then(|y| y.parse::<i32>().ok()) {
        if s[4..].starts_with('年') {
            if y == years.review {
                return Some(Frame::single(Kind::Actual, y));
            }
            if y == years.plan {
                return Some(Frame::single(Kind::Target, y));
            }
        }
    }
    if heading {
        return heading_cue(s, years);
    }
    None
}

/// Headings name their subject anywhere: `二、“十四五”时期主要成就`, `三、2026年重点工作`.
fn heading_cue(s: &str, years: Years) -> Option<Frame> {
    let plan_word = crate::cues::PLAN_HEADING_WORDS.iter().any(|w| s.contains(w));
    let review_word = crate::cues::REVIEW_HEADING_WORDS.iter().any(|w| s.contains(w));
    let fyp = plan_anywhere(s);
    let year = find_year(s);
    match (fyp, year) {
        (Some((a, b)), _) if !(year == Some(years.review) && review_word) => {
            Some(Frame { kind: if b < years.plan { Kind::Actual } else { Kind::Target }, from: a, to: b })
        }
        (_, Some(y)) if y == years.review => Some(Frame::single(Kind::Actual, y)),
        (_, Some(y)) if y == years.plan => Some(Frame::single(Kind::Target, y)),
        _ if review_word => Some(Frame::single(Kind::Actual, years.review)),
        _ if plan_word || s.contains("今年") => Some(Frame::single(Kind::Target, years.plan)),
        _ => None,
    }
}

fn find_year(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(4)).find_map(|i| {
        (b[i..i + 4].iter().all(u8::is_ascii_digit) && s[i + 4..].starts_with('年') && (i == 0 || !b[i - 1].is_ascii_digit()))
            .then(|| s[i..i + 4].parse().ok())
            .flatten()
    })
}

/// `今年发展主要预期目标是：…`: the sentence that opens the list of targets — not one that
/// mentions them in passing (`把年度主要预期目标作为一个有机整体来把握`, in a review).
pub fn announces_targets(sent: &str) -> bool {
    // Every announcement has `目标` (a test checks the list): each is looked for around the
    // places of `目标` in the sentence, not in the whole sentence (a search each).
    // (Each word with the offset of its `目标`.)
    static WORDS: std::sync::LazyLock<Vec<(&'static [u8], usize)>> =
        std::sync::LazyLock::new(|| crate::cues::TARGET_ANNOUNCEMENTS.iter().filter_map(|w| Some((w.as_bytes(), w.find("目标")?))).collect());
    static MUBIAO: std::sync::LazyLock<memchr::memmem::Finder<'static>> = std::sync::LazyLock::new(|| memchr::memmem::Finder::new("目标"));
    let b = sent.as_bytes();
    // (Not the targets of several years: `今后五年的发展目标：`, `“十五五”时期主要目标是`.)
    let of_years = |at: usize| {
        let before = &sent[crate::meta::floor_char(sent, at.saturating_sub(8 * 3))..at];
        before.contains("五年") || before.contains("时期") || plan_anywhere(before).is_some()
    };
    let announced = MUBIAO.find_iter(b).any(|k| WORDS.iter().any(|&(w, o)| k >= o && b[k - o..].starts_with(w) && !of_years(k - o)));
    announced
        || sent.trim_start_matches(['—', '“']).starts_with("主要预期目标")
}

/// `预计全年…`, `预计2025年…`: an estimate of the year under review, said in the plan part.
/// `预计今年…` stays a plan.
pub fn estimates_past(sent: &str, years: Years) -> bool {
    sent.contains('预')
        && sent.match_indices("预计").any(|(i, w)| {
        let rest = &sent[i + w.len()..];
        !(rest.starts_with("今年") || rest.starts_with("明年") || rest.starts_with(&format!("{}年", years.plan)))
    })
}


#[cfg(test)]
mod tests {
    use super::*;

    const Y: Years = Years { review: 2025, plan: 2026 };

    #[test]
    fn five_year_plans() {
        assert_eq!(five_year_plan(14), Some((2021, 2025)));
        assert_eq!(five_year_plan(13), Some((2016, 2020)));
        assert_eq!(cue("“十五五”时期，全省地区生产总值年均增长5%以上", Y, false).unwrap().period(), "2026-2030");
        assert_eq!(cue("“十四五”时期是甘肃发展极不寻常的五年", Y, false).unwrap().kind, Kind::Actual);
    }

    #[test]
    fn target_announcements_are_found_by_their_mubiao() {
        for w in crate::cues::TARGET_ANNOUNCEMENTS {
            assert!(w.contains("目标"), "{w}: announces_targets looks for 目标 first");
            for s in [w.to_string(), format!("今年{w}地区生产总值增长5%"), format!("目标{w}"), format!("把年度目标作为…，{w}")] {
                assert!(announces_targets(&s), "{s}");
            }
        }
        assert!(!announces_targets("把年度主要预期目标作为一个有机整体来把握"));
        assert!(!announces_targets("目标"));
    }

    #[test]
    fn headings() {
        assert_eq!(cue("一、2025年工作回顾", Y, true), Some(Frame::single(Kind::Actual, 2025)));
        assert_eq!(cue("三、2026年重点工作", Y, true), Some(Frame::single(Kind::Target, 2026)));
        assert_eq!(cue("二、“十五五”时期的主要目标任务", Y, true).unwrap().period(), "2026-2030");
    }
}
