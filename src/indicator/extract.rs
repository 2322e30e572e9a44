//! Subject + number + unit + growth + bound + kind + period: from clean text to facts.
//!
//! A sentence is cut into clauses (at `，`, `：`, and at `、` right after a figure). Each clause
//! has an optional subject phrase (`全年完成地区生产总值`) and figures; a clause without a
//! subject continues the previous fact (`实现地区生产总值67665亿元，增长5.5%`). `分别` lists
//! give one fact per subject, and a list of subjects with one figure shares it
//! (`社零、固投增长4%左右`).

use super::catalog::{all_aliases, Entry, Hit};
use super::frame::{cue, Frame, Years};
use super::quantity::{scan, Measure, Quantity};
use super::words::*;
use crate::model::{Basis, Bound, Kind, Level};
use crate::normalize::is_han;
use crate::unit::COUNT_UNITS;

/// Where a text sits, for the parts a fragment cannot tell by itself.
#[derive(Debug, Clone)]
pub struct Context {
    pub level: Option<Level>,
    /// The report's region (`天峻县`): `天峻县地区生产总值` is still the report's own GDP.
    pub region: Option<String>,
    pub years: Years,
    /// The frame in force at the start of the text.
    pub start: Frame,
}

/// A fact with offsets into the clean text (converted to the original by the caller).
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub name: String,
    pub in_catalog: bool,
    pub kind: Kind,
    pub period: String,
    pub basis: Option<Basis>,
    pub value: Option<f64>,
    pub value_high: Option<f64>,
    pub unit: Option<String>,
    pub change_pct: Option<f64>,
    pub change_pct_high: Option<f64>,
    pub change_points: Option<f64>,
    pub value_bound: Option<Bound>,
    pub change_bound: Option<Bound>,
    pub start: usize,
    pub end: usize,
    /// The subject as written, for elliptic heads in the next clause.
    subject: String,
    multi_year: bool,
    /// Made because a slot of the fact it copies was taken; not yet stored.
    fresh: bool,
    /// The catalog entry with this name, looked up once.
    entry: Option<&'static Entry>,
}

impl Fact {
    /// `bound` as the JSON contract defines it: of the value when there is one.
    pub fn bound(&self) -> Option<Bound> {
        if self.value.is_some() {
            self.value_bound
        } else {
            self.change_bound.or(self.value_bound)
        }
    }

    /// `changeBound`: only when a value is present too.
    pub fn change_bound_field(&self) -> Option<Bound> {
        if self.value.is_some() {
            self.change_bound
        } else {
            None
        }
    }
}

/// A resolved subject.
#[derive(Debug, Clone)]
struct Subject {
    name: String,
    entry: Option<&'static Entry>,
    text: String,
}

/// Extract every fact from clean text (one paragraph per line).
pub fn extract(text: &str, ctx: &Context) -> Vec<Fact> {
    let quantities = scan(text);
    let mut facts = Vec::new();
    let mut frame = ctx.start.clone();
    let mut qi = 0;
    let mut line_start = 0;
    for line in text.split('\n') {
        let line_end = line_start + line.len();
        let heading = is_heading_line(line);
        let mut first = true;
        for (s, e) in sentences(line) {
            let (s, e) = (line_start + s, line_start + e);
            let sent = &text[s..e];
            if sent.starts_with("各位代表") && sent.chars().count() <= 6 {
                // `各位代表！` opens the paragraph; the cue follows it.
                continue;
            }
            let mut sframe = frame.clone();
            if let Some(f) = cue(sent, ctx.years, heading && first) {
                if first {
                    frame = f.clone();
                }
                sframe = f;
            } else if sent.contains("主要") && announces_targets(sent) {
                frame = Frame::single(Kind::Target, ctx.years.plan);
                sframe = frame.clone();
            }
            if sframe.kind == Kind::Target && estimates_past(sent, ctx.years) && !sframe.is_multi_year() {
                sframe = Frame::single(Kind::Actual, ctx.years.review);
            }
            first = false;
            while qi < quantities.len() && quantities[qi].start < s {
                qi += 1;
            }
            let from = qi;
            while qi < quantities.len() && quantities[qi].end <= e {
                qi += 1;
            }
            if from < qi {
                Sentence { text, start: s, end: e, qs: &quantities[from..qi], frame: sframe.clone(), ctx, facts: Vec::new(), group: Vec::new(), pair_next: 0, pair_lead: String::new() }
                    .run(&mut facts);
            }
        }
        line_start = line_end + 1;
    }
    dedup(facts)
}

