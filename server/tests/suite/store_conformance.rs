//! One conformance suite for every `Store` implementation, run against real SQLite and real
//! PostgreSQL (no mocks). Each test gets an empty database of its own.
use crate::common;

use app::store::{NewFeedback, SessionRecord, Store};
use common::{postgres_store, sqlite_store};

async fn feedback_round_trips_newest_first(store: &dyn Store) {
    assert!(store.recent_feedback(10).await.unwrap().is_empty());
    let first = NewFeedback {
        satisfaction: "satisfied".into(),
        improvements: "Bigger buttons".into(),
        submitted_at: 1_000,
    };
    let second = NewFeedback {
        satisfaction: "very_dissatisfied".into(),
        improvements: String::new(),
        submitted_at: 2_000,
    };
    let first_id = store.save_feedback(&first).await.unwrap();
    let second_id = store.save_feedback(&second).await.unwrap();
    assert_ne!(first_id, second_id);
    let stored = store.recent_feedback(10).await.unwrap();
    assert_eq!(stored.len(), 2);
    assert_eq!(
        (
            stored[0].id,
            stored[0].satisfaction.as_str(),
            stored[0].submitted_at
        ),
        (second_id, "very_dissatisfied", 2_000)
    );
    assert_eq!(
        (stored[1].id, stored[1].improvements.as_str()),
        (first_id, "Bigger buttons")
    );
    assert_eq!(
        store.recent_feedback(1).await.unwrap().len(),
        1,
        "the limit is respected"
    );
}

async fn feedback_outside_the_scale_is_refused(store: &dyn Store) {
    let bad = NewFeedback {
        satisfaction: "delighted".into(),
        improvements: String::new(),
        submitted_at: 1,
    };
    assert!(
        store.save_feedback(&bad).await.is_err(),
        "the database's CHECK refuses unknown codes"
    );
    assert!(
        store.recent_feedback(10).await.unwrap().is_empty(),
        "nothing half-written"
    );
}

async fn sessions_create_load_save_expire_and_delete(store: &dyn Store) {
    let session = SessionRecord {
        id: "abc".into(),
        data: r#"{"feedback":{}}"#.into(),
        expires_at: 1_000,
    };
    assert!(store.create_session(&session).await.unwrap());
    assert!(
        !store.create_session(&session).await.unwrap(),
        "an id already taken is reported, not overwritten"
    );
    assert_eq!(
        store.load_session("abc", 999).await.unwrap(),
        Some(session.clone())
    );
    assert_eq!(
        store.load_session("abc", 1_000).await.unwrap(),
        None,
        "expired at its expiry time"
    );
    assert_eq!(store.load_session("nope", 0).await.unwrap(), None);

    let updated = SessionRecord {
        data: r#"{"feedback":{"satisfaction":"neither"}}"#.into(),
        expires_at: 5_000,
        ..session
    };
    store.save_session(&updated).await.unwrap();
    assert_eq!(
        store.load_session("abc", 1_000).await.unwrap(),
        Some(updated.clone())
    );
    let fresh = SessionRecord {
        id: "def".into(),
        data: "{}".into(),
        expires_at: 9_000,
    };
    store.save_session(&fresh).await.unwrap();

    assert_eq!(
        store.delete_expired_sessions(6_000).await.unwrap(),
        1,
        "only the expired one"
    );
    assert_eq!(store.load_session("abc", 0).await.unwrap(), None);
    store.delete_session("def").await.unwrap();
    assert_eq!(store.load_session("def", 0).await.unwrap(), None);
    store.delete_session("def").await.unwrap();
}

async fn ping_answers(store: &dyn Store) {
    store.ping().await.expect("a fresh store answers");
}

macro_rules! conformance {
    ($backend:ident, $open:ident) => {
        mod $backend {
            use super::*;
            #[tokio::test]
            async fn ping() {
                ping_answers(&*$open().await.store).await;
            }
            #[tokio::test]
            async fn feedback_round_trip() {
                feedback_round_trips_newest_first(&*$open().await.store).await;
            }
            #[tokio::test]
            async fn feedback_check_constraint() {
                feedback_outside_the_scale_is_refused(&*$open().await.store).await;
            }
            #[tokio::test]
            async fn sessions() {
                sessions_create_load_save_expire_and_delete(&*$open().await.store).await;
            }
        }
    };
}

conformance!(sqlite, sqlite_store);
conformance!(postgres, postgres_store);

#[tokio::test]
async fn sqlite_database_is_in_wal_mode() {
    use sqlx::Connection;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/portal.db", dir.path().display());
    let store = server::store::open(&url).await.unwrap();
    assert_eq!(store.backend(), "sqlite");
    let mut connection = sqlx::SqliteConnection::connect(&url).await.unwrap();
    let (mode,): (String,) = sqlx::query_as("PRAGMA journal_mode")
        .fetch_one(&mut connection)
        .await
        .unwrap();
    assert_eq!(mode, "wal");
}

#[tokio::test]
async fn unknown_database_schemes_are_refused() {
    let error = server::store::open("mysql://localhost/portal")
        .await
        .unwrap_err();
    assert!(error.to_string().contains("sqlite: or postgres:"));
}

/// Two instances on one PostgreSQL: one leads a channel's outbox at a time; the other leads as
/// soon as the first lets go, and leading one channel does not stop the other.
#[tokio::test]
async fn postgres_outbox_is_led_by_one_instance_at_a_time() {
    let first = postgres_store().await;
    let second = server::store::open(&first.url)
        .await
        .expect("a second instance");
    let lead = first.store.lead_outbox("email").await.unwrap();
    assert!(lead.is_some(), "the first leads");
    assert!(
        second.lead_outbox("email").await.unwrap().is_none(),
        "the second waits"
    );
    assert!(
        second.lead_outbox("event").await.unwrap().is_some(),
        "another channel is free"
    );
    lead.unwrap().release().await;
    // Released, the lead is free at once, every time: no waiting, no luck (a lead whose
    // rollback was only queued kept the lock on an idle pooled connection about one run in six).
    for round in 0..100 {
        let (leader, follower) = if round % 2 == 0 {
            (&first.store, &second)
        } else {
            (&second, &first.store)
        };
        let lead = leader.lead_outbox("email").await.unwrap();
        assert!(
            lead.is_some(),
            "round {round}: the lead is free after a release"
        );
        assert!(follower.lead_outbox("email").await.unwrap().is_none());
        lead.unwrap().release().await;
        let again = follower.lead_outbox("email").await.unwrap();
        assert!(
            again.is_some(),
            "round {round}: the other instance leads at once"
        );
        again.unwrap().release().await;
    }
    // Dropped without a release (a panic, a cancelled task), the lead still lets go.
    drop(first.store.lead_outbox("email").await.unwrap());
    let mut led = false;
    for _ in 0..50 {
        if let Some(lead) = second.lead_outbox("email").await.unwrap() {
            lead.release().await;
            led = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(led, "the second leads once a dropped lead lets go");
}

#[tokio::test]
async fn sqlite_always_leads_its_outbox() {
    let store = sqlite_store().await.store;
    let first = store.lead_outbox("email").await.unwrap();
    assert!(first.is_some() && store.lead_outbox("email").await.unwrap().is_some());
}
