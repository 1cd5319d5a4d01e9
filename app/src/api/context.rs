//! What every server function can reach: the store, handed in by the server at start-up.
use std::sync::Arc;

use leptos::prelude::*;

use crate::errors::PortalError;
use crate::settings::Settings;
use crate::store::Store;

/// Provided to every route and server function by the server (`leptos_routes_with_context`).
#[derive(Clone, Debug)]
pub struct AppContext {
    pub store: Arc<dyn Store>,
    pub settings: Arc<Settings>,
}

/// The store, or a server error if the server forgot to provide it.
pub fn store() -> Result<Arc<dyn Store>, PortalError> {
    use_context::<AppContext>()
        .map(|c| c.store)
        .ok_or_else(|| PortalError::internal("The service is not configured"))
}

/// The council's settings (the defaults if the server provided none, as in unit tests).
pub fn settings() -> Arc<Settings> {
    use_context::<AppContext>()
        .map(|c| c.settings)
        .unwrap_or_default()
}

/// Logs the real cause (never personal data: store errors carry SQL errors, not values) and
/// gives the browser a message that leaks nothing.
pub fn service_problem(error: impl std::fmt::Display) -> PortalError {
    tracing::error!(%error, "store error");
    PortalError::ServiceProblem
}

/// The same for the session (where drafts and sign-ins live, in the store too).
pub fn session_problem(error: impl std::fmt::Display) -> PortalError {
    tracing::error!(%error, "session error");
    PortalError::ServiceProblem
}

/// Now, in unix seconds. Server functions read the clock; the domain never does.
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// Makes a server function's answer a file download named `filename`: the attachment header,
/// and a 200 even for a browser's link or form. A browser asks for HTML, and server functions
/// answer such a request with a redirect back to the page it came from (the way forms work
/// without JavaScript), which would send the person back to the page instead of the file.
pub fn answer_as_download(filename: &str) {
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    if let Ok(value) = http::HeaderValue::from_str(&format!("attachment; filename=\"{filename}\""))
    {
        response.insert_header(http::header::CONTENT_DISPOSITION, value);
    }
    response.set_status(http::StatusCode::OK);
}
