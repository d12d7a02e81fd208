//! `crosscheck serve` in tests: the server started on a test's notebook (127.0.0.1 only, stopped
//! when the test ends and after an idle minute in any case), a small HTTP/1.1 client that can
//! send any header (a foreign `Host`, no cookie), and a WebDriver client speaking chromedriver's
//! JSON over the same client.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::{Nb, BIN};

/// The notebook the serve tests review: the fictional Arabic and English reports, one rated
/// source and two measures of the Arabic report (killed and wounded).
pub fn review_notebook() -> Nb {
    let nb = Nb::new();
    nb.import(
        "serve/wadi-ar.txt",
        &["--outlet", "وكالة الوادي", "--published", "2025-03-07", "--lang", "ar"],
    );
    nb.import(
        "serve/harbour-en.md",
        &["--outlet", "Coastal Courier", "--published", "2025-03-05", "--lang", "en"],
    );
    nb.ok(&["source", "add", "الدفاع المدني", "--kind", "official", "--reliability", "B"]);
    nb.ok(&[
        "measure",
        "add",
        "killed.wadi",
        "--label",
        "civilians killed in Wadi al-Rumman",
        "--unit",
        "people",
    ]);
    nb.ok(&["measure", "add", "injured.wadi", "--label", "wounded in Wadi al-Rumman", "--unit", "people"]);
    nb
}

pub struct Server {
    child: Child,
    pub port: u16,
    pub token: String,
}

pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

impl Server {
    /// Starts `crosscheck serve` on the notebook and reads the address it prints.
    pub fn start(nb: &Nb, extra: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .arg("--db")
            .arg(&nb.db)
            .args(["serve", "--idle-timeout", "300"])
            .args(extra)
            .env_remove("CROSSCHECK_DB")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start crosscheck serve");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx.recv_timeout(Duration::from_secs(30)).unwrap_or_default();
        let url = line.trim();
        let Some(rest) = url.strip_prefix("http://127.0.0.1:") else {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!("serve printed {url:?}; stderr: {}", String::from_utf8_lossy(&out.stderr))
        };
        let (port, token) = rest.split_once("/?token=").expect("an address with a token");
        Server { child, port: port.parse().unwrap(), token: token.to_string() }
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn cookie(&self) -> String {
        format!("crosscheck-{}={}", self.port, self.token)
    }

    /// Sends a request as written (headers included), on a new connection, and reads the whole
    /// answer.
    pub fn raw(&self, request: &str) -> Resp {
        http(self.port, request.as_bytes())
    }

    /// GET with the token's cookie.
    pub fn get(&self, path: &str) -> Resp {
        self.raw(&format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nCookie: {}\r\nConnection: close\r\n\r\n",
            self.port,
            self.cookie()
        ))
    }

    /// POST of a form with the token's cookie (the form carries the CSRF key or not, as given).
    pub fn post(&self, path: &str, form: &[(&str, &str)]) -> Resp {
        let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
        self.raw(&format!(
            "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nCookie: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            self.cookie(),
            body.len()
        ))
    }

    /// The session's CSRF key, as a page's forms carry it.
    pub fn csrf(&self) -> String {
        let page = self.get("/articles");
        let at = page.body.find("name=\"csrf\" value=\"").map(|i| i + 19);
        match at {
            Some(i) => page.body[i..].split('"').next().unwrap().to_string(),
            None => {
                // The articles page has no form when there are none; a claim or source page has.
                let page = self.get("/source?id=1");
                let i = page.body.find("name=\"csrf\" value=\"").expect("a page with a form") + 19;
                page.body[i..].split('"').next().unwrap().to_string()
            }
        }
    }

    pub fn stop(mut self) -> String {
        // SIGTERM, as Ctrl-C would: the server stops cleanly and says so.
        unsafe_kill(self.child.id());
        let mut err = String::new();
        if let Some(mut e) = self.child.stderr.take() {
            let _ = e.read_to_string(&mut err);
        }
        let status = self.child.wait().unwrap();
        assert!(status.success(), "serve ended with {status:?}: {err}");
        err
    }
}

