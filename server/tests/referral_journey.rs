//! "Request an assessment" and "Check the progress of a request" with HTML alone, over real
//! HTTP: every question page's errors, answers kept as typed, hostile text shown escaped, the
//! request written exactly once however often "Send" is posted, a failed write that loses
//! nothing, save and come back later, and tracking by reference and date of birth.
mod common;

use common::{attrs, spawn_app, text_of, TestApp};

const ANSWER: &str = "/api/referral/answer";

async fn answer(app: &TestApp, page: &str, fields: &[(&str, &str)]) -> String {
    let mut all = vec![("page", page)];
    all.extend_from_slice(fields);
    app.post_form(ANSWER, &all).await
}

async fn page(app: &TestApp, path: &str) -> scraper::Html {
    let (status, html) = app.get_html(path).await;
    assert_eq!(status, 200, "{path}");
    html
}

fn error_links(html: &scraper::Html) -> Vec<String> {
    attrs(html, ".govuk-error-summary__list a", "href")
}

/// Answers every page for someone else, checking one error on each page on the way.
async fn fill_in_for_someone_else(app: &TestApp) {
    let base = "/request-an-assessment";
    let html = page(app, base).await;
    assert!(text_of(&html, ".govuk-warning-text")
        .unwrap()
        .contains("call 999"));
    assert_eq!(
        attrs(&html, ".govuk-exit-this-page a", "href"),
        ["https://www.bbc.co.uk/weather"]
    );
    assert!(
        html.html().contains("01632 960999"),
        "the out-of-hours number"
    );

    assert_eq!(
        answer(app, "who-is-it-for", &[]).await,
        format!("{base}/who-is-it-for")
    );
    let html = page(app, &format!("{base}/who-is-it-for")).await;
    assert!(text_of(&html, "title")
        .unwrap()
        .starts_with("Error: Who needs help?"));
    assert_eq!(error_links(&html), ["#for"]);
    assert_eq!(attrs(&html, "main form", "action"), [ANSWER]);
    assert_eq!(
        answer(app, "who-is-it-for", &[("form[for]", "someone_else")]).await,
        format!("{base}/about-you")
    );

    assert_eq!(
        answer(app, "about-you", &[("form[referrer][given_name]", "Chidi")]).await,
        format!("{base}/about-you")
    );
    let html = page(app, &format!("{base}/about-you")).await;
    assert_eq!(
        error_links(&html),
        [
            "#referrer-family-name",
            "#referrer-relationship",
            "#referrer-phone"
        ]
    );
    assert_eq!(
        attrs(&html, "#referrer-given-name", "value"),
        ["Chidi"],
        "kept as typed"
    );
    let about = [
        ("form[referrer][given_name]", "Chidi"),
        ("form[referrer][family_name]", "Okafor"),
        ("form[referrer][relationship]", "Son"),
        ("form[referrer][email]", "chidi@example.org"),
    ];
    assert_eq!(
        answer(app, "about-you", &about).await,
        format!("{base}/their-agreement")
    );

    assert_eq!(
        answer(
            app,
            "their-agreement",
            &[("form[consent][person_agrees]", "no")]
        )
        .await,
        format!("{base}/their-agreement")
    );
    let html = page(app, &format!("{base}/their-agreement")).await;
    assert_eq!(error_links(&html), ["#consent-reason-without-consent"]);
    assert_eq!(
        answer(
            app,
            "their-agreement",
            &[("form[consent][person_agrees]", "yes")]
        )
        .await,
        format!("{base}/name")
    );

    assert_eq!(
        answer(app, "name", &[("form[person][given_name]", "Amara")]).await,
        format!("{base}/name")
    );
    let html = page(app, &format!("{base}/name")).await;
    assert!(
        text_of(&html, ".govuk-error-message")
            .unwrap()
            .contains("Enter their last name"),
        "their, not your"
    );
    let name = [
        ("form[person][given_name]", "Amara"),
        ("form[person][family_name]", "Okafor"),
    ];
    assert_eq!(
        answer(app, "name", &name).await,
        format!("{base}/date-of-birth")
    );

    let impossible = [
        ("form[person][date_of_birth][day]", "31"),
        ("form[person][date_of_birth][month]", "2"),
        ("form[person][date_of_birth][year]", "1948"),
    ];
    assert_eq!(
        answer(app, "date-of-birth", &impossible).await,
        format!("{base}/date-of-birth")
    );
    let html = page(app, &format!("{base}/date-of-birth")).await;
    assert!(text_of(&html, ".govuk-error-message")
        .unwrap()
        .contains("must be a real date"));
    assert_eq!(attrs(&html, "#person-date-of-birth-day", "value"), ["31"]);
    let dob = [
        ("form[person][date_of_birth][day]", "2"),
        ("form[person][date_of_birth][month]", "3"),
        ("form[person][date_of_birth][year]", "1948"),
    ];
    assert_eq!(
        answer(app, "date-of-birth", &dob).await,
        format!("{base}/address")
    );

    let mut address = vec![
        (
            "form[person][address_line_1]",
            "<script>alert('x')</script> 12 Mill Lane",
        ),
        ("form[person][town]", "Exampletown"),
        ("form[person][postcode]", "NOT A CODE"),
    ];
    assert_eq!(
        answer(app, "address", &address).await,
        format!("{base}/address")
    );
    let html = page(app, &format!("{base}/address")).await;
    assert_eq!(error_links(&html), ["#person-postcode"]);
    address[2].1 = "ex1 2ab";
    assert_eq!(
        answer(app, "address", &address).await,
        format!("{base}/contact-details")
    );

    assert_eq!(
        answer(
            app,
            "contact-details",
            &[("form[person][preferred_contact]", "phone")]
        )
        .await,
        format!("{base}/contact-details")
    );
    let html = page(app, &format!("{base}/contact-details")).await;
    assert!(text_of(&html, ".govuk-error-message")
        .unwrap()
        .contains("so we can call them"));
    let contact = [
        ("form[person][phone]", "01632 960001"),
        ("form[person][preferred_contact]", "phone"),
    ];
    assert_eq!(
        answer(app, "contact-details", &contact).await,
        format!("{base}/language-and-communication")
    );

    let control = "Large print\u{1b}";
    assert_eq!(
        answer(
            app,
            "language-and-communication",
            &[
                ("form[person][language]", control),
                ("form[person][interpreter_needed]", "no")
            ]
        )
        .await,
        format!("{base}/language-and-communication")
    );
    let language = [
        ("form[person][language]", "English"),
        ("form[person][interpreter_needed]", "no"),
    ];
    assert_eq!(
        answer(app, "language-and-communication", &language).await,
        format!("{base}/daily-tasks")
    );

    assert_eq!(
        answer(
            app,
            "daily-tasks",
            &[("form[needs][outcomes][flying]", "flying")]
        )
        .await,
        format!("{base}/daily-tasks")
    );
    let tasks = [
        ("form[needs][outcomes][nutrition]", "nutrition"),
        (
            "form[needs][outcomes][personal_hygiene]",
            "personal_hygiene",
        ),
    ];
    assert_eq!(
        answer(app, "daily-tasks", &tasks).await,
        format!("{base}/help-needed")
    );
    let html = page(app, &format!("{base}/daily-tasks")).await;
    assert_eq!(
        attrs(&html, "input[type=checkbox][checked]", "value"),
        ["nutrition", "personal_hygiene"]
    );

    assert_eq!(
        answer(app, "help-needed", &[]).await,
        format!("{base}/help-needed")
    );
    let help = [(
        "form[needs][summary]",
        "Struggling to wash and cook since a fall",
    )];
    assert_eq!(
        answer(app, "help-needed", &help).await,
        format!("{base}/urgent")
    );

    assert_eq!(
        answer(
            app,
            "urgent",
            &[(
                "form[needs][urgent][hospital_discharge]",
                "hospital_discharge"
            )]
        )
        .await,
        format!("{base}/people-involved")
    );

    let long_gp = "G".repeat(201);
    assert_eq!(
        answer(app, "people-involved", &[("form[involved][gp]", &long_gp)]).await,
        format!("{base}/people-involved")
    );
    assert_eq!(
        answer(
            app,
            "people-involved",
            &[("form[involved][gp]", "Mill Lane Surgery")]
        )
        .await,
        format!("{base}/who-can-follow")
    );

    assert_eq!(
        answer(
            app,
            "who-can-follow",
            &[("form[trackers][0][name]", "Ngozi Okafor")]
        )
        .await,
        format!("{base}/who-can-follow")
    );
    let html = page(app, &format!("{base}/who-can-follow")).await;
    assert_eq!(
        error_links(&html),
        ["#trackers-0-relationship", "#trackers-0-email"]
    );
    let trackers = [
        ("form[trackers][0][name]", "Ngozi Okafor"),
        ("form[trackers][0][relationship]", "Daughter"),
        ("form[trackers][0][email]", "ngozi@example.org"),
    ];
    assert_eq!(
        answer(app, "who-can-follow", &trackers).await,
        format!("{base}/check-answers")
    );
}