/// A sub-region named in `before` (the sentence so far): `成渝地区双城经济圈`, `天府新区`,
/// `高新技术产业开发区` — the phrase up to its head word, at most 12 characters.
fn sub_region_before(before: &str) -> Option<&str> {
    const HEADS: &[&str] = &[
        "经济圈", "城市群", "都市圈", "经济带", "示范区", "新区", "自贸区", "自由贸易试验区", "开发区", "产业园区", "综合保税区", "省属企业", "市属企业", "县属企业", "国有企业", "省属国企", "市属国企",
    ];
    static FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostLongest).build(HEADS).expect("sub-region heads build")
    });
    // One pass finds the last head named in the sentence so far.
    let end = FINDER.find_iter(before).last()?.end();
    // The phrase: back from the head to the last clause break.
    let start = before[..end].rfind(['，', '、', '：', '；']).map_or(0, |i| i + '，'.len_utf8());
    let phrase = &before[start..end];
    let n = phrase.chars().count();
    let phrase = if n > 12 { &phrase[phrase.char_indices().nth(n - 12).map_or(0, |(i, _)| i)..] } else { phrase };
    // `推动…`, `建设…`: a verb in front is not part of the name.
    let phrase = ["推动", "建设", "加快", "支持", "打造", "推进", "深化", "全力"].iter().fold(phrase, |p, v| p.strip_prefix(v).unwrap_or(p));
    (phrase.chars().count() >= 3).then_some(phrase)
}

/// `今年发展主要预期目标是：…`: the sentence that opens the list of targets — not one that
/// mentions them in passing (`把年度主要预期目标作为一个有机整体来把握`, in a review).
fn announces_targets(sent: &str) -> bool {
    ["主要预期目标是", "主要预期目标为", "主要预期目标：", "主要目标是", "主要目标为", "主要目标："].iter().any(|w| sent.contains(w))
        || sent.trim_start_matches(['—', '“']).starts_with("主要预期目标")
}

/// `预计全年…`, `预计2025年…`: an estimate of the year under review, said in the plan part.
/// `预计今年…` stays a plan.
fn estimates_past(sent: &str, years: Years) -> bool {
    sent.contains('预')
        && sent.match_indices("预计").any(|(i, w)| {
        let rest = &sent[i + w.len()..];
        !(rest.starts_with("今年") || rest.starts_with("明年") || rest.starts_with(&format!("{}年", years.plan)))
    })
}

/// Headings: `一、…`, `（一）…`, or a short line that does not end a sentence.
pub fn is_heading_line(line: &str) -> bool {
    let numbered = heading_number(line).is_some();
    numbered || (line.chars().count() <= 30 && !line.ends_with(['。', '：', '；', '！', '？', '，']))
}

/// The numbering of a heading line: `一、` or `（一）`.
pub fn heading_number(line: &str) -> Option<(&str, u8)> {
    let digits = |s: &str| s.chars().take_while(|&c| crate::normalize::is_cn_digit(c)).map(char::len_utf8).sum::<usize>();
    if let Some(rest) = line.strip_prefix('（') {
        let n = digits(rest);
        if n > 0 && n <= 9 && rest[n..].starts_with('）') {
            return Some((&line[..'（'.len_utf8() + n + '）'.len_utf8()], 2));
        }
        return None;
    }
    let n = digits(line);
    if n > 0 && n <= 9 && line[n..].starts_with('、') {
        return Some((&line[..n + '、'.len_utf8()], 1));
    }
    None
}

/// Sentence ranges (byte offsets in `line`), cut after `。！？；`.
fn sentences(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = line.as_bytes();
    let mut i = 0;
    // By bytes: `。` is E3 80 82; `！？；` are EF BC 81 / 9F / 9B.
    while i + 2 < b.len() {
        let lead = b[i];
        let is_end = match lead {
            0xe3 => b[i + 1] == 0x80 && b[i + 2] == 0x82,
            0xef => b[i + 1] == 0xbc && matches!(b[i + 2], 0x81 | 0x9f | 0x9b),
            _ => false,
        };
        if !is_end {
            // Step over the whole character.
            i += match lead {
                0xf0.. => 4,
                0xe0.. => 3,
                0xc0.. => 2,
                _ => 1,
            };
            continue;
        }
        let end = i + 3;
        if end > start {
            out.push((start, end));
        }
        start = end;
        i = end;
    }
    if start < line.len() {
        out.push((start, line.len()));
    }
    out
}

struct Sentence<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    qs: &'a [Quantity],
    frame: Frame,
    ctx: &'a Context,
    facts: Vec<Fact>,
    /// Facts made by the last clause that had a subject (several for `分别` lists).
    group: Vec<usize>,
    /// Next member of `group` for figures that come one per clause, and their verb.
    pair_next: usize,
    pair_lead: String,
}

/// One clause: its byte range and the quantities in it.
struct Clause {
    start: usize,
    end: usize,
    q: std::ops::Range<usize>,
}

impl<'a> Sentence<'a> {
    fn run(mut self, out: &mut Vec<Fact>) {
        for clause in self.clauses() {
            self.clause(&clause);
        }
        out.extend(self.facts);
    }

