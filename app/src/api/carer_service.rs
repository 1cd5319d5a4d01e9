//! Registering a carer (server only; shared by the JSON API and, later, the web journey):
//! check the registration, give it a `CAR-` reference, and write it exactly once with its
//! outbox messages: a `carer.registered` event for the case-management system and an
//! acknowledgement to the carer if they gave an email address (first name and reference only).

use serde_json::json;
use time::OffsetDateTime;

use crate::api::referral_service::{
    email_message, event_message, new_reference, rfc3339, Channel, Submitted,
};
use crate::domain::carer::{CarerRegistration, CheckedCarer};
use crate::domain::checks::iso_date;
use crate::domain::office_hours::uk_local;
use crate::domain::reference::{Reference, ReferenceKind};
use crate::settings::Settings;
use crate::store::{CaredForRecord, CreateReferral, NewCarerRecord, Store, StoreError};

/// Checks and writes a registration. `request_body` is the canonical JSON of what was
/// received (to tell a replay from a reused key).
pub async fn register_carer(
    store: &dyn Store,
    settings: &Settings,
    now: OffsetDateTime,
    channel: Channel,
    idempotency_key: &str,
    registration: &CarerRegistration,
    request_body: &str,
) -> Result<Submitted, StoreError> {
    let checked = match registration.check(uk_local(now).date()) {
        Ok(checked) => checked,
        Err(errors) => return Ok(Submitted::Invalid(errors)),
    };
    for _ in 0..5 {
        let reference = new_reference(ReferenceKind::Carer)?;
        let record = carer_record(
            settings,
            now,
            channel,
            idempotency_key,
            &checked,
            request_body,
            &reference,
        );
        match store.create_carer(&record).await? {
            CreateReferral::Created(receipt) => {
                tracing::info!(reference = %receipt.reference, channel = channel.code(), "carer registered");
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

fn carer_record(
    settings: &Settings,
    now: OffsetDateTime,
    channel: Channel,
    idempotency_key: &str,
    checked: &CheckedCarer,
    request_body: &str,
    reference: &Reference,
) -> NewCarerRecord {
    let r = &checked.registration;
    let reference_text = reference.to_string();
    let mut outbox = vec![event_message(
        &reference_text,
        "carer.registered",
        now,
        json!({
            "reference": reference_text,
            "status": "registered",
            "registered_at": rfc3339(now),
            "registration": r,
        }),
    )];
    if !r.carer.email.is_empty() {
        let text = format!(
            "Dear {name},\n\n\
             You are on Exampleshire's carers' register. Your carer reference is {reference_text}.\n\n\
             Keep your carer's card with you. If something happens to you, whoever finds it can call \
             us and we will make sure the person you look after is safe.\n\n\
             You can ask for a carer's assessment at any time: call the Care Line or go to {url}.\n\n\
             If someone is in immediate danger, call 999.\n",
            name = r.carer.given_name,
            url = format!("{}/request-an-assessment", settings.public_url),
        );
        outbox.push(email_message(
            &reference_text,
            0,
            &r.carer.email,
            &format!("You are on the carers' register: {reference_text}"),
            &text,
        ));
    }
    NewCarerRecord {
        reference: reference_text,
        idempotency_key: format!("{}:{idempotency_key}", channel.code()),
        request_body: request_body.to_owned(),
        channel: channel.code().to_owned(),
        given_name: r.carer.given_name.clone(),
        family_name: r.carer.family_name.clone(),
        date_of_birth: iso_date(checked.date_of_birth),
        phone: r.carer.phone.clone(),
        email: r.carer.email.clone(),
        details: serde_json::to_string(r).unwrap_or_default(),
        cared_for: r
            .cared_for
            .iter()
            .map(|p| CaredForRecord {
                given_name: p.given_name.clone(),
                family_name: p.family_name.clone(),
                date_of_birth: (!p.date_of_birth.is_empty()).then(|| p.date_of_birth.clone()),
                relationship: p.relationship.clone(),
            })
            .collect(),
        emergency_plan: r
            .emergency_plan
            .as_ref()
            .map(|plan| serde_json::to_string(plan).unwrap_or_default()),
        registered_at: now.unix_timestamp(),
        outbox,
    }
}
