//! `GET /exit-this-page`: where GOV.UK's "Exit this page" button goes, with JavaScript off
//! and on. It deletes the whole session (every draft in it, so nothing typed about a concern
//! is left to be found by pressing Back or coming back later), removes the cookie, and sends
//! the person on to a neutral page. A database that cannot be reached never stops anyone
//! leaving: the redirect is given all the same.

use app::components::EXIT_URL;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

pub const EXIT_PATH: &str = app::components::EXIT_PATH;

pub async fn exit_this_page(session: Session) -> Response {
    if let Err(error) = session.flush().await {
        tracing::warn!(%error, "exit this page: the session could not be deleted");
    }
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    headers.insert(header::LOCATION, HeaderValue::from_static(EXIT_URL));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // The neutral site is not told where the person came from.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}
