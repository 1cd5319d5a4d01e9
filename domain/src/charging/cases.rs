//! The calculators tested from case files: `cases/non_residential.json` and
//! `cases/residential.json`. Each case cites where it comes from (a council's published
//! worked example, or "derived by us") and gives either the expected contribution, full-cost
//! and provisional flags (and optionally the line and note codes) or the fields that must be
//! refused. Every estimate is also checked for its invariants: the lines add up to the
//! contribution, and every line has words and a source.

use serde::Deserialize;
use serde_json::Value;

use super::{
    estimate_non_residential, estimate_residential, ChargingPolicy, Estimate, Pence, PolicyChoices,
    RateTables,
};
use crate::problems::FieldErrors;

/// The day ages are taken on in a case without an `assessment_date`.
const CASES_TODAY: time::Date = time::macros::date!(2026 - 11 - 22);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    source: String,
    request: Value,
    #[serde(default)]
    policy: PolicyChoices,
    expected: Option<Expected>,
    #[serde(default)]
    expected_errors: Vec<String>,
}

#[derive(Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    weekly_contribution_pence: Option<i64>,
    full_cost: bool,
    provisional: bool,
    lines: Option<Vec<String>>,
    notes: Option<Vec<String>>,
}

fn check_invariants(name: &str, estimate: &Estimate) {
    assert!(!estimate.lines.is_empty(), "{name}: no lines");
    let sum: Pence = estimate.lines.iter().map(|l| l.amount_pence).sum();
    if let Some(contribution) = estimate.weekly_contribution_pence {
        assert_eq!(sum, contribution, "{name}: the lines do not add up");
        assert!(!contribution.is_negative(), "{name}: negative");
    }
    for line in &estimate.lines {
        assert!(
            !line.label.is_empty() && !line.source.is_empty(),
            "{name}: {line:?}"
        );
    }
    assert_eq!(
        estimate.provisional,
        estimate.lines.iter().any(|l| l.provisional),
        "{name}"
    );
}

fn run(
    file: &str,
    estimate: impl Fn(&Value, &ChargingPolicy) -> Result<Estimate, FieldErrors>,
) -> usize {
    let cases: Vec<Case> = serde_json::from_str(file).expect("case file");
    let mut wrong = Vec::new();
    for case in &cases {
        let name = &case.name;
        assert!(!case.source.is_empty(), "{name}: cite a source");
        let policy = case
            .policy
            .applied_to(&ChargingPolicy::default())
            .expect("policy");
        match (&case.expected, estimate(&case.request, &policy)) {
            (Some(expected), Ok(estimate)) => {
                check_invariants(name, &estimate);
                let codes = |lines: &[String]| lines.to_vec();
                let got = Expected {
                    weekly_contribution_pence: estimate.weekly_contribution_pence.map(|p| p.0),
                    full_cost: estimate.full_cost,
                    provisional: estimate.provisional,
                    lines: expected.lines.as_ref().map(|_| {
                        codes(
                            &estimate
                                .lines
                                .iter()
                                .map(|l| l.code.clone())
                                .collect::<Vec<_>>(),
                        )
                    }),
                    notes: expected.notes.as_ref().map(|_| {
                        codes(
                            &estimate
                                .notes
                                .iter()
                                .map(|n| n.code.clone())
                                .collect::<Vec<_>>(),
                        )
                    }),
                };
                if &got != expected {
                    wrong.push(format!(
                        "{name}:\n  expected {expected:?}\n  got      {got:?}\n  {:#?}",
                        estimate.lines
                    ));
                }
            }
            (None, Err(errors)) => {
                let fields: Vec<_> = errors.0.iter().map(|e| e.field.as_str()).collect();
                if fields != case.expected_errors {
                    wrong.push(format!("{name}: refused {fields:?}"));
                }
            }
            (Some(_), Err(errors)) => wrong.push(format!("{name}: refused {errors:?}")),
            (None, Ok(estimate)) => {
                wrong.push(format!("{name}: expected a refusal, got {estimate:?}"))
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
    cases.len()
}

#[test]
fn care_at_home_cases() {
    let count = run(
        include_str!("cases/non_residential.json"),
        |request, policy| {
            let request = serde_json::from_value(request.clone()).expect("request shape");
            estimate_non_residential(&request, RateTables::published(), policy, CASES_TODAY)
        },
    );
    assert!(count >= 60, "{count} cases");
}

#[test]
fn care_home_cases() {
    let count = run(include_str!("cases/residential.json"), |request, _| {
        let request = serde_json::from_value(request.clone()).expect("request shape");
        estimate_residential(&request, RateTables::published())
    });
    assert!(count >= 20, "{count} cases");
}

#[test]
fn every_income_kind_has_a_case() {
    let file = include_str!("cases/non_residential.json");
    for kind in super::income::INCOME_KINDS {
        assert!(
            file.contains(&format!("\"kind\": \"{}\"", kind.code)),
            "{}",
            kind.code
        );
    }
}
