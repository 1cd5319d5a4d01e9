//! The demand forecast for managers: requests per week ahead from the weeks behind, as a
//! straight-line trend times the year's rhythm (a factor for each week of the year, learnt
//! from two or more whole years and smoothed over its neighbours), with an uncertainty band
//! from how far forecasts made this way missed the weeks behind (the middle 80% of the
//! backtest's misses; the fitted line's own when there is too little to test), and a backtest
//! that says how far to trust it next to the naive forecast (the same week last year). Months
//! are the weeks' figures spread over their days. Pure: the caller brings the counts (weeks as
//! `demand::week_of` numbers them).

use time::{Date, Duration, Month, OffsetDateTime};

use crate::demand::week_start;

/// Weeks in the year's rhythm.
pub const SEASON: usize = 52;
/// Fewer weeks of history than this, and there is no forecast.
pub const MIN_WEEKS: usize = 26;
/// From this many weeks (two years) the forecast learns the year's rhythm; before, the trend
/// alone.
pub const SEASONAL_WEEKS: usize = 2 * SEASON;
/// The share of past weeks the band is drawn to hold (the 10th to the 90th percentile of the
/// fitted line's misses).
pub const BAND_PERCENT: i64 = 80;

/// A forecast model fitted to a series of weekly counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// The week (as `demand::week_of`) the trend's `level` is at.
    origin_week: i64,
    level: f64,
    /// Requests a week added each week.
    slope: f64,
    /// A factor for each week of the year (mean 1); all 1 without two years of history.
    season: Vec<f64>,
    /// The 10th and 90th percentile of the fitted line's misses over the history.
    band: (f64, f64),
    /// Whether the year's rhythm was learnt.
    pub seasonal: bool,
}

/// One week ahead: the expected count and the band around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekForecast {
    pub week: i64,
    pub expected: i64,
    pub low: i64,
    pub high: i64,
}

/// One calendar month ahead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthForecast {
    pub year: i32,
    pub month: Month,
    pub expected: i64,
    pub low: i64,
    pub high: i64,
}

/// How the forecast would have done on the weeks behind: fitted only to what came before each
/// of the last few 12-week stretches, then compared with what came.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Backtest {
    /// How many weeks were forecast and compared.
    pub weeks: usize,
    /// The forecast's mean absolute error, in requests a week.
    pub error: f64,
    /// The naive forecast's (the same week a year before).
    pub naive_error: f64,
    /// Each as a share of what came (summed absolute errors over summed counts), in percent.
    pub error_percent: f64,
    pub naive_error_percent: f64,
    /// The 10th and 90th percentile of the forecast's misses: a more honest band than the
    /// fitted line's own misses, which it has learnt from (`Model::with_band`).
    pub band: (f64, f64),
}

/// Where a week falls in the year's rhythm: its Monday's week of the year, 0 to 51 (a 53rd
/// week's few days count with the 52nd).
pub fn season_position(week: i64) -> usize {
    let monday = OffsetDateTime::from_unix_timestamp(week_start(week))
        .map(|t| t.date())
        .unwrap_or(Date::MIN);
    (usize::from(monday.ordinal() - 1) / 7).min(SEASON - 1)
}

/// A straight line through (x, y) by least squares: (value at x = 0, slope).
fn least_squares(points: &[(f64, f64)]) -> (f64, f64) {
    let n = points.len() as f64;
    let mean_x = points.iter().map(|(x, _)| x).sum::<f64>() / n;
    let mean_y = points.iter().map(|(_, y)| y).sum::<f64>() / n;
    let covariance: f64 = points
        .iter()
        .map(|(x, y)| (x - mean_x) * (y - mean_y))
        .sum();
    let variance: f64 = points.iter().map(|(x, _)| (x - mean_x).powi(2)).sum();
    let slope = if variance > 0.0 {
        covariance / variance
    } else {
        0.0
    };
    (mean_y - slope * mean_x, slope)
}

/// The value at `share` (0 to 1) of sorted `values`, interpolated.
fn percentile(sorted: &[f64], share: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = share * (sorted.len() - 1) as f64;
    let (below, above) = (at.floor() as usize, at.ceil() as usize);
    sorted[below] + (sorted[above] - sorted[below]) * (at - below as f64)
}

/// The band that holds `BAND_PERCENT` of these misses (actual less expected).
fn band_of(mut misses: Vec<f64>) -> (f64, f64) {
    misses.sort_by(f64::total_cmp);
    let tail = (100 - BAND_PERCENT) as f64 / 200.0;
    (percentile(&misses, tail), percentile(&misses, 1.0 - tail))
}

