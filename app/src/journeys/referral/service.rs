//! Referrals as a service both doors use (the web pages' server functions and the JSON API):
//! checking and writing a request exactly once with the messages it causes, looking up its
//! progress behind rate limits, and staff status changes. Server-only; the rules themselves
//! are in `domain`.

use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::domain::checks::iso_date;
use crate::domain::concern::KIND as CONCERN;
use crate::domain::office_hours::uk_local;
use crate::domain::problems::FieldErrors;
use crate::domain::reference::{Reference, ReferenceKind};
use crate::domain::referral::{CheckedReferral, ReferralRequest};
use crate::domain::referral_status::{self, check_change};
use crate::settings::Settings;
use crate::store::{
    AuditEntry, CreateReferral, NewOutboxMessage, NewReferralRecord, ReferralPerson,
    ReferralReceipt, StatusChange, Store, StoreError, StoredReferral, TrackerRecord,
};

/// Which door a submission came through (idempotency keys are kept apart per door).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Channel {
    /// The web pages.
    Web,
    /// The partner API, through one of its keys: the key's id scopes idempotency keys (two
    /// partners never collide), its name is the channel staff see.
    Api { key_id: i64, key_name: String },
}

impl Channel {
    pub fn code(&self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Api { .. } => "api",
        }
    }

    /// The API key's name, for a partner's submission.
    pub fn partner(&self) -> Option<String> {
        match self {
            Channel::Web => None,
            Channel::Api { key_name, .. } => Some(key_name.clone()),
        }
    }

    /// The scope a client's idempotency key is kept in.
    pub fn idempotency_scope(&self) -> String {
        match self {
            Channel::Web => "web".to_owned(),
            Channel::Api { key_id, .. } => format!("api:{key_id}"),
        }
    }
}

/// What happened to a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submitted {
    Created(ReferralReceipt),
    /// Seen before: the original receipt.
    Replayed(ReferralReceipt),
    Invalid(FieldErrors),
    /// The idempotency key was used before for a different request.
    KeyReused,
}

/// Checks and writes a request. `request_body` is the canonical JSON of what was received
/// (to tell a replay from a reused key). `from_check`: the eligibility self-check's result,
/// when the request came from its "ask for an assessment" (for the dashboard).
#[allow(clippy::too_many_arguments)]
pub async fn submit_referral(
    store: &dyn Store,
    settings: &Settings,
    now: OffsetDateTime,
    channel: Channel,
    idempotency_key: &str,
    request: &ReferralRequest,
    request_body: &str,
    from_check: Option<&str>,
) -> Result<Submitted, StoreError> {
    let checked = match request.check(uk_local(now).date()) {
        Ok(checked) => checked,
        Err(errors) => return Ok(Submitted::Invalid(errors)),
    };
    // 60 random bits make a collision very unlikely; a few tries make it impossible to matter.
    for _ in 0..5 {
        let reference = new_reference(ReferenceKind::Referral)?;
        let mut record = referral_record(
            settings,
            now,
            &channel,
            idempotency_key,
            &checked,
            request_body,
            &reference,
        );
        record.check_result = from_check.map(str::to_owned);
        match store.create_referral(&record).await? {
            CreateReferral::Created(receipt) => {
                tracing::info!(reference = %receipt.reference, channel = channel.code(), "referral received");
                return Ok(Submitted::Created(receipt));
            }
            CreateReferral::Replayed(receipt) => return Ok(Submitted::Replayed(receipt)),
            CreateReferral::KeyReused => return Ok(Submitted::KeyReused),
            CreateReferral::ReferenceTaken => continue,
        }
    }
    Err(StoreError::Unavailable(
        "could not find a free reference".to_owned(),
    ))
}

/// A fresh reference from the operating system's CSPRNG.
pub fn new_reference(kind: ReferenceKind) -> Result<Reference, StoreError> {
    let mut random = [0u8; 8];
    getrandom::fill(&mut random)
        .map_err(|e| StoreError::Unavailable(format!("no randomness: {e}")))?;
    Ok(Reference::from_random(kind, random))
}

fn referral_record(
    settings: &Settings,
    now: OffsetDateTime,
    channel: &Channel,
    idempotency_key: &str,
    checked: &CheckedReferral,
    request_body: &str,
    reference: &Reference,
) -> NewReferralRecord {
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
            "referral": request,
        }),
    );
    let mut outbox = vec![event];
    for (i, (to, name)) in email_recipients(request, &trackers).into_iter().enumerate() {
        let text = received_email_text(settings, checked, &reference_text, &name);
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
        idempotency_key: format!("{}:{idempotency_key}", channel.idempotency_scope()),
        request_body: request_body.to_owned(),
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
    }
}

