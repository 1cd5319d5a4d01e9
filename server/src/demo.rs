//! `server seed-demo`: a realistic history for demonstrations and benchmarks. Requests over the
//! last few years with the week's rhythm (busy Mondays, quiet weekends, office hours), the
//! year's (a winter peak) and growth (7% a year); every kind, the three doors (for themselves,
//! for someone else, a professional, hospital discharges among them) and so every route of
//! access; first contacts, assessments and closures after realistic waits, with their outcomes
//! and Client Level Data event outcomes, staff notes, and people following requests; and
//! carers' registrations. Every request is built as the API would take it and checked by the
//! domain's own rules, then written with `Store::import_referrals`, which sends nothing. The
//! same `--seed` gives the same history (relative to today). Fictional throughout: names from a
//! short list, reserved `example.org` addresses and Ofcom's drama telephone numbers.

use app::domain::reference::ReferenceKind;
use app::domain::referral::ReferralRequest;
use app::journeys::submission::{new_reference, Channel, Submission};
use app::settings::Settings;
use app::store::{HistoryStep, ImportedReferral, Store};
use serde_json::{json, Value};
use time::{Duration, OffsetDateTime};

/// What to write.
#[derive(Clone, Copy, Debug)]
pub struct DemoSize {
    pub referrals: usize,
    pub carers: usize,
    pub years: i64,
    pub seed: u64,
}

/// What was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DemoWritten {
    pub referrals: u64,
    pub carers: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the database already holds requests: seed-demo writes only into an empty one")]
    NotEmpty,
    #[error(transparent)]
    Store(#[from] app::store::StoreError),
    #[error("{0}")]
    Build(String),
}

/// Requests written per transaction.
const BATCH: usize = 500;

const GIVEN: [&str; 16] = [
    "Amara",
    "Joan",
    "Ravi",
    "Edna",
    "Tom",
    "Margaret",
    "Arthur",
    "Priya",
    "Winston",
    "Maureen",
    "Kwame",
    "Dorothy",
    "Stanislaw",
    "Fatima",
    "Brian",
    "Eileen",
];
const FAMILY: [&str; 12] = [
    "Okafor", "Price", "Patel", "Jones", "Smith", "Kowalski", "Ahmed", "Williams", "Brown",
    "Taylor", "Evans", "Hughes",
];
/// The parts of most family names, so that the same full name is as rare as in a county
/// (a few hundred people share one in 100,000, not thousands).
const FAMILY_START: [&str; 20] = [
    "Ash", "Brad", "Carl", "Dun", "Elm", "Fair", "Green", "Hal", "Ken", "Lang", "Mor", "Nor",
    "Old", "Pen", "Rad", "Shel", "Thorn", "Wal", "Whit", "Wood",
];
const FAMILY_END: [&str; 20] = [
    "ford", "ley", "ton", "well", "wood", "by", "ham", "field", "more", "dale", "combe", "shaw",
    "worth", "stead", "bury", "croft", "gate", "hurst", "land", "wick",
];

/// A family name: one in ten from the common ones above, the rest made from two parts.
fn family_name(rng: &mut fastrand::Rng) -> String {
    if rng.u8(0..10) == 0 {
        pick(rng, &FAMILY).to_owned()
    } else {
        format!("{}{}", pick(rng, &FAMILY_START), pick(rng, &FAMILY_END))
    }
}

const NEEDS: [&str; 8] = [
    "Struggling to wash and dress since a fall",
    "Cannot manage the stairs or cook hot meals any more",
    "Memory problems: forgetting medication and meals",
    "Lonely since her husband died and not eating well",
    "Needs help getting in and out of bed",
    "Sight loss: cannot manage letters, bills or shopping",
    "Caring for his wife alone, with no breaks, and exhausted",
    "Home not safe: cluttered, cold and falls at night",
];
const NOTES: [&str; 6] = [
    "Spoke with the person by phone; agreed to visit.",
    "Daughter called: things are harder since the weekend.",
    "Occupational therapist to visit about a stair rail.",
    "Information sent about day centres and the lunch club.",
    "Care agency found; start date agreed.",
    "Left a message; will try again tomorrow.",
];