#[tokio::test]
async fn a_request_without_javascript_is_sent_once_and_can_be_tracked() {
    let app = spawn_app(false).await;
    fill_in_for_someone_else(&app).await;

    let html = page(&app, "/request-an-assessment/check-answers").await;
    let body = html.html();
    assert!(
        body.contains("&lt;script&gt;alert('x')&lt;/script&gt; 12 Mill Lane"),
        "markup is shown as text"
    );
    assert!(!body.contains("<script>alert"), "and never as markup");
    assert!(text_of(&html, "main")
        .unwrap()
        .contains("Ngozi Okafor (Daughter)"));
    // A "Change" link returns here.
    let change = attrs(&html, ".govuk-summary-list__actions a", "href");
    assert!(change.contains(&"/request-an-assessment/name?change=check-answers".to_owned()));
    let back = app
        .post_form(
            ANSWER,
            &[
                ("page", "name"),
                ("form[person][given_name]", "Amara"),
                ("form[person][family_name]", "Okafor-Bello"),
                ("form[return_to]", "check-answers"),
            ],
        )
        .await;
    assert_eq!(back, "/request-an-assessment/check-answers");

    // Without the declaration: an error, nothing sent.
    assert_eq!(
        app.post_form("/api/referral/send", &[]).await,
        "/request-an-assessment/check-answers"
    );
    let html = page(&app, "/request-an-assessment/check-answers").await;
    assert_eq!(error_links(&html), ["#declaration"]);
    assert_eq!(app.store.outbox_pending("event").await.unwrap(), 0);

    // Sent twice (a double click, a refresh): one referral, one confirmation.
    let declared = [("form[declaration]", "yes")];
    assert_eq!(
        app.post_form("/api/referral/send", &declared).await,
        "/request-an-assessment/confirmation"
    );
    assert_eq!(
        app.post_form("/api/referral/send", &declared).await,
        "/request-an-assessment/confirmation"
    );
    assert_eq!(
        app.store.outbox_pending("event").await.unwrap(),
        1,
        "exactly one referral"
    );
    let html = page(&app, "/request-an-assessment/confirmation").await;
    let reference = text_of(&html, ".govuk-panel .app-reference").unwrap();
    assert!(reference.starts_with("ASC-"), "{reference}");
    assert!(text_of(&html, "main")
        .unwrap()
        .contains("within 5 working days"));
    let stored = app.store.load_referral(&reference).await.unwrap().unwrap();
    assert!(stored.urgent, "hospital discharge flags it urgent");
    assert!(
        stored.details.contains("Okafor-Bello"),
        "the changed answer was sent"
    );
    assert!(
        stored.details.contains("<script>"),
        "stored as typed, escaped when shown"
    );

    // Tracking: the reference (typed loosely) and the person's date of birth.
    let dob = [
        ("form[date_of_birth][day]", "2"),
        ("form[date_of_birth][month]", "3"),
        ("form[date_of_birth][year]", "1948"),
    ];
    let mut wrong = vec![("form[reference]", "ASC-0000-0000-0000")];
    wrong.extend_from_slice(&dob);
    assert_eq!(
        app.post_form("/api/track/lookup", &wrong).await,
        "/track-a-request"
    );
    let html = page(&app, "/track-a-request").await;
    assert!(text_of(&html, ".govuk-error-summary")
        .unwrap()
        .contains("could not find a request"));
    assert_eq!(
        attrs(&html, "#date-of-birth-year", "value"),
        ["1948"],
        "the date is kept; the reference is not"
    );
    let loose = reference.to_lowercase().replace('-', " ");
    let mut right = vec![("form[reference]", loose.as_str())];
    right.extend_from_slice(&dob);
    assert_eq!(
        app.post_form("/api/track/lookup", &right).await,
        "/track-a-request/progress"
    );
    let html = page(&app, "/track-a-request/progress").await;
    assert_eq!(
        text_of(&html, ".govuk-caption-l").as_deref(),
        Some(reference.as_str())
    );
    assert!(text_of(&html, "main .govuk-tag")
        .unwrap()
        .contains("Request received"));
}