impl Model {
    /// Fits a model to `counts`, one for each week from `first_week`, oldest first; `None`
    /// with fewer than `MIN_WEEKS` weeks. With two years or more, the last whole years are
    /// used, so that no season weighs twice in the trend.
    pub fn fit(first_week: i64, counts: &[i64]) -> Option<Model> {
        if counts.len() < MIN_WEEKS {
            return None;
        }
        let seasonal = counts.len() >= SEASONAL_WEEKS;
        let used = if seasonal {
            counts.len() / SEASON * SEASON
        } else {
            counts.len()
        };
        let skip = counts.len() - used;
        let origin_week = first_week + skip as i64;
        let weeks: Vec<(i64, f64)> = counts[skip..]
            .iter()
            .enumerate()
            .map(|(i, n)| (origin_week + i as i64, *n as f64))
            .collect();
        let trend_of = |season: &[f64]| {
            let points: Vec<(f64, f64)> = weeks
                .iter()
                .map(|(week, n)| {
                    (
                        (week - origin_week) as f64,
                        n / season[season_position(*week)],
                    )
                })
                .collect();
            least_squares(&points)
        };
        let flat = vec![1.0; SEASON];
        let (mut level, mut slope) = trend_of(&flat);
        let mut season = flat;
        if seasonal {
            season = Self::rhythm(&weeks, origin_week, level, slope);
            (level, slope) = trend_of(&season);
        }
        let mut model = Model {
            origin_week,
            level,
            slope,
            season,
            band: (0.0, 0.0),
            seasonal,
        };
        model.band = band_of(
            weeks
                .iter()
                .map(|(week, n)| n - model.expected(*week))
                .collect(),
        );
        Some(model)
    }

    /// The same model with the band drawn from other misses (a backtest's).
    pub fn with_band(self, band: (f64, f64)) -> Model {
        Model { band, ..self }
    }

    /// Each week of the year's factor: the count over the trend, averaged over the years,
    /// smoothed over the two weeks either side (weights 1 2 3 2 1), scaled to a mean of 1.
    fn rhythm(weeks: &[(i64, f64)], origin_week: i64, level: f64, slope: f64) -> Vec<f64> {
        let mut sums = vec![0.0; SEASON];
        let mut seen = vec![0.0; SEASON];
        for (week, n) in weeks {
            let trend = level + slope * (week - origin_week) as f64;
            if trend > 0.0 {
                sums[season_position(*week)] += n / trend;
                seen[season_position(*week)] += 1.0;
            }
        }
        let raw: Vec<f64> = sums
            .iter()
            .zip(&seen)
            .map(|(sum, n)| if *n > 0.0 { sum / n } else { 1.0 })
            .collect();
        let weights = [1.0, 2.0, 3.0, 2.0, 1.0];
        let smoothed: Vec<f64> = (0..SEASON)
            .map(|p| {
                weights
                    .iter()
                    .enumerate()
                    .map(|(i, w)| w * raw[(p + SEASON + i - 2) % SEASON])
                    .sum::<f64>()
                    / 9.0
            })
            .collect();
        let mean = smoothed.iter().sum::<f64>() / SEASON as f64;
        if mean > 0.0 {
            smoothed.iter().map(|f| f / mean).collect()
        } else {
            vec![1.0; SEASON]
        }
    }

    /// The fitted count for a week (never below 0).
    fn expected(&self, week: i64) -> f64 {
        let trend = self.level + self.slope * (week - self.origin_week) as f64;
        (trend * self.season[season_position(week)]).max(0.0)
    }

    /// Requests a week added each week, by the trend.
    pub fn weekly_growth(&self) -> f64 {
        self.slope
    }

    /// The `weeks` weeks from `from_week`, with the band.
    pub fn forecast(&self, from_week: i64, weeks: usize) -> Vec<WeekForecast> {
        (from_week..from_week + weeks as i64)
            .map(|week| {
                let expected = self.expected(week);
                WeekForecast {
                    week,
                    expected: expected.round() as i64,
                    low: (expected + self.band.0).max(0.0).round() as i64,
                    high: (expected + self.band.1).max(0.0).round() as i64,
                }
            })
            .collect()
    }

