//! The requests of a quarter as a CSV in Client Level Data's field names and values, ready
//! for the council's quarterly return to NHS England: the request's dates, route of access,
//! requester type and event outcome, the person's age band and postcode district; never a
//! name, a full date of birth or a full postcode. Quarters are the financial year's (April to
//! June is quarter 1). Pure: the caller brings the rows and today's date.

use super::checks::iso_date;
use super::cld::{label, EVENT_OUTCOMES, REQUESTER_TYPES, ROUTES_OF_ACCESS};
use time::{Date, Month};

/// A financial quarter: its key (`2026-27-q3`), its dates and how staff read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarter {
    pub key: String,
    pub label: String,
    pub first_day: Date,
    pub last_day: Date,
}

/// The quarter a day falls in.
pub fn quarter_of(day: Date) -> Quarter {
    let month = u8::from(day.month());
    let (financial_year, number) = if month >= 4 {
        (day.year(), (month - 4) / 3 + 1)
    } else {
        (day.year() - 1, 4)
    };
    quarter(financial_year, number).expect("a quarter from a real day")
}

/// Quarter `number` (1 to 4) of the financial year starting in April of `financial_year`.
fn quarter(financial_year: i32, number: u8) -> Option<Quarter> {
    if !(1..=4).contains(&number) {
        return None;
    }
    let (year, first_month) = match number {
        4 => (financial_year + 1, 1),
        n => (financial_year, 4 + (n - 1) * 3),
    };
    let first_day = Date::from_calendar_date(year, Month::try_from(first_month).ok()?, 1).ok()?;
    let last_month = Month::try_from(first_month + 2).ok()?;
    let last_day = Date::from_calendar_date(year, last_month, last_month.length(year)).ok()?;
    Some(Quarter {
        key: format!(
            "{financial_year}-{:02}-q{number}",
            (financial_year + 1) % 100
        ),
        label: format!(
            "{} to {} {year} ({financial_year} to {} quarter {number})",
            first_day.month(),
            last_month,
            financial_year + 1
        ),
        first_day,
        last_day,
    })
}

/// A quarter from its key, or `None` for anything else.
pub fn parse_quarter(key: &str) -> Option<Quarter> {
    let (years, number) = key.split_once("-q")?;
    let (first, second) = years.split_once('-')?;
    let financial_year: i32 = first.parse().ok()?;
    if first.len() != 4 || second != format!("{:02}", (financial_year + 1) % 100) {
        return None;
    }
    quarter(financial_year, number.parse().ok()?)
}

/// `count` quarters, the one `today` is in first, then the ones before it.
pub fn recent_quarters(today: Date, count: usize) -> Vec<Quarter> {
    let mut quarters = vec![quarter_of(today)];
    while quarters.len() < count {
        let before = quarters[quarters.len() - 1].first_day.previous_day();
        match before {
            Some(day) => quarters.push(quarter_of(day)),
            None => break,
        }
    }
    quarters
}

/// One request as the store keeps it, for the return.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnedRequest {
    pub reference: String,
    pub requested_on: Date,
    pub route_of_access: String,
    pub requester_type: String,
    pub event_outcome: Option<String>,
    /// The day the request was closed, if it has been.
    pub ended_on: Option<Date>,
    /// `age_band` on the day of the request, and `postcode_district`.
    pub age_band: String,
    pub postcode_district: String,
}

/// The age band the person was in on the day of the request.
pub fn age_band(date_of_birth: Option<Date>, on: Date) -> &'static str {
    let Some(born) = date_of_birth else {
        return "Unknown";
    };
    let had_birthday = (on.month(), on.day()) >= (born.month(), born.day());
    let age = on.year() - born.year() - i32::from(!had_birthday);
    match age {
        ..=17 => "Under 18",
        18..=64 => "18-64",
        65..=74 => "65-74",
        75..=84 => "75-84",
        _ => "85+",
    }
}

/// The postcode district (the outward code, "EX1" of "EX1 2AB"), or "" without one.
pub fn postcode_district(postcode: &str) -> String {
    let compact: Vec<char> = postcode
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if compact.len() < 5 {
        return String::new();
    }
    compact[..compact.len() - 3].iter().collect()
}

/// The CSV's columns, in Client Level Data's field names.
pub const COLUMNS: [&str; 9] = [
    "Event_Reference",
    "Event_Type",
    "Event_Start_Date",
    "Event_End_Date",
    "Request_Route_of_Access",
    "Requester_Type",
    "Event_Outcome",
    "Age_Band",
    "Postcode_District",
];

