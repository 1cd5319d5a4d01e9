//! Operations endpoints (`/healthz`, `/readyz`) and the last-resort error page.
use std::any::Any;
use std::sync::Arc;
use std::time::Duration;

use app::store::Store;
use axum::body::Body;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use http::{header, StatusCode};

/// The process is up.
pub async fn healthz() -> &'static str {
    "ok"
}

/// How long `/readyz` waits for the database before saying it is not ready.
const READY_WITHIN: Duration = Duration::from_secs(3);

/// The database answers and takes writes within `READY_WITHIN`; 503 when it does not
/// (stopped, unreachable, locked or read-only), so a load balancer stops sending traffic.
pub async fn readyz(State(store): State<Arc<dyn Store>>) -> Response {
    let problem = match tokio::time::timeout(READY_WITHIN, store.ping()).await {
        Ok(Ok(())) => return (StatusCode::OK, "ready").into_response(),
        Ok(Err(error)) => error.to_string(),
        Err(_) => format!("no answer within {} s", READY_WITHIN.as_secs()),
    };
    tracing::warn!(%problem, backend = store.backend(), "not ready");
    (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
}

/// What a panic turns into: a plain 500 page that says sorry and how to get help, with none
/// of the panic's text.
pub fn panic_response(_panic: Box<dyn Any + Send + 'static>) -> Response<Body> {
    tracing::error!("a request panicked");
    let mut response = Html(INTERNAL_ERROR_PAGE).into_response();
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

const INTERNAL_ERROR_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en" class="govuk-template"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sorry, there is a problem with the service - Adult social care - Exampleshire County Council</title>
<link rel="stylesheet" href="/pkg/portal.css"></head>
<body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-xl">Sorry, there is a problem with the service</h1>
<p class="govuk-body">Try again later.</p>
<p class="govuk-body">If you need help now, call our Care Line on 01632 960000 (Monday to Friday, 8:30am to 5pm).</p>
<p class="govuk-body">If someone is in immediate danger, call 999.</p>
<p class="govuk-body"><a class="govuk-link" href="/">Go to the start of the service</a></p>
</main></div></body></html>"#;
