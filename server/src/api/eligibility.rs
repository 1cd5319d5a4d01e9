//! `POST /api/v1/eligibility/adult` and `/carer`: the self-checks of SI 2015/313 over the
//! same domain rules as the pages. Advisory; nothing is stored. Every result offers a way to
//! ask for an assessment.

use std::collections::BTreeMap;

use app::domain::eligibility::{
    check_adult, check_carer, AdultAnswers, CarerAnswers, Reason, Verdict,
};
use app::domain::problems::FieldErrors;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};

use super::body::{json_body, typed};
use super::Problem;

/// The adult check's answers, as sent: every field is required but `age`.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct AdultRequest {
    /// Optional: the person's age. Under 18 gives `transition_assessment` (Care Act s.58).
    age: Option<u32>,
    /// Do the needs come from a physical or mental impairment or illness?
    impairment_or_illness: Option<bool>,
    /// Outcome code → the reasons it cannot be achieved: `without_assistance`,
    /// `pain_distress_anxiety`, `endangers_health_safety`, `significantly_longer`. An omitted
    /// key or an empty list means it is managed.
    outcomes: Option<BTreeMap<String, Vec<String>>>,
    fluctuating: Option<bool>,
    /// `significant`, `some`, `none` or `not_sure`.
    wellbeing_impact: Option<String>,
}

