//! `serve`: the notebook's review pages on this machine. A small HTTP server (one request at a
//! time, each on a fresh connection to the notebook, so a page shows the notebook as it is when
//! loaded and the command line can read and write meanwhile) in front of the same library use
//! cases as the command line. `guard` decides who may talk to it, `pages` what each address
//! shows and does, `views` the templates (which escape every value by default).

mod guard;
mod pages;
mod views;

use std::io::Read;
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{anyhow, Result};

pub use guard::Keys;

/// How the server runs, from `crosscheck serve`'s flags.
#[derive(Debug, Clone)]
pub struct Config {
    pub notebook: PathBuf,
    pub bind: IpAddr,
    /// 0: a free port.
    pub port: u16,
    pub read_only: bool,
    pub idle: Option<Duration>,
}

/// A form or query, as sent.
pub(crate) type Params = Vec<(String, String)>;

/// One request, as the pages see it.
pub(crate) struct Request {
    pub post: bool,
    pub path: String,
    pub query: Params,
    pub form: Params,
    pub accept_language: Option<String>,
    pub lang_cookie: Option<String>,
}

/// What a page answers.
pub(crate) struct Reply {
    pub status: u16,
    pub kind: &'static str,
    pub body: Vec<u8>,
    pub location: Option<String>,
    pub cookies: Vec<String>,
}

impl Reply {
    pub fn html(status: u16, body: String) -> Reply {
        Reply {
            status,
            kind: "text/html; charset=utf-8",
            body: body.into_bytes(),
            location: None,
            cookies: Vec::new(),
        }
    }

    pub fn text(status: u16, body: &str) -> Reply {
        Reply {
            status,
            kind: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
            location: None,
            cookies: Vec::new(),
        }
    }

    /// 303: after a change, the browser loads the page again with GET.
    pub fn see_other(to: String) -> Reply {
        Reply {
            status: 303,
            kind: "text/plain; charset=utf-8",
            body: Vec::new(),
            location: Some(to),
            cookies: Vec::new(),
        }
    }
}

/// Set by Ctrl-C (SIGINT) and SIGTERM: the server finishes the request at hand and stops.
static STOP: AtomicBool = AtomicBool::new(false);

extern "C" fn on_signal(_: libc::c_int) {
    STOP.store(true, Ordering::SeqCst);
}

fn catch_signals() {
    // SAFETY: the handler only stores into an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, on_signal as *const () as libc::sighandler_t);
        libc::signal(libc::SIGTERM, on_signal as *const () as libc::sighandler_t);
    }
}

/// The largest form a page sends (an edited quote, a note): more is refused unread.
const MAX_FORM: u64 = 1 << 20;

