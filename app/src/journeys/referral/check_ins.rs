//! Check-ins while waiting: every few weeks (the council's `check_in_weeks`) while a request
//! is open, an email to whoever gave an address for it (the person or whoever asked for them,
//! and the people following it): still waiting, the current estimate, what to do if things
//! get worse, and the Care Line. Never about a safeguarding concern: whoever reads the adult's
//! email may be the one causing harm, and the team keeps in touch with a concern's reporter
//! itself. Server-only; run by the server's hourly worker and `server check-ins`.

use time::OffsetDateTime;

use super::service::email_recipients;
use super::waits::{in_words, wait_for, Waiting};
use crate::domain::referral::ReferralRequest;
use crate::domain::referral_status;
use crate::journeys::submission::{capped_email, email_message};
use crate::settings::Settings;
use crate::store::{NewOutboxMessage, Store, StoreError, StoredReferral};

/// How many due requests are read at a time.
const BATCH: i64 = 200;

/// Sends every check-in due at `now`; how many requests were checked in on. Safe to run in
/// several instances at once: each request's check-in is marked in the transaction that
/// queues its emails, only while it is still due.
pub async fn send_due_check_ins(
    store: &dyn Store,
    settings: &Settings,
    now: OffsetDateTime,
) -> Result<usize, StoreError> {
    if settings.check_in_weeks == 0 {
        return Ok(0);
    }
    let due_before = now.unix_timestamp() - settings.check_in_weeks * 7 * 86_400;
    let mut checked_in = 0;
    loop {
        let due = store.check_ins_due(due_before, BATCH).await?;
        let mut marked = 0;
        for reference in &due {
            let outbox = match store.load_referral(reference).await? {
                Some(referral) => check_in_emails(store, settings, &referral, now).await?,
                None => Vec::new(),
            };
            if store
                .record_check_in(reference, due_before, now.unix_timestamp(), &outbox)
                .await?
            {
                marked += 1;
            }
        }
        checked_in += marked;
        // A batch none of which could be marked is one another instance has just taken.
        if (due.len() as i64) < BATCH || marked == 0 {
            return Ok(checked_in);
        }
    }
}

/// The check-in email to each person who gave an address; first names and the reference
/// only. Each address gets at most the council's daily cap of them (someone following many
/// requests, or a stranger who named them on many, is not flooded).
async fn check_in_emails(
    store: &dyn Store,
    settings: &Settings,
    referral: &StoredReferral,
    now: OffsetDateTime,
) -> Result<Vec<NewOutboxMessage>, StoreError> {
    let request: ReferralRequest = serde_json::from_str(&referral.details).unwrap_or_default();
    let wait = wait_for(store, &Waiting::stored(referral), now).await?;
    let estimate = match wait.as_ref().map(in_words) {
        Some(words) => format!("{} {}", words.when, words.position),
        None => {
            "We cannot yet say when the next step will be. We will be in touch as soon as we can."
                .to_owned()
        }
    };
    let status =
        referral_status::status(&referral.status).map_or(referral.status.as_str(), |s| s.label);
    let reference = &referral.reference;
    let track_link = format!("{}/track-a-request", settings.public_url);
    let care_line = crate::council::CARE_LINE_PHONE;
    let hours = settings.office_hours.describe();
    let out_of_hours = crate::council::OUT_OF_HOURS_PHONE;
    Ok(email_recipients(&request, &referral.trackers)
        .into_iter()
        .enumerate()
        .map(|(i, (to, name))| {
            let text = format!(
                "Dear {name},\n\n\
                 Request {reference} is still open, and we have not forgotten it. Where it is now: {status}.\n\n\
                 {estimate}\n\n\
                 If things have got worse or something has changed, tell us at {track_link} \
                 (you will need the reference and the date of birth of the person the request is about), \
                 or call the Care Line on {care_line}, {hours}. When the office is closed, \
                 call the emergency duty team on {out_of_hours}. If someone is in immediate danger, call 999.\n\n\
                 We will write again in {weeks} weeks if the request is still open.\n",
                weeks = settings.check_in_weeks,
            );
            capped_email(
                "check_in",
                settings.acknowledgements_per_address_day,
                email_message(reference, i, &to, &format!("Still waiting: {reference}"), &text),
            )
            .with_recipient(&to)
        })
        .collect())
}
