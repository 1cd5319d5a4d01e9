//! "Estimate what you might pay": the journey's pages as data (`journey`) and the server
//! functions its pages post to. The answers live in the session only and are deleted when it
//! ends, or at once with "Delete my answers"; nothing is stored. The estimate uses the same
//! domain calculators and the council's configured policy as the JSON API.

pub mod flow;
pub mod pages;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::charging::Estimate;
use crate::errors::PortalError;
#[cfg(feature = "ssr")]
use crate::journeys::flow::Journey;
use crate::journeys::flow::PageState;
use flow::{EstimateDraft, EstimateForm, EstimatePage};

#[cfg(feature = "ssr")]
const JOURNEY: &str = <EstimatePage as crate::journeys::flow::Journey>::KEY;

/// What the result page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EstimateResult {
    pub care_type: String,
    pub estimate: Estimate,
    /// Where the council's choices are published.
    pub policy_source: String,
}

/// The estimate from the draft as it stands, once savings and income are answered (until
/// then a figure would mislead).
#[cfg(feature = "ssr")]
fn estimate_so_far(draft: &EstimateDraft) -> Option<Estimate> {
    use flow::rates_year;
    let today = crate::forms::today();
    let money_answered = EstimatePage::QUESTIONS
        .into_iter()
        .take_while(|p| *p != EstimatePage::HousingCosts)
        .filter(|p| p.applies(draft))
        .all(|p| draft.problems(p, today).is_empty());
    if !money_answered {
        return None;
    }
    let tables = crate::domain::charging::RateTables::published();
    let settings = crate::api::context::settings();
    let year = rates_year(tables, today);
    draft
        .estimate(tables, &settings.charging_policy, &year, today)
        .ok()
}

#[server(endpoint = "estimate/load")]
pub async fn load_estimate(page: EstimatePage) -> Result<PageState<EstimateDraft>, PortalError> {
    let mut state = crate::journeys::flow::load_page(page).await?;
    state.running_result =
        estimate_so_far(&state.draft).map(|estimate| flow::so_far_words(&estimate));
    Ok(state)
}

/// The estimate so far with what the page holds now, for the live figure JavaScript shows as
/// answers change. Nothing is saved: the page's own post does that.
#[server(endpoint = "estimate/preview")]
pub async fn preview_estimate(
    page: EstimatePage,
    #[server(default)] form: EstimateForm,
) -> Result<String, PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let mut draft = drafts.answers::<EstimateDraft>(JOURNEY).await?;
    draft.apply(page, &form, crate::forms::today());
    Ok(estimate_so_far(&draft)
        .map(|estimate| flow::so_far_words(&estimate))
        .unwrap_or_default())
}

crate::journeys::flow::question_server_fns!(save: save_estimate_answer = "estimate/answer", page: EstimatePage, draft: EstimateDraft, form: EstimateForm);

/// The estimate for a finished draft, or `None` if a question is still to answer (the
/// page then sends the person on to it).
#[server(endpoint = "estimate/result")]
pub async fn load_estimate_result() -> Result<Option<EstimateResult>, PortalError> {
    use crate::domain::charging::RateTables;

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let draft = drafts.answers::<EstimateDraft>(JOURNEY).await?;
    let today = crate::forms::today();
    if draft.care_type.is_empty() || EstimatePage::first_unfinished(&draft, today).is_some() {
        return Ok(None);
    }
    let tables = RateTables::published();
    let settings = crate::api::context::settings();
    let year = flow::rates_year(tables, today);
    let Ok(estimate) = draft.estimate(tables, &settings.charging_policy, &year, today) else {
        return Ok(None);
    };
    Ok(Some(EstimateResult {
        care_type: draft.care_type.clone(),
        estimate,
        policy_source: settings.charging_policy.source.clone(),
    }))
}

/// "Delete my answers": the draft goes now, not when the session ends.
#[server(endpoint = "estimate/delete")]
pub async fn delete_estimate_answers() -> Result<(), PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    drafts.clear(JOURNEY).await?;
    leptos_axum::redirect(&format!("{}?deleted=yes", flow::BASE));
    Ok(())
}

/// "Ask for an assessment and include this estimate": the request journey starts with the
/// estimate attached (its figure and what it rests on, not the money answers), then asks its
/// own questions. Only by the person's choice: the other button leaves it out.
#[server(endpoint = "estimate/attach")]
pub async fn attach_estimate() -> Result<(), PortalError> {
    use crate::domain::charging::EstimateSummary;
    use crate::journeys::referral::flow::{ReferralDraft, ReferralPage};
    use crate::journeys::referral::JOURNEY as REFERRAL;

    let Some(result) = load_estimate_result().await? else {
        leptos_axum::redirect(flow::RESULT_PATH);
        return Ok(());
    };
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let mut referral = drafts.answers::<ReferralDraft>(REFERRAL).await?;
    referral.request.estimate = Some(EstimateSummary::of(&result.estimate, &result.care_type));
    if referral.submission_key.is_empty() {
        referral.submission_key = uuid::Uuid::new_v4().to_string();
    }
    drafts.save_answers(REFERRAL, &referral).await?;
    leptos_axum::redirect(&ReferralPage::resume_path(&referral, crate::forms::today()));
    Ok(())
}
