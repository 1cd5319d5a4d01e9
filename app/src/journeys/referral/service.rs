//! Referrals as a service both doors use (the web pages' server functions and the JSON API):
//! checking and writing a request exactly once with the messages it causes, looking up its
//! progress behind rate limits, and staff status changes. Server-only; the rules themselves
//! are in `domain`.

use serde::Serialize;
use serde_json::json;
use time::OffsetDateTime;

use super::waits::{in_words, wait_for, Waiting};
use super::WaitWords;
use crate::domain::checks::iso_date;
use crate::domain::concern::KIND as CONCERN;
use crate::domain::office_hours::uk_local;
use crate::domain::reference::{Reference, ReferenceKind};
use crate::domain::referral::{CheckedReferral, ReferralRequest};
use crate::domain::referral_status::{self, check_change};
use crate::journeys::submission::{
    acknowledgement, email_message, event_message, guarded_lookup, rfc3339,
    write_with_fresh_reference, Guarded, LookupAttempt, Submission, SubmitError, Submitted,
};
use crate::settings::Settings;
use crate::store::{
    NewReferralRecord, ReferralPerson, StatusChange, Store, StoreError, StoredReferral,
    TrackerRecord,
};

/// Checks and writes a request. `from_check`: the eligibility self-check's result,
/// when the request came from its "ask for an assessment" (for the dashboard).
pub async fn submit_referral(
    store: &dyn Store,
    submission: &Submission<'_>,
    request: &ReferralRequest,
    from_check: Option<&str>,
) -> Result<Submitted, SubmitError> {
    let checked = request.check(uk_local(submission.now).date());
    let wait = match &checked {
        Ok(checked) => received_wait(store, checked, submission.now).await,
        Err(_) => None,
    };
    write_with_fresh_reference(
        ReferenceKind::Referral,
        submission,
        "referral received",
        checked,
        |checked, reference| {
            let mut record = referral_record(submission, checked, &reference, wait.as_ref());
            record.check_result = from_check.map(str::to_owned);
            async move { store.create_referral(&record).await }
        },
    )
    .await
}

/// A past request's record, as `server seed-demo` writes it: as submitted, sending nothing.
pub fn past_referral_record(
    submission: &Submission<'_>,
    checked: &CheckedReferral,
    reference: &Reference,
) -> NewReferralRecord {
    NewReferralRecord {
        outbox: Vec::new(),
        ..referral_record(submission, checked, reference, None)
    }
}

/// The expected first contact of a request about to be written, in words for its
/// acknowledgement; nothing when it cannot be worked out (the request goes anyway).
async fn received_wait(
    store: &dyn Store,
    checked: &CheckedReferral,
    now: OffsetDateTime,
) -> Option<WaitWords> {
    let waiting = Waiting {
        kind: &checked.request.kind,
        urgent: checked.urgent,
        status: "received",
        step_began: now.unix_timestamp(),
        submitted_at: now.unix_timestamp(),
        reference: None,
    };
    match wait_for(store, &waiting, now).await {
        Ok(wait) => wait.as_ref().map(in_words),
        Err(error) => {
            tracing::warn!(%error, "no expected wait for an acknowledgement");
            None
        }
    }
}

fn referral_record(
    submission: &Submission<'_>,
    checked: &CheckedReferral,
    reference: &Reference,
    wait: Option<&WaitWords>,
) -> NewReferralRecord {
    let (settings, now, channel) = (submission.settings, submission.now, &submission.channel);
    let request = &checked.request;
    let reference_text = reference.to_string();
    let submitted_at = now.unix_timestamp();
    let known = |date: &str| (!date.is_empty()).then(|| date.to_owned());
    let mut people = vec![ReferralPerson {
        role: "person".into(),
        given_name: request.person.given_name.clone(),
        family_name: request.person.family_name.clone(),
        date_of_birth: known(&request.person.date_of_birth),
        phone: request.person.phone.clone(),
        email: request.person.email.clone(),
    }];
    if let Some(referrer) = &request.referrer {
        people.push(ReferralPerson {
            role: "referrer".into(),
            given_name: referrer.given_name.clone(),
            family_name: referrer.family_name.clone(),
            date_of_birth: known(&referrer.date_of_birth),
            phone: referrer.phone.clone(),
            email: referrer.email.clone(),
        });
    }
    let trackers: Vec<TrackerRecord> = request
        .trackers
        .iter()
        .map(|t| TrackerRecord {
            name: t.name.clone(),
            relationship: t.relationship.clone(),
            email: t.email.clone(),
            phone: t.phone.clone(),
        })
        .collect();
    let details = serde_json::to_string(request).unwrap_or_default();
    let event = event_message(
        &reference_text,
        "referral.created",
        now,
        json!({
            "reference": reference_text,
            "kind": request.kind,
            "status": "received",
            "urgent": checked.urgent,
            "submitted_at": rfc3339(now),
            "route_of_access": crate::domain::cld::route_of_access(request),
            "requester_type": crate::domain::cld::requester_type(request),
            "referral": request,
        }),
    );
    let mut outbox = vec![event];
    for (i, (to, name)) in email_recipients(request, &trackers).into_iter().enumerate() {
        let text = received_email_text(settings, checked, &reference_text, &name, wait);
        outbox.push(acknowledgement(
            settings,
            &reference_text,
            i,
            &to,
            &format!("Request received: {reference_text}"),
            &text,
        ));
    }
    NewReferralRecord {
        reference: reference_text,
        idempotency_key: submission.scoped_key(),
        request_body: submission.request_body.to_owned(),
        kind: request.kind.clone(),
        channel: channel.code().to_owned(),
        partner: channel.partner(),
        urgent: checked.urgent,
        lookup_date_of_birth: checked.lookup_date_of_birth.map(iso_date),
        details,
        people,
        trackers,
        submitted_at,
        outbox,
        check_result: None,
        route_of_access: crate::domain::cld::route_of_access(request).to_owned(),
        requester_type: crate::domain::cld::requester_type(request).to_owned(),
        discharge_date: request.discharge.as_ref().map(|d| d.expected_date.clone()),
        communication_needs: !request.person.communication().is_empty(),
        age_band: age_band_on(&request.person.date_of_birth, submitted_at).to_owned(),
        postcode_district: crate::domain::cld_return::postcode_district(&request.person.postcode),
    }
}

