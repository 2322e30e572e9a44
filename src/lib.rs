//! # Report Lens core
//!
//! Turns the text of a Chinese government work report (政府工作报告) into structured data:
//! metadata, outline and every quantitative indicator, each linked to the clause it came from.
//!
//! ```
//! let text = "政 府 工 作 报 告\n——2022 年 3 月 9 日在县第十六届人民代表大会第二次会议上\n县 长 桑 周\n各位代表:\n一、2021 年工作回顾\n全年完成地区生产总值 21.5 亿元,同比增长 9.7%。";
//! let report = report_lens::analyze(text);
//! assert_eq!(report.meta.speaker.as_deref(), Some("桑周"));
//! assert_eq!(report.meta.meeting_date.as_deref(), Some("2022-03-09"));
//! let gdp = &report.indicators[0];
//! assert_eq!((gdp.name.as_str(), gdp.value, gdp.change_pct), ("地区生产总值", Some(21.5), Some(9.7)));
//! assert_eq!(gdp.period, "2021");
//! ```
//!
//! The core never touches the browser: the wasm layer and the CLI are thin shells over
//! [`analyze`].

pub mod chart;
pub mod compare;
pub mod csv;
pub mod cues;
pub mod decode;
pub mod document;
pub(crate) mod fx;
pub mod gazetteer;
pub mod headline;
pub mod indicator;
pub mod meta;
pub mod model;
pub mod normalize;
pub mod number;
pub mod script;
pub mod section;
pub mod share;
pub mod unit;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

use indicator::extract::{extract, Context, Fact};
use document::frame::{Frame, Years};
pub use model::*;
use normalize::{Normalized, Utf16Index};

/// Analyze the text of one report.
pub fn analyze(text: &str) -> Report {
    let norm = normalize::normalize(text);
    let meta = meta::extract(&norm.text);
    let years = years_of(&meta);
    let ctx = Context {
        level: meta.level,
        region: meta.region.clone(),
        years,
        start: Frame::single(Kind::Actual, years.review),
    };
    build(text, &norm, meta, &ctx)
}

/// Every figure in a report's text — every number with a unit that the scanner
/// ([`indicator::quantity::scan`]) finds, whatever it is about — with its kind, and its span as
/// UTF-16 offsets into the original `text` (as [`Indicator::start`] and `end`). One pass of the
/// scanner and one of the offset map.
///
/// ```
/// let text = "农村常住居民人均可支配收入 16883\n- 2 -\n元,同比增长 9.7%。";
/// let f = report_lens::figures(text);
/// assert_eq!((f[0].value, f[0].unit.as_str(), f[0].kind.as_str()), (16883.0, "元", "money"));
/// assert_eq!(f[0].text, "16883\n- 2 -\n元");
/// assert_eq!((f[1].value, f[1].kind.as_str(), f[1].text.as_str()), (9.7, "percent", "9.7%"));
/// let utf16: Vec<u16> = text.encode_utf16().collect();
/// assert_eq!(String::from_utf16_lossy(&utf16[f[1].start..f[1].end]), "9.7%");
/// ```
pub fn figures(text: &str) -> Vec<Figure> {
    let norm = normalize::normalize(text);
    let quantities = indicator::quantity::scan(&norm.text);
    let ranges: Vec<(usize, usize)> = quantities.iter().map(|q| norm.original_range(q.start, q.end)).collect();
    let u16 = Utf16Index::new(text, ranges.iter().flat_map(|&(a, b)| [a, b]));
    quantities.iter().zip(&ranges).map(|(q, &(a, b))| q.figure(text.get(a..b).unwrap_or(""), u16.of(a), u16.of(b))).collect()
}

/// Analyze a fragment of a report whose place is known: `ctx` says which years and level apply
/// and which frame holds at its start. Used by tests of single sentences.
pub fn analyze_fragment(text: &str, ctx: &Context) -> Report {
    let norm = normalize::normalize(text);
    let meta = Meta {
        level: ctx.level,
        region: ctx.region.clone(),
        review_year: Some(ctx.years.review),
        plan_year: Some(ctx.years.plan),
        ..Meta::default()
    };
    build(text, &norm, meta, ctx)
}

/// The plan year extraction works with when the text holds no year: facts of it and of the
/// year before are relabelled [`model::THIS_YEAR`] and [`model::LAST_YEAR`] (`unknown_years`).
const NO_YEAR: i32 = 2000;

fn years_of(meta: &Meta) -> Years {
    let plan = meta.plan_year.or(meta.review_year.map(|r| r + 1)).unwrap_or(NO_YEAR);
    Years { review: meta.review_year.unwrap_or(plan - 1), plan }
}

