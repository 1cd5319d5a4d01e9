//! Administrators' partner API keys (`/staff/api-keys`): the keys by name with when and by
//! whom each was made, "Make a key" (the key is shown once, on the next page load, and only
//! its hash is kept), and "Revoke". Every change is audited.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::{keep_for_next, take_kept};
use super::StaffHeader;
use crate::domain::problems::FieldErrors;
use crate::errors::PortalError;

pub const API_KEYS_PATH: &str = "/staff/api-keys";
#[cfg(feature = "ssr")]
const KEPT: &str = "staff:api-keys";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyLine {
    pub id: i64,
    pub name: String,
    pub made: String,
    pub made_by: String,
    /// When it was revoked, if it was.
    pub revoked: Option<String>,
}

/// A key just made: shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MadeKey {
    pub name: String,
    pub key: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeysView {
    pub header: StaffHeader,
    pub keys: Vec<KeyLine>,
    pub made: Option<MadeKey>,
    pub name: String,
    pub errors: FieldErrors,
    pub flash: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewKeyForm {
    pub name: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RevokeKeyForm {
    pub id: String,
}

/// What a post leaves for the next load of the page.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Kept {
    made: Option<MadeKey>,
    name: String,
    errors: FieldErrors,
    flash: Option<String>,
}

#[server(endpoint = "staff/api-keys")]
pub async fn load_api_keys() -> Result<ApiKeysView, PortalError> {
    use super::referral::describe_time;
    use super::session::require_staff;
    use crate::api::context::{service_problem, store};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::ManageStaff)).await?;
    let kept: Kept = take_kept(KEPT).await?.unwrap_or_default();
    let keys = store()?
        .api_keys()
        .await
        .map_err(service_problem)?
        .into_iter()
        .map(|k| KeyLine {
            id: k.id,
            name: k.name,
            made: describe_time(k.created_at),
            made_by: k.created_by,
            revoked: k.revoked_at.map(describe_time),
        })
        .collect();
    Ok(ApiKeysView {
        header: StaffHeader::of(&user),
        keys,
        made: kept.made,
        name: kept.name,
        errors: kept.errors,
        flash: kept.flash,
    })
}

/// Makes a key; the next load of the page shows it, once.
#[server(endpoint = "staff/api-keys/create")]
pub async fn create_api_key(#[server(default)] form: NewKeyForm) -> Result<(), PortalError> {
    use super::session::require_staff;
    use crate::api::api_keys::{create_key, CreateKeyError};
    use crate::api::context::{now_unix, service_problem, store};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::ManageStaff)).await?;
    let store = store()?;
    let name = form.name.trim().to_owned();
    let kept = match create_key(&*store, &name, &user.email, now_unix()).await {
        Ok(key) => {
            store
                .record_audit(&user.audit("create_api_key", "", &name))
                .await
                .map_err(service_problem)?;
            Kept {
                made: Some(MadeKey { name, key }),
                ..Kept::default()
            }
        }
        Err(CreateKeyError::Store(error)) => return Err(service_problem(error)),
        Err(problem) => {
            let mut errors = FieldErrors::default();
            errors.add("name", problem.to_string());
            Kept {
                name: form.name.chars().take(200).collect(),
                errors,
                ..Kept::default()
            }
        }
    };
    keep_for_next(KEPT, &kept).await?;
    leptos_axum::redirect(API_KEYS_PATH);
    Ok(())
}

#[server(endpoint = "staff/api-keys/revoke")]
pub async fn revoke_api_key(#[server(default)] form: RevokeKeyForm) -> Result<(), PortalError> {
    use super::session::require_staff;
    use crate::api::context::{now_unix, service_problem, store};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::ManageStaff)).await?;
    let store = store()?;
    let key = match form.id.trim().parse::<i64>() {
        Ok(id) => store
            .api_keys()
            .await
            .map_err(service_problem)?
            .into_iter()
            .find(|k| k.id == id),
        Err(_) => None,
    };
    let flash = match key {
        Some(key)
            if store
                .revoke_api_key(key.id, now_unix())
                .await
                .map_err(service_problem)? =>
        {
            store
                .record_audit(&user.audit("revoke_api_key", "", &key.name))
                .await
                .map_err(service_problem)?;
            format!(
                "The key {:?} is revoked: calls with it are refused from now on",
                key.name
            )
        }
        _ => "That key was revoked already, or does not exist".to_owned(),
    };
    keep_for_next(
        KEPT,
        &Kept {
            flash: Some(flash),
            ..Kept::default()
        },
    )
    .await?;
    leptos_axum::redirect(API_KEYS_PATH);
    Ok(())
}
