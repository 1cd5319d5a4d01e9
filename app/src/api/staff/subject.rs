//! A person's rights under UK GDPR, for managers: everything held about one person (found by
//! name and date of birth) as a readable page and a JSON download, and erasure where the
//! policy allows: a closed request's personal details are removed at once, a carer leaves the
//! register; a request still being worked on is kept, and the page says why. The search is
//! kept in the session (never in a URL); every search, download and erasure is audited,
//! without the name searched for.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::StaffHeader;
use crate::date_parts::DateParts;
use crate::domain::problems::FieldErrors;
use crate::errors::PortalError;

pub const SUBJECT_PATH: &str = "/staff/subject-access";
#[cfg(feature = "ssr")]
const KEPT: &str = "staff:subject";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SubjectForm {
    pub given_name: String,
    pub family_name: String,
    pub date_of_birth: DateParts,
}

impl SubjectForm {
    /// The problems, or the date of birth as `YYYY-MM-DD`.
    pub fn check(&self, today: time::Date) -> Result<String, FieldErrors> {
        use crate::domain::checks::{date_of_birth_parts, iso_date, required_text};
        let mut errors = FieldErrors::default();
        if let Err(e) = required_text(
            &self.given_name,
            100,
            "Enter their first name",
            "First name",
        ) {
            errors.add("given_name", e);
        }
        if let Err(e) = required_text(&self.family_name, 100, "Enter their last name", "Last name")
        {
            errors.add("family_name", e);
        }
        let d = &self.date_of_birth;
        let date = date_of_birth_parts(
            &d.day,
            &d.month,
            &d.year,
            today,
            "Enter their date of birth",
        );
        match date {
            Err(problem) => errors.add("date_of_birth", problem.message),
            Ok(date) if errors.is_empty() => return Ok(iso_date(date)),
            Ok(_) => {}
        }
        Err(errors)
    }
}

/// One record in the export.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportedRecord {
    pub reference: String,
    /// "Request for an assessment", "Carer's registration"…
    pub what: String,
    pub status: String,
    /// Whether it can be erased now, and if not, why.
    pub erasable: Result<(), String>,
    /// How the search found it: by name and date of birth, or by their name in a record about
    /// someone else (a possible match, for staff to check).
    #[serde(default)]
    pub found_by: String,
    /// Everything held, as stored (API.md's field names).
    pub data: serde_json::Value,
}

/// Everything held about one person.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SubjectExport {
    pub generated_at: String,
    pub records: Vec<ExportedRecord>,
    /// Who looked at these records, when (the audit log's entries for them).
    pub access_log: Vec<serde_json::Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubjectView {
    pub header: StaffHeader,
    pub form: SubjectForm,
    pub errors: FieldErrors,
    /// After a search.
    pub export: Option<SubjectExport>,
    pub flash: Option<String>,
}

#[cfg(feature = "ssr")]
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Kept {
    form: SubjectForm,
    errors: FieldErrors,
    export: Option<SubjectExport>,
    flash: Option<String>,
}

#[cfg(feature = "ssr")]
async fn kept() -> Result<(tower_sessions::Session, Kept), PortalError> {
    use super::session::{current_session, session_problem};
    let session = current_session().await?;
    let kept = session
        .get(KEPT)
        .await
        .map_err(session_problem)?
        .unwrap_or_default();
    Ok((session, kept))
}

#[cfg(feature = "ssr")]
async fn keep(session: &tower_sessions::Session, kept: &Kept) -> Result<(), PortalError> {
    session
        .insert(KEPT, kept)
        .await
        .map_err(super::session::session_problem)
}

#[server(endpoint = "staff/subject-access/load")]
pub async fn load_subject() -> Result<SubjectView, PortalError> {
    use super::session::require_staff;
    use crate::domain::staff::Permission;
    let user = require_staff(Some(Permission::SubjectAccess)).await?;
    let (session, mut kept) = kept().await?;
    let flash = kept.flash.take();
    let errors = std::mem::take(&mut kept.errors);
    keep(&session, &kept).await?;
    Ok(SubjectView {
        header: StaffHeader::of(&user),
        form: kept.form,
        errors,
        export: kept.export,
        flash,
    })
}

