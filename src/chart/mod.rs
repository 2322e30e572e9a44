//! Charts of one report, drawn by plotters as SVG strings.
//!
//! Each chart is a function of data: it takes the rows it shows and draws them on any plotters
//! `DrawingBackend`; the page gets SVG. Text is left to the browser (no font files), so Chinese
//! labels render with the page's own fonts. Every bar gets an invisible hit box carrying a
//! `<title>` (the exact number and the sentence it came from): hovering shows it in the page and
//! in a downloaded SVG alike.

pub mod compare;
mod draw;

use crate::model::{Bound, Indicator, Kind, Report};
use crate::unit::scale;

/// One chart, ready for the page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Chart {
    /// Stable identifier: `growth`, `incomes`, `levels`.
    pub id: &'static str,
    /// Title shown above the chart (also drawn in the SVG).
    pub title: String,
    /// The unit of the value axis, for the caption.
    pub unit: String,
    /// The SVG document.
    pub svg: String,
    /// How many bars it draws.
    pub bars: usize,
}

/// One bar: where it is in data coordinates and what hovering it says.
#[derive(Debug, Clone)]
pub(crate) struct Bar {
    pub from: f64,
    pub to: f64,
    /// Text drawn at the end of the bar (`9.7%`, `3%左右`).
    pub label: String,
    /// Tooltip: name, exact number, and the source sentence.
    pub tip: String,
    /// Which series it belongs to: 0 results, 1 targets (or one per report).
    pub series: usize,
}

/// A row of a horizontal bar chart: a name and its bars (one or two).
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub name: String,
    pub bars: Vec<Bar>,
}

/// The charts of a single report that have data: growth against targets, incomes, levels.
///
/// ```
/// let text = std::fs::read_to_string("tests/fixtures/tianjun-2022.txt").unwrap();
/// let report = report_lens::analyze(&text);
/// let charts = report_lens::chart::charts(&report);
/// assert_eq!(charts.iter().map(|c| c.id).collect::<Vec<_>>(), ["growth", "incomes", "levels"]);
/// assert!(charts.iter().all(|c| c.svg.contains("<rect")));
/// ```
pub fn charts(report: &Report) -> Vec<Chart> {
    charts_sized(report, draw::WIDTH)
}

/// [`charts`] drawn `width` pixels wide (clamped to 320–960): the page asks for narrower
/// charts on a phone so that their text stays legible.
pub fn charts_sized(report: &Report, width: u32) -> Vec<Chart> {
    let width = width.clamp(320, 960);
    [growth(report, width), incomes(report, width), levels(report, width)].into_iter().flatten().collect()
}

/// A chart's title, led by the report's region so that a downloaded chart says whose it is.
fn titled(report: &Report, title: String) -> String {
    match report.meta.region.as_deref() {
        Some(r) => format!("{r} · {title}"),
        None => title,
    }
}

/// The bound of an indicator's change (`changeBound` when it has a value, else `bound`).
fn change_bound(i: &Indicator) -> Option<Bound> {
    if i.value.is_some() {
        i.change_bound
    } else {
        i.bound
    }
}

pub(crate) fn bound_word(b: Option<Bound>) -> &'static str {
    match b {
        Some(Bound::About) => "左右",
        Some(Bound::AtLeast) => "以上",
        Some(Bound::AtMost) => "以内",
        None => "",
    }
}

