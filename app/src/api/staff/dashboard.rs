//! The demand dashboard for managers: requests per week by type and by channel over the last
//! 12 weeks, how closed requests ended, the time from a request to its first contact, the
//! share of requests that came from the eligibility self-check and its results behind them,
//! the directory services the self-check suggested most, requests by Client Level Data route
//! of access, the share resolved at first contact, hospital discharges with how long before
//! the expected discharge date they reached us, and the demand forecast (`forecast.rs`).
//! Counts only: no one's details. Viewing it is audited like any other staff page.

use crate::errors::PortalError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::StaffHeader;

pub const DASHBOARD_PATH: &str = "/staff/dashboard";
pub const WEEKS: i64 = 12;

/// A table of figures: its column heads, then rows of a label and numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    pub head: Vec<String>,
    pub rows: Vec<(String, Vec<i64>)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardView {
    pub header: StaffHeader,
    /// "25 August 2026 to 22 November 2026".
    pub period: String,
    /// Per week: (week label, total), and by type per week.
    pub weekly_totals: Vec<(String, i64)>,
    pub by_type: Figures,
    /// Per channel: (label, total), and per week.
    pub channel_totals: Vec<(String, i64)>,
    pub by_channel: Figures,
    /// (outcome, count).
    pub outcomes: Vec<(String, i64)>,
    /// How many requests have had a first contact, and the median time in days (one decimal).
    pub contacted: i64,
    pub median_days_to_contact: Option<String>,
    /// Requests for an assessment (not safeguarding concerns), and how many of them came from
    /// the self-check's "ask for an assessment".
    pub requests_for_assessment: i64,
    pub from_self_check: i64,
    /// The self-check's results behind those requests: (result, requests).
    pub check_results: Vec<(String, i64)>,
    /// The services the self-check suggested most: (service, times suggested), most first.
    pub suggested: Vec<(String, i64)>,
    /// Per CLD route of access: (route, total), and per week.
    pub route_totals: Vec<(String, i64)>,
    pub by_route: Figures,
    /// Requests resolved at first contact (closed with an NFA event outcome, no assessment),
    /// per week of the request and per route of access.
    pub first_contact_by_week: Vec<Share>,
    pub first_contact_by_route: Vec<Share>,
    /// Hospital discharges referred per week: (week label, count).
    pub discharges_by_week: Vec<(String, i64)>,
    /// The median number of days before the expected discharge date that a discharge reached
    /// us (negative: after it), `None` with no discharges.
    pub median_days_before_discharge: Option<i64>,
    /// The quarters the Client Level Data download offers: (key, label), the current first.
    pub quarters: Vec<(String, String)>,
    /// The demand forecast, when there is history enough.
    pub forecast: Option<super::forecast::ForecastView>,
}

/// How many of some requests were resolved at first contact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    /// A week ("23 Nov") or a route of access.
    pub label: String,
    pub requests: i64,
    pub resolved: i64,
}

impl Share {
    /// "40%", or "–" when there were no requests.
    pub fn percent(&self) -> String {
        crate::domain::demand::percent(self.resolved, self.requests).unwrap_or_else(|| "–".into())
    }
}

impl DashboardView {
    /// "40%" of requests came from the self-check (`None` with no requests).
    pub fn self_check_share(&self) -> Option<String> {
        crate::domain::demand::percent(self.from_self_check, self.requests_for_assessment)
    }
}