/// Gathers everything held under these references.
#[cfg(feature = "ssr")]
async fn gather(
    store: &dyn crate::store::Store,
    found: &crate::store::SubjectRecords,
) -> Result<SubjectExport, crate::store::StoreError> {
    use crate::journeys::submission::rfc3339;
    use serde_json::json;
    let parse = |text: &str| serde_json::from_str(text).unwrap_or(serde_json::Value::Null);
    let when = |at: i64| {
        time::OffsetDateTime::from_unix_timestamp(at)
            .map(rfc3339)
            .unwrap_or_default()
    };
    const BY_NAME_AND_BIRTH: &str = "Their name and date of birth";
    const MENTIONED: &str = "Their name, in a record about someone else: check it is them";
    const ABOUT_SOMEONE_ELSE: &str =
        "It is about someone else: check it is them, and erase what names them by hand";
    let mut records = Vec::new();
    let referrals = found.referrals.iter().map(|r| (r, true)).chain(
        found
            .mentioned
            .iter()
            .filter(|r| !r.starts_with("CAR-"))
            .map(|r| (r, false)),
    );
    for (reference, theirs) in referrals {
        let Some(r) = store.load_referral(reference).await? else {
            continue;
        };
        records.push(ExportedRecord {
            reference: r.reference.clone(),
            what: super::labels::kind_label(&r.kind).to_owned(),
            erasable: if !theirs {
                Err(ABOUT_SOMEONE_ELSE.to_owned())
            } else if r.status == "closed" {
                Ok(())
            } else {
                Err("Still being worked on: close it first, or keep it while the council has a duty to act".to_owned())
            },
            found_by: if theirs { BY_NAME_AND_BIRTH } else { MENTIONED }.to_owned(),
            status: r.status.clone(),
            data: json!({
                "request": parse(&r.details),
                "submitted_at": when(r.submitted_at),
                "status": r.status,
                "outcome": r.outcome,
                "case_id": r.case_id,
                "trackers": r.trackers.iter().map(|t| json!({
                    "name": t.name, "relationship": t.relationship, "email": t.email, "phone": t.phone,
                })).collect::<Vec<_>>(),
                "history": r.history.iter().map(|h| json!({
                    "status": h.status, "outcome": h.outcome, "note": h.note,
                    "note_visible": h.note_visible, "at": when(h.at),
                })).collect::<Vec<_>>(),
                "changes": r.changes.iter().map(|c| json!({
                    "what_changed": c.what_changed, "more_urgent": c.more_urgent, "at": when(c.at),
                })).collect::<Vec<_>>(),
            }),
        });
    }
    let carers = found.carers.iter().map(|r| (r, true)).chain(
        found
            .mentioned
            .iter()
            .filter(|r| r.starts_with("CAR-"))
            .map(|r| (r, false)),
    );
    for (reference, theirs) in carers {
        let Some(c) = store.load_carer(reference).await? else {
            continue;
        };
        records.push(ExportedRecord {
            reference: c.reference.clone(),
            what: "Carer's registration".to_owned(),
            erasable: if !theirs {
                Err(ABOUT_SOMEONE_ELSE.to_owned())
            } else if c.status == "registered" {
                Ok(())
            } else {
                Err("Already removed from the register".to_owned())
            },
            found_by: if theirs { BY_NAME_AND_BIRTH } else { MENTIONED }.to_owned(),
            status: c.status.clone(),
            data: json!({
                "registration": parse(&c.details),
                "emergency_plan": c.emergency_plan.as_deref().map(parse),
                "registered_at": when(c.registered_at),
            }),
        });
    }
    let mut access_log = Vec::new();
    for record in &records {
        let page = store
            .audit_page(&crate::store::AuditQuery {
                subject: Some(record.reference.clone()),
                per_page: 500,
                ..Default::default()
            })
            .await?;
        access_log.extend(page.entries.into_iter().map(
            |e| json!({ "record": e.subject, "at": when(e.at), "who": e.actor, "what": e.action }),
        ));
    }
    Ok(SubjectExport {
        generated_at: when(crate::api::context::now_unix()),
        records,
        access_log,
    })
}

