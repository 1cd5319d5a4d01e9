//! Test helpers: a fresh database per test (a SQLite file in a temp dir, or a new database on
//! the PostgreSQL server named by `TEST_DATABASE_URL`) and the real router on 127.0.0.1:0.
#![allow(dead_code)] // each test binary uses a different part of this module

pub mod cuttable_proxy;

/// Runs each named `async fn(TestStore)` as two tests, `sqlite::NAME` and `postgres::NAME`.
#[allow(unused_macros)]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $( #[tokio::test] async fn $name() { super::$name(crate::common::sqlite_store().await).await } )*
        }
        mod postgres {
            $( #[tokio::test] async fn $name() { super::$name(crate::common::postgres_store().await).await } )*
        }
    };
}

use std::path::PathBuf;
use std::sync::Arc;

use app::store::Store;
use server::config::Config;

/// A store on a database nobody else uses; the temp dir lives as long as this value.
pub struct TestStore {
    pub store: Arc<dyn Store>,
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

pub async fn sqlite_store() -> TestStore {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}/portal.db", dir.path().display());
    let store = server::store::open(&url).await.expect("open sqlite store");
    TestStore {
        store,
        url,
        _dir: Some(dir),
    }
}

/// A new, empty database on the test PostgreSQL server. Panics when `TEST_DATABASE_URL` is
/// not set: the fast test run skips these tests by name instead of passing them silently.
pub async fn postgres_store() -> TestStore {
    postgres_store_reached_by(str::to_owned).await
}

/// The same, with the store reaching the database through the URL `route` makes of its own
/// (a test's proxy); `url` is the routed one.
pub async fn postgres_store_reached_by(route: impl FnOnce(&str) -> String) -> TestStore {
    use sqlx::Connection;
    let admin_url = std::env::var("TEST_DATABASE_URL")
        .expect("TEST_DATABASE_URL must name a PostgreSQL server (scripts/test.sh starts one)");
    let name = format!("portal_test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(&admin_url)
        .await
        .expect("connect to PostgreSQL");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("create test database");
    let (base, _) = admin_url.rsplit_once('/').expect("URL has a database name");
    let url = route(&format!("{base}/{name}"));
    let store = server::store::open(&url)
        .await
        .expect("open postgres store");
    TestStore {
        store,
        url,
        _dir: None,
    }
}

/// A second store on a database another test store made (as a second instance would open it).
pub async fn store_on(url: &str) -> TestStore {
    TestStore {
        store: server::store::open(url)
            .await
            .expect("open the store again"),
        url: url.to_owned(),
        _dir: None,
    }
}

/// The built site (CSS, JS, wasm) made by scripts/build_site, if there is one.
pub fn site_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/site")
}

pub fn test_config(secure_cookies: bool) -> Config {
    let mut config = Config::from_lookup(|name| match name {
        "PORTAL_SECURE_COOKIES" => Some(secure_cookies.to_string()),
        _ => None,
    })
    .expect("valid test config");
    // The suites make hundreds of API calls from 127.0.0.1 within a minute; the limit itself
    // is tested on its own (`referral_api`).
    config.open_api_per_minute = 100_000;
    config.site_root = site_root().display().to_string();
    config.site_addr = "127.0.0.1:0".parse().expect("address");
    config
}

/// `config` behind a load balancer on 127.0.0.1, so tests can speak from many addresses.
pub fn behind_a_proxy(mut config: Config) -> Config {
    config.settings.trusted_proxies = vec!["127.0.0.1".parse().expect("an address")];
    config
}

/// The real router, serving on a free port.
pub struct TestApp {
    pub base: String,
    pub store: Arc<dyn Store>,
    /// Follows no redirects (so tests can see them) and keeps cookies, like a browser.
    pub client: reqwest::Client,
    pub database_url: String,
    /// A partner API key made for this app ("Test partner"), for `POST /api/v1/referrals`
    /// and `/api/v1/carers`.
    pub api_key: String,
    /// Other instances' addresses: requests take turns between `base` and these.
    others: Vec<String>,
    turn: Arc<std::sync::atomic::AtomicUsize>,
    _store: Arc<TestStore>,
}

