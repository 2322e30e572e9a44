//! The data a report turns into: [`Report`] with its [`Meta`], outline ([`Section`]),
//! [`Indicator`]s and [`Warning`]s; and every [`Figure`] of its text. Field names follow the
//! JSON contract the page and the CLI share (camelCase); fields may be added, never renamed.

use serde::{Deserialize, Serialize};

/// Everything `analyze` learns from one report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Who, where and when.
    pub meta: Meta,
    /// Headings in reading order.
    pub sections: Vec<Section>,
    /// Every quantitative statement found, in reading order.
    pub indicators: Vec<Indicator>,
    /// What did not stop the analysis but the user should know.
    pub warnings: Vec<Warning>,
    /// Length of the input in UTF-16 code units (what JS sees as `text.length`).
    #[serde(rename = "textLength")]
    pub text_length: usize,
}

/// Administrative level of the government that gave the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    National,
    Province,
    City,
    County,
}

impl Level {
    /// The lowercase name used in JSON and CSV (`"county"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Level::National => "national",
            Level::Province => "province",
            Level::City => "city",
            Level::County => "county",
        }
    }
}

/// Title, region, level, meeting date, speaker and the two years a report is about.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    /// e.g. `政府工作报告` or `2026年四川省人民政府工作报告`.
    pub title: Option<String>,
    /// e.g. `天峻县`; `中华人民共和国` for the State Council's report.
    pub region: Option<String>,
    pub level: Option<Level>,
    /// ISO date, e.g. `2022-03-09`.
    pub meeting_date: Option<String>,
    /// The year whose results the report reviews.
    pub review_year: Option<i32>,
    /// The year whose goals the report sets.
    pub plan_year: Option<i32>,
    /// e.g. `桑周`.
    pub speaker: Option<String>,
}

/// The period of the year planned when a report's text holds no year at all (a news page
/// that says only 今年 and 去年): facts are said to be of this year and of last year, as the
/// text says, never of a year made up.
pub const THIS_YEAR: &str = "今年";
/// The period of the year reviewed when no year is known (see [`THIS_YEAR`]).
pub const LAST_YEAR: &str = "上年";

impl Meta {
    /// The periods of the year reviewed and the year planned, as facts carry them: the years
    /// when known, [`LAST_YEAR`] and [`THIS_YEAR`] when the text holds no year.
    pub fn periods(&self) -> (Option<String>, Option<String>) {
        match (self.review_year, self.plan_year) {
            (None, None) => (Some(LAST_YEAR.into()), Some(THIS_YEAR.into())),
            (r, p) => (r.map(|y| y.to_string()), p.map(|y| y.to_string())),
        }
    }
}

/// A period as a reader says it: `2021年`, `今年`.
pub fn year_word(period: &str) -> String {
    if period.starts_with(|c: char| c.is_ascii_digit()) { format!("{period}年") } else { period.to_string() }
}

/// One heading of the outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The heading text, without its numbering, e.g. `2021年工作回顾`.
    pub title: String,
    /// The numbering as written, e.g. `一、` or `（三）`; empty for unnumbered headings.
    pub number: String,
    /// 1 for 一、, 2 for （一）.
    pub depth: u8,
    /// UTF-16 offsets into the original text: the heading's start and the section's end.
    pub start: usize,
    pub end: usize,
}

/// Whether a figure is a result or a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Actual,
    Target,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Actual => "actual",
            Kind::Target => "target",
        }
    }
}

/// How a figure is qualified: 左右, 以上, 以内.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    About,
    AtLeast,
    AtMost,
}

impl Bound {
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::About => "about",
            Bound::AtLeast => "at_least",
            Bound::AtMost => "at_most",
        }
    }
}

/// How a multi-year figure is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// 年均: an average per year over the period.
    AnnualAvg,
    /// 累计, or a total change over the whole period.
    Cumulative,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::AnnualAvg => "annual_avg",
            Basis::Cumulative => "cumulative",
        }
    }
}

/// One quantitative statement about one indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Indicator {
    /// Canonical name (`地区生产总值`), or the subject phrase when not in the catalog.
    pub name: String,
    /// Whether `name` comes from the catalog.
    pub in_catalog: bool,
    pub kind: Kind,
    /// `"2021"` or `"2016-2020"`.
    pub period: String,
    pub basis: Option<Basis>,
    /// The level as written (`21.5`), with its `unit` (`亿元`).
    pub value: Option<f64>,
    /// Upper end of a level range.
    pub value_high: Option<f64>,
    pub unit: Option<String>,
    /// The value in the unit's base (`21.5亿元` → 2150000000, in `元`), for sorting and
    /// comparing figures written with different magnitudes.
    pub value_base: Option<f64>,
    /// Signed growth in percent.
    pub change_pct: Option<f64>,
    /// Upper end of a growth range (`4.5%—5%`).
    pub change_pct_high: Option<f64>,
    /// Signed change in percentage points (个百分点).
    pub change_points: Option<f64>,
    /// Qualifier of `value`, or of the change when there is no value.
    pub bound: Option<Bound>,
    /// Qualifier of the change when a value is present too.
    pub change_bound: Option<Bound>,
    /// The clause it came from, exactly as in the original text.
    pub quote: String,
    /// UTF-16 offsets of `quote` in the original text.
    pub start: usize,
    pub end: usize,
}

/// Something the user should know about the analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable machine-readable code, e.g. `no_indicators`.
    pub code: String,
    /// Human-readable message in Chinese.
    pub message: String,
}

/// One number with its unit, anywhere in the text, whatever it is about: what
/// [`crate::figures`] lists (`report-lens figures`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    /// The number as written (`21.5` of `21.5亿元`; negative for `-2.1%`).
    pub value: f64,
    /// Upper end of a range (`4.5%—5%`).
    pub value_high: Option<f64>,
    /// The unit as written: `亿元`, `%`, `个百分点`, `万人次`.
    pub unit: String,
    /// What the unit measures: `percent`, `points`, `money`, `people`, `count`, `area` …
    pub kind: crate::unit::UnitKind,
    /// The value in the unit's base (`21.5亿元` → 2150000000, in `元`).
    pub value_base: f64,
    /// Written with `多` or `余` (`1270多万人`): more than the value.
    pub more: bool,
    /// The figure exactly as in the original text (`16883\n- 2 -\n元`).
    pub text: String,
    /// UTF-16 offsets of `text` in the original text.
    pub start: usize,
    pub end: usize,
}
