//! The retention purge on real SQLite and PostgreSQL: closed referrals past their time lose
//! their personal details but keep what the council's figures need; open ones and recent ones
//! are untouched; delivered messages, audit entries and integration receipts go when old;
//! a second run changes nothing. And `server purge-expired` as the real binary. A person is
//! found in every record that names them (a name written in the answers by its whole words), and a closed request can be erased at once. Years
//! of closed requests due at once are purged in batches.
use crate::common;

use app::store::{
    AuditEntry, CreateReferral, NewOutboxMessage, NewReferralRecord, PurgeReport, ReferralPerson,
    StatusChange, Store, TrackerRecord,
};
use common::{postgres_store, sqlite_store, TestStore};
use server::retention::RetentionPolicy;

const DAY: i64 = 86_400;

async fn referral(store: &dyn Store, n: u32, at: i64) -> String {
    referral_saying(store, n, at, r#"{"person":{"given_name":"Amara"}}"#).await
}

/// A request for Amara whose stored answers are `details`.
async fn referral_saying(store: &dyn Store, n: u32, at: i64, details: &str) -> String {
    let reference = format!("ASC-0000-0000-{n:04}");
    let record = NewReferralRecord {
        reference: reference.clone(),
        idempotency_key: format!("api:{n}"),
        request_body: r#"{"person":{"given_name":"Amara"}}"#.into(),
        kind: "assessment".into(),
        channel: "web".into(),
        partner: None,
        urgent: false,
        lookup_date_of_birth: Some("1948-03-02".into()),
        details: details.into(),
        people: vec![ReferralPerson {
            role: "person".into(),
            given_name: "Amara".into(),
            family_name: "Okafor".into(),
            date_of_birth: Some("1948-03-02".into()),
            phone: "01632 960001".into(),
            email: "amara@example.org".into(),
        }],
        trackers: vec![TrackerRecord {
            name: "Chidi Okafor".into(),
            relationship: "son".into(),
            email: "chidi@example.org".into(),
            phone: String::new(),
        }],
        submitted_at: at,
        check_result: None,
        route_of_access: "community_other".into(),
        requester_type: "self".into(),
        discharge_date: None,
        communication_needs: false,
        age_band: "75-84".into(),
        postcode_district: "EX1".into(),
        outbox: vec![NewOutboxMessage {
            channel: "email".into(),
            ordering_key: format!("{reference}/0"),
            payload: r#"{"to":"amara@example.org"}"#.into(),
            quota: None,
        }],
    };
    assert!(matches!(
        store.create_referral(&record).await.unwrap(),
        CreateReferral::Created(_)
    ));
    reference
}

async fn close(store: &dyn Store, reference: &str, at: i64) {
    let change = StatusChange {
        reference: reference.into(),
        step: app::store::HistoryStep {
            status: "closed".into(),
            outcome: Some("information_and_advice".into()),
            event_outcome: None,
            note: "Spoke to Amara about the lunch club".into(),
            note_visible: true,
            actor: "staff:ann@example.gov.uk".into(),
            at,
        },
        outbox: vec![],
    };
    assert!(store.change_referral_status(&change).await.unwrap());
}

async fn the_policy_removes_what_it_no_longer_keeps(store: &dyn Store) {
    let now = 100_000 * DAY;
    let policy = RetentionPolicy {
        closed_referral_days: 365,
        delivered_message_days: 30,
        undelivered_message_days: 14,
        audit_days: 730,
    };
    let old_closed = referral(store, 1, now - 800 * DAY).await;
    close(store, &old_closed, now - 700 * DAY).await;
    let recently_closed = referral(store, 2, now - 800 * DAY).await;
    close(store, &recently_closed, now - 10 * DAY).await;
    let old_open = referral(store, 3, now - 800 * DAY).await;

    // Deliver every message: two long ago, one recently.
    for message in store.due_outbox("email", i64::MAX, 10).await.unwrap() {
        let at = if message.ordering_key.starts_with(&old_open) {
            now - DAY
        } else {
            now - 60 * DAY
        };
        store.outbox_delivered(message.id, at).await.unwrap();
    }
    // An old message never delivered expires: erased, never sent, and counted for staff.
    let undelivered = referral(store, 4, now - 800 * DAY).await;
    // A recent one waits.
    let waiting = referral(store, 5, now - 2 * DAY).await;
    for (at, action) in [(now - 800 * DAY, "old"), (now - DAY, "new")] {
        store
            .record_audit(&AuditEntry {
                at,
                actor: "staff:ann@example.gov.uk".into(),
                action: action.into(),
                subject: old_closed.clone(),
                detail: String::new(),
                client: String::new(),
            })
            .await
            .unwrap();
    }
    assert!(store
        .record_integration_receipt("old-event", now - 2 * DAY)
        .await
        .unwrap());
    assert!(store
        .record_integration_receipt("new-event", now - 60)
        .await
        .unwrap());

    let report = store.purge_expired(&policy.cutoffs(now)).await.unwrap();
    assert_eq!(
        report,
        PurgeReport {
            referrals_anonymised: 1,
            messages_expired: 1,
            messages_deleted: 2,
            audit_entries_deleted: 1,
            receipts_deleted: 1
        }
    );

    let gone = store
        .load_referral(&old_closed)
        .await
        .unwrap()
        .expect("the referral stays, for the figures");
    assert_eq!(
        (
            gone.kind.as_str(),
            gone.status.as_str(),
            gone.outcome.as_deref()
        ),
        ("assessment", "closed", Some("information_and_advice"))
    );
    assert_eq!(gone.details, "{}");
    assert_eq!(
        gone.lookup_date_of_birth, None,
        "nobody can open it by date of birth any more"
    );
    assert!(gone.trackers.is_empty());
    assert!(gone.history.iter().all(|h| h.note.is_empty()));
    assert!(store
        .referral_queue(&app::store::QueueQuery {
            kinds: vec!["assessment".into()],
            status: Some("closed".into()),
            page: 1,
            per_page: 10,
            ..Default::default()
        })
        .await
        .unwrap()
        .items
        .iter()
        .filter(|i| i.reference == old_closed)
        .all(|i| i.given_name.is_empty()));

    for kept in [&recently_closed, &old_open] {
        let referral = store.load_referral(kept).await.unwrap().unwrap();
        assert!(
            referral.details.contains("Amara"),
            "{kept} keeps its details"
        );
        assert_eq!(referral.trackers.len(), 1);
    }
    let due = store.due_outbox("email", i64::MAX, 10).await.unwrap();
    assert_eq!(
        due.iter()
            .map(|m| m.ordering_key.as_str())
            .collect::<Vec<_>>(),
        vec![format!("{waiting}/0")],
        "{undelivered}'s email expired; {waiting}'s still waits"
    );
    let health = store.outbox_health(5).await.unwrap();
    let email = health.iter().find(|c| c.channel == "email").unwrap();
    assert_eq!(
        (email.pending, email.expired),
        (1, 1),
        "staff see the expired one"
    );
    let audit = store.recent_audit(10).await.unwrap();
    assert_eq!(
        audit.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        vec!["new"]
    );
    assert!(
        store
            .record_integration_receipt("new-event", now)
            .await
            .is_ok_and(|fresh| !fresh),
        "the fresh receipt stays"
    );

    // Nothing left to do.
    assert_eq!(
        store.purge_expired(&policy.cutoffs(now)).await.unwrap(),
        PurgeReport::default()
    );
}

async fn a_person_is_found_everywhere_and_erased_where_allowed(test_store: TestStore) {
    let store = &*test_store.store;
    let closed = referral(store, 1, 1_000).await;
    close(store, &closed, 2_000).await;
    let open = referral(store, 2, 3_000).await;
    let also_amara = referral(store, 3, 3_000).await;

    let found = store
        .find_subject("AMARA", "okafor", "1948-03-02")
        .await
        .unwrap();
    assert_eq!(
        found.referrals,
        vec![closed.clone(), open.clone(), also_amara]
    );
    assert!(found.carers.is_empty());
    assert_eq!(
        store
            .find_subject("Amara", "Okafor", "1948-03-03")
            .await
            .unwrap(),
        Default::default()
    );

    // Named as someone following a request, without a date of birth: possible matches.
    let chidi = store
        .find_subject("Chidi", "OKAFOR", "1975-01-01")
        .await
        .unwrap();
    assert!(chidi.referrals.is_empty() && chidi.carers.is_empty());
    assert_eq!(chidi.mentioned.len(), 3, "{chidi:?}");

    let naming = format!(
        "SELECT COUNT(*) FROM outbox WHERE ordering_key LIKE '{closed}%' AND payload LIKE '%amara%'"
    );
    assert_eq!(common::count(&test_store.url, &naming).await, 1);
    assert!(store.anonymise_referral(&closed, 5_000).await.unwrap());
    assert_eq!(
        common::count(&test_store.url, &naming).await,
        0,
        "its messages are erased with it"
    );
    assert!(
        store
            .due_outbox("email", i64::MAX, 10)
            .await
            .unwrap()
            .iter()
            .all(|m| !m.ordering_key.starts_with(&closed)),
        "and never sent"
    );
    assert!(
        !store.anonymise_referral(&closed, 5_000).await.unwrap(),
        "once"
    );
    assert!(
        !store.anonymise_referral(&open, 5_000).await.unwrap(),
        "an open request is kept"
    );
    assert_eq!(
        store.load_referral(&closed).await.unwrap().unwrap().details,
        "{}"
    );
    assert!(store
        .load_referral(&open)
        .await
        .unwrap()
        .unwrap()
        .details
        .contains("Amara"));
    let found = store
        .find_subject("Amara", "Okafor", "1948-03-02")
        .await
        .unwrap();
    assert!(
        !found.referrals.contains(&closed),
        "erased: no longer found by name"
    );
}

/// A name written in the answers is found by its whole words, whatever their case; the
/// words of an erased request are gone with it.
async fn a_name_written_in_the_answers_is_found(test_store: TestStore) {
    let store = &*test_store.store;
    let details = r#"{"needs":{"summary":"My neighbour NGOZI Bello-Adeyemi calls in every day"}}"#;
    let written = referral_saying(store, 10, 1_000, details).await;
    referral(store, 11, 1_000).await;
    let mentioned = |given: &'static str, family: &'static str| async move {
        store
            .find_subject(given, family, "1950-01-01")
            .await
            .unwrap()
            .mentioned
    };
    assert_eq!(
        mentioned("Ngozi", "Bello-Adeyemi").await,
        vec![written.clone()]
    );
    assert_eq!(mentioned(" ngozi ", "bello").await, vec![written.clone()]);
    assert!(
        mentioned("Zi", "Bello").await.is_empty(),
        "whole words only"
    );
    assert!(
        mentioned("Ngozi", "Adeyemi").await.is_empty(),
        "the name as written"
    );
    assert!(mentioned("Amara", "Okafor").await.is_empty());
    close(store, &written, 2_000).await;
    assert!(store.anonymise_referral(&written, 3_000).await.unwrap());
    assert!(
        mentioned("Ngozi", "Bello-Adeyemi").await.is_empty(),
        "erased"
    );
}

#[tokio::test]
async fn a_name_written_in_the_answers_is_found_on_sqlite() {
    a_name_written_in_the_answers_is_found(sqlite_store().await).await;
}

#[tokio::test]
async fn a_name_written_in_the_answers_is_found_on_postgres() {
    a_name_written_in_the_answers_is_found(postgres_store().await).await;
}

#[tokio::test]
async fn subject_on_sqlite() {
    a_person_is_found_everywhere_and_erased_where_allowed(sqlite_store().await).await;
}

#[tokio::test]
async fn subject_on_postgres() {
    a_person_is_found_everywhere_and_erased_where_allowed(postgres_store().await).await;
}

#[tokio::test]
async fn purge_on_sqlite() {
    the_policy_removes_what_it_no_longer_keeps(&*sqlite_store().await.store).await;
}

#[tokio::test]
async fn purge_on_postgres() {
    the_policy_removes_what_it_no_longer_keeps(&*postgres_store().await.store).await;
}

#[tokio::test]
async fn purge_expired_runs_from_the_command_line() {
    let test_store = sqlite_store().await;
    let reference = referral(&*test_store.store, 9, 1_000).await;
    close(&*test_store.store, &reference, 2_000).await;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("purge-expired")
        .env("DATABASE_URL", &test_store.url)
        .env("NO_COLOR", "1")
        .output()
        .expect("run server purge-expired");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("Anonymised 1 closed referrals"), "{stdout}");
    assert_eq!(
        test_store
            .store
            .load_referral(&reference)
            .await
            .unwrap()
            .unwrap()
            .details,
        "{}"
    );
}

