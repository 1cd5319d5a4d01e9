//! A request for an assessment as the portal receives it (the JSON API body, and the draft the
//! web pages build one question at a time), and the rules that check it. One set of rules and
//! messages serves both doors: a question page shows the problems for its own fields.

use serde::{Deserialize, Serialize};
use time::Date;

use super::charging::EstimateSummary;
use super::checks::{
    date_of_birth_iso, email_address, iso_date, optional_paragraphs, optional_text, phone_number,
    required_paragraphs, required_text, uk_postcode,
};
use super::concern::{check_concern, Concern};
use super::outcomes::adult_outcome;
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
    /// `self` or `someone_else`.
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
    pub communication_needs: String,
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
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Consent {
    pub person_agrees: Option<bool>,
    pub reason_without_consent: String,
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

/// "your"/"their" and friends, so messages fit who is filling in the form.
#[derive(Clone, Copy)]
struct Voice {
    for_self: bool,
}

impl Voice {
    fn your(self) -> &'static str {
        if self.for_self {
            "your"
        } else {
            "their"
        }
    }
    fn you(self) -> &'static str {
        if self.for_self {
            "you"
        } else {
            "they"
        }
    }
    fn you_object(self) -> &'static str {
        if self.for_self {
            "you"
        } else {
            "them"
        }
    }
}

impl ReferralRequest {
    pub fn is_for_someone_else(&self) -> bool {
        self.for_whom == "someone_else"
    }

    pub fn kind_or_default(&self) -> &str {
        if self.kind.is_empty() {
            "assessment"
        } else {
            &self.kind
        }
    }

    /// Checks the whole request. `today` bounds dates of birth.
    pub fn check(&self, today: Date) -> Result<CheckedReferral, FieldErrors> {
        if self.kind == super::concern::KIND {
            return check_concern(self, today);
        }
        let mut errors = FieldErrors::default();
        let mut clean = self.clone();
        if !matches!(self.for_whom.as_str(), "self" | "someone_else") {
            errors.add("for", "Select who you are asking for");
        }
        if !KINDS.contains(&self.kind_or_default()) {
            errors.add("kind", "Select what kind of request this is");
        }
        clean.kind = self.kind_or_default().to_owned();
        clean.concern = None;
        let voice = Voice {
            for_self: !self.is_for_someone_else(),
        };
        if self.is_for_someone_else() {
            let referrer = self.referrer.clone().unwrap_or_default();
            clean.referrer = Some(check_referrer(&referrer, &mut errors));
            check_consent(&self.consent, &mut errors, &mut clean.consent);
        } else {
            clean.referrer = None;
        }
        let date_of_birth =
            check_person(&self.person, today, voice, &mut errors, &mut clean.person);
        check_needs(&self.needs, voice, &mut errors, &mut clean.needs);
        check_involved(&self.involved, &mut errors, &mut clean.involved);
        check_trackers(&self.trackers, voice, &mut errors, &mut clean.trackers);
        if let Some(estimate) = &self.estimate {
            estimate.problems(&mut errors);
        }
        match (errors.is_empty(), date_of_birth) {
            (true, Some(date_of_birth)) => Ok(CheckedReferral {
                urgent: !clean.needs.urgent.is_empty(),
                request: clean,
                lookup_date_of_birth: Some(date_of_birth),
            }),
            _ => Err(errors),
        }
    }

    /// The problems for some fields only (a question page's own), in the page's order.
    pub fn problems_for(&self, today: Date, fields: &[&str]) -> FieldErrors {
        let all = match self.check(today) {
            Ok(_) => return FieldErrors::default(),
            Err(errors) => errors,
        };
        let mut mine = FieldErrors::default();
        for field in fields {
            for error in all
                .0
                .iter()
                .filter(|e| e.field == *field || e.field.starts_with(&format!("{field}.")))
            {
                mine.add(error.field.clone(), error.message.clone());
            }
        }
        mine
    }
}

fn check_referrer(referrer: &Referrer, errors: &mut FieldErrors) -> Referrer {
    let mut clean = Referrer::default();
    clean.given_name = errors
        .take(
            "referrer.given_name",
            required_text(
                &referrer.given_name,
                NAME_MAX,
                "Enter your first name",
                "First name",
            ),
        )
        .unwrap_or_default();
    clean.family_name = errors
        .take(
            "referrer.family_name",
            required_text(
                &referrer.family_name,
                NAME_MAX,
                "Enter your last name",
                "Last name",
            ),
        )
        .unwrap_or_default();
    clean.relationship = errors
        .take(
            "referrer.relationship",
            required_text(
                &referrer.relationship,
                RELATIONSHIP_MAX,
                "Enter how you know them",
                "How you know them",
            ),
        )
        .unwrap_or_default();
    (clean.phone, clean.email) = check_phone_and_email(
        &referrer.phone,
        &referrer.email,
        "referrer",
        Some(("phone", "Enter your phone number or email address")),
        errors,
    );
    clean
}

