//! A request as the portal receives it, whatever its kind (a request for an assessment, a
//! carer's assessment, a safeguarding concern): the JSON API body and the draft the web pages
//! build, its limits and vocabularies, and the contact details every kind checks alike. The
//! rules for each kind are in `referral.rs` and `concern.rs`, which both build on this and not
//! on each other.

use serde::{Deserialize, Serialize};
use time::Date;

use super::charging::EstimateSummary;
use super::checks::{email_address, phone_number};
use super::problems::FieldErrors;

pub const NAME_MAX: usize = 100;
pub const ADDRESS_LINE_MAX: usize = 100;
pub const TOWN_MAX: usize = 60;
pub const RELATIONSHIP_MAX: usize = 60;
pub const LANGUAGE_MAX: usize = 60;
pub const SHORT_TEXT_MAX: usize = 500;
pub const LONG_TEXT_MAX: usize = 1200;
pub const GP_MAX: usize = 200;
pub const TRACKERS_MAX: usize = 5;

/// Who the request is about, as sent. Every field defaults, so a missing one gets the same
/// message as a blank box on the web form.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReferralRequest {
    /// `self`, `someone_else` or `professional`.
    #[serde(rename = "for")]
    pub for_whom: String,
    /// `assessment` (the default), `carer_assessment` or `safeguarding_concern`.
    pub kind: String,
    pub person: PersonDetails,
    pub referrer: Option<Referrer>,
    pub consent: Consent,
    pub needs: Needs,
    pub involved: Involved,
    pub trackers: Vec<Tracker>,
    /// What was seen or heard: safeguarding concerns only.
    pub concern: Option<Concern>,
    /// Optional: an estimate of what the person might pay, attached by their choice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimate: Option<EstimateSummary>,
    /// A hospital discharge: when and where the person leaves hospital.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discharge: Option<Discharge>,
    /// Preparing for adulthood: a young person from 14 moving from children's services
    /// (a professional referral from `childrens_services` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transition: Option<Transition>,
}

/// A hospital discharge (API.md).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Discharge {
    pub hospital: String,
    pub ward: String,
    pub ward_phone: String,
    /// `YYYY-MM-DD`, today or later.
    pub expected_date: String,
    pub medically_optimised: Option<bool>,
    /// The NHS discharge pathway, 0 to 3 (`DISCHARGE_PATHWAYS`).
    pub pathway: Option<u8>,
    pub support_needed: String,
    /// `YYYY-MM-DD`, optional: when the support is needed from.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub support_from: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub equipment: String,
}

/// Preparing for adulthood: what children's services tell adult social care.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Transition {
    /// `yes`, `no` or `not_sure`: an education, health and care plan.
    pub ehc_plan: String,
    /// Who leads now (a social worker, a team), optional.
    pub lead: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonDetails {
    pub given_name: String,
    pub family_name: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
    pub address_line_1: String,
    pub address_line_2: String,
    pub town: String,
    pub postcode: String,
    pub phone: String,
    pub email: String,
    /// `phone`, `email` or `letter`.
    pub preferred_contact: String,
    pub language: String,
    pub interpreter_needed: bool,
    /// As the Accessible Information Standard asks: codes and words (a sentence is read as
    /// the words).
    pub communication_needs: super::communication::CommunicationNeeds,
    /// Optional: ten digits (spaces allowed), checked by the modulus 11 check digit.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub nhs_number: String,
}

impl PersonDetails {
    /// What staff need to know to communicate with the person, one item each (empty:
    /// nothing recorded). An interpreter asked for without its kind counts too.
    pub fn communication(&self) -> Vec<String> {
        let mut items = self.communication_needs.describe();
        if self.interpreter_needed && self.communication_needs.interpreter.is_none() {
            items.insert(0, "An interpreter".to_owned());
        }
        items
    }
}

