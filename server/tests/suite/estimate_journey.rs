//! "Estimate what you might pay" with HTML alone: both kinds of care page by page, a
//! problem on a page that keeps what was typed, the running estimate, the result's breakdown
//! giving the same figures as the JSON API for the same answers, and "Delete my answers".
use crate::common;

use common::{attrs, spawn_app, text_of, TestApp};
use serde_json::{json, Value};

const ANSWER: &str = "/api/estimate/answer";
const BASE: &str = "/estimate-what-you-might-pay";

async fn answer(app: &TestApp, page: &str, fields: &[(&str, &str)]) -> String {
    let mut all = vec![("page", page)];
    all.extend_from_slice(fields);
    app.post_form(ANSWER, &all).await
}

async fn api(app: &TestApp, path: &str, body: Value) -> Value {
    let response = app
        .client
        .post(app.url(path))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// The result page's total and its financial year (from the caption).
async fn result(app: &TestApp) -> (String, String, scraper::Html) {
    let (status, html) = app.get_html(&format!("{BASE}/result")).await;
    assert_eq!(status, 200);
    let total = text_of(&html, ".app-breakdown__total td").expect("a total");
    let caption = text_of(&html, "main .govuk-caption-l").expect("a caption");
    let year = caption
        .split_whitespace()
        .find(|w| w.len() == 7 && w.as_bytes()[4] == b'-')
        .expect("a year")
        .to_owned();
    (total, year, html)
}

#[tokio::test]
async fn care_at_home_page_by_page_gives_the_apis_figures() {
    let app = spawn_app(false).await;
    let (status, html) = app.get_html(&format!("{BASE}/type-of-care")).await;
    assert_eq!(status, 200);
    assert_eq!(attrs(&html, "main form", "action"), [ANSWER]);

    assert_eq!(
        answer(&app, "type-of-care", &[("form[care_type]", "home")]).await,
        format!("{BASE}/date-of-birth")
    );
    // A date that is not a real day comes back with what was typed.
    let not_a_day = [
        ("form[date_of_birth][day]", "31"),
        ("form[date_of_birth][month]", "2"),
        ("form[date_of_birth][year]", "1986"),
    ];
    assert_eq!(
        answer(&app, "date-of-birth", &not_a_day).await,
        format!("{BASE}/date-of-birth")
    );
    let (_, html) = app.get_html(&format!("{BASE}/date-of-birth")).await;
    assert_eq!(
        text_of(&html, ".govuk-error-summary__list a").as_deref(),
        Some("Date of birth must be a real date")
    );
    assert_eq!(attrs(&html, "#date-of-birth-day", "value"), ["31"]);
    let born = [
        ("form[date_of_birth][day]", "2"),
        ("form[date_of_birth][month]", "3"),
        ("form[date_of_birth][year]", "1986"),
    ];
    assert_eq!(
        answer(&app, "date-of-birth", &born).await,
        format!("{BASE}/partner")
    );
    answer(&app, "partner", &[("form[partner]", "no")]).await;
    answer(&app, "children", &[("form[dependent_children]", "0")]).await;
    // A problem: the page comes back with the message and what was typed.
    assert_eq!(
        answer(&app, "savings", &[("form[savings]", "about ten grand")]).await,
        format!("{BASE}/savings")
    );
    let (_, html) = app.get_html(&format!("{BASE}/savings")).await;
    assert!(text_of(&html, "title").unwrap().starts_with("Error: "));
    assert_eq!(
        text_of(&html, ".govuk-error-summary__list a").as_deref(),
        Some("Enter an amount in pounds and pence, like 150 or 42.50")
    );
    assert_eq!(attrs(&html, "#savings", "value"), ["about ten grand"]);
    assert_eq!(
        answer(&app, "savings", &[("form[savings]", "£16,000")]).await,
        format!("{BASE}/income")
    );
    assert_eq!(
        answer(
            &app,
            "income",
            &[
                ("form[income][pip_daily_living]", "pip_daily_living"),
                ("form[income][esa]", "esa"),
                ("form[income][pip_mobility]", "pip_mobility"),
            ]
        )
        .await,
        format!("{BASE}/income-amounts")
    );
    answer(
        &app,
        "income-amounts",
        &[
            ("form[amount][pip_daily_living]", "110.40"),
            ("form[amount][esa]", "150"),
            ("form[amount][pip_mobility]", "75.75"),
        ],
    )
    .await;
    // The money is known: the running estimate shows from here on.
    let (_, html) = app.get_html(&format!("{BASE}/housing-costs")).await;
    assert!(text_of(&html, ".app-running-result")
        .unwrap()
        .contains("a week"));
    // The live figure for what a page holds now, saving nothing.
    let preview = |housing: &'static str| {
        let app = &app;
        async move {
            let response = app
                .client
                .post(app.url("/api/estimate/preview"))
                .header("accept", "application/json")
                .form(&[("page", "housing-costs"), ("form[housing]", housing)])
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200);
            response.json::<String>().await.unwrap()
        }
    };
    let (none, some) = (preview("0").await, preview("50").await);
    assert!(
        none.starts_with("So far, you might pay about £") && some.starts_with("So far"),
        "{none}"
    );
    assert_ne!(none, some, "the figure follows what the page holds");
    answer(&app, "housing-costs", &[("form[housing]", "5")]).await;
    answer(&app, "extra-costs", &[("form[extra_costs]", "10.85")]).await;
    assert_eq!(
        answer(&app, "night-care", &[("form[night_care]", "no")]).await,
        format!("{BASE}/cost-of-care")
    );
    assert_eq!(
        answer(&app, "cost-of-care", &[("form[care_cost]", "")]).await,
        format!("{BASE}/check-answers")
    );

    let (_, html) = app.get_html(&format!("{BASE}/check-answers")).await;
    assert!(text_of(&html, ".govuk-summary-list")
        .unwrap()
        .contains("£16,000.00"));
    let (total, year, html) = result(&app).await;
    // The same answers through the API, the premiums left to the rule as the pages leave them:
    // enhanced PIP brings both.
    let estimate = api(
        &app,
        "/api/v1/estimates/non-residential",
        json!({
        "financial_year": year,
        "person": { "date_of_birth": "1986-03-02",
                    "carer_premium": false, "dependent_children": 0, "couple": false },
        "capital_pence": 1600000,
        "weekly_income": [ { "kind": "pip_daily_living", "amount_pence": 11040 },
                           { "kind": "esa", "amount_pence": 15000 },
                           { "kind": "pip_mobility", "amount_pence": 7575 } ],
        "weekly_housing_costs_pence": 500,
        "weekly_disability_related_expenditure_pence": 1085 }),
    )
    .await;
    let pence = estimate["weekly_contribution_pence"].as_i64().unwrap();
    assert_eq!(total, format!("£{}.{:02}", pence / 100, pence % 100));
    let lines = estimate["lines"].as_array().unwrap();
    assert_eq!(
        attrs(&html, ".app-breakdown tbody tr", "class").len(),
        lines.len() + 1
    );
    for line in lines {
        let label = line["label"].as_str().unwrap();
        assert!(
            html.html().contains(&label.replace('\'', "&#x27;")) || html.html().contains(label),
            "{label}"
        );
    }

    // "Delete my answers" empties the draft now.
    assert_eq!(
        app.post_form("/api/estimate/delete", &[]).await,
        format!("{BASE}?deleted=yes")
    );
    let (_, html) = app.get_html(&format!("{BASE}/result")).await;
    assert_eq!(
        text_of(&html, "h1").as_deref(),
        Some("You have not finished the estimate")
    );
}

