//! The emergency duty team's door: the reference on a carer's card, then the plan.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::frame::{with_staff_loaded, StaffFrame};
use crate::api::staff::emergency::{load_emergency, LookUpPlan, PlanView};
use crate::components::{Button, ErrorSummary, Input, SummaryList, SummaryRow, WarningText};
use crate::forms::{field_id, field_name, page_title};

const TITLE: &str = "Look up a carer's emergency plan";

#[component]
pub fn EmergencyPage() -> impl IntoView {
    with_staff_loaded(load_emergency, |view| {
        let title = page_title(TITLE, !view.errors.is_empty());
        let header = view.header.clone();
        let errors = Signal::stored(view.errors.clone());
        view! {
            <StaffFrame title=title header=header>
                <ErrorSummary errors=errors/>
                <h1 class="govuk-heading-l">{TITLE}</h1>
                <p class="govuk-body">"For when a carer cannot care: an accident, an illness, a hospital stay. Every lookup is recorded."</p>
                <form method="post" action=LookUpPlan::url() novalidate>
                    <Input
                        name=field_name("reference") id=field_id("reference") label="Reference on the carer's emergency card"
                        hint="For example, CAR-7K3M-9QX2-HD4P" value=view.form.reference.clone()
                        spellcheck=false autocomplete="off" classes="govuk-input--width-20"
                        error=view.errors.message_for("reference")
                    />
                    <Button text="Look up the plan"/>
                </form>
                {view.plan.map(plan_view)}
            </StaffFrame>
        }
    })
}

/// A carer's registration as the duty team needs it (also the heart of the carer's record).
pub(super) fn plan_view(plan: PlanView) -> impl IntoView {
    let carer = vec![
        SummaryRow::fact("Name", vec![plan.carer_name.clone()]),
        SummaryRow::fact("Phone", vec![plan.carer_phone.clone()]),
        SummaryRow::fact("Address", vec![plan.carer_address.clone()]),
    ];
    let cared_for = plan
        .cared_for
        .iter()
        .map(|p| {
            view! {
                <h3 class="govuk-heading-s">{p.name.clone()}</h3>
                <SummaryList rows=vec![
                    SummaryRow::fact("Relationship to the carer", vec![p.relationship.clone()]),
                    SummaryRow::fact("Address", vec![p.address.clone()]),
                    SummaryRow::fact("Main needs", vec![p.needs.clone()]),
                ]/>
            }
        })
        .collect_view();
    let contacts = plan
        .contacts
        .iter()
        .map(|(name, relationship, phone)| {
            SummaryRow::fact(name, vec![relationship.clone(), phone.clone()])
        })
        .collect::<Vec<_>>();
    let keyholders = plan
        .keyholders
        .iter()
        .map(|(name, phone)| SummaryRow::fact(name, vec![phone.clone()]))
        .collect::<Vec<_>>();
    let plan_part = match plan.needs.clone() {
        None => view! { <p class="govuk-body">"The carer did not make an emergency plan."</p> }.into_any(),
        Some(needs) => view! {
            <h2 class="govuk-heading-m">"What they need in an emergency"</h2>
            <p class="govuk-body app-preserve-lines">{needs}</p>
            <h2 class="govuk-heading-m">"Who to call"</h2>
            {if contacts.is_empty() { view! { <p class="govuk-body">"No contacts given."</p> }.into_any() } else { view! { <SummaryList rows=contacts/> }.into_any() }}
            <h2 class="govuk-heading-m">"Who holds a key"</h2>
            {if keyholders.is_empty() { view! { <p class="govuk-body">"No keyholders given."</p> }.into_any() } else { view! { <SummaryList rows=keyholders/> }.into_any() }}
            <WarningText>"A key-safe code is never kept here. Ask a keyholder or the carer."</WarningText>
        }.into_any(),
    };
    view! {
        <h2 class="govuk-heading-l govuk-!-margin-top-6">{format!("Emergency plan for {}", plan.reference)}</h2>
        <h2 class="govuk-heading-m">"The carer"</h2>
        <SummaryList rows=carer/>
        <h2 class="govuk-heading-m">"Who they care for"</h2>
        {cared_for}
        {plan_part}
    }
}
