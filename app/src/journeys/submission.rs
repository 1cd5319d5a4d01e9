//! What every door's submissions share (requests, concerns, carers' registrations; the web
//! pages and the JSON API): which door it came through, fresh references, the emails and
//! events written with it in the same transaction (acknowledgements capped per address), and
//! records opened by reference and date of birth behind the lookup limits. Server-only.

use serde_json::json;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::domain::problems::FieldErrors;
use crate::domain::reference::{Reference, ReferenceKind};
use crate::settings::Settings;
use crate::store::{
    AuditEntry, CreateReferral, NewOutboxMessage, ReferralReceipt, Store, StoreError,
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

/// Why a submission could not be written (the person is told the service has a problem; the
/// log says which).
#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Every fresh reference tried was taken: with 60 random bits, not expected in the life
    /// of the service, but an outcome rather than an outage.
    #[error("no free reference after several tries")]
    NoFreeReference,
    /// The operating system gave no randomness.
    #[error("no randomness: {0}")]
    NoRandomness(String),
}

/// One submission as it arrives: when, through which door, under which idempotency key, and
/// the canonical JSON of what was received (to tell a replay from a reused key).
pub struct Submission<'a> {
    pub settings: &'a Settings,
    pub now: OffsetDateTime,
    pub channel: Channel,
    pub idempotency_key: &'a str,
    pub request_body: &'a str,
}

impl Submission<'_> {
    /// The key a replay is recognised by: the door's scope and the client's key.
    pub fn scoped_key(&self) -> String {
        format!(
            "{}:{}",
            self.channel.idempotency_scope(),
            self.idempotency_key
        )
    }
}

/// Writes a checked submission (or answers `Invalid` with its problems) under a fresh
/// reference of `kind`, trying another when `write` finds it taken: 60 random bits make a
/// collision very unlikely, and a few tries make it impossible to matter. A new one is
/// logged as `what` ("referral received"), by reference and door only.
pub async fn write_with_fresh_reference<Checked, Fut>(
    kind: ReferenceKind,
    submission: &Submission<'_>,
    what: &'static str,
    checked: Result<Checked, FieldErrors>,
    mut write: impl FnMut(&Checked, Reference) -> Fut,
) -> Result<Submitted, SubmitError>
where
    Fut: std::future::Future<Output = Result<CreateReferral, StoreError>>,
{
    let checked = match checked {
        Ok(checked) => checked,
        Err(errors) => return Ok(Submitted::Invalid(errors)),
    };
    for _ in 0..5 {
        match write(&checked, new_reference(kind)?).await? {
            CreateReferral::Created(receipt) => {
                let channel = submission.channel.code();
                tracing::info!(reference = %receipt.reference, channel, "{what}");
                return Ok(Submitted::Created(receipt));
            }
            CreateReferral::Replayed(receipt) => return Ok(Submitted::Replayed(receipt)),
            CreateReferral::KeyReused => return Ok(Submitted::KeyReused),
            CreateReferral::ReferenceTaken => continue,
        }
    }
    Err(SubmitError::NoFreeReference)
}

/// A fresh reference from the operating system's CSPRNG.
pub fn new_reference(kind: ReferenceKind) -> Result<Reference, SubmitError> {
    let mut random = [0u8; 8];
    getrandom::fill(&mut random).map_err(|e| SubmitError::NoRandomness(e.to_string()))?;
    Ok(Reference::from_random(kind, random))
}

pub fn email_message(
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
pub fn acknowledgement(
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
pub fn capped_email(kind: &str, per_day: i64, message: NewOutboxMessage) -> CappedEmail {
    CappedEmail {
        kind: kind.to_owned(),
        per_day,
        message,
    }
}

/// An email on its way to a daily cap: needs its recipient's address to count it by.
pub struct CappedEmail {
    kind: String,
    per_day: i64,
    message: NewOutboxMessage,
}

impl CappedEmail {
    pub fn with_recipient(self, to: &str) -> NewOutboxMessage {
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

pub fn event_message(
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

impl<T> Guarded<T> {
    /// The record, if found.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Guarded<U> {
        match self {
            Guarded::Found(record) => Guarded::Found(f(record)),
            Guarded::NotFound => Guarded::NotFound,
            Guarded::RateLimited {
                retry_after_seconds,
            } => Guarded::RateLimited {
                retry_after_seconds,
            },
        }
    }

    /// What the lookup page says on a miss: `what` was not found ("a request"), or try again
    /// later or `instead` ("call the Care Line ... to ask about the request"). `None` when
    /// found.
    pub fn miss_message(&self, what: &str, instead: &str) -> Option<String> {
        match self {
            Guarded::Found(_) => None,
            Guarded::NotFound => Some(format!(
                "We could not find {what} with that reference and date of birth. Check them and try again"
            )),
            Guarded::RateLimited {
                retry_after_seconds,
            } => Some(crate::domain::waiting::try_again_sentence(
                *retry_after_seconds,
                instead,
            )),
        }
    }
}

/// One try at opening a record: when, from which client, and what was typed.
pub struct LookupAttempt<'a> {
    pub now: OffsetDateTime,
    /// The client's address, which the limits count misses against.
    pub client_address: &'a str,
    /// The reference as typed.
    pub reference: &'a str,
    /// `YYYY-MM-DD`.
    pub date_of_birth: &'a str,
}

/// Opens a record by reference and date of birth for the attempt's client, behind the lookup limits (misses per client in 15 minutes and per
/// reference in a day, counted in the store so every instance shares them). `load` reads the
/// record and the date of birth that opens it. Every attempt is audited as `action` (never
/// with the date of birth). Progress lookups and carers' own details both come through here.
pub async fn guarded_lookup<T, Fut>(
    store: &dyn Store,
    settings: &Settings,
    attempt: &LookupAttempt<'_>,
    kind: ReferenceKind,
    action: &str,
    load: impl FnOnce(String) -> Fut,
) -> Result<Guarded<T>, StoreError>
where
    Fut: std::future::Future<Output = Result<Option<(Option<String>, T)>, StoreError>>,
{
    let at = attempt.now.unix_timestamp();
    let client = client_bucket(attempt.client_address);
    let reference = Reference::parse(kind, attempt.reference).map(|r| r.to_string());
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
                constant_time_eq(dob.as_bytes(), attempt.date_of_birth.trim().as_bytes())
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

/// A pseudonymous bucket for a client address: its addresses are not kept.
pub(crate) fn client_bucket(address: &str) -> String {
    let digest = Sha256::digest(format!("portal-lookup-client:{address}").as_bytes());
    format!("client:{}", &hex::encode(digest)[..24])
}

/// Compares secrets in time that does not depend on where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
