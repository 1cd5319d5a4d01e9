//! Configuration from environment variables, each with a documented default (see
//! `.env.example`). Read once at start-up.
use std::net::SocketAddr;

use app::domain::charging::ChargingPolicy;
use app::domain::office_hours::OfficeHours;
use app::settings::Settings;

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
    /// The council's choices shown on pages: `PORTAL_OFFICE_HOURS` (`Mon-Fri 09:00-17:00`),
    /// `PORTAL_CONTACT_WITHIN_WORKING_DAYS` (5), `PORTAL_SAVED_DRAFT_DAYS` (30),
    /// `PORTAL_PUBLIC_URL` (links in emails; default `http://<LEPTOS_SITE_ADDR>`),
    /// `PORTAL_TRUSTED_PROXIES`: comma-separated addresses of load balancers whose
    /// `X-Forwarded-For` is believed (default none: the peer address is the client),
    /// `PORTAL_CHARGING_POLICY`: a TOML file of the council's charging choices (see
    /// `content/charging/exampleshire-policy.toml`; default: the statutory baseline).
    pub settings: Settings,
    /// `PORTAL_SMTP_URL` (e.g. `smtp://mail.example:25`): send email over SMTP. Unset, email is
    /// written as files under `PORTAL_MAIL_DIR` (default `data/mail`) for development.
    pub smtp_url: Option<String>,
    pub mail_dir: String,
    /// `PORTAL_MAIL_FROM` (default `Exampleshire Adult Social Care <no-reply@exampleshire.example>`).
    pub mail_from: String,
    /// `PORTAL_EVENTS_URL` and `PORTAL_EVENTS_SECRET`: where case-management events are posted,
    /// signed with the secret. Unset, events wait in the outbox until one is configured.
    pub events_url: Option<String>,
    pub events_secret: String,
    /// `PORTAL_INTEGRATION_SECRET`: signs the case-management system's updates to the portal
    /// (empty: they are refused with 503).
    pub integration_secret: String,
    /// `PORTAL_OPEN_API_PER_MINUTE` (300): requests a minute per client address to the open
    /// API endpoints (checks, estimates, status lookups, the directory, the OpenAPI document).
    pub open_api_per_minute: u32,
    /// `PORTAL_RETAIN_CLOSED_REFERRAL_DAYS`, `PORTAL_RETAIN_DELIVERED_MESSAGE_DAYS`,
    /// `PORTAL_RETAIN_AUDIT_DAYS`.
    /// `PORTAL_TRUSTED_EMAIL_DOMAINS`: comma-separated domains whose work email addresses are
    /// marked trusted on professionals' referrals (default `nhs.net,nhs.uk,gov.uk,police.uk`).
    pub retention: crate::retention::RetentionPolicy,
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
        let site_addr: SocketAddr = get("LEPTOS_SITE_ADDR", "127.0.0.1:3000").parse().map_err(
            |e: std::net::AddrParseError| ConfigError {
                name: "LEPTOS_SITE_ADDR",
                reason: e.to_string(),
            },
        )?;
        let number = |name: &'static str, default: &str, min: i64| {
            get(name, default)
                .parse::<i64>()
                .ok()
                .filter(|n| *n >= min)
                .ok_or(ConfigError {
                    name,
                    reason: format!("must be a whole number, at least {min}"),
                })
        };
        let trusted_proxies = get("PORTAL_TRUSTED_PROXIES", "")
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse().map_err(|_| ConfigError {
                    name: "PORTAL_TRUSTED_PROXIES",
                    reason: format!("{p:?} is not an IP address"),
                })
            })
            .collect::<Result<_, _>>()?;
        let trusted_email_domains = get(
            "PORTAL_TRUSTED_EMAIL_DOMAINS",
            &app::settings::DEFAULT_TRUSTED_EMAIL_DOMAINS.join(","),
        )
        .split(',')
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| !d.is_empty())
        .map(|d| {
            if app::domain::professional::is_domain_name(&d) {
                Ok(d)
            } else {
                Err(ConfigError {
                    name: "PORTAL_TRUSTED_EMAIL_DOMAINS",
                    reason: format!("{d:?} is not a domain name like nhs.net"),
                })
            }
        })
        .collect::<Result<_, _>>()?;
        let settings = Settings {
            trusted_email_domains,
            trusted_proxies,
            office_hours: OfficeHours::parse(&get("PORTAL_OFFICE_HOURS", "Mon-Fri 09:00-17:00"))
                .map_err(|reason| ConfigError {
                    name: "PORTAL_OFFICE_HOURS",
                    reason,
                })?,
            contact_within_working_days: number("PORTAL_CONTACT_WITHIN_WORKING_DAYS", "5", 1)?
                .min(60) as u8,
            saved_draft_days: number("PORTAL_SAVED_DRAFT_DAYS", "30", 1)?.min(365) as u16,
            lookup_failures_per_client: number("PORTAL_LOOKUP_FAILURES_PER_CLIENT", "100", 1)?,
            lookup_failures_per_reference: number("PORTAL_LOOKUP_FAILURES_PER_REFERENCE", "10", 1)?,
            public_url: get("PORTAL_PUBLIC_URL", &format!("http://{site_addr}"))
                .trim_end_matches('/')
                .to_owned(),
            charging_policy: match lookup("PORTAL_CHARGING_POLICY").filter(|v| !v.is_empty()) {
                Some(path) => read_charging_policy(&path)?,
                None => ChargingPolicy::default(),
            },
            staff_sessions: app::domain::staff::SessionLimits {
                idle_seconds: number("PORTAL_STAFF_IDLE_MINUTES", "30", 1)?.min(24 * 60) * 60,
                absolute_seconds: number("PORTAL_STAFF_SESSION_HOURS", "10", 1)?.min(24) * 3600,
            },
            staff_sign_in_failures: number("PORTAL_STAFF_SIGN_IN_FAILURES", "5", 1)?,
            staff_account_failures: number("PORTAL_STAFF_ACCOUNT_FAILURES", "100", 1)?.min(100),
            api_key_submissions_per_minute: number(
                "PORTAL_API_KEY_SUBMISSIONS_PER_MINUTE",
                "120",
                1,
            )?,
            web_submissions_per_client_hour: number(
                "PORTAL_WEB_SUBMISSIONS_PER_CLIENT_HOUR",
                "20",
                1,
            )?,
            acknowledgements_per_address_day: number(
                "PORTAL_ACKNOWLEDGEMENTS_PER_ADDRESS_DAY",
                "3",
                1,
            )?,
            check_in_weeks: number("PORTAL_CHECK_IN_WEEKS", "4", 0)?,
        };
        let optional = |name: &str| lookup(name).filter(|v| !v.is_empty());
        let config = Self {
            settings,
            smtp_url: optional("PORTAL_SMTP_URL"),
            mail_dir: get("PORTAL_MAIL_DIR", "data/mail"),
            mail_from: get(
                "PORTAL_MAIL_FROM",
                "Exampleshire Adult Social Care <no-reply@exampleshire.example>",
            ),
            events_url: optional("PORTAL_EVENTS_URL"),
            events_secret: get("PORTAL_EVENTS_SECRET", ""),
            integration_secret: get("PORTAL_INTEGRATION_SECRET", ""),
            open_api_per_minute: number("PORTAL_OPEN_API_PER_MINUTE", "300", 1)?.min(1_000_000)
                as u32,
            retention: crate::retention::RetentionPolicy {
                closed_referral_days: number("PORTAL_RETAIN_CLOSED_REFERRAL_DAYS", "2190", 1)?,
                delivered_message_days: number("PORTAL_RETAIN_DELIVERED_MESSAGE_DAYS", "30", 1)?,
                undelivered_message_days: number(
                    "PORTAL_RETAIN_UNDELIVERED_MESSAGE_DAYS",
                    "14",
                    1,
                )?,
                audit_days: number("PORTAL_RETAIN_AUDIT_DAYS", "2190", 1)?,
            },
            database_url: get("DATABASE_URL", "sqlite://data/portal.db"),
            site_addr,
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
        };
        if config.secure_cookies {
            config.refuse_what_is_unsafe_in_production()?;
        }
        Ok(config)
    }

    /// In production (`PORTAL_SECURE_COOKIES=true`): a secret that is set must be long enough
    /// not to be guessed, events must have a secret and go over https. An unset integration
    /// secret is safe: the integration door is then closed (503).
    fn refuse_what_is_unsafe_in_production(&self) -> Result<(), ConfigError> {
        let short = |name: &'static str, secret: &str| {
            if secret.chars().count() < MIN_SECRET_CHARS {
                Err(ConfigError {
                    name,
                    reason: format!(
                        "must be at least {MIN_SECRET_CHARS} characters in production (a random string: `openssl rand -hex 32`)"
                    ),
                })
            } else {
                Ok(())
            }
        };
        if !self.integration_secret.is_empty() {
            short("PORTAL_INTEGRATION_SECRET", &self.integration_secret)?;
        }
        if let Some(url) = &self.events_url {
            if !url.to_ascii_lowercase().starts_with("https://") {
                return Err(ConfigError {
                    name: "PORTAL_EVENTS_URL",
                    reason: "must be an https:// address in production: events name people".into(),
                });
            }
            short("PORTAL_EVENTS_SECRET", &self.events_secret)?;
        }
        Ok(())
    }
}