/// The acknowledgement: the first name and reference only, what happens next, and how to
/// follow it (a safeguarding concern's reporter follows it with their own date of birth).
fn received_email_text(
    settings: &Settings,
    checked: &CheckedReferral,
    reference: &str,
    name: &str,
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
    format!(
        "Dear {name},\n\n\
         We have received a request to Exampleshire adult social care. The reference is {reference}.\n\n\
         {next}\n\n{follow}\n\n\
         If someone is in immediate danger, call 999.\n"
    )
}

/// Who is emailed about a referral: the person (or, when someone asked for them, that
/// someone) and every tracker with an email address. Only first names go in the message.
/// A safeguarding concern is acknowledged to its reporter only, never to the adult (whoever
/// reads their email may be the one causing harm).
fn email_recipients(
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

pub(crate) fn email_message(
    reference: &str,
    index: usize,
    to: &str,
    subject: &str,
    text: &str,
) -> NewOutboxMessage {
    NewOutboxMessage {
        channel: "email".into(),
        ordering_key: format!("{reference}/{index}/{}", uuid::Uuid::new_v4().simple()),
        payload: json!({ "to": to, "subject": subject, "text": text }).to_string(),
        quota: None,
    }
}

/// An email acknowledging a submission: anyone can make the council send one, to any
/// address, so each address gets at most the council's few a day.
pub(crate) fn acknowledgement(
    settings: &Settings,
    reference: &str,
    index: usize,
    to: &str,
    subject: &str,
    text: &str,
) -> NewOutboxMessage {
    capped_email(
        "acknowledgement",
        settings.acknowledgements_per_address_day,
        email_message(reference, index, to, subject, text),
    )
    .with_recipient(to)
}

/// `message`, to be written only while its recipient has had fewer than `per_day` emails of
/// this `kind` today (counted per address, whoever caused them).
pub(crate) fn capped_email(kind: &str, per_day: i64, message: NewOutboxMessage) -> CappedEmail {
    CappedEmail {
        kind: kind.to_owned(),
        per_day,
        message,
    }
}

/// An email on its way to a daily cap: needs its recipient's address to count it by.
pub(crate) struct CappedEmail {
    kind: String,
    per_day: i64,
    message: NewOutboxMessage,
}

impl CappedEmail {
    pub(crate) fn with_recipient(self, to: &str) -> NewOutboxMessage {
        let bucket = hex::encode(Sha256::digest(
            format!("portal-{}:{}", self.kind, to.trim().to_lowercase()).as_bytes(),
        ));
        NewOutboxMessage {
            quota: Some(crate::store::EmailQuota {
                bucket,
                per_day: self.per_day,
            }),
            ..self.message
        }
    }
}

pub(crate) fn event_message(
    reference: &str,
    kind: &str,
    now: OffsetDateTime,
    data: serde_json::Value,
) -> NewOutboxMessage {
    NewOutboxMessage {
        channel: "event".into(),
        ordering_key: reference.to_owned(),
        payload: json!({
            "event_id": uuid::Uuid::new_v4().to_string(),
            "type": kind,
            "occurred_at": rfc3339(now),
            "data": data,
        })
        .to_string(),
        quota: None,
    }
}

pub fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Found(StatusView),
    /// Wrong reference or wrong date of birth: the same answer either way.
    NotFound,
    /// Too many misses from this client or for this reference.
    RateLimited {
        retry_after_seconds: i64,
    },
}

const CLIENT_WINDOW: i64 = 15 * 60;
const REFERENCE_WINDOW: i64 = 24 * 60 * 60;

/// How a guarded lookup went: a record opened by its reference and a date of birth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Guarded<T> {
    Found(T),
    /// Wrong reference or wrong date of birth: the same answer either way.
    NotFound,
    /// Too many misses from this client or for this reference.
    RateLimited {
        retry_after_seconds: i64,
    },
}

