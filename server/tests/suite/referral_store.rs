//! The referral half of the `Store` contract, run against real SQLite and real PostgreSQL:
//! exactly once per idempotency key (also under 50 concurrent duplicates), status history,
//! the outbox's order and retries, lookup counters, audit and saved drafts.
use crate::common;

use std::sync::Arc;

use app::store::{
    AuditEntry, CreateReferral, NewOutboxMessage, NewReferralRecord, ReferralPerson, SavedDraft,
    StatusChange, Store, TrackerRecord,
};
use common::{postgres_store, sqlite_store};

fn referral(reference: &str, key: &str, body: &str) -> NewReferralRecord {
    NewReferralRecord {
        reference: reference.into(),
        idempotency_key: key.into(),
        request_body: body.into(),
        kind: "assessment".into(),
        channel: "api".into(),
        partner: None,
        urgent: false,
        lookup_date_of_birth: Some("1948-03-02".into()),
        details: r#"{"for":"self"}"#.into(),
        people: vec![ReferralPerson {
            role: "person".into(),
            given_name: "Amara".into(),
            family_name: "Okafor".into(),
            date_of_birth: Some("1948-03-02".into()),
            phone: "01632 960001".into(),
            email: String::new(),
        }],
        trackers: vec![TrackerRecord {
            name: "Chidi Okafor".into(),
            relationship: "son".into(),
            email: "chidi@example.org".into(),
            phone: String::new(),
        }],
        submitted_at: 1_000,
        check_result: None,
        route_of_access: "community_other".into(),
        requester_type: "self".into(),
        discharge_date: None,
        communication_needs: false,
        age_band: "75-84".into(),
        postcode_district: "EX1".into(),
        outbox: vec![
            NewOutboxMessage {
                channel: "event".into(),
                ordering_key: reference.into(),
                payload: format!(r#"{{"type":"referral.created","reference":"{reference}"}}"#),
                quota: None,
            },
            NewOutboxMessage {
                channel: "email".into(),
                ordering_key: format!("{reference}/0"),
                payload: "{}".into(),
                quota: None,
            },
        ],
    }
}

async fn created_once_then_replayed(store: &dyn Store) {
    let first = store
        .create_referral(&referral("ASC-0000-0000-0001", "api:k1", "{\"a\":1}"))
        .await
        .unwrap();
    let CreateReferral::Created(receipt) = first else {
        panic!("expected Created, got {first:?}")
    };
    assert_eq!(receipt.status, "received");
    // The same key and body, even with a new random reference: the original, nothing new.
    let replay = store
        .create_referral(&referral("ASC-0000-0000-0002", "api:k1", "{\"a\":1}"))
        .await
        .unwrap();
    assert_eq!(replay, CreateReferral::Replayed(receipt.clone()));
    assert!(store
        .load_referral("ASC-0000-0000-0002")
        .await
        .unwrap()
        .is_none());
    // The same key with another body is refused.
    let reused = store
        .create_referral(&referral("ASC-0000-0000-0003", "api:k1", "{\"a\":2}"))
        .await
        .unwrap();
    assert_eq!(reused, CreateReferral::KeyReused);
    // A reference collision with another key asks for a new reference.
    let taken = store
        .create_referral(&referral("ASC-0000-0000-0001", "api:k2", "{\"a\":1}"))
        .await
        .unwrap();
    assert_eq!(taken, CreateReferral::ReferenceTaken);

    let stored = store
        .load_referral("ASC-0000-0000-0001")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.status, "received");
    assert_eq!(stored.lookup_date_of_birth.as_deref(), Some("1948-03-02"));
    assert_eq!(stored.trackers.len(), 1);
    assert_eq!(stored.trackers[0].email, "chidi@example.org");
    assert_eq!(stored.history.len(), 1);
    assert_eq!(stored.history[0].actor, "api submission");
    assert_eq!(store.outbox_pending("event").await.unwrap(), 1);
    assert_eq!(store.outbox_pending("email").await.unwrap(), 1);
}

