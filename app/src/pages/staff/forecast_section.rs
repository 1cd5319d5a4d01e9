//! The dashboard's demand forecast: the next 12 weeks as a chart with the figures and their
//! likely ranges in a table beneath it, the next 12 months, the same by kind and by route of
//! access, and how far to trust it (its backtest next to "the same week last year").
use leptos::prelude::*;

use crate::api::staff::forecast::{Expected, ForecastView, SeriesAhead, WEEKS_AHEAD};
use crate::components::{BarChart, HeadingSize, Table};
use crate::domain::forecast::{BAND_PERCENT, MIN_WEEKS};

#[component]
pub fn ForecastSection(forecast: Option<ForecastView>) -> impl IntoView {
    let Some(forecast) = forecast else {
        return view! {
            <h2 class="govuk-heading-m">"Forecast of demand"</h2>
            <p class="govuk-body">{format!("There is not enough history for a forecast yet: it needs at least {MIN_WEEKS} weeks of requests.")}</p>
        }
        .into_any();
    };
    let range = |e: &Expected| format!("{} to {}", e.low, e.high);
    let rows = |figures: &[Expected]| -> Vec<Vec<String>> {
        figures
            .iter()
            .map(|e| vec![e.label.clone(), e.expected.to_string(), range(e)])
            .collect()
    };
    let series_rows = |series: &[SeriesAhead]| -> Vec<Vec<String>> {
        series
            .iter()
            .map(|s| {
                vec![
                    s.weeks.label.clone(),
                    s.weeks.expected.to_string(),
                    range(&s.weeks),
                    s.months.expected.to_string(),
                    range(&s.months),
                ]
            })
            .collect()
    };
    let series_head = |first: &str| {
        vec![
            first.to_owned(),
            format!("Next {WEEKS_AHEAD} weeks"),
            "Likely range".to_owned(),
            "Next 12 months".to_owned(),
            "Likely range".to_owned(),
        ]
    };
    let bars: Vec<(String, i64)> = forecast
        .weeks
        .iter()
        .map(|w| (w.label.clone(), w.expected))
        .collect();
    let rhythm = if forecast.seasonal {
        "the trend and the year's rhythm"
    } else {
        "the trend alone (the year's rhythm needs two years of history)"
    };
    view! {
        <h2 class="govuk-heading-m">"Forecast of demand"</h2>
        <p class="govuk-body">{format!(
            "Requests we expect, from {rhythm} in the requests of the last {}. An estimate for planning, not a promise: in each likely range we expect {BAND_PERCENT} weeks in 100 to fall.",
            forecast.history
        )}</p>
        {match &forecast.trust {
            Some(trust) => view! {
                <div class="govuk-inset-text">
                    {format!(
                        "How far to trust it: forecasting each of the last {} weeks from the weeks before, it missed by {} requests a week on average ({} of what came). Taking the same week last year would have missed by {} ({}).",
                        trust.weeks_tested, trust.error, trust.error_percent, trust.naive_error, trust.naive_error_percent
                    )}
                </div>
            }.into_any(),
            None => view! {
                <div class="govuk-inset-text">"It cannot be tested against the weeks behind yet: that needs more than a year of history. Trust it less."</div>
            }.into_any(),
        }}
        <BarChart id="forecast" title=format!("Requests expected in each of the next {WEEKS_AHEAD} weeks") bars=bars/>
        <Table caption=format!("Requests expected in each of the next {WEEKS_AHEAD} weeks") caption_size=HeadingSize::S
            head=vec!["Week starting".into(), "Expected".into(), "Likely range".into()] rows=rows(&forecast.weeks)
            first_cell_is_header=true numeric_columns=vec![1]/>
        <Table caption="Requests expected in each of the next 12 months" caption_size=HeadingSize::S
            head=vec!["Month".into(), "Expected".into(), "Likely range".into()] rows=rows(&forecast.months)
            first_cell_is_header=true numeric_columns=vec![1]/>
        <div class="app-table-scroll">
            <Table caption="Requests expected, by type" caption_size=HeadingSize::S
                head=series_head("Type") rows=series_rows(&forecast.by_kind)
                first_cell_is_header=true numeric_columns=vec![1, 3]/>
        </div>
        <div class="app-table-scroll">
            <Table caption="Requests expected, by route of access" caption_size=HeadingSize::S
                head=series_head("Route of access") rows=series_rows(&forecast.by_route)
                first_cell_is_header=true numeric_columns=vec![1, 3]/>
        </div>
    }
    .into_any()
}
