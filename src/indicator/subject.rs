//! Subjects: the phrase before a figure, cut from its verbs and fillers and resolved to a
//! catalog indicator (`全省地区生产总值` → 地区生产总值) or a readable non-catalog name; and the
//! sub-regions (`成渝地区双城经济圈`) whose figures are not the report's own.

use super::catalog::{all_aliases, Hit};
use super::words::*;
use crate::cues::{LEADING_FILLERS, LEAD_STARTS, SUB_REGION_HEADS, SUB_REGION_VERBS, VERB_STARTS};
use crate::normalize::{is_han, CharSet};
use crate::unit::COUNT_UNITS;

/// The sub-region heads (`经济圈`, `新区`, `开发区`) of a sentence, in order: found once per
/// sentence, whatever the number of its clauses.
pub(super) fn sub_region_heads(sentence: &str) -> Vec<std::ops::Range<usize>> {
    static FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostLongest).build(SUB_REGION_HEADS).expect("sub-region heads build")
    });
    FINDER.find_iter(sentence).map(|m| m.range()).collect()
}

/// A sub-region named in `before` (the sentence so far, whose heads are `heads`):
/// `成渝地区双城经济圈`, `天府新区`, `高新技术产业开发区` — the phrase up to its head word, at
/// most 12 characters.
pub(super) fn sub_region_before<'s>(before: &'s str, heads: &[std::ops::Range<usize>]) -> Option<&'s str> {
    // The last head that ends inside the sentence so far.
    let k = heads.partition_point(|h| h.end <= before.len());
    let end = heads[..k].last()?.end;
    // The phrase: back from the head to the last clause break, at most 12 characters.
    let window = before[..end].char_indices().rev().nth(11).map_or(0, |(i, _)| i);
    let start = before[window..end].rfind(['，', '、', '：', '；']).map_or(window, |i| window + i + '，'.len_utf8());
    let phrase = &before[start..end];
    // `成为河西走廊城市群重要增长极`: the report's region placed in the sub-region, which names
    // nothing after it.
    if crate::cues::SUB_REGION_RELATIONS.iter().any(|v| phrase.contains(v)) {
        return None;
    }
    // `推动…`, `建设…`: a verb in front is not part of the name.
    let phrase = SUB_REGION_VERBS.iter().fold(phrase, |p, v| p.strip_prefix(v).unwrap_or(p));
    (phrase.chars().count() >= 3).then_some(phrase)
}

/// `天峻县` → `天峻`, `四川省` → `四川`.
pub(super) fn region_short(region: &str) -> &str {
    for s in ["自治区", "自治州", "自治县", "省", "市", "县", "区", "州", "旗", "盟"] {
        if let Some(r) = region.strip_suffix(s) {
            if r.chars().count() >= 2 {
                return r;
            }
        }
    }
    region
}

/// Split a prefix into subject phrase and lead (the verbs before the first figure).
pub(super) fn split_subject(prefix: &str) -> (&str, &str) {
    use crate::cues::Firsts;
    static FILLER_FIRSTS: std::sync::LazyLock<Firsts> = std::sync::LazyLock::new(|| Firsts::of(LEADING_FILLERS));
    static LEAD_FIRSTS: std::sync::LazyLock<Firsts> = std::sync::LazyLock::new(|| Firsts::of(LEAD_STARTS));
    let mut p = prefix;
    // (Once no filler can start what is left, none of the rest will strip anything.)
    let mut first = p.chars().next();
    for w in LEADING_FILLERS {
        if !FILLER_FIRSTS.may_start(first) {
            break;
        }
        if let Some(r) = p.strip_prefix(w) {
            p = r;
            first = p.chars().next();
        }
    }
    let skipped = prefix.len() - p.len();
    // Fillers come off the end only: the aliases in `subj` are those of `p` that end in it.
    let hits = all_aliases(p);
    let subj = strip_fillers_with(p, &hits);
    let hits: Vec<Hit> = hits.into_iter().filter(|h| h.end <= subj.len()).collect();
    let alias_end = hits.iter().any(|h| h.end == subj.len());
    // A clause that starts with a lead word has no subject: `同比下降`, `较…的`, `年均增长`.
    // (A lead word alone is looked for before the fillers come off too: `净增` is no subject `净`.)
    let lead_start = |s: &str| LEAD_FIRSTS.may_start(s.chars().next()) && LEAD_STARTS.iter().any(|w| s.starts_with(w) && s.len() <= w.len() + 3 * 4 && !s.contains(|c: char| c == '、'));
    if subj.is_empty() || subj.starts_with(['较', '比']) || (lead_start(subj) || crate::cues::ABSOLUTE_CHANGE_LEADS.contains(&p.trim_start_matches(['，', '、']))) && !alias_end {
        return ("", prefix);
    }
    if !alias_end {
        // `经济总量跨过两个万亿元大关、超过`, `人均预期寿命从2020年的`: an alias followed by a
        // verb or a baseline ends the subject.
        if let Some(end) = alias_then_verb(subj, hits) {
            return (&prefix[..skipped + end], &prefix[skipped + end..]);
        }
    }
    (&prefix[..skipped + subj.len()], &prefix[skipped + subj.len()..])
}



