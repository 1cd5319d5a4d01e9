//! One referral's record for staff: every answer, the people, who follows it, its history;
//! changing its status (with a note kept internal or shown to the resident and trackers) and
//! assigning it. Opening a record and every change are audited. A change goes through
//! `journeys::referral::service::change_status`, so the resident's emails and the case-management event
//! leave through the outbox in the same transaction.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::keep_for_next;
use super::StaffHeader;
use crate::domain::problems::FieldErrors;
use crate::domain::referral::ReferralRequest;
use crate::errors::PortalError;

pub const RECORDS_PATH: &str = "/staff/referrals";
pub const NOTE_MAX_CHARS: usize = 2000;

/// The status form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StatusForm {
    pub reference: String,
    pub status: String,
    /// Required when closing.
    pub outcome: String,
    /// The Client Level Data event outcome: required when closing.
    pub event_outcome: String,
    pub note: String,
    /// `resident` (the resident and trackers see the note) or `internal` (the default).
    pub note_for: String,
}

impl StatusForm {
    pub fn problems(&self) -> FieldErrors {
        use crate::domain::referral_status::{outcome, status};
        let mut errors = FieldErrors::default();
        if status(&self.status).is_none() {
            errors.add("status", "Select the new status");
        }
        if self.status == "closed" && outcome(&self.outcome).is_none() {
            errors.add("outcome", "Select how the request ended");
        }
        let event_outcomes = &crate::domain::cld::EVENT_OUTCOMES;
        if self.status == "closed"
            && !crate::domain::cld::is_one_of(event_outcomes, &self.event_outcome)
        {
            errors.add(
                "event_outcome",
                "Select what the request led to (the Client Level Data event outcome)",
            );
        }
        if let Err(problem) =
            crate::domain::checks::optional_paragraphs(&self.note, NOTE_MAX_CHARS, "The note")
        {
            errors.add("note", problem);
        } else if self.note_for == "resident" && self.note.trim().is_empty() {
            errors.add(
                "note",
                "Enter the note for the resident, or choose to keep it internal",
            );
        }
        errors
    }

    pub fn visible(&self) -> bool {
        self.note_for == "resident"
    }
}

/// The form correcting a request's route of access.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteForm {
    pub reference: String,
    /// A key of `domain::cld::ROUTES_OF_ACCESS`.
    pub route_of_access: String,
}

/// The assignment form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AssignForm {
    pub reference: String,
    /// An account id, or `nobody`.
    pub assignee: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryLine {
    pub when: String,
    pub status: String,
    pub outcome: Option<String>,
    pub note: String,
    pub note_visible: bool,
    pub actor: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackerLine {
    pub name: String,
    pub relationship: String,
    pub contact: String,
}

/// The record as staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralRecord {
    pub header: StaffHeader,
    pub reference: String,
    pub kind: String,
    pub kind_label: String,
    pub status_label: String,
    pub outcome_label: Option<String>,
    pub urgent: bool,
    pub channel: String,
    pub submitted: String,
    /// The assignee's account id, if any.
    pub assigned_to: Option<String>,
    /// The case-management system's id, once it has told us.
    pub case_id: Option<String>,
    /// The self-check's result in words, when the request came from one.
    pub from_check: Option<String>,
    /// Client Level Data: the route of access (a key, correctable), who made contact and what
    /// it led to, in CLD's words.
    pub route_of_access: String,
    pub requester_type: String,
    pub event_outcome: Option<String>,
    /// For a professional's referral: the council's trusted domain their work email is on
    /// (`Some("")` when it is on none of them), `None` for anyone else.
    pub trusted_domain: Option<String>,
    /// What people told us had changed while they waited, newest first: (when, more
    /// urgent, what), and whether staff have acted since the latest.
    pub changes: Vec<(String, bool, String)>,
    pub change_unseen: bool,
    pub team: Vec<(String, String)>,
    pub request: ReferralRequest,
    pub trackers: Vec<TrackerLine>,
    /// Oldest first.
    pub history: Vec<HistoryLine>,
    pub form: StatusForm,
    pub errors: FieldErrors,
    /// What just happened ("Status changed to …"), once.
    pub flash: Option<String>,
}

