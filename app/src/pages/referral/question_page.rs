//! Every question page of the journey: the route names the page (`/request-an-assessment/
//! :page`), the draft fills in what was typed, and one island renders the form and checks it
//! in the browser with the same rules the server uses.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

use super::question_fields::question_fields;
use crate::api::referral::journey::{ReferralDraft, ReferralForm, ReferralPage, CHECK_PATH};
use crate::api::referral::{load_referral, SaveReferralAnswer, RETURN_TO_CHECK};
use crate::components::{Button, ErrorSummary, Layout};
use crate::forms::{check_on_submit_with, mark_enhanced, page_title, today, FieldErrors};
use crate::pages::loaded::{return_to_from_query, with_loaded};
use crate::pages::not_found::NotFoundPage;

#[component]
pub fn ReferralQuestionPage() -> impl IntoView {
    let slug = use_params_map()
        .with_untracked(|p| p.get("page"))
        .unwrap_or_default();
    let Some(page) = ReferralPage::from_slug(&slug).filter(|p| *p != ReferralPage::CheckAnswers)
    else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let return_to = return_to_from_query(RETURN_TO_CHECK);
    with_loaded(move || load_referral(page), move |state| {
        let return_to = return_to.clone();
        let back = if return_to.is_some() {
            CHECK_PATH.to_owned()
        } else {
            page.previous_path(&state.draft)
        };
        let title = page_title(&page.question(&state.draft), !state.errors.is_empty());
        view! {
            <Layout title=title back=back>
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <ReferralQuestion page=page draft=state.draft errors=state.errors return_to=return_to/>
                        <p class="govuk-body">
                            <a class="govuk-link" href="/request-an-assessment/save">"Save and come back later"</a>
                        </p>
                    </div>
                </div>
            </Layout>
        }
    })
    .into_any()
}

/// The page's form. With JavaScript, the page's rules run before posting.
#[island]
fn ReferralQuestion(
    page: ReferralPage,
    draft: ReferralDraft,
    errors: FieldErrors,
    return_to: Option<String>,
) -> impl IntoView {
    let errors = RwSignal::new(errors);
    let form = NodeRef::new();
    mark_enhanced(form);
    let checked = draft.clone();
    let check = check_on_submit_with(errors, move |answers| {
        let posted: ReferralForm = serde_json::from_value(answers).ok()?;
        let mut draft = checked.clone();
        let today = today();
        draft.apply(page, &posted, today);
        Some(draft.problems(page, today))
    });
    let action = SaveReferralAnswer::url();
    view! {
        <ErrorSummary errors=errors/>
        <form node_ref=form method="post" action=action novalidate on:submit=check>
            <input type="hidden" name="page" value=page.slug()/>
            {question_fields(page, &draft, errors)}
            {return_to.map(|to| view! { <input type="hidden" name="form[return_to]" value=to/> })}
            <Button text="Continue"/>
        </form>
    }
}
