//! One-time enrolment links: how a staff member sets their own password and authenticator app,
//! for a new account or after a reset (a lost phone, a forgotten password). An administrator
//! asks for the link; the service emails it to the staff member's work address, valid for 24
//! hours and once; the administrator never sees a password, secret or recovery code. Making
//! or resetting a manager or an administrator waits for a second administrator's approval
//! (or `server staff create` on the server itself). The token is kept only as a hash, and
//! travels in the link's query (never in a logged path).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::problems::FieldErrors;
use crate::errors::PortalError;

pub const ENROL_PATH: &str = "/staff/enrol";
pub const ENROLLED_PATH: &str = "/staff/enrol/done";
/// How long a link works.
#[cfg(feature = "ssr")]
const LINK_SECONDS: i64 = 24 * 3600;
/// The authenticator secret being set up, per link, in the session.
#[cfg(feature = "ssr")]
const PENDING: &str = "staff:enrol-pending";
#[cfg(feature = "ssr")]
const DONE: &str = "staff:enrolled";

/// Making or resetting these roles needs a second administrator's approval.
pub fn needs_approval(role: &str) -> bool {
    matches!(role, "manager" | "admin")
}

/// What the enrolment page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolView {
    /// `None`: the link is wrong, used or out of date.
    pub setting_up: Option<SettingUp>,
    pub errors: FieldErrors,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingUp {
    pub token: String,
    pub name: String,
    pub email: String,
    /// The authenticator address as an SVG QR code (made by the server, never from input).
    pub qr_svg: String,
    pub secret: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EnrolForm {
    pub token: String,
    pub password: String,
    pub confirm: String,
    pub code: String,
}

/// The recovery codes, shown once after enrolling.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolled {
    pub recovery_codes: Vec<String>,
}

#[cfg(feature = "ssr")]
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Pending {
    enrolment_id: i64,
    secret: String,
    errors: FieldErrors,
}

#[cfg(feature = "ssr")]
fn token_hash(token: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(
        format!("portal-enrolment:{}", token.trim()).as_bytes(),
    ))
}

/// What an administrator's request comes to, in words for the accounts page.
#[cfg(feature = "ssr")]
pub(crate) async fn request_link(
    user: &super::session::StaffUser,
    account: &crate::store::StaffAccount,
    kind: &str,
    now: i64,
) -> Result<String, PortalError> {
    use crate::api::context::{service_problem, store};
    let store = store()?;
    let id = store
        .request_enrolment(account.id, kind, &user.email, now)
        .await
        .map_err(service_problem)?;
    store
        .record_audit(&user.audit(
            &format!("request_enrolment_{kind}"),
            &format!("staff:{}", account.email),
            &account.role,
        ))
        .await
        .map_err(service_problem)?;
    if needs_approval(&account.role) {
        return Ok(format!(
            "Another administrator must approve this before {} is sent a link: managers and administrators see the most",
            account.name
        ));
    }
    issue_link(&user.email, id, account, kind, now).await?;
    Ok(format!(
        "We have emailed {} a link to set their own password and authenticator app. It works once, for 24 hours",
        account.name
    ))
}

/// Approves a request (never one's own) and sends its link.
#[cfg(feature = "ssr")]
pub(crate) async fn approve(
    user: &super::session::StaffUser,
    enrolment_id: i64,
    now: i64,
) -> Result<String, PortalError> {
    use crate::api::context::{service_problem, store};
    let store = store()?;
    let Some(request) = store
        .enrolments_awaiting_approval()
        .await
        .map_err(service_problem)?
        .into_iter()
        .find(|r| r.id == enrolment_id)
    else {
        return Ok("That request has been approved already, or does not exist".to_owned());
    };
    if request.requested_by == user.email {
        return Ok("You asked for this: another administrator must approve it".to_owned());
    }
    let Some(account) = store
        .staff_account(request.account_id)
        .await
        .map_err(service_problem)?
    else {
        return Ok("There is no such account".to_owned());
    };
    issue_link(&user.email, request.id, &account, &request.kind, now).await?;
    Ok(format!(
        "Approved: we have emailed {} a link to set their own password and authenticator app",
        account.name
    ))
}

