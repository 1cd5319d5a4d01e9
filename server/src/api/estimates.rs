//! `POST /api/v1/estimates/non-residential` and `/residential`: what a person might pay for
//! care at home or in a care home, over the same domain calculators as the pages. Nothing is
//! stored. Care at home uses the council's configured policy, which a caller may vary
//! (`policy`: an omitted field keeps the configured value, `null` means none), and takes ages
//! on today (UK) unless the request gives an `assessment_date`.

use app::domain::charging::{
    estimate_non_residential, estimate_residential, Estimate, NonResidentialRequest, PolicyChoices,
    RateTables, ResidentialRequest,
};
use app::domain::problems::FieldErrors;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::Value;

use super::body::{json_body, typed};
use super::{ApiState, Problem};

/// The care-at-home request as documented: the calculator's answers and optional policy
/// choices.
#[derive(Deserialize, utoipa::ToSchema)]
#[allow(dead_code)] // documents the body; the handler reads its two halves separately
pub struct NonResidentialBody {
    #[serde(flatten)]
    request: NonResidentialRequest,
    /// Optional. Changes to the council's configured policy for this estimate.
    policy: Option<PolicyChoices>,
}

fn answer(estimate: Result<Estimate, FieldErrors>) -> Response {
    match estimate {
        Ok(estimate) => Json(estimate).into_response(),
        Err(errors) => Problem::invalid(errors).into_response(),
    }
}

/// Care at home (SI 2014/2672 and Annex C).
#[utoipa::path(
    post,
    path = "/api/v1/estimates/non-residential",
    tag = "Estimates",
    request_body(content = NonResidentialBody, example = json!({
        "financial_year": "2025-26",
        "assessment_date": "2025-11-22",
        "person": { "date_of_birth": "1985-03-02", "disability_premium": true, "enhanced_disability_premium": true,
                    "carer_premium": false, "dependent_children": 0, "couple": false },
        "capital_pence": 1600000,
        "weekly_income": [ { "kind": "pip_daily_living", "amount_pence": 7390 },
                           { "kind": "esa", "amount_pence": 15000 },
                           { "kind": "pip_mobility", "amount_pence": 7575 } ],
        "weekly_housing_costs_pence": 500,
        "weekly_disability_related_expenditure_pence": 1085,
        "weekly_care_cost_pence": 25000,
        "policy": { "percentage_charged": 100, "flat_dre_pence": null, "minimum_charge_pence": 0,
                    "maximum_charge_pence": null, "mig_uplift_pence": 0 }
    })),
    responses(
        (status = 200, description = "The estimate: lines that add up to the weekly contribution", body = Estimate),
        (status = 400, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A missing field, an unknown year or kind of income, a negative or absurd amount, an impossible policy, or an age of 66 without the date of birth that decides Pension Credit age", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn non_residential(
    State(state): State<ApiState>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let value = match json_body(body) {
        Ok(value) => value,
        Err(problem) => return problem.into_response(),
    };
    let request: NonResidentialRequest = match typed(&value) {
        Ok(request) => request,
        Err(problem) => return problem.into_response(),
    };
    let choices = value.get("policy").cloned().unwrap_or(Value::Null);
    let choices: PolicyChoices = if choices.is_null() {
        PolicyChoices::default()
    } else {
        match typed(&serde_json::json!({ "policy": choices })) {
            Ok(Wrapped { policy }) => policy,
            Err(problem) => return problem.into_response(),
        }
    };
    let policy = match choices.applied_to(&state.settings.charging_policy) {
        Ok(policy) => policy,
        Err(errors) => {
            let mut under = FieldErrors::default();
            under.extend_under("policy", errors);
            return Problem::invalid(under).into_response();
        }
    };
    answer(estimate_non_residential(
        &request,
        RateTables::published(),
        &policy,
        app::forms::today(),
    ))
}

/// `policy` read with its own name in error paths.
#[derive(Deserialize)]
struct Wrapped {
    policy: PolicyChoices,
}

/// A care home (SI 2014/2672): income less the Personal Expenses Allowance, the home after
/// the 12-week disregard unless a mandatory disregard applies.
#[utoipa::path(
    post,
    path = "/api/v1/estimates/residential",
    tag = "Estimates",
    request_body(content = ResidentialRequest, example = json!({
        "financial_year": "2025-26", "capital_pence": 500000,
        "weekly_income": [ { "kind": "state_pension", "amount_pence": 23030 } ],
        "property": { "value_pence": 25000000, "occupied_by": "none", "weeks_in_permanent_care": 5 },
        "weekly_fee_pence": 95000
    })),
    responses(
        (status = 200, description = "The estimate: lines that add up to the weekly contribution", body = Estimate),
        (status = 400, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A missing field, an unknown year, kind of income or occupier, a negative or absurd amount", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn residential(body: Result<Bytes, BytesRejection>) -> Response {
    let request: ResidentialRequest = match json_body(body).and_then(|v| typed(&v)) {
        Ok(request) => request,
        Err(problem) => return problem.into_response(),
    };
    answer(estimate_residential(&request, RateTables::published()))
}