/// The person asking on someone else's behalf.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Referrer {
    pub given_name: String,
    pub family_name: String,
    pub relationship: String,
    pub phone: String,
    pub email: String,
    /// `YYYY-MM-DD`, optional: only someone reporting a safeguarding concern gives it, to
    /// follow the concern's progress with it.
    pub date_of_birth: String,
    /// A professional's job title, organisation and setting (`PROFESSIONAL_SETTINGS`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub job_title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub setting: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Consent {
    pub person_agrees: Option<bool>,
    pub reason_without_consent: String,
    /// A professional's lawful basis when the person cannot or does not agree
    /// (`LAWFUL_BASES`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub lawful_basis: String,
    /// A professional's concern about the person's capacity to decide.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity_concern: Option<bool>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Needs {
    pub summary: String,
    /// Adult outcome codes (SI 2015/313 reg 2(2)).
    pub outcomes: Vec<String>,
    pub what_matters: String,
    /// `URGENT_REASONS` codes; any of them flags the request for the First Contact Team.
    pub urgent: Vec<String>,
    /// `RISKS` codes, from a professional.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<String>,
    /// The support the person has now, from a professional.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub current_support: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Involved {
    pub carers_and_family: String,
    pub gp: String,
    /// One of `POWER_OF_ATTORNEY` codes, or blank.
    pub power_of_attorney: String,
}

/// Someone the person agrees may follow the request's progress.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tracker {
    pub name: String,
    pub relationship: String,
    pub email: String,
    pub phone: String,
}

/// Reasons a request cannot wait, with the words a form shows.
pub const URGENT_REASONS: [(&str, &str); 3] = [
    (
        "hospital_discharge",
        "They are in hospital and are due to come home soon",
    ),
    (
        "carer_breakdown",
        "The person who cares for them can no longer do it",
    ),
    ("unsafe_at_home", "They are not safe at home without help"),
];

pub const POWER_OF_ATTORNEY: [(&str, &str); 5] = [
    ("none", "No"),
    ("health_and_welfare", "Yes, for health and welfare"),
    (
        "property_and_financial",
        "Yes, for property and financial affairs",
    ),
    ("both", "Yes, for both"),
    ("not_sure", "I'm not sure"),
];

pub const PREFERRED_CONTACT: [(&str, &str); 3] =
    [("phone", "Phone"), ("email", "Email"), ("letter", "Letter")];

pub const KINDS: [&str; 3] = ["assessment", "carer_assessment", "safeguarding_concern"];

/// A request that passed every rule, cleaned (trimmed, postcode in standard form).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedReferral {
    pub request: ReferralRequest,
    /// The date of birth that, with the reference, opens its progress page: the person's,
    /// or for a safeguarding concern the reporter's (`None`: nobody can follow it).
    pub lookup_date_of_birth: Option<Date>,
    /// Marked urgent for the First Contact Team.
    pub urgent: bool,
}

/// What the reporter saw or heard.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Concern {
    pub what_happened: String,
    pub when_it_happened: String,
    pub who_is_causing_harm: String,
    /// `yes`, `no` or `not_sure`: whether the adult knows the council is being told.
    pub person_knows: String,
    /// "About 80", if their date of birth is not known.
    pub approximate_age: String,
}

pub const PERSON_KNOWS: [(&str, &str); 3] =
    [("yes", "Yes"), ("no", "No"), ("not_sure", "I'm not sure")];

const PHONE_FORMAT: &str = "Enter a phone number, like 01632 960 001 or 07700 900 982";
const EMAIL_FORMAT: &str = "Enter an email address in the correct format, like name@example.com";

/// A phone number and an email address, each optional but checked when given. With
/// `required` (`(field, message)`), at least one must be given. Returns both, cleaned.
pub fn check_phone_and_email(
    phone: &str,
    email: &str,
    prefix: &str,
    required: Option<(&str, &str)>,
    errors: &mut FieldErrors,
) -> (String, String) {
    let (phone, email) = (phone.trim(), email.trim());
    if let Some((field, message)) = required.filter(|_| phone.is_empty() && email.is_empty()) {
        errors.add(format!("{prefix}.{field}"), message);
    }
    let phone = if phone.is_empty() {
        String::new()
    } else {
        errors
            .take(
                &format!("{prefix}.phone"),
                phone_number(phone, PHONE_FORMAT),
            )
            .unwrap_or_default()
    };
    let email = if email.is_empty() {
        String::new()
    } else {
        errors
            .take(
                &format!("{prefix}.email"),
                email_address(email, EMAIL_FORMAT),
            )
            .unwrap_or_default()
    };
    (phone, email)
}
