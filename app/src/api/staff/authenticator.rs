//! A signed-in staff member moves their authenticator to a new phone (or app): a new key, shown
//! as a QR code and as text, proven with a code from the new app; then new recovery codes,
//! shown once. Every other session of the account ends; this one carries on.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::StaffHeader;
use crate::domain::problems::FieldErrors;
use crate::errors::PortalError;

pub const AUTHENTICATOR_PATH: &str = "/staff/authenticator";
#[cfg(feature = "ssr")]
const PENDING: &str = "staff:new-authenticator";
#[cfg(feature = "ssr")]
const KEPT: &str = "staff:new-authenticator-done";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthenticatorView {
    pub header: StaffHeader,
    pub qr_svg: String,
    pub secret: String,
    pub errors: FieldErrors,
    /// Just done: the new recovery codes, shown this once.
    pub recovery_codes: Option<Vec<String>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewAuthenticatorForm {
    pub code: String,
}

#[cfg(feature = "ssr")]
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Pending {
    secret: String,
    errors: FieldErrors,
}

#[server(endpoint = "staff/authenticator/load")]
pub async fn load_authenticator() -> Result<AuthenticatorView, PortalError> {
    use super::session::{current_session, require_staff, session_problem, take_kept};
    let user = require_staff(None).await?;
    let recovery_codes: Option<Vec<String>> = take_kept(KEPT).await?;
    let session = current_session().await?;
    let mut pending: Pending = match session.get(PENDING).await.map_err(session_problem)? {
        Some(pending) => pending,
        None => Pending {
            secret: super::credentials::new_totp_secret(),
            errors: FieldErrors::default(),
        },
    };
    let errors = std::mem::take(&mut pending.errors);
    session
        .insert(PENDING, &pending)
        .await
        .map_err(session_problem)?;
    let qr_svg = super::credentials::authenticator_qr_svg(&pending.secret, &user.email)
        .ok_or_else(|| PortalError::internal("could not make the authenticator's QR code"))?;
    Ok(AuthenticatorView {
        header: StaffHeader::of(&user),
        qr_svg,
        secret: pending.secret,
        errors,
        recovery_codes,
    })
}

#[server(endpoint = "staff/authenticator")]
pub async fn set_new_authenticator(
    #[server(default)] form: NewAuthenticatorForm,
) -> Result<(), PortalError> {
    use super::credentials::{matching_totp_step, new_recovery_codes, recovery_code_hash};
    use super::session::{
        carry_on_under, current_session, keep_for_next, require_staff, session_problem,
    };
    use crate::api::context::{now_unix, service_problem, store};
    use crate::domain::staff::totp_digits;

    let user = require_staff(None).await?;
    let now = now_unix();
    let session = current_session().await?;
    let Some(mut pending) = session
        .get::<Pending>(PENDING)
        .await
        .map_err(session_problem)?
    else {
        leptos_axum::redirect(AUTHENTICATOR_PATH);
        return Ok(());
    };
    let step = totp_digits(&form.code).and_then(|d| matching_totp_step(&pending.secret, &d, now));
    let Some(step) = step else {
        let mut errors = FieldErrors::default();
        errors.add(
            "code",
            "Enter the 6-digit code your new app shows now, after adding the key",
        );
        pending.errors = errors;
        session
            .insert(PENDING, &pending)
            .await
            .map_err(session_problem)?;
        leptos_axum::redirect(AUTHENTICATOR_PATH);
        return Ok(());
    };
    let store = store()?;
    let account = store
        .staff_account(user.account_id)
        .await
        .map_err(service_problem)?
        .ok_or_else(|| PortalError::internal("the account is missing"))?;
    let recovery_codes = new_recovery_codes().map_err(PortalError::internal)?;
    let fresh = crate::store::NewStaffAccount {
        email: account.email.clone(),
        name: account.name.clone(),
        role: account.role.clone(),
        // The password stays as it is.
        password_hash: account.password_hash.clone(),
        totp_secret: pending.secret.clone(),
        recovery_code_hashes: recovery_codes
            .iter()
            .map(|c| recovery_code_hash(c))
            .collect(),
        created_at: now,
    };
    store
        .reset_staff_sign_in(account.id, &fresh)
        .await
        .map_err(service_problem)?;
    store
        .use_totp_step(account.id, step)
        .await
        .map_err(service_problem)?;
    let epoch = store
        .staff_account(account.id)
        .await
        .map_err(service_problem)?
        .map_or(0, |a| a.session_epoch);
    carry_on_under(epoch).await?;
    let session = current_session().await?;
    session
        .remove_value(PENDING)
        .await
        .map_err(session_problem)?;
    store
        .record_audit(&user.audit("new_authenticator", &user.actor(), ""))
        .await
        .map_err(service_problem)?;
    keep_for_next(KEPT, &recovery_codes).await?;
    leptos_axum::redirect(AUTHENTICATOR_PATH);
    Ok(())
}
