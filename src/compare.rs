//! Several reports: series by year, last year's targets against this year's results, regions
//! side by side, and how often policy terms come up.
//!
//! A report of year Y reviews year Y−1 (its results) and plans year Y (its targets). So the
//! target a report sets for Y is checked against the result for Y that the *next* report of the
//! same region states: `2023年国内生产总值增长5%左右` (2023 report) against `国内生产总值增长5.2%`
//! (2024 report, reviewing 2023) — met.

use crate::indicator::catalog::{by_name, Direction};
use crate::model::{Bound, Indicator, Kind, Level, Report};
use crate::unit::scale;
use serde::Serialize;

/// One report as the comparison sees it.
pub struct Input<'a> {
    pub file: &'a str,
    pub report: &'a Report,
}

/// Everything the comparison view shows.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub reports: Vec<ReportRef>,
    pub series: Vec<Series>,
    pub targets: Vec<TargetCheck>,
    /// Reports of one year from several regions, side by side.
    pub regions: Vec<RegionYear>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportRef {
    pub file: String,
    pub region: Option<String>,
    pub level: Option<Level>,
    pub review_year: Option<i32>,
    pub plan_year: Option<i32>,
}

/// One catalog indicator of one region over the years.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Series {
    pub name: String,
    pub region: String,
    pub points: Vec<Point>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Point {
    pub period: String,
    pub kind: Kind,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub change_pct: Option<f64>,
    pub change_pct_high: Option<f64>,
    pub bound: Option<Bound>,
    /// The report it comes from, and the clause.
    pub file: String,
    pub quote: String,
}

/// A target and the result stated for its year.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetCheck {
    pub name: String,
    pub region: String,
    pub period: String,
    /// What is compared: `change` (growth, `changePct`) or `value`.
    pub measure: &'static str,
    pub target: TargetSide,
    pub result: Option<ResultSide>,
    pub status: Status,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetSide {
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub change_pct: Option<f64>,
    pub change_pct_high: Option<f64>,
    pub bound: Option<Bound>,
    pub file: String,
    pub quote: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultSide {
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub change_pct: Option<f64>,
    pub file: String,
    pub quote: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    Missed,
    NoResult,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Missed => "missed",
            Status::NoResult => "no_result",
        }
    }
}

/// Reports of one review year from several regions.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RegionYear {
    pub review_year: i32,
    pub rows: Vec<RegionRow>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RegionRow {
    pub region: String,
    pub level: Option<Level>,
    pub file: String,
    /// Growth of the economy in the review year, and the target for the plan year (%).
    pub gdp_growth: Option<f64>,
    pub gdp_target: Option<f64>,
    pub gdp_target_bound: Option<Bound>,
    /// Per-capita disposable income (元) and its growth (%): all residents, urban, rural.
    pub income: Option<f64>,
    pub income_growth: Option<f64>,
    pub urban_income: Option<f64>,
    pub rural_income: Option<f64>,
    pub urban_income_growth: Option<f64>,
    pub rural_income_growth: Option<f64>,
}

/// How far short of a `左右` target a result may fall (or, for a ceiling, how far above it
/// may rise) and still count as met: 5% of the target figure — 5%左右 is met by 4.75% and up,
/// a CPI ceiling of 3%左右 by 3.15% and below.
pub const ABOUT_TOLERANCE: f64 = 0.05;

const EPS: f64 = 1e-9;

fn region_of(r: &Report) -> String {
    r.meta.region.clone().unwrap_or_else(|| "未识别地区".into())
}

fn single_year(period: &str) -> Option<i32> {
    (!period.contains('-')).then(|| period.parse().ok()).flatten()
}

/// The canonical catalog name (a national report's 国内生产总值 is 地区生产总值's national
/// name): series and pairs match on it, and keep the name the reports use.
fn key(i: &Indicator) -> &'static str {
    by_name(&i.name).map_or("", |e| e.name)
}

/// Compare several reports.
pub fn compare(inputs: &[Input]) -> Comparison {
    let reports = inputs
        .iter()
        .map(|i| ReportRef { file: i.file.to_string(), region: i.report.meta.region.clone(), level: i.report.meta.level, review_year: i.report.meta.review_year, plan_year: i.report.meta.plan_year })
        .collect();
    Comparison { reports, series: series(inputs), targets: targets(inputs), regions: regions(inputs) }
}