/// Client Level Data's age band on the day (UTC) of `at`, from a `YYYY-MM-DD` date of birth.
fn age_band_on(date_of_birth: &str, at: i64) -> &'static str {
    let requested_on =
        OffsetDateTime::from_unix_timestamp(at).map_or(time::Date::MIN, |t| t.date());
    crate::domain::cld_return::age_band(crate::domain::checks::iso_day(date_of_birth), requested_on)
}

/// The acknowledgement: the first name and reference only, what happens next, and how to
/// follow it (a safeguarding concern's reporter follows it with their own date of birth).
fn received_email_text(
    settings: &Settings,
    checked: &CheckedReferral,
    reference: &str,
    name: &str,
    wait: Option<&WaitWords>,
) -> String {
    let request = &checked.request;
    let track_link = format!("{}/track-a-request", settings.public_url);
    let next = if request.kind == CONCERN {
        "The adult safeguarding team looks at every concern as a priority.".to_owned()
    } else {
        format!(
            "The First Contact Team will contact {whom} within {days} working days.",
            whom = if request.is_for_someone_else() {
                "them"
            } else {
                "you"
            },
            days = settings.contact_within_working_days,
        )
    };
    let follow = match (request.kind == CONCERN, checked.lookup_date_of_birth.is_some()) {
        (true, true) => format!(
            "You can check its progress at {track_link} with the reference and your date of birth."
        ),
        (true, false) => "Quote the reference if you call us about it.".to_owned(),
        _ => format!(
            "You can check its progress at {track_link}. You will need the reference and the date of \
             birth of the person the request is about."
        ),
    };
    let estimate = wait
        .map(|wait| format!("{} {}\n\n", wait.when, wait.position))
        .unwrap_or_default();
    format!(
        "Dear {name},\n\n\
         We have received a request to Exampleshire adult social care. The reference is {reference}.\n\n\
         {next}\n\n{estimate}{follow}\n\n\
         If someone is in immediate danger, call 999.\n"
    )
}

/// Who is emailed about a referral: the person (or, when someone asked for them, that
/// someone) and every tracker with an email address. Only first names go in the message.
/// A safeguarding concern is acknowledged to its reporter only, never to the adult (whoever
/// reads their email may be the one causing harm).
pub(super) fn email_recipients(
    request: &ReferralRequest,
    trackers: &[TrackerRecord],
) -> Vec<(String, String)> {
    let mut to = Vec::new();
    match &request.referrer {
        Some(referrer) if !referrer.email.is_empty() => {
            to.push((referrer.email.clone(), referrer.given_name.clone()))
        }
        _ if !request.person.email.is_empty() && request.kind != CONCERN => to.push((
            request.person.email.clone(),
            request.person.given_name.clone(),
        )),
        _ => {}
    }
    for tracker in trackers.iter().filter(|t| !t.email.is_empty()) {
        let first = tracker
            .name
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_owned();
        to.push((tracker.email.clone(), first));
    }
    to
}

/// A request's progress as a resident or tracker may see it (API.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct StatusView {
    pub reference: String,
    /// `received`, `triage`, `assessment_arranged`, `assessment_completed` or `closed`.
    pub status: String,
    /// Only when closed: `support_arranged`, `information_and_advice`, `referred_elsewhere`,
    /// `no_further_action` or `withdrawn`.
    pub outcome: Option<String>,
    pub timeline: Vec<TimelineEntry>,
    /// While open, when the next step is likely, from how requests like it have recently
    /// moved through it; `null` once closed, past triage, or with too little history.
    pub expected_wait: Option<super::waits::ExpectedWaitView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct TimelineEntry {
    pub status: String,
    /// RFC 3339.
    pub at: String,
    /// Only notes staff marked visible to the resident.
    pub note: Option<String>,
}

/// How a progress lookup went.
pub type Lookup = Guarded<StatusView>;