/// `hits`: all aliases in `s`, in `all_aliases` order.
pub(super) fn alias_then_verb(s: &str, hits: Vec<Hit>) -> Option<usize> {
    // `比重`, `比例`: a share's head, not the verb `比`.
    // `民营经济增加值`: `增加值` is a head, not the verb `增加`.
    static VERB_FIRSTS: std::sync::LazyLock<crate::cues::Firsts> = std::sync::LazyLock::new(|| crate::cues::Firsts::of(VERB_STARTS));
    let verb = |rest: &str| VERB_FIRSTS.may_start(rest.chars().next()) && VERB_STARTS.iter().any(|v| rest.starts_with(v)) && !crate::cues::SHARE_HEADS.iter().chain(crate::cues::NOT_VERB_STARTS).any(|h| rest.starts_with(h));
    hits.into_iter().rev().find(|h| verb(&s[h.end..])).map(|h| h.end)
}


/// The alias of `hits` (all those of a phrase) that ends last within its first `len` bytes:
/// `last_alias` of that prefix.
pub(super) fn last_hit(hits: &[Hit], len: usize) -> Option<Hit> {
    hits.iter().filter(|h| h.end <= len).fold(None, |best: Option<Hit>, &h| match best {
        Some(b) if !(h.end > b.end || (h.end == b.end && h.start < b.start)) => Some(b),
        _ => Some(h),
    })
}

/// Strip trailing fillers, keeping an alias that ends the phrase.
pub(super) fn strip_fillers(s: &str) -> &str {
    strip_fillers_with(s, &all_aliases(s))
}

/// `strip_fillers` with the aliases of `s` already found.
pub(super) fn strip_fillers_with<'s>(mut s: &'s str, hits: &[Hit]) -> &'s str {
    loop {
        if hits.iter().any(|h| h.end == s.len()) {
            return s;
        }
        match strip_one_filler(s) {
            Some(r) => s = r,
            None => return s,
        }
    }
}

pub(super) fn strip_one_filler(s: &str) -> Option<&str> {
    let trimmed = s.trim_end_matches(['，', '、', '“', '”', '（', '）']);
    if trimmed.len() < s.len() {
        return Some(trimmed);
    }
    let last = s.chars().next_back()?;
    FILLERS_BY_LAST.get(&last)?.iter().find_map(|f| s.strip_suffix(f))
}

/// Trailing fillers and bound words, grouped by their last character so that stripping a
/// phrase compares only the few that can match.
pub(super) static FILLERS_BY_LAST: std::sync::LazyLock<std::collections::HashMap<char, Vec<&'static str>, crate::fx::FxBuild>> = std::sync::LazyLock::new(|| {
    let mut m: std::collections::HashMap<char, Vec<&'static str>, crate::fx::FxBuild> = Default::default();
    for w in TRAILING_FILLERS.iter().chain(AT_LEAST_BEFORE).chain(AT_MOST_BEFORE).chain(ABOUT_BEFORE) {
        if let Some(c) = w.chars().next_back() {
            m.entry(c).or_default().push(w);
        }
    }
    // Longest first, as the lists intend.
    for v in m.values_mut() {
        v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    }
    m
});

