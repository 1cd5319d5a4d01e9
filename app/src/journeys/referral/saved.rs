//! "Save and come back later": the draft is stored under the hash of a one-time code (60
//! random bits, shown once, never emailed: email may not be safe for someone at risk), kept
//! for the council's configured number of days, and deleted when the request is sent.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::problems::FieldErrors;
use crate::errors::PortalError;
#[cfg(feature = "ssr")]
use crate::journeys::flow::Journey;

pub const SAVE_PATH: &str = "/request-an-assessment/save";
pub const RETURN_PATH: &str = "/request-an-assessment/return";
#[cfg(feature = "ssr")]
const SAVED: &str = "referral:saved";
#[cfg(feature = "ssr")]
const RETURN_JOURNEY: &str = "referral-return";

/// What the save page shows after saving.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedCode {
    pub code: String,
    /// "22 December 2026".
    pub until: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveState {
    pub saved: Option<SavedCode>,
    pub has_answers: bool,
    pub days: u16,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReturnForm {
    pub code: String,
}

impl ReturnForm {
    pub fn problems(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if self.code.trim().is_empty() {
            errors.add(
                "code",
                "Enter the code you were given, like RTN-7K3M-9QX2-HD4P",
            );
        }
        errors
    }
}

#[cfg(feature = "ssr")]
fn code_hash(canonical_code: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(
        format!("portal-saved-answers:{canonical_code}").as_bytes(),
    ))
}

#[server(endpoint = "referral/save-state")]
pub async fn load_save_state() -> Result<SaveState, PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let draft = drafts
        .answers::<super::flow::ReferralDraft>(super::JOURNEY)
        .await?;
    let saved = drafts.answers::<Option<SavedCode>>(SAVED).await?;
    Ok(SaveState {
        saved,
        has_answers: draft != Default::default(),
        days: crate::api::context::settings().saved_draft_days,
    })
}

/// Saves the draft and shows its code.
#[server(endpoint = "referral/save")]
pub async fn save_for_later() -> Result<(), PortalError> {
    use crate::api::context::{service_problem, settings, store};
    use crate::domain::reference::ReferenceKind;
    use crate::journeys::submission::new_reference;
    use crate::store::SavedDraft;

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let mut draft = drafts
        .answers::<super::flow::ReferralDraft>(super::JOURNEY)
        .await?;
    let code = new_reference(ReferenceKind::SavedAnswers)
        .map_err(service_problem)?
        .to_string();
    let now = time::OffsetDateTime::now_utc();
    let expires = now + time::Duration::days(i64::from(settings().saved_draft_days));
    let store = store()?;
    if let Some(old) = draft.saved_code_hash.take() {
        store.delete_draft(&old).await.map_err(service_problem)?;
    }
    let hash = code_hash(&code);
    draft.saved_code_hash = Some(hash.clone());
    let saved = SavedDraft {
        code_hash: hash,
        journey: super::JOURNEY.to_owned(),
        data: serde_json::to_string(&draft)?,
        expires_at: expires.unix_timestamp(),
    };
    store.save_draft(&saved).await.map_err(service_problem)?;
    drafts.save_answers(super::JOURNEY, &draft).await?;
    use crate::domain::office_hours::{describe_date, uk_local};
    let shown = SavedCode {
        code,
        until: describe_date(uk_local(expires).date()),
    };
    drafts.save_answers(SAVED, &Some(shown)).await?;
    leptos_axum::redirect(SAVE_PATH);
    Ok(())
}

#[server(endpoint = "referral/return-state")]
pub async fn load_return_state() -> Result<FieldErrors, PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    drafts.take_errors(RETURN_JOURNEY, "code").await
}

/// Brings saved answers back into this session and goes to the first question left.
#[server(endpoint = "referral/return")]
pub async fn return_to_saved(#[server(default)] form: ReturnForm) -> Result<(), PortalError> {
    use crate::api::context::{service_problem, store};
    use crate::domain::reference::{Reference, ReferenceKind};

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let mut errors = form.problems();
    if errors.is_empty() {
        let now = time::OffsetDateTime::now_utc();
        let found = match Reference::parse(ReferenceKind::SavedAnswers, &form.code) {
            Some(code) => store()?
                .load_draft(&code_hash(&code.to_string()), now.unix_timestamp())
                .await
                .map_err(service_problem)?,
            None => None,
        };
        if let Some(saved) = found {
            let draft: super::flow::ReferralDraft = serde_json::from_str(&saved.data)?;
            drafts.save_answers(super::JOURNEY, &draft).await?;
            let today = crate::domain::office_hours::uk_local(now).date();
            leptos_axum::redirect(&super::flow::ReferralPage::resume_path(&draft, today));
            return Ok(());
        }
        errors.add(
            "code",
            "We could not find saved answers with that code. Check it and try again. Codes stop working after the date we showed you",
        );
    }
    drafts.save_errors(RETURN_JOURNEY, "code", &errors).await?;
    leptos_axum::redirect(RETURN_PATH);
    Ok(())
}
