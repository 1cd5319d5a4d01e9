//! The parsers behind the forms (postcode, phone, email, date of birth, amounts in pounds)
//! against any text: they never panic; what they accept is already in its standard form (read
//! again, it is unchanged); a date of birth is never after today; an amount read back from its
//! own words is the same number of pence.
#![no_main]
use domain::charging::money::{parse_pounds, pounds_text};
use domain::checks::{date_of_birth_iso, date_of_birth_parts, email_address, phone_number, uk_postcode};
use libfuzzer_sys::fuzz_target;
use time::macros::date;

fuzz_target!(|typed: (&str, &str, &str)| {
    let (first, second, third) = typed;
    let today = date!(2026 - 11 - 23);

    if let Ok(postcode) = uk_postcode(first, "missing") {
        assert_eq!(uk_postcode(&postcode, "missing"), Ok(postcode.clone()));
    }
    if let Ok(phone) = phone_number(first, "invalid") {
        assert_eq!(phone_number(&phone, "invalid"), Ok(phone.clone()));
    }
    if let Ok(email) = email_address(first, "invalid") {
        assert_eq!(email_address(&email, "invalid"), Ok(email.clone()));
    }
    if let Ok(born) = date_of_birth_parts(first, second, third, today, "missing") {
        assert!(born <= today, "{born} is after today");
    }
    if let Ok(born) = date_of_birth_iso(first, today, "missing") {
        assert!(born <= today, "{born} is after today");
    }
    if let Ok(amount) = parse_pounds(first) {
        assert_eq!(parse_pounds(&pounds_text(amount)), Ok(amount), "{first}");
    }
});