fn series(inputs: &[Input]) -> Vec<Series> {
    // (region, key) → series; points keyed by (period, kind), the report that is *about* that
    // year winning over one that mentions it in passing.
    let mut out: Vec<(String, &'static str, Series)> = Vec::new();
    for input in inputs {
        let r = input.report;
        let region = region_of(r);
        for i in r.indicators.iter().filter(|i| i.in_catalog) {
            let Some(year) = single_year(&i.period) else { continue };
            if i.value.is_none() && i.change_pct.is_none() {
                continue;
            }
            let k = key(i);
            let own = match i.kind {
                Kind::Actual => r.meta.review_year == Some(year),
                Kind::Target => r.meta.plan_year == Some(year),
            };
            let s = match out.iter_mut().position(|(reg, kk, _)| *reg == region && *kk == k) {
                Some(p) => &mut out[p].2,
                None => {
                    out.push((region.clone(), k, Series { name: i.name.clone(), region: region.clone(), points: Vec::new() }));
                    &mut out.last_mut().unwrap().2
                }
            };
            match s.points.iter_mut().find(|p| p.period == i.period && p.kind == i.kind) {
                Some(p) => {
                    let same_report = p.file == input.file;
                    if same_report {
                        // A second fact of the same year from the same report fills the gaps.
                        if p.value.is_none() && i.value.is_some() {
                            p.value = i.value;
                            p.unit = i.unit.clone();
                        }
                        if p.change_pct.is_none() && i.change_pct.is_some() {
                            p.change_pct = i.change_pct;
                            p.change_pct_high = i.change_pct_high;
                            p.bound = change_bound(i);
                        }
                    } else if own {
                        *p = point(input.file, i);
                    }
                }
                None => s.points.push(point(input.file, i)),
            }
        }
    }
    let mut series: Vec<Series> = out.into_iter().map(|(_, _, s)| s).collect();
    for s in &mut series {
        s.points.sort_by(|a, b| a.period.cmp(&b.period).then((a.kind == Kind::Target).cmp(&(b.kind == Kind::Target))));
    }
    series
}

/// The bound of a fact's change (`changeBound` when it has a value, else `bound`).
fn change_bound(i: &Indicator) -> Option<Bound> {
    if i.value.is_some() {
        i.change_bound
    } else {
        i.bound
    }
}

fn point(file: &str, i: &Indicator) -> Point {
    Point {
        period: i.period.clone(),
        kind: i.kind,
        value: i.value,
        unit: i.unit.clone(),
        change_pct: i.change_pct,
        change_pct_high: i.change_pct_high,
        bound: change_bound(i).or(i.bound),
        file: file.to_string(),
        quote: i.quote.clone(),
    }
}

fn targets(inputs: &[Input]) -> Vec<TargetCheck> {
    let mut out: Vec<TargetCheck> = Vec::new();
    for input in inputs {
        let r = input.report;
        let Some(plan) = r.meta.plan_year else { continue };
        let region = region_of(r);
        for t in r.indicators.iter().filter(|i| i.in_catalog && i.kind == Kind::Target && single_year(&i.period) == Some(plan)) {
            let measure = if t.change_pct.is_some() {
                "change"
            } else if t.value.is_some() {
                "value"
            } else {
                continue;
            };
            let target = TargetSide {
                value: t.value,
                unit: t.unit.clone(),
                change_pct: t.change_pct,
                change_pct_high: t.change_pct_high,
                bound: if measure == "change" { change_bound(t) } else { t.bound },
                file: input.file.to_string(),
                quote: t.quote.clone(),
            };
            let k = key(t);
            if out.iter().any(|c| c.region == region && key_of(&c.name) == k && c.period == t.period && c.measure == measure) {
                continue;
            }
            let result = find_result(inputs, &region, k, plan, measure, t);
            let status = match &result {
                None => Status::NoResult,
                Some(res) => judge(by_name(&t.name).map_or(Direction::Floor, |e| e.direction), &target, res, measure),
            };
            out.push(TargetCheck { name: t.name.clone(), region: region.clone(), period: t.period.clone(), measure, target, result, status });
        }
    }
    out.sort_by(|a, b| a.region.cmp(&b.region).then(a.period.cmp(&b.period)));
    out
}

fn key_of(name: &str) -> &'static str {
    by_name(name).map_or("", |e| e.name)
}

