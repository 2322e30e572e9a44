//! Title, region, level, meeting date, speaker, review and plan year.
//!
//! The header of a report (title, `——2022年3月9日在…人民代表大会…上`, `县长 桑周`) carries
//! most of it; what the header leaves out (the county's name when the meeting line just says
//! `在县第十六届人民代表大会`) is looked for in the body.

use crate::gazetteer;
use crate::model::{Level, Meta};
use crate::normalize::is_han;
use crate::number::parse_cn_integer;
use std::collections::HashMap;
use std::sync::LazyLock;

/// How many lines from the top count as the header.
const HEADER_LINES: usize = 40;

/// Headings that name the plan year after it: `2026年重点工作`, `2023年政府工作总体要求`
/// (`data/cues.txt` [plan_year_headings]). In order: the first that matches is taken
/// (`经济社会发展` before `发展主要预期目标`).
use crate::cues::PLAN_YEAR_HEADINGS as PLAN_HEADINGS;

/// Titles a speaker line starts its name with: `国务院总理 李强`, `谷城县人民政府县长 黄克立`,
/// `大埔县县长熊锋松`, `□六盘水市人民政府市长 李 刚`, `广州市长温国辉作政府工作报告`.
static SPEAKER_TITLE: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    const TITLES: &[&str] = &[
        "国务院总理", "代理省长", "代省长", "代理市长", "代市长", "代理县长", "代县长", "代理区长", "代区长", "代理州长", "代州长", "代理旗长", "代旗长", "代理盟长", "代盟长",
        "代理主席", "代主席", "省长", "市长", "县长", "区长", "州长", "旗长", "盟长", "主席",
    ];
    aho_corasick::AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostFirst).build(TITLES).expect("speaker titles build")
});

/// Years written `2024年` in `s`, in order: (byte of the first digit, the year, the byte after
/// `年`). One pass over the `年` of `s`.
fn years_in(s: &str) -> impl Iterator<Item = (usize, i32, usize)> + '_ {
    // (`年` found by a prebuilt vectorized search: the standard one looks for its last byte,
    // which most Chinese characters share with it in one of 64 cases.)
    static NIAN: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("年"));
    NIAN.find_iter(s.as_bytes()).filter_map(move |k| {
        let b = s.as_bytes();
        if k < 4 || !b[k - 4..k].iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some((k - 4, s[k - 4..k].parse().ok()?, k + '年'.len_utf8()))
    })
}

/// The first date in `line`: `2026年1月25日` or `二○二五年一月二十日`, as `YYYY-MM-DD`.
fn find_date(line: &str) -> Option<String> {
    line.match_indices('年').find_map(|(k, _)| arabic_date(line, k).or_else(|| chinese_date(line, k)))
}

/// `2026年1月25日` around the `年` at byte `k`.
fn arabic_date(line: &str, k: usize) -> Option<String> {
    let b = line.as_bytes();
    if k < 4 || !b[k - 4..k].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let y: i32 = line[k - 4..k].parse().ok()?;
    let digits = |s: &str, unit: char| -> Option<(u32, usize)> {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        ((1..=2).contains(&n) && s[n..].starts_with(unit)).then(|| Some((s[..n].parse().ok()?, n + unit.len_utf8()))).flatten()
    };
    let rest = &line[k + '年'.len_utf8()..];
    let (m, used) = digits(rest, '月')?;
    let (d, _) = digits(&rest[used..], '日')?;
    valid_date(y, m, d)
}

