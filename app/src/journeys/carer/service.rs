//! The carers' register (server only; shared by the JSON API and the web journey): register
//! (checked, a `CAR-` reference, written exactly once with a `carer.registered` event and an
//! acknowledgement email to the carer, first name and reference only), open one's own details
//! by reference and date of birth (behind the lookup limits), update them, and withdraw.

use serde_json::json;
use time::OffsetDateTime;

use crate::domain::carer::{CarerRegistration, CheckedCarer};
use crate::domain::checks::iso_date;
use crate::domain::office_hours::{describe_date, uk_local};
use crate::domain::problems::FieldErrors;
use crate::domain::reference::{Reference, ReferenceKind};
use crate::journeys::submission::{
    acknowledgement, event_message, guarded_lookup, rfc3339, write_with_fresh_reference, Guarded,
    LookupAttempt, Submission,
};
use crate::journeys::submission::{SubmitError, Submitted};
use crate::settings::Settings;
use crate::store::{CaredForRecord, CarerUpdate, NewCarerRecord, Store, StoreError, StoredCarer};

/// Checks and writes a registration.
pub async fn register_carer(
    store: &dyn Store,
    submission: &Submission<'_>,
    registration: &CarerRegistration,
) -> Result<Submitted, SubmitError> {
    let checked = registration.check(uk_local(submission.now).date());
    write_with_fresh_reference(
        ReferenceKind::Carer,
        submission,
        "carer registered",
        checked,
        |checked, reference| {
            let record = carer_record(submission, checked, &reference);
            async move { store.create_carer(&record).await }
        },
    )
    .await
}

/// A past registration's record, as `server seed-demo` writes it: as registered, sending
/// nothing.
pub fn past_carer_record(
    submission: &Submission<'_>,
    checked: &CheckedCarer,
    reference: &Reference,
) -> NewCarerRecord {
    NewCarerRecord {
        outbox: Vec::new(),
        ..carer_record(submission, checked, reference)
    }
}

fn carer_record(
    submission: &Submission<'_>,
    checked: &CheckedCarer,
    reference: &Reference,
) -> NewCarerRecord {
    let (settings, now, channel) = (submission.settings, submission.now, &submission.channel);
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
        outbox.push(acknowledgement(
            settings,
            &reference_text,
            0,
            &r.carer.email,
            &format!("You are on the carers' register: {reference_text}"),
            &text,
        ));
    }
    NewCarerRecord {
        reference: reference_text,
        idempotency_key: submission.scoped_key(),
        request_body: submission.request_body.to_owned(),
        channel: channel.code().to_owned(),
        partner: channel.partner(),
        given_name: r.carer.given_name.clone(),
        family_name: r.carer.family_name.clone(),
        date_of_birth: iso_date(checked.date_of_birth),
        phone: r.carer.phone.clone(),
        email: r.carer.email.clone(),
        details: serde_json::to_string(r).unwrap_or_default(),
        cared_for: cared_for_records(r),
        emergency_plan: plan_json(r),
        registered_at: now.unix_timestamp(),
        outbox,
    }
}

fn cared_for_records(r: &CarerRegistration) -> Vec<CaredForRecord> {
    r.cared_for
        .iter()
        .map(|p| CaredForRecord {
            given_name: p.given_name.clone(),
            family_name: p.family_name.clone(),
            date_of_birth: (!p.date_of_birth.is_empty()).then(|| p.date_of_birth.clone()),
            relationship: p.relationship.clone(),
        })
        .collect()
}

fn plan_json(r: &CarerRegistration) -> Option<String> {
    r.emergency_plan
        .as_ref()
        .map(|plan| serde_json::to_string(plan).unwrap_or_default())
}

/// Opens a registered carer's own details by their reference and date of birth, behind the
/// same limits and audit as progress lookups.
pub async fn open_registration(
    store: &dyn Store,
    settings: &Settings,
    attempt: &LookupAttempt<'_>,
) -> Result<Guarded<StoredCarer>, StoreError> {
    guarded_lookup(
        store,
        settings,
        attempt,
        ReferenceKind::Carer,
        "carer_lookup",
        |key| async move {
            Ok(store
                .load_carer(&key)
                .await?
                .filter(|c| c.status == "registered")
                .map(|c| (Some(c.date_of_birth.clone()), c)))
        },
    )
    .await
}

