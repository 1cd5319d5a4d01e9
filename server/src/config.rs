//! Configuration from environment variables, each with a documented default (see
//! `.env.example`). Read once at start-up.
use std::net::SocketAddr;

/// How the portal runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// `DATABASE_URL`: `sqlite://data/portal.db` (default) or `postgres://...`.
    pub database_url: String,
    /// `LEPTOS_SITE_ADDR`: where to listen (default `127.0.0.1:3000`).
    pub site_addr: SocketAddr,
    /// `LEPTOS_SITE_ROOT`: the built site (CSS, JS, wasm), default `target/site`.
    pub site_root: String,
    /// `PORTAL_SECURE_COOKIES`: `true` (default, for TLS in production) sends `Secure`
    /// `__Host-` cookies; set `false` only for local development over plain http.
    pub secure_cookies: bool,
    /// `PORTAL_HSTS`: send Strict-Transport-Security (default: same as secure cookies).
    pub hsts: bool,
    /// `PORTAL_SESSION_IDLE_MINUTES`: a session (and its unsent answers) ends after this long
    /// without a request (default 60).
    pub session_idle_minutes: i64,
}

#[derive(Debug, thiserror::Error)]
#[error("{name} is not valid: {reason}")]
pub struct ConfigError {
    name: &'static str,
    reason: String,
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads configuration through `lookup` (tests pass their own).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str, default: &str| {
            lookup(name)
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| default.to_owned())
        };
        let secure_cookies = parse_bool(
            "PORTAL_SECURE_COOKIES",
            &get("PORTAL_SECURE_COOKIES", "true"),
        )?;
        let hsts_default = if secure_cookies { "true" } else { "false" };
        Ok(Self {
            database_url: get("DATABASE_URL", "sqlite://data/portal.db"),
            site_addr: get("LEPTOS_SITE_ADDR", "127.0.0.1:3000").parse().map_err(
                |e: std::net::AddrParseError| ConfigError {
                    name: "LEPTOS_SITE_ADDR",
                    reason: e.to_string(),
                },
            )?,
            site_root: get("LEPTOS_SITE_ROOT", "target/site"),
            secure_cookies,
            hsts: parse_bool("PORTAL_HSTS", &get("PORTAL_HSTS", hsts_default))?,
            session_idle_minutes: get("PORTAL_SESSION_IDLE_MINUTES", "60")
                .parse()
                .ok()
                .filter(|m| *m > 0)
                .ok_or(ConfigError {
                    name: "PORTAL_SESSION_IDLE_MINUTES",
                    reason: "must be a whole number of minutes above 0".into(),
                })?,
        })
    }
}

fn parse_bool(name: &'static str, value: &str) -> Result<bool, ConfigError> {
    match value.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err(ConfigError {
            name,
            reason: format!("expected true or false, got {value:?}"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_production_ones() {
        let config = Config::from_lookup(|_| None).expect("defaults are valid");
        assert_eq!(config.database_url, "sqlite://data/portal.db");
        assert_eq!(config.site_addr.to_string(), "127.0.0.1:3000");
        assert!(config.secure_cookies && config.hsts);
        assert_eq!(config.session_idle_minutes, 60);
    }

    #[test]
    fn local_http_turns_off_secure_cookies_and_hsts() {
        let config =
            Config::from_lookup(|n| (n == "PORTAL_SECURE_COOKIES").then(|| "false".into()))
                .unwrap();
        assert!(!config.secure_cookies && !config.hsts);
    }

    #[test]
    fn bad_values_are_refused_by_name() {
        let error = Config::from_lookup(|n| (n == "PORTAL_SECURE_COOKIES").then(|| "maybe".into()))
            .unwrap_err();
        assert!(error.to_string().contains("PORTAL_SECURE_COOKIES"));
        assert!(
            Config::from_lookup(|n| (n == "PORTAL_SESSION_IDLE_MINUTES").then(|| "0".into()))
                .is_err()
        );
    }
}
