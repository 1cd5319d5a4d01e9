//! A carer's registration as the back office sees it (from the queue): the carer, the people
//! they look after, what caring involves, the emergency plan, and "Mark as checked", which
//! takes a new registration out of the open queue. Every view and check is audited.

use crate::errors::PortalError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::emergency::PlanView;
#[cfg(feature = "ssr")]
use super::session::{keep_for_next, take_kept};
use super::StaffHeader;

pub const CARERS_PATH: &str = "/staff/carers";
/// The queue's kind code for carers' registrations.
pub const KIND: &str = "carer_registration";
#[cfg(feature = "ssr")]
const FLASH: &str = "staff:carer-flash";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MarkCheckedForm {
    pub reference: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarerRecordView {
    pub header: StaffHeader,
    /// "New", "On the register" or "Withdrawn".
    pub status: String,
    pub registered: String,
    /// When it was checked, if it was.
    pub checked: Option<String>,
    /// (question, answers) about the caring.
    pub caring: Vec<(String, Vec<String>)>,
    pub plan: PlanView,
    pub may_mark_checked: bool,
    pub flash: Option<String>,
}

/// The words for an answer's code from a form's list of (code, words).
#[cfg(feature = "ssr")]
fn words(list: &[(&str, &str)], code: &str) -> String {
    list.iter()
        .find(|(c, _)| *c == code)
        .map(|(_, w)| (*w).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

/// What caring involves, in the words the carer's form used.
#[cfg(feature = "ssr")]
fn caring_rows(details: &str) -> Vec<(String, Vec<String>)> {
    use crate::domain::carer::{CarerRegistration, AFFECTS, KEEP_CARING, TASKS, WHEN};
    let registration: CarerRegistration = serde_json::from_str(details).unwrap_or_default();
    let caring = registration.caring;
    let or_none = |text: String| {
        if text.trim().is_empty() {
            "Not given".to_owned()
        } else {
            text
        }
    };
    let mut tasks: Vec<String> = caring.tasks.iter().map(|t| words(&TASKS, t)).collect();
    if !caring.other_tasks.trim().is_empty() {
        tasks.push(caring.other_tasks.clone());
    }
    vec![
        (
            "Hours a week".into(),
            vec![caring.hours_per_week.to_string()],
        ),
        ("When".into(), vec![words(&WHEN, &caring.when)]),
        ("What caring involves".into(), tasks),
        (
            "Others who help".into(),
            vec![or_none(caring.others_who_help)],
        ),
        (
            "What caring affects".into(),
            if caring.affects.is_empty() {
                vec!["Not given".into()]
            } else {
                caring.affects.iter().map(|a| words(&AFFECTS, a)).collect()
            },
        ),
        (
            "Can keep caring as now".into(),
            vec![or_none(words(&KEEP_CARING, &caring.can_keep_caring))],
        ),
    ]
}

/// Opens a registration, for roles whose work includes carers' registrations (the same
/// "not found" as a reference that does not exist otherwise). Audited.
#[server(endpoint = "staff/carer")]
pub async fn load_carer_record(reference: String) -> Result<CarerRecordView, PortalError> {
    use super::emergency::plan_view;
    use super::referral::{describe_time, not_found};
    use super::session::require_staff;
    use crate::api::context::{service_problem, store};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::WorkQueue)).await?;
    if !user.role.may_open(KIND) {
        return Err(not_found());
    }
    let reference: String = reference.trim().chars().take(40).collect();
    let store = store()?;
    let Some(carer) = store
        .load_carer(&reference)
        .await
        .map_err(service_problem)?
    else {
        return Err(not_found());
    };
    store
        .record_audit(&user.audit("view_carer", &carer.reference, ""))
        .await
        .map_err(service_problem)?;
    let flash: Option<String> = take_kept(FLASH).await?;
    let withdrawn = carer.status == "withdrawn";
    Ok(CarerRecordView {
        header: StaffHeader::of(&user),
        status: if withdrawn {
            "Withdrawn"
        } else if carer.reviewed_at.is_none() {
            "New"
        } else {
            "On the register"
        }
        .to_owned(),
        registered: describe_time(carer.registered_at),
        checked: carer.reviewed_at.map(describe_time),
        caring: caring_rows(&carer.details),
        may_mark_checked: !withdrawn && carer.reviewed_at.is_none(),
        plan: plan_view(&carer),
        flash,
    })
}

/// "Mark as checked": the registration's details have been read (and the carer offered a
/// carer's assessment, if they want one); it leaves the open queue.
#[server(endpoint = "staff/carer/checked")]
pub async fn mark_checked(#[server(default)] form: MarkCheckedForm) -> Result<(), PortalError> {
    use super::referral::not_found;
    use super::session::require_staff;
    use crate::api::context::{now_unix, service_problem, store};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::WorkQueue)).await?;
    if !user.role.may_open(KIND) {
        return Err(not_found());
    }
    let reference: String = form.reference.trim().chars().take(40).collect();
    let store = store()?;
    if store
        .load_carer(&reference)
        .await
        .map_err(service_problem)?
        .is_none()
    {
        return Err(not_found());
    }
    let message = if store
        .mark_carer_reviewed(&reference, now_unix())
        .await
        .map_err(service_problem)?
    {
        store
            .record_audit(&user.audit("check_carer", &reference, ""))
            .await
            .map_err(service_problem)?;
        "Marked as checked. The registration has left the open queue"
    } else {
        "This registration was checked already, or has been withdrawn"
    };
    keep_for_next(FLASH, &message).await?;
    leptos_axum::redirect(&format!("{CARERS_PATH}/{reference}"));
    Ok(())
}