/// Replaces a registered carer's details (checked by the same rules as registering), with a
/// `carer.updated` event. `Ok(Ok(false))`: no registered carer has that reference.
pub async fn update_registration(
    store: &dyn Store,
    now: OffsetDateTime,
    reference: &str,
    registration: &CarerRegistration,
) -> Result<Result<bool, FieldErrors>, StoreError> {
    let checked = match registration.check(uk_local(now).date()) {
        Ok(checked) => checked,
        Err(errors) => return Ok(Err(errors)),
    };
    let r = &checked.registration;
    let update = CarerUpdate {
        reference: reference.to_owned(),
        given_name: r.carer.given_name.clone(),
        family_name: r.carer.family_name.clone(),
        date_of_birth: iso_date(checked.date_of_birth),
        phone: r.carer.phone.clone(),
        email: r.carer.email.clone(),
        details: serde_json::to_string(r).unwrap_or_default(),
        cared_for: cared_for_records(r),
        emergency_plan: plan_json(r),
        at: now.unix_timestamp(),
        outbox: vec![event_message(
            reference,
            "carer.updated",
            now,
            json!({ "reference": reference, "updated_at": rfc3339(now), "registration": r }),
        )],
    };
    // The carer is told, at the address they had and at a new one, so a change they did not
    // make does not go unnoticed.
    let mut to = registered_email(store, reference).await?;
    to.extend(Some(r.carer.email.trim().to_owned()).filter(|e| !e.is_empty()));
    to.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    let mut update = update;
    for (i, address) in to.iter().enumerate() {
        update.outbox.push(change_notice(
            reference,
            i,
            address,
            &format!(
                "Your details on the carers' register ({reference}) were changed on {}.",
                describe_date(uk_local(now).date())
            ),
        ));
    }
    Ok(Ok(store.update_carer(&update).await?))
}

/// The email address on a carer's registration as it stands, if it has one.
async fn registered_email(store: &dyn Store, reference: &str) -> Result<Vec<String>, StoreError> {
    Ok(store
        .load_carer(reference)
        .await?
        .filter(|c| c.status == "registered")
        .and_then(|c| serde_json::from_str::<CarerRegistration>(&c.details).ok())
        .map(|r| r.carer.email.trim().to_owned())
        .filter(|e| !e.is_empty())
        .into_iter()
        .collect())
}

/// An email telling a carer what happened to their registration, and whom to call if it was
/// not them.
fn change_notice(
    reference: &str,
    index: usize,
    to: &str,
    what: &str,
) -> crate::store::NewOutboxMessage {
    crate::journeys::submission::email_message(
        reference,
        index,
        to,
        &format!("Your carers' register details: {reference}"),
        &format!(
            "{what}\n\nIf this was not you, call the Care Line on {} straight away.\n\n\
             If someone is in immediate danger, call 999.\n",
            crate::council::CARE_LINE_PHONE
        ),
    )
}

/// Takes a carer off the register (their details deleted or anonymised at once), with a
/// `carer.withdrawn` event carrying the reference only.
pub async fn withdraw_registration(
    store: &dyn Store,
    now: OffsetDateTime,
    reference: &str,
) -> Result<bool, StoreError> {
    let event = event_message(
        reference,
        "carer.withdrawn",
        now,
        json!({ "reference": reference, "withdrawn_at": rfc3339(now) }),
    );
    let mut outbox = vec![event];
    for (i, address) in registered_email(store, reference).await?.iter().enumerate() {
        outbox.push(change_notice(
            reference,
            i,
            address,
            &format!(
                "Your registration ({reference}) was taken off the carers' register on {}. \
                 Your details, the people you look after and your emergency plan have been \
                 deleted, and your carer's card no longer works.",
                describe_date(uk_local(now).date())
            ),
        ));
    }
    store
        .withdraw_carer(reference, now.unix_timestamp(), &outbox)
        .await
}
