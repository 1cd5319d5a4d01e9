//! The rules that check a request for an assessment (the request itself, its limits and
//! vocabularies are in `request.rs`, re-exported here), dispatching a safeguarding concern to
//! `concern.rs`. One set of rules and messages serves both doors: a question page shows the
//! problems for its own fields.

use time::Date;

use super::ages::age_on;
use super::checks::{
    date_of_birth_iso, iso_date, optional_paragraphs, optional_text, required_paragraphs,
    required_text, uk_postcode,
};
use super::concern::check_concern;
use super::outcomes::adult_outcome;
use super::problems::FieldErrors;
use super::professional::{
    check_discharge, check_professional, check_professional_consent, check_risks, check_transition,
    nhs_number,
};
pub use super::request::{
    check_phone_and_email, CheckedReferral, Consent, Involved, Needs, PersonDetails,
    ReferralRequest, Referrer, Tracker, ADDRESS_LINE_MAX, GP_MAX, KINDS, LANGUAGE_MAX,
    LONG_TEXT_MAX, NAME_MAX, POWER_OF_ATTORNEY, PREFERRED_CONTACT, RELATIONSHIP_MAX,
    SHORT_TEXT_MAX, TOWN_MAX, TRACKERS_MAX, URGENT_REASONS,
};

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
    /// Someone else asking: a family member or friend, or a professional.
    pub fn is_for_someone_else(&self) -> bool {
        matches!(self.for_whom.as_str(), "someone_else" | "professional")
    }

    /// A health, care, housing, police or voluntary sector worker referring someone.
    pub fn is_professional(&self) -> bool {
        self.for_whom == "professional"
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
        if !matches!(
            self.for_whom.as_str(),
            "self" | "someone_else" | "professional"
        ) {
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
        let referrer = self.referrer.clone().unwrap_or_default();
        if self.is_professional() {
            clean.referrer = Some(check_professional(&referrer, &mut errors));
            clean.consent = check_professional_consent(&self.consent, &mut errors);
        } else if self.is_for_someone_else() {
            clean.referrer = Some(check_referrer(&referrer, &mut errors));
            check_consent(&self.consent, &mut errors, &mut clean.consent);
        } else {
            clean.referrer = None;
        }
        let date_of_birth =
            check_person(&self.person, today, voice, &mut errors, &mut clean.person);
        clean.discharge = self
            .discharge
            .as_ref()
            .map(|discharge| check_discharge(discharge, today, &mut errors));
        clean.transition = self.transition.as_ref().map(|transition| {
            if !self.is_professional() || referrer.setting != "childrens_services" {
                errors.add(
                    "transition",
                    "Only a referral from children's services can be a move to adult services",
                );
            }
            let age = date_of_birth.map(|born| age_on(born, today));
            check_transition(transition, age, &mut errors)
        });
        check_needs(&self.needs, voice, &mut errors, &mut clean.needs);
        if self.is_professional() {
            clean.needs.risks = check_risks(&self.needs.risks, &mut errors);
            clean.needs.current_support = errors
                .take(
                    "needs.current_support",
                    optional_paragraphs(
                        &self.needs.current_support,
                        LONG_TEXT_MAX,
                        "Current support",
                    ),
                )
                .unwrap_or_default();
        }
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
        fields_only(self.check(today), fields)
    }

    /// `problems_for` a safeguarding concern, checked by the concern's rules alone: the
    /// browser's checks for the concern's pages need no more than these in its download.
    pub fn concern_problems_for(&self, today: Date, fields: &[&str]) -> FieldErrors {
        fields_only(check_concern(self, today), fields)
    }
}

/// The problems among `fields` (and their sub-fields), in the fields' order.
fn fields_only(checked: Result<CheckedReferral, FieldErrors>, fields: &[&str]) -> FieldErrors {
    let Err(all) = checked else {
        return FieldErrors::default();
    };
    let mut mine = FieldErrors::default();
    for field in fields {
        let prefix = format!("{field}.");
        for error in all
            .0
            .iter()
            .filter(|e| e.field == *field || e.field.starts_with(&prefix))
        {
            mine.add(error.field.clone(), error.message.clone());
        }
    }
    mine
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
    clean.nhs_number = match person.nhs_number.trim() {
        "" => String::new(),
        typed => errors
            .take("person.nhs_number", nhs_number(typed))
            .unwrap_or_default(),
    };
    clean.communication_needs = super::communication::check(
        &person.communication_needs,
        "person.communication_needs",
        errors,
    );
    clean.interpreter_needed =
        person.interpreter_needed || clean.communication_needs.interpreter.is_some();
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

    /// A discharge nurse's referral, as API.md describes it.
    fn discharge_referral() -> ReferralRequest {
        serde_json::from_value(serde_json::json!({
            "for": "professional",
            "person": { "given_name": "Joan", "family_name": "Price", "date_of_birth": "1939-06-14",
                        "address_line_1": "4 Church Row", "town": "Exampletown", "postcode": "EX2 4CD",
                        "phone": "01632 960444", "preferred_contact": "phone",
                        "nhs_number": "943 476 5919" },
            "referrer": { "given_name": "Sam", "family_name": "Lee", "job_title": "Discharge nurse",
                          "organisation": "Exampletown General Hospital", "setting": "hospital",
                          "phone": "01632 960100", "email": "sam.lee@nhs.net" },
            "consent": { "person_agrees": false, "lawful_basis": "best_interests",
                         "capacity_concern": true, "reason_without_consent": "Delirium since admission" },
            "needs": { "summary": "Needs help with personal care after a hip fracture",
                       "risks": ["lives_alone", "falls"] },
            "discharge": { "hospital": "Exampletown General", "ward": "Ward 7", "ward_phone": "01632 960101",
                           "expected_date": "2026-11-25", "medically_optimised": true, "pathway": 1,
                           "support_needed": "Two calls a day for washing and dressing" }
        }))
        .unwrap()
    }

    #[test]
    fn a_discharge_nurse_can_refer_without_agreement_on_a_lawful_basis() {
        let checked = discharge_referral().check(TODAY).unwrap();
        let request = &checked.request;
        assert_eq!(request.person.nhs_number, "9434765919");
        assert_eq!(request.consent.lawful_basis, "best_interests");
        assert_eq!(request.needs.risks, ["lives_alone", "falls"]);
        assert_eq!(
            crate::cld::route_of_access(request),
            "discharge_from_hospital"
        );
        assert_eq!(crate::cld::requester_type(request), "secondary_health");

        let mut wrong = discharge_referral();
        wrong.person.nhs_number = "943 476 5918".into();
        wrong.referrer.as_mut().unwrap().setting = "hospice".into();
        wrong.transition = Some(crate::request::Transition::default());
        let errors = wrong.check(TODAY).unwrap_err();
        for field in ["person.nhs_number", "referrer.setting", "transition"] {
            assert!(errors.message_for(field).is_some(), "{field}: {errors:?}");
        }
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
            ..Consent::default()
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
