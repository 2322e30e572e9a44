//! A mutation fuzzer over the whole input path: bytes → `decode` → `analyze` → charts and CSV.
//! Seeds are real files of every format (text in four encodings, Word, a web page, PDFs, the
//! bad inputs); each round mutates one (flips, inserts, deletes, duplicates, truncates, splices
//! two) or makes random bytes, or makes an input of one of the hostile families (issue 11,
//! `tests/support/families.rs`), and runs it through. Nothing may panic, no number may be
//! infinite, no quote longer than its bound.
//!
//! `cargo test --test fuzz` runs a short round (a few seconds). The long run of the issue:
//! `FUZZ_SECONDS=600 cargo test --release --test fuzz -- --nocapture` (see docs/RELIABILITY.md).
//! `FUZZ_SEED` picks another sequence.

use std::time::{Duration, Instant};

#[path = "support/families.rs"]
mod families;

/// xorshift64*: small, fast, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SEEDS: &[&str] = &[
    "tianjun-2022.txt",
    "formats/tianjun-2022.gbk.txt",
    "formats/tianjun-2022.utf16le.txt",
    "formats/tianjun-2022.utf16be.txt",
    "formats/tianjun-2022.docx",
    "formats/tianjun-2022.html",
    "formats/tianjun-2022.pdf",
    "bad/image.png",
    "bad/not-docx.zip",
    "bad/truncated.pdf",
    "bad/nul.txt",
    "bad/invalid-utf8.txt",
    "national/national-2024.txt",
    "provinces/gansu-2026.txt",
];

/// Interesting bytes to insert: markup, BOMs, zip and PDF magic, UTF-8 lead bytes, digits.
const TOKENS: &[&[u8]] = &[
    b"<", b">", b"</p>", b"<script>", b"&#", b"&amp;", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"PK\x03\x04", b"PK\x05\x06", b"%PDF-", b"%%EOF",
    b"\x00", b"\xe4", b"\xc0", b"\xf0\x9f", b"1", b"9.7%", "亿元".as_bytes(), "增长".as_bytes(), "个百分点".as_bytes(), "分别".as_bytes(), "\n- 2 -\n".as_bytes(),
    "，".as_bytes(), "、".as_bytes(), b"\r\n", "年".as_bytes(), "一、".as_bytes(), "（一）".as_bytes(),
];

fn mutate(rng: &mut Rng, seeds: &[(String, Vec<u8>)]) -> (String, Vec<u8>) {
    // One round in eight: a family of hostile input (issue 11) at a random size up to its base
    // size, then mutated like any seed; its finite, linear handling is checked in `run`.
    if rng.below(8) == 0 {
        let all = families::families();
        let f = &all[rng.below(all.len())];
        if f.name != "docx-bomb" {
            let base = (f.make)(1 + rng.below(f.n));
            let seed = [(format!("{}.txt", f.name), base)];
            let (name, bytes) = mutate_seed(rng, &seed[0]);
            return (if f.name.starts_with("html") { format!("{}.html", f.name) } else { name }, bytes);
        }
    }
    let seed = &seeds[rng.below(seeds.len())];
    if rng.below(20) == 0 {
        let n = rng.below(4096);
        return (seed.0.clone(), (0..n).map(|_| rng.next() as u8).collect());
    }
    let (name, mut b) = mutate_seed(rng, seed);
    if rng.below(6) == 0 {
        let (_, other) = &seeds[rng.below(seeds.len())];
        let i = rng.below(other.len() + 1);
        let cut = rng.below(b.len() + 1);
        b.truncate(cut);
        b.extend_from_slice(&other[i..]);
    }
    (name, b)
}

/// One to eight mutations of a seed: flips, inserted tokens, deletions, duplications, cuts.
fn mutate_seed(rng: &mut Rng, (name, base): &(String, Vec<u8>)) -> (String, Vec<u8>) {
    let mut b = base.clone();
    for _ in 0..1 + rng.below(8) {
        let len = b.len();
        match rng.below(7) {
            0 if len > 0 => {
                let i = rng.below(len);
                b[i] ^= 1 << rng.below(8);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                let i = rng.below(len + 1);
                b.splice(i..i, t.iter().copied());
            }
            2 if len > 0 => {
                let i = rng.below(len);
                let n = rng.below(64).min(len - i);
                b.drain(i..i + n);
            }
            3 if len > 0 => {
                let i = rng.below(len);
                let n = rng.below(256).min(len - i);
                let chunk = b[i..i + n].to_vec();
                let j = rng.below(len + 1);
                b.splice(j..j, chunk);
            }
            4 => b.truncate(rng.below(len + 1)),
            _ if len > 0 => {
                let i = rng.below(len);
                b[i] = rng.next() as u8;
            }
            _ => {}
        }
    }
    (name.clone(), b)
}

/// The page's whole path for one input.
fn run(name: &str, bytes: &[u8]) {
    if let Ok(d) = report_lens::decode::decode(bytes, Some(name)) {
        let report = report_lens::analyze(&d.text);
        for i in &report.indicators {
            let nums = [i.value, i.value_high, i.value_base, i.change_pct, i.change_pct_high, i.change_points];
            assert!(nums.iter().flatten().all(|v| v.is_finite()), "a non-finite number: {i:?}");
            // 600 bytes of clean text; the original may hold page markers and breaks inside.
            assert!(i.quote.len() <= 2400, "a quote of {} bytes", i.quote.len());
        }
        let _ = report_lens::chart::charts(&report);
        let _ = report_lens::csv::table([(name, report.indicators.as_slice())]);
        for i in &report.indicators {
            assert!(i.start <= i.end && i.end <= report.text_length, "offsets inside the text");
        }
    }
}

#[test]
fn decode_and_analyze_never_panic() {
    let seconds: u64 = std::env::var("FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(3);
    let seed: u64 = std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_2026);
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    let seeds: Vec<(String, Vec<u8>)> = SEEDS.iter().map(|f| (f.to_string(), std::fs::read(format!("{root}{f}")).unwrap())).collect();
    let mut rng = Rng(seed);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut rounds = 0u64;
    let mut decoded = 0u64;
    while Instant::now() < deadline {
        let (name, bytes) = mutate(&mut rng, &seeds);
        if report_lens::decode::decode(&bytes, Some(&name)).is_ok() {
            decoded += 1;
        }
        run(&name, &bytes);
        rounds += 1;
    }
    println!("fuzz: {rounds} inputs in {seconds} s ({decoded} decoded as text), seed {seed:#x}, no panic");
    assert!(rounds > 0);
}