#[tokio::test]
async fn a_failed_write_shows_the_answers_and_sends_nothing() {
    let app = spawn_app(false).await;
    fill_in_for_someone_else(&app).await;
    break_referral_writes(&app).await;
    assert_eq!(
        app.post_form("/api/referral/send", &[("form[declaration]", "yes")])
            .await,
        "/request-an-assessment/check-answers"
    );
    let html = page(&app, "/request-an-assessment/check-answers").await;
    let summary = text_of(&html, ".govuk-error-summary").unwrap();
    assert!(summary.contains("has not been sent"), "{summary}");
    assert!(
        text_of(&html, "main").unwrap().contains("Okafor"),
        "the answers are still there"
    );
    let (_, confirmation) = app.get_html("/request-an-assessment/confirmation").await;
    assert!(
        text_of(&confirmation, ".govuk-panel").is_none(),
        "never a confirmation"
    );
}

/// Makes every referral insert fail, as a full disk or a lost database would.
async fn break_referral_writes(app: &TestApp) {
    use sqlx::Connection;
    let url = app.database_url.clone();
    let mut connection = sqlx::SqliteConnection::connect(&url).await.unwrap();
    sqlx::query("CREATE TRIGGER fail_referrals BEFORE INSERT ON referrals BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")
        .execute(&mut connection)
        .await
        .unwrap();
}

