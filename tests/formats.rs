//! The same report from every format gives the same facts: UTF-8 text (the reference), GBK,
//! UTF-16 LE/BE, Word, a web page, and PDF (the text pdf.js finds in it, joined by the core;
//! and, when poppler's `pdftotext` is installed, the CLI's way).
//! Fixtures: tests/fixtures/formats/, made by scripts/make-format-fixtures.

use report_lens::decode::{decode, pdf};
use std::collections::BTreeSet;

type FactKey = (String, String, String, Option<String>, Option<String>);

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The (name, kind, period, value, changePct) facts of a text.
fn facts(text: &str) -> BTreeSet<FactKey> {
    report_lens::analyze(text)
        .indicators
        .iter()
        .map(|i| (i.name.clone(), i.kind.as_str().to_string(), i.period.clone(), i.value.map(|v| v.to_string()), i.change_pct.map(|v| v.to_string())))
        .collect()
}

fn reference() -> BTreeSet<FactKey> {
    facts(std::str::from_utf8(&fixture("tianjun-2022.txt")).unwrap())
}

fn assert_same(what: &str, got: BTreeSet<FactKey>) {
    let want = reference();
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(missing.is_empty() && extra.is_empty(), "{what}: missing {missing:?}, extra {extra:?}");
    assert!(want.len() > 100);
}

#[test]
fn every_encoding_gives_the_same_facts() {
    for (file, encoding) in [
        ("tianjun-2022.txt", "UTF-8"),
        ("formats/tianjun-2022.gbk.txt", "GB18030"),
        ("formats/tianjun-2022.utf16le.txt", "UTF-16LE"),
        ("formats/tianjun-2022.utf16be.txt", "UTF-16BE"),
    ] {
        let d = decode(&fixture(file), Some(file)).unwrap();
        assert_eq!(d.encoding, encoding, "{file}");
        assert_eq!(d.format, "text");
        assert!(d.notes.is_empty());
        assert_same(file, facts(&d.text));
    }
}

#[test]
fn word_document_gives_the_same_facts() {
    let d = decode(&fixture("formats/tianjun-2022.docx"), Some("tianjun-2022.docx")).unwrap();
    assert_eq!(d.format, "docx");
    assert!(d.text.trim_start().starts_with("政 府 工 作 报 告\n"));
    assert_same("docx", facts(&d.text));
}

#[test]
fn web_page_gives_the_same_facts_without_the_site_around_it() {
    let d = decode(&fixture("formats/tianjun-2022.html"), Some("tianjun-2022.html")).unwrap();
    assert_eq!(d.format, "html");
    for boilerplate in ["首页", "政务服务</a>", "统计代码", "分享到", "版权所有", "_hmt", "网站标识码", "天峻县人民政府办公室"] {
        assert!(!d.text.contains(boilerplate), "{boilerplate} should not be in the text");
    }
    assert_same("html", facts(&d.text));
}

#[test]
fn pdf_text_from_pdfjs_items_gives_the_same_facts() {
    let pages: Vec<Vec<pdf::PdfItem>> = serde_json::from_slice(&fixture("formats/tianjun-2022.pdfjs.json")).unwrap();
    let text = pdf::join_pages(&pages);
    assert!(text.contains("\n- 2 -\n元,"), "page markers stay lines of their own");
    assert_same("pdf (pdf.js items)", facts(&text));
}

#[test]
fn pdf_through_the_cli_with_pdftotext() {
    if std::process::Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("pdftotext not installed: the CLI's PDF path is not tested here");
        return;
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_report-lens"))
        .args(["analyze", "--format", "json", &format!("{}/tests/fixtures/formats/tianjun-2022.pdf", env!("CARGO_MANIFEST_DIR"))])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: BTreeSet<FactKey> = report["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let num = |k: &str| i[k].as_f64().map(|v| v.to_string());
            (i["name"].as_str().unwrap().to_string(), i["kind"].as_str().unwrap().to_string(), i["period"].as_str().unwrap().to_string(), num("value"), num("changePct"))
        })
        .collect();
    assert_same("pdf (pdftotext -layout)", got);
    assert_eq!(report["source"]["format"], "pdf");
}

