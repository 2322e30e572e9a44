//! Word lists the extractor reads: the verbs, adverbs and qualifiers around a figure.
//! Kept apart from the code that uses them so that they can be reviewed and grown as data.

/// Words that may stand between a subject and its figure (`社会消费品零售总额完成3.2亿元`,
/// `粮食产量保持在`, `赤字率拟按`), stripped from the end of a subject phrase, longest first.
pub const TRAILING_FILLERS: &[&str] = &[
    "比上年同期", "比“十三五”末", "同口径", "稳定在", "保持在", "控制在", "提高到", "提高至", "提升到", "提升至", "增长到",
    "增长至", "增加到", "增加至", "下降到", "下降至", "降低到", "降低至", "上升到", "上升至", "减少到", "减少至",
    "比上年", "比去年", "平均为", "达到了", "首次", "再次", "稳定", "保持", "分别", "年均", "累计", "同比",
    "实际", "名义", "达到", "完成", "实现", "突破", "超过", "跃上", "迈上", "跨过", "增长", "增加", "提高", "提升",
    "下降", "降低", "上涨", "上升", "回落", "减少", "下滑", "增速", "涨幅", "增幅", "降幅", "平均", "均值", "总量",
    "规模", "共计", "合计", "总计", "拟按", "拟安排", "安排", "力争", "确保", "预计", "接近", "将近", "不低于",
    "不少于", "不超过", "超出", "持续", "继续", "进一步", "大幅", "较快", "明显", "分别为", "为", "达", "超", "逾",
    "约", "近", "增", "降", "涨", "减", "在", "到", "至", "了", "从", "由", "按", "拟", "均", "共", "是", "就", "再",
    "比增", "比降", "预期", "目标", "的", "人数", "人次数", "改善", "好转",
];

/// Words a catalog alias may be preceded by in its subject phrase and still mean the indicator
/// itself (`全省地区生产总值`, `带动固定资产投资`, `地方一般公共预算收入`) — anything else makes
/// a narrower indicator (`脱贫县农村居民人均可支配收入`, `酒泉经济总量`).
pub const SCOPE_PREFIXES: &[&str] = &[
    "地级及以上城市", "农村牧区", "农牧区", "牧区", "全社会", "规模以上", "全省", "全市", "全县", "全区", "全州", "全盟", "全旗", "全国", "全体", "全年", "年末",
    "年底", "当年", "年度", "我省", "我市", "我县", "我区", "本省", "本市", "本县", "本区", "其中", "实现", "完成",
    "带动", "推动", "拉动", "地方", "今年", "去年", "主要", "预计", "力争", "确保", "实际", "首次", "累计", "新增",
    "全部", "总体", "年均", "拟安排", "安排", "拟", "发行", "下达", "争取", "年", "共", "和", "及", "的", "，",
];

/// Verbs of change before a figure; `true` for a fall.
pub const CHANGE_VERBS: &[(&str, bool)] = &[
    ("同比增长", false),
    ("同比下降", true),
    ("比上年增长", false),
    ("比上年下降", true),
    ("增长", false),
    ("增加", false),
    ("提高", false),
    ("提升", false),
    ("上涨", false),
    ("上升", false),
    ("涨幅", false),
    ("增速", false),
    ("增幅", false),
    ("比增", false),
    ("递增", false),
    ("攀升", false),
    ("扩大", false),
    ("增", false),
    ("涨", false),
    ("下降", true),
    ("降低", true),
    ("减少", true),
    ("回落", true),
    ("下滑", true),
    ("下跌", true),
    ("降幅", true),
    ("缩减", true),
    ("比降", true),
    ("降", true),
    ("减", true),
];

/// A change verb followed by one of these gives the level reached, not the change
/// (`降到5.5%`, `提高到65.2%`).
pub const TO_MARKERS: &[&str] = &["到", "至"];

/// Before a figure: more than it (`突破40万亿元`, `超1万美元`).
pub const AT_LEAST_BEFORE: &[&str] = &["不低于", "不少于", "超过", "突破", "多于", "大于", "超", "逾", "过"];
/// Before a figure: no more than it.
pub const AT_MOST_BEFORE: &[&str] = &["不超过", "不高于", "少于", "低于"];
/// Before a figure: about it.
pub const ABOUT_BEFORE: &[&str] = &["约", "接近", "将近", "近", "大约"];

/// Comparisons, not changes of the indicator: `高于全国0.4个百分点`.
pub const COMPARISONS: &[&str] = &["高于", "低于", "快于", "慢于", "高出", "领先", "超出全国", "超过全国", "比全国"];

/// A bare head that continues the previous subject (`收入增长2.3%、支出首次超过7000亿元`).
pub const ELLIPTIC_HEADS: &[&str] = &["支出", "收入", "利润", "产量", "总产量", "增加值", "营收", "营业收入", "出口", "进口", "总额"];

/// Heads a non-catalog subject list shares (`六大优势产业、…产业增加值分别增长`).
pub const SHARED_HEADS: &[&str] = &["增加值", "营业收入", "营收", "收入", "产量", "总额", "投资", "利润", "产值", "总值"];