/// Listens, then calls `announce` with the address to open (token included) and serves until
/// Ctrl-C, SIGTERM or the idle timeout.
pub fn run(cfg: Config, keys: Keys, announce: impl FnOnce(&str) -> Result<()>, open: bool) -> Result<()> {
    let server = tiny_http::Server::http((cfg.bind, cfg.port)).map_err(|e| {
        anyhow!("cannot listen on {} port {}: {e}; give another with --port N", cfg.bind, cfg.port)
    })?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .ok_or_else(|| anyhow!("the server has no network address"))?;
    let host = match cfg.bind {
        ip if ip.is_loopback() || ip.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(ip) => format!("[{ip}]"),
        ip => ip.to_string(),
    };
    let url = format!("http://{host}:{port}/?token={}", keys.token);
    catch_signals();
    announce(&url)?;
    if open {
        open_browser(&url);
    }
    let app = pages::App::new(&cfg, keys, port);
    app.prepare_in_background();
    let mut last = Instant::now();
    while !STOP.load(Ordering::SeqCst) {
        match server.recv_timeout(Duration::from_millis(200)) {
            Ok(Some(req)) => {
                last = Instant::now();
                answer(&app, &cfg, port, req);
            }
            Ok(None) => {
                if cfg.idle.is_some_and(|idle| last.elapsed() >= idle) {
                    break;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(anyhow!("the server stopped: {e}")),
        }
    }
    Ok(())
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
    let started = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if started.is_err() {
        eprintln!("note: no browser could be started ({opener} failed); open the address above yourself");
    }
}

fn header<'a>(req: &'a tiny_http::Request, name: &'static str) -> Option<&'a str> {
    req.headers().iter().find(|h| h.field.equiv(name)).map(|h| h.value.as_str())
}

/// Checks a request, hands it to its page and sends the answer with the headers every answer
/// carries.
fn answer(app: &pages::App, cfg: &Config, port: u16, mut req: tiny_http::Request) {
    let reply = guarded(app, cfg, port, &mut req);
    let mut response = tiny_http::Response::from_data(reply.body).with_status_code(reply.status);
    let mut headers = vec![
        ("Content-Type", reply.kind.to_string()),
        // Scripts and styles come only from this server's own two files: nothing inline, so
        // text from the notebook can never run or restyle the page.
        (
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; \
             base-uri 'none'; frame-ancestors 'none'"
                .to_string(),
        ),
        ("X-Content-Type-Options", "nosniff".to_string()),
        ("X-Frame-Options", "DENY".to_string()),
        // No address leaves for another site; a form sent to this server names its origin, which
        // the server checks (with no-referrer a browser sends `Origin: null`).
        ("Referrer-Policy", "same-origin".to_string()),
        ("Cache-Control", "no-store".to_string()),
        ("Cross-Origin-Opener-Policy", "same-origin".to_string()),
        ("Cross-Origin-Resource-Policy", "same-origin".to_string()),
    ];
    if let Some(to) = reply.location {
        headers.push(("Location", to));
    }
    for c in reply.cookies {
        headers.push(("Set-Cookie", c));
    }
    for (k, v) in headers {
        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            response.add_header(h);
        }
    }
    let _ = req.respond(response);
}

fn guarded(app: &pages::App, cfg: &Config, port: u16, req: &mut tiny_http::Request) -> Reply {
    let host = header(req, "Host").unwrap_or("").to_string();
    if !guard::host_allowed(&host, port, cfg.bind) {
        return Reply::text(
            403,
            "refused: this server answers only to its own address (127.0.0.1 or localhost with its port)",
        );
    }
    let (path, query) = match req.url().split_once('?') {
        Some((p, q)) => (p.to_string(), q.to_string()),
        None => (req.url().to_string(), String::new()),
    };
    let query: Params = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    let given = query.iter().find(|(k, _)| k == "token").map(|(_, v)| v.as_str());
    let by_cookie = header(req, "Cookie")
        .and_then(|c| guard::cookie(c, &guard::cookie_name(port)))
        .is_some_and(|t| guard::same_secret(t, &app.keys.token));
    let by_query = given.is_some_and(|t| guard::same_secret(t, &app.keys.token));
    if !by_cookie && !by_query {
        return Reply::text(
            403,
            "refused: open the address `crosscheck serve` printed, with its token (the token changes each time it starts)",
        );
    }
    let post = match req.method() {
        tiny_http::Method::Get | tiny_http::Method::Head => false,
        tiny_http::Method::Post => true,
        _ => return Reply::text(405, "only GET and POST are answered"),
    };
    if by_query && !post {
        // The token moves into a cookie and out of the address bar and history.
        let rest: Params = query.into_iter().filter(|(k, _)| k != "token").collect();
        let mut to = path.clone();
        if !rest.is_empty() {
            to.push('?');
            to.push_str(&encode(&rest));
        }
        let mut reply = Reply::see_other(to);
        reply.cookies.push(guard::token_cookie(port, &app.keys.token));
        return reply;
    }
    let mut form = Params::new();
    if post {
        if cfg.read_only {
            return Reply::text(403, "refused: this server was started with --read-only and changes nothing");
        }
        if !guard::origin_allowed(header(req, "Origin"), &host) {
            return Reply::text(403, "refused: a change must come from this server's own pages");
        }
        let kind = header(req, "Content-Type").unwrap_or("");
        if !kind.starts_with("application/x-www-form-urlencoded") {
            return Reply::text(415, "refused: a change is sent as a form");
        }
        if req.body_length().is_some_and(|n| n as u64 > MAX_FORM) {
            return Reply::text(413, "refused: the form is larger than 1 MB");
        }
        let mut body = Vec::new();
        if req.as_reader().take(MAX_FORM + 1).read_to_end(&mut body).is_err() || body.len() as u64 > MAX_FORM
        {
            return Reply::text(413, "refused: the form could not be read whole (at most 1 MB)");
        }
        form = form_urlencoded::parse(&body).into_owned().collect();
        let csrf = form.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str()).unwrap_or("");
        if !guard::same_secret(csrf, &app.keys.csrf) {
            return Reply::text(
                403,
                "refused: the form did not carry this session's key; reload the page and send it again",
            );
        }
    }
    let request = Request {
        post,
        path,
        query,
        form,
        accept_language: header(req, "Accept-Language").map(str::to_string),
        lang_cookie: header(req, "Cookie")
            .and_then(|c| guard::cookie(c, "crosscheck-lang"))
            .map(str::to_string),
    };
    app.page(&request)
}

/// A query string from pairs.
pub(crate) fn encode(pairs: &[(String, String)]) -> String {
    form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
}