/// The result for `year` of indicator `k`, from the report of the same region that reviews it.
fn find_result(inputs: &[Input], region: &str, k: &str, year: i32, measure: &str, t: &Indicator) -> Option<ResultSide> {
    for input in inputs.iter().filter(|i| region_of(i.report) == region && i.report.meta.review_year == Some(year)) {
        let found = input.report.indicators.iter().find(|i| {
            i.in_catalog
                && i.kind == Kind::Actual
                && single_year(&i.period) == Some(year)
                && key(i) == k
                && match measure {
                    "change" => i.change_pct.is_some(),
                    _ => i.value.is_some() && base(i.unit.as_deref()) == base(t.unit.as_deref()),
                }
        });
        if let Some(i) = found {
            return Some(ResultSide { value: i.value, unit: i.unit.clone(), change_pct: i.change_pct, file: input.file.to_string(), quote: i.quote.clone() });
        }
    }
    None
}

fn base(unit: Option<&str>) -> &str {
    unit.map_or("", |u| scale(u).1)
}

/// Met or missed, taking the bound and the indicator's direction into account.
fn judge(direction: Direction, t: &TargetSide, r: &ResultSide, measure: &str) -> Status {
    let (target, high, result) = match measure {
        "change" => match (t.change_pct, r.change_pct) {
            (Some(a), Some(b)) => (a, t.change_pct_high, b),
            _ => return Status::NoResult,
        },
        _ => match (t.value, r.value) {
            (Some(a), Some(b)) => {
                let fa = scale(t.unit.as_deref().unwrap_or("")).0;
                let fb = scale(r.unit.as_deref().unwrap_or("")).0;
                (a * fa, None, b * fb)
            }
            _ => return Status::NoResult,
        },
    };
    let met = if let Some(h) = high {
        // A range: a floor is met from its low end, a ceiling up to its high end.
        match direction {
            Direction::Floor => result >= target - EPS,
            Direction::Ceiling => result <= h + EPS,
        }
    } else {
        let tol = ABOUT_TOLERANCE * target.abs();
        match (t.bound, direction) {
            (Some(Bound::AtLeast), _) => result >= target - EPS,
            (Some(Bound::AtMost), _) => result <= target + EPS,
            (Some(Bound::About), Direction::Floor) => result >= target - tol - EPS,
            (Some(Bound::About), Direction::Ceiling) => result <= target + tol + EPS,
            (None, Direction::Floor) => result >= target - EPS,
            (None, Direction::Ceiling) => result <= target + EPS,
        }
    };
    if met {
        Status::Met
    } else {
        Status::Missed
    }
}

fn regions(inputs: &[Input]) -> Vec<RegionYear> {
    let mut years: Vec<i32> = inputs.iter().filter_map(|i| i.report.meta.review_year).collect();
    years.sort_unstable();
    years.dedup();
    let mut out = Vec::new();
    for year in years {
        let of_year: Vec<&Input> = inputs.iter().filter(|i| i.report.meta.review_year == Some(year)).collect();
        let mut rows: Vec<RegionRow> = Vec::new();
        for input in of_year {
            let region = region_of(input.report);
            if rows.iter().any(|r| r.region == region) {
                continue;
            }
            let find = |name: &str, kind: Kind, period: i32, change: bool| {
                input.report.indicators.iter().find(|i| i.in_catalog && i.kind == kind && single_year(&i.period) == Some(period) && key(i) == name && if change { i.change_pct.is_some() } else { i.value.is_some() })
            };
            let yuan = |i: &Indicator| i.value.map(|v| v * scale(i.unit.as_deref().unwrap_or("")).0);
            let plan = year + 1;
            let gdp_target = find("地区生产总值", Kind::Target, plan, true);
            let income = find("居民人均可支配收入", Kind::Actual, year, false);
            rows.push(RegionRow {
                region,
                level: input.report.meta.level,
                file: input.file.to_string(),
                gdp_growth: find("地区生产总值", Kind::Actual, year, true).and_then(|i| i.change_pct),
                gdp_target: gdp_target.and_then(|i| i.change_pct),
                gdp_target_bound: gdp_target.and_then(change_bound),
                income: income.and_then(yuan),
                income_growth: find("居民人均可支配收入", Kind::Actual, year, true).and_then(|i| i.change_pct),
                urban_income: find("城镇常住居民人均可支配收入", Kind::Actual, year, false).and_then(yuan),
                rural_income: find("农村常住居民人均可支配收入", Kind::Actual, year, false).and_then(yuan),
                urban_income_growth: find("城镇常住居民人均可支配收入", Kind::Actual, year, true).and_then(|i| i.change_pct),
                rural_income_growth: find("农村常住居民人均可支配收入", Kind::Actual, year, true).and_then(|i| i.change_pct),
            });
        }
        if rows.len() >= 2 {
            out.push(RegionYear { review_year: year, rows });
        }
    }
    out
}

