//! The queue's main queries keep their indexes, on both databases: the plans of the open
//! queue (oldest and newest first, urgent only, by route of access, unassigned) and of a
//! status's queue read the open-queue and status indexes, never the whole history, so a
//! missing index fails here rather than at a council with years of requests.
use crate::common;

use app::store::QueueQuery;

/// (what, the query, an index it must read).
fn queries() -> Vec<(&'static str, QueueQuery, &'static str)> {
    let open = QueueQuery {
        kinds: [
            "assessment",
            "carer_assessment",
            "safeguarding_concern",
            "carer_registration",
        ]
        .map(str::to_owned)
        .to_vec(),
        page: 1,
        per_page: 50,
        ..QueueQuery::default()
    };
    vec![
        ("the open queue", open.clone(), "referrals_open"),
        (
            "newest first",
            QueueQuery {
                newest_first: true,
                ..open.clone()
            },
            "referrals_open",
        ),
        (
            "urgent only",
            QueueQuery {
                urgent_only: true,
                ..open.clone()
            },
            "referrals_open",
        ),
        (
            "unassigned",
            QueueQuery {
                assignee: Some(0),
                ..open.clone()
            },
            "referrals_open",
        ),
        (
            "hospital discharges",
            QueueQuery {
                route_of_access: Some("discharge_from_hospital".into()),
                ..open.clone()
            },
            "referrals_open",
        ),
        (
            "page 3",
            QueueQuery {
                page: 3,
                ..open.clone()
            },
            "referrals_open",
        ),
        // Either index on the status serves it (the planners pick).
        (
            "one status",
            QueueQuery {
                status: Some("triage".into()),
                ..open.clone()
            },
            "referrals_",
        ),
        (
            "carers waiting",
            QueueQuery {
                status: Some("received".into()),
                ..open.clone()
            },
            "carers_unchecked",
        ),
        // Years of closed requests: a page of them in either order reads a status index.
        (
            "every status",
            QueueQuery {
                status: None,
                include_closed: true,
                newest_first: true,
                ..open.clone()
            },
            "referrals_status_",
        ),
        (
            "closed",
            QueueQuery {
                status: Some("closed".into()),
                ..open.clone()
            },
            "referrals_status_",
        ),
        (
            "closed, newest first",
            QueueQuery {
                status: Some("closed".into()),
                newest_first: true,
                page: 7,
                ..open
            },
            "referrals_status_",
        ),
    ]
}

/// The index that carers' registrations in this queue are read from, if they are in it (they
/// are never urgent, have no route of access, and are never in triage).
fn carers_index(query: &QueueQuery) -> Option<&'static str> {
    if query.urgent_only || query.route_of_access.is_some() {
        return None;
    }
    match query.status.as_deref() {
        None if query.include_closed => Some("carers_registered"),
        Some("triage") => None,
        Some("closed") => Some("carers_status_registered"),
        _ => Some("carers_unchecked"),
    }
}

#[tokio::test]
async fn the_queue_reads_its_indexes_on_sqlite() {
    let test_store = common::sqlite_store().await;
    let store = server::store::SqliteStore::open(&test_store.url)
        .await
        .unwrap();
    for (what, query, index) in queries() {
        let plan = store.queue_plan(&query).await.unwrap();
        let shown = plan.join("\n");
        assert!(shown.contains(&format!("INDEX {index}")), "{what}: {shown}");
        assert!(
            !plan.iter().any(|step| {
                step == "SCAN r"
                    || step == "SCAN referrals"
                    || (step.starts_with("SCAN r ") && !step.contains("referrals_open"))
            }),
            "{what} reads every request: {shown}"
        );
        if let Some(carers) = carers_index(&query) {
            assert!(shown.contains(carers), "{what}: {shown}");
        }
        assert!(
            !plan
                .iter()
                .any(|step| step == "SCAN c" || step == "SCAN carers"),
            "{what} reads every registration: {shown}"
        );
    }
}

#[tokio::test]
async fn the_queue_reads_its_indexes_on_postgres() {
    let test_store = common::postgres_store().await;
    let store = server::store::PostgresStore::open(&test_store.url)
        .await
        .unwrap();
    for (what, query, index) in queries() {
        let plan = store.queue_plan(&query).await.unwrap().join("\n");
        assert!(plan.contains(index), "{what}: {plan}");
        assert!(
            !plan.contains("Seq Scan on referrals"),
            "{what} reads every request: {plan}"
        );
        if let Some(carers) = carers_index(&query) {
            assert!(plan.contains(carers), "{what}: {plan}");
        }
    }
}
