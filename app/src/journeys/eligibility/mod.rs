//! "Check if you can get care and support": the journey's pages as data (`journey`) and the
//! server functions its pages post to. The answers live in the session only; the result
//! page explains the verdict, suggests help that fits, and can hand the answers to a
//! request for an assessment.

pub mod flow;
pub mod pages;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::guidance::ContentLink;
use crate::domain::eligibility::Reason;
use crate::errors::PortalError;
#[cfg(feature = "ssr")]
use crate::journeys::flow::Journey;
use flow::{CheckDraft, CheckForm, CheckPage};

#[cfg(feature = "ssr")]
pub(crate) const JOURNEY: &str = <CheckPage as crate::journeys::flow::Journey>::KEY;

/// Guidance pages that help with each outcome (the mapping is data: edit it here).
#[cfg(feature = "ssr")]
const GUIDANCE_FOR_OUTCOME: &[(&str, &[&str])] = &[
    ("nutrition", &["help-at-home"]),
    ("personal_hygiene", &["help-at-home"]),
    ("toilet_needs", &["help-at-home", "staying-independent"]),
    ("being_clothed", &["help-at-home"]),
    ("home_safety", &["staying-independent"]),
    (
        "habitable_home",
        &["staying-independent", "housing-and-homelessness"],
    ),
    ("relationships", &["mental-health"]),
    (
        "work_training_education_volunteering",
        &["learning-disability-and-autism"],
    ),
    ("community_services", &["staying-independent"]),
    ("caring_for_child", &["support-for-carers"]),
];

/// What the result page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckResult {
    pub result: String,
    pub for_me: bool,
    pub carer: bool,
    pub reasons: Vec<Reason>,
    /// The everyday things that are hard, in plain words.
    pub unmet: Vec<String>,
    pub services: Vec<ContentLink>,
    pub guidance: Vec<ContentLink>,
}

crate::journeys::flow::question_server_fns!(load: load_check = "eligibility/load", page: CheckPage, draft: CheckDraft);
/// Saves one question page and moves on (the check's answers do not depend on the date).
#[server(endpoint = "eligibility/answer")]
pub async fn save_check_answer(
    page: CheckPage,
    #[server(default)] form: CheckForm,
) -> Result<(), PortalError> {
    let return_to = form.return_to.clone();
    let update = |draft: &mut CheckDraft, _| draft.apply(page, &form);
    crate::journeys::flow::save_answer(page, return_to.as_deref(), update).await
}

