//! Share links: an analysis in a URL fragment (`#r1.…`), which browsers never send to a server.
//!
//! The fragment is `r1.` (the format version) followed by the analysis — metadata and
//! indicators, and the report's text only when asked — as compact JSON, compressed with zlib
//! (deflate plus an Adler-32 checksum, so a changed character is noticed) and written in
//! base64url. Decoding is strict: a size cap before anything else, the version, the checksum,
//! a JSON shape with no room for extra fields, and limits on every string and number. What comes
//! out is plain data; the page inserts it as text.

use crate::model::{Basis, Bound, Indicator, Kind, Level, Meta, Report};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version written in every link; links of another version are refused with a message.
pub const VERSION: &str = "r1";

/// Longest fragment accepted (characters): far above any report with its text.
pub const MAX_LINK: usize = 400_000;

/// Largest payload inflated (bytes): a hostile link cannot make us allocate more.
const MAX_PAYLOAD: usize = 4 * 1024 * 1024;

/// Longest text included in a link when the user asks for it (characters of the link).
pub const MAX_LINK_WITH_TEXT: usize = 120_000;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Payload {
    /// The file name.
    f: String,
    m: MetaT,
    i: Vec<IndT>,
    /// The report's text, when the user included it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    t: Option<String>,
}

/// title, region, level, meeting date, review year, plan year, speaker.
#[derive(Serialize, Deserialize)]
struct MetaT(Option<String>, Option<String>, Option<String>, Option<String>, Option<i32>, Option<i32>, Option<String>);

/// name, flags (1: in the catalog, 2: a target), period, value, value high, unit, change %,
/// change % high, change in points, bound, change bound, basis (codes: see `code`).
#[derive(Serialize, Deserialize)]
struct IndT(String, u8, String, Option<f64>, Option<f64>, Option<String>, Option<f64>, Option<f64>, Option<f64>, u8, u8, u8);

/// Why a link could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareError {
    message: String,
}

impl ShareError {
    fn broken(why: &str) -> Self {
        ShareError { message: format!("分享链接已损坏或不完整（{why}），无法打开：请向分享者要一个新的链接，或直接打开报告文件。") }
    }

    /// What happened and what to do, in Chinese.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ShareError {}

fn bound_code(b: Option<Bound>) -> u8 {
    match b {
        None => 0,
        Some(Bound::About) => 1,
        Some(Bound::AtLeast) => 2,
        Some(Bound::AtMost) => 3,
    }
}

fn bound_of(c: u8) -> Result<Option<Bound>, ShareError> {
    Ok(match c {
        0 => None,
        1 => Some(Bound::About),
        2 => Some(Bound::AtLeast),
        3 => Some(Bound::AtMost),
        _ => return Err(ShareError::broken("约束代码不对")),
    })
}

fn basis_code(b: Option<Basis>) -> u8 {
    match b {
        None => 0,
        Some(Basis::AnnualAvg) => 1,
        Some(Basis::Cumulative) => 2,
    }
}

fn basis_of(c: u8) -> Result<Option<Basis>, ShareError> {
    Ok(match c {
        0 => None,
        1 => Some(Basis::AnnualAvg),
        2 => Some(Basis::Cumulative),
        _ => return Err(ShareError::broken("口径代码不对")),
    })
}

fn level_of(s: &str) -> Result<Level, ShareError> {
    Ok(match s {
        "national" => Level::National,
        "province" => Level::Province,
        "city" => Level::City,
        "county" => Level::County,
        _ => return Err(ShareError::broken("级别不对")),
    })
}

/// The fragment (without `#`) for a report; with its `text` when given.
///
/// ```
/// let text = std::fs::read_to_string("tests/fixtures/tianjun-2022.txt").unwrap();
/// let report = report_lens::analyze(&text);
/// let link = report_lens::share::encode("tianjun-2022.txt", &report, None);
/// assert!(link.starts_with("r1.") && link.len() <= 4000);
/// let back = report_lens::share::decode(&link).unwrap();
/// assert_eq!(back.report.indicators.len(), report.indicators.len());
/// assert_eq!(back.file, "tianjun-2022.txt");
/// ```
pub fn encode(file: &str, report: &Report, text: Option<&str>) -> String {
    let m = &report.meta;
    let payload = Payload {
        f: file.to_string(),
        m: MetaT(m.title.clone(), m.region.clone(), m.level.map(|l| l.as_str().to_string()), m.meeting_date.clone(), m.review_year, m.plan_year, m.speaker.clone()),
        // `-0` is written `0` (the decoder takes no `-0`).
        i: report
            .indicators
            .iter()
            .map(|i| {
                let z = |v: Option<f64>| v.map(|x| if x == 0.0 { 0.0 } else { x });
                IndT(
                    i.name.clone(),
                    u8::from(i.in_catalog) | if i.kind == Kind::Target { 2 } else { 0 },
                    i.period.clone(),
                    z(i.value),
                    z(i.value_high),
                    i.unit.clone(),
                    z(i.change_pct),
                    z(i.change_pct_high),
                    z(i.change_points),
                    bound_code(i.bound),
                    bound_code(i.change_bound),
                    basis_code(i.basis),
                )
            })
            .collect(),
        t: text.map(str::to_string),
    };
    let json = serde_json::to_vec(&payload).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&json, LEVEL);
    format!("{VERSION}.{}", base64url(&packed))
}