/// Normalize a subject before matching: `规上` → `规模以上`, `年末`/`年底` dropped,
/// `年产X` → `X产量`.
pub(super) fn clean_subject(phrase: &str) -> String {
    let mut s = phrase.to_string();
    // Most subjects need none of the steps below, and each step looks for a character of its
    // words first: in `m`, a set of the subject's characters (renewed whenever `s` changes),
    // which answers "not there" for most of them without a search.
    let mut m = CharSet::of(&s);
    let has = |m: CharSet, s: &str, c: char| m.may_have(c) && s.contains(c);
    if has(m, &s, '规') && s.contains("规上") {
        s = s.replace("规上", "规模以上");
        m = CharSet::of(&s);
    }
    // `占GDP比重`, `单位GDP能耗`: one spelling for the names built around it; inside a name
    // (`研发经费支出相当于全市生产总值的比例`) the region's GDP is GDP.
    if m.may_have('G') && s.contains("GDP") {
        s = s.replace("GDP", "地区生产总值");
        m = CharSet::of(&s);
    }
    if has(m, &s, '总') {
        let mut changed = false;
        for w in ["全市生产总值", "全省生产总值", "全县生产总值", "全区生产总值"] {
            if let Some(k) = s.find(w) {
                if k > 0 {
                    s = format!("{}地区生产总值{}", &s[..k], &s[k + w.len()..]);
                    changed = true;
                }
            }
        }
        if changed {
            m = CharSet::of(&s);
        }
    }
    if has(m, &s, '年') && (s.contains("年末") || s.contains("年底")) {
        s = s.replace("年末", "").replace("年底", "");
        m = CharSet::of(&s);
    }
    // `预计2015年地区生产总值`: an estimate's opener before the year.
    // (Every opener starts with one of these characters: a test checks the list.)
    if s.starts_with(['据', '初', '经', '预']) {
        if let Some(r) = crate::cues::STATISTICS_OPENERS.iter().find_map(|o| s.strip_prefix(o)) {
            if r.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                s = r.to_string();
                m = CharSet::of(&s);
            }
        }
    }
    // `…稳增长促发展取得新成效预计全年实现生产总值` (a heading glued to its paragraph): the
    // subject starts after an opener inside it.
    // (The openers' first characters — `data/cues.txt` [statistics_openers] — are looked for
    // first: a char search costs little, a substring search per opener on every subject would
    // not; a test checks the list.)
    if ['据', '初', '经', '预'].iter().any(|&c| m.may_have(c)) && s.contains(['据', '初', '经', '预']) {
        if let Some((k, o)) = crate::cues::STATISTICS_OPENERS.iter().find_map(|o| s.find(o).filter(|&k| k > 0).map(|k| (k, o))) {
            s = s[k + o.len()..].to_string();
            m = CharSet::of(&s);
        }
    }
    // `全体居民人均可支配收入增速高于经济增速`: a remark on the economy, not part of the name.
    if has(m, &s, '济') {
        if let Some(k) = crate::cues::SUBJECT_REMARKS.iter().filter_map(|w| s.find(w)).filter(|&k| k > 0).min() {
            s.truncate(k);
            m = CharSet::of(&s);
        }
    }
    // `经济社会发展主要预期目标为地区生产总值` (no colon after the announcement): the subject
    // starts after it.
    if has(m, &s, '标') {
        if let Some((k, w)) = crate::cues::TARGET_ANNOUNCEMENTS.iter().chain(crate::cues::TARGET_HEADS).filter_map(|w| s.find(w).map(|k| (k, w))).max_by_key(|&(k, w)| k + w.len()) {
            if k + w.len() < s.len() {
                s = s[k + w.len()..].to_string();
                m = CharSet::of(&s);
            }
        }
    }
    // `预计（下同）全县生产总值`, `财政总收入（市口径）`: a note on the figures, not the name.
    // (A note needs its bracket.)
    if m.may_have('（') {
        if let Some(r) = without_notes(&s) {
            s = r;
            m = CharSet::of(&s);
        }
    }
    // `农牧区劳动力实现转移就业`, `规模以上工业实现销售收入`: a verb inside the subject.
    if let Some(k) = has(m, &s, '现').then(|| s.find("实现")).flatten().filter(|&k| k > 0) {
        s = format!("{}{}", &s[..k], &s[k + "实现".len()..]);
        m = CharSet::of(&s);
    }
    // `2025年全省地区生产总值`, `粮食综合生产能力2030年（达到）`: the year is the frame's, not
    // part of the name.
    let b = s.as_bytes();
    if b.len() > 7 && b[..4].iter().all(u8::is_ascii_digit) && s[4..].starts_with('年') {
        s = s[4 + '年'.len_utf8()..].to_string();
        m = CharSet::of(&s);
    }
    let b = s.as_bytes();
    let n = b.len();
    if n > 7 && s.ends_with('年') && b[n - 7..n - 3].iter().all(u8::is_ascii_digit) && !b[..n - 7].last().is_some_and(u8::is_ascii_digit) {
        s.truncate(n - 7);
        m = CharSet::of(&s);
    }
    // `占规上工业增加值的比重`: a share as the statistics office writes it, without `的`.
    if has(m, &s, '占') {
        let mut changed = false;
        for (w, r) in [("的比重", "比重"), ("的比例", "比例")] {
            if s.contains(w) {
                s = s.replace(w, r);
                changed = true;
            }
        }
        if changed {
            m = CharSet::of(&s);
        }
        // `高新技术产业增加值占规上工业比重`: a value added is a share of the sector's value added.
        if let Some(k) = s.find("增加值占") {
            let after = k + "增加值占".len();
            if let Some(sector) = crate::cues::SHARE_SECTORS.iter().find(|w| s[after..].strip_prefix(**w).is_some_and(|r| r.starts_with("比重") || r.starts_with("比例"))) {
                s.insert_str(after + sector.len(), "增加值");
                m = CharSet::of(&s);
            }
        }
    }
    // `数字经济增加值占比`: the share of a value added the statistics office gives of GDP, named so.
    if let Some(num) = s.strip_suffix("占比") {
        let own = crate::cues::SCOPE_WORDS.prefix_of(num).and_then(|w| num.strip_prefix(w)).unwrap_or(num);
        if crate::cues::GDP_SHARE_NUMERATORS.contains(&own) {
            s = format!("{num}占地区生产总值比重");
            m = CharSet::of(&s);
        }
    }
    // `规模工业年产值`, `新能源汽车年产量`: the year's output is the output (not `全年产值`, `今年产量`).
    if let Some(k) = s.find('年') {
        let before = s[..k].chars().next_back();
        let rest = &s[k + '年'.len_utf8()..];
        if before.is_some_and(|c| is_han(c) && !crate::cues::ANNUAL_NOT_AFTER.iter().any(|w| w.starts_with(c))) && crate::cues::ANNUAL_HEADS.iter().any(|h| rest.starts_with(h)) {
            s.replace_range(k..k + '年'.len_utf8(), "");
            m = CharSet::of(&s);
        }
    }
    // `数字经济核心产业营收`: abbreviations inside a name written out (`经营收入` stays).
    if s.contains('营') {
        for pair in crate::cues::NAME_ABBREVIATIONS {
            let Some((short, long)) = pair.split_once('=') else { continue };
            let last = long.chars().next_back().unwrap_or('入');
            if let Some(k) = s.find(short).filter(|&k| !s[k + short.len()..].starts_with(last) && !s[..k].ends_with('经')) {
                s.replace_range(k..k + short.len(), long);
                m = CharSet::of(&s);
            }
        }
    }
    // `城镇累计新增就业`: 累计 says the basis (read from the clause), not the indicator.
    if has(m, &s, '累') && s.contains("累计") && s.len() > "累计".len() {
        s = s.replace("累计", "");
        m = CharSet::of(&s);
    }
    // `近3年全社会研发经费投入`, `…投资近三年`: the span is the frame's.
    if let Some(k) = m.may_have('近').then(|| s.find('近')).flatten() {
        let rest = &s[k + '近'.len_utf8()..];
        let n = rest.chars().take_while(|&c| c.is_ascii_digit() || crate::number::cn_digit(c).is_some() || c == '十').map(char::len_utf8).sum::<usize>();
        if n > 0 && rest[n..].starts_with('年') {
            s = format!("{}{}", &s[..k], &rest[n + '年'.len_utf8()..]);
            m = CharSet::of(&s);
        }
    }
    // `“津农精品”销售额连续3年`: how long it has held is not the name.
    if let Some(k) = has(m, &s, '续').then(|| s.rfind("连续")).flatten().filter(|&k| k > 0) {
        let rest = &s[k + "连续".len()..];
        let n = rest.chars().take_while(|&c| c.is_ascii_digit() || crate::normalize::is_cn_digit(c) || c == '两').map(char::len_utf8).sum::<usize>();
        if n > 0 && matches!(&rest[n..], "年" | "个月" | "季度" | "个季度") {
            s.truncate(k);
            m = CharSet::of(&s);
        }
    }
    // `非常规天然气五年产量`: the span is the frame's.
    if has(m, &s, '五') && s.contains("五年") && s.len() > "五年".len() {
        s = s.replace("五年", "");
        m = CharSet::of(&s);
    }
    // `十是推动…`: the number of an item in a list of tasks.
    if let Some(k) = m.may_have('是').then(|| s.find('是')).flatten() {
        if k > 0 && s[..k].chars().all(crate::normalize::is_cn_digit) {
            s = s[k + '是'.len_utf8()..].to_string();
        }
    }
    for p in ["全年", "今年", "当年"] {
        if s.starts_with(p) {
            s.replace_range(..p.len(), "");
        }
    }
    if let Some(r) = s.strip_prefix("年产") {
        if !r.is_empty() {
            s = format!("{r}产量");
        }
    }
    s
}

