//! Check your answers: every answer asked, grouped, with a "Change" link that comes back
//! here, the declaration and "Send referral". If sending failed, the error summary says
//! nothing was sent and the answers are all still here.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::show_back::AnswersCopy;
use crate::components::{
    Button, Checkboxes, Choice, ErrorSummary, Layout, SummaryRow, SummarySections,
};
use crate::domain::professional::{
    setting_label, DISCHARGE_PATHWAYS, EHC_PLAN, LAWFUL_BASES, RISKS,
};
use crate::domain::referral::{PREFERRED_CONTACT, URGENT_REASONS};
use crate::forms::{field_id, field_name, page_title};
use crate::journeys::flow::Journey;
use crate::journeys::professional::flow::{ProfessionalDraft, ProfessionalPage as P};
use crate::journeys::professional::{load_professional, SendProfessional};
use crate::journeys::referral::SEND_FIELD;
use crate::pages::loaded::with_loaded;

#[component]
pub fn ProfessionalCheckAnswersPage() -> impl IntoView {
    with_loaded(
        || load_professional(P::CheckAnswers),
        |state| {
            let heading = P::CheckAnswers.question(&state.draft);
            let title = page_title(&heading, !state.errors.is_empty());
            let errors = RwSignal::new(state.errors.clone());
            let back = P::CheckAnswers.previous_path(&state.draft);
            let answers = sections(&state.draft);
            let answers: Vec<(String, Vec<SummaryRow>)> = answers
                .into_iter()
                .map(|(heading, rows)| (heading.to_owned(), rows))
                .collect();
            let copy = answers.clone();
            let sections = view! { <SummarySections sections=answers/> };
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
                            <h1 class="govuk-heading-l">{heading}</h1>
                            {sections}
                            <h2 class="govuk-heading-m">"Now send your referral"</h2>
                            <form method="post" action=SendProfessional::url() novalidate>
                                <AnswersCopy sections=copy/>
                                <Checkboxes
                                    name=field_name("declaration") id=field_id("declaration")
                                    legend="Declaration" legend_size=crate::components::HeadingSize::S
                                    items=vec![Choice::new("yes", "I confirm that the information I have given is correct, to the best of my knowledge")]
                                    selected=declared error=declaration_error
                                />
                                <div id=SEND_FIELD>
                                    <Button text="Send referral" prevent_double_click=true/>
                                </div>
                            </form>
                        </div>
                    </div>
                </Layout>
            }
        },
    )
}

fn label(list: &[(&str, &str)], code: &str) -> String {
    list.iter()
        .find(|(c, _)| *c == code)
        .map(|(_, l)| (*l).to_owned())
        .unwrap_or_default()
}

fn labels(list: &[(&str, &str)], codes: &[String], none: &str) -> Vec<String> {
    let words: Vec<String> = codes.iter().map(|c| label(list, c)).collect();
    if words.is_empty() {
        vec![none.to_owned()]
    } else {
        words
    }
}

/// A `YYYY-MM-DD` date written out ("8 December 2026"), or as it is if it is not one.
fn written_date(iso: &str) -> String {
    crate::domain::checks::iso_day(iso)
        .map(crate::domain::office_hours::describe_date)
        .unwrap_or_else(|| iso.to_owned())
}

fn yes_no(answer: Option<bool>) -> String {
    match answer {
        Some(true) => "Yes".into(),
        Some(false) => "No".into(),
        None => String::new(),
    }
}

