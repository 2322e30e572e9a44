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
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "用法: report-lens analyze 文件... [--format json|csv]\n      report-lens compare 文件... [--format json|csv]\n      report-lens figures 文件... [--format json|csv]\nusage: report-lens analyze FILE... [--format json|csv]\n       report-lens compare FILE... [--format json|csv]\n       report-lens figures FILE... [--format json|csv]";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Csv,
}

fn main() -> ExitCode {
    // `args_os`: a file name need not be UTF-8 (`std::env::args` panics on one that is not).
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
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

fn run(args: &[std::ffi::OsString]) -> Result<String, String> {
    let Some(cmd) = args.first() else { return Err(USAGE.into()) };
    let cmd = cmd.to_string_lossy();
    if cmd == "-h" || cmd == "--help" {
        return Ok(format!("{USAGE}\n"));
    }
    if cmd != "analyze" && cmd != "compare" && cmd != "figures" {
        return Err(format!("未知命令“{cmd}”。\n{USAGE}"));
    }
    let mut format = Format::Json;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut it = args[1..].iter();
    let mut options = true;
    while let Some(arg) = it.next() {
        // An option is UTF-8; anything else is a file name, as is everything after `--`.
        let Some(a) = arg.to_str().filter(|_| options) else {
            files.push(PathBuf::from(arg));
            continue;
        };
        match a {
            "--" => options = false,
            "--format" | "-f" => {
                format = match it.next().and_then(|f| f.to_str()) {
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
            s => files.push(PathBuf::from(s)),
        }
    }
    if files.is_empty() {
        return Err(format!("请至少指定一个报告文件。\n{USAGE}"));
    }
    let mut reports: Vec<(String, Source, Report)> = Vec::new();
    let mut errors = Vec::new();
    for path in &files {
        // The name as printed: a name that is not UTF-8 shows its bytes as `�`.
        let f = &path.to_string_lossy().into_owned();
        match read_report(path) {
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
                    let cells = [csv::field(file), g.value.to_string(), high, csv::field(&g.unit), g.kind.as_str().to_string(), g.more.to_string(), g.value_base.to_string(), csv::field(&g.text), g.start.to_string(), g.end.to_string()];
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

/// How a file was read.
struct Source {
    format: &'static str,
    encoding: &'static str,
    notes: Vec<String>,
    /// The text read (`compare` counts terms in it).
    text: String,
}

/// A file's text: decoded by the core, or for a PDF extracted by `pdftotext`.
fn read_report(path: &Path) -> Result<(String, Source), String> {
    let bytes = read_capped(path)?;
    match decode(&bytes, path.to_str()) {
        Ok(d) => Ok((d.text, Source { format: d.format, encoding: d.encoding, notes: d.notes, text: String::new() })),
        Err(e) if e.kind() == ErrorKind::Pdf => Ok((pdf_text(path)?, Source { format: "pdf", encoding: "UTF-8", notes: Vec::new(), text: String::new() })),
        Err(e) => Err(e.message().to_string()),
    }
}

/// The bytes of a regular file of at most `MAX_BYTES`: what it is and how large is checked
/// from its metadata before it is opened (a FIFO would block, a device never ends, a sparse
/// file claims gigabytes), and the read itself stops at the limit (a file that grows).
fn read_capped(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "无法读取文件：找不到这个文件，请检查路径是否正确。".to_string(),
        std::io::ErrorKind::PermissionDenied => "无法读取文件：没有读取它的权限，请检查文件权限。".to_string(),
        _ => format!("无法读取文件（{e}）：请检查路径和权限。"),
    })?;
    if meta.is_dir() {
        return Err("这是一个文件夹，不是文件：请指定其中的报告文件（如 文件夹/*.txt）。".into());
    }
    if !meta.is_file() {
        return Err("这不是普通文件（而是设备、管道或套接字）：请指定保存在磁盘上的报告文件。".into());
    }
    let limit = report_lens::decode::MAX_BYTES;
    if meta.len() > limit as u64 {
        return Err(report_lens::decode::too_large(usize::try_from(meta.len()).unwrap_or(usize::MAX)).message().to_string());
    }
    let file = std::fs::File::open(path).map_err(|e| format!("无法读取文件（{e}）：请检查路径和权限。"))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit as u64 + 1).read_to_end(&mut bytes).map_err(|e| format!("无法读取文件（{e}）：请检查文件是否完整。"))?;
    if bytes.len() > limit {
        return Err(report_lens::decode::too_large(bytes.len()).message().to_string());
    }
    Ok(bytes)
}

/// How long `pdftotext` may take: a report of 300 pages takes about a second.
const PDF_SECONDS: u64 = 60;

/// The text of a PDF in reading order, from poppler's `pdftotext -layout` (its layout mode keeps
/// a page number on its own line, as in the sample report). Its output is read with a cap (a
/// PDF of thousands of pages sharing one stream writes gigabytes) and it runs with a time limit.
fn pdf_text(path: &Path) -> Result<String, String> {
    use std::process::{Command, Stdio};
    let child = Command::new("pdftotext").args(["-layout", "-enc", "UTF-8"]).arg(path).arg("-").stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(_) => {
            return Err("读取 PDF 需要 poppler 的 pdftotext 程序，但没有找到它：请先安装（Debian/Ubuntu：apt install poppler-utils；macOS：brew install poppler），或在网页版中打开这个 PDF。".into());
        }
    };
    // Every character is at most 4 bytes: more output than this is over the text limit.
    let cap = report_lens::decode::MAX_CHARS as u64 * 4;
    let (Some(stdout), Some(stderr)) = (child.stdout.take(), child.stderr.take()) else { return Err("无法启动 pdftotext。".into()) };
    let over = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let over_in = over.clone();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = stdout.take(cap + 1).read_to_end(&mut v);
        if v.len() as u64 > cap {
            over_in.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        v
    });
    let err = std::thread::spawn(move || {
        let (mut r, mut v) = (stderr, Vec::new());
        let _ = (&mut r).take(64 * 1024).read_to_end(&mut v);
        // The rest is drained, not kept: a process blocked on its stderr would never end.
        let _ = std::io::copy(&mut r, &mut std::io::sink());
        v
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(PDF_SECONDS);
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break Some(st),
            // Over the cap (the reader stopped, so the process would block) or out of time.
            Ok(None) if over.load(std::sync::atomic::Ordering::Relaxed) || std::time::Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(10)),
            Err(_) => {
                let _ = child.kill();
                break None;
            }
        }
    };
    let stdout = out.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&err.join().unwrap_or_default()).into_owned();
    if over.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(format!("这个 PDF 的文字超过了 {} 万字的上限，已停止读取：一份政府工作报告通常不到 10 万字，请只保留报告正文后再试。", report_lens::decode::MAX_CHARS / 10_000));
    }
    let Some(status) = status else {
        return Err(format!("读取这个 PDF 超过了 {PDF_SECONDS} 秒，已停止（文件可能异常庞大或已损坏）：请用 PDF 阅读器打开后另存，或复制正文粘贴到网页版中。"));
    };
    if !status.success() || stdout.is_empty() && !stderr.trim().is_empty() {
        if stderr.contains("password") {
            return Err("PDF 已加密（需要密码），无法读取：请用 PDF 阅读器去掉密码后另存，或复制正文粘贴到网页版中。".into());
        }
        return Err("PDF 文件已损坏或不完整，无法读取：请重新下载这个文件，或用 PDF 阅读器打开后另存再试。".into());
    }
    let text = String::from_utf8_lossy(&stdout).into_owned();
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
