//! The eligibility self-checks: the Care and Support (Eligibility Criteria) Regulations 2015
//! (SI 2015/313) as pure rules, regulation 2 for adults and regulation 3 for carers. Each
//! check returns a result and the reasons behind it, each with the regulation it comes from.
//! Advisory only (Care Act s.9 and s.10): every result offers an assessment, and an uncertain
//! answer leads to "may be eligible", never to a confident no. Children are routed, not
//! checked: a young person under 18 to a transition assessment (Care Act s.58), a young carer
//! to children's services (Children Act 1989 s.17ZA), and the carer of a disabled child to
//! children's services (s.17ZD), with a carer's transition assessment as the child nears 18
//! (Care Act s.60).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::problems::FieldErrors;

/// Why an outcome cannot be achieved (reg 2(3) for adults; reg 3(3), without the last, for
/// carers), with the words a form shows.
pub const LIMBS: [(&str, &str); 4] = [
    (
        "without_assistance",
        "I cannot do this without help, including being reminded",
    ),
    (
        "pain_distress_anxiety",
        "I can, but it causes me a lot of pain, distress or worry",
    ),
    (
        "endangers_health_safety",
        "I can, but it puts my health or safety, or someone else's, at risk",
    ),
    (
        "significantly_longer",
        "I can, but it takes me much longer than it would take most people",
    ),
];

/// The limb carers do not have (reg 3(3) has three).
pub const ADULT_ONLY_LIMB: &str = "significantly_longer";

/// The oldest age either check takes, in whole years: the web's age boxes and the API alike.
pub const MAX_AGE: u32 = 125;

/// What an age past `MAX_AGE` gets.
pub const AGE_PROBLEM: &str = "Enter an age in years";

/// What is wrong with `limb` as a reason an outcome cannot be achieved, in the adult check
/// (`adult`) or the carer's: the same words on the web and in the API.
pub fn reason_problem(limb: &str, adult: bool) -> Option<&'static str> {
    if !adult && limb == ADULT_ONLY_LIMB {
        Some("Taking much longer is not one of the reasons for carers (SI 2015/313 reg 3(3))")
    } else if LIMBS.iter().any(|(code, _)| *code == limb) {
        None
    } else {
        Some("Select the reasons from the list")
    }
}

/// The eight carer outcomes of reg 3(2)(b), with API codes and plain words.
pub const CARER_OUTCOMES: [(&str, &str, &str); 8] = [
    (
        "caring_for_child",
        "Looking after a child",
        "SI 2015/313 reg 3(2)(b)(i)",
    ),
    (
        "caring_for_others",
        "Caring for other people as well",
        "SI 2015/313 reg 3(2)(b)(ii)",
    ),
    (
        "habitable_home",
        "Keeping your own home clean and safe to live in",
        "SI 2015/313 reg 3(2)(b)(iii)",
    ),
    (
        "nutrition",
        "Eating well yourself",
        "SI 2015/313 reg 3(2)(b)(iv)",
    ),
    (
        "relationships",
        "Keeping in touch with family and friends",
        "SI 2015/313 reg 3(2)(b)(v)",
    ),
    (
        "work_training_education_volunteering",
        "Work, training, education or volunteering",
        "SI 2015/313 reg 3(2)(b)(vi)",
    ),
    (
        "community_services",
        "Using local services and facilities",
        "SI 2015/313 reg 3(2)(b)(vii)",
    ),
    (
        "recreation",
        "Time for yourself and leisure activities",
        "SI 2015/313 reg 3(2)(b)(viii)",
    ),
];

/// How much the needs affect the person's well-being (Care Act s.1(2)).
pub const WELLBEING_IMPACTS: [&str; 4] = ["significant", "some", "none", "not_sure"];

/// What the check concludes.
pub const RESULTS: [&str; 6] = [
    "likely_eligible",
    "may_be_eligible",
    "unlikely_eligible",
    "young_carer",
    "transition_assessment",
    "carer_of_child",
];

/// From this age a child's carer is told about the carer's transition assessment (statutory
/// guidance chapter 16: preparation starts from year 9, at 13 or 14).
pub const TRANSITION_FROM_AGE: u32 = 14;