/// Finds everything held about one person.
#[server(endpoint = "staff/subject-access")]
pub async fn find_subject(#[server(default)] form: SubjectForm) -> Result<(), PortalError> {
    use super::session::require_staff;
    use crate::api::context::{service_problem, store};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::SubjectAccess)).await?;
    let (session, _) = kept().await?;
    let today = crate::domain::office_hours::uk_local(time::OffsetDateTime::now_utc()).date();
    let mut kept = Kept {
        form: form.clone(),
        ..Kept::default()
    };
    match form.check(today) {
        Err(errors) => kept.errors = errors,
        Ok(date_of_birth) => {
            let store = store()?;
            let found = store
                .find_subject(
                    form.given_name.trim(),
                    form.family_name.trim(),
                    &date_of_birth,
                )
                .await
                .map_err(service_problem)?;
            let export = gather(&*store, &found).await.map_err(service_problem)?;
            store
                .record_audit(&user.audit(
                    "subject_access_search",
                    "",
                    &format!("{} records found", export.records.len()),
                ))
                .await
                .map_err(service_problem)?;
            kept.export = Some(export);
        }
    }
    keep(&session, &kept).await?;
    leptos_axum::redirect(SUBJECT_PATH);
    Ok(())
}

/// The export as a JSON file (a GET, so a link can download it; nothing personal is in the
/// URL: the search is in the session).
#[server(endpoint = "staff/subject-access/export.json", input = server_fn::codec::GetUrl)]
pub async fn download_subject_export() -> Result<serde_json::Value, PortalError> {
    use super::session::require_staff;
    use crate::api::context::{service_problem, store};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::SubjectAccess)).await?;
    let (_, kept) = kept().await?;
    let Some(export) = kept.export else {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(http::StatusCode::NOT_FOUND);
        }
        return Err(PortalError::Refused("Search for the person first".into()));
    };
    let references: Vec<&str> = export
        .records
        .iter()
        .map(|r| r.reference.as_str())
        .collect();
    store()?
        .record_audit(&user.audit("subject_access_export", "", &references.join(" ")))
        .await
        .map_err(service_problem)?;
    crate::api::context::answer_as_download("subject-access.json");
    let mut value = serde_json::to_value(&export).map_err(|e| PortalError::internal(e))?;
    // Whether a record can be erased is the council's business, not part of what it holds.
    for record in value["records"].as_array_mut().into_iter().flatten() {
        if let Some(record) = record.as_object_mut() {
            record.remove("erasable");
        }
    }
    Ok(value)
}

/// Erases what the policy allows of what the search found.
#[server(endpoint = "staff/subject-access/erase")]
pub async fn erase_subject() -> Result<(), PortalError> {
    use super::session::require_staff;
    use crate::api::context::{now_unix, service_problem, store};
    use crate::domain::staff::Permission;
    use crate::journeys::carer::service::withdraw_registration;

    let user = require_staff(Some(Permission::SubjectAccess)).await?;
    let (session, kept) = kept().await?;
    let store = store()?;
    let mut erased = Vec::new();
    let mut kept_back = 0;
    for record in kept.export.iter().flat_map(|e| &e.records) {
        if record.erasable.is_err() {
            kept_back += 1;
            continue;
        }
        let done = if record.reference.starts_with("CAR-") {
            withdraw_registration(&*store, time::OffsetDateTime::now_utc(), &record.reference).await
        } else {
            store
                .anonymise_referral(&record.reference, now_unix())
                .await
        }
        .map_err(service_problem)?;
        if done {
            store
                .record_audit(&user.audit("erase", &record.reference, "subject's request"))
                .await
                .map_err(service_problem)?;
            erased.push(record.reference.clone());
        }
    }
    let flash = format!(
        "Erased {} record(s){}",
        erased.len(),
        if kept_back > 0 {
            format!("; {kept_back} kept, for the reasons shown")
        } else {
            String::new()
        }
    );
    keep(
        &session,
        &Kept {
            flash: Some(flash),
            ..Kept::default()
        },
    )
    .await?;
    leptos_axum::redirect(SUBJECT_PATH);
    Ok(())
}