#[cfg(feature = "ssr")]
fn form_key(reference: &str) -> String {
    format!("staff:status:{reference}")
}

#[cfg(feature = "ssr")]
const FLASH: &str = "staff:flash";

#[cfg(feature = "ssr")]
pub(crate) fn describe_time(at: i64) -> String {
    use crate::domain::office_hours::{describe_date, uk_local};
    time::OffsetDateTime::from_unix_timestamp(at)
        .map(|at| {
            let local = uk_local(at);
            format!(
                "{} at {:02}:{:02}",
                describe_date(local.date()),
                local.hour(),
                local.minute()
            )
        })
        .unwrap_or_default()
}

/// Loads a referral the staff member's role may open, or `None` (a 404 for the page: the
/// same for a referral that does not exist and one of a kind the role may not see).
#[cfg(feature = "ssr")]
async fn openable(
    user: &super::session::StaffUser,
    reference: &str,
) -> Result<Option<crate::store::StoredReferral>, PortalError> {
    use crate::api::context::{service_problem, store};
    use crate::domain::reference::{Reference, ReferenceKind};
    let Some(reference) = Reference::parse(ReferenceKind::Referral, reference) else {
        return Ok(None);
    };
    let referral = store()?
        .load_referral(&reference.to_string())
        .await
        .map_err(service_problem)?;
    Ok(referral.filter(|r| user.role.may_open(&r.kind)))
}

#[cfg(feature = "ssr")]
pub(crate) fn not_found() -> PortalError {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    PortalError::NotFound
}

