//! The public JSON API (API.md), as plain axum handlers over the same domain code and store
//! as the pages: status codes, headers and problem+json are its contract.

mod body;
mod carers;
mod changes;
mod eligibility;
mod estimates;
pub mod integration;
mod open_limit;
mod openapi;
mod oruk;
mod partner;
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
    /// The case-management system's shared secret for its updates (empty: not accepted).
    pub integration_secret: String,
}

/// The API: the partner endpoints (each key limited on its own) and the integration door
/// (signed), then the open endpoints, limited per client address.
pub fn routes(state: ApiState, open_per_minute: u32) -> Router {
    let partner = Router::new()
        .route("/api/v1/referrals", post(referrals::create))
        .route("/api/v1/carers", post(carers::create))
        .route(
            "/api/v1/integration/referrals/{reference}/status",
            post(integration::set_status),
        );
    let open = Router::<ApiState>::new()
        .route("/api/v1/referrals/status", post(referrals::status))
        .route("/api/v1/referrals/changes", post(changes::create))
        .route("/api/v1/eligibility/adult", post(eligibility::adult))
        .route("/api/v1/eligibility/carer", post(eligibility::carer))
        .route(
            "/api/v1/estimates/non-residential",
            post(estimates::non_residential),
        )
        .route(
            "/api/v1/estimates/residential",
            post(estimates::residential),
        )
        .route("/api/v1/openapi.json", get(openapi::document))
        .route(oruk::BASE, get(oruk::meta))
        .route(&format!("{}/", oruk::BASE), get(oruk::meta))
        .route(&format!("{}/services", oruk::BASE), get(oruk::services))
        .route(
            &format!("{}/services/{{id}}", oruk::BASE),
            get(oruk::service),
        )
        .route(
            &format!("{}/service_at_locations", oruk::BASE),
            get(oruk::service_at_locations),
        )
        .route(
            &format!("{}/service_at_locations/{{id}}", oruk::BASE),
            get(oruk::service_at_location),
        )
        .route(&format!("{}/taxonomies", oruk::BASE), get(oruk::taxonomies))
        .route(
            &format!("{}/taxonomies/{{id}}", oruk::BASE),
            get(oruk::taxonomy),
        )
        .route(
            &format!("{}/taxonomy_terms", oruk::BASE),
            get(oruk::taxonomy_terms),
        )
        .route(
            &format!("{}/taxonomy_terms/{{id}}", oruk::BASE),
            get(oruk::taxonomy_term),
        );
    let open = open_limit::per_client(
        open,
        state.settings.trusted_proxies.clone(),
        open_per_minute,
    );
    partner
        .merge(open)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state)
}
