//! Administrators' staff accounts: the list, "Add a staff member" and "Reset sign-in details"
//! (a forgotten password or a lost phone), both of which email the staff member a one-time
//! enrolment link to set their own password and authenticator (`enrolment`: the administrator
//! never sees a secret; a manager or administrator waits for a second administrator's
//! approval, shown here), and deactivating or reactivating an account. Every change is
//! audited. An administrator cannot deactivate or reset their own account (so the last one
//! cannot lock everyone out).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::{keep_for_next, take_kept};
use super::StaffHeader;
use crate::domain::problems::FieldErrors;
use crate::errors::PortalError;

pub const ACCOUNTS_PATH: &str = "/staff/accounts";
#[cfg(feature = "ssr")]
const KEPT: &str = "staff:accounts";

/// "Add a staff member", as posted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewAccountForm {
    pub email: String,
    pub name: String,
    pub role: String,
}

/// "Deactivate", "Reactivate" or "Reset sign-in details" on one account, as posted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountActionForm {
    pub id: String,
    /// `deactivate`, `reactivate` or `reset`.
    pub action: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountLine {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
    pub active: bool,
    /// The administrator looking (who cannot deactivate themselves).
    pub is_you: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountsView {
    pub header: StaffHeader,
    pub accounts: Vec<AccountLine>,
    pub form: NewAccountForm,
    pub errors: FieldErrors,
    pub flash: Option<String>,
    /// (code, label).
    pub roles: Vec<(String, String)>,
    pub awaiting: Vec<AwaitingApproval>,
}

/// A request for an enrolment link waiting for a second administrator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwaitingApproval {
    pub id: i64,
    /// "Add Bea Jones (manager)" or "Reset Ann Smith (administrator)".
    pub what: String,
    pub asked_by: String,
    /// The administrator looking asked for it (and so cannot approve it).
    pub yours: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApproveForm {
    pub id: String,
}

/// What a post leaves for the list page to show next.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Kept {
    form: NewAccountForm,
    errors: FieldErrors,
    flash: Option<String>,
}

#[cfg(feature = "ssr")]
async fn keep(kept: &Kept) -> Result<(), PortalError> {
    keep_for_next(KEPT, kept).await
}

#[server(endpoint = "staff/accounts")]
pub async fn load_accounts() -> Result<AccountsView, PortalError> {
    use super::session::require_staff;
    use crate::api::context::{service_problem, store};
    use crate::domain::staff::{Permission, Role, ROLES};

    let user = require_staff(Some(Permission::ManageStaff)).await?;
    let kept: Kept = take_kept(KEPT).await?.unwrap_or_default();
    let store = store()?;
    let members = store.staff_members().await.map_err(service_problem)?;
    let role_label = |role: &str| {
        Role::parse(role)
            .map(Role::label)
            .unwrap_or("Unknown")
            .to_owned()
    };
    let awaiting = store
        .enrolments_awaiting_approval()
        .await
        .map_err(service_problem)?
        .into_iter()
        .filter_map(|r| {
            let member = members.iter().find(|m| m.id == r.account_id)?;
            let verb = if r.kind == "reset" {
                "Reset sign-in details for"
            } else {
                "Add"
            };
            Some(AwaitingApproval {
                id: r.id,
                what: format!(
                    "{verb} {} ({})",
                    member.name,
                    role_label(&member.role).to_lowercase()
                ),
                yours: r.requested_by == user.email,
                asked_by: r.requested_by,
            })
        })
        .collect();
    let accounts = members
        .into_iter()
        .map(|m| AccountLine {
            is_you: m.id == user.account_id,
            id: m.id,
            name: m.name,
            email: m.email,
            role: Role::parse(&m.role)
                .map(Role::label)
                .unwrap_or("Unknown")
                .to_owned(),
            active: m.active,
        })
        .collect();
    Ok(AccountsView {
        header: StaffHeader::of(&user),
        accounts,
        form: kept.form,
        errors: kept.errors,
        flash: kept.flash,
        roles: ROLES
            .iter()
            .map(|r| (r.code().to_owned(), r.label().to_owned()))
            .collect(),
        awaiting,
    })
}

/// Back to the list, with the form as typed and its problems.
#[cfg(feature = "ssr")]
async fn back_to_the_form(form: NewAccountForm, errors: FieldErrors) -> Result<(), PortalError> {
    keep(&Kept {
        form,
        errors,
        flash: None,
    })
    .await?;
    leptos_axum::redirect(ACCOUNTS_PATH);
    Ok(())
}