/// The answers, grouped as the journey asks them; pages that do not apply are left out.
pub(crate) fn sections(draft: &ProfessionalDraft) -> Vec<(&'static str, Vec<SummaryRow>)> {
    let r = draft.request();
    let p = &r.person;
    let referrer = r.referrer.clone().unwrap_or_default();
    let row = |key: &str, value: Vec<String>, page: P| {
        SummaryRow::answer(key, value, page.change_path(), &key.to_lowercase())
    };
    let joined = |parts: &[&str]| {
        parts
            .iter()
            .filter(|v| !v.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("\n")
    };
    let you = vec![
        row(
            "About you",
            vec![
                format!("{} {}", referrer.given_name, referrer.family_name),
                format!("{}, {}", referrer.job_title, referrer.organisation),
                joined(&[&referrer.phone, &referrer.email]),
            ],
            P::AboutYou,
        ),
        row(
            "Where you work",
            vec![setting_label(&referrer.setting).to_owned()],
            P::WhereYouWork,
        ),
    ];
    let mut person = vec![
        row(
            "Name",
            vec![format!("{} {}", p.given_name, p.family_name)],
            P::Name,
        ),
        row(
            "Date of birth",
            vec![written_date(&p.date_of_birth)],
            P::DateOfBirth,
        ),
        row("NHS number", vec![p.nhs_number.clone()], P::NhsNumber),
        row("GP practice", vec![r.involved.gp.clone()], P::NhsNumber),
        row(
            "Address",
            vec![joined(&[
                &p.address_line_1,
                &p.address_line_2,
                &p.town,
                &p.postcode,
            ])],
            P::Address,
        ),
        row(
            "Contact",
            vec![
                joined(&[&p.phone, &p.email]),
                format!(
                    "Prefers: {}",
                    label(&PREFERRED_CONTACT, &p.preferred_contact)
                ),
            ],
            P::Contact,
        ),
        row(
            "Agrees to the referral",
            vec![yes_no(r.consent.person_agrees)],
            P::Agreement,
        ),
    ];
    if P::WithoutAgreement.applies(draft) {
        person.push(row(
            "Without their agreement",
            vec![
                label(&LAWFUL_BASES, &r.consent.lawful_basis),
                format!(
                    "Concern about capacity: {}",
                    yes_no(r.consent.capacity_concern)
                ),
                r.consent.reason_without_consent.clone(),
            ],
            P::WithoutAgreement,
        ));
    }
    let mut situation = Vec::new();
    if P::IsDischarge.applies(draft) {
        situation.push(row(
            "Due to leave hospital",
            vec![yes_no(Some(draft.is_discharge()))],
            P::IsDischarge,
        ));
    }
    if let Some(d) = r.discharge.as_ref() {
        let pathway = DISCHARGE_PATHWAYS
            .iter()
            .find(|(n, _, _)| Some(*n) == d.pathway)
            .map(|(_, name, words)| format!("{name}: {words}"))
            .unwrap_or_default();
        situation.push(row(
            "Hospital discharge",
            vec![
                format!("{}, {}", d.hospital, d.ward),
                d.ward_phone.clone(),
                format!("Expected: {}", written_date(&d.expected_date)),
                format!("Medically optimised: {}", yes_no(d.medically_optimised)),
                pathway,
            ],
            P::Discharge,
        ));
        situation.push(row(
            "Support on leaving hospital",
            vec![
                d.support_needed.clone(),
                if d.support_from.is_empty() {
                    String::new()
                } else {
                    format!("From {}", written_date(&d.support_from))
                },
                d.equipment.clone(),
            ],
            P::DischargeSupport,
        ));
    }
    if let Some(t) = r.transition.as_ref() {
        situation.push(row(
            "Preparing for adulthood",
            vec![
                format!(
                    "Education, health and care plan: {}",
                    label(&EHC_PLAN, &t.ehc_plan)
                ),
                t.lead.clone(),
            ],
            P::Transition,
        ));
    }
    situation.extend([
        row(
            "What is needed and why now",
            vec![r.needs.summary.clone()],
            P::WhatIsNeeded,
        ),
        row(
            "Risks",
            labels(&RISKS, &r.needs.risks, "None given"),
            P::WhatIsNeeded,
        ),
        row(
            "Support now",
            vec![r.needs.current_support.clone()],
            P::WhatIsNeeded,
        ),
        row(
            "Who else is involved",
            vec![r.involved.carers_and_family.clone()],
            P::WhatIsNeeded,
        ),
        row(
            "Urgent",
            labels(&URGENT_REASONS, &r.needs.urgent, "No"),
            P::Urgent,
        ),
    ]);
    vec![
        ("About you", you),
        ("The person", person),
        ("Their situation", situation),
    ]
}
