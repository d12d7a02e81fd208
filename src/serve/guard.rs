//! Who may talk to the server: the random token printed with the address (then kept in a
//! cookie), a `Host` header that names this machine by address or `localhost` (so a page of
//! another site cannot reach the server through a DNS name it points here), and for every
//! change a POST carrying the session's CSRF token. Pure: no sockets.

use std::net::IpAddr;

/// The session's secrets: made once when the server starts, never written anywhere but the
/// address printed on the terminal, the cookie and the forms of the pages served.
#[derive(Clone)]
pub struct Keys {
    pub token: String,
    pub csrf: String,
}

impl Keys {
    pub fn new() -> std::io::Result<Keys> {
        Ok(Keys { token: random_hex()?, csrf: random_hex()? })
    }
}

/// 32 bytes from the system's random source, in hex.
fn random_hex() -> std::io::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(format!("no random source: {e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Is `host` (a `Host` header) this server? Its name must be `localhost` or an IP address
/// literal, with the server's port: a DNS name, even one that points here, is refused, which is
/// what stops DNS rebinding. Listening on loopback, only loopback names pass.
pub fn host_allowed(host: &str, port: u16, bind: IpAddr) -> bool {
    let (name, given_port) = match split_host(host) {
        Some(parts) => parts,
        None => return false,
    };
    if given_port != Some(port) {
        return false;
    }
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let Ok(ip) = name.parse::<IpAddr>() else { return false };
    if bind.is_loopback() {
        ip.is_loopback()
    } else {
        bind.is_unspecified() || ip == bind || ip.is_loopback()
    }
}

/// `name:port`, `[v6]:port` or a name alone.
fn split_host(host: &str) -> Option<(&str, Option<u16>)> {
    let host = host.trim();
    if host.is_empty() || host.len() > 255 {
        return None;
    }
    if let Some(rest) = host.strip_prefix('[') {
        let (name, after) = rest.split_once(']')?;
        let port = match after.strip_prefix(':') {
            Some(p) => Some(p.parse().ok()?),
            None if after.is_empty() => None,
            None => return None,
        };
        return Some((name, port));
    }
    match host.rsplit_once(':') {
        Some((name, p)) if !name.contains(':') => Some((name, Some(p.parse().ok()?))),
        Some(_) => None,
        None => Some((host, None)),
    }
}

/// The cookie that carries the token: named by port, so two servers on one machine keep their
/// own; sent only to this server, never to scripts, never with a request from another site.
pub fn cookie_name(port: u16) -> String {
    format!("crosscheck-{port}")
}

pub fn token_cookie(port: u16, token: &str) -> String {
    format!("{}={token}; Path=/; HttpOnly; SameSite=Strict", cookie_name(port))
}

/// A cookie's value from a `Cookie` header.
pub fn cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|part| {
        let (k, v) = part.trim().split_once('=')?;
        (k == name).then_some(v)
    })
}

/// A POST's `Origin`, when the browser sends one, must be this server as the page named it.
pub fn origin_allowed(origin: Option<&str>, host: &str) -> bool {
    match origin {
        None => true,
        Some(o) => o == format!("http://{host}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOOP: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

    #[test]
    fn only_this_machine_by_address_or_localhost_passes_the_host_check() {
        assert!(host_allowed("127.0.0.1:8750", 8750, LOOP));
        assert!(host_allowed("localhost:8750", 8750, LOOP));
        assert!(host_allowed("[::1]:8750", 8750, LOOP));
        assert!(!host_allowed("127.0.0.1:8751", 8750, LOOP));
        assert!(!host_allowed("127.0.0.1", 8750, LOOP));
        assert!(!host_allowed("evil.example:8750", 8750, LOOP));
        assert!(!host_allowed("localhost.evil.example:8750", 8750, LOOP));
        assert!(!host_allowed("192.168.1.20:8750", 8750, LOOP));
        assert!(!host_allowed("", 8750, LOOP));
        assert!(!host_allowed("127.0.0.1:8750:1", 8750, LOOP));
        let lan: IpAddr = "192.168.1.20".parse().unwrap();
        assert!(host_allowed("192.168.1.20:8750", 8750, lan));
        assert!(!host_allowed("192.168.1.21:8750", 8750, lan));
        assert!(!host_allowed("files.example:8750", 8750, lan));
    }

    #[test]
    fn secrets_compare_whole_and_cookies_are_found_by_name() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
        assert_eq!(cookie("a=1; crosscheck-80=xyz; b=2", "crosscheck-80"), Some("xyz"));
        assert_eq!(cookie("crosscheck-800=xyz", "crosscheck-80"), None);
        let k = Keys::new().unwrap();
        assert_eq!(k.token.len(), 64);
        assert_ne!(k.token, k.csrf);
    }

    #[test]
    fn a_post_from_another_origin_is_refused() {
        assert!(origin_allowed(None, "127.0.0.1:80"));
        assert!(origin_allowed(Some("http://127.0.0.1:80"), "127.0.0.1:80"));
        assert!(!origin_allowed(Some("http://evil.example"), "127.0.0.1:80"));
        assert!(!origin_allowed(Some("null"), "127.0.0.1:80"));
    }
}
