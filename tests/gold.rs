//! Scores `analyze` against the hand-checked gold facts of the corpus (tests/fixtures), as
//! GOLD_FORMAT.md defines it: a gold fact is *found* when an indicator with the same name, kind
//! and period states the same value (after unit scaling) and the same changePct; an indicator
//! that shares name, kind and period with a gold fact is *right* when every number it states
//! agrees with one of those gold facts. On the nine reports of issue 2 it fails below 95% found or 95% right, or
//! when a meta field differs; on the whole corpus it fails below the floors measured last
//! (`FLOOR_*`); issue 10's targets are an ignored test until they hold. `GOLD_VERBOSE=1` prints every miss.

use report_lens::indicator::catalog::canonical;
use report_lens::unit::same_amount;
use report_lens::{analyze, Indicator, Report};
use serde_json::Value;
use std::path::Path;

struct Score {
    gold: usize,
    found: usize,
    found_headline: usize,
    headline: usize,
    judged: usize,
    right: usize,
}

fn gold_files() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for dir in [root.clone(), root.join("national"), root.join("provinces"), root.join("local"), root.join("exam")] {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries {
            let p = e.unwrap().path();
            if p.to_string_lossy().ends_with(".gold.json") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn period_of(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => String::new(),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Does indicator `i` state the gold fact `g` (value after scaling, and changePct)?
fn states(i: &Indicator, g: &Value) -> bool {
    let value_ok = match (g["value"].as_f64(), i.value) {
        (Some(gv), Some(iv)) => same_amount(iv, i.unit.as_deref().unwrap_or(""), gv, g["unit"].as_str().unwrap_or("")),
        (Some(_), None) => false,
        (None, _) => true,
    };
    let change_ok = match (g["change_pct"].as_f64(), i.change_pct) {
        (Some(gc), Some(ic)) => close(gc, ic),
        (Some(_), None) => false,
        (None, _) => true,
    };
    value_ok && change_ok
}

/// Every number `i` states agrees with `g`.
fn agrees(i: &Indicator, g: &Value) -> bool {
    let value_ok = match i.value {
        None => true,
        Some(iv) => g["value"].as_f64().is_some_and(|gv| same_amount(iv, i.unit.as_deref().unwrap_or(""), gv, g["unit"].as_str().unwrap_or(""))),
    };
    let change_ok = match i.change_pct {
        None => true,
        Some(ic) => g["change_pct"].as_f64().is_some_and(|gc| close(gc, ic)),
    };
    value_ok && change_ok
}

/// One name per concept: the catalog's canonical name for any of its names or aliases
/// (`实际使用外资` / `实际利用外资`, `服务业增加值` / `第三产业增加值`), as GOLD_FORMAT.md asks.
fn concept(name: &str) -> String {
    canonical(name).map_or_else(|| name.to_string(), |e| e.name.to_string())
}

fn key(i: &Indicator) -> (String, String, String) {
    (concept(&i.name), i.kind.as_str().to_string(), i.period.clone())
}

fn gkey(g: &Value) -> (String, String, String) {
    (concept(g["indicator"].as_str().unwrap()), g["kind"].as_str().unwrap().to_string(), period_of(&g["period"]))
}

fn score(report: &Report, gold: &Value, verbose: bool, file: &str) -> Score {
    let facts = gold["facts"].as_array().unwrap();
    let mut s = Score { gold: facts.len(), found: 0, found_headline: 0, headline: 0, judged: 0, right: 0 };
    for g in facts {
        let headline = g["tier"] == "headline";
        s.headline += headline as usize;
        let hit = report.indicators.iter().any(|i| key(i) == gkey(g) && states(i, g));
        if hit {
            s.found += 1;
            s.found_headline += headline as usize;
        } else if verbose {
            let same: Vec<String> = report.indicators.iter().filter(|i| key(i) == gkey(g)).map(|i| format!("{:?} {:?} {:?}", i.value, i.unit, i.change_pct)).collect();
            println!("MISS {file}: {:?} value={} {} change={} [{}] | have: {:?}", gkey(g), g["value"], g["unit"], g["change_pct"], g["quote"].as_str().unwrap_or("").replace('\n', "⏎"), same);
        }
    }
    for i in &report.indicators {
        let matching: Vec<&Value> = facts.iter().filter(|g| gkey(g) == key(i)).collect();
        if matching.is_empty() {
            continue;
        }
        s.judged += 1;
        if matching.iter().any(|g| agrees(i, g)) {
            s.right += 1;
        } else if verbose {
            println!("WRONG {file}: {:?} value={:?} {:?} change={:?} [{}]", key(i), i.value, i.unit, i.change_pct, i.quote.replace('\n', "⏎"));
        }
    }
    s
}

fn check_meta(report: &Report, gold: &Value, file: &str) -> Vec<String> {
    let m = &gold["meta"];
    let r = &report.meta;
    let mut errs = Vec::new();
    let mut cmp = |field: &str, want: &Value, have: Option<String>| {
        if !want.is_null() {
            let w = match want {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            if have.as_deref() != Some(w.as_str()) {
                errs.push(format!("{file}: meta.{field} want {w}, have {have:?}"));
            }
        }
    };
    cmp("region", &m["region"], r.region.clone());
    cmp("level", &m["level"], r.level.map(|l| l.as_str().to_string()));
    cmp("meetingDate", &m["meeting_date"], r.meeting_date.clone());
    cmp("reviewYear", &m["review_year"], r.review_year.map(|y| y.to_string()));
    cmp("planYear", &m["plan_year"], r.plan_year.map(|y| y.to_string()));
    cmp("speaker", &m["speaker"], r.speaker.clone());
    errs
}

/// Which set a gold file belongs to, for the totals: the nine reports the extractor was first
/// built on, the ones added to the corpus later, the gold written in issue 10 that is worked on,
/// and the exam (held out: `tests/fixtures/exam/`, whose misses are never printed).
const FIRST: &[&str] = &["tianjun-2022", "national-2023", "national-2024", "beijing-2026", "gansu-2026", "jiangsu-2026", "liaoning-2026", "sichuan-2026", "yunnan-2026"];

fn set_of(path: &Path) -> &'static str {
    const ADDED: &[&str] = &[
        "qinghai-2026", "guangdong-2026", "henan-2026", "guizhou-2026", "shanghai-2026", "heilongjiang-2026", "changsha-county-2023", "chifeng-2025", "dabu-county-2020",
        "dehong-prefecture-2025", "gucheng-county-2020", "handan-2025", "jinhua-2025", "liupanshui-2019", "mouding-county-2022", "xinjiang-2023", "yangbi-county-2023",
    ];
    let stem = path.file_name().unwrap().to_string_lossy().trim_end_matches(".gold.json").to_string();
    if path.parent().is_some_and(|p| p.ends_with("exam")) {
        "exam"
    } else if FIRST.contains(&stem.as_str()) {
        "first nine"
    } else if ADDED.contains(&stem.as_str()) {
        "added later"
    } else {
        "issue 10"
    }
}

fn add(total: &mut Score, s: &Score) {
    total.gold += s.gold;
    total.found += s.found;
    total.found_headline += s.found_headline;
    total.headline += s.headline;
    total.judged += s.judged;
    total.right += s.right;
}

fn pct(a: usize, b: usize) -> f64 {
    a as f64 * 100.0 / b.max(1) as f64
}

fn line(label: &str, t: &Score) -> String {
    format!(
        "{label:<12} found {}/{} = {:.1}% (headline {}/{} = {:.1}%, secondary {}/{})  right {}/{} = {:.1}%",
        t.found,
        t.gold,
        pct(t.found, t.gold),
        t.found_headline,
        t.headline,
        pct(t.found_headline, t.headline),
        t.found - t.found_headline,
        t.gold - t.headline,
        t.right,
        t.judged,
        pct(t.right, t.judged)
    )
}

#[test]
fn corpus_scores_at_least_95_percent() {
    let verbose = std::env::var("GOLD_VERBOSE").is_ok();
    let zero = || Score { gold: 0, found: 0, found_headline: 0, headline: 0, judged: 0, right: 0 };
    let mut total = zero();
    let mut sets: Vec<(&str, Score)> = Vec::new();
    let mut meta_errors = Vec::new();
    for path in gold_files() {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let txt = path.parent().unwrap().join(gold["file"].as_str().unwrap());
        let text = std::fs::read_to_string(&txt).unwrap();
        let report = analyze(&text);
        let name = txt.file_name().unwrap().to_string_lossy().to_string();
        let set = set_of(&path);
        let s = score(&report, &gold, verbose && set != "exam", &name);
        println!(
            "{name:<28} found {:>2}/{:<2} (headline {:>2}/{:<2})  right {:>2}/{:<2}",
            s.found, s.gold, s.found_headline, s.headline, s.right, s.judged
        );
        if set != "exam" {
            meta_errors.extend(check_meta(&report, &gold, &name));
        } else if !check_meta(&report, &gold, &name).is_empty() {
            meta_errors.push(format!("{name}: a meta field differs (exam file: not shown)"));
        }
        add(&mut total, &s);
        match sets.iter_mut().find(|(n, _)| *n == set) {
            Some((_, t)) => add(t, &s),
            None => {
                let mut t = zero();
                add(&mut t, &s);
                sets.push((set, t));
            }
        }
    }
    for (n, t) in &sets {
        println!("{}", line(n, t));
    }
    println!("{}", line("TOTAL", &total));
    for e in &meta_errors {
        println!("META {e}");
    }
    let get = |n: &str| sets.iter().find(|(s, _)| *s == n).map(|(_, t)| t);
    // The target of issue 2, on the nine reports it was set for: unchanged.
    let first = get("first nine").expect("the first nine reports");
    assert!(pct(first.found, first.gold) >= 95.0, "first nine: found {:.1}% < 95%", pct(first.found, first.gold));
    assert!(pct(first.right, first.judged) >= 95.0, "first nine: right {:.1}% < 95%", pct(first.right, first.judged));
    let first_meta: Vec<&String> = meta_errors.iter().filter(|e| FIRST.iter().any(|f| e.starts_with(f))).collect();
    assert!(first_meta.is_empty(), "meta differs from gold: {first_meta:?}");
    // Floors at what the whole corpus measures today (see docs/ACCURACY.md): a change may raise
    // them, never fall below. The targets of issue 10 are in `issue_10_targets`.
    assert!(pct(total.found, total.gold) >= FLOOR_FOUND, "corpus: found {:.1}% fell below {FLOOR_FOUND}%", pct(total.found, total.gold));
    assert!(pct(total.right, total.judged) >= FLOOR_RIGHT, "corpus: right {:.1}% fell below {FLOOR_RIGHT}%", pct(total.right, total.judged));
    assert!(meta_errors.len() <= FLOOR_META_ERRORS, "{} meta fields differ (at most {FLOOR_META_ERRORS} today):\n{}", meta_errors.len(), meta_errors.join("\n"));
}

/// What the corpus measured when these floors were last raised.
const FLOOR_FOUND: f64 = 95.0;
const FLOOR_RIGHT: f64 = 99.0;
/// Two exam fields.
const FLOOR_META_ERRORS: usize = 2;

/// Issue 10's targets on every gold file: found ≥ 95%, right ≥ 97%, every meta field right.
/// Not yet met (docs/ACCURACY.md has the numbers); run with `cargo test --test gold -- --ignored`.
#[test]
#[ignore = "issue 10's targets are not met yet: see docs/ACCURACY.md"]
fn issue_10_targets() {
    let mut total = Score { gold: 0, found: 0, found_headline: 0, headline: 0, judged: 0, right: 0 };
    let mut meta = 0;
    for path in gold_files() {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let txt = path.parent().unwrap().join(gold["file"].as_str().unwrap());
        let report = analyze(&std::fs::read_to_string(&txt).unwrap());
        add(&mut total, &score(&report, &gold, false, ""));
        meta += check_meta(&report, &gold, "").len();
    }
    assert_eq!(meta, 0, "meta fields differ");
    assert!(pct(total.found, total.gold) >= 95.0, "found {:.1}% < 95%", pct(total.found, total.gold));
    assert!(pct(total.right, total.judged) >= 97.0, "right {:.1}% < 97%", pct(total.right, total.judged));
}

/// The gold files of a folder, in order.
fn gold_in(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.to_string_lossy().ends_with(".gold.json")).collect();
    paths.sort();
    paths
}

/// One gold file of a folder scored: its text's name and text, its score (misses printed when
/// `verbose`), how many meta fields its gold gives, those that differ, and the gold itself.
fn score_gold_file(dir: &Path, path: &Path, verbose: bool) -> (String, String, Score, usize, Vec<String>, Value) {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let txt = dir.join(gold["file"].as_str().unwrap());
    let text = std::fs::read_to_string(&txt).unwrap();
    let name = txt.file_name().unwrap().to_string_lossy().to_string();
    let report = analyze(&text);
    let s = score(&report, &gold, verbose, &name);
    let fields = ["region", "level", "meeting_date", "review_year", "plan_year", "speaker"].iter().filter(|f| !gold["meta"][**f].is_null()).count();
    let errs = check_meta(&report, &gold, &name);
    (name, text, s, fields, errs, gold)
}

/// A measure, not a check: score the gold files of another folder — reports never seen here,
/// with gold written blind — the same way, every miss printed, and how many meta fields agree.
/// `GOLD_BLIND_DIR=/path cargo test --release --test gold -- --ignored blind_set --nocapture`.
#[test]
#[ignore = "a measure of reports never seen: needs GOLD_BLIND_DIR"]
fn blind_set() {
    let dir = std::path::PathBuf::from(std::env::var("GOLD_BLIND_DIR").expect("GOLD_BLIND_DIR: a folder of .txt and .gold.json files"));
    let paths = gold_in(&dir);
    let mut total = Score { gold: 0, found: 0, found_headline: 0, headline: 0, judged: 0, right: 0 };
    let (mut meta_fields, mut meta_wrong) = (0, 0);
    for path in &paths {
        let (name, _, s, fields, errs, _) = score_gold_file(&dir, path, true);
        println!("{name:<28} found {:>2}/{:<2} (headline {:>2}/{:<2})  right {:>2}/{:<2}", s.found, s.gold, s.found_headline, s.headline, s.right, s.judged);
        meta_fields += fields;
        meta_wrong += errs.len();
        for e in errs {
            println!("META {e}");
        }
        add(&mut total, &s);
    }
    println!("{}", line("BLIND", &total));
    println!("META {}/{meta_fields} fields right", meta_fields - meta_wrong);
    assert!(!paths.is_empty(), "no gold files in {}", dir.display());
}

/// Strip what GOLD_FORMAT.md lets a quote differ in from its numbers: whitespace, line breaks
/// and page markers (`\n- 2 -\n`); NFKC is approximated by folding full-width ASCII.
fn flat(s: &str) -> String {
    let folded: String = s
        .chars()
        .map(|c| if ('\u{ff01}'..='\u{ff5e}').contains(&c) { char::from_u32(c as u32 - 0xfee0).unwrap() } else { c })
        .collect();
    let no_markers: Vec<&str> = folded.lines().filter(|l| !l.trim().trim_matches('-').trim().chars().all(|c| c.is_ascii_digit()) || l.trim().is_empty()).collect();
    no_markers.join("").chars().filter(|c| !c.is_whitespace()).collect()
}

/// `5.0` → `5`, `12.60` stays as written in JSON (`12.6`).
fn number_text(v: &Value) -> Option<String> {
    let f = v.as_f64()?;
    Some(if f.fract() == 0.0 { format!("{}", f.abs() as i64) } else { format!("{}", f.abs()) })
}

/// Every gold quote is verbatim in its text, and every number of a fact is in its quote.
#[test]
fn gold_quotes_are_verbatim() {
    let mut errs = Vec::new();
    let mut n = 0;
    for path in gold_files() {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let txt = path.parent().unwrap().join(gold["file"].as_str().unwrap());
        let text = std::fs::read_to_string(&txt).unwrap();
        let name = txt.file_name().unwrap().to_string_lossy().to_string();
        for g in gold["facts"].as_array().unwrap() {
            n += 1;
            let q = g["quote"].as_str().unwrap_or("");
            if q.is_empty() || !text.contains(q) {
                errs.push(format!("{name}: quote not in the text: {q:?}"));
                continue;
            }
            let fq = flat(q);
            for field in ["value", "change_pct"] {
                if let Some(num) = number_text(&g[field]) {
                    if !fq.contains(&num) {
                        errs.push(format!("{name}: {field} {num} not in its quote {q:?}"));
                    }
                }
            }
        }
    }
    assert!(n > 800, "only {n} gold facts");
    assert!(errs.is_empty(), "{} gold facts fail the check:\n{}", errs.len(), errs.join("\n"));
}

/// Local reports never seen here when their gold was written (`tests/fixtures/neverseen/`,
/// README there: sources and each batch's first run). Helpers who never ran the extractor found
/// them in stored web pages and wrote the gold from the text; each batch was measured once before
/// anything was changed for it. A batch whose misses were looked at afterwards is development; a
/// batch with a `BLIND` file has never had its misses printed (and never will here). The quotes
/// are checked as GOLD_FORMAT.md allows (whitespace and page markers aside), and the whole set
/// must not fall below what it scores today.
#[test]
fn never_seen_batches() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/neverseen");
    let verbose = std::env::var_os("GOLD_VERBOSE").is_some();
    let mut dirs: Vec<_> = std::fs::read_dir(&root).unwrap().filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()).collect();
    dirs.sort();
    let mut total = Score { gold: 0, found: 0, found_headline: 0, headline: 0, judged: 0, right: 0 };
    let (mut meta_fields, mut meta_wrong, mut quote_errs) = (0, 0, Vec::new());
    for dir in &dirs {
        let blind = dir.join("BLIND").exists();
        let mut batch = Score { gold: 0, found: 0, found_headline: 0, headline: 0, judged: 0, right: 0 };
        let (mut fields, mut wrong) = (0, 0);
        for path in gold_in(dir) {
            let (name, text, s, n, errs, gold) = score_gold_file(dir, &path, verbose && !blind);
            let flat_text = flat(&text);
            for g in gold["facts"].as_array().unwrap() {
                let q = g["quote"].as_str().unwrap_or("");
                if q.is_empty() || !flat_text.contains(&flat(q)) {
                    quote_errs.push(format!("{name}: quote not in the text: {q:?}"));
                }
            }
            add(&mut batch, &s);
            fields += n;
            wrong += errs.len();
            if verbose && !blind {
                for e in errs {
                    println!("META {e}");
                }
            }
        }
        let label = dir.file_name().unwrap().to_string_lossy().to_string();
        println!("{}  meta {}/{fields}{}", line(&label, &batch), fields - wrong, if blind { "  (blind: misses not shown)" } else { "" });
        add(&mut total, &batch);
        meta_fields += fields;
        meta_wrong += wrong;
    }
    println!("{}  meta {}/{meta_fields}", line("NEVER SEEN", &total), meta_fields - meta_wrong);
    assert!(quote_errs.is_empty(), "{} quotes fail:\n{}", quote_errs.len(), quote_errs.join("\n"));
    assert!(pct(total.found_headline, total.headline) >= FLOOR_NEVER_SEEN_HEADLINE, "never seen: headline found {:.1}% fell below {FLOOR_NEVER_SEEN_HEADLINE}%", pct(total.found_headline, total.headline));
    assert!(pct(total.right, total.judged) >= FLOOR_NEVER_SEEN_RIGHT, "never seen: right {:.1}% fell below {FLOOR_NEVER_SEEN_RIGHT}%", pct(total.right, total.judged));
    assert!(pct(meta_fields - meta_wrong, meta_fields) >= FLOOR_NEVER_SEEN_META, "never seen: meta {:.1}% fell below {FLOOR_NEVER_SEEN_META}%", pct(meta_fields - meta_wrong, meta_fields));
}

/// What the never-seen batches score at the end of the round that added them (their first runs
/// are in the README beside them). Batches 10 and 11 (2026-12-04, blind, scored once on that
/// session's last code) brought the pooled score down from 90.2% / 97.6% / 94.3% to
/// 85.7% / 96.9% / 92.1%: the floors follow the set they guard, not issue 10's targets (≥ 92 /
/// ≥ 96 / ≥ 95, not met). Raised after the fifth round (2026-12-05) to its measured
/// 86.6% / 96.7% / 93.0%; batches 12 and 13 (sixth round, first runs 98.3% and 73.0% headline)
/// made the set 110 files, measured on their first run at 86.4% / 97.1% / 93.2%; after the
/// sixth round's fixes (five-year targets ahead, datelines, sub-regions, the year naming the
/// report, a colon before the speaker) 89.1% / 97.1% / 94.0%.
const FLOOR_NEVER_SEEN_HEADLINE: f64 = 89.0;
const FLOOR_NEVER_SEEN_RIGHT: f64 = 97.0;
const FLOOR_NEVER_SEEN_META: f64 = 93.9;
