//! The fictional council this deployment serves, and how residents reach it. One place, so
//! every page says the same thing. (Numbers are from Ofcom's range reserved for drama.)

pub const COUNCIL_NAME: &str = "Exampleshire County Council";
pub const SERVICE_NAME: &str = "Adult social care";
pub const CARE_LINE_PHONE: &str = "01632 960000";
pub const CARE_LINE_HOURS: &str = "Monday to Friday, 8:30am to 5pm (not bank holidays)";
pub const OUT_OF_HOURS_PHONE: &str = "01632 960999";
pub const CARE_LINE_EMAIL: &str = "adultcare@exampleshire.example";
pub const TEXT_RELAY: &str = "18001 then 01632 960000";
pub const POSTAL_ADDRESS: [&str; 4] = [
    "Exampleshire County Council",
    "Adult Social Care",
    "County Hall",
    "Exampletown EX1 1AA",
];

/// The Care Line as a `tel:` link (digits only).
pub fn care_line_tel() -> String {
    let digits: String = CARE_LINE_PHONE
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    format!("tel:{digits}")
}
