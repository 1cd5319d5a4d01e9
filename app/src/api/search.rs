//! One search across guidance pages and directory services (`/search?q=...`): the store's
//! full-text search finds the documents with every canonical word of the query, and the
//! domain ranks them and picks the sentence to show with the matching words marked.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::problems::FieldErrors;
use crate::domain::search::SnippetPart;
use crate::errors::PortalError;

pub const SEARCH_PATH: &str = "/search";
pub const QUERY_MAX: usize = 100;
#[cfg(feature = "ssr")]
const RESULTS_MAX: usize = 50;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResult {
    /// "Guidance" or "Service".
    pub kind: String,
    pub href: String,
    pub title: String,
    pub summary: String,
    pub snippet: Vec<SnippetPart>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchView {
    /// `None` before anyone has searched.
    pub query: Option<String>,
    pub errors: FieldErrors,
    pub results: Vec<SearchResult>,
}

#[server(endpoint = "search")]
pub async fn load_search(query: Option<String>) -> Result<SearchView, PortalError> {
    use crate::api::directory::DIRECTORY_BASE;
    use crate::api::guidance::page_href;
    use crate::domain::search::{query_words, score, snippet};

    let Some(query) = query else {
        return Ok(SearchView::default());
    };
    let mut errors = FieldErrors::default();
    if query.trim().is_empty() {
        errors.add("q", "Enter words to search for, like carers or dementia");
    } else if query.chars().count() > QUERY_MAX {
        errors.add(
            "q",
            format!("Search words must be {QUERY_MAX} characters or fewer"),
        );
    }
    let words = query_words(&query);
    if !errors.is_empty() || words.is_empty() {
        return Ok(SearchView {
            query: Some(query),
            errors,
            results: Vec::new(),
        });
    }
    let found = crate::api::context::store()?
        .search_documents(&words, 500)
        .await?;
    let mut ranked: Vec<_> = found
        .into_iter()
        .map(|d| (score(&words, &d.title, &d.summary, &d.body), d))
        .collect();
    ranked.sort_by(|(a, x), (b, y)| b.cmp(a).then_with(|| x.title.cmp(&y.title)));
    let results = ranked
        .into_iter()
        .take(RESULTS_MAX)
        .map(|(_, d)| {
            let (kind, href) = if d.kind == "guidance" {
                ("Guidance", page_href(&d.key))
            } else {
                ("Service", format!("{DIRECTORY_BASE}/{}", d.key))
            };
            SearchResult {
                kind: kind.to_owned(),
                href,
                snippet: snippet(&words, &d.body),
                title: d.title,
                summary: d.summary,
            }
        })
        .collect();
    Ok(SearchView {
        query: Some(query),
        errors,
        results,
    })
}
