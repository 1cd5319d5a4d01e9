//! Honest waits: when the next step of a request is likely, from how long the same step took
//! for recent requests of the same kind and urgency. Said as a range (the middle half of
//! those waits) with the most likely day, never as a promise, and not at all when there is
//! too little history. Pure: the caller brings the recent waits, when the step began and
//! today.

use time::{Date, Duration};

/// Fewer recent requests than this through the step, and nothing is said.
pub const MIN_HISTORY: usize = 10;
/// How far back the history goes, in weeks.
pub const HISTORY_WEEKS: i64 = 12;

/// What the request is waiting for, from its status: `first_contact` while received,
/// `assessment` while in triage; nothing once an assessment is arranged (its date is agreed
/// with the person) or the request is closed.
pub fn next_step(status: &str) -> Option<&'static str> {
    match status {
        "received" => Some("first_contact"),
        "triage" => Some("assessment"),
        _ => None,
    }
}

/// The likely dates of the next step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedWait {
    pub next_step: &'static str,
    pub likely_by: Date,
    pub from: Date,
    pub to: Date,
    /// How many recent requests it is based on.
    pub based_on: usize,
}

/// From the waits (seconds) recent requests had at this step, the day the step began and
/// today: the quarter-to-three-quarter range and the median, never before today.
pub fn expected_wait(
    next_step: &'static str,
    step_began: Date,
    recent_waits: &[i64],
    today: Date,
) -> Option<ExpectedWait> {
    if recent_waits.len() < MIN_HISTORY {
        return None;
    }
    let mut days: Vec<i64> = recent_waits
        .iter()
        .map(|seconds| (seconds.max(&0) + 86_399) / 86_400)
        .collect();
    days.sort_unstable();
    let at = |share: usize| days[(days.len() - 1) * share / 4];
    let day = |n: i64| step_began + Duration::days(n);
    let from = day(at(1)).max(today);
    let to = day(at(3)).max(from);
    let likely_by = day(at(2)).clamp(from, to);
    Some(ExpectedWait {
        next_step,
        likely_by,
        from,
        to,
        based_on: recent_waits.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const DAY: i64 = 86_400;

    #[test]
    fn the_range_is_the_middle_half_of_recent_waits() {
        let waits: Vec<i64> = (1..=12).map(|d| d * DAY).collect();
        let wait = expected_wait(
            "first_contact",
            date!(2026 - 12 - 01),
            &waits,
            date!(2026 - 12 - 01),
        )
        .unwrap();
        // Days 1..=12: the quarters fall on 3, 6 and 9 days.
        assert_eq!(wait.from, date!(2026 - 12 - 04));
        assert_eq!(wait.likely_by, date!(2026 - 12 - 07));
        assert_eq!(wait.to, date!(2026 - 12 - 10));
        assert_eq!(wait.based_on, 12);
    }

    #[test]
    fn a_long_wait_is_never_promised_in_the_past() {
        let waits: Vec<i64> = (1..=12).map(|d| d * DAY).collect();
        let wait = expected_wait(
            "assessment",
            date!(2026 - 11 - 01),
            &waits,
            date!(2026 - 12 - 01),
        )
        .unwrap();
        assert_eq!(
            (wait.from, wait.likely_by, wait.to),
            (
                date!(2026 - 12 - 01),
                date!(2026 - 12 - 01),
                date!(2026 - 12 - 01)
            )
        );
    }

    #[test]
    fn too_little_history_says_nothing() {
        let waits = vec![DAY; MIN_HISTORY - 1];
        assert_eq!(
            expected_wait(
                "first_contact",
                date!(2026 - 12 - 01),
                &waits,
                date!(2026 - 12 - 01)
            ),
            None
        );
        assert_eq!(next_step("assessment_arranged"), None);
        assert_eq!(next_step("received"), Some("first_contact"));
    }
}
