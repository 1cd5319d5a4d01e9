//! Staff sign-in in two steps: email and password, then a code from the authenticator app (or
//! a recovery code). An unknown email and a wrong password get the same message after the same
//! work; attempts are counted before they are weighed, in the store (shared by every
//! instance), by `sign_in_limits`, which locks out guessers without locking out staff.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::problems::FieldErrors;
use crate::errors::PortalError;

pub const CODE_PATH: &str = "/staff/sign-in/code";
pub const QUEUE_PATH: &str = "/staff";
#[cfg(feature = "ssr")]
const STATE: &str = "staff:sign-in";
/// The account that gave the right password and has yet to give a code, and when.
#[cfg(feature = "ssr")]
const HALF_SIGNED_IN: &str = "staff:password-ok";
/// How long there is to type the code after the password.
#[cfg(feature = "ssr")]
const CODE_WINDOW: i64 = 5 * 60;

#[cfg(feature = "ssr")]
const WRONG_DETAILS: &str = "Enter a correct email address and password";
#[cfg(feature = "ssr")]
const WRONG_CODE: &str =
    "Enter a correct code from your authenticator app, or one of your recovery codes";

/// What the first step posts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignInForm {
    pub email: String,
    pub password: String,
}

/// What the second step posts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CodeForm {
    pub code: String,
}

/// The sign-in page: the email as typed (never the password), the problems, and why the last
/// session ended, if it did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInState {
    pub email: String,
    pub errors: FieldErrors,
    /// `idle` or `absolute`.
    pub ended: Option<String>,
    /// Something was being sent when the session ended, and has been kept.
    pub kept_unsent: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeState {
    pub errors: FieldErrors,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg(feature = "ssr")]
struct Kept {
    email: String,
    errors: FieldErrors,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg(feature = "ssr")]
struct HalfSignedIn {
    account_id: i64,
    email: String,
    at: i64,
}

#[server(endpoint = "staff/sign-in/load")]
pub async fn load_sign_in() -> Result<SignInState, PortalError> {
    use super::session::{current_session, session_problem, take_end_reason, unsent_path};
    let session = current_session().await?;
    let kept: Kept = session
        .remove(STATE)
        .await
        .map_err(session_problem)?
        .unwrap_or_default();
    Ok(SignInState {
        email: kept.email,
        errors: kept.errors,
        ended: take_end_reason(&session).await?,
        kept_unsent: unsent_path(&session).await?.is_some(),
    })
}

/// An audit entry for a sign-in step; an email that has no account is named by its hash.
#[cfg(feature = "ssr")]
fn staff_audit(
    email: &str,
    known: bool,
    client: &str,
    action: &str,
    detail: &str,
) -> crate::store::AuditEntry {
    let actor = if known {
        format!("staff:{}", crate::domain::staff::email_for_the_audit(email))
    } else {
        super::sign_in_limits::unknown_email_for_the_audit(email)
    };
    crate::store::AuditEntry {
        at: crate::api::context::now_unix(),
        actor,
        action: action.to_owned(),
        subject: String::new(),
        detail: detail.to_owned(),
        client: client.to_owned(),
    }
}

