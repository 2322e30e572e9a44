//! Subject + number + unit + growth + bound + kind + period: from clean text to facts.
//!
//! A sentence is cut into clauses (at `，`, `：`, and at `、` right after a figure). Each clause
//! has an optional subject phrase (`全年完成地区生产总值`) and figures; a clause without a
//! subject continues the previous fact (`实现地区生产总值67665亿元，增长5.5%`). `分别` lists
//! give one fact per subject, and a list of subjects with one figure shares it
//! (`社零、固投增长4%左右`).

use super::catalog::{all_aliases, Entry};
use crate::document::frame::{announces_targets, cue, estimates_past, Frame, Years};
use crate::document::heading::{heading_number, is_heading_line};
use crate::document::sentence::sentences_into;
use super::quantity::{scan, Measure, Quantity};
use super::list::*;
use super::qualifier::*;
use super::subject::*;
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
    let mut quantities = scan(text);
    // `突破一批关键核心技术`: a vague quantifier, not a count.
    quantities.retain(|q| !crate::cues::VAGUE_QUANTIFIERS.contains(&&text[q.start..q.end]));
    let mut facts = Vec::new();
    let mut frame = ctx.start.clone();
    let mut qi = 0;
    let mut line_start = 0;
    let mut spans = Vec::new();
    // The words each sentence is asked about, found once in the whole text.
    const REPORT: u32 = 1;
    const CONGRESS: u32 = 2;
    const MUBIAO: u32 = 4;
    const YUJI: u32 = 8;
    let mut marks = crate::document::sentence::Marks::new(text, &[crate::finder!("工作报告"), crate::finder!("人民代表大会"), crate::finder!("目标"), crate::finder!("预计")]);
    for line in crate::normalize::split_lines(text) {
        let line_end = line_start + line.len();
        // A sub-heading (`（一）高质量发展取得显著成效`) speaks within its part's frame: only a
        // part heading (`二、“十五五”时期…`) or an unnumbered line sets one from its words.
        let heading = is_heading_line(line) && heading_number(line).is_none_or(|(_, depth)| depth == 1);
        let mut first = true;
        // Whether a sentence before in this line held a figure.
        let mut figured = false;
        // A sentence's own cue holds across the `；` that end its list of figures
        // (`初步统计，2016年，实现地区生产总值189亿元；公共财政预算收入10.6亿元；…`).
        let mut carried: Option<Frame> = None;
        let mut semicolon_last: Option<Fact> = None;
        sentences_into(line, &mut spans);
        for &(s, e) in &spans {
            let (s, e) = (line_start + s, line_start + e);
            let sent = &text[s..e];
            if sent.starts_with("各位代表") && sent.chars().count() <= 6 {
                // `各位代表！` opens the paragraph; the cue follows it.
                continue;
            }
            let mut sframe = carried.take().unwrap_or_else(|| frame.clone());
            // The title block (`2017年黄梅县人民政府工作报告`, `…在…人民代表大会…会议上`) names
            // the plan year without speaking in it.
            // (The words are looked up in `marks`, found once in the whole text: a substring search
            // per sentence and word costs more than the rest of a sentence without figures.)
            // (Not a news sentence that goes on to the targets: `李克强总理在政府工作报告中提出，今年
            // 发展主要预期目标是：…`.)
            let mark = marks.of(s, e);
            // (`announces_targets` needs a `目标`.)
            let announces = || mark & MUBIAO != 0 && announces_targets(sent);
            let title_block = mark & (REPORT | CONGRESS) != 0 && !announces();
            if title_block {
            } else if let Some(f) = cue(sent, ctx.years, heading && first) {
                // `……标志着“十四五”规划顺利收官。回望过去五年，……`: the look back over the five
                // years holds on into the paragraphs after it, wherever it starts in its own.
                // (A news page's paragraph opens with who spoke where: `…会议开幕。县长…作工作报告。
                // 报告指出，过去的一年实现…`: a sentence after sentences without figures opens it too.)
                if first || !figured || f.is_multi_year() && f.kind == Kind::Actual && f.to == ctx.years.review {
                    frame = f.clone();
                }
                sframe = f;
            } else if announces() {
                frame = Frame::single(Kind::Target, ctx.years.plan);
                sframe = frame.clone();
            }
            // (`主要预期目标是：预计地区生产总值增长5.5%左右`: an estimate inside the targets'
            // announcement is still a target.)
            if sframe.kind == Kind::Target && mark & YUJI != 0 && estimates_past(sent, ctx.years) && !sframe.is_multi_year() && !announces() {
                sframe = Frame::single(Kind::Actual, ctx.years.review);
            }
            if sent.ends_with('；') && sframe != frame {
                carried = Some(sframe.clone());
            }
            first = false;
            while qi < quantities.len() && quantities[qi].start < s {
                qi += 1;
            }
            let from = qi;
            while qi < quantities.len() && quantities[qi].end <= e {
                qi += 1;
            }
            let before = semicolon_last.take();
            figured |= from < qi;
            if from < qi {
                let n = facts.len();
                Sentence { text, start: s, end: e, qs: &quantities[from..qi], frame: sframe.clone(), ctx_frame_multi: sframe.is_multi_year(), each: each_one(sent), ctx, facts: Vec::new(), group: Vec::new(), pair_next: 0, pair_lead: String::new(), sub_region_heads: Default::default(), comparing: false, clause_basis: None, before, output_verb: None }
                    .run(&mut facts);
                if sent.ends_with('；') && facts.len() > n {
                    semicolon_last = facts.last().cloned();
                }
            }
        }
        line_start = line_end + 1;
    }
    let mut facts = dedup(facts);
    for f in &mut facts {
        bound_quote(text, f);
    }
    facts
}

