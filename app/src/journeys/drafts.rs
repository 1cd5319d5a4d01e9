//! Server-side drafts: a journey's answers so far, and the errors from the last post of a
//! page, kept in the resident's session (in the store), never in the browser or the URL.
//! This is what lets every form work with HTML alone: a server function saves here and
//! redirects; the page renders from here.
use serde::{de::DeserializeOwned, Serialize};
use tower_sessions::Session;

use crate::api::context::session_problem;
use crate::errors::PortalError;
use crate::forms::FieldErrors;

pub struct Drafts {
    session: Session,
}

impl Drafts {
    /// The drafts of the session making this request.
    pub async fn current() -> Result<Self, PortalError> {
        let session: Session = leptos_axum::extract().await.map_err(session_problem)?;
        Ok(Self { session })
    }

    /// A journey's answers so far (empty if none).
    pub async fn answers<T: DeserializeOwned + Default>(
        &self,
        journey: &str,
    ) -> Result<T, PortalError> {
        Ok(self
            .session
            .get::<T>(journey)
            .await
            .map_err(session_problem)?
            .unwrap_or_default())
    }

    pub async fn save_answers<T: Serialize>(
        &self,
        journey: &str,
        answers: &T,
    ) -> Result<(), PortalError> {
        self.session
            .insert(journey, answers)
            .await
            .map_err(session_problem)
    }

    /// Keeps a page's errors until that page is next shown.
    pub async fn save_errors(
        &self,
        journey: &str,
        page: &str,
        errors: &FieldErrors,
    ) -> Result<(), PortalError> {
        self.session
            .insert(&errors_key(journey, page), errors)
            .await
            .map_err(session_problem)
    }

    /// A page's errors from its last post, removed as they are read.
    pub async fn take_errors(&self, journey: &str, page: &str) -> Result<FieldErrors, PortalError> {
        Ok(self
            .session
            .remove::<FieldErrors>(&errors_key(journey, page))
            .await
            .map_err(session_problem)?
            .unwrap_or_default())
    }

    /// Forgets a journey's answers (after it is sent, or abandoned).
    pub async fn clear(&self, journey: &str) -> Result<(), PortalError> {
        self.session
            .remove_value(journey)
            .await
            .map_err(session_problem)?;
        Ok(())
    }
}

fn errors_key(journey: &str, page: &str) -> String {
    format!("{journey}:errors:{page}")
}