#[cfg(test)]
#[test]
fn baseline_words_start_with_the_characters_looked_for() {
    for w in crate::cues::BASELINE_STARTS {
        assert!(w.starts_with(['比', '较']), "{w}: add its first character to readable_name");
    }
}

#[cfg(test)]
#[test]
fn statistics_openers_start_with_the_characters_looked_for() {
    for o in crate::cues::STATISTICS_OPENERS {
        assert!(o.starts_with(['据', '初', '经', '预']), "{o}: add its first character to clean_subject");
    }
}

/// `s` without a note in brackets on how its figures are counted (`（市口径）`, `（预计，下同）`,
/// `（现价）`), or `None` when it has none.
/// A note is at most 8 characters holding one of `data/cues.txt` [name_notes]; every one goes,
/// left to right, in one pass.
pub(super) fn without_notes(s: &str) -> Option<String> {
    let mut out: Option<String> = None;
    // `from`: where to look for the next bracket; `kept`: the first byte not yet copied.
    let (mut from, mut kept) = (0, 0);
    while let Some(open) = s[from..].find('（').map(|k| from + k) {
        let close = s[open..].find('）').map(|k| open + k);
        let inner = &s[open + '（'.len_utf8()..close.unwrap_or(s.len())];
        let end = close.map_or(s.len(), |k| k + '）'.len_utf8());
        // A short note with a note word, or one that says what the figure includes or leaves
        // out (`（扣除2022年灾后恢复重建专项资金支出外）`, `（含艾滋病病毒感染儿童）`).
        let n = inner.chars().count();
        if n <= 8 && crate::cues::NAME_NOTE_WORDS.occurs_in(inner) || n <= 30 && crate::cues::NOTE_OPENERS.iter().any(|w| inner.starts_with(w)) {
            out.get_or_insert_with(String::new).push_str(&s[kept..open]);
            kept = end;
        }
        from = end;
    }
    out.map(|mut o| {
        o.push_str(&s[kept..]);
        o
    })
}

