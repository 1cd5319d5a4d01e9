//! The referral JSON API (API.md) over real HTTP and real databases: the contract's status
//! codes, exactly once under 50 concurrent duplicates, and the progress lookup's identical
//! misses and rate limits, on SQLite and PostgreSQL.
use crate::common;

use common::{postgres_store, spawn_app_on, sqlite_store, test_config, TestApp, TestStore};
use serde_json::{json, Value};

fn example() -> Value {
    common::referral_example()
}

async fn app_on(store: TestStore) -> TestApp {
    let mut config = test_config(false);
    // The test client connects from 127.0.0.1; trusting it lets tests play several clients.
    config.settings.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    spawn_app_on(store, config).await
}

async fn post(
    app: &TestApp,
    path: &str,
    key: Option<&str>,
    body: impl Into<reqwest::Body>,
) -> (u16, reqwest::header::HeaderMap, Value) {
    let mut request = app
        .client
        .post(app.url(path))
        .bearer_auth(&app.api_key)
        .header("content-type", "application/json")
        .body(body);
    if let Some(key) = key {
        request = request.header("idempotency-key", key);
    }
    let response = request.send().await.expect("POST");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap();
    (
        status,
        headers,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn lookup(
    app: &TestApp,
    client: &str,
    reference: &str,
    dob: &str,
) -> (u16, reqwest::header::HeaderMap, Value) {
    let response = app
        .client
        .post(app.url("/api/v1/referrals/status"))
        .header("x-forwarded-for", client)
        .json(&json!({ "reference": reference, "date_of_birth": dob }))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.json().await.unwrap())
}

async fn the_contract(app: TestApp) {
    let body = example().to_string();
    let (status, headers, created) =
        post(&app, "/api/v1/referrals", Some("key-1"), body.clone()).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(headers["cache-control"], "no-store");
    let reference = created["reference"].as_str().unwrap().to_owned();
    assert!(
        reference.starts_with("ASC-") && reference.len() == 18,
        "{reference}"
    );
    assert_eq!(created["status"], "received");
    assert!(created["submitted_at"].as_str().unwrap().contains('T'));

    // The same key and body, keys in another order: the original answer, with 200.
    let mut reordered = serde_json::Map::new();
    for (k, v) in example().as_object().unwrap().iter().rev() {
        reordered.insert(k.clone(), v.clone());
    }
    let (status, _, replay) = post(
        &app,
        "/api/v1/referrals",
        Some("key-1"),
        Value::Object(reordered).to_string(),
    )
    .await;
    assert_eq!((status, &replay), (200, &created));

    let mut changed = example();
    changed["needs"]["summary"] = json!("Something else");
    let (status, _, conflict) = post(
        &app,
        "/api/v1/referrals",
        Some("key-1"),
        changed.to_string(),
    )
    .await;
    assert_eq!(status, 409, "{conflict}");

    let (status, headers, missing_key) = post(&app, "/api/v1/referrals", None, body.clone()).await;
    assert_eq!(status, 400);
    assert_eq!(headers["content-type"], "application/problem+json");
    assert!(missing_key["detail"]
        .as_str()
        .unwrap()
        .contains("Idempotency-Key"));

    let (status, _, _) = post(&app, "/api/v1/referrals", Some("key-2"), "{not json").await;
    assert_eq!(status, 400);

    let mut wrong_type = example();
    wrong_type["person"]["interpreter_needed"] = json!("no");
    let (status, _, problem) = post(
        &app,
        "/api/v1/referrals",
        Some("key-3"),
        wrong_type.to_string(),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "person.interpreter_needed");

    let mut invalid = example();
    invalid["person"]["date_of_birth"] = json!("2999-01-01");
    invalid["person"]["postcode"] = json!("NOT A POSTCODE");
    invalid["person"]
        .as_object_mut()
        .unwrap()
        .remove("given_name");
    invalid["preferred_contact"] = json!("pigeon");
    let (status, _, problem) = post(
        &app,
        "/api/v1/referrals",
        Some("key-4"),
        invalid.to_string(),
    )
    .await;
    assert_eq!(status, 422);
    let errors = problem["errors"].as_array().unwrap();
    let message = |field: &str| {
        errors
            .iter()
            .find(|e| e["field"] == field)
            .map(|e| e["message"].as_str().unwrap().to_owned())
    };
    assert_eq!(
        message("person.given_name").as_deref(),
        Some("Enter your first name")
    );
    assert_eq!(
        message("person.date_of_birth").as_deref(),
        Some("Date of birth must be in the past")
    );
    assert_eq!(
        message("person.postcode").as_deref(),
        Some("Enter a real postcode, like EX1 2AB")
    );

    let huge = format!("{{\"for\":\"{}\"}}", "a".repeat(70 * 1024));
    let (status, _, _) = post(&app, "/api/v1/referrals", Some("key-5"), huge).await;
    assert_eq!(status, 413);

    // Progress: the person's date of birth opens it; a miss looks the same either way.
    let (status, headers, progress) = lookup(
        &app,
        "198.51.100.1",
        &reference.to_lowercase().replace('-', " "),
        "1948-03-02",
    )
    .await;
    assert_eq!(status, 200, "{progress}");
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(progress["reference"], reference.as_str());
    assert_eq!(progress["status"], "received");
    assert_eq!(progress["timeline"][0]["status"], "received");
    let (wrong_dob, _, a) = lookup(&app, "198.51.100.2", &reference, "1948-03-03").await;
    let (wrong_ref, _, b) = lookup(&app, "198.51.100.2", "ASC-0000-0000-0000", "1948-03-02").await;
    assert_eq!((wrong_dob, wrong_ref), (404, 404));
    assert_eq!(
        a, b,
        "the same answer for a wrong reference and a wrong date of birth"
    );
    let (status, _, _) = lookup(&app, "198.51.100.2", &reference, "not a date").await;
    assert_eq!(status, 422);

    // The audit log has every lookup, and never a date of birth.
    let audit = app.store.recent_audit(50).await.unwrap();
    assert!(audit.iter().filter(|e| e.action == "status_lookup").count() >= 3);
    assert!(audit.iter().all(|e| !format!("{e:?}").contains("1948")));
}

async fn fifty_concurrent_posts_make_one_referral(app: TestApp) {
    let app = std::sync::Arc::new(app);
    let body = example().to_string();
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let (app, body) = (app.clone(), body.clone());
        tasks.push(tokio::spawn(async move {
            post(&app, "/api/v1/referrals", Some("double-click"), body).await
        }));
    }
    let mut statuses = Vec::new();
    let mut references = std::collections::BTreeSet::new();
    for task in tasks {
        let (status, _, body) = task.await.unwrap();
        statuses.push(status);
        references.insert(body["reference"].as_str().unwrap().to_owned());
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 49);
    assert_eq!(references.len(), 1);
    assert_eq!(app.store.outbox_pending("event").await.unwrap(), 1);
}