/// Built-in policy terms whose frequency the comparison shows.
pub const TERMS: &[&str] = &[
    "高质量发展", "新质生产力", "乡村振兴", "共同富裕", "数字经济", "人工智能", "科技创新", "生态", "绿色", "双碳", "就业", "民生", "营商环境", "扩大内需",
    "消费", "投资", "改革", "开放", "安全", "风险",
];

/// How often each term occurs per 10,000 characters of each text (`texts`: file and clean text).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TermCount {
    pub term: String,
    pub counts: Vec<FileCount>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileCount {
    pub file: String,
    pub count: usize,
    pub per_ten_thousand: f64,
}

/// Count `terms` in each text.
///
/// ```
/// let t = report_lens::compare::term_counts(&[("a", "推动高质量发展，实现高质量发展。")], &["高质量发展"]);
/// assert_eq!(t[0].counts[0].count, 2);
/// ```
pub fn term_counts(texts: &[(&str, &str)], terms: &[&str]) -> Vec<TermCount> {
    terms
        .iter()
        .filter(|t| !t.trim().is_empty())
        .map(|term| TermCount {
            term: term.to_string(),
            counts: texts
                .iter()
                .map(|(file, text)| {
                    let count = text.matches(term).count();
                    let chars = text.chars().filter(|c| !c.is_whitespace()).count().max(1);
                    FileCount { file: file.to_string(), count, per_ten_thousand: (count as f64 * 10_000.0 / chars as f64 * 100.0).round() / 100.0 }
                })
                .collect(),
        })
        .collect()
}

