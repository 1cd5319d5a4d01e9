//! A safeguarding concern: someone tells the council an adult may be being abused or
//! neglected. It is a referral of kind `safeguarding_concern` with its own rules: the adult's
//! agreement is not needed, only a name and where they are is required about them, the
//! reporter may stay anonymous, and nobody else may follow it. A reporter who gives their
//! own date of birth (and a way to reach them) can check its progress with it.

use time::Date;

use super::checks::{
    date_of_birth_iso, iso_date, optional_paragraphs, optional_text, required_paragraphs,
    required_text, uk_postcode,
};
use super::problems::FieldErrors;
use super::request::{
    check_phone_and_email, CheckedReferral, Consent, Involved, Needs, PersonDetails,
    ReferralRequest, Referrer, ADDRESS_LINE_MAX, LONG_TEXT_MAX, NAME_MAX, RELATIONSHIP_MAX,
    SHORT_TEXT_MAX, TOWN_MAX,
};
pub use super::request::{Concern, PERSON_KNOWS};

pub const KIND: &str = "safeguarding_concern";
pub const AGE_MAX: usize = 30;

/// Checks a safeguarding concern (`request.kind` is `safeguarding_concern`).
pub fn check_concern(
    request: &ReferralRequest,
    today: Date,
) -> Result<CheckedReferral, FieldErrors> {
    let mut errors = FieldErrors::default();
    let person = check_person_at_risk(&request.person, today, &mut errors);
    let concern = check_what_happened(&request.concern.clone().unwrap_or_default(), &mut errors);
    let (referrer, reporter_date_of_birth) = match &request.referrer {
        None => (None, None),
        Some(referrer) => {
            let (clean, date_of_birth) = check_reporter(referrer, today, &mut errors);
            (Some(clean), date_of_birth)
        }
    };
    if !request.trackers.is_empty() {
        errors.add(
            "trackers",
            "Nobody else can follow a safeguarding concern. Leave this empty",
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(CheckedReferral {
        request: ReferralRequest {
            for_whom: "someone_else".into(),
            kind: KIND.into(),
            person,
            referrer,
            consent: Consent::default(),
            needs: Needs::default(),
            involved: Involved::default(),
            trackers: Vec::new(),
            concern: Some(concern),
            estimate: None,
            discharge: None,
            transition: None,
        },
        urgent: true,
        lookup_date_of_birth: reporter_date_of_birth,
    })
}

/// Who is at risk and where: a name (or what they are called) and where they can be found.
fn check_person_at_risk(
    person: &PersonDetails,
    today: Date,
    errors: &mut FieldErrors,
) -> PersonDetails {
    let mut clean = PersonDetails {
        given_name: errors
            .take(
                "person.given_name",
                required_text(
                    &person.given_name,
                    NAME_MAX,
                    "Enter their first name, or what people call them",
                    "First name",
                ),
            )
            .unwrap_or_default(),
        family_name: errors
            .take(
                "person.family_name",
                optional_text(&person.family_name, NAME_MAX, "Last name"),
            )
            .unwrap_or_default(),
        address_line_1: errors
            .take(
                "person.address_line_1",
                required_text(
                    &person.address_line_1,
                    ADDRESS_LINE_MAX,
                    "Enter the first line of their address, or describe where they can be found",
                    "Address line 1",
                ),
            )
            .unwrap_or_default(),
        address_line_2: errors
            .take(
                "person.address_line_2",
                optional_text(&person.address_line_2, ADDRESS_LINE_MAX, "Address line 2"),
            )
            .unwrap_or_default(),
        town: errors
            .take(
                "person.town",
                required_text(
                    &person.town,
                    TOWN_MAX,
                    "Enter the town or city",
                    "Town or city",
                ),
            )
            .unwrap_or_default(),
        ..PersonDetails::default()
    };
    if !person.postcode.trim().is_empty() {
        clean.postcode = errors
            .take("person.postcode", uk_postcode(&person.postcode, ""))
            .unwrap_or_default();
    }
    if !person.date_of_birth.trim().is_empty() {
        clean.date_of_birth = errors
            .take(
                "person.date_of_birth",
                date_of_birth_iso(&person.date_of_birth, today, ""),
            )
            .map(iso_date)
            .unwrap_or_default();
    }
    (clean.phone, clean.email) =
        check_phone_and_email(&person.phone, &person.email, "person", None, errors);
    clean
}

fn check_what_happened(concern: &Concern, errors: &mut FieldErrors) -> Concern {
    let clean = Concern {
        what_happened: errors
            .take(
                "concern.what_happened",
                required_paragraphs(
                    &concern.what_happened,
                    LONG_TEXT_MAX,
                    "Describe what happened or what you are worried about",
                    "What happened",
                ),
            )
            .unwrap_or_default(),
        when_it_happened: errors
            .take(
                "concern.when_it_happened",
                optional_text(
                    &concern.when_it_happened,
                    SHORT_TEXT_MAX,
                    "When it happened",
                ),
            )
            .unwrap_or_default(),
        who_is_causing_harm: errors
            .take(
                "concern.who_is_causing_harm",
                optional_paragraphs(
                    &concern.who_is_causing_harm,
                    SHORT_TEXT_MAX,
                    "Who is causing harm",
                ),
            )
            .unwrap_or_default(),
        person_knows: concern.person_knows.clone(),
        approximate_age: errors
            .take(
                "concern.approximate_age",
                optional_text(&concern.approximate_age, AGE_MAX, "Their age"),
            )
            .unwrap_or_default(),
    };
    if PERSON_KNOWS
        .iter()
        .all(|(code, _)| *code != concern.person_knows)
    {
        errors.add(
            "concern.person_knows",
            "Select whether they know you are telling us",
        );
    }
    clean
}

/// A reporter who gives their details: a name, how they know the adult, a way to reach them
/// and, if they want to follow the concern, their date of birth.
fn check_reporter(
    referrer: &Referrer,
    today: Date,
    errors: &mut FieldErrors,
) -> (Referrer, Option<Date>) {
    let mut clean = Referrer {
        given_name: errors
            .take(
                "referrer.given_name",
                required_text(
                    &referrer.given_name,
                    NAME_MAX,
                    "Enter your first name",
                    "First name",
                ),
            )
            .unwrap_or_default(),
        family_name: errors
            .take(
                "referrer.family_name",
                required_text(
                    &referrer.family_name,
                    NAME_MAX,
                    "Enter your last name",
                    "Last name",
                ),
            )
            .unwrap_or_default(),
        relationship: errors
            .take(
                "referrer.relationship",
                required_text(
                    &referrer.relationship,
                    RELATIONSHIP_MAX,
                    "Enter how you know them",
                    "How you know them",
                ),
            )
            .unwrap_or_default(),
        ..Referrer::default()
    };
    (clean.phone, clean.email) = check_phone_and_email(
        &referrer.phone,
        &referrer.email,
        "referrer",
        Some(("phone", "Enter your phone number or email address")),
        errors,
    );
    let date_of_birth = if referrer.date_of_birth.trim().is_empty() {
        None
    } else {
        errors.take(
            "referrer.date_of_birth",
            date_of_birth_iso(&referrer.date_of_birth, today, ""),
        )
    };
    clean.date_of_birth = date_of_birth.map(iso_date).unwrap_or_default();
    (clean, date_of_birth)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 22);

    fn concern() -> ReferralRequest {
        serde_json::from_value(serde_json::json!({
            "for": "someone_else",
            "kind": "safeguarding_concern",
            "person": { "given_name": "Edna", "address_line_1": "4 Quay Street", "town": "Exampletown" },
            "concern": { "what_happened": "Her son shouts at her and takes her pension", "person_knows": "no" },
            "referrer": null
        }))
        .unwrap()
    }

    #[test]
    fn an_anonymous_concern_needs_no_consent_and_cannot_be_followed() {
        let checked = concern().check(TODAY).unwrap();
        assert!(checked.urgent);
        assert_eq!(checked.lookup_date_of_birth, None);
        assert_eq!(checked.request.kind, KIND);
        assert!(checked.request.referrer.is_none());
    }

    #[test]
    fn a_reporter_with_a_date_of_birth_can_follow_it() {
        let mut request = concern();
        request.referrer = Some(Referrer {
            given_name: "Jo".into(),
            family_name: "Bloggs".into(),
            relationship: "Neighbour".into(),
            phone: "01632 960002".into(),
            date_of_birth: "1980-01-31".into(),
            ..Referrer::default()
        });
        let checked = request.check(TODAY).unwrap();
        assert_eq!(checked.lookup_date_of_birth, Some(date!(1980 - 01 - 31)));
        request.referrer.as_mut().unwrap().phone.clear();
        let errors = request.check(TODAY).unwrap_err();
        assert_eq!(
            errors.message_for("referrer.phone").as_deref(),
            Some("Enter your phone number or email address")
        );
    }

    #[test]
    fn an_empty_concern_names_what_is_needed() {
        let request = ReferralRequest {
            kind: KIND.into(),
            ..ReferralRequest::default()
        };
        let errors = request.check(TODAY).unwrap_err();
        let fields: Vec<_> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "person.given_name",
                "person.address_line_1",
                "person.town",
                "concern.what_happened",
                "concern.person_knows"
            ]
        );
    }

    #[test]
    fn trackers_and_bad_optional_answers_are_refused() {
        let mut request = concern();
        request.trackers = vec![Default::default()];
        request.person.postcode = "nowhere".into();
        request.person.date_of_birth = "2099-01-01".into();
        let errors = request.check(TODAY).unwrap_err();
        assert!(errors.message_for("trackers").is_some());
        assert!(errors.message_for("person.postcode").is_some());
        assert!(errors.message_for("person.date_of_birth").is_some());
    }
}
