//! Check your answers before registering, each with a "Change" link, then "Register".
use leptos::prelude::*;

use crate::api::show_back::AnswersCopy;
use crate::journeys::flow::Journey;
use leptos::server_fn::ServerFn;

use crate::components::{Button, ErrorSummary, Layout, SummaryList, SummaryRow};
use crate::domain::carer::{AFFECTS, KEEP_CARING, TASKS, WHEN};
use crate::forms::page_title;
use crate::journeys::carer::flow::{CarerDraft, CarerPage};
use crate::journeys::carer::{load_carer_page, SendRegistration, SEND_FIELD};
use crate::journeys::flow::RETURN_TO_CHECK;
use crate::pages::loaded::with_loaded;

use CarerPage as P;

const TITLE: &str = "Check your answers before you register";

#[component]
pub fn CarerCheckAnswersPage() -> impl IntoView {
    with_loaded(
        || load_carer_page(P::CheckAnswers),
        |state| {
            let errors = RwSignal::new(state.errors.clone());
            let draft = state.draft.clone();
            let unfinished = CarerPage::first_unfinished(&draft, crate::forms::today());
            let updating = draft.updating.is_some();
            let heading = if updating {
                "Your details on the carers' register"
            } else {
                TITLE
            };
            let title = page_title(heading, !state.errors.is_empty());
            let rows = rows(&draft);
            view! {
                <Layout title=title back=P::Consent.path()>
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            <ErrorSummary errors=errors/>
                            <h1 class="govuk-heading-l">{heading}</h1>
                            <SummaryList rows=rows.clone()/>
                            {match unfinished {
                                Some(page) => view! {
                                    <p class="govuk-body">"You have not answered every question yet."</p>
                                    <Button text="Continue" href=page.path()/>
                                }.into_any(),
                                None => view! {
                                    <form method="post" action=SendRegistration::url() novalidate>
                                        <AnswersCopy sections=vec![("Your answers".to_owned(), rows)]/>
                                        <div id=SEND_FIELD>
                                            <Button text=if updating { "Save changes" } else { "Register" } prevent_double_click=true/>
                                        </div>
                                    </form>
                                }.into_any(),
                            }}
                            {updating.then(super::your_details_page::leave_link)}
                        </div>
                    </div>
                </Layout>
            }
        },
    )
}

fn words(list: &[(&str, &str)], code: &str) -> String {
    list.iter()
        .find(|(c, _)| *c == code)
        .map(|(_, w)| (*w).to_owned())
        .unwrap_or_default()
}

fn rows(draft: &CarerDraft) -> Vec<SummaryRow> {
    let r = &draft.registration;
    let c = &r.carer;
    let change = |page: CarerPage| format!("{}?change={RETURN_TO_CHECK}", page.path());
    let mut rows = vec![
        SummaryRow::answer(
            "Name",
            vec![format!("{} {}", c.given_name, c.family_name)],
            change(P::Name),
            "your name",
        ),
        SummaryRow::answer(
            "Date of birth",
            vec![c.date_of_birth.clone()],
            change(P::DateOfBirth),
            "your date of birth",
        ),
        SummaryRow::answer(
            "Address",
            vec![[
                c.address_line_1.as_str(),
                c.address_line_2.as_str(),
                c.town.as_str(),
                c.postcode.as_str(),
            ]
            .iter()
            .filter(|l| !l.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")],
            change(P::Address),
            "your address",
        ),
        SummaryRow::answer(
            "Contact",
            vec![c.phone.clone(), c.email.clone()],
            change(P::Contact),
            "your contact details",
        ),
        SummaryRow::answer(
            "About you",
            vec![
                c.gp_surgery.clone(),
                c.work_or_study.clone(),
                c.language.clone(),
            ],
            change(P::AboutYou),
            "about you",
        ),
    ];
    for (i, p) in r.cared_for.iter().enumerate() {
        let lives = if p.same_address {
            "Lives with you".to_owned()
        } else {
            format!("{}, {}", p.address_line_1, p.postcode)
        };
        rows.push(SummaryRow::answer(
            &format!("Person you look after {}", i + 1),
            vec![
                format!("{} {} ({})", p.given_name, p.family_name, p.relationship),
                lives,
            ],
            change(P::Person(i)),
            &format!("{} {}", p.given_name, p.family_name),
        ));
    }
    let caring = &r.caring;
    rows.push(SummaryRow::answer(
        "The caring",
        vec![
            caring
                .tasks
                .iter()
                .map(|t| words(&TASKS, t))
                .collect::<Vec<_>>()
                .join(", "),
            format!(
                "About {} hours a week, {}",
                caring.hours_per_week,
                words(&WHEN, &caring.when).to_lowercase()
            ),
        ],
        change(P::Caring),
        "the caring",
    ));
    rows.push(SummaryRow::answer(
        "How caring affects you",
        vec![
            caring
                .affects
                .iter()
                .map(|a| words(&AFFECTS, a))
                .collect::<Vec<_>>()
                .join(", "),
            words(&KEEP_CARING, &caring.can_keep_caring),
        ],
        change(P::Impact),
        "how caring affects you",
    ));
    let plan = match &r.emergency_plan {
        Some(plan) => vec![
            plan.needs.clone(),
            format!(
                "{} emergency contacts, {} keyholders",
                plan.contacts.len(),
                plan.keyholders.len()
            ),
        ],
        None => vec!["No plan for now".to_owned()],
    };
    rows.push(SummaryRow::answer(
        "Emergency plan",
        plan,
        change(P::PlanChoice),
        "the emergency plan",
    ));
    rows.push(SummaryRow::answer(
        "Agreement",
        vec![if r.consent.agrees {
            "You agree to be on the register"
        } else {
            ""
        }
        .to_owned()],
        change(P::Consent),
        "your agreement",
    ));
    rows
}
