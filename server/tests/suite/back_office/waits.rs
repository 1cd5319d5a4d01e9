//! Honest waits on both databases: with too little history the status API says nothing
//! (`expected_wait: null`); with enough, the range is the middle half of recent waits for
//! requests of the same kind and urgency, with the position in the queue, and the progress
//! page and the acknowledgement email say it in words as an estimate.
use crate::common;

use app::store::StatusChange;
use common::{spawn_app_on, test_config, text_of, TestStore};
use serde_json::{json, Value};

const DAY: i64 = 86_400;

async fn waits_are_told_honestly(store: TestStore) {
    let app = spawn_app_on(store, test_config(false)).await;
    let status = |reference: String| {
        let app = &app;
        async move {
            let response = app
                .client
                .post(app.url("/api/v1/referrals/status"))
                .json(&json!({ "reference": reference, "date_of_birth": "1948-03-02" }))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status().as_u16(), 200);
            response.json::<Value>().await.unwrap()
        }
    };
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let first_contact_after = |reference: String, days: i64| {
        let app = &app;
        async move {
            assert!(app
                .store
                .change_referral_status(&StatusChange {
                    reference,
                    step: app::store::HistoryStep {
                        status: "triage".into(),
                        outcome: None,
                        event_outcome: None,
                        note: String::new(),
                        note_visible: false,
                        actor: "staff:test".into(),
                        at: now + days * DAY,
                    },
                    outbox: Vec::new(),
                })
                .await
                .unwrap());
        }
    };
    for days in 1..=9 {
        let reference = app.submit_referral(&common::referral_example()).await;
        first_contact_after(reference, days).await;
    }
    let mut body = common::referral_example();
    body["person"]["email"] = json!("waiting@example.org");
    body["trackers"] = json!([]);
    let waiting = app.submit_referral(&body).await;
    let view = status(waiting.clone()).await;
    assert_eq!(
        view["expected_wait"],
        Value::Null,
        "nine requests are too few: {view}"
    );

    for days in 10..=12 {
        let reference = app.submit_referral(&common::referral_example()).await;
        first_contact_after(reference, days).await;
    }
    // A second later, so it is certainly behind the first (the queue orders by the second,
    // then by reference).
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    // Its own address: the others have had the day's acknowledgements.
    let mut body = common::referral_example();
    body["person"]["email"] = json!("behind@example.org");
    body["trackers"] = json!([]);
    let behind = app.submit_referral(&body).await;
    let today = app::domain::office_hours::uk_local(time::OffsetDateTime::now_utc()).date();
    let day = |n: i64| app::domain::checks::iso_date(today + time::Duration::days(n));
    let view = status(behind.clone()).await;
    assert_eq!(
        view["expected_wait"],
        json!({ "next_step": "first_contact", "likely_by": day(6),
                "range": { "from": day(3), "to": day(9) },
                "based_on": "requests like this in the last 12 weeks", "position": 2 }),
        "waits of 1 to 12 days: the middle half, and one request ahead"
    );
    assert_eq!(
        status(waiting.clone()).await["expected_wait"]["position"],
        1
    );

    let found = [
        ("form[reference]", behind.as_str()),
        ("form[date_of_birth][day]", "2"),
        ("form[date_of_birth][month]", "3"),
        ("form[date_of_birth][year]", "1948"),
    ];
    app.post_form("/api/track/lookup", &found).await;
    let (_, page) = app.get_html("/track-a-request/progress").await;
    let main = text_of(&page, "main").unwrap();
    let describe =
        |n: i64| app::domain::office_hours::describe_date(today + time::Duration::days(n));
    let said = format!(
        "What happens next Requests like this one have recently been contacted by the First Contact Team between {} and {}, most often by {}. This is an estimate from requests like this in the last 12 weeks, not a promise. There is 1 request of this kind ahead of it in the queue.",
        describe(3),
        describe(9),
        describe(6)
    );
    assert!(main.contains(&said), "{said} in {main}");

    // The acknowledgement said the same, before the request was written: behind the one
    // already waiting.
    let acknowledged = format!(
        "SELECT COUNT(*) FROM outbox WHERE channel = 'email' AND ordering_key LIKE '{behind}%' \
         AND payload LIKE '%behind@example.org%' \
         AND payload LIKE '%recently been contacted by the First Contact Team between {} and {}, most often by {}.%' \
         AND payload LIKE '%There is 1 request of this kind ahead of it in the queue.%'",
        describe(3),
        describe(9),
        describe(6)
    );
    assert_eq!(common::count(&app.database_url, &acknowledged).await, 1);
    let unsaid = format!(
        "SELECT COUNT(*) FROM outbox WHERE channel = 'email' AND ordering_key LIKE '{waiting}%' \
         AND payload LIKE '%waiting@example.org%'"
    );
    assert_eq!(common::count(&app.database_url, &unsaid).await, 1);
    let unsaid = format!("{unsaid} AND payload LIKE '%recently been contacted%'");
    assert_eq!(
        common::count(&app.database_url, &unsaid).await,
        0,
        "with nine requests behind it, the first acknowledgement said nothing of a wait"
    );
}

#[tokio::test]
async fn waits_are_told_honestly_on_sqlite() {
    waits_are_told_honestly(common::sqlite_store().await).await;
}

#[tokio::test]
async fn waits_are_told_honestly_on_postgres() {
    waits_are_told_honestly(common::postgres_store().await).await;
}
