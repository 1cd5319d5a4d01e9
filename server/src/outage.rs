//! When the database is down or locked, a browser's post cannot be saved: the session cannot
//! be written (tower-sessions then answers an empty 500) or the server function fails with
//! `PortalError::ServiceProblem` (Leptos then sends the browser back where it came from, saying
//! nothing useful). This layer, outside the sessions, turns both into "Sorry, there is a
//! problem with the service" (503), with the person's answers shown back from the post itself
//! and a "Try again" button that posts them again, so nothing typed is lost.
use app::api::show_back::{answers_in_post, is_secret};
use app::errors::PortalError;
use app::pages::service_problem::{service_problem_document, UnsavedPost};
use axum::body::{to_bytes, Body, Bytes, HttpBody as _};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use http::{header, HeaderValue, Method, StatusCode};

/// The largest post kept to show back; larger ones pass through untouched (the server
/// refuses them anyway). Forms here are a few kilobytes.
const KEEP_UP_TO: u64 = 64 * 1024;

/// The header Leptos puts on a server function's error response.
const SERVER_FN_ERROR: &str = "serverfnerror";

/// The layer: see the module's comment.
pub async fn service_problem_page(request: Request, next: Next) -> Response {
    let Some(post) = browser_form_post(&request) else {
        let response = next.run(request).await;
        return if is_empty_500(&response) {
            page(None)
        } else {
            response
        };
    };
    let action = request.uri().path().to_owned();
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, post as usize).await else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let request = Request::from_parts(parts, Body::from(bytes.clone()));
    let response = next.run(request).await;
    let (failed, response) = failed_for_the_service(response).await;
    if !failed {
        return response;
    }
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    let answers = answers_in_post(&fields);
    let resend = (!fields.iter().any(|(name, _)| is_secret(name))).then_some(fields);
    page(Some(UnsavedPost {
        action,
        resend,
        answers,
    }))
}

/// A browser's form post small enough to keep: its length.
fn browser_form_post(request: &Request) -> Option<u64> {
    let header_has = |name: header::HeaderName, text: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains(text))
    };
    let length = request.body().size_hint().exact()?;
    (request.method() == Method::POST
        && header_has(header::ACCEPT, "text/html")
        && header_has(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        && length <= KEEP_UP_TO)
        .then_some(length)
}

/// tower-sessions' answer when it could not save the session.
fn is_empty_500(response: &Response) -> bool {
    response.status() == StatusCode::INTERNAL_SERVER_ERROR
        && response.body().size_hint().exact() == Some(0)
}

/// Whether the response says the service could not save (and the response, rebuilt if its
/// body had to be read to tell).
async fn failed_for_the_service(response: Response) -> (bool, Response) {
    if is_empty_500(&response) {
        return (true, response);
    }
    if !response.headers().contains_key(SERVER_FN_ERROR) {
        return (false, response);
    }
    let (parts, body) = response.into_parts();
    let bytes = to_bytes(body, KEEP_UP_TO as usize)
        .await
        .unwrap_or_else(|_| Bytes::new());
    let failed = serde_json::from_slice::<PortalError>(&bytes)
        .is_ok_and(|error| error == PortalError::ServiceProblem);
    (failed, Response::from_parts(parts, Body::from(bytes)))
}

fn page(post: Option<UnsavedPost>) -> Response {
    let mut response = Html(service_problem_document(post)).into_response();
    *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
    response
}