/// Makes the link and emails it; a reset first takes away the old password, authenticator
/// and recovery codes (and so ends every session of the account).
#[cfg(feature = "ssr")]
async fn issue_link(
    approved_by: &str,
    enrolment_id: i64,
    account: &crate::store::StaffAccount,
    kind: &str,
    now: i64,
) -> Result<(), PortalError> {
    use crate::api::context::{service_problem, settings, store};
    let store = store()?;
    let mut random = [0u8; 32];
    getrandom::fill(&mut random).map_err(|e| PortalError::internal(e))?;
    let token = hex::encode(random);
    if !store
        .issue_enrolment(
            enrolment_id,
            approved_by,
            &token_hash(&token),
            now + LINK_SECONDS,
        )
        .await
        .map_err(service_problem)?
    {
        return Err(PortalError::Refused(
            "the request was approved already".into(),
        ));
    }
    if kind == "reset" {
        let wiped = crate::store::NewStaffAccount {
            email: account.email.clone(),
            name: account.name.clone(),
            role: account.role.clone(),
            password_hash: super::accounts::NO_PASSWORD.to_owned(),
            totp_secret: super::credentials::new_totp_secret(),
            recovery_code_hashes: Vec::new(),
            created_at: now,
        };
        store
            .reset_staff_sign_in(account.id, &wiped)
            .await
            .map_err(service_problem)?;
    }
    let link = format!("{}{ENROL_PATH}?token={token}", settings().public_url);
    let text = format!(
        "Hello {name},\n\nUse this link to set your own password and authenticator app for the \
         {council} adult social care back office:\n\n{link}\n\nIt works once, for 24 hours. If you \
         did not expect it, tell an administrator.\n",
        name = account.name,
        council = crate::council::COUNCIL_NAME,
    );
    let message = crate::store::NewOutboxMessage {
        channel: "email".into(),
        ordering_key: format!("staff/{}/{}", account.id, uuid::Uuid::new_v4().simple()),
        payload: serde_json::json!({
            "to": account.email,
            "subject": "Set up your back-office sign-in",
            "text": text,
        })
        .to_string(),
        quota: None,
    };
    store
        .queue_messages(&[message], now)
        .await
        .map_err(service_problem)?;
    store
        .record_audit(&crate::store::AuditEntry {
            at: now,
            actor: format!("staff:{approved_by}"),
            action: "issue_enrolment".into(),
            subject: format!("staff:{}", account.email),
            detail: kind.into(),
            client: String::new(),
        })
        .await
        .map_err(service_problem)
}

/// The account behind a usable link.
#[cfg(feature = "ssr")]
async fn usable(
    token: &str,
    now: i64,
) -> Result<Option<(crate::store::EnrolmentRequest, crate::store::StaffAccount)>, PortalError> {
    use crate::api::context::{service_problem, store};
    if token.trim().is_empty() || token.len() > 200 {
        return Ok(None);
    }
    let store = store()?;
    let Some(request) = store
        .enrolment_by_token(&token_hash(token))
        .await
        .map_err(service_problem)?
        .filter(|r| r.expires_at.is_some_and(|at| at > now))
    else {
        return Ok(None);
    };
    let account = store
        .staff_account(request.account_id)
        .await
        .map_err(service_problem)?
        .filter(|a| a.active);
    Ok(account.map(|a| (request, a)))
}

#[server(endpoint = "staff/enrol/load")]
pub async fn load_enrol(token: String) -> Result<EnrolView, PortalError> {
    use super::session::{current_session, session_problem};
    let now = crate::api::context::now_unix();
    let Some((request, account)) = usable(&token, now).await? else {
        return Ok(EnrolView::default());
    };
    let session = current_session().await?;
    let pending: Option<Pending> = session.get(PENDING).await.map_err(session_problem)?;
    let mut pending = match pending {
        Some(p) if p.enrolment_id == request.id => p,
        _ => Pending {
            enrolment_id: request.id,
            secret: super::credentials::new_totp_secret(),
            errors: FieldErrors::default(),
        },
    };
    let errors = std::mem::take(&mut pending.errors);
    session
        .insert(PENDING, &pending)
        .await
        .map_err(session_problem)?;
    let qr_svg = super::credentials::authenticator_qr_svg(&pending.secret, &account.email)
        .ok_or_else(|| PortalError::internal("could not make the authenticator's QR code"))?;
    Ok(EnrolView {
        setting_up: Some(SettingUp {
            token,
            name: account.name,
            email: account.email,
            qr_svg,
            secret: pending.secret,
        }),
        errors,
    })
}

