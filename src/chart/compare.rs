//! Charts of several reports: targets against results, a trend by year, regions side by side,
//! and term frequencies. Functions of the comparison's data, drawn by the shapes in `draw`.

use super::draw::{self, TrendPoint};
use super::{bound_word, change_words, fmt_num, short_quote, Bar, Chart, Row};
use crate::compare::{Comparison, RegionYear, Series, Status, TermCount};
use crate::model::Kind;

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Met => "达成",
        Status::Missed => "未达成",
        Status::NoResult => "无结果",
    }
}

/// Growth targets against the results stated a year later, two bars per target.
pub fn targets(c: &Comparison, width: u32) -> Option<Chart> {
    let rows: Vec<Row> = c
        .targets
        .iter()
        .filter(|t| t.measure == "change" && t.status != Status::NoResult)
        .take(24)
        .filter_map(|t| {
            let pct = t.target.change_pct?;
            let got = t.result.as_ref()?.change_pct?;
            let target_label = match t.target.change_pct_high {
                Some(h) => format!("{}%–{}%", fmt_num(pct), fmt_num(h)),
                None => format!("{}%{}", fmt_num(pct), bound_word(t.target.bound)),
            };
            let tip = format!("{} {}年：目标增长{}（{}），结果{}（{}）→ {}", t.name, t.period, target_label, t.target.file, change_words(got), t.result.as_ref().map_or("", |r| r.file.as_str()), status_word(t.status));
            Some(Row {
                name: format!("{} {}", t.period, t.name),
                bars: vec![
                    Bar { from: 0.0, to: got, label: format!("{}% {}", fmt_num(got), status_word(t.status)), tip: tip.clone(), series: 0 },
                    Bar { from: 0.0, to: pct, label: target_label, tip, series: 1 },
                ],
            })
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let title = "目标与结果：各年增长目标与次年报告的实际结果".to_string();
    let (svg, bars) = draw::horizontal(width, &title, "增长（%）", &rows, &["结果".into(), "目标".into()])?;
    Some(Chart { id: "targets", title, unit: "%".into(), svg, bars })
}

/// One indicator of one region by year: growth when it has growth figures, else its level.
pub fn trend(s: &Series, width: u32) -> Option<Chart> {
    let by_change = s.points.iter().any(|p| p.change_pct.is_some());
    let unit = if by_change { "%".to_string() } else { s.points.iter().find_map(|p| p.unit.clone())? };
    let make = |kind: Kind| -> Vec<TrendPoint> {
        s.points
            .iter()
            .filter(|p| p.kind == kind)
            .filter_map(|p| {
                let year: i32 = p.period.parse().ok()?;
                let (y, high, label) = if by_change {
                    let y = p.change_pct?;
                    let label = match p.change_pct_high {
                        Some(h) => format!("{}–{}%", fmt_num(y), fmt_num(h)),
                        None => format!("{}%{}", fmt_num(y), if kind == Kind::Target { bound_word(p.bound) } else { "" }),
                    };
                    (y, p.change_pct_high, label)
                } else {
                    if p.unit.as_deref() != Some(unit.as_str()) {
                        return None;
                    }
                    (p.value?, None, format!("{}{}", fmt_num(p.value?), if kind == Kind::Target { bound_word(p.bound) } else { "" }))
                };
                let what = if kind == Kind::Target { "目标" } else { "结果" };
                Some(TrendPoint { year, y, high, tip: format!("{} {}年{}：{}（{}）\n原文：{}", s.name, year, what, label, p.file, short_quote(&p.quote)), label })
            })
            .collect()
    };
    let (results, targets) = (make(Kind::Actual), make(Kind::Target));
    if results.len() + targets.len() < 2 {
        return None;
    }
    let what = if by_change { "增长" } else { "" };
    let title = format!("{} · {}{}（按年份）", s.region_label(), s.name, what);
    let y_desc = if by_change { "增长（%）".to_string() } else { unit.clone() };
    let (svg, bars) = draw::trend(width, &title, &y_desc, &results, &targets, ["结果", "目标"])?;
    Some(Chart { id: "trend", title, unit, svg, bars })
}

impl Series {
    fn region_label(&self) -> &str {
        if self.region == "中华人民共和国" {
            "全国"
        } else {
            &self.region
        }
    }
}

/// Regions of one year side by side: growth and its target for the next year.
pub fn regions_growth(y: &RegionYear, width: u32) -> Option<Chart> {
    let rows: Vec<Row> = y
        .rows
        .iter()
        .filter(|r| r.gdp_growth.is_some() || r.gdp_target.is_some())
        .map(|r| {
            let mut bars = Vec::new();
            if let Some(g) = r.gdp_growth {
                bars.push(Bar { from: 0.0, to: g, label: format!("{}%", fmt_num(g)), tip: format!("{} {}年地区生产总值{}（{}）", r.region, y.review_year, change_words(g), r.file), series: 0 });
            }
            if let Some(t) = r.gdp_target {
                let label = format!("{}%{}", fmt_num(t), bound_word(r.gdp_target_bound));
                bars.push(Bar { from: 0.0, to: t, label: label.clone(), tip: format!("{} {}年目标：增长{}（{}）", r.region, y.review_year + 1, label, r.file), series: 1 });
            }
            Row { name: r.region.clone(), bars }
        })
        .collect();
    if rows.len() < 2 {
        return None;
    }
    let title = format!("各地区经济增长：{}年结果与{}年目标", y.review_year, y.review_year + 1);
    let (svg, bars) = draw::horizontal(width, &title, "增长（%）", &rows, &[format!("{}年结果", y.review_year), format!("{}年目标", y.review_year + 1)])?;
    Some(Chart { id: "regions-growth", title, unit: "%".into(), svg, bars })
}

/// Regions of one year side by side: per-capita disposable income — its level when at least
/// two regions state it, else its growth (all residents, urban, rural: reports state growth far
/// more often than levels).
pub fn regions_income(y: &RegionYear, width: u32) -> Option<Chart> {
    if y.rows.iter().filter(|r| r.income.is_some()).count() >= 2 {
        let mut rows: Vec<(f64, Row)> = y
            .rows
            .iter()
            .filter_map(|r| {
                let v = r.income?;
                let growth = r.income_growth.map(|g| format!("，{}", change_words(g))).unwrap_or_default();
                Some((v, Row { name: r.region.clone(), bars: vec![Bar { from: 0.0, to: v, label: format!("{}元", fmt_num(v)), tip: format!("{} {}年居民人均可支配收入{}元{}（{}）", r.region, y.review_year, fmt_num(v), growth, r.file), series: 0 }] }))
            })
            .collect();
        rows.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
        let rows: Vec<Row> = rows.into_iter().map(|(_, r)| r).collect();
        let title = format!("各地区居民人均可支配收入（{}年）", y.review_year);
        let (svg, bars) = draw::horizontal(width, &title, "元", &rows, &[String::new()])?;
        return Some(Chart { id: "regions-income", title, unit: "元".into(), svg, bars });
    }
    let rows: Vec<Row> = y
        .rows
        .iter()
        .filter_map(|r| {
            let bars: Vec<Bar> = [("居民", r.income_growth), ("城镇居民", r.urban_income_growth), ("农村居民", r.rural_income_growth)]
                .iter()
                .enumerate()
                .filter_map(|(k, (who, g))| {
                    let g = (*g)?;
                    Some(Bar { from: 0.0, to: g, label: format!("{}%", fmt_num(g)), tip: format!("{} {}年{}人均可支配收入{}（{}）", r.region, y.review_year, who, change_words(g), r.file), series: k })
                })
                .collect();
            (!bars.is_empty()).then(|| Row { name: r.region.clone(), bars })
        })
        .collect();
    if rows.len() < 2 {
        return None;
    }
    let title = format!("各地区居民人均可支配收入增长（{}年）", y.review_year);
    let (svg, bars) = draw::horizontal(width, &title, "增长（%）", &rows, &["全体居民".into(), "城镇居民".into(), "农村居民".into()])?;
    Some(Chart { id: "regions-income", title, unit: "%".into(), svg, bars })
}

/// Terms per 10,000 characters, one bar per report in each row; `labels` name the reports.
pub fn words(counts: &[TermCount], labels: &[String], width: u32) -> Option<Chart> {
    let rows: Vec<Row> = counts
        .iter()
        .map(|t| Row {
            name: t.term.clone(),
            bars: t
                .counts
                .iter()
                .enumerate()
                .map(|(k, c)| Bar {
                    from: 0.0,
                    to: c.per_ten_thousand,
                    label: if c.count > 0 { fmt_num(c.per_ten_thousand) } else { String::new() },
                    tip: format!("“{}”在 {} 中出现 {} 次，每万字 {} 次", t.term, labels.get(k).map_or(c.file.as_str(), |s| s.as_str()), c.count, fmt_num(c.per_ten_thousand)),
                    series: k,
                })
                .collect(),
        })
        .collect();
    if rows.is_empty() || labels.is_empty() {
        return None;
    }
    let title = "政策用语：每万字出现次数".to_string();
    let (svg, bars) = draw::horizontal(width, &title, "每万字次数", &rows, labels)?;
    Some(Chart { id: "words", title, unit: "次/万字".into(), svg, bars })
}

/// The charts of the comparison view: targets against results; the trend of the series
/// `trend_of` = (region, name) or else the economy's growth of the first region that has it;
/// regions side by side for the first year with several; and terms (`words`, one label per
/// report).
pub fn charts(c: &Comparison, trend_of: Option<(&str, &str)>, words_counts: &[TermCount], labels: &[String], width: u32) -> Vec<Chart> {
    let width = width.clamp(320, 960);
    let series = match trend_of {
        Some((region, name)) => c.series.iter().find(|s| s.region == region && s.name == name),
        None => c.series.iter().find(|s| crate::indicator::catalog::by_name(&s.name).is_some_and(|e| e.name == "地区生产总值")),
    };
    let region_year = c.regions.first();
    [
        targets(c, width),
        series.and_then(|s| trend(s, width)),
        region_year.and_then(|y| regions_growth(y, width)),
        region_year.and_then(|y| regions_income(y, width)),
        words(words_counts, labels, width),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{compare, term_counts, Input, TERMS};

    fn load(files: &[&str]) -> Vec<(String, String, crate::Report)> {
        files
            .iter()
            .map(|f| {
                let text = std::fs::read_to_string(format!("{}/tests/fixtures/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap();
                let r = crate::analyze(&text);
                (f.to_string(), text, r)
            })
            .collect()
    }

    #[test]
    fn national_comparison_charts() {
        let docs = load(&["national/national-2022.txt", "national/national-2023.txt", "national/national-2024.txt", "national/national-2025.txt"]);
        let inputs: Vec<Input> = docs.iter().map(|(f, _, r)| Input { file: f, report: r }).collect();
        let c = compare(&inputs);
        let texts: Vec<(&str, &str)> = docs.iter().map(|(f, t, _)| (f.as_str(), t.as_str())).collect();
        let counts = term_counts(&texts, TERMS);
        let labels: Vec<String> = docs.iter().map(|(_, _, r)| format!("{}年", r.meta.plan_year.unwrap())).collect();
        let charts = charts(&c, None, &counts, &labels, 720);
        let ids: Vec<&str> = charts.iter().map(|c| c.id).collect();
        assert_eq!(ids, ["targets", "trend", "words"]);
        let t = &charts[0];
        assert!(t.svg.contains("国内生产总值 2023年：目标增长5%左右（national/national-2023.txt），结果增长5.2%（national/national-2024.txt）→ 达成"), "{}", t.svg);
        assert!(t.svg.contains("国内生产总值 2022年：目标增长5.5%左右") && t.svg.contains("→ 未达成"));
        let trend = &charts[1];
        assert_eq!(trend.title, "全国 · 国内生产总值增长（按年份）");
        assert!(trend.svg.contains("<polyline") && trend.svg.contains("国内生产总值 2023年结果：5.2%"), "{}", trend.svg);
        assert!(charts[2].bars >= TERMS.len());
    }

    #[test]
    fn regions_side_by_side() {
        let docs = load(&["provinces/beijing-2026.txt", "provinces/jiangsu-2026.txt", "provinces/sichuan-2026.txt", "provinces/gansu-2026.txt"]);
        let inputs: Vec<Input> = docs.iter().map(|(f, _, r)| Input { file: f, report: r }).collect();
        let c = compare(&inputs);
        assert_eq!(c.regions.len(), 1);
        assert_eq!(c.regions[0].review_year, 2025);
        assert_eq!(c.regions[0].rows.len(), 4);
        let g = regions_growth(&c.regions[0], 720).unwrap();
        assert!(g.svg.contains("北京市 2025年地区生产总值增长"), "{}", g.svg);
        assert!(g.bars >= 6);
    }
}