/// `二○二五年一月二十日` around the `年` at byte `k`.
fn chinese_date(line: &str, k: usize) -> Option<String> {
    let year: String = line[..k].chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
    if year.chars().count() != 4 || !year.chars().all(|c| matches!(c, '〇' | '○' | '零' | 'Ｏ' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九')) {
        return None;
    }
    let y: i32 = year.chars().map(cn_digit_char).collect::<String>().parse().ok()?;
    let numeral = |s: &str, unit: char| -> Option<(u32, usize)> {
        let run: String = s.chars().take_while(|&c| matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')).take(4).collect();
        let n = run.chars().count();
        ((1..=3).contains(&n) && s[run.len()..].starts_with(unit)).then(|| Some((parse_cn_integer(&run)? as u32, run.len() + unit.len_utf8()))).flatten()
    };
    let rest = &line[k + '年'.len_utf8()..];
    let (m, used) = numeral(rest, '月')?;
    let (d, _) = numeral(&rest[used..], '日')?;
    valid_date(y, m, d)
}

fn valid_date(y: i32, m: u32, d: u32) -> Option<String> {
    ((1949..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Read the metadata from normalized text (one paragraph or heading per line).
pub fn extract(text: &str) -> Meta {
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).take(HEADER_LINES).collect();
    // The header ends where the speech begins.
    let header_end = lines.iter().position(|l| l.starts_with("各位代表")).unwrap_or(lines.len().min(15));
    let header = &lines[..header_end];

    let mut meta = Meta { title: title(header), ..Meta::default() };

    let meeting_line = header.iter().find(|l| l.contains("人民代表大会") || l.contains("会议上"));
    if let Some(line) = meeting_line {
        meta.meeting_date = find_date(line);
    }
    if meta.meeting_date.is_none() {
        meta.meeting_date = header.iter().find_map(|l| find_date(l));
    }

    let (region, level) = region_and_level(header, meeting_line.copied(), text);
    let (region, level) = official_region(region, level, text);
    meta.region = region;
    meta.level = level;
    meta.speaker = speaker(header, header_end < lines.len(), text);

    let (review, plan) = years(text, &meta);
    meta.review_year = review;
    meta.plan_year = plan;
    if meta.meeting_date.is_none() {
        meta.meeting_date = plan.and_then(|p| news_date(text, p)).or_else(|| date_without_month_sign(text));
    }
    meta
}

/// `1027日,安化县第十八届人民代表大会第一次会议…开幕`, `122日,淄博市第十五届人民代表大会第四次
/// 会议隆重开幕` (news pages whose mirror dropped the `月`): month and day run together before `日`.
/// Read only when the page's own date line (`发布时间:2021-10-27 16:51`) confirms it: the one
/// split of the digits that falls on that day or in the ten days before it.
fn date_without_month_sign(text: &str) -> Option<String> {
    let head = &text[..floor_char(text, 1500)];
    let (y, m, d) = head.lines().take(HEADER_LINES).find_map(iso_day)?;
    let published = days(y, m, d);
    head.split(['。', '\n']).filter(|s| ["人民代表大会", "人大", "开幕"].iter().any(|w| s.contains(w))).find_map(|s| {
        s.match_indices('日').find_map(|(k, _)| {
            let b = s.as_bytes();
            let n = b[..k].iter().rev().take_while(|c| c.is_ascii_digit()).count();
            if !(3..=4).contains(&n) || (k - n).checked_sub(1).and_then(|j| b.get(j)).is_some_and(u8::is_ascii_digit) || s[..k - n].ends_with(['年', '月', '-', '/', '.']) {
                return None;
            }
            let run = &s[k - n..k];
            let mut fits = (1..n).filter_map(|cut| {
                let (mm, dd): (u32, u32) = (run[..cut].parse().ok()?, run[cut..].parse().ok()?);
                (run.as_bytes()[cut] != b'0' || cut + 2 == n).then_some(())?;
                let year = if mm > m { y - 1 } else { y };
                valid_date(year, mm, dd).filter(|_| (0..=10).contains(&(published - days(year, mm, dd))))
            });
            let first = fits.next()?;
            fits.next().is_none().then_some(first)
        })
    })
}

/// Days since an epoch, for the distance between two dates (months of 31 days would do, but this is exact).
fn days(y: i32, m: u32, d: u32) -> i64 {
    let (y, m) = if m <= 2 { (y as i64 - 1, m as i64 + 12) } else { (y as i64, m as i64) };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d as i64
}

/// `1月16日上午,…第十九届人民代表大会第四次会议开幕`, `1月3日,州长…作政府工作报告` (a news
/// page): a month and day in the sentence that reports the meeting, in the plan year (in the
/// year before it for a meeting from October on: the first session of a new congress).
fn news_date(text: &str, plan: i32) -> Option<String> {
    let head = &text[..floor_char(text, 1500)];
    let meeting = |s: &str| ["人民代表大会", "人大", "开幕", "政府工作报告"].iter().any(|w| s.contains(w));
    let segments: Vec<&str> = head.split(['。', '\n']).collect();
    // A dateline (`金昌12月6日讯…`, `今天(2月10日)上午`) whose meeting is told in the next
    // sentence or line (`今天上午,金昌市第九届人民代表大会第一次会议…开幕`) dates it too.
    let dateline = |s: &str| crate::cues::NEWS_DATELINES.iter().any(|w| s.contains(w));
    let next_told = |i: usize| segments[i + 1..].iter().find(|s| !s.trim().is_empty()).is_some_and(|s| meeting(s));
    segments.iter().enumerate().filter(|&(i, s)| meeting(s) || dateline(s) && next_told(i)).find_map(|(_, s)| {
        s.match_indices('月').find_map(|(k, _)| {
            let b = s.as_bytes();
            let n = b[..k].iter().rev().take_while(|c| c.is_ascii_digit()).count();
            // Not part of a full date (`2025年1月`): those are read elsewhere.
            if n == 0 || n > 2 || s[..k - n].ends_with('年') {
                return None;
            }
            let m: u32 = s[k - n..k].parse().ok()?;
            let rest = &s[k + '月'.len_utf8()..];
            let dn = rest.bytes().take_while(u8::is_ascii_digit).count();
            if dn == 0 || dn > 2 || !rest[dn..].starts_with('日') {
                return None;
            }
            let d: u32 = rest[..dn].parse().ok()?;
            valid_date(if m >= 10 { plan - 1 } else { plan }, m, d)
        })
    })
}

/// The region under its full official name, from the gazetteer: `新疆自治区` → 新疆维吾尔自治区,
/// `漾濞县` → 漾濞彝族自治县; for a report without a title block, the division its text names
/// (`全州`, its counties and towns: 德宏傣族景颇族自治州).
fn official_region(region: Option<String>, level: Option<Level>, text: &str) -> (Option<String>, Option<Level>) {
    if level == Some(Level::National) {
        return (region, level);
    }
    match region {
        Some(r) => {
            let all = gazetteer::by_name(&r);
            if all.iter().any(|d| d.name == r) {
                let d = all.iter().find(|d| d.name == r).copied();
                return (Some(r), d.map(|d| d.level.into()).or(level));
            }
            // `福州市台江区`: a division written after its parent's name.
            for (k, _) in r.char_indices().skip(2) {
                let (parent, child) = r.split_at(k);
                // (`山东巨野县`: the province in front of a county of one of its prefectures.)
                let names = |p: &gazetteer::Division| p.name == parent || p.short_names().any(|s| s == parent);
                let under = |d: &&&gazetteer::Division| d.name == child && (d.parent().is_some_and(names) || names(d.province()));
                if let Some(d) = gazetteer::by_name(child).iter().find(under) {
                    return (Some(d.name.to_string()), Some(d.level.into()));
                }
            }
            // `从巴南区政府工作报告看出`: a preposition glued to the full name in a news title.
            if let Some(rest) = crate::cues::REGION_PREPOSITIONS.iter().find_map(|p| r.strip_prefix(p)) {
                if let [d] = gazetteer::by_name(rest).iter().filter(|d| d.name == rest).collect::<Vec<_>>().as_slice() {
                    return (Some(d.name.to_string()), Some(d.level.into()));
                }
            }
            let fitting: Vec<_> = all.iter().filter(|d| level.is_none_or(|l| Level::from(d.level) == l)).collect();
            match fitting.as_slice() {
                [d] => (Some(d.name.to_string()), Some(d.level.into())),
                _ => (Some(r), level),
            }
        }
        None => match gazetteer::infer(text) {
            Some(d) => (Some(d.name.to_string()), Some(d.level.into())),
            None => (None, level.or_else(|| level_of_speech(text))),
        },
    }
}

fn title(header: &[&str]) -> Option<String> {
    if let Some(l) = header.iter().find(|l| l.contains("工作报告") && l.chars().count() <= 40) {
        return Some(l.to_string());
    }
    // `政府工作报` / `告`: a title broken over two short lines.
    header.windows(2).find_map(|w| {
        let joined = format!("{}{}", w[0], w[1]);
        (joined.contains("工作报告") && joined.chars().count() <= 40).then_some(joined)
    })
}

fn cn_digit_char(c: char) -> char {
    match c {
        '〇' | '○' | 'Ｏ' | '零' => '0',
        '一' => '1',
        '二' => '2',
        '三' => '3',
        '四' => '4',
        '五' => '5',
        '六' => '6',
        '七' => '7',
        '八' => '8',
        '九' => '9',
        other => other,
    }
}

/// Administrative suffixes, longest first, with the level they usually mean.
const SUFFIXES: &[(&str, Level)] = &[
    ("特别行政区", Level::Province),
    ("自治区", Level::Province),
    ("自治州", Level::City),
    ("自治县", Level::County),
    ("自治旗", Level::County),
    ("地区", Level::City),
    ("省", Level::Province),
    ("市", Level::City),
    ("州", Level::City),
    ("盟", Level::City),
    ("县", Level::County),
    ("区", Level::County),
    ("旗", Level::County),
];

const MUNICIPALITIES: &[&str] = &["北京市", "天津市", "上海市", "重庆市"];

fn level_of(region: &str) -> Option<Level> {
    if MUNICIPALITIES.contains(&region) {
        return Some(Level::Province);
    }
    SUFFIXES.iter().find(|(s, _)| region.ends_with(s)).map(|&(_, l)| l)
}

/// The level of the government that speaks, when its region is not known: `我代表区人民政府`,
/// `区长 王庆国` (a county-level division: 县, 区, 旗, or a 市 for a prefecture).
fn level_of_speech(text: &str) -> Option<Level> {
    let head = &text[..floor_char(text, 3000)];
    for (cue, level) in [
        ("代表县人民政府", Level::County), ("代表区人民政府", Level::County), ("代表旗人民政府", Level::County),
        ("代表市人民政府", Level::City), ("代表州人民政府", Level::City), ("代表盟人民政府", Level::City), ("代表省人民政府", Level::Province),
    ] {
        if head.contains(cue) {
            return Some(level);
        }
    }
    None
}

/// The longest known division name right before `第…届人民代表大会` in `line`
/// (`…上午,武汉市硚口区第十六届人民代表大会` → `武汉市硚口区`).
fn region_before_congress(line: &str) -> Option<String> {
    let p = line.find("人民代表大会")?;
    let before = line[..p].trim_end_matches(|c: char| c == '届' || c == '第' || crate::normalize::is_cn_digit(c) || c.is_ascii_digit());
    let run_start = before.char_indices().rev().take_while(|&(_, c)| is_han(c)).take(12).last().map(|(k, _)| k)?;
    let run = &before[run_start..];
    run.char_indices().map(|(k, _)| &run[k..]).find(|s| {
        as_region(s).is_some()
            && (!gazetteer::by_name(s).is_empty()
                || s.char_indices().skip(2).any(|(k, _)| !gazetteer::by_name(&s[k..]).is_empty() && !gazetteer::by_name(&s[..k]).is_empty()))
    }).map(str::to_string)
}

/// A region name is Han characters ending in an administrative suffix.
fn as_region(s: &str) -> Option<String> {
    let s = s.trim_start_matches(|c: char| c.is_ascii_digit() || c == '年');
    // `代表市人民政府` (a news page's line): the speaker's verb, no place.
    if s.contains("代表") {
        return None;
    }
    let n = s.chars().count();
    (n >= 2 && n <= 12 && s.chars().all(is_han) && level_of(s).is_some()).then(|| s.to_string())
}

fn region_and_level(header: &[&str], meeting_line: Option<&str>, text: &str) -> (Option<String>, Option<Level>) {
    let mut level_hint = None;
    if let Some(line) = meeting_line {
        if line.contains("全国人民代表大会") {
            return (Some("中华人民共和国".into()), Some(Level::National));
        }
        // `在四川省第十四届人民代表大会`, `在甘肃省十四届人民代表大会`, `在县第十六届人民代表大会`.
        if let Some(at) = line.find('在') {
            let rest = &line[at + '在'.len_utf8()..];
            let end = rest.find("人民代表大会").unwrap_or(rest.len());
            let name: String = rest[..end]
                .trim_end_matches(|c: char| c == '届' || c == '第' || crate::normalize::is_cn_digit(c))
                .to_string();
            if let Some(r) = as_region(&name) {
                return (Some(r.clone()), level_of(&r));
            }
            level_hint = level_of(&name);
        }
        // `12月25日上午,武汉市硚口区第十六届人民代表大会第四次会议在区会议中心开幕` (a news
        // page): the place is the name right before the congress.
        if let Some(r) = region_before_congress(line) {
            return (Some(r.clone()), level_of(&r));
        }
    }
    // `现在，我代表国务院，向大会报告政府工作`: the opening of the speech, when the text has no
    // title block.
    if header.iter().any(|l| l.contains("国务院总理")) || text.lines().take(8).any(|l| l.contains("代表国务院")) {
        return (Some("中华人民共和国".into()), Some(Level::National));
    }
    // The title (`2026年四川省人民政府工作报告`) or the speaker line (`四川省人民政府省长`).
    for line in header {
        for cut in ["人民政府", "政府工作报告", "省长", "市长", "县长", "区长", "州长"] {
            if let Some(p) = line.find(cut) {
                if let Some(r) = as_region(&line[..p]) {
                    if level_hint.is_none_or(|h| level_of(&r) == Some(h)) {
                        return (Some(r.clone()), level_of(&r));
                    }
                }
            }
        }
    }
    match level_hint {
        // The first pages name the county often enough; no need to count the whole text.
        Some(level) => (region_from_body(&text[..floor_char(text, 15_000)], level), Some(level)),
        None => (None, None),
    }
}

/// The most talked-about `XX县` (for a county report) in the body: its full name counts
/// double, its short name (`天峻`) once.
fn region_from_body(text: &str, level: Level) -> Option<String> {
    const GENERIC: &[&str] = &[
        "示范", "帮扶", "样板", "重点", "试点", "贫困", "脱贫", "接受", "作为", "实施", "优化", "代表", "治安",
        "立县", "强县", "稳县", "活县", "全国", "全省", "全市", "全县", "省州", "市县", "区县", "县区",
    ];
    let suffix = match level {
        Level::County => ['县', '区', '旗'],
        Level::City => ['市', '州', '盟'],
        _ => return None,
    };
    // (Keys of the text being read: the Fx hasher; no order of the maps is ever read.)
    let mut counts: HashMap<&str, usize, crate::fx::FxBuild> = HashMap::with_capacity_and_hasher(256, Default::default());
    // How often each two-character name is written with each suffix (`天峻县`, `天峻区`).
    let mut full: HashMap<(&str, char), usize, crate::fx::FxBuild> = HashMap::with_capacity_and_hasher(256, Default::default());
    // Each place a suffix is written (found by a fast search), with the two characters before it.
    for suf in suffix {
        let mut utf8 = [0u8; 4];
        for i in memchr::memmem::find_iter(text.as_bytes(), suf.encode_utf8(&mut utf8).as_bytes()) {
            let mut before = text[..i].char_indices().rev();
            if let (Some(_), Some((j, _))) = (before.next(), before.next()) {
                *full.entry((&text[j..i], suf)).or_default() += 1;
            }
            // `县城`, `县域`, `县级`: the suffix starts a word, it does not end a name.
            let next = text[i + suf.len_utf8()..].chars().next().unwrap_or(' ');
            if matches!(next, '城' | '域' | '级' | '乡' | '区' | '直' | '镇' | '长' | '委' | '属' | '市') {
                continue;
            }
            let mut before = text[..i].char_indices().rev();
            let (Some((_, p1)), Some((j, p2))) = (before.next(), before.next()) else { continue };
            if !(is_han(p1) && is_han(p2)) {
                continue;
            }
            let short = &text[j..i];
            if GENERIC.iter().any(|g| *g == short) || short.chars().any(|c| matches!(c, '全' | '本' | '我' | '各' | '该' | '县' | '乡' | '镇' | '州' | '省' | '市' | '区' | '村' | '的' | '和' | '及' | '与' | '、' | '在')) {
                continue;
            }
            *counts.entry(short).or_default() += 1;
        }
    }
    // Only the few most frequent candidates are worth a scan of the whole text.
    let mut top: Vec<(&str, usize)> = counts.into_iter().filter(|&(_, n)| n >= 2).collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    top.truncate(5);
    let best = top.iter().map(|(short, n)| (n * 2 + occurrences(text, short), short)).max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(a.1)))?;
    let short = *best.1;
    let suf = suffix.iter().copied().max_by_key(|&s| full.get(&(short, s)).copied().unwrap_or(0)).unwrap_or(suffix[0]);
    Some(format!("{short}{suf}"))
}

/// How often `needle` occurs in `text` (without overlaps), by `memchr`'s substring search.
fn occurrences(text: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()).count()
}

#[cfg(test)]
#[test]
fn occurrences_count_without_overlaps() {
    assert_eq!(occurrences("天峻天峻县天峻", "天峻"), 3);
    assert_eq!(occurrences("aaaa", "aa"), 2);
    assert_eq!(occurrences("天峻", ""), 0);
    assert_eq!(occurrences("", "天峻"), 0);
}

fn speaker(header: &[&str], opened: bool, text: &str) -> Option<String> {
    titled_speaker(header).or_else(|| bare_speaker(header, opened)).or_else(|| honored_speaker(text))
}

/// `周贤同志代表安化县人民政府向大会作工作报告` (a news page, no title before the name): two to four
/// Han characters alone at the start of a line, then an honorific ([speaker_honorifics]) and the
/// words of a speaker ([speaker_after_words], `作（《）政府工作报告`), in a line about the work report.
fn honored_speaker(text: &str) -> Option<String> {
    let head = &text[..floor_char(text, 1500)];
    head.lines().filter(|l| l.contains("工作报告")).find_map(|line| {
        let line = line.trim_start_matches([' ', '\u{3000}']);
        crate::cues::SPEAKER_HONORIFICS.iter().find_map(|h| {
            let k = line.find(h)?;
            let name = &line[..k];
            let n = name.chars().count();
            let rest = &line[k + h.len()..];
            let report = |r: &str| r.trim_start_matches('《').starts_with("政府工作报告") || r.trim_start_matches('《').starts_with("工作报告");
            let speaks = rest.strip_prefix('作').is_some_and(report) || crate::cues::SPEAKER_AFTER_WORDS.iter().any(|w| rest.starts_with(w));
            ((2..=4).contains(&n) && name.chars().all(is_han) && speaks).then(|| name.to_string())
        })
    })
}

/// `…政府工作报告` / `海青` / `（2018年2月3日）`: a name alone on its line, between the title and
/// the date, with no title in front of it; or the last line before `各位代表` (`opened`: the
/// header ends at the opening of the speech), after the date (`（2024年3月12日）` / `刘 海 涛`).
fn bare_speaker(header: &[&str], opened: bool) -> Option<String> {
    header.iter().enumerate().find_map(|(i, line)| {
        // Site junk at the end of the line (`海青Zeu`, `陆志前hd9`): anti-copy letters and digits.
        let line = line.trim_end_matches(|c: char| c.is_ascii_alphanumeric());
        let name: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        let n = name.chars().count();
        let plain = (2..=4).contains(&n) && name.chars().all(is_han) || name.contains('·') && n <= 12 && name.chars().all(|c| is_han(c) || c == '·');
        let near = |k: Option<usize>| k.and_then(|k| header.get(k)).is_some_and(|l| l.contains("工作报告") || find_date(l).is_some());
        let dated = |k: Option<usize>| k.and_then(|k| header.get(k)).is_some_and(|l| find_date(l).is_some());
        let between = near(i.checked_sub(1)) && near(Some(i + 1)) || opened && i + 1 == header.len() && dated(i.checked_sub(1));
        (plain && !["报告", "政府", "代表", "会议", "目录"].iter().any(|w| name.contains(w)) && between).then_some(name)
    })
}

fn titled_speaker(header: &[&str]) -> Option<String> {
    header.iter().enumerate().find_map(|(i, line)| {
        SPEAKER_TITLE.find_iter(*line).find_map(|m| {
            let rest = &line[m.end()..];
            // `国务院总理` alone on its line, the name on the next.
            let next = || header.get(i + 1).filter(|_| rest.trim().is_empty()).and_then(|n| name_after(n.trim()).filter(|name| name.chars().count() == n.trim().replace([' ', '\u{3000}'], "").chars().count()));
            name_after(rest).or_else(next)
        })
    })
}

/// The name right after a title: two to four Han characters (or a name with `·`), spaces
/// inside it dropped (`李 刚`), ended by the line, a space, `作…报告`, or site junk (`PZl`).
fn name_after(rest: &str) -> Option<String> {
    // (`兴文县人民政府县长:石进`: a colon between the title and the name.)
    let rest = rest.trim_start_matches([' ', '\u{3000}', '\t', ':', '：']);
    let mut name = String::new();
    let mut chars = rest.chars().peekable();
    let mut spaces = 0;
    // No name with what may follow it (`在…人民代表大会`, `作政府工作报告`) is longer: a line
    // of titles and names run together costs a bounded look per title.
    const MAX_RUN: usize = 40;
    let mut taken = 0;
    while let Some(&c) = chars.peek() {
        if taken == MAX_RUN {
            break;
        }
        taken += 1;
        if is_han(c) || c == '·' {
            name.push(c);
            chars.next();
        } else if (c == ' ' || c == '\u{3000}') && name.chars().count() == 1 && spaces == 0 {
            // `李 刚`: one space inside a two-character name.
            spaces += 1;
            chars.next();
        } else {
            break;
        }
    }
    // `温国辉作政府工作报告`: the verb after the name is not part of it.
    // A flattened page runs on into `各位代表`.
    let mut cut = false;
    // `省长 刘小明在海南省第七届人民代表大会…`: the meeting follows the name.
    let at_meeting = name.char_indices().skip(2).find(|&(_, c)| c == '在').map(|(k, _)| k).filter(|&k| name[k..].contains("人民代表") || name[k..].contains("会议"));
    // `县长任向军代表县政府向大会作政府工作报告`, `市长孙喆在会上作政府工作报告` (news pages):
    // the words after the name, [speaker_after_words].
    let news_verb = crate::cues::SPEAKER_AFTER_WORDS.iter().filter_map(|w| name.find(w)).filter(|&k| k >= 2 * '李'.len_utf8()).min();
    let first_cut = ["作政府工作报告", "作工作报告", "作报告", "各位"].iter().filter_map(|w| name.find(w)).chain(at_meeting).chain(news_verb).min();
    if let Some(k) = first_cut {
        name.truncate(k);
        cut = true;
    }
    // `市长程用文作《政府工作报告》`: the verb before the title's bracket.
    if !cut && chars.peek() == Some(&'《') && name.chars().count() > 2 && name.ends_with('作') {
        name.pop();
        cut = true;
    }
    // `县长谭秀中一、2012年工作回顾`: a heading's number glued to the name.
    if !cut && chars.peek() == Some(&'、') && name.chars().next_back().is_some_and(crate::normalize::is_cn_digit) {
        name.pop();
        cut = true;
    }
    let n = name.chars().count();
    let next = chars.peek().copied();
    // (`黄慧7be县情资料网…`: an anti-copy token of letters and digits after the name.)
    let junk = || {
        // (No further than a token is long: a long Latin run after a title costs no more.)
        let token: String = chars.clone().take_while(char::is_ascii_alphanumeric).take(7).collect();
        token.chars().any(|c| c.is_ascii_alphabetic()) && token.len() <= 6
    };
    let ends = next.is_none_or(|c| c.is_whitespace() || c.is_ascii_alphabetic() || matches!(c, '（' | '(' | '，' | '：')) || next.is_some_and(|c| c.is_ascii_digit()) && junk();
    let ok = if name.contains('·') { (3..=12).contains(&n) } else { (2..=4).contains(&n) };
    (ok && (ends || cut)).then_some(name)
}
fn years(text: &str, meta: &Meta) -> (Option<i32>, Option<i32>) {
    let head = &text[..floor_char(text, 20_000)];
    // `2025年工作回顾`, `2018年回顾`.
    let review = text.lines().filter(|l| l.len() <= 180).find_map(|l| years_in(l).find(|&(_, _, e)| ["工作回顾", "回顾", "政府工作回顾", "主要工作回顾"].iter().any(|w| l[e..].starts_with(w))).map(|(_, y, _)| y));
    // A plan heading, or a paragraph that opens with one (`2023年政府工作总体要求是：…`).
    let plan = text.lines().filter(|l| l.len() <= 180 || l.as_bytes()[0].is_ascii_digit()).find_map(|l| {
        let short = l.len() <= 180;
        let scope = if short { l } else { &l[..floor_char(l, 60)] };
        years_in(scope).find_map(|(start, y, e)| {
            let w = PLAN_HEADINGS.iter().find(|w| scope[e..].starts_with(**w))?;
            (short || start == 0 && l[e + w.len()..].starts_with(['是', '为', '：', ':'])).then_some(y)
        })
    });
    // Headings run into a line (a news page, a flattened table of contents: `一、2024年工作回顾。
    // 二、2025年总体思路和主要预期目标`), and a look back at the year (`回首2024年`).
    let review = review.or_else(|| numbered_year_heading(head, crate::cues::REVIEW_YEAR_HEADINGS)).or_else(|| {
        years_in(head).find(|&(start, _, _)| crate::cues::REVIEW_YEAR_BEFORE.iter().any(|w| head[..start].ends_with(w))).map(|(_, y, _)| y)
    }).or_else(|| {
        // `报告指出,2024年是凤县发展历程中极为不易、极限承压的一年`: a year told as a year lived
        // (the plan year is `…收官之年`, `…关键一年` said of what is to come, not `的一年`).
        years_in(head).find(|&(_, _, e)| {
            let rest = &head[e..floor_char(head, e + 150)];
            rest.starts_with('是') && rest.split('。').next().is_some_and(|s| s.contains("的一年") && !s.contains("之年"))
        }).map(|(_, y, _)| y)
    });
    // `审议…2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告`:
    // the plan's report names both years.
    let review = review.or_else(|| years_in(head).find(|&(_, _, e)| head[e..].starts_with("国民经济和社会发展计划执行情况")).map(|(_, y, _)| y));
    let plan = plan.or_else(|| years_in(head).find(|&(_, _, e)| head[e..].starts_with("国民经济和社会发展计划草案")).map(|(_, y, _)| y));
    let plan = plan.or_else(|| numbered_year_heading(head, PLAN_HEADINGS)).or_else(|| {
        // `报告指出,2025年,中山全市经济社会发展主要预期目标是:`, `湖北省政府2024年工作思路和重点任务`
        // (news pages): the year that the targets' announcement or the year's plan names, in the same clause.
        years_in(head).find(|&(_, _, e)| {
            let rest = &head[e..floor_char(head, e + 90)];
            let clause = rest.split(['。', '：', ':', '；']).next().unwrap_or("");
            // (Up to the next figure: `公布2022年“成绩单”和2023年增长目标` names 2023's targets.)
            let clause = &clause[..clause.find(|c: char| c.is_ascii_digit()).unwrap_or(clause.len())];
            // (`2022年,武汉地区生产总值增长目标`, `2023年,顺德政府工作的主要目标是`; not a
            // review's `2020年…完成了主要目标任务`.)
            let done = || crate::cues::PLAN_YEAR_CLAUSE_DONE.iter().any(|w| clause.contains(w));
            crate::cues::PLAN_YEAR_CLAUSE_WORDS.iter().any(|w| clause.contains(w)) && !done()
        }).map(|(_, y, _)| y)
    });
    // A report delivered from October on (`2020年12月23日`, `2016年11月25日`, `2021年10月27日` at the first
    // session of a new congress) plans the next year.
    let meeting_year = meta.meeting_date.as_ref().and_then(|d| {
        let y = d[..4].parse::<i32>().ok()?;
        Some(if matches!(d.get(5..7), Some("10" | "11" | "12")) { y + 1 } else { y })
    });
    // (`（福建省）2021年三明市人民政府工作报告（全文）`: the first year in the title, wherever it is.)
    let title_year = meta.title.as_deref().and_then(|t| years_in(t).next()).map(|(_, y, _)| y);
    // `2025年是…重要之年，是实施“十四五”规划的收官之年` (a news page with no heading, no date and
    // no title): the year ahead, told by what it is to be — before the most frequent year, which
    // on such a page is the plan year itself.
    let roles = || {
        years_in(head).find(|&(_, _, e)| {
            let rest = &head[e..floor_char(head, e + 150)];
            rest.starts_with('是') && rest.split('。').next().is_some_and(|s| crate::cues::PLAN_YEAR_ROLES.iter().any(|w| s.contains(w)))
        }).map(|(_, y, _)| y)
    };
    // `时间:2022-02-24`, `2019-01-22 20:09:00` (a news page's date line): the page appeared with
    // the meeting, in the plan year (the next one from October on), when nothing else tells.
    let published = || {
        text.lines().take(HEADER_LINES).find_map(iso_date).map(|(y, m)| if m >= 10 { y + 1 } else { y })
    };
    // `2022年,江门市政府工作报告全面回顾了过去五年…` (an article about the report, no title line):
    // the year that names the report, the region's name and a comma between at most.
    let named = || {
        years_in(head).find(|&(_, _, e)| {
            let rest = head[e..].trim_start_matches(['，', ',']);
            let name = &rest[..floor_char(rest, 14 * 3)];
            name.find("政府工作报告").is_some_and(|k| name[..k].chars().all(is_han))
        }).map(|(_, y, _)| y)
    };
    let plan = plan.or(meeting_year).or(review.map(|r| r + 1)).or(title_year).or_else(named).or_else(roles).or_else(published).or_else(|| most_common_year(head).map(|y| y + 1));
    let review = review.or(plan.map(|p| p - 1));
    (review, plan)
}

/// The year of the first numbered heading (`一、2024年…`) in `text` whose words after the year
/// start with one of `words`, wherever the heading stands in its line.
fn numbered_year_heading(text: &str, words: &[&str]) -> Option<i32> {
    years_in(text).find_map(|(start, y, e)| {
        // `一、2024年…`, and in a news report `一是2010年政府工作回顾`.
        let numbered = ['、', '是'].iter().any(|&m| text[..start].strip_suffix(m).and_then(|b| b.chars().next_back()).is_some_and(crate::normalize::is_cn_digit));
        // `一、2020年和十三五时期工作回顾`, `一、2025年工作及“十四五”时期发展回顾`: the year and
        // the five years joined in one heading, which ends with the word.
        let joined = || {
            let heading = text[e..].split(['\n', '。']).next().unwrap_or("");
            let heading = heading.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c.is_whitespace());
            ["和", "及", "工作和", "工作及"].iter().any(|j| heading.starts_with(j)) && heading.chars().count() <= 24 && words.iter().any(|w| heading.ends_with(w))
        };
        (numbered && (words.iter().any(|w| text[e..].starts_with(w)) || joined())).then_some(y)
    })
}

