//! Bytes as users have them → the text of a report.
//!
//! Reports arrive as UTF-8 text (with or without a BOM), UTF-16 with a BOM, GB18030/GBK text
//! from older Windows tools, Word documents (`.docx`) and web pages (`.html`, or HTML pasted
//! from a browser). [`decode`] tells them apart by their bytes — never by asking — and says which
//! it used. What cannot be read gets a [`DecodeError`] whose message, in Chinese, says what
//! happened and what to try. PDFs are recognised but not read here: the page reads them with
//! pdf.js, the CLI with `pdftotext` (see the README).

mod docx;
mod html;
pub mod pdf;
mod zip;

pub use html::visible_text;

use std::fmt;

/// Largest input accepted, in bytes. A work report's text is well under 1 MB and its PDF rarely
/// over 20 MB; anything much bigger is not a report and would only freeze the page.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// Longest text analyzed, in characters: some forty times a long work report (a provincial
/// report has 20–30 thousand). Up to this the page stays responsive enough (measured in
/// docs/RELIABILITY.md); longer texts are refused rather than freezing the tab.
pub const MAX_CHARS: usize = 1_000_000;

/// The text of a report and how it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// The character encoding used: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030`.
    pub encoding: &'static str,
    /// What the bytes were: `text`, `docx`, `html`.
    pub format: &'static str,
    /// Repairs made on the way (NUL characters dropped, invalid bytes replaced), in Chinese.
    pub notes: Vec<String>,
}

/// Why a file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Empty,
    TooLarge,
    /// A PDF: read by pdf.js in the page, by `pdftotext` in the CLI.
    Pdf,
    /// A PDF cut short (no `%%EOF` at its end): an interrupted download.
    BrokenPdf,
    Image,
    /// An OLE2 container: a legacy `.doc`, `.xls`, or an encrypted Office document.
    LegacyOffice,
    /// A zip archive without `word/document.xml`.
    NotDocx,
    /// A `.docx` whose zip or XML is broken.
    BrokenDocx,
    /// Bytes that are not text in any encoding we know.
    Binary,
}

/// A file that could not be read, with a message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    kind: ErrorKind,
    message: String,
}

impl DecodeError {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        DecodeError { kind, message: message.into() }
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// What happened and what to try, in Chinese.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DecodeError {}

fn mb(n: usize) -> String {
    format!("{:.1}", n as f64 / 1024.0 / 1024.0)
}

/// The error for an input over [`MAX_BYTES`] (also used by the page before reading a file).
pub fn too_large(len: usize) -> DecodeError {
    DecodeError::new(
        ErrorKind::TooLarge,
        format!("文件太大（{} MB），超过了 {} MB 的上限：一份政府工作报告的正文通常不到 1 MB，请只保留报告正文后再试。", mb(len), MAX_BYTES / 1024 / 1024),
    )
}

/// The error for a text over [`MAX_CHARS`].
pub(crate) fn too_long(chars: usize) -> DecodeError {
    DecodeError::new(
        ErrorKind::TooLarge,
        format!("文本太长（约 {} 万字），超过了 {} 万字的上限：一份政府工作报告通常不到 10 万字，请只保留报告正文后再试。", chars / 10_000, MAX_CHARS / 10_000),
    )
}

/// Refuse a text longer than [`MAX_CHARS`] (also for text that did not come through
/// [`decode`]: pasted, or extracted from a PDF).
pub fn check_length(text: &str) -> Result<(), DecodeError> {
    // Bytes bound characters from above: count only when it could matter.
    if text.len() > MAX_CHARS && text.chars().count() > MAX_CHARS {
        return Err(too_long(text.chars().count()));
    }
    Ok(())
}

/// Read a file's bytes as the text of a report. `name` (the file name, if any) only breaks ties:
/// a `.html` file is read as a web page even if it does not start like one.
///
/// ```
/// use report_lens::decode::decode;
/// // GBK bytes of "地区生产总值增长5%", as a Windows tool would save them.
/// let (gbk, _, _) = encoding_rs::GBK.encode("地区生产总值增长5%");
/// let d = decode(&gbk, Some("报告.txt")).unwrap();
/// assert_eq!((d.text.as_str(), d.encoding), ("地区生产总值增长5%", "GB18030"));
/// assert_eq!(decode(b"", None).unwrap_err().kind(), report_lens::decode::ErrorKind::Empty);
/// ```
pub fn decode(bytes: &[u8], name: Option<&str>) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::new(ErrorKind::Empty, "文件是空的：请选择一份有内容的报告文件。"));
    }
    if bytes.len() > MAX_BYTES {
        return Err(too_large(bytes.len()));
    }
    if let Some(err) = sniff(bytes) {
        return Err(err);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let text = docx::text(bytes)?;
        check_length(&text)?;
        return Ok(Decoded { text, encoding: "UTF-8", format: "docx", notes: Vec::new() });
    }
    let mut d = text(bytes)?;
    check_length(&d.text)?;
    let lower = name.unwrap_or("").to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") || html::looks_like_html(&d.text) {
        d.text = html::visible_text(&d.text);
        d.format = "html";
    }
    Ok(d)
}