/// The dashboard's figures as CSV: one line per figure (what, label, week or "all", value).
pub fn to_csv(view: &DashboardView) -> String {
    let quote = |text: &str| format!("\"{}\"", text.replace('"', "\"\""));
    let mut lines = vec!["figure,label,week_starting,value".to_owned()];
    for (figure, table) in [
        ("requests_by_type", &view.by_type),
        ("requests_by_channel", &view.by_channel),
        ("requests_by_route_of_access", &view.by_route),
    ] {
        for (label, counts) in &table.rows {
            for (week, n) in table.head.iter().zip(counts) {
                lines.push(format!("{figure},{},{},{n}", quote(label), quote(week)));
            }
        }
    }
    for (label, n) in &view.outcomes {
        lines.push(format!("closed_by_outcome,{},all,{n}", quote(label)));
    }
    lines.push(format!(
        "requests_for_assessment,all,all,{}",
        view.requests_for_assessment
    ));
    lines.push(format!(
        "requests_from_self_check,all,all,{}",
        view.from_self_check
    ));
    for (label, n) in &view.check_results {
        lines.push(format!(
            "self_check_result_of_request,{},all,{n}",
            quote(label)
        ));
    }
    for (label, n) in &view.suggested {
        lines.push(format!("service_suggested,{},all,{n}", quote(label)));
    }
    lines.push(format!("requests_contacted,all,all,{}", view.contacted));
    if let Some(days) = &view.median_days_to_contact {
        lines.push(format!("median_days_to_first_contact,all,all,{days}"));
    }
    for share in &view.first_contact_by_week {
        lines.push(format!(
            "resolved_at_first_contact,all,{},{}",
            quote(&share.label),
            share.resolved
        ));
    }
    for share in &view.first_contact_by_route {
        lines.push(format!(
            "resolved_at_first_contact,{},all,{}",
            quote(&share.label),
            share.resolved
        ));
    }
    for (week, n) in &view.discharges_by_week {
        lines.push(format!("hospital_discharges,all,{},{n}", quote(week)));
    }
    if let Some(days) = view.median_days_before_discharge {
        lines.push(format!(
            "median_days_before_expected_discharge,all,all,{days}"
        ));
    }
    if let Some(forecast) = &view.forecast {
        lines.extend(forecast.csv_lines(&quote));
    }
    lines.join("\r\n") + "\r\n"
}

/// The dashboard as a CSV file (a GET, for a download link).
#[server(endpoint = "staff/dashboard.csv", input = server_fn::codec::GetUrl, output = server_fn::codec::StreamingText)]
pub async fn download_dashboard() -> Result<server_fn::codec::TextStream<PortalError>, PortalError>
{
    let view = load_dashboard().await?;
    crate::api::context::answer_as_download("dashboard.csv");
    let csv = to_csv(&view);
    Ok(server_fn::codec::TextStream::new(futures::stream::once(
        async move { Ok(csv) },
    )))
}

