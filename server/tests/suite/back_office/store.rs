//! The back office's half of the `Store` contract, on real SQLite and real PostgreSQL: staff
//! accounts, TOTP steps and recovery codes used once, the queue's filters, order and pages,
//! assignment, and the audit log (paged, by subject, and append-only).
use crate::common;

use app::store::{
    AuditEntry, AuditQuery, CreateReferral, NewReferralRecord, NewStaffAccount, QueueQuery,
    ReferralPerson, Store,
};
use common::{postgres_store, sqlite_store};

fn account(email: &str) -> NewStaffAccount {
    NewStaffAccount {
        email: email.into(),
        name: format!("Name of {email}"),
        role: "triage_officer".into(),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
        totp_secret: "JBSWY3DPEHPK3PXP".into(),
        recovery_code_hashes: vec!["r1".into(), "r2".into()],
        created_at: 10,
    }
}

async fn referral(
    store: &dyn Store,
    n: u32,
    kind: &str,
    urgent: bool,
    at: i64,
    name: &str,
) -> String {
    let reference = format!("ASC-0000-0000-{n:04}");
    let record = NewReferralRecord {
        reference: reference.clone(),
        idempotency_key: format!("api:{n}"),
        request_body: format!("{{\"n\":{n}}}"),
        kind: kind.into(),
        channel: "web".into(),
        partner: None,
        urgent,
        lookup_date_of_birth: Some("1948-03-02".into()),
        details: "{}".into(),
        people: vec![ReferralPerson {
            role: "person".into(),
            given_name: name.into(),
            family_name: "Okafor".into(),
            date_of_birth: Some("1948-03-02".into()),
            phone: String::new(),
            email: String::new(),
        }],
        trackers: vec![],
        submitted_at: at,
        check_result: (kind == "assessment" && n % 2 == 0).then(|| "likely_eligible".to_owned()),
        route_of_access: "community_other".into(),
        requester_type: "self".into(),
        discharge_date: None,
        communication_needs: false,
        age_band: "75-84".into(),
        postcode_district: "EX1".into(),
        outbox: vec![],
    };
    assert!(matches!(
        store.create_referral(&record).await.unwrap(),
        CreateReferral::Created(_)
    ));
    reference
}

async fn accounts_are_unique_and_their_codes_work_once(store: &dyn Store) {
    assert!(store
        .create_staff_account(&account("ann@example.gov.uk"))
        .await
        .unwrap());
    assert!(!store
        .create_staff_account(&account("ann@example.gov.uk"))
        .await
        .unwrap());
    let ann = store
        .staff_account_by_email("ann@example.gov.uk")
        .await
        .unwrap()
        .expect("Ann's account");
    assert_eq!(ann.role, "triage_officer");
    assert!(ann.active);
    assert_eq!(
        store.staff_account(ann.id).await.unwrap(),
        Some(ann.clone())
    );
    assert_eq!(
        store
            .staff_account_by_email("bob@example.gov.uk")
            .await
            .unwrap(),
        None
    );

    assert!(store.use_totp_step(ann.id, 100).await.unwrap());
    assert!(
        !store.use_totp_step(ann.id, 100).await.unwrap(),
        "a step works once"
    );
    assert!(
        !store.use_totp_step(ann.id, 99).await.unwrap(),
        "never an earlier step"
    );
    assert!(store.use_totp_step(ann.id, 101).await.unwrap());

    assert!(store.use_recovery_code(ann.id, "r1", 5).await.unwrap());
    assert!(
        !store.use_recovery_code(ann.id, "r1", 6).await.unwrap(),
        "a code works once"
    );
    assert!(!store.use_recovery_code(ann.id, "nope", 6).await.unwrap());

    let team = store.staff_members().await.unwrap();
    assert_eq!(team.len(), 1);
    assert_eq!(team[0].name, "Name of ann@example.gov.uk");
    assert_eq!(team[0].email, "ann@example.gov.uk");

    // Deactivated, then back.
    assert!(store.set_staff_active(ann.id, false).await.unwrap());
    assert!(!store.staff_account(ann.id).await.unwrap().unwrap().active);
    assert!(store.set_staff_active(ann.id, true).await.unwrap());
    assert!(store.staff_account(ann.id).await.unwrap().unwrap().active);
    assert!(!store.set_staff_active(ann.id + 100, false).await.unwrap());

    // New sign-in details: the step starts again and only the new recovery codes work.
    let mut fresh = account("ann@example.gov.uk");
    fresh.password_hash = "new hash".into();
    fresh.totp_secret = "NEWSECRET".into();
    fresh.recovery_code_hashes = vec!["n1".into()];
    assert!(store.reset_staff_sign_in(ann.id, &fresh).await.unwrap());
    let reset = store.staff_account(ann.id).await.unwrap().unwrap();
    assert_eq!(
        (
            reset.password_hash.as_str(),
            reset.totp_secret.as_str(),
            reset.totp_last_step
        ),
        ("new hash", "NEWSECRET", 0)
    );
    assert!(!store.use_recovery_code(ann.id, "r2", 7).await.unwrap());
    assert!(store.use_recovery_code(ann.id, "n1", 7).await.unwrap());
    assert!(!store
        .reset_staff_sign_in(ann.id + 100, &fresh)
        .await
        .unwrap());
    assert!(store.set_staff_password(ann.id, "own hash").await.unwrap());
    assert_eq!(
        store
            .staff_account(ann.id)
            .await
            .unwrap()
            .unwrap()
            .password_hash,
        "own hash"
    );
}