/// Formats recognised by their first bytes that are not text.
fn sniff(b: &[u8]) -> Option<DecodeError> {
    let image = |what: &str| {
        Some(DecodeError::new(
            ErrorKind::Image,
            format!("这是一张图片（{what}），不是文字：请选择报告的文本、Word 或 PDF 文件。扫描的报告需要先做文字识别（OCR）。"),
        ))
    };
    // A PDF may have a little junk before its header.
    if b.len() >= 5 && b[..b.len().min(1024)].windows(5).any(|w| w == b"%PDF-") {
        // Every complete PDF ends with `%%EOF` (perhaps followed by a line break or junk).
        if !b[b.len().saturating_sub(2048)..].windows(5).any(|w| w == b"%%EOF") {
            return Some(DecodeError::new(ErrorKind::BrokenPdf, "PDF 文件不完整（可能没有下载完），无法读取：请重新下载这个文件后再试。"));
        }
        return Some(DecodeError::new(ErrorKind::Pdf, "这是 PDF 文件：请在网页中打开它，或先用 pdftotext 转成文本。"));
    }
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        return image("PNG");
    }
    if b.starts_with(&[0xff, 0xd8, 0xff]) {
        return image("JPEG");
    }
    if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        return image("GIF");
    }
    if b.len() >= 12 && &b[..4] == b"RIFF" && &b[8..12] == b"WEBP" {
        return image("WebP");
    }
    if b.starts_with(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) {
        return Some(DecodeError::new(
            ErrorKind::LegacyOffice,
            "这是旧版 Word（.doc）文件或加密的 Office 文档，暂时无法读取：请在 Word 或 WPS 中打开，去掉密码后另存为 .docx 或 .txt 再试。",
        ));
    }
    None
}

fn binary() -> DecodeError {
    DecodeError::new(ErrorKind::Binary, "文件内容不是文字（看起来是二进制数据）：请选择报告的文本（.txt）、Word（.docx）、网页（.html）或 PDF 文件。")
}

