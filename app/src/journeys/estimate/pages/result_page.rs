//! The estimate: "You might pay about £X a week", the breakdown with every line's source
//! adding up to it, what the person should know, what is free anyway, when the full
//! financial assessment happens, and ways on. Prints cleanly (the print stylesheet hides
//! the page furniture).
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::free_anyway;
use crate::components::{Button, ButtonKind, InsetText, Layout, WarningText};
use crate::domain::charging::Pence;
use crate::journeys::answers_then_result::not_finished;
use crate::journeys::estimate::flow::{BASE, CHECK_PATH};
use crate::journeys::estimate::{
    load_estimate_result, AttachEstimate, DeleteEstimateAnswers, EstimateResult,
};
use crate::pages::loaded::with_loaded;

#[component]
pub fn EstimateResultPage() -> impl IntoView {
    with_loaded(load_estimate_result, |result| match result {
        None => not_finished("the estimate", BASE),
        Some(result) => result_view(result).into_any(),
    })
}

fn heading(r: &EstimateResult) -> String {
    let e = &r.estimate;
    match (e.full_cost, e.weekly_contribution_pence) {
        (true, Some(amount)) => format!("You would pay the full cost: about {amount} a week"),
        (true, None) => "You would pay the full cost of your care".to_owned(),
        (false, Some(amount)) if amount == Pence::ZERO => {
            "You might pay nothing towards your care".to_owned()
        }
        (false, Some(amount)) => format!("You might pay about {amount} a week"),
        (false, None) => "We could not work out an estimate".to_owned(),
    }
}

/// A signed amount for the breakdown: "£221.20", "− £112.50".
fn signed(amount: Pence) -> String {
    if amount.is_negative() {
        format!("− {}", -amount)
    } else {
        amount.to_string()
    }
}

fn result_view(r: EstimateResult) -> impl IntoView {
    let title = heading(&r);
    let e = r.estimate.clone();
    let what = if r.care_type == "home" {
        "care at home"
    } else {
        "a care home"
    };
    let rows = e
        .lines
        .iter()
        .map(|line| {
            view! {
                <tr class="govuk-table__row">
                    <td class="govuk-table__cell">
                        {line.label.clone()}
                        {line.provisional.then(|| view! { " " <strong class="govuk-tag govuk-tag--yellow">"Provisional"</strong> })}
                        <span class="govuk-body-s app-source">{format!("Source: {}", line.source)}</span>
                    </td>
                    <td class="govuk-table__cell govuk-table__cell--numeric app-amount">{signed(line.amount_pence)}</td>
                </tr>
            }
        })
        .collect_view();
    let total = e
        .weekly_contribution_pence
        .map(|t| t.to_string())
        .unwrap_or_else(|| "The full cost".to_owned());
    let notes = (!e.notes.is_empty()).then(|| {
        let items = e
            .notes
            .iter()
            .map(|n| view! { <li>{n.text.clone()}</li> })
            .collect_view();
        view! {
            <h2 class="govuk-heading-m">"Things to know"</h2>
            <ul class="govuk-list govuk-list--bullet">{items}</ul>
        }
    });
    view! {
        <Layout title=title.clone() back=CHECK_PATH>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <span class="govuk-caption-l">{format!("Estimate for {what}, {} rates", e.financial_year)}</span>
                    <h1 class="govuk-heading-l">{title.clone()}</h1>
                    {e.provisional.then(|| view! {
                        <WarningText>
                            {format!("This estimate is provisional: it uses figures for {} that are not yet confirmed. They are marked below.", e.financial_year)}
                        </WarningText>
                    })}
                    <InsetText>
                        "This is an estimate, not a bill. What you pay is worked out in a financial assessment, after an assessment of your needs."
                    </InsetText>
                    <table class="govuk-table app-breakdown">
                        <caption class="govuk-table__caption govuk-table__caption--m">"How we worked it out (a week)"</caption>
                        <thead class="govuk-table__head">
                            <tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">"What"</th>
                                <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Amount"</th>
                            </tr>
                        </thead>
                        <tbody class="govuk-table__body">
                            {rows}
                            <tr class="govuk-table__row app-breakdown__total">
                                <th scope="row" class="govuk-table__header">"You might pay"</th>
                                <td class="govuk-table__cell govuk-table__cell--numeric app-amount"><strong>{total}</strong></td>
                            </tr>
                        </tbody>
                    </table>
                    <p class="govuk-body-s">{format!("The council's choices used here: {}.", r.policy_source)}</p>
                    {notes}
                    <h2 class="govuk-heading-m">"What happens next"</h2>
                    <p class="govuk-body">
                        "If the council arranges your care, a financial assessment works out exactly what you pay. "
                        "It happens after an assessment of your needs. Someone will go through your money with you, "
                        "and you can show letters and statements. You will not pay more than the care costs."
                    </p>
                    <p class="govuk-body">"To keep a copy, print this page or save it as a PDF with your browser's print option."</p>
                    <h2 class="govuk-heading-m">"Ask for an assessment"</h2>
                    <p class="govuk-body">
                        "You can include this estimate in a request for an assessment, if you want to. "
                        "We would send the figure and the kind of care, not your answers about your money."
                    </p>
                    <form method="post" action=AttachEstimate::url()>
                        <Button text="Ask for an assessment and include this estimate"/>
                    </form>
                    <p class="govuk-body"><a class="govuk-link" href={crate::journeys::referral::flow::BASE}>"Ask for an assessment without the estimate"</a></p>
                    {free_anyway()}
                    <h2 class="govuk-heading-m">"Your answers"</h2>
                    <p class="govuk-body"><a class="govuk-link" href=CHECK_PATH>"Change your answers"</a></p>
                    <form method="post" action=DeleteEstimateAnswers::url()>
                        <Button text="Delete my answers" kind=ButtonKind::Secondary/>
                    </form>
                </div>
            </div>
        </Layout>
    }
}