/// The carer check's answers, as sent: every field is required but `cared_for_age`.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct CarerRequest {
    age: Option<u32>,
    /// Optional: the age of the person cared for. Under 18 gives `carer_of_child`
    /// (children's services, Children Act 1989 s.17ZD; a carer's transition assessment, Care
    /// Act s.60, from 14).
    cared_for_age: Option<u32>,
    provides_necessary_care: Option<bool>,
    health_deteriorating: Option<bool>,
    /// Carer outcome code → reasons (`without_assistance`, `pain_distress_anxiety`,
    /// `endangers_health_safety`; there is no `significantly_longer` for carers).
    outcomes: Option<BTreeMap<String, Vec<String>>>,
    fluctuating: Option<bool>,
    wellbeing_impact: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct NextStep {
    /// `request_assessment`, or for a young carer `young_carers_support`, or for the carer of
    /// a child `childrens_services`.
    kind: String,
    href: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct EligibilityResponse {
    /// `likely_eligible`, `may_be_eligible`, `unlikely_eligible`, `young_carer`,
    /// `transition_assessment` (the adult check for someone under 18) or `carer_of_child`.
    result: String,
    unmet_outcomes: Vec<String>,
    reasons: Vec<Reason>,
    next_steps: Vec<NextStep>,
}

/// Records a missing field; returns its value if given.
fn required<T>(
    value: Option<T>,
    field: &str,
    message: &str,
    errors: &mut FieldErrors,
) -> Option<T> {
    if value.is_none() {
        errors.add(field, message);
    }
    value
}

fn answer(verdict: Result<Verdict, FieldErrors>) -> Response {
    match verdict {
        Err(errors) => Problem::invalid(errors).into_response(),
        Ok(verdict) => {
            let routed = match verdict.result.as_str() {
                "young_carer" => Some("young_carers_support"),
                "carer_of_child" => Some("childrens_services"),
                _ => None,
            };
            let next_steps = if let Some(kind) = routed {
                vec![
                    NextStep {
                        kind: kind.into(),
                        href: "/information-and-advice/support-for-carers".into(),
                    },
                    NextStep {
                        kind: "request_assessment".into(),
                        href: "/contact".into(),
                    },
                ]
            } else {
                vec![NextStep {
                    kind: "request_assessment".into(),
                    href: "/request-an-assessment".into(),
                }]
            };
            Json(EligibilityResponse {
                result: verdict.result,
                unmet_outcomes: verdict.unmet_outcomes,
                reasons: verdict.reasons,
                next_steps,
            })
            .into_response()
        }
    }
}

/// The adult check (SI 2015/313 reg 2).
#[utoipa::path(
    post,
    path = "/api/v1/eligibility/adult",
    tag = "Eligibility",
    request_body(content = AdultRequest, example = json!({
        "impairment_or_illness": true,
        "outcomes": { "nutrition": ["without_assistance"], "personal_hygiene": ["significantly_longer"] },
        "fluctuating": false,
        "wellbeing_impact": "significant"
    })),
    responses(
        (status = 200, description = "The result and its reasons", body = EligibilityResponse),
        (status = 400, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A missing field, an unknown outcome or reason", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn adult(body: Result<Bytes, BytesRejection>) -> Response {
    let request: AdultRequest = match json_body(body).and_then(|v| typed(&v)) {
        Ok(request) => request,
        Err(problem) => return problem.into_response(),
    };
    let mut errors = FieldErrors::default();
    let impairment = required(
        request.impairment_or_illness,
        "impairment_or_illness",
        "Say whether the needs come from an impairment or illness",
        &mut errors,
    );
    let outcomes = required(
        request.outcomes,
        "outcomes",
        "Give the outcomes (an empty object if every one is managed)",
        &mut errors,
    );
    let fluctuating = required(
        request.fluctuating,
        "fluctuating",
        "Say whether the needs change from day to day",
        &mut errors,
    );
    let impact = required(
        request.wellbeing_impact,
        "wellbeing_impact",
        "Select how much this affects well-being",
        &mut errors,
    );
    if !errors.is_empty() {
        return Problem::invalid(errors).into_response();
    }
    answer(check_adult(&AdultAnswers {
        age: request.age,
        impairment_or_illness: impairment,
        outcomes: outcomes.unwrap_or_default(),
        fluctuating: fluctuating.unwrap_or_default(),
        wellbeing_impact: impact.unwrap_or_default(),
    }))
}

/// The carer check (SI 2015/313 reg 3); carers under 18 are young carers.
#[utoipa::path(
    post,
    path = "/api/v1/eligibility/carer",
    tag = "Eligibility",
    request_body(content = CarerRequest, example = json!({
        "age": 52, "provides_necessary_care": true, "health_deteriorating": false,
        "outcomes": { "recreation": ["pain_distress_anxiety"] },
        "fluctuating": false, "wellbeing_impact": "significant"
    })),
    responses(
        (status = 200, description = "The result and its reasons", body = EligibilityResponse),
        (status = 400, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A missing field, an unknown outcome or reason, or `significantly_longer` for a carer", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn carer(body: Result<Bytes, BytesRejection>) -> Response {
    let request: CarerRequest = match json_body(body).and_then(|v| typed(&v)) {
        Ok(request) => request,
        Err(problem) => return problem.into_response(),
    };
    let mut errors = FieldErrors::default();
    let age = required(
        request.age,
        "age",
        "Enter the carer's age in years",
        &mut errors,
    );
    let necessary = required(
        request.provides_necessary_care,
        "provides_necessary_care",
        "Say whether the care is necessary",
        &mut errors,
    );
    let health = required(
        request.health_deteriorating,
        "health_deteriorating",
        "Say whether the carer's health is getting worse or at risk",
        &mut errors,
    );
    let outcomes = required(
        request.outcomes,
        "outcomes",
        "Give the outcomes (an empty object if every one is managed)",
        &mut errors,
    );
    let fluctuating = required(
        request.fluctuating,
        "fluctuating",
        "Say whether the needs change from day to day",
        &mut errors,
    );
    let impact = required(
        request.wellbeing_impact,
        "wellbeing_impact",
        "Select how much this affects well-being",
        &mut errors,
    );
    if !errors.is_empty() {
        return Problem::invalid(errors).into_response();
    }
    answer(check_carer(&CarerAnswers {
        age: age.unwrap_or_default(),
        cared_for_age: request.cared_for_age,
        provides_necessary_care: necessary,
        health_deteriorating: health,
        outcomes: outcomes.unwrap_or_default(),
        fluctuating: fluctuating.unwrap_or_default(),
        wellbeing_impact: impact.unwrap_or_default(),
    }))
}