/// The adult check's answers (`POST /api/v1/eligibility/adult`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdultAnswers {
    /// Optional: the person's age (asked when checking for someone else). Under 18 routes to a
    /// transition assessment.
    #[serde(default)]
    pub age: Option<u32>,
    /// Do the needs come from a physical or mental impairment or illness? `None`: not sure.
    pub impairment_or_illness: Option<bool>,
    /// Outcome code → why it cannot be achieved (limb codes). Omitted or empty: managed.
    pub outcomes: BTreeMap<String, Vec<String>>,
    /// Needs that vary: good days and bad days.
    pub fluctuating: bool,
    /// `significant`, `some`, `none` or `not_sure`.
    pub wellbeing_impact: String,
}

/// The carer check's answers (`POST /api/v1/eligibility/carer`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CarerAnswers {
    pub age: u32,
    /// Optional: the age of the person cared for. Under 18 routes to children's services.
    #[serde(default)]
    pub cared_for_age: Option<u32>,
    /// Is the care necessary (would the person need it if the carer did not give it)?
    /// `None`: not sure.
    pub provides_necessary_care: Option<bool>,
    /// Is the carer's physical or mental health getting worse, or at risk? `None`: not sure.
    pub health_deteriorating: Option<bool>,
    pub outcomes: BTreeMap<String, Vec<String>>,
    pub fluctuating: bool,
    pub wellbeing_impact: String,
}

/// One reason behind a result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reason {
    pub code: String,
    pub text: String,
    pub regulation: String,
}

/// A result and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// One of `RESULTS`.
    pub result: String,
    /// The outcomes the person cannot achieve, in the regulation's order.
    pub unmet_outcomes: Vec<String>,
    /// In the regulation's order: the gateway, the outcomes (or, for carers, the effect on
    /// them), the well-being impact. For a child, why they are routed elsewhere.
    pub reasons: Vec<Reason>,
}

fn reason(code: &str, text: &str, regulation: &str) -> Reason {
    Reason {
        code: code.to_owned(),
        text: text.to_owned(),
        regulation: regulation.to_owned(),
    }
}

/// How sure each condition is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Met {
    No,
    Unsure,
    Yes,
}

/// Checks the answers' vocabulary: outcome keys and limbs for this check, and the
/// well-being answer. `outcome_codes` are the check's outcomes; `adult` says which limbs.
fn check_vocabulary(
    outcomes: &BTreeMap<String, Vec<String>>,
    outcome_codes: &[&str],
    adult: bool,
    wellbeing_impact: &str,
    errors: &mut FieldErrors,
) {
    for (code, reasons) in outcomes {
        if !outcome_codes.contains(&code.as_str()) {
            errors.add(
                format!("outcomes.{code}"),
                "This is not one of the outcomes for this check",
            );
            continue;
        }
        for (i, limb) in reasons.iter().enumerate() {
            if let Some(message) = reason_problem(limb, adult) {
                errors.add(format!("outcomes.{code}.{i}"), message);
            }
        }
    }
    if !WELLBEING_IMPACTS.contains(&wellbeing_impact) {
        errors.add(
            "wellbeing_impact",
            "Select how much this affects well-being",
        );
    }
}

fn unmet_in_order(outcomes: &BTreeMap<String, Vec<String>>, order: &[&str]) -> Vec<String> {
    order
        .iter()
        .filter(|code| outcomes.get(**code).is_some_and(|limbs| !limbs.is_empty()))
        .map(|code| (*code).to_owned())
        .collect()
}

fn wellbeing(impact: &str, regulation: &str, reasons: &mut Vec<Reason>) -> Met {
    match impact {
        "significant" => {
            reasons.push(reason(
                "significant_wellbeing_impact",
                "You said this has a big effect on well-being, such as health, safety, dignity or relationships.",
                regulation,
            ));
            Met::Yes
        }
        "none" => {
            reasons.push(reason(
                "no_wellbeing_impact",
                "You said this does not affect well-being. The rules need a significant effect on well-being.",
                regulation,
            ));
            Met::No
        }
        _ => {
            reasons.push(reason(
                "wellbeing_impact_uncertain",
                "You were not sure how much this affects well-being, or said it has some effect. An assessment looks at this with you.",
                regulation,
            ));
            Met::Unsure
        }
    }
}