    /// Cut at `，` and `：`, and at `、` right after a figure (unless a `分别` list is running).
    fn clauses(&self) -> Vec<Clause> {
        let mut out = Vec::new();
        let mut cs = self.start;
        let mut qi = 0;
        let mut q_from = 0;
        let mut fenbie = false;
        let text = self.text;
        for (i, c) in text[self.start..self.end].char_indices() {
            let i = self.start + i;
            while qi < self.qs.len() && self.qs[qi].end <= i {
                qi += 1;
            }
            if c == '别' && text[..i + c.len_utf8()].ends_with("分别") {
                fenbie = true;
            }
            let cut = match c {
                '，' | '：' | '。' | '；' | '！' | '？' => true,
                '、' => !fenbie && qi > q_from && after_figure(text, &self.qs[qi - 1], i),
                _ => false,
            };
            if cut {
                if qi > q_from || i > cs {
                    out.push(Clause { start: cs, end: i, q: q_from..qi });
                }
                cs = i + c.len_utf8();
                q_from = qi;
                fenbie = false;
            }
        }
        if cs < self.end {
            out.push(Clause { start: cs, end: self.end, q: q_from..self.qs.len() });
        }
        out.retain(|c| !c.q.is_empty());
        out
    }

    fn clause(&mut self, c: &Clause) {
        // `年均` (or `五年`) in a single-year frame speaks of five years: the five up to the
        // review year for results, from the plan year for goals.
        let prefix = &self.text[c.start..self.qs[c.q.start].start];
        let saved = self.frame.clone();
        if !saved.is_multi_year() && (says_annual_avg(prefix) || prefix.contains("五年")) {
            let y = saved.from;
            self.frame = match saved.kind {
                Kind::Actual => Frame { kind: Kind::Actual, from: y - 4, to: y },
                Kind::Target => Frame { kind: Kind::Target, from: y, to: y + 4 },
            };
        }
        self.clause_in_frame(c);
        self.frame = saved;
    }

    fn clause_in_frame(&mut self, c: &Clause) {
        let text = self.text;
        let qs = &self.qs[c.q.clone()];
        let prefix = &text[c.start..qs[0].start];
        let (subject_part, lead0) = split_fenbie(prefix);
        let fenbie = lead0.is_some();
        let (subj_text, lead) = match lead0 {
            Some(l) => (subject_part, l),
            None => split_subject(prefix),
        };
        let multi_year = self.frame.is_multi_year();
        let mut basis = None;
        if says_annual_avg(prefix) {
            basis = Some(Basis::AnnualAvg);
        } else if prefix.contains("累计") {
            basis = Some(Basis::Cumulative);
        }

        // Facts this clause fills, one per subject; none means "continue the previous fact".
        let mut subjects = self.subjects(subj_text, fenbie);
        // `成渝地区双城经济圈建设走深走实，经济总量超9万亿元`: a bare indicator right after a
        // sub-region was named in the sentence is that sub-region's, not the report's.
        if let [s] = subjects.as_mut_slice() {
            if s.entry.is_some() && s.text == subj_text.trim_start_matches(['，', '、']) {
                if let Some(entity) = sub_region_before(&text[self.start..c.start]) {
                    *s = Subject { name: format!("{entity}{}", s.text), entry: None, text: s.text.clone() };
                }
            }
        }
        let targets: Vec<usize>;
        if subjects.is_empty() {
            // `为380个老旧小区引入物业服务`, `为850名农民工追回工资`: whom something was done for
            // is counted on its own, not a figure of the previous subject.
            let for_whom = ["为", "向", "给", "帮助", "带动", "惠及"].contains(&prefix);
            let starts_with_count = (prefix.is_empty() || for_whom) && matches!(&qs[0].measure, Measure::Level(u) if COUNT_UNITS.contains(&u.as_str()));
            if self.group.is_empty() || starts_with_count {
                // No subject of its own: a count (`建成藏羊基地3个`, `191家工业企业…`) still
                // comes out, named by what follows it; other figures are dropped.
                for (k, q) in qs.iter().enumerate() {
                    let l = if k == 0 { lead } else { &text[qs[k - 1].end..q.start] };
                    if let Measure::Level(u) = &q.measure {
                        if COUNT_UNITS.contains(&u.as_str()) {
                            let obj = object_after(text, q.end, c.end);
                            if !obj.is_empty() {
                                let name = format!("{}{}", trim_name(l), obj);
                                self.push_count(&name, q, c.start, c.end, basis);
                            }
                        }
                    }
                }
                self.group.clear();
                return;
            }
            if self.group.len() > 1 && qs.len() == 1 && !fenbie {
                // `分别达6.9万元、3.4万元，增长4.2%、5.3%` cut into one figure per clause:
                // pair them with the list in order.
                let t = self.group[self.pair_next % self.group.len()];
                self.pair_next += 1;
                let l = strip_bound_suffix_prefix(lead);
                // `增长4.2%、5.3%`: the second figure shares the first one's verb.
                let l = if l.is_empty() { self.pair_lead.clone() } else { l.to_string() };
                self.apply(t, &l, &qs[0], c.end, true);
                self.pair_lead = l;
                return;
            }
            targets = self.group.clone();
        } else {
            // `完成产业类投资553.1亿元、研发投入133.5亿元，分别增长10.6%、10.3%`: subjects listed
            // clause after clause (cut at `、` after a figure) form one group for a `分别` to come.
            let listing = text[..c.start].ends_with('、') && !self.group.is_empty();
            if !listing {
                self.group.clear();
            }
            self.pair_next = 0;
            self.pair_lead.clear();
            let first_new = self.group.len();
            for s in &subjects {
                let f = self.new_fact(s, c.start, multi_year);
                self.facts.push(f);
                self.group.push(self.facts.len() - 1);
            }
            targets = self.group[first_new..].to_vec();
        }
        if let Some(b) = basis {
            for &t in &targets {
                self.facts[t].basis = Some(b);
            }
        }

        // Distribute: `分别` (or as many figures of one kind as subjects) pairs them in order;
        // otherwise every subject takes every figure.
        let figures: Vec<(usize, &Quantity)> = qs.iter().enumerate().collect();
        let pair = targets.len() > 1 && (fenbie || figures.len() == targets.len() || figures.len() % targets.len() == 0 && figures.len() > targets.len());
        let mut slot = 0usize;
        let mut prev_lead: &str = "";
        for (k, q) in figures {
            let l = if k == 0 { lead } else { &text[qs[k - 1].end..q.start] };
            let mut l = strip_bound_suffix_prefix(l);
            // `分别增长6.8%、12.3%、7.8%`: later figures of a list share the first one's verb.
            if l.chars().all(|c| matches!(c, '、' | '和' | '及' | '与' | '，')) {
                l = prev_lead;
            }
            prev_lead = l;
            if pair {
                let t = targets[slot % targets.len()];
                slot += 1;
                self.apply(t, l, q, c.end, subjects.is_empty());
            } else {
                for &t in &targets.clone() {
                    self.apply(t, l, q, c.end, subjects.is_empty());
                }
            }
        }
    }