#[cfg(test)]
#[test]
fn notes_in_brackets_go_and_other_brackets_stay() {
    assert_eq!(without_notes("生产总值（现价）").as_deref(), Some("生产总值"));
    assert_eq!(without_notes("预计（下同）全县生产总值（现价）").as_deref(), Some("预计全县生产总值"));
    assert_eq!(without_notes("紫云山（包河）文化创意产业园（市口径）营收").as_deref(), Some("紫云山（包河）文化创意产业园营收"));
    assert_eq!(without_notes("紫云山（包河）文化创意产业园营收"), None);
    assert_eq!(without_notes("一般公共预算支出（扣除2022年灾后恢复重建专项资金支出外）").as_deref(), Some("一般公共预算支出"));
    assert_eq!(without_notes("散居孤儿（含艾滋病病毒感染儿童）").as_deref(), Some("散居孤儿"));
}

/// A readable non-catalog name: no leading clause words, at most 16 characters (the end).
pub(super) fn trim_name(s: &str) -> &str {
    trim_name_with(s, &all_aliases(s))
}

/// `trim_name` with the aliases of `s` already found.
/// Longest non-catalog name kept (its end): `高新技术产业增加值占规模以上工业比重` is 18.
const MAX_NAME: usize = 20;
/// Longest share name kept whole (`X占Y比重`): both of its parts are names.
const MAX_SHARE_NAME: usize = 30;

