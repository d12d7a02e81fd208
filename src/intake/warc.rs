//! Web archives (WARC 1.0 and 1.1, as Webrecorder, ArchiveWeb.page, Heritrix and wget write
//! them), plain or gzip-compressed record by record. A scan lists the archive's records and
//! where each begins; every HTML response becomes one article, read again from its place when
//! its turn comes, so an archive of any size is never held in memory. A record's declared
//! length is checked against the article size limit before anything of it is read.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// The longest header block of a WARC record or of the HTTP response inside it.
const MAX_HEADER: usize = 64 * 1024;

/// Where a record is and what it says about its capture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capture {
    pub archive: PathBuf,
    /// The record's place among the archive's records, from 1.
    pub number: usize,
    /// Where to start reading: a byte offset in the file (the start of a gzip member for a
    /// compressed archive), and how many uncompressed bytes to pass over from there.
    pub offset: u64,
    pub skip: u64,
    pub gz: bool,
    pub target: String,
    /// `WARC-Date`, as written (RFC 3339).
    pub date: Option<String>,
    /// `WARC-Payload-Digest` (or `WARC-Block-Digest`), as written (`sha1:...`).
    pub digest: Option<String>,
    /// The HTTP `Content-Type` header's charset, when it names one.
    pub charset: Option<String>,
}

/// One record of the scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Html(Capture),
    /// A capture that is not an article (an image, a script), with what it is.
    Passed(String, String),
    /// A capture that cannot be imported, and why.
    Refused(String, String),
}

/// Counts what a buffered reader consumes: the offset of a gzip member's end.
struct Counting<R> {
    inner: R,
    consumed: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.consumed += amt as u64;
        self.inner.consume(amt)
    }
}

/// The uncompressed bytes of an archive, one gzip member after another, knowing at each point
/// which member it is in and how far into it.
struct Stream {
    gz: bool,
    file: Option<Counting<BufReader<File>>>,
    member: Option<flate2::bufread::GzDecoder<Counting<BufReader<File>>>>,
    /// Offset in the file of the current member, and uncompressed bytes read from it.
    member_start: u64,
    in_member: u64,
    /// Uncompressed bytes read in all (for a plain file, the file offset).
    position: u64,
}

impl Stream {
    fn open(path: &Path, gz: bool) -> std::io::Result<Stream> {
        let file = Counting { inner: BufReader::with_capacity(64 * 1024, File::open(path)?), consumed: 0 };
        Ok(Stream { gz, file: Some(file), member: None, member_start: 0, in_member: 0, position: 0 })
    }

    /// Passes over `n` uncompressed bytes, seeking where the file is plain.
    fn skip(&mut self, n: u64) -> std::io::Result<u64> {
        if !self.gz {
            if let Some(f) = self.file.as_mut() {
                let len = f.inner.get_ref().metadata()?.len();
                let target = (self.position + n).min(len);
                f.inner.seek(SeekFrom::Start(target))?;
                let moved = target - self.position;
                self.position = target;
                return Ok(moved);
            }
        }
        std::io::copy(&mut self.by_ref().take(n), &mut std::io::sink())
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if !self.gz {
            let n = match self.file.as_mut() {
                Some(f) => f.read(buf)?,
                None => 0,
            };
            self.position += n as u64;
            return Ok(n);
        }
        loop {
            if let Some(m) = self.member.as_mut() {
                let n = m.read(buf)?;
                if n > 0 {
                    self.in_member += n as u64;
                    self.position += n as u64;
                    return Ok(n);
                }
                // The member ended: the next one starts where the decoder stopped reading.
                let file = self.member.take().map(|m| m.into_inner());
                self.file = file;
            }
            let Some(mut file) = self.file.take() else { return Ok(0) };
            if file.fill_buf()?.is_empty() {
                self.file = Some(file);
                return Ok(0);
            }
            self.member_start = file.consumed;
            self.in_member = 0;
            self.member = Some(flate2::bufread::GzDecoder::new(file));
        }
    }
}

/// Reads a line ending in `\n` (at most `MAX_HEADER` bytes); None at the end of the stream.
fn line(r: &mut impl Read, budget: &mut usize) -> std::io::Result<Option<Vec<u8>>> {
    let mut out = Vec::new();
    let mut byte = [0u8; 1];
    loop {
        if r.read(&mut byte)? == 0 {
            return Ok(if out.is_empty() { None } else { Some(out) });
        }
        if *budget == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, "a header longer than 64 KB"));
        }
        *budget -= 1;
        if byte[0] == b'\n' {
            if out.last() == Some(&b'\r') {
                out.pop();
            }
            return Ok(Some(out));
        }
        out.push(byte[0]);
    }
}

