//! "Something has changed", on both databases: through the API (404 for a wrong date of
//! birth, 422 naming what is missing, 409 once closed, a cap per request per day that holds
//! from two client addresses) and from the progress page with HTML alone (errors keep what was
//! typed, a thank-you once); a more urgent change puts the request back in triage as urgent,
//! sends `referral.changed`, and staff see it on the queue and the record until they act.
use crate::common;

use super::web::{sign_in, staff};
use common::{attrs, spawn_app_on, test_config, text_of, TestApp, TestStore};
use serde_json::{json, Value};

async fn tell(app: &TestApp, client: &str, body: Value) -> (u16, Value) {
    let response = app
        .client
        .post(app.url("/api/v1/referrals/changes"))
        .header("x-forwarded-for", client)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

fn change(reference: &str, dob: &str, more_urgent: bool) -> Value {
    json!({ "reference": reference, "date_of_birth": dob,
            "what_changed": "She fell again last night and cannot get upstairs",
            "more_urgent": more_urgent })
}

async fn something_has_changed(store: TestStore) {
    let app = spawn_app_on(store, test_config(false)).await;
    let reference = app.submit_referral(&common::referral_example()).await;

    let (status, _) = tell(&app, "203.0.113.1", change(&reference, "1950-01-01", true)).await;
    assert_eq!(status, 404, "the wrong date of birth");
    let (status, problem) = tell(
        &app,
        "203.0.113.1",
        json!({ "reference": reference, "date_of_birth": "1948-03-02" }),
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, ["what_changed", "more_urgent"]);

    let (status, receipt) = tell(&app, "203.0.113.1", change(&reference, "1948-03-02", true)).await;
    assert_eq!(status, 200, "{receipt}");
    assert_eq!(
        receipt,
        json!({ "reference": reference, "status": "triage" })
    );
    let stored = app.store.load_referral(&reference).await.unwrap().unwrap();
    assert!(stored.urgent && stored.status == "triage" && stored.changed_at.is_some());
    assert_eq!(stored.changes.len(), 1);
    assert!(stored.changes[0].more_urgent);
    let last = stored.history.last().unwrap();
    assert_eq!(
        (last.status.as_str(), last.actor.as_str()),
        ("triage", "resident")
    );
    // Events for one request go out in order: the request's own first, then the change.
    let later = time::OffsetDateTime::now_utc().unix_timestamp() + 60;
    let created = app.store.due_outbox("event", later, 50).await.unwrap();
    assert_eq!(created.len(), 1);
    app.store
        .outbox_delivered(created[0].id, later)
        .await
        .unwrap();
    let events = app.store.due_outbox("event", later, 50).await.unwrap();
    let changed: Vec<Value> = events
        .iter()
        .map(|m| serde_json::from_str::<Value>(&m.payload).unwrap())
        .filter(|e| e.to_string().contains("referral.changed"))
        .collect();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0]["data"]["more_urgent"], true);
    assert!(app.audited("tell_change").await);

    // Staff see it on the queue and the record until they act on it.
    let enrolment = staff(&app, "triage@example.gov.uk", "triage_officer").await;
    sign_in(&app, "triage@example.gov.uk", &enrolment, 0).await;
    let (_, queue) = app.get_html("/staff").await;
    assert!(text_of(&queue, ".app-queue tbody tr")
        .unwrap()
        .contains("Something has changed"));
    let (_, record) = app.get_html(&format!("/staff/referrals/{reference}")).await;
    let main = text_of(&record, "main").unwrap();
    assert!(
        main.contains("What has changed while they wait")
            && main.contains("More urgent now She fell again last night"),
        "{main}"
    );
    let status = [
        ("form[reference]", reference.as_str()),
        ("form[status]", "assessment_arranged"),
        ("form[outcome]", ""),
        ("form[note]", ""),
        ("form[note_for]", "internal"),
        ("form[event_outcome]", ""),
    ];
    app.post_form("/api/staff/referral/status", &status).await;
    let stored = app.store.load_referral(&reference).await.unwrap().unwrap();
    assert_eq!(stored.status, "assessment_arranged");
    assert_eq!(stored.changed_at, None, "acted on");

    // The day's changes for one request are capped, whichever address they come from.
    for i in 1..5 {
        let client = format!("198.51.100.{}", i % 2);
        let (status, _) = tell(&app, &client, change(&reference, "1948-03-02", false)).await;
        assert_eq!(status, 200, "change {i}");
    }
    let (status, problem) = tell(
        &app,
        "198.51.100.9",
        change(&reference, "1948-03-02", false),
    )
    .await;
    assert_eq!(status, 429, "{problem}");
    let stored = app.store.load_referral(&reference).await.unwrap().unwrap();
    assert_eq!(stored.changes.len(), 5);
    assert_eq!(
        stored.status, "assessment_arranged",
        "not more urgent: left where it was"
    );

    // Closed: nothing more is added.
    let other = app.submit_referral(&common::referral_example()).await;
    let close = [
        ("form[reference]", other.as_str()),
        ("form[status]", "closed"),
        ("form[outcome]", "information_and_advice"),
        ("form[note]", ""),
        ("form[note_for]", "internal"),
        ("form[event_outcome]", "nfa_information_advice_signposting"),
    ];
    app.post_form("/api/staff/referral/status", &close).await;
    let (status, _) = tell(&app, "203.0.113.2", change(&other, "1948-03-02", true)).await;
    assert_eq!(status, 409);
    assert!(app
        .store
        .load_referral(&other)
        .await
        .unwrap()
        .unwrap()
        .changes
        .is_empty());
}