/// A shared analysis, opened.
#[derive(Debug, Clone)]
pub struct Opened {
    pub file: String,
    pub report: Report,
    /// The report's text, if the link carries it.
    pub text: Option<String>,
}

/// Open a fragment (with or without its leading `#`).
pub fn decode(fragment: &str) -> Result<Opened, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_LINK {
        return Err(ShareError::broken("链接太长"));
    }
    let Some((version, data)) = fragment.split_once('.') else { return Err(ShareError::broken("格式不对")) };
    if version != VERSION {
        if version.starts_with('r') && version[1..].parse::<u32>().is_ok() {
            return Err(ShareError { message: format!("这个分享链接来自另一版本的 Report Lens（格式 {}），本页面只能打开 {VERSION} 格式：请用最新版页面打开，或向分享者要报告文件。", version.chars().take(8).collect::<String>()) });
        }
        return Err(ShareError::broken("格式不对"));
    }
    let packed = unbase64url(data).ok_or_else(|| ShareError::broken("含有不该有的字符"))?;
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_PAYLOAD).map_err(|_| ShareError::broken("校验不通过"))?;
    let p: Payload = serde_json::from_slice(&json).map_err(|_| ShareError::broken("内容格式不对"))?;
    validate(&p)?;
    // Links are made by `encode` only: the data must be exactly what it packs, so a change in
    // the bits deflate ignores (the padding of its last byte) is noticed too.
    if miniz_oxide::deflate::compress_to_vec_zlib(&json, LEVEL) != packed {
        return Err(ShareError::broken("校验不通过"));
    }
    let file = clean(&p.f);
    if let Some(text) = &p.t {
        // With the text, the analysis is made again from it: the text is the source.
        return Ok(Opened { file, report: crate::analyze(text), text: Some(text.clone()) });
    }
    let MetaT(title, region, level, meeting_date, review_year, plan_year, speaker) = p.m;
    let (title, region, speaker) = (title.as_deref().map(clean), region.as_deref().map(clean), speaker.as_deref().map(clean));
    let meta = Meta { title, region, level: level.as_deref().map(level_of).transpose()?, meeting_date, review_year, plan_year, speaker };
    let mut indicators = Vec::with_capacity(p.i.len());
    for IndT(name, flags, period, value, value_high, unit, change_pct, change_pct_high, change_points, bound, change_bound, basis) in p.i {
        let name = clean(&name);
        if name.is_empty() {
            return Err(ShareError::broken("指标数据不对"));
        }
        let unit = unit.as_deref().map(clean);
        indicators.push(Indicator {
            name,
            in_catalog: flags & 1 != 0,
            kind: if flags & 2 != 0 { Kind::Target } else { Kind::Actual },
            period,
            basis: basis_of(basis)?,
            value,
            value_high,
            value_base: value.map(|v| unit.as_deref().map_or(v, |u| crate::unit::base_value(v, u))),
            unit,
            change_pct,
            change_pct_high,
            change_points,
            bound: bound_of(bound)?,
            change_bound: bound_of(change_bound)?,
            quote: String::new(),
            start: 0,
            end: 0,
        });
    }
    Ok(Opened { file, report: Report { meta, sections: Vec::new(), indicators, warnings: Vec::new(), text_length: 0 }, text: None })
}

