//! Integration health: the outbox's counts per channel, each failing message with its last
//! error, and "Retry now".
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use super::frame::{with_staff_loaded, StaffFrame};
use crate::api::staff::integration::{load_integration, RetryMessage, STUCK_AFTER};
use crate::components::{NotificationBanner, NotificationKind, Table, Tag, TagColour};

#[component]
pub fn IntegrationPage() -> impl IntoView {
    with_staff_loaded(load_integration, |view| {
        let header = view.header.clone();
        let flash = view.flash.clone().map(|text| {
            view! { <NotificationBanner kind=NotificationKind::Success heading=text/> }
        });
        let channels = view
            .channels
            .iter()
            .map(|c| {
                vec![
                    c.label.clone(),
                    c.pending.to_string(),
                    c.failing.to_string(),
                    c.stuck.to_string(),
                    c.oldest.clone(),
                    c.expired.to_string(),
                ]
            })
            .collect();
        let problems = view
            .problems
            .iter()
            .map(|p| {
                let tag = if p.stuck {
                    view! { <Tag text="Stuck" colour=Some(TagColour::Red)/> }.into_any()
                } else {
                    view! { <Tag text="Failing" colour=Some(TagColour::Orange)/> }.into_any()
                };
                let label = format!("Retry message {} now", p.id);
                view! {
                    <tr class="govuk-table__row">
                        <th scope="row" class="govuk-table__header">{p.id}<br/>{tag}</th>
                        <td class="govuk-table__cell">{p.channel.clone()}<br/>{p.about.clone()}</td>
                        <td class="govuk-table__cell govuk-table__cell--numeric">{p.attempts}</td>
                        <td class="govuk-table__cell">{p.last_error.clone()}</td>
                        <td class="govuk-table__cell">{p.next_try.clone()}</td>
                        <td class="govuk-table__cell">
                            <form method="post" action=RetryMessage::url()>
                                <input type="hidden" name="form[id]" value=p.id.to_string()/>
                                <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" aria-label=label>"Retry now"</button>
                            </form>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        let none_failing = view.problems.is_empty();
        view! {
            <StaffFrame title="Integration health" header=header>
                {flash}
                <h1 class="govuk-heading-l">"Integration health"</h1>
                <p class="govuk-body">"Emails to residents and events to the case-management system leave through the outbox. A message that fails is tried again after 10 seconds, then twice as long each time, up to once an hour. After " {STUCK_AFTER} " tries it is shown as stuck. A message still not delivered after the council's time for undelivered messages expires: its contents are erased and it is never sent, so the person may need to be contacted another way. Messages about a request that is erased, or a carer who leaves the register, are erased with it."</p>
                <Table
                    caption="Waiting to be delivered" caption_size=crate::components::HeadingSize::M
                    head=vec!["Channel".into(), "Waiting".into(), "Failing".into(), "Stuck".into(), "Oldest waiting since".into(), "Expired, not sent".into()]
                    rows=channels first_cell_is_header=true numeric_columns=vec![1, 2, 3, 5]
                />
                <h2 class="govuk-heading-m" id="problems-heading">"Failing messages"</h2>
                {if none_failing {
                    view! { <p class="govuk-body">"No message is failing."</p> }.into_any()
                } else {
                    view! {
                        <table class="govuk-table app-problems" aria-labelledby="problems-heading">
                            <thead class="govuk-table__head">
                                <tr class="govuk-table__row">
                                    <th scope="col" class="govuk-table__header">"Message"</th>
                                    <th scope="col" class="govuk-table__header">"What"</th>
                                    <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Tries"</th>
                                    <th scope="col" class="govuk-table__header">"Last error"</th>
                                    <th scope="col" class="govuk-table__header">"Next try"</th>
                                    <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">"Action"</span></th>
                                </tr>
                            </thead>
                            <tbody class="govuk-table__body">{problems}</tbody>
                        </table>
                    }.into_any()
                }}
            </StaffFrame>
        }
    })
}