/// The result of a finished check, or `None` if the check is not finished (the page then
/// sends the person to the first question still to answer).
#[server(endpoint = "eligibility/result")]
pub async fn load_check_result() -> Result<Option<CheckResult>, PortalError> {
    use crate::api::directory::{oruk_view, DIRECTORY_BASE};
    use crate::api::guidance::page_href;
    use crate::store::ServiceQuery;
    use flow::outcome_words;

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let draft = drafts.answers::<CheckDraft>(JOURNEY).await?;
    if draft.for_whom.is_empty()
        || CheckPage::first_unfinished(&draft, crate::forms::today()).is_some()
    {
        return Ok(None);
    }
    let Ok(verdict) = draft.verdict() else {
        return Ok(None);
    };
    let carer = draft.is_carer_check();
    let store = crate::api::context::store()?;
    let terms = store.directory_terms().await?;
    let mut services: Vec<ContentLink> = Vec::new();
    // (id, name) of each service suggested, for the dashboard's count.
    let mut suggested: Vec<(String, String)> = Vec::new();
    for code in verdict.unmet_outcomes.iter().take(4) {
        let term_code = if carer {
            format!("carer:{code}")
        } else {
            code.clone()
        };
        let Some(term) = terms.iter().find(|t| t.code == term_code) else {
            continue;
        };
        let found = store
            .find_services(&ServiceQuery {
                term_ids: vec![term.id.clone()],
                full: true,
                page: 1,
                per_page: 3,
                ..ServiceQuery::default()
            })
            .await?;
        for document in &found.documents {
            let Ok(service) = serde_json::from_str::<serde_json::Value>(document) else {
                continue;
            };
            let summary = oruk_view::summary(&service);
            let href = format!("{DIRECTORY_BASE}/{}", summary.id);
            if services.iter().all(|s| s.href != href) {
                suggested.push((summary.id.clone(), summary.name.clone()));
                services.push(ContentLink {
                    href,
                    title: summary.name,
                    summary: summary.summary,
                });
            }
        }
    }
    if !suggested.is_empty() {
        let week = crate::domain::demand::week_of(crate::api::context::now_unix());
        // Only a count: if it cannot be written, the resident's page is shown all the same.
        if let Err(error) = store.count_suggestions(week, &suggested).await {
            tracing::warn!(%error, "could not count the services suggested");
        }
    }
    let mut slugs: Vec<&str> = if carer {
        vec!["support-for-carers"]
    } else {
        Vec::new()
    };
    for code in &verdict.unmet_outcomes {
        if let Some((_, pages)) = GUIDANCE_FOR_OUTCOME
            .iter()
            .find(|(c, _)| c == code)
            .filter(|_| !carer)
        {
            slugs.extend(pages.iter());
        }
    }
    slugs.push("getting-an-assessment");
    let guidance = crate::content::guidance()
        .map(|g| {
            let mut seen = Vec::new();
            slugs
                .iter()
                .filter(|slug| {
                    let new = !seen.contains(*slug);
                    seen.push(**slug);
                    new
                })
                .filter_map(|slug| g.page(slug))
                .map(|p| ContentLink {
                    href: page_href(&p.slug),
                    title: p.title.clone(),
                    summary: p.summary.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(Some(CheckResult {
        result: verdict.result,
        for_me: draft.for_whom == "me",
        carer,
        reasons: verdict.reasons,
        unmet: verdict
            .unmet_outcomes
            .iter()
            .map(|c| outcome_words(c, carer))
            .collect(),
        services,
        guidance,
    }))
}

/// "Ask for an assessment" (or, after the carer's check, "ask for a carer's assessment"): the
/// request journey starts with what the check already knows (who it is for, the kind of
/// assessment, which everyday things are hard), so nothing is asked twice; the check's own
/// answers are then forgotten.
#[server(endpoint = "eligibility/ask-for-assessment")]
pub async fn ask_for_assessment() -> Result<(), PortalError> {
    use crate::journeys::referral::flow::{ReferralDraft, ReferralPage};
    use crate::journeys::referral::JOURNEY as REFERRAL;

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let check = drafts.answers::<CheckDraft>(JOURNEY).await?;
    let mut referral = drafts.answers::<ReferralDraft>(REFERRAL).await?;
    if check.is_young_carer() || check.cares_for_child() {
        // Young carers and the carers of disabled children are assessed by children's
        // services, not through this request.
        leptos_axum::redirect("/information-and-advice/support-for-carers");
        return Ok(());
    }
    if referral.request.for_whom.is_empty() {
        referral.request.for_whom = if check.for_whom == "me" {
            "self"
        } else {
            "someone_else"
        }
        .to_owned();
    }
    let verdict = check.verdict().ok();
    referral.from_check = verdict.as_ref().map(|v| v.result.clone());
    if check.is_carer_check() {
        referral.request.kind = "carer_assessment".to_owned();
    } else if referral.request.needs.outcomes.is_empty() {
        if let Some(verdict) = verdict {
            referral.request.needs.outcomes = verdict.unmet_outcomes;
        }
    }
    if referral.submission_key.is_empty() {
        referral.submission_key = uuid::Uuid::new_v4().to_string();
    }
    drafts.save_answers(REFERRAL, &referral).await?;
    drafts.clear(JOURNEY).await?;
    leptos_axum::redirect(&ReferralPage::resume_path(&referral, crate::forms::today()));
    Ok(())
}
