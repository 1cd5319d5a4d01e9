//! One route component per file, grouped by journey.

pub mod current_settings;
pub mod directory;
pub mod guidance;
pub mod home;
pub mod info;
pub mod loaded;
pub mod not_found;
pub mod search;
pub mod service_problem;
pub mod staff;
pub mod track;

/// Sets the HTTP status of the page being rendered (on the server; nothing in the browser).
#[cfg(feature = "ssr")]
pub(crate) fn set_status(status: http::StatusCode) {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
}
