//! "Request an assessment" and "Check the progress of a request" with HTML alone, over real
//! HTTP: every question page's errors, answers kept as typed, hostile text shown escaped, the
//! request written exactly once however often "Send" is posted, a failed write that loses
//! nothing, save and come back later, and tracking by reference and date of birth.
use crate::common;

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
        [app::components::EXIT_PATH]
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
    let made_up = [
        ("form[person][language]", "English"),
        ("form[person][interpreter_needed]", "psychic"),
        ("form[person][formats][smoke]", "smoke"),
    ];
    assert_eq!(
        answer(app, "language-and-communication", &made_up).await,
        format!("{base}/language-and-communication")
    );
    let html = page(app, &format!("{base}/language-and-communication")).await;
    assert_eq!(
        attrs(&html, ".govuk-error-summary__list a", "href"),
        [
            "#person-communication-needs-interpreter",
            "#person-communication-needs-formats"
        ]
    );
    let language = [
        ("form[person][language]", "English"),
        ("form[person][interpreter_needed]", "bsl"),
        ("form[person][formats][large_print]", "large_print"),
        ("form[person][communication_needs]", "Call after 10am"),
    ];
    assert_eq!(
        answer(app, "language-and-communication", &language).await,
        format!("{base}/daily-tasks")
    );
    let html = page(app, &format!("{base}/language-and-communication")).await;
    assert_eq!(
        attrs(
            &html,
            "input[type=radio][checked], input[type=checkbox][checked]",
            "value"
        ),
        ["bsl", "large_print"],
        "what was chosen, and nothing chosen in advance"
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
    assert!(
        text_of(&html, "main script").is_none(),
        "and never as markup"
    );
    assert!(text_of(&html, "main")
        .unwrap()
        .contains("Ngozi Okafor (Daughter)"));
    assert!(
        text_of(&html, "main").unwrap().contains(
            "Language: English Large print A British Sign Language interpreter Call after 10am"
        ),
        "the communication needs in words"
    );
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

/// Sending from the web pages is braked per client address (2 an hour here): past it, check
/// answers says why, when to try again and whom to call, with every answer kept; another
/// address sends as usual (on both databases).
async fn web_sending_is_braked_per_address(store: common::TestStore) {
    let mut config = common::behind_a_proxy(common::test_config(false));
    config.settings.web_submissions_per_client_hour = 2;
    let app = common::spawn_app_on(store, config).await;
    let declared = [("form[declaration]", "yes")];
    for _ in 0..2 {
        let browser = app.browser_at("203.0.113.40");
        fill_in_for_someone_else(&browser).await;
        assert_eq!(
            browser.post_form("/api/referral/send", &declared).await,
            "/request-an-assessment/confirmation"
        );
    }
    let browser = app.browser_at("203.0.113.40");
    fill_in_for_someone_else(&browser).await;
    assert_eq!(
        browser.post_form("/api/referral/send", &declared).await,
        "/request-an-assessment/check-answers"
    );
    let html = page(&browser, "/request-an-assessment/check-answers").await;
    let summary = text_of(&html, ".govuk-error-summary").unwrap();
    for said in ["has not been sent", "try again in 1 hour", "01632 960000"] {
        assert!(summary.contains(said), "{said}: {summary}");
    }
    assert!(
        text_of(&html, "main").unwrap().contains("Okafor"),
        "the answers are kept"
    );
    assert_eq!(app.store.outbox_pending("event").await.unwrap(), 2);

    let neighbour = app.browser_at("198.51.100.40");
    fill_in_for_someone_else(&neighbour).await;
    assert_eq!(
        neighbour.post_form("/api/referral/send", &declared).await,
        "/request-an-assessment/confirmation"
    );
}

#[tokio::test]
async fn web_sending_is_braked_per_address_on_sqlite() {
    web_sending_is_braked_per_address(common::sqlite_store().await).await;
}

#[tokio::test]
async fn web_sending_is_braked_per_address_on_postgres() {
    web_sending_is_braked_per_address(common::postgres_store().await).await;
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

/// Posts a form as a browser without JavaScript does, whatever the answer.
async fn post_as_browser(
    app: &TestApp,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    app.client
        .post(app.url(action))
        .header("accept", "text/html")
        .form(fields)
        .send()
        .await
        .expect("POST")
}

async fn readyz(app: &TestApp) -> u16 {
    app.client
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("GET /readyz")
        .status()
        .as_u16()
}

/// The page that answers a post the service could not save: its status and HTML, checked to
/// say so, to ask for a minute before trying again, and never to be cached.
async fn service_problem_page(response: reqwest::Response) -> scraper::Html {
    assert_eq!(response.status().as_u16(), 503);
    assert_eq!(response.headers()["retry-after"], "60");
    assert_eq!(response.headers()["cache-control"], "no-store");
    let html = scraper::Html::parse_document(&response.text().await.expect("body"));
    assert_eq!(
        text_of(&html, "h1").as_deref(),
        Some("Sorry, there is a problem with the service")
    );
    assert!(text_of(&html, "main")
        .unwrap()
        .contains("has not been saved"));
    html
}

/// The "Try again" form's action and fields.
fn try_again_form(html: &scraper::Html) -> (String, Vec<(String, String)>) {
    let action = attrs(html, "main form", "action");
    assert_eq!(action.len(), 1, "one form: Try again");
    let names = attrs(html, "main form input[type=hidden]", "name");
    let values = attrs(html, "main form input[type=hidden]", "value");
    (action[0].clone(), names.into_iter().zip(values).collect())
}

async fn referrals_stored(app: &TestApp) -> i64 {
    common::count(&app.database_url, "SELECT COUNT(*) FROM referrals").await
}

/// The database out of reach (`cut` makes it so and returns once it is): `/readyz` says 503; a
/// question page's post and "Send request" each answer with the service-problem page, the
/// answers shown back (escaped) and a "Try again" form that posts them again; nothing is
/// written. Then `restore`: ready again without a restart, and "Try again" sends the request,
/// once.
async fn an_outage_loses_nothing<C, R>(app: &TestApp, cut: C, restore: R)
where
    C: std::future::Future<Output = ()>,
    R: std::future::Future<Output = ()>,
{
    fill_in_for_someone_else(app).await;
    let html = page(app, "/request-an-assessment/check-answers").await;
    let copied = |attr| {
        attrs(
            &html,
            "form[action='/api/referral/send'] input[type=hidden]",
            attr,
        )
    };
    let copy = (copied("name").remove(0), copied("value").remove(0));
    assert_eq!(readyz(app).await, 200);
    cut.await;
    assert_eq!(
        readyz(app).await,
        503,
        "not ready while the database is out of reach"
    );

    let typed = [
        ("page", "people-involved"),
        ("form[involved][gp]", "Hill <b>Surgery</b> & \"Clinic\""),
    ];
    let html = service_problem_page(post_as_browser(app, ANSWER, &typed).await).await;
    assert_eq!(
        text_of(&html, ".govuk-summary-list__value").as_deref(),
        Some("Hill <b>Surgery</b> & \"Clinic\""),
        "the answer shown back as typed"
    );
    assert!(
        attrs(&html, "main b", "class").is_empty() && text_of(&html, "main b").is_none(),
        "and escaped: never markup"
    );
    let (action, fields) = try_again_form(&html);
    assert_eq!(action, ANSWER);
    let sent: Vec<(String, String)> = typed
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    assert_eq!(fields, sent, "Try again posts exactly what was typed");

    let send = [
        ("form[declaration]", "yes"),
        (copy.0.as_str(), copy.1.as_str()),
    ];
    let html = service_problem_page(post_as_browser(app, "/api/referral/send", &send).await).await;
    let main = text_of(&html, "main").unwrap();
    for answer in [
        "Amara Okafor",
        "2 3 1948",
        "Exampletown",
        "chidi@example.org",
    ] {
        assert!(
            main.contains(answer),
            "the request's answers shown back: {answer} in {main}"
        );
    }
    let (action, resend) = try_again_form(&html);
    assert_eq!(action, "/api/referral/send");

    // The JSON API says so in its own way: 503 problem+json, and the same key works later.
    let api = |key: &'static str| {
        app.client
            .post(app.url("/api/v1/referrals"))
            .bearer_auth(&app.api_key)
            .header("idempotency-key", key)
            .json(&common::referral_example())
            .send()
    };
    let refused = api("outage-1").await.unwrap();
    assert_eq!(refused.status().as_u16(), 503);
    assert_eq!(
        refused.headers()["content-type"],
        "application/problem+json"
    );

    restore.await;
    let mut ready = false;
    for _ in 0..100 {
        if readyz(app).await == 200 {
            ready = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(ready, "ready again without a restart");
    assert_eq!(
        referrals_stored(app).await,
        0,
        "nothing was written while it was out"
    );
    assert_eq!(api("outage-1").await.unwrap().status().as_u16(), 201);

    let resend: Vec<(&str, &str)> = resend
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let response = post_as_browser(app, &action, &resend).await;
    assert_eq!(response.status().as_u16(), 302, "Try again works");
    assert_eq!(
        response.headers()["location"],
        "/request-an-assessment/confirmation"
    );
    let html = page(app, "/request-an-assessment/confirmation").await;
    assert!(text_of(&html, ".govuk-panel").unwrap().contains("ASC-"));
    let again = post_as_browser(app, &action, &resend).await;
    assert_eq!(
        again.status().as_u16(),
        302,
        "a second Try again is harmless"
    );
    assert_eq!(
        referrals_stored(app).await,
        2,
        "sent once, and the API's request once"
    );
}

/// Another process holds SQLite's write lock (as a stuck job or a copy tool might).
#[tokio::test]
async fn a_locked_database_loses_nothing_and_recovers_without_a_restart() {
    use sqlx::Connection;
    let app = spawn_app(false).await;
    let lock = std::sync::Arc::new(tokio::sync::Mutex::new(None));
    let (hold, release) = (lock.clone(), lock.clone());
    let url = app.database_url.clone();
    an_outage_loses_nothing(
        &app,
        async move {
            let mut other = sqlx::SqliteConnection::connect(&url).await.unwrap();
            sqlx::query("BEGIN EXCLUSIVE")
                .execute(&mut other)
                .await
                .unwrap();
            *hold.lock().await = Some(other);
        },
        async move {
            let mut other = release.lock().await.take().expect("the lock");
            sqlx::query("ROLLBACK").execute(&mut other).await.unwrap();
        },
    )
    .await;
}

/// PostgreSQL out of reach: every connection dropped and new ones refused, as when it stops.
#[tokio::test]
async fn postgres_out_of_reach_loses_nothing_and_recovers_without_a_restart() {
    let proxy = common::cuttable_proxy::CuttableProxy::to_test_postgres().await;
    let test_store = common::postgres_store_reached_by(|url| proxy.route(url)).await;
    let app = common::spawn_app_on(test_store, common::test_config(false)).await;
    an_outage_loses_nothing(&app, proxy.cut(), proxy.restore()).await;
}

/// Two instances on one PostgreSQL, every request going to the other one (a load balancer
/// that does not stick): the session and its draft, sending exactly once, the API's
/// idempotency, the lookup limit and the outbox all hold whichever instance a request reaches.
#[tokio::test]
async fn postgres_two_instances_taking_turns_serve_every_request() {
    use server::delivery::{email::EmailSender, spawn_worker};
    use std::sync::Arc;
    use std::time::Duration;

    let first =
        common::spawn_app_on(common::postgres_store().await, common::test_config(false)).await;
    let second = common::spawn_app_on(
        common::store_on(&first.database_url).await,
        common::test_config(false),
    )
    .await;
    let app = first.taking_turns_with(&second);

    // Sessions and drafts: every page of the journey, each request on the other instance.
    fill_in_for_someone_else(&app).await;
    let html = page(&app, "/request-an-assessment/check-answers").await;
    assert!(text_of(&html, "main").unwrap().contains("Amara Okafor"));
    // Sent on one, sent again on the other: one request, the same confirmation.
    let send = [("form[declaration]", "yes")];
    for _ in 0..2 {
        assert_eq!(
            app.post_form("/api/referral/send", &send).await,
            "/request-an-assessment/confirmation"
        );
    }
    let confirmation = page(&app, "/request-an-assessment/confirmation").await;
    let reference = text_of(&confirmation, ".govuk-panel strong").unwrap_or_default();
    assert!(reference.starts_with("ASC-"), "{reference}");
    assert_eq!(referrals_stored(&app).await, 1, "sent once");

    // The API's idempotency key, used on each instance in turn.
    let key = uuid::Uuid::new_v4().to_string();
    let mut answers = Vec::new();
    for _ in 0..2 {
        let response = app
            .client
            .post(app.url("/api/v1/referrals"))
            .bearer_auth(&app.api_key)
            .header("idempotency-key", &key)
            .json(&common::referral_example())
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let body: serde_json::Value = response.json().await.unwrap();
        answers.push((status, body["reference"].as_str().unwrap().to_owned()));
    }
    assert_eq!((answers[0].0, answers[1].0), (201, 200));
    assert_eq!(
        answers[0].1, answers[1].1,
        "the replay gives the first reference"
    );

    // The lookup limit counts misses on both instances together (a reference's own limit,
    // 10 a day, whichever instance and address the misses come from).
    let wrong = [
        ("form[reference]", "ASC-AAAA-AAAA-AAAA"),
        ("form[date_of_birth][day]", "1"),
        ("form[date_of_birth][month]", "1"),
        ("form[date_of_birth][year]", "1950"),
    ];
    let mut said = Vec::new();
    for _ in 0..11 {
        app.post_form("/api/track/lookup", &wrong).await;
        let html = page(&app, "/track-a-request").await;
        said.push(text_of(&html, ".govuk-error-summary").unwrap_or_default());
    }
    assert!(
        said[..10].iter().all(|s| s.contains("could not find")),
        "{said:?}"
    );
    assert!(
        said[10].contains("tried too many times") && said[10].contains("try again in 24 hours"),
        "{said:?}"
    );

    // The outbox: both instances deliver email as fast as they can; each message goes out once.
    // (Thirty different families: one address gets only a few acknowledgements a day.)
    for i in 0..30 {
        let mut example = common::referral_example();
        example["person"]["email"] = serde_json::json!(format!("amara{i}@example.org"));
        example["trackers"][0]["email"] = serde_json::json!(format!("chidi{i}@example.org"));
        app.submit_referral(&example).await;
    }
    let (mail_first, mail_second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for (store, dir) in [(&first.store, &mail_first), (&second.store, &mail_second)] {
        let sender = EmailSender::new(
            "Portal <portal@example.org>",
            None,
            dir.path().to_str().unwrap(),
        )
        .unwrap();
        spawn_worker(store.clone(), Arc::new(sender), Duration::from_millis(10));
    }
    let mut pending = i64::MAX;
    for _ in 0..300 {
        pending = first.store.outbox_pending("email").await.unwrap();
        if pending == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(pending, 0, "every email delivered");
    let files = |dir: &tempfile::TempDir| std::fs::read_dir(dir.path()).unwrap().count() as i64;
    let (sent_first, sent_second) = (files(&mail_first), files(&mail_second));
    let messages = common::count(
        &first.database_url,
        "SELECT COUNT(*) FROM outbox WHERE channel = 'email'",
    )
    .await;
    assert!(messages >= 60, "{messages} emails to send");
    assert_eq!(
        sent_first + sent_second,
        messages,
        "each email once ({sent_first} + {sent_second})"
    );
}
