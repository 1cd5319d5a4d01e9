//! The estimates' JSON API (API.md): the documented examples with their figures, the
//! configured policy and a caller's changes to it, and a 422 naming the field for unknown
//! kinds, negative or absurd amounts, unknown years and missing fields.
use crate::common;

use common::{spawn_app, spawn_app_on, sqlite_store, test_config};
use serde_json::{json, Value};

async fn post(app: &common::TestApp, path: &str, body: &Value) -> (u16, Value) {
    let response = app
        .client
        .post(app.url(path))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| e["field"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn at_home() -> Value {
    json!({ "financial_year": "2025-26",
      "person": { "age": 40, "disability_premium": true, "enhanced_disability_premium": true,
                  "carer_premium": false, "dependent_children": 0, "couple": false },
      "capital_pence": 1600000,
      "weekly_income": [ { "kind": "pip_daily_living", "amount_pence": 7390 },
                         { "kind": "esa", "amount_pence": 15000 },
                         { "kind": "pip_mobility", "amount_pence": 7575 } ],
      "weekly_housing_costs_pence": 500,
      "weekly_disability_related_expenditure_pence": 1085,
      "weekly_care_cost_pence": 25000,
      "policy": { "percentage_charged": 100, "flat_dre_pence": null, "minimum_charge_pence": 0,
                  "maximum_charge_pence": null, "mig_uplift_pence": 0 } })
}

fn care_home() -> Value {
    json!({ "financial_year": "2025-26", "capital_pence": 500000,
      "weekly_income": [ { "kind": "state_pension", "amount_pence": 23030 } ],
      "property": { "value_pence": 25000000, "occupied_by": "none", "weeks_in_permanent_care": 5 },
      "weekly_fee_pence": 95000 })
}

const AT_HOME: &str = "/api/v1/estimates/non-residential";
const CARE_HOME: &str = "/api/v1/estimates/residential";

#[tokio::test]
async fn the_documented_examples_give_the_documented_figures() {
    let app = spawn_app(false).await;
    let (status, body) = post(&app, AT_HOME, &at_home()).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["weekly_contribution_pence"], 2865);
    assert_eq!(body["full_cost"], false);
    assert_eq!(body["provisional"], false);
    assert_eq!(body["financial_year"], "2025-26");
    let lines = body["lines"].as_array().unwrap();
    let tariff = lines.iter().find(|l| l["code"] == "tariff_income").unwrap();
    assert_eq!(tariff["amount_pence"], 700);
    assert_eq!(
        tariff["source"],
        "SI 2014/2672 reg 25: £1 a week for every £250, or part of £250, between the limits"
    );
    let sum: i64 = lines
        .iter()
        .map(|l| l["amount_pence"].as_i64().unwrap())
        .sum();
    assert_eq!(sum, 2865);

    let (status, body) = post(&app, CARE_HOME, &care_home()).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["weekly_contribution_pence"], 19965);
    assert_eq!(body["notes"][0]["code"], "twelve_week_disregard");

    let mut later = care_home();
    later["property"]["weeks_in_permanent_care"] = json!(12);
    let (_, body) = post(&app, CARE_HOME, &later).await;
    assert_eq!(body["full_cost"], true);
    assert_eq!(body["weekly_contribution_pence"], 95000);
    later.as_object_mut().unwrap().remove("weekly_fee_pence");
    let (_, body) = post(&app, CARE_HOME, &later).await;
    assert_eq!(body["full_cost"], true);
    assert_eq!(body["weekly_contribution_pence"], Value::Null);

    let mut provisional = at_home();
    provisional["financial_year"] = json!("2026-27");
    let (status, body) = post(&app, AT_HOME, &provisional).await;
    assert_eq!(status, 200);
    assert_eq!(body["provisional"], true);
    assert_eq!(body["pension_credit_age_reached"], false);
}

