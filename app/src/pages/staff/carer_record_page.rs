//! A carer's registration, opened from the queue: its state, what caring involves, the carer
//! and the people they look after with the emergency plan, and "Mark as checked".
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

use super::emergency_page::plan_view;
use super::frame::{with_staff_loaded, StaffFrame};
use crate::api::staff::carer_record::{load_carer_record, CarerRecordView, MarkChecked};
use crate::components::{Button, NotificationBanner, NotificationKind, SummaryList, SummaryRow};

#[component]
pub fn CarerRecordPage() -> impl IntoView {
    let reference = use_params_map().with_untracked(|p| p.get("reference").unwrap_or_default());
    with_staff_loaded(
        move || load_carer_record(reference.clone()),
        |record| {
            let header = record.header.clone();
            let reference = record.plan.reference.clone();
            let flash = record.flash.clone().map(|text| {
                view! { <NotificationBanner kind=NotificationKind::Success heading=text/> }
            });
            view! {
                <StaffFrame title=reference.clone() header=header>
                    {flash}
                    <span class="govuk-caption-l">"Carer registration"</span>
                    <h1 class="govuk-heading-l">{reference.clone()}</h1>
                    {state(&record)}
                    {record.may_mark_checked.then(|| view! {
                        <form method="post" action=MarkChecked::url()>
                            <input type="hidden" name="form[reference]" value=reference.clone()/>
                            <p class="govuk-body">"Mark it checked once you have read the registration and offered the carer a carer's assessment, if they want one. It then leaves the open queue."</p>
                            <Button text="Mark as checked"/>
                        </form>
                    })}
                    <h2 class="govuk-heading-m">"Their caring"</h2>
                    <SummaryList rows=record.caring.iter().map(|(question, answers)| SummaryRow::fact(question, answers.clone())).collect()/>
                    {plan_view(record.plan.clone())}
                </StaffFrame>
            }
        },
    )
}

fn state(record: &CarerRecordView) -> impl IntoView {
    let mut rows = vec![
        SummaryRow::fact("Status", vec![record.status.clone()]),
        SummaryRow::fact("Registered", vec![record.registered.clone()]),
    ];
    if let Some(checked) = &record.checked {
        rows.push(SummaryRow::fact("Checked", vec![checked.clone()]));
    }
    view! { <SummaryList rows=rows/> }
}