/// Step one: email and password.
#[server(endpoint = "staff/sign-in")]
pub async fn sign_in(#[server(default)] form: SignInForm) -> Result<(), PortalError> {
    use super::credentials::verify_password_bounded;
    use super::session::{current_session, session_problem};
    use super::sign_in_limits::{before_weighing, locked_message, succeeded, Gate};
    use super::SIGN_IN_PATH;
    use crate::api::client_address::current_client;
    use crate::api::context::{now_unix, service_problem, settings, store};
    use crate::domain::staff::normalise_email;

    let session = current_session().await?;
    let store = store()?;
    let now = now_unix();
    let email = normalise_email(&form.email);
    let mut errors = FieldErrors::default();
    if email.is_empty() {
        errors.add("email", "Enter your email address");
    } else if email.chars().count() > 254 {
        errors.add("email", WRONG_DETAILS);
    }
    if form.password.is_empty() {
        errors.add("password", "Enter your password");
    } else if form.password.chars().count() > 1024 {
        errors.add("password", WRONG_DETAILS);
    }
    if errors.is_empty() {
        let client = current_client(&settings().trusted_proxies).await;
        let account = store
            .staff_account_by_email(&email)
            .await
            .map_err(service_problem)?;
        let known = account.is_some();
        match before_weighing(&*store, &email, &client, account.as_ref(), now).await? {
            Gate::Locked(why) => {
                errors.add("email", locked_message());
                store
                    .record_audit(&staff_audit(&email, known, &client, "sign_in", why))
                    .await
                    .map_err(service_problem)?;
            }
            Gate::Weigh { attempt } => {
                let hash = account.as_ref().map(|a| a.password_hash.clone());
                let matches = verify_password_bounded(form.password.clone(), hash).await;
                match account.filter(|a| matches && a.active) {
                    Some(account) => {
                        succeeded(&*store, attempt).await?;
                        session
                            .insert(
                                HALF_SIGNED_IN,
                                &HalfSignedIn {
                                    account_id: account.id,
                                    email: email.clone(),
                                    at: now,
                                },
                            )
                            .await
                            .map_err(session_problem)?;
                        session.remove_value(STATE).await.map_err(session_problem)?;
                        leptos_axum::redirect(CODE_PATH);
                        return Ok(());
                    }
                    None => {
                        store
                            .record_audit(&staff_audit(
                                &email,
                                known,
                                &client,
                                "sign_in",
                                "wrong_password",
                            ))
                            .await
                            .map_err(service_problem)?;
                        errors.add("email", WRONG_DETAILS);
                    }
                }
            }
        }
    }
    session
        .insert(
            STATE,
            &Kept {
                email: form.email.chars().take(254).collect(),
                errors,
            },
        )
        .await
        .map_err(session_problem)?;
    leptos_axum::redirect(SIGN_IN_PATH);
    Ok(())
}

#[cfg(feature = "ssr")]
async fn half_signed_in(
    session: &tower_sessions::Session,
    now: i64,
) -> Result<Option<HalfSignedIn>, PortalError> {
    use super::session::session_problem;
    let half: Option<HalfSignedIn> = session.get(HALF_SIGNED_IN).await.map_err(session_problem)?;
    Ok(half.filter(|h| now - h.at < CODE_WINDOW))
}

#[server(endpoint = "staff/sign-in/code/load")]
pub async fn load_code() -> Result<CodeState, PortalError> {
    use super::session::{current_session, session_problem};
    use super::SIGN_IN_PATH;
    let session = current_session().await?;
    if half_signed_in(&session, crate::api::context::now_unix())
        .await?
        .is_none()
    {
        leptos_axum::redirect(SIGN_IN_PATH);
        return Err(PortalError::SignedOut);
    }
    let errors: FieldErrors = session
        .remove("staff:code-errors")
        .await
        .map_err(session_problem)?
        .unwrap_or_default();
    Ok(CodeState { errors })
}