pub(super) fn trim_name_with<'s>(s: &'s str, hits: &[Hit]) -> &'s str {
    // Quotes stay: `“高效办成一件事”…` is a name with its quoted part.
    let t = s.trim_matches(|c: char| !is_han(c) && !c.is_ascii_alphanumeric() && c != '“' && c != '”');
    // The aliases of the trimmed phrase are those of `s` inside it, shifted.
    let from = t.as_ptr() as usize - s.as_ptr() as usize;
    let inner: Vec<Hit> = hits
        .iter()
        .filter(|h| h.start >= from && h.end <= from + t.len())
        .map(|h| Hit { start: h.start - from, end: h.end - from, ..*h })
        .collect();
    let stripped = strip_fillers_with(t, &inner);
    // (`死亡人数`: a head the fillers took is part of a name outside the catalog.)
    let s = crate::cues::NAME_KEEP_HEADS.iter().find(|h| t[stripped.len()..].starts_with(**h)).map_or(stripped, |h| &t[..stripped.len() + h.len()]);
    // `力争数字经济核心产业增加值占…`: a verb in front is not part of the name.
    let acts = crate::cues::ACTED_ON_OBJECTS.iter().any(|o| s.ends_with(o));
    let s = match crate::cues::NAME_LEADING.prefix_of(s) {
        Some(w) if s[w.len()..].chars().count() >= 2 && !acts => &s[w.len()..],
        _ => s,
    };
    let n = s.chars().count();
    // `战略性新兴产业增加值占规模以上工业增加值比重`: a share is named whole.
    // (And a contribution: `民营工业企业对全省规模以上工业增长的贡献率`.)
    let share = s.contains('占') && crate::cues::SHARE_HEADS.iter().any(|h| s.ends_with(h)) || s.contains('对') && s.ends_with("贡献率");
    if n > MAX_NAME && !(share && n <= MAX_SHARE_NAME) {
        let skip: usize = s.chars().take(n - MAX_NAME).map(char::len_utf8).sum();
        let tail = &s[skip..];
        // `茶叶、食用菌、林竹等十大乡村特色产业全产业链总产值`: a list of examples cut by the
        // length goes whole, what they are examples of stays (not `菌、林竹等十大…`).
        match tail.rfind('等').filter(|&k| tail[..k].contains('、')) {
            Some(k) if tail[k + '等'.len_utf8()..].chars().filter(|&c| is_han(c)).count() >= 4 => &tail[k + '等'.len_utf8()..],
            _ => tail,
        }
    } else {
        s
    }
}

/// The noun right after a count (`62眼机井` → `机井`), up to the next punctuation.
pub(super) fn object_after(text: &str, i: usize, end: usize) -> String {
    let rest = &text[i..end.max(i)];
    let rest = rest.strip_prefix("以上").or_else(|| rest.strip_prefix("左右")).unwrap_or(rest);
    // `5G基站`, `“数字领航”企业`: letters, digits and quotes inside the noun.
    let chars: Vec<char> = rest.chars().take(17).collect();
    let in_noun = |k: usize| {
        let c = chars[k];
        // A digit only inside a Latin token (`5G`), never the next figure (`工资1200万元`).
        is_han(c) || c.is_ascii_alphabetic() || matches!(c, '“' | '”' | '-') || c.is_ascii_digit() && chars.get(k + 1).is_some_and(|n| n.is_ascii_alphabetic())
    };
    let n = (0..chars.len().min(16)).take_while(|&k| in_noun(k)).count();
    let run: String = chars[..n].iter().collect();
    // `建成老年助餐点3897个并有序向各年龄段开放`: a clause going on after the count, no noun.
    if crate::cues::NOT_OBJECT_STARTS.iter().any(|w| run.starts_with(w)) {
        return String::new();
    }
    // `7个县市入选全国综合实力百强`: the thing counted ends where its verb starts.
    // `省级及以上企业技术中心`: `及以上` is part of the noun.
    let cut = crate::cues::OBJECT_STOP_WORDS
        .find_in(&run)
        .map(|(k, _)| k)
        .find(|&k| k > 0 && !run[k..].starts_with("及以上") && !run[k..].starts_with("及以下"))
        .unwrap_or(run.len());
    // `15个方面的重点任务`, `18个领域的重点任务`: the aspects counted are named by what they hold;
    // the same without `的` (`8个方面主要目标`).
    if let Some(a) = crate::cues::ASPECT_WORDS.iter().find(|a| cut == run.len() && run.starts_with(**a) && run[a.len()..].chars().filter(|&c| is_han(c)).count() >= 2) {
        return format!("{}{a}", &run[a.len()..]);
    }
    if run[cut..].starts_with('的') && crate::cues::ASPECT_WORDS.contains(&&run[..cut]) {
        let rest = &run[cut + '的'.len_utf8()..];
        let held = crate::cues::OBJECT_STOP_WORDS.find_in(rest).map(|(k, _)| k).find(|&k| k > 0).unwrap_or(rest.len());
        if rest[..held].chars().filter(|&c| is_han(c)).count() >= 2 {
            return format!("{}{}", &rest[..held], &run[..cut]);
        }
    }
    run[..cut].trim_end_matches(['“', '-']).to_string()
}

