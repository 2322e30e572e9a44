//! Canonical indicator names and the ways reports write them.
//!
//! One table, data apart from code: each entry has its canonical name (the standard
//! statistical name, as in `GOLD_FORMAT.md`), the variant a national report uses, its aliases,
//! whether its figures are rates (a `%` that is a level, not a growth), and whether a target for
//! it is a floor or a ceiling.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::LazyLock;

/// Whether a target is met by reaching it (floor) or by staying within it (ceiling).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Floor,
    Ceiling,
}

/// One catalog entry.
#[derive(Debug, PartialEq)]
pub struct Entry {
    pub name: &'static str,
    /// The name a national report uses (`国内生产总值`).
    pub national: Option<&'static str>,
    pub aliases: &'static [&'static str],
    /// Its `%` figures are levels (失业率 5.5%), not growth.
    pub rate: bool,
    pub direction: Direction,
}

use Direction::{Ceiling, Floor};

macro_rules! entry {
    ($name:expr, $nat:expr, [$($a:expr),* $(,)?], $rate:expr, $dir:expr) => {
        Entry { name: $name, national: $nat, aliases: &[$($a),*], rate: $rate, direction: $dir }
    };
}

/// The catalog. Aliases are written after the text normalization `规上` → `规模以上`.
pub static CATALOG: &[Entry] = &[
    entry!("地区生产总值", Some("国内生产总值"), ["地区生产总值", "国内生产总值", "生产总值", "GDP", "经济总量", "经济增速", "地区经济总量"], false, Floor),
    entry!("人均地区生产总值", Some("人均国内生产总值"), ["人均地区生产总值", "人均国内生产总值", "人均生产总值", "人均GDP"], false, Floor),
    entry!("第一产业增加值", None, ["第一产业增加值", "一产增加值"], false, Floor),
    entry!("第二产业增加值", None, ["第二产业增加值", "二产增加值"], false, Floor),
    entry!("第三产业增加值", None, ["第三产业增加值", "三产增加值", "服务业增加值"], false, Floor),
    entry!("规模以上工业增加值", None, ["规模以上工业增加值", "规模以上工业企业增加值"], false, Floor),
    entry!("工业增加值", None, ["工业增加值", "全部工业增加值"], false, Floor),
    entry!("高技术制造业增加值", None, ["高技术制造业增加值"], false, Floor),
    entry!("数字经济增加值", None, ["数字经济增加值"], false, Floor),
    entry!("规模以上工业企业利润", None, ["规模以上工业企业利润", "规模以上工业利润"], false, Floor),
    entry!("规模以上服务业营业收入", None, ["规模以上服务业营业收入", "规模以上服务业营收"], false, Floor),
    entry!("固定资产投资", None, ["固定资产投资", "固投"], false, Floor),
    entry!("民间投资", None, ["民间投资"], false, Floor),
    entry!("工业投资", None, ["工业投资"], false, Floor),
    entry!("产业投资占比", None, ["产业投资占比", "产业投资占全部投资比重"], true, Floor),
    entry!("社会消费品零售总额", None, ["社会消费品零售总额", "社零总额", "社零"], false, Floor),
    entry!("外贸进出口总额", None, ["外贸进出口总额", "外贸进出口总值", "货物贸易进出口总额", "货物进出口总额", "进出口总额", "进出口总值", "外贸进出口", "货物贸易进出口"], false, Floor),
    entry!("外贸出口总额", None, ["外贸出口总额", "外贸出口", "出口总额"], false, Floor),
    entry!("实际利用外资", None, ["实际利用外资", "实际使用外资"], false, Floor),
    entry!("外商直接投资", None, ["外商直接投资"], false, Floor),
    entry!("一般公共预算收入", None, ["一般公共预算收入", "公共财政预算收入", "地方财政收入"], false, Floor),
    entry!("一般公共预算支出", None, ["一般公共预算支出", "公共财政预算支出"], false, Floor),
    entry!("财政收入", None, ["财政收入"], false, Floor),
    entry!("居民人均可支配收入", None, ["居民人均可支配收入", "人均可支配收入"], false, Floor),
    entry!("城镇常住居民人均可支配收入", None, ["城镇常住居民人均可支配收入", "城镇居民人均可支配收入", "城镇居民收入"], false, Floor),
    entry!("农村常住居民人均可支配收入", None, ["农村常住居民人均可支配收入", "农村居民人均可支配收入", "农村牧区常住居民人均可支配收入", "农牧民人均可支配收入", "农民人均可支配收入", "农村居民收入"], false, Floor),
    entry!("居民消费价格指数", None, ["居民消费价格指数", "居民消费价格", "CPI"], false, Ceiling),
    entry!("城镇新增就业", None, ["城镇新增就业", "新增城镇就业"], false, Floor),
    entry!("城镇登记失业率", None, ["城镇登记失业率"], true, Ceiling),
    entry!("城镇调查失业率", None, ["城镇调查失业率", "调查失业率"], true, Ceiling),
    entry!("劳动力转移就业", None, ["劳动力转移就业", "转移就业", "输转城乡富余劳动力", "输转劳动力", "转移农村劳动力"], false, Floor),
    entry!("粮食产量", None, ["粮食产量", "粮食总产量", "粮食年产量"], false, Floor),
    entry!("粮食综合生产能力", None, ["粮食综合生产能力"], false, Floor),
    entry!("单位地区生产总值能耗", Some("单位国内生产总值能耗"), ["单位地区生产总值能耗", "单位国内生产总值能耗", "单位生产总值能耗", "单位GDP能耗"], false, Ceiling),
    entry!("接待游客", None, ["接待游客人次", "接待国内外游客", "接待游客", "游客接待量", "旅游人数"], false, Floor),
    entry!("入境游客", None, ["入境游客"], false, Floor),
    entry!("旅游收入", None, ["旅游总收入", "旅游收入", "游客总花费", "旅游总花费"], false, Floor),
    entry!("技术合同成交额", None, ["技术合同成交额"], false, Floor),
    entry!("研发经费投入强度", None, ["研发经费投入强度", "研发投入强度", "研发投入占比", "研发经费投入占地区生产总值比重"], true, Floor),
    entry!("研发经费投入", None, ["研发经费投入", "研发投入", "研发经费"], false, Floor),
    entry!("常住人口城镇化率", None, ["常住人口城镇化率", "城镇化率"], true, Floor),
    entry!("细颗粒物年均浓度", None, ["细颗粒物年均浓度", "细颗粒物平均浓度", "细颗粒物浓度", "PM2.5年均浓度", "PM2.5平均浓度", "PM2.5浓度", "细颗粒物（PM2.5）平均浓度", "细颗粒物（PM2.5）浓度"], false, Ceiling),
    entry!("空气质量优良天数比率", None, ["空气质量优良天数比率", "优良天数比例", "优良天数比率"], true, Floor),
    entry!("人均预期寿命", None, ["人均预期寿命"], false, Floor),
    entry!("财政赤字率", None, ["财政赤字率", "赤字率"], true, Ceiling),
    entry!("财政赤字规模", None, ["财政赤字规模", "赤字规模"], false, Ceiling),
    entry!("地方政府专项债券", None, ["地方政府专项债券"], false, Floor),
    entry!("超长期特别国债", None, ["超长期特别国债"], false, Floor),
    entry!("中央预算内投资", None, ["中央预算内投资"], false, Floor),
    entry!("减税降费", None, ["减税降费", "减轻税费负担"], false, Floor),
    entry!("全员劳动生产率", None, ["全员劳动生产率"], false, Floor),
    entry!("本外币贷款余额", None, ["本外币贷款余额"], false, Floor),
    entry!("非化石能源占能源消费总量比重", None, ["非化石能源占能源消费总量比重", "非化石能源消费比重"], true, Floor),
    entry!("生猪出栏", None, ["生猪出栏"], false, Floor),
    entry!("牲畜存栏", None, ["牲畜存栏"], false, Floor),
    entry!("牛羊肉产量", None, ["牛羊肉产量"], false, Floor),
    entry!("肉类总产量", None, ["肉类总产量", "肉类产量"], false, Floor),
    entry!("畜牧业产值", None, ["畜牧业产值", "畜牧业总产值"], false, Floor),
    entry!("农林牧渔业总产值", None, ["农林牧渔业总产值", "农业总产值"], false, Floor),
    entry!("森林覆盖率", None, ["森林覆盖率"], true, Floor),
    entry!("草原综合植被覆盖率", None, ["草原综合植被覆盖率"], true, Floor),
];

