//! The demand dashboard's figures from the store's counts: weeks (Monday to Sunday, UK
//! dates from UTC seconds; a few hours either side of midnight do not change a weekly
//! picture) filled in with zeros, totals by type and channel, and the median time to first
//! contact. Pure: the caller brings the counts and the time.

/// Seconds in a week, and the offset that makes weeks start on Monday (1 January 1970 was a
/// Thursday; 5 January 1970, a Monday, is 4 days later).
pub const WEEK: i64 = 604_800;
pub const MONDAY_OFFSET: i64 = 345_600;

/// The week (a count of weeks since 5 January 1970) that `at` falls in.
pub fn week_of(at: i64) -> i64 {
    (at - MONDAY_OFFSET).div_euclid(WEEK)
}

/// When a week starts (unix seconds).
pub fn week_start(week: i64) -> i64 {
    week * WEEK + MONDAY_OFFSET
}

/// Requests counted by week and a label (a type or a channel).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weekly {
    /// The weeks shown, oldest first.
    pub weeks: Vec<i64>,
    /// (label, count for each week).
    pub series: Vec<(String, Vec<i64>)>,
}

impl Weekly {
    /// `counts`: (week, label, count). The last `weeks` weeks up to `now`'s, every label in
    /// `labels` (in that order), zeros where nothing came.
    pub fn from_counts(
        counts: &[(i64, String, i64)],
        labels: &[&str],
        now: i64,
        weeks: i64,
    ) -> Self {
        let last = week_of(now);
        let weeks: Vec<i64> = (last - weeks + 1..=last).collect();
        let series = labels
            .iter()
            .map(|label| {
                let per_week = weeks
                    .iter()
                    .map(|week| {
                        counts
                            .iter()
                            .filter(|(w, l, _)| w == week && l == label)
                            .map(|(_, _, n)| n)
                            .sum()
                    })
                    .collect();
                ((*label).to_owned(), per_week)
            })
            .collect();
        Weekly { weeks, series }
    }

    /// Each week's total over every label.
    pub fn totals(&self) -> Vec<i64> {
        (0..self.weeks.len())
            .map(|i| self.series.iter().map(|(_, counts)| counts[i]).sum())
            .collect()
    }

    /// Each label's total over every week.
    pub fn label_totals(&self) -> Vec<(String, i64)> {
        self.series
            .iter()
            .map(|(label, counts)| (label.clone(), counts.iter().sum()))
            .collect()
    }
}

/// The median of some durations (seconds), or `None` for none.
pub fn median(mut values: Vec<i64>) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 0 {
        (values[mid - 1] + values[mid]) / 2
    } else {
        values[mid]
    })
}

/// How many whole days before a hospital discharge's expected date (`YYYY-MM-DD`) a request
/// submitted at `submitted_at` reached us: negative when it came after that date, `None` when
/// the date cannot be read.
pub fn days_before_discharge(submitted_at: i64, expected_date: &str) -> Option<i64> {
    let expected = super::checks::iso_day(expected_date)?;
    let submitted = time::OffsetDateTime::from_unix_timestamp(submitted_at)
        .ok()?
        .date();
    Some((expected - submitted).whole_days())
}

/// A share as a whole percentage ("40%"), `None` out of nothing.
pub fn percent(part: i64, whole: i64) -> Option<String> {
    (whole > 0).then(|| format!("{}%", (part * 1000 / whole + 5) / 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday() {
        // Monday 23 November 2026, 00:00 UTC.
        let monday = 1_795_392_000;
        assert_eq!(week_start(week_of(monday)), monday);
        assert_eq!(
            week_of(monday + 6 * 86_400 + 86_399),
            week_of(monday),
            "Sunday night"
        );
        assert_eq!(
            week_of(monday - 1),
            week_of(monday) - 1,
            "the Sunday before"
        );
    }

    #[test]
    fn weeks_are_filled_with_zeros_and_totalled() {
        let now = 1_795_392_000;
        let this = week_of(now);
        let counts = vec![
            (this, "assessment".to_owned(), 3),
            (this - 2, "assessment".to_owned(), 1),
            (this, "carer_assessment".to_owned(), 2),
            (this - 9, "assessment".to_owned(), 7),
        ];
        let weekly = Weekly::from_counts(&counts, &["assessment", "carer_assessment"], now, 4);
        assert_eq!(weekly.weeks, vec![this - 3, this - 2, this - 1, this]);
        assert_eq!(
            weekly.series[0],
            ("assessment".to_owned(), vec![0, 1, 0, 3])
        );
        assert_eq!(
            weekly.series[1],
            ("carer_assessment".to_owned(), vec![0, 0, 0, 2])
        );
        assert_eq!(weekly.totals(), vec![0, 1, 0, 5]);
        assert_eq!(
            weekly.label_totals(),
            vec![
                ("assessment".to_owned(), 4),
                ("carer_assessment".to_owned(), 2)
            ]
        );
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![5, 1, 3]), Some(3));
        assert_eq!(median(vec![4, 1, 3, 10]), Some(3));
    }

    #[test]
    fn days_before_a_discharge_count_whole_days_and_go_negative_when_late() {
        // Monday 23 November 2026, 15:00 UTC.
        let submitted = 1_795_392_000 + 15 * 3600;
        assert_eq!(days_before_discharge(submitted, "2026-11-26"), Some(3));
        assert_eq!(days_before_discharge(submitted, "2026-11-23"), Some(0));
        assert_eq!(days_before_discharge(submitted, "2026-11-20"), Some(-3));
        assert_eq!(days_before_discharge(submitted, "not a date"), None);
    }

    #[test]
    fn shares_round_to_whole_percentages() {
        assert_eq!(percent(1, 3).as_deref(), Some("33%"));
        assert_eq!(percent(2, 3).as_deref(), Some("67%"));
        assert_eq!(percent(0, 0), None);
    }
}
