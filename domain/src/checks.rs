//! Checks shared by every form: required text with a length limit, no hidden control
//! characters, UK postcodes, phone numbers, email addresses and dates. Each returns the
//! cleaned value or the GOV.UK-style message to show. Dates are checked against a `today`
//! the caller passes in: the domain has no clock.

use time::{Date, Month};

/// Trims and checks an answer that must be given.
pub fn required_text(
    value: &str,
    max: usize,
    missing: &str,
    label: &str,
) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(missing.to_owned());
    }
    optional_text(value, max, label)
}

/// Trims and checks an answer that may be left blank. `label` starts the messages
/// ("Town or city must be 60 characters or fewer").
pub fn optional_text(value: &str, max: usize, label: &str) -> Result<String, String> {
    let value = value.trim();
    if value.chars().count() > max {
        return Err(format!(
            "{label} must be {} characters or fewer",
            thousands(max)
        ));
    }
    if value.chars().any(|c| c.is_control()) {
        return Err(format!(
            "{label} must not include hidden characters, such as tabs or line breaks"
        ));
    }
    Ok(value.to_owned())
}

/// Like `optional_text`, for a box where line breaks are expected.
pub fn optional_paragraphs(value: &str, max: usize, label: &str) -> Result<String, String> {
    let value = value.trim();
    if value.chars().count() > max {
        return Err(format!(
            "{label} must be {} characters or fewer",
            thousands(max)
        ));
    }
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(format!("{label} must not include hidden characters"));
    }
    Ok(value.replace("\r\n", "\n"))
}

/// Like `required_text`, for a box where line breaks are expected.
pub fn required_paragraphs(
    value: &str,
    max: usize,
    missing: &str,
    label: &str,
) -> Result<String, String> {
    if value.trim().is_empty() {
        return Err(missing.to_owned());
    }
    optional_paragraphs(value, max, label)
}

/// A count written with thousands separators (`10,000`), as GOV.UK writes numbers.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A UK postcode, returned in its standard form (`EX1 2AB`).
pub fn uk_postcode(value: &str, missing: &str) -> Result<String, String> {
    const INVALID: &str = "Enter a real postcode, like EX1 2AB";
    let compact: String = value
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if compact.is_empty() {
        return Err(missing.to_owned());
    }
    if compact == "GIR0AA" {
        return Ok("GIR 0AA".to_owned());
    }
    if !(5..=7).contains(&compact.len()) || !compact.is_ascii() {
        return Err(INVALID.to_owned());
    }
    let (outward, inward) = compact.split_at(compact.len() - 3);
    // Royal Mail never issues C, I, K, M, O or V in the inward code, but only the shape is
    // checked: API.md's own carer example (EX2 3CD) has one, and refusing what someone copied
    // from a letter is worse than accepting a postcode that may not exist.
    let inward_ok = {
        let b = inward.as_bytes();
        b[0].is_ascii_digit() && b[1..].iter().all(|c| c.is_ascii_uppercase())
    };
    // Outward codes: A9, A99, AA9, AA99, A9A, AA9A.
    let shape: String = outward
        .bytes()
        .map(|c| {
            if c.is_ascii_digit() {
                '9'
            } else if c.is_ascii_uppercase() {
                'A'
            } else {
                '?'
            }
        })
        .collect();
    let outward_ok = matches!(
        shape.as_str(),
        "A9" | "A99" | "AA9" | "AA99" | "A9A" | "AA9A"
    );
    if inward_ok && outward_ok {
        Ok(format!("{outward} {inward}"))
    } else {
        Err(INVALID.to_owned())
    }
}

/// A phone number: digits with optional spaces, dashes, brackets and a leading +; 10 to 15
/// digits. Returned as typed (trimmed), so it reads as the person wrote it.
pub fn phone_number(value: &str, invalid: &str) -> Result<String, String> {
    let value = value.trim();
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let allowed = value.chars().enumerate().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')') || (c == '+' && i == 0)
    });
    if allowed && (10..=15).contains(&digits) && value.len() <= 25 {
        Ok(value.to_owned())
    } else {
        Err(invalid.to_owned())
    }
}