/// A header block: `Name: value` lines up to an empty line. Names lower-cased.
fn headers(r: &mut impl Read) -> std::io::Result<Vec<(String, String)>> {
    let mut budget = MAX_HEADER;
    let mut out = Vec::new();
    while let Some(l) = line(r, &mut budget)? {
        if l.is_empty() {
            break;
        }
        let l = String::from_utf8_lossy(&l);
        if let Some((k, v)) = l.split_once(':') {
            out.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    Ok(out)
}

fn get<'a>(h: &'a [(String, String)], name: &str) -> Option<&'a str> {
    h.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

fn io_error(e: std::io::Error) -> String {
    format!("cannot be read as a web archive: {}", crate::files::io_reason(&e))
}

/// The article a record's row is named by: `capture.warc (https://example.org/story)`.
pub fn label(archive: &Path, target: &str) -> String {
    format!("{} ({})", archive.display(), target)
}

/// Finds where the next record starts, past blank lines, and checks its version line; None at
/// the end of the archive. Records are separated by blank lines; a version line starts each.
/// Returns where the record can be found again: in a compressed archive, the member it starts
/// in and how far into it (0 when each record is its own member, as writers make them).
fn record_start(s: &mut Stream, number: usize) -> Result<Option<(u64, u64)>, String> {
    let mut budget = MAX_HEADER;
    let (first, back) = loop {
        let before = s.position;
        match line(s, &mut budget).map_err(io_error)? {
            None => return Ok(None),
            Some(l) if l.is_empty() => continue,
            Some(l) => break (l, s.position - before),
        }
    };
    let (offset, skip) = match s.gz {
        false => (s.position - back, 0),
        true if s.in_member >= back => (s.member_start, s.in_member - back),
        true => {
            return Err(format!(
                "is a compressed web archive whose record {} begins across two gzip members; \
                 recompress it record by record (as WARC writers do) and import it again",
                number + 1
            ))
        }
    };
    if !first.starts_with(b"WARC/") {
        if number == 0 {
            return Err(
                "is not a web archive (WARC): it does not start with a WARC/1.0 or WARC/1.1 record".into()
            );
        }
        return Err(format!(
            "is a web archive whose record {} is damaged (no WARC/ line where it should start)",
            number + 1
        ));
    }
    Ok(Some((offset, skip)))
}

/// Lists an archive's records: HTML responses to import, the rest passed over or refused.
pub fn scan(path: &Path, gz: bool, max_size: u64) -> Result<Vec<Entry>, String> {
    let mut s = Stream::open(path, gz).map_err(io_error)?;
    let mut out = Vec::new();
    let mut number = 0usize;
    loop {
        let Some((offset, skip)) = record_start(&mut s, number)? else { return Ok(out) };
        number += 1;
        let h = headers(&mut s).map_err(io_error)?;
        let length: u64 = match get(&h, "content-length").and_then(|v| v.parse().ok()) {
            Some(n) => n,
            None => {
                return Err(format!(
                    "is a web archive whose record {number} has no Content-Length; it cannot be read past it"
                ))
            }
        };
        let kind = get(&h, "warc-type").unwrap_or("").to_ascii_lowercase();
        let target = get(&h, "warc-target-uri").unwrap_or("").trim_matches(['<', '>']).to_string();
        let name = if target.is_empty() {
            format!("{} (record {number})", path.display())
        } else {
            label(path, &target)
        };
        let mut consumed = 0u64;
        if kind == "response" && get(&h, "content-type").is_some_and(|t| t.contains("application/http")) {
            if length > max_size {
                out.push(Entry::Refused(
                    name,
                    format!(
                        "is a captured page of {} (as its record says), larger than the limit of {} per article; \
                         raise it with --max-size if it really is one article",
                        crate::intake::human_size(length),
                        crate::intake::human_size(max_size)
                    ),
                ));
            } else {
                let mut block = (&mut s).take(length);
                let http = http_head(&mut block).map_err(io_error)?;
                consumed = length - block.limit();
                match http {
                    Some((status, ct)) if is_html(&ct) && (200..300).contains(&status) => {
                        out.push(Entry::Html(Capture {
                            archive: path.to_path_buf(),
                            number,
                            offset,
                            skip,
                            gz,
                            target,
                            date: get(&h, "warc-date").map(str::to_string),
                            digest: get(&h, "warc-payload-digest")
                                .or_else(|| get(&h, "warc-block-digest"))
                                .map(str::to_string),
                            charset: crate::intake::encoding::charset_of_content_type(&ct),
                        }))
                    }
                    Some((status, _)) if !(200..300).contains(&status) => out.push(Entry::Passed(
                        name,
                        format!("is a capture of an HTTP {status} answer, not a page; passed over"),
                    )),
                    Some((_, ct)) => out.push(Entry::Passed(
                        name,
                        format!(
                            "is a capture of {}, not a web page; passed over",
                            if ct.is_empty() {
                                "something with no type"
                            } else {
                                ct.split(';').next().unwrap_or("")
                            }
                        ),
                    )),
                    None => out
                        .push(Entry::Refused(name, "is a capture whose HTTP response cannot be read".into())),
                }
            }
        } else if kind == "revisit" {
            out.push(Entry::Passed(
                name,
                "is a revisit record (the same page as an earlier capture); passed over".into(),
            ));
        }
        let rest = length - consumed;
        let moved = s.skip(rest).map_err(io_error)?;
        if moved < rest {
            out.push(Entry::Refused(
                format!("{} (record {number})", path.display()),
                format!("is a web archive record that claims {} but the archive ends before that; the archive is cut short", crate::intake::human_size(length)),
            ));
            return Ok(out);
        }
    }
}

/// The HTTP status and Content-Type of a captured response.
fn http_head(r: &mut impl Read) -> std::io::Result<Option<(u16, String)>> {
    let mut budget = MAX_HEADER;
    let Some(status) = line(r, &mut budget)? else { return Ok(None) };
    let status = String::from_utf8_lossy(&status);
    let Some(code) =
        status.split_whitespace().nth(1).and_then(|c| c.parse().ok()).filter(|_| status.starts_with("HTTP/"))
    else {
        return Ok(None);
    };
    let h = headers(r)?;
    Ok(Some((code, get(&h, "content-type").unwrap_or("").to_string())))
}

fn is_html(content_type: &str) -> bool {
    let t = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    t == "text/html" || t == "application/xhtml+xml"
}

/// The page of one capture: the HTTP body, its chunks joined and its compression undone, at
/// most `max_size` bytes.
pub fn read_capture(c: &Capture, max_size: u64) -> Result<Vec<u8>, String> {
    let mut s = Stream::open(&c.archive, c.gz).map_err(io_error)?;
    if let Some(f) = s.file.as_mut() {
        f.inner.seek(SeekFrom::Start(c.offset)).map_err(io_error)?;
        f.consumed = c.offset;
        s.position = c.offset;
    }
    if c.skip > 0 {
        s.skip(c.skip).map_err(io_error)?;
    }
    let mut budget = MAX_HEADER;
    while let Some(l) = line(&mut s, &mut budget).map_err(io_error)? {
        if !l.is_empty() {
            break;
        }
    }
    let h = headers(&mut s).map_err(io_error)?;
    let length: u64 = get(&h, "content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut block = s.take(length.min(max_size + MAX_HEADER as u64));
    let mut budget = MAX_HEADER;
    line(&mut block, &mut budget).map_err(io_error)?;
    let http = headers(&mut block).map_err(io_error)?;
    let chunked = get(&http, "transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
    let coding = get(&http, "content-encoding").unwrap_or("identity").trim().to_ascii_lowercase();
    let body: Box<dyn Read> =
        if chunked { Box::new(Chunked { inner: block, left: 0, done: false }) } else { Box::new(block) };
    let mut decoded: Box<dyn Read> = match coding.as_str() {
        "gzip" | "x-gzip" => Box::new(flate2::read::MultiGzDecoder::new(body)),
        "deflate" => Box::new(flate2::read::ZlibDecoder::new(body)),
        "identity" | "" => body,
        other => return Err(format!("is a capture compressed with {other}, which crosscheck cannot undo")),
    };
    crate::intake::read_capped(&mut decoded, max_size)
}

/// HTTP chunked transfer coding undone.
struct Chunked<R> {
    inner: R,
    left: u64,
    done: bool,
}

impl<R: Read> Read for Chunked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.done || buf.is_empty() {
            return Ok(0);
        }
        if self.left == 0 {
            let mut budget = 1024;
            let mut size_line = line(&mut self.inner, &mut budget)?.unwrap_or_default();
            if size_line.is_empty() {
                // The CRLF that ends the previous chunk.
                size_line = line(&mut self.inner, &mut budget)?.unwrap_or_default();
            }
            let hex = String::from_utf8_lossy(&size_line);
            let hex = hex.split(';').next().unwrap_or("").trim();
            self.left = u64::from_str_radix(hex, 16).map_err(|_| {
                std::io::Error::new(std::io::ErrorKind::InvalidData, "a damaged chunked body")
            })?;
            if self.left == 0 {
                self.done = true;
                return Ok(0);
            }
        }
        let want = buf.len().min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        if n == 0 {
            self.done = true;
        }
        self.left -= n as u64;
        Ok(n)
    }
}
