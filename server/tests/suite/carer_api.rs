//! The carers' register JSON API (API.md "Carers") over real HTTP and real databases: the
//! example registers with a `CAR-` reference and everything it names is stored, a replay gets
//! the original, a reused key is refused, 50 concurrent posts make one registration, and the
//! rules answer with a 422 naming each field (a carer under 18 pointed to young carers'
//! support), on SQLite and PostgreSQL.
use crate::common;

use common::{postgres_store, spawn_app_on, sqlite_store, test_config, TestApp, TestStore};
use serde_json::{json, Value};

fn example() -> Value {
    json!({ "carer": { "given_name": "Sam", "family_name": "Patel", "date_of_birth": "1970-05-05",
                       "address_line_1": "3 High St", "town": "Exampletown", "postcode": "EX2 3CD",
                       "phone": "01632 960002", "email": "sam@example.org" },
            "cared_for": [ { "given_name": "Ravi", "family_name": "Patel", "date_of_birth": "1940-02-02",
                             "relationship": "father", "same_address": true } ],
            "caring": { "hours_per_week": 35, "when": "day_and_night", "tasks": ["personal_care", "meals"] },
            "emergency_plan": null,
            "consent": { "agrees": true } })
}

async fn post(app: &TestApp, key: Option<&str>, body: &Value) -> (u16, Value) {
    let mut request = app
        .client
        .post(app.url("/api/v1/carers"))
        .bearer_auth(&app.api_key)
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    let response = request.send().await.expect("POST");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|e| {
            e.iter()
                .map(|e| e["field"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

async fn the_contract(app: TestApp) {
    let (status, receipt) = post(&app, Some("carer-1"), &example()).await;
    assert_eq!(status, 201, "{receipt}");
    let reference = receipt["reference"].as_str().unwrap().to_owned();
    assert!(
        reference.starts_with("CAR-") && reference.len() == 18,
        "{reference}"
    );
    assert_eq!(receipt["status"], "received");

    let stored = app
        .store
        .load_carer(&reference)
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(stored.status, "registered");
    assert_eq!(
        (stored.given_name.as_str(), stored.date_of_birth.as_str()),
        ("Sam", "1970-05-05")
    );
    assert_eq!(stored.cared_for.len(), 1);
    assert_eq!(stored.cared_for[0].relationship, "father");
    assert_eq!(stored.emergency_plan, None);
    let details: Value = serde_json::from_str(&stored.details).unwrap();
    assert_eq!(details["carer"]["postcode"], "EX2 3CD");
    assert_eq!(
        app.store.outbox_pending("event").await.unwrap(),
        1,
        "carer.registered"
    );
    assert_eq!(
        app.store.outbox_pending("email").await.unwrap(),
        1,
        "the acknowledgement"
    );

    // A replay: the original answer, nothing new. The same key for another body: 409.
    let (status, again) = post(&app, Some("carer-1"), &example()).await;
    assert_eq!(
        (status, again["reference"].as_str()),
        (200, Some(reference.as_str()))
    );
    let mut other = example();
    other["caring"]["hours_per_week"] = json!(10);
    assert_eq!(post(&app, Some("carer-1"), &other).await.0, 409);
    assert_eq!(post(&app, None, &example()).await.0, 400);
    assert_eq!(app.store.outbox_pending("event").await.unwrap(), 1);

    // Several people, a same-address and an own-address, and an emergency plan.
    let mut full = example();
    full["cared_for"].as_array_mut().unwrap().push(json!({
        "given_name": "Asha", "family_name": "Patel", "relationship": "aunt", "same_address": false,
        "address_line_1": "9 Low Road", "town": "Exampleton", "postcode": "EX3 4EF" }));
    full["emergency_plan"] = json!({ "needs": "Ravi needs his insulin at 8am and 6pm.",
        "contacts": [ { "name": "Priya Patel", "relationship": "daughter", "phone": "07700 900123" } ],
        "keyholders": [ { "name": "Next door, Mrs Brown", "phone": "01632 960999" } ] });
    let (status, receipt) = post(&app, Some("carer-2"), &full).await;
    assert_eq!(status, 201, "{receipt}");
    let stored = app
        .store
        .load_carer(receipt["reference"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.cared_for.len(), 2);
    let plan: Value = serde_json::from_str(stored.emergency_plan.as_deref().unwrap()).unwrap();
    assert_eq!(plan["keyholders"][0]["phone"], "01632 960999");

    // The rules, one entry per field.
    let mut young = example();
    young["carer"]["date_of_birth"] = json!("2012-01-01");
    let (status, problem) = post(&app, Some("carer-3"), &young).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&problem), ["carer.date_of_birth"]);
    assert!(
        problem["detail"].as_str().unwrap().contains("young carers"),
        "{problem}"
    );
    let mut broken = example();
    broken["caring"]["when"] = json!("weekends");
    broken["cared_for"][0]["same_address"] = json!(false);
    broken["emergency_plan"] = json!({ "needs": "x", "contacts": [{}, {}, {}] });
    broken["consent"]["agrees"] = json!(false);
    let (status, problem) = post(&app, Some("carer-4"), &broken).await;
    assert_eq!(status, 422);
    let found = fields(&problem);
    for field in [
        "cared_for[0].address_line_1",
        "caring.when",
        "emergency_plan.contacts",
        "emergency_plan.contacts[0].name",
        "consent.agrees",
    ] {
        assert!(found.contains(&field.to_owned()), "{field} in {found:?}");
    }
    let (status, problem) = post(&app, Some("carer-5"), &json!({ "carer": "Sam" })).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&problem), ["carer"]);

    // Changing the details replaces the people and the plan; leaving anonymises the row.
    let update = app::store::CarerUpdate {
        reference: reference.clone(),
        given_name: "Samira".into(),
        family_name: "Patel".into(),
        date_of_birth: "1970-05-05".into(),
        phone: "01632 960002".into(),
        email: String::new(),
        details: "{}".into(),
        cared_for: vec![],
        emergency_plan: Some(r#"{"needs":"x"}"#.into()),
        at: 2_000_000_000,
        outbox: vec![],
    };
    assert!(app.store.update_carer(&update).await.unwrap());
    let stored = app.store.load_carer(&reference).await.unwrap().unwrap();
    assert_eq!(stored.given_name, "Samira");
    assert!(stored.cared_for.is_empty() && stored.emergency_plan.is_some());
    let naming_them = format!(
        "SELECT COUNT(*) FROM outbox WHERE ordering_key LIKE '{reference}%' \
         AND (LOWER(payload) LIKE '%patel%' OR LOWER(payload) LIKE '%sam%')"
    );
    let naming_them = naming_them.as_str();
    assert!(
        common::count(&app.database_url, naming_them).await > 0,
        "the acknowledgement waits"
    );
    assert!(app
        .store
        .withdraw_carer(&reference, 2_000_000_001, &[])
        .await
        .unwrap());
    // What was sent or waiting about them goes with them, and will never be sent.
    assert_eq!(common::count(&app.database_url, naming_them).await, 0);
    let waiting = format!(
        "SELECT COUNT(*) FROM outbox WHERE ordering_key LIKE '{reference}%' \
         AND delivered_at IS NULL AND expired_at IS NULL"
    );
    assert_eq!(
        common::count(&app.database_url, &waiting).await,
        0,
        "and never sent"
    );
    let stored = app.store.load_carer(&reference).await.unwrap().unwrap();
    assert_eq!(
        (stored.status.as_str(), stored.given_name.as_str()),
        ("withdrawn", "")
    );
    assert!(stored.cared_for.is_empty() && stored.emergency_plan.is_none());
    assert!(
        !app.store
            .withdraw_carer(&reference, 2_000_000_002, &[])
            .await
            .unwrap(),
        "once"
    );
    assert!(
        !app.store.update_carer(&update).await.unwrap(),
        "not after leaving"
    );
}

async fn fifty_concurrent_posts_make_one_registration(app: TestApp) {
    let app = std::sync::Arc::new(app);
    let posts = (0..50).map(|_| {
        let app = app.clone();
        tokio::spawn(async move { post(&app, Some("same-key"), &example()).await })
    });
    let mut references = std::collections::BTreeSet::new();
    let mut created = 0;
    for handle in posts {
        let (status, receipt) = handle.await.unwrap();
        assert!(status == 201 || status == 200, "{status} {receipt}");
        created += usize::from(status == 201);
        references.insert(receipt["reference"].as_str().unwrap().to_owned());
    }
    assert_eq!((created, references.len()), (1, 1));
    assert_eq!(app.store.outbox_pending("event").await.unwrap(), 1);
}

async fn app_on(store: TestStore) -> TestApp {
    spawn_app_on(store, test_config(false)).await
}

macro_rules! carer_tests {
    ($backend:ident, $open:ident) => {
        mod $backend {
            use super::*;
            #[tokio::test]
            async fn contract() {
                the_contract(app_on($open().await).await).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn concurrent_duplicates() {
                fifty_concurrent_posts_make_one_registration(app_on($open().await).await).await;
            }
        }
    };
}

carer_tests!(sqlite, sqlite_store);
carer_tests!(postgres, postgres_store);