/// Periods of a report without any year: `2000` → 今年, `1999` → 上年, `1995-1999` → 过去5年.
fn unknown_years(period: &mut String) {
    let (plan, review) = (NO_YEAR.to_string(), (NO_YEAR - 1).to_string());
    if *period == plan {
        *period = model::THIS_YEAR.into();
    } else if *period == review {
        *period = model::LAST_YEAR.into();
    } else if let Some((a, b)) = period.split_once('-') {
        if let (Ok(a), Ok(b)) = (a.parse::<i32>(), b.parse::<i32>()) {
            if b == NO_YEAR - 1 || b == NO_YEAR {
                *period = format!("{}{}年", if b == NO_YEAR { "" } else { "过去" }, b - a + 1);
            }
        }
    }
}

fn build(text: &str, norm: &Normalized, meta: Meta, ctx: &Context) -> Report {
    let facts = extract(&norm.text, ctx);
    let ranges: Vec<(usize, usize)> = facts.iter().map(|f| norm.original_range(f.start, f.end.max(f.start + 1))).collect();
    let mut sections = section::outline(norm, text.len());
    let offsets = ranges.iter().flat_map(|&(a, b)| [a, b]).chain(sections.iter().flat_map(|s| [s.start, s.end])).chain([text.len()]);
    let u16 = Utf16Index::new(text, offsets);
    let text_length = u16.of(text.len());
    for s in &mut sections {
        s.start = u16.of(s.start);
        s.end = u16.of(s.end);
    }
    let mut indicators: Vec<Indicator> = facts.into_iter().zip(&ranges).map(|(f, &r)| to_indicator(text, r, &u16, f)).collect();
    let mut warnings = Vec::new();
    if meta.review_year.is_none() && meta.plan_year.is_none() && !indicators.is_empty() {
        indicators.iter_mut().for_each(|i| unknown_years(&mut i.period));
        warnings.push(Warning {
            code: "no_year".into(),
            message: "未能识别报告的年份：文中没有写明年份，指标的时期按原文标为“今年”“上年”。如有标题或日期，可连同标题一起粘贴。".into(),
        });
    }
    if norm.text.trim().is_empty() {
        warnings.push(Warning { code: "empty".into(), message: "文本为空：请粘贴或选择一份政府工作报告。".into() });
    } else {
        // A text is refused only when it shows no sign of being a report at all; a real report
        // where extraction finds little still shows its meta and outline, with a note.
        let catalog = indicators.iter().filter(|i| i.in_catalog).count();
        // (The signs are looked for only when the catalog found nothing: each is a search of the
        // whole text.)
        let report_like = || cues::REPORT_SIGNS.iter().any(|w| norm.text.contains(w));
        if catalog == 0 && !report_like() {
            warnings.push(Warning {
                code: "no_indicators".into(),
                message: "未找到任何常见经济指标：请确认这是一份政府工作报告的正文。".into(),
            });
        } else if catalog < 3 {
            warnings.push(Warning {
                code: "few_indicators".into(),
                message: format!("只识别出 {catalog} 个常见经济指标：已列出识别到的基本信息、目录和数字；指标可能在表格或图片中，或用了尚未收录的说法。"),
            });
        }
    }
    if indicator::quantity::has_overlong_number(&norm.text) {
        warnings.push(Warning {
            code: "long_number".into(),
            message: format!("文中有超过 {} 位的数字串，已略去：报告里的数字不会这么长，可能是编号或复制时出错，请核对原文。", indicator::quantity::MAX_DIGITS),
        });
    }
    if meta.region.is_none() && !norm.text.trim().is_empty() {
        warnings.push(Warning { code: "no_region".into(), message: "未能识别报告所属地区。".into() });
    }
    Report { meta, sections, indicators, warnings, text_length }
}

fn to_indicator(text: &str, (a, b): (usize, usize), u16: &Utf16Index, f: Fact) -> Indicator {
    let (bound, change_bound) = (f.bound(), f.change_bound_field());
    Indicator {
        value_base: f.value.map(|v| f.unit.as_deref().map_or(v, |u| unit::base_value(v, u))),
        name: f.name,
        in_catalog: f.in_catalog,
        kind: f.kind,
        period: f.period,
        basis: f.basis,
        value: f.value,
        value_high: f.value_high,
        unit: f.unit,
        change_pct: f.change_pct,
        change_pct_high: f.change_pct_high,
        change_points: f.change_points,
        bound,
        change_bound,
        quote: text.get(a..b).unwrap_or("").to_string(),
        start: u16.of(a),
        end: u16.of(b),
    }
}
