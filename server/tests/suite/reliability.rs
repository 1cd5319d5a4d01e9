//! The real server binary killed with SIGKILL in the middle of a stream of submissions, then
//! started again on the same database (SQLite, and PostgreSQL): every submission the clients
//! saw confirmed is there exactly once, none is lost, sending the unconfirmed ones again (same
//! idempotency keys) never makes a second copy, and the outbox's emails and case-management
//! events for every confirmed request are delivered after the restart.
use crate::common;

use std::collections::BTreeMap;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

/// The real server on a free port, with this database, mail directory and events receiver.
fn start_server(
    database_url: &str,
    mail_dir: &std::path::Path,
    events_url: &str,
) -> (Child, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .expect("its address")
        .port();
    let child = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("DATABASE_URL", database_url)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_SITE_ROOT", common::site_root())
        .env("PORTAL_SECURE_COOKIES", "false")
        .env("PORTAL_MAIL_DIR", mail_dir)
        .env("PORTAL_EVENTS_URL", events_url)
        .env("PORTAL_EVENTS_SECRET", "kill-test-secret")
        // This test is about durability, not limits: a burst of hundreds from one key, and
        // every acknowledgement counted.
        .env("PORTAL_API_KEY_SUBMISSIONS_PER_MINUTE", "1000000")
        .env("PORTAL_ACKNOWLEDGEMENTS_PER_ADDRESS_DAY", "1000000")
        .env("RUST_LOG", "warn")
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the server");
    (child, format!("http://127.0.0.1:{port}"))
}

async fn wait_until_ready(client: &reqwest::Client, base: &str) {
    for _ in 0..200 {
        if let Ok(response) = client.get(format!("{base}/readyz")).send().await {
            if response.status().is_success() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not become ready");
}

/// A partner API key, made as an administrator would: `server api-key create`.
fn make_api_key(database_url: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["api-key", "create", "--name", "Kill test"])
        .env("DATABASE_URL", database_url)
        .env("NO_COLOR", "1")
        .output()
        .expect("run server api-key create");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("key: "))
        .expect("the key, printed once")
        .to_owned()
}

/// Sends one request with this idempotency key: the status (201 new, 200 a replay) and the
/// reference, if the server answered with one.
async fn submit(
    client: &reqwest::Client,
    base: &str,
    api_key: &str,
    key: &str,
) -> Option<(u16, String)> {
    let response = client
        .post(format!("{base}/api/v1/referrals"))
        .bearer_auth(api_key)
        .header("idempotency-key", key)
        .json(&common::referral_example())
        .send()
        .await
        .ok()?;
    let status = response.status().as_u16();
    let body: Value = response.json().await.ok()?;
    Some((status, body["reference"].as_str()?.to_owned()))
}

#[tokio::test]
async fn a_server_killed_mid_stream_loses_no_confirmed_submission() {
    killed_mid_stream(common::sqlite_store().await).await;
}

#[tokio::test]
async fn postgres_server_killed_mid_stream_loses_no_confirmed_submission() {
    killed_mid_stream(common::postgres_store().await).await;
}

async fn killed_mid_stream(test_store: common::TestStore) {
    let mail = tempfile::tempdir().expect("mail dir");
    let (events_url, events) = common::event_receiver(0).await;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let api_key = make_api_key(&test_store.url);
    let (mut server, base) = start_server(&test_store.url, mail.path(), &events_url);
    wait_until_ready(&client, &base).await;

    // Eight clients submit as fast as they can; each remembers what it saw confirmed.
    let confirmed: Arc<Mutex<BTreeMap<String, String>>> = Arc::default();
    let attempted: Arc<Mutex<Vec<String>>> = Arc::default();
    let mut clients = Vec::new();
    for task in 0..8 {
        let (client, base, api_key) = (client.clone(), base.clone(), api_key.clone());
        let (confirmed, attempted) = (confirmed.clone(), attempted.clone());
        clients.push(tokio::spawn(async move {
            for i in 0.. {
                let key = format!("kill-{task}-{i}");
                attempted.lock().unwrap().push(key.clone());
                match submit(&client, &base, &api_key, &key).await {
                    Some((201, reference)) => {
                        confirmed.lock().unwrap().insert(key, reference);
                    }
                    _ => break, // the server has gone
                }
            }
        }));
    }
    while confirmed.lock().unwrap().len() < 100 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix
    server.wait().expect("reaped");
    for task in clients {
        task.await.unwrap();
    }
    let confirmed = confirmed.lock().unwrap().clone();
    let attempted = attempted.lock().unwrap().clone();
    assert!(confirmed.len() >= 100);

    // Started again on the same file: every confirmed request is there, once.
    let (mut server, base) = start_server(&test_store.url, mail.path(), &events_url);
    wait_until_ready(&client, &base).await;
    let store = &test_store.store;
    for (key, reference) in &confirmed {
        let stored = store
            .load_referral(reference)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{reference} ({key}) was confirmed and lost"));
        assert_eq!(stored.status, "received");
    }
    // Sending every key again: the confirmed ones answer with their first reference, and no
    // key ever makes a second referral.
    for key in &attempted {
        let (status, reference) = submit(&client, &base, &api_key, key)
            .await
            .unwrap_or_else(|| panic!("{key} refused after the restart"));
        if let Some(first) = confirmed.get(key) {
            assert_eq!(
                (status, &reference),
                (200, first),
                "a replay gives the first reference"
            );
        } else {
            assert!(matches!(status, 200 | 201), "{key}: {status}");
        }
    }
    let rows = common::count(&test_store.url, "SELECT COUNT(*) FROM referrals").await;
    let keys = common::count(
        &test_store.url,
        "SELECT COUNT(DISTINCT idempotency_key) FROM referrals",
    )
    .await;
    assert_eq!(rows, attempted.len() as i64, "one referral per key sent");
    assert_eq!(keys, rows, "never two for one key");

    // The acknowledgement emails of every confirmed request leave after the restart.
    let references: Vec<&String> = confirmed.values().collect();
    all_delivered(&references, "emails", || {
        std::fs::read_dir(mail.path())
            .map(|entries| {
                entries
                    .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                    .collect()
            })
            .unwrap_or_default()
    })
    .await;
    // So do their "referral.created" events, to the case-management receiver.
    all_delivered(&references, "events", || {
        events
            .lock()
            .unwrap()
            .iter()
            .map(|(_, body)| body.as_str())
            .collect()
    })
    .await;
    server.kill().unwrap();
    server.wait().unwrap();
}

/// Waits (up to 30 s) until what `delivered` reads mentions every reference.
async fn all_delivered(references: &[&String], what: &str, delivered: impl Fn() -> String) {
    let mut waiting = references.to_vec();
    for _ in 0..300 {
        let seen = delivered();
        waiting.retain(|reference| !seen.contains(reference.as_str()));
        if waiting.is_empty() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "{} confirmed requests' {what} were not delivered",
        waiting.len()
    );
}