async fn fifty_concurrent_duplicates_make_one_referral(store: Arc<dyn Store>) {
    let mut tasks = Vec::new();
    for i in 0..50 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            let reference = format!("ASC-0000-0001-{i:04}");
            store
                .create_referral(&referral(
                    &reference,
                    "web:same-submission",
                    "{\"same\":true}",
                ))
                .await
                .unwrap()
        }));
    }
    let mut created = Vec::new();
    let mut replayed = Vec::new();
    for task in tasks {
        match task.await.unwrap() {
            CreateReferral::Created(r) => created.push(r),
            CreateReferral::Replayed(r) => replayed.push(r),
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(created.len(), 1, "exactly one submission creates");
    assert_eq!(replayed.len(), 49);
    assert!(replayed.iter().all(|r| r.reference == created[0].reference));
    assert_eq!(
        store.outbox_pending("event").await.unwrap(),
        1,
        "one event, not fifty"
    );
}

async fn status_changes_are_history_with_their_messages(store: &dyn Store) {
    store
        .create_referral(&referral("ASC-0000-0000-0009", "api:k9", "{}"))
        .await
        .unwrap();
    let change = StatusChange {
        reference: "ASC-0000-0000-0009".into(),
        step: app::store::HistoryStep {
            status: "closed".into(),
            outcome: Some("information_and_advice".into()),
            event_outcome: None,
            note: "We sent details of the lunch club".into(),
            note_visible: true,
            actor: "staff:admin".into(),
            at: 2_000,
        },
        outbox: vec![NewOutboxMessage {
            channel: "event".into(),
            ordering_key: "ASC-0000-0000-0009".into(),
            payload: "{\"type\":\"referral.status_changed\"}".into(),
            quota: None,
        }],
    };
    assert!(store.change_referral_status(&change).await.unwrap());
    let stored = store
        .load_referral("ASC-0000-0000-0009")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (stored.status.as_str(), stored.outcome.as_deref()),
        ("closed", Some("information_and_advice"))
    );
    assert_eq!(stored.history.len(), 2);
    assert_eq!(stored.history[1].note, "We sent details of the lunch club");
    assert!(stored.history[1].note_visible);
    assert_eq!(store.outbox_pending("event").await.unwrap(), 2);
    let missing = StatusChange {
        reference: "ASC-ZZZZ-ZZZZ-ZZZZ".into(),
        ..change
    };
    assert!(!store.change_referral_status(&missing).await.unwrap());
    assert_eq!(
        store.outbox_pending("event").await.unwrap(),
        2,
        "nothing queued for a missing referral"
    );
}

async fn the_outbox_keeps_order_per_key_and_retries(store: &dyn Store) {
    for (reference, key) in [
        ("ASC-0000-0000-00A1", "api:a"),
        ("ASC-0000-0000-00B1", "api:b"),
    ] {
        store
            .create_referral(&referral(reference, key, "{}"))
            .await
            .unwrap();
    }
    store
        .change_referral_status(&StatusChange {
            reference: "ASC-0000-0000-00A1".into(),
            step: app::store::HistoryStep {
                status: "triage".into(),
                outcome: None,
                event_outcome: None,
                note: String::new(),
                note_visible: false,
                actor: "staff".into(),
                at: 1_500,
            },
            outbox: vec![NewOutboxMessage {
                channel: "event".into(),
                ordering_key: "ASC-0000-0000-00A1".into(),
                payload: "second for A".into(),
                quota: None,
            }],
        })
        .await
        .unwrap();
    let due = store.due_outbox("event", 5_000, 10).await.unwrap();
    let keys: Vec<_> = due.iter().map(|m| m.ordering_key.as_str()).collect();
    assert_eq!(
        keys,
        ["ASC-0000-0000-00A1", "ASC-0000-0000-00B1"],
        "one per key, oldest first"
    );
    assert!(due[0].payload.contains("referral.created"));
    // A's first event fails: A's second must wait behind it; B is unaffected.
    store
        .outbox_failed(due[0].id, 6_000, "connection refused")
        .await
        .unwrap();
    store.outbox_delivered(due[1].id, 5_001).await.unwrap();
    assert!(store
        .due_outbox("event", 5_500, 10)
        .await
        .unwrap()
        .is_empty());
    let problems = store.outbox_problems(1).await.unwrap();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].last_error, "connection refused");
    let retry = store.due_outbox("event", 6_000, 10).await.unwrap();
    assert_eq!(retry.len(), 1);
    assert_eq!(retry[0].id, due[0].id);
    assert_eq!(retry[0].attempts, 1);
    store.outbox_delivered(retry[0].id, 6_001).await.unwrap();
    let next = store.due_outbox("event", 6_001, 10).await.unwrap();
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].payload, "second for A");
    assert!(store.outbox_problems(1).await.unwrap().is_empty());
}

