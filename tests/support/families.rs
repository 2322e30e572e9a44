//! The families of hostile and pathological input (issue 11): each drives one loop of the code,
#![allow(dead_code)]
//! made at any size `n`. Used by the stress suite (`examples/stress.rs`, which times them at n
//! and 2n) and by the fuzzer (`tests/fuzz.rs`, which mixes them with its mutations).

/// What a family's input goes through.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Path {
    /// `analyze`, then the report's charts, CSV and JSON (what the page and the CLI do).
    Analyze,
    /// Bytes through `decode` (a file as dropped), then the above.
    Decode,
}

pub struct Family {
    pub name: &'static str,
    pub path: Path,
    /// The input at size `n` (n ≈ the number of repeated units).
    pub make: fn(usize) -> Vec<u8>,
    /// The base n (doubled for the second run).
    pub n: usize,
}

fn rep(s: &str, n: usize) -> String {
    s.repeat(n)
}

pub fn families() -> Vec<Family> {
    use Path::*;
    vec![
        // Issue 11, reproduced.
        Family { name: "long-digits", path: Analyze, n: 200, make: |n| rep(&format!("地区生产总值增长{}%左右。", "9".repeat(400)), n).into_bytes() },
        Family { name: "long-digits-yi", path: Analyze, n: 200, make: |n| rep(&format!("地区生产总值达到{}亿元。", "9".repeat(302)), n).into_bytes() },
        Family { name: "huge-pm", path: Analyze, n: 200, make: |n| rep("地区生产总值增长1e308%，财政收入下降1e308%。", n).into_bytes() },
        Family { name: "figures-one-sentence", path: Analyze, n: 10_000, make: |n| format!("地区生产总值{}", rep("5.5亿元", n)).into_bytes() },
        Family { name: "list-items-suffix", path: Analyze, n: 1_500, make: |n| format!("{}{}增长5%", rep("甲、", n), rep("乙", n)).into_bytes() },
        Family { name: "clauses-one-sentence", path: Analyze, n: 20_000, make: |n| rep("地区生产总值增长5%，", n).into_bytes() },
        Family { name: "cn-numerals", path: Analyze, n: 50_000, make: |n| rep("亿", n).into_bytes() },
        Family { name: "fenbie-list", path: Analyze, n: 2_000, make: |n| {
            let names: Vec<String> = (0..n).map(|k| format!("第{k}项收入")).collect();
            let vals: Vec<String> = (0..n).map(|k| format!("{}.{}%", k % 9 + 1, k % 10)).collect();
            format!("{}分别增长{}。", names.join("、"), vals.join("、")).into_bytes()
        } },
        Family { name: "html-open-tags", path: Decode, n: 50_000, make: |n| format!("<html><body>地区生产总值增长5%{}", rep("<div ", n)).into_bytes() },
        Family { name: "html-raw-text", path: Decode, n: 20_000, make: |n| format!("<html><body>{}</body></html>", rep("<script>x", n)).into_bytes() },
        Family { name: "many-facts-dedup", path: Analyze, n: 10_000, make: |n| (0..n).map(|k| format!("第{k}类产品产量增长{}.{}%。", k % 9 + 1, k % 7)).collect::<String>().into_bytes() },
        // From the code's own loops.
        Family { name: "digit-lines", path: Analyze, n: 20_000, make: |n| rep("2021\n年\n2\n月\n", n).into_bytes() },
        Family { name: "page-markers", path: Analyze, n: 20_000, make: |n| rep("增长5.5\n- 2 -\n%\n", n).into_bytes() },
        Family { name: "headings", path: Analyze, n: 10_000, make: |n| rep("一、2024年工作回顾\n（一）经济增长\n", n).into_bytes() },
        Family { name: "years", path: Analyze, n: 20_000, make: |n| rep("2023年", n).into_bytes() },
        Family { name: "year-chars", path: Analyze, n: 50_000, make: |n| rep("年", n).into_bytes() },
        Family { name: "dates-cn", path: Analyze, n: 10_000, make: |n| rep("二〇二三年一月五日", n).into_bytes() },
        Family { name: "speaker-lines", path: Analyze, n: 10_000, make: |n| rep("市长 张三\n", n).into_bytes() },
        Family { name: "enumeration-comma", path: Analyze, n: 50_000, make: |n| format!("地区生产总值{}增长5%", rep("、", n)).into_bytes() },
        Family { name: "open-parens", path: Analyze, n: 50_000, make: |n| format!("地区生产总值{}增长5%", rep("（", n)).into_bytes() },
        Family { name: "open-quotes", path: Analyze, n: 50_000, make: |n| format!("地区生产总值{}增长5%", rep("“", n)).into_bytes() },
        Family { name: "percent-run", path: Analyze, n: 50_000, make: |n| rep("5%", n).into_bytes() },
        Family { name: "one-long-line", path: Analyze, n: 2_000, make: |n| rep("各位代表：全市地区生产总值增长5.5%，城镇常住居民人均可支配收入达到4.2万元，增长5%左右；", n).into_bytes() },
        Family { name: "no-breaks", path: Analyze, n: 200_000, make: |n| rep("城", n).into_bytes() },
        Family { name: "spaces", path: Analyze, n: 200_000, make: |n| rep("城 ", n).into_bytes() },
        Family { name: "newlines", path: Analyze, n: 200_000, make: |n| rep("\n", n).into_bytes() },
        Family { name: "targets-range", path: Analyze, n: 5_000, make: |n| rep("主要预期目标是：地区生产总值增长4.5%—5%，", n).into_bytes() },
        Family { name: "catalog-aliases", path: Analyze, n: 10_000, make: |n| format!("{}增长5%", rep("地区生产总值", n)).into_bytes() },
        Family { name: "gbk-text", path: Decode, n: 20_000, make: |n| {
            let text = rep("全县地区生产总值增长5.5%。", n);
            encoding_rs::GBK.encode(&text).0.into_owned()
        } },
        Family { name: "docx-bomb", path: Decode, n: 4, make: |n| docx_bomb(n * 8 << 20) },
    ]
}

