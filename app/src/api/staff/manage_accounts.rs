//! Administrators' staff accounts: the list, "Add a staff member" (the service makes the first
//! password, the authenticator secret and the recovery codes, shown once as an enrolment
//! sheet with a QR code), deactivating or reactivating an account, and resetting its sign-in
//! details (a forgotten password or a lost phone: a new enrolment sheet). Every change is
//! audited. An administrator cannot deactivate or reset their own account (so the last one
//! cannot lock everyone out).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::{keep_for_next, take_kept};
use super::StaffHeader;
use crate::domain::problems::FieldErrors;

pub const ACCOUNTS_PATH: &str = "/staff/accounts";
pub const ENROLMENT_PATH: &str = "/staff/accounts/enrolment";
#[cfg(feature = "ssr")]
const KEPT: &str = "staff:accounts";
#[cfg(feature = "ssr")]
const ENROLMENT: &str = "staff:enrolment";

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
}

/// What the new staff member is given, once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolmentSheet {
    pub name: String,
    pub email: String,
    pub role: String,
    pub first_password: String,
    pub totp_secret: String,
    /// The authenticator address as an SVG QR code (made by the server, never from input).
    pub qr_svg: String,
    pub recovery_codes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolmentView {
    pub header: StaffHeader,
    /// `None` once shown (or never made in this session).
    pub sheet: Option<EnrolmentSheet>,
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
async fn keep(kept: &Kept) -> Result<(), ServerFnError> {
    keep_for_next(KEPT, kept).await
}

#[server(endpoint = "staff/accounts")]
pub async fn load_accounts() -> Result<AccountsView, ServerFnError> {
    use super::session::require_staff;
    use crate::api::context::{service_problem, store};
    use crate::domain::staff::{Permission, Role, ROLES};

    let user = require_staff(Some(Permission::ManageStaff)).await?;
    let kept: Kept = take_kept(KEPT).await?.unwrap_or_default();
    let accounts = store()?
        .staff_members()
        .await
        .map_err(service_problem)?
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
    })
}

/// The authenticator address as an SVG QR code, without the XML declaration (it goes inside
/// an HTML page).
#[cfg(feature = "ssr")]
fn qr_svg(otpauth_url: &str) -> Result<String, ServerFnError> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::new(otpauth_url.as_bytes()).map_err(ServerFnError::new)?;
    let made = code
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    Ok(made
        .find("<svg")
        .map(|start| made[start..].to_owned())
        .unwrap_or_default())
}

/// Back to the list, with the form as typed and its problems.
#[cfg(feature = "ssr")]
async fn back_to_the_form(form: NewAccountForm, errors: FieldErrors) -> Result<(), ServerFnError> {
    keep(&Kept {
        form,
        errors,
        flash: None,
    })
    .await?;
    leptos_axum::redirect(ACCOUNTS_PATH);
    Ok(())
}

/// "Add a staff member": makes the account and shows its enrolment sheet once.
#[server(endpoint = "staff/accounts/create")]
pub async fn create_account(#[server(default)] form: NewAccountForm) -> Result<(), ServerFnError> {
    use super::accounts::{first_password, new_account};
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
    let password = first_password().map_err(ServerFnError::new)?;
    let made = new_account(&form.email, &form.name, &form.role, &password, now_unix());
    let (account, enrolment) = match made {
        Ok((account, enrolment)) => {
            if store
                .create_staff_account(&account)
                .await
                .map_err(service_problem)?
            {
                (account, enrolment)
            } else {
                let mut errors = FieldErrors::default();
                errors.add(
                    "email",
                    "There is already an account with this email address",
                );
                return back_to_the_form(form, errors).await;
            }
        }
        Err(errors) => return back_to_the_form(form, errors).await,
    };
    store
        .record_audit(&user.audit(
            "create_staff",
            &format!("staff:{}", account.email),
            &account.role,
        ))
        .await
        .map_err(service_problem)?;
    show_enrolment(&account, enrolment, password).await
}

/// Keeps the enrolment sheet for its page (read once) and goes there.
#[cfg(feature = "ssr")]
async fn show_enrolment(
    account: &crate::store::NewStaffAccount,
    enrolment: super::accounts::Enrolment,
    first_password: String,
) -> Result<(), ServerFnError> {
    use crate::domain::staff::Role;

    let sheet = EnrolmentSheet {
        qr_svg: qr_svg(&enrolment.otpauth_url)?,
        name: account.name.clone(),
        email: account.email.clone(),
        role: Role::parse(&account.role)
            .map(Role::label)
            .unwrap_or_default()
            .to_owned(),
        first_password,
        totp_secret: enrolment.totp_secret,
        recovery_codes: enrolment.recovery_codes,
    };
    keep_for_next(ENROLMENT, &sheet).await?;
    leptos_axum::redirect(ENROLMENT_PATH);
    Ok(())
}

/// The enrolment sheet, once: reading it takes it out of the session.
#[server(endpoint = "staff/accounts/enrolment")]
pub async fn load_enrolment() -> Result<EnrolmentView, ServerFnError> {
    use super::session::require_staff;
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::ManageStaff)).await?;
    let sheet: Option<EnrolmentSheet> = take_kept(ENROLMENT).await?;
    Ok(EnrolmentView {
        header: StaffHeader::of(&user),
        sheet,
    })
}

/// Deactivates, reactivates or resets an account (never the administrator's own).
#[server(endpoint = "staff/accounts/change")]
pub async fn change_account(
    #[server(default)] form: AccountActionForm,
) -> Result<(), ServerFnError> {
    use super::accounts::{first_password, new_account};
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
            let password = first_password().map_err(ServerFnError::new)?;
            let (fresh, enrolment) =
                new_account(&account.email, &account.name, &account.role, &password, now_unix())
                    .map_err(|e| ServerFnError::new(super::accounts::in_one_line(&e)))?;
            store
                .reset_staff_sign_in(account.id, &fresh)
                .await
                .map_err(service_problem)?;
            store
                .record_audit(&user.audit("reset_staff_sign_in", &format!("staff:{}", account.email), ""))
                .await
                .map_err(service_problem)?;
            return show_enrolment(&fresh, enrolment, password).await;
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
