//! Hostile and pathological input (issue 11): each input the security review reproduced, at a
//! size that took seconds to minutes (or forever) before, must finish and give bounded output.
//! No time is asserted (times are measured by `examples/stress.rs`, docs/RELIABILITY.md); a
//! quadratic path would make this test run for minutes, an endless loop never end.

use report_lens::{analyze, chart, csv, Indicator, Kind, Report};

fn json_len(r: &Report) -> usize {
    serde_json::to_string(r).unwrap().len()
}

fn all_finite(r: &Report) -> bool {
    r.indicators.iter().all(|i| {
        [i.value, i.value_high, i.value_base, i.change_pct, i.change_pct_high, i.change_points].iter().flatten().all(|v| v.is_finite())
    })
}

#[test]
fn a_digit_run_longer_than_any_figure_is_no_figure_and_the_report_says_so() {
    for text in [
        format!("地区生产总值增长{}%左右", "9".repeat(400)),
        format!("地区生产总值达到{}亿元，增长5%。", "9".repeat(302)),
    ] {
        let r = analyze(&text);
        assert!(all_finite(&r), "{:?}", r.indicators);
        assert!(r.indicators.iter().all(|i| i.value.is_none_or(|v| v < 1e20)), "{:?}", r.indicators);
        assert!(r.warnings.iter().any(|w| w.code == "long_number"), "{:?}", r.warnings);
        // The charts draw (they looped forever on an infinite growth rate).
        let _ = chart::charts(&r);
    }
    // 15 digits is still a figure (an amount in 元), and no note.
    let r = analyze("全年实现地区生产总值123456789012345元，增长5%。");
    assert_eq!(r.indicators[0].value, Some(123456789012345.0));
    assert!(r.warnings.iter().all(|w| w.code != "long_number"));
}

/// A report whose figures are the extremes a forged link can carry: the charts leave them out
/// and finish.
#[test]
fn charts_leave_out_values_beyond_what_they_can_draw() {
    let mut r = analyze(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tianjun-2022.txt")).unwrap());
    let gdp = r.indicators.iter().find(|i| i.name == "地区生产总值" && i.change_pct.is_some()).unwrap().clone();
    let before = chart::charts(&r).iter().find(|c| c.id == "growth").map(|c| c.bars).unwrap();
    for (a, b) in [(1e308, -1e308), (f64::INFINITY, f64::NEG_INFINITY), (f64::NAN, 5.0), (f64::MAX, f64::MIN_POSITIVE)] {
        let mut x = r.clone();
        x.indicators.push(Indicator { name: "甲".into(), change_pct: Some(a), kind: Kind::Actual, ..gdp.clone() });
        x.indicators.push(Indicator { name: "乙".into(), change_pct: Some(b), kind: Kind::Target, ..gdp.clone() });
        x.indicators.push(Indicator { name: "丙".into(), value: Some(a), unit: Some("亿元".into()), change_pct: None, ..gdp.clone() });
        let charts = chart::charts(&x);
        let growth = charts.iter().find(|c| c.id == "growth").unwrap();
        assert!(growth.bars >= before, "{a} {b}: {} bars", growth.bars);
        assert!(!growth.svg.contains("inf") && !growth.svg.contains("NaN"));
    }
    r.indicators.clear();
    assert!(chart::charts(&r).is_empty());
}

#[test]
fn figures_in_one_endless_sentence() {
    // `counted_threshold` looked at the rest of the sentence for every figure.
    let r = analyze(&format!("地区生产总值{}", "5.5亿元".repeat(40_000)));
    assert!(all_finite(&r));
    // `sub_region_before` rescanned the sentence for every clause.
    let r = analyze(&"地区生产总值增长5%，".repeat(60_000));
    assert_eq!(r.indicators.len(), 1);
}

#[test]
fn list_items_against_a_long_last_item() {
    // Every item × every suffix of the last one → a full resolve: cubic.
    let n = 12_000;
    let r = analyze(&format!("{}{}增长5%", "甲、".repeat(n), "乙".repeat(n)));
    assert!(r.indicators.len() <= 1 + n, "{}", r.indicators.len());
}

#[test]
fn a_fenbie_list_of_thousands_quotes_each_fact_near_its_figure() {
    let n = 4_000;
    let names: Vec<String> = (0..n).map(|k| format!("第{k}项收入")).collect();
    let vals: Vec<String> = (0..n).map(|k| format!("{}.{}%", k % 9 + 1, k % 10)).collect();
    let text = format!("{}分别增长{}。", names.join("、"), vals.join("、"));
    let r = analyze(&text);
    assert_eq!(r.indicators.len(), n);
    // Each quote is bounded (was: from the list's start to its figure, 213 MB of JSON at 106 KB).
    assert!(r.indicators.iter().all(|i| i.quote.len() <= 600), "{}", r.indicators.iter().map(|i| i.quote.len()).max().unwrap());
    assert!(json_len(&r) < 100 * text.len(), "{} bytes of JSON for {} of text", json_len(&r), text.len());
    // Each quote is still the text at its offsets, and ends with its figure.
    let units: Vec<u16> = text.encode_utf16().collect();
    for i in r.indicators.iter().step_by(97) {
        assert_eq!(String::from_utf16_lossy(&units[i.start..i.end]), i.quote);
    }
    let last = format!("、{}", vals[n - 1]);
    assert!(r.indicators[n - 1].quote.ends_with(&last), "{}", r.indicators[n - 1].quote);
    assert_eq!(r.indicators[n - 1].change_pct, Some(4.9));
}

#[test]
fn many_facts_are_deduplicated_by_hash() {
    let text: String = (0..40_000).map(|k| format!("第{k}类产品产量增长{}.{}%。", k % 9 + 1, k % 7)).collect();
    let r = analyze(&text);
    assert!(r.indicators.len() > 30_000, "{}", r.indicators.len());
    // A repeat is still one fact.
    let r = analyze(&"全年地区生产总值增长5%。".repeat(1000));
    assert_eq!(r.indicators.len(), 1);
}

#[test]
fn runs_of_numerals_titles_and_tags() {
    let r = analyze(&"亿".repeat(1_000_000));
    assert!(r.indicators.is_empty());
    let r = analyze(&"市长 张三\n".repeat(50_000));
    assert!(r.meta.speaker.is_none() || r.meta.speaker.as_deref() == Some("张三"));
    let page = format!("<html><body><p>全县地区生产总值增长5%。</p>{}", "<div ".repeat(150_000));
    let d = report_lens::decode::decode(page.as_bytes(), Some("x.html")).unwrap();
    assert_eq!(d.text.trim(), "全县地区生产总值增长5%。");
    let page = format!("<html><body><p>正文</p>{}", "<script>x".repeat(100_000));
    let d = report_lens::decode::decode(page.as_bytes(), Some("x.html")).unwrap();
    assert_eq!(d.text.trim(), "正文");
}

#[test]
fn no_csv_cell_starts_a_formula() {
    let text = "=HYPERLINK(\"https://example.com\",\"打开原文\")增长5%。\n+1地区生产总值增长5%。\n-地区生产总值增长5%。\n@SUM(A1)产量增长3%。\n\t地区生产总值增长6%。";
    let r = analyze(text);
    for file in ["=HYPERLINK(\"https://x\",\"打开原文\").txt", "+x.txt", "-x.txt", "@x.txt", "\tx.txt", "\rx.txt", "x.txt"] {
        let table = csv::table([(file, r.indicators.as_slice())]) + &csv::table_zh(file, &r, None);
        for cell in cells(&table) {
            // A number (`-2.1`) is no formula; anything else that starts like one is.
            let number = cell.parse::<f64>().is_ok() && cell.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | 'e'));
            assert!(number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "unneutralised cell {cell:?} in\n{table}");
        }
    }
}

