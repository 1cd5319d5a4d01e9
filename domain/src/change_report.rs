//! "Something has changed": what the person waiting, or someone following their request,
//! tells the council while they wait, and whether things are more urgent now. Pure: the
//! words are checked here, the request found and the change kept by the caller.

use serde::{Deserialize, Serialize};

use super::checks::required_paragraphs;
use super::problems::FieldErrors;

/// How long the description may be.
pub const WHAT_CHANGED_MAX: usize = 1200;
/// Changes one request takes in a day, from anyone: enough for real news, not for a flood.
pub const CHANGES_PER_DAY: i64 = 5;

/// What a person tells us.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChangeReport {
    pub what_changed: String,
    /// Whether things are more urgent now (required).
    pub more_urgent: Option<bool>,
}

/// A change ready to keep: the words as checked, and whether it is more urgent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedChange {
    pub what_changed: String,
    pub more_urgent: bool,
}

/// Checks a report: a description within its limit and an answer to "more urgent?".
pub fn check_change(report: &ChangeReport) -> Result<CheckedChange, FieldErrors> {
    let mut errors = FieldErrors::default();
    let what_changed = errors.take(
        "what_changed",
        required_paragraphs(
            &report.what_changed,
            WHAT_CHANGED_MAX,
            "Describe what has changed",
            "What has changed",
        ),
    );
    if report.more_urgent.is_none() {
        errors.add("more_urgent", "Select yes if things are more urgent now");
    }
    match (what_changed, report.more_urgent) {
        (Some(what_changed), Some(more_urgent)) if errors.is_empty() => Ok(CheckedChange {
            what_changed,
            more_urgent,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_needs_its_words_and_an_answer_about_urgency() {
        let checked = check_change(&ChangeReport {
            what_changed: "  She fell again last night  ".into(),
            more_urgent: Some(true),
        })
        .unwrap();
        assert_eq!(checked.what_changed, "She fell again last night");
        assert!(checked.more_urgent);

        let errors = check_change(&ChangeReport::default()).unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["what_changed", "more_urgent"]);

        let long = ChangeReport {
            what_changed: "x".repeat(WHAT_CHANGED_MAX + 1),
            more_urgent: Some(false),
        };
        assert!(check_change(&long)
            .unwrap_err()
            .message_for("what_changed")
            .is_some());
    }
}