/// Writes the demo history into an empty database, as at `now`.
pub async fn seed_demo(
    store: &dyn Store,
    settings: &Settings,
    size: DemoSize,
    now: OffsetDateTime,
) -> Result<DemoWritten, DemoError> {
    if !store.weekly_requests(i64::MIN).await?.is_empty() {
        return Err(DemoError::NotEmpty);
    }
    let mut rng = fastrand::Rng::with_seed(size.seed);
    let start = now - Duration::days(365 * size.years);
    let mut written = DemoWritten::default();
    let mut batch = Vec::with_capacity(BATCH);
    // Written in the order they came, as a council's requests are.
    let mut arrivals: Vec<OffsetDateTime> = (0..size.referrals)
        .map(|_| arrival(&mut rng, start, now))
        .collect();
    arrivals.sort();
    for (n, at) in arrivals.into_iter().enumerate() {
        if let Some(imported) = past_request(&mut rng, settings, n, at, now)? {
            batch.push(imported);
        }
        if batch.len() == BATCH {
            written.referrals += store.import_referrals(&batch).await?;
            batch.clear();
        }
    }
    written.referrals += store.import_referrals(&batch).await?;
    let mut arrivals: Vec<OffsetDateTime> = (0..size.carers)
        .map(|_| arrival(&mut rng, start, now))
        .collect();
    arrivals.sort();
    for (n, at) in arrivals.into_iter().enumerate() {
        written.carers += u64::from(past_carer(store, &mut rng, settings, n, at, now).await?);
    }
    Ok(written)
}

/// When a request arrives: growth of 7% a year, a winter peak of +20%, busy Mondays and quiet
/// weekends, mostly in office hours (drawn by rejection from those weights).
fn arrival(rng: &mut fastrand::Rng, start: OffsetDateTime, now: OffsetDateTime) -> OffsetDateTime {
    let span = (now - start).whole_seconds();
    loop {
        let at = start + Duration::seconds(rng.i64(0..span));
        let years_in = (at - start).whole_days() as f64 / 365.0;
        let growth = 1.07f64.powf(years_in) / 1.07f64.powf(span as f64 / 86_400.0 / 365.0);
        let winter =
            1.0 + 0.2 * (2.0 * std::f64::consts::PI * f64::from(at.ordinal()) / 365.0).cos();
        let weekday = [1.4, 1.1, 1.0, 1.0, 0.9, 0.3, 0.25]
            [usize::from(at.weekday().number_days_from_monday())];
        let hour = if (9..17).contains(&at.hour()) {
            1.0
        } else {
            0.15
        };
        let weight = growth * winter * weekday * hour / (1.2 * 1.4);
        if rng.f64() < weight {
            return at;
        }
    }
}

fn pick<'a>(rng: &mut fastrand::Rng, from: &[&'a str]) -> &'a str {
    from[rng.usize(0..from.len())]
}

/// A valid NHS number (modulus 11).
fn nhs_number(rng: &mut fastrand::Rng) -> String {
    loop {
        let digits: Vec<u32> = (0..9).map(|_| rng.u32(0..10)).collect();
        let sum: u32 = digits
            .iter()
            .enumerate()
            .map(|(i, d)| d * (10 - i as u32))
            .sum();
        let check = 11 - sum % 11;
        let check = if check == 11 { 0 } else { check };
        if check < 10 {
            let all: String = digits
                .iter()
                .chain([&check])
                .map(|d| d.to_string())
                .collect();
            return format!("{} {} {}", &all[..3], &all[3..6], &all[6..]);
        }
    }
}

/// A person as the API takes them: born 1928 to 2005 (mostly older), in Exampletown.
fn person(rng: &mut fastrand::Rng, n: usize, email: bool) -> Value {
    let year = if rng.u8(0..10) < 8 {
        rng.i32(1928..1960)
    } else {
        rng.i32(1960..2006)
    };
    json!({
        "given_name": pick(rng, &GIVEN), "family_name": family_name(rng),
        "date_of_birth": format!("{year}-{:02}-{:02}", rng.u8(1..13), rng.u8(1..29)),
        "address_line_1": format!("{} Mill Lane", 1 + n % 200), "town": "Exampletown",
        "postcode": format!("EX{} {}{}{}", rng.u8(1..10), rng.u8(1..10), (b'A' + rng.u8(0..26)) as char, (b'A' + rng.u8(0..26)) as char),
        "phone": format!("01632 960{:03}", rng.u16(0..1000)),
        "email": if email { format!("person{n}@example.org") } else { String::new() },
        "preferred_contact": "phone"
    })
}

