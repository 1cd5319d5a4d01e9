//! Logs: one line per request with its id, method, path (never the query string, which could
//! carry what someone typed), status and time taken. Never personal data.
use std::time::Duration;

use axum::body::Body;
use http::{Request, Response};
use tower_http::trace::{MakeSpan, OnResponse};
use tracing::Span;
use tracing_subscriber::EnvFilter;

/// Starts logging, filtered by `RUST_LOG` (default `info`).
pub fn init() {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .try_init();
}

/// The span for a request: its id (from `x-request-id`), method and path only.
#[derive(Clone, Copy, Debug, Default)]
pub struct RequestSpan;

impl<B> MakeSpan<B> for RequestSpan {
    fn make_span(&mut self, request: &Request<B>) -> Span {
        let request_id = request
            .headers()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("-");
        tracing::info_span!("request", id = %request_id, method = %request.method(), path = %request.uri().path())
    }
}

/// Logs the status and latency when the response is ready.
#[derive(Clone, Copy, Debug, Default)]
pub struct ResponseLog;

impl OnResponse<Body> for ResponseLog {
    fn on_response(self, response: &Response<Body>, latency: Duration, _span: &Span) {
        tracing::info!(
            status = response.status().as_u16(),
            latency_ms = latency.as_millis() as u64,
            "response"
        );
    }
}