    /// A count with no subject of its own: a non-catalog fact.
    fn push_count(&mut self, name: &str, q: &Quantity, start: usize, end: usize, basis: Option<Basis>) {
        let s = Subject { name: name.chars().rev().take(16).collect::<Vec<_>>().into_iter().rev().collect(), entry: None, text: String::new() };
        let mut f = self.new_fact(&s, start, self.frame.is_multi_year());
        f.basis = basis;
        let (v, u) = match &q.measure {
            Measure::Level(u) => (q.value, u.clone()),
            _ => return,
        };
        f.value = Some(v);
        f.unit = Some(u);
        f.value_bound = suffix_bound(self.text, q.end).map(|(b, _)| b).or(q.more.then_some(Bound::AtLeast));
        f.end = q.end.max(f.start).min(end);
        self.facts.push(f);
    }

    fn new_fact(&self, s: &Subject, start: usize, multi_year: bool) -> Fact {
        let name = match (s.entry, self.ctx.level) {
            (Some(e), Some(Level::National)) => e.national.unwrap_or(e.name).to_string(),
            (Some(e), _) => e.name.to_string(),
            (None, _) => s.name.clone(),
        };
        let entry = s.entry.or_else(|| crate::indicator::catalog::by_name(&name));
        Fact {
            entry,
            name,
            in_catalog: s.entry.is_some(),
            kind: self.frame.kind,
            period: self.frame.period(),
            basis: None,
            value: None,
            value_high: None,
            unit: None,
            change_pct: None,
            change_pct_high: None,
            change_points: None,
            value_bound: None,
            change_bound: None,
            start,
            end: start,
            subject: s.text.clone(),
            multi_year,
            fresh: false,
        }
    }