struct Sentence<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    qs: &'a [Quantity],
    frame: Frame,
    /// Whether the sentence itself speaks of several years (not only a clause's `年均`).
    ctx_frame_multi: bool,
    /// Whether the sentence has `均` giving one figure to each of a list (looked for once).
    each: bool,
    ctx: &'a Context,
    facts: Vec<Fact>,
    /// Facts made by the last clause that had a subject (several for `分别` lists).
    group: Vec<usize>,
    /// Next member of `group` for figures that come one per clause, and their verb.
    pair_next: usize,
    pair_lead: String,
    /// Sub-region heads named in the sentence (`经济圈`, `新区`), found once when first asked.
    sub_region_heads: std::cell::OnceCell<Vec<std::ops::Range<usize>>>,
    /// The last clause was a gap to other places (`高于全国、全省1个、0.2个百分点`): figures
    /// listed after it with `、` are gaps too.
    comparing: bool,
    /// The basis (`年均`, `累计`) the clause being read states.
    clause_basis: Option<Basis>,
    /// The last fact of the sentence before, when that one ended in `；` (a list of figures
    /// cut into sentences): a bare head at the start of this one may be its.
    before: Option<Fact>,
    /// The verb of output (`生产`) and its noun (`产量`) of the last clause, for items listed after it.
    output_verb: Option<(&'static str, &'static str)>,
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
        let mut depth = 0u32;
        let text = self.text;
        for (i, c) in text[self.start..self.end].char_indices() {
            let i = self.start + i;
            while qi < self.qs.len() && self.qs[qi].end <= i {
                qi += 1;
            }
            if c == '别' && text[..i + c.len_utf8()].ends_with("分别") {
                fenbie = true;
            }
            // `增长5.6%财政总收入、一般公共预算收入分别…`: a subject glued to the figure before it
            // (a comma lost in a web page) starts a clause of its own.
            if qi > q_from && is_han(c) && i > cs && after_figure(text, &self.qs[qi - 1], i) && alias_starts(&text[i..]) {
                out.push(Clause { start: cs, end: i, q: q_from..qi });
                cs = i;
                q_from = qi;
                fenbie = false;
            }
            // (`我市生产总值（预计，下同）、财政总收入…`: a comma inside brackets cuts nothing.)
            match c {
                '（' => depth += 1,
                '）' => depth = depth.saturating_sub(1),
                _ => {}
            }
            let cut = match c {
                '，' | '：' if depth > 0 => false,
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
        // `…居民人均可支配收入增长5%左右，报告定下2023年泉州发展目标：全市生产总值增长6.5%左右，…`
        // (a news sentence): the targets announced inside a sentence are targets from there on.
        // (Between the figure before and this one: the announcement may be a clause of its own.)
        let since = &self.text[c.q.start.checked_sub(1).map_or(self.start, |k| self.qs[k].end)..self.qs[c.q.start].start];
        if self.frame.kind == Kind::Actual && !self.frame.is_multi_year() && since.contains('标') && announces_targets(since) {
            self.frame = Frame::single(Kind::Target, self.ctx.years.plan);
        }
        let saved = self.frame.clone();
        // (Asked here and of the same prefix by `clause_in_frame`: looked at once.)
        let annual = says_annual_avg(prefix);
        if let Some(a) = crate::document::frame::plan_since(prefix).filter(|_| !saved.is_multi_year() && saved.kind == Kind::Actual && annual) {
            // `…增长7.6%，“十四五”以来年均增长7.8%`: the plan's years so far.
            self.frame = Frame { kind: Kind::Actual, from: a, to: saved.from.max(a) };
        } else if !saved.is_multi_year() && (annual || prefix.contains('五') && prefix.contains("五年")) {
            // `近3年…年均增长12.8%`: a span of other than five years, when it is named.
            let span = recent_years(prefix).unwrap_or(5);
            let y = saved.from;
            self.frame = match saved.kind {
                Kind::Actual => Frame { kind: Kind::Actual, from: y - (span - 1), to: y },
                Kind::Target => Frame { kind: Kind::Target, from: y, to: y + (span - 1) },
            };
        }
        // `2023年全州地区生产总值修订为1943.3亿元` in the review of 2024: a figure of the year
        // before, named with its year.
        let own = prefix.trim_start_matches(['，', '、']);
        let year = own.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()) && own[4..].starts_with('年')).and_then(|y| y.parse::<i32>().ok());
        if let Some(y) = year.filter(|&y| !self.frame.is_multi_year() && self.frame.kind == Kind::Actual && y + 1 == self.frame.from) {
            self.frame = Frame::single(Kind::Actual, y);
        }
        self.clause_in_frame(c, annual);
        self.frame = saved;
    }

    /// `annual`: whether the clause's prefix says `年均` ([`says_annual_avg`]).
    fn clause_in_frame(&mut self, c: &Clause, annual: bool) {
        let text = self.text;
        let qs = &self.qs[c.q.clone()];
        let prefix = &text[c.start..qs[0].start];
        // `大会应到代表558名，实到523名`, `523名市人大代表出席会议` (a news page): the meeting's
        // attendance, no figure of the report ([attendance_words]).
        let tail = &text[qs[qs.len() - 1].end..c.end.max(qs[qs.len() - 1].end)];
        // (`实到523名` after `应到代表558名`: a bare `实到` only with people counted, not `实到资金`.)
        let people = matches!(&qs[0].measure, Measure::Level(u) if u == "名" || u == "人");
        let bare = people && ["实到", "应到"].iter().any(|w| prefix.trim_start_matches(['，', '、']).starts_with(w));
        if bare || crate::cues::ATTENDANCE.occurs_in(prefix) || crate::cues::ATTENDANCE.occurs_in(tail) {
            return;
        }
        let (subject_part, lead0) = split_fenbie(prefix);
        let fenbie = lead0.is_some();
        let (subj_text, lead) = match lead0 {
            Some(l) => (subject_part, l),
            None => split_subject(prefix),
        };
        let multi_year = self.frame.is_multi_year();
        let mut basis = None;
        if annual {
            basis = Some(Basis::AnnualAvg);
        } else if prefix.contains("累计") {
            basis = Some(Basis::Cumulative);
        }

        // `高出全国平均水平9.1个百分点`, `快于全国3.4个百分点`: a gap to another place is no fact,
        // nor the figures listed after it (`高于全国、全省1个、0.2个百分点`).
        let listed_on = self.comparing && text[..c.start].ends_with('、') && prefix.is_empty();
        self.comparing = listed_on || crate::cues::COMPARISON_WORDS.prefix_of(subj_text.trim_start_matches(['，', '、'])).is_some();
        if self.comparing {
            return;
        }
        // Facts this clause fills, one per subject; none means "continue the previous fact".
        // `城镇、农村居民人均可支配收入29462元、16733元`: figures listed as the subjects are, one
        // each, as with `分别`.
        // (The figures' layout is looked at first: the subject's only when they are listed.)
        let next_listed = self.qs.get(c.q.end).is_some_and(|n| matches!(text.get(qs[qs.len() - 1].end..n.start), Some("、" | "和")));
        let within = qs.len() > 1 && qs.windows(2).all(|w| matches!(text.get(w[0].end..w[1].start), Some("、" | "和")));
        let several = (next_listed || within) && (subj_text.contains(['、', '和']) || subj_text.trim_start_matches(['，', '、']).starts_with("城乡") || spell_out_pair(subj_text).is_some());
        let listed = several && next_listed;
        // `城乡居民收入达到23292元和7750元`: the same within one clause.
        let listed_within = several && within;
        let fenbie = fenbie || listed || listed_within;
        let mut subjects = self.subjects(subj_text, fenbie);
        if let [s] = subjects.as_slice() {
            if s.entry.is_none() && self.facts.is_empty() {
                let bare = ["实现", "完成"].iter().find_map(|v| subj_text.strip_prefix(v)).unwrap_or(subj_text).trim_start_matches(['，', '、']);
                if let Some(found) = self.head_of_previous_clause(bare, c.start) {
                    subjects = vec![found];
                }
            }
        }
        // `全年生产钾肥757.5万吨`, `销售鲜食葡萄48.86万吨、葡萄干22.02万吨`: a verb of output and
        // what it made, with a physical amount, is the product's output (钾肥产量); the items
        // listed after it share the verb.
        let listed_after = text[..c.start].ends_with('、');
        if !listed_after {
            self.output_verb = None;
        }
        if let ([s], Some(Measure::Level(u))) = (subjects.as_slice(), qs.first().map(|q| &q.measure)) {
            let physical = !u.contains('元') && !counts_things(u) && !u.ends_with('人') && !u.ends_with("人次");
            let bare = subj_text.trim_start_matches(['，', '、']);
            let bare = ["全年", "累计", "共"].iter().find_map(|w| bare.strip_prefix(w)).unwrap_or(bare);
            let own = crate::cues::OUTPUT_VERBS.iter().filter_map(|p| p.split_once('=')).find(|(v, _)| bare.strip_prefix(v).is_some_and(|r| r.chars().count() >= 2));
            let verb = own.or(self.output_verb.filter(|_| listed_after));
            if let Some((v, noun)) = verb.filter(|_| physical && s.entry.is_none()) {
                let product = bare.strip_prefix(v).unwrap_or(bare);
                if product.chars().all(is_han) && (2..=8).contains(&product.chars().count()) {
                    if let Some(named) = self.resolve(&format!("{product}{noun}")) {
                        subjects = vec![named];
                        self.output_verb = Some((v, noun));
                    }
                }
            }
        }
        // `全年投资增长5%左右`: a bare word that names a catalog indicator when its growth is
        // given (`投资` → 固定资产投资), but not its level (`完成投资1万亿元` is any investment).
        if let [s] = subjects.as_mut_slice() {
            if s.entry.is_none() && change_verb(lead).is_some() {
                let bare = crate::cues::GROWTH_ALIASES.iter().filter_map(|p| p.split_once('=')).find(|(w, _)| s.name == *w || s.text == *w);
                if let Some(entry) = bare.and_then(|(_, name)| crate::indicator::catalog::by_name(name)) {
                    *s = Subject { name: entry.name.to_string(), entry: Some(entry), text: s.text.clone() };
                }
            }
        }
        // `规模以上固定资产投资年均增长23.5%，累计完成投资1008亿元`: a bare head that names
        // the fact just made goes on with it.
        if let [s] = subjects.as_slice() {
            let bare = ["累计完成", "累计实现", "实现", "完成"].iter().find_map(|v| subj_text.strip_prefix(v)).unwrap_or(subj_text);
            let same = self.facts.last().is_some_and(|f| f.entry.is_some() && f.entry == s.entry);
            if same && ELLIPTIC_HEADS.contains(&bare) && self.group.len() == 1 {
                subjects.clear();
            }
        }
        // `入境人数增长18.1%`: a noun the filler list took off the subject belongs to its name.
        if let Some(w) = crate::cues::NAME_KEEP_HEADS.iter().find(|w| lead.starts_with(**w)) {
            for s in subjects.iter_mut().filter(|s| s.entry.is_none() && s.name != UNNAMED) {
                s.name.push_str(w);
            }
        }
        // `成渝地区双城经济圈建设走深走实，经济总量超9万亿元`: a bare indicator right after a
        // sub-region was named in the sentence is that sub-region's, not the report's.
        if let [s] = subjects.as_mut_slice() {
            if s.entry.is_some() && s.text == subj_text.trim_start_matches(['，', '、']) {
                let heads = self.sub_region_heads.get_or_init(|| sub_region_heads(&text[self.start..self.end]));
                // Only while no figure came between (`市属国企利润年均增长11.1%，…，实际使用外资263亿美元`
                // is the city's): the sub-region's own figures end its say.
                let k = heads.partition_point(|h| self.start + h.end <= c.start);
                let listing = text[..c.start].ends_with('、');
                let quiet = k > 0 && (listing || !self.qs.iter().any(|q| q.start >= self.start + heads[k - 1].end && q.start < c.start));
                if let Some(entity) = sub_region_before(&text[self.start..c.start], heads).filter(|_| quiet) {
                    *s = Subject { name: format!("{entity}{}", s.text), entry: None, text: s.text.clone() };
                }
            }
        }
        let targets: Vec<usize>;
        let no_subject = subjects.is_empty();
        if no_subject {
            // `为380个老旧小区引入物业服务`, `为850名农民工追回工资`: whom something was done for
            // is counted on its own, not a figure of the previous subject.
            let for_whom = crate::cues::FOR_WHOM.contains(&prefix);
            let starts_with_count = (prefix.is_empty() || for_whom) && matches!(&qs[0].measure, Measure::Level(u) if COUNT_UNITS.contains(&u.as_str()));
            if fenbie && qs.len() > 1 && self.group.len() < qs.len() {
                // `全县生产总值92.51亿元，规上工业增加值10.74亿元，分别比增5.1%和15.3%`: the
                // subjects of the clauses before, one per figure.
                let mut earlier: Vec<usize> = Vec::new();
                for (k, f) in self.facts.iter().enumerate().rev() {
                    if earlier.len() == qs.len() {
                        break;
                    }
                    if !earlier.iter().any(|&e| self.facts[e].subject == f.subject) && !f.fresh {
                        earlier.push(k);
                    }
                }
                if earlier.len() == qs.len() {
                    earlier.reverse();
                    self.group = earlier;
                }
            }
            // `2.2万脱贫人口人均纯收入19701元`, `158个重点项目完成投资189.4亿元`: a count of those a
            // figure is about, then the figure's subject. The count is a fact of its own when a
            // verb follows what it counts (158个重点项目), else it only qualifies the subject.
            let count_of = |q: &Quantity| matches!(&q.measure, Measure::Level(u) if counts_things(u) || u.ends_with('人'));
            // (`其中12条重点产业链项目占比达84.4%`: a scope word before the count is the same.)
            if (prefix.is_empty() || self.scope_only(prefix)) && qs.len() > 1 && count_of(&qs[0]) && !count_of(&qs[1]) {
                let between = &text[qs[0].end..qs[1].start];
                if between.chars().count() >= 4 && between.chars().all(|c| is_han(c) || c == '“' || c == '”') {
                    let verb = between.char_indices().skip(2).find(|&(k, _)| crate::cues::COUNT_VERBS.iter().any(|v| between[k..].starts_with(v)));
                    if let Some(name) = verb.and_then(|(k, _)| readable_name(&between[..k])) {
                        self.push_count(&name, &qs[0], c.start, qs[1].start, basis);
                    }
                    let annual = says_annual_avg(&text[qs[0].end..qs[1].start]);
                    self.clause_in_frame(&Clause { start: qs[0].end, end: c.end, q: c.q.start + 1..c.q.end }, annual);
                    return;
                }
            }
            if self.group.is_empty() || starts_with_count {
                // No subject of its own: a count (`建成藏羊基地3个`, `191家工业企业…`) still
                // comes out, named by what follows it; other figures are dropped.
                for (k, q) in qs.iter().enumerate() {
                    let l = if k == 0 { lead } else { &text[qs[k - 1].end..q.start] };
                    if let Measure::Level(u) = &q.measure {
                        if COUNT_UNITS.contains(&u.as_str()) {
                            // `建成…10个产业园区`: the thing counted names the count.
                            let obj = object_after(text, q.end, c.end);
                            let named = readable_name(&obj).map(|o| selected_for(text, q.end, c.end, &o).unwrap_or(o));
                            let named = named.map(|o| level_head(text, q.end, c.end, &obj, o));
                            if let Some(name) = named.or_else(|| readable_name(trim_name(l)).filter(|_| !obj.is_empty())) {
                                self.push_count(&name, q, c.start, c.end, basis);
                            }
                        }
                    }
                }
                self.group.clear();
                return;
            }
            // `双双突破9万亿元`, `均增长5%`: one figure for every member of the list.
            let shared = crate::cues::SHARED_FIGURE.occurs_in(lead);
            // (`…、8240亿元和1573亿元`: the last two figures of a list paired so far, joined by `和`.)
            let pairing_on = self.pair_next > 0 && qs.len() > 1 && self.pair_next + qs.len() <= self.group.len();
            if self.group.len() > 1 && (qs.len() == 1 || pairing_on) && !fenbie && !shared {
                // `分别达6.9万元、3.4万元，增长4.2%、5.3%` cut into one figure per clause:
                // pair them with the list in order.
                for (k, q) in qs.iter().enumerate() {
                    let t = self.group[self.pair_next % self.group.len()];
                    self.pair_next += 1;
                    let l = if k == 0 { strip_bound_suffix_prefix(lead) } else { "" };
                    // `增长4.2%、5.3%`: the second figure shares the first one's verb.
                    let l = if l.is_empty() { self.pair_lead.clone() } else { l.to_string() };
                    self.apply(t, &l, q, c.end, true);
                    self.pair_lead = l;
                }
                return;
            }
            targets = self.group.clone();
        } else if let Some(k) = self.restated(&subjects, qs, multi_year) {
            // `地区生产总值可比增长2.5%、现价增长3.5%，经济总量首次突破2000亿元、达2010.9亿元`:
            // the level of the indicator whose growth was just given, under another of its names.
            self.group = vec![k];
            targets = vec![k];
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
            // (The subjects are done with: their strings move into the facts.)
            for s in std::mem::take(&mut subjects) {
                let f = self.new_fact(s, c.start, multi_year);
                self.facts.push(f);
                self.group.push(self.facts.len() - 1);
            }
            targets = self.group[first_new..].to_vec();
        }
        self.clause_basis = basis;
        if let Some(b) = basis {
                for &t in &targets {
                self.facts[t].basis = Some(b);
            }
        }

        // Distribute: `分别` (or as many figures of one kind as subjects) pairs them in order;
        // otherwise every subject takes every figure.
        let n_figures = qs.len();
        let shared = crate::cues::SHARED_FIGURE.occurs_in(&text[c.start..c.end]) || each_one(&text[c.start..c.end]);
        // (`城乡居民人均可支配收入分别增长8.1%`: one figure after `分别` is every member's.)
        let pair = targets.len() > 1 && !shared && (fenbie && (n_figures > 1 || listed) || n_figures == targets.len() || n_figures % targets.len() == 0 && n_figures > targets.len());
        let mut slot = 0usize;
        let mut prev_lead: &str = "";
        for (k, q) in qs.iter().enumerate() {
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
                self.apply(t, l, q, c.end, no_subject);
            } else {
                for &t in &targets {
                    self.apply(t, l, q, c.end, no_subject);
                }
            }
        }
        // The figures of a list cut at `、` go on, one per clause, with the next subject.
        if listed && pair {
            self.pair_next = slot;
            self.pair_lead = strip_bound_suffix_prefix(lead).to_string();
        }
    }

    /// The fact of this sentence that a lone catalog subject with only levels restates: the last
    /// fact, when it is the same indicator, in the same frame, with a growth and no level yet.
    fn restated(&self, subjects: &[Subject], qs: &[Quantity], multi_year: bool) -> Option<usize> {
        let [s] = subjects else { return None };
        let entry = s.entry?;
        let k = self.facts.len().checked_sub(1)?;
        let last = &self.facts[k];
        let levels = qs.iter().all(|q| matches!(&q.measure, Measure::Level(u) if !COUNT_UNITS.contains(&u.as_str())));
        (levels && last.entry == Some(entry) && last.value.is_none() && last.change_pct.is_some() && last.multi_year == multi_year).then_some(k)
    }

    /// A count with no subject of its own: a non-catalog fact.
    fn push_count(&mut self, name: &str, q: &Quantity, start: usize, end: usize, basis: Option<Basis>) {
        if one_of_many(self.text, q.end) {
            return;
        }
        // `连跨4个万亿元台阶`: thresholds counted are no count of things.
        if name.ends_with("台阶") || name.ends_with("大关") {
            return;
        }
        let s = Subject { name: name.chars().rev().take(16).collect::<Vec<_>>().into_iter().rev().collect(), entry: None, text: String::new() };
        let mut f = self.new_fact(s, start, self.frame.is_multi_year());
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

    fn new_fact(&self, s: Subject, start: usize, multi_year: bool) -> Fact {
        let name = match (s.entry, self.ctx.level) {
            (Some(e), Some(Level::National)) => e.national.unwrap_or(e.name).to_string(),
            (Some(e), _) => e.name.to_string(),
            (None, _) => s.name,
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
            subject: s.text,
            multi_year,
            fresh: false,
        }
    }

    /// Put figure `q`, introduced by `lead`, into fact `t`; a full slot starts a new fact.
    fn apply(&mut self, t: usize, lead: &str, q: &Quantity, clause_end: usize, continued: bool) {
        let text = self.text;
        // `提升到2025年的57.7%`: the year of the level is the frame's.
        let lead = strip_year_of(lead);
        // `完成8.72亿元（剔除留抵退税后为8.04亿元）`: a figure in a note on the figure before
        // (a bracket that opens with a [note_openers] word) is no fact of its own.
        // (Looked for no further back than a note is long, so a long sentence costs no more.)
        let before = &text[crate::meta::floor_char(text, q.start.saturating_sub(40 * 3)).max(self.start)..q.start];
        if let Some(k) = before.rfind('（').filter(|&k| !before[k..].contains('）')) {
            if crate::cues::NOTE_OPENERS.iter().any(|w| before[k + '（'.len_utf8()..].starts_with(w)) {
                return;
            }
        }
        // `超千亿元的县域`: the figure describes a noun after it, not the subject.
        let after = &text[q.end..];
        if after.starts_with('的') || after.starts_with("左右的") || after.starts_with("以上的") {
            return;
        }
        // `投资5000万元以上项目1381个`, `总投资超10亿元项目50个`: the size of the things counted
        // after it, not a figure.
        if sized_count(text, q).is_some() {
            return;
        }
        // `满3岁以下婴幼儿`: an age that bounds whom a service is for, not a figure.
        if matches!(&q.measure, Measure::Level(u) if u == "岁") && text[..q.start].ends_with('满') {
            return;
        }
        // `构建1小时通勤圈`, `“1小时经济圈”`: a span of time in the name of an area.
        if matches!(&q.measure, Measure::Level(u) if u == "小时" || u == "分钟") {
            let next: String = after.chars().take_while(|&c| is_han(c)).take(4).collect();
            if crate::cues::SPAN_AREAS.iter().any(|w| next.ends_with(w)) {
                return;
            }
        }
        // `迈上4万亿、5万亿两个台阶`: thresholds passed, not levels.
        if counted_threshold(&text[q.end..self.end.max(q.end)]) {
            return;
        }
        // `完成602.5亿元，首次突破600亿元大关`, `突破百亿元大关，达109亿元`: a milestone
        // passed beside the level itself ([milestone_words]) is no figure; alone it is the level
        // (`双超万亿元大关`).
        if let Some(w) = crate::cues::MILESTONE_WORDS.iter().find(|w| text[q.end..].starts_with(*w)) {
            if self.facts[t].value.is_some() || level_follows(&text[q.end + w.len()..self.end.max(q.end + w.len())]) {
                return;
            }
        }
        // `连续5个季度居全国前列`, `连续9年稳定在…`: a streak, not a figure of the indicator.
        if lead.ends_with("连续") && matches!(&q.measure, Measure::Level(_)) {
            return;
        }
        // Baselines (`从60.2%`, `从2020年的82.4岁`, `较“十三五”末的9323.1亿元`) and
        // comparisons are not the fact.
        // (A bracket or quote that closed the subject may come first: `散居孤儿（…）从每人每月1536元`.)
        if lead.trim_start_matches(['）', '”']).starts_with(['从', '由']) && change_verb(lead).is_none() || lead.ends_with('从') || lead.ends_with('由') || (lead.contains('较') || lead.contains('比')) && lead.ends_with('的') || lead.ends_with('较') {
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
        // `2017年广州市地区生产总值增长的预期目标为8%左右`: a target, wherever it is said.
        // (`一般公共预算收入计划增长6%左右`, `经济增长目标设为6%以上`: the same, [target_leads].)
        if crate::cues::TARGET_LEAD_WORDS.occurs_in(lead) && !self.frame.is_multi_year() && fact.kind == Kind::Actual {
            fact.kind = Kind::Target;
            fact.period = self.ctx.years.plan.to_string();
        }
        if continued && self.frame.is_multi_year() && !fact.multi_year && fact.period == self.frame.to.to_string() {
            // `增加到121万亿元，五年年均增长5.2%`: the level closes the five years — and, said
            // of the year under review (`全县地区生产总值完成87.4亿元，…年均增速达到8%`), stays
            // that year's level too.
            if fact.value.is_some() && fact.change_pct.is_none() && !self.ctx_frame_multi {
                // (The year's own level has no basis of several years.)
                self.facts.push(Fact { fresh: false, basis: None, ..fact.clone() });
            }
            fact.period = self.frame.period();
            fact.multi_year = true;
        }
        match &q.measure {
            Measure::Points => {
                // `规上民营工业增加值增速高于全部规上工业2.3个百分点`: a gap, wherever its word is.
                if crate::cues::COMPARISON_WORDS.occurs_in(lead) || crate::cues::COMPARISON_WORDS.occurs_in(&fact.subject) {
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
                // `分别完成年计划的118.2%、248.57%`: the share of the plan done, not a level.
                if lead.ends_with("计划的") && fact.entry.is_some() {
                    return;
                }
                if lead.ends_with("计划的") {
                    let name = format!("{}完成年计划比例", readable_name(&fact.name).unwrap_or_default());
                    if fact.value.is_some() {
                        fact = self.fresh_like(t);
                    }
                    fact.name = name;
                    fact.value = Some(q.value);
                    fact.unit = Some("%".into());
                    fact.end = fact.end.max(q.end);
                    self.store(t, fact);
                    return;
                }
                let is_rate = entry.map(|e| e.rate).unwrap_or(!fact.in_catalog);
                let as_change = match change {
                    Some((_, to)) => !to,
                    // A bare `74%以上` continuing a clause is a share of something else.
                    None if continued && !is_rate => return,
                    None => !is_rate,
                };
                if as_change {
                    if crate::cues::COMPARISON_WORDS.occurs_in(lead) || lead.contains("时期") {
                        return;
                    }
                    if fact.change_pct.is_some() {
                        fact = self.fresh_like(t);
                    }
                    let neg = change.map(|(neg, _)| neg).unwrap_or(false);
                    let sign = if neg { -1.0 } else { 1.0 };
                    // (`下降-3%` is a fall of 3%, as its writer meant.)
                    let v = if neg { q.value.abs() } else { q.value };
                    fact.change_pct = Some(sign * v);
                    fact.change_pct_high = q.high.map(|h| sign * if neg { h.abs() } else { h });
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
                // `比全省高1.18万元`: a gap to another place, not the level — but `不低于2000亿元`
                // is a bound.
                let bound_word = |w: &str| lead.ends_with(w) && AT_LEAST_BEFORE.iter().chain(AT_MOST_BEFORE).any(|b| lead.ends_with(b));
                if crate::cues::COMPARISON_WORDS.find_in(lead).any(|(a, b)| !bound_word(&lead[a..b])) {
                    return;
                }
                // `入境游客111万、增长115.6%`: a bare magnitude is the subject's own level in its
                // clause, never one continuing from another (`…，13.2万脱贫人口…`).
                let bare_own = !continued && crate::unit::MAGNITUDES.iter().any(|(m, _)| unit == m);
                if counts_things(unit) && fact.in_catalog && !bare_own {
                    // `迈上4个万亿元台阶`: a count never is the level of a catalog indicator.
                    let obj = object_after(text, q.end, clause_end);
                    if let Some(name) = readable_name(&obj) {
                        self.push_count(&name, q, q.start, clause_end, None);
                    }
                    return;
                }
                if let Some((_, to)) = change {
                    if !to {
                        // `增产74亿斤`, `增加4374.4亿元`: an absolute change, not the level.
                        return;
                    }
                }
                // `突破2万亿元、达到23562亿元`: the threshold passed, then the level reached —
                // the level is the fact.
                // `接连突破8万亿元、9万亿元`: of thresholds listed, the last is the level.
                let listed = lead.chars().all(|c| matches!(c, '、' | '和')) && (!lead.is_empty() || continued);
                let refines = fact.value_bound == Some(Bound::AtLeast)
                    && (lead.trim_start_matches(['、', '，']).starts_with('达') || listed)
                    && fact.value.zip(fact.unit.as_deref()).is_some_and(|(v, u)| {
                        let (a, base_a) = crate::unit::scale(u);
                        let (b, base_b) = crate::unit::scale(unit);
                        base_a == base_b && q.value * b >= v * a
                    });
                if fact.value.is_some() && !refines {
                    fact = self.fresh_like(t);
                }
                if fact.entry.is_none() && counts_things(unit) && one_of_many(text, q_end) {
                    return;
                }
                if fact.entry.is_none() && counts_things(unit) {
                    // `新开工33个“两通工程”项目`, `谋划9条技术路径`: the thing counted names the
                    // count; a generic one (`措施`, `举措`) keeps the subject in front
                    // (`推动人工智能产业发展和赋能应用10条措施`).
                    // Else the noun phrase between the figure before and this one
                    // (`投资2.38亿元实施交通项目15项`, `…超10亿元的龙头企业达100家`).
                    let inner = lead.rsplit_once('的').map_or(lead, |(_, r)| r);
                    // (Not a verb alone: `上市公司增至88家` keeps its subject.)
                    let inner = Some(inner).filter(|i| !lead.is_empty() && (strip_fillers(i).chars().count() >= 2 || crate::cues::TOTAL_HEADS.iter().any(|h| i.starts_with(h))));
                    let obj = object_after(text, q_end, clause_end);
                    let obj = level_head(text, q_end, clause_end, &obj, obj.clone());
                    // `投资5000万元以上项目1381个`: the things counted with their size.
                    let before = &text[..q.start];
                    let sized = crate::cues::SIZED_THINGS.iter().find(|w| before.ends_with(**w)).and_then(|w| {
                        let window = &before[crate::meta::floor_char(before, before.len().saturating_sub(60))..];
                        let from = window.rfind(['，', '。', '；', '、', '：']).map_or(0, |k| k + '，'.len_utf8());
                        let phrase = &window[from..];
                        // (The figure ending last before this one, found by bisection: a long
                        // sentence of counts must not rescan its figures for each.)
                        let k = self.qs.partition_point(|p| p.end <= q.start);
                        let q0 = self.qs[..k].last().filter(|p| p.start >= q.start - phrase.len())?;
                        (sized_count(text, q0) == Some(q.start - w.len())).then(|| readable_name(phrase)).flatten()
                    });
                    // `165条河、4个湖`: a one-character noun after a classifier is a name too.
                    let single = obj.chars().count() == 1 && obj.chars().all(|c| is_han(c) && !crate::cues::OBJECT_STOPS.contains(&c.to_string().as_str()));
                    if let Some(name) = sized {
                        fact.name = name;
                    } else if single {
                        fact.name = obj;
                    } else if let Some(obj) = readable_name(&obj) {
                        let generic = obj.chars().count() <= 4 && crate::cues::GENERIC_OBJECTS.iter().any(|g| obj.ends_with(g));
                        // `改造老旧小区1200个，惠及120万户居民`: whom the thing just named reached.
                        let owner = || self.facts.iter().rev().take(8).find(|f| f.entry.is_none() && f.name != UNNAMED).map(|f| f.name.clone());
                        // `学前一年免费教育惠及43万儿童`, `累计惠及80个乡镇`: whom or what a thing reached
                        // is named with the verb, after the thing when the clause names it.
                        let before = text[..q.start].trim_end_matches(|c: char| "近约超逾".contains(c));
                        let reach = crate::cues::REACH_VERBS.iter().find(|v| before.ends_with(**v));
                        fact.name = match (readable_name(&fact.name), reach) {
                            (Some(subj), _) if generic && fact.name != UNNAMED => format!("{subj}{obj}"),
                            _ if fact.name == UNNAMED && crate::cues::REACHED_OBJECTS.contains(&obj.as_str()) => format!("{}{obj}", owner().unwrap_or_default()),
                            // (`职业伤害保障试点覆盖696万名…`: the verb may close the subject already.)
                            (Some(subj), Some(v)) if fact.name != UNNAMED && subj.ends_with(*v) => format!("{subj}{obj}"),
                            (Some(subj), Some(v)) if fact.name != UNNAMED => format!("{subj}{v}{obj}"),
                            (_, Some(v)) => format!("{v}{obj}"),
                            _ if generic => selected_for(text, q_end, clause_end, &obj).unwrap_or(obj),
                            _ => obj,
                        };
                    } else if let Some(head) = inner.and_then(readable_name).filter(|h| crate::cues::TOTAL_HEADS.contains(&h.as_str())) {
                        // `净增各类经营主体155万户、总量达474万户`: the total of the thing counted.
                        fact.name = format!("{}{head}", readable_name(&fact.name).unwrap_or_default());
                    } else if let Some(name) = inner.and_then(readable_name) {
                        // `年销售收入超10亿元的龙头企业达100家`: the noun after `的`.
                        fact.name = name;
                    }
                }
                fact.value = Some(q.value);
                fact.value_high = q.high;
                fact.unit = Some(unit.clone());
                // The last of thresholds listed shares their verb (`突破8万亿元、9万亿元`).
                fact.value_bound = if refines && listed { bound.or(fact.value_bound) } else { bound };
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
        // `…增长7.6%，“十四五”以来年均增长7.8%`: the clause's own span, when it names one.
        if self.frame.is_multi_year() && !f.multi_year {
            f.kind = self.frame.kind;
            f.period = self.frame.period();
            f.multi_year = true;
            f.basis = self.clause_basis;
            // The year's own fact it goes on from has no basis of several years.
            self.facts[t].basis = None;
        }
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
        // (`●居民消费价格涨幅2%左右`: an item's bullet is no part of its subject.)
        let phrase = phrase.trim_start_matches(|c: char| matches!(c, '，' | '、' | '”') || crate::normalize::BULLETS.contains(&c));
        // `我市生产总值（预计，下同）、财政总收入…`: a note on the figures before the list is split.
        let noted = without_notes(phrase);
        let phrase = noted.as_deref().unwrap_or(phrase);
        // `城、乡居民人均可支配收入`: the two halves of 城乡 written apart.
        let halves = phrase.strip_prefix("城、乡").map(|r| format!("城镇、农村{r}"));
        let phrase = halves.as_deref().unwrap_or(phrase);
        // An opening quote stays when its closing one follows (`“高效办成一件事”…`).
        let phrase = if phrase.starts_with('“') && !phrase.contains('”') { &phrase['“'.len_utf8()..] } else { phrase };
        if phrase.is_empty() {
            return Vec::new();
        }
        // `生产安全事故起数、死亡人数比2020年`: the baseline after a list is none of its items.
        let phrase = strip_list_baseline(phrase);
        // `文化产业和旅游业增加值均突破1450亿元`: `均` lists its subjects as `分别` does.
        let fenbie = fenbie || self.each && phrase.contains(['、', '和']);
        let spelled = if fenbie { spell_out_sectors(phrase) } else { None }.or_else(|| spell_out_pair(phrase));
        let phrase = spelled.as_deref().unwrap_or(phrase);
        let mut items = split_items(phrase);
        // `规模以上工业实现销售收入、利税、利润同比分别增长`: the owner before the verb of the first
        // item is every item's.
        let owned: Vec<String>;
        if fenbie && items.len() > 1 {
            let owner = crate::cues::OWNER_VERBS.iter().find_map(|v| items[0].find(v).filter(|&k| k > 0).map(|k| (k, v.len())));
            if let Some((k, n)) = owner {
                let (who, first) = (&items[0][..k], &items[0][k + n..]);
                owned = std::iter::once(format!("{who}{first}")).chain(items[1..].iter().map(|i| format!("{who}{i}"))).collect();
                items = owned.iter().map(String::as_str).collect();
            }
        }
        // `重点监测景区接待游客、经营收入均保持10%以上增长`, `生产安全事故起数、死亡人数分别下降`:
        // the owner of the first item's measure owns the short items after it.
        let shared_owner: Vec<String>;
        if fenbie && items.len() > 1 {
            let head = crate::cues::MEASURE_HEADS.iter().filter(|h| items[0].ends_with(**h) && items[0].len() > h.len()).max_by_key(|h| h.len());
            if let Some(h) = head {
                let owner = &items[0][..items[0].len() - h.len()];
                if owner.chars().count() >= 2 && !self.scope_only(owner) {
                    shared_owner = items.iter().enumerate().map(|(k, i)| if k > 0 && i.chars().count() <= 4 && !i.starts_with(owner) { format!("{owner}{i}") } else { i.to_string() }).collect();
                    items = shared_owner.iter().map(String::as_str).collect();
                }
            }
        }
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
    /// `粮食生产再获丰收，总产达到557亿斤`: a bare head after a clause that names its stem.
    fn head_of_previous_clause(&self, phrase: &str, clause_start: usize) -> Option<Subject> {
        if !ELLIPTIC_HEADS.contains(&phrase) && phrase != "总产" {
            return None;
        }
        let before = &self.text[self.start..clause_start];
        let prev = before.trim_end_matches(['，', '、']).rsplit(['，', '、', '；']).next()?;
        // Stems of two to six characters from the start of the previous clause.
        prev.char_indices().skip(2).take(5).find_map(|(k, _)| self.resolve(&format!("{}{phrase}", &prev[..k])).filter(|s| s.entry.is_some()))
    }

    fn elliptic(&self, phrase: &str) -> Option<Subject> {
        // `净增各类经营主体155万户、总量达474万户`: the total of the thing just counted.
        if crate::cues::TOTAL_HEADS.contains(&phrase) {
            let prev = self.facts.last().filter(|f| f.entry.is_none() && f.name != UNNAMED)?;
            let stem = readable_name(&prev.subject).unwrap_or_else(|| prev.name.clone());
            return Some(Subject { name: format!("{stem}{phrase}"), entry: None, text: phrase.to_string() });
        }
        // `地区生产总值完成38.9亿元，增长8%，人均达到5.62万元`: the per-capita figure of the
        // indicator just named, when the catalog has it.
        // (`均` is a filler word, so `人均达到` comes here as `人`.)
        if crate::cues::PER_CAPITA_HEADS.iter().any(|h| *h == phrase || h.strip_suffix('均') == Some(phrase)) {
            let entry = self.facts.last()?.entry?;
            let per = crate::indicator::catalog::by_name(&format!("人均{}", entry.name))?;
            return Some(Subject { name: per.name.to_string(), entry: Some(per), text: phrase.to_string() });
        }
        // `实现利润13亿元` after `规上工业增加值…`: a verb in front of the bare head.
        let phrase = ["累计完成", "累计实现", "实现", "完成", "全年"].iter().find_map(|v| phrase.strip_prefix(v)).unwrap_or(phrase);
        // `粮食播种面积稳定在6200万亩以上、年度产量首次突破2000万吨`: a scope word before it.
        let phrase = crate::cues::SCOPE_WORDS.prefix_of(phrase).and_then(|w| phrase.strip_prefix(w)).filter(|p| ELLIPTIC_HEADS.contains(p)).unwrap_or(phrase);
        let head = ELLIPTIC_HEADS.iter().find(|h| **h == phrase)?;
        // `规模以上工业增加值完成55.7亿元，同比增长19%；实现利润13亿元`: across the `；` of a list.
        let prev = self.facts.last().or(self.before.as_ref())?;
        let prev_head = ELLIPTIC_HEADS.iter().filter(|h| prev.subject.ends_with(**h)).max_by_key(|h| h.len())?;
        let stem = &prev.subject[..prev.subject.len() - prev_head.len()];
        let s = self.resolve(&format!("{stem}{head}"))?;
        s.entry.is_some().then_some(s)
    }

    fn resolve_with_suffix(&self, item: &str, last: &str) -> Option<Subject> {
        /// More than the longest catalog alias (18 characters) and a scope word before it.
        const MAX_TAIL: usize = 24;
        if let Some(s) = self.resolve(item).filter(|s| s.entry.is_some()) {
            return Some(s);
        }
        // `城镇、农村居民人均可支配收入`: the item takes the end of the last one. Only a
        // candidate that ends in a catalog alias can resolve to the catalog, so the aliases of
        // the last item are looked up once and each candidate costs a comparison, not a full
        // `resolve` (this runs for every item of every list).
        // Only the end of `last` can complete an alias (none is longer than `MAX_TAIL`
        // characters), so a long last item costs no more than a short one.
        let from = last.char_indices().rev().nth(MAX_TAIL).map_or(0, |(k, _)| k);
        let tails = crate::indicator::catalog::all_aliases(&last[from..]);
        let mut cand = String::with_capacity(item.len() + last.len() - from);
        for (k_in, _) in last[from..].char_indices().skip(usize::from(from == 0)) {
            let k = from + k_in;
            // The candidate ends with an alias when an alias of `last` ends at its end and
            // starts at or after `k`, or when the item and the tail join into one.
            let inside = tails.iter().any(|h| h.end == last.len() - from && h.start >= k_in);
            cand.clear();
            cand.push_str(item);
            cand.push_str(&last[k..]);
            if !inside && crate::indicator::catalog::last_alias(&cand).is_none_or(|h| h.end != cand.len()) {
                continue;
            }
            if let Some(s) = self.resolve(&cand).filter(|s| s.entry.is_some()) {
                return Some(s);
            }
        }
        // `城市、农村低保标准`, `公办、民办幼儿园`: one of a pair of scopes takes what follows its
        // partner ([paired_scopes]).
        if crate::cues::PAIRED_SCOPES.contains(&item) {
            if let Some(w) = crate::cues::PAIRED_SCOPES.iter().filter(|w| **w != item && last.starts_with(**w) && last.len() > w.len()).max_by_key(|w| w.len()) {
                return self.resolve(&format!("{item}{}", &last[w.len()..]));
            }
        }
        // `六大优势产业、…产业增加值`: the last item's head, when the last item has more than it
        // (`销售收入、利税、利润` share nothing).
        // (An item that ends in a head of its own, `规模以上工业产值`, takes none.)
        let own_head = SHARED_HEADS.iter().chain(crate::cues::MEASURE_HEADS).any(|h| item.ends_with(h));
        // (The longest head the last item ends with: `…国家进出口总额` shares 进出口总额, not 总额.)
        let head = SHARED_HEADS.iter().filter(|h| !own_head && last.ends_with(**h) && last.len() > h.len()).max_by_key(|h| h.len());
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
        // `建成`, `推动`, `较“十三五”时期`: no name a reader accepts; the figure stays unnamed.
        let mut readable = readable_name(name).unwrap_or_else(|| UNNAMED.to_string());
        // `非常规天然气发展方面，…力争产量突破200亿立方米`, `…达到9048万千瓦，占比55.1%`: a bare
        // head is of the sentence's topic, or of the thing just named.
        if crate::cues::BARE_HEADS.contains(&readable.as_str()) {
            // (The thing just named without its own head: `新能源汽车产量…，产值…` is 新能源汽车产值;
            // a bare head names no owner.)
            // A share or a speed keeps the whole name (`民营经济增加值…，占比61.2%`).
            let share = readable.starts_with('占') || readable.starts_with('增') || crate::cues::SHARE_HEADS.contains(&readable.as_str());
            let just_named = || {
                let name = self.facts.last().filter(|f| f.entry.is_none() && f.name != UNNAMED)?.name.as_str();
                let own_head = || crate::cues::BARE_HEADS.iter().filter_map(|h| name.strip_suffix(h)).min_by_key(|s| s.len());
                let stem = if share { name } else { own_head().unwrap_or(name) };
                (!stem.is_empty()).then(|| stem.to_string())
            };
            if let Some(owner) = self.topic().or_else(just_named) {
                readable = format!("{owner}{readable}");
            }
        }
        // `高技术制造业增加值增长22.7％、对工业增长贡献率达到35.1％`: a contribution with no
        // contributor is the thing just named's.
        // (`对外贸易`, `对外直接投资`, `对口支援`: words of their own, not `对` + whom.)
        if crate::cues::OWNED_NAME_STARTS.iter().any(|w| readable.starts_with(w)) && !crate::cues::NOT_OWNED_STARTS.iter().any(|w| readable.starts_with(w)) {
            if let Some(owner) = self.facts.last().map(|f| f.name.as_str()).filter(|n| *n != UNNAMED) {
                let owner = crate::cues::OWNER_HEADS.iter().find_map(|h| owner.strip_suffix(h)).unwrap_or(owner);
                readable = format!("{owner}{readable}");
            }
        }
        Some(Subject { name: readable, entry: None, text: name.to_string() })
    }

    /// `煤炭智能绿色安全开采方面，…`: the topic a sentence opens with, without its verbs.
    fn topic(&self) -> Option<String> {
        // A lead-in opens the sentence: look only at its start (bounded, once per bare head).
        let sent = &self.text[self.start..self.end];
        let sent = &sent[..crate::meta::floor_char(sent, 90)];
        let (head, _) = sent.split_once("方面，")?;
        let head = crate::cues::TOPIC_TAILS.iter().find_map(|t| head.strip_suffix(t)).unwrap_or(head);
        (head.chars().count() <= 12).then(|| readable_name(head)).flatten()
    }

    fn scope_only(&self, mut s: &str) -> bool {
        /// The scope words by first character, in list order within one: the first word of the
        /// list that starts a text is the first of its first character's that does.
        static BY_FIRST: std::sync::LazyLock<std::collections::HashMap<char, Vec<&'static str>, crate::fx::FxBuild>> = std::sync::LazyLock::new(|| {
            let mut m: std::collections::HashMap<char, Vec<&'static str>, crate::fx::FxBuild> = Default::default();
            for w in SCOPE_PREFIXES {
                if let Some(c) = w.chars().next() {
                    m.entry(c).or_default().push(w);
                }
            }
            m
        });
        let region = self.ctx.region.as_deref().unwrap_or("");
        let short = region_short(region);
        'outer: while let Some(c) = s.chars().next() {
            // (The scope words first, then the region's names, as one list in that order.)
            for w in BY_FIRST.get(&c).map_or(&[][..], Vec::as_slice).iter().copied().chain([region, short].into_iter().filter(|r| !r.is_empty())) {
                if let Some(r) = s.strip_prefix(w) {
                    s = r;
                    continue 'outer;
                }
            }
            // `内蒙古2024年地区生产总值`, `淄博2018年预计地区生产总值` (a news title): the year
            // after the region's name is a scope too.
            if s.len() > 4 && s.as_bytes()[..4].iter().all(u8::is_ascii_digit) && s[4..].starts_with('年') {
                s = &s[4 + '年'.len_utf8()..];
                continue 'outer;
            }
            // `为经营主体减轻税费负担`, `为企业和个人减税降费`: whom it was done for, a short
            // phrase without a clause break, leaves the indicator the report's.
            return crate::cues::BENEFICIARY_MARKS.iter().any(|m| s.strip_prefix(m).is_some_and(|w| (1..=8).contains(&w.chars().count()) && !w.contains(['，', '、', '“'])));
        }
        true
    }
}

impl Fact {
    fn has_figure(&self) -> bool {
        self.value.is_some() || self.change_pct.is_some() || self.change_points.is_some()
    }
}

/// `均增长`, `均突破`: one figure for each of the subjects before it — not `年均`, `平均`, `均衡`.
fn each_one(clause: &str) -> bool {
    crate::finder!("均").find_iter(clause.as_bytes()).any(|k| !clause[..k].ends_with(['年', '平', '人']) && !clause[k + '均'.len_utf8()..].starts_with(['衡', '匀', '值', '等']))
}

/// `近3年`, `近三年`, `三年来`: the number of years a clause looks back over (2 to 10).
fn recent_years(prefix: &str) -> Option<i32> {
    let n = |s: &str| s.parse::<i32>().ok().or_else(|| crate::number::parse_cn_integer(s).map(|v| v as i32));
    let digits = |s: &str| -> Option<i32> {
        let k = s.char_indices().find(|&(_, c)| !(c.is_ascii_digit() || crate::number::cn_digit(c).is_some() || c == '十')).map_or(s.len(), |(k, _)| k);
        (k > 0).then(|| n(&s[..k])).flatten()
    };
    let from_jin = prefix.find("近").and_then(|k| {
        let rest = &prefix[k + '近'.len_utf8()..];
        let v = digits(rest)?;
        let after = rest.trim_start_matches(|c: char| c.is_ascii_digit() || crate::number::cn_digit(c).is_some() || c == '十');
        after.starts_with('年').then_some(v)
    });
    from_jin.or_else(|| prefix.find("年来").and_then(|k| {
        let before: String = prefix[..k].chars().rev().take_while(|&c| crate::number::cn_digit(c).is_some() || c.is_ascii_digit()).collect::<Vec<_>>().into_iter().rev().collect();
        n(&before)
    })).filter(|v| (2..=10).contains(v))
}

/// Whether a catalog alias starts `rest` (looked at in its first 12 characters).
fn alias_starts(rest: &str) -> bool {
    // `…增长5.6%完成地方一般公共预算收入33.2亿元` (a page of one figure per line): scope words
    // of two characters or more may come first.
    let starts = |s: &str| {
        let end = s.char_indices().nth(12).map_or(s.len(), |(k, _)| k);
        all_aliases(&s[..end]).iter().any(|h| h.start == 0)
    };
    if starts(rest) {
        return true;
    }
    let mut s = rest;
    for _ in 0..3 {
        match crate::cues::SCOPE_WORDS.prefix_of(s).filter(|w| w.chars().nth(1).is_some()) {
            Some(w) => s = &s[w.len()..],
            None => break,
        }
    }
    s.len() < rest.len() && starts(s)
}

/// `为全国15个县市区之一`: a count that places one among many (a ranking), not a figure — the
/// noun after it, up to the clause's end, ends in `之一`.
fn one_of_many(text: &str, end: usize) -> bool {
    let rest = &text[end..crate::meta::floor_char(text, end + 40)];
    let clause = rest.split(['，', '。', '；', '、', '：']).next().unwrap_or("");
    clause.ends_with("之一")
}

/// A unit that counts things (`个`, `家`, `万名`) or is a bare magnitude (`13.2万` before a
/// noun): never the level of a catalog indicator.
/// `国家级` counted before `、13个省级区域医疗中心`: `国家级区域医疗中心`; else `named`.
fn level_head(text: &str, q_end: usize, end: usize, obj: &str, named: String) -> String {
    if !crate::cues::LEVEL_WORDS.contains(&obj) {
        return named;
    }
    let at = text[q_end..end.max(q_end)].find(obj).map(|k| q_end + k + obj.len());
    match at.and_then(|at| level_list_head(text, at, end)) {
        Some(head) => format!("{obj}{head}"),
        None => named,
    }
}

/// Where the noun a money figure gives the size of starts (`投资5000万元以上项目1381个`: the
/// offset of `项目`), when a count of that noun follows right after it.
fn sized_count(text: &str, q: &Quantity) -> Option<usize> {
    let Measure::Level(u) = &q.measure else { return None };
    if !u.ends_with('元') {
        return None;
    }
    let at = ["以上", "左右", ""].iter().find_map(|w| text[q.end..].strip_prefix(w).map(|_| q.end + w.len()))?;
    let noun = crate::cues::SIZED_THINGS.iter().filter(|w| text[at..].starts_with(**w)).max_by_key(|w| w.len())?;
    text[at + noun.len()..].starts_with(|c: char| c.is_ascii_digit()).then_some(at)
}

fn counts_things(unit: &str) -> bool {
    let bare = crate::unit::MAGNITUDES.iter().find_map(|(m, _)| unit.strip_prefix(m)).unwrap_or(unit);
    // `61.4万个` new jobs is a level of 新增就业岗位; `4386万名` people and `13.2万` are counts.
    COUNT_UNITS.contains(&unit) || bare.is_empty() || matches!(bare, "名" | "户")
}

/// The same fact stated twice (a summary repeated in the body) comes out once.
fn dedup(facts: Vec<Fact>) -> Vec<Fact> {
    // One hash look-up per fact: the same name, kind, period, unit and numbers is a repeat.
    // (`-0` is `0`: the numbers compare as `==` does.)
    // The keys borrow the facts' strings: which facts stay is decided first, then they move.
    let bits = |v: Option<f64>| v.map(|x| if x == 0.0 { 0 } else { x.to_bits() });
    type Key<'f> = (Option<u64>, Option<u64>, Option<u64>, u8, &'f str, &'f str, Option<&'f str>);
    let mut seen: std::collections::HashSet<Key, crate::fx::FxBuild> = std::collections::HashSet::with_capacity_and_hasher(facts.len(), Default::default());
    let mut keep = vec![false; facts.len()];
    for (f, keep) in facts.iter().zip(&mut keep) {
        if !f.has_figure() {
            continue;
        }
        let key = (bits(f.value), bits(f.change_pct), bits(f.change_points), f.kind as u8, f.name.as_str(), f.period.as_str(), f.unit.as_deref());
        // `固定资产投资完成42.9亿元,增长73.2%` … `固定资产投资比上年增长73.2%`: the growth alone,
        // said again, repeats the fact stated with its level.
        let growth = (None, bits(f.change_pct), bits(f.change_points), f.kind as u8, f.name.as_str(), f.period.as_str(), None);
        let repeat = f.value.is_none() && f.change_pct.is_some() && seen.contains(&growth);
        if !repeat && seen.insert(key) {
            if f.value.is_some() && f.change_pct.is_some() {
                seen.insert(growth);
            }
            *keep = true;
        }
    }
    drop(seen);
    facts.into_iter().zip(keep).filter_map(|(f, k)| k.then_some(f)).collect()
}

/// The longest quote, in bytes (200 Chinese characters; the longest in the corpus is 94): a
/// fact in a list of thousands (`A、B、…分别增长…`) quotes its own end of the list, so the
/// output grows with the text, not with its square.
const MAX_QUOTE: usize = 600;

/// A quote longer than [`MAX_QUOTE`] starts later: after the first clause break of its last
/// `MAX_QUOTE` bytes, or there.
fn bound_quote(text: &str, f: &mut Fact) {
    if f.end.saturating_sub(f.start) <= MAX_QUOTE {
        return;
    }
    let mut from = f.end - MAX_QUOTE;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..f.end];
    let head = &window[..crate::meta::floor_char(window, 120)];
    f.start = head.find(['、', '，', '；']).map_or(from, |k| from + k + '、'.len_utf8());
}

/// `…、死亡人数比2020年`, `…较上年`: a list's phrase without the baseline at its end (a
/// [baseline_starts] word and a year).
fn strip_list_baseline(phrase: &str) -> &str {
    if !phrase.contains('、') || !phrase.ends_with('年') {
        return phrase;
    }
    match crate::cues::BASELINE_WORDS.find_in(phrase).map(|(k, _)| k).filter(|&k| k > 0).last() {
        Some(k) if phrase[k..].chars().count() <= 8 => &phrase[..k],
        _ => phrase,
    }
}
