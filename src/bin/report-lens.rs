//! `report-lens`: the command-line face of the Report Lens core.
//!
//! ```text
//! report-lens analyze FILE... [--format json|csv]
//! report-lens compare FILE... [--format json|csv]
//! report-lens figures FILE... [--format json|csv]
//! ```
//!
//! `figures` lists every number with a unit the scanner finds in the text (value, unit, kind,
//! UTF-16 offsets into the original text and the text itself), not only the indicators.
//!
//! Files may be text in UTF-8, UTF-16 or GB18030/GBK, Word (`.docx`), web pages, or PDF (read
//! with poppler's `pdftotext`, which must be installed). A file that cannot be read, or is not a
//! report, gets a message in Chinese on stderr; the others are still analyzed, and the exit code
//! is 1.

use report_lens::decode::{decode, ErrorKind};
use report_lens::{analyze, csv, figures, Figure, Report};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "用法: report-lens analyze 文件... [--format json|csv]\n      report-lens compare 文件... [--format json|csv]\n      report-lens figures 文件... [--format json|csv]\nusage: report-lens analyze FILE... [--format json|csv]\n       report-lens compare FILE... [--format json|csv]\n       report-lens figures FILE... [--format json|csv]";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Csv,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = stdout.write_all(out.as_bytes());
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(1)
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let Some(cmd) = args.first() else { return Err(USAGE.into()) };
    if cmd == "-h" || cmd == "--help" {
        return Ok(format!("{USAGE}\n"));
    }
    if cmd != "analyze" && cmd != "compare" && cmd != "figures" {
        return Err(format!("未知命令“{cmd}”。\n{USAGE}"));
    }
    let mut format = Format::Json;
    let mut files = Vec::new();
    let mut it = args[1..].iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" | "-f" => {
                format = match it.next().map(String::as_str) {
                    Some("json") => Format::Json,
                    Some("csv") => Format::Csv,
                    other => return Err(format!("不支持的输出格式 {:?}：请用 json 或 csv。", other.unwrap_or(""))),
                }
            }
            s if s.starts_with("--format=") => {
                format = match &s["--format=".len()..] {
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    other => return Err(format!("不支持的输出格式 {other:?}：请用 json 或 csv。")),
                }
            }
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("未知选项 {s}。\n{USAGE}")),
            s => files.push(s.to_string()),
        }
    }
    if files.is_empty() {
        return Err(format!("请至少指定一个报告文件。\n{USAGE}"));
    }
    let mut reports: Vec<(String, Source, Report)> = Vec::new();
    let mut errors = Vec::new();
    for f in &files {
        match read_report(f) {
            Ok((text, mut source)) => {
                let report = analyze(&text);
                source.text = text;
                match not_a_report(&report) {
                    Some(why) => errors.push(format!("{f}：{why}")),
                    None => reports.push((f.clone(), source, report)),
                }
            }
            Err(msg) => errors.push(format!("{f}：{msg}")),
        }
    }
    let out = match format {
        _ if reports.is_empty() => String::new(),
        _ if cmd == "compare" => compare_output(&reports, format)?,
        _ if cmd == "figures" => figures_output(&reports, files.len() > 1, format)?,
        Format::Json => {
            let value = |f: &str, s: &Source, r: &Report, with_file: bool| {
                let mut v = serde_json::to_value(r).unwrap_or_default();
                if let Some(o) = v.as_object_mut() {
                    if with_file {
                        o.insert("file".into(), serde_json::Value::String(f.to_string()));
                    }
                    o.insert("source".into(), serde_json::json!({ "format": s.format, "encoding": s.encoding, "notes": s.notes }));
                }
                v
            };
            let json = if files.len() == 1 {
                let (f, s, r) = &reports[0];
                serde_json::to_string_pretty(&value(f, s, r, false))
            } else {
                serde_json::to_string_pretty(&reports.iter().map(|(f, s, r)| value(f, s, r, true)).collect::<Vec<_>>())
            };
            json.map_err(|e| format!("无法生成 JSON：{e}"))? + "\n"
        }
        Format::Csv => csv::table(reports.iter().map(|(f, _, r)| (f.as_str(), r.indicators.as_slice()))),
    };
    if errors.is_empty() {
        Ok(out)
    } else {
        // What could be read is still printed; the errors go to stderr and the exit code is 1.
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(out.as_bytes());
        Err(errors.join("\n"))
    }
}

/// `compare`: series by year, targets against results, regions side by side, term counts.
fn compare_output(reports: &[(String, Source, Report)], format: Format) -> Result<String, String> {
    use report_lens::compare::{compare, term_counts, Input, TERMS};
    let inputs: Vec<Input> = reports.iter().map(|(f, _, r)| Input { file: f, report: r }).collect();
    let c = compare(&inputs);
    Ok(match format {
        Format::Csv => csv::targets_table(&c.targets),
        Format::Json => {
            let mut v = serde_json::to_value(&c).map_err(|e| format!("无法生成 JSON：{e}"))?;
            let clean: Vec<(String, String)> = reports.iter().map(|(f, s, _)| (f.clone(), report_lens::normalize::normalize(&s.text).text)).collect();
            let refs: Vec<(&str, &str)> = clean.iter().map(|(f, t)| (f.as_str(), t.as_str())).collect();
            if let Some(o) = v.as_object_mut() {
                o.insert("terms".into(), serde_json::to_value(term_counts(&refs, TERMS)).unwrap_or_default());
            }
            serde_json::to_string_pretty(&v).map_err(|e| format!("无法生成 JSON：{e}"))? + "\n"
        }
    })
}

