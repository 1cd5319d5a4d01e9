//! The demo history and the demand forecast, on both databases: `seed-demo` writes three
//! years of requests through the domain's rules into an empty database only, with every kind
//! and every status; the dashboard then shows a manager the forecast for the next 12 weeks and
//! 12 months, by kind and by route of access, with ranges and its backtest next to "the same
//! week last year", and the CSV carries the same figures.
use crate::common;

use super::web::{sign_in, staff};
use common::{spawn_app_on, test_config, text_of, TestStore};
use server::demo::{seed_demo, DemoError, DemoSize};

async fn a_manager_sees_the_forecast_of_a_seeded_history(store: TestStore) {
    let app = spawn_app_on(store, test_config(false)).await;
    let now = time::OffsetDateTime::now_utc();
    let settings = app::settings::Settings::default();
    let size = DemoSize {
        referrals: 2400,
        carers: 20,
        years: 3,
        seed: 7,
    };
    let written = seed_demo(&*app.store, &settings, size, now).await.unwrap();
    assert!(written.referrals > 2300, "{written:?}");
    assert_eq!(written.carers, 20);
    assert!(
        matches!(
            seed_demo(&*app.store, &settings, size, now).await,
            Err(DemoError::NotEmpty)
        ),
        "never into a database with requests"
    );
    for (what, sql) in [
        ("every kind", "SELECT COUNT(DISTINCT kind) FROM referrals"),
        (
            "every status",
            "SELECT COUNT(DISTINCT status) FROM referrals",
        ),
        (
            "hospital discharges",
            "SELECT COUNT(*) FROM referrals WHERE route_of_access = 'discharge_from_hospital'",
        ),
        (
            "transitions",
            "SELECT COUNT(*) FROM referrals WHERE route_of_access = 'planned_entry_transition'",
        ),
        (
            "staff notes",
            "SELECT COUNT(*) FROM referral_history WHERE note <> ''",
        ),
        (
            "people following requests",
            "SELECT COUNT(*) FROM referral_trackers",
        ),
        // Staff check a registration within days: years of them never wait in the queue.
        (
            "carers checked",
            "SELECT COUNT(*) - 12 FROM carers WHERE reviewed_at IS NOT NULL",
        ),
    ] {
        assert!(common::count(&app.database_url, sql).await >= 3, "{what}");
    }
    assert_eq!(
        common::count(&app.database_url, "SELECT COUNT(*) FROM outbox").await,
        0,
        "the history sends nothing"
    );
    let weekly_total = common::count(
        &app.database_url,
        "SELECT CAST(SUM(requests) AS BIGINT) FROM weekly_requests",
    )
    .await;
    assert_eq!(
        weekly_total as u64, written.referrals,
        "the weekly counts kept in step"
    );
    // Written in bulk, each request's row says what its history says, as a step-by-step
    // change keeps it (`insert_history`).
    for (what, differs) in [
        ("status", "r.status <> (SELECT h.status FROM referral_history h WHERE h.referral_id = r.id ORDER BY h.at DESC, h.id DESC LIMIT 1)"),
        ("first contact", "COALESCE(r.first_contact_at, -1) <> COALESCE((SELECT MIN(h.at) FROM referral_history h WHERE h.referral_id = r.id AND h.status <> 'received'), -1)"),
        ("closed", "COALESCE(r.closed_at, -1) <> COALESCE((SELECT MAX(h.at) FROM referral_history h WHERE h.referral_id = r.id AND h.status = 'closed'), -1)"),
        ("assessed", "r.assessed <> (SELECT COUNT(*) FROM referral_history h WHERE h.referral_id = r.id AND h.status = 'assessment_arranged')"),
        ("age band", "r.kind <> 'safeguarding_concern' AND r.age_band NOT IN ('Under 18', '18-64', '65-74', '75-84', '85+')"),
        ("postcode district", "r.kind <> 'safeguarding_concern' AND r.postcode_district NOT LIKE 'EX_'"),
    ] {
        let sql = format!("SELECT COUNT(*) FROM referrals r WHERE {differs}");
        assert_eq!(common::count(&app.database_url, &sql).await, 0, "{what}");
    }

    let manager = app.new_browser();
    let enrolment = staff(&app, "manager@example.gov.uk", "manager").await;
    sign_in(&manager, "manager@example.gov.uk", &enrolment, 0).await;
    let (status, page) = manager.get_html("/staff/dashboard").await;
    assert_eq!(status, 200);
    let main = text_of(&page, "main").unwrap();
    assert!(main.contains("Forecast of demand"), "{main}");
    assert!(
        main.contains("from the trend and the year's rhythm"),
        "{main}"
    );
    assert!(
        main.contains("How far to trust it: forecasting each of the last 48 weeks from the weeks before, it missed by"),
        "{main}"
    );
    assert!(main.contains("Taking the same week last year would have missed by"));
    let chart = text_of(&page, "#forecast-desc").unwrap();
    assert_eq!(
        chart.split("; ").count(),
        12,
        "a bar for each week: {chart}"
    );

    let csv = manager
        .get("/api/staff/dashboard.csv")
        .await
        .text()
        .await
        .unwrap();
    let expected: Vec<i64> = csv
        .lines()
        .filter(|line| line.starts_with("forecast_requests_week,"))
        .map(|line| line.rsplit(',').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(expected.len(), 12, "{csv}");
    // About 2,400 over three years, growing: some 15 to 20 a week now.
    let ahead: i64 = expected.iter().sum();
    assert!(
        (120..=360).contains(&ahead),
        "{ahead} in 12 weeks: {expected:?}"
    );
    for line in [
        "forecast_requests_week_low,",
        "forecast_requests_week_high,",
        "forecast_requests_month,",
    ] {
        assert!(csv.lines().any(|l| l.starts_with(line)), "{line}");
    }
    for label in [
        "\"Assessment\"",
        "\"Safeguarding concern\"",
        "\"Discharge from Hospital\"",
    ] {
        assert!(
            csv.lines()
                .any(|l| l.starts_with(&format!("forecast_requests_next_12_months,{label},"))),
            "{label}"
        );
    }
    assert!(csv.contains("forecast_backtest_error_per_week,same_week_last_year,all,"));
}

#[tokio::test]
async fn a_manager_sees_the_forecast_of_a_seeded_history_on_sqlite() {
    a_manager_sees_the_forecast_of_a_seeded_history(common::sqlite_store().await).await;
}

#[tokio::test]
async fn a_manager_sees_the_forecast_of_a_seeded_history_on_postgres() {
    a_manager_sees_the_forecast_of_a_seeded_history(common::postgres_store().await).await;
}
