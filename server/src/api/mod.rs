//! The public JSON API (API.md), as plain axum handlers over the same domain code and store
//! as the pages: status codes, headers and problem+json are its contract.

mod openapi;
mod problem;
mod referrals;

use std::sync::Arc;

use app::settings::Settings;
use app::store::Store;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

pub use problem::Problem;

/// Request bodies over this are refused with 413 (API.md).
pub const BODY_LIMIT: usize = 64 * 1024;

#[derive(Clone)]
pub struct ApiState {
    pub store: Arc<dyn Store>,
    pub settings: Arc<Settings>,
}

pub fn routes(state: ApiState) -> Router {
    Router::new()
        .route("/api/v1/referrals", post(referrals::create))
        .route("/api/v1/referrals/status", post(referrals::status))
        .route("/api/v1/openapi.json", get(openapi::document))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state)
}
