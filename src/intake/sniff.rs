//! What a file is, from its name and its first bytes: an article crosscheck reads (text,
//! Markdown, HTML, PDF, a web archive), or something else, named so that the user learns what
//! they gave (`manifest.csv looks like a CSV table`). Magic numbers decide over names: a PNG
//! renamed `story.txt` is still an image.

use crate::extract::FileKind;

/// The kinds of file `import articles` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Article {
    Text(FileKind),
    Pdf,
    /// A web archive, gzip-compressed or not.
    Warc {
        gz: bool,
    },
}

/// How many bytes of a file [`look`] needs.
pub const HEAD: usize = 1024;

/// The lower-cased extension of a name, with `.warc.gz` as one.
pub fn extension(name: &str) -> String {
    let lower = name.to_lowercase();
    if lower.ends_with(".warc.gz") {
        return "warc.gz".into();
    }
    lower.rsplit_once('.').map(|(_, e)| e.to_string()).unwrap_or_default()
}

/// The article kind a name promises, for a folder walk (which reads only these).
pub fn article_by_name(name: &str) -> Option<Article> {
    match extension(name).as_str() {
        "pdf" => Some(Article::Pdf),
        "warc" => Some(Article::Warc { gz: false }),
        "warc.gz" => Some(Article::Warc { gz: true }),
        _ => FileKind::from_name(name).map(Article::Text),
    }
}

/// What a file that is not an article looks like, as the end of a sentence that starts with
/// its name; with what to do instead.
fn not_an_article(name: &str, head: &[u8]) -> Option<&'static str> {
    let at = |i: usize, magic: &[u8]| head.len() >= i + magic.len() && &head[i..i + magic.len()] == magic;
    let ext = extension(name);
    Some(if at(0, b"SQLite format 3\0") {
        "looks like a SQLite database: a colleague's notebook is brought in with `merge`"
    } else if at(0, b"\x89PNG")
        || at(0, b"\xFF\xD8\xFF")
        || at(0, b"GIF8")
        || (at(0, b"RIFF") && at(8, b"WEBP"))
        || at(0, b"II*\0")
        || at(0, b"MM\0*")
        || (at(4, b"ftyp") && (at(8, b"heic") || at(8, b"avif") || at(8, b"mif1")))
        || matches!(
            ext.as_str(),
            "svg" | "bmp" | "ico" | "jpg" | "jpeg" | "png" | "gif" | "webp" | "tif" | "tiff" | "heic"
        )
    {
        "looks like an image; crosscheck reads no text from images (no OCR): import the article's text"
    } else if at(0, b"\x7FELF")
        || at(0, b"MZ")
        || at(0, b"\xFE\xED\xFA\xCE")
        || at(0, b"\xFE\xED\xFA\xCF")
        || at(0, b"\xCF\xFA\xED\xFE")
        || at(0, b"\xCE\xFA\xED\xFE")
        || at(0, b"\xCA\xFE\xBA\xBE")
        || at(0, b"\0asm")
        || matches!(ext.as_str(), "exe" | "dll" | "so" | "dylib")
    {
        "looks like a program (an executable), not an article"
    } else if at(0, b"#!") {
        "looks like a script (it starts with #!), not an article"
    } else if at(0, b"\x1F\x8B") {
        "looks like a gzip-compressed file; only web archives (.warc.gz) are read compressed: \
         uncompress it and import what it holds"
    } else if at(0, b"PK\x03\x04") || at(0, b"PK\x05\x06") {
        match ext.as_str() {
            "docx" | "odt" | "pages" => "looks like a word-processor document (a ZIP archive inside); save it as PDF, HTML or text and import that",
            "xlsx" | "ods" | "numbers" => "looks like a spreadsheet; its rows are imported with `import claims|sources|figures` as CSV",
            "epub" => "looks like an e-book (a ZIP archive); save the chapter as HTML or text and import that",
            _ => "looks like a ZIP archive; unpack it and import the articles it holds",
        }
    } else if at(0, b"\xD0\xCF\x11\xE0") {
        "looks like an old Microsoft Office document; save it as PDF, HTML or text and import that"
    } else if at(0, b"BZh")
        || at(0, b"\xFD7zXZ\0")
        || at(0, b"\x28\xB5\x2F\xFD")
        || at(0, b"7z\xBC\xAF\x27\x1C")
        || at(0, b"Rar!")
        || at(257, b"ustar")
        || matches!(ext.as_str(), "zip" | "gz" | "tgz" | "bz2" | "xz" | "zst" | "7z" | "rar" | "tar")
    {
        "looks like a compressed archive; unpack it and import the articles it holds"
    } else if at(0, b"ID3")
        || at(0, b"OggS")
        || at(0, b"fLaC")
        || at(4, b"ftyp")
        || (at(0, b"RIFF") && (at(8, b"WAVE") || at(8, b"AVI ")))
        || at(0, b"\x1A\x45\xDF\xA3")
        || (head.len() > 1 && head[0] == 0xFF && head[1] & 0xE0 == 0xE0 && ext == "mp3")
    {
        "looks like an audio or video file, not an article"
    } else if matches!(ext.as_str(), "csv" | "tsv") {
        "looks like a CSV table: import claims (or sources, figures), or --manifest to name the articles; \
         --as text imports it as an article"
    } else if matches!(ext.as_str(), "xls" | "xlsx" | "ods") {
        "looks like a spreadsheet; its rows are imported with `import claims|sources|figures` as CSV"
    } else if matches!(ext.as_str(), "db" | "sqlite" | "sqlite3") {
        "looks like a database file, not an article"
    } else {
        return None;
    })
}

