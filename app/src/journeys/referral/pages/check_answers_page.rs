//! Check your answers: every answer with a "Change" link that comes back here, the
//! declaration, and "Send request". If sending failed, the error summary says nothing was sent.
use leptos::prelude::*;

use crate::api::show_back::AnswersCopy;
use crate::journeys::flow::Journey;
use leptos::server_fn::ServerFn;

use crate::components::{
    Button, Checkboxes, Choice, ErrorSummary, Layout, SummaryRow, SummarySections,
};
use crate::domain::outcomes::adult_outcome;
use crate::domain::referral::{POWER_OF_ATTORNEY, PREFERRED_CONTACT, URGENT_REASONS};
use crate::forms::{field_id, field_name, page_title};
use crate::journeys::referral::flow::{ReferralDraft, ReferralPage};
use crate::journeys::referral::{
    load_referral, RemoveEstimate, SendReferral, RETURN_TO_CHECK, SEND_FIELD,
};
use crate::pages::loaded::with_loaded;

const TITLE: &str = "Check your answers before sending your request";

#[component]
pub fn ReferralCheckAnswersPage() -> impl IntoView {
    with_loaded(
        || load_referral(ReferralPage::CheckAnswers),
        |state| {
            let title = page_title(TITLE, !state.errors.is_empty());
            let errors = RwSignal::new(state.errors.clone());
            let back = ReferralPage::WhoCanFollow.path();
            let answers = sections(&state.draft);
            let answers: Vec<(String, Vec<SummaryRow>)> = answers
                .into_iter()
                .map(|(heading, rows)| (heading.to_owned(), rows))
                .collect();
            let copy = answers.clone();
            let sections = view! { <SummarySections sections=answers/> };
            let estimate = state.draft.request.estimate.clone().map(|estimate| {
                view! {
                    <h2 class="govuk-heading-m">"Estimate of what you might pay"</h2>
                    <p class="govuk-body">{estimate.describe()}</p>
                    <p class="govuk-body">"You chose to include this estimate. It helps the council plan; it is not a financial assessment."</p>
                    <form method="post" action=RemoveEstimate::url()>
                        <Button text="Leave the estimate out" kind=crate::components::ButtonKind::Secondary/>
                    </form>
                }
            });
            let declaration_error =
                Signal::derive(move || errors.with(|e| e.message_for("declaration")));
            let declared = if state.draft.declaration {
                vec!["yes".to_owned()]
            } else {
                vec![]
            };
            view! {
                <Layout title=title back=back>
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            <ErrorSummary errors=errors/>
                            <h1 class="govuk-heading-l">{TITLE}</h1>
                            {(state.draft.request.kind == "carer_assessment").then(|| view! {
                                <p class="govuk-inset-text">"You are asking for a carer's assessment: a talk about how caring affects you and what would help."</p>
                            })}
                            {sections}
                            {estimate}
                            <h2 class="govuk-heading-m">"Now send your request"</h2>
                            <form method="post" action=SendReferral::url() novalidate>
                                <AnswersCopy sections=copy/>
                                <Checkboxes
                                    name=field_name("declaration") id=field_id("declaration")
                                    legend="Declaration" legend_size=crate::components::HeadingSize::S
                                    items=vec![Choice::new("yes", "I confirm that the information I have given is correct, to the best of my knowledge")]
                                    selected=declared error=declaration_error
                                />
                                <div id=SEND_FIELD>
                                    <Button text="Send request" prevent_double_click=true/>
                                </div>
                            </form>
                            <p class="govuk-body">
                                <a class="govuk-link" href={crate::journeys::referral::saved::SAVE_PATH}>"Save and come back later"</a>
                            </p>
                        </div>
                    </div>
                </Layout>
            }
        },
    )
}