    /// Put figure `q`, introduced by `lead`, into fact `t`; a full slot starts a new fact.
    fn apply(&mut self, t: usize, lead: &str, q: &Quantity, clause_end: usize, continued: bool) {
        let text = self.text;
        // `超千亿元的县域`: the figure describes a noun after it, not the subject.
        let after = &text[q.end..];
        if after.starts_with('的') || after.starts_with("左右的") || after.starts_with("以上的") {
            return;
        }
        // `迈上4万亿、5万亿两个台阶`: thresholds passed, not levels.
        if counted_threshold(&text[q.end..self.end.max(q.end)]) {
            return;
        }
        // Baselines (`从60.2%`, `从2020年的82.4岁`, `较“十三五”末的9323.1亿元`) and
        // comparisons are not the fact.
        if lead.starts_with(['从', '由']) && change_verb(lead).is_none() || lead.ends_with('从') || lead.ends_with('由') || (lead.contains('较') || lead.contains('比')) && lead.ends_with('的') || lead.ends_with('较') {
            return;
        }
        let (suffix_b, q_end) = match suffix_bound(text, q.end) {
            Some((b, e)) => (Some(b), e),
            None => (None, q.end),
        };
        let entry = self.facts[t].entry;
        // `PM2.5浓度较“十三五”末改善16.5%`: better means lower for a ceiling indicator.
        let change = change_verb(lead).or_else(|| {
            let l = lead.trim_end_matches(['了', '约']);
            (l.ends_with("改善") || l.ends_with("好转")).then(|| (entry.is_some_and(|e| e.direction == crate::indicator::catalog::Direction::Ceiling), false))
        });
        let prefix_b = prefix_bound(lead);
        let bound = suffix_b.or(prefix_b).or(q.more.then_some(Bound::AtLeast)).or(q.high.map(|_| Bound::AtLeast));
        let mut fact = self.facts[t].clone();
        if continued && self.frame.is_multi_year() && !fact.multi_year && fact.period == self.frame.to.to_string() {
            // `增加到121万亿元，五年年均增长5.2%`: the level closes the five years.
            fact.period = self.frame.period();
            fact.multi_year = true;
        }
        match &q.measure {
            Measure::Points => {
                if COMPARISONS.iter().any(|w| lead.contains(w)) {
                    return;
                }
                if fact.change_points.is_some() {
                    fact = self.fresh_like(t);
                }
                let neg = change.map(|(neg, _)| neg).unwrap_or(false);
                fact.change_points = Some(if neg { -q.value } else { q.value });
                fact.change_bound = bound.or(fact.change_bound);
            }
            Measure::Percent => {
                let is_rate = entry.map(|e| e.rate).unwrap_or(!fact.in_catalog);
                let as_change = match change {
                    Some((_, to)) => !to,
                    // A bare `74%以上` continuing a clause is a share of something else.
                    None if continued && !is_rate => return,
                    None => !is_rate,
                };
                if as_change {
                    if COMPARISONS.iter().any(|w| lead.contains(w)) || lead.contains("时期") {
                        return;
                    }
                    if fact.change_pct.is_some() {
                        fact = self.fresh_like(t);
                    }
                    let neg = change.map(|(neg, _)| neg).unwrap_or(false);
                    let sign = if neg { -1.0 } else { 1.0 };
                    fact.change_pct = Some(sign * q.value);
                    fact.change_pct_high = q.high.map(|h| sign * h);
                    fact.change_bound = bound;
                    if fact.multi_year && fact.basis.is_none() {
                        fact.basis = Some(Basis::Cumulative);
                    }
                } else {
                    if fact.value.is_some() {
                        fact = self.fresh_like(t);
                    }
                    fact.value = Some(q.value);
                    fact.value_high = q.high;
                    fact.unit = Some("%".into());
                    fact.value_bound = bound;
                }
            }
            Measure::Level(unit) => {
                if COUNT_UNITS.contains(&unit.as_str()) && fact.in_catalog {
                    // `迈上4个万亿元台阶`: a count never is the level of a catalog indicator.
                    let obj = object_after(text, q.end, clause_end);
                    if !obj.is_empty() {
                        self.push_count(&format!("{}{}", trim_name(lead), obj), q, q.start, clause_end, None);
                    }
                    return;
                }
                if let Some((_, to)) = change {
                    if !to {
                        // `增产74亿斤`, `增加4374.4亿元`: an absolute change, not the level.
                        return;
                    }
                }
                if fact.value.is_some() {
                    fact = self.fresh_like(t);
                }
                fact.value = Some(q.value);
                fact.value_high = q.high;
                fact.unit = Some(unit.clone());
                fact.value_bound = bound;
                if fact.multi_year && fact.basis.is_none() && (lead.contains("累计") || fact.subject.contains("累计")) {
                    fact.basis = Some(Basis::Cumulative);
                }
            }
        }
        fact.end = fact.end.max(q_end);
        self.store(t, fact);
    }

    /// A new fact with the subject, kind and period of fact `t` (its slot is taken).
    fn fresh_like(&mut self, t: usize) -> Fact {
        let mut f = self.facts[t].clone();
        f.value = None;
        f.value_high = None;
        f.unit = None;
        f.change_pct = None;
        f.change_pct_high = None;
        f.change_points = None;
        f.value_bound = None;
        f.change_bound = None;
        f.fresh = true;
        f
    }

    fn store(&mut self, t: usize, mut fact: Fact) {
        if fact.fresh {
            fact.fresh = false;
            self.facts.push(fact);
            let n = self.facts.len() - 1;
            if let Some(g) = self.group.iter_mut().find(|g| **g == t) {
                *g = n;
            }
        } else {
            self.facts[t] = fact;
        }
    }

