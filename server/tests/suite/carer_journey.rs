//! "Register as a carer" with HTML alone: the under-18 route keeps nothing; a registration
//! with two people (one added, removed and added again), an emergency plan and consent, each
//! page's problems in the domain's words; registered exactly once however often "Register" is
//! posted; the card on the confirmation; and a carer's assessment request started from it.
use crate::common;

use common::{spawn_app, text_of, TestApp};

const ANSWER: &str = "/api/carer/answer";
const BASE: &str = "/register-as-a-carer";

async fn answer(app: &TestApp, page: &str, fields: &[(&str, &str)]) -> String {
    let mut all = vec![("page", page)];
    all.extend_from_slice(fields);
    app.post_form(ANSWER, &all).await
}

#[tokio::test]
async fn a_young_carer_is_sent_to_their_support_and_nothing_is_kept() {
    let app = spawn_app(false).await;
    answer(&app, "your-name", &[("form[carer][given_name]", "Kai")]).await;
    assert_eq!(
        answer(&app, "are-you-18-or-over", &[("form[adult]", "no")]).await,
        format!("{BASE}/young-carers")
    );
    let (status, html) = app.get_html(&format!("{BASE}/young-carers")).await;
    assert_eq!(status, 200);
    assert!(text_of(&html, "main")
        .unwrap()
        .contains("young carers' assessment"));
    let (_, html) = app.get_html(&format!("{BASE}/your-name")).await;
    assert!(!html.html().contains("Kai"), "nothing kept");
}