#[tokio::test]
async fn a_care_home_with_a_home_gives_the_apis_figures() {
    let app = spawn_app(false).await;
    assert_eq!(
        answer(&app, "type-of-care", &[("form[care_type]", "care_home")]).await,
        format!("{BASE}/savings")
    );
    answer(&app, "savings", &[("form[savings]", "5000")]).await;
    answer(
        &app,
        "income",
        &[("form[income][state_pension]", "state_pension")],
    )
    .await;
    assert_eq!(
        answer(
            &app,
            "income-amounts",
            &[("form[amount][state_pension]", "230.30")]
        )
        .await,
        format!("{BASE}/your-home")
    );
    assert_eq!(
        answer(&app, "your-home", &[("form[owns_home]", "yes")]).await,
        format!("{BASE}/home-value")
    );
    answer(
        &app,
        "home-value",
        &[("form[home_value]", "250000"), ("form[mortgage]", "")],
    )
    .await;
    answer(&app, "who-lives-there", &[("form[occupied_by]", "none")]).await;
    answer(&app, "weeks-in-care", &[("form[weeks_in_care]", "5")]).await;
    assert_eq!(
        answer(&app, "care-home-fee", &[("form[fee]", "950")]).await,
        format!("{BASE}/check-answers")
    );
    let (total, year, html) = result(&app).await;
    let estimate = api(&app, "/api/v1/estimates/residential", json!({
        "financial_year": year, "capital_pence": 500000,
        "weekly_income": [ { "kind": "state_pension", "amount_pence": 23030 } ],
        "property": { "value_pence": 25000000, "occupied_by": "none", "weeks_in_permanent_care": 5 },
        "weekly_fee_pence": 95000 })).await;
    let pence = estimate["weekly_contribution_pence"].as_i64().unwrap();
    assert_eq!(total, format!("£{}.{:02}", pence / 100, pence % 100));
    assert!(html.html().contains("first 12 weeks"), "the 12-week note");

    // By the person's choice, the request for an assessment starts with the estimate.
    let next = app.post_form("/api/estimate/attach", &[]).await;
    assert!(next.starts_with("/request-an-assessment/"), "{next}");
    let (_, html) = app.get_html("/request-an-assessment/check-answers").await;
    let described = format!("About {total} a week for a care home ({year} rates");
    assert!(
        text_of(&html, "main").unwrap().contains(&described),
        "{described}"
    );
    assert_eq!(
        app.post_form("/api/referral/remove-estimate", &[]).await,
        "/request-an-assessment/check-answers"
    );
    let (_, html) = app.get_html("/request-an-assessment/check-answers").await;
    assert!(!text_of(&html, "main")
        .unwrap()
        .contains("Estimate of what you might pay"));

    // After 12 weeks the home counts, unless someone who lived there left in the last 12.
    assert_eq!(
        answer(&app, "weeks-in-care", &[("form[weeks_in_care]", "20")]).await,
        format!("{BASE}/someone-left")
    );
    answer(&app, "someone-left", &[("form[occupier_left]", "yes")]).await;
    let (_, _, html) = result(&app).await;
    assert!(
        html.html().contains("12 weeks from when"),
        "the fresh 12 weeks"
    );
}

#[tokio::test]
async fn an_unfinished_estimate_and_unknown_pages() {
    let app = spawn_app(false).await;
    let (status, html) = app.get_html(&format!("{BASE}/check-answers")).await;
    assert_eq!(status, 200);
    assert!(text_of(&html, "main")
        .unwrap()
        .contains("You have not answered every question yet"));
    let (status, _) = app.get_html(&format!("{BASE}/no-such-page")).await;
    assert_eq!(status, 404);
    let (status, html) = app.get_html(BASE).await;
    assert_eq!(status, 200);
    assert!(text_of(&html, "main")
        .unwrap()
        .contains("equipment, and small changes to your home, costing up to £1,000"));
}