#[server(endpoint = "staff/dashboard")]
pub async fn load_dashboard() -> Result<DashboardView, PortalError> {
    use super::session::require_staff;
    use crate::api::context::{now_unix, service_problem, store};
    use crate::domain::cld::{label, ROUTES_OF_ACCESS};
    use crate::domain::demand::{days_before_discharge, median, week_of, week_start, Weekly};
    use crate::domain::eligibility::result_words;
    use crate::domain::office_hours::describe_date;
    use crate::domain::referral::KINDS;
    use crate::domain::referral_status::{outcome, OUTCOMES};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::SeeDashboard)).await?;
    let store = store()?;
    let now = now_unix();
    let first_week = crate::domain::demand::week_of(now) - WEEKS + 1;
    let since = week_start(first_week);
    let counts = store.demand_counts(since).await.map_err(service_problem)?;
    let forecast = super::forecast::demand_forecast(&*store, now)
        .await
        .map_err(service_problem)?;
    store
        .record_audit(&user.audit("view_dashboard", "dashboard", ""))
        .await
        .map_err(service_problem)?;

    let day = |at: i64| {
        time::OffsetDateTime::from_unix_timestamp(at)
            .map(|t| describe_date(t.date()))
            .unwrap_or_default()
    };
    let short = |at: i64| {
        time::OffsetDateTime::from_unix_timestamp(at)
            .map(|t| format!("{} {}", t.day(), &format!("{}", t.month())[..3]))
            .unwrap_or_default()
    };
    let by_kind = Weekly::from_counts(&counts.by_kind, &KINDS, now, WEEKS);
    let channels = ["web", "api"];
    let by_channel = Weekly::from_counts(&counts.by_channel, &channels, now, WEEKS);
    let week_heads: Vec<String> = by_kind
        .weeks
        .iter()
        .map(|w| short(week_start(*w)))
        .collect();
    let kind_label = |k: &str| super::labels::kind_label(k).to_owned();
    let channel_label = |c: &str| {
        if c == "api" {
            "Partner systems"
        } else {
            "Online"
        }
        .to_owned()
    };
    let table = |weekly: &Weekly, label: &dyn Fn(&str) -> String| Figures {
        head: week_heads.clone(),
        rows: weekly
            .series
            .iter()
            .map(|(l, counts)| (label(l), counts.clone()))
            .collect(),
    };
    let route_keys: Vec<&str> = ROUTES_OF_ACCESS.iter().map(|(key, _)| *key).collect();
    let route_label = |r: &str| label(&ROUTES_OF_ACCESS, r).to_owned();
    let by_route = Weekly::from_counts(&counts.by_route, &route_keys, now, WEEKS);
    let resolved = Weekly::from_counts(&counts.resolved_at_first_contact, &route_keys, now, WEEKS);
    let first_contact_by_week = week_heads
        .iter()
        .zip(by_route.totals().into_iter().zip(resolved.totals()))
        .map(|(week, (requests, resolved))| Share {
            label: week.clone(),
            requests,
            resolved,
        })
        .collect();
    let first_contact_by_route = by_route
        .label_totals()
        .into_iter()
        .zip(resolved.label_totals())
        .map(|((route, requests), (_, resolved))| Share {
            label: route_label(&route),
            requests,
            resolved,
        })
        .collect();
    let discharge_weeks: Vec<(i64, String, i64)> = counts
        .discharges
        .iter()
        .map(|(at, _)| (week_of(*at), "discharge".to_owned(), 1))
        .collect();
    let discharges_by_week = week_heads
        .iter()
        .cloned()
        .zip(Weekly::from_counts(&discharge_weeks, &["discharge"], now, WEEKS).totals())
        .collect();
    let median_days_before_discharge = median(
        counts
            .discharges
            .iter()
            .filter_map(|(at, date)| days_before_discharge(*at, date))
            .collect(),
    );
    let contacted = counts.first_contact_seconds.len() as i64;
    let median_days_to_contact = median(counts.first_contact_seconds)
        .map(|seconds| format!("{:.1}", seconds as f64 / 86_400.0));
    Ok(DashboardView {
        header: StaffHeader::of(&user),
        period: format!(
            "{} to {}",
            day(since),
            day(week_start(first_week + WEEKS) - 1)
        ),
        weekly_totals: week_heads.iter().cloned().zip(by_kind.totals()).collect(),
        by_type: table(&by_kind, &kind_label),
        channel_totals: by_channel
            .label_totals()
            .into_iter()
            .map(|(c, n)| (channel_label(&c), n))
            .collect(),
        by_channel: table(&by_channel, &channel_label),
        outcomes: OUTCOMES
            .iter()
            .map(|o| {
                let n = counts
                    .outcomes
                    .iter()
                    .filter(|(code, _)| outcome(code).is_some_and(|x| x.code == o.code))
                    .map(|(_, n)| *n)
                    .sum();
                (o.label.to_owned(), n)
            })
            .collect(),
        contacted,
        median_days_to_contact,
        requests_for_assessment: counts.check_results.iter().map(|(_, n)| *n).sum(),
        from_self_check: counts
            .check_results
            .iter()
            .filter(|(code, _)| !code.is_empty())
            .map(|(_, n)| *n)
            .sum(),
        check_results: ["likely_eligible", "may_be_eligible", "unlikely_eligible"]
            .iter()
            .map(|code| {
                let n = counts
                    .check_results
                    .iter()
                    .filter(|(c, _)| c == code)
                    .map(|(_, n)| *n)
                    .sum();
                (result_words(code).to_owned(), n)
            })
            .collect(),
        suggested: counts
            .suggested
            .into_iter()
            .map(|(_, name, shown)| (name, shown))
            .collect(),
        route_totals: by_route
            .label_totals()
            .into_iter()
            .map(|(r, n)| (route_label(&r), n))
            .collect(),
        by_route: table(&by_route, &route_label),
        first_contact_by_week,
        first_contact_by_route,
        discharges_by_week,
        median_days_before_discharge,
        quarters: super::cld_download::offered_quarters(
            time::OffsetDateTime::from_unix_timestamp(now)
                .map(|t| t.date())
                .unwrap_or(time::Date::MIN),
        ),
        forecast,
    })
}