/// One past request and what happened to it, or `None` if the rules refuse what was drawn.
fn past_request(
    rng: &mut fastrand::Rng,
    settings: &Settings,
    n: usize,
    at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<Option<ImportedReferral>, DemoError> {
    let today = app::domain::office_hours::uk_local(at).date();
    let roll = rng.u8(0..100);
    let body = if roll < 8 {
        json!({
            "for": "someone_else", "kind": "safeguarding_concern",
            "person": { "given_name": pick(rng, &GIVEN), "address_line_1": format!("{} Quay Street", 1 + n % 90), "town": "Exampletown" },
            "concern": { "what_happened": "Bruises and no food in the house", "person_knows": "no" },
            "referrer": { "given_name": pick(rng, &GIVEN), "family_name": family_name(rng), "relationship": "Neighbour",
                          "phone": "01632 960003", "date_of_birth": "1975-05-05" }
        })
    } else if roll < 30 {
        let setting = match rng.u8(0..20) {
            0 => "childrens_services",
            1..=10 => "hospital",
            _ => "gp",
        };
        let mut someone = person(rng, n, false);
        someone["nhs_number"] = json!(nhs_number(rng));
        if setting == "childrens_services" {
            let born = today - Duration::days(365 * 16 + rng.i64(0..300));
            someone["date_of_birth"] = json!(app::domain::checks::iso_date(born));
        }
        let (job, organisation) = match setting {
            "hospital" => ("Discharge nurse", "Exampletown General Hospital"),
            "childrens_services" => ("Social worker", "Exampleshire Children's Services"),
            _ => ("GP", "Mill Lane Surgery"),
        };
        let mut body = json!({
            "for": "professional",
            "person": someone,
            "referrer": { "given_name": pick(rng, &GIVEN), "family_name": family_name(rng),
                          "job_title": job, "organisation": organisation, "setting": setting,
                          "phone": "01632 960100", "email": "referrals@nhs.net" },
            "consent": { "person_agrees": true },
            "needs": { "summary": pick(rng, &NEEDS) }
        });
        if setting == "hospital" {
            body["discharge"] = json!({
                "hospital": "Exampletown General", "ward": format!("Ward {}", rng.u8(1..12)),
                "ward_phone": "01632 960101",
                "expected_date": app::domain::checks::iso_date(today + Duration::days(rng.i64(1..10))),
                "medically_optimised": rng.bool(), "pathway": rng.u8(1..4), "support_needed": "Two calls a day"
            });
        }
        if setting == "childrens_services" {
            body["transition"] = json!({ "ehc_plan": "yes", "lead": "" });
        }
        body
    } else {
        let for_self = rng.bool();
        let follower = rng.u8(0..3) == 0;
        let with_email = rng.u8(0..4) == 0;
        let urgent: Vec<&str> = match rng.u8(0..20) {
            0..=1 => vec!["hospital_discharge"],
            2 => vec!["carer_breakdown"],
            _ => vec![],
        };
        json!({
            "for": if for_self { "self" } else { "someone_else" },
            "kind": if roll < 45 { "carer_assessment" } else { "assessment" },
            "person": person(rng, n, with_email),
            "referrer": if for_self { Value::Null } else { json!({
                "given_name": pick(rng, &GIVEN), "family_name": family_name(rng), "relationship": "daughter",
                "phone": "01632 960002", "email": format!("family{n}@example.org") }) },
            "consent": { "person_agrees": true },
            "needs": { "summary": pick(rng, &NEEDS), "outcomes": ["nutrition"], "urgent": urgent },
            "trackers": if follower { json!([{ "name": format!("{} {}", pick(rng, &GIVEN), family_name(rng)),
                                                "relationship": "son", "email": format!("follow{n}@example.org") }]) }
                        else { json!([]) }
        })
    };
    let request: ReferralRequest =
        serde_json::from_value(body.clone()).map_err(|e| DemoError::Build(e.to_string()))?;
    let Ok(checked) = request.check(today) else {
        return Ok(None);
    };
    let reference =
        new_reference(ReferenceKind::Referral).map_err(|e| DemoError::Build(e.to_string()))?;
    let key = format!("demo-{n}");
    let text = body.to_string();
    let channel = if roll < 30 && rng.bool() {
        Channel::Api {
            key_id: 0,
            key_name: "Exampletown General (demo)".into(),
        }
    } else {
        Channel::Web
    };
    let submission = Submission {
        settings,
        now: at,
        channel,
        idempotency_key: &key,
        request_body: &text,
    };
    let record =
        app::journeys::referral::service::past_referral_record(&submission, &checked, &reference);
    let mut record = record;
    // Routes staff find on the phone and correct (the answers cannot tell them).
    match rng.u16(0..1000) {
        _ if record.kind == app::domain::concern::KIND => {}
        0..=24 => record.route_of_access = "self_funder_depleted_funds".into(),
        25..=39 => record.route_of_access = "diversion_from_hospital".into(),
        40..=42 => record.route_of_access = "prison".into(),
        _ => {}
    }
    let steps = history(rng, &record.kind, record.urgent, at, now);
    Ok(Some(ImportedReferral { record, steps }))
}

/// What happened after a request came at `at`, up to `now`: first contact after a few days
/// (sooner when urgent), then either closed at first contact or an assessment arranged weeks
/// later, completed, and closed with support or advice. Steps still in the future are not
/// taken, so the latest requests are still waiting, as they would be.
fn history(
    rng: &mut fastrand::Rng,
    kind: &str,
    urgent: bool,
    at: OffsetDateTime,
    now: OffsetDateTime,
) -> Vec<HistoryStep> {
    let concern = kind == app::domain::concern::KIND;
    let days =
        |rng: &mut fastrand::Rng, from: i64, to: i64| Duration::hours(rng.i64(from * 24..to * 24));
    let mut steps = Vec::new();
    let mut when = at
        + if urgent || concern {
            days(rng, 0, 2)
        } else {
            days(rng, 1, 12)
        };
    let actor = "staff:demo".to_owned();
    let mut step = |status: &str,
                    outcome: Option<&str>,
                    event: Option<&str>,
                    when: OffsetDateTime,
                    rng: &mut fastrand::Rng| {
        let noted = rng.u8(0..3) == 0;
        steps.push(HistoryStep {
            status: status.to_owned(),
            outcome: outcome.map(str::to_owned),
            event_outcome: event.map(str::to_owned),
            note: if noted {
                pick(rng, &NOTES).to_owned()
            } else {
                String::new()
            },
            note_visible: noted && rng.bool(),
            actor: actor.clone(),
            at: when.unix_timestamp(),
        });
    };
    if when > now {
        return Vec::new();
    }
    step("triage", None, None, when, rng);
    let (closed_early, outcome, event) = match rng.u8(0..20) {
        0..=5 => (
            true,
            "information_and_advice",
            "nfa_information_advice_signposting",
        ),
        6 => (
            true,
            "referred_elsewhere",
            "nfa_information_advice_signposting",
        ),
        7 => (true, "no_further_action", "nfa_support_declined"),
        8 => (true, "withdrawn", "nfa_self_funded"),
        9..=10 => (false, "support_arranged", "progress_to_reablement"),
        11..=16 => (false, "support_arranged", "progress_to_support_planning"),
        _ => (false, "information_and_advice", "provision_of_service"),
    };
    if closed_early {
        when += days(rng, 1, 10);
        if when <= now {
            step("closed", Some(outcome), Some(event), when, rng);
        }
        return steps;
    }
    when += if urgent {
        days(rng, 2, 10)
    } else {
        days(rng, 10, 70)
    };
    if when > now {
        return steps;
    }
    step("assessment_arranged", None, None, when, rng);
    when += days(rng, 5, 25);
    if when > now {
        return steps;
    }
    step("assessment_completed", None, None, when, rng);
    when += days(rng, 3, 30);
    if when <= now {
        step("closed", Some(outcome), Some(event), when, rng);
    }
    steps
}

/// One carer's registration at `at`, checked by staff a few days later and, for some,
/// withdrawn months afterwards (as far as `now` allows); whether it was written.
async fn past_carer(
    store: &dyn Store,
    rng: &mut fastrand::Rng,
    settings: &Settings,
    n: usize,
    at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<bool, DemoError> {
    let with_email = rng.bool();
    let carer = person(rng, n, with_email);
    let body = json!({
        "carer": carer,
        "cared_for": [ { "given_name": pick(rng, &GIVEN), "family_name": family_name(rng),
                         "date_of_birth": "1940-02-02", "relationship": "mother", "same_address": true } ],
        "caring": { "hours_per_week": rng.u8(5..80), "when": "day", "tasks": ["personal_care", "meals"] },
        "emergency_plan": null,
        "consent": { "agrees": true }
    });
    let registration: app::domain::carer::CarerRegistration =
        serde_json::from_value(body.clone()).map_err(|e| DemoError::Build(e.to_string()))?;
    let Ok(checked) = registration.check(app::domain::office_hours::uk_local(at).date()) else {
        return Ok(false);
    };
    let reference =
        new_reference(ReferenceKind::Carer).map_err(|e| DemoError::Build(e.to_string()))?;
    let (key, text) = (format!("demo-carer-{n}"), body.to_string());
    let submission = Submission {
        settings,
        now: at,
        channel: Channel::Web,
        idempotency_key: &key,
        request_body: &text,
    };
    let record =
        app::journeys::carer::service::past_carer_record(&submission, &checked, &reference);
    if !matches!(
        store.create_carer(&record).await?,
        app::store::CreateReferral::Created(_)
    ) {
        return Ok(false);
    }
    let reference = reference.to_string();
    let checked_at = at + Duration::hours(rng.i64(4..240));
    if checked_at < now {
        store
            .mark_carer_reviewed(&reference, checked_at.unix_timestamp())
            .await?;
        let withdrawn_at = checked_at + Duration::days(rng.i64(30..900));
        if rng.u8(0..100) < 8 && withdrawn_at < now {
            store
                .withdraw_carer(&reference, withdrawn_at.unix_timestamp(), &[])
                .await?;
        }
    }
    Ok(true)
}