/// The first `2022-02-24` (or `2022/02/24`) in a line: its year and month.
fn iso_date(line: &str) -> Option<(i32, u32)> {
    iso_day(line).map(|(y, m, _)| (y, m))
}

/// The first `2022-02-24` (or `2022/02/24`) in a line: year, month and day.
fn iso_day(line: &str) -> Option<(i32, u32, u32)> {
    let b = line.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let d = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        let sep = b[i + 4];
        let ok = (i == 0 || !b[i - 1].is_ascii_digit()) && d(i..i + 4) && matches!(sep, b'-' | b'/') && d(i + 5..i + 7) && b[i + 7] == sep && d(i + 8..i + 10) && (b.get(i + 10).is_none_or(|c| !c.is_ascii_digit()) || time_joined(&b[i + 10..]));
        if !ok {
            return None;
        }
        let (y, m, day): (i32, u32, u32) = (line[i..i + 4].parse().ok()?, line[i + 5..i + 7].parse().ok()?, line[i + 8..i + 10].parse().ok()?);
        valid_date(y, m, day).map(|_| (y, m, day))
    })
}

/// `2018-05-2212:36:48` (or `12：36`): a date line's time, joined to the day when the space between
/// figures was taken out (`作者: 2018-05-22 12:36:48`).
fn time_joined(rest: &[u8]) -> bool {
    rest.len() >= 3 && rest[..2].iter().all(u8::is_ascii_digit) && (rest[2] == b':' || rest[2..].starts_with("：".as_bytes()))
}