pub async fn spawn_app(secure_cookies: bool) -> TestApp {
    spawn_app_on(sqlite_store().await, test_config(secure_cookies)).await
}

/// The real router over a given store and configuration.
pub async fn spawn_app_on(test_store: TestStore, config: Config) -> TestApp {
    // As the server does when it starts.
    server::search_index::index_guidance(&*test_store.store)
        .await
        .expect("index the guidance");
    let api_key = test_api_key(&*test_store.store).await;
    let router = server::router::build(&config, test_store.store.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, service).await.expect("serve") });
    TestApp {
        base: format!("http://{addr}"),
        store: test_store.store.clone(),
        client: browser_client(),
        database_url: test_store.url.clone(),
        api_key,
        others: Vec::new(),
        turn: Arc::default(),
        _store: Arc::new(test_store),
    }
}

/// A partner API key for the tests to post with (each app makes its own).
async fn test_api_key(store: &dyn Store) -> String {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let name = format!("Test partner {}", uuid::Uuid::new_v4().simple());
    app::api::api_keys::create_key(store, &name, "test", now)
        .await
        .expect("a test API key")
}

fn browser_client() -> reqwest::Client {
    browser_client_at(None)
}

/// A browser; with `address`, every request says it came from there through the load
/// balancer (`X-Forwarded-For`, believed when the app trusts 127.0.0.1 as a proxy).
fn browser_client_at(address: Option<&str>) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    if let Some(address) = address {
        headers.insert("x-forwarded-for", address.parse().expect("an address"));
    }
    reqwest::Client::builder()
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        // A request that hangs fails the test, naming where, rather than hanging the suite.
        .timeout(std::time::Duration::from_secs(20))
        .build()
        .expect("client")
}

impl TestApp {
    /// The same app seen from another browser (its own cookies).
    pub fn new_browser(&self) -> TestApp {
        TestApp {
            base: self.base.clone(),
            store: self.store.clone(),
            client: browser_client(),
            database_url: self.database_url.clone(),
            api_key: self.api_key.clone(),
            others: self.others.clone(),
            turn: Arc::default(),
            _store: self._store.clone(),
        }
    }

    /// Another browser, at another client address (the app must trust 127.0.0.1 as a proxy:
    /// `behind_a_proxy`).
    pub fn browser_at(&self, address: &str) -> TestApp {
        TestApp {
            client: browser_client_at(Some(address)),
            ..self.new_browser()
        }
    }

    /// The same browser, its requests taking turns between this instance and `other` (two
    /// instances behind a load balancer that does not stick).
    pub fn taking_turns_with(&self, other: &TestApp) -> TestApp {
        TestApp {
            others: vec![other.base.clone()],
            ..self.new_browser()
        }
    }

    /// `path` on the instance whose turn it is.
    pub fn url(&self, path: &str) -> String {
        let turn = self.turn.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let base = match turn % (self.others.len() + 1) {
            0 => &self.base,
            n => &self.others[n - 1],
        };
        format!("{base}{path}")
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header("accept", "text/html")
            .send()
            .await
            .expect("GET")
    }

    pub async fn get_html(&self, path: &str) -> (u16, scraper::Html) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (
            status,
            scraper::Html::parse_document(&response.text().await.expect("body")),
        )
    }

    /// Posts a form as a browser without JavaScript does; returns the redirect's target.
    pub async fn post_form(&self, action: &str, fields: &[(&str, &str)]) -> String {
        let response = self
            .client
            .post(self.url(action))
            .header("accept", "text/html")
            .header("referer", format!("{}/", self.base))
            .form(fields)
            .send()
            .await
            .expect("POST");
        assert_eq!(
            response.status().as_u16(),
            302,
            "a form post answers with a redirect"
        );
        response.headers()["location"]
            .to_str()
            .expect("location")
            .to_owned()
    }
}

