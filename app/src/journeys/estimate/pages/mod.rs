//! "Estimate what you might pay": the start page, one question per page in groups, check
//! answers, and the result with every line explained and sourced.

mod check_answers_page;
mod question_pages;
mod result_page;
mod start_page;

pub use check_answers_page::EstimateCheckAnswersPage;
pub use question_pages::EstimateQuestionPage;
pub use result_page::EstimateResultPage;
pub use start_page::EstimateStartPage;

use leptos::prelude::*;

/// What is free whatever a person's money (SI 2014/2672 reg 3 and 4; Care Act 2014).
pub fn free_anyway() -> impl IntoView {
    view! {
        <h2 class="govuk-heading-m">"Care that is free whatever your money"</h2>
        <ul class="govuk-list govuk-list--bullet">
            <li>"assessments of your needs, and of your money"</li>
            <li>"equipment, and small changes to your home, costing up to £1,000 each"</li>
            <li>"reablement: short-term care to help you get back on your feet, for up to 6 weeks"</li>
            <li>"after-care under section 117 of the Mental Health Act"</li>
            <li>"care for people with Creutzfeldt-Jakob disease"</li>
        </ul>
        <p class="govuk-body">"A carer is never charged for care given to the person they look after."</p>
    }
}
