//! Keeping the search index's guidance rows in step with the guidance compiled into this
//! binary (services are indexed when the directory is imported).

use app::domain::search::index_terms;
use app::store::{SearchDocument, Store, StoreError};

/// Replaces the indexed guidance with this binary's pages.
pub async fn index_guidance(store: &dyn Store) -> Result<(), StoreError> {
    let Ok(guidance) = app::content::guidance() else {
        return Err(StoreError::Unavailable(
            "the guidance content is not valid".into(),
        ));
    };
    let documents: Vec<SearchDocument> = guidance
        .pages
        .iter()
        .map(|page| SearchDocument {
            kind: "guidance".into(),
            key: page.slug.clone(),
            title: page.title.clone(),
            summary: page.summary.clone(),
            body: page.text.clone(),
            terms: index_terms(&[&page.title, &page.summary, &page.text]),
        })
        .collect();
    store.replace_search_documents("guidance", &documents).await
}