/// `建成8个国家级、13个省级区域医疗中心`: a count of a level (`国家级`) right before another
/// count of the next level names the thing counted with that one's head (`区域医疗中心`), or
/// with the head of the list's last level.
/// `i`: where the first count's object ends.
pub(super) fn level_list_head(text: &str, i: usize, end: usize) -> Option<String> {
    let rest = text[i..end.max(i)].strip_prefix('、')?;
    let digits = rest.find(|c: char| !c.is_ascii_digit() && c != '.').filter(|&k| k > 0)?;
    let rest = &rest[digits..];
    let classifier = rest.chars().next().filter(|c| COUNT_UNITS.contains(&c.to_string().as_str()))?;
    let rest = &rest[classifier.len_utf8()..];
    let level = crate::cues::LEVEL_WORDS.iter().filter(|w| rest.starts_with(**w)).max_by_key(|w| w.len())?;
    let head = object_after(rest, level.len(), rest.len());
    // (`6个世界级、7个国家级、9个区域级产业集群`: the head of the last level of the list.)
    if head.chars().count() < 2 {
        return level_list_head(rest, level.len(), rest.len());
    }
    Some(head)
}

/// Longest name of a generic count with what it was selected for, as long as a count's name
/// may be (`项目列入中国世界文化遗产预备名单`, 16).
const MAX_SELECTED: usize = 16;

/// `10个项目列入中国世界文化遗产预备名单`: a generic thing counted (`项目`, `案例`: `data/cues.txt`
/// [generic_objects]) right after the figure at `i`, named by what it was selected for.
pub(super) fn selected_for(text: &str, i: usize, end: usize, obj: &str) -> Option<String> {
    let generic = obj.chars().count() <= 4 && crate::cues::GENERIC_OBJECTS.iter().any(|g| obj.ends_with(g));
    if !generic {
        return None;
    }
    let rest = &text[i..end.max(i)];
    let at = rest.find(obj)? + obj.len();
    let rest = &rest[at..];
    crate::cues::SELECTION_VERBS.iter().find(|v| rest.starts_with(**v))?;
    // The whole of what it was selected for, or nothing (a cut one would be a fragment).
    // (Counted only as far as a name may reach: a clause without breaks is not walked to its end.)
    // (A Latin token inside it too: `进入全国5G工厂名录`.)
    let n = rest.chars().take_while(|&c| is_han(c) || c == '“' || c == '”' || c.is_ascii_alphanumeric()).take(MAX_SELECTED + 1).count();
    (n + obj.chars().count() <= MAX_SELECTED).then(|| format!("{obj}{}", rest.chars().take(n).collect::<String>()))
}

