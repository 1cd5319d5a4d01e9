//! "Refer someone as a professional" with HTML alone, and the professional body of the JSON
//! API, on SQLite and PostgreSQL: a discharge nurse's referral page by page (each page's
//! errors, the discharge branch asked from the setting, a discharge date in the past
//! refused), sent once, its confirmation emailed to the work address, and the Client Level
//! Data route of access and requester type stored with it.
use crate::common;

use common::{attrs, spawn_app_on, test_config, text_of, TestApp, TestStore};
use serde_json::{json, Value};

const BASE: &str = "/refer-as-a-professional";
const ANSWER: &str = "/api/professional/answer";

async fn answer(app: &TestApp, page: &str, fields: &[(&str, &str)]) -> String {
    let mut all = vec![("page", page)];
    all.extend_from_slice(fields);
    app.post_form(ANSWER, &all).await
}

async fn errors_on(app: &TestApp, slug: &str) -> Vec<String> {
    let (status, html) = app.get_html(&format!("{BASE}/{slug}")).await;
    assert_eq!(status, 200, "{slug}");
    attrs(&html, ".govuk-error-summary__list a", "href")
}

/// Posts a page that should move on to `next`.
async fn moves_on(app: &TestApp, slug: &str, fields: &[(&str, &str)], next: &str) {
    assert_eq!(
        answer(app, slug, fields).await,
        format!("{BASE}/{next}"),
        "{slug}"
    );
}

