//! The staff session: who is signed in (kept in the session, which lives in the store so every
//! instance shares it), its idle and absolute limits, and `require_staff`, which every staff
//! server function calls first: no session, an ended one or a deactivated account is sent to
//! sign in; a role without the permission is refused with 403.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::SIGN_IN_PATH;
use crate::api::context::{service_problem, settings, store};
use crate::domain::staff::{Permission, Role, SessionEnd};
use crate::errors::PortalError;
use crate::store::AuditEntry;

const SIGNED_IN: &str = "staff";
/// Why the last session ended, for the sign-in page to say.
const ENDED: &str = "staff:ended";
/// What a staff member was sending when their session ended, kept for after sign-in.
const UNSENT: &str = "staff:unsent";
/// Whose session ended here, so only they get their unsent form back.
const ENDED_ACCOUNT: &str = "staff:ended-account";

/// A signed-in staff member, as kept in the session.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct SignedIn {
    account_id: i64,
    signed_in_at: i64,
    last_seen: i64,
    /// The account's session epoch at sign-in: when the account's moves on (another sign-in,
    /// a password change or reset, deactivation), this session has ended.
    #[serde(default)]
    epoch: i64,
}

/// The staff member making this request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffUser {
    pub account_id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// When the session ends if nothing more happens (unix seconds).
    pub ends_at: i64,
    /// Where the request came from, for the audit log.
    pub client: String,
}

impl StaffUser {
    /// How the audit log names this staff member.
    pub fn actor(&self) -> String {
        format!("staff:{}", self.email)
    }

    /// An audit entry by this staff member, now.
    pub fn audit(&self, action: &str, subject: &str, detail: &str) -> AuditEntry {
        AuditEntry {
            at: crate::api::context::now_unix(),
            actor: self.actor(),
            action: action.to_owned(),
            subject: subject.to_owned(),
            detail: detail.to_owned(),
            client: self.client.clone(),
        }
    }
}

pub(crate) use crate::api::context::session_problem;

pub(crate) async fn current_session() -> Result<Session, PortalError> {
    leptos_axum::extract().await.map_err(session_problem)
}

/// Leaves something in the session for the next page (a post's outcome, read once after the
/// redirect: never in the URL).
pub(crate) async fn keep_for_next<T: Serialize>(key: &str, value: &T) -> Result<(), PortalError> {
    current_session()
        .await?
        .insert(key, value)
        .await
        .map_err(session_problem)
}

/// Takes what a post left in the session for this page (it is gone after).
pub(crate) async fn take_kept<T: serde::de::DeserializeOwned>(
    key: &str,
) -> Result<Option<T>, PortalError> {
    current_session()
        .await?
        .remove(key)
        .await
        .map_err(session_problem)
}

fn set_status(status: http::StatusCode) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
}

/// The signed-in staff member, if their session is good and their role has `permission`
/// (`None`: any signed-in staff member). Otherwise: signed out (redirected to sign in,
/// `SIGNED_OUT`) or refused (403, `FORBIDDEN`). Each good request extends the idle limit.
pub async fn require_staff(permission: Option<Permission>) -> Result<StaffUser, PortalError> {
    let session = current_session().await?;
    let now = crate::api::context::now_unix();
    let limits = settings().staff_sessions;
    let signed_in: Option<SignedIn> = session.get(SIGNED_IN).await.map_err(session_problem)?;
    let Some(mut signed_in) = signed_in else {
        return Err(signed_out());
    };
    if let Err(end) = limits.check(signed_in.signed_in_at, signed_in.last_seen, now) {
        session
            .remove_value(SIGNED_IN)
            .await
            .map_err(session_problem)?;
        session
            .insert(ENDED_ACCOUNT, signed_in.account_id)
            .await
            .map_err(session_problem)?;
        let reason = match end {
            SessionEnd::Idle => "idle",
            SessionEnd::Absolute => "absolute",
        };
        session
            .insert(ENDED, reason)
            .await
            .map_err(session_problem)?;
        return Err(signed_out());
    }
    let store = store()?;
    let account = store
        .staff_account(signed_in.account_id)
        .await
        .map_err(service_problem)?
        .filter(|a| a.active && a.session_epoch == signed_in.epoch);
    let Some((account, role)) = account.and_then(|a| Role::parse(&a.role).map(|r| (a, r))) else {
        session
            .remove_value(SIGNED_IN)
            .await
            .map_err(session_problem)?;
        return Err(signed_out());
    };
    signed_in.last_seen = now;
    session
        .insert(SIGNED_IN, &signed_in)
        .await
        .map_err(session_problem)?;
    let client = crate::api::client_address::current_client(&settings().trusted_proxies).await;
    let user = StaffUser {
        account_id: account.id,
        email: account.email,
        name: account.name,
        role,
        ends_at: limits.ends_at(signed_in.signed_in_at, now),
        client,
    };
    if let Some(permission) = permission {
        if !role.may(permission) {
            store
                .record_audit(&user.audit("refused", "", &format!("{permission:?}")))
                .await
                .map_err(service_problem)?;
            set_status(http::StatusCode::FORBIDDEN);
            return Err(PortalError::Forbidden);
        }
    }
    Ok(user)
}

