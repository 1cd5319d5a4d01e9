//! The ten outcomes of the adult eligibility regulations (SI 2015/313 reg 2(2)), with the API
//! codes and the plain-English words residents see. Used by referrals ("which daily tasks are
//! hard") and by the eligibility check.

/// One of the ten outcomes in reg 2(2), in the regulation's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AdultOutcome {
    pub code: &'static str,
    /// What a resident reads on a form.
    pub label: &'static str,
    /// The regulation's paragraph.
    pub regulation: &'static str,
}

pub const ADULT_OUTCOMES: [AdultOutcome; 10] = [
    AdultOutcome {
        code: "nutrition",
        label: "Getting and preparing food and drink",
        regulation: "SI 2015/313 reg 2(2)(a)",
    },
    AdultOutcome {
        code: "personal_hygiene",
        label: "Washing themselves and their clothes",
        regulation: "SI 2015/313 reg 2(2)(b)",
    },
    AdultOutcome {
        code: "toilet_needs",
        label: "Using the toilet",
        regulation: "SI 2015/313 reg 2(2)(c)",
    },
    AdultOutcome {
        code: "being_clothed",
        label: "Getting dressed",
        regulation: "SI 2015/313 reg 2(2)(d)",
    },
    AdultOutcome {
        code: "home_safety",
        label: "Moving around the home safely",
        regulation: "SI 2015/313 reg 2(2)(e)",
    },
    AdultOutcome {
        code: "habitable_home",
        label: "Keeping the home clean and safe to live in",
        regulation: "SI 2015/313 reg 2(2)(f)",
    },
    AdultOutcome {
        code: "relationships",
        label: "Keeping in touch with family and friends",
        regulation: "SI 2015/313 reg 2(2)(g)",
    },
    AdultOutcome {
        code: "work_training_education_volunteering",
        label: "Work, training, education or volunteering",
        regulation: "SI 2015/313 reg 2(2)(h)",
    },
    AdultOutcome {
        code: "community_services",
        label: "Getting out and about, and using local places such as shops and buses",
        regulation: "SI 2015/313 reg 2(2)(i)",
    },
    AdultOutcome {
        code: "caring_for_child",
        label: "Looking after a child",
        regulation: "SI 2015/313 reg 2(2)(j)",
    },
];

/// The outcome with this API code.
pub fn adult_outcome(code: &str) -> Option<&'static AdultOutcome> {
    ADULT_OUTCOMES.iter().find(|o| o.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_ten_distinct_outcomes_in_regulation_order() {
        let mut codes: Vec<_> = ADULT_OUTCOMES.iter().map(|o| o.code).collect();
        codes.dedup();
        assert_eq!(codes.len(), 10);
        let paragraphs: String = ADULT_OUTCOMES
            .iter()
            .map(|o| o.regulation.chars().nth_back(1).unwrap())
            .collect();
        assert_eq!(paragraphs, "abcdefghij");
        assert_eq!(
            adult_outcome("toilet_needs").unwrap().label,
            "Using the toilet"
        );
        assert!(
            adult_outcome("recreation").is_none(),
            "recreation is a carer outcome"
        );
    }
}