fn unsafe_kill(pid: u32) {
    let _ = Command::new("kill").arg("-TERM").arg(pid.to_string()).status();
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 exchange with 127.0.0.1:`port`: the answer is read up to its length (a server
/// may keep the connection open), or to the end.
pub fn http(port: u16, request: &[u8]) -> Resp {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect to 127.0.0.1");
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    s.write_all(request).unwrap();
    let mut raw = Vec::new();
    let mut buf = [0u8; 16384];
    loop {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
        }
        if complete(&raw) {
            break;
        }
    }
    parse(&raw)
}

/// Has the whole answer arrived (its headers and the length they give, or the last chunk)?
fn complete(raw: &[u8]) -> bool {
    let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") else { return false };
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let body = raw.len() - split - 4;
    if let Some(len) = head.lines().find_map(|l| l.strip_prefix("content-length:")) {
        return len.trim().parse::<usize>().is_ok_and(|n| body >= n);
    }
    if head.contains("transfer-encoding: chunked") {
        return raw.ends_with(b"0\r\n\r\n");
    }
    false
}

fn parse(raw: &[u8]) -> Resp {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(raw.len());
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut body = raw.get(split + 4..).unwrap_or(&[]).to_vec();
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|c| c.parse().ok()).unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':').map(|(k, v)| (k.trim().to_string(), v.trim().to_string())))
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked"));
    if chunked {
        body = unchunk(&body);
    }
    Resp { status, headers, body: String::from_utf8_lossy(&body).into_owned() }
}

fn unchunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&b[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 || b.len() < eol + 2 + size {
            break;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[(eol + 4 + size).min(b.len())..];
    }
    out
}

/// A WebDriver session on chromedriver (W3C JSON over HTTP).
pub struct Driver {
    child: Child,
    port: u16,
    session: String,
}

pub const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Driver {
    /// Starts chromedriver on 127.0.0.1 and a headless Chromium with a fresh profile.
    pub fn start(
        chromedriver: &std::path::Path,
        chromium: &std::path::Path,
        profile: &std::path::Path,
    ) -> Driver {
        let port = free_port();
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let mut d = Driver { child, port, session: String::new() };
        for _ in 0..100 {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let caps = serde_json::json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium.to_string_lossy(),
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                         "--window-size=1400,1000", format!("--user-data-dir={}", profile.display())]
            }
        }}});
        let v = d.call("POST", "/session", Some(caps));
        d.session = v["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {v}")).to_string();
        d
    }

    fn call(&self, method: &str, path: &str, body: Option<serde_json::Value>) -> serde_json::Value {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let req = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        );
        let r = http(self.port, req.as_bytes());
        let v: serde_json::Value = serde_json::from_str(&r.body)
            .unwrap_or_else(|e| panic!("chromedriver answered {} ({e}): {}", r.status, r.body));
        if r.status != 200 {
            panic!("WebDriver {method} {path} failed ({}): {}", r.status, v["value"]);
        }
        v["value"].clone()
    }

    fn at(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    pub fn go(&self, url: &str) {
        self.call("POST", &self.at("/url"), Some(serde_json::json!({ "url": url })));
    }

    /// Runs a script in the page and returns its value.
    pub fn script(&self, js: &str) -> serde_json::Value {
        self.call("POST", &self.at("/execute/sync"), Some(serde_json::json!({ "script": js, "args": [] })))
    }

    /// Presses keys as a user would, on whatever has the focus.
    pub fn keys(&self, keys: &str) {
        let mut actions = Vec::new();
        for k in keys.chars() {
            actions.push(serde_json::json!({"type": "keyDown", "value": k.to_string()}));
            actions.push(serde_json::json!({"type": "keyUp", "value": k.to_string()}));
        }
        self.call(
            "POST",
            &self.at("/actions"),
            Some(serde_json::json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        );
    }

    /// Presses keys that change the page, then waits until the next page has loaded.
    pub fn keys_and_wait(&self, keys: &str) {
        self.script("window.__before = true; return 1;");
        self.keys(keys);
        for _ in 0..300 {
            let v = self.script("return (window.__before === true) ? 'old' : document.readyState;");
            if v == "complete" {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the page did not load after pressing {keys:?}");
    }

    /// The window's picture, from the top of the page (title, text and first suggestions).
    pub fn screenshot(&self) -> Vec<u8> {
        self.script("window.scrollTo(0, 0); return 0;");
        let v = self.call("GET", &self.at("/screenshot"), None);
        base64_decode(v.as_str().unwrap_or(""))
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let req = format!(
                "DELETE /session/{} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
                self.session, self.port
            );
            let _ = std::panic::catch_unwind(|| http(self.port, req.as_bytes()));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes().filter_map(val) {
        acc = (acc << 6) | c;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// A program on the PATH, or where `var` names it.
pub fn program(var: &str, names: &[&str]) -> Option<std::path::PathBuf> {
    if let Some(p) = std::env::var_os(var).filter(|p| !p.is_empty()) {
        return Some(p.into());
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    names.iter().flat_map(|n| std::env::split_paths(&path).map(move |d| d.join(n))).find(|c| c.is_file())
}
