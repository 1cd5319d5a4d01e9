//! The rules tested from case files: `adult_cases.json` and `carer_cases.json`, each case
//! its answers and either the expected result, unmet outcomes and reason codes, or the
//! fields that must be refused. Together they cover every outcome with every limb, the
//! one-versus-two boundary for adults, the missing limb for carers, both gateways, the
//! well-being answers, fluctuating needs, young carers, the carers of children and young
//! people under 18.

use serde::Deserialize;
use serde_json::Value;

use super::{check_adult, check_carer, AdultAnswers, CarerAnswers, Verdict};
use crate::problems::FieldErrors;

#[derive(Deserialize)]
struct Case {
    name: String,
    answers: Value,
    expected: Option<Expected>,
    #[serde(default)]
    expected_errors: Vec<String>,
}

#[derive(Deserialize)]
struct Expected {
    result: String,
    unmet_outcomes: Vec<String>,
    reasons: Vec<String>,
}

fn run(file: &str, check: impl Fn(&Value) -> Result<Verdict, FieldErrors>) -> usize {
    let cases: Vec<Case> = serde_json::from_str(file).expect("case file");
    for case in &cases {
        let outcome = check(&case.answers);
        match (&case.expected, outcome) {
            (Some(expected), Ok(verdict)) => {
                assert_eq!(verdict.result, expected.result, "{}", case.name);
                assert_eq!(
                    verdict.unmet_outcomes, expected.unmet_outcomes,
                    "{}",
                    case.name
                );
                let codes: Vec<_> = verdict.reasons.iter().map(|r| r.code.as_str()).collect();
                assert_eq!(codes, expected.reasons, "{}", case.name);
                for reason in &verdict.reasons {
                    let cited = [
                        "SI 2015/313 reg ",
                        "Care Act 2014 s.",
                        "Children Act 1989 s.",
                    ];
                    assert!(
                        cited.iter().any(|law| reason.regulation.starts_with(law)),
                        "{}",
                        case.name
                    );
                    assert!(!reason.text.is_empty(), "{}", case.name);
                }
            }
            (None, Err(errors)) => {
                let fields: Vec<_> = errors.0.iter().map(|e| e.field.as_str()).collect();
                assert_eq!(fields, case.expected_errors, "{}", case.name);
            }
            (Some(_), Err(errors)) => panic!("{}: refused {errors:?}", case.name),
            (None, Ok(verdict)) => panic!("{}: expected a refusal, got {verdict:?}", case.name),
        }
    }
    cases.len()
}

#[test]
fn adult_cases() {
    let count = run(include_str!("adult_cases.json"), |answers| {
        check_adult(&serde_json::from_value::<AdultAnswers>(answers.clone()).expect("answers"))
    });
    assert!(count >= 80 + 10, "{count} cases");
}

#[test]
fn carer_cases() {
    let count = run(include_str!("carer_cases.json"), |answers| {
        check_carer(&serde_json::from_value::<CarerAnswers>(answers.clone()).expect("answers"))
    });
    assert!(count >= 8 * 4 + 10, "{count} cases");
}
