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
