//! "Give feedback on this service": the wire structs its pages post, their rules, and the
//! server functions that keep the draft and store the response.
pub mod pages;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use crate::domain::feedback::{Satisfaction, IMPROVEMENTS_MAX_CHARS};
use crate::errors::PortalError;
use crate::forms::{FieldErrors, QuestionForm};

/// The session key for this journey's draft.
pub const JOURNEY: &str = "feedback";

/// Where "Change" links on the check answers page send people back to.
pub use crate::journeys::flow::RETURN_TO_CHECK;

pub mod paths {
    pub const SATISFACTION: &str = "/feedback";
    pub const IMPROVEMENTS: &str = "/feedback/what-could-be-better";
    pub const CHECK: &str = "/feedback/check-answers";
    pub const CONFIRMATION: &str = "/feedback/confirmation";
}

/// Question 1: how satisfied were you?
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct SatisfactionForm {
    #[serde(default)]
    #[validate(
        required(message = "Select how satisfied you were with this service"),
        custom(
            function = "known_satisfaction",
            message = "Select how satisfied you were with this service"
        )
    )]
    pub satisfaction: Option<String>,
    /// Set by the "Change" link: go back to check answers afterwards.
    #[serde(default)]
    pub return_to: Option<String>,
}

impl QuestionForm for SatisfactionForm {
    const FIELDS: &'static [&'static str] = &["satisfaction"];
}

fn known_satisfaction(code: &str) -> Result<(), ValidationError> {
    Satisfaction::from_code(code)
        .map(|_| ())
        .ok_or_else(|| ValidationError::new("unknown_satisfaction"))
}

/// Question 2: what could be better? (optional)
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct ImprovementsForm {
    #[serde(default)]
    #[validate(length(
        max = 1200,
        message = "What could be better must be 1,200 characters or fewer"
    ))]
    pub improvements: String,
    #[serde(default)]
    pub return_to: Option<String>,
}

impl QuestionForm for ImprovementsForm {
    const FIELDS: &'static [&'static str] = &["improvements"];
}

// The rule above must say the same number as the domain.
const _: () = assert!(IMPROVEMENTS_MAX_CHARS == 1200);

/// The answers so far, as the person typed them (kept even when invalid, so nothing is lost).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackDraft {
    pub satisfaction: Option<String>,
    pub improvements: Option<String>,
}

impl FeedbackDraft {
    /// The first question still to answer properly, if any.
    pub fn first_unanswered(&self) -> Option<&'static str> {
        let satisfied = SatisfactionForm {
            satisfaction: self.satisfaction.clone(),
            return_to: None,
        };
        if !satisfied.check().is_empty() {
            return Some(paths::SATISFACTION);
        }
        let improvements = ImprovementsForm {
            improvements: self.improvements.clone().unwrap_or_default(),
            return_to: None,
        };
        if self.improvements.is_none() || !improvements.check().is_empty() {
            return Some(paths::IMPROVEMENTS);
        }
        None
    }
}

/// The pages of this journey that can show errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeedbackPage {
    Satisfaction,
    Improvements,
    Check,
}

#[cfg(feature = "ssr")]
impl FeedbackPage {
    fn key(self) -> &'static str {
        match self {
            FeedbackPage::Satisfaction => "satisfaction",
            FeedbackPage::Improvements => "improvements",
            FeedbackPage::Check => "check",
        }
    }
}

/// What a feedback page needs to render: the draft and that page's errors.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackState {
    pub draft: FeedbackDraft,
    pub errors: FieldErrors,
}

/// Reads this session's feedback draft and the page's errors from its last post.
#[server(endpoint = "feedback/load")]
pub async fn load_feedback(page: FeedbackPage) -> Result<FeedbackState, PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let draft = drafts.answers::<FeedbackDraft>(JOURNEY).await?;
    let errors = drafts.take_errors(JOURNEY, page.key()).await?;
    Ok(FeedbackState { draft, errors })
}

/// Saves question 1 and moves on (or back to this page with its errors).
#[server(endpoint = "feedback/satisfaction")]
pub async fn save_satisfaction(
    #[server(default)] form: SatisfactionForm,
) -> Result<(), PortalError> {
    let errors = form.check();
    save_question(
        FeedbackPage::Satisfaction,
        &errors,
        form.return_to.as_deref(),
        paths::IMPROVEMENTS,
        |draft| {
            draft.satisfaction = form.satisfaction.clone();
        },
    )
    .await
}

/// Saves question 2 and moves on to check answers.
#[server(endpoint = "feedback/improvements")]
pub async fn save_improvements(
    #[server(default)] form: ImprovementsForm,
) -> Result<(), PortalError> {
    let errors = form.check();
    save_question(
        FeedbackPage::Improvements,
        &errors,
        form.return_to.as_deref(),
        paths::CHECK,
        |draft| {
            draft.improvements = Some(form.improvements.clone());
        },
    )
    .await
}

