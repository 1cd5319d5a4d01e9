//! "Change your password", for every staff member (a new account's first password is made by
//! the service and should be changed at once). The current password is asked for again; wrong
//! guesses count towards the same lockout as signing in.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::{keep_for_next, take_kept};
use super::StaffHeader;
use crate::domain::problems::FieldErrors;
use crate::errors::PortalError;

pub const PASSWORD_PATH: &str = "/staff/password";
#[cfg(feature = "ssr")]
const KEPT: &str = "staff:password";

/// What the page posts. The passwords are never kept or shown back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    pub current: String,
    pub new: String,
    pub confirm: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordView {
    pub header: StaffHeader,
    pub errors: FieldErrors,
    pub changed: bool,
}

#[cfg(feature = "ssr")]
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Kept {
    errors: FieldErrors,
    changed: bool,
}

#[server(endpoint = "staff/password/load")]
pub async fn load_password() -> Result<PasswordView, PortalError> {
    use super::session::require_staff;

    let user = require_staff(None).await?;
    let kept: Kept = take_kept(KEPT).await?.unwrap_or_default();
    Ok(PasswordView {
        header: StaffHeader::of(&user),
        errors: kept.errors,
        changed: kept.changed,
    })
}

/// The new password's problems, before the current one is checked.
pub fn new_password_problems(form: &PasswordForm) -> FieldErrors {
    let mut errors = FieldErrors::default();
    if form.current.is_empty() {
        errors.add("current", "Enter your current password");
    }
    if form.new.is_empty() {
        errors.add("new", "Enter a new password");
    } else {
        if let Err(problem) = crate::domain::staff::password_problem(&form.new) {
            errors.add("new", problem);
        }
        if form.new == form.current {
            errors.add(
                "new",
                "The new password must be different from the current one",
            );
        }
    }
    if form.confirm != form.new {
        errors.add("confirm", "The passwords do not match");
    }
    errors
}

#[server(endpoint = "staff/password")]
pub async fn change_password(#[server(default)] form: PasswordForm) -> Result<(), PortalError> {
    use super::credentials::{hash_password, verify_password_bounded, with_argon2};
    use super::session::{carry_on_under, require_staff};
    use super::sign_in_limits::{before_weighing, locked_message, signed_in, succeeded, Gate};
    use crate::api::context::{now_unix, service_problem, store};

    let user = require_staff(None).await?;
    let store = store()?;
    let now = now_unix();
    let mut errors = new_password_problems(&form);
    let mut changed = false;
    if errors.is_empty() {
        let account = store
            .staff_account(user.account_id)
            .await
            .map_err(service_problem)?;
        match before_weighing(&*store, &user.email, &user.client, account.as_ref(), now).await? {
            Gate::Locked(_) => errors.add("current", locked_message()),
            Gate::Weigh { attempt } => {
                let hash = account.map(|a| a.password_hash);
                if verify_password_bounded(form.current.clone(), hash).await {
                    succeeded(&*store, attempt).await?;
                    let new = form.new.clone();
                    let new_hash = with_argon2(move || hash_password(&new))
                        .await
                        .ok_or_else(|| PortalError::internal("the password could not be hashed"))?
                        .map_err(PortalError::internal)?;
                    store
                        .set_staff_password(user.account_id, &new_hash)
                        .await
                        .map_err(service_problem)?;
                    // Every other session of the account ends; this one carries on.
                    let epoch = signed_in(&*store, user.account_id, &user.client, now).await?;
                    carry_on_under(epoch).await?;
                    store
                        .record_audit(&user.audit("change_password", &user.actor(), ""))
                        .await
                        .map_err(service_problem)?;
                    changed = true;
                } else {
                    store
                        .record_audit(&user.audit(
                            "change_password",
                            &user.actor(),
                            "wrong_password",
                        ))
                        .await
                        .map_err(service_problem)?;
                    errors.add("current", "Your current password is not right");
                }
            }
        }
    }
    keep_for_next(KEPT, &Kept { errors, changed }).await?;
    leptos_axum::redirect(PASSWORD_PATH);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_password_must_differ_and_be_typed_twice() {
        let form = |current: &str, new: &str, confirm: &str| PasswordForm {
            current: current.into(),
            new: new.into(),
            confirm: confirm.into(),
        };
        assert!(new_password_problems(&form(
            "old one here",
            "a new long passphrase",
            "a new long passphrase"
        ))
        .is_empty());
        let same = new_password_problems(&form(
            "the same old one",
            "the same old one",
            "the same old one",
        ));
        assert!(same.message_for("new").is_some());
        let mismatch = new_password_problems(&form(
            "old",
            "a new long passphrase",
            "a new long passphrase!",
        ));
        assert_eq!(
            mismatch.message_for("confirm").as_deref(),
            Some("The passwords do not match")
        );
        let empty = new_password_problems(&form("", "", ""));
        assert!(empty.message_for("current").is_some() && empty.message_for("new").is_some());
    }
}