/// The article kind of a file from its name and first bytes, or a sentence saying what it looks
/// like instead. `name` is None for stdin.
pub fn look(name: Option<&str>, head: &[u8]) -> Result<Article, String> {
    let at0 = |magic: &[u8]| head.starts_with(magic);
    // PDF readers find the header anywhere in the first kilobyte.
    if head.windows(5).any(|w| w == b"%PDF-")
        && (at0(b"%PDF-") || name.map(extension).as_deref() == Some("pdf"))
    {
        return Ok(Article::Pdf);
    }
    if at0(b"WARC/") {
        return Ok(Article::Warc { gz: false });
    }
    let name = name.unwrap_or("");
    if at0(b"\x1F\x8B") && extension(name) == "warc.gz" {
        return Ok(Article::Warc { gz: true });
    }
    if let Some(why) = not_an_article(name, head) {
        return Err(why.to_string());
    }
    if extension(name) == "pdf" {
        return Err("is named .pdf but is not a PDF (it has no %PDF- header)".into());
    }
    Ok(Article::Text(FileKind::from_name(name).unwrap_or(FileKind::Text)))
}

/// A folder holds other files beside articles: what this one is, for its passed-over row.
pub fn passed_over(name: &str, head: &[u8]) -> String {
    match not_an_article(name, head) {
        Some(why) => {
            format!("{}; passed over", why.split(';').next().unwrap_or(why).split(':').next().unwrap_or(why))
        }
        None => {
            let ext = extension(name);
            if ext.is_empty() {
                "has no extension crosscheck reads (.txt .md .html .pdf .warc); passed over".into()
            } else {
                format!("is a .{ext} file, which is not an article crosscheck reads (.txt .md .html .pdf .warc); passed over")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_decides_over_names() {
        assert_eq!(
            look(Some("story.txt"), b"\x89PNG\r\n\x1a\n....").unwrap_err().split(';').next(),
            Some("looks like an image")
        );
        assert!(look(Some("notes.txt"), b"SQLite format 3\0....").unwrap_err().contains("SQLite"));
        assert!(look(Some("x"), b"\x7FELF\x02\x01").unwrap_err().contains("program"));
        assert!(look(Some("report.bin"), b"%PDF-1.7\n").is_ok());
        assert_eq!(look(Some("capture.warc.gz"), b"\x1F\x8B\x08\0"), Ok(Article::Warc { gz: true }));
        assert!(look(Some("pages.tar.gz"), b"\x1F\x8B\x08\0").unwrap_err().contains("gzip"));
        assert_eq!(look(None, b"WARC/1.1\r\n"), Ok(Article::Warc { gz: false }));
    }

    #[test]
    fn csv_names_what_to_do() {
        let e = look(Some("manifest.csv"), b"path,title\na.txt,A\n").unwrap_err();
        assert!(e.starts_with("looks like a CSV table: import claims") && e.contains("--manifest"), "{e}");
        assert_eq!(passed_over("manifest.csv", b"path"), "looks like a CSV table; passed over");
        assert!(passed_over("data.json", b"{}").contains(".json file"));
    }

    #[test]
    fn articles_by_name_and_content() {
        assert_eq!(look(Some("a.html"), b"<html>"), Ok(Article::Text(FileKind::Html)));
        assert_eq!(look(Some("README"), b"Forty fighters"), Ok(Article::Text(FileKind::Text)));
        assert!(look(Some("fake.pdf"), b"hello").unwrap_err().contains("not a PDF"));
        assert_eq!(article_by_name("A.WARC.GZ"), Some(Article::Warc { gz: true }));
        assert_eq!(article_by_name("photo.png"), None);
    }
}