    /// Resolve the subject phrase into one subject, or several for lists.
    fn subjects(&self, phrase: &str, fenbie: bool) -> Vec<Subject> {
        let phrase = phrase.trim_start_matches(['，', '、', '“', '”']);
        if phrase.is_empty() {
            return Vec::new();
        }
        let items = split_items(phrase);
        if items.len() > 1 {
            let last = items[items.len() - 1];
            let mut out: Vec<Subject> = Vec::new();
            for (k, item) in items.iter().enumerate() {
                let s = if k + 1 == items.len() { self.resolve(item) } else { self.resolve_with_suffix(item, last) };
                match s {
                    Some(s) => out.push(s),
                    None => return Vec::new(),
                }
            }
            // A list without 分别 shares its figure only when every item is a catalog indicator.
            if fenbie || out.iter().all(|s| s.entry.is_some()) {
                return out;
            }
            return self.resolve(phrase).into_iter().collect();
        }
        if let Some(rest) = phrase.strip_prefix("城乡") {
            if fenbie {
                let a = self.resolve(&format!("城镇{rest}"));
                let b = self.resolve(&format!("农村{rest}"));
                if let (Some(a), Some(b)) = (a, b) {
                    return vec![a, b];
                }
            }
        }
        if let Some(s) = self.elliptic(phrase) {
            return vec![s];
        }
        self.resolve(phrase).into_iter().collect()
    }

    /// `支出` after `地方一般公共预算收入…`: the previous subject with its head replaced.
    fn elliptic(&self, phrase: &str) -> Option<Subject> {
        let head = ELLIPTIC_HEADS.iter().find(|h| **h == phrase)?;
        let prev = self.facts.last()?;
        let prev_head = ELLIPTIC_HEADS.iter().filter(|h| prev.subject.ends_with(**h)).max_by_key(|h| h.len())?;
        let stem = &prev.subject[..prev.subject.len() - prev_head.len()];
        let s = self.resolve(&format!("{stem}{head}"))?;
        s.entry.is_some().then_some(s)
    }

    fn resolve_with_suffix(&self, item: &str, last: &str) -> Option<Subject> {
        if let Some(s) = self.resolve(item).filter(|s| s.entry.is_some()) {
            return Some(s);
        }
        for (k, _) in last.char_indices().skip(1) {
            let cand = format!("{item}{}", &last[k..]);
            if let Some(s) = self.resolve(&cand).filter(|s| s.entry.is_some()) {
                return Some(s);
            }
        }
        let head = SHARED_HEADS.iter().find(|h| last.ends_with(**h) && !item.ends_with(**h));
        match head {
            Some(h) => self.resolve(&format!("{item}{h}")),
            None => self.resolve(item),
        }
    }

    /// One subject phrase → a catalog entry (when an alias ends it and only scope words
    /// precede it) or a non-catalog name.
    fn resolve(&self, phrase: &str) -> Option<Subject> {
        let cleaned = clean_subject(phrase);
        let mut p: &str = &cleaned;
        // Fillers come off the end only, so the hits in `p` are those of `cleaned` ending in it.
        let hits = all_aliases(&cleaned);
        loop {
            if let Some(hit) = last_hit(&hits, p.len()) {
                if hit.end == p.len() && self.scope_only(&p[..hit.start]) {
                    return Some(Subject { name: hit.entry.name.to_string(), entry: Some(hit.entry), text: p[hit.start..].to_string() });
                }
            }
            match strip_one_filler(p) {
                Some(shorter) => p = shorter,
                None => break,
            }
        }
        let name = trim_name_with(&cleaned, &hits);
        if name.is_empty() || !name.chars().any(is_han) {
            return None;
        }
        Some(Subject { name: name.to_string(), entry: None, text: name.to_string() })
    }

    fn scope_only(&self, mut s: &str) -> bool {
        let region = self.ctx.region.as_deref().unwrap_or("");
        let short = region_short(region);
        'outer: while !s.is_empty() {
            for w in SCOPE_PREFIXES.iter().copied().chain([region, short].into_iter().filter(|r| !r.is_empty())) {
                if let Some(r) = s.strip_prefix(w) {
                    s = r;
                    continue 'outer;
                }
            }
            return false;
        }
        true
    }
}

impl Fact {
    fn has_figure(&self) -> bool {
        self.value.is_some() || self.change_pct.is_some() || self.change_points.is_some()
    }
}

/// `天峻县` → `天峻`, `四川省` → `四川`.
fn region_short(region: &str) -> &str {
    for s in ["自治区", "自治州", "自治县", "省", "市", "县", "区", "州", "旗", "盟"] {
        if let Some(r) = region.strip_suffix(s) {
            if r.chars().count() >= 2 {
                return r;
            }
        }
    }
    region
}

/// Whether a `、` at `i` closes the figure `q` (allowing a bound word between them).
fn after_figure(text: &str, q: &Quantity, i: usize) -> bool {
    let gap = &text[q.end..i];
    gap.is_empty() || ["左右", "以上", "以内", "以下"].contains(&gap)
}

