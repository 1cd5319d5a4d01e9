//! Check-ins while waiting, on both databases: every few weeks while a request is open, a
//! "still waiting" email to the person and those following it, with the estimate and what
//! to do if things get worse; never about a closed request or a safeguarding concern (nor to
//! its reporter); once per period however often the sweep runs; none when the council sets
//! 0 weeks.
use crate::common;

use app::journeys::referral::check_ins::send_due_check_ins;
use app::settings::Settings;
use common::{spawn_app_on, test_config, TestStore};
use serde_json::json;
use time::{Duration, OffsetDateTime};

async fn check_ins_reach_those_waiting(store: TestStore) {
    let app = spawn_app_on(store, test_config(false)).await;
    let waiting = app.submit_referral(&common::referral_example()).await;
    let closed = app.submit_referral(&common::referral_example()).await;
    let now = OffsetDateTime::now_utc();
    app::journeys::referral::service::change_status(
        &*app.store,
        &Settings::default(),
        now,
        &closed,
        &app::journeys::referral::service::StatusUpdate {
            status: "closed",
            outcome: Some("withdrawn"),
            event_outcome: Some("nfa_moved_to_another_la"),
            note: "",
            note_visible: false,
        },
        "staff:test",
    )
    .await
    .unwrap();
    let concern = app
        .submit_referral(&json!({
            "for": "someone_else",
            "kind": "safeguarding_concern",
            "person": { "given_name": "Edna", "address_line_1": "4 Quay Street", "town": "Exampletown",
                        "email": "edna@example.org" },
            "concern": { "what_happened": "Her son takes her pension", "person_knows": "no" },
            "referrer": { "given_name": "Jo", "family_name": "Bloggs", "relationship": "Neighbour",
                          "email": "jo@example.org", "date_of_birth": "1980-01-31" }
        }))
        .await;

    let settings = Settings {
        check_in_weeks: 4,
        ..Settings::default()
    };
    let check_ins_of = |reference: &str| {
        format!(
            "SELECT COUNT(*) FROM outbox WHERE channel = 'email' AND ordering_key LIKE '{reference}/%' \
             AND payload LIKE '%Still waiting: {reference}%'"
        )
    };
    let sweep = |at: OffsetDateTime| {
        let (store, settings) = (app.store.clone(), settings.clone());
        async move { send_due_check_ins(&*store, &settings, at).await.unwrap() }
    };

    assert_eq!(
        sweep(now + Duration::weeks(4) - Duration::hours(1)).await,
        0,
        "not yet due"
    );
    let four_weeks_on = now + Duration::weeks(4) + Duration::hours(1);
    assert_eq!(sweep(four_weeks_on).await, 1, "only the open request");
    assert_eq!(
        common::count(&app.database_url, &check_ins_of(&waiting)).await,
        2,
        "to Amara and to her son, who follows it"
    );
    let said = format!(
        "SELECT COUNT(*) FROM outbox WHERE ordering_key LIKE '{waiting}/%' \
         AND payload LIKE '%Dear Chidi%' AND payload LIKE '%Request {waiting} is still open%' \
         AND payload LIKE '%We cannot yet say when the next step will be.%' \
         AND payload LIKE '%If things have got worse or something has changed, tell us at %/track-a-request%' \
         AND payload LIKE '%call the Care Line on %' AND payload NOT LIKE '%Okafor%'"
    );
    assert_eq!(
        common::count(&app.database_url, &said).await,
        1,
        "first names only"
    );
    assert_eq!(
        common::count(&app.database_url, &check_ins_of(&closed)).await,
        0
    );
    assert_eq!(
        common::count(&app.database_url, &check_ins_of(&concern)).await,
        0,
        "never about a concern"
    );
    let to_reporter = "SELECT COUNT(*) FROM outbox WHERE payload LIKE '%jo@example.org%' \
                       AND payload LIKE '%Still waiting%'";
    assert_eq!(common::count(&app.database_url, to_reporter).await, 0);

    assert_eq!(sweep(four_weeks_on).await, 0, "once, however often it runs");
    assert_eq!(sweep(four_weeks_on + Duration::weeks(2)).await, 0);
    assert_eq!(
        sweep(four_weeks_on + Duration::weeks(4)).await,
        1,
        "and again 4 weeks on"
    );
    assert_eq!(
        common::count(&app.database_url, &check_ins_of(&waiting)).await,
        4
    );

    let off = Settings {
        check_in_weeks: 0,
        ..Settings::default()
    };
    assert_eq!(
        send_due_check_ins(&*app.store, &off, now + Duration::weeks(52))
            .await
            .unwrap(),
        0,
        "a council may turn them off"
    );
}

#[tokio::test]
async fn check_ins_reach_those_waiting_on_sqlite() {
    check_ins_reach_those_waiting(common::sqlite_store().await).await;
}

#[tokio::test]
async fn check_ins_reach_those_waiting_on_postgres() {
    check_ins_reach_those_waiting(common::postgres_store().await).await;
}