async fn lookups_are_rate_limited(app: TestApp) {
    let (_, _, created) = post(
        &app,
        "/api/v1/referrals",
        Some("rate"),
        example().to_string(),
    )
    .await;
    let reference = created["reference"].as_str().unwrap().to_owned();
    // Strangers on a shared connection (a hospital, a library) miss twenty times: a son on the
    // same connection with the right answers still gets in at once.
    let shared = "203.0.113.7";
    for i in 0..20 {
        let guess = format!("ASC-0000-0000-{:04}", i);
        assert_eq!(lookup(&app, shared, &guess, "1948-03-02").await.0, 404);
    }
    assert_eq!(lookup(&app, shared, &reference, "1948-03-02").await.0, 200);
    // A flood from one address is braked: past 100 misses in 15 minutes, even the right
    // answers wait, and the answer says for how long.
    for i in 20..100 {
        let guess = format!("ASC-0000-0000-{:04}", i);
        assert_eq!(lookup(&app, shared, &guess, "1948-03-02").await.0, 404);
    }
    let (status, headers, problem) = lookup(&app, shared, &reference, "1948-03-02").await;
    assert_eq!(status, 429, "{problem}");
    assert_eq!(headers["retry-after"], "900");
    // Another client is unaffected.
    assert_eq!(
        lookup(&app, "203.0.113.8", &reference, "1948-03-02")
            .await
            .0,
        200
    );
    // Ten misses on one reference, from ten clients: the reference is locked for the day.
    for i in 0..10 {
        assert_eq!(
            lookup(&app, &format!("192.0.2.{i}"), &reference, "1950-01-01")
                .await
                .0,
            404
        );
    }
    let (status, headers, _) = lookup(&app, "192.0.2.200", &reference, "1948-03-02").await;
    assert_eq!(status, 429);
    assert_eq!(headers["retry-after"], "86400");
}