/// Decode text: a BOM decides; else UTF-8 if valid (or nearly: a few bad bytes are replaced);
/// else GB18030 (a superset of GBK and GB2312) if valid; else it is not text.
fn text(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (text, encoding, mut notes) = if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        let (t, bad) = utf8_lossy(rest);
        (t, "UTF-8", bad)
    } else if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        (utf16(rest, u16::from_le_bytes), "UTF-16LE", Vec::new())
    } else if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        (utf16(rest, u16::from_be_bytes), "UTF-16BE", Vec::new())
    } else if let Ok(t) = std::str::from_utf8(bytes) {
        (t.to_string(), "UTF-8", Vec::new())
    } else if let Some(le) = utf16_without_bom(bytes) {
        le
    } else if count_invalid(bytes) * 200 <= bytes.len() / 3 + 1 {
        // Mostly UTF-8 with a few broken bytes (a truncated download, a bad copy): keep it.
        let (t, bad) = utf8_lossy(bytes);
        (t, "UTF-8", bad)
    } else if let Some(t) = gb18030(bytes) {
        (t, "GB18030", Vec::new())
    } else {
        return Err(binary());
    };
    // NUL and other control characters: a few are noise, many mean binary data.
    let controls = text.chars().filter(|&c| (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')).count();
    if controls * 20 > text.chars().count().max(1) {
        return Err(binary());
    }
    let nuls = text.matches('\0').count();
    let text = if nuls > 0 {
        notes.push(format!("文件中有 {nuls} 个空字符（NUL），已忽略。"));
        text.replace('\0', "")
    } else {
        text
    };
    Ok(Decoded { text, encoding, format: "text", notes })
}

/// Strict GB18030 (a superset of GBK and GB2312): `None` on any malformed sequence. Natively
/// encoding_rs; in the browser its own decoder, which implements the same WHATWG Encoding
/// Standard (and keeps 125 KB of tables out of the wasm).
#[cfg(not(target_arch = "wasm32"))]
fn gb18030(bytes: &[u8]) -> Option<String> {
    encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes).map(|t| t.into_owned())
}

#[cfg(target_arch = "wasm32")]
fn gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

fn utf8_lossy(bytes: &[u8]) -> (String, Vec<String>) {
    let invalid = count_invalid(bytes);
    let notes = if invalid > 0 { vec![format!("文件中有 {invalid} 处无效的 UTF-8 字节，已替换为“\u{fffd}”。")] } else { Vec::new() };
    (String::from_utf8_lossy(bytes).into_owned(), notes)
}

/// Invalid UTF-8 sequences in `bytes` (each replaced by one U+FFFD when decoded lossily).
fn count_invalid(mut bytes: &[u8]) -> usize {
    let mut n = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return n,
            Err(e) => {
                n += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                bytes = &bytes[skip.min(bytes.len())..];
            }
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect()
}

