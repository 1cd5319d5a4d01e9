//! The directory of community services (Open Referral UK v3) on SQLite and PostgreSQL: the
//! demo feed imports; every endpoint of the ORUK read API answers in the shapes the
//! standard's OpenAPI description and schemas declare (checked with a JSON Schema validator,
//! `$ref`s resolved to the published files kept in `standards/oruk-v3/`); filters and paging
//! agree with the feed; and `server import-directory` rejects a bad feed with reasons,
//! importing nothing.
use crate::common;

use common::{postgres_store, spawn_app_on, sqlite_store, test_config, TestApp, TestStore};
use serde_json::Value;
use server::directory::import::check_feed;
use server::directory::schemas::response_validator;

const FEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../content/directory/exampleshire.json"
);

fn feed() -> Value {
    serde_json::from_str(&std::fs::read_to_string(FEED).unwrap()).unwrap()
}

fn today() -> time::Date {
    time::macros::date!(2026 - 11 - 22)
}

async fn app_with_directory(store: TestStore) -> TestApp {
    let records =
        check_feed(&feed(), today()).unwrap_or_else(|r| panic!("demo feed rejected: {r:?}"));
    store.store.replace_directory(&records).await.unwrap();
    spawn_app_on(store, test_config(false)).await
}

async fn get(app: &TestApp, path: &str) -> (u16, Value) {
    let response = app.client.get(app.url(path)).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Fails with every schema error if `body` is not what the standard declares for `api_path`.
fn assert_conforms(api_path: &str, body: &Value) {
    let validator = response_validator(api_path).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(body)
        .take(10)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{api_path} does not conform:\n{}",
        errors.join("\n")
    );
}

