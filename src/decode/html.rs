//! Web pages: the visible text, one block per line. Scripts, styles and hidden parts are not
//! text; navigation, headers, footers and sidebars are the site's, not the report's.

/// Elements whose content is never the report's text.
const SKIP: &[&str] = &["script", "style", "noscript", "template", "head", "svg", "iframe", "object", "select", "button", "nav", "header", "footer", "aside", "form", "canvas"];

/// Elements that start a new line.
const BLOCK: &[&str] = &[
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main", "blockquote", "pre", "hr", "dd", "dt", "dl",
    "figure", "figcaption", "caption", "center", "address", "tbody", "thead",
];

/// Void elements: they have no end tag, so they never open a skipped region.
const VOID: &[&str] = &["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"];

/// Whether a text is an HTML document (rather than a text that mentions a tag).
pub(super) fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start_matches('\u{feff}').trim_start().chars().take(1024).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<?xml") && head.contains("<html") || (head.starts_with('<') && (head.contains("<body") || head.contains("<p") && head.contains("</p>") || head.contains("<div")))
}

/// The visible text of an HTML document or fragment.
///
/// ```
/// let html = r#"<html><head><style>p{}</style></head><body><nav>首页 | 新闻</nav>
/// <p>全年地区生产总值增长&nbsp;5.2%</p><script>track()</script><p hidden>隐藏</p></body></html>"#;
/// assert_eq!(report_lens::decode::visible_text(html), "全年地区生产总值增长\u{a0}5.2%\n");
/// ```
pub fn visible_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    // The element being skipped and how deep inside it we are.
    let mut skip: Option<(String, usize)> = None;
    let mut pre = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip.is_none() {
                push_text(&mut out, rest, pre > 0);
            }
            break;
        };
        if skip.is_none() {
            push_text(&mut out, &rest[..lt], pre > 0);
        }
        rest = &rest[lt..];
        if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.find("-->").map_or("", |i| &r[i + 3..]);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
            continue;
        }
        let tag = match parse_tag(rest) {
            Parsed::Tag(tag) => tag,
            // A `<` that starts no tag is text.
            Parsed::NotATag => {
                if skip.is_none() {
                    out.push('<');
                }
                rest = &rest[1..];
                continue;
            }
            // A tag still open at the end of the file: a browser shows nothing after it (and
            // stopping here keeps the scan linear: no later `<` could find a `>` either).
            Parsed::Unterminated => break,
        };
        rest = &rest[tag.len..];
        let name = tag.name.as_str();
        if let Some((skipped, depth)) = &mut skip {
            if name == skipped.as_str() {
                if tag.closing {
                    *depth -= 1;
                    if *depth == 0 {
                        skip = None;
                    }
                } else if !tag.self_closing {
                    *depth += 1;
                }
            }
            continue;
        }
        // Raw text elements: skip to their end tag without parsing what is inside.
        if !tag.closing && matches!(name, "script" | "style" | "textarea" | "title") {
            rest = find_end_tag(rest, name).map_or("", |i| &rest[i..]);
            continue;
        }
        let hides = !tag.closing && !tag.self_closing && !VOID.contains(&name) && (SKIP.contains(&name) || tag.hidden);
        if hides {
            skip = Some((tag.name.clone(), 1));
            continue;
        }
        if name == "pre" {
            pre = if tag.closing { pre.saturating_sub(1) } else { pre + 1 };
        }
        if BLOCK.contains(&name) {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
        } else if matches!(name, "td" | "th") && tag.closing {
            out.push(' ');
        }
    }
    tidy(&out)
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    /// `hidden`, `aria-hidden="true"` or `display:none`.
    hidden: bool,
    /// Bytes up to and including `>`.
    len: usize,
}

/// Where `</name` starts in `s`, the name in any case: one pass, no copy of the rest.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let b = s.as_bytes();
    let n = name.as_bytes();
    let mut from = 0;
    while let Some(k) = s[from..].find("</") {
        let at = from + k;
        let after = at + 2;
        if b.len() >= after + n.len() && b[after..after + n.len()].eq_ignore_ascii_case(n) {
            return Some(at);
        }
        from = after;
    }
    None
}

enum Parsed {
    Tag(Tag),
    /// `<` followed by no tag name: the `<` is text.
    NotATag,
    /// A tag name with no `>` before the end of the text.
    Unterminated,
}

