//! The open endpoints' per-client limit (tower_governor's keyed GCRA limiter): a burst of
//! `per_minute` requests, then one more every `60 / per_minute` seconds, per client address as
//! `client_address` counts it (a trusted proxy's `X-Forwarded-For`, IPv6 by /64). Over it:
//! 429 problem+json with `Retry-After`. Per instance, in memory: a brake on floods, not a
//! quota (the lookups' own limits on misses are shared by every instance in the store).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use app::api::client_address::client_address;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};

use super::Problem;

/// The client address a request counts against.
#[derive(Clone)]
pub struct ClientKey {
    trusted: Arc<Vec<IpAddr>>,
}

impl KeyExtractor for ClientKey {
    type Key = String;

    fn extract<T>(&self, request: &Request<T>) -> Result<Self::Key, GovernorError> {
        let peer = request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0);
        Ok(client_address(peer, request.headers(), &self.trusted))
    }
}

/// `routes`, limited to `per_minute` requests a minute per client, in a burst or spread out.
pub fn per_client<S: Clone + Send + Sync + 'static>(
    routes: Router<S>,
    trusted: Vec<IpAddr>,
    per_minute: u32,
) -> Router<S> {
    let per_minute = per_minute.max(1);
    let config = GovernorConfigBuilder::default()
        .key_extractor(ClientKey {
            trusted: Arc::new(trusted),
        })
        .period(Duration::from_millis(60_000 / u64::from(per_minute)).max(Duration::from_millis(1)))
        .burst_size(per_minute)
        .finish()
        .expect("a period and burst above zero");
    routes.layer(GovernorLayer::<_, _, Body>::new(config).error_handler(too_many))
}

fn too_many(error: GovernorError) -> Response {
    let wait = match error {
        GovernorError::TooManyRequests { wait_time, .. } => wait_time.max(1) as i64,
        _ => 60,
    };
    Problem {
        retry_after: Some(wait),
        ..Problem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "Too many requests",
            "Too many requests from this address. Wait and try again.",
        )
    }
    .into_response()
}