/// A Word file whose `word/document.xml` inflates to `size` bytes of one repeated paragraph.
fn docx_bomb(size: usize) -> Vec<u8> {
    let para = "<w:p><w:r><w:t>地区生产总值增长5%。</w:t></w:r></w:p>";
    let body = format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{}</w:body></w:document>",
        para.repeat(size / para.len())
    );
    zip_one("word/document.xml", body.as_bytes())
}

/// A stored zip of one deflated entry (enough for the docx reader).
pub fn zip_one(name: &str, data: &[u8]) -> Vec<u8> {
    let deflated = miniz_oxide::deflate::compress_to_vec(data, 9);
    let crc = crc32(data);
    let mut out = Vec::new();
    let local = out.len() as u32;
    out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
    out.extend_from_slice(&[20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
    out.extend_from_slice(&crc.to_le_bytes());
    out.extend_from_slice(&(deflated.len() as u32).to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(&(name.len() as u16).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(&deflated);
    let cd = out.len() as u32;
    out.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
    out.extend_from_slice(&[20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
    out.extend_from_slice(&crc.to_le_bytes());
    out.extend_from_slice(&(deflated.len() as u32).to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out.extend_from_slice(&(name.len() as u16).to_le_bytes());
    out.extend_from_slice(&[0; 12]);
    out.extend_from_slice(&local.to_le_bytes());
    out.extend_from_slice(name.as_bytes());
    let cd_len = out.len() as u32 - cd;
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
    out.extend_from_slice(&cd_len.to_le_bytes());
    out.extend_from_slice(&cd.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in data {
        c ^= u32::from(b);
        for _ in 0..8 {
            c = if c & 1 != 0 { (c >> 1) ^ 0xedb8_8320 } else { c >> 1 };
        }
    }
    !c
}