async fn a_discharge_nurse_refers_a_patient(store: TestStore) {
    let app = spawn_app_on(store, test_config(false)).await;
    let (_, start) = app.get_html(BASE).await;
    assert_eq!(
        attrs(&start, "a.govuk-button--start", "href"),
        [format!("{BASE}/about-you")]
    );

    assert_eq!(
        answer(&app, "about-you", &[]).await,
        format!("{BASE}/about-you")
    );
    assert_eq!(
        errors_on(&app, "about-you").await,
        [
            "#referrer-given-name",
            "#referrer-family-name",
            "#referrer-job-title",
            "#referrer-organisation",
            "#referrer-phone",
            "#referrer-email"
        ]
    );
    let about = [
        ("form[referrer][given_name]", "Sam"),
        ("form[referrer][family_name]", "Lee"),
        ("form[referrer][job_title]", "Discharge nurse"),
        (
            "form[referrer][organisation]",
            "Exampletown General Hospital",
        ),
        ("form[referrer][phone]", "01632 960100"),
        ("form[referrer][email]", "sam.lee@nhs.net"),
    ];
    moves_on(&app, "about-you", &about, "where-you-work").await;
    moves_on(
        &app,
        "where-you-work",
        &[("form[referrer][setting]", "hospital")],
        "name",
    )
    .await;
    let name = [
        ("form[person][given_name]", "Joan"),
        ("form[person][family_name]", "Price"),
    ];
    moves_on(&app, "name", &name, "date-of-birth").await;
    let dob = [
        ("form[person][date_of_birth][day]", "14"),
        ("form[person][date_of_birth][month]", "6"),
        ("form[person][date_of_birth][year]", "1939"),
    ];
    moves_on(&app, "date-of-birth", &dob, "nhs-number-and-gp").await;
    let wrong_nhs = [("form[person][nhs_number]", "943 476 5918")];
    assert_eq!(
        answer(&app, "nhs-number-and-gp", &wrong_nhs).await,
        format!("{BASE}/nhs-number-and-gp")
    );
    assert_eq!(
        errors_on(&app, "nhs-number-and-gp").await,
        ["#person-nhs-number"]
    );
    let nhs = [
        ("form[person][nhs_number]", "943 476 5919"),
        ("form[involved][gp]", "Mill Lane Surgery"),
    ];
    moves_on(&app, "nhs-number-and-gp", &nhs, "address").await;
    let address = [
        ("form[person][address_line_1]", "4 Church Row"),
        ("form[person][town]", "Exampletown"),
        ("form[person][postcode]", "ex2 4cd"),
    ];
    moves_on(&app, "address", &address, "contact-details").await;
    let contact = [
        ("form[person][phone]", "01632 960444"),
        ("form[person][preferred_contact]", "phone"),
    ];
    moves_on(&app, "contact-details", &contact, "agreement").await;
    moves_on(
        &app,
        "agreement",
        &[("form[consent][person_agrees]", "no")],
        "without-agreement",
    )
    .await;
    assert_eq!(
        answer(&app, "without-agreement", &[]).await,
        format!("{BASE}/without-agreement")
    );
    assert_eq!(
        errors_on(&app, "without-agreement").await,
        [
            "#consent-lawful-basis",
            "#consent-capacity-concern",
            "#consent-reason-without-consent"
        ]
    );
    let without = [
        ("form[consent][lawful_basis]", "best_interests"),
        ("form[consent][capacity_concern]", "yes"),
        (
            "form[consent][reason_without_consent]",
            "Delirium since admission",
        ),
    ];
    // A hospital setting goes straight to the discharge: no "is it a discharge?" question.
    moves_on(&app, "without-agreement", &without, "discharge-details").await;

    let mut discharge = vec![
        ("form[discharge][hospital]", "Exampletown General"),
        ("form[discharge][ward]", "Ward 7"),
        ("form[discharge][ward_phone]", "01632 960101"),
        ("form[discharge][expected_date][day]", "1"),
        ("form[discharge][expected_date][month]", "1"),
        ("form[discharge][expected_date][year]", "2020"),
        ("form[discharge][medically_optimised]", "yes"),
        ("form[discharge][pathway]", "1"),
    ];
    assert_eq!(
        answer(&app, "discharge-details", &discharge).await,
        format!("{BASE}/discharge-details")
    );
    let (_, html) = app.get_html(&format!("{BASE}/discharge-details")).await;
    assert!(text_of(&html, ".govuk-error-summary")
        .unwrap()
        .contains("Expected discharge date must be today or in the future"));
    assert_eq!(
        attrs(&html, "#discharge-expected-date-year", "value"),
        ["2020"],
        "kept as typed"
    );
    let year = (time::OffsetDateTime::now_utc().year() + 1).to_string();
    discharge[5].1 = &year;
    moves_on(&app, "discharge-details", &discharge, "discharge-support").await;
    let support = [(
        "form[discharge][support_needed]",
        "Two calls a day to wash and dress",
    )];
    moves_on(&app, "discharge-support", &support, "what-is-needed").await;
    let needs = [
        ("form[needs][summary]", "Personal care after a hip fracture"),
        ("form[needs][risks][lives_alone]", "lives_alone"),
        ("form[needs][risks][falls]", "falls"),
    ];
    moves_on(&app, "what-is-needed", &needs, "urgent").await;
    moves_on(
        &app,
        "urgent",
        &[(
            "form[needs][urgent][hospital_discharge]",
            "hospital_discharge",
        )],
        "check-answers",
    )
    .await;

    let (_, html) = app.get_html(&format!("{BASE}/check-answers")).await;
    let main = text_of(&html, "main").unwrap();
    for shown in [
        "Discharge nurse, Exampletown General Hospital",
        "943 476 5919",
        "In their best interests",
        "Pathway 1: Home with new support",
        format!("1 January {year}").as_str(),
        "Falls, or at risk of falling",
    ] {
        assert!(main.contains(shown), "{shown} in {main}");
    }
    assert_eq!(
        app.post_form("/api/professional/send", &[]).await,
        format!("{BASE}/check-answers")
    );
    let declared = [("form[declaration]", "yes")];
    for _ in 0..2 {
        assert_eq!(
            app.post_form("/api/professional/send", &declared).await,
            format!("{BASE}/confirmation")
        );
    }
    assert_eq!(
        app.store.outbox_pending("event").await.unwrap(),
        1,
        "sent once"
    );
    let (_, html) = app.get_html(&format!("{BASE}/confirmation")).await;
    let reference = text_of(&html, ".govuk-panel .app-reference").unwrap();
    let stored = app.store.load_referral(&reference).await.unwrap().unwrap();
    assert_eq!(stored.route_of_access, "discharge_from_hospital");
    assert_eq!(stored.requester_type, "secondary_health");
    assert!(stored.urgent);
    let details: Value = serde_json::from_str(&stored.details).unwrap();
    assert_eq!(details["for"], "professional");
    assert_eq!(details["discharge"]["pathway"], 1);
    assert_eq!(details["consent"]["lawful_basis"], "best_interests");
    let emails = app.store.due_outbox("email", i64::MAX, 50).await.unwrap();
    let to_nurse = emails
        .iter()
        .map(|m| serde_json::from_str::<Value>(&m.payload).unwrap())
        .find(|p| p["to"] == "sam.lee@nhs.net")
        .expect("the confirmation goes to the work email");
    assert!(to_nurse["text"].as_str().unwrap().contains(&reference));
}