/// What every question page's server function does: keep what was typed (valid or not, so
/// nothing is lost), keep the page's errors for it to show, and redirect (`next_page`).
#[cfg(feature = "ssr")]
async fn save_question(
    page: FeedbackPage,
    errors: &FieldErrors,
    return_to: Option<&str>,
    next: &str,
    update: impl FnOnce(&mut FeedbackDraft),
) -> Result<(), PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let mut draft = drafts.answers::<FeedbackDraft>(JOURNEY).await?;
    update(&mut draft);
    drafts.save_answers(JOURNEY, &draft).await?;
    if !errors.is_empty() {
        drafts.save_errors(JOURNEY, page.key(), errors).await?;
    }
    leptos_axum::redirect(&next_page(errors, page, return_to, next));
    Ok(())
}

/// Stores the response once, forgets the draft and shows the confirmation. A draft that is
/// not complete (a second click, or an expired session) goes back to the first question left.
#[server(endpoint = "feedback/send")]
pub async fn send_feedback() -> Result<(), PortalError> {
    use crate::api::context::{now_unix, service_problem, store};
    use crate::store::NewFeedback;

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let draft = drafts.answers::<FeedbackDraft>(JOURNEY).await?;
    if let Some(missing) = draft.first_unanswered() {
        leptos_axum::redirect(missing);
        return Ok(());
    }
    let satisfaction = draft
        .satisfaction
        .as_deref()
        .and_then(Satisfaction::from_code)
        .ok_or_else(|| {
            PortalError::Refused("Select how satisfied you were with this service".into())
        })?;
    let feedback = NewFeedback {
        satisfaction: satisfaction.code().to_owned(),
        improvements: draft.improvements.unwrap_or_default().trim().to_owned(),
        submitted_at: now_unix(),
    };
    store()?
        .save_feedback(&feedback)
        .await
        .map_err(service_problem)?;
    drafts.clear(JOURNEY).await?;
    leptos_axum::redirect(paths::CONFIRMATION);
    Ok(())
}

/// Where a question page's post goes next: back to the page itself when it has errors,
/// to check answers when the person came from a "Change" link, else the next question.
pub fn next_page(
    errors: &FieldErrors,
    page: FeedbackPage,
    return_to: Option<&str>,
    next: &str,
) -> String {
    let here = match page {
        FeedbackPage::Satisfaction => paths::SATISFACTION,
        FeedbackPage::Improvements => paths::IMPROVEMENTS,
        FeedbackPage::Check => paths::CHECK,
    };
    let returning = return_to == Some(RETURN_TO_CHECK);
    match (errors.is_empty(), returning) {
        (false, true) => format!("{here}?change={RETURN_TO_CHECK}"),
        (false, false) => here.to_owned(),
        (true, true) => paths::CHECK.to_owned(),
        (true, false) => next.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn satisfaction_is_required_and_must_be_on_the_scale() {
        let missing = SatisfactionForm::default().check();
        assert_eq!(
            missing.message_for("satisfaction").as_deref(),
            Some("Select how satisfied you were with this service")
        );
        let unknown = SatisfactionForm {
            satisfaction: Some("delighted".into()),
            return_to: None,
        }
        .check();
        assert!(!unknown.is_empty());
        let fine = SatisfactionForm {
            satisfaction: Some("satisfied".into()),
            return_to: None,
        }
        .check();
        assert!(fine.is_empty());
    }

    #[test]
    fn improvements_are_optional_but_limited() {
        assert!(ImprovementsForm::default().check().is_empty());
        let exactly = ImprovementsForm {
            improvements: "é".repeat(1200),
            return_to: None,
        };
        assert!(
            exactly.check().is_empty(),
            "1,200 characters (not bytes) is allowed"
        );
        let over = ImprovementsForm {
            improvements: "a".repeat(1201),
            return_to: None,
        };
        assert_eq!(
            over.check().message_for("improvements").as_deref(),
            Some("What could be better must be 1,200 characters or fewer")
        );
    }

    #[test]
    fn next_page_returns_to_check_answers_only_from_change_links() {
        let ok = FieldErrors::default();
        let bad = SatisfactionForm::default().check();
        assert_eq!(
            next_page(&ok, FeedbackPage::Satisfaction, None, paths::IMPROVEMENTS),
            paths::IMPROVEMENTS
        );
        assert_eq!(
            next_page(
                &ok,
                FeedbackPage::Satisfaction,
                Some(RETURN_TO_CHECK),
                paths::IMPROVEMENTS
            ),
            paths::CHECK
        );
        assert_eq!(
            next_page(&bad, FeedbackPage::Satisfaction, None, paths::IMPROVEMENTS),
            paths::SATISFACTION
        );
        assert_eq!(
            next_page(
                &bad,
                FeedbackPage::Satisfaction,
                Some(RETURN_TO_CHECK),
                paths::IMPROVEMENTS
            ),
            "/feedback?change=check-answers"
        );
        // Anything else in return_to is ignored, so the redirect can never leave the journey.
        assert_eq!(
            next_page(
                &ok,
                FeedbackPage::Satisfaction,
                Some("https://evil.example"),
                paths::IMPROVEMENTS
            ),
            paths::IMPROVEMENTS
        );
    }

    #[test]
    fn a_draft_is_complete_only_when_both_questions_are_answered() {
        let mut draft = FeedbackDraft::default();
        assert_eq!(draft.first_unanswered(), Some(paths::SATISFACTION));
        draft.satisfaction = Some("neither".into());
        assert_eq!(draft.first_unanswered(), Some(paths::IMPROVEMENTS));
        draft.improvements = Some(String::new());
        assert_eq!(draft.first_unanswered(), None);
    }
}
