//! The demand forecast on the managers' dashboard: requests per week for the next 12 weeks and
//! per month for the next 12 months, in all and by kind and by route of access, each with its
//! likely range, and the backtest that says how far to trust it next to "the same week last
//! year". Worked out by `domain::forecast` from the weekly counts the store keeps in step with
//! every request (up to three years of them), so it costs the same in the tenth year as in the
//! first.

use serde::{Deserialize, Serialize};

/// How many weeks of history the forecast learns from, at most.
pub const HISTORY_WEEKS: i64 = 156;
/// Weeks ahead.
pub const WEEKS_AHEAD: usize = 12;

/// An expected figure with its likely range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expected {
    /// "7 Dec", "January 2027", "Assessment".
    pub label: String,
    pub expected: i64,
    pub low: i64,
    pub high: i64,
}

/// For one kind or route: the next 12 weeks and the next 12 months, each summed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesAhead {
    pub weeks: Expected,
    pub months: Expected,
}

/// The backtest in a manager's words: requests a week and shares, one decimal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrustView {
    pub weeks_tested: usize,
    pub error: String,
    pub error_percent: String,
    pub naive_error: String,
    pub naive_error_percent: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForecastView {
    /// "156 weeks, from 9 January 2023 to 30 November 2026".
    pub history: String,
    /// Whether it knows the year's rhythm (two years of history or more).
    pub seasonal: bool,
    /// All requests, each of the next 12 weeks (labelled by Monday) and months.
    pub weeks: Vec<Expected>,
    pub months: Vec<Expected>,
    pub by_kind: Vec<SeriesAhead>,
    pub by_route: Vec<SeriesAhead>,
    pub trust: Option<TrustView>,
}

impl ForecastView {
    /// The forecast's lines for the dashboard's CSV (figure, label, period, value), expected
    /// and the range's ends as figures of their own.
    pub fn csv_lines(&self, quote: &dyn Fn(&str) -> String) -> Vec<String> {
        let mut lines = Vec::new();
        let mut push = |figure: &str, label: &str, period: &str, e: &Expected| {
            for (what, n) in [("", e.expected), ("_low", e.low), ("_high", e.high)] {
                lines.push(format!(
                    "{figure}{what},{},{},{n}",
                    quote(label),
                    quote(period)
                ));
            }
        };
        for week in &self.weeks {
            push("forecast_requests_week", "all", &week.label, week);
        }
        for month in &self.months {
            push("forecast_requests_month", "all", &month.label, month);
        }
        for series in self.by_kind.iter().chain(&self.by_route) {
            push(
                "forecast_requests_next_12_weeks",
                &series.weeks.label,
                "all",
                &series.weeks,
            );
            push(
                "forecast_requests_next_12_months",
                &series.months.label,
                "all",
                &series.months,
            );
        }
        if let Some(trust) = &self.trust {
            lines.push(format!(
                "forecast_backtest_error_per_week,forecast,all,{}",
                trust.error
            ));
            lines.push(format!(
                "forecast_backtest_error_per_week,same_week_last_year,all,{}",
                trust.naive_error
            ));
        }
        lines
    }
}

/// The forecast at `now` (Unix seconds), or `None` with too little history.
#[cfg(feature = "ssr")]
pub async fn demand_forecast(
    store: &dyn crate::store::Store,
    now: i64,
) -> Result<Option<ForecastView>, crate::store::StoreError> {
    use crate::domain::cld::{label, ROUTES_OF_ACCESS};
    use crate::domain::demand::{week_of, week_start};
    use crate::domain::forecast::{forecast, Forecast};
    use crate::domain::office_hours::describe_date;
    use crate::domain::referral::KINDS;

    let this_week = week_of(now);
    let counted = store.weekly_requests(this_week - HISTORY_WEEKS).await?;
    // From the first week anything came (before it, the portal was not counting), to the
    // last whole week.
    let Some(first_week) = counted.iter().map(|w| w.week).min() else {
        return Ok(None);
    };
    let weeks = (this_week - first_week).max(0) as usize;
    let series = |keep: &dyn Fn(&crate::store::WeeklyCount) -> bool| -> Vec<i64> {
        let mut counts = vec![0; weeks];
        for w in counted.iter().filter(|w| w.week < this_week && keep(w)) {
            counts[(w.week - first_week) as usize] += w.requests;
        }
        counts
    };
    let Some(all) = forecast(first_week, &series(&|_| true), WEEKS_AHEAD) else {
        return Ok(None);
    };
    let date =
        |week: i64| time::OffsetDateTime::from_unix_timestamp(week_start(week)).map(|t| t.date());
    let short = |week: i64| {
        date(week)
            .map(|d| format!("{} {}", d.day(), &d.month().to_string()[..3]))
            .unwrap_or_default()
    };
    let summed = |label: &str, f: &Forecast| SeriesAhead {
        weeks: Expected {
            label: label.to_owned(),
            expected: f.weeks.iter().map(|w| w.expected).sum(),
            low: f.weeks.iter().map(|w| w.low).sum(),
            high: f.weeks.iter().map(|w| w.high).sum(),
        },
        months: Expected {
            label: label.to_owned(),
            expected: f.months.iter().map(|m| m.expected).sum(),
            low: f.months.iter().map(|m| m.low).sum(),
            high: f.months.iter().map(|m| m.high).sum(),
        },
    };
    let each = |label: &str, keep: &dyn Fn(&crate::store::WeeklyCount) -> bool| {
        forecast(first_week, &series(keep), WEEKS_AHEAD).map(|f| summed(label, &f))
    };
    let by_kind = KINDS
        .iter()
        .filter_map(|kind| each(super::labels::kind_label(kind), &|w| w.kind == *kind))
        .collect();
    let by_route = ROUTES_OF_ACCESS
        .iter()
        .filter_map(|(route, _)| {
            each(label(&ROUTES_OF_ACCESS, route), &|w| {
                w.route_of_access == *route
            })
        })
        .collect();
    let one_decimal = |x: f64| format!("{x:.1}");
    let day = |week: i64| date(week).map(describe_date).unwrap_or_default();
    Ok(Some(ForecastView {
        history: format!(
            "{weeks} weeks, from {} to {}",
            day(first_week),
            date(this_week)
                .map(|d| describe_date(d.previous_day().unwrap_or(d)))
                .unwrap_or_default()
        ),
        seasonal: all.seasonal,
        weeks: all
            .weeks
            .iter()
            .map(|w| Expected {
                label: short(w.week),
                expected: w.expected,
                low: w.low,
                high: w.high,
            })
            .collect(),
        months: all
            .months
            .iter()
            .map(|m| Expected {
                label: format!("{} {}", m.month, m.year),
                expected: m.expected,
                low: m.low,
                high: m.high,
            })
            .collect(),
        by_kind,
        by_route,
        trust: all.backtest.map(|test| TrustView {
            weeks_tested: test.weeks,
            error: one_decimal(test.error),
            error_percent: format!("{:.0}%", test.error_percent),
            naive_error: one_decimal(test.naive_error),
            naive_error_percent: format!("{:.0}%", test.naive_error_percent),
        }),
    }))
}