/// The cells of a CSV table (quoted cells may hold commas, quotes and line breaks).
fn cells(table: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = table.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',' | '\n') => out.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    out.push(cell);
    out
}

/// `U+FFFF` (and other characters XML forbids) in a name: the SVG stays well-formed (its PNG
/// download failed).
#[test]
fn svg_charts_hold_only_xml_characters() {
    let mut r = analyze(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tianjun-2022.txt")).unwrap());
    for i in &mut r.indicators {
        i.name = format!("{}\u{ffff}\u{fffe}\u{1}\u{202e}", i.name);
    }
    let charts = chart::charts(&r);
    assert!(!charts.is_empty());
    for c in &charts {
        assert!(!c.svg.contains(['\u{ffff}', '\u{fffe}', '\u{1}']), "{}", c.id);
        let mut reader = quick_xml::Reader::from_str(&c.svg);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{}: ill-formed SVG: {e}", c.id),
            }
        }
    }
}

/// The targets table (the page's 目标与结果 CSV, `report-lens compare --format csv`): file
/// names and indicator names that look like formulas are text.
#[test]
fn no_cell_of_the_targets_table_starts_a_formula() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/national/");
    let mut a = analyze(&std::fs::read_to_string(format!("{root}national-2023.txt")).unwrap());
    let b = analyze(&std::fs::read_to_string(format!("{root}national-2024.txt")).unwrap());
    for i in a.indicators.iter_mut().take(5) {
        i.name = format!("=cmd|' /C calc'!A0{}", i.name);
    }
    let c = report_lens::compare::compare(&[
        report_lens::compare::Input { file: "=HYPERLINK(\"https://x\",\"打开原文\").txt", report: &a },
        report_lens::compare::Input { file: "@2024.txt", report: &b },
    ]);
    assert!(!c.targets.is_empty());
    let table = csv::targets_table(&c.targets);
    assert!(table.contains("'=HYPERLINK") || table.contains("'@2024.txt"), "{table}");
    for cell in cells(&table) {
        let number = cell.parse::<f64>().is_ok() && cell.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | 'e'));
        assert!(number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "unneutralised cell {cell:?}");
    }
}
