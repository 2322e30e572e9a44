//! Units: what may follow a number, how to compare `215000万元` with `21.5亿元`, and what kind
//! of amount each one measures (money, people, area …).

use serde::{Deserialize, Serialize};

/// Base units, longest first so that `千瓦时` wins over `千瓦` and `人次` over `人`.
pub const BASE_UNITS: &[&str] = &[
    "微克/立方米",
    "吨标准煤",
    "平方公里",
    "元/人",
    "千瓦时",
    "立方米",
    "平方米",
    "标准箱",
    "头只",
    "人次",
    "公里",
    "千米",
    "千瓦",
    "公顷",
    "公斤",
    "千克",
    "美元",
    "欧元",
    "标箱",
    "小时",
    "元",
    "人",
    "户",
    "吨",
    "斤",
    "亩",
    "米",
    "度",
    "头",
    "只",
    "羽",
    "个工作日",
    "个",
    "家",
    "项",
    "所",
    "套",
    "张",
    "辆",
    "座",
    "条",
    "处",
    "间",
    "眼",
    "台",
    "架",
    "艘",
    "件",
    "册",
    "场",
    "岁",
    "名",
    "株",
    "棵",
    "床",
    "宗",
    "批次",
    "批",
    "支",
    "起",
    "‰",
    "工作日",
    "天",
];

/// Units that count things rather than measure amounts: never a growth, never a catalog level
/// unless the catalog says so.
pub const COUNT_UNITS: &[&str] = &[
    "个", "家", "项", "所", "套", "张", "辆", "座", "条", "处", "间", "眼", "台", "架", "艘", "件", "册", "场", "名",
    "株", "棵", "床", "宗", "批次", "批", "支", "起",
];

/// Magnitude prefixes, longest first.
pub const MAGNITUDES: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("十亿", 1e9),
    ("千万", 1e7),
    ("百万", 1e6),
    ("十万", 1e5),
    ("亿", 1e8),
    ("万", 1e4),
    ("千", 1e3),
];

/// Split a unit as written into its scale and base: `亿元` → (1e8, `元`), `万人次` → (1e4,
/// `人次`), `%` → (1, `%`).
///
/// ```
/// use report_lens::unit::scale;
/// assert_eq!(scale("万亿斤"), (1e12, "斤"));
/// assert_eq!(scale("亿元"), (1e8, "元"));
/// assert_eq!(scale("万元/人"), (1e4, "元/人"));
/// ```
pub fn scale(unit: &str) -> (f64, &str) {
    // (A set of the base units: `scale` runs for every figure kept and every level compared.)
    static BASES: std::sync::LazyLock<std::collections::HashSet<&'static str, crate::fx::FxBuild>> = std::sync::LazyLock::new(|| BASE_UNITS.iter().copied().collect());
    if BASES.contains(unit) && !unit.starts_with('万') {
        return (1.0, unit);
    }
    for (m, f) in MAGNITUDES {
        if let Some(base) = unit.strip_prefix(m) {
            if base.is_empty() || BASES.contains(base) {
                return (*f, base);
            }
        }
    }
    (1.0, unit)
}

/// `value` in `unit` written in the base unit, as a reader writes it: `0.57亿元` → 57000000 (not
/// 56999999.99999999) — the product rounded to 15 significant digits, more than any report writes.
///
/// ```
/// use report_lens::unit::base_value;
/// assert_eq!(base_value(0.57, "亿元"), 57_000_000.0);
/// assert_eq!(base_value(80.93, "亿元"), 8_093_000_000.0);
/// assert_eq!(base_value(16883.0, "元"), 16883.0);
/// ```
pub fn base_value(value: f64, unit: &str) -> f64 {
    let (f, _) = scale(unit);
    if f == 1.0 {
        return value;
    }
    let x = value * f;
    // A whole number of at most 15 digits is its own rounding (most levels are: `21.5亿元`).
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return x;
    }
    format!("{x:.14e}").parse().unwrap_or(x)
}

/// Whether `a` (in `unit_a`) and `b` (in `unit_b`) are the same amount.
///
/// ```
/// use report_lens::unit::same_amount;
/// assert!(same_amount(215000.0, "万元", 21.5, "亿元"));
/// assert!(!same_amount(21.5, "亿元", 21.5, "万元"));
/// ```
pub fn same_amount(a: f64, unit_a: &str, b: f64, unit_b: &str) -> bool {
    let (fa, ba) = scale(unit_a);
    let (fb, bb) = scale(unit_b);
    if ba != bb {
        return false;
    }
    let (x, y) = (a * fa, b * fb);
    (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0)
}