#[tokio::test]
async fn a_registration_page_by_page_is_written_once() {
    let app = spawn_app(false).await;
    assert_eq!(
        answer(&app, "are-you-18-or-over", &[("form[adult]", "yes")]).await,
        format!("{BASE}/your-name")
    );
    // A problem comes back in the domain's words.
    assert_eq!(
        answer(&app, "your-name", &[("form[carer][given_name]", "Sam")]).await,
        format!("{BASE}/your-name")
    );
    let (_, html) = app.get_html(&format!("{BASE}/your-name")).await;
    assert_eq!(
        text_of(&html, ".govuk-error-summary__list a").as_deref(),
        Some("Enter your last name")
    );
    answer(
        &app,
        "your-name",
        &[
            ("form[carer][given_name]", "Sam"),
            ("form[carer][family_name]", "Patel"),
        ],
    )
    .await;
    answer(
        &app,
        "your-date-of-birth",
        &[
            ("form[date_of_birth][day]", "5"),
            ("form[date_of_birth][month]", "5"),
            ("form[date_of_birth][year]", "1970"),
        ],
    )
    .await;
    answer(
        &app,
        "your-address",
        &[
            ("form[carer][address_line_1]", "3 High St"),
            ("form[carer][town]", "Exampletown"),
            ("form[carer][postcode]", "EX2 3CD"),
        ],
    )
    .await;
    answer(
        &app,
        "contact-details",
        &[
            ("form[carer][phone]", "01632 960002"),
            ("form[carer][email]", "sam@example.org"),
        ],
    )
    .await;
    assert_eq!(
        answer(&app, "about-you", &[("form[gp_knows]", "no")]).await,
        format!("{BASE}/person-1")
    );
    assert_eq!(
        answer(
            &app,
            "person-1",
            &[
                ("form[person][given_name]", "Ravi"),
                ("form[person][family_name]", "Patel"),
                ("form[person][date_of_birth][day]", "2"),
                ("form[person][date_of_birth][month]", "2"),
                ("form[person][date_of_birth][year]", "1940"),
                ("form[person][relationship]", "father"),
                ("form[person][same_address]", "yes")
            ]
        )
        .await,
        format!("{BASE}/people-you-look-after")
    );
    assert_eq!(
        answer(
            &app,
            "people-you-look-after",
            &[("form[more_people]", "yes")]
        )
        .await,
        format!("{BASE}/person-2")
    );
    // Someone who lives elsewhere needs an address.
    assert_eq!(
        answer(
            &app,
            "person-2",
            &[
                ("form[person][given_name]", "Asha"),
                ("form[person][family_name]", "Patel"),
                ("form[person][relationship]", "aunt"),
                ("form[person][same_address]", "no")
            ]
        )
        .await,
        format!("{BASE}/person-2")
    );
    let (_, html) = app.get_html(&format!("{BASE}/person-2")).await;
    assert!(text_of(&html, ".govuk-error-summary")
        .unwrap()
        .contains("Enter the first line of their address"));
    answer(
        &app,
        "person-2",
        &[
            ("form[person][given_name]", "Asha"),
            ("form[person][family_name]", "Patel"),
            ("form[person][relationship]", "aunt"),
            ("form[person][same_address]", "no"),
            ("form[person][address_line_1]", "9 Low Road"),
            ("form[person][town]", "Exampleton"),
            ("form[person][postcode]", "EX3 4EF"),
        ],
    )
    .await;
    // Removing someone is a post from a page that asks first.
    let (status, html) = app.get_html(&format!("{BASE}/remove/2")).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&html, "h1").as_deref(),
        Some("Are you sure you want to remove Asha Patel?")
    );
    assert_eq!(
        app.post_form("/api/carer/remove-person", &[("index", "1")])
            .await,
        format!("{BASE}/people-you-look-after")
    );
    let (_, html) = app.get_html(&format!("{BASE}/people-you-look-after")).await;
    assert!(!html.html().contains("Asha"));
    assert_eq!(
        answer(
            &app,
            "people-you-look-after",
            &[("form[more_people]", "no")]
        )
        .await,
        format!("{BASE}/the-caring")
    );
    answer(
        &app,
        "the-caring",
        &[
            ("form[tasks][meals]", "meals"),
            ("form[tasks][medication]", "medication"),
            ("form[hours]", "35"),
            ("form[when]", "day_and_night"),
        ],
    )
    .await;
    assert_eq!(
        answer(
            &app,
            "how-caring-affects-you",
            &[
                ("form[affects][health]", "health"),
                ("form[affects][sleep]", "sleep"),
                ("form[can_keep_caring]", "with_help"),
            ],
        )
        .await,
        format!("{BASE}/emergency-plan")
    );
    assert_eq!(
        answer(&app, "emergency-plan", &[("form[wants_plan]", "yes")]).await,
        format!("{BASE}/emergency-plan-details")
    );
    answer(
        &app,
        "emergency-plan-details",
        &[
            ("form[plan_needs]", "Insulin at 8am and 6pm"),
            ("form[contacts][0][name]", "Priya Patel"),
            ("form[contacts][0][relationship]", "daughter"),
            ("form[contacts][0][phone]", "07700 900123"),
            ("form[keyholders][0][name]", "Mrs Brown"),
            ("form[keyholders][0][phone]", "01632 960998"),
        ],
    )
    .await;
    assert_eq!(
        answer(&app, "consent", &[]).await,
        format!("{BASE}/consent")
    );
    assert_eq!(
        answer(&app, "consent", &[("form[agrees]", "yes")]).await,
        format!("{BASE}/check-answers")
    );

    let (_, html) = app.get_html(&format!("{BASE}/check-answers")).await;
    let main = text_of(&html, "main").unwrap();
    assert!(
        main.contains("Ravi Patel (father)") && main.contains("Insulin at 8am"),
        "{main}"
    );
    assert_eq!(
        app.post_form("/api/carer/send", &[]).await,
        format!("{BASE}/confirmation")
    );
    assert_eq!(
        app.post_form("/api/carer/send", &[]).await,
        format!("{BASE}/confirmation"),
        "a second click"
    );
    let (_, html) = app.get_html(&format!("{BASE}/confirmation")).await;
    let reference = text_of(&html, ".app-carer-card__reference").expect("the card");
    assert!(reference.starts_with("CAR-"), "{reference}");
    assert_eq!(
        text_of(&html, ".app-reference").as_deref(),
        Some(reference.as_str())
    );
    let card = text_of(&html, ".app-carer-card").unwrap();
    assert!(
        card.contains("01632 960999") && !card.contains("Insulin"),
        "no health details: {card}"
    );

    let stored = app
        .store
        .load_carer(&reference)
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(stored.cared_for.len(), 1);
    assert!(stored.emergency_plan.unwrap().contains("Mrs Brown"));
    assert_eq!(
        app.store.outbox_pending("event").await.unwrap(),
        1,
        "registered once"
    );

    // The carer's eligibility check starts with what the registration knows: a carer, 56,
    // looking after a father of 86, whose health caring affects; it asks the rest.
    assert_eq!(
        app.post_form("/api/carer/check-eligibility", &[]).await,
        "/check-if-you-can-get-care/the-care-you-give"
    );
    let (_, html) = app
        .get_html("/check-if-you-can-get-care/check-answers")
        .await;
    let main = text_of(&html, "main").unwrap();
    assert!(
        main.contains("56")
            && main.contains("Is caring making your health worse, or putting it at risk? Yes"),
        "{main}"
    );

    // "Ask for a carer's assessment" starts that request with the carer's details.
    let next = app.post_form("/api/carer/ask-for-assessment", &[]).await;
    assert!(next.starts_with("/request-an-assessment/"), "{next}");
    let (_, html) = app.get_html("/request-an-assessment/check-answers").await;
    assert!(text_of(&html, "main").unwrap().contains("Sam"));
}

