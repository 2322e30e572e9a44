//! The headline strip: the report's title as a reader names it (`天峻县2022年政府工作报告`) and,
//! for the indicators a reader looks for first (`[headline]` in `data/cues.txt`, in that
//! order), the plan year's target and the review year's result, each as one short phrase with
//! its bound (`增长5%左右`, `21.5亿元，增长9.7%`, `5.5%以内`) and the index of the indicator it
//! comes from (for its sentence).

use crate::chart::{bound_word, change_words, fmt_num};
use crate::model::{Indicator, Kind, Level, Report};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Headline {
    /// Region, plan year and 政府工作报告; the report's own title when the region is unknown.
    pub title: String,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    /// The name the report uses (`国内生产总值` in a national report).
    pub name: String,
    pub target: Option<Cell>,
    pub result: Option<Cell>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cell {
    /// `增长5%左右`, `21.5亿元，增长9.7%`, `1100万人以上`, `5.5%左右`.
    pub text: String,
    /// Index into the report's indicators.
    pub indicator: usize,
}

/// The headline of a report.
///
/// ```
/// let text = std::fs::read_to_string("tests/fixtures/tianjun-2022.txt").unwrap();
/// let h = report_lens::headline::headline(&report_lens::analyze(&text));
/// assert_eq!(h.title, "天峻县2022年政府工作报告");
/// let gdp = &h.items[0];
/// assert_eq!(gdp.name, "地区生产总值");
/// assert_eq!(gdp.result.as_ref().unwrap().text, "21.5亿元");
/// assert_eq!(gdp.target.as_ref().unwrap().text, "增长3%");
/// ```
pub fn headline(report: &Report) -> Headline {
    let m = &report.meta;
    let title = match (&m.region, m.level, m.plan_year) {
        (_, Some(Level::National), Some(y)) => format!("{y}年政府工作报告"),
        (Some(r), _, Some(y)) => format!("{r}{y}年政府工作报告"),
        (Some(r), _, None) => format!("{r}政府工作报告"),
        _ => m.title.clone().unwrap_or_else(|| "政府工作报告".into()),
    };
    let (review, plan) = m.periods();
    let mut items = Vec::new();
    for &name in crate::cues::HEADLINE.iter() {
        let of = |i: &Indicator| crate::indicator::catalog::by_name(&i.name).is_some_and(|e| e.name == name);
        let pick = |kind: Kind, period: &Option<String>| {
            let period = period.as_deref()?;
            // The first statement of the year that has a figure; a level with its growth wins.
            let mut cands = report.indicators.iter().enumerate().filter(|(_, i)| i.in_catalog && of(i) && i.kind == kind && i.period == period);
            let first = cands.next()?;
            let best = std::iter::once(first).chain(cands).find(|(_, i)| i.value.is_some() && i.change_pct.is_some()).unwrap_or(first);
            Some(Cell { text: phrase(best.1), indicator: best.0 })
        };
        let target = pick(Kind::Target, &plan);
        let result = pick(Kind::Actual, &review);
        if target.is_some() || result.is_some() {
            let shown = report.indicators[target.as_ref().or(result.as_ref()).map_or(0, |c| c.indicator)].name.clone();
            items.push(Item { name: shown, target, result });
        }
    }
    Headline { title, items }
}

/// One indicator as a phrase: its level and its change, each with its bound.
fn phrase(i: &Indicator) -> String {
    let level = i.value.map(|v| {
        let range = i.value_high.map(|h| format!("–{}", fmt_num(h))).unwrap_or_default();
        format!("{}{range}{}{}", fmt_num(v), i.unit.as_deref().unwrap_or(""), bound_word(i.bound))
    });
    let change = match (i.change_pct, i.change_points) {
        (Some(p), _) => Some(match i.change_pct_high {
            Some(h) => format!("增长{}%–{}%", fmt_num(p), fmt_num(h)),
            None => format!("{}{}", change_words(p), bound_word(if i.value.is_some() { i.change_bound } else { i.bound.or(i.change_bound) })),
        }),
        (None, Some(pts)) => Some(format!("{}{}个百分点", if pts < 0.0 { "下降" } else { "提高" }, fmt_num(pts.abs()))),
        _ => None,
    };
    match (level, change) {
        (Some(l), Some(c)) => format!("{l}，{c}"),
        (Some(l), None) => l,
        (None, Some(c)) => c,
        (None, None) => String::new(),
    }
}