/// An email address in the usual form (`name@example.org`), at most 254 characters.
pub fn email_address(value: &str, invalid: &str) -> Result<String, String> {
    let value = value.trim();
    let Some((local, domain)) = value.rsplit_once('@') else {
        return Err(invalid.to_owned());
    };
    let ok = value.len() <= 254
        && !local.is_empty()
        && !local.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !value
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | ','));
    if ok {
        Ok(value.to_owned())
    } else {
        Err(invalid.to_owned())
    }
}

/// A date of birth typed as day, month and year. `what` names it in messages ("Date of
/// birth"); `missing` is the message when nothing is typed.
pub fn date_of_birth_parts(
    day: &str,
    month: &str,
    year: &str,
    today: Date,
    missing: &str,
) -> Result<Date, DateProblem> {
    let parts = [
        ("day", day.trim()),
        ("month", month.trim()),
        ("year", year.trim()),
    ];
    let blank: Vec<&str> = parts
        .iter()
        .filter(|(_, v)| v.is_empty())
        .map(|(n, _)| *n)
        .collect();
    match blank.as_slice() {
        [] => {}
        ["day", "month", "year"] => return Err(DateProblem::whole(missing)),
        [one] => {
            return Err(DateProblem::part(
                one,
                format!("Date of birth must include a {one}"),
            ))
        }
        [a, b] => {
            return Err(DateProblem::part(
                a,
                format!("Date of birth must include a {a} and {b}"),
            ))
        }
        _ => return Err(DateProblem::whole(missing)),
    }
    let number = |v: &str| v.parse::<i32>().ok();
    let (Some(d), Some(m), Some(y)) = (
        number(day.trim()),
        number(month.trim()),
        number(year.trim()),
    ) else {
        return Err(DateProblem::whole("Date of birth must be a real date"));
    };
    if year.trim().len() != 4 {
        return Err(DateProblem::part("year", "Year must include 4 numbers"));
    }
    let date = u8::try_from(m)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .zip(u8::try_from(d).ok())
        .and_then(|(month, day)| Date::from_calendar_date(y, month, day).ok())
        .ok_or_else(|| DateProblem::whole("Date of birth must be a real date"))?;
    date_of_birth(date, today).map_err(DateProblem::whole)
}

/// A date of birth given whole (`YYYY-MM-DD` in the API).
pub fn date_of_birth_iso(value: &str, today: Date, missing: &str) -> Result<Date, String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(missing.to_owned());
    }
    let date = iso_day(value).ok_or_else(|| "Date of birth must be a real date".to_owned())?;
    date_of_birth(date, today)
}

/// A real day written `YYYY-MM-DD`, or `None`. By hand rather than with `time`'s parser, which
/// would add to the browser's bundle.
pub fn iso_day(value: &str) -> Option<Date> {
    let mut parts = value.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

fn date_of_birth(date: Date, today: Date) -> Result<Date, String> {
    if date >= today {
        return Err("Date of birth must be in the past".to_owned());
    }
    if date.year() < 1900 {
        return Err("Date of birth must be after 1 January 1900".to_owned());
    }
    Ok(date)
}

/// The ISO form of a date, as the API and the store write it.
pub fn iso_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// A date problem: which part to highlight (`None` for the whole date) and the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateProblem {
    pub part: Option<&'static str>,
    pub message: String,
}