/// "Add a staff member": makes the account, which cannot be signed in to until its owner
/// follows the enrolment link (emailed now, or once a second administrator approves).
#[server(endpoint = "staff/accounts/create")]
pub async fn create_account(#[server(default)] form: NewAccountForm) -> Result<(), PortalError> {
    use super::accounts::awaiting_enrolment;
    use super::session::require_staff;
    use crate::api::context::{now_unix, service_problem, store};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::ManageStaff)).await?;
    let store = store()?;
    let form = NewAccountForm {
        email: form.email.chars().take(254).collect(),
        name: form.name.chars().take(100).collect(),
        role: form.role.chars().take(20).collect(),
    };
    let now = now_unix();
    let account = match awaiting_enrolment(&form.email, &form.name, &form.role, now) {
        Ok(account) => account,
        Err(errors) => return back_to_the_form(form, errors).await,
    };
    if !store
        .create_staff_account(&account)
        .await
        .map_err(service_problem)?
    {
        let mut errors = FieldErrors::default();
        errors.add(
            "email",
            "There is already an account with this email address",
        );
        return back_to_the_form(form, errors).await;
    }
    store
        .record_audit(&user.audit(
            "create_staff",
            &format!("staff:{}", account.email),
            &account.role,
        ))
        .await
        .map_err(service_problem)?;
    let made = store
        .staff_account_by_email(&account.email)
        .await
        .map_err(service_problem)?
        .ok_or_else(|| PortalError::internal("the account just made is missing"))?;
    let flash = super::enrolment::request_link(&user, &made, "new", now).await?;
    keep(&Kept {
        flash: Some(format!("{} has an account. {flash}.", made.name)),
        ..Kept::default()
    })
    .await?;
    leptos_axum::redirect(ACCOUNTS_PATH);
    Ok(())
}

/// Approves another administrator's request for a manager's or administrator's link.
#[server(endpoint = "staff/accounts/approve")]
pub async fn approve_enrolment(#[server(default)] form: ApproveForm) -> Result<(), PortalError> {
    use super::session::require_staff;
    use crate::api::context::now_unix;
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::ManageStaff)).await?;
    let flash = match form.id.trim().parse::<i64>() {
        Ok(id) => super::enrolment::approve(&user, id, now_unix()).await?,
        Err(_) => "There is no such request".to_owned(),
    };
    keep(&Kept {
        flash: Some(flash),
        ..Kept::default()
    })
    .await?;
    leptos_axum::redirect(ACCOUNTS_PATH);
    Ok(())
}

/// Deactivates, reactivates or resets an account (never the administrator's own).
#[server(endpoint = "staff/accounts/change")]
pub async fn change_account(#[server(default)] form: AccountActionForm) -> Result<(), PortalError> {
    use super::session::require_staff;
    use crate::api::context::{now_unix, service_problem, store};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::ManageStaff)).await?;
    let store = store()?;
    let account = match form.id.trim().parse::<i64>() {
        Ok(id) => store.staff_account(id).await.map_err(service_problem)?,
        Err(_) => None,
    };
    let action = form.action.as_str();
    let flash = match account {
        None => "There is no such account".to_owned(),
        Some(account) if account.id == user.account_id => {
            "You cannot deactivate or reset your own account. Use \"Change your password\", or ask another administrator".to_owned()
        }
        Some(account) if action == "reset" => {
            super::enrolment::request_link(&user, &account, "reset", now_unix()).await?
        }
        Some(account) if action == "deactivate" || action == "reactivate" => {
            let active = action == "reactivate";
            store
                .set_staff_active(account.id, active)
                .await
                .map_err(service_problem)?;
            store
                .record_audit(&user.audit(
                    &format!("{action}_staff"),
                    &format!("staff:{}", account.email),
                    "",
                ))
                .await
                .map_err(service_problem)?;
            if active {
                format!("{} can sign in again", account.name)
            } else {
                format!("{} has been deactivated and signed out", account.name)
            }
        }
        Some(_) => "Choose what to do with the account".to_owned(),
    };
    keep(&Kept {
        flash: Some(flash),
        ..Kept::default()
    })
    .await?;
    leptos_axum::redirect(ACCOUNTS_PATH);
    Ok(())
}