#[tokio::test]
async fn answers_can_be_saved_and_picked_up_in_another_browser() {
    let app = spawn_app(false).await;
    assert_eq!(
        answer(&app, "who-is-it-for", &[("form[for]", "self")]).await,
        "/request-an-assessment/name"
    );
    answer(
        &app,
        "name",
        &[
            ("form[person][given_name]", "Amara"),
            ("form[person][family_name]", "Okafor"),
        ],
    )
    .await;
    let html = page(&app, "/request-an-assessment/save").await;
    assert!(text_of(&html, ".govuk-warning-text")
        .unwrap()
        .contains("do not email"));
    assert_eq!(
        app.post_form("/api/referral/save", &[]).await,
        "/request-an-assessment/save"
    );
    let html = page(&app, "/request-an-assessment/save").await;
    let code = text_of(&html, ".govuk-panel .app-reference").unwrap();
    assert!(code.starts_with("RTN-"), "{code}");

    let other = app.new_browser();
    assert_eq!(
        other
            .post_form(
                "/api/referral/return",
                &[("form[code]", "RTN-0000-0000-0000")]
            )
            .await,
        "/request-an-assessment/return"
    );
    let (_, html) = other.get_html("/request-an-assessment/return").await;
    assert!(text_of(&html, ".govuk-error-summary")
        .unwrap()
        .contains("could not find saved answers"));
    let typed = code.to_lowercase();
    assert_eq!(
        other
            .post_form("/api/referral/return", &[("form[code]", &typed)])
            .await,
        "/request-an-assessment/date-of-birth"
    );
    let (_, html) = other.get_html("/request-an-assessment/name").await;
    assert_eq!(attrs(&html, "#person-given-name", "value"), ["Amara"]);
}

#[tokio::test]
async fn hostile_posts_get_an_answer_never_a_500() {
    let app = spawn_app(false).await;
    // A 10 MB body.
    let huge = "a".repeat(10 * 1024 * 1024);
    let response = app
        .client
        .post(app.url(ANSWER))
        .header("accept", "text/html")
        .form(&[
            ("page", "name"),
            ("form[person][given_name]", huge.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert!(
        response.status().as_u16() < 500,
        "10 MB: {}",
        response.status()
    );
    // Bytes that are not UTF-8, and a page that does not exist.
    let mut explained = 0;
    for body in [
        b"page=name&form[person][given_name]=%FF%FE".to_vec(),
        b"page=nowhere".to_vec(),
        vec![0xff, 0xfe, 0x00],
    ] {
        let response = app
            .client
            .post(app.url(ANSWER))
            .header("accept", "text/html")
            .header("referer", app.url("/request-an-assessment/name"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert!(response.status().as_u16() < 500, "{}", response.status());
        // Back to the page; if the post could not be read at all, the page says so.
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        let path = location.trim_start_matches(&app.base);
        assert!(
            path.starts_with("/request-an-assessment/name"),
            "{location}"
        );
        let (status, html) = app.get_html(path).await;
        assert_eq!(status, 200);
        if path.contains("__err=") {
            let summary = text_of(&html, ".govuk-error-summary").unwrap_or_default();
            assert!(
                summary.contains("We could not read what was sent"),
                "{summary}"
            );
            assert!(text_of(&html, "title")
                .unwrap_or_default()
                .starts_with("Error: "));
            explained += 1;
        }
    }
    assert!(
        explained >= 1,
        "an unreadable post is explained on its page"
    );
    // Nothing half-stored, and the journey still works.
    assert_eq!(
        answer(&app, "who-is-it-for", &[("form[for]", "self")]).await,
        "/request-an-assessment/name"
    );
}