/// UTF-16 saved without a BOM: text with line breaks has `\n` as `0A 00` (LE) or `00 0A` (BE),
/// and Chinese text in UTF-16 rarely decodes as valid GB18030 or UTF-8.
fn utf16_without_bom(bytes: &[u8]) -> Option<(String, &'static str, Vec<String>)> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let pairs = bytes.chunks_exact(2);
    let (mut le, mut be) = (0usize, 0usize);
    for p in pairs {
        if p[1] == 0 && matches!(p[0], b'\n' | b'\r' | b' ' | b'0'..=b'9') {
            le += 1;
        }
        if p[0] == 0 && matches!(p[1], b'\n' | b'\r' | b' ' | b'0'..=b'9') {
            be += 1;
        }
    }
    let n = bytes.len() / 2;
    // At least one line break or digit per 200 characters, and the other order never.
    if le * 200 >= n && be == 0 {
        return Some((utf16(bytes, u16::from_le_bytes), "UTF-16LE", Vec::new()));
    }
    if be * 200 >= n && le == 0 {
        return Some((utf16(bytes, u16::from_be_bytes), "UTF-16BE", Vec::new()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCE: &str = "全年完成地区生产总值21.5亿元，同比增长9.7%。\n";

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode(SENTENCE.as_bytes(), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.format), (SENTENCE, "UTF-8", "text"));
        let mut bom = vec![0xef, 0xbb, 0xbf];
        bom.extend_from_slice(SENTENCE.as_bytes());
        assert_eq!(decode(&bom, None).unwrap().text, SENTENCE);
    }

    #[test]
    fn utf16_both_orders_with_bom_and_without() {
        let units: Vec<u16> = SENTENCE.encode_utf16().collect();
        let le: Vec<u8> = [0xff, 0xfe].into_iter().chain(units.iter().flat_map(|u| u.to_le_bytes())).collect();
        let be: Vec<u8> = [0xfe, 0xff].into_iter().chain(units.iter().flat_map(|u| u.to_be_bytes())).collect();
        assert_eq!(decode(&le, None).unwrap().text, SENTENCE);
        assert_eq!(decode(&le, None).unwrap().encoding, "UTF-16LE");
        assert_eq!(decode(&be, None).unwrap().text, SENTENCE);
        assert_eq!(decode(&be, None).unwrap().encoding, "UTF-16BE");
        assert_eq!(decode(&le[2..], None).unwrap().text, SENTENCE);
        assert_eq!(decode(&be[2..], None).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn gbk_and_gb18030() {
        let (gbk, _, _) = encoding_rs::GBK.encode(SENTENCE);
        let d = decode(&gbk, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (SENTENCE, "GB18030"));
        // A character outside GBK (𠀀) needs GB18030's four-byte form.
        let (gb, _, _) = encoding_rs::GB18030.encode("𠀀地区生产总值");
        assert_eq!(decode(&gb, None).unwrap().text, "𠀀地区生产总值");
    }

    #[test]
    fn a_few_bad_bytes_are_replaced_with_a_note() {
        let mut b = SENTENCE.repeat(40).into_bytes();
        b.insert(30, 0xff);
        let d = decode(&b, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text.matches('\u{fffd}').count(), 1);
        assert_eq!(d.notes, ["文件中有 1 处无效的 UTF-8 字节，已替换为“\u{fffd}”。"]);
    }

    #[test]
    fn nul_bytes_are_dropped_with_a_note() {
        let b = format!("{SENTENCE}\0{SENTENCE}").into_bytes();
        let d = decode(&b, None).unwrap();
        assert_eq!(d.text, SENTENCE.repeat(2));
        assert_eq!(d.notes, ["文件中有 1 个空字符（NUL），已忽略。"]);
    }

    #[test]
    fn binary_and_known_formats_are_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(decode(png, Some("a.txt")).unwrap_err().kind(), ErrorKind::Image);
        assert_eq!(decode(b"%PDF-1.7\n...\n%%EOF\n", None).unwrap_err().kind(), ErrorKind::Pdf);
        assert_eq!(decode(b"%PDF-1.7\n1 0 obj <<", None).unwrap_err().kind(), ErrorKind::BrokenPdf);
        assert_eq!(decode(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], None).unwrap_err().kind(), ErrorKind::LegacyOffice);
        // Pseudo-random bytes.
        let mut x: u32 = 12345;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (x >> 16) as u8
            })
            .collect();
        let err = decode(&noise, None).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Binary);
        assert!(err.message().contains("不是文字"));
        assert_eq!(decode(&vec![0u8; 1000], None).unwrap_err().kind(), ErrorKind::Binary);
    }

    #[test]
    fn size_limit() {
        let big = vec![b'a'; MAX_BYTES + 1];
        let err = decode(&big, None).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TooLarge);
        assert!(err.message().contains("50.0 MB"), "{}", err.message());
    }

    #[test]
    fn text_length_limit() {
        let long = "经".repeat(MAX_CHARS + 1);
        let err = decode(long.as_bytes(), None).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TooLarge);
        assert!(err.message().contains("100 万字"), "{}", err.message());
        assert!(check_length(&"经".repeat(MAX_CHARS)).is_ok());
    }

    #[test]
    fn html_by_name_or_by_look() {
        let page = "<!DOCTYPE html><html><head><title>t</title><script>var x=1;</script></head><body><p>地区生产总值增长5%</p></body></html>";
        let d = decode(page.as_bytes(), None).unwrap();
        assert_eq!(d.format, "html");
        assert_eq!(d.text.trim(), "地区生产总值增长5%");
        assert_eq!(decode(b"<p>a</p>", Some("r.HTM")).unwrap().format, "html");
        assert_eq!(decode("增长5%，<不是标签>".as_bytes(), Some("r.txt")).unwrap().format, "text");
    }
}
