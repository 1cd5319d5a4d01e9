//! "Give feedback on this service": the satisfaction scale (the five points GOV.UK services use).

/// How satisfied a person was with the service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Satisfaction {
    VerySatisfied,
    Satisfied,
    Neither,
    Dissatisfied,
    VeryDissatisfied,
}

impl Satisfaction {
    /// Every point of the scale, in the order the question shows them.
    pub const ALL: [Satisfaction; 5] = [
        Satisfaction::VerySatisfied,
        Satisfaction::Satisfied,
        Satisfaction::Neither,
        Satisfaction::Dissatisfied,
        Satisfaction::VeryDissatisfied,
    ];

    /// The code stored and posted.
    pub fn code(self) -> &'static str {
        match self {
            Satisfaction::VerySatisfied => "very_satisfied",
            Satisfaction::Satisfied => "satisfied",
            Satisfaction::Neither => "neither",
            Satisfaction::Dissatisfied => "dissatisfied",
            Satisfaction::VeryDissatisfied => "very_dissatisfied",
        }
    }

    /// What the page says.
    pub fn label(self) -> &'static str {
        match self {
            Satisfaction::VerySatisfied => "Very satisfied",
            Satisfaction::Satisfied => "Satisfied",
            Satisfaction::Neither => "Neither satisfied nor dissatisfied",
            Satisfaction::Dissatisfied => "Dissatisfied",
            Satisfaction::VeryDissatisfied => "Very dissatisfied",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The most a person may write in "What could we do better?".
pub const IMPROVEMENTS_MAX_CHARS: usize = 1200;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_codes_are_refused() {
        for s in Satisfaction::ALL {
            assert_eq!(Satisfaction::from_code(s.code()), Some(s));
        }
        assert_eq!(Satisfaction::from_code("delighted"), None);
        assert_eq!(Satisfaction::from_code(""), None);
    }
}