/// API.md's ages: the date of birth decides Pension Credit age; for a couple either partner
/// reaching it brings the pension-age amount; the premiums, when omitted, follow the incomes.
#[tokio::test]
async fn dates_of_birth_and_partners_decide_the_pension_age_amount() {
    let app = spawn_app(false).await;
    let body = |person: Value| {
        json!({ "financial_year": "2026-27", "assessment_date": "2026-06-01", "person": person,
                "capital_pence": 0, "weekly_income": [ { "kind": "other", "amount_pence": 30000 } ] })
    };
    let single = |born: &str| json!({ "date_of_birth": born, "carer_premium": false, "dependent_children": 0, "couple": false });
    // Born 15 May 1960: State Pension age 66 and 2 months, on 15 July 2026.
    let (status, before) = post(&app, AT_HOME, &body(single("1960-05-15"))).await;
    assert_eq!(status, 200, "{before}");
    assert_eq!(before["pension_credit_age_reached"], false);
    let mut later = body(single("1960-05-15"));
    later["assessment_date"] = json!("2026-07-15");
    let (_, after) = post(&app, AT_HOME, &later).await;
    assert_eq!(after["pension_credit_age_reached"], true);
    let mig = |estimate: &Value| {
        estimate["lines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["code"] == "minimum_income_guarantee")
            .map(|l| l["amount_pence"].as_i64().unwrap())
            .unwrap()
    };
    assert!(
        mig(&after) < mig(&before),
        "the pension-age amount is larger"
    );

    let couple = json!({ "age": 60, "partner_date_of_birth": "1950-01-01", "carer_premium": false,
                         "dependent_children": 0, "couple": true });
    let (status, estimate) = post(&app, AT_HOME, &body(couple)).await;
    assert_eq!(status, 200, "{estimate}");
    assert_eq!(estimate["pension_credit_age_reached"], true);

    let mut premiums = body(single("1986-03-02"));
    premiums["weekly_income"] = json!([ { "kind": "pip_mobility", "amount_pence": 3030 } ]);
    let (_, estimate) = post(&app, AT_HOME, &premiums).await;
    let codes: Vec<&str> = estimate["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"disability_premium"), "{codes:?}");
    assert!(!codes.contains(&"enhanced_disability_premium"), "{codes:?}");
}

/// An estimate describes someone's money: no browser or proxy keeps it. The public directory
/// and the OpenAPI document may be kept.
#[tokio::test]
async fn answers_about_a_person_are_never_kept() {
    let app = spawn_app(false).await;
    let response = app
        .client
        .post(app.url(AT_HOME))
        .json(&at_home())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    for public in ["/api/v1/openapi.json", "/api/oruk/v3/taxonomies"] {
        let response = app.client.get(app.url(public)).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200, "{public}");
        assert!(
            response.headers().get("cache-control").is_none(),
            "{public}"
        );
    }
}

#[tokio::test]
async fn the_configured_policy_applies_unless_the_caller_changes_it() {
    let mut config = test_config(false);
    config.settings.charging_policy = app::domain::charging::ChargingPolicy {
        flat_dre_pence: Some(app::domain::charging::Pence(1530)),
        maximum_charge_pence: Some(app::domain::charging::Pence(2500)),
        ..Default::default()
    };
    let app = spawn_app_on(sqlite_store().await, config).await;
    let mut body = at_home();
    body.as_object_mut().unwrap().remove("policy");
    body.as_object_mut()
        .unwrap()
        .remove("weekly_disability_related_expenditure_pence");
    // Configured: flat DRE £15.30 → £24.20, within the £25 maximum.
    let (_, estimate) = post(&app, AT_HOME, &body).await;
    assert_eq!(estimate["weekly_contribution_pence"], 2420);
    // The caller clears the flat DRE (null) and keeps the maximum (omitted): £39.50 → £25.
    body["policy"] = json!({ "flat_dre_pence": null });
    let (_, estimate) = post(&app, AT_HOME, &body).await;
    assert_eq!(estimate["weekly_contribution_pence"], 2500);
    body["policy"] = json!({ "flat_dre_pence": null, "maximum_charge_pence": null });
    let (_, estimate) = post(&app, AT_HOME, &body).await;
    assert_eq!(estimate["weekly_contribution_pence"], 3950);
}

#[tokio::test]
async fn broken_requests_get_a_422_naming_each_field() {
    let app = spawn_app(false).await;
    let cases: Vec<(Box<dyn Fn(&mut Value)>, Vec<&str>)> = vec![
        (
            Box::new(|b| b["weekly_income"][0]["kind"] = json!("lottery")),
            vec!["weekly_income[0].kind"],
        ),
        (
            Box::new(|b| b["weekly_income"][1]["amount_pence"] = json!(-1)),
            vec!["weekly_income[1].amount_pence"],
        ),
        (
            Box::new(|b| b["capital_pence"] = json!(10_000_000_001_i64)),
            vec!["capital_pence"],
        ),
        (
            Box::new(|b| b["financial_year"] = json!("2019-20")),
            vec!["financial_year"],
        ),
        (
            Box::new(|b| {
                b["person"].as_object_mut().unwrap().remove("age");
            }),
            vec!["person.date_of_birth"],
        ),
        (
            Box::new(|b| {
                b["person"]["age"] = json!(66);
                b["assessment_date"] = json!("2026-04-06");
            }),
            vec!["person.date_of_birth"],
        ),
        (
            Box::new(|b| b["weekly_income"][0]["rate"] = json!("highest")),
            vec!["weekly_income[0].rate"],
        ),
        (
            Box::new(|b| {
                b.as_object_mut().unwrap().remove("weekly_income");
            }),
            vec!["weekly_income"],
        ),
        (
            Box::new(|b| b["capital_pence"] = json!("lots")),
            vec!["capital_pence"],
        ),
        (
            Box::new(|b| b["policy"]["percentage_charged"] = json!(120)),
            vec!["policy.percentage_charged"],
        ),
        (
            Box::new(|b| b["policy"]["minimum_charge_pence"] = json!(null)),
            vec!["policy.minimum_charge_pence"],
        ),
        (
            Box::new(|b| b["policy"]["surprise"] = json!(1)),
            vec!["policy.surprise"],
        ),
    ];
    for (change, expected) in cases {
        let mut body = at_home();
        change(&mut body);
        let (status, problem) = post(&app, AT_HOME, &body).await;
        assert_eq!(status, 422, "{body} → {problem}");
        assert_eq!(fields(&problem), expected, "{problem}");
        assert!(problem["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }
    let mut body = care_home();
    body["property"]["occupied_by"] = json!("lodger");
    let (status, problem) = post(&app, CARE_HOME, &body).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&problem), ["property.occupied_by"]);

    let response = app
        .client
        .post(app.url(AT_HOME))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
}
