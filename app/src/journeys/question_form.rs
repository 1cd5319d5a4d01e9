//! The island for question pages whose fields are rendered on the server: it holds the
//! `<form>` and its error summary, and with JavaScript runs the page's rules before posting,
//! showing the problems in the summary and beside each field. The fields themselves are
//! server-rendered children, so their markup never becomes wasm: the browser bundle carries
//! only the rules. Which rules is named by a small serialisable `Checker`.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::track::TrackForm;
use crate::components::{Button, ErrorSummary, Layout};
use crate::forms::{
    check_server_rendered_form, mark_enhanced, refresh_running_result, today, FieldErrors,
};
use crate::journeys::concern::flow::{ConcernDraft, ConcernForm, ConcernPage};
use crate::journeys::eligibility::flow::{CheckDraft, CheckForm, CheckPage};
use crate::journeys::estimate::flow::EstimatePage;

/// The rules a question form runs in the browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Checker {
    /// A page of "Report a concern about an adult".
    Concern { page: ConcernPage },
    /// A page of "Check if you can get care and support", with the answers so far: the voice
    /// depends on who it is for, and the running result on all of them.
    Eligibility {
        page: CheckPage,
        draft: Box<CheckDraft>,
    },
    /// A page of "Estimate what you might pay". Its rules stay on the server: in the browser
    /// they cost 7 KB of brotli wasm, which the 150 KB budget does not have. The island still
    /// shows the server's problems in the summary and focuses it.
    Estimate { page: EstimatePage },
    /// "Check the progress of a request".
    Track,
    /// A page whose rules run on the server only: "Request an assessment" and the carers'
    /// register. Their forms are the largest, and reading them into their structs in the
    /// browser would cost more wasm than the 150 KB budget has room for beside the
    /// eligibility check's running result. The island still shows the server's problems and
    /// focuses them.
    Server,
}

impl Checker {
    /// Where the form's answers are sent for the running result when it is not worked out
    /// in the browser (the estimate).
    pub fn running_result_url(&self) -> Option<String> {
        use leptos::server_fn::ServerFn;
        match self {
            Checker::Estimate { .. } => {
                Some(crate::journeys::estimate::PreviewEstimate::url().to_owned())
            }
            _ => None,
        }
    }

    /// The running result with what the form holds, worked out in the browser by the domain's
    /// own rules (the eligibility check); `None` where there is none or the form cannot be
    /// read.
    pub fn running_result(&self, answers: serde_json::Value) -> Option<String> {
        let Checker::Eligibility { page, draft } = self else {
            return None;
        };
        let posted: CheckForm = serde_json::from_value(answers).ok()?;
        let mut draft = (**draft).clone();
        draft.apply(*page, &posted);
        Some(draft.so_far_words(*page))
    }

    /// The problems with what the form holds, or `None` if it cannot be read (the server
    /// then decides).
    pub fn check(&self, answers: serde_json::Value) -> Option<FieldErrors> {
        let today = today();
        match self.clone() {
            Checker::Concern { page } => {
                let posted: ConcernForm = serde_json::from_value(answers).ok()?;
                let mut draft = ConcernDraft {
                    // Whoever sees "Your details" chose to give them.
                    give_details: "yes".into(),
                    ..ConcernDraft::default()
                };
                draft.apply(page, &posted, today);
                Some(draft.problems(page, today))
            }
            Checker::Eligibility { page, mut draft } => {
                let posted: CheckForm = serde_json::from_value(answers).ok()?;
                draft.apply(page, &posted);
                Some(draft.problems(page))
            }
            Checker::Estimate { page } => {
                let _ = (page, answers);
                None
            }
            Checker::Server => None,
            Checker::Track => {
                let posted: TrackForm = serde_json::from_value(answers).ok()?;
                Some(posted.problems(today, &crate::api::track::TRACK_WORDS))
            }
        }
    }
}

#[island]
pub fn QuestionForm(
    checker: Checker,
    #[prop(into)] action: String,
    errors: FieldErrors,
    children: Children,
) -> impl IntoView {
    let errors = RwSignal::new(errors);
    let form = NodeRef::new();
    mark_enhanced(form);
    let url = checker.running_result_url();
    let on_change = {
        let checker = checker.clone();
        move |_| {
            let checker = checker.clone();
            refresh_running_result(
                form,
                move |answers| checker.running_result(answers),
                url.clone(),
            );
        }
    };
    let check = check_server_rendered_form(errors, move |answers| checker.check(answers));
    view! {
        <ErrorSummary errors=errors/>
        <form node_ref=form method="post" action=action novalidate on:submit=check on:change=on_change>
            {children()}
        </form>
    }
}

/// A whole question page: the layout, the island form with its error summary, the fields
/// (children), the page's name and where it returns to as hidden inputs, and "Continue".
#[component]
pub fn QuestionPage(
    #[prop(into)] title: String,
    #[prop(into)] back: String,
    checker: Checker,
    #[prop(into)] action: String,
    errors: FieldErrors,
    /// The page's slug, posted as `page`.
    #[prop(into)]
    page: String,
    /// `Some("check-answers")` when opened from a "Change" link.
    return_to: Option<String>,
    /// Safeguarding content: shows "Exit this page".
    #[prop(optional)]
    exit_page: bool,
    /// Shown below the form, such as "Save and come back later".
    after: Option<AnyView>,
    children: Children,
) -> impl IntoView {
    view! {
        <Layout title=title back=back exit_page=exit_page>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <QuestionForm checker=checker action=action errors=errors>
                        <input type="hidden" name="page" value=page/>
                        {children()}
                        {return_to.map(|to| view! { <input type="hidden" name="form[return_to]" value=to/> })}
                        <Button text="Continue"/>
                    </QuestionForm>
                    {after}
                </div>
            </div>
        </Layout>
    }
}
