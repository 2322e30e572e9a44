//! Stress suite (issue 11): every input family known to drive a loop of the code, at two sizes.
//! For each family it prints the time of `analyze` (or the decoder, or the charts) at size n and
//! 2n, the ratio (≈2 for linear work, ≈4 for quadratic), the peak heap and the output size.
//!
//! `cargo run --release --example stress` (all families), `… --example stress -- NAME…` (some),
//! `SCALE=4` makes every input four times larger. Results: docs/RELIABILITY.md. Not a test: times
//! are measured, never asserted.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

/// The system allocator, counting live and peak bytes.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = System.alloc(l);
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        System.dealloc(p, l);
        LIVE.fetch_sub(l.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = System.realloc(p, l, new);
        if !q.is_null() {
            if new > l.size() {
                let now = LIVE.fetch_add(new - l.size(), Relaxed) + new - l.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                LIVE.fetch_sub(l.size() - new, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static A: Counting = Counting;

/// What a family's input goes through.
#[derive(Clone, Copy)]
enum Path {
    /// `analyze`, then the report's charts, CSV and JSON (what the page and the CLI do).
    Analyze,
    /// Bytes through `decode` (a file as dropped), then the above.
    Decode,
}

struct Family {
    name: &'static str,
    path: Path,
    /// The input at size `n` (n ≈ the number of repeated units).
    make: fn(usize) -> Vec<u8>,
    /// The base n (doubled for the second run).
    n: usize,
}

fn rep(s: &str, n: usize) -> String {
    s.repeat(n)
}

fn families() -> Vec<Family> {
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
    report_lens_stress::zip_one("word/document.xml", body.as_bytes())
}

/// A stored zip of one deflated entry (enough for the docx reader).
mod report_lens_stress {
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
}

/// Runs the input through its path; returns (time, peak heap above the start, output bytes, facts).
fn run(path: Path, input: &[u8]) -> (Duration, usize, usize, usize) {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let t = Instant::now();
    let text = match path {
        Path::Analyze => String::from_utf8_lossy(input).into_owned(),
        Path::Decode => match report_lens::decode::decode(input, Some("input.bin")) {
            Ok(d) => d.text,
            Err(e) => {
                let took = t.elapsed();
                eprintln!("    (refused: {})", e.message());
                return (took, PEAK.load(Relaxed) - base, 0, 0);
            }
        },
    };
    let report = report_lens::analyze(&text);
    let charts = report_lens::chart::charts(&report);
    let csv = report_lens::csv::table([("input.txt", report.indicators.as_slice())]);
    let json = serde_json::to_string(&report).unwrap();
    let took = t.elapsed();
    let out = charts.iter().map(|c| c.svg.len()).sum::<usize>() + csv.len() + json.len();
    (took, PEAK.load(Relaxed) - base, out, report.indicators.len())
}

fn main() {
    let only: Vec<String> = std::env::args().skip(1).collect();
    // Warm the lazily built tables (catalog, cues, gazetteer) once, as the page does.
    report_lens::analyze("各位代表：全县地区生产总值增长5%。");
    let scale: usize = std::env::var("SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    println!("{:<22} {:>9} {:>9} {:>9} {:>9} {:>6} {:>10} {:>10} {:>7}", "family", "size n", "size 2n", "time n", "time 2n", "ratio", "peak 2n", "out 2n", "facts");
    for f in families() {
        if !only.is_empty() && !only.iter().any(|o| o == f.name) {
            continue;
        }
        let a = (f.make)(f.n * scale);
        let b = (f.make)(2 * f.n * scale);
        let (ta, _, _, _) = run(f.path, &a);
        let (tb, peak, out, facts) = run(f.path, &b);
        let ratio = tb.as_secs_f64() / ta.as_secs_f64().max(1e-6);
        println!(
            "{:<22} {:>9} {:>9} {:>7.1}ms {:>7.1}ms {:>6.2} {:>8.1}MB {:>8.1}MB {:>7}",
            f.name,
            kb(a.len()),
            kb(b.len()),
            ta.as_secs_f64() * 1e3,
            tb.as_secs_f64() * 1e3,
            ratio,
            peak as f64 / 1e6,
            out as f64 / 1e6,
            facts
        );
    }
}

fn kb(n: usize) -> String {
    format!("{:.0}KB", n as f64 / 1024.0)
}
