//! The steps a referral goes through (API.md) and how a closed one ended, with the words a
//! resident reads on the progress page.

/// A referral's status code and what residents are told it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub code: &'static str,
    pub label: &'static str,
    pub explanation: &'static str,
}

pub const STATUSES: [Step; 5] = [
    Step {
        code: "received",
        label: "Request received",
        explanation: "We have your request. The First Contact Team will read it.",
    },
    Step {
        code: "triage",
        label: "With the First Contact Team",
        explanation:
            "Someone from the First Contact Team is looking at the request and will contact you.",
    },
    Step {
        code: "assessment_arranged",
        label: "Assessment arranged",
        explanation: "A date has been agreed for an assessment.",
    },
    Step {
        code: "assessment_completed",
        label: "Assessment completed",
        explanation: "The assessment is done. We will agree what happens next with you.",
    },
    Step {
        code: "closed",
        label: "Closed",
        explanation: "We have finished working on this request.",
    },
];

pub const OUTCOMES: [Step; 5] = [
    Step {
        code: "support_arranged",
        label: "Support arranged",
        explanation: "Care and support has been arranged.",
    },
    Step {
        code: "information_and_advice",
        label: "Information and advice given",
        explanation: "We gave information and advice about help that fits.",
    },
    Step {
        code: "referred_elsewhere",
        label: "Referred to another service",
        explanation: "Another service is better placed to help, and we have passed the request on.",
    },
    Step {
        code: "no_further_action",
        label: "No further action",
        explanation: "We have not found a need for support from adult social care at this time.",
    },
    Step {
        code: "withdrawn",
        label: "Withdrawn",
        explanation: "The request was withdrawn.",
    },
];

pub fn status(code: &str) -> Option<&'static Step> {
    STATUSES.iter().find(|s| s.code == code)
}

pub fn outcome(code: &str) -> Option<&'static Step> {
    OUTCOMES.iter().find(|s| s.code == code)
}

/// Checks a status change: `closed` needs an outcome, and only `closed` has one.
pub fn check_change(status_code: &str, outcome_code: Option<&str>) -> Result<(), String> {
    if status(status_code).is_none() {
        return Err(format!(
            "Unknown status {status_code:?}; use one of {}",
            codes(&STATUSES)
        ));
    }
    match (status_code, outcome_code) {
        ("closed", None) => Err(format!(
            "A closed referral needs an outcome: one of {}",
            codes(&OUTCOMES)
        )),
        ("closed", Some(o)) if outcome(o).is_none() => Err(format!(
            "Unknown outcome {o:?}; use one of {}",
            codes(&OUTCOMES)
        )),
        ("closed", Some(_)) | (_, None) => Ok(()),
        (_, Some(_)) => Err("Only a closed referral has an outcome".to_owned()),
    }
}

fn codes(steps: &[Step]) -> String {
    steps.iter().map(|s| s.code).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_needs_an_outcome_and_nothing_else_has_one() {
        assert!(check_change("triage", None).is_ok());
        assert!(check_change("closed", Some("withdrawn")).is_ok());
        assert!(check_change("closed", None).is_err());
        assert!(check_change("closed", Some("vanished")).is_err());
        assert!(check_change("triage", Some("withdrawn")).is_err());
        assert!(check_change("lost", None).is_err());
        assert_eq!(
            status("triage").unwrap().label,
            "With the First Contact Team"
        );
    }
}
