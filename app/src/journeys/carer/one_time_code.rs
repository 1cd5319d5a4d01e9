//! A carer opens their registration to change it or leave in two steps: the reference and
//! date of birth on their card (which a wallet can lose, often beside a driving licence), then
//! a one-time code sent to the email address the registration holds. Without an email address
//! there is no code: the page says to call the Care Line. The code is kept in the session as
//! a hash, works for 15 minutes, and allows 5 tries; at most 10 code emails go to one address
//! a day.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::flow;
use crate::errors::PortalError;
use crate::forms::FieldErrors;

#[cfg(feature = "ssr")]
const PENDING: &str = "carer-code";
#[cfg(feature = "ssr")]
const CODE_SECONDS: i64 = 15 * 60;
#[cfg(feature = "ssr")]
const CODE_TRIES: i64 = 5;
/// Code emails to one address a day.
#[cfg(feature = "ssr")]
const CODES_PER_DAY: i64 = 10;

/// What the "enter the code" page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeState {
    /// Where the code went, partly hidden (`s•••@example.org`).
    pub sent_to: Option<String>,
    /// The registration has no email address: no code could be sent.
    pub no_email: bool,
    /// Nothing is waiting for a code: start again.
    pub start_again: bool,
    pub errors: FieldErrors,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CodeForm {
    pub code: String,
}

/// A code waiting to be typed, in the session.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Pending {
    reference: String,
    /// `None`: the registration has no email address.
    code_hash: Option<String>,
    sent_to: Option<String>,
    expires_at: i64,
    tries: i64,
}

#[cfg(feature = "ssr")]
fn code_hash(reference: &str, code: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(
        format!("portal-carer-code:{reference}:{code}").as_bytes(),
    ))
}

/// Six random digits, each equally likely.
#[cfg(feature = "ssr")]
fn new_code() -> Result<String, PortalError> {
    loop {
        let mut bytes = [0u8; 4];
        getrandom::fill(&mut bytes).map_err(|e| PortalError::internal(e))?;
        let n = u32::from_be_bytes(bytes);
        // The largest multiple of a million that fits: no number is likelier than another.
        if n < 4_294_000_000 {
            return Ok(format!("{:06}", n % 1_000_000));
        }
    }
}

/// `sam@example.org` as `s•••@example.org`.
pub fn partly_hidden(email: &str) -> String {
    match email.trim().split_once('@') {
        Some((name, domain)) => {
            let first: String = name.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "your email address".to_owned(),
    }
}

/// After the reference and date of birth matched: sends a code to the registration's email
/// address (or notes there is none) and keeps its hash in the session.
#[cfg(feature = "ssr")]
pub(crate) async fn send_code(
    drafts: &crate::journeys::drafts::Drafts,
    reference: &str,
    email: &str,
    now: i64,
) -> Result<(), PortalError> {
    use crate::api::context::{service_problem, store};
    let email = email.trim();
    let mut pending = Pending {
        reference: reference.to_owned(),
        expires_at: now + CODE_SECONDS,
        ..Pending::default()
    };
    if !email.is_empty() {
        let code = new_code()?;
        pending.code_hash = Some(code_hash(reference, &code));
        pending.sent_to = Some(partly_hidden(email));
        let text = format!(
            "Your code to change your details on the carers' register, or to leave it, is:\n\n\
             {code}\n\nIt works for 15 minutes. If you did not ask for it, someone may have your \
             carer's card: call the Care Line on {}.\n",
            crate::council::CARE_LINE_PHONE
        );
        // Codes have their own daily cap per address, apart from acknowledgements: someone
        // with a lost card cannot flood the carer's inbox, and the carer still gets theirs.
        let message = crate::journeys::submission::capped_email(
            "carer-code",
            CODES_PER_DAY,
            crate::journeys::submission::email_message(
                reference,
                0,
                email,
                "Your code for the carers' register",
                &text,
            ),
        )
        .with_recipient(email);
        store()?
            .queue_messages(&[message], now)
            .await
            .map_err(service_problem)?;
    }
    drafts.save_answers(PENDING, &Some(pending)).await
}

#[server(endpoint = "carer/code/load")]
pub async fn load_code() -> Result<CodeState, PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let pending = drafts.answers::<Option<Pending>>(PENDING).await?;
    let errors = drafts.take_errors(PENDING, "code").await?;
    Ok(match pending {
        None => CodeState {
            start_again: true,
            errors,
            ..CodeState::default()
        },
        Some(pending) => CodeState {
            no_email: pending.code_hash.is_none(),
            sent_to: pending.sent_to,
            start_again: false,
            errors,
        },
    })
}

/// The code: right, and the registration opens to change; wrong, expired or tried too often,
/// and it says so (the last two mean starting again).
#[server(endpoint = "carer/code")]
pub async fn submit_code(#[server(default)] form: CodeForm) -> Result<(), PortalError> {
    use super::flow::CarerDraft;
    use crate::api::context::{now_unix, service_problem, store};
    use crate::journeys::submission::constant_time_eq;

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let now = now_unix();
    let Some(mut pending) = drafts.answers::<Option<Pending>>(PENDING).await? else {
        leptos_axum::redirect(flow::YOUR_DETAILS_PATH);
        return Ok(());
    };
    let Some(expected) = pending.code_hash.clone() else {
        leptos_axum::redirect(flow::CODE_PATH);
        return Ok(());
    };
    let typed: String = form.code.chars().filter(char::is_ascii_digit).collect();
    let mut errors = FieldErrors::default();
    if now > pending.expires_at {
        drafts.clear(PENDING).await?;
        errors.add(
            "code",
            "This code has expired. Start again to get a new one",
        );
    } else if typed.is_empty() {
        errors.add("code", "Enter the code from the email we sent you");
    } else if !constant_time_eq(
        code_hash(&pending.reference, &typed).as_bytes(),
        expected.as_bytes(),
    ) {
        pending.tries += 1;
        if pending.tries >= CODE_TRIES {
            drafts.clear(PENDING).await?;
            errors.add(
                "code",
                "The code was not right too many times. Start again to get a new one",
            );
        } else {
            drafts.save_answers(PENDING, &Some(pending.clone())).await?;
            errors.add(
                "code",
                "The code is not right. Check the email we sent you and try again",
            );
        }
    } else {
        let store = store()?;
        let carer = store
            .load_carer(&pending.reference)
            .await
            .map_err(service_problem)?
            .filter(|c| c.status == "registered");
        drafts.clear(PENDING).await?;
        if let Some(carer) = carer {
            let registration = serde_json::from_str(&carer.details)?;
            drafts
                .save_answers(
                    super::JOURNEY,
                    &CarerDraft::for_update(&carer.reference, registration),
                )
                .await?;
            store
                .record_audit(&crate::store::AuditEntry {
                    at: now,
                    actor: "carer".into(),
                    action: "carer_opened".into(),
                    subject: carer.reference.clone(),
                    detail: "one-time code".into(),
                    client: String::new(),
                })
                .await
                .map_err(service_problem)?;
            leptos_axum::redirect(flow::CHECK_PATH);
            return Ok(());
        }
        errors.add(
            "code",
            "This registration is no longer on the register. Start again",
        );
    }
    drafts.save_errors(PENDING, "code", &errors).await?;
    leptos_axum::redirect(flow::CODE_PATH);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_shown_partly_hidden() {
        assert_eq!(partly_hidden("sam@example.org"), "s•••@example.org");
        assert_eq!(partly_hidden(" Sam.Patel@example.org "), "S•••@example.org");
        assert_eq!(partly_hidden("nonsense"), "your email address");
    }
}
