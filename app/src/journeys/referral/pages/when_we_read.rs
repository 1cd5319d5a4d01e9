//! When a request sent now will be read: the team's office hours and, when the office is
//! closed at the moment the page is rendered, the day and time it next opens.
use leptos::prelude::*;

use crate::domain::office_hours::{describe_moment, ReadingTime};
use crate::pages::current_settings::current_settings;

/// The reading time for a page rendered now (on the server; pages outside islands are never
/// rendered in the browser, which therefore answers "open").
fn reading_time_now() -> ReadingTime {
    #[cfg(feature = "ssr")]
    {
        current_settings()
            .office_hours
            .reading_time(time::OffsetDateTime::now_utc())
    }
    #[cfg(not(feature = "ssr"))]
    {
        ReadingTime::OpenNow
    }
}

/// "{team} reads {what} {hours}." and, out of hours, when the office next opens.
#[component]
pub fn WhenWeRead(team: &'static str, what: &'static str) -> impl IntoView {
    let hours = current_settings().office_hours.describe();
    let closed = match reading_time_now() {
        ReadingTime::OpenNow => None,
        ReadingTime::NextOpening(at) => Some(format!(
            "Our office is closed now. If you send it now, it will be read on {}.",
            describe_moment(at)
        )),
    };
    view! {
        <p class="govuk-body">{format!("{team} reads {what} {hours}.")}</p>
        {closed.map(|text| view! { <p class="govuk-body"><strong>{text}</strong></p> })}
    }
}
