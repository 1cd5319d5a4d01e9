//! A referral's record: its state (with its Client Level Data route of access, which staff
//! can correct), every answer (as the resident or professional gave them), who follows it,
//! its history, and the forms to change its status (closing asks the CLD event outcome) and
//! assign it.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

use super::frame::{with_staff_loaded, StaffFrame};
use crate::api::staff::referral::{
    load_referral_record, AssignReferral, ChangeReferralStatus, CorrectRoute, ReferralRecord,
    NOTE_MAX_CHARS,
};
use crate::components::{
    Button, ButtonKind, Choice, ErrorSummary, NotificationBanner, NotificationKind, OptionGroup,
    Radios, Select, SummaryList, SummaryRow, SummarySections, Tag, TagColour, Textarea,
};
use crate::date_parts::DateParts;
use crate::domain::cld::{label, EVENT_OUTCOMES, ROUTES_OF_ACCESS};
use crate::domain::concern::KIND as CONCERN;
use crate::domain::referral_status::{OUTCOMES, STATUSES};
use crate::forms::{field_id, field_name, page_title};
use crate::journeys::concern::flow::ConcernDraft;
use crate::journeys::referral::flow::ReferralDraft;

#[component]
pub fn RecordPage() -> impl IntoView {
    let reference = use_params_map().with_untracked(|p| p.get("reference").unwrap_or_default());
    with_staff_loaded(
        move || load_referral_record(reference.clone()),
        |record| {
            let title = page_title(&record.reference, !record.errors.is_empty());
            let header = record.header.clone();
            let errors = Signal::stored(record.errors.clone());
            let flash = record.flash.clone().map(|text| {
                view! { <NotificationBanner kind=NotificationKind::Success heading=text/> }
            });
            view! {
                <StaffFrame title=title header=header>
                    <ErrorSummary errors=errors/>
                    {flash}
                    <span class="govuk-caption-l">{record.kind_label.clone()}</span>
                    <h1 class="govuk-heading-l">{record.reference.clone()}</h1>
                    {state(&record)}
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            {changes(&record)}
                            {answers(&record)}
                            {trackers(&record)}
                            {history(&record)}
                        </div>
                        <div class="govuk-grid-column-one-third">
                            {status_form(&record)}
                            {assign_form(&record)}
                            {route_form(&record)}
                        </div>
                    </div>
                </StaffFrame>
            }
        },
    )
}

fn state(record: &ReferralRecord) -> impl IntoView {
    let status = match &record.outcome_label {
        Some(outcome) => format!("{}: {outcome}", record.status_label),
        None => record.status_label.clone(),
    };
    let assigned = record
        .assigned_to
        .as_ref()
        .and_then(|id| record.team.iter().find(|(tid, _)| tid == id))
        .map(|(_, name)| name.clone())
        .unwrap_or_else(|| "Nobody".into());
    let communication = !record.request.person.communication().is_empty();
    let trusted = record.trusted_domain.as_deref().map(|domain| {
        SummaryRow::fact(
            "Work email",
            vec![if domain.is_empty() {
                "Not on a domain the council trusts: check who sent this".to_owned()
            } else {
                format!("On a trusted domain ({domain})")
            }],
        )
    });
    let mut rows = vec![
        SummaryRow::fact("Status", vec![status]),
        SummaryRow::fact(
            "Received",
            vec![format!("{} ({})", record.submitted, record.channel)],
        ),
        SummaryRow::fact(
            "Eligibility self-check",
            vec![record
                .from_check
                .as_ref()
                .map(|result| format!("Came from the self-check: {result}"))
                .unwrap_or_else(|| "Did not come from the self-check".into())],
        ),
        SummaryRow::fact(
            "Route of access",
            vec![label(&ROUTES_OF_ACCESS, &record.route_of_access).to_owned()],
        ),
        SummaryRow::fact("Requester type", vec![record.requester_type.clone()]),
        SummaryRow::fact(
            "Event outcome",
            vec![record
                .event_outcome
                .clone()
                .unwrap_or_else(|| "Recorded when it is closed".into())],
        ),
        SummaryRow::fact("Communication needs", {
            let needs = record.request.person.communication();
            if needs.is_empty() {
                vec!["None recorded".to_owned()]
            } else {
                needs
            }
        }),
        SummaryRow::fact("Assigned to", vec![assigned]),
        SummaryRow::fact(
            "Case-management id",
            vec![record
                .case_id
                .clone()
                .unwrap_or_else(|| "Not yet known".into())],
        ),
    ];
    rows.extend(trusted);
    let trusted_tag = record
        .trusted_domain
        .as_deref()
        .is_some_and(|d| !d.is_empty());
    view! {
        {(record.urgent || communication || trusted_tag || record.change_unseen).then(|| view! {
            <p class="govuk-body">
                {record.urgent.then(|| view! { <Tag text="Urgent" colour=Some(TagColour::Red)/> " " })}
                {record.change_unseen.then(|| view! { <Tag text="Something has changed" colour=Some(TagColour::Orange)/> " " })}
                {communication.then(|| view! { <Tag text="Communication needs" colour=Some(TagColour::Purple)/> " " })}
                {trusted_tag.then(|| view! { <Tag text="Trusted work email" colour=Some(TagColour::Green)/> })}
            </p>
        })}
        <SummaryList rows=rows/>
    }
}

