//! `report-lens`: the command-line face of the Report Lens core.
//!
//! ```text
//! report-lens analyze FILE... [--format json|csv]
//! ```

use report_lens::{analyze, csv, Report};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "用法: report-lens analyze 文件... [--format json|csv]\nusage: report-lens analyze FILE... [--format json|csv]";

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
    if cmd != "analyze" {
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
    let mut reports: Vec<(String, Report)> = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).map_err(|e| format!("无法读取文件 {f}：{e}。请检查路径和权限。"))?;
        let text = String::from_utf8(bytes).map_err(|_| format!("文件 {f} 不是 UTF-8 编码的文本：请先另存为 UTF-8 文本后重试。"))?;
        reports.push((f.clone(), analyze(&text)));
    }
    Ok(match format {
        Format::Json => {
            let json = if reports.len() == 1 {
                serde_json::to_string_pretty(&reports[0].1)
            } else {
                let with_files: Vec<serde_json::Value> = reports
                    .iter()
                    .map(|(f, r)| {
                        let mut v = serde_json::to_value(r).unwrap_or_default();
                        if let Some(o) = v.as_object_mut() {
                            o.insert("file".into(), serde_json::Value::String(f.clone()));
                        }
                        v
                    })
                    .collect();
                serde_json::to_string_pretty(&with_files)
            };
            json.map_err(|e| format!("无法生成 JSON：{e}"))? + "\n"
        }
        Format::Csv => csv::table(reports.iter().map(|(f, r)| (f.as_str(), r.indicators.as_slice()))),
    })
}