/// A tag at the start of `s` (which starts with `<`).
fn parse_tag(s: &str) -> Parsed {
    let b = s.as_bytes();
    let mut i = 1;
    let closing = b.get(1) == Some(&b'/');
    if closing {
        i += 1;
    }
    let start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
        i += 1;
    }
    if i == start || !b[start].is_ascii_alphabetic() {
        return Parsed::NotATag;
    }
    let name = s[start..i].to_ascii_lowercase();
    // The end of the tag: the first `>` outside quotes.
    let mut quote = None;
    let mut j = i;
    while j < b.len() {
        match (quote, b[j]) {
            (None, b'"' | b'\'') => quote = Some(b[j]),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => break,
            _ => {}
        }
        j += 1;
    }
    if j >= b.len() {
        return Parsed::Unterminated;
    }
    let attrs = s[i..j].to_ascii_lowercase();
    let self_closing = attrs.trim_end().ends_with('/');
    let hidden = attrs.split_whitespace().any(|a| a == "hidden" || a.starts_with("hidden=")) || attrs.contains("aria-hidden=\"true\"") || attrs.replace(' ', "").contains("display:none");
    Parsed::Tag(Tag { name, closing, self_closing, hidden, len: j + 1 })
}

/// Text between tags: entities decoded, runs of white space one space (except in `<pre>`).
fn push_text(out: &mut String, text: &str, pre: bool) {
    let decoded = decode_entities(text);
    if pre {
        out.push_str(&decoded);
        return;
    }
    let mut last_space = out.is_empty() || out.ends_with([' ', '\n']);
    for c in decoded.chars() {
        if c.is_ascii_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(c);
            last_space = false;
        }
    }
}

fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(|c: char| c == ';' || c == '&' || c == '<' || c.is_whitespace()).map(|k| k + 1);
        match end.filter(|&k| rest.as_bytes().get(k) == Some(&b';') && k <= 12) {
            Some(k) => {
                let name = &rest[1..k];
                match entity(name) {
                    Some(c) => {
                        out.push(c);
                        rest = &rest[k + 1..];
                    }
                    None => {
                        out.push('&');
                        rest = &rest[1..];
                    }
                }
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "nbsp" => '\u{a0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "mdash" => '—',
        "ndash" => '–',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "hellip" => '…',
        "middot" => '·',
        "times" => '×',
        "divide" => '÷',
        "permil" => '‰',
        "deg" => '°',
        "yen" => '¥',
        "copy" => '©',
        "reg" => '®',
        "bull" => '•',
        _ => return None,
    })
}

/// Trim each line and drop empty ones.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let l = line.trim_matches(|c: char| c == ' ' || c == '\t');
        if !l.is_empty() {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_government_page() {
        let page = r#"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>政府工作报告_市政府门户网站</title>
<style>.x{color:red}</style><script>var a = "<p>不是正文</p>";</script></head>
<body><header><a href="/">首页</a><nav><ul><li>政务公开</li><li>政策文件</li></ul></nav></header>
<div class="article"><h1>政府工作报告</h1>
<p>　　各位代表：</p>
<p>　　2025年，全市地区生产总值增长5.5%，达到<b>1234.5</b>亿元；</p>
<table><tr><td>指标</td><td>增速</td></tr><tr><td>规上工业增加值</td><td>6.1%</td></tr></table>
<p style="display: none">隐藏的统计代码</p><div aria-hidden="true">分享到</div>
<!-- comment <p>x</p> -->
</div><footer>主办单位：市人民政府办公室 &copy; 2025</footer></body></html>"#;
        let t = visible_text(page);
        assert_eq!(t, "政府工作报告\n\u{3000}\u{3000}各位代表：\n\u{3000}\u{3000}2025年，全市地区生产总值增长5.5%，达到1234.5亿元；\n指标 增速\n规上工业增加值 6.1%\n");
    }

    #[test]
    fn entities_and_stray_brackets() {
        assert_eq!(visible_text("<p>A&amp;B &lt;5% &#x4e00;&#20108; &unknown; 1 < 2</p>"), "A&B <5% 一二 &unknown; 1 < 2\n");
        assert_eq!(visible_text("<pre>  1\n  2</pre>"), "1\n2\n");
    }

    #[test]
    fn broken_markup_never_panics() {
        for s in ["<", "<p", "<p class=\"x>", "&#xffffffff;", "<script>", "<div><nav>", "</p></p>", "<!--", "<!doctype", "&#0;"] {
            let _ = visible_text(s);
        }
    }

    #[test]
    fn a_tag_left_open_ends_the_text_and_raw_text_ends_in_any_case() {
        // As a browser shows it: nothing after a tag still open at the end of the file.
        assert_eq!(visible_text("<p>地区生产总值增长5%</p><div class=\"x"), "地区生产总值增长5%\n");
        assert_eq!(visible_text("<p>增长5%</p><div <div <div "), "增长5%\n");
        assert_eq!(visible_text("<SCRIPT>var a = 1;</Script><p>正文</p><style>x"), "正文\n");
    }

    #[test]
    fn detection() {
        assert!(looks_like_html("<!DOCTYPE html><p>x</p>"));
        assert!(looks_like_html("\n  <html><body>x</body></html>"));
        assert!(looks_like_html("<div class=\"TRS_Editor\"><p>报告</p></div>"));
        assert!(!looks_like_html("政府工作报告\n<附件>"));
    }
}
