//! Check your answers: each answer with a "Change" link that comes back here, then the result.
use leptos::prelude::*;

use crate::components::SummaryRow;
use crate::journeys::answers_then_result::{answers_then_result, ResultWay};
use crate::journeys::eligibility::flow::{
    limb_label, outcome_words, CheckDraft, CheckPage, ADULT_QUESTIONS, CARER_QUESTIONS, MANAGES,
    RESULT_PATH,
};
use crate::journeys::eligibility::load_check;
use crate::journeys::flow::Journey;
use crate::pages::loaded::with_loaded;

#[component]
pub fn CheckAnswersPage() -> impl IntoView {
    with_loaded(
        || load_check(CheckPage::CheckAnswers),
        |state| {
            let way = ResultWay {
                continue_text: "Continue the check",
                result_text: "See the result",
                result_path: RESULT_PATH,
                after: None,
            };
            answers_then_result::<CheckPage>(&state.draft, rows(&state.draft), way)
        },
    )
}

fn answer_words(value: &str) -> String {
    match value {
        "me" => "Me",
        "cared_for" => "Someone I look after",
        "someone_else" => "Someone else",
        "yes" => "Yes",
        "no" => "No",
        "not_sure" => "I'm not sure",
        "significant" => "A lot",
        "some" => "A little",
        "none" => "Not at all",
        other => other,
    }
    .to_owned()
}

fn rows(draft: &CheckDraft) -> Vec<SummaryRow> {
    let mine = draft.for_whom == "me";
    CheckPage::questions(draft)
        .into_iter()
        .filter(|p| p.applies(draft))
        .map(|page| {
            let value = match page {
                CheckPage::WhoIsItFor => vec![answer_words(&draft.for_whom)],
                CheckPage::AreYouACarer => vec![answer_words(&draft.carer)],
                CheckPage::Condition => vec![answer_words(&draft.condition)],
                CheckPage::CarerAge => vec![draft.age.clone()],
                CheckPage::TheirAge => vec![draft.their_age.clone()],
                CheckPage::CaredForAge => vec![draft.cared_for_age.clone()],
                CheckPage::NecessaryCare => vec![answer_words(&draft.necessary_care)],
                CheckPage::YourHealth => vec![answer_words(&draft.health)],
                CheckPage::GoodAndBadDays => vec![answer_words(&draft.changes)],
                CheckPage::Wellbeing => vec![answer_words(&draft.wellbeing)],
                CheckPage::Everyday(i) => limbs(draft.everyday.get(ADULT_QUESTIONS[i].0), mine),
                CheckPage::Caring(i) => limbs(draft.caring.get(CARER_QUESTIONS[i].0), true),
                CheckPage::CheckAnswers => vec![],
            };
            let key = match page {
                CheckPage::Everyday(i) => outcome_words(ADULT_QUESTIONS[i].0, false),
                CheckPage::Caring(i) => outcome_words(CARER_QUESTIONS[i].0, true),
                page => page.question(draft).into_owned(),
            };
            SummaryRow::answer(&key, value, page.change_path(), &key.to_lowercase())
        })
        .collect()
}

fn limbs(answer: Option<&Vec<String>>, mine: bool) -> Vec<String> {
    answer
        .map(|limbs| {
            limbs
                .iter()
                .map(|l| {
                    if l == MANAGES {
                        "Not hard".to_owned()
                    } else {
                        limb_label(l, mine)
                    }
                })
                .collect()
        })
        .unwrap_or_default()
}