/// Years of closed requests come due at once: the purge anonymises every one of them in
/// batches of its own (so writers never wait long) and no open one.
async fn purge_in_batches(test_store: TestStore) {
    let store = &*test_store.store;
    let now = time::OffsetDateTime::now_utc();
    let size = server::demo::DemoSize {
        referrals: 700,
        carers: 0,
        years: 2,
        seed: 3,
    };
    server::demo::seed_demo(store, &app::settings::Settings::default(), size, now)
        .await
        .unwrap();
    let closed = common::count(
        &test_store.url,
        "SELECT COUNT(*) FROM referrals WHERE status = 'closed'",
    )
    .await;
    assert!(closed > 400, "more than two batches: {closed}");
    let at = now.unix_timestamp() + DAY;
    let cutoffs = app::store::RetentionCutoffs {
        now: at,
        closed_referrals_before: at,
        delivered_messages_before: at,
        undelivered_messages_before: 0,
        audit_before: 0,
        receipts_before: 0,
    };
    let report = store.purge_expired(&cutoffs).await.unwrap();
    assert_eq!(report.referrals_anonymised as i64, closed);
    let left = common::count(
        &test_store.url,
        "SELECT COUNT(*) FROM referral_people p JOIN referrals r ON r.id = p.referral_id \
         WHERE r.status = 'closed'",
    )
    .await;
    assert_eq!(left, 0, "nobody left in a closed request");
    let open_named = common::count(
        &test_store.url,
        "SELECT COUNT(*) FROM referrals r WHERE r.status <> 'closed' AND r.anonymised_at IS NULL \
         AND EXISTS (SELECT 1 FROM referral_people p WHERE p.referral_id = r.id)",
    )
    .await;
    let open = common::count(
        &test_store.url,
        "SELECT COUNT(*) FROM referrals WHERE status <> 'closed'",
    )
    .await;
    assert_eq!(open_named, open, "open requests untouched");
    assert_eq!(
        store.purge_expired(&cutoffs).await.unwrap(),
        PurgeReport::default()
    );
}

#[tokio::test]
async fn purge_in_batches_on_sqlite() {
    purge_in_batches(sqlite_store().await).await;
}

#[tokio::test]
async fn purge_in_batches_on_postgres() {
    purge_in_batches(postgres_store().await).await;
}
