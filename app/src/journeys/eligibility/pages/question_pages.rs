//! Every question page of the check (`/check-if-you-can-get-care/:page`), with the result
//! so far worked out in the browser as answers change.
//!
//! The fields of each question page, filled from the draft, in the voice of who is answering.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::RunningResult;
use crate::components::{Checkboxes, Choice, Input};
use crate::domain::eligibility::{ADULT_ONLY_LIMB, LIMBS};
use crate::forms::{field_id, field_name, FieldErrors};
use crate::journeys::eligibility::flow::{
    limb_label, CheckDraft, CheckPage, ADULT_QUESTIONS, CARER_QUESTIONS, MANAGES,
};
use crate::journeys::eligibility::{load_check, SaveCheckAnswer};
use crate::journeys::flow::Journey;
use crate::journeys::question_form::Checker;
use crate::journeys::question_route::{question_route, radios_question, QuestionParts};

fn yes_no_unsure() -> Vec<Choice> {
    vec![
        Choice::new("yes", "Yes"),
        Choice::new("no", "No"),
        Choice::new("not_sure", "I'm not sure"),
    ]
}

#[component]
pub fn CheckQuestionPage() -> impl IntoView {
    question_route(load_check, SaveCheckAnswer::url(), |page, state| {
        let so_far = state.draft.so_far_words(page);
        let after = view! {
            <RunningResult words=so_far note="This changes as you answer. It is not a decision: anyone can ask for an assessment."/>
        };
        QuestionParts {
            checker: Checker::Eligibility {
                page,
                draft: Box::new(state.draft.clone()),
            },
            after: Some(after.into_any()),
            ..QuestionParts::new(question_fields(page, &state.draft, &state.errors))
        }
    })
}

pub fn question_fields(page: CheckPage, draft: &CheckDraft, errors: &FieldErrors) -> AnyView {
    let all = errors.clone();
    let error = move |field: &str| all.message_for(field);
    let question = page.question(draft).into_owned();
    let mine = draft.for_whom == "me";
    let radios = |field: &'static str, value: &str, items: Vec<Choice>, hint: &str| {
        radios_question(question.clone(), field, value, items, hint, error(field))
    };
    let age = |field: &'static str, value: &str, hint: &str| {
        view! {
            <Input
                name=field_name(field) id=field_id(field) label=question.clone() is_page_heading=true
                label_size=crate::components::HeadingSize::L hint=hint.to_owned() value=value.to_owned()
                inputmode="numeric" classes="govuk-input--width-3" error=error(field)
            />
        }
        .into_any()
    };
    let outcome = |code: &str, example: &str, answered: Option<&Vec<String>>, adult: bool| {
        let mut items: Vec<Choice> = LIMBS
            .iter()
            .filter(|(limb, _)| adult || *limb != ADULT_ONLY_LIMB)
            .map(|(limb, _)| Choice::new(*limb, limb_label(limb, mine || !adult)))
            .collect();
        let manages = if mine || !adult {
            "This is not hard for me"
        } else {
            "This is not hard for them"
        };
        items.push(Choice::new(MANAGES, manages));
        let _ = code;
        view! {
            <Checkboxes
                name=field_name("answer") id=field_id("answer") legend=question.clone() is_page_heading=true keyed=true
                hint=format!("{example}. Select all that apply.") items=items
                selected=answered.cloned().unwrap_or_default() error=error("answer")
            />
        }
        .into_any()
    };
    match page {
        CheckPage::WhoIsItFor => radios(
            "for_whom",
            &draft.for_whom,
            vec![
                Choice::new("me", "Me"),
                Choice::new("cared_for", "Someone I look after"),
                Choice::new("someone_else", "Someone else"),
            ],
            "To check support for yourself as a carer, choose ‘Me’.",
        ),
        CheckPage::AreYouACarer => radios(
            "carer",
            &draft.carer,
            vec![
                Choice::new("yes", "Yes, I want to check support for me as a carer"),
                Choice::new("no", "No, I want to check care and support for me"),
            ],
            "A carer is someone who looks after a family member, partner or friend who could not manage without them. It is not paid work.",
        ),
        CheckPage::Condition => radios(
            "condition",
            &draft.condition,
            yes_no_unsure(),
            "For example, a physical disability, a long-term illness, dementia, a mental health condition, a learning disability, or frailty.",
        ),
        CheckPage::Everyday(i) => {
            let (code, _, example) = ADULT_QUESTIONS[i];
            outcome(code, example, draft.everyday.get(code), true)
        }
        CheckPage::Caring(i) => {
            let (code, _, example) = CARER_QUESTIONS[i];
            outcome(code, &format!("Because of caring, is this hard for you? {example}"), draft.caring.get(code), false)
        }
        CheckPage::CarerAge => age("age", &draft.age, "Carers under 18 get support from children's services"),
        CheckPage::TheirAge => age(
            "their_age",
            &draft.their_age,
            "Young people under 18 are supported by children's services until they are adults",
        ),
        CheckPage::CaredForAge => age(
            "cared_for_age",
            &draft.cared_for_age,
            "If you look after more than one person, answer for the one you help most. The carer of a child under 18 is supported by children's services",
        ),
        CheckPage::NecessaryCare => radios(
            "necessary_care",
            &draft.necessary_care,
            yes_no_unsure(),
            "For example, would they go without meals, medicine or washing?",
        ),
        CheckPage::YourHealth => radios(
            "health",
            &draft.health,
            yes_no_unsure(),
            "For example, you are exhausted, not sleeping, in pain from lifting, or feeling low or anxious.",
        ),
        CheckPage::GoodAndBadDays => radios(
            "changes",
            &draft.changes,
            vec![Choice::new("yes", "Yes, there are good days and bad days"), Choice::new("no", "No, it is much the same every day")],
            "Think about a bad day as well as a good one. We look at needs over time.",
        ),
        CheckPage::Wellbeing => radios(
            "wellbeing",
            &draft.wellbeing,
            vec![
                Choice::new("significant", "A lot: it affects health, safety, dignity, relationships or daily life"),
                Choice::new("some", "A little"),
                Choice::new("none", "Not at all"),
                Choice::new("not_sure", "I'm not sure"),
            ],
            "Well-being means things like health, feeling safe, having control over daily life, and keeping in touch with people.",
        ),
        CheckPage::CheckAnswers => ().into_any(),
    }
}
