//! The council's back office under `/staff`: sign-in with a second factor, the staff session,
//! the queue, a referral's record and its status changes, and the audit log. Every server
//! function here calls `session::require_staff` first, with the permission it needs.

#[cfg(feature = "ssr")]
pub mod accounts;
pub mod api_keys;
pub mod audit;
pub mod authenticator;
pub mod carer_record;
pub mod cld_download;
#[cfg(feature = "ssr")]
pub mod credentials;
pub mod dashboard;
pub mod emergency;
pub mod enrolment;
pub mod forecast;
pub mod integration;
pub mod labels;
pub mod manage_accounts;
pub mod password;
pub mod queue;
pub mod referral;
#[cfg(feature = "ssr")]
pub mod session;
pub mod sign_in;
#[cfg(feature = "ssr")]
pub(crate) mod sign_in_limits;
pub mod subject;

/// The back office's paths, each defined beside the server functions that serve it.
pub mod paths {
    pub use super::api_keys::API_KEYS_PATH;
    pub use super::authenticator::AUTHENTICATOR_PATH;
    pub use super::carer_record::CARERS_PATH;
    pub use super::dashboard::DASHBOARD_PATH;
    pub use super::emergency::EMERGENCY_PATH;
    pub use super::enrolment::{ENROLLED_PATH, ENROL_PATH};
    pub use super::integration::INTEGRATION_PATH;
    pub use super::manage_accounts::ACCOUNTS_PATH;
    pub use super::password::PASSWORD_PATH;
    pub use super::referral::RECORDS_PATH;
    pub use super::sign_in::{CODE_PATH, QUEUE_PATH};
    pub use super::subject::SUBJECT_PATH;
    pub use super::SIGN_IN_PATH;
}

use serde::{Deserialize, Serialize};

pub const SIGN_IN_PATH: &str = "/staff/sign-in";

/// What every staff page shows at the top: who is signed in, the links their role may follow,
/// and when the session ends if nothing more happens.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffHeader {
    pub name: String,
    pub role: String,
    /// (path, label), in order.
    pub links: Vec<(String, String)>,
    /// Unix seconds.
    pub session_ends_at: i64,
    /// The server's clock when the page was made (the browser's may differ).
    pub server_now: i64,
    /// How long before the end the timeout warning shows.
    pub warn_seconds: i64,
}

impl StaffHeader {
    #[cfg(feature = "ssr")]
    pub fn of(user: &session::StaffUser) -> Self {
        StaffHeader {
            name: user.name.clone(),
            role: user.role.label().to_owned(),
            links: links(user.role),
            session_ends_at: user.ends_at,
            server_now: crate::api::context::now_unix(),
            warn_seconds: warn_seconds(crate::api::context::settings().staff_sessions.idle_seconds),
        }
    }
}

/// The back office's pages a role may open, in the order the bar shows them: (path, label).
pub fn links(role: crate::domain::staff::Role) -> Vec<(String, String)> {
    use crate::domain::staff::Permission;
    [
        (
            Permission::WorkQueue,
            crate::api::staff::paths::QUEUE_PATH,
            "Queue",
        ),
        (
            Permission::SeeSafeguarding,
            crate::paths::STAFF_SAFEGUARDING,
            "Safeguarding concerns",
        ),
        (
            Permission::EmergencyLookup,
            crate::api::staff::paths::EMERGENCY_PATH,
            "Emergency plans",
        ),
        (
            Permission::SeeDashboard,
            crate::api::staff::paths::DASHBOARD_PATH,
            "Dashboard",
        ),
        (
            Permission::ReadAudit,
            crate::paths::STAFF_AUDIT,
            "Audit log",
        ),
        (
            Permission::SubjectAccess,
            crate::api::staff::paths::SUBJECT_PATH,
            "Subject access",
        ),
        (
            Permission::IntegrationHealth,
            crate::api::staff::paths::INTEGRATION_PATH,
            "Integration health",
        ),
        (
            Permission::ManageStaff,
            crate::api::staff::paths::ACCOUNTS_PATH,
            "Staff accounts",
        ),
        (
            Permission::ManageStaff,
            crate::api::staff::paths::API_KEYS_PATH,
            "API keys",
        ),
    ]
    .into_iter()
    .filter(|(permission, _, _)| role.may(*permission))
    .map(|(_, path, label)| (path.to_owned(), label.to_owned()))
    .collect()
}

/// The active team members, by name, for "assign to": (account id, name).
#[cfg(feature = "ssr")]
pub(crate) async fn team(
    store: &dyn crate::store::Store,
) -> Result<Vec<(String, String)>, crate::errors::PortalError> {
    Ok(store
        .staff_members()
        .await
        .map_err(crate::api::context::service_problem)?
        .into_iter()
        .filter(|m| m.active)
        .map(|m| (m.id.to_string(), m.name))
        .collect())
}

/// The warning comes 2 minutes before the end, or halfway through a shorter idle limit.
pub fn warn_seconds(idle_seconds: i64) -> i64 {
    (idle_seconds / 2).min(120)
}

/// "Stay signed in": any good request extends the idle limit; this one does nothing else.
/// Answers when the session now ends (unix seconds).
#[leptos::server(endpoint = "staff/keep-alive")]
pub async fn keep_alive() -> Result<i64, crate::errors::PortalError> {
    let user = session::require_staff(None).await?;
    Ok(user.ends_at)
}
