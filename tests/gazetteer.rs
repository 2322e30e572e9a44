//! `gazetteer::infer` against the region of every gold file of the corpus
//! (tests/fixtures/**/*.gold.json, `meta.region` and `meta.province`): a national report gives
//! `None`, every other report its own division. `cargo test --test gazetteer -- --nocapture`
//! prints the table.

use report_lens::gazetteer;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn gold_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        // (The never-seen batches are measured by tests/gold.rs, which keeps the blind ones' misses
        // unseen; their regions count in its meta score.)
        if p.is_dir() && !p.ends_with("neverseen") {
            gold_files(&p, out);
        } else if p.to_string_lossy().ends_with(".gold.json") {
            out.push(p);
        }
    }
}

#[test]
fn infer_finds_the_gold_region() {
    let mut files = Vec::new();
    gold_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"), &mut files);
    files.sort();
    assert!(files.len() >= 10, "gold files: {}", files.len());
    let mut wrong = Vec::new();
    for gold in &files {
        let g: Value = serde_json::from_str(&std::fs::read_to_string(gold).unwrap()).unwrap();
        let meta = &g["meta"];
        let (Some(region), Some(level)) = (meta["region"].as_str(), meta["level"].as_str()) else { continue };
        let txt = gold.with_file_name(g["file"].as_str().map_or_else(
            || gold.file_name().unwrap().to_string_lossy().replace(".gold.json", ".txt"),
            |f| f.to_string(),
        ));
        let text = String::from_utf8_lossy(&std::fs::read(&txt).unwrap()).into_owned();
        let got = gazetteer::infer(&text);
        let ok = match (level, got) {
            ("national", None) => true,
            ("national", Some(_)) | (_, None) => false,
            (_, Some(d)) => {
                d.name == region
                    && meta["province"].as_str().is_none_or(|p| d.province().name == p)
                    && report_lens::Level::from(d.level).as_str() == level
            }
        };
        let name = gold.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(gold).display().to_string();
        let shown = got.map_or("None".to_string(), |d| format!("{} {}", d.code, d.name));
        println!("{} {name}: gold {region} ({level}), infer {shown}", if ok { "ok " } else { "BAD" });
        if !ok {
            wrong.push(format!("{name}: gold {region}, infer {shown}"));
        }
    }
    assert!(wrong.is_empty(), "infer() missed {} of {}:\n{}", wrong.len(), files.len(), wrong.join("\n"));
}

/// The report texts without gold: each province report gives its province, each national one
/// `None`.
#[test]
fn infer_on_reports_without_gold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (file, want) in [
        ("provinces/fujian-2026.txt", Some("福建省")),
        ("provinces/hebei-2026.txt", Some("河北省")),
        ("provinces/jiangxi-2026.txt", Some("江西省")),
        ("provinces/shanxi-2026.txt", Some("山西省")),
        ("exam/hunan-2026.txt", Some("湖南省")),
        ("exam/jilin-2026.txt", Some("吉林省")),
        ("national/national-2019.txt", None),
        ("national/national-2021.txt", None),
        ("national/national-2022.txt", None),
        ("national/national-2025.txt", None),
    ] {
        let Ok(text) = std::fs::read_to_string(root.join(file)) else { continue };
        assert_eq!(gazetteer::infer(&text).map(|d| d.name), want, "{file}");
    }
}

/// Mentions in a real report: every span is the text of a name of its divisions, spans do not
/// overlap, and a full report names dozens of places.
#[test]
fn mentions_in_a_report() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tianjun-2022.txt")).unwrap();
    let m = gazetteer::mentions(&text);
    assert!(m.len() > 20, "{} mentions", m.len());
    let mut last = 0;
    for x in &m {
        assert!(x.start >= last && x.end > x.start);
        last = x.end;
        let s = &text[x.start..x.end];
        for (i, d) in x.divisions.iter().enumerate() {
            assert_eq!(i < x.full, d.name == s, "{s}: {d:?}");
            assert!(d.name == s || d.short_names().any(|n| n == s), "{s}: {d:?}");
        }
    }
    let tianjun = m.iter().filter(|x| x.divisions[0].name == "天峻县").count();
    assert!(tianjun > 10, "天峻: {tianjun}");
}

/// Not a report, or not text: no panic, and no region out of nothing.
#[test]
fn odd_inputs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    for e in std::fs::read_dir(root).unwrap().flatten() {
        let text = String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned();
        let _ = gazetteer::infer(&text);
        let _ = gazetteer::mentions(&text);
    }
    assert_eq!(gazetteer::infer("The quick brown fox."), None);
}