/// The text of the first element matching `selector`, whitespace collapsed.
pub fn text_of(html: &scraper::Html, selector: &str) -> Option<String> {
    let selector = scraper::Selector::parse(selector).expect("selector");
    html.select(&selector).next().map(|e| {
        e.text()
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// Every value of `attr` on elements matching `selector`.
pub fn attrs(html: &scraper::Html, selector: &str, attr: &str) -> Vec<String> {
    let selector = scraper::Selector::parse(selector).expect("selector");
    html.select(&selector)
        .filter_map(|e| e.value().attr(attr).map(str::to_owned))
        .collect()
}

/// API.md's example request for an assessment, for tests that need a referral to work on.
pub fn referral_example() -> serde_json::Value {
    serde_json::json!({
        "for": "self",
        "person": { "given_name": "Amara", "family_name": "Okafor", "date_of_birth": "1948-03-02",
                    "address_line_1": "12 Mill Lane", "town": "Exampletown", "postcode": "EX1 2AB",
                    "phone": "01632 960001", "email": "amara@example.org",
                    "preferred_contact": "phone", "language": "English", "interpreter_needed": false,
                    "communication_needs": "" },
        "referrer": null,
        "consent": { "person_agrees": true },
        "needs": { "summary": "Struggling to wash and cook since a fall", "outcomes": ["nutrition"] },
        "trackers": [ { "name": "Chidi Okafor", "relationship": "son", "email": "chidi@example.org" } ]
    })
}

impl TestApp {
    /// Whether the audit log's latest 200 entries include `action`.
    pub async fn audited(&self, action: &str) -> bool {
        self.store
            .recent_audit(200)
            .await
            .expect("read the audit log")
            .iter()
            .any(|e| e.action == action)
    }

    /// Posts a request to the JSON API with the test partner's key and a fresh idempotency
    /// key; the answer as it came.
    pub async fn post_referral(&self, body: &serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.url("/api/v1/referrals"))
            .bearer_auth(&self.api_key)
            .header("idempotency-key", uuid::Uuid::new_v4().to_string())
            .json(body)
            .send()
            .await
            .expect("POST a referral")
    }

    /// Sends a request through the JSON API with a fresh key; its reference.
    pub async fn submit_referral(&self, body: &serde_json::Value) -> String {
        let response = self.post_referral(body).await;
        let status = response.status().as_u16();
        let created: serde_json::Value = response.json().await.expect("JSON");
        assert_eq!(status, 201, "{created}");
        created["reference"]
            .as_str()
            .expect("a reference")
            .to_owned()
    }
}

/// What an event receiver was sent: each call's headers and body.
pub type EventsReceived = Arc<std::sync::Mutex<Vec<(axum::http::HeaderMap, String)>>>;

/// An HTTP receiver that answers 500 to its first `failures` calls.
pub async fn event_receiver(failures: usize) -> (String, EventsReceived) {
    let calls = EventsReceived::default();
    let seen = calls.clone();
    let app = axum::Router::new().route(
        "/events",
        axum::routing::post(move |headers: axum::http::HeaderMap, body: String| {
            let seen = seen.clone();
            async move {
                let mut calls = seen.lock().unwrap();
                calls.push((headers, body));
                if calls.len() <= failures {
                    axum::http::StatusCode::INTERNAL_SERVER_ERROR
                } else {
                    axum::http::StatusCode::NO_CONTENT
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/events"), calls)
}

/// A count read directly from the database at `url` (SQLite or PostgreSQL).
pub async fn count(url: &str, sql: &str) -> i64 {
    use sqlx::Connection;
    let (n,): (i64,) = if url.starts_with("sqlite") {
        let mut db = sqlx::SqliteConnection::connect(url).await.expect("connect");
        sqlx::query_as(sql).fetch_one(&mut db).await.expect("count")
    } else {
        let mut db = sqlx::PgConnection::connect(url).await.expect("connect");
        sqlx::query_as(sql).fetch_one(&mut db).await.expect("count")
    };
    n
}