/// What kind of amount a unit measures: the `kind` of a figure (`report-lens figures`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// `%`
    Percent,
    /// `‰`
    Permille,
    /// `个百分点`: a difference of two percentages.
    Points,
    /// `元`, `亿元`, `美元`, `元/人`
    Money,
    /// `人`, `万人次`, `名`
    People,
    /// Things counted: `个`, `家`, `项`, `户`, `头`, `标箱` …
    Count,
    /// `亩`, `公顷`, `平方米`, `平方公里`
    Area,
    /// `吨`, `斤`, `公斤`, `千克`
    Mass,
    /// `公里`, `千米`, `米`
    Length,
    /// `立方米`
    Volume,
    /// `千瓦时`, `度`, `吨标准煤`
    Energy,
    /// `千瓦`
    Power,
    /// `小时`, `岁`
    Time,
    /// `微克/立方米`
    Concentration,
    /// Something per something else not in the table: `人/百亿元`.
    Rate,
    /// A bare magnitude (`1234万`) or a unit the table does not know.
    Number,
}

impl UnitKind {
    /// The snake_case name used in JSON and CSV (`"money"`).
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Percent => "percent",
            UnitKind::Permille => "permille",
            UnitKind::Points => "points",
            UnitKind::Money => "money",
            UnitKind::People => "people",
            UnitKind::Count => "count",
            UnitKind::Area => "area",
            UnitKind::Mass => "mass",
            UnitKind::Length => "length",
            UnitKind::Volume => "volume",
            UnitKind::Energy => "energy",
            UnitKind::Power => "power",
            UnitKind::Time => "time",
            UnitKind::Concentration => "concentration",
            UnitKind::Rate => "rate",
            UnitKind::Number => "number",
        }
    }
}

/// The kind of every base unit (every entry of [`BASE_UNITS`] has one; a test checks it).
pub const UNIT_KINDS: &[(&str, UnitKind)] = {
    use UnitKind::*;
    &[
        ("微克/立方米", Concentration),
        ("吨标准煤", Energy),
        ("平方公里", Area),
        ("元/人", Money),
        ("千瓦时", Energy),
        ("立方米", Volume),
        ("平方米", Area),
        ("标准箱", Count),
        ("头只", Count),
        ("人次", People),
        ("公里", Length),
        ("千米", Length),
        ("千瓦", Power),
        ("公顷", Area),
        ("公斤", Mass),
        ("千克", Mass),
        ("美元", Money),
        ("欧元", Money),
        ("标箱", Count),
        ("小时", Time),
        ("天", Time),
        ("个工作日", Time),
        ("工作日", Time),
        ("元", Money),
        ("人", People),
        ("户", Count),
        ("吨", Mass),
        ("斤", Mass),
        ("亩", Area),
        ("米", Length),
        ("度", Energy),
        ("头", Count),
        ("只", Count),
        ("羽", Count),
        ("个", Count),
        ("家", Count),
        ("项", Count),
        ("所", Count),
        ("套", Count),
        ("张", Count),
        ("辆", Count),
        ("座", Count),
        ("条", Count),
        ("处", Count),
        ("间", Count),
        ("眼", Count),
        ("台", Count),
        ("架", Count),
        ("艘", Count),
        ("件", Count),
        ("册", Count),
        ("场", Count),
        ("岁", Time),
        ("名", People),
        ("株", Count),
        ("棵", Count),
        ("床", Count),
        ("宗", Count),
        ("批次", Count),
        ("批", Count),
        ("支", Count),
        ("起", Count),
        ("‰", Permille),
    ]
};

/// The kind of a unit as written: its magnitude stripped, then looked up in [`UNIT_KINDS`].
///
/// ```
/// use report_lens::unit::{kind, UnitKind};
/// assert_eq!(kind("亿元"), UnitKind::Money);
/// assert_eq!(kind("万人次"), UnitKind::People);
/// assert_eq!(kind("个百分点"), UnitKind::Points);
/// assert_eq!(kind("万"), UnitKind::Number);
/// assert_eq!(kind("人/百亿元"), UnitKind::Rate);
/// ```
pub fn kind(unit: &str) -> UnitKind {
    match unit {
        "%" => return UnitKind::Percent,
        "个百分点" => return UnitKind::Points,
        _ => {}
    }
    let (_, base) = scale(unit);
    match UNIT_KINDS.iter().find(|(u, _)| *u == base) {
        Some(&(_, k)) => k,
        None if base.contains('/') => UnitKind::Rate,
        None => UnitKind::Number,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_base_unit_has_a_kind() {
        for b in BASE_UNITS {
            assert!(UNIT_KINDS.iter().any(|(u, _)| u == b), "{b} has no kind");
        }
        for c in COUNT_UNITS.iter().filter(|&&c| c != "名") {
            assert_eq!(kind(c), UnitKind::Count, "{c}");
        }
    }

    #[test]
    fn whole_base_values_skip_the_rounding_unchanged() {
        let rounded = |x: f64| -> f64 { format!("{x:.14e}").parse().unwrap() };
        for v in [0.0, -0.0, 1.0, 21.5, 3.2, 0.57, 80.93, 16883.0, 123456.0, 9.99e6, -4.25, 1e7, 99999.0] {
            for (m, f) in MAGNITUDES {
                let x = v * f;
                assert_eq!(base_value(v, &format!("{m}元")).to_bits(), rounded(x).to_bits(), "{v}{m}");
            }
        }
    }
}
