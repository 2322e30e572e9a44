//! `report-lens figures` on the sample county report: every figure of the text with its value,
//! unit, kind, UTF-16 offsets into the original text and its text; CSV with a file column; and
//! bad input with the same messages and exit code 1 as `analyze`.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_report-lens"))
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn tianjun() -> String {
    std::fs::read_to_string(fixture("tianjun-2022.txt")).unwrap()
}

/// The original text between UTF-16 offsets, as JavaScript's `text.slice(start, end)` gives it.
fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

#[test]
fn json_lists_every_figure_with_offsets_into_the_original() {
    let out = bin().args(["figures", &fixture("tianjun-2022.txt")]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["source"]["encoding"], "UTF-8");
    let figs = v["figures"].as_array().unwrap();
    let text = tianjun();
    // The library's list, one for one (the page gets the same from the wasm handle).
    assert_eq!(figs.len(), report_lens::figures(&text).len());
    assert!(figs.len() > 100, "{} figures", figs.len());
    for f in figs {
        let (s, e) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        assert_eq!(utf16_slice(&text, s, e), f["text"].as_str().unwrap(), "{f}");
    }
    // `全年完成地区生产总值 21.5 亿元`: the first figure of the report.
    let gdp = &figs[0];
    assert_eq!((gdp["value"].as_f64(), gdp["unit"].as_str(), gdp["kind"].as_str(), gdp["text"].as_str()), (Some(21.5), Some("亿元"), Some("money"), Some("21.5 亿元")));
    assert_eq!(gdp["valueBase"].as_f64(), Some(2.15e9));
    // `农村常住居民人均可支配收入 16883\n- 2 -\n元`: a figure broken by a page marker keeps the
    // original text between its offsets.
    let rural = figs.iter().find(|f| f["value"] == 16883.0).unwrap();
    assert_eq!(rural["text"], "16883\n- 2 -\n元");
    assert_eq!(rural["kind"], "money");
    // `同比下降 9.7%`, `255 名`, `125 万亩`: percent, people, area.
    let kinds: Vec<(&str, &str)> = figs.iter().map(|f| (f["text"].as_str().unwrap(), f["kind"].as_str().unwrap())).collect();
    for want in [("9.7%", "percent"), ("255 名", "people"), ("125 万亩", "area"), ("8.36 公里", "length"), ("23 个", "count")] {
        assert!(kinds.contains(&want), "{want:?} not in {kinds:?}");
    }
}

#[test]
fn csv_has_a_row_per_figure_with_the_file() {
    let out = bin().args(["figures", &fixture("tianjun-2022.txt"), "--format", "csv"]).output().unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    let file = fixture("tianjun-2022.txt");
    assert!(csv.starts_with("file,value,valueHigh,unit,kind,more,valueBase,text,start,end\n"));
    assert!(csv.contains(&format!("{file},21.5,,亿元,money,false,2150000000,21.5 亿元,332,339\n")), "{}", &csv[..400]);
    // The text that runs across the page break is quoted, line breaks and all.
    assert!(csv.contains(&format!("{file},16883,,元,money,false,16883,\"16883\n- 2 -\n元\",")));
}

#[test]
fn several_files_give_an_array_with_the_file() {
    let out = bin().args(["figures", &fixture("tianjun-2022.txt"), &fixture("national/national-2024.txt")]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    assert!(arr[1]["file"].as_str().unwrap().ends_with("national-2024.txt"));
    assert!(arr[1]["figures"].as_array().unwrap().iter().any(|f| f["unit"] == "万亿元"));
}

/// The messages of `analyze`, and exit code 1, for every kind of bad input.
#[test]
fn bad_input_gets_the_messages_of_analyze() {
    let cases: &[(&str, &str)] = &[
        ("bad/empty.txt", "文件是空的"),
        ("bad/image.png", "这是一张图片（PNG）"),
        ("bad/random.bin", "不是文字"),
        ("bad/novel.txt", "未找到任何常见经济指标"),
    ];
    for (file, message) in cases {
        let figures = bin().args(["figures", &fixture(file)]).output().unwrap();
        let analyze = bin().args(["analyze", &fixture(file)]).output().unwrap();
        assert_eq!(figures.status.code(), Some(1), "{file}");
        let err = String::from_utf8(figures.stderr).unwrap();
        assert!(err.contains(message), "{file}: {err}");
        assert_eq!(err, String::from_utf8(analyze.stderr).unwrap(), "{file}");
        assert!(figures.stdout.is_empty(), "{file}");
    }
    let out = bin().args(["figures", "/nonexistent/report.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("无法读取文件"));
    let out = bin().args(["figures"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("请至少指定一个报告文件"));
    let out = bin().args(["figures", &fixture("tianjun-2022.txt"), "--format", "xml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("不支持的输出格式"));
}