async fn the_oruk_api(app: TestApp) {
    let feed = feed();
    let services = feed["services"].as_array().unwrap();

    let (status, meta) = get(&app, "/api/oruk/v3/").await;
    assert_eq!(status, 200);
    assert_conforms("/", &meta);

    // Every service, page by page, in the list shape.
    let (status, first) = get(&app, "/api/oruk/v3/services?per_page=25").await;
    assert_eq!(status, 200);
    assert_conforms("/services", &first);
    assert_eq!(first["total_items"], services.len());
    assert_eq!(first["total_pages"], services.len().div_ceil(25));
    assert_eq!(first["first_page"], true);
    assert_eq!(first["size"], 25);
    // (The check can fail: a wrong type in the page or a service is caught.)
    let mut broken = first.clone();
    broken["contents"][0]["status"] = Value::from("open sometimes");
    assert!(!response_validator("/services").unwrap().is_valid(&broken));
    let last_page = first["total_pages"].as_u64().unwrap();
    let (_, last) = get(
        &app,
        &format!("/api/oruk/v3/services?per_page=25&page={last_page}"),
    )
    .await;
    assert_eq!(last["last_page"], true);
    assert_eq!(last["size"], services.len() - 25 * (last_page as usize - 1));

    // One service, nested in full, exactly as imported.
    let id = first["contents"][0]["id"].as_str().unwrap().to_owned();
    let (status, service) = get(&app, &format!("/api/oruk/v3/services/{id}")).await;
    assert_eq!(status, 200);
    assert_conforms("/services/{id}", &service);
    let original = services.iter().find(|s| s["id"] == id.as_str()).unwrap();
    assert_eq!(&service, original);

    // A taxonomy term filter finds exactly the services the feed tags with it.
    let (_, terms) = get(&app, "/api/oruk/v3/taxonomy_terms?per_page=200").await;
    assert_conforms("/taxonomy_terms", &terms);
    let term = terms["contents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["code"] == "nutrition")
        .expect("the nutrition outcome term");
    let term_id = term["id"].as_str().unwrap();
    let tagged = services
        .iter()
        .filter(|s| {
            s["attributes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["taxonomy_term_id"] == term_id)
        })
        .count();
    assert!(tagged > 0);
    let (_, found) = get(
        &app,
        &format!("/api/oruk/v3/services?taxonomy_term_id={term_id}&per_page=200"),
    )
    .await;
    assert_eq!(found["total_items"], tagged);
    let (status, one_term) = get(&app, &format!("/api/oruk/v3/taxonomy_terms/{term_id}")).await;
    assert_eq!(status, 200);
    assert_conforms("/taxonomy_terms/{id}", &one_term);

    let (_, taxonomies) = get(&app, "/api/oruk/v3/taxonomies").await;
    assert_conforms("/taxonomies", &taxonomies);
    assert_eq!(
        taxonomies["total_items"],
        feed["taxonomies"].as_array().unwrap().len()
    );
    let taxonomy_id = taxonomies["contents"][0]["id"].as_str().unwrap().to_owned();
    let (status, taxonomy) = get(&app, &format!("/api/oruk/v3/taxonomies/{taxonomy_id}")).await;
    assert_eq!(status, 200);
    assert_conforms("/taxonomies/{id}", &taxonomy);

    // Search finds what the site's search finds among services (every canonical word, in the
    // full-text index), misspellings included; nothing matches nonsense.
    let (_, lunch) = get(
        &app,
        "/api/oruk/v3/services?search=lunch%20club&per_page=200",
    )
    .await;
    let indexed: std::collections::BTreeSet<String> = app
        .store
        .search_documents(&app::domain::search::query_words("lunch club"), 500)
        .await
        .unwrap()
        .into_iter()
        .filter(|d| d.kind == "service")
        .map(|d| d.key)
        .collect();
    let listed: std::collections::BTreeSet<String> = lunch["contents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(!listed.is_empty());
    assert_eq!(listed, indexed);
    let (_, dementia) = get(&app, "/api/oruk/v3/services?search=dementia").await;
    let (_, misspelt) = get(&app, "/api/oruk/v3/services?search=demensia").await;
    assert!(dementia["total_items"].as_u64().unwrap() > 0);
    assert_eq!(dementia["total_items"], misspelt["total_items"]);
    let (_, none) = get(&app, "/api/oruk/v3/services?search=zzqxv").await;
    assert_eq!(none["empty"], true);

    // Ages, as the standard defines its filters.
    let (_, older) = get(&app, "/api/oruk/v3/services?minimum_age=60&per_page=200").await;
    let expected = services
        .iter()
        .filter(|s| s["minimum_age"].as_f64().is_some_and(|a| a >= 60.0))
        .count();
    assert_eq!(older["total_items"], expected);

    // Services at locations.
    let (status, at) = get(&app, "/api/oruk/v3/service_at_locations?per_page=5").await;
    assert_eq!(status, 200);
    assert_conforms("/service_at_locations", &at);
    let sal_id = at["contents"][0]["id"].as_str().unwrap().to_owned();
    let (status, sal) = get(&app, &format!("/api/oruk/v3/service_at_locations/{sal_id}")).await;
    assert_eq!(status, 200);
    assert_conforms("/service_at_locations/{id}", &sal);

    // Clear refusals.
    assert_eq!(get(&app, "/api/oruk/v3/services/not-an-id").await.0, 404);
    for bad in [
        "page=0",
        "page=9223372036854775807",
        "per_page=1000",
        "page=two",
        "postcode=EX1%201AA",
        "minimum_age=old",
    ] {
        let (status, problem) = get(&app, &format!("/api/oruk/v3/services?{bad}")).await;
        assert_eq!(status, 400, "{bad}");
        assert!(problem["detail"].as_str().is_some(), "{bad}");
    }
}

#[tokio::test]
async fn oruk_api_on_sqlite() {
    the_oruk_api(app_with_directory(sqlite_store().await).await).await;
}

#[tokio::test]
async fn oruk_api_on_postgres() {
    the_oruk_api(app_with_directory(postgres_store().await).await).await;
}

/// The real binary: a good feed imports; a bad one lists every rejected record with its
/// reasons and leaves the directory as it was.
#[tokio::test]
async fn import_directory_command() {
    let store = sqlite_store().await;
    let dir = tempfile::tempdir().unwrap();
    let run = |file: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .args(["import-directory", file.to_str().unwrap()])
            .env("DATABASE_URL", &store.url)
            .output()
            .unwrap()
    };
    let good = run(std::path::Path::new(FEED));
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    assert!(String::from_utf8_lossy(&good.stdout).contains("Imported 82 services"));

    let mut bad = feed();
    let services = bad["services"].as_array_mut().unwrap();
    services[0]["minimum_age"] = Value::from("eighteen");
    services[1]["organization_id"] = Value::from("3f0e1bb0-0000-4000-8000-000000000000");
    services[2].as_object_mut().unwrap().remove("assured_date");
    services[3]["status"] = Value::from("open sometimes");
    let duplicate = services[4].clone();
    services.push(duplicate);
    let bad_file = dir.path().join("bad.json");
    std::fs::write(&bad_file, bad.to_string()).unwrap();
    let refused = run(&bad_file);
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    for reason in [
        "services[0]",
        "/minimum_age",
        "services[1]",
        "is not an organization in the feed",
        "services[2]",
        "assured_date is missing",
        "services[3]",
        "/status",
        "is used by another of the services",
        "is used by another service at location",
        "nothing was imported: 6 record(s) rejected",
    ] {
        assert!(stderr.contains(reason), "{reason} not in:\n{stderr}");
    }
    let page = store
        .store
        .find_services(&app::store::ServiceQuery {
            page: 1,
            per_page: 1,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page.total, 82, "the directory is as it was");

    let not_json = dir.path().join("not.json");
    std::fs::write(&not_json, "{ nope").unwrap();
    let refused = run(&not_json);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("is not JSON"));
}

/// The web pages filter exactly as the feed says: by need and town together, by age, free.
#[tokio::test]
async fn the_web_directory_filters_as_the_feed_says() {
    let app = app_with_directory(sqlite_store().await).await;
    let feed = feed();
    let services = feed["services"].as_array().unwrap();
    let term_id = |code: &str| {
        feed["taxonomy_terms"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["code"] == code)
            .map(|t| t["id"].as_str().unwrap().to_owned())
            .unwrap()
    };
    let nutrition = term_id("nutrition");
    let in_town = |s: &Value, town: &str| {
        s["service_at_locations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|sal| sal["location"]["addresses"][0]["city"] == town)
    };
    let expected = services
        .iter()
        .filter(|s| {
            s["attributes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["taxonomy_term_id"] == nutrition.as_str())
        })
        .filter(|s| in_town(s, "Exampletown"))
        .count();
    let shown = |html: &scraper::Html| -> usize {
        common::text_of(html, "#results-heading")
            .unwrap()
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    let (status, html) = app
        .get_html("/find-local-services?need=nutrition&town=Exampletown")
        .await;
    assert_eq!(status, 200);
    assert_eq!(shown(&html), expected);
    let (_, html) = app.get_html("/find-local-services?age=20").await;
    let open_to_20 = services
        .iter()
        .filter(|s| {
            s["minimum_age"].as_f64().is_none_or(|a| a <= 20.0)
                && s["maximum_age"].as_f64().is_none_or(|a| a >= 20.0)
        })
        .count();
    assert_eq!(shown(&html), open_to_20);
    let (_, html) = app.get_html("/find-local-services?town=Atlantis").await;
    assert_eq!(
        common::text_of(&html, ".govuk-error-summary a").as_deref(),
        Some("Select a town from the list")
    );

    let id = services[0]["id"].as_str().unwrap();
    let (status, html) = app.get_html(&format!("/find-local-services/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(
        common::text_of(&html, "h1").as_deref(),
        services[0]["name"].as_str()
    );
    assert_eq!(
        app.get_html("/find-local-services/no-such-service").await.0,
        404
    );
}
