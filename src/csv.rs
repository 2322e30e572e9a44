//! Indicators as CSV, one row per indicator (RFC 4180 quoting).

use crate::model::Indicator;

/// The CSV header; `file` first when several reports share one table.
pub const HEADER: &[&str] = &[
    "file", "name", "inCatalog", "kind", "period", "value", "valueHigh", "unit", "changePct", "changePctHigh", "changePoints",
    "bound", "changeBound", "basis", "quote", "start", "end",
];

/// A text cell. One that a spreadsheet would read as a formula (a leading `=`, `+`, `-`, `@`,
/// tab or carriage return: a file name like `=HYPERLINK(…)` from a share link, a quote) gets a
/// `'` in front, the OWASP rule; then RFC 4180 quoting.
pub fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { std::borrow::Cow::Owned(format!("'{s}")) } else { std::borrow::Cow::Borrowed(s) };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// A number cell: plain digits (a negative number stays a number), nothing for a value that is
/// not finite.
fn num(v: Option<f64>) -> String {
    v.filter(|x| x.is_finite()).map(|x| x.to_string()).unwrap_or_default()
}

/// One CSV row for an indicator of `file`.
pub fn row(file: &str, i: &Indicator) -> String {
    let cells = [
        field(file),
        field(&i.name),
        i.in_catalog.to_string(),
        i.kind.as_str().to_string(),
        field(&i.period),
        num(i.value),
        num(i.value_high),
        field(i.unit.as_deref().unwrap_or("")),
        num(i.change_pct),
        num(i.change_pct_high),
        num(i.change_points),
        i.bound.map(|b| b.as_str()).unwrap_or("").to_string(),
        i.change_bound.map(|b| b.as_str()).unwrap_or("").to_string(),
        i.basis.map(|b| b.as_str()).unwrap_or("").to_string(),
        field(&i.quote),
        i.start.to_string(),
        i.end.to_string(),
    ];
    cells.join(",")
}

/// A whole table: header and rows for `(file, indicators)` pairs.
pub fn table<'a>(reports: impl IntoIterator<Item = (&'a str, &'a [Indicator])>) -> String {
    let mut out = HEADER.join(",");
    out.push('\n');
    for (file, inds) in reports {
        for i in inds {
            out.push_str(&row(file, i));
            out.push('\n');
        }
    }
    out
}

/// The header of the targets table (`report-lens compare --format csv`).
pub const TARGETS_HEADER: &[&str] = &[
    "name", "region", "period", "measure", "targetValue", "targetUnit", "targetChangePct", "targetChangePctHigh", "targetBound", "resultValue", "resultUnit",
    "resultChangePct", "status", "targetFile", "resultFile",
];

/// Targets against results as CSV, one row per target.
pub fn targets_table(checks: &[crate::compare::TargetCheck]) -> String {
    let mut out = TARGETS_HEADER.join(",");
    out.push('\n');
    for c in checks {
        let r = c.result.as_ref();
        let cells = [
            field(&c.name),
            field(&c.region),
            field(&c.period),
            c.measure.to_string(),
            num(c.target.value),
            field(c.target.unit.as_deref().unwrap_or("")),
            num(c.target.change_pct),
            num(c.target.change_pct_high),
            c.target.bound.map(|b| b.as_str()).unwrap_or("").to_string(),
            num(r.and_then(|r| r.value)),
            field(r.and_then(|r| r.unit.as_deref()).unwrap_or("")),
            num(r.and_then(|r| r.change_pct)),
            c.status.as_str().to_string(),
            field(&c.target.file),
            field(r.map_or("", |r| r.file.as_str())),
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// The header of the table for spreadsheets and stories ([`table_zh`]): Chinese, with the
/// report's region, level and years on every row and each value in its base unit too.
pub const HEADER_ZH: &[&str] = &[
    "文件", "地区", "级别", "回顾年度", "计划年度", "指标", "标准指标", "类别", "时期", "数值", "数值上限", "单位", "基本单位数值", "增长（%）",
    "增长上限（%）", "变化（百分点）", "约束", "增长约束", "口径", "原文",
];

/// The indicators of one report as the page exports them by default: Chinese headers and
/// values (结果/目标, 左右/以上/以内, 年均/累计, 县级…), the report's region, level and years on
/// every row, the value in its base unit (元, 人, 吨 …), and each quote on one line (PDF page
/// markers and line breaks out). `only` keeps those indicators, in that order (the page's
/// filter and sort); `None` keeps all.
///
/// ```
/// let text = std::fs::read_to_string("tests/fixtures/tianjun-2022.txt").unwrap();
/// let r = report_lens::analyze(&text);
/// let csv = report_lens::csv::table_zh("天峻.txt", &r, None);
/// assert!(csv.starts_with("文件,地区,级别,回顾年度,计划年度,指标,"));
/// assert!(csv.contains("\n天峻.txt,天峻县,县级,2021,2022,地区生产总值,是,结果,2021,21.5,,亿元,2150000000,,,,,,,全年完成地区生产总值21.5亿元\n"));
/// ```
pub fn table_zh(file: &str, report: &crate::model::Report, only: Option<&[usize]>) -> String {
    use crate::model::{Basis, Bound, Kind};
    let m = &report.meta;
    let level = m.level.map(|l| match l {
        crate::model::Level::National => "全国",
        crate::model::Level::Province => "省级",
        crate::model::Level::City => "市级",
        crate::model::Level::County => "县级",
    });
    let bound = |b: Option<Bound>| match b {
        Some(Bound::About) => "左右",
        Some(Bound::AtLeast) => "以上",
        Some(Bound::AtMost) => "以内",
        None => "",
    };
    let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
    let mut out = HEADER_ZH.join(",");
    out.push('\n');
    let all: Vec<usize> = (0..report.indicators.len()).collect();
    for &k in only.unwrap_or(&all) {
        let Some(i) = report.indicators.get(k) else { continue };
        let cells = [
            field(file),
            field(m.region.as_deref().unwrap_or("")),
            level.unwrap_or("").to_string(),
            year(m.review_year),
            year(m.plan_year),
            field(&i.name),
            if i.in_catalog { "是" } else { "否" }.to_string(),
            match i.kind {
                Kind::Actual => "结果",
                Kind::Target => "目标",
            }
            .to_string(),
            field(&i.period),
            num(i.value),
            num(i.value_high),
            field(i.unit.as_deref().unwrap_or("")),
            num(i.value_base),
            num(i.change_pct),
            num(i.change_pct_high),
            num(i.change_points),
            bound(i.bound).to_string(),
            bound(i.change_bound).to_string(),
            match i.basis {
                Some(Basis::AnnualAvg) => "年均",
                Some(Basis::Cumulative) => "累计",
                None => "",
            }
            .to_string(),
            field(&one_line(&i.quote)),
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// A quote on one line: PDF page markers dropped, line breaks and the spaces around them out
/// (Chinese text has no spaces between words; a space between two Latin words or digits stays).
fn one_line(q: &str) -> String {
    let mut out = String::with_capacity(q.len());
    for line in q.lines().filter(|l| !crate::normalize::is_page_marker(l)) {
        for w in line.split_whitespace() {
            let join = out.chars().last().is_some_and(|p| p.is_ascii_alphanumeric()) && w.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
            if join {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}