/// A browser (asking for HTML) is redirected to sign in; anything else gets 401.
fn signed_out() -> PortalError {
    let wants_html = use_context::<http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    });
    leptos_axum::redirect(SIGN_IN_PATH);
    if !wants_html {
        set_status(http::StatusCode::UNAUTHORIZED);
    }
    PortalError::SignedOut
}

/// Starts a staff session under the account's new session `epoch`: a new session id (so a
/// planted cookie is worthless), and nothing left from whoever used this browser before, but
/// the form this same person was sending when their last session ended.
pub(crate) async fn begin(
    session: &Session,
    account_id: i64,
    epoch: i64,
) -> Result<(), PortalError> {
    session.cycle_id().await.map_err(session_problem)?;
    let ended_account: Option<i64> = session.get(ENDED_ACCOUNT).await.map_err(session_problem)?;
    let unsent: Option<Unsent> = session.get(UNSENT).await.map_err(session_problem)?;
    session.clear().await;
    if let (Some(unsent), Some(ended)) = (unsent, ended_account) {
        if ended == account_id {
            session
                .insert(UNSENT, &unsent)
                .await
                .map_err(session_problem)?;
        }
    }
    let now = crate::api::context::now_unix();
    session
        .insert(
            SIGNED_IN,
            &SignedIn {
                account_id,
                signed_in_at: now,
                last_seen: now,
                epoch,
            },
        )
        .await
        .map_err(session_problem)
}

/// This session carries on under the account's new epoch (after its own password change),
/// with a new session id (a copy of the old cookie is worthless), while every other session
/// of the account has ended.
pub(crate) async fn carry_on_under(epoch: i64) -> Result<(), PortalError> {
    let session = current_session().await?;
    session.cycle_id().await.map_err(session_problem)?;
    let signed_in: Option<SignedIn> = session.get(SIGNED_IN).await.map_err(session_problem)?;
    if let Some(mut signed_in) = signed_in {
        signed_in.epoch = epoch;
        session
            .insert(SIGNED_IN, &signed_in)
            .await
            .map_err(session_problem)?;
    }
    Ok(())
}

/// Ends the staff session, keeping nothing.
pub(crate) async fn end(session: &Session) -> Result<(), PortalError> {
    session.flush().await.map_err(session_problem)
}

/// Why the last session ended (`idle` or `absolute`), once.
pub(crate) async fn take_end_reason(session: &Session) -> Result<Option<String>, PortalError> {
    session.remove(ENDED).await.map_err(session_problem)
}

/// What a staff member had typed into a form when their session ended, kept (in the session,
/// not the browser) to be put back after they sign in again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unsent {
    /// The page to go back to.
    pub path: String,
    /// The form, as JSON.
    pub form: String,
}

pub(crate) async fn keep_unsent(path: &str, form: &impl Serialize) -> Result<(), PortalError> {
    let session = current_session().await?;
    let unsent = Unsent {
        path: path.to_owned(),
        form: serde_json::to_string(form).map_err(session_problem)?,
    };
    session
        .insert(UNSENT, &unsent)
        .await
        .map_err(session_problem)
}

/// Where to go after signing in: back to an unsent form's page, or the queue.
pub(crate) async fn unsent_path(session: &Session) -> Result<Option<String>, PortalError> {
    let unsent: Option<Unsent> = session.get(UNSENT).await.map_err(session_problem)?;
    Ok(unsent.map(|u| u.path))
}

/// The unsent form for `path`, once.
pub(crate) async fn take_unsent<T: serde::de::DeserializeOwned>(
    path: &str,
) -> Result<Option<T>, PortalError> {
    let session = current_session().await?;
    let unsent: Option<Unsent> = session.get(UNSENT).await.map_err(session_problem)?;
    match unsent {
        Some(unsent) if unsent.path == path => {
            session
                .remove_value(UNSENT)
                .await
                .map_err(session_problem)?;
            Ok(serde_json::from_str(&unsent.form).ok())
        }
        _ => Ok(None),
    }
}
