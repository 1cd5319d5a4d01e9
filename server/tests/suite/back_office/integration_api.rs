//! The case-management system's door, over real HTTP on SQLite and PostgreSQL: signed updates
//! set a referral's status (with the resident's emails and the portal's own event through the
//! outbox) and record the system's case id; missing, wrong and stale signatures, replays,
//! unknown references and broken updates are refused, and a refused update may be sent again.
use crate::common;

use common::{postgres_store, spawn_app_on, sqlite_store, test_config, TestApp, TestStore};
use serde_json::{json, Value};
use server::api::integration::signature_v2;

const SECRET: &str = "shared secret for the test";

async fn app_on(store: TestStore, secret: &str) -> TestApp {
    let mut config = test_config(false);
    config.integration_secret = secret.to_owned();
    spawn_app_on(store, config).await
}

async fn referral(app: &TestApp) -> String {
    app.submit_referral(&common::referral_example()).await
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Posts an update signed with `secret` at `timestamp`, as the case-management system would.
async fn send(
    app: &TestApp,
    reference: &str,
    event_id: &str,
    timestamp: i64,
    secret: &str,
    body: &Value,
) -> (u16, Value) {
    let path = format!("/api/v1/integration/referrals/{reference}/status");
    let body = body.to_string();
    let signed = signature_v2(secret, timestamp, event_id, "POST", &path, body.as_bytes());
    send_signed(app, &path, event_id, timestamp, &signed, &body).await
}

/// Posts `body` to `path` with exactly these headers: a captured update, replayed.
async fn send_signed(
    app: &TestApp,
    path: &str,
    event_id: &str,
    timestamp: i64,
    signature: &str,
    body: &str,
) -> (u16, Value) {
    let response = app
        .client
        .post(app.url(path))
        .header("content-type", "application/json")
        .header("x-portal-event-id", event_id)
        .header("x-portal-timestamp", timestamp.to_string())
        .header("x-portal-signature", signature)
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn signed_updates(store: TestStore) {
    let app = app_on(store, SECRET).await;
    let reference = referral(&app).await;
    let update = json!({ "status": "assessment_arranged", "note": "Assessment on 3 December at home",
                         "note_visible": true, "case_id": "MOS-204518" });

    // Refusals change nothing.
    let (status, problem) = send(&app, &reference, "e1", now(), "another secret", &update).await;
    assert_eq!(status, 401, "{problem}");
    assert_eq!(problem["detail"], "The signature does not match");
    let (status, problem) = send(&app, &reference, "e1", now() - 600, SECRET, &update).await;
    assert_eq!(status, 401, "stale: {problem}");
    let response = app
        .client
        .post(app.url(&format!("/api/v1/integration/referrals/{reference}/status")))
        .json(&update)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 401, "unsigned");
    let (status, _) = send(
        &app,
        &reference,
        "e1",
        now(),
        SECRET,
        &json!({ "status": "lost" }),
    )
    .await;
    assert_eq!(status, 422);
    let (status, _) = send(&app, "ASC-0000-0000-0000", "e1", now(), SECRET, &update).await;
    assert_eq!(status, 404);
    let stored = app.store.load_referral(&reference).await.unwrap().unwrap();
    assert_eq!(
        (stored.status.as_str(), stored.case_id.as_deref()),
        ("received", None)
    );

    // A good update, sent under an event id that was refused before.
    let events_before = app.store.outbox_pending("event").await.unwrap();
    let (status, receipt) = send(&app, &reference, "e1", now(), SECRET, &update).await;
    assert_eq!(status, 200, "{receipt}");
    let captured_at = now();
    assert_eq!(
        receipt,
        json!({ "reference": reference, "status": "assessment_arranged", "case_id": "MOS-204518" })
    );
    let stored = app.store.load_referral(&reference).await.unwrap().unwrap();
    assert_eq!(stored.case_id.as_deref(), Some("MOS-204518"));
    let last = stored.history.last().unwrap();
    assert_eq!(
        (last.status.as_str(), last.actor.as_str()),
        ("assessment_arranged", "case-management system")
    );
    assert!(last.note_visible);
    assert_eq!(
        app.store.outbox_pending("event").await.unwrap(),
        events_before + 1
    );

    // A replay is refused, even signed afresh.
    let (status, _) = send(&app, &reference, "e1", now(), SECRET, &update).await;
    assert_eq!(status, 409);
    assert_eq!(
        app.store
            .load_referral(&reference)
            .await
            .unwrap()
            .unwrap()
            .history
            .len(),
        2
    );

    // A captured update replayed against another reference, or under a new event id, or with
    // another body, no longer matches its signature; a v1 signature is refused outright.
    let other = referral(&app).await;
    let body = update.to_string();
    let path = format!("/api/v1/integration/referrals/{reference}/status");
    let captured = signature_v2(SECRET, captured_at, "e1", "POST", &path, body.as_bytes());
    let other_path = format!("/api/v1/integration/referrals/{other}/status");
    let (status, problem) =
        send_signed(&app, &other_path, "e1", captured_at, &captured, &body).await;
    assert_eq!(
        (status, problem["detail"].as_str()),
        (401, Some("The signature does not match"))
    );
    let (status, _) = send_signed(&app, &other_path, "e9", captured_at, &captured, &body).await;
    assert_eq!(status, 401, "another event id");
    let (status, _) = send_signed(&app, &path, "e9", captured_at, &captured, &body).await;
    assert_eq!(status, 401, "the same reference under another event id");
    let closing = json!({ "status": "closed", "outcome": "withdrawn" }).to_string();
    let (status, _) = send_signed(&app, &path, "e1", captured_at, &captured, &closing).await;
    assert_eq!(status, 401, "another body");
    let v1 = server::delivery::events::signature(SECRET, now(), &body);
    let (status, problem) = send_signed(&app, &other_path, "e10", now(), &v1, &body).await;
    assert_eq!(status, 401, "v1 is refused: {problem}");
    let untouched = app.store.load_referral(&other).await.unwrap().unwrap();
    assert_eq!(
        (untouched.status.as_str(), untouched.case_id.as_deref()),
        ("received", None)
    );

    // A case id alone.
    let (status, receipt) = send(
        &app,
        &reference,
        "e2",
        now(),
        SECRET,
        &json!({ "case_id": "MOS-9" }),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(receipt["case_id"], "MOS-9");
    assert!(app.audited("integration_update").await);
}

#[tokio::test]
async fn without_a_secret_updates_are_not_accepted() {
    let app = app_on(sqlite_store().await, "").await;
    let reference = referral(&app).await;
    let (status, _) = send(
        &app,
        &reference,
        "e1",
        now(),
        "",
        &json!({ "status": "triage" }),
    )
    .await;
    assert_eq!(status, 503);
}

#[tokio::test]
async fn signed_updates_on_sqlite() {
    signed_updates(sqlite_store().await).await;
}

#[tokio::test]
async fn signed_updates_on_postgres() {
    signed_updates(postgres_store().await).await;
}