/// The staff member's own password and authenticator: checked, then the link is used up.
#[server(endpoint = "staff/enrol")]
pub async fn enrol(#[server(default)] form: EnrolForm) -> Result<(), PortalError> {
    use super::credentials::{
        hash_password, matching_totp_step, new_recovery_codes, recovery_code_hash, with_argon2,
    };
    use super::session::{current_session, session_problem};
    use crate::api::context::{now_unix, service_problem, store};
    use crate::domain::staff::{password_problem, totp_digits};

    let now = now_unix();
    let back = format!("{ENROL_PATH}?token={}", form.token.trim());
    let Some((request, account)) = usable(&form.token, now).await? else {
        leptos_axum::redirect(&back);
        return Ok(());
    };
    let session = current_session().await?;
    let pending: Option<Pending> = session.get(PENDING).await.map_err(session_problem)?;
    let Some(mut pending) = pending.filter(|p| p.enrolment_id == request.id) else {
        leptos_axum::redirect(&back);
        return Ok(());
    };
    let mut errors = FieldErrors::default();
    if let Err(problem) = password_problem(&form.password) {
        errors.add("password", problem);
    } else if form.confirm != form.password {
        errors.add("confirm", "The passwords do not match");
    }
    let step = totp_digits(&form.code).and_then(|d| matching_totp_step(&pending.secret, &d, now));
    if step.is_none() {
        errors.add(
            "code",
            "Enter the 6-digit code your authenticator app shows now, after adding the key",
        );
    }
    if !errors.is_empty() {
        pending.errors = errors;
        session
            .insert(PENDING, &pending)
            .await
            .map_err(session_problem)?;
        leptos_axum::redirect(&back);
        return Ok(());
    }
    let store = store()?;
    if !store
        .use_enrolment(request.id, now)
        .await
        .map_err(service_problem)?
    {
        leptos_axum::redirect(&back);
        return Ok(());
    }
    let password = form.password.clone();
    let password_hash = with_argon2(move || hash_password(&password))
        .await
        .ok_or_else(|| PortalError::internal("the password could not be hashed"))?
        .map_err(PortalError::internal)?;
    let recovery_codes = new_recovery_codes().map_err(PortalError::internal)?;
    let fresh = crate::store::NewStaffAccount {
        email: account.email.clone(),
        name: account.name.clone(),
        role: account.role.clone(),
        password_hash,
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
    if let Some(step) = step {
        // The code just typed cannot be used again to sign in.
        store
            .use_totp_step(account.id, step)
            .await
            .map_err(service_problem)?;
    }
    store
        .record_audit(&crate::store::AuditEntry {
            at: now,
            actor: format!("staff:{}", account.email),
            action: "enrolled".into(),
            subject: format!("staff:{}", account.email),
            detail: request.kind.clone(),
            client: String::new(),
        })
        .await
        .map_err(service_problem)?;
    session
        .remove_value(PENDING)
        .await
        .map_err(session_problem)?;
    session
        .insert(DONE, &Enrolled { recovery_codes })
        .await
        .map_err(session_problem)?;
    leptos_axum::redirect(ENROLLED_PATH);
    Ok(())
}

/// The recovery codes, once.
#[server(endpoint = "staff/enrol/done")]
pub async fn load_enrolled() -> Result<Option<Enrolled>, PortalError> {
    use super::session::{current_session, session_problem};
    current_session()
        .await?
        .remove(DONE)
        .await
        .map_err(session_problem)
}