#[server(endpoint = "staff/referral")]
pub async fn load_referral_record(reference: String) -> Result<ReferralRecord, PortalError> {
    use super::session::{current_session, require_staff, session_problem, take_unsent};
    use crate::api::context::{service_problem, store};
    use crate::domain::cld;
    use crate::domain::referral_status::{outcome, status};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::WorkQueue)).await?;
    let Some(referral) = openable(&user, &reference).await? else {
        return Err(not_found());
    };
    let store = store()?;
    store
        .record_audit(&user.audit("view_referral", &referral.reference, ""))
        .await
        .map_err(service_problem)?;
    let session = current_session().await?;
    let path = format!("{RECORDS_PATH}/{}", referral.reference);
    let kept: Option<(StatusForm, FieldErrors)> = session
        .remove(&form_key(&referral.reference))
        .await
        .map_err(session_problem)?;
    let (form, errors) = match (kept, take_unsent::<StatusForm>(&path).await?) {
        (_, Some(unsent)) => (unsent, FieldErrors::default()),
        (Some(kept), None) => kept,
        (None, None) => (
            StatusForm {
                reference: referral.reference.clone(),
                status: referral.status.clone(),
                note_for: "internal".into(),
                ..StatusForm::default()
            },
            FieldErrors::default(),
        ),
    };
    let flash: Option<String> = session.remove(FLASH).await.map_err(session_problem)?;
    let team = super::team(&*store).await?;
    let label = |code: &str| status(code).map(|s| s.label).unwrap_or(code).to_owned();
    let outcome_label = |code: &Option<String>| {
        code.as_deref()
            .map(|c| outcome(c).map(|o| o.label).unwrap_or(c).to_owned())
    };
    let request: ReferralRequest = serde_json::from_str(&referral.details).unwrap_or_default();
    let trusted_domain = request.is_professional().then(|| {
        let email = request.referrer.as_ref().map_or("", |r| r.email.as_str());
        crate::domain::professional::trusted_domain(
            email,
            &crate::api::context::settings().trusted_email_domains,
        )
        .unwrap_or_default()
        .to_owned()
    });
    Ok(ReferralRecord {
        header: StaffHeader::of(&user),
        trusted_domain,
        changes: referral
            .changes
            .iter()
            .rev()
            .map(|c| (describe_time(c.at), c.more_urgent, c.what_changed.clone()))
            .collect(),
        change_unseen: referral.changed_at.is_some(),
        kind_label: super::labels::kind_label(&referral.kind).to_owned(),
        status_label: label(&referral.status),
        outcome_label: outcome_label(&referral.outcome),
        urgent: referral.urgent,
        channel: super::labels::channel_label(&referral.channel),
        submitted: describe_time(referral.submitted_at),
        assigned_to: referral.assigned_to.map(|id| id.to_string()),
        case_id: referral.case_id.clone(),
        from_check: referral
            .check_result
            .as_deref()
            .map(|code| crate::domain::eligibility::result_words(code).to_owned()),
        route_of_access: referral.route_of_access.clone(),
        requester_type: cld::label(&cld::REQUESTER_TYPES, &referral.requester_type).to_owned(),
        event_outcome: referral
            .event_outcome
            .as_deref()
            .map(|code| cld::label(&cld::EVENT_OUTCOMES, code).to_owned()),
        team,
        request,
        trackers: referral
            .trackers
            .iter()
            .map(|t| TrackerLine {
                name: t.name.clone(),
                relationship: t.relationship.clone(),
                contact: [t.email.as_str(), t.phone.as_str()]
                    .into_iter()
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect(),
        history: referral
            .history
            .iter()
            .map(|h| HistoryLine {
                when: describe_time(h.at),
                status: label(&h.status),
                outcome: outcome_label(&h.outcome),
                note: h.note.clone(),
                note_visible: h.note_visible,
                actor: h.actor.clone(),
            })
            .collect(),
        kind: referral.kind,
        reference: referral.reference,
        form,
        errors,
        flash,
    })
}

/// The reference as the form gave it, made safe for a path (it is parsed again on load).
#[cfg(feature = "ssr")]
fn record_path(reference: &str) -> String {
    use crate::domain::reference::{Reference, ReferenceKind};
    match Reference::parse(ReferenceKind::Referral, reference) {
        Some(reference) => format!("{RECORDS_PATH}/{reference}"),
        None => super::sign_in::QUEUE_PATH.to_owned(),
    }
}

/// Changes a referral's status. Signed out (an ended session): what was typed is kept and
/// put back after signing in.
#[server(endpoint = "staff/referral/status")]
pub async fn change_referral_status(
    #[server(default)] form: StatusForm,
) -> Result<(), PortalError> {
    use super::session::{current_session, keep_unsent, require_staff, session_problem};
    use crate::api::context::{service_problem, settings, store};
    use crate::domain::staff::Permission;
    use crate::journeys::referral::service::{change_status, ChangeError, StatusUpdate};

    let path = record_path(&form.reference);
    let user = match require_staff(Some(Permission::WorkQueue)).await {
        Ok(user) => user,
        Err(PortalError::SignedOut) => {
            keep_unsent(&path, &form).await?;
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    let Some(referral) = openable(&user, &form.reference).await? else {
        return Err(not_found());
    };
    let session = current_session().await?;
    let mut errors = form.problems();
    if errors.is_empty() {
        let store = store()?;
        let closing = form.status == "closed";
        let update = StatusUpdate {
            status: &form.status,
            outcome: closing.then_some(form.outcome.as_str()),
            event_outcome: closing.then_some(form.event_outcome.as_str()),
            note: &form.note,
            note_visible: form.visible(),
        };
        let changed = change_status(
            &*store,
            &settings(),
            time::OffsetDateTime::now_utc(),
            &referral.reference,
            &update,
            &user.actor(),
        )
        .await;
        match changed {
            Ok(()) => {
                store
                    .record_audit(&user.audit(
                        "change_status",
                        &referral.reference,
                        &format!(
                            "{} -> {}{}",
                            referral.status,
                            form.status,
                            if form.visible() {
                                ", note for the resident"
                            } else {
                                ""
                            }
                        ),
                    ))
                    .await
                    .map_err(service_problem)?;
                let label = crate::domain::referral_status::status(&form.status)
                    .map(|s| s.label)
                    .unwrap_or_default();
                session
                    .insert(FLASH, format!("Status changed to {label}"))
                    .await
                    .map_err(session_problem)?;
                leptos_axum::redirect(&path);
                return Ok(());
            }
            Err(ChangeError::Invalid(message)) => errors.add("status", message),
            Err(ChangeError::NotFound) => return Err(not_found()),
            Err(ChangeError::Store(e)) => return Err(service_problem(e)),
        }
    }
    let mut kept = form.clone();
    kept.note = kept.note.chars().take(NOTE_MAX_CHARS * 2).collect();
    session
        .insert(&form_key(&referral.reference), &(kept, errors))
        .await
        .map_err(session_problem)?;
    leptos_axum::redirect(&path);
    Ok(())
}

/// Assigns a referral to a team member, or to nobody.
#[server(endpoint = "staff/referral/assign")]
pub async fn assign_referral(#[server(default)] form: AssignForm) -> Result<(), PortalError> {
    use super::session::require_staff;
    use crate::api::context::{service_problem, store};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::WorkQueue)).await?;
    let Some(referral) = openable(&user, &form.reference).await? else {
        return Err(not_found());
    };
    let store = store()?;
    let team = store.staff_members().await.map_err(service_problem)?;
    let assignee = form
        .assignee
        .parse::<i64>()
        .ok()
        .and_then(|id| team.into_iter().find(|m| m.id == id && m.active));
    let path = record_path(&referral.reference);
    if form.assignee != "nobody" && assignee.is_none() {
        // Not a team member: nothing changes (the form only offers team members).
        leptos_axum::redirect(&path);
        return Ok(());
    }
    store
        .assign_referral(&referral.reference, assignee.as_ref().map(|m| m.id))
        .await
        .map_err(service_problem)?;
    let name = assignee.map(|m| m.name).unwrap_or_else(|| "nobody".into());
    store
        .record_audit(&user.audit("assign", &referral.reference, &name))
        .await
        .map_err(service_problem)?;
    keep_for_next(FLASH, &format!("Assigned to {name}")).await?;
    leptos_axum::redirect(&path);
    Ok(())
}

/// Corrects a request's route of access (worked out from the answers when it arrived), for
/// the council's Client Level Data return. Audited with the old and new route.
#[server(endpoint = "staff/referral/route")]
pub async fn correct_route(#[server(default)] form: RouteForm) -> Result<(), PortalError> {
    use super::session::require_staff;
    use crate::api::context::{service_problem, store};
    use crate::domain::cld::{is_one_of, label, ROUTES_OF_ACCESS};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::WorkQueue)).await?;
    let Some(referral) = openable(&user, &form.reference).await? else {
        return Err(not_found());
    };
    let path = record_path(&referral.reference);
    let route = form.route_of_access.as_str();
    if !is_one_of(&ROUTES_OF_ACCESS, route) || route == referral.route_of_access {
        // Only the form's own choices change anything.
        leptos_axum::redirect(&path);
        return Ok(());
    }
    let store = store()?;
    store
        .set_route_of_access(&referral.reference, route)
        .await
        .map_err(service_problem)?;
    store
        .record_audit(&user.audit(
            "correct_route",
            &referral.reference,
            &format!("{} -> {route}", referral.route_of_access),
        ))
        .await
        .map_err(service_problem)?;
    let words = label(&ROUTES_OF_ACCESS, route);
    keep_for_next(FLASH, &format!("Route of access changed to {words}")).await?;
    leptos_axum::redirect(&path);
    Ok(())
}
