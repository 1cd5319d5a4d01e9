//! Check your answers: every answer with a "Change" link that comes back here, and "Send
//! report". If sending failed, the error summary says nothing was sent.
use leptos::prelude::*;

use crate::api::show_back::AnswersCopy;
use crate::journeys::flow::Journey;
use leptos::server_fn::ServerFn;

use crate::components::{Button, ErrorSummary, Layout, SummaryList, SummaryRow};
use crate::domain::concern::PERSON_KNOWS;
use crate::forms::page_title;
use crate::journeys::concern::flow::{ConcernDraft, ConcernPage};
use crate::journeys::concern::{load_concern, SendConcern};
use crate::journeys::flow::RETURN_TO_CHECK;
use crate::journeys::referral::SEND_FIELD;
use crate::pages::loaded::with_loaded;

#[component]
pub fn ConcernCheckAnswersPage() -> impl IntoView {
    with_loaded(
        || load_concern(ConcernPage::CheckAnswers),
        |state| {
            let heading = ConcernPage::CheckAnswers.question(&state.draft);
            let title = page_title(&heading, !state.errors.is_empty());
            let errors = RwSignal::new(state.errors.clone());
            let back = ConcernPage::GiveDetails
                .next(&state.draft)
                .previous_path(&state.draft);
            let rows = rows(&state.draft);
            view! {
                <Layout title=title back=back exit_page=true>
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            <ErrorSummary errors=errors/>
                            <h1 class="govuk-heading-l">{heading}</h1>
                            <SummaryList rows=rows.clone()/>
                            <h2 class="govuk-heading-m">"Now send your report"</h2>
                            <p class="govuk-body">"We look at every report as a priority."</p>
                            <form method="post" action=SendConcern::url() novalidate>
                                <AnswersCopy sections=vec![("Your report".to_owned(), rows)]/>
                                <div id=SEND_FIELD>
                                    <Button text="Send report" prevent_double_click=true/>
                                </div>
                            </form>
                        </div>
                    </div>
                </Layout>
            }
        },
    )
}

pub(crate) fn rows(draft: &ConcernDraft) -> Vec<SummaryRow> {
    let person = &draft.request.person;
    let concern = draft.concern();
    let row = |key: &str, value: Vec<String>, page: ConcernPage, what: &str| {
        SummaryRow::answer(
            key,
            value,
            format!("{}?change={RETURN_TO_CHECK}", page.path()),
            what,
        )
    };
    let lines = |parts: &[&str]| {
        parts
            .iter()
            .filter(|p| !p.trim().is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    };
    let knows = PERSON_KNOWS
        .iter()
        .find(|(code, _)| *code == concern.person_knows)
        .map(|(_, label)| (*label).to_owned())
        .unwrap_or_default();
    let mut rows = vec![
        row(
            "Who you are worried about",
            vec![
                lines(&[&person.given_name, &person.family_name]),
                if concern.approximate_age.is_empty() {
                    String::new()
                } else {
                    format!("Age: {}", concern.approximate_age)
                },
            ],
            ConcernPage::WhoIsAtRisk,
            "who you are worried about",
        ),
        row(
            "Where they are",
            vec![lines(&[
                &person.address_line_1,
                &person.address_line_2,
                &person.town,
                &person.postcode,
            ])],
            ConcernPage::WhereAreThey,
            "where they are",
        ),
        row(
            "What has happened",
            vec![concern.what_happened.clone()],
            ConcernPage::WhatHappened,
            "what has happened",
        ),
        row(
            "When",
            vec![concern.when_it_happened.clone()],
            ConcernPage::WhatHappened,
            "when it happened",
        ),
        row(
            "Who may be causing harm",
            vec![concern.who_is_causing_harm.clone()],
            ConcernPage::WhatHappened,
            "who may be causing harm",
        ),
        row(
            "Do they know you are telling us",
            vec![knows],
            ConcernPage::DoTheyKnow,
            "whether they know",
        ),
    ];
    match draft
        .request
        .referrer
        .as_ref()
        .filter(|_| draft.give_details == "yes")
    {
        None => rows.push(row(
            "Your details",
            vec!["Not given: you are reporting anonymously".to_owned()],
            ConcernPage::GiveDetails,
            "whether you give your details",
        )),
        Some(reporter) => {
            let dob = &draft.reporter_date_of_birth;
            rows.push(row(
                "Your details",
                vec![
                    lines(&[&reporter.given_name, &reporter.family_name]),
                    reporter.relationship.clone(),
                    lines(&[&reporter.phone, &reporter.email]),
                ],
                ConcernPage::YourDetails,
                "your details",
            ));
            rows.push(row(
                "Your date of birth",
                vec![lines(&[&format!("{} {} {}", dob.day, dob.month, dob.year)])],
                ConcernPage::YourDetails,
                "your date of birth",
            ));
        }
    }
    rows
}
