//! Just enough of the zip format to read one file out of a `.docx`: the central directory,
//! stored and deflated entries, with every offset checked and a cap on the inflated size (a
//! hostile file cannot make us allocate gigabytes).

/// Largest inflated entry read: the file size limit (a report's `document.xml` is a few MB at
/// most). Inflating stops there; nothing larger is ever allocated.
const MAX_ENTRY: usize = super::MAX_BYTES;

/// Why an archive could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ZipError {
    /// Not a zip archive, or a damaged one.
    Broken,
    /// The entry is encrypted or uses a compression method other than stored/deflate.
    Unsupported,
    /// The entry inflates to more than the file size limit (a zip bomb, or no report).
    TooLarge,
}

fn u16_at(b: &[u8], i: usize) -> Result<usize, ZipError> {
    b.get(i..i + 2).map(|s| u16::from_le_bytes([s[0], s[1]]) as usize).ok_or(ZipError::Broken)
}

fn u32_at(b: &[u8], i: usize) -> Result<usize, ZipError> {
    b.get(i..i + 4).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize).ok_or(ZipError::Broken)
}

/// The bytes of the entry called `name`, or `None` when the archive has no such entry.
pub(super) fn read(archive: &[u8], name: &str) -> Result<Option<Vec<u8>>, ZipError> {
    // The end-of-central-directory record: in the last 22 + 65535 bytes.
    let from = archive.len().saturating_sub(22 + 65_535);
    let eocd = (from..archive.len().saturating_sub(21)).rev().find(|&i| archive[i..].starts_with(b"PK\x05\x06")).ok_or(ZipError::Broken)?;
    let entries = u16_at(archive, eocd + 10)?;
    let mut p = u32_at(archive, eocd + 16)?;
    for _ in 0..entries {
        if !archive.get(p..).is_some_and(|s| s.starts_with(b"PK\x01\x02")) {
            return Err(ZipError::Broken);
        }
        let flags = u16_at(archive, p + 8)?;
        let method = u16_at(archive, p + 10)?;
        let size = u32_at(archive, p + 20)?;
        let (n, x, c) = (u16_at(archive, p + 28)?, u16_at(archive, p + 30)?, u16_at(archive, p + 32)?);
        let local = u32_at(archive, p + 42)?;
        let entry_name = archive.get(p + 46..p + 46 + n).ok_or(ZipError::Broken)?;
        if entry_name == name.as_bytes() {
            if flags & 1 != 0 {
                return Err(ZipError::Unsupported);
            }
            return entry(archive, local, method, size).map(Some);
        }
        p += 46 + n + x + c;
    }
    Ok(None)
}

fn entry(archive: &[u8], local: usize, method: usize, size: usize) -> Result<Vec<u8>, ZipError> {
    if !archive.get(local..).is_some_and(|s| s.starts_with(b"PK\x03\x04")) {
        return Err(ZipError::Broken);
    }
    let (n, x) = (u16_at(archive, local + 26)?, u16_at(archive, local + 28)?);
    let start = local + 30 + n + x;
    let data = archive.get(start..start.saturating_add(size)).ok_or(ZipError::Broken)?;
    match method {
        0 if data.len() <= MAX_ENTRY => Ok(data.to_vec()),
        0 if data.len() > MAX_ENTRY => Err(ZipError::TooLarge),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_ENTRY).map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ZipError::TooLarge,
            _ => ZipError::Broken,
        }),
        _ => Err(ZipError::Unsupported),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A zip archive with the given (name, content) entries, deflated (for tests).
    pub(crate) fn build(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, content) in files {
            let data = miniz_oxide::deflate::compress_to_vec(content, 6);
            let offset = out.len() as u32;
            let mut local = b"PK\x03\x04".to_vec();
            local.extend_from_slice(&[20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
            local.extend_from_slice(&0u32.to_le_bytes()); // crc (not checked here)
            local.extend_from_slice(&(data.len() as u32).to_le_bytes());
            local.extend_from_slice(&(content.len() as u32).to_le_bytes());
            local.extend_from_slice(&(name.len() as u16).to_le_bytes());
            local.extend_from_slice(&0u16.to_le_bytes());
            local.extend_from_slice(name.as_bytes());
            out.extend_from_slice(&local);
            out.extend_from_slice(&data);
            let mut c = b"PK\x01\x02".to_vec();
            c.extend_from_slice(&[20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
            c.extend_from_slice(&0u32.to_le_bytes());
            c.extend_from_slice(&(data.len() as u32).to_le_bytes());
            c.extend_from_slice(&(content.len() as u32).to_le_bytes());
            c.extend_from_slice(&(name.len() as u16).to_le_bytes());
            c.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            c.extend_from_slice(&offset.to_le_bytes());
            c.extend_from_slice(name.as_bytes());
            central.extend_from_slice(&c);
        }
        let cd_offset = out.len() as u32;
        out.extend_from_slice(&central);
        out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
        out.extend_from_slice(&(files.len() as u16).to_le_bytes());
        out.extend_from_slice(&(files.len() as u16).to_le_bytes());
        out.extend_from_slice(&(central.len() as u32).to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    #[test]
    fn reads_a_deflated_entry() {
        let z = build(&[("a.txt", b"hello"), ("word/document.xml", "地区生产总值".as_bytes())]);
        assert_eq!(read(&z, "word/document.xml").unwrap().unwrap(), "地区生产总值".as_bytes());
        assert_eq!(read(&z, "missing").unwrap(), None);
    }

    #[test]
    fn damaged_archives_are_errors_not_panics() {
        let z = build(&[("word/document.xml", b"<w:document/>")]);
        for cut in 0..z.len() {
            let _ = read(&z[..cut], "word/document.xml");
        }
        let mut bad = z.clone();
        let n = bad.len();
        bad[n - 6] = 0xff; // central directory offset far out of range
        assert_eq!(read(&bad, "word/document.xml"), Err(ZipError::Broken));
    }
}