/// A name from a link without what could spoof or break its display: bidi controls
/// (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C), zero-width characters (U+200B–U+200D,
/// U+2060–U+2064, U+FEFF) and non-characters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF).
fn clean(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            let u = c as u32;
            !(matches!(u, 0x202a..=0x202e | 0x2066..=0x2069 | 0x200e | 0x200f | 0x061c | 0x200b..=0x200d | 0x2060..=0x2064 | 0xfeff | 0xfdd0..=0xfdef) || u & 0xfffe == 0xfffe || c.is_control())
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Limits on everything that comes out of a link.
fn validate(p: &Payload) -> Result<(), ShareError> {
    let short = |s: &Option<String>, max: usize| s.as_ref().is_none_or(|s| s.chars().count() <= max && !s.chars().any(char::is_control));
    let year = |y: &Option<i32>| y.is_none_or(|y| (1949..=2100).contains(&y));
    let m = &p.m;
    let meta_ok = short(&m.0, 200) && short(&m.1, 50) && short(&m.2, 10) && short(&m.3, 10) && year(&m.4) && year(&m.5) && short(&m.6, 30);
    if !meta_ok || p.f.chars().count() > 300 || p.f.chars().any(char::is_control) {
        return Err(ShareError::broken("报告信息不对"));
    }
    if let Some(d) = &m.3 {
        let b = d.as_bytes();
        if !(b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit())) {
            return Err(ShareError::broken("日期不对"));
        }
    }
    if p.i.len() > 20_000 {
        return Err(ShareError::broken("指标太多"));
    }
    // Finite, of a size a report writes, and never `-0` (which `encode` does not make).
    let num = |v: &Option<f64>| v.is_none_or(|v| v.is_finite() && v.abs() < 1e15 && !(v == 0.0 && v.is_sign_negative()));
    // The upper end of a range is above its lower end.
    let range = |lo: &Option<f64>, hi: &Option<f64>| match (lo, hi) {
        (_, None) => true,
        (Some(lo), Some(hi)) => hi > lo,
        (None, Some(_)) => false,
    };
    for IndT(name, flags, period, value, value_high, unit, pct, pct_high, points, ..) in &p.i {
        if !range(value, value_high) || !range(pct, pct_high) {
            return Err(ShareError::broken("指标数据不对"));
        }
        let period_ok = {
            let b = period.as_bytes();
            // (`今年`, `上年`, `过去5年`: the periods of a text without any year.)
            let relative = period.strip_prefix("过去").unwrap_or(period).strip_suffix('年').is_some_and(|n| n.len() <= 2 && n.bytes().all(|c| c.is_ascii_digit()));
            (b.len() == 4 && b.iter().all(u8::is_ascii_digit)) || (b.len() == 9 && b[4] == b'-' && b.iter().enumerate().all(|(k, c)| k == 4 || c.is_ascii_digit())) || period == crate::model::THIS_YEAR || period == crate::model::LAST_YEAR || relative
        };
        if name.is_empty() || name.chars().count() > 60 || name.chars().any(char::is_control) || *flags > 3 || !period_ok || !short(unit, 20) || ![value, value_high, pct, pct_high, points].into_iter().all(num) {
            return Err(ShareError::broken("指标数据不对"));
        }
    }
    if let Some(t) = &p.t {
        if t.chars().count() > crate::decode::MAX_CHARS {
            return Err(ShareError::broken("原文太长"));
        }
    }
    Ok(())
}

/// The zlib level links are packed with.
const LEVEL: u8 = 9;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16) | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8) | u32::from(*chunk.get(2).unwrap_or(&0));
        for k in 0..chunk.len() + 1 {
            out.push(ALPHABET[(n >> (18 - 6 * k) & 63) as usize] as char);
        }
    }
    out
}