/// The year most often written in the text, as a last resort (reports without a header).
fn most_common_year(text: &str) -> Option<i32> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for (_, y, _) in years_in(text) {
        if (1978..=2100).contains(&y) {
            *counts.entry(y).or_default() += 1;
        }
    }
    counts.into_iter().max_by_key(|&(y, n)| (n, y)).map(|(y, _)| y)
}

pub(crate) fn floor_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod national_tests {
    use super::*;

    #[test]
    fn a_speech_without_title_block_is_national_when_it_speaks_for_the_state_council() {
        let m = extract("各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。\n一、2018年工作回顾\n");
        assert_eq!(m.level, Some(Level::National));
        assert_eq!(m.region.as_deref(), Some("中华人民共和国"));
    }
}

/// Meta phenomena, each from two reports: speaker lines in their variants, dates in Chinese
/// numerals with `○`, reports delivered in December, plan years from `总体要求`, regions
/// written after their parent or without a title block.
#[cfg(test)]
mod variant_tests {
    use super::*;

    #[test]
    fn speaker_lines_in_their_variants() {
        // 谷城县 2020, 六盘水市 2019, 大埔县 2020, 广州市 2017, 新巴尔虎左旗 2018, 国务院 2024.
        let cases = [
            ("政府工作报告\n2020年12月23日在谷城县第十八届人民代表大会第五次会议上\n谷城县人民政府县长 黄克立\n各位代表:\n", "黄克立"),
            ("(2019年1月12日在六盘水市第八届人民代表大会第四次会议上)\n□六盘水市人民政府市长 李 刚\n各位代表:\n", "李刚"),
            ("政府工作报告\n2020年6月22日在大埔县第十五届\n人民代表大会第五次会议上\n大埔县县长熊锋松\n各位代表:\n", "熊锋松"),
            ("广州市十五届人大一次会议1月5日开幕,广州市长温国辉作政府工作报告称,2017年……\n各位代表:\n", "温国辉"),
            ("新巴尔虎左旗第十五届人民代表大会第二次会议政府工作报告\n海青\n(2018年2月3日)\n各位代表:\n", "海青"),
            ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理\u{3000}\n李强\n各位代表：\n", "李强"),
            // 海南 2025: the speaker inside the dated line, before the meeting.
            ("2025年海南省政府工作报告\n——2025年1月14日海南省省长 刘小明在海南省第七届人民代表大会第四次会议上\n各位代表：\n", "刘小明"),
            // 科右前旗 2024: a letter-spaced name alone after the date, the last line before the
            // speech; the same shape with the date in Chinese numerals (constructed).
            ("政 府 工 作 报 告\n——在科右前旗第十八届人民代表大会第三次会议上\n(2024年3月12日)\n刘 海 涛\n各位代表:\n", "刘海涛"),
            ("政府工作报告\n——在察右前旗第十七届人民代表大会第二次会议上\n(二○一八年一月九日)\n王 明\n各位代表:\n", "王明"),
            // 佳县 and 凤县 2025 (news pages): the speaker in the sentence that reports the speech.
            ("根据会议议程,县长任向军代表县政府向大会作政府工作报告。报告共分四个部分", "任向军"),
            ("县人民政府代县长冯宝平代表县政府向大会作《政府工作报告》", "冯宝平"),
            ("12月25日上午,武汉市硚口区第十六届人民代表大会第四次会议在区会议中心开幕。区人民政府代区长赵宏亮向大会作政府工作报告。", "赵宏亮"),
            // 平阳县 2021 and 新晃侗族自治县 2020 (document sites): anti-copy tokens after the name.
            ("(浙江省)2020年平阳县人民政府工作报告(全文)\n  2021年3月3日在平阳县第十六届人民代表大会第五次会议上7be县情资料网---有深度\n  平阳县县长黄慧7be县情资料网---有深度、有态度、接地气的县域县情站点\n  各位代表:7be县情资料网\n", "黄慧"),
            ("政 府 工 作 报 告hd9\n2020年6月4日在县十七届人大五次会议上hd9\n陆志前hd9\n各位代表:hd9\n", "陆志前"),
            // 武汉 2022 (a news page): `作` right before the title's bracket.
            ("长江日报大武汉客户端1月11日讯 1月11日,武汉市第十五届人民代表大会第一次会议隆重开幕,武汉市市长程用文作《政府工作报告》。", "程用文"),
            // 哈尔滨 2021 and 白银 2020 (news pages): other words between the name and the speech.
            ("3月14日上午9时,哈尔滨市第十五届人民代表大会第六次会议在哈尔滨国际会议中心环球剧场隆重开幕。523名市人大代表出席会议。市长孙喆在会上作政府工作报告。", "孙喆"),
            ("9时,雄壮嘹亮的国歌声响彻开幕式会场。市长张旭晨走到台前作《政府工作报告》,声音坚定有力。", "张旭晨"),
            // 沂源县 2013: a title block run into its first heading; the same for a city (constructed).
            ("政府工作报告(摘要)—— 2013 年 1 月 16 日在沂源县第十七届人民代表大会第二次会议上 县长 谭秀中 一、2012 年工作回顾(一)积极应对", "谭秀中"),
            ("政府工作报告——2016年1月8日在珠海市第八届人民代表大会第六次会议上 市长 郭永航 一、2015年工作回顾", "郭永航"),
        ];
        for (text, want) in cases {
            assert_eq!(extract(text).speaker.as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn dates_years_and_regions() {
        // 金华市 2025: a date in Chinese numerals with ○.
        let m = extract("政府工作报告\n二○二五年一月二十日在金华市第八届人民代表大会第五次会议上\n金华市市长 张健\n各位代表:\n一、2024年工作回顾\n");
        assert_eq!((m.meeting_date.as_deref(), m.review_year, m.plan_year), (Some("2025-01-20"), Some(2024), Some(2025)));
        // (text, review year, plan year)
        let cases = [
            // 谷城县 2020 and 黄梅县 2017: delivered in December for the next year.
            ("政府工作报告\n2020年12月23日在谷城县第十八届人民代表大会第五次会议上\n谷城县人民政府县长 黄克立\n各位代表:\n一、十三五工作回顾\n", 2020, 2021),
            // 桂阳县 2016: delivered in November, at the first session of a new congress; 安化县
            // 2021 (a news page, its date written in full here: the page lost the 月): in October,
            // at the first session too.
            ("安化县第十八届人民代表大会第一次会议开幕\n发布时间：2021-10-27\n2021年10月27日，安化县第十八届人民代表大会第一次会议在安化大剧院开幕。\n", 2021, 2022),
            ("（湖南省）2016年桂阳县人民政府工作报告（全文）\n——2016年11月25日在桂阳县第十七届人民代表大会第一次会议上\n县长 黄四平\n各位代表:\n", 2016, 2017),
            // 佳县 and 宜都市 2025 (news pages): the parts of the report listed in a line, the plan
            // year named more often than the year under review.
            ("根据会议议程,县长任向军代表县政府向大会作政府工作报告。报告共分四个部分:一、2024年工作回顾。二、2025年总体思路和主要预期目标。三、2025年主要工作任务。四、加强政府自身建设。2025年是十四五收官之年。2025年要……\n", 2024, 2025),
            ("宜都市第十届人民代表大会第五次会议开幕。回首2024年,全市经济稳中有进。看2025年宜都怎么干?2025年,2025年,2025年。\n", 2024, 2025),
            // A heading that joins the year and the five years (`一、2025年和“十四五”时期工作回顾`,
            // 辽宁 2026; `一、2025年工作及“十四五”时期发展回顾`, 贵州 2026), in a text with no date.
            ("各位代表:\n现在，我代表省人民政府向大会报告工作。\n一、2025年和“十四五”时期工作回顾\n刚刚过去的一年……到2030年、2030年、2030年\n", 2025, 2026),
            ("各位代表:\n一、2025年工作及“十四五”时期发展回顾\n过去一年……到2030年、2030年\n", 2025, 2026),
            // A title with the province in front (`（湖南省）2016年桂阳县人民政府工作报告（全文）`, the
            // form of a document site): its year is the plan year, however often other years occur.
            ("（湖南省）2016年桂阳县人民政府工作报告（全文）\n县长 黄四平\n各位代表:\n2017年、2017年、2017年\n", 2015, 2016),
            // 湖北 2024 (a news page): the year of the plan's 工作思路, the only year in the text.
            ("湖北省人民政府省长王忠林向大会作政府工作报告。一起来看看会上提到的湖北省政府2024年工作思路和重点任务。全省上下……\n", 2023, 2024),
            // 漾濞 2023: a fragment that opens with the plan year's 总体要求.
            ("2023年政府工作总体要求是:坚持以习近平新时代中国特色社会主义思想为指导……全县上下……漾濞……\n", 2022, 2023),
        ];
        for (text, review, plan) in cases {
            let m = extract(text);
            assert_eq!((m.review_year, m.plan_year), (Some(review), Some(plan)), "{text}");
        }
        // 台江区 2016: a district written after its city; 新疆 2023: the short official name.
        let m = extract("(2016年1月6日在福州市台江区第十六届\n人民代表大会第五次会议上)\n福州市台江区人民政府代区长 李 凡\n各位代表:\n");
        assert_eq!((m.region.as_deref(), m.level, m.speaker.as_deref()), (Some("台江区"), Some(Level::County), Some("李凡")));
        let m = extract("政府工作报告\n——2023年1月14日在新疆维吾尔自治区第十四届人民代表大会第一次会议上\n各位代表：\n");
        assert_eq!(m.region.as_deref(), Some("新疆维吾尔自治区"));
        // 科右前旗 2024 and 巴州 (constructed): customary abbreviations, `data/region-aliases.tsv`.
        let m = extract("政 府 工 作 报 告\n——在科右前旗第十八届人民代表大会第三次会议上\n(2024年3月12日)\n刘 海 涛\n各位代表:\n");
        assert_eq!((m.region.as_deref(), m.level), (Some("科尔沁右翼前旗"), Some(Level::County)));
        // 硚口区 2024 and 佳县 2025 (news pages): the place right before the congress.
        let m = extract("12月25日上午,武汉市硚口区第十六届人民代表大会第四次会议在区会议中心开幕。区人民政府代区长赵宏亮向大会作政府工作报告。");
        assert_eq!((m.region.as_deref(), m.level), (Some("硚口区"), Some(Level::County)));
        let m = extract("2月20日上午,佳县第十九届人民代表大会第四次会议在东方红大剧院隆重开幕。");
        assert_eq!((m.region.as_deref(), m.level), (Some("佳县"), Some(Level::County)));
        // 凤县 2025 (a news page) and a constructed second: a year told as a year lived.
        let m = extract("凤县第十九届人民代表大会第六次会议开幕。报告指出,2024年是凤县发展历程中极为不易、极限承压的一年。报告指出,2025年是“十四五”规划的“收官”之年。2025年,2025年。\n");
        assert_eq!((m.review_year, m.plan_year), (Some(2024), Some(2025)));
        let m = extract("大会开幕。2017年是全县发展极不平凡的一年。2018年是贯彻党的十九大精神的开局之年,2018年要……2018年。\n");
        assert_eq!((m.review_year, m.plan_year), (Some(2017), Some(2018)));
        // 中山市 and 霞山区 2025 (news pages): the year the targets' announcement names.
        let m = extract("3月27日上午,中山市第十六届人民代表大会第五次会议开幕。报告指出,2025年,中山全市经济社会发展主要预期目标是:地区生产总值增长5%左右。2026年,2026年,2026年。\n");
        assert_eq!((m.review_year, m.plan_year, m.meeting_date.as_deref()), (Some(2024), Some(2025), Some("2025-03-27")));
        let m = extract("3月24日上午,霞山区第十一届人民代表大会第五次会议开幕。报告回顾了霞山区2024年工作。2025年全区经济社会发展的主要预期目标是:地区生产总值增长5%左右。\n");
        assert_eq!((m.review_year, m.plan_year), (Some(2024), Some(2025)));
        // News pages: (text, review year, plan year, meeting date when the case says it).
        let news: [(&str, i32, i32, Option<&str>); 8] = [
            // 淄博 2019 and 昆山 2021 (昆山 in traditional script, read as simplified): the year a
            // target's wording names in its clause (`…的预期目标建议`, `…将经济增长目标设为`), though
            // another year is written as often or in the title.
            ("政府工作报告“划重点”⑧:淄博2018年预计地区生产总值突破5000亿元\n市长于海田作政府工作报告。报告指出,2018全市经济社会发展稳中有进。于海田还在报告中阐述了2019年淄博市经济社会发展的预期目标建议。\n", 2018, 2019, None),
            ("昨天,昆山市第十七届人民代表大会第五次会议召开,2021年,昆山将经济增长目标设为6%以上,一般公共预算收入计划增长6%左右。\n2020年,昆山预计实现地区生产总值4250亿元。\n", 2020, 2021, None),
            // 武汉 2022, 顺德 2023 and 泉州 2023: the year of a target's wording (增长目标, 主要目标是,
            // 发展目标), up to the next figure; not a review's `…完成主要目标`.
            ("2022年 武汉地区生产总值增长目标:7.5%\n原标题:2022年,武汉地区生产总值增长目标:7.5%\n1月11日,武汉市第十五届人民代表大会第一次会议隆重开幕。\n", 2021, 2022, Some("2022-01-11")),
            ("1月11日,佛山市顺德区十七届人大三次会议开幕。\n2023年,顺德政府工作的主要目标是地区生产总值增长6%。\n", 2022, 2023, None),
            ("又一万亿GDP城市公布2022年“成绩单”和2023年增长目标。1月8日开幕的泉州市十七届人大二次会议上,市长蔡战胜作政府工作报告。\n", 2022, 2023, Some("2023-01-08")),
            ("各位代表:\n2020年,全县完成了主要目标任务,地区生产总值增长5%。2020年,2020年。\n", 2020, 2021, None),
            // 开封 2022 and 安化 2021 (no year but the page's date line): the page appeared with the
            // meeting.
            ("与你息息相关!2022,开封要干这些大事!\n时间:2022-02-24 浏览:次\n2月21日上午,开封市第十五届人民代表大会第五次会议在东京艺术中心隆重开幕。\n", 2021, 2022, Some("2022-02-21")),
            ("安化县第十八届人民代表大会第一次会议开幕\n作者:刘候峰     发布时间:2021-10-27 16:51\n1027日,安化县第十八届人民代表大会第一次会议在安化大剧院开幕。\n", 2021, 2022, Some("2021-10-27")),
        ];
        for (text, review, plan, date) in news {
            let m = extract(text);
            assert_eq!((m.review_year, m.plan_year), (Some(review), Some(plan)), "{text}");
            if let Some(d) = date {
                assert_eq!(m.meeting_date.as_deref(), Some(d), "{text}");
            }
        }
        // 历城区 and 西安市 2025 (news pages): the year ahead told by what it is to be, and the
        // years of the plan's report.
        let m = extract("1月9日,济南市历城区第三届人民代表大会第五次会议开幕。2025年是全面学习贯彻党的二十届三中全会精神的重要之年,是实施“十四五”规划的收官之年。2025年,2025年。\n");
        assert_eq!((m.review_year, m.plan_year, m.meeting_date.as_deref()), (Some(2024), Some(2025), Some("2025-01-09")));
        let m = extract("3月25日,会议审查和审议西安市2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告。2025年,西安全市要坚持稳中求进。2026年。\n");
        assert_eq!((m.review_year, m.plan_year), (Some(2024), Some(2025)));
        // 三穗县 2011 (a news page): `一是2010年政府工作回顾…三是对2011年…`; no region from the
        // speaker's sentence.
        let m = extract("2月14日,三穗县第十五届人民代表大会第五次会议开幕。县长付乐欣代表县人民政府向大会作政府工作报告。报告分三个部分:一是2010年政府工作回顾;二是“十一五”工作总结;三是对2011年政府工作总体安排。2011年,2011年,2012年。\n");
        assert_eq!((m.review_year, m.plan_year, m.region.as_deref()), (Some(2010), Some(2011), Some("三穗县")));
        // 巨野县 and 土默特左旗 (news pages): the day of the meeting without its year.
        let m = extract("山东巨野县第十九届人民代表大会第四次会议开幕\n山东法制传媒网:1月16日上午,山东省菏泽市巨野县第十九届人民代表大会第四次会议开幕。一、2024年工作回顾\n");
        assert_eq!((m.meeting_date.as_deref(), m.region.as_deref()), (Some("2025-01-16"), Some("巨野县")));
        let m = extract("1月5日上午9时,土默特左旗第十八届人民代表大会第三次会议在雄壮的国歌声中隆重开幕。回首2023年\n");
        assert_eq!((m.meeting_date.as_deref(), m.region.as_deref()), (Some("2024-01-05"), Some("土默特左旗")));
        // 禹会区 2013: no place named, the level from the speech's opening; the same for a county
        // (constructed).
        let m = extract("政 府 工 作 报 告\n——\n区长 王庆国\n各位代表:\n现在,我代表区人民政府向大会报告工作,请予审议。\n");
        assert_eq!((m.region.as_deref(), m.level), (None, Some(Level::County)));
        let m = extract("政府工作报告\n各位代表:\n现在,我代表县人民政府向大会报告工作,请予审议。\n");
        assert_eq!((m.region.as_deref(), m.level), (None, Some(Level::County)));
        let m = extract("政府工作报告\n——2025年1月10日在巴州第十六届人民代表大会第四次会议上\n各位代表:\n");
        assert_eq!((m.region.as_deref(), m.level), (Some("巴音郭楞蒙古自治州"), Some(Level::City)));
    }

    #[test]
    fn a_dateline_dates_the_meeting_told_right_after_it() {
        // 金昌 2022 (the report of a December meeting) and 宜都 2025: the day is in the dateline
        // or its own line, the meeting in the next sentence or line.
        let m = extract("【聚焦金昌市两会】金昌市第九届人民代表大会第一次会议开幕\n 2021/12/06/ 21:48 来源:新甘肃 记者 谢晓玲\n  新甘肃客户端金昌12月6日讯(新甘肃·甘肃日报记者 谢晓玲 )凝心聚力谋发展,砥砺奋进谱新篇。今天上午,金昌市第九届人民代表大会第一次会议在金昌市行政中心开幕。\n  金昌市委副书记、代市长王方太代表金昌市人民政府向大会作《政府工作报告》。审查了金昌市2021年国民经济和社会发展计划执行情况及2022年国民经济和社会发展计划草案的报告。\n");
        assert_eq!((m.meeting_date.as_deref(), m.plan_year), (Some("2021-12-06"), Some(2022)));
        let m = extract("今天(2月10日)上午\n宜都市第九届人民代表大会第五次会议\n在宜都大剧院开幕\n市委副书记、市长夏明海\n代表市人民政府\n向大会作《政府工作报告》\n回首2024年\n地区生产总值增长7.7%\n");
        assert_eq!(m.meeting_date.as_deref(), Some("2025-02-10"));
        // A day in a sentence before one about something else is no date of the meeting.
        let m = extract("今天(2月10日)上午,全市召开安全生产会议。\n会场气氛热烈。\n宜都市第九届人民代表大会第五次会议将于近日开幕。回首2024年,地区生产总值增长7.7%。\n");
        assert_eq!(m.meeting_date, None);
    }

    #[test]
    fn a_colon_between_title_and_name() {
        // 兴文 2021 (a document site), and the same line with a full-width colon (constructed).
        let m = extract("2021年兴文县人民政府工作报告\n——2020年12月27日在兴文县第十六届人民代表大会第六次会议上\n兴文县人民政府县长:石进\n各位代表:\n");
        assert_eq!(m.speaker.as_deref(), Some("石进"));
        let m = extract("政府工作报告\n——2020年12月27日在兴文县第十六届人民代表大会第六次会议上\n兴文县人民政府县长：石进\n各位代表：\n");
        assert_eq!(m.speaker.as_deref(), Some("石进"));
    }

    #[test]
    fn a_year_that_names_the_report_is_its_plan_year() {
        // 江门 2022 (an article about the report: no title line, no heading with a year).
        let m = extract("引言\n\n2022年,江门市政府工作报告全面回顾了过去五年的发展成就,并对未来五年的发展蓝图进行了展望。\n\n过去五年发展回顾\n\n  • 地区生产总值预计突破3500亿元,年均增长6.1%;\n");
        assert_eq!((m.review_year, m.plan_year), (Some(2021), Some(2022)));
        // Constructed, the same shape without the comma: `2021年三明市人民政府工作报告提出…`.
        let m = extract("解读\n2021年三明市人民政府工作报告提出,过去五年全市地区生产总值年均增长6.8%。\n");
        assert_eq!((m.review_year, m.plan_year), (Some(2020), Some(2021)));
    }

    #[test]
    fn a_preposition_glued_to_the_region_in_a_news_title_is_dropped() {
        // 巴南 2022 (a page in traditional script, simplified before) and a 据 title.
        let m = extract("从巴南区政府工作报告看出,2021年预计实现地区生产总值947亿,年均增长6.9%。\n");
        assert_eq!(m.region.as_deref(), Some("巴南区"));
        let m = extract("据麦盖提县政府工作报告,2020年全县生产总值61.95亿元。\n");
        assert_eq!(m.region.as_deref(), Some("麦盖提县"));
    }

    #[test]
    fn a_day_whose_month_sign_was_dropped_is_read_against_the_page_date() {
        // 淄博 2019 and 安化 2021 (news pages whose mirror dropped `月`): `122日` is 1月22日, not
        // 12月2日, because the page is dated 2019-01-22.
        let m = extract("政府工作报告“划重点”⑧:淄博2018年预计地区生产总值突破5000亿元\n来源:鲁中网-鲁中晨报\n2019-01-22 20:09:00\n  鲁中网—鲁中晨报122日讯(记者 仇晶)122日,淄博市第十五届人民代表大会第四次会议隆重开幕,市长于海田作政府工作报告。\n");
        assert_eq!((m.meeting_date.as_deref(), m.speaker.as_deref()), (Some("2019-01-22"), Some("于海田")));
        let m = extract("安化县第十八届人民代表大会第一次会议开幕\n作者:刘候峰     发布时间:2021-10-27 16:51     信息来源: 办公室\n1027日,安化县第十八届人民代表大会第一次会议在安化大剧院开幕。\n");
        assert_eq!(m.meeting_date.as_deref(), Some("2021-10-27"));
        // Without the page's date nothing confirms a split: no date.
        let m = extract("1027日,安化县第十八届人民代表大会第一次会议在安化大剧院开幕。2021年,2022年。\n");
        assert_eq!(m.meeting_date, None);
        // A page dated long after the meeting: neither split is near it.
        let m = extract("发布时间:2021-12-27 16:51\n1027日,安化县第十八届人民代表大会第一次会议在安化大剧院开幕。\n");
        assert_eq!(m.meeting_date, None);
    }

    #[test]
    fn a_speaker_named_with_an_honorific_in_a_news_page() {
        // 安化 2021 and 北京 2026 (a photo caption in the report's page): no title before the name.
        let m = extract("1027日,安化县第十八届人民代表大会第一次会议在安化大剧院开幕。\n周贤同志代表安化县人民政府向大会作工作报告。过去五年,安化县大力实施“四轮驱动”战略。\n");
        assert_eq!(m.speaker.as_deref(), Some("周贤"));
        let m = extract("北京市第十六届人民代表大会第五次会议开幕\n殷勇同志作政府工作报告。本报记者 戴冰摄\n");
        assert_eq!(m.speaker.as_deref(), Some("殷勇"));
        // Not a comrade named in passing, nor a longer run before the honorific.
        let m = extract("县第十八届人民代表大会第一次会议开幕。\n全体代表同志作出决定,审议政府工作报告。\n向周贤同志学习。\n");
        assert_eq!(m.speaker, None);
    }
}
