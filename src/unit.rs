//! Units: what may follow a number, and how to compare `215000万元` with `21.5亿元`.

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
    "批",
    "支",
    "‰",
];

/// Units that count things rather than measure amounts: never a growth, never a catalog level
/// unless the catalog says so.
pub const COUNT_UNITS: &[&str] = &[
    "个", "家", "项", "所", "套", "张", "辆", "座", "条", "处", "间", "眼", "台", "架", "艘", "件", "册", "场", "名",
    "株", "棵", "床", "宗", "批", "支",
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
    if BASE_UNITS.contains(&unit) && !unit.starts_with('万') {
        return (1.0, unit);
    }
    for (m, f) in MAGNITUDES {
        if let Some(base) = unit.strip_prefix(m) {
            if base.is_empty() || BASE_UNITS.contains(&base) {
                return (*f, base);
            }
        }
    }
    (1.0, unit)
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