/// Looks up a request's progress by reference and date of birth. Every lookup is audited
/// (never the date of birth).
pub async fn lookup_status(
    store: &dyn Store,
    settings: &Settings,
    attempt: &LookupAttempt<'_>,
) -> Result<Lookup, StoreError> {
    let found = guarded_lookup(
        store,
        settings,
        attempt,
        ReferenceKind::Referral,
        "status_lookup",
        |key| async move {
            Ok(store
                .load_referral(&key)
                .await?
                .map(|r| (r.lookup_date_of_birth.clone(), r)))
        },
    )
    .await?;
    Ok(match found {
        Guarded::Found(referral) => {
            Guarded::Found(super::waits::status_with_wait(store, &referral, attempt.now).await?)
        }
        other => other.map(|referral| status_view(&referral)),
    })
}

/// What residents may see. Safeguarding concerns show their steps only, never notes.
pub fn status_view(referral: &StoredReferral) -> StatusView {
    let notes_allowed = referral.kind != CONCERN;
    StatusView {
        reference: referral.reference.clone(),
        status: referral.status.clone(),
        outcome: referral
            .outcome
            .clone()
            .filter(|_| referral.status == "closed"),
        timeline: referral
            .history
            .iter()
            .map(|h| TimelineEntry {
                status: h.status.clone(),
                at: OffsetDateTime::from_unix_timestamp(h.at)
                    .map(rfc3339)
                    .unwrap_or_default(),
                note: (notes_allowed && h.note_visible && !h.note.is_empty())
                    .then(|| h.note.clone()),
            })
            .collect(),
        expected_wait: None,
    }
}

/// What went wrong with a staff status change.
#[derive(Debug, thiserror::Error)]
pub enum ChangeError {
    #[error("{0}")]
    Invalid(String),
    #[error("there is no referral with that reference")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A new status for a request, with how it ended when it is closed.
#[derive(Clone, Copy, Debug, Default)]
pub struct StatusUpdate<'a> {
    pub status: &'a str,
    /// Required when closing.
    pub outcome: Option<&'a str>,
    /// The Client Level Data event outcome (`domain::cld::EVENT_OUTCOMES`), when closing.
    pub event_outcome: Option<&'a str>,
    pub note: &'a str,
    /// Whether the resident and trackers see the note.
    pub note_visible: bool,
}

/// A staff status change: recorded with its history entry, the case-management event and an
/// email to the person and trackers, in one transaction.
pub async fn change_status(
    store: &dyn Store,
    settings: &Settings,
    now: OffsetDateTime,
    reference_input: &str,
    update: &StatusUpdate<'_>,
    actor: &str,
) -> Result<(), ChangeError> {
    let StatusUpdate {
        status,
        outcome,
        event_outcome,
        note,
        note_visible,
    } = *update;
    check_change(status, outcome).map_err(ChangeError::Invalid)?;
    let event_outcome = event_outcome.filter(|_| status == "closed");
    if let Some(code) = event_outcome {
        if !crate::domain::cld::is_one_of(&crate::domain::cld::EVENT_OUTCOMES, code) {
            return Err(ChangeError::Invalid(
                "Select the Client Level Data event outcome from the list".into(),
            ));
        }
    }
    let reference = Reference::parse(ReferenceKind::Referral, reference_input)
        .ok_or(ChangeError::NotFound)?
        .to_string();
    let referral = store
        .load_referral(&reference)
        .await?
        .ok_or(ChangeError::NotFound)?;
    let request: ReferralRequest = serde_json::from_str(&referral.details).unwrap_or_default();
    let label = referral_status::status(status)
        .map(|s| s.label)
        .unwrap_or(status);
    let mut outbox = vec![event_message(
        &reference,
        "referral.status_changed",
        now,
        json!({
            "reference": reference,
            "status": status,
            "outcome": outcome,
            "event_outcome": event_outcome,
            "note": if note_visible { Some(note) } else { None },
            "changed_at": rfc3339(now),
        }),
    )];
    if referral.kind != CONCERN {
        let track_link = format!("{}/track-a-request", settings.public_url);
        for (i, (to, name)) in email_recipients(&request, &referral.trackers)
            .into_iter()
            .enumerate()
        {
            let text = format!(
                "Dear {name},\n\nThere is an update on request {reference}: {label}.\n\n\
                 See the details at {track_link}. You will need the reference and the date of birth \
                 of the person the request is about.\n"
            );
            outbox.push(email_message(
                &reference,
                i,
                &to,
                &format!("Update on {reference}"),
                &text,
            ));
        }
    }
    let change = StatusChange {
        reference,
        step: crate::store::HistoryStep {
            status: status.to_owned(),
            outcome: outcome.map(str::to_owned),
            event_outcome: event_outcome.map(str::to_owned),
            note: note.trim().to_owned(),
            note_visible,
            actor: actor.to_owned(),
            at: now.unix_timestamp(),
        },
        outbox,
    };
    if store.change_referral_status(&change).await? {
        Ok(())
    } else {
        Err(ChangeError::NotFound)
    }
}