async fn lookup_failures_are_counted_in_a_window(store: &dyn Store) {
    for at in [100, 200, 300] {
        store.record_lookup_failure("client:abc", at).await.unwrap();
    }
    store
        .record_lookup_failure("reference:ASC-1", 300)
        .await
        .unwrap();
    assert_eq!(
        store.count_lookup_failures("client:abc", 0).await.unwrap(),
        3
    );
    assert_eq!(
        store
            .count_lookup_failures("client:abc", 200)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        store
            .count_lookup_failures("client:other", 0)
            .await
            .unwrap(),
        0
    );
    assert_eq!(store.delete_old_lookup_failures(250).await.unwrap(), 2);
    assert_eq!(
        store.count_lookup_failures("client:abc", 0).await.unwrap(),
        1
    );
}

async fn audit_and_saved_drafts_round_trip(store: &dyn Store) {
    let entry = AuditEntry {
        at: 10,
        actor: "client:abc".into(),
        action: "status_lookup".into(),
        subject: "ASC-0000-0000-0001".into(),
        detail: "not_found".into(),
        client: String::new(),
    };
    store.record_audit(&entry).await.unwrap();
    assert_eq!(store.recent_audit(5).await.unwrap(), vec![entry]);

    let draft = SavedDraft {
        code_hash: "hash1".into(),
        journey: "referral".into(),
        data: "{\"for\":\"self\"}".into(),
        expires_at: 1_000,
    };
    store.save_draft(&draft).await.unwrap();
    assert_eq!(
        store.load_draft("hash1", 999).await.unwrap(),
        Some(draft.clone())
    );
    assert_eq!(
        store.load_draft("hash1", 1_000).await.unwrap(),
        None,
        "expired"
    );
    let updated = SavedDraft {
        data: "{}".into(),
        expires_at: 2_000,
        ..draft
    };
    store.save_draft(&updated).await.unwrap();
    assert_eq!(
        store
            .load_draft("hash1", 1_500)
            .await
            .unwrap()
            .unwrap()
            .data,
        "{}"
    );
    assert_eq!(store.delete_expired_drafts(2_001).await.unwrap(), 1);
    store.save_draft(&updated).await.unwrap();
    store.delete_draft("hash1").await.unwrap();
    assert_eq!(store.load_draft("hash1", 0).await.unwrap(), None);
}

macro_rules! referral_conformance {
    ($backend:ident, $open:ident) => {
        mod $backend {
            use super::*;
            #[tokio::test]
            async fn exactly_once_per_key() {
                created_once_then_replayed(&*$open().await.store).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn concurrent_duplicates() {
                let test_store = $open().await;
                fifty_concurrent_duplicates_make_one_referral(test_store.store.clone()).await;
            }
            #[tokio::test]
            async fn status_changes() {
                status_changes_are_history_with_their_messages(&*$open().await.store).await;
            }
            #[tokio::test]
            async fn outbox_order_and_retries() {
                the_outbox_keeps_order_per_key_and_retries(&*$open().await.store).await;
            }
            #[tokio::test]
            async fn lookup_failures() {
                lookup_failures_are_counted_in_a_window(&*$open().await.store).await;
            }
            #[tokio::test]
            async fn audit_and_drafts() {
                audit_and_saved_drafts_round_trip(&*$open().await.store).await;
            }
        }
    };
}

referral_conformance!(sqlite, sqlite_store);
referral_conformance!(postgres, postgres_store);