#[tokio::test]
async fn a_carer_changes_their_details_then_leaves_the_register() {
    let app = spawn_app(false).await;
    let body = serde_json::json!({
        "carer": { "given_name": "Sam", "family_name": "Patel", "date_of_birth": "1970-05-05",
                   "address_line_1": "3 High St", "town": "Exampletown", "postcode": "EX2 3CD",
                   "phone": "01632 960002", "email": "sam@example.org" },
        "cared_for": [ { "given_name": "Ravi", "family_name": "Patel", "relationship": "father", "same_address": true } ],
        "caring": { "hours_per_week": 35, "when": "day", "tasks": ["meals"] },
        "emergency_plan": { "needs": "Insulin", "contacts": [], "keyholders": [] },
        "consent": { "agrees": true } });
    let response = app
        .client
        .post(app.url("/api/v1/carers"))
        .bearer_auth(&app.api_key)
        .header("content-type", "application/json")
        .header("idempotency-key", "k1")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let reference = response.json::<serde_json::Value>().await.unwrap()["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    let open = |dob_year: &'static str, reference: String| {
        let app = &app;
        async move {
            app.post_form(
                "/api/carer/open",
                &[
                    ("form[reference]", reference.as_str()),
                    ("form[date_of_birth][day]", "5"),
                    ("form[date_of_birth][month]", "5"),
                    ("form[date_of_birth][year]", dob_year),
                ],
            )
            .await
        }
    };
    // A wrong date of birth: the same answer as a wrong reference.
    assert_eq!(
        open("1971", reference.clone()).await,
        format!("{BASE}/your-details")
    );
    let (_, html) = app.get_html(&format!("{BASE}/your-details")).await;
    assert!(text_of(&html, ".govuk-error-summary")
        .unwrap()
        .contains("could not find a registration"));
    // Opened: check answers with every answer, then a change comes back to it.
    // The card and the date of birth are not enough: a code goes to the registered email.
    assert_eq!(
        open("1970", reference.to_lowercase().replace('-', " ")).await,
        format!("{BASE}/enter-code")
    );
    assert_eq!(
        app.get("/register-as-a-carer/leave")
            .await
            .status()
            .as_u16(),
        200
    );
    let (_, html) = app.get_html(&format!("{BASE}/leave")).await;
    assert_eq!(
        text_of(&html, "h1").as_deref(),
        Some("Open your registration first")
    );
    let (_, html) = app.get_html(&format!("{BASE}/enter-code")).await;
    assert!(text_of(&html, "main").unwrap().contains("s•••@example.org"));
    let code = latest_code(&app).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    assert_eq!(enter_code(&app, wrong).await, format!("{BASE}/enter-code"));
    let (_, html) = app.get_html(&format!("{BASE}/enter-code")).await;
    assert!(text_of(&html, ".govuk-error-summary")
        .unwrap()
        .contains("The code is not right"));
    assert_eq!(
        enter_code(&app, &code).await,
        format!("{BASE}/check-answers")
    );
    assert!(app.audited("carer_opened").await);
    let (_, html) = app.get_html(&format!("{BASE}/check-answers")).await;
    assert_eq!(
        text_of(&html, "h1").as_deref(),
        Some("Your details on the carers' register")
    );
    assert!(text_of(&html, "main")
        .unwrap()
        .contains("Ravi Patel (father)"));
    assert_eq!(
        answer(
            &app,
            "your-name",
            &[
                ("form[carer][given_name]", "Samira"),
                ("form[carer][family_name]", "Patel"),
                ("form[return_to]", "check-answers")
            ]
        )
        .await,
        format!("{BASE}/check-answers")
    );
    assert_eq!(
        app.post_form("/api/carer/send", &[]).await,
        format!("{BASE}/confirmation")
    );
    let (_, html) = app.get_html(&format!("{BASE}/confirmation")).await;
    assert_eq!(
        text_of(&html, ".govuk-panel__title").as_deref(),
        Some("Your details have been updated")
    );
    let stored = app.store.load_carer(&reference).await.unwrap().unwrap();
    assert_eq!(stored.given_name, "Samira");
    assert!(stored.emergency_plan.is_some(), "the plan is kept");
    assert_eq!(
        app.store.outbox_pending("event").await.unwrap(),
        2,
        "registered, updated"
    );
    assert_eq!(
        emails_to_sam_saying(&app, "were changed on").await,
        1,
        "the carer is told"
    );

    // Leaving: asked first, then everything personal is gone.
    assert_eq!(
        open("1970", reference.clone()).await,
        format!("{BASE}/enter-code")
    );
    let code = latest_code(&app).await;
    assert_eq!(
        enter_code(&app, &code).await,
        format!("{BASE}/check-answers")
    );
    let (status, html) = app.get_html(&format!("{BASE}/leave")).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&html, "h1").as_deref(),
        Some("Are you sure you want to leave the carers' register?")
    );
    assert_eq!(
        app.post_form("/api/carer/withdraw", &[]).await,
        format!("{BASE}/left")
    );
    let stored = app.store.load_carer(&reference).await.unwrap().unwrap();
    assert_eq!(stored.status, "withdrawn");
    assert_eq!(
        (
            stored.given_name.as_str(),
            stored.date_of_birth.as_str(),
            stored.details.as_str()
        ),
        ("", "", "{}")
    );
    assert!(stored.cared_for.is_empty() && stored.emergency_plan.is_none());
    assert_eq!(
        app.store.outbox_pending("event").await.unwrap(),
        1,
        "only the withdrawal waits: what was waiting about them went with them"
    );
    assert_eq!(
        emails_to_sam_saying(&app, "taken off the carers' register").await,
        1,
        "the carer is told they have left"
    );
    // A withdrawn registration cannot be opened again.
    assert_eq!(
        open("1970", reference.clone()).await,
        format!("{BASE}/your-details")
    );
}

