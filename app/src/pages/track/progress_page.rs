//! The progress page: where the request is now, and its steps with the notes staff chose to
//! share. Shown only after a successful lookup in this browser session.
use leptos::prelude::*;

use crate::api::track::{load_progress, CHANGE_PATH, LOOKUP_PATH};
use crate::components::{Layout, NotificationBanner, NotificationKind, Tag};
use crate::council::CARE_LINE_PHONE;
use crate::pages::loaded::with_loaded;

#[component]
pub fn TrackProgressPage() -> impl IntoView {
    with_loaded(load_progress, |progress| {
        match progress {
        None => view! {
            <Layout title="Check the progress of a request" back=LOOKUP_PATH>
                <h1 class="govuk-heading-l">"Check the progress of a request"</h1>
                <p class="govuk-body">
                    <a class="govuk-link" href=LOOKUP_PATH>"Enter the reference and date of birth"</a>
                    " to see a request's progress."
                </p>
            </Layout>
        }
        .into_any(),
        Some(progress) => {
            let steps = progress
                .steps
                .into_iter()
                .map(|step| {
                    view! {
                        <li class="app-timeline__step">
                            <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{step.label}</h3>
                            <p class="govuk-body-s govuk-!-margin-bottom-1">{step.date}</p>
                            <p class="govuk-body">{step.explanation}</p>
                            {step.note.map(|note| view! { <div class="govuk-inset-text">{note}</div> })}
                        </li>
                    }
                })
                .collect_view();
            let status = match &progress.outcome_label {
                Some(outcome) => format!("{}: {outcome}", progress.status_label),
                None => progress.status_label.clone(),
            };
            view! {
                <Layout title="Progress of your request" back=LOOKUP_PATH>
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            {progress.change_told.then(|| view! {
                                <NotificationBanner kind=NotificationKind::Success heading="Thank you. We have told the First Contact Team what has changed."/>
                            })}
                            <span class="govuk-caption-l">{progress.reference.clone()}</span>
                            <h1 class="govuk-heading-l">"Progress of your request"</h1>
                            <p class="govuk-body">"Status: " <Tag text=status/></p>
                            {progress.expected_wait.clone().map(|wait| view! {
                                <h2 class="govuk-heading-m">"What happens next"</h2>
                                <p class="govuk-body">{wait.when}</p>
                                <p class="govuk-body">{wait.position}</p>
                            })}
                            <h2 class="govuk-heading-m">"What has happened so far"</h2>
                            <ol class="govuk-list app-timeline">{steps}</ol>
                            {progress.open.then(|| view! {
                                <h2 class="govuk-heading-m">"Has something changed?"</h2>
                                <p class="govuk-body">"If things have changed while you wait, for example after a fall or a stay in hospital, tell us so we can look again at how soon to help."</p>
                                <p class="govuk-body"><a class="govuk-link" href=CHANGE_PATH>"Tell us something has changed"</a></p>
                            })}
                            <p class="govuk-body">"If you have a question about the request, call the Care Line on " {CARE_LINE_PHONE} "."</p>
                        </div>
                    </div>
                </Layout>
            }
            .into_any()
        }
    }
    })
}