/// One alias found in a phrase.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub entry: &'static Entry,
    /// Byte range of the alias in the phrase.
    pub start: usize,
    pub end: usize,
}

struct Index {
    ac: AhoCorasick,
    owners: Vec<&'static Entry>,
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut owners = Vec::new();
    for e in CATALOG {
        for a in e.aliases {
            patterns.push(*a);
            owners.push(e);
        }
    }
    // A DFA searches fastest but takes longest to build: natively the build is paid once per
    // process; in the page it would delay the first report, so the page uses the NFA.
    let kind = if cfg!(target_arch = "wasm32") { AhoCorasickKind::ContiguousNFA } else { AhoCorasickKind::DFA };
    let ac = AhoCorasick::builder().match_kind(MatchKind::Standard).kind(Some(kind)).build(&patterns).expect("catalog aliases build");
    Index { ac, owners }
});

/// The alias that ends last in `phrase` (the longest of those ending there).
///
/// ```
/// use report_lens::indicator::catalog::last_alias;
/// let hit = last_alias("全县牲畜存栏").unwrap();
/// assert_eq!(hit.entry.name, "牲畜存栏");
/// assert_eq!(last_alias("实现地区生产总值").unwrap().entry.name, "地区生产总值");
/// ```
pub fn last_alias(phrase: &str) -> Option<Hit> {
    let idx = &*INDEX;
    let mut best: Option<Hit> = None;
    for m in idx.ac.find_overlapping_iter(phrase) {
        let hit = Hit { entry: idx.owners[m.pattern().as_usize()], start: m.start(), end: m.end() };
        best = match best {
            None => Some(hit),
            Some(b) if hit.end > b.end || (hit.end == b.end && hit.start < b.start) => Some(hit),
            keep => keep,
        };
    }
    best
}

/// Every alias found in `phrase`, in order of their end.
pub fn all_aliases(phrase: &str) -> Vec<Hit> {
    let idx = &*INDEX;
    let mut v: Vec<Hit> = idx
        .ac
        .find_overlapping_iter(phrase)
        .map(|m| Hit { entry: idx.owners[m.pattern().as_usize()], start: m.start(), end: m.end() })
        .collect();
    v.sort_by_key(|h| (h.end, std::cmp::Reverse(h.end - h.start)));
    v
}

/// The entry with this canonical (or national) name.
pub fn by_name(name: &str) -> Option<&'static Entry> {
    CATALOG.iter().find(|e| e.name == name || e.national == Some(name))
}