/// A result code in staff's words (the dashboard and a request's record).
pub fn result_words(code: &str) -> &'static str {
    match code {
        "likely_eligible" => "Likely to be eligible",
        "may_be_eligible" => "May be eligible",
        "unlikely_eligible" => "Unlikely to be eligible",
        "young_carer" => "A young carer",
        "transition_assessment" => "Under 18: a transition assessment",
        "carer_of_child" => "The carer of a child",
        _ => "Not from the self-check",
    }
}

/// The result from how sure each condition is: any clear no is "unlikely", any doubt is
/// "may be", else "likely".
fn result_of(conditions: &[Met]) -> &'static str {
    match conditions.iter().min() {
        Some(Met::No) => "unlikely_eligible",
        Some(Met::Unsure) => "may_be_eligible",
        _ => "likely_eligible",
    }
}

/// The adult check (reg 2).
pub fn check_adult(answers: &AdultAnswers) -> Result<Verdict, FieldErrors> {
    let codes: Vec<&str> = super::outcomes::ADULT_OUTCOMES
        .iter()
        .map(|o| o.code)
        .collect();
    let mut errors = FieldErrors::default();
    check_vocabulary(
        &answers.outcomes,
        &codes,
        true,
        &answers.wellbeing_impact,
        &mut errors,
    );
    if answers.age.is_some_and(|age| age > MAX_AGE) {
        errors.add("age", AGE_PROBLEM);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let unmet = unmet_in_order(&answers.outcomes, &codes);
    if answers.age.is_some_and(|age| age < 18) {
        return Ok(Verdict {
            result: "transition_assessment".to_owned(),
            unmet_outcomes: unmet,
            reasons: vec![reason(
                "under_18",
                "They are under 18, so children's services support them now. If they are likely to need care and support when they are 18, the council must assess them before then: ask for a transition assessment.",
                "Care Act 2014 s.58",
            )],
        });
    }
    let mut reasons = Vec::new();
    let gateway = match answers.impairment_or_illness {
        Some(true) => {
            reasons.push(reason(
                "impairment_or_illness",
                "The needs come from a physical or mental impairment or illness.",
                "SI 2015/313 reg 2(1)(a)",
            ));
            Met::Yes
        }
        Some(false) => {
            reasons.push(reason(
                "no_impairment_or_illness",
                "You said the needs do not come from a physical or mental impairment or illness. The rules for adults need one.",
                "SI 2015/313 reg 2(1)(a)",
            ));
            Met::No
        }
        None => {
            reasons.push(reason(
                "impairment_or_illness_uncertain",
                "You were not sure whether the needs come from an impairment or illness. An assessment can find out.",
                "SI 2015/313 reg 2(1)(a)",
            ));
            Met::Unsure
        }
    };
    let outcomes = match (unmet.len(), answers.fluctuating) {
        (n, _) if n >= 2 => {
            reasons.push(reason(
                "two_or_more_outcomes",
                &format!("You cannot do {n} of the everyday things the rules list. The rules need two or more."),
                "SI 2015/313 reg 2(1)(b)",
            ));
            Met::Yes
        }
        (n, true) => {
            let now = if n == 1 {
                "You cannot do one of the everyday things the rules list"
            } else {
                "You can do the everyday things the rules list"
            };
            reasons.push(reason(
                "fluctuating_needs",
                &format!(
                    "{now}, but your needs change. The rules need two or more you cannot do, \
                     looked at over time, so bad days count too."
                ),
                "SI 2015/313 reg 2(4)",
            ));
            Met::Unsure
        }
        (n, false) => {
            reasons.push(reason(
                "fewer_than_two_outcomes",
                &if n == 1 {
                    "You cannot do one of the everyday things the rules list. The rules need two or more.".to_owned()
                } else {
                    "You can do the everyday things the rules list. The rules need two or more you cannot do.".to_owned()
                },
                "SI 2015/313 reg 2(1)(b)",
            ));
            Met::No
        }
    };
    let impact = wellbeing(
        &answers.wellbeing_impact,
        "SI 2015/313 reg 2(1)(c)",
        &mut reasons,
    );
    Ok(Verdict {
        result: result_of(&[gateway, outcomes, impact]).to_owned(),
        unmet_outcomes: unmet,
        reasons,
    })
}

/// The carer check (reg 3). Carers under 18 are young carers, for children's services.
pub fn check_carer(answers: &CarerAnswers) -> Result<Verdict, FieldErrors> {
    let codes: Vec<&str> = CARER_OUTCOMES.iter().map(|(code, _, _)| *code).collect();
    let mut errors = FieldErrors::default();
    check_vocabulary(
        &answers.outcomes,
        &codes,
        false,
        &answers.wellbeing_impact,
        &mut errors,
    );
    if answers.age > MAX_AGE {
        errors.add("age", AGE_PROBLEM);
    }
    if answers.cared_for_age.is_some_and(|age| age > MAX_AGE) {
        errors.add("cared_for_age", AGE_PROBLEM);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let unmet = unmet_in_order(&answers.outcomes, &codes);
    if answers.age < 18 {
        return Ok(Verdict {
            result: "young_carer".to_owned(),
            unmet_outcomes: unmet,
            reasons: vec![reason(
                "young_carer",
                "Carers under 18 are young carers. Children's services must assess what support you need.",
                "Children Act 1989 s.17ZA",
            )],
        });
    }
    if let Some(child) = answers.cared_for_age.filter(|age| *age < 18) {
        let mut reasons = vec![reason(
            "carer_of_child",
            "The person you look after is under 18. Children's services assess what support you need as the carer of a disabled child.",
            "Children Act 1989 s.17ZD",
        )];
        if child >= TRANSITION_FROM_AGE {
            reasons.push(reason(
                "carer_transition",
                "As they near 18, you can ask the council for a carer's transition assessment, so support is ready when they become an adult.",
                "Care Act 2014 s.60",
            ));
        }
        return Ok(Verdict {
            result: "carer_of_child".to_owned(),
            unmet_outcomes: unmet,
            reasons,
        });
    }
    let mut reasons = Vec::new();
    let gateway = match answers.provides_necessary_care {
        Some(true) => {
            reasons.push(reason(
                "necessary_care",
                "You give care the person needs.",
                "SI 2015/313 reg 3(1)(a)",
            ));
            Met::Yes
        }
        Some(false) => {
            reasons.push(reason(
                "care_not_necessary",
                "You said the person would not need this care if you did not give it. The rules for carers need necessary care.",
                "SI 2015/313 reg 3(1)(a)",
            ));
            Met::No
        }
        None => {
            reasons.push(reason(
                "necessary_care_uncertain",
                "You were not sure whether the care is needed. An assessment can find out.",
                "SI 2015/313 reg 3(1)(a)",
            ));
            Met::Unsure
        }
    };
    let effect = match (
        answers.health_deteriorating,
        unmet.len(),
        answers.fluctuating,
    ) {
        (Some(true), _, _) => {
            reasons.push(reason(
                "health_at_risk",
                "Caring is making your physical or mental health worse, or putting it at risk.",
                "SI 2015/313 reg 3(1)(b)",
            ));
            Met::Yes
        }
        (_, n, _) if n >= 1 => {
            reasons.push(reason(
                "one_or_more_outcomes",
                &format!("Because of caring you cannot do {n} of the things the rules list for carers. One is enough."),
                "SI 2015/313 reg 3(1)(b)",
            ));
            Met::Yes
        }
        (_, _, true) => {
            reasons.push(reason(
                "fluctuating_needs",
                "Your needs change from day to day. An assessment looks at good and bad days with you, over as long as it takes to see the real picture.",
                "SI 2015/313 reg 3(4)",
            ));
            Met::Unsure
        }
        (None, _, _) => {
            reasons.push(reason(
                "health_or_outcomes_uncertain",
                "You were not sure whether caring is affecting your health. An assessment can find out.",
                "SI 2015/313 reg 3(1)(b)",
            ));
            Met::Unsure
        }
        (Some(false), _, false) => {
            reasons.push(reason(
                "no_outcome_or_health_effect",
                "You said caring is not harming your health and you can do the things the rules list for carers.",
                "SI 2015/313 reg 3(1)(b)",
            ));
            Met::No
        }
    };
    let impact = wellbeing(
        &answers.wellbeing_impact,
        "SI 2015/313 reg 3(1)(c)",
        &mut reasons,
    );
    Ok(Verdict {
        result: result_of(&[gateway, effect, impact]).to_owned(),
        unmet_outcomes: unmet,
        reasons,
    })
}

/// The carer outcome with this code.
pub fn carer_outcome(code: &str) -> Option<(&'static str, &'static str, &'static str)> {
    CARER_OUTCOMES.iter().copied().find(|(c, _, _)| *c == code)
}

#[cfg(test)]
mod cases;