#[tokio::test]
async fn a_discharge_nurse_refers_a_patient_on_sqlite() {
    a_discharge_nurse_refers_a_patient(common::sqlite_store().await).await;
}

#[tokio::test]
async fn a_discharge_nurse_refers_a_patient_on_postgres() {
    a_discharge_nurse_refers_a_patient(common::postgres_store().await).await;
}

/// API.md's professional body, with a discharge.
fn professional_body(expected_date: &str) -> Value {
    json!({
        "for": "professional",
        "person": { "given_name": "Joan", "family_name": "Price", "date_of_birth": "1939-06-14",
                    "address_line_1": "4 Church Row", "town": "Exampletown", "postcode": "EX2 4CD",
                    "phone": "01632 960444", "preferred_contact": "phone", "nhs_number": "943 476 5919" },
        "referrer": { "given_name": "Sam", "family_name": "Lee", "job_title": "Discharge nurse",
                      "organisation": "Exampletown General Hospital", "setting": "hospital",
                      "phone": "01632 960100", "email": "sam.lee@nhs.net" },
        "consent": { "person_agrees": true },
        "needs": { "summary": "Personal care after a hip fracture" },
        "discharge": { "hospital": "Exampletown General", "ward": "Ward 7", "ward_phone": "01632 960101",
                       "expected_date": expected_date, "medically_optimised": true, "pathway": 1,
                       "support_needed": "Two calls a day" }
    })
}

async fn the_api_takes_a_professional_referral(store: TestStore) {
    let app = spawn_app_on(store, test_config(false)).await;
    let post = |key: &'static str, body: Value| {
        app.client
            .post(app.url("/api/v1/referrals"))
            .bearer_auth(&app.api_key)
            .header("idempotency-key", key)
            .json(&body)
            .send()
    };
    let next_year = time::OffsetDateTime::now_utc().year() + 1;
    let response = post("pro-1", professional_body(&format!("{next_year}-01-15")))
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    let receipt: Value = response.json().await.unwrap();
    assert_eq!(receipt["route_of_access"], "discharge_from_hospital");
    let reference = receipt["reference"].as_str().unwrap();
    let stored = app.store.load_referral(reference).await.unwrap().unwrap();
    assert_eq!(stored.requester_type, "secondary_health");

    let response = post("pro-2", professional_body("2020-01-15"))
        .await
        .unwrap();
    assert_eq!(
        response.status().as_u16(),
        422,
        "a discharge date in the past"
    );
    let problem: Value = response.json().await.unwrap();
    assert!(
        problem.to_string().contains("discharge.expected_date"),
        "{problem}"
    );

    let mut body = professional_body(&format!("{next_year}-01-15"));
    body["person"]["nhs_number"] = json!("943 476 5918");
    let response = post("pro-3", body).await.unwrap();
    assert_eq!(response.status().as_u16(), 422, "a wrong check digit");

    let mut community = professional_body("");
    community.as_object_mut().unwrap().remove("discharge");
    community["referrer"]["setting"] = json!("gp");
    let response = post("pro-4", community).await.unwrap();
    let receipt: Value = response.json().await.unwrap();
    assert_eq!(receipt["route_of_access"], "community_other", "{receipt}");
}

#[tokio::test]
async fn the_api_takes_a_professional_referral_on_sqlite() {
    the_api_takes_a_professional_referral(common::sqlite_store().await).await;
}

#[tokio::test]
async fn the_api_takes_a_professional_referral_on_postgres() {
    the_api_takes_a_professional_referral(common::postgres_store().await).await;
}
