//! What every journey of question pages shares: after a page is posted, where to go next
//! (back to the page with its problems, on to the next page, or back to "Check your
//! answers" when the person came from one of its "Change" links).

use time::Date;

use crate::domain::problems::FieldErrors;

/// The query value a "Change" link carries, so the page returns to check answers.
pub const RETURN_TO_CHECK: &str = "check-answers";

/// A journey's question pages.
pub trait QuestionPages: Copy {
    type Draft;
    /// Where "Change" links return to.
    const CHECK_PATH: &'static str;
    fn path(self) -> String;
    /// The next page that applies, or check answers after the last question.
    fn next_page(self, draft: &Self::Draft) -> Self;
    /// The first page that applies and still has a problem.
    fn first_unfinished(draft: &Self::Draft, today: Date) -> Option<Self>;
}

/// Where a question page's post goes: back to itself with problems; from a "Change" link,
/// to the first page still unfinished (the answer may have opened a new branch) or check
/// answers; otherwise the next page that applies.
pub fn next_path<P: QuestionPages>(
    draft: &P::Draft,
    page: P,
    errors: &FieldErrors,
    returning: bool,
    today: Date,
) -> String {
    let change = |path: String| format!("{path}?change={RETURN_TO_CHECK}");
    match (errors.is_empty(), returning) {
        (false, true) => change(page.path()),
        (false, false) => page.path(),
        (true, true) => P::first_unfinished(draft, today)
            .map(|p| change(p.path()))
            .unwrap_or_else(|| P::CHECK_PATH.to_owned()),
        (true, false) => page.next_page(draft).path(),
    }
}

/// A page's draft and the errors from its last post (what every question page renders).
#[cfg(feature = "ssr")]
pub async fn load_page<D>(
    journey: &str,
    slug: &str,
) -> Result<(D, FieldErrors), leptos::prelude::ServerFnError>
where
    D: serde::de::DeserializeOwned + Default,
{
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let draft = drafts.answers::<D>(journey).await?;
    let errors = drafts.take_errors(journey, slug).await?;
    Ok((draft, errors))
}

/// Saves one question page's answer: `update` copies what was posted into the draft (valid
/// or not, so nothing typed is lost) and returns the page's problems, which are kept for the
/// page; then redirects with `next_path`.
#[cfg(feature = "ssr")]
pub async fn save_answer<P>(
    journey: &str,
    page: P,
    slug: &str,
    return_to: Option<&str>,
    update: impl FnOnce(&mut P::Draft, Date) -> FieldErrors,
) -> Result<(), leptos::prelude::ServerFnError>
where
    P: QuestionPages,
    P::Draft: serde::Serialize + serde::de::DeserializeOwned + Default,
{
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let mut draft = drafts.answers::<P::Draft>(journey).await?;
    let today = crate::forms::today();
    let errors = update(&mut draft, today);
    drafts.save_answers(journey, &draft).await?;
    if !errors.is_empty() {
        drafts.save_errors(journey, slug, &errors).await?;
    }
    let returning = return_to == Some(RETURN_TO_CHECK);
    leptos_axum::redirect(&next_path(&draft, page, &errors, returning, today));
    Ok(())
}