/// A name a reader accepts, or none: without list markers (`十一是`), verbs in front
/// (`建成`, `推动`), verbs behind (`…形成`, `…惠及`); none when what is left is a bare verb, a
/// connective, a comparison (`较“十三五”时期`) or a cut phrase (`、三都、贞丰…`).
///
pub(super) fn readable_name(name: &str) -> Option<String> {
    let mut s = name.trim();
    // `s` only gets shorter: the set of its characters at the start rules out the searches for
    // characters it does not hold (most of the ones below).
    let m = CharSet::of(s);
    // `一是`, `十四是`: the items of a list of tasks.
    if let Some(k) = m.may_have('是').then(|| s.find('是')).flatten() {
        if k > 0 && s[..k].chars().all(crate::normalize::is_cn_digit) {
            s = &s[k + '是'.len_utf8()..];
        }
    }
    // `提请审议地方性法规`, `制定、修改、废止政府规章`: the acts on laws are what is counted,
    // their verbs stay.
    let acts = crate::cues::ACTED_ON_OBJECTS.iter().any(|o| s.ends_with(o));
    loop {
        let before = s.len();
        s = s.trim_start_matches(['和', '及', '与', '、', '是']);
        if let Some(w) = crate::cues::NAME_LEADING.prefix_of(s).filter(|_| !acts) {
            s = &s[w.len()..];
        }
        if let Some(w) = crate::cues::NAME_TRAILING.suffix_of(s) {
            s = &s[..s.len() - w.len()];
        }
        if s.len() == before {
            break;
        }
    }
    // `使用外资比“十三五”时期`: the baseline of a comparison is not part of the name.
    // (Every baseline word starts with `比` or `较`: a test checks the list.)
    if let Some(k) = (m.may_have('比') || m.may_have('较')).then(|| crate::cues::BASELINE_WORDS.find_in(s).map(|(k, _)| k).find(|&k| k > 0)).flatten() {
        s = &s[..k];
    }
    // `死亡人数比2020年`: the year of the baseline went off the end, its `比` stays behind — but
    // a ratio's name ends in `比` too ([ratio_ends]: 占比, 环比, …).
    if (s.ends_with('比') || s.ends_with('较')) && !crate::cues::RATIO_ENDS.iter().any(|w| s.ends_with(w)) {
        s = &s[..s.len() - '比'.len_utf8()];
    }
    // `企业开办时间从一个月以上压缩到目前`: the former value and the change are not the name.
    let from = |c: char| crate::cues::FROM_STARTS.iter().any(|w| w.starts_with(c));
    let may_from = crate::cues::FROM_STARTS.iter().any(|w| w.chars().next().is_some_and(|c| m.may_have(c)));
    if let Some(k) = (may_from && s.contains(from)).then(|| s.char_indices().find(|&(k, c)| k > 0 && from(c) && crate::cues::TO_MARKERS.iter().any(|m| s[k..].contains(m)))).flatten().map(|(k, _)| k) {
        s = &s[..k];
    }
    // `好社区”试点…`, `八闽书房”辐射人群`: the tail of a quoted name cut at its start.
    if let Some(k) = m.may_have('”').then(|| s.find('”')).flatten() {
        if !s[..k].contains('“') {
            s = &s[k + '”'.len_utf8()..];
        }
    }
    let first = s.chars().next()?;
    let bad_start = matches!(first, '、' | '，' | '”' | '）' | '和' | '及' | '与' | '等') || s.starts_with('较') || s.starts_with('比');
    let bad_end = s.ends_with(['和', '及', '与', '、', '“']);
    // `认证“山西精品`, `通高速公路县（市、区`: a quote or bracket the figure cut is closed.
    (s.chars().filter(|&c| is_han(c)).count() >= 2 && !bad_start && !bad_end).then(|| {
        let mut out = s.to_string();
        for (o, c) in [('“', '”'), ('（', '）')] {
            if s.rfind(o).is_some_and(|k| !s[k..].contains(c)) {
                out.push(c);
            }
        }
        out
    })
}

/// The name of a figure that has no readable one.
pub(super) const UNNAMED: &str = "未命名";

/// The three sectors written as one list (`第一、二、三产业增加值`, `一二三产增加值`,
/// `三次产业增加值`), spelled out so that each item names its sector: `第一产业、第二产业、第三产业增加值`.
pub(super) fn spell_out_sectors(phrase: &str) -> Option<String> {
    let (i, end) = crate::cues::SECTOR_LIST_WORDS.find_in(phrase).next()?;
    Some(format!("{}第一产业、第二产业、第三产业{}", &phrase[..i], &phrase[end..]))
}

/// Two indicators written as one (`本外币存、贷款余额`, `人民币存款、贷款余额`, `存贷款余额`),
/// spelled out with their shared prefix and head: `本外币存款余额、本外币贷款余额`.
pub(super) fn spell_out_pair(phrase: &str) -> Option<String> {
    // Each abbreviation has `贷款`: most phrases have none.
    if !phrase.contains("贷款") {
        return None;
    }
    for pair in crate::cues::PAIRED_ABBREVIATIONS {
        let (short, full) = pair.split_once('=')?;
        if let Some(i) = phrase.find(short) {
            let (prefix, suffix) = (&phrase[..i], &phrase[i + short.len()..]);
            let items: Vec<String> = full.split('、').map(|it| format!("{prefix}{it}{suffix}")).collect();
            return Some(items.join("、"));
        }
    }
    None
}