/// `分别` splits a prefix into the subject list and the lead of the first figure.
fn split_fenbie(prefix: &str) -> (&str, Option<&str>) {
    match prefix.find("分别") {
        Some(i) => {
            let (subj, lead) = prefix.split_at(i);
            let subj = strip_fillers(subj);
            (subj, Some(&lead["分别".len()..]))
        }
        None => {
            let i = prefix.find('均').filter(|&i| prefix[..i].contains('、'));
            match i {
                Some(i) if !prefix[..i].ends_with('年') => (&prefix[..i], None),
                _ => (prefix, None),
            }
        }
    }
}

/// Split a prefix into subject phrase and lead (the verbs before the first figure).
fn split_subject(prefix: &str) -> (&str, &str) {
    let mut p = prefix;
    for w in LEADING_FILLERS {
        if let Some(r) = p.strip_prefix(w) {
            p = r;
        }
    }
    let skipped = prefix.len() - p.len();
    // Fillers come off the end only: the aliases in `subj` are those of `p` that end in it.
    let hits = all_aliases(p);
    let subj = strip_fillers_with(p, &hits);
    let hits: Vec<Hit> = hits.into_iter().filter(|h| h.end <= subj.len()).collect();
    let alias_end = hits.iter().any(|h| h.end == subj.len());
    // A clause that starts with a lead word has no subject: `同比下降`, `较…的`, `年均增长`.
    if subj.is_empty() || subj.starts_with(['较', '比']) || LEAD_STARTS.iter().any(|w| subj.starts_with(w) && subj.len() <= w.len() + 3 * 4 && !subj.contains(|c: char| c == '、')) && !alias_end {
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

/// Words at the start of a clause that are not part of its subject.
const LEADING_FILLERS: &[&str] = &["五年来", "这五年", "五年", "十年来", "全年", "今年", "去年", "其中", "同时", "此外", "另外"];

/// Words that start a predicate right after a subject.
const VERB_STARTS: &[&str] = &[
    "从", "由", "较", "比", "连续", "跨过", "迈上", "跃上", "跃居", "首次", "稳定", "保持", "控制", "达", "突破", "超", "实现", "完成",
    "增长", "增加", "下降", "提高", "提升", "年均", "累计", "同比", "均", "分别", "在",
];

/// `hits`: all aliases in `s`, in `all_aliases` order.
fn alias_then_verb(s: &str, hits: Vec<Hit>) -> Option<usize> {
    hits.into_iter().rev().find(|h| VERB_STARTS.iter().any(|v| s[h.end..].starts_with(v))).map(|h| h.end)
}

const LEAD_STARTS: &[&str] = &["同比", "比上年", "比去年", "年均", "增长", "下降", "增速", "涨幅", "其中"];

/// The alias of `hits` (all those of a phrase) that ends last within its first `len` bytes:
/// `last_alias` of that prefix.
fn last_hit(hits: &[Hit], len: usize) -> Option<Hit> {
    hits.iter().filter(|h| h.end <= len).fold(None, |best: Option<Hit>, &h| match best {
        Some(b) if !(h.end > b.end || (h.end == b.end && h.start < b.start)) => Some(b),
        _ => Some(h),
    })
}

/// Strip trailing fillers, keeping an alias that ends the phrase.
fn strip_fillers(s: &str) -> &str {
    strip_fillers_with(s, &all_aliases(s))
}

/// `strip_fillers` with the aliases of `s` already found.
fn strip_fillers_with<'s>(mut s: &'s str, hits: &[Hit]) -> &'s str {
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

fn strip_one_filler(s: &str) -> Option<&str> {
    let trimmed = s.trim_end_matches(['，', '、', '“', '”', '（', '）']);
    if trimmed.len() < s.len() {
        return Some(trimmed);
    }
    let last = s.chars().next_back()?;
    FILLERS_BY_LAST.get(&last)?.iter().find_map(|f| s.strip_suffix(f))
}

/// Trailing fillers and bound words, grouped by their last character so that stripping a
/// phrase compares only the few that can match.
static FILLERS_BY_LAST: std::sync::LazyLock<std::collections::HashMap<char, Vec<&'static str>>> = std::sync::LazyLock::new(|| {
    let mut m: std::collections::HashMap<char, Vec<&'static str>> = std::collections::HashMap::new();
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

fn strip_bound_suffix_prefix(lead: &str) -> &str {
    lead.trim_start_matches(['、', '，']).trim_start_matches("左右").trim_start_matches("以上")
}

/// Normalize a subject before matching: `规上` → `规模以上`, `年末`/`年底` dropped,
/// `年产X` → `X产量`.
fn clean_subject(phrase: &str) -> String {
    let mut s = phrase.to_string();
    if s.contains('规') {
        s = s.replace("规上", "规模以上");
    }
    if s.contains('年') {
        s = s.replace("年末", "").replace("年底", "");
    }
    for p in ["全年", "今年", "当年"] {
        if let Some(r) = s.strip_prefix(p) {
            s = r.to_string();
        }
    }
    if let Some(r) = s.strip_prefix("年产") {
        if !r.is_empty() {
            s = format!("{r}产量");
        }
    }
    s
}

/// A readable non-catalog name: no leading clause words, at most 16 characters (the end).
fn trim_name(s: &str) -> &str {
    trim_name_with(s, &all_aliases(s))
}

/// `trim_name` with the aliases of `s` already found.
fn trim_name_with<'s>(s: &'s str, hits: &[Hit]) -> &'s str {
    let t = s.trim_matches(|c: char| !is_han(c) && !c.is_ascii_alphanumeric());
    // The aliases of the trimmed phrase are those of `s` inside it, shifted.
    let from = t.as_ptr() as usize - s.as_ptr() as usize;
    let inner: Vec<Hit> = hits
        .iter()
        .filter(|h| h.start >= from && h.end <= from + t.len())
        .map(|h| Hit { start: h.start - from, end: h.end - from, ..*h })
        .collect();
    let s = strip_fillers_with(t, &inner);
    let n = s.chars().count();
    if n > 16 {
        let skip: usize = s.chars().take(n - 16).map(char::len_utf8).sum();
        &s[skip..]
    } else {
        s
    }
}