/// A safeguarding concern is a referral too: no consent, an anonymous reporter allowed (then
/// nobody can follow it and nobody is emailed), a named reporter follows it with their own
/// date of birth, and nobody else may follow it.
async fn safeguarding_concerns(app: TestApp) {
    let concern = |referrer: Value| {
        json!({
            "for": "someone_else",
            "kind": "safeguarding_concern",
            "person": { "given_name": "Edna", "address_line_1": "4 Quay Street", "town": "Exampletown",
                        "email": "edna@example.org" },
            "concern": { "what_happened": "Her son takes her pension", "person_knows": "no" },
            "referrer": referrer
        })
    };
    let emails_before = app.store.outbox_pending("email").await.unwrap();
    let (status, _, body) = post(
        &app,
        "/api/v1/referrals",
        Some("concern-anon"),
        concern(Value::Null).to_string(),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let anonymous = body["reference"].as_str().unwrap().to_owned();
    assert_eq!(
        app.store.outbox_pending("email").await.unwrap(),
        emails_before,
        "an anonymous concern emails nobody, never the adult"
    );
    let (status, _, _) = lookup(&app, "192.0.2.10", &anonymous, "1948-03-02").await;
    assert_eq!(status, 404, "nobody can follow an anonymous concern");

    let reporter = json!({ "given_name": "Jo", "family_name": "Bloggs", "relationship": "Neighbour",
                           "email": "jo@example.org", "date_of_birth": "1980-01-31" });
    let (status, _, body) = post(
        &app,
        "/api/v1/referrals",
        Some("concern-named"),
        concern(reporter.clone()).to_string(),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let named = body["reference"].as_str().unwrap().to_owned();
    assert_eq!(
        app.store.outbox_pending("email").await.unwrap(),
        emails_before + 1,
        "the reporter alone is emailed"
    );
    let (status, _, body) = lookup(&app, "192.0.2.11", &named, "1980-01-31").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "received");
    let stored = app.store.load_referral(&named).await.unwrap().unwrap();
    assert!(stored.urgent);
    assert_eq!(stored.kind, "safeguarding_concern");

    let mut with_trackers = concern(reporter);
    with_trackers["trackers"] =
        json!([{ "name": "Sam", "relationship": "friend", "phone": "01632 960003" }]);
    with_trackers["concern"]["person_knows"] = json!("maybe");
    let (status, _, body) = post(
        &app,
        "/api/v1/referrals",
        Some("concern-trackers"),
        with_trackers.to_string(),
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<_> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["concern.person_knows", "trackers"]);
}

/// Posts `body` as a partner with `api_key` (or none) from the client `address`.
async fn post_as(
    app: &TestApp,
    path: &str,
    api_key: Option<&str>,
    address: &str,
    idempotency_key: &str,
    body: &Value,
) -> (u16, reqwest::header::HeaderMap, Value) {
    let mut request = app
        .client
        .post(app.url(path))
        .header("x-forwarded-for", address)
        .header("idempotency-key", idempotency_key)
        .json(body);
    if let Some(key) = api_key {
        request = request.bearer_auth(key);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (
        status,
        headers,
        response.json().await.unwrap_or(Value::Null),
    )
}

async fn referrals_stored(app: &TestApp) -> i64 {
    common::count(&app.database_url, "SELECT COUNT(*) FROM referrals").await
}

/// Partner endpoints need a key: none, a wrong one and a revoked one all get the same 401 and
/// nothing is written; a key's name is the channel staff see; each key has its own limit a
/// minute, and one partner's flood does not stop another; idempotency keys are per partner.
async fn partner_endpoints_need_a_key(app: TestApp) {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let care_line = app::api::api_keys::create_key(&*app.store, "Care Line", "test", now)
        .await
        .unwrap();
    let hospital = app::api::api_keys::create_key(&*app.store, "Hospital team", "test", now)
        .await
        .unwrap();
    let before = referrals_stored(&app).await;
    // The real key with its last character changed (to another one, whatever it was).
    let last = if care_line.ends_with('0') { "1" } else { "0" };
    let wrong = format!("{}{last}", &care_line[..care_line.len() - 1]);
    let mut refusals = Vec::new();
    for (key, path) in [
        (None, "/api/v1/referrals"),
        (Some(wrong.as_str()), "/api/v1/referrals"),
        (Some("not-a-key"), "/api/v1/carers"),
    ] {
        let (status, headers, problem) =
            post_as(&app, path, key, "203.0.113.20", "k-refused", &example()).await;
        assert_eq!(status, 401, "{path} with {key:?}: {problem}");
        assert_eq!(headers["www-authenticate"], "Bearer");
        refusals.push(problem);
    }
    assert!(
        refusals.windows(2).all(|w| w[0] == w[1]),
        "the same answer: {refusals:?}"
    );
    assert_eq!(referrals_stored(&app).await, before, "nothing written");

    // The key's name is the channel staff see.
    let (status, _, receipt) = post_as(
        &app,
        "/api/v1/referrals",
        Some(&care_line),
        "203.0.113.20",
        "same-key",
        &example(),
    )
    .await;
    assert_eq!(status, 201, "{receipt}");
    let stored = app
        .store
        .load_referral(receipt["reference"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.channel, "Care Line");
    assert_eq!(
        app::api::staff::labels::channel_label(&stored.channel),
        "Care Line"
    );
    // Another partner's idempotency key of the same text is its own.
    let mut other_body = example();
    other_body["needs"]["summary"] = json!("Another person entirely");
    let (status, _, _) = post_as(
        &app,
        "/api/v1/referrals",
        Some(&hospital),
        "198.51.100.20",
        "same-key",
        &other_body,
    )
    .await;
    assert_eq!(status, 201, "no conflict across partners");

    // Each key's own limit (5 a minute in this app): the sixth waits; the other partner,
    // from another address, goes on.
    for i in 1..5 {
        let (status, _, _) = post_as(
            &app,
            "/api/v1/referrals",
            Some(&care_line),
            "203.0.113.20",
            &format!("burst-{i}"),
            &example(),
        )
        .await;
        assert_eq!(status, 201, "within the limit: {i}");
    }
    let (status, headers, problem) = post_as(
        &app,
        "/api/v1/referrals",
        Some(&care_line),
        "203.0.113.21",
        "burst-6",
        &example(),
    )
    .await;
    assert_eq!(status, 429, "{problem}");
    assert_eq!(headers["retry-after"], "60");
    let (status, _, _) = post_as(
        &app,
        "/api/v1/referrals",
        Some(&hospital),
        "198.51.100.20",
        "other-1",
        &example(),
    )
    .await;
    assert_eq!(status, 201, "another key is not held up");

    // Revoked: the same 401 as a wrong key.
    let id = app
        .store
        .api_keys()
        .await
        .unwrap()
        .into_iter()
        .find(|k| k.name == "Hospital team")
        .unwrap()
        .id;
    assert!(app.store.revoke_api_key(id, now).await.unwrap());
    let (status, _, problem) = post_as(
        &app,
        "/api/v1/referrals",
        Some(&hospital),
        "198.51.100.20",
        "other-2",
        &example(),
    )
    .await;
    assert_eq!(status, 401);
    assert_eq!(problem, refusals[0]);
}

/// Whoever sends requests (two partners, from two addresses), one address gets at most the
/// council's few acknowledgements a day (3 here); the requests themselves are all taken.
async fn acknowledgements_are_capped_per_address(app: TestApp) {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let other = app::api::api_keys::create_key(&*app.store, "Another partner", "test", now)
        .await
        .unwrap();
    let mut body = example();
    body["person"]["email"] = json!("Target@Example.org");
    body["trackers"] = json!([]);
    for i in 0..6 {
        let (key, address) = if i % 2 == 0 {
            (app.api_key.as_str(), "203.0.113.30")
        } else {
            (other.as_str(), "198.51.100.30")
        };
        let mut body = body.clone();
        body["person"]["email"] = json!(if i % 3 == 0 {
            "target@example.org"
        } else {
            "Target@Example.org"
        });
        let (status, _, receipt) = post_as(
            &app,
            "/api/v1/referrals",
            Some(key),
            address,
            &format!("ack-{i}"),
            &body,
        )
        .await;
        assert_eq!(status, 201, "{receipt}");
    }
    let to_target = common::count(
        &app.database_url,
        "SELECT COUNT(*) FROM outbox WHERE channel = 'email' AND LOWER(payload) LIKE '%target@example.org%'",
    )
    .await;
    assert_eq!(to_target, 3, "three acknowledgements, not six");
    assert_eq!(
        common::count(
            &app.database_url,
            "SELECT COUNT(*) FROM outbox WHERE channel = 'event'"
        )
        .await,
        6,
        "every request reached the council"
    );
}

macro_rules! api_tests {
    ($backend:ident, $open:ident) => {
        mod $backend {
            use super::*;
            #[tokio::test]
            async fn contract() {
                the_contract(app_on($open().await).await).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn concurrent_duplicates() {
                fifty_concurrent_posts_make_one_referral(app_on($open().await).await).await;
            }
            #[tokio::test]
            async fn safeguarding() {
                safeguarding_concerns(app_on($open().await).await).await;
            }
            #[tokio::test]
            async fn rate_limits() {
                lookups_are_rate_limited(app_on($open().await).await).await;
            }
            #[tokio::test]
            async fn partner_keys() {
                let mut config = test_config(false);
                config.settings.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
                config.settings.api_key_submissions_per_minute = 5;
                partner_endpoints_need_a_key(spawn_app_on($open().await, config).await).await;
            }
            #[tokio::test]
            async fn acknowledgement_cap() {
                acknowledgements_are_capped_per_address(app_on($open().await).await).await;
            }
        }
    };
}

api_tests!(sqlite, sqlite_store);
api_tests!(postgres, postgres_store);

/// The open endpoints are limited per client address (5 a minute here): past it, 429 with
/// Retry-After for that address only; the partner endpoints keep their own limits.
#[tokio::test]
async fn open_endpoints_are_limited_per_client() {
    let mut config = test_config(false);
    config.settings.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    config.open_api_per_minute = 5;
    let app = spawn_app_on(sqlite_store().await, config).await;
    let get = |address: &'static str, path: &'static str| {
        let app = app.new_browser();
        async move {
            let response = app
                .client
                .get(app.url(path))
                .header("x-forwarded-for", address)
                .send()
                .await
                .unwrap();
            (response.status().as_u16(), response.headers().clone())
        }
    };
    for path in ["/api/v1/openapi.json", "/api/oruk/v3/taxonomies"]
        .iter()
        .cycle()
        .take(5)
    {
        assert_eq!(get("203.0.113.50", path).await.0, 200, "{path}");
    }
    let (status, headers) = get("203.0.113.50", "/api/v1/openapi.json").await;
    assert_eq!(status, 429);
    assert!(
        headers["retry-after"]
            .to_str()
            .unwrap()
            .parse::<u64>()
            .unwrap()
            >= 1
    );
    assert_eq!(headers["content-type"], "application/problem+json");
    let (status, _, _) = lookup(&app, "203.0.113.50", "ASC-0000-0000-0000", "1948-03-02").await;
    assert_eq!(status, 429, "every open endpoint counts");
    assert_eq!(
        get("198.51.100.50", "/api/v1/openapi.json").await.0,
        200,
        "another address"
    );
    let (status, _, _) = post_as(
        &app,
        "/api/v1/referrals",
        Some(&app.api_key),
        "203.0.113.50",
        "open-1",
        &example(),
    )
    .await;
    assert_eq!(status, 201, "a partner's key has its own limit");
}

/// The OpenAPI document is published and names every field of API.md's referral contract.
#[tokio::test]
async fn the_openapi_document_describes_the_contract() {
    let app = app_on(sqlite_store().await).await;
    let response = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let document: Value = response.json().await.unwrap();
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/referrals",
        "/api/v1/referrals/status",
        "/api/v1/eligibility/adult",
        "/api/v1/eligibility/carer",
        "/api/v1/estimates/non-residential",
        "/api/v1/estimates/residential",
        "/api/v1/carers",
    ] {
        assert!(
            document["paths"][path]["post"].is_object(),
            "{path} missing"
        );
    }
    let schemas = &document["components"]["schemas"];
    let properties = |schema: &str| -> Vec<String> {
        schemas[schema]["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("{schema} has no properties"))
            .keys()
            .cloned()
            .collect()
    };
    let has_all = |schema: &str, fields: &[&str]| {
        let found = properties(schema);
        for field in fields {
            assert!(
                found.contains(&field.to_string()),
                "{schema}.{field} missing"
            );
        }
    };
    has_all(
        "ReferralRequest",
        &[
            "for",
            "person",
            "referrer",
            "consent",
            "needs",
            "trackers",
            "discharge",
            "transition",
        ],
    );
    has_all(
        "Discharge",
        &[
            "hospital",
            "ward",
            "ward_phone",
            "expected_date",
            "medically_optimised",
            "pathway",
            "support_needed",
        ],
    );
    has_all(
        "CommunicationNeeds",
        &["formats", "language", "interpreter", "support"],
    );
    has_all(
        "Consent",
        &["person_agrees", "lawful_basis", "capacity_concern"],
    );
    has_all(
        "PersonDetails",
        &[
            "given_name",
            "family_name",
            "date_of_birth",
            "address_line_1",
            "town",
            "postcode",
            "phone",
            "email",
            "preferred_contact",
            "language",
            "interpreter_needed",
            "communication_needs",
            "nhs_number",
        ],
    );
    has_all(
        "Referrer",
        &[
            "given_name",
            "family_name",
            "relationship",
            "phone",
            "email",
            "job_title",
            "organisation",
            "setting",
        ],
    );
    has_all("Tracker", &["name", "relationship", "email", "phone"]);
    has_all(
        "StatusView",
        &["reference", "status", "outcome", "timeline"],
    );
    has_all("TimelineEntry", &["status", "at", "note"]);
    has_all(
        "Receipt",
        &["reference", "status", "submitted_at", "route_of_access"],
    );
    has_all("Problem", &["type", "title", "status", "detail", "errors"]);
    has_all(
        "NonResidentialRequest",
        &[
            "financial_year",
            "person",
            "capital_pence",
            "weekly_income",
            "weekly_housing_costs_pence",
            "weekly_disability_related_expenditure_pence",
            "weekly_care_cost_pence",
        ],
    );
    has_all(
        "Person",
        &[
            "age",
            "disability_premium",
            "enhanced_disability_premium",
            "carer_premium",
            "dependent_children",
            "couple",
        ],
    );
    has_all("WeeklyIncome", &["kind", "amount_pence"]);
    has_all(
        "PolicyChoices",
        &[
            "percentage_charged",
            "flat_dre_pence",
            "minimum_charge_pence",
            "maximum_charge_pence",
            "mig_uplift_pence",
        ],
    );
    has_all(
        "ResidentialRequest",
        &[
            "financial_year",
            "capital_pence",
            "weekly_income",
            "property",
            "weekly_fee_pence",
        ],
    );
    has_all(
        "Property",
        &["value_pence", "occupied_by", "weeks_in_permanent_care"],
    );
    has_all(
        "Estimate",
        &[
            "weekly_contribution_pence",
            "full_cost",
            "provisional",
            "financial_year",
            "lines",
        ],
    );
    has_all("Line", &["code", "label", "amount_pence", "source"]);
    has_all(
        "CarerRegistration",
        &["carer", "cared_for", "caring", "emergency_plan", "consent"],
    );
    has_all(
        "CaredFor",
        &[
            "given_name",
            "family_name",
            "date_of_birth",
            "relationship",
            "same_address",
        ],
    );
    has_all("Caring", &["hours_per_week", "when", "tasks"]);
    has_all("EmergencyPlan", &["needs", "contacts", "keyholders"]);
}
