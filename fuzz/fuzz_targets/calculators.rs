//! The contribution calculators and the eligibility checks against any JSON the public API
//! could be sent (seeded with the worked cases): they never panic or overflow, and an estimate
//! is never negative, nor more than the cost of care when the cost is given; dates of birth,
//! ages and assessment dates of any shape are refused or used, never a panic.
#![no_main]
use domain::charging::non_residential::{estimate_non_residential, NonResidentialRequest};
use domain::charging::policy::ChargingPolicy;
use domain::charging::rates::RateTables;
use domain::charging::residential::{estimate_residential, ResidentialRequest};
use domain::eligibility::{check_adult, check_carer, AdultAnswers, CarerAnswers};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|json: &[u8]| {
    let tables = RateTables::published();
    if let Ok(request) = serde_json::from_slice::<NonResidentialRequest>(json) {
        let today = time::macros::date!(2026 - 11 - 22);
        if let Ok(estimate) =
            estimate_non_residential(&request, tables, &ChargingPolicy::default(), today)
        {
            assert!(estimate.pension_credit_age_reached.is_some());
            if let Some(weekly) = estimate.weekly_contribution_pence {
                assert!(!weekly.is_negative(), "{weekly:?}");
                if let Some(cost) = request.weekly_care_cost_pence {
                    assert!(weekly <= cost.max(domain::charging::money::Pence::ZERO));
                }
            }
        }
    }
    if let Ok(request) = serde_json::from_slice::<ResidentialRequest>(json) {
        if let Ok(estimate) = estimate_residential(&request, tables) {
            if let Some(weekly) = estimate.weekly_contribution_pence {
                assert!(!weekly.is_negative(), "{weekly:?}");
            }
        }
    }
    if let Ok(answers) = serde_json::from_slice::<AdultAnswers>(json) {
        let _ = check_adult(&answers);
    }
    if let Ok(answers) = serde_json::from_slice::<CarerAnswers>(json) {
        let _ = check_carer(&answers);
    }
});
