//! Word documents: the paragraphs of `word/document.xml`, in reading order.

use super::zip::{self, ZipError};
use super::{DecodeError, ErrorKind};
use quick_xml::events::Event;
use quick_xml::Reader;

fn broken() -> DecodeError {
    DecodeError::new(ErrorKind::BrokenDocx, "Word 文档已损坏或不完整，无法读取：请在 Word 或 WPS 中打开，另存为 .docx 或 .txt 后重试。")
}

/// The text of a `.docx`: one line per paragraph, tabs and line breaks kept.
pub(super) fn text(bytes: &[u8]) -> Result<String, DecodeError> {
    let xml = match zip::read(bytes, "word/document.xml") {
        Ok(Some(xml)) => xml,
        Ok(None) => {
            return Err(DecodeError::new(ErrorKind::NotDocx, "这是一个 ZIP 压缩包，但不是 Word（.docx）文档：请解压后选择其中的报告文件。"));
        }
        Err(ZipError::Unsupported) => {
            return Err(DecodeError::new(ErrorKind::BrokenDocx, "这份 Word 文档经过加密或使用了不支持的压缩方式：请在 Word 或 WPS 中去掉密码，另存为 .docx 或 .txt 后重试。"));
        }
        Err(ZipError::Broken) => return Err(broken()),
        Err(ZipError::TooLarge) => {
            return Err(DecodeError::new(
                ErrorKind::TooLarge,
                format!("这份 Word 文档解压后超过 {} MB，远大于任何一份政府工作报告（可能是损坏或恶意的文件）：请在 Word 或 WPS 中打开，只保留报告正文，另存为 .docx 或 .txt 后重试。", super::MAX_BYTES / 1024 / 1024),
            ));
        }
    };
    let xml = std::str::from_utf8(&xml).map_err(|_| broken())?;
    match paragraphs(xml) {
        Paragraphs::Text(t) => Ok(t),
        Paragraphs::Broken => Err(broken()),
        // Stopped while reading: the text is already over the limit.
        Paragraphs::TooLong => Err(super::too_long(super::MAX_CHARS + 1)),
    }
}

/// Walk the XML: text of `<w:t>` runs, a tab for `<w:tab/>`, a line break for `<w:br/>` and at
/// the end of each `<w:p>`. Field codes (`<w:instrText>`) and deleted text are not content.
fn paragraphs(xml: &str) -> Paragraphs {
    match read_paragraphs(xml) {
        Some(Ok(t)) => Paragraphs::Text(t),
        Some(Err(())) => Paragraphs::TooLong,
        None => Paragraphs::Broken,
    }
}

enum Paragraphs {
    Text(String),
    Broken,
    /// More text than [`super::MAX_CHARS`] characters could hold: reading stopped there.
    TooLong,
}

fn read_paragraphs(xml: &str) -> Option<Result<String, ()>> {
    // A running cap: every character is at most 4 bytes, so more bytes than this is too long.
    let cap = super::MAX_CHARS * 4;
    let mut reader = Reader::from_str(xml);
    let mut out = String::with_capacity((xml.len() / 4).min(cap));
    let mut in_text = false;
    loop {
        if out.len() > cap {
            return Some(Err(()));
        }
        match reader.read_event().ok()? {
            Event::Start(e) => in_text = e.local_name().as_ref() == b"t",
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" => out.push('\t'),
                b"br" | b"cr" => out.push('\n'),
                b"p" => out.push('\n'),
                _ => {}
            },
            Event::End(e) => {
                if e.local_name().as_ref() == b"p" {
                    out.push('\n');
                }
                in_text = false;
            }
            Event::Text(t) if in_text => out.push_str(&t.unescape().ok()?),
            Event::CData(t) if in_text => out.push_str(std::str::from_utf8(&t).ok()?),
            Event::Eof => break,
            _ => {}
        }
    }
    Some(Ok(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        )
    }

    #[test]
    fn paragraphs_runs_tabs_and_breaks() {
        let xml = document(
            r#"<w:p><w:r><w:t>全年完成地区生产总值</w:t></w:r><w:r><w:t xml:space="preserve">21.5 亿元</w:t></w:r></w:p><w:p><w:r><w:t>一、</w:t><w:tab/><w:t>回顾</w:t><w:br/><w:t>A&amp;B</w:t></w:r></w:p><w:p><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:delText>删</w:delText></w:r></w:p>"#,
        );
        assert_eq!(read_paragraphs(&xml).unwrap().unwrap(), "全年完成地区生产总值21.5 亿元\n一、\t回顾\nA&B\n\n");
    }

    #[test]
    fn a_docx_bomb_is_too_large_not_broken() {
        // 51 MB of one paragraph deflates to a few hundred KB: inflating stops at the limit.
        let para = "<w:p><w:r><w:t>地区生产总值增长5%。</w:t></w:r></w:p>";
        let xml = document(&para.repeat((super::super::MAX_BYTES + (1 << 20)) / para.len()));
        let z = super::zip::tests::build(&[("word/document.xml", xml.as_bytes())]);
        assert!(z.len() < 2 << 20, "{}", z.len());
        let e = text(&z).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::TooLarge);
        assert!(e.message().contains("解压后超过 50 MB"), "{}", e.message());
        // Under the size limit but far over the text limit (4 bytes a character): stopped
        // while reading, as too long.
        let xml = document(&para.repeat(super::super::MAX_CHARS * 4 / 20));
        let z = super::zip::tests::build(&[("word/document.xml", xml.as_bytes())]);
        let e = text(&z).map(|t| t.len()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::TooLarge);
        assert!(e.message().contains("文本太长"), "{}", e.message());
        // Over the text limit but within the running cap: refused by `decode` as too long.
        let xml = document(&para.repeat(super::super::MAX_CHARS / 10));
        let z = super::zip::tests::build(&[("word/document.xml", xml.as_bytes())]);
        let e = crate::decode::decode(&z, Some("x.docx")).map(|d| d.text.len()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::TooLarge);
    }

    #[test]
    fn zip_without_document_and_broken_xml() {
        let z = super::zip::tests::build(&[("readme.txt", b"hi")]);
        assert_eq!(text(&z).unwrap_err().kind(), ErrorKind::NotDocx);
        let z = super::zip::tests::build(&[("word/document.xml", b"<w:document><w:p><w:t>unclosed")]);
        let r = text(&z);
        assert!(r.is_err() || r.unwrap().contains("unclosed"));
        let z = super::zip::tests::build(&[("word/document.xml", document("<w:p><w:r><w:t>增长5%</w:t></w:r></w:p>").as_bytes())]);
        assert_eq!(text(&z).unwrap(), "增长5%\n");
    }
}
