//! The `report-lens` binary on real reports: JSON (one object for one file, an array for
//! several), CSV with a file column, and a clear error with exit code 1 for unreadable input.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_report-lens"))
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn one_file_gives_one_json_object() {
    let out = bin().args(["analyze", &fixture("tianjun-2022.txt"), "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.is_object());
    assert_eq!(v["meta"]["region"], "天峻县");
    assert_eq!(v["meta"]["speaker"], "桑周");
    let gdp = v["indicators"].as_array().unwrap().iter().find(|i| i["name"] == "地区生产总值" && i["kind"] == "actual").unwrap();
    assert_eq!(gdp["value"], 21.5);
    assert_eq!(gdp["unit"], "亿元");
    assert_eq!(gdp["period"], "2021");
}

#[test]
fn several_files_give_an_array() {
    let out = bin().args(["analyze", &fixture("tianjun-2022.txt"), &fixture("national/national-2024.txt")]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    assert_eq!(arr[1]["meta"]["level"], "national");
    assert!(arr[1]["file"].as_str().unwrap().ends_with("national-2024.txt"));
}

#[test]
fn csv_has_a_row_per_indicator_with_the_file() {
    let out = bin().args(["analyze", &fixture("tianjun-2022.txt"), "--format", "csv"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("file,name,inCatalog,kind,period,value"));
    let row = lines.find(|l| l.contains(",农村常住居民人均可支配收入,") && l.contains(",actual,")).unwrap();
    assert!(row.starts_with(&fixture("tianjun-2022.txt")));
    assert!(row.contains(",16883,") && row.contains(",9.7,"), "{row}");
}

#[test]
fn unreadable_input_exits_1_with_a_message() {
    let out = bin().args(["analyze", "/nonexistent/report.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("无法读取文件"), "{err}");

    let dir = std::env::temp_dir().join(format!("rl-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("binary.txt");
    std::fs::write(&bad, [0x80, 0xff, 0x00, 0xd8, 0x00, 0x81, 0xff, 0x07]).unwrap();
    let out = bin().args(["analyze", bad.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr).unwrap().contains("不是文字"));

    let out = bin().args(["analyze"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = bin().args(["analyze", &fixture("tianjun-2022.txt"), "--format", "xml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}

/// Every bad input of tests/fixtures/bad/: exit code 1 and the message that says what to do;
/// never a panic, never output on stdout.
#[test]
fn bad_inputs_get_their_messages() {
    let cases: &[(&str, &str)] = &[
        ("bad/empty.txt", "文件是空的"),
        ("bad/image.png", "这是一张图片（PNG）"),
        ("bad/random.bin", "不是文字"),
        ("bad/not-docx.zip", "不是 Word（.docx）文档"),
        ("bad/novel.txt", "未找到任何常见经济指标"),
        ("bad/english.txt", "未找到任何常见经济指标"),
    ];
    for (file, message) in cases {
        let out = bin().args(["analyze", &fixture(file)]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{file}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(message), "{file}: {err}");
        assert!(out.stdout.is_empty(), "{file}");
    }
    if std::process::Command::new("pdftotext").arg("-v").output().is_ok() {
        for (file, message) in [("bad/encrypted.pdf", "PDF 已加密"), ("bad/truncated.pdf", "PDF 文件不完整")] {
            let out = bin().args(["analyze", &fixture(file)]).output().unwrap();
            assert_eq!(out.status.code(), Some(1), "{file}");
            assert!(String::from_utf8(out.stderr).unwrap().contains(message), "{file}");
        }
    }
}

/// Repairable inputs are read, with a note in the JSON: NUL characters, a few invalid bytes.
#[test]
fn repaired_inputs_are_analyzed_with_notes() {
    for (file, note) in [("bad/nul.txt", "空字符"), ("bad/invalid-utf8.txt", "无效的 UTF-8 字节")] {
        let out = bin().args(["analyze", &fixture(file)]).output().unwrap();
        assert!(out.status.success(), "{file}: {}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(v["source"]["notes"][0].as_str().unwrap().contains(note), "{file}");
        assert_eq!(v["meta"]["region"], "天峻县");
    }
}

/// One bad file among good ones: the good ones are printed, the bad one is named on stderr.
#[test]
fn a_bad_file_does_not_stop_the_others() {
    let out = bin().args(["analyze", &fixture("tianjun-2022.txt"), &fixture("bad/image.png"), &fixture("formats/tianjun-2022.gbk.txt")]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[1]["source"]["encoding"], "GB18030");
    assert!(String::from_utf8(out.stderr).unwrap().contains("image.png：这是一张图片"));
}

/// `compare` over the national reports: the same targets table as the library builds, with the
/// 2023 GDP target (5%左右, 2023 report) met by the 2023 result (5.2%, 2024 report).
#[test]
fn compare_builds_the_targets_table() {
    let files: Vec<String> = [2019, 2021, 2022, 2023, 2024, 2025].iter().map(|y| fixture(&format!("national/national-{y}.txt"))).collect();
    let out = bin().arg("compare").args(&files).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["reports"].as_array().unwrap().len(), 6);
    assert_eq!(v["reports"][3]["planYear"], 2023);
    let gdp = v["series"].as_array().unwrap().iter().find(|s| s["name"] == "国内生产总值").unwrap();
    assert!(gdp["points"].as_array().unwrap().iter().any(|p| p["period"] == "2023" && p["kind"] == "actual" && p["changePct"] == 5.2));
    let t = v["targets"].as_array().unwrap().iter().find(|t| t["name"] == "国内生产总值" && t["period"] == "2023").unwrap();
    assert_eq!(t["target"]["changePct"], 5.0);
    assert_eq!(t["target"]["bound"], "about");
    assert_eq!(t["result"]["changePct"], 5.2);
    assert_eq!(t["status"], "met");

    // The CSV is the library's table for the same files.
    let out = bin().args(["compare", "--format", "csv"]).args(&files).output().unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    let reports: Vec<(String, report_lens::Report)> = files.iter().map(|f| (f.clone(), report_lens::analyze(&std::fs::read_to_string(f).unwrap()))).collect();
    let inputs: Vec<report_lens::compare::Input> = reports.iter().map(|(f, r)| report_lens::compare::Input { file: f, report: r }).collect();
    assert_eq!(csv, report_lens::csv::targets_table(&report_lens::compare::compare(&inputs).targets));
    let row = csv.lines().find(|l| l.starts_with("国内生产总值,中华人民共和国,2023,change,")).unwrap();
    assert!(row.contains(",5,,about,126,万亿元,5.2,met,"), "{row}");
    assert!(csv.lines().any(|l| l.starts_with("国内生产总值,中华人民共和国,2022,change,") && l.contains(",missed,")));
}

/// A scratch directory under the target directory, fresh for each test that asks.
fn scratch(name: &str) -> std::path::PathBuf {
    let d = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Issue 11: what is not a regular file of at most 50 MB is refused from its metadata, before
/// it is read — a FIFO would block forever, a device never ends, a sparse file claims 2 GB.
#[cfg(unix)]
#[test]
fn fifos_devices_sparse_files_and_folders_are_refused_before_reading() {
    let d = scratch("cli-special");
    let fifo = d.join("report.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let sparse = d.join("sparse.txt");
    std::fs::File::create(&sparse).unwrap().set_len(2 << 30).unwrap();
    for (path, says) in [
        (fifo.to_str().unwrap(), "不是普通文件"),
        ("/dev/zero", "不是普通文件"),
        ("/dev/urandom", "不是普通文件"),
        (sparse.to_str().unwrap(), "文件太大（2048.0 MB）"),
        (d.to_str().unwrap(), "文件夹"),
    ] {
        let out = bin().args(["analyze", path]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{path}");
        assert!(stderr_of(&out).contains(says), "{path}: {}", stderr_of(&out));
        assert!(out.stdout.is_empty(), "{path}");
    }
}

/// Issue 11: a file name that is not UTF-8 is a file name (it made `std::env::args` panic), and
/// `--` ends the options.
#[cfg(unix)]
#[test]
fn non_utf8_names_and_double_dash() {
    use std::os::unix::ffi::OsStrExt;
    let d = scratch("cli-names");
    let odd = d.join(std::ffi::OsStr::from_bytes(b"r\xff.txt"));
    std::fs::copy(fixture("tianjun-2022.txt"), &odd).unwrap();
    let out = bin().arg("analyze").arg(&odd).args(["--format", "csv"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.lines().nth(1).unwrap().contains("r\u{fffd}.txt,地区生产总值"), "{csv}");
    let missing = d.join(std::ffi::OsStr::from_bytes(b"missing\xfe.txt"));
    let out = bin().arg("analyze").arg(&missing).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("missing\u{fffd}.txt：无法读取文件：找不到这个文件"), "{}", stderr_of(&out));
    // A report whose name starts with `-`, after `--`.
    let dash = d.join("-2022.txt");
    std::fs::copy(fixture("tianjun-2022.txt"), &dash).unwrap();
    let out = bin().current_dir(&d).args(["analyze", "--format", "csv", "--", "-2022.txt"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    // `-2022.txt` is a text cell starting with `-`: neutralised.
    assert!(String::from_utf8(out.stdout).unwrap().lines().nth(1).unwrap().starts_with("'-2022.txt,地区生产总值"));
    let out = bin().current_dir(&d).args(["analyze", "-2022.txt"]).output().unwrap();
    assert!(stderr_of(&out).contains("未知选项 -2022.txt"));
}

/// Issue 11: a CSV of the CLI carries no formula from a file name.
#[test]
fn a_file_named_like_a_formula_is_text_in_the_csv() {
    let d = scratch("cli-formula");
    let name = "=HYPERLINK(\"https:__x\",\"打开原文\").txt";
    std::fs::copy(fixture("tianjun-2022.txt"), d.join(name)).unwrap();
    let out = bin().current_dir(&d).args(["analyze", name, "--format", "csv"]).output().unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    let row = csv.lines().nth(1).unwrap();
    assert!(row.starts_with("\"'"), "{row}");
}

/// A PDF of `pages` pages that all share one content stream of Latin text (a few hundred KB
/// that `pdftotext` turns into tens of MB): the PDF bomb of issue 11.
pub fn pdf_bomb(pages: usize) -> Vec<u8> {
    let line = "GDP 5.5 percent growth ".repeat(8);
    let content: String = (0..110).map(|k| format!("BT /F1 6 Tf 10 {} Td ({line}) Tj ET\n", 10 + k * 7)).collect();
    let kids: Vec<String> = (0..pages).map(|k| format!("{} 0 R", 5 + k)).collect();
    let mut objs = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!("<< /Type /Pages /Kids [{}] /Count {pages} >>", kids.join(" ")),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    objs.extend((0..pages).map(|_| "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>".to_string()));
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
    }
    let xref = out.len();
    out.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1));
    for o in offsets {
        out.push_str(&format!("{o:010} 00000 n \n"));
    }
    out.push_str(&format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objs.len() + 1));
    out.into_bytes()
}

/// Issue 11: `pdftotext` on a PDF bomb writes 60 MB in 40 s; the CLI reads its output with a
/// cap and stops it there, with a message (and little memory).
#[test]
fn a_pdf_bomb_is_stopped_while_it_is_read() {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("pdftotext missing: .ci/run installs poppler-utils");
        return;
    }
    let d = scratch("cli-pdf-bomb");
    let f = d.join("bomb.pdf");
    std::fs::write(&f, pdf_bomb(3000)).unwrap();
    let out = bin().arg("analyze").arg(&f).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("这个 PDF 的文字超过了 100 万字的上限，已停止读取"), "{}", stderr_of(&out));
}