/// `YYYY-MM-DD` as the day, month and year the pages show.
fn date_parts(iso: &str) -> DateParts {
    let mut parts = iso.splitn(3, '-');
    let (year, month, day) = (parts.next(), parts.next(), parts.next());
    DateParts {
        day: day.unwrap_or_default().trim_start_matches('0').to_owned(),
        month: month.unwrap_or_default().trim_start_matches('0').to_owned(),
        year: year.unwrap_or_default().to_owned(),
    }
}

fn answers(record: &ReferralRecord) -> impl IntoView {
    let request = record.request.clone();
    let sections: Vec<(String, Vec<SummaryRow>)> = if record.kind == CONCERN {
        let reporter_dob = request
            .referrer
            .as_ref()
            .map(|r| date_parts(&r.date_of_birth))
            .unwrap_or_default();
        let draft = ConcernDraft {
            give_details: if request.referrer.is_some() {
                "yes"
            } else {
                "no"
            }
            .into(),
            reporter_date_of_birth: reporter_dob,
            request,
            ..ConcernDraft::default()
        };
        vec![(
            "The concern".to_owned(),
            crate::journeys::concern::pages::answer_rows(&draft),
        )]
    } else if request.is_professional() {
        let draft = crate::journeys::professional::flow::ProfessionalDraft {
            is_discharge: if request.discharge.is_some() {
                "yes"
            } else {
                "no"
            }
            .into(),
            request,
            ..Default::default()
        };
        crate::journeys::professional::pages::answer_sections(&draft)
            .into_iter()
            .map(|(heading, rows)| (heading.to_owned(), rows))
            .collect()
    } else {
        let draft = ReferralDraft {
            date_of_birth: date_parts(&request.person.date_of_birth),
            request,
            ..ReferralDraft::default()
        };
        crate::journeys::referral::pages::answer_sections(&draft)
            .into_iter()
            .map(|(heading, rows)| (heading.to_owned(), rows))
            .collect()
    };
    let estimate = record.request.estimate.clone().map(|estimate| {
        view! {
            <h2 class="govuk-heading-m">"Estimate of what they might pay"</h2>
            <p class="govuk-body">{estimate.describe()}</p>
        }
    });
    let sections = sections
        .into_iter()
        .map(|(heading, rows)| {
            (
                heading,
                rows.into_iter().map(SummaryRow::without_actions).collect(),
            )
        })
        .collect();
    view! { <SummarySections sections=sections/> {estimate} }
}

/// "Something has changed", as the person or someone following the request told us.
fn changes(record: &ReferralRecord) -> impl IntoView {
    (!record.changes.is_empty()).then(|| {
        let rows = record
            .changes
            .iter()
            .map(|(when, more_urgent, what)| {
                SummaryRow::fact(
                    when,
                    vec![
                        if *more_urgent {
                            "More urgent now"
                        } else {
                            "Not more urgent"
                        }
                        .to_owned(),
                        what.clone(),
                    ],
                )
            })
            .collect::<Vec<_>>();
        view! {
            <h2 class="govuk-heading-m">"What has changed while they wait"</h2>
            <SummaryList rows=rows/>
        }
    })
}

fn trackers(record: &ReferralRecord) -> impl IntoView {
    let rows = record
        .trackers
        .iter()
        .map(|t| SummaryRow::fact(&t.name, vec![t.relationship.clone(), t.contact.clone()]))
        .collect::<Vec<_>>();
    view! {
        <h2 class="govuk-heading-m">"Who can follow its progress"</h2>
        {if rows.is_empty() {
            view! { <p class="govuk-body">"Nobody besides the person."</p> }.into_any()
        } else {
            view! { <SummaryList rows=rows/> }.into_any()
        }}
    }
}

