//! Limits on guessing staff passwords and codes that hand nobody a lockout (NIST SP 800-63B
//! 5.2.2). Every attempt is counted before its password or code is weighed, three ways:
//! per email from one client address and per client address (those are locked past their
//! limits, which only stops the guesser), and per email alone (only slowed down, with a growing
//! delay, capped, so a stranger cannot lock a member of staff out). An account that has had
//! `staff_account_failures` (at most 100) failed tries since its last successful sign-in
//! accepts tries only from its usual addresses (where it has signed in before), and its owner
//! and the administrators are told by email and in the audit log as the failures mount.

use crate::errors::PortalError;

use crate::api::context::service_problem;
use crate::store::{AttemptCounts, AuditEntry, SignInAttempt, StaffAccount, Store};

/// The window attempts are counted in, and how long a lock lasts.
pub(crate) const WINDOW: i64 = 15 * 60;
/// How long an address stays one of an account's usual addresses after a sign-in from it.
const USUAL_FOR: i64 = 90 * 24 * 3600;
/// The delay added per attempt on one email (from anywhere) beyond the first few, and its cap.
const DELAY_STEP_MS: i64 = 250;
const DELAY_CAP_MS: i64 = 3_000;

/// What to do with an attempt once it is counted.
pub(crate) enum Gate {
    /// Weigh the password or code; `attempt` is forgotten if it succeeds.
    Weigh { attempt: i64 },
    /// Refuse without weighing; the reason is for the audit log.
    Locked(&'static str),
}

/// The three buckets of an attempt: hashes, never the email or address as typed.
pub(crate) fn attempt(email: &str, client: &str, at: i64) -> SignInAttempt {
    SignInAttempt {
        pair_bucket: hashed("pair", &format!("{email}\n{client}")),
        client_bucket: client_bucket(client),
        email_bucket: hashed("email", email),
        at,
    }
}

pub(crate) fn client_bucket(client: &str) -> String {
    hashed("client", client)
}

fn hashed(kind: &str, text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("portal-staff-{kind}:{text}").as_bytes());
    hex::encode(digest)[..32].to_owned()
}

/// How an email nobody has is named in the audit log: a hash, never as typed (it may be a
/// password typed into the wrong box, or someone's personal address).
pub(crate) fn unknown_email_for_the_audit(email: &str) -> String {
    format!("unknown email #{}", &hashed("audit", email)[..12])
}

/// Counts the attempt, then decides: locked for this pair or address, capped for this
/// account from an unusual address, or weigh it (after a delay when the email is being
/// hammered from elsewhere).
pub(crate) async fn before_weighing(
    store: &dyn Store,
    email: &str,
    client: &str,
    account: Option<&StaffAccount>,
    now: i64,
) -> Result<Gate, PortalError> {
    let settings = crate::api::context::settings();
    let limit = settings.staff_sign_in_failures;
    let attempt = attempt(email, client, now);
    let counts: AttemptCounts = store
        .begin_sign_in_attempt(&attempt, now - WINDOW)
        .await
        .map_err(service_problem)?;
    if counts.pair > limit {
        return Ok(Gate::Locked("locked"));
    }
    if counts.client > limit * 4 {
        return Ok(Gate::Locked("locked_client"));
    }
    let usual = match account {
        Some(account) => store
            .is_known_staff_client(account.id, &attempt.client_bucket, now - USUAL_FOR)
            .await
            .map_err(service_problem)?,
        None => false,
    };
    if let Some(account) = account {
        let tries = store
            .count_staff_try(account.id)
            .await
            .map_err(service_problem)?;
        let cap = settings.staff_account_failures;
        if tries == (limit * 2).min(cap) || tries == cap {
            alert(store, account, tries, now).await?;
        }
        if tries > cap && !usual {
            return Ok(Gate::Locked("account_capped"));
        }
    }
    if !usual {
        let delay = ((counts.email - limit).max(0) * DELAY_STEP_MS).min(DELAY_CAP_MS);
        tokio::time::sleep(std::time::Duration::from_millis(delay as u64)).await;
    }
    Ok(Gate::Weigh { attempt: counts.id })
}

/// A right password or code: the attempt counts against nobody.
pub(crate) async fn succeeded(store: &dyn Store, attempt: i64) -> Result<(), PortalError> {
    store
        .forget_sign_in_attempt(attempt)
        .await
        .map_err(service_problem)
}

/// Signed in: the account's failed tries start again, this address is one of its usual, and
/// every other session of the account ends; returns the account's new session epoch.
pub(crate) async fn signed_in(
    store: &dyn Store,
    account_id: i64,
    client: &str,
    now: i64,
) -> Result<i64, PortalError> {
    store
        .staff_signed_in(account_id, &client_bucket(client), now)
        .await
        .map_err(service_problem)
}

pub(crate) fn locked_message() -> String {
    "You have tried to sign in too many times from here. Wait 15 minutes and try again, or ask an administrator to check your account".to_owned()
}

/// Tells the account's owner and every active administrator (an audit entry and emails)
/// that the account has had `tries` failed tries since it last signed in.
async fn alert(
    store: &dyn Store,
    account: &StaffAccount,
    tries: i64,
    now: i64,
) -> Result<(), PortalError> {
    store
        .record_audit(&AuditEntry {
            at: now,
            actor: "portal".into(),
            action: "sign_in_failures_alert".into(),
            subject: format!("staff:{}", account.email),
            detail: format!("{tries} failed tries since the last sign-in"),
            client: String::new(),
        })
        .await
        .map_err(service_problem)?;
    let members = store.staff_members().await.map_err(service_problem)?;
    let mut to: Vec<&str> = members
        .iter()
        .filter(|m| m.active && m.role == "admin" && m.id != account.id)
        .map(|m| m.email.as_str())
        .collect();
    to.push(&account.email);
    let council = crate::council::COUNCIL_NAME;
    let text = format!(
        "Someone has tried to sign in to {council}'s adult social care back office as {email} and got the \
password or code wrong {tries} times since the account last signed in.\n\n\
If this was not you, tell an administrator. Nobody is locked out: you can still sign in as \
usual, and further tries from other places are slowed down{capped}.\n\n\
Never share your password or your authenticator codes.",
        email = account.email,
        capped = if tries >= crate::api::context::settings().staff_account_failures {
            " and, from now on, refused anywhere you have not signed in from before"
        } else {
            ""
        },
    );
    let messages: Vec<_> = to
        .into_iter()
        .map(|address| crate::store::NewOutboxMessage {
            channel: "email".into(),
            ordering_key: format!("staff/{}/{}", account.id, uuid::Uuid::new_v4().simple()),
            payload: serde_json::json!({
                "to": address,
                "subject": "Failed sign-ins to a staff account",
                "text": text,
            })
            .to_string(),
            quota: None,
        })
        .collect();
    store
        .queue_messages(&messages, now)
        .await
        .map_err(service_problem)
}
