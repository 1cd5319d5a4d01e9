//! The eligibility self-checks' JSON API (API.md): the examples, young carers, the carers of
//! children and young people under 18, and a 422
//! naming the field for every way the answers can break the contract.
use crate::common;

use common::spawn_app;
use serde_json::{json, Value};

async fn post(app: &common::TestApp, path: &str, body: String) -> (u16, Value) {
    let response = app
        .client
        .post(app.url(path))
        .header("content-type", "application/json")
        .body(body)
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

#[tokio::test]
async fn the_examples_and_the_contract() {
    let app = spawn_app(false).await;
    let adult = json!({ "impairment_or_illness": true,
        "outcomes": { "nutrition": ["without_assistance"], "personal_hygiene": ["significantly_longer"] },
        "fluctuating": false, "wellbeing_impact": "significant" });
    let (status, body) = post(&app, "/api/v1/eligibility/adult", adult.to_string()).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["result"], "likely_eligible");
    assert_eq!(
        body["unmet_outcomes"],
        json!(["nutrition", "personal_hygiene"])
    );
    assert!(body["reasons"].as_array().unwrap().iter().any(|r| r["code"]
        == "two_or_more_outcomes"
        && r["regulation"] == "SI 2015/313 reg 2(1)(b)"));
    assert_eq!(body["next_steps"][0]["kind"], "request_assessment");

    let carer = json!({ "age": 52, "provides_necessary_care": true, "health_deteriorating": false,
        "outcomes": { "recreation": ["pain_distress_anxiety"] }, "fluctuating": false, "wellbeing_impact": "significant" });
    let (status, body) = post(&app, "/api/v1/eligibility/carer", carer.to_string()).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["result"], "likely_eligible");

    let mut young = carer.clone();
    young["age"] = json!(16);
    let (_, body) = post(&app, "/api/v1/eligibility/carer", young.to_string()).await;
    assert_eq!(body["result"], "young_carer");
    assert_eq!(body["next_steps"][0]["kind"], "young_carers_support");
    assert_eq!(body["reasons"][0]["regulation"], "Children Act 1989 s.17ZA");

    // The carer of a child: children's services; a young person: a transition assessment.
    let mut parent = carer.clone();
    parent["cared_for_age"] = json!(16);
    let (status, body) = post(&app, "/api/v1/eligibility/carer", parent.to_string()).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["result"], "carer_of_child");
    assert_eq!(body["next_steps"][0]["kind"], "childrens_services");
    assert_eq!(body["reasons"][1]["regulation"], "Care Act 2014 s.60");
    let mut young_person = adult.clone();
    young_person["age"] = json!(17);
    let (_, body) = post(&app, "/api/v1/eligibility/adult", young_person.to_string()).await;
    assert_eq!(body["result"], "transition_assessment");
    assert_eq!(body["reasons"][0]["regulation"], "Care Act 2014 s.58");
    assert_eq!(body["next_steps"][0]["kind"], "request_assessment");

    // 422s naming the field.
    let mut longer = carer.clone();
    longer["outcomes"] = json!({ "recreation": ["significantly_longer"] });
    let (status, body) = post(&app, "/api/v1/eligibility/carer", longer.to_string()).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&body), ["outcomes.recreation[0]"]);
    let mut adult_key = carer.clone();
    adult_key["outcomes"] = json!({ "personal_hygiene": ["without_assistance"] });
    let (status, body) = post(&app, "/api/v1/eligibility/carer", adult_key.to_string()).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&body), ["outcomes.personal_hygiene"]);
    let mut unknown = adult.clone();
    unknown["outcomes"]["nutrition"] = json!(["tired"]);
    unknown["wellbeing_impact"] = json!("very");
    let (status, body) = post(&app, "/api/v1/eligibility/adult", unknown.to_string()).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&body), ["outcomes.nutrition[0]", "wellbeing_impact"]);
    let (status, body) = post(
        &app,
        "/api/v1/eligibility/adult",
        json!({ "outcomes": {} }).to_string(),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        fields(&body),
        ["impairment_or_illness", "fluctuating", "wellbeing_impact"]
    );
    let mut wrong_type = carer.clone();
    wrong_type["age"] = json!("fifty");
    let (status, body) = post(&app, "/api/v1/eligibility/carer", wrong_type.to_string()).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&body), ["age"]);
    let (status, _) = post(&app, "/api/v1/eligibility/adult", "{ not json".to_owned()).await;
    assert_eq!(status, 400);
}
