//! The directory's Open Referral UK v3 read API (`/api/oruk/v3/...`), as the standard's
//! OpenAPI description defines it: services, taxonomies, taxonomy terms and services at
//! locations, each list paged (`total_items`, `total_pages`, `page_number`, `size`,
//! `first_page`, `last_page`, `empty`, `contents`). Records are served as they were imported.

use std::collections::HashMap;

use app::store::{DocumentPage, ServiceQuery, MAX_TERM_FILTERS};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use time::format_description::well_known::{Iso8601, Rfc3339};
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time};

use super::{ApiState, Problem};

pub const BASE: &str = "/api/oruk/v3";
const DEFAULT_PER_PAGE: i64 = 50;
const MAX_PER_PAGE: i64 = 200;
const MAX_PAGE: i64 = 1_000_000;

/// `GET /`: what this API is.
pub async fn meta() -> Json<Value> {
    Json(json!({
        "version": "3.0",
        "profile": "https://openreferral.org.uk/",
        "openapi_url": "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json",
    }))
}

pub async fn services(
    State(state): State<ApiState>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    match service_query(&params) {
        Ok(query) => paged(state.store.find_services(&query).await, &query),
        Err(problem) => problem.into_response(),
    }
}

pub async fn service(State(state): State<ApiState>, Path(id): Path<String>) -> Response {
    one(state.store.service_document(&id).await, "service")
}

pub async fn service_at_locations(
    State(state): State<ApiState>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    match service_query(&params) {
        Ok(query) => paged(state.store.find_service_at_locations(&query).await, &query),
        Err(problem) => problem.into_response(),
    }
}

pub async fn service_at_location(
    State(state): State<ApiState>,
    Path(id): Path<String>,
) -> Response {
    one(
        state.store.service_at_location_document(&id).await,
        "service at location",
    )
}

pub async fn taxonomies(
    State(state): State<ApiState>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let query = match paging(&params) {
        Ok(query) => query,
        Err(problem) => return problem.into_response(),
    };
    paged(
        state.store.taxonomies(query.page, query.per_page).await,
        &query,
    )
}

pub async fn taxonomy(State(state): State<ApiState>, Path(id): Path<String>) -> Response {
    one(state.store.taxonomy_document(&id).await, "taxonomy")
}

pub async fn taxonomy_terms(
    State(state): State<ApiState>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let query = match paging(&params) {
        Ok(query) => query,
        Err(problem) => return problem.into_response(),
    };
    let taxonomy = params.get("taxonomy_id").map(String::as_str);
    paged(
        state
            .store
            .taxonomy_terms(taxonomy, query.page, query.per_page)
            .await,
        &query,
    )
}

pub async fn taxonomy_term(State(state): State<ApiState>, Path(id): Path<String>) -> Response {
    one(
        state.store.taxonomy_term_document(&id).await,
        "taxonomy term",
    )
}

/// `page` and `per_page` only.
fn paging(params: &HashMap<String, String>) -> Result<ServiceQuery, Problem> {
    let number = |key: &str| -> Result<Option<i64>, Problem> {
        params
            .get(key)
            .map(|v| {
                v.trim()
                    .parse::<i64>()
                    .map_err(|_| bad(&format!("{key} must be a whole number")))
            })
            .transpose()
    };
    let page = number("page")?.unwrap_or(1);
    let per_page = number("per_page")?.unwrap_or(DEFAULT_PER_PAGE);
    if !(1..=MAX_PAGE).contains(&page) {
        return Err(bad(&format!("page must be from 1 to {MAX_PAGE}")));
    }
    if !(1..=MAX_PER_PAGE).contains(&per_page) {
        return Err(bad(&format!("per_page must be from 1 to {MAX_PER_PAGE}")));
    }
    Ok(ServiceQuery {
        page,
        per_page,
        ..ServiceQuery::default()
    })
}