#[tokio::test]
async fn something_has_changed_on_sqlite() {
    something_has_changed(common::sqlite_store().await).await;
}

#[tokio::test]
async fn something_has_changed_on_postgres() {
    something_has_changed(common::postgres_store().await).await;
}

/// From the progress page with HTML alone.
#[tokio::test]
async fn the_progress_page_takes_a_change_with_html_alone() {
    let app = spawn_app_on(common::sqlite_store().await, test_config(false)).await;
    let reference = app.submit_referral(&common::referral_example()).await;
    let (_, page) = app.get_html("/track-a-request/something-has-changed").await;
    assert!(
        text_of(&page, "main").unwrap().contains("Find the request"),
        "nothing to add to before a lookup"
    );
    let found = [
        ("form[reference]", reference.as_str()),
        ("form[date_of_birth][day]", "2"),
        ("form[date_of_birth][month]", "3"),
        ("form[date_of_birth][year]", "1948"),
    ];
    assert_eq!(
        app.post_form("/api/track/lookup", &found).await,
        "/track-a-request/progress"
    );
    let (_, page) = app.get_html("/track-a-request/progress").await;
    assert_eq!(
        attrs(
            &page,
            "main a[href='/track-a-request/something-has-changed']",
            "href"
        )
        .len(),
        1
    );

    let half = [("form[what_changed]", "A fall on Sunday")];
    assert_eq!(
        app.post_form("/api/track/change", &half).await,
        "/track-a-request/something-has-changed"
    );
    let (_, page) = app.get_html("/track-a-request/something-has-changed").await;
    assert_eq!(
        attrs(&page, ".govuk-error-summary__list a", "href"),
        ["#more-urgent"]
    );
    assert_eq!(
        text_of(&page, "#what-changed").as_deref(),
        Some("A fall on Sunday")
    );
    let whole = [
        ("form[what_changed]", "A fall on Sunday"),
        ("form[more_urgent]", "no"),
    ];
    assert_eq!(
        app.post_form("/api/track/change", &whole).await,
        "/track-a-request/progress"
    );
    let (_, page) = app.get_html("/track-a-request/progress").await;
    assert!(text_of(&page, ".govuk-notification-banner")
        .unwrap()
        .contains("We have told the First Contact Team"));
    let (_, page) = app.get_html("/track-a-request/progress").await;
    assert!(
        text_of(&page, ".govuk-notification-banner").is_none(),
        "thanked once"
    );
    let stored = app.store.load_referral(&reference).await.unwrap().unwrap();
    assert_eq!(stored.changes[0].what_changed, "A fall on Sunday");
    assert!(!stored.urgent && stored.status == "received");

    let stranger = app.new_browser();
    assert_eq!(
        stranger.post_form("/api/track/change", &whole).await,
        "/track-a-request",
        "only the session that found the request"
    );
    assert_eq!(
        app.store
            .load_referral(&reference)
            .await
            .unwrap()
            .unwrap()
            .changes
            .len(),
        1
    );
}