/// Opens a record by reference and date of birth (`YYYY-MM-DD`) for the client at
/// `client_address`, behind the lookup limits (misses per client in 15 minutes and per
/// reference in a day, counted in the store so every instance shares them). `load` reads the
/// record and the date of birth that opens it. Every attempt is audited as `action` (never
/// with the date of birth). Progress lookups and carers' own details both come through here.
#[allow(clippy::too_many_arguments)]
pub async fn guarded_lookup<T, Fut>(
    store: &dyn Store,
    settings: &Settings,
    now: OffsetDateTime,
    client_address: &str,
    kind: ReferenceKind,
    reference_input: &str,
    date_of_birth: &str,
    action: &str,
    load: impl FnOnce(String) -> Fut,
) -> Result<Guarded<T>, StoreError>
where
    Fut: std::future::Future<Output = Result<Option<(Option<String>, T)>, StoreError>>,
{
    let at = now.unix_timestamp();
    let client = client_bucket(client_address);
    let reference = Reference::parse(kind, reference_input).map(|r| r.to_string());
    // An unparseable reference still costs a query, so timing does not tell them apart.
    let key = reference
        .clone()
        .unwrap_or_else(|| format!("{}-0000-0000-0000", kind.prefix()));
    let reference_bucket = format!("reference:{key}");
    let client_misses = store
        .count_lookup_failures(&client, at - CLIENT_WINDOW)
        .await?;
    let reference_misses = store
        .count_lookup_failures(&reference_bucket, at - REFERENCE_WINDOW)
        .await?;
    let audit = |detail: &str| AuditEntry {
        at,
        actor: client.clone(),
        action: action.into(),
        subject: reference
            .clone()
            .unwrap_or_else(|| "(not a reference)".into()),
        detail: detail.into(),
        client: String::new(),
    };
    if client_misses >= settings.lookup_failures_per_client {
        store.record_audit(&audit("rate_limited_client")).await?;
        return Ok(Guarded::RateLimited {
            retry_after_seconds: CLIENT_WINDOW,
        });
    }
    if reference.is_some() && reference_misses >= settings.lookup_failures_per_reference {
        store.record_audit(&audit("rate_limited_reference")).await?;
        return Ok(Guarded::RateLimited {
            retry_after_seconds: REFERENCE_WINDOW,
        });
    }
    let loaded = load(key).await?;
    let found = loaded.filter(|(dob, _)| {
        reference.is_some()
            && dob.as_deref().is_some_and(|dob| {
                constant_time_eq(dob.as_bytes(), date_of_birth.trim().as_bytes())
            })
    });
    match found {
        Some((_, record)) => {
            store.record_audit(&audit("found")).await?;
            Ok(Guarded::Found(record))
        }
        None => {
            store.record_lookup_failure(&client, at).await?;
            if reference.is_some() {
                store.record_lookup_failure(&reference_bucket, at).await?;
            }
            store.record_audit(&audit("not_found")).await?;
            Ok(Guarded::NotFound)
        }
    }
}

/// Looks up a request's progress by reference and date of birth (`YYYY-MM-DD`), for the
/// client at `client_address`. Every lookup is audited (never the date of birth).
pub async fn lookup_status(
    store: &dyn Store,
    settings: &Settings,
    now: OffsetDateTime,
    client_address: &str,
    reference_input: &str,
    date_of_birth: &str,
) -> Result<Lookup, StoreError> {
    let found = guarded_lookup(
        store,
        settings,
        now,
        client_address,
        ReferenceKind::Referral,
        reference_input,
        date_of_birth,
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
        Guarded::Found(referral) => Lookup::Found(status_view(&referral)),
        Guarded::NotFound => Lookup::NotFound,
        Guarded::RateLimited {
            retry_after_seconds,
        } => Lookup::RateLimited {
            retry_after_seconds,
        },
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
    }
}

/// A pseudonymous bucket for a client address: its addresses are not kept.
fn client_bucket(address: &str) -> String {
    let digest = Sha256::digest(format!("portal-lookup-client:{address}").as_bytes());
    format!("client:{}", &hex::encode(digest)[..24])
}

/// Compares secrets in time that does not depend on where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
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

/// A staff status change: recorded with its history entry, the case-management event and an
/// email to the person and trackers, in one transaction.
#[allow(clippy::too_many_arguments)]
pub async fn change_status(
    store: &dyn Store,
    settings: &Settings,
    now: OffsetDateTime,
    reference_input: &str,
    status: &str,
    outcome: Option<&str>,
    note: &str,
    note_visible: bool,
    actor: &str,
) -> Result<(), ChangeError> {
    check_change(status, outcome).map_err(ChangeError::Invalid)?;
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
        status: status.to_owned(),
        outcome: outcome.map(str::to_owned),
        note: note.trim().to_owned(),
        note_visible,
        actor: actor.to_owned(),
        at: now.unix_timestamp(),
        outbox,
    };
    if store.change_referral_status(&change).await? {
        Ok(())
    } else {
        Err(ChangeError::NotFound)
    }
}