/// Step two: the code. A TOTP code is accepted once, within a step either side of now; a
/// recovery code once ever.
#[server(endpoint = "staff/sign-in/code")]
pub async fn submit_code(#[server(default)] form: CodeForm) -> Result<(), PortalError> {
    use super::credentials::{matching_totp_step, recovery_code_hash};
    use super::session::{begin, current_session, session_problem, unsent_path};
    use super::sign_in_limits::{before_weighing, locked_message, signed_in, succeeded, Gate};
    use super::SIGN_IN_PATH;
    use crate::api::client_address::current_client;
    use crate::api::context::{now_unix, service_problem, settings, store};
    use crate::domain::staff::totp_digits;

    let session = current_session().await?;
    let store = store()?;
    let now = now_unix();
    let Some(half) = half_signed_in(&session, now).await? else {
        let kept = Kept {
            email: String::new(),
            errors: {
                let mut e = FieldErrors::default();
                e.add(
                    "email",
                    "Your sign-in timed out. Enter your email address and password again",
                );
                e
            },
        };
        session
            .insert(STATE, &kept)
            .await
            .map_err(session_problem)?;
        leptos_axum::redirect(SIGN_IN_PATH);
        return Ok(());
    };
    let client = current_client(&settings().trusted_proxies).await;
    let mut errors = FieldErrors::default();
    let typed = form.code.trim();
    let account = store
        .staff_account(half.account_id)
        .await
        .map_err(service_problem)?
        .filter(|a| a.active);
    if typed.is_empty() {
        errors.add("code", "Enter the code from your authenticator app");
    } else if typed.chars().count() > 64 {
        errors.add("code", WRONG_CODE);
    } else {
        match before_weighing(&*store, &half.email, &client, account.as_ref(), now).await? {
            Gate::Locked(why) => {
                errors.add("code", locked_message());
                store
                    .record_audit(&staff_audit(&half.email, true, &client, "sign_in", why))
                    .await
                    .map_err(service_problem)?;
            }
            Gate::Weigh { attempt } => {
                let accepted = match (&account, totp_digits(typed)) {
                    (None, _) => None,
                    (Some(account), Some(digits)) => {
                        match matching_totp_step(&account.totp_secret, &digits, now) {
                            Some(step) => store
                                .use_totp_step(account.id, step)
                                .await
                                .map_err(service_problem)?
                                .then_some("totp"),
                            None => None,
                        }
                    }
                    (Some(account), None) => store
                        .use_recovery_code(account.id, &recovery_code_hash(typed), now)
                        .await
                        .map_err(service_problem)?
                        .then_some("recovery_code"),
                };
                match accepted {
                    Some(how) => {
                        succeeded(&*store, attempt).await?;
                        let epoch = signed_in(&*store, half.account_id, &client, now).await?;
                        begin(&session, half.account_id, epoch).await?;
                        store
                            .record_audit(&staff_audit(&half.email, true, &client, "sign_in", how))
                            .await
                            .map_err(service_problem)?;
                        // Back to what was being sent, or the role's first page.
                        let landing = account
                            .as_ref()
                            .and_then(|a| crate::domain::staff::Role::parse(&a.role))
                            .and_then(|role| super::links(role).into_iter().next())
                            .map(|(path, _)| path)
                            .unwrap_or_else(|| QUEUE_PATH.to_owned());
                        let next = unsent_path(&session).await?.unwrap_or(landing);
                        leptos_axum::redirect(&next);
                        return Ok(());
                    }
                    None => {
                        store
                            .record_audit(&staff_audit(
                                &half.email,
                                true,
                                &client,
                                "sign_in",
                                "wrong_code",
                            ))
                            .await
                            .map_err(service_problem)?;
                        errors.add("code", WRONG_CODE);
                    }
                }
            }
        }
    }
    session
        .insert("staff:code-errors", &errors)
        .await
        .map_err(session_problem)?;
    leptos_axum::redirect(CODE_PATH);
    Ok(())
}

/// Signs out: the whole session is deleted from the store.
#[server(endpoint = "staff/sign-out")]
pub async fn sign_out() -> Result<(), PortalError> {
    use super::session::{current_session, end, require_staff};
    use super::SIGN_IN_PATH;
    use crate::api::context::{service_problem, store};
    if let Ok(user) = require_staff(None).await {
        store()?
            .record_audit(&user.audit("sign_out", "", ""))
            .await
            .map_err(service_problem)?;
    }
    end(&current_session().await?).await?;
    leptos_axum::redirect(SIGN_IN_PATH);
    Ok(())
}