impl DateProblem {
    fn whole(message: impl Into<String>) -> Self {
        Self {
            part: None,
            message: message.into(),
        }
    }
    fn part(part: &'static str, message: impl Into<String>) -> Self {
        Self {
            part: Some(part),
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 22);

    #[test]
    fn postcodes_are_normalised_and_checked() {
        for (typed, expected) in [
            ("ex1 2ab", "EX1 2AB"),
            ("EX12AB", "EX1 2AB"),
            (" sw1a 1aa ", "SW1A 1AA"),
            ("m1 1ae", "M1 1AE"),
            ("b33 8th", "B33 8TH"),
            ("cr2 6xh", "CR2 6XH"),
            ("dn55 1pt", "DN55 1PT"),
            ("w1a 0ax", "W1A 0AX"),
            ("gir 0aa", "GIR 0AA"),
        ] {
            assert_eq!(
                uk_postcode(typed, "Enter a postcode").as_deref(),
                Ok(expected),
                "{typed}"
            );
        }
        assert_eq!(
            uk_postcode("  ", "Enter a postcode"),
            Err("Enter a postcode".to_owned())
        );
        for bad in [
            "EX1",
            "12345",
            "EX1 22C",
            "EXX1 2AB",
            "EX1 2A",
            "<b>EX1 2AB",
            "ΕΧ1 2AB",
            "EX1 2AB EX1",
        ] {
            assert!(uk_postcode(bad, "x").is_err(), "{bad}");
        }
    }

    #[test]
    fn phone_numbers_allow_the_usual_punctuation() {
        for ok in [
            "01632 960001",
            "+44 1632 960001",
            "(01632) 960-001",
            "07700900123",
        ] {
            assert!(phone_number(ok, "bad").is_ok(), "{ok}");
        }
        for bad in [
            "12345",
            "01632 96000a",
            "0163296000112345678",
            "44+1632960001",
            "'; DROP TABLE x",
        ] {
            assert_eq!(phone_number(bad, "bad"), Err("bad".to_owned()), "{bad}");
        }
    }

    #[test]
    fn email_addresses_need_a_name_and_a_domain() {
        assert!(email_address("amara@example.org", "bad").is_ok());
        for bad in [
            "amara",
            "amara@",
            "@example.org",
            "amara@example",
            "a b@example.org",
            "<a>@example.org",
        ] {
            assert!(email_address(bad, "bad").is_err(), "{bad}");
        }
    }

    #[test]
    fn text_is_trimmed_limited_and_free_of_control_characters() {
        assert_eq!(
            required_text("  Amara ", 10, "Enter", "Name"),
            Ok("Amara".to_owned())
        );
        assert_eq!(
            required_text("   ", 10, "Enter a name", "Name"),
            Err("Enter a name".to_owned())
        );
        assert_eq!(
            optional_text(&"é".repeat(1001), 1000, "Summary"),
            Err("Summary must be 1,000 characters or fewer".to_owned())
        );
        assert!(optional_text(&"é".repeat(1000), 1000, "Summary").is_ok());
        assert!(optional_text("a\u{0}b", 10, "Name").is_err());
        assert!(optional_text("a\nb", 10, "Name").is_err());
        assert_eq!(
            optional_paragraphs("a\r\nb", 10, "Summary"),
            Ok("a\nb".to_owned())
        );
        assert!(optional_paragraphs("a\u{1b}b", 10, "Summary").is_err());
        assert_eq!(
            optional_text("<script>alert(1)</script>", 100, "Name").as_deref(),
            Ok("<script>alert(1)</script>"),
            "markup is stored as text and escaped when shown"
        );
    }

    #[test]
    fn dates_of_birth_must_be_real_and_in_the_past() {
        let check = |d: &str, m: &str, y: &str| {
            date_of_birth_parts(d, m, y, TODAY, "Enter your date of birth")
        };
        assert_eq!(check("2", "3", "1948"), Ok(date!(1948 - 03 - 02)));
        assert_eq!(
            check("", "", "").unwrap_err().message,
            "Enter your date of birth"
        );
        assert_eq!(
            check("2", "", "1948").unwrap_err(),
            DateProblem::part("month", "Date of birth must include a month")
        );
        assert_eq!(
            check("", "", "1948").unwrap_err().message,
            "Date of birth must include a day and month"
        );
        assert_eq!(
            check("31", "2", "1948").unwrap_err().message,
            "Date of birth must be a real date"
        );
        assert_eq!(
            check("x", "2", "1948").unwrap_err().message,
            "Date of birth must be a real date"
        );
        assert_eq!(check("1", "2", "48").unwrap_err().part, Some("year"));
        assert_eq!(
            check("22", "11", "2026").unwrap_err().message,
            "Date of birth must be in the past"
        );
        assert_eq!(check("21", "11", "2026"), Ok(date!(2026 - 11 - 21)));
        assert!(check("1", "1", "1899").is_err());
        assert_eq!(
            date_of_birth_iso("1948-03-02", TODAY, "Enter"),
            Ok(date!(1948 - 03 - 02))
        );
        assert!(date_of_birth_iso("1948-02-30", TODAY, "Enter").is_err());
        assert!(date_of_birth_iso("2030-01-01", TODAY, "Enter").is_err());
        assert_eq!(iso_date(date!(1948 - 03 - 02)), "1948-03-02");
    }
}