/// A phone number and an email address, each optional but checked when given. With
/// `required` (`(field, message)`), at least one must be given. Returns both, cleaned.
pub(super) fn check_phone_and_email(
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

fn check_consent(consent: &Consent, errors: &mut FieldErrors, clean: &mut Consent) {
    match consent.person_agrees {
        None => errors.add(
            "consent.person_agrees",
            "Select whether they agree to you asking for help for them",
        ),
        Some(true) => clean.reason_without_consent.clear(),
        Some(false) => {
            clean.reason_without_consent = errors
                .take(
                    "consent.reason_without_consent",
                    required_paragraphs(
                        &consent.reason_without_consent,
                        SHORT_TEXT_MAX,
                        "Explain why they cannot agree",
                        "Why they cannot agree",
                    ),
                )
                .unwrap_or_default();
        }
    }
}

const PHONE_FORMAT: &str = "Enter a phone number, like 01632 960 001 or 07700 900 982";
const EMAIL_FORMAT: &str = "Enter an email address in the correct format, like name@example.com";

fn check_person(
    person: &PersonDetails,
    today: Date,
    voice: Voice,
    errors: &mut FieldErrors,
    clean: &mut PersonDetails,
) -> Option<Date> {
    let your = voice.your();
    clean.given_name = errors
        .take(
            "person.given_name",
            required_text(
                &person.given_name,
                NAME_MAX,
                &format!("Enter {your} first name"),
                "First name",
            ),
        )
        .unwrap_or_default();
    clean.family_name = errors
        .take(
            "person.family_name",
            required_text(
                &person.family_name,
                NAME_MAX,
                &format!("Enter {your} last name"),
                "Last name",
            ),
        )
        .unwrap_or_default();
    let date_of_birth = errors.take(
        "person.date_of_birth",
        date_of_birth_iso(
            &person.date_of_birth,
            today,
            &format!("Enter {your} date of birth"),
        ),
    );
    clean.date_of_birth = date_of_birth.map(iso_date).unwrap_or_default();
    clean.address_line_1 = errors
        .take(
            "person.address_line_1",
            required_text(
                &person.address_line_1,
                ADDRESS_LINE_MAX,
                &format!("Enter the first line of {your} address"),
                "Address line 1",
            ),
        )
        .unwrap_or_default();
    clean.address_line_2 = errors
        .take(
            "person.address_line_2",
            optional_text(&person.address_line_2, ADDRESS_LINE_MAX, "Address line 2"),
        )
        .unwrap_or_default();
    clean.town = errors
        .take(
            "person.town",
            required_text(
                &person.town,
                TOWN_MAX,
                "Enter the town or city",
                "Town or city",
            ),
        )
        .unwrap_or_default();
    clean.postcode = errors
        .take(
            "person.postcode",
            uk_postcode(&person.postcode, &format!("Enter {your} postcode")),
        )
        .unwrap_or_default();
    (clean.phone, clean.email) =
        check_phone_and_email(&person.phone, &person.email, "person", None, errors);
    let (phone, email) = (person.phone.trim(), person.email.trim());
    let (you, them) = (voice.you(), voice.you_object());
    match person.preferred_contact.as_str() {
        "phone" if phone.is_empty() => errors.add(
            "person.phone",
            format!("Enter a phone number so we can call {them}"),
        ),
        "email" if email.is_empty() => errors.add(
            "person.email",
            format!("Enter an email address so we can email {them}"),
        ),
        "phone" | "email" | "letter" => {}
        _ => errors.add(
            "person.preferred_contact",
            format!("Select how {you} would like us to contact {them}"),
        ),
    }
    clean.language = errors
        .take(
            "person.language",
            optional_text(&person.language, LANGUAGE_MAX, "Language"),
        )
        .unwrap_or_default();
    clean.communication_needs = errors
        .take(
            "person.communication_needs",
            optional_paragraphs(
                &person.communication_needs,
                SHORT_TEXT_MAX,
                "Communication needs",
            ),
        )
        .unwrap_or_default();
    date_of_birth
}

fn check_needs(needs: &Needs, voice: Voice, errors: &mut FieldErrors, clean: &mut Needs) {
    clean.summary = errors
        .take(
            "needs.summary",
            required_paragraphs(
                &needs.summary,
                LONG_TEXT_MAX,
                &format!("Describe what help {} need", voice.you()),
                "What help is needed",
            ),
        )
        .unwrap_or_default();
    if needs
        .outcomes
        .iter()
        .any(|code| adult_outcome(code).is_none())
    {
        errors.add("needs.outcomes", "Select the daily tasks from the list");
    }
    clean.outcomes = needs.outcomes.clone();
    clean
        .outcomes
        .sort_by_key(|code| adult_outcome(code).map(|o| o.code));
    clean.outcomes.dedup();
    clean.what_matters = errors
        .take(
            "needs.what_matters",
            optional_paragraphs(&needs.what_matters, LONG_TEXT_MAX, "What matters"),
        )
        .unwrap_or_default();
    if needs
        .urgent
        .iter()
        .any(|code| URGENT_REASONS.iter().all(|(c, _)| c != code))
    {
        errors.add("needs.urgent", "Select the reasons from the list");
    }
    clean.urgent = needs.urgent.clone();
    clean.urgent.dedup();
}

fn check_involved(involved: &Involved, errors: &mut FieldErrors, clean: &mut Involved) {
    clean.carers_and_family = errors
        .take(
            "involved.carers_and_family",
            optional_paragraphs(
                &involved.carers_and_family,
                SHORT_TEXT_MAX,
                "Carers and family",
            ),
        )
        .unwrap_or_default();
    clean.gp = errors
        .take(
            "involved.gp",
            optional_text(&involved.gp, GP_MAX, "GP surgery"),
        )
        .unwrap_or_default();
    let poa = involved.power_of_attorney.as_str();
    if !poa.is_empty() && POWER_OF_ATTORNEY.iter().all(|(code, _)| *code != poa) {
        errors.add(
            "involved.power_of_attorney",
            "Select whether anyone has power of attorney",
        );
    }
}

fn check_trackers(
    trackers: &[Tracker],
    voice: Voice,
    errors: &mut FieldErrors,
    clean: &mut Vec<Tracker>,
) {
    if trackers.len() > TRACKERS_MAX {
        errors.add(
            "trackers",
            format!("You can add up to {TRACKERS_MAX} people"),
        );
    }
    let whom = if voice.for_self { "you" } else { "the person" };
    clean.clear();
    for (i, tracker) in trackers.iter().enumerate().take(TRACKERS_MAX) {
        let at = |field: &str| format!("trackers.{i}.{field}");
        let mut t = Tracker {
            name: errors
                .take(
                    &at("name"),
                    required_text(&tracker.name, NAME_MAX, "Enter their name", "Name"),
                )
                .unwrap_or_default(),
            relationship: errors
                .take(
                    &at("relationship"),
                    required_text(
                        &tracker.relationship,
                        RELATIONSHIP_MAX,
                        &format!("Enter how they know {whom}"),
                        "How they know",
                    ),
                )
                .unwrap_or_default(),
            ..Tracker::default()
        };
        (t.phone, t.email) = check_phone_and_email(
            &tracker.phone,
            &tracker.email,
            &format!("trackers.{i}"),
            Some(("email", "Enter an email address or phone number for them")),
            errors,
        );
        clean.push(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 22);

    /// The example body from API.md.
    pub fn example() -> ReferralRequest {
        serde_json::from_value(serde_json::json!({
            "for": "self",
            "person": { "given_name": "Amara", "family_name": "Okafor", "date_of_birth": "1948-03-02",
                        "address_line_1": "12 Mill Lane", "town": "Exampletown", "postcode": "EX1 2AB",
                        "phone": "01632 960001", "email": "amara@example.org",
                        "preferred_contact": "phone", "language": "English", "interpreter_needed": false,
                        "communication_needs": "" },
            "referrer": null,
            "consent": { "person_agrees": true },
            "needs": { "summary": "Struggling to wash and cook since a fall", "outcomes": ["nutrition"] },
            "trackers": [ { "name": "Chidi Okafor", "relationship": "son", "email": "chidi@example.org" } ]
        }))
        .unwrap()
    }

    #[test]
    fn the_api_example_is_valid() {
        let checked = example().check(TODAY).unwrap();
        assert_eq!(checked.lookup_date_of_birth, Some(date!(1948 - 03 - 02)));
        assert_eq!(checked.request.kind, "assessment");
        assert!(!checked.urgent);
    }

    #[test]
    fn an_empty_request_names_every_required_field() {
        let errors = ReferralRequest::default().check(TODAY).unwrap_err();
        let fields: Vec<_> = errors.0.iter().map(|e| e.field.as_str()).collect();
        for field in [
            "for",
            "person.given_name",
            "person.family_name",
            "person.date_of_birth",
            "person.address_line_1",
            "person.town",
            "person.postcode",
            "person.preferred_contact",
            "needs.summary",
        ] {
            assert!(fields.contains(&field), "{field} missing from {fields:?}");
        }
        assert_eq!(
            errors.message_for("person.given_name").as_deref(),
            Some("Enter your first name")
        );
    }

    #[test]
    fn someone_else_needs_the_referrer_and_consent() {
        let mut request = example();
        request.for_whom = "someone_else".into();
        let errors = request.check(TODAY).unwrap_err();
        assert_eq!(
            errors.message_for("referrer.given_name").as_deref(),
            Some("Enter your first name")
        );
        assert_eq!(
            errors.message_for("referrer.phone").as_deref(),
            Some("Enter your phone number or email address")
        );
        request.referrer = Some(Referrer {
            given_name: "Chidi".into(),
            family_name: "Okafor".into(),
            relationship: "Son".into(),
            email: "chidi@example.org".into(),
            ..Referrer::default()
        });
        request.consent = Consent {
            person_agrees: Some(false),
            reason_without_consent: String::new(),
        };
        let errors = request.check(TODAY).unwrap_err();
        assert_eq!(
            errors
                .0
                .iter()
                .map(|e| e.field.as_str())
                .collect::<Vec<_>>(),
            ["consent.reason_without_consent"]
        );
        request.consent.reason_without_consent = "She has advanced dementia".into();
        assert!(request.check(TODAY).is_ok());
        request.person.given_name.clear();
        assert_eq!(
            request
                .check(TODAY)
                .unwrap_err()
                .message_for("person.given_name")
                .as_deref(),
            Some("Enter their first name")
        );
    }

    #[test]
    fn the_preferred_contact_needs_its_details() {
        let mut request = example();
        request.person.phone.clear();
        assert_eq!(
            request
                .check(TODAY)
                .unwrap_err()
                .message_for("person.phone")
                .as_deref(),
            Some("Enter a phone number so we can call you")
        );
        request.person.preferred_contact = "letter".into();
        assert!(request.check(TODAY).is_ok());
        request.person.preferred_contact = "pigeon".into();
        assert!(request
            .check(TODAY)
            .unwrap_err()
            .message_for("person.preferred_contact")
            .is_some());
    }

    #[test]
    fn unknown_codes_and_too_many_trackers_are_named() {
        let mut request = example();
        request.needs.outcomes.push("flying".into());
        request.needs.urgent.push("whenever".into());
        request.trackers = vec![example().trackers[0].clone(); 6];
        request.trackers[1].email = "not an email".into();
        let errors = request.check(TODAY).unwrap_err();
        assert!(errors.message_for("needs.outcomes").is_some());
        assert!(errors.message_for("needs.urgent").is_some());
        assert_eq!(
            errors.message_for("trackers").as_deref(),
            Some("You can add up to 5 people")
        );
        assert!(errors.message_for("trackers.1.email").is_some());
    }

    #[test]
    fn urgent_reasons_flag_the_request() {
        let mut request = example();
        request.needs.urgent = vec!["hospital_discharge".into()];
        assert!(request.check(TODAY).unwrap().urgent);
        assert!(!example().check(TODAY).unwrap().urgent);
    }

    #[test]
    fn problems_for_keeps_only_the_page_fields() {
        let errors = ReferralRequest::default()
            .problems_for(TODAY, &["person.given_name", "person.family_name"]);
        assert_eq!(
            errors
                .0
                .iter()
                .map(|e| e.field.as_str())
                .collect::<Vec<_>>(),
            ["person.given_name", "person.family_name"]
        );
        let errors = ReferralRequest::default().problems_for(TODAY, &["trackers"]);
        assert!(errors.is_empty());
    }

    #[test]
    fn answers_are_cleaned() {
        let mut request = example();
        request.person.postcode = "ex12ab".into();
        request.person.given_name = "  Amara ".into();
        let checked = request.check(TODAY).unwrap();
        assert_eq!(checked.request.person.postcode, "EX1 2AB");
        assert_eq!(checked.request.person.given_name, "Amara");
    }
}
