//! The demand dashboard: each chart is server-rendered SVG with the same figures in a table
//! beneath it; the forecast is `forecast_section.rs`.
use leptos::prelude::*;

use super::frame::{with_staff_loaded, StaffFrame};
use crate::api::staff::cld_download::DownloadCldReturn;
use crate::api::staff::dashboard::{load_dashboard, DownloadDashboard, Figures, Share, WEEKS};
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

                <h2 class="govuk-heading-m">"Client Level Data return"</h2>
                <form method="get" action=DownloadCldReturn::url()>
                    <div class="govuk-form-group">
                        <label class="govuk-label govuk-label--s" for="quarter">"Quarter"</label>
                        <div class="govuk-hint" id="quarter-hint">"Requests made in the quarter, in the return's field names: dates, route of access, requester type, event outcome, age band and postcode district. No names."</div>
                        <select class="govuk-select" id="quarter" name="quarter" aria-describedby="quarter-hint">
                            {view.quarters.iter().map(|(key, label)| view! { <option value=key.clone()>{label.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Download the requests (CSV)"</button>
                </form>

                <h2 class="govuk-heading-m">"Requests each week"</h2>
                <BarChart id="weekly" title="Requests each week, all types" bars=view.weekly_totals.clone()/>
                {figures_table("Requests each week, by type", &view.by_type)}

                <super::forecast_section::ForecastSection forecast=view.forecast.clone()/>

                <h2 class="govuk-heading-m">"How requests reached us"</h2>
                <BarChart id="channels" title="Requests by channel" bars=view.channel_totals.clone()/>
                {figures_table("Requests each week, by channel", &view.by_channel)}

                <h2 class="govuk-heading-m">"Routes of access"</h2>
                <p class="govuk-body">"How requests came, in the Client Level Data return's categories."</p>
                <HorizontalBarChart id="routes" title="Requests by route of access" bars=view.route_totals.clone()/>
                {figures_table("Requests each week, by route of access", &view.by_route)}

                <h2 class="govuk-heading-m">"Resolved at first contact"</h2>
                <p class="govuk-body">"Requests closed with a 'no further action' event outcome without an assessment, out of the requests made."</p>
                {shares_table("Resolved at first contact, by week the request was made", "Week starting", &view.first_contact_by_week)}
                {shares_table("Resolved at first contact, by route of access", "Route of access", &view.first_contact_by_route)}

                <h2 class="govuk-heading-m">"Hospital discharges"</h2>
                <BarChart id="discharges" title="Hospital discharges referred each week" bars=view.discharges_by_week.clone()/>
                <p class="govuk-body">{match view.median_days_before_discharge {
                    Some(days) if days >= 0 => format!("Half of the hospital discharges referred in this period reached us at least {days} {} before the expected discharge date.", if days == 1 { "day" } else { "days" }),
                    Some(days) => format!("Half of the hospital discharges referred in this period reached us {} {} or more after the expected discharge date.", -days, if days == -1 { "day" } else { "days" }),
                    None => "No hospital discharge was referred in this period.".to_owned(),
                }}</p>

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

fn shares_table(caption: &str, first_head: &str, shares: &[Share]) -> impl IntoView {
    let head = vec![
        first_head.to_owned(),
        "Requests".to_owned(),
        "Resolved at first contact".to_owned(),
        "Share".to_owned(),
    ];
    let rows = shares
        .iter()
        .map(|share| {
            vec![
                share.label.clone(),
                share.requests.to_string(),
                share.resolved.to_string(),
                share.percent(),
            ]
        })
        .collect();
    view! {
        <Table caption=caption.to_owned() caption_size=HeadingSize::S head=head rows=rows
            first_cell_is_header=true numeric_columns=vec![1, 2, 3]/>
    }
}
