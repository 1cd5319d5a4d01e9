//! The Client Level Data download: a quarter's requests in CLD's field names and values for
//! the council's quarterly return (`domain::cld_return`), for those who see the dashboard.
//! Audited with the quarter; no names, full dates of birth or postcodes leave.

use crate::errors::PortalError;
use leptos::prelude::*;

/// How many quarters the dashboard offers, the current one first.
pub const QUARTERS_OFFERED: usize = 8;

/// The quarters offered: (key, label), the current one first.
pub fn offered_quarters(today: time::Date) -> Vec<(String, String)> {
    crate::domain::cld_return::recent_quarters(today, QUARTERS_OFFERED)
        .into_iter()
        .map(|quarter| (quarter.key, quarter.label))
        .collect()
}

/// A quarter's requests as CSV (a GET, for a form on the dashboard).
#[server(endpoint = "staff/cld-return.csv", input = server_fn::codec::GetUrl, output = server_fn::codec::StreamingText)]
pub async fn download_cld_return(
    quarter: String,
) -> Result<server_fn::codec::TextStream<PortalError>, PortalError> {
    use super::session::require_staff;
    use crate::api::context::{answer_as_download, service_problem, store};
    use crate::domain::cld_return::{parse_quarter, to_csv, ReturnedRequest};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::SeeDashboard)).await?;
    let quarter = parse_quarter(&quarter)
        .ok_or_else(|| PortalError::Refused("Choose a quarter from the list".into()))?;
    let midnight = |day: time::Date| day.midnight().assume_utc().unix_timestamp();
    let until = quarter.last_day.next_day().map_or(i64::MAX, midnight);
    let store = store()?;
    let rows = store
        .requests_for_return(midnight(quarter.first_day), until)
        .await
        .map_err(service_problem)?;
    store
        .record_audit(&user.audit("download_cld_return", "dashboard", &quarter.key))
        .await
        .map_err(service_problem)?;
    let day = |at: i64| {
        time::OffsetDateTime::from_unix_timestamp(at)
            .map(|t| t.date())
            .ok()
    };
    let requests: Vec<ReturnedRequest> = rows
        .into_iter()
        .filter_map(|row| {
            Some(ReturnedRequest {
                reference: row.reference,
                requested_on: day(row.submitted_at)?,
                route_of_access: row.route_of_access,
                requester_type: row.requester_type,
                event_outcome: row.event_outcome,
                ended_on: row.closed_at.and_then(day),
                age_band: row.age_band,
                postcode_district: row.postcode_district,
            })
        })
        .collect();
    answer_as_download(&format!("cld-requests-{}.csv", quarter.key));
    let csv = to_csv(&requests);
    Ok(server_fn::codec::TextStream::new(futures::stream::once(
        async move { Ok(csv) },
    )))
}