/// The noun right after a count (`62眼机井` → `机井`), up to the next punctuation.
fn object_after(text: &str, i: usize, end: usize) -> String {
    let rest = &text[i..end.max(i)];
    let rest = rest.strip_prefix("以上").or_else(|| rest.strip_prefix("左右")).unwrap_or(rest);
    rest.chars().take_while(|&c| is_han(c)).take(10).collect()
}

/// Split a subject list at `、`, `和`, `及`, `与`.
fn split_items(phrase: &str) -> Vec<&str> {
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

/// The verb of change a lead ends with: (falls, reaches-a-level).
fn change_verb(lead: &str) -> Option<(bool, bool)> {
    let mut l = lead;
    // Bound words between the verb and the figure: `增长超过`, `下降近`.
    loop {
        let before = l.len();
        for w in AT_LEAST_BEFORE.iter().chain(AT_MOST_BEFORE).chain(ABOUT_BEFORE).chain(["了", "达", "为"].iter()) {
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
            if CHANGE_VERBS.iter().any(|(v, _)| r.ends_with(v)) {
                return Some((false, true));
            }
        }
    }
    CHANGE_VERBS.iter().find(|(v, _)| l.ends_with(v)).map(|&(_, neg)| (neg, false))
}

/// The bound word a lead ends with; the longest wins (`不少于` over `少于`).
fn prefix_bound(lead: &str) -> Option<Bound> {
    [(AT_MOST_BEFORE, Bound::AtMost), (AT_LEAST_BEFORE, Bound::AtLeast), (ABOUT_BEFORE, Bound::About)]
        .iter()
        .flat_map(|(words, b)| words.iter().filter(|w| lead.ends_with(**w)).map(move |w| (w.len(), *b)))
        .max_by_key(|&(n, _)| n)
        .map(|(_, b)| b)
}

/// `年均增长`, `年均新增`: an annual average — but not `年均浓度`, a yearly mean level.
fn says_annual_avg(s: &str) -> bool {
    s.match_indices("年均").any(|(i, w)| !s[i + w.len()..].starts_with("浓度"))
}

/// `、5万亿两个台阶`, `三个大关`: a figure that is one of several thresholds crossed.
fn counted_threshold(rest: &str) -> bool {
    let tail = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '、' || "万亿千百元".contains(c));
    let tail = tail.trim_start_matches(|c: char| crate::number::cn_digit(c).is_some() || c == '十');
    tail.starts_with("个台阶") || tail.starts_with("个大关") || tail.starts_with("大台阶")
}

/// `左右`, `以上`, `以内`, `以下` right after a figure, and where the figure then ends.
fn suffix_bound(text: &str, i: usize) -> Option<(Bound, usize)> {
    let rest = &text[i..];
    for (w, b) in [("左右", Bound::About), ("以上", Bound::AtLeast), ("以内", Bound::AtMost), ("以下", Bound::AtMost)] {
        if rest.starts_with(w) {
            return Some((b, i + w.len()));
        }
    }
    None
}

/// The same fact stated twice (a summary repeated in the body) comes out once.
fn dedup(facts: Vec<Fact>) -> Vec<Fact> {
    let mut out: Vec<Fact> = Vec::with_capacity(facts.len());
    for f in facts {
        if !f.has_figure() {
            continue;
        }
        let dup = out.iter().any(|o| {
            // Numbers first: they differ most often and compare fastest.
            o.value == f.value && o.change_pct == f.change_pct && o.change_points == f.change_points && o.kind == f.kind && o.name == f.name && o.period == f.period && o.unit == f.unit
        });
        if !dup {
            out.push(f);
        }
    }
    out
}
