//! Communication needs as the Accessible Information Standard asks, on both databases: the
//! API takes them as codes or as a sentence and refuses codes not on the lists; they are
//! stored with the request, carried by its event, flagged on the queue and spelled out on the
//! record; a request without them is not flagged.
use crate::common;

use super::web::{sign_in, staff};
use common::{spawn_app_on, test_config, text_of, TestStore};
use serde_json::{json, Value};

fn with_needs(needs: Value) -> Value {
    let mut body = common::referral_example();
    body["person"]["communication_needs"] = needs;
    body
}

async fn communication_needs_are_codes_flagged_for_staff(store: TestStore) {
    let app = spawn_app_on(store, test_config(false)).await;
    let coded = app
        .submit_referral(&with_needs(
            json!({ "formats": ["large_print", "easy_read"], "language": "pl",
                    "interpreter": "spoken", "support": "Call after 10am" }),
        ))
        .await;
    let sentence = app
        .submit_referral(&with_needs(json!("Please speak slowly")))
        .await;
    let none = app.submit_referral(&with_needs(json!(""))).await;

    let refused = app
        .post_referral(&with_needs(
            json!({ "formats": ["smoke_signals"], "language": "Polish please", "interpreter": "psychic" }),
        ))
        .await;
    assert_eq!(refused.status().as_u16(), 422);
    let problem: Value = refused.json().await.unwrap();
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(
        fields,
        [
            "person.communication_needs.language",
            "person.communication_needs.interpreter",
            "person.communication_needs.formats"
        ]
    );

    let stored = app.store.load_referral(&coded).await.unwrap().unwrap();
    let details: Value = serde_json::from_str(&stored.details).unwrap();
    assert_eq!(
        details["person"]["communication_needs"],
        json!({ "formats": ["large_print", "easy_read"], "language": "pl",
                "interpreter": "spoken", "support": "Call after 10am" })
    );
    assert_eq!(details["person"]["interpreter_needed"], true);
    let events = app
        .store
        .due_outbox(
            "event",
            time::OffsetDateTime::now_utc().unix_timestamp() + 60,
            50,
        )
        .await
        .unwrap();
    let event: Value = events
        .iter()
        .map(|m| serde_json::from_str::<Value>(&m.payload).unwrap())
        .find(|e| e.to_string().contains(&coded))
        .expect("the request's event");
    assert_eq!(
        event.pointer("/data/referral/person/communication_needs/formats"),
        Some(&json!(["large_print", "easy_read"])),
        "{event}"
    );

    let enrolment = staff(&app, "triage@example.gov.uk", "triage_officer").await;
    sign_in(&app, "triage@example.gov.uk", &enrolment, 0).await;
    let (_, queue) = app.get_html("/staff").await;
    let flagged = common::attrs(
        &queue,
        ".app-queue tbody th:has(.govuk-tag--purple) a",
        "href",
    );
    let mut expected = vec![
        format!("/staff/referrals/{coded}"),
        format!("/staff/referrals/{sentence}"),
    ];
    expected.sort();
    let mut flagged = flagged;
    flagged.sort();
    assert_eq!(flagged, expected, "flagged, and {none} is not");

    let (_, record) = app.get_html(&format!("/staff/referrals/{coded}")).await;
    let main = text_of(&record, "main").unwrap();
    for shown in [
        "Communication needs Large print Easy Read A spoken language interpreter Language tag: pl Call after 10am",
    ] {
        assert!(main.contains(shown), "{shown} in {main}");
    }
    let (_, record) = app.get_html(&format!("/staff/referrals/{none}")).await;
    assert!(text_of(&record, "main")
        .unwrap()
        .contains("Communication needs None recorded"));
}

#[tokio::test]
async fn communication_needs_are_codes_flagged_for_staff_on_sqlite() {
    communication_needs_are_codes_flagged_for_staff(common::sqlite_store().await).await;
}

#[tokio::test]
async fn communication_needs_are_codes_flagged_for_staff_on_postgres() {
    communication_needs_are_codes_flagged_for_staff(common::postgres_store().await).await;
}