/// The service filters the standard defines that this directory can answer.
fn service_query(params: &HashMap<String, String>) -> Result<ServiceQuery, Problem> {
    for unsupported in ["postcode", "proximity"] {
        if params.contains_key(unsupported) {
            return Err(bad(&format!(
                "{unsupported} is not supported: this directory has no geodata. Filter by taxonomy term instead"
            )));
        }
    }
    for unsupported in ["day", "start_time", "end_time"] {
        if params.contains_key(unsupported) {
            return Err(bad(&format!("{unsupported} is not supported yet")));
        }
    }
    let mut query = paging(params)?;
    let age = |key: &str| -> Result<Option<i64>, Problem> {
        params
            .get(key)
            .map(|v| {
                v.trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|a| (0.0..=150.0).contains(a))
                    .map(|a| a as i64)
                    .ok_or_else(|| bad(&format!("{key} must be an age in years")))
            })
            .transpose()
    };
    query.minimum_age_at_least = age("minimum_age")?;
    query.maximum_age_at_most = age("maximum_age")?;
    // The same canonical words as the site's search (synonyms and misspellings included).
    query.words = params
        .get("search")
        .map(|s| app::domain::search::query_words(s))
        .unwrap_or_default();
    query.term_ids = params
        .get("taxonomy_term_id")
        .map(|ids| {
            ids.split(',')
                .map(str::trim)
                .filter(|i| !i.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    if query.term_ids.len() > MAX_TERM_FILTERS {
        return Err(bad(&format!(
            "taxonomy_term_id can name up to {MAX_TERM_FILTERS} terms"
        )));
    }
    query.full = params.get("full").is_some_and(|v| v == "true");
    query.taxonomy_id = params.get("taxonomy_id").cloned();
    query.organization_id = params.get("organization_id").cloned();
    query.modified_after = params
        .get("modified_after")
        .map(|v| {
            modified_after(v).ok_or_else(|| {
                bad("modified_after must be a date or date and time, like 2026-01-31T09:00:00Z")
            })
        })
        .transpose()?;
    Ok(query)
}

fn modified_after(value: &str) -> Option<i64> {
    let value = value.trim();
    OffsetDateTime::parse(value, &Rfc3339)
        .map(OffsetDateTime::unix_timestamp)
        .ok()
        .or_else(|| {
            Date::parse(value, &Iso8601::DATE).ok().map(|d| {
                PrimitiveDateTime::new(d, Time::MIDNIGHT)
                    .assume_utc()
                    .unix_timestamp()
            })
        })
}

fn bad(detail: &str) -> Problem {
    Problem::new(StatusCode::BAD_REQUEST, "Bad request", detail)
}

fn paged(found: Result<DocumentPage, app::store::StoreError>, query: &ServiceQuery) -> Response {
    let found = match found {
        Ok(found) => found,
        Err(error) => {
            tracing::error!(%error, "could not read the directory");
            return Problem::unavailable().into_response();
        }
    };
    let contents: Vec<Value> = found
        .documents
        .iter()
        .filter_map(|d| serde_json::from_str(d).ok())
        .collect();
    let total_pages = (found.total + query.per_page - 1) / query.per_page;
    Json(json!({
        "total_items": found.total,
        "total_pages": total_pages,
        "page_number": query.page,
        "size": contents.len(),
        "first_page": query.page == 1,
        "last_page": query.page >= total_pages,
        "empty": found.total == 0,
        "contents": contents,
    }))
    .into_response()
}

fn one(found: Result<Option<String>, app::store::StoreError>, what: &str) -> Response {
    match found {
        Ok(Some(document)) => match serde_json::from_str::<Value>(&document) {
            Ok(value) => Json(value).into_response(),
            Err(_) => Problem::unavailable().into_response(),
        },
        Ok(None) => Problem::new(
            StatusCode::NOT_FOUND,
            "Not found",
            format!("There is no {what} with that id"),
        )
        .into_response(),
        Err(error) => {
            tracing::error!(%error, "could not read the directory");
            Problem::unavailable().into_response()
        }
    }
}