/// The sentences of `text` that contain `term` (keyword in context), at most `limit`.
pub fn sentences_with(text: &str, term: &str, limit: usize) -> Vec<String> {
    if term.is_empty() {
        return Vec::new();
    }
    text.split(['。', '！', '？', '；', '\n'])
        .filter(|s| s.contains(term))
        .map(|s| s.trim().to_string())
        .take(limit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn national() -> Vec<(String, Report)> {
        [2019, 2021, 2022, 2023, 2024, 2025]
            .iter()
            .map(|y| {
                let f = format!("national-{y}.txt");
                let text = std::fs::read_to_string(format!("{}/tests/fixtures/national/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap();
                (f, crate::analyze(&text))
            })
            .collect()
    }

    fn check<'a>(c: &'a Comparison, name: &str, period: &str) -> &'a TargetCheck {
        c.targets.iter().find(|t| t.name == name && t.period == period && t.measure == "change").unwrap_or_else(|| panic!("{name} {period}"))
    }

    #[test]
    fn national_gdp_targets_against_results() {
        let reports = national();
        let inputs: Vec<Input> = reports.iter().map(|(f, r)| Input { file: f, report: r }).collect();
        let c = compare(&inputs);
        let gdp2023 = check(&c, "国内生产总值", "2023");
        assert_eq!((gdp2023.target.change_pct, gdp2023.target.bound), (Some(5.0), Some(Bound::About)));
        assert_eq!(gdp2023.target.file, "national-2023.txt");
        let r = gdp2023.result.as_ref().unwrap();
        assert_eq!((r.change_pct, r.file.as_str()), (Some(5.2), "national-2024.txt"));
        assert_eq!(gdp2023.status, Status::Met);
        // Every pair the corpus allows: 2021 (6%以上 → 8.1), 2022 (5.5%左右 → 3, missed),
        // 2024 (5%左右 → 5); 2019's and 2025's results are not in the corpus.
        assert_eq!(check(&c, "国内生产总值", "2021").status, Status::Met);
        assert_eq!(check(&c, "国内生产总值", "2022").status, Status::Missed);
        assert_eq!(check(&c, "国内生产总值", "2024").status, Status::Met);
        assert_eq!(check(&c, "国内生产总值", "2019").status, Status::NoResult);
        assert!(check(&c, "国内生产总值", "2019").result.is_none());
        assert_eq!(check(&c, "国内生产总值", "2025").status, Status::NoResult);
        // Ceilings: CPI 3%左右 met by 0.2; unemployment 5.5%左右 met by 5.2.
        assert_eq!(check(&c, "居民消费价格指数", "2023").status, Status::Met);
        let jobs = c.targets.iter().find(|t| t.name == "城镇新增就业" && t.period == "2023").unwrap();
        assert_eq!((jobs.measure, jobs.status), ("value", Status::Met));
        let unemployment = c.targets.iter().find(|t| t.name == "城镇调查失业率" && t.period == "2023").unwrap();
        assert_eq!(unemployment.status, Status::Met);
    }

    #[test]
    fn national_gdp_series() {
        let reports = national();
        let inputs: Vec<Input> = reports.iter().map(|(f, r)| Input { file: f, report: r }).collect();
        let c = compare(&inputs);
        let gdp = c.series.iter().find(|s| s.name == "国内生产总值").unwrap();
        let results: Vec<(&str, Option<f64>)> = gdp.points.iter().filter(|p| p.kind == Kind::Actual).map(|p| (p.period.as_str(), p.change_pct)).collect();
        assert_eq!(results, [("2018", Some(6.6)), ("2020", Some(2.3)), ("2021", Some(8.1)), ("2022", Some(3.0)), ("2023", Some(5.2)), ("2024", Some(5.0))]);
        let targets: Vec<(&str, Option<f64>)> = gdp.points.iter().filter(|p| p.kind == Kind::Target).map(|p| (p.period.as_str(), p.change_pct)).collect();
        assert_eq!(targets, [("2019", Some(6.0)), ("2021", Some(6.0)), ("2022", Some(5.5)), ("2023", Some(5.0)), ("2024", Some(5.0)), ("2025", Some(5.0))]);
        assert!(c.regions.is_empty(), "one region only");
    }

    #[test]
    fn judging_bounds() {
        let t = |pct: f64, bound: Option<Bound>| TargetSide { value: None, unit: None, change_pct: Some(pct), change_pct_high: None, bound, file: String::new(), quote: String::new() };
        let r = |pct: f64| ResultSide { value: None, unit: None, change_pct: Some(pct), file: String::new(), quote: String::new() };
        // 增长5%左右 met by 5.2; 6%以上 missed by 5.8; 3.5%以内 (unemployment) met by 3.2.
        assert_eq!(judge(Direction::Floor, &t(5.0, Some(Bound::About)), &r(5.2), "change"), Status::Met);
        assert_eq!(judge(Direction::Floor, &t(6.0, Some(Bound::AtLeast)), &r(5.8), "change"), Status::Missed);
        assert_eq!(judge(Direction::Ceiling, &t(3.5, Some(Bound::AtMost)), &r(3.2), "change"), Status::Met);
        // The tolerance of 左右: 5% of the target.
        assert_eq!(judge(Direction::Floor, &t(5.0, Some(Bound::About)), &r(4.8), "change"), Status::Met);
        assert_eq!(judge(Direction::Floor, &t(5.0, Some(Bound::About)), &r(4.7), "change"), Status::Missed);
        assert_eq!(judge(Direction::Ceiling, &t(3.0, Some(Bound::About)), &r(3.1), "change"), Status::Met);
        assert_eq!(judge(Direction::Ceiling, &t(3.0, Some(Bound::About)), &r(3.2), "change"), Status::Missed);
        // A range is met from its low end.
        let range = TargetSide { change_pct_high: Some(6.5), ..t(6.0, Some(Bound::AtLeast)) };
        assert_eq!(judge(Direction::Floor, &range, &r(6.1), "change"), Status::Met);
        // Values in different magnitudes: 1244万人 against 1200万人以上.
        let jobs = TargetSide { value: Some(1200.0), unit: Some("万人".into()), change_pct: None, ..t(0.0, Some(Bound::AtLeast)) };
        let got = ResultSide { value: Some(12_440_000.0), unit: Some("人".into()), change_pct: None, file: String::new(), quote: String::new() };
        assert_eq!(judge(Direction::Floor, &jobs, &got, "value"), Status::Met);
    }

    #[test]
    fn words_and_their_sentences() {
        let text = "各位代表：我们推动高质量发展。高质量发展取得新成效！民生改善";
        let counts = term_counts(&[("r", text)], &["高质量发展", "民生", ""]);
        assert_eq!(counts.len(), 2);
        assert_eq!(counts[0].counts[0].count, 2);
        assert!(counts[0].counts[0].per_ten_thousand > 0.0);
        assert_eq!(sentences_with(text, "高质量发展", 10), ["各位代表：我们推动高质量发展", "高质量发展取得新成效"]);
    }
}
