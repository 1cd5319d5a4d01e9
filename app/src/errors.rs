//! What a server function answers instead of its result, as a type: the pages and the
//! server's outage layer decide what happened by matching it, never by reading its text.
//! Travels as JSON (Leptos 0.8's custom server function errors).
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// Why a server function gave no result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PortalError {
    /// The store or the session could not be reached (logged where it happened): the
    /// service-problem page (503), with a browser's answers shown back.
    #[error("Sorry, there is a problem with the service")]
    ServiceProblem,
    /// A staff page or action without a good session: the function has set a redirect to
    /// sign in.
    #[error("Sign in to continue")]
    SignedOut,
    /// The staff member's role may not do this (403).
    #[error("You do not have access to this page")]
    Forbidden,
    /// No record with that reference that this person may open (404).
    #[error("There is no record with that reference")]
    NotFound,
    /// A post no page of ours sends (a step out of order, a missing choice the page always
    /// posts): said plainly, nothing stored.
    #[error("{0}")]
    Refused(String),
    /// What the framework reports: a body it could not read, a function it could not reach
    /// (logged on the server; no text, so the browser's bundle carries no formatting for it).
    #[error("The request could not be read")]
    Framework,
}

impl PortalError {
    /// Something the server could not do that is neither the person's doing nor an outage
    /// of the store (no randomness, a hash that failed): logged, and the service-problem page.
    pub fn internal(_cause: impl std::fmt::Display) -> Self {
        #[cfg(feature = "ssr")]
        tracing::error!(cause = %_cause, "a server function failed");
        PortalError::ServiceProblem
    }
}

impl FromServerFnError for PortalError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(_value: ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        tracing::warn!(error = %_value, "a server function call failed in the framework");
        PortalError::Framework
    }
}

impl From<ServerFnErrorErr> for PortalError {
    fn from(value: ServerFnErrorErr) -> Self {
        PortalError::from_server_fn_error(value)
    }
}

impl From<leptos::prelude::ServerFnError> for PortalError {
    fn from(_value: leptos::prelude::ServerFnError) -> Self {
        #[cfg(feature = "ssr")]
        tracing::warn!(error = %_value, "a server function call failed in the framework");
        PortalError::Framework
    }
}

/// A value that would not serialise (a bug, not the person's doing): logged, and the
/// service-problem page.
impl From<serde_json::Error> for PortalError {
    fn from(_error: serde_json::Error) -> Self {
        #[cfg(feature = "ssr")]
        tracing::error!(error = %_error, "a value could not be (de)serialised");
        PortalError::ServiceProblem
    }
}

#[cfg(feature = "ssr")]
impl From<crate::store::StoreError> for PortalError {
    fn from(error: crate::store::StoreError) -> Self {
        tracing::error!(%error, "store error");
        PortalError::ServiceProblem
    }
}