    /// The 12 calendar months after the month of `from_week`'s Monday, each the sum of its
    /// days' shares of their weeks.
    pub fn by_month(&self, from_week: i64) -> Vec<MonthForecast> {
        let monday = OffsetDateTime::from_unix_timestamp(week_start(from_week))
            .map(|t| t.date())
            .unwrap_or(Date::MIN);
        let mut first = monday.replace_day(1).unwrap_or(monday);
        let mut months = Vec::new();
        for _ in 0..12 {
            first = first.replace_day(1).unwrap_or(first) + Duration::days(32);
            first = first.replace_day(1).unwrap_or(first);
            let (mut expected, mut low, mut high) = (0.0, 0.0, 0.0);
            let mut day = first;
            while day.month() == first.month() {
                let at = day.midnight().assume_utc().unix_timestamp() + 43_200;
                let week = crate::demand::week_of(at);
                let fitted = self.expected(week);
                expected += fitted / 7.0;
                low += (fitted + self.band.0).max(0.0) / 7.0;
                high += (fitted + self.band.1).max(0.0) / 7.0;
                day += Duration::days(1);
            }
            months.push(MonthForecast {
                year: first.year(),
                month: first.month(),
                expected: expected.round() as i64,
                low: low.round() as i64,
                high: high.round() as i64,
            });
        }
        months
    }
}

/// What the dashboard shows for one series of weekly counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Forecast {
    /// The weeks after the last one counted.
    pub weeks: Vec<WeekForecast>,
    /// The 12 calendar months after the month of the first week ahead.
    pub months: Vec<MonthForecast>,
    pub backtest: Option<Backtest>,
    /// Whether the year's rhythm is in it (two years of history or more).
    pub seasonal: bool,
}

/// The forecast for the `weeks_ahead` weeks after `counts` (whole weeks from `first_week`,
/// oldest first), its months, and its backtest over the last four 12-week stretches, whose
/// misses draw the band when there are any; `None` with fewer than `MIN_WEEKS` weeks.
pub fn forecast(first_week: i64, counts: &[i64], weeks_ahead: usize) -> Option<Forecast> {
    let fitted = Model::fit(first_week, counts)?;
    let tested = backtest(first_week, counts, 4);
    let model = match &tested {
        Some(test) => fitted.with_band(test.band),
        None => fitted,
    };
    let next = first_week + counts.len() as i64;
    Some(Forecast {
        weeks: model.forecast(next, weeks_ahead),
        months: model.by_month(next),
        backtest: tested,
        seasonal: model.seasonal,
    })
}