fn unbase64url(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // Leftover bits must be zero padding.
    (acc == 0 && bits < 6).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(f: &str) -> String {
        std::fs::read_to_string(format!("{}/tests/fixtures/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn round_trip_keeps_every_fact() {
        let text = fixture("tianjun-2022.txt");
        let report = crate::analyze(&text);
        let back = decode(&format!("#{}", encode("tianjun-2022.txt", &report, None))).unwrap();
        assert_eq!(back.report.meta, report.meta);
        assert_eq!(back.report.indicators.len(), report.indicators.len());
        for (a, b) in back.report.indicators.iter().zip(&report.indicators) {
            assert_eq!((&a.name, a.kind, &a.period, a.value, &a.unit, a.change_pct, a.bound, a.change_bound, a.basis), (&b.name, b.kind, &b.period, b.value, &b.unit, b.change_pct, b.bound, b.change_bound, b.basis));
        }
        assert!(back.text.is_none());
        // With the text: the same analysis, and the text back.
        let with = encode("tianjun-2022.txt", &report, Some(&text));
        let back = decode(&with).unwrap();
        assert_eq!(back.text.as_deref(), Some(text.as_str()));
        assert_eq!(back.report, report);
    }

    #[test]
    fn corpus_link_lengths() {
        // The sample's link stays under 4,000 characters; the lengths for the corpus are
        // recorded in docs/SHARING.md (`cargo test --lib share -- --nocapture`).
        for f in ["tianjun-2022.txt", "national/national-2024.txt", "national/national-2019.txt", "provinces/gansu-2026.txt", "provinces/beijing-2026.txt", "provinces/jiangsu-2026.txt"] {
            let text = fixture(f);
            let r = crate::analyze(&text);
            let bare = encode(f, &r, None).len();
            let full = encode(f, &r, Some(&text)).len();
            println!("{f}: {} indicators, link {bare} characters, with text {full}", r.indicators.len());
            if f == "tianjun-2022.txt" {
                assert!(bare <= 4000, "{bare}");
            }
        }
    }

    #[test]
    fn a_changed_or_cut_link_is_refused() {
        let r = crate::analyze(&fixture("tianjun-2022.txt"));
        let link = encode("t.txt", &r, None);
        // Every single-character change in the data is noticed (checksum, shape or limits).
        let bytes = link.as_bytes();
        for k in (3..bytes.len()).step_by(7) {
            let mut b = bytes.to_vec();
            b[k] = if b[k] == b'A' { b'B' } else { b'A' };
            let changed = String::from_utf8(b).unwrap();
            assert!(decode(&changed).is_err(), "change at {k} not noticed");
        }
        for cut in [link.len() - 1, link.len() / 2, 4, 3] {
            assert!(decode(&link[..cut]).is_err(), "cut at {cut}");
        }
        assert!(decode("r1.<script>alert(1)</script>").unwrap_err().message().starts_with("分享链接已损坏或不完整"));
        assert!(decode("r9.AAAA").unwrap_err().message().contains("另一版本"));
        assert!(decode("").is_err());
        assert!(decode(&"A".repeat(MAX_LINK + 1)).is_err());
    }

    #[test]
    fn markup_in_a_valid_link_stays_data() {
        let mut r = crate::analyze(&fixture("tianjun-2022.txt"));
        r.indicators[0].name = "<img src=x onerror=alert(1)>".into();
        let back = decode(&encode("<script>alert(2)</script>.txt", &r, None)).unwrap();
        assert_eq!(back.report.indicators[0].name, "<img src=x onerror=alert(1)>");
        assert_eq!(back.file, "<script>alert(2)</script>.txt");
    }

    #[test]
    fn names_from_links_lose_bidi_zero_width_and_non_characters() {
        let mut r = crate::analyze(&fixture("tianjun-2022.txt"));
        r.indicators[0].name = "\u{202e}值总产生区地\u{200b}\u{ffff}".into();
        r.meta.region = Some("天\u{2066}峻县\u{feff}".into());
        let back = decode(&encode("\u{202e}txt.exe\u{200d}", &r, None)).unwrap();
        assert_eq!(back.report.indicators[0].name, "值总产生区地");
        assert_eq!(back.report.meta.region.as_deref(), Some("天峻县"));
        assert_eq!(back.file, "txt.exe");
        // A name of nothing but such characters is no name.
        r.indicators[0].name = "\u{200b}\u{202e}".into();
        assert!(decode(&encode("t", &r, None)).is_err());
        // A `-0` the core made is written as `0`, so its own link opens.
        r.indicators[0].name = "甲".into();
        r.indicators[0].change_pct = Some(-0.0);
        assert_eq!(decode(&encode("t", &r, None)).unwrap().report.indicators[0].change_pct, Some(0.0));
    }

    #[test]
    fn limits() {
        let pack = |json: &str| format!("{VERSION}.{}", base64url(&miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), LEVEL)));
        let good = r#"{"f":"t","m":[null,null,"county",null,2021,2022,null],"i":[["地区生产总值",1,"2021",21.5,null,"亿元",null,null,null,0,0,0]]}"#;
        assert_eq!(decode(&pack(good)).unwrap().report.indicators[0].value, Some(21.5));
        for bad in [
            good.replace("21.5", "1e300"),
            good.replace("\"county\"", "\"planet\""),
            good.replace("0,0,0]", "0,0,9]"),
            good.replace("]]}", "]],\"x\":1}"),
            good.replace(",0,0,0]", ",0,0]"),
            good.replace("2021,2022", "1021,2022"),
            // Issue 11: an upper end below the value, and `-0`.
            good.replace("21.5,null", "21.5,3"),
            good.replace("21.5,null", "21.5,21.5"),
            good.replace("21.5", "-0"),
            good.replace("\"亿元\",null,null", "\"亿元\",5,4"),
            good.replace("\"亿元\",null,null", "\"亿元\",null,4"),
        ] {
            assert!(decode(&pack(&bad)).is_err(), "{bad}");
        }
        let mut r = crate::analyze(&fixture("tianjun-2022.txt"));
        r.indicators[0].period = "20x1".into();
        assert!(decode(&encode("t", &r, None)).is_err());
        let mut r = crate::analyze(&fixture("tianjun-2022.txt"));
        r.indicators[0].name = "长".repeat(61);
        assert!(decode(&encode("t", &r, None)).is_err());
    }

    #[test]
    fn base64url_round_trip() {
        for n in 0..20 {
            let b: Vec<u8> = (0..n).map(|k| (k * 37 + 11) as u8).collect();
            assert_eq!(unbase64url(&base64url(&b)).unwrap(), b);
        }
        assert!(unbase64url("A").is_none() || unbase64url("A") == Some(vec![]));
    }
}