/// The requests as CSV (CRLF lines, every field quoted), CLD's values rather than our keys.
/// Written into one string as it goes: a quarter at scale is tens of thousands of lines.
pub fn to_csv(requests: &[ReturnedRequest]) -> String {
    use std::fmt::Write;
    fn quoted(csv: &mut String, text: &str, last: bool) {
        csv.push('"');
        if text.contains('"') {
            csv.push_str(&text.replace('"', "\"\""));
        } else {
            csv.push_str(text);
        }
        csv.push_str(if last { "\"\r\n" } else { "\"," });
    }
    let mut csv = String::with_capacity(100 * (requests.len() + 1));
    csv.push_str(&COLUMNS.join(","));
    csv.push_str("\r\n");
    for request in requests {
        quoted(&mut csv, &request.reference, false);
        quoted(&mut csv, "Request", false);
        let _ = write!(csv, "\"{}\",", iso_date(request.requested_on));
        let _ = write!(
            csv,
            "\"{}\",",
            request.ended_on.map(iso_date).unwrap_or_default()
        );
        quoted(
            &mut csv,
            label(&ROUTES_OF_ACCESS, &request.route_of_access),
            false,
        );
        quoted(
            &mut csv,
            label(&REQUESTER_TYPES, &request.requester_type),
            false,
        );
        let outcome = request
            .event_outcome
            .as_deref()
            .map(|o| label(&EVENT_OUTCOMES, o));
        quoted(&mut csv, outcome.unwrap_or_default(), false);
        quoted(&mut csv, &request.age_band, false);
        quoted(&mut csv, &request.postcode_district, true);
    }
    csv
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn quarters_follow_the_financial_year() {
        let q = quarter_of(date!(2026 - 12 - 03));
        assert_eq!(q.key, "2026-27-q3");
        assert_eq!(q.first_day, date!(2026 - 10 - 01));
        assert_eq!(q.last_day, date!(2026 - 12 - 31));
        assert_eq!(q.label, "October to December 2026 (2026 to 2027 quarter 3)");
        let q4 = quarter_of(date!(2027 - 02 - 28));
        assert_eq!(q4.key, "2026-27-q4");
        assert_eq!(q4.last_day, date!(2027 - 03 - 31));
        assert_eq!(quarter_of(date!(2026 - 04 - 01)).key, "2026-27-q1");
        assert_eq!(quarter_of(date!(2026 - 03 - 31)).key, "2025-26-q4");
    }

    #[test]
    fn only_real_quarter_keys_are_read() {
        assert_eq!(
            parse_quarter("2025-26-q2").unwrap().first_day,
            date!(2025 - 07 - 01)
        );
        assert_eq!(
            parse_quarter("1999-00-q4").unwrap().last_day,
            date!(2000 - 03 - 31)
        );
        for bad in [
            "2025-27-q2",
            "2025-26-q5",
            "2025-26-q0",
            "25-26-q1",
            "",
            "2025-26",
        ] {
            assert_eq!(parse_quarter(bad), None, "{bad}");
        }
    }

    #[test]
    fn recent_quarters_go_back_from_today() {
        let keys: Vec<String> = recent_quarters(date!(2026 - 05 - 10), 3)
            .into_iter()
            .map(|q| q.key)
            .collect();
        assert_eq!(keys, ["2026-27-q1", "2025-26-q4", "2025-26-q3"]);
    }

    #[test]
    fn age_bands_count_birthdays() {
        let on = date!(2026 - 06 - 15);
        assert_eq!(age_band(Some(date!(1961 - 06 - 15)), on), "65-74");
        assert_eq!(age_band(Some(date!(1961 - 06 - 16)), on), "18-64");
        assert_eq!(age_band(Some(date!(2009 - 01 - 01)), on), "Under 18");
        assert_eq!(age_band(Some(date!(1940 - 01 - 01)), on), "85+");
        assert_eq!(age_band(None, on), "Unknown");
    }

    #[test]
    fn the_csv_speaks_cld_and_names_nobody() {
        let csv = to_csv(&[ReturnedRequest {
            reference: "ASC-AAAA-BBBB-CCCC".into(),
            requested_on: date!(2026 - 10 - 05),
            route_of_access: "discharge_from_hospital".into(),
            requester_type: "secondary_health".into(),
            event_outcome: Some("nfa_information_advice_signposting".into()),
            ended_on: Some(date!(2026 - 10 - 09)),
            age_band: age_band(Some(date!(1948 - 03 - 02)), date!(2026 - 10 - 05)).into(),
            postcode_district: postcode_district("ex1 2ab"),
        }]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], COLUMNS.join(","));
        assert_eq!(
            lines[1],
            "\"ASC-AAAA-BBBB-CCCC\",\"Request\",\"2026-10-05\",\"2026-10-09\",\
             \"Discharge from Hospital\",\"Secondary Health\",\
             \"NFA - Information & Advice / Signposting only\",\"75-84\",\"EX1\""
        );
    }
}