/// The code in the latest "Your code for the carers' register" email waiting in the outbox.
async fn latest_code(app: &TestApp) -> String {
    let emails = app.store.due_outbox("email", i64::MAX, 500).await.unwrap();
    let text = emails
        .iter()
        .rev()
        .map(|m| serde_json::from_str::<serde_json::Value>(&m.payload).unwrap())
        .find(|p| p["subject"] == "Your code for the carers' register")
        .expect("a code email")["text"]
        .as_str()
        .unwrap()
        .to_owned();
    text.split_whitespace()
        .find(|w| w.len() == 6 && w.chars().all(|c| c.is_ascii_digit()))
        .expect("six digits")
        .to_owned()
}

async fn enter_code(app: &TestApp, code: &str) -> String {
    app.post_form("/api/carer/code", &[("form[code]", code)])
        .await
}

async fn emails_to_sam_saying(app: &TestApp, words: &str) -> usize {
    app.store
        .due_outbox("email", i64::MAX, 500)
        .await
        .unwrap()
        .iter()
        .filter(|m| m.payload.contains("sam@example.org") && m.payload.contains(words))
        .count()
}

/// Without an email address on the registration there is no code, and no way in online: the
/// page says to call the Care Line. Five wrong codes end the code.
async fn without_an_email_a_carer_is_sent_to_the_care_line_and_codes_allow_five_tries(
    store: common::TestStore,
) {
    let app = common::spawn_app_on(store, common::test_config(false)).await;
    let register = |email: Option<&'static str>, key: &'static str| {
        let app = &app;
        async move {
            let mut carer = serde_json::json!({ "given_name": "Sam", "family_name": "Patel", "date_of_birth": "1970-05-05",
                "address_line_1": "3 High St", "town": "Exampletown", "postcode": "EX2 3CD", "phone": "01632 960002" });
            if let Some(email) = email {
                carer["email"] = serde_json::json!(email);
            }
            let body = serde_json::json!({ "carer": carer,
                "cared_for": [ { "given_name": "Ravi", "family_name": "Patel", "relationship": "father", "same_address": true } ],
                "caring": { "hours_per_week": 35, "when": "day", "tasks": ["meals"] },
                "emergency_plan": null, "consent": { "agrees": true } });
            let response = app
                .client
                .post(app.url("/api/v1/carers"))
                .bearer_auth(&app.api_key)
                .header("idempotency-key", key)
                .json(&body)
                .send()
                .await
                .unwrap();
            response.json::<serde_json::Value>().await.unwrap()["reference"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    async fn open(browser: &TestApp, reference: &str) -> String {
        browser
            .post_form(
                "/api/carer/open",
                &[
                    ("form[reference]", reference),
                    ("form[date_of_birth][day]", "5"),
                    ("form[date_of_birth][month]", "5"),
                    ("form[date_of_birth][year]", "1970"),
                ],
            )
            .await
    }
    let no_email = register(None, "no-email").await;
    let visitor = app.new_browser();
    assert_eq!(
        open(&visitor, &no_email).await,
        format!("{BASE}/enter-code")
    );
    let (_, html) = visitor.get_html(&format!("{BASE}/enter-code")).await;
    assert_eq!(
        text_of(&html, "h1").as_deref(),
        Some("We cannot send you a code")
    );
    assert!(text_of(&html, "main").unwrap().contains("01632 960000"));
    assert_eq!(
        visitor
            .post_form("/api/carer/code", &[("form[code]", "123456")])
            .await,
        format!("{BASE}/enter-code")
    );
    let (_, html) = visitor.get_html(&format!("{BASE}/check-answers")).await;
    assert!(!text_of(&html, "main")
        .unwrap_or_default()
        .contains("Ravi Patel"));

    let with_email = register(Some("sam@example.org"), "with-email").await;
    let guesser = app.new_browser();
    assert_eq!(
        open(&guesser, &with_email).await,
        format!("{BASE}/enter-code")
    );
    let code = latest_code(&app).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        guesser
            .post_form("/api/carer/code", &[("form[code]", wrong)])
            .await;
    }
    let (_, html) = guesser.get_html(&format!("{BASE}/enter-code")).await;
    assert!(text_of(&html, ".govuk-error-summary")
        .unwrap()
        .contains("too many times"));
    assert_eq!(
        guesser
            .post_form("/api/carer/code", &[("form[code]", &code)])
            .await,
        format!("{BASE}/your-details"),
        "the right code no longer works: start again"
    );
}

#[tokio::test]
async fn the_carers_check_hands_over_to_a_carers_assessment_request() {
    let app = spawn_app(false).await;
    let check = |page: String, fields: Vec<(&'static str, &'static str)>| {
        let app = &app;
        async move {
            let mut all = vec![("page", page.as_str())];
            all.extend(fields);
            app.post_form("/api/eligibility/answer", &all).await
        }
    };
    check("who-is-it-for".into(), vec![("form[for_whom]", "me")]).await;
    check("are-you-a-carer".into(), vec![("form[carer]", "yes")]).await;
    check("your-age".into(), vec![("form[age]", "52")]).await;
    check(
        "the-care-you-give".into(),
        vec![("form[necessary_care]", "yes")],
    )
    .await;
    check("your-health".into(), vec![("form[health]", "no")]).await;
    for outcome in [
        "caring-for-child",
        "caring-for-others",
        "habitable-home",
        "nutrition",
        "relationships",
        "work-training-education-volunteering",
        "community-services",
    ] {
        check(
            format!("caring-{outcome}"),
            vec![("form[answer][none]", "none")],
        )
        .await;
    }
    check(
        "caring-recreation".into(),
        vec![(
            "form[answer][pain_distress_anxiety]",
            "pain_distress_anxiety",
        )],
    )
    .await;
    check("good-and-bad-days".into(), vec![("form[changes]", "no")]).await;
    assert_eq!(
        check(
            "well-being".into(),
            vec![("form[wellbeing]", "significant")]
        )
        .await,
        "/check-if-you-can-get-care/check-answers"
    );
    let next = app
        .post_form("/api/eligibility/ask-for-assessment", &[])
        .await;
    assert!(next.starts_with("/request-an-assessment/"), "{next}");
    let (_, html) = app.get_html("/request-an-assessment/check-answers").await;
    assert!(text_of(&html, "main")
        .unwrap()
        .contains("You are asking for a carer's assessment"));
}

#[tokio::test]
async fn one_time_codes_on_sqlite() {
    without_an_email_a_carer_is_sent_to_the_care_line_and_codes_allow_five_tries(
        common::sqlite_store().await,
    )
    .await;
}

#[tokio::test]
async fn one_time_codes_on_postgres() {
    without_an_email_a_carer_is_sent_to_the_care_line_and_codes_allow_five_tries(
        common::postgres_store().await,
    )
    .await;
}