/// The answers, grouped as the journey asks them.
pub(crate) fn sections(draft: &ReferralDraft) -> Vec<(&'static str, Vec<SummaryRow>)> {
    let r = &draft.request;
    let p = &r.person;
    let row = |key: &str, value: Vec<String>, page: ReferralPage, what: &str| {
        SummaryRow::answer(
            key,
            value,
            format!("{}?change={RETURN_TO_CHECK}", page.path()),
            what,
        )
    };
    let label_of = |list: &[(&str, &str)], code: &str| {
        list.iter()
            .find(|(c, _)| *c == code)
            .map(|(_, l)| (*l).to_owned())
            .unwrap_or_default()
    };
    let mut about = vec![row(
        "Who needs help",
        vec![if r.is_for_someone_else() {
            "Someone else".into()
        } else {
            "Me".into()
        }],
        ReferralPage::WhoIsItFor,
        "who needs help",
    )];
    if let Some(referrer) = r.referrer.as_ref().filter(|_| r.is_for_someone_else()) {
        about.push(row(
            "About you",
            vec![
                format!("{} {}", referrer.given_name, referrer.family_name),
                referrer.relationship.clone(),
                [referrer.phone.clone(), referrer.email.clone()]
                    .into_iter()
                    .filter(|v| !v.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n"),
            ],
            ReferralPage::AboutYou,
            "your details",
        ));
        let agrees = match r.consent.person_agrees {
            Some(true) => "Yes, they agree".to_owned(),
            Some(false) => format!(
                "No, they cannot agree: {}",
                r.consent.reason_without_consent
            ),
            None => String::new(),
        };
        about.push(row(
            "Do they agree",
            vec![agrees],
            ReferralPage::TheirAgreement,
            "whether they agree",
        ));
    }
    let address = [
        p.address_line_1.as_str(),
        p.address_line_2.as_str(),
        p.town.as_str(),
        p.postcode.as_str(),
    ]
    .into_iter()
    .filter(|l| !l.trim().is_empty())
    .collect::<Vec<_>>()
    .join("\n");
    let dob = &draft.date_of_birth;
    let person = vec![
        row(
            "Name",
            vec![format!("{} {}", p.given_name, p.family_name)],
            ReferralPage::Name,
            "name",
        ),
        row(
            "Date of birth",
            vec![format!("{} {} {}", dob.day, dob.month, dob.year)],
            ReferralPage::DateOfBirth,
            "date of birth",
        ),
        row("Address", vec![address], ReferralPage::Address, "address"),
        row(
            "Contact details",
            vec![
                p.phone.clone(),
                p.email.clone(),
                format!(
                    "Contact by: {}",
                    label_of(&PREFERRED_CONTACT, &p.preferred_contact)
                ),
            ],
            ReferralPage::Contact,
            "contact details",
        ),
        row(
            "Language and communication",
            vec![
                if p.language.is_empty() {
                    String::new()
                } else {
                    format!("Language: {}", p.language)
                },
                if p.communication_needs.interpreter.is_some() {
                    String::new()
                } else {
                    format!(
                        "Interpreter needed: {}",
                        if p.interpreter_needed { "Yes" } else { "No" }
                    )
                },
            ]
            .into_iter()
            .chain(p.communication_needs.describe())
            .collect(),
            ReferralPage::Language,
            "language and communication",
        ),
    ];
    let tasks = r
        .needs
        .outcomes
        .iter()
        .filter_map(|c| adult_outcome(c))
        .map(|o| o.label.to_owned())
        .collect();
    let urgent = r
        .needs
        .urgent
        .iter()
        .map(|c| label_of(&URGENT_REASONS, c))
        .collect::<Vec<_>>();
    let needs = vec![
        row(
            "Everyday things that are hard",
            tasks,
            ReferralPage::DailyTasks,
            "everyday things that are hard",
        ),
        row(
            "What help is needed",
            vec![r.needs.summary.clone()],
            ReferralPage::HelpNeeded,
            "what help is needed",
        ),
        row(
            "What matters most",
            vec![r.needs.what_matters.clone()],
            ReferralPage::HelpNeeded,
            "what matters most",
        ),
        row(
            "Urgent",
            if urgent.is_empty() {
                vec!["No".to_owned()]
            } else {
                urgent
            },
            ReferralPage::Urgent,
            "whether it is urgent",
        ),
    ];
    let involved = &r.involved;
    let people = vec![
        row(
            "Carers, family or friends",
            vec![involved.carers_and_family.clone()],
            ReferralPage::PeopleInvolved,
            "carers, family or friends",
        ),
        row(
            "GP surgery",
            vec![involved.gp.clone()],
            ReferralPage::PeopleInvolved,
            "GP surgery",
        ),
        row(
            "Power of attorney",
            vec![label_of(&POWER_OF_ATTORNEY, &involved.power_of_attorney)],
            ReferralPage::PeopleInvolved,
            "power of attorney",
        ),
        row(
            "Who can follow this request",
            if r.trackers.is_empty() {
                vec!["Nobody else".to_owned()]
            } else {
                r.trackers
                    .iter()
                    .map(|t| format!("{} ({})", t.name, t.relationship))
                    .collect()
            },
            ReferralPage::WhoCanFollow,
            "who can follow this request",
        ),
    ];
    vec![
        ("Who the request is for", about),
        ("About the person", person),
        ("The help needed", needs),
        ("Other people", people),
    ]
}