/// The backtest: for each of the last `stretches` 12-week stretches of `counts` (as many as
/// leave a year and `MIN_WEEKS` before them), a model fitted to the weeks before it forecasts
/// it, and so does the same week a year before. `None` when no stretch can be tested.
pub fn backtest(first_week: i64, counts: &[i64], stretches: usize) -> Option<Backtest> {
    const HORIZON: usize = 12;
    let (mut weeks, mut error, mut naive_error, mut came) = (0, 0.0, 0.0, 0.0);
    let mut misses = Vec::new();
    for k in 1..=stretches {
        let Some(cut) = counts.len().checked_sub(k * HORIZON) else {
            break;
        };
        if cut < SEASON.max(MIN_WEEKS) {
            break;
        }
        let Some(model) = Model::fit(first_week, &counts[..cut]) else {
            break;
        };
        let ahead = model.forecast(first_week + cut as i64, HORIZON);
        for (i, forecast) in ahead.iter().enumerate() {
            let actual = counts[cut + i] as f64;
            misses.push(actual - model.expected(forecast.week));
            error += (forecast.expected as f64 - actual).abs();
            naive_error += (counts[cut + i - SEASON] as f64 - actual).abs();
            came += actual;
            weeks += 1;
        }
    }
    if weeks == 0 {
        return None;
    }
    let percent = |e: f64| if came > 0.0 { 100.0 * e / came } else { 0.0 };
    Some(Backtest {
        band: band_of(misses),
        weeks,
        error: error / weeks as f64,
        naive_error: naive_error / weeks as f64,
        error_percent: percent(error),
        naive_error_percent: percent(naive_error),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demand::week_of;

    /// A week in January 2023.
    fn first_week() -> i64 {
        week_of(1_673_222_400) // Monday 9 January 2023
    }

    /// 100 requests a week growing by `growth` a week, with a rhythm of ±`swing` over the
    /// year (a winter peak), and noise of up to ±`noise` from a fixed sequence.
    fn series(weeks: usize, growth: f64, swing: f64, noise: i64) -> Vec<i64> {
        let mut seed: u64 = 42;
        (0..weeks)
            .map(|i| {
                let week = first_week() + i as i64;
                let angle = 2.0 * std::f64::consts::PI * season_position(week) as f64 / 52.0;
                let truth = (100.0 + growth * i as f64) * (1.0 + swing * angle.cos());
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let jitter = if noise > 0 {
                    (seed >> 33) as i64 % (2 * noise + 1) - noise
                } else {
                    0
                };
                truth.round() as i64 + jitter
            })
            .collect()
    }

    fn truth(week_index: usize, growth: f64, swing: f64) -> f64 {
        let week = first_week() + week_index as i64;
        let angle = 2.0 * std::f64::consts::PI * season_position(week) as f64 / 52.0;
        (100.0 + growth * week_index as f64) * (1.0 + swing * angle.cos())
    }

    #[test]
    fn a_known_trend_and_rhythm_are_found_and_carried_forward() {
        let counts = series(156, 0.15, 0.2, 0);
        let model = Model::fit(first_week(), &counts).unwrap();
        assert!(model.seasonal);
        assert!(
            (model.weekly_growth() - 0.15).abs() < 0.02,
            "growth {}",
            model.weekly_growth()
        );
        for ahead in model.forecast(first_week() + 156, 52) {
            let index = (ahead.week - first_week()) as usize;
            let expected = truth(index, 0.15, 0.2);
            assert!(
                (ahead.expected as f64 - expected).abs() <= expected * 0.05,
                "week {index}: {} against {expected}",
                ahead.expected
            );
            assert!(ahead.low <= ahead.expected && ahead.expected <= ahead.high);
        }
    }

    #[test]
    fn the_band_holds_most_weeks_of_a_noisy_year_ahead() {
        let counts = series(208, 0.1, 0.25, 15);
        let held = |model: &Model| {
            model
                .forecast(first_week() + 156, 52)
                .iter()
                .zip(&counts[156..])
                .filter(|(f, actual)| f.low <= **actual && **actual <= f.high)
                .count()
        };
        let fitted = Model::fit(first_week(), &counts[..156]).unwrap();
        // The fitted line's own misses understate what is to come: it learnt from them.
        let tested = backtest(first_week(), &counts[..156], 4).unwrap();
        let honest = fitted.clone().with_band(tested.band);
        assert!(held(&honest) >= held(&fitted));
        assert!(
            held(&honest) >= 52 * 70 / 100,
            "{} of 52 weeks in the band",
            held(&honest)
        );
        let ahead = honest.forecast(first_week() + 156, 52);
        assert!(
            ahead.iter().all(|f| f.high - f.low <= 50),
            "a band near ±15: {ahead:?}"
        );
    }

    #[test]
    fn with_a_trend_the_backtest_beats_the_same_week_last_year() {
        let counts = series(156, 0.3, 0.2, 5);
        let test = backtest(first_week(), &counts, 4).unwrap();
        assert_eq!(test.weeks, 48);
        assert!(
            test.error < test.naive_error,
            "forecast {} against naive {}",
            test.error,
            test.naive_error
        );
        // Last year's week is short by the year's growth: about 0.3 × 52 ≈ 16 a week.
        assert!(test.naive_error > 10.0 && test.error < 8.0, "{test:?}");
        assert!(test.error_percent < test.naive_error_percent);
    }

    #[test]
    fn too_little_history_gives_no_forecast_and_no_backtest() {
        assert!(Model::fit(first_week(), &series(25, 0.0, 0.0, 0)).is_none());
        let short = Model::fit(first_week(), &series(40, 0.5, 0.0, 0)).unwrap();
        assert!(!short.seasonal, "less than two years: the trend alone");
        assert!((short.weekly_growth() - 0.5).abs() < 0.01);
        assert!(backtest(first_week(), &series(60, 0.5, 0.0, 0), 4).is_none());
    }

    #[test]
    fn nothing_coming_forecasts_nothing() {
        let model = Model::fit(first_week(), &vec![0; 120]).unwrap();
        assert!(model
            .forecast(first_week() + 120, 12)
            .iter()
            .all(|f| f.expected == 0 && f.low == 0 && f.high == 0));
    }

    #[test]
    fn months_share_out_their_weeks_by_day() {
        let model = Model::fit(first_week(), &vec![70; 104]).unwrap();
        let months = model.by_month(first_week() + 104);
        assert_eq!(months.len(), 12);
        // 10 a day: January has 310, February 280 (2025) or 290.
        let first = months[0];
        assert_eq!((first.year, first.month), (2025, Month::February));
        assert_eq!(first.expected, 280);
        assert_eq!(months[1].expected, 310);
        assert_eq!(months[11].month, Month::January);
    }
}