fn history(record: &ReferralRecord) -> impl IntoView {
    let items = record
        .history
        .iter()
        .rev()
        .map(|h| {
            let status = match &h.outcome {
                Some(outcome) => format!("{}: {outcome}", h.status),
                None => h.status.clone(),
            };
            let note = (!h.note.is_empty()).then(|| {
                let who = if h.note_visible { "Note for the resident" } else { "Internal note" };
                view! { <p class="govuk-body"><strong>{who} ": "</strong>{h.note.clone()}</p> }
            });
            view! {
                <li class="app-history__item">
                    <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{status}</h3>
                    <p class="govuk-body-s govuk-!-margin-bottom-1">{h.when.clone()} " by " {h.actor.clone()}</p>
                    {note}
                </li>
            }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-m">"History"</h2>
        <ol class="govuk-list app-history" reversed>{items}</ol>
    }
}

fn status_form(record: &ReferralRecord) -> impl IntoView {
    let form = &record.form;
    let errors = &record.errors;
    let statuses = STATUSES
        .iter()
        .map(|s| (s.code.to_owned(), s.label.to_owned()))
        .collect::<Vec<_>>();
    let mut outcomes = vec![(String::new(), "Not closing".to_owned())];
    outcomes.extend(
        OUTCOMES
            .iter()
            .map(|o| (o.code.to_owned(), o.label.to_owned())),
    );
    let mut event_outcomes = vec![(String::new(), "Not closing".to_owned())];
    event_outcomes.extend(
        EVENT_OUTCOMES
            .iter()
            .map(|(code, words)| ((*code).to_owned(), (*words).to_owned())),
    );
    let note_for = vec![
        Choice::new("internal", "Staff only"),
        Choice::new(
            "resident",
            "The resident and the people following the request",
        ),
    ];
    let hint = format!(
        "Up to {NOTE_MAX_CHARS} characters. A note for the resident is shown on the progress page and sent in the update email."
    );
    view! {
        <h2 class="govuk-heading-m">"Change the status"</h2>
        <form method="post" action=ChangeReferralStatus::url() novalidate>
            <input type="hidden" name=field_name("reference") value=record.reference.clone()/>
            <Select
                name=field_name("status") id=field_id("status") label="New status"
                groups=vec![OptionGroup { label: None, options: statuses }]
                selected=form.status.clone() error=errors.message_for("status")
            />
            <Select
                name=field_name("outcome") id=field_id("outcome") label="How it ended"
                hint="Only when closing the request."
                groups=vec![OptionGroup { label: None, options: outcomes }]
                selected=form.outcome.clone() error=errors.message_for("outcome")
            />
            <Select
                name=field_name("event_outcome") id=field_id("event_outcome") label="What it led to (Client Level Data)"
                hint="Only when closing the request. An NFA outcome without an assessment counts as resolved at first contact."
                groups=vec![OptionGroup { label: None, options: event_outcomes }]
                selected=form.event_outcome.clone() error=errors.message_for("event_outcome")
            />
            <Textarea
                name=field_name("note") id=field_id("note") label="Note (optional)" hint=hint
                value=form.note.clone() error=errors.message_for("note") rows=4
            />
            <Radios
                name=field_name("note_for") id=field_id("note_for") legend="Who can see the note"
                items=note_for selected=Some(if form.note_for.is_empty() { "internal".to_owned() } else { form.note_for.clone() })
                error=errors.message_for("note_for")
            />
            <Button text="Save status" prevent_double_click=true/>
        </form>
    }
}

fn assign_form(record: &ReferralRecord) -> impl IntoView {
    let mut team = vec![("nobody".to_owned(), "Nobody".to_owned())];
    team.extend(record.team.iter().cloned());
    let selected = record
        .assigned_to
        .clone()
        .unwrap_or_else(|| "nobody".into());
    view! {
        <h2 class="govuk-heading-m">"Assign"</h2>
        <form method="post" action=AssignReferral::url()>
            <input type="hidden" name=field_name("reference") value=record.reference.clone()/>
            <Select
                name=field_name("assignee") id=field_id("assignee") label="Assign to"
                groups=vec![OptionGroup { label: None, options: team }] selected=selected
            />
            <Button text="Assign" kind=ButtonKind::Secondary/>
        </form>
    }
}

fn route_form(record: &ReferralRecord) -> impl IntoView {
    let routes = ROUTES_OF_ACCESS
        .iter()
        .map(|(code, words)| ((*code).to_owned(), (*words).to_owned()))
        .collect();
    view! {
        <h2 class="govuk-heading-m">"Route of access"</h2>
        <form method="post" action=CorrectRoute::url()>
            <input type="hidden" name=field_name("reference") value=record.reference.clone()/>
            <Select
                name=field_name("route_of_access") id=field_id("route_of_access") label="How the request came"
                hint="Worked out from the answers. Correct it if it is wrong: the change is audited."
                groups=vec![OptionGroup { label: None, options: routes }] selected=record.route_of_access.clone()
            />
            <Button text="Save route" kind=ButtonKind::Secondary/>
        </form>
    }
}