/// `figures`: every figure of each report's text, as JSON (`{figures, source}` for one file, an
/// array of them with `file` for several) or as CSV with a `file` column.
fn figures_output(reports: &[(String, Source, Report)], several: bool, format: Format) -> Result<String, String> {
    let all: Vec<(&str, &Source, Vec<Figure>)> = reports.iter().map(|(f, s, _)| (f.as_str(), s, figures(&s.text))).collect();
    Ok(match format {
        Format::Csv => {
            let mut out = String::from("file,value,valueHigh,unit,kind,more,valueBase,text,start,end\n");
            for (file, _, figs) in &all {
                for g in figs {
                    let high = g.value_high.map(|h| h.to_string()).unwrap_or_default();
                    let cells = [csv_field(file), g.value.to_string(), high, csv_field(&g.unit), g.kind.as_str().to_string(), g.more.to_string(), g.value_base.to_string(), csv_field(&g.text), g.start.to_string(), g.end.to_string()];
                    out.push_str(&cells.join(","));
                    out.push('\n');
                }
            }
            out
        }
        Format::Json => {
            let value = |(file, s, figs): &(&str, &Source, Vec<Figure>)| {
                let mut v = serde_json::json!({ "figures": figs, "source": { "format": s.format, "encoding": s.encoding, "notes": s.notes } });
                if several {
                    v["file"] = serde_json::Value::String(file.to_string());
                }
                v
            };
            let json = if several { serde_json::to_string_pretty(&all.iter().map(value).collect::<Vec<_>>()) } else { serde_json::to_string_pretty(&value(&all[0])) };
            json.map_err(|e| format!("无法生成 JSON：{e}"))? + "\n"
        }
    })
}

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180): a figure's
/// text may run across a page break (`16883\n- 2 -\n元`).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// How a file was read.
struct Source {
    format: &'static str,
    encoding: &'static str,
    notes: Vec<String>,
    /// The text read (`compare` counts terms in it).
    text: String,
}

/// A file's text: decoded by the core, or for a PDF extracted by `pdftotext`.
fn read_report(path: &str) -> Result<(String, Source), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("无法读取文件：{e}。请检查路径和权限。"))?;
    match decode(&bytes, Some(path)) {
        Ok(d) => Ok((d.text, Source { format: d.format, encoding: d.encoding, notes: d.notes, text: String::new() })),
        Err(e) if e.kind() == ErrorKind::Pdf => Ok((pdf_text(path)?, Source { format: "pdf", encoding: "UTF-8", notes: Vec::new(), text: String::new() })),
        Err(e) => Err(e.message().to_string()),
    }
}

/// The text of a PDF in reading order, from poppler's `pdftotext -layout` (its layout mode keeps
/// a page number on its own line, as in the sample report).
fn pdf_text(path: &str) -> Result<String, String> {
    let out = std::process::Command::new("pdftotext").args(["-layout", "-enc", "UTF-8", path, "-"]).output();
    let out = match out {
        Ok(o) => o,
        Err(_) => {
            return Err("读取 PDF 需要 poppler 的 pdftotext 程序，但没有找到它：请先安装（Debian/Ubuntu：apt install poppler-utils；macOS：brew install poppler），或在网页版中打开这个 PDF。".into());
        }
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() || out.stdout.is_empty() && !stderr.trim().is_empty() {
        if stderr.contains("password") {
            return Err("PDF 已加密（需要密码），无法读取：请用 PDF 阅读器去掉密码后另存，或复制正文粘贴到网页版中。".into());
        }
        return Err("PDF 文件已损坏或不完整，无法读取：请重新下载这个文件，或用 PDF 阅读器打开后另存再试。".into());
    }
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    report_lens::decode::check_length(&text).map_err(|e| e.message().to_string())?;
    if text.trim().is_empty() {
        return Err("这个 PDF 里没有可提取的文字（可能是扫描件）：请先做文字识别（OCR），或复制正文粘贴到网页版中。".into());
    }
    Ok(text)
}

/// Why an analyzed text is not taken as a report: empty, or without a single catalog indicator.
fn not_a_report(r: &Report) -> Option<String> {
    let codes: Vec<&str> = r.warnings.iter().map(|w| w.code.as_str()).collect();
    if codes.contains(&"empty") || codes.contains(&"no_indicators") {
        return r.warnings.iter().find(|w| w.code == "empty" || w.code == "no_indicators").map(|w| w.message.clone());
    }
    None
}