/// `9.7`, `21.5`, `16883`: the shortest plain form of a number.
pub(crate) fn fmt_num(v: f64) -> String {
    let s = format!("{:.4}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// The quote on one line, without PDF page markers, shortened for a tooltip.
pub(crate) fn short_quote(q: &str) -> String {
    let flat: String = q.lines().filter(|l| !crate::normalize::is_page_marker(l)).flat_map(str::split_whitespace).collect();
    let n = flat.chars().count();
    if n > 80 {
        flat.chars().take(80).chain("…".chars()).collect()
    } else {
        flat
    }
}

fn growth_label(pct: f64, high: Option<f64>, bound: Option<Bound>) -> String {
    match high {
        Some(h) => format!("{}%–{}%", fmt_num(pct), fmt_num(h)),
        None => format!("{}%{}", fmt_num(pct), bound_word(bound)),
    }
}

/// The change for a tooltip: `增长3%左右`, `下降9.7%`, `增长4.5%–5%`.
fn tip_change(pct: f64, high: Option<f64>, bound: Option<Bound>) -> String {
    match high {
        Some(h) => format!("增长{}%–{}%", fmt_num(pct), fmt_num(h)),
        None => format!("{}{}", change_words(pct), bound_word(bound)),
    }
}

/// `增长9.7%` or `下降9.7%`.
pub(crate) fn change_words(pct: f64) -> String {
    if pct < 0.0 {
        format!("下降{}%", fmt_num(-pct))
    } else {
        format!("增长{}%", fmt_num(pct))
    }
}

/// Chart 1: each catalog indicator's growth in the review year against the plan-year target.
fn growth(report: &Report, width: u32) -> Option<Chart> {
    let (rs, ps) = report.meta.periods();
    let (rs, ps) = (rs?, ps?);
    let (review, plan) = (crate::model::year_word(&rs), crate::model::year_word(&ps));
    let mut rows: Vec<Row> = Vec::new();
    let mut seen: Vec<(String, Kind)> = Vec::new();
    for i in report.indicators.iter().filter(|i| i.in_catalog) {
        let Some(pct) = i.change_pct else { continue };
        let target = match i.kind {
            Kind::Actual if i.period == rs => false,
            Kind::Target if i.period == ps => true,
            _ => continue,
        };
        if seen.iter().any(|(n, k)| *n == i.name && *k == i.kind) {
            continue;
        }
        seen.push((i.name.clone(), i.kind));
        let b = change_bound(i);
        let label = growth_label(pct, i.change_pct_high, b);
        let what = if target { format!("{plan}目标") } else { format!("{review}结果") };
        let bar = Bar { from: 0.0, to: pct, label: label.clone(), tip: format!("{}（{what}）：{}\n原文：{}", i.name, tip_change(pct, i.change_pct_high, b), short_quote(&i.quote)), series: usize::from(target) };
        match rows.iter_mut().find(|r| r.name == i.name) {
            Some(r) => r.bars.push(bar),
            None => rows.push(Row { name: i.name.clone(), bars: vec![bar] }),
        }
    }
    rows.truncate(16);
    for r in &mut rows {
        // Result above target in every row.
        r.bars.sort_by_key(|b| b.series);
    }
    if rows.is_empty() {
        return None;
    }
    let title = titled(report, format!("增长：{review}结果与{plan}目标"));
    let legend = [format!("{review}结果"), format!("{plan}目标")];
    let (svg, bars) = draw::horizontal(width, &title, "增长（%）", &rows, &legend)?;
    Some(Chart { id: "growth", title, unit: "%".into(), svg, bars })
}

/// Chart 2: per-capita disposable income of all residents, urban and rural, with growth.
fn incomes(report: &Report, width: u32) -> Option<Chart> {
    let review = report.meta.periods().0?;
    let yr = crate::model::year_word(&review);
    const NAMES: [(&str, &str); 3] = [("居民人均可支配收入", "全体居民"), ("城镇常住居民人均可支配收入", "城镇居民"), ("农村常住居民人均可支配收入", "农村居民")];
    let mut cols: Vec<(String, f64, String, String)> = Vec::new();
    for (name, short) in NAMES {
        let found = report.indicators.iter().find(|i| i.name == name && i.kind == Kind::Actual && i.period == review && i.value.is_some() && i.unit.as_deref().is_some_and(|u| u.ends_with('元')));
        if let Some(i) = found {
            let (Some(v), Some(u)) = (i.value, i.unit.as_deref()) else { continue };
            let (f, _) = scale(u);
            let yuan = v * f;
            let growth = i.change_pct.map(change_words).unwrap_or_default();
            let label = format!("{}元", fmt_num(yuan));
            let tip = format!("{name}（{yr}）：{}{u}{}{}\n原文：{}", fmt_num(v), if growth.is_empty() { "" } else { "，" }, growth, short_quote(&i.quote));
            cols.push((short.to_string(), yuan, format!("{label}\n{growth}"), tip));
        }
    }
    if cols.is_empty() {
        return None;
    }
    let title = titled(report, format!("居民人均可支配收入（{yr}）"));
    let (svg, bars) = draw::vertical(width, &title, "元", &cols)?;
    Some(Chart { id: "incomes", title, unit: "元".into(), svg, bars })
}

/// Chart 3: review-year levels of catalog indicators that share a unit (e.g. every 亿元 total);
/// none when fewer than two do. Units of one base (`万元`, `亿元`) are converted to the group's
/// most common one.
fn levels(report: &Report, width: u32) -> Option<Chart> {
    let review = report.meta.periods().0?;
    let yr = crate::model::year_word(&review);
    let candidates: Vec<&Indicator> = report
        .indicators
        .iter()
        // Per-capita figures have their own chart and a scale of their own.
        .filter(|i| i.kind == Kind::Actual && i.period == review && i.value.is_some() && !i.name.contains("人均"))
        .filter(|i| i.unit.as_deref().is_some_and(|u| u != "%" && !u.contains('/')))
        .collect();
    let pick = |catalog_only: bool| -> Option<(String, Vec<(&Indicator, f64)>)> {
        // Group by base unit (`元` for 万元 and 亿元).
        let mut groups: Vec<(&str, Vec<&Indicator>)> = Vec::new();
        for &i in candidates.iter().filter(|i| i.in_catalog || !catalog_only) {
            let base = scale(i.unit.as_deref().unwrap_or("")).1;
            match groups.iter_mut().find(|(b, _)| *b == base) {
                Some((_, v)) => {
                    if !v.iter().any(|o| o.name == i.name) {
                        v.push(i)
                    }
                }
                None => groups.push((base, vec![i])),
            }
        }
        // The biggest group; among equals, money first.
        let (_, members) = groups.into_iter().filter(|(_, v)| v.len() >= 2).max_by_key(|(b, v)| (v.len(), b.contains('元')))?;
        // Shown in the unit most of them are written in.
        let mut units: Vec<(&str, usize)> = Vec::new();
        for i in &members {
            let u = i.unit.as_deref().unwrap_or("");
            match units.iter_mut().find(|(x, _)| *x == u) {
                Some((_, n)) => *n += 1,
                None => units.push((u, 1)),
            }
        }
        let unit = units.iter().max_by_key(|(_, n)| *n)?.0.to_string();
        let (f_unit, _) = scale(&unit);
        let rows = members.into_iter().map(|i| (i, i.value.unwrap_or(0.0) * scale(i.unit.as_deref().unwrap_or("")).0 / f_unit)).collect();
        Some((unit, rows))
    };
    // Non-catalog subjects are too often fragments (`投资`, `提供`) to chart: catalog only.
    let (unit, mut members) = pick(true)?;
    members.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
    members.truncate(15);
    let rows: Vec<Row> = members
        .iter()
        .map(|&(i, v)| {
            let growth = i.change_pct.map(|p| format!("，{}", change_words(p))).unwrap_or_default();
            let written = format!("{}{}", fmt_num(i.value.unwrap_or(0.0)), i.unit.as_deref().unwrap_or(""));
            let label = format!("{}{}", fmt_num(v), bound_word(i.bound));
            Row {
                name: i.name.clone(),
                bars: vec![Bar { from: 0.0, to: v, label, tip: format!("{}（{yr}）：{written}{}{growth}\n原文：{}", i.name, bound_word(i.bound), short_quote(&i.quote)), series: 0 }],
            }
        })
        .collect();
    let title = titled(report, format!("总量指标（{yr}，{unit}）"));
    let (svg, bars) = draw::horizontal(width, &title, &unit, &rows, &[String::new()])?;
    Some(Chart { id: "levels", title, unit, svg, bars })
}

/// Escape text for XML content and attribute values.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters and U+FFFE/U+FFFF are not allowed in XML 1.0.
            c if !draw::is_xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tianjun() -> Report {
        crate::analyze(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tianjun-2022.txt")).unwrap())
    }

    #[test]
    fn growth_pairs_results_with_targets() {
        let r = tianjun();
        let c = growth(&r, 720).unwrap();
        assert_eq!(c.title, "天峻县 · 增长：2021年结果与2022年目标");
        // Retail sales fell 9.7% in 2021 and are to grow 5% in 2022: both bars, with tips.
        assert!(c.svg.contains("社会消费品零售总额（2021年结果）：下降9.7%"), "{}", c.svg);
        assert!(c.svg.contains("社会消费品零售总额（2022年目标）：增长5%"), "{}", c.svg);
        assert!(c.svg.contains("地区生产总值（2022年目标）：增长3%"), "{}", c.svg);
        assert!(c.bars >= 6, "{}", c.bars);
    }

    #[test]
    fn incomes_show_rural_income_and_growth() {
        let c = incomes(&tianjun(), 720).unwrap();
        assert!(c.svg.contains("16883元"), "{}", c.svg);
        assert!(c.svg.contains("增长9.7%"), "{}", c.svg);
        // The tooltip quotes the sentence without the PDF page marker inside it.
        assert!(c.svg.contains("原文：农村常住居民人均可支配收入16883元，同比增长9.7%") || c.svg.contains("原文：农村常住居民人均可支配收入16883元,同比增长9.7%"), "{}", c.svg);
        assert!(c.svg.contains("农村居民"));
    }

    #[test]
    fn levels_share_one_unit() {
        let c = levels(&tianjun(), 720).unwrap();
        assert_eq!(c.unit, "亿元");
        assert!(c.svg.contains("地区生产总值（2021年）：21.5亿元"), "{}", c.svg);
    }

    #[test]
    fn report_text_in_labels_is_escaped() {
        let mut r = tianjun();
        for i in r.indicators.iter_mut().filter(|i| i.name == "地区生产总值") {
            i.name = "<img src=x onerror=alert(1)>".into();
            i.quote = "\"><script>alert(1)</script>".into();
        }
        for c in charts(&r) {
            assert!(!c.svg.contains("<img"), "{}", c.id);
            assert!(!c.svg.contains("<script"), "{}", c.id);
        }
        assert!(levels(&r, 720).unwrap().svg.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    #[test]
    fn narrow_charts_for_phones() {
        let r = tianjun();
        let c = charts_sized(&r, 360);
        assert_eq!(c.len(), 3);
        assert!(c.iter().all(|c| c.svg.starts_with("<svg width=\"360\"")));
        assert_eq!(charts_sized(&r, 10)[0].svg[..18].to_string(), "<svg width=\"320\" h");
    }

    #[test]
    fn no_levels_chart_from_a_single_catalog_level() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/provinces/beijing-2026.txt")).unwrap();
        let r = crate::analyze(&text);
        assert!(levels(&r, 720).is_none(), "Beijing states one catalog level (GDP) for 2025");
        assert!(growth(&r, 720).is_some());
    }

    #[test]
    fn empty_report_has_no_charts() {
        assert!(charts(&crate::analyze("")).is_empty());
    }

    #[test]
    fn numbers_print_plainly() {
        assert_eq!(fmt_num(21.5), "21.5");
        assert_eq!(fmt_num(16883.0), "16883");
        assert_eq!(fmt_num(-9.7), "-9.7");
        assert_eq!(fmt_num(0.1 + 0.2), "0.3");
    }
}