/// Facts as compared between a PDF and its text: name, kind, period and every number.
fn fact_set(r: &report_lens::Report) -> BTreeSet<String> {
    r.indicators.iter().map(|i| format!("{}|{}|{}|{:?}|{:?}|{:?}|{:?}", i.name, i.kind.as_str(), i.period, i.value, i.unit, i.change_pct, i.bound)).collect()
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    a.intersection(b).count() as f64 / a.union(b).count().max(1) as f64
}

/// Three LibreOffice PDFs with `- N -` page footers (a province, another province, a county):
/// the facts of their text, in the page's way (pdf.js items joined by the core) and the CLI's
/// (`pdftotext -layout`), agree with those of the .txt (Jaccard ≥ 0.98).
#[test]
fn pdfs_with_page_footers_give_the_facts_of_their_text() {
    let pdftotext = std::process::Command::new("pdftotext").arg("-v").output().is_ok();
    for (name, txt) in [("guizhou-2026", "provinces/guizhou-2026.txt"), ("qinghai-2026", "provinces/qinghai-2026.txt"), ("mouding-county-2022", "local/mouding-county-2022.txt")] {
        let want = fact_set(&report_lens::analyze(&String::from_utf8(fixture(txt)).unwrap()));
        assert!(want.len() >= 10, "{name}: only {} facts in the text", want.len());
        let pages: Vec<Vec<pdf::PdfItem>> = serde_json::from_slice(&fixture(&format!("formats/{name}.pdfjs.json"))).unwrap();
        let page = fact_set(&report_lens::analyze(&pdf::join_pages(&pages)));
        let j = jaccard(&want, &page);
        println!("{name}: pdf.js items {} facts, text {}, Jaccard {j:.3}", page.len(), want.len());
        assert!(j >= 0.98, "{name} (pdf.js): Jaccard {j:.3} < 0.98");
        if pdftotext {
            let path = format!("{}/tests/fixtures/formats/{name}.pdf", env!("CARGO_MANIFEST_DIR"));
            let out = std::process::Command::new("pdftotext").args(["-layout", "-enc", "UTF-8", &path, "-"]).output().unwrap();
            let cli = fact_set(&report_lens::analyze(&String::from_utf8(out.stdout).unwrap()));
            let j = jaccard(&want, &cli);
            println!("{name}: pdftotext {} facts, Jaccard {j:.3}", cli.len());
            assert!(j >= 0.98, "{name} (pdftotext): Jaccard {j:.3} < 0.98");
        }
    }
}

/// The report as a saved web page flattened into one long line: paragraphs joined by spaces,
/// with the site's navigation before it and its footer after.
fn flattened_page(text: &str) -> String {
    let body: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    format!("会员登录  新用户注册 退出 您现在的位置是: 首页 > 政府报告 > 正文 {} 版权所有 联系我们 网站地图 ICP备案号", body.join(" "))
}

/// The report as PDF text in which every number stands on a line of its own
/// (`增长\n4.1\n%`, `2021\n年\n2\n月`).
fn number_per_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut in_number = false;
    for c in text.chars() {
        let digit = c.is_ascii_digit() || (in_number && c == '.');
        if digit != in_number {
            out.push('\n');
        }
        in_number = digit;
        out.push(c);
    }
    out
}

/// Text shapes users really have give the facts of the clean text (Jaccard ≥ 0.95) on three
/// provincial reports: a web page flattened into one line with its site around it, and PDF
/// text with every number on its own line.
#[test]
fn flattened_pages_and_numbers_on_their_own_lines_give_the_same_facts() {
    for txt in ["provinces/qinghai-2026.txt", "provinces/anhui-2026.txt", "provinces/jiangxi-2026.txt"] {
        let text = String::from_utf8(fixture(txt)).unwrap();
        let want = fact_set(&report_lens::analyze(&text));
        for (shape, shaped) in [("flattened web page", flattened_page(&text)), ("a number per line", number_per_line(&text))] {
            let got = fact_set(&report_lens::analyze(&shaped));
            let j = jaccard(&want, &got);
            println!("{txt} as {shape}: {} facts, Jaccard {j:.3}", got.len());
            assert!(j >= 0.95, "{txt} as {shape}: Jaccard {j:.3} < 0.95");
        }
    }
}