async fn the_queue_filters_orders_and_pages(store: &dyn Store) {
    store
        .create_staff_account(&account("ann@example.gov.uk"))
        .await
        .unwrap();
    let ann = store
        .staff_account_by_email("ann@example.gov.uk")
        .await
        .unwrap()
        .unwrap();
    let a = referral(store, 1, "assessment", false, 1_000, "Ada").await;
    let b = referral(store, 2, "assessment", true, 2_000, "Ben").await;
    let c = referral(store, 3, "carer_assessment", false, 3_000, "Cal").await;
    let d = referral(store, 4, "safeguarding_concern", true, 4_000, "Dee").await;
    let query = |kinds: &[&str]| QueueQuery {
        kinds: kinds.iter().map(|k| (*k).to_owned()).collect(),
        page: 1,
        per_page: 10,
        ..QueueQuery::default()
    };
    let refs = |page: app::store::QueuePage| {
        page.items
            .into_iter()
            .map(|i| i.reference)
            .collect::<Vec<_>>()
    };

    // Urgent first, then first come, first served; only the kinds asked for.
    let page = store
        .referral_queue(&query(&["assessment", "carer_assessment"]))
        .await
        .unwrap();
    assert_eq!(page.total, 3);
    assert_eq!(page.items[0].given_name, "Ben");
    assert_eq!(refs(page), vec![b.clone(), a.clone(), c.clone()]);
    let newest = QueueQuery {
        newest_first: true,
        ..query(&["assessment", "carer_assessment"])
    };
    assert_eq!(
        refs(store.referral_queue(&newest).await.unwrap()),
        vec![b.clone(), c.clone(), a.clone()]
    );
    assert_eq!(
        refs(
            store
                .referral_queue(&query(&["safeguarding_concern"]))
                .await
                .unwrap()
        ),
        vec![d.clone()]
    );
    assert_eq!(store.referral_queue(&query(&[])).await.unwrap().total, 0);

    let urgent = QueueQuery {
        urgent_only: true,
        ..query(&["assessment", "carer_assessment"])
    };
    assert_eq!(
        refs(store.referral_queue(&urgent).await.unwrap()),
        vec![b.clone()]
    );
    let older = QueueQuery {
        submitted_before: Some(2_500),
        ..query(&["assessment", "carer_assessment"])
    };
    assert_eq!(
        refs(store.referral_queue(&older).await.unwrap()),
        vec![b.clone(), a.clone()]
    );

    // Paging: the total counts every page.
    let second = QueueQuery {
        page: 2,
        per_page: 2,
        ..query(&["assessment", "carer_assessment"])
    };
    let page = store.referral_queue(&second).await.unwrap();
    assert_eq!(page.total, 3);
    assert_eq!(refs(page), vec![c.clone()]);

    // Assignment, and filtering by it.
    assert!(store.assign_referral(&a, Some(ann.id)).await.unwrap());
    assert!(!store
        .assign_referral("ASC-9999-9999-9999", Some(ann.id))
        .await
        .unwrap());
    let mine = QueueQuery {
        assignee: Some(ann.id),
        ..query(&["assessment", "carer_assessment"])
    };
    let page = store.referral_queue(&mine).await.unwrap();
    assert_eq!(
        page.items[0].assigned_name.as_deref(),
        Some("Name of ann@example.gov.uk")
    );
    assert_eq!(refs(page), vec![a.clone()]);
    let nobody = QueueQuery {
        assignee: Some(0),
        ..query(&["assessment", "carer_assessment"])
    };
    assert_eq!(
        refs(store.referral_queue(&nobody).await.unwrap()),
        vec![b.clone(), c.clone()]
    );
    assert_eq!(
        store.load_referral(&a).await.unwrap().unwrap().assigned_to,
        Some(ann.id)
    );
    assert!(store.assign_referral(&a, None).await.unwrap());
    assert_eq!(
        store.load_referral(&a).await.unwrap().unwrap().assigned_to,
        None
    );

    // Closed ones leave the open queue, and come back with "all" or their status.
    let change = app::store::StatusChange {
        reference: a.clone(),
        step: app::store::HistoryStep {
            status: "closed".into(),
            outcome: Some("withdrawn".into()),
            event_outcome: None,
            note: String::new(),
            note_visible: false,
            actor: "test".into(),
            at: 5_000,
        },
        outbox: vec![],
    };
    assert!(store.change_referral_status(&change).await.unwrap());
    assert_eq!(
        store
            .referral_queue(&query(&["assessment"]))
            .await
            .unwrap()
            .total,
        1
    );
    let all = QueueQuery {
        include_closed: true,
        ..query(&["assessment"])
    };
    assert_eq!(store.referral_queue(&all).await.unwrap().total, 2);
    let closed = QueueQuery {
        status: Some("closed".into()),
        ..query(&["assessment"])
    };
    assert_eq!(refs(store.referral_queue(&closed).await.unwrap()), vec![a]);
}

