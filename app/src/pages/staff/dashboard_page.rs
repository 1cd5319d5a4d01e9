//! The demand dashboard: each chart is server-rendered SVG with the same figures in a table
//! beneath it.
use leptos::prelude::*;

use super::frame::{with_staff_loaded, StaffFrame};
use crate::api::staff::dashboard::{load_dashboard, DownloadDashboard, Figures, WEEKS};
use crate::components::{BarChart, HeadingSize, HorizontalBarChart, Table};
use leptos::server_fn::ServerFn;

#[component]
pub fn DashboardPage() -> impl IntoView {
    with_staff_loaded(load_dashboard, |view| {
        let header = view.header.clone();
        let totals_row = |pairs: &[(String, i64)]| -> Vec<Vec<String>> {
            pairs
                .iter()
                .map(|(l, n)| vec![l.clone(), n.to_string()])
                .collect()
        };
        view! {
            <StaffFrame title="Dashboard" header=header>
                <h1 class="govuk-heading-l">"Dashboard"</h1>
                <p class="govuk-body">{format!("Requests made in the last {WEEKS} weeks: {}. Weeks start on Monday.", view.period)}</p>
                <p class="govuk-body"><a class="govuk-link" href=DownloadDashboard::url() download="dashboard.csv">"Download these figures (CSV)"</a></p>

                <h2 class="govuk-heading-m">"Requests each week"</h2>
                <BarChart id="weekly" title="Requests each week, all types" bars=view.weekly_totals.clone()/>
                {figures_table("Requests each week, by type", &view.by_type)}

                <h2 class="govuk-heading-m">"How requests reached us"</h2>
                <BarChart id="channels" title="Requests by channel" bars=view.channel_totals.clone()/>
                {figures_table("Requests each week, by channel", &view.by_channel)}

                <h2 class="govuk-heading-m">"How closed requests ended"</h2>
                <BarChart id="outcomes" title="Closed requests by outcome" bars=view.outcomes.clone()/>
                <Table caption="Closed requests by outcome" caption_size=HeadingSize::S
                    head=vec!["Outcome".into(), "Requests".into()] rows=totals_row(&view.outcomes)
                    first_cell_is_header=true numeric_columns=vec![1]/>

                <h2 class="govuk-heading-m">"Time to first contact"</h2>
                <p class="govuk-body">{match &view.median_days_to_contact {
                    Some(days) => format!("Half of the {} requests the team has moved on from 'received' were first acted on within {days} days.", view.contacted),
                    None => "No request made in this period has been acted on yet.".to_owned(),
                }}</p>

                <h2 class="govuk-heading-m">"Requests that came from the self-check"</h2>
                <p class="govuk-body">{match view.self_check_share() {
                    Some(share) => format!("{share} of the {} requests for an assessment ({}) came from the eligibility self-check's \"ask for an assessment\".", view.requests_for_assessment, view.from_self_check),
                    None => "No request for an assessment was made in this period.".to_owned(),
                }}</p>
                <HorizontalBarChart id="check-results" title="Self-check results behind requests" bars=view.check_results.clone()/>
                <Table caption="Self-check results behind requests" caption_size=HeadingSize::S
                    head=vec!["Self-check result".into(), "Requests".into()] rows=totals_row(&view.check_results)
                    first_cell_is_header=true numeric_columns=vec![1]/>

                <h2 class="govuk-heading-m">"Services the self-check suggested most"</h2>
                {if view.suggested.is_empty() {
                    view! { <p class="govuk-body">"The self-check has not suggested a service in this period."</p> }.into_any()
                } else {
                    view! {
                        <p class="govuk-body">"Each time a self-check's result page showed the service (up to 10 services)."</p>
                        <HorizontalBarChart id="suggested" title="Times each service was suggested" bars=view.suggested.clone()/>
                        <Table caption="Times each service was suggested" caption_size=HeadingSize::S
                            head=vec!["Service".into(), "Times suggested".into()] rows=totals_row(&view.suggested)
                            first_cell_is_header=true numeric_columns=vec![1]/>
                    }.into_any()
                }}
            </StaffFrame>
        }
    })
}

fn figures_table(caption: &str, figures: &Figures) -> impl IntoView {
    let mut head = vec!["Week starting".to_owned()];
    head.extend(figures.head.iter().cloned());
    let rows = figures
        .rows
        .iter()
        .map(|(label, counts)| {
            let mut row = vec![label.clone()];
            row.extend(counts.iter().map(|n| n.to_string()));
            row
        })
        .collect();
    let numeric = (1..head.len()).collect();
    view! {
        <div class="app-table-scroll">
            <Table caption=caption.to_owned() caption_size=HeadingSize::S head=head rows=rows
                first_cell_is_header=true numeric_columns=numeric/>
        </div>
    }
}
