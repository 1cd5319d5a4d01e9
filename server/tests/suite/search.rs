//! One search across guidance and services, on SQLite (FTS5) and PostgreSQL (tsvector): the
//! same query finds the same documents on both; variants and misspellings find what the word
//! finds; and the web page says what each result is and marks the matching words.
use crate::common;

use std::collections::BTreeSet;

use app::domain::search::query_words;
use app::store::Store;
use common::{postgres_store, spawn_app_on, sqlite_store, test_config, text_of, TestStore};
use server::directory::import::check_feed;

async fn indexed(store: TestStore) -> TestStore {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../content/directory/exampleshire.json"
    ))
    .unwrap();
    let records = check_feed(
        &serde_json::from_str(&text).unwrap(),
        time::macros::date!(2026 - 11 - 22),
    )
    .unwrap();
    store.store.replace_directory(&records).await.unwrap();
    server::search_index::index_guidance(&*store.store)
        .await
        .unwrap();
    store
}

async fn found(store: &dyn Store, query: &str) -> BTreeSet<(String, String)> {
    store
        .search_documents(&query_words(query), 500)
        .await
        .unwrap()
        .into_iter()
        .map(|d| (d.kind, d.key))
        .collect()
}

#[tokio::test]
async fn both_databases_find_the_same_things() {
    let sqlite = indexed(sqlite_store().await).await;
    let postgres = indexed(postgres_store().await).await;
    for query in [
        "carer",
        "carers",
        "caring",
        "dementia",
        "demensia",
        "respite",
        "short breaks",
        "lunch club",
        "Disabled Facilities Grant",
        "falls",
        "care homes",
        "learning disabilities",
        "zzqxv",
        "\"; DROP TABLE search_index; --",
        "the",
    ] {
        let on_sqlite = found(&*sqlite.store, query).await;
        let on_postgres = found(&*postgres.store, query).await;
        assert_eq!(on_sqlite, on_postgres, "{query}");
    }
    // The directory lists services in the same order on both.
    let everything = app::store::ServiceQuery {
        page: 1,
        per_page: 200,
        ..Default::default()
    };
    let order = |page: app::store::DocumentPage| -> Vec<String> {
        page.documents
            .iter()
            .map(|d| {
                serde_json::from_str::<serde_json::Value>(d).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    };
    assert_eq!(
        order(sqlite.store.find_services(&everything).await.unwrap()),
        order(postgres.store.find_services(&everything).await.unwrap())
    );
    let sqlite = &*sqlite.store;
    for (variant, word) in [
        ("caring", "carer"),
        ("demensia", "dementia"),
        ("short breaks", "respite"),
        ("carers", "carer"),
    ] {
        let found_word = found(sqlite, word).await;
        assert!(!found_word.is_empty(), "{word} finds something");
        assert_eq!(
            found(sqlite, variant).await,
            found_word,
            "{variant} finds what {word} finds"
        );
    }
    let grant = found(sqlite, "Disabled Facilities Grant").await;
    assert!(
        grant.contains(&("guidance".to_owned(), "staying-independent".to_owned())),
        "{grant:?}"
    );
    assert!(found(sqlite, "zzqxv").await.is_empty());
    assert!(
        found(sqlite, "the").await.is_empty(),
        "stop words alone find nothing"
    );
}

#[tokio::test]
async fn the_search_page_says_what_results_are_and_marks_the_words() {
    let app = spawn_app_on(indexed(sqlite_store().await).await, test_config(false)).await;
    let (status, html) = app.get_html("/search?q=demensia%20cafe").await;
    assert_eq!(status, 200);
    let heading = text_of(&html, "#results-heading").unwrap();
    assert!(
        heading.ends_with("result") || heading.ends_with("results"),
        "{heading}"
    );
    let kinds = common::attrs(&html, ".app-results__item .govuk-tag", "class");
    assert!(!kinds.is_empty());
    let selector = scraper::Selector::parse(".app-results__item mark").unwrap();
    let marked: Vec<String> = html
        .select(&selector)
        .map(|m| m.text().collect::<String>().to_lowercase())
        .collect();
    assert!(marked.iter().any(|m| m == "dementia"), "{marked:?}");
    assert!(
        marked
            .iter()
            .all(|m| m == "dementia" || m == "café" || m == "cafe"),
        "{marked:?}"
    );
    let (_, html) = app.get_html("/search?q=").await;
    assert_eq!(
        text_of(&html, ".govuk-error-summary a").as_deref(),
        Some("Enter words to search for, like carers or dementia")
    );
    assert!(text_of(&html, "title").unwrap().starts_with("Error: "));
    let (_, html) = app.get_html("/search?q=zzqxv").await;
    assert_eq!(
        text_of(&html, "#results-heading").as_deref(),
        Some("No results for ‘zzqxv’")
    );
}