async fn the_audit_log_pages_by_subject_and_cannot_be_changed(store: &dyn Store, url: &str) {
    for i in 0..5 {
        store
            .record_audit(&AuditEntry {
                at: 100 + i,
                actor: "staff:ann@example.gov.uk".into(),
                action: "view_referral".into(),
                subject: if i % 2 == 0 {
                    "ASC-A".into()
                } else {
                    "ASC-B".into()
                },
                detail: String::new(),
                client: "192.0.2.1".into(),
            })
            .await
            .unwrap();
    }
    let page = |before: Option<i64>, after: Option<i64>| async move {
        store
            .audit_page(&AuditQuery {
                subject: None,
                before,
                after,
                per_page: 2,
            })
            .await
    };
    let times =
        |page: &app::store::AuditPage| page.entries.iter().map(|e| e.at).collect::<Vec<_>>();
    let newest = page(None, None).await.unwrap();
    assert_eq!(newest.total, None, "the whole log is not counted");
    assert_eq!(times(&newest), vec![104, 103]);
    assert_eq!(newest.entries[0].client, "192.0.2.1");
    assert_eq!(newest.newer, None);
    // Keyset paging: older and older, then back.
    let second = page(newest.older, None).await.unwrap();
    assert_eq!(times(&second), vec![102, 101]);
    let last = page(second.older, None).await.unwrap();
    assert_eq!(times(&last), vec![100]);
    assert_eq!(last.older, None, "nothing older");
    let back = page(None, last.newer).await.unwrap();
    assert_eq!(times(&back), vec![102, 101]);
    let top = page(None, back.newer).await.unwrap();
    assert_eq!(times(&top), vec![104, 103]);
    assert_eq!(top.newer, None, "nothing newer");
    let for_a = store
        .audit_page(&AuditQuery {
            subject: Some("ASC-A".into()),
            per_page: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(for_a.total, Some(3));
    assert!(for_a.entries.iter().all(|e| e.subject == "ASC-A"));

    // Append-only: the database itself refuses to change an entry.
    let refused = if url.starts_with("sqlite") {
        let pool = sqlx::SqlitePool::connect(url).await.unwrap();
        sqlx::query("UPDATE audit_log SET actor = 'someone else'")
            .execute(&pool)
            .await
            .err()
    } else {
        let pool = sqlx::PgPool::connect(url).await.unwrap();
        sqlx::query("UPDATE audit_log SET actor = 'someone else'")
            .execute(&pool)
            .await
            .err()
    };
    let error = refused.expect("an UPDATE of the audit log is refused");
    assert!(error.to_string().contains("append-only"), "{error}");
}

async fn carer_registrations_wait_in_the_queue_until_checked(store: &dyn Store) {
    let carer = app::store::NewCarerRecord {
        reference: "CAR-0000-0000-0001".into(),
        idempotency_key: "web:c1".into(),
        request_body: "{}".into(),
        channel: "web".into(),
        partner: None,
        given_name: "Sam".into(),
        family_name: "Patel".into(),
        date_of_birth: "1970-05-05".into(),
        phone: String::new(),
        email: String::new(),
        details: "{}".into(),
        cared_for: vec![],
        emergency_plan: None,
        registered_at: 1_500,
        outbox: vec![],
    };
    store.create_carer(&carer).await.unwrap();
    let a = referral(store, 1, "carer_assessment", false, 1_000, "Ada").await;
    let query = |kinds: &[&str], include_closed: bool| QueueQuery {
        kinds: kinds.iter().map(|k| (*k).to_owned()).collect(),
        include_closed,
        page: 1,
        per_page: 10,
        ..QueueQuery::default()
    };
    let open = store
        .referral_queue(&query(&["carer_assessment", "carer_registration"], false))
        .await
        .unwrap();
    let lines: Vec<(&str, &str, &str, &str)> = open
        .items
        .iter()
        .map(|i| {
            (
                i.reference.as_str(),
                i.kind.as_str(),
                i.status.as_str(),
                i.given_name.as_str(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        vec![
            (a.as_str(), "carer_assessment", "received", "Ada"),
            (
                "CAR-0000-0000-0001",
                "carer_registration",
                "received",
                "Sam"
            ),
        ]
    );
    assert_eq!(open.total, 2);
    let only_referrals = store
        .referral_queue(&query(&["carer_assessment"], false))
        .await
        .unwrap();
    assert_eq!(
        only_referrals.total, 1,
        "registrations only for the kinds asked"
    );

    assert!(store
        .mark_carer_reviewed("CAR-0000-0000-0001", 2_000)
        .await
        .unwrap());
    assert!(
        !store
            .mark_carer_reviewed("CAR-0000-0000-0001", 2_001)
            .await
            .unwrap(),
        "checked once"
    );
    assert!(!store
        .mark_carer_reviewed("CAR-0000-0000-9999", 2_001)
        .await
        .unwrap());
    assert_eq!(
        store
            .load_carer("CAR-0000-0000-0001")
            .await
            .unwrap()
            .unwrap()
            .reviewed_at,
        Some(2_000)
    );
    let open = store
        .referral_queue(&query(&["carer_registration"], false))
        .await
        .unwrap();
    assert_eq!(
        open.total, 0,
        "a checked registration leaves the open queue"
    );
    let all = store
        .referral_queue(&query(&["carer_registration"], true))
        .await
        .unwrap();
    assert_eq!(all.items[0].status, "registered");
}

async fn the_dashboards_counts_come_by_week(store: &dyn Store) {
    use app::domain::demand::{week_of, week_start};
    let monday = week_start(week_of(1_795_392_000));
    referral(store, 1, "assessment", false, monday + 100, "Ada").await;
    let b = referral(store, 2, "assessment", false, monday + 200, "Ben").await;
    referral(store, 3, "carer_assessment", false, monday - 100, "Cal").await;
    referral(store, 4, "assessment", false, monday - 30 * 86_400, "Old").await;
    let change = |status: &str, outcome: Option<&str>, at: i64| app::store::StatusChange {
        reference: b.clone(),
        step: app::store::HistoryStep {
            status: status.into(),
            outcome: outcome.map(str::to_owned),
            event_outcome: None,
            note: String::new(),
            note_visible: false,
            actor: "test".into(),
            at,
        },
        outbox: vec![],
    };
    store
        .change_referral_status(&change("triage", None, monday + 200 + 7_200))
        .await
        .unwrap();
    store
        .change_referral_status(&change("closed", Some("withdrawn"), monday + 200 + 90_000))
        .await
        .unwrap();

    let counts = store.demand_counts(monday - 7 * 86_400).await.unwrap();
    let this = week_of(monday);
    assert_eq!(
        counts.by_kind,
        vec![
            (this - 1, "carer_assessment".to_owned(), 1),
            (this, "assessment".to_owned(), 2)
        ]
    );
    assert_eq!(
        counts.by_channel,
        vec![(this - 1, "web".to_owned(), 1), (this, "web".to_owned(), 2)]
    );
    assert_eq!(counts.outcomes, vec![("withdrawn".to_owned(), 1)]);
    assert_eq!(
        counts.first_contact_seconds,
        vec![7_200],
        "the first change of status"
    );
    assert_eq!(
        counts.check_results,
        vec![("".to_owned(), 2), ("likely_eligible".to_owned(), 1)],
        "requests by the self-check result behind them"
    );

    let services = |names: &[&str]| -> Vec<(String, String)> {
        names
            .iter()
            .map(|n| (format!("id-{n}"), (*n).to_owned()))
            .collect()
    };
    store
        .count_suggestions(this, &services(&["Day centre", "Lunch club"]))
        .await
        .unwrap();
    store
        .count_suggestions(this, &services(&["Day centre"]))
        .await
        .unwrap();
    store
        .count_suggestions(this - 5, &services(&["Old club"]))
        .await
        .unwrap();
    let counts = store.demand_counts(monday - 7 * 86_400).await.unwrap();
    assert_eq!(
        counts.suggested,
        vec![
            ("id-Day centre".to_owned(), "Day centre".to_owned(), 2),
            ("id-Lunch club".to_owned(), "Lunch club".to_owned(), 1)
        ]
    );
}

macro_rules! staff_conformance {
    ($backend:ident, $open:ident) => {
        mod $backend {
            use super::*;
            #[tokio::test]
            async fn accounts_and_codes() {
                accounts_are_unique_and_their_codes_work_once(&*$open().await.store).await;
            }
            #[tokio::test]
            async fn queue() {
                the_queue_filters_orders_and_pages(&*$open().await.store).await;
            }
            #[tokio::test]
            async fn carer_registrations_in_the_queue() {
                carer_registrations_wait_in_the_queue_until_checked(&*$open().await.store).await;
            }
            #[tokio::test]
            async fn dashboard_counts() {
                the_dashboards_counts_come_by_week(&*$open().await.store).await;
            }
            #[tokio::test]
            async fn audit_log() {
                let test_store = $open().await;
                the_audit_log_pages_by_subject_and_cannot_be_changed(
                    &*test_store.store,
                    &test_store.url,
                )
                .await;
            }
        }
    };
}

staff_conformance!(sqlite, sqlite_store);
staff_conformance!(postgres, postgres_store);