/// The shortest shared secret accepted in production.
const MIN_SECRET_CHARS: usize = 32;

/// The council's charging choices from a TOML file; a field left out keeps the statutory
/// baseline. Refused (and the server does not start) if unreadable or impossible.
fn read_charging_policy(path: &str) -> Result<ChargingPolicy, ConfigError> {
    let error = |reason: String| ConfigError {
        name: "PORTAL_CHARGING_POLICY",
        reason,
    };
    let text = std::fs::read_to_string(path).map_err(|e| error(format!("{path}: {e}")))?;
    let policy: ChargingPolicy =
        toml::from_str(&text).map_err(|e| error(format!("{path}: {e}")))?;
    let problems = policy.problems();
    if let Some(problem) = problems.0.first() {
        return Err(error(format!(
            "{path}: {}: {}",
            problem.field, problem.message
        )));
    }
    Ok(policy)
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
    fn what_is_unsafe_in_production_is_refused_at_start() {
        let long = "0123456789abcdef0123456789abcdef";
        let with = |pairs: &[(&str, &str)], secure: &str| {
            let pairs: Vec<(String, String)> = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .chain([("PORTAL_SECURE_COOKIES".to_string(), secure.to_string())])
                .collect();
            Config::from_lookup(move |n| pairs.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone()))
        };
        let refused = |pairs: &[(&str, &str)]| with(pairs, "true").unwrap_err().to_string();
        assert!(refused(&[("PORTAL_INTEGRATION_SECRET", "short")])
            .starts_with("PORTAL_INTEGRATION_SECRET"));
        assert!(
            refused(&[("PORTAL_EVENTS_URL", "https://cms.example/events")])
                .starts_with("PORTAL_EVENTS_SECRET")
        );
        assert!(refused(&[
            ("PORTAL_EVENTS_URL", "https://cms.example/events"),
            ("PORTAL_EVENTS_SECRET", "too-short")
        ])
        .starts_with("PORTAL_EVENTS_SECRET"));
        assert!(refused(&[
            ("PORTAL_EVENTS_URL", "http://cms.example/events"),
            ("PORTAL_EVENTS_SECRET", long)
        ])
        .starts_with("PORTAL_EVENTS_URL"));
        // Safe settings start; so does anything in local development over plain http.
        assert!(with(
            &[
                ("PORTAL_INTEGRATION_SECRET", long),
                ("PORTAL_EVENTS_URL", "https://cms.example/events"),
                ("PORTAL_EVENTS_SECRET", long)
            ],
            "true"
        )
        .is_ok());
        assert!(with(
            &[
                ("PORTAL_INTEGRATION_SECRET", "dev"),
                ("PORTAL_EVENTS_URL", "http://127.0.0.1:9/events")
            ],
            "false"
        )
        .is_ok());
    }

    #[test]
    fn defaults_are_the_production_ones() {
        let config = Config::from_lookup(|_| None).expect("defaults are valid");
        assert_eq!(config.database_url, "sqlite://data/portal.db");
        assert_eq!(config.site_addr.to_string(), "127.0.0.1:3000");
        assert!(config.secure_cookies && config.hsts);
        assert_eq!(config.session_idle_minutes, 60);
        assert_eq!(
            config.settings.office_hours.describe(),
            "Monday to Friday, 9am to 5pm"
        );
        assert_eq!(config.settings.contact_within_working_days, 5);
        assert!(config.settings.trusted_proxies.is_empty() && config.events_url.is_none());
    }

    #[test]
    fn trusted_email_domains_are_read_and_refused_when_not_domains() {
        let defaults = Config::from_lookup(|_| None).unwrap();
        assert_eq!(
            defaults.settings.trusted_email_domains,
            ["nhs.net", "nhs.uk", "gov.uk", "police.uk"]
        );
        let config = Config::from_lookup(|n| {
            (n == "PORTAL_TRUSTED_EMAIL_DOMAINS").then(|| " NHS.net, exampleshire.gov.uk ,".into())
        })
        .unwrap();
        assert_eq!(
            config.settings.trusted_email_domains,
            ["nhs.net", "exampleshire.gov.uk"]
        );
        let refused = Config::from_lookup(|n| {
            (n == "PORTAL_TRUSTED_EMAIL_DOMAINS").then(|| "nhs.net,@police".into())
        })
        .unwrap_err();
        assert!(
            refused.to_string().contains("PORTAL_TRUSTED_EMAIL_DOMAINS"),
            "{refused}"
        );
        assert!(refused.to_string().contains("@police"), "{refused}");
    }

    #[test]
    fn office_hours_and_proxies_are_read() {
        let config = Config::from_lookup(|n| match n {
            "PORTAL_OFFICE_HOURS" => Some("Mon-Sat 08:30-18:00".into()),
            "PORTAL_TRUSTED_PROXIES" => Some("10.0.0.1, ::1".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(
            config.settings.office_hours.describe(),
            "Monday to Saturday, 8:30am to 6pm"
        );
        assert_eq!(config.settings.trusted_proxies.len(), 2);
        assert!(
            Config::from_lookup(|n| (n == "PORTAL_OFFICE_HOURS").then(|| "always".into())).is_err()
        );
        assert!(
            Config::from_lookup(|n| (n == "PORTAL_TRUSTED_PROXIES").then(|| "proxy".into()))
                .is_err()
        );
    }

    #[test]
    fn a_charging_policy_file_is_read_and_an_impossible_one_refused() {
        assert_eq!(
            Config::from_lookup(|_| None)
                .unwrap()
                .settings
                .charging_policy,
            ChargingPolicy::default()
        );
        let exampleshire = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../content/charging/exampleshire-policy.toml"
        );
        let config =
            Config::from_lookup(|n| (n == "PORTAL_CHARGING_POLICY").then(|| exampleshire.into()))
                .unwrap();
        let policy = config.settings.charging_policy;
        assert_eq!(policy.flat_dre_pence.map(|p| p.0), Some(1085));
        assert_eq!(policy.minimum_charge_pence.0, 125);
        assert_eq!(policy.maximum_charge_pence, None);
        assert!(policy.ignore_night_rate_without_night_care);
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("policy.toml");
        std::fs::write(&bad, "percentage_charged = 150\n").unwrap();
        let error = Config::from_lookup(|n| {
            (n == "PORTAL_CHARGING_POLICY").then(|| bad.display().to_string())
        })
        .unwrap_err();
        assert!(error.to_string().contains("percentage_charged"), "{error}");
        std::fs::write(&bad, "percentage = 90\n").unwrap();
        assert!(Config::from_lookup(|n| {
            (n == "PORTAL_CHARGING_POLICY").then(|| bad.display().to_string())
        })
        .is_err());
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
