//! A carer's registration (the carers' register: Care Act 2014 s.10 and DOMAIN.md 2.2 and 4):
//! the carer, the people they look after, the caring, an optional emergency plan and their
//! consent, and the rules that check it. Carers under 18 are young carers, supported by
//! children's services: not registered here. One set of rules and messages serves the JSON API
//! and, later, the web journey.

use serde::{Deserialize, Serialize};
use time::Date;

use super::ages::age_on;
use super::checks::{
    date_of_birth_iso, email_address, iso_date, optional_paragraphs, optional_text, phone_number,
    required_paragraphs, required_text, uk_postcode,
};
use super::problems::FieldErrors;
use super::referral::{ADDRESS_LINE_MAX, NAME_MAX, RELATIONSHIP_MAX, SHORT_TEXT_MAX, TOWN_MAX};

/// The most people one registration can name as cared for.
pub const CARED_FOR_MAX: usize = 10;
/// At most two emergency contacts and two keyholders (issue 7).
pub const EMERGENCY_PEOPLE_MAX: usize = 2;

/// What caring involves (API.md `caring.tasks`), with the words a form shows.
pub const TASKS: [(&str, &str); 11] = [
    (
        "personal_care",
        "Personal care, such as washing and dressing",
    ),
    ("meals", "Making meals"),
    ("medication", "Medicines"),
    ("mobility", "Getting about, or moving around the home"),
    ("housework", "Housework"),
    ("shopping", "Shopping"),
    ("finances", "Money and paperwork"),
    ("emotional_support", "Emotional support"),
    (
        "supervision",
        "Keeping them safe, or keeping an eye on them",
    ),
    ("transport", "Transport, such as to appointments"),
    ("other", "Something else"),
];

/// What caring affects (optional; these answers start the carer's eligibility check).
pub const AFFECTS: [(&str, &str); 4] = [
    ("health", "My health"),
    ("sleep", "My sleep"),
    ("work", "My work or study"),
    ("family", "My family life or friendships"),
];

/// Whether the carer can keep caring as they do now.
pub const KEEP_CARING: [(&str, &str); 3] = [
    ("yes", "Yes"),
    ("with_help", "Not without more help"),
    ("no", "No"),
];

/// When the caring happens (API.md `caring.when`).
pub const WHEN: [(&str, &str); 3] = [
    ("day", "In the day"),
    ("night", "At night"),
    ("day_and_night", "Day and night"),
];

/// The carer.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CarerDetails {
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
    /// Optional: `phone`, `email` or `letter`.
    pub preferred_contact: String,
    /// Optional: the carer's GP surgery.
    pub gp_surgery: String,
    /// Optional: whether the GP knows they are a carer.
    pub gp_knows: Option<bool>,
    /// Optional: work or study alongside caring.
    pub work_or_study: String,
    pub language: String,
    pub communication_needs: String,
}

/// Someone the carer looks after.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaredFor {
    pub given_name: String,
    pub family_name: String,
    /// `YYYY-MM-DD`; optional.
    pub date_of_birth: String,
    pub relationship: String,
    /// Lives with the carer: the address is never typed twice.
    pub same_address: bool,
    pub address_line_1: String,
    pub address_line_2: String,
    pub town: String,
    pub postcode: String,
    /// Optional: `yes`, `no` or `not_sure`: whether they have had a needs assessment.
    pub had_assessment: String,
    /// Optional: their main needs, in the carer's words.
    pub main_needs: String,
}

/// The caring.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Caring {
    /// Hours a week, 0 to 168.
    pub hours_per_week: u32,
    /// `day`, `night` or `day_and_night`.
    pub when: String,
    /// `TASKS` codes.
    pub tasks: Vec<String>,
    /// Optional: other tasks, in the carer's words.
    pub other_tasks: String,
    /// Optional: anyone else who helps.
    pub others_who_help: String,
    /// Optional: `AFFECTS` codes.
    pub affects: Vec<String>,
    /// Optional: `yes`, `with_help` or `no`.
    pub can_keep_caring: String,
}

/// Someone to call in an emergency.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EmergencyContact {
    pub name: String,
    pub relationship: String,
    pub phone: String,
}

/// Someone who holds a key. There is no field for a key-safe code, on purpose.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Keyholder {
    pub name: String,
    pub phone: String,
}

/// What the emergency duty team needs if the carer cannot care.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EmergencyPlan {
    /// What the cared-for person needs in an emergency.
    pub needs: String,
    pub contacts: Vec<EmergencyContact>,
    pub keyholders: Vec<Keyholder>,
}

/// The carer's agreement to be on the register.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CarerConsent {
    pub agrees: bool,
}

/// A registration as sent (API.md "Carers"). Every field defaults, so a missing one gets the
/// same message as a blank box on a form.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CarerRegistration {
    pub carer: CarerDetails,
    pub cared_for: Vec<CaredFor>,
    pub caring: Caring,
    pub emergency_plan: Option<EmergencyPlan>,
    pub consent: CarerConsent,
}

/// A registration that passed every rule, trimmed and in standard form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedCarer {
    pub registration: CarerRegistration,
    pub date_of_birth: Date,
}

/// The words for a young carer (the API's detail, and the page's).
pub const YOUNG_CARER: &str = "Carers under 18 are supported by children's services as young carers, not by this register. Call the Care Line to ask for a young carers' assessment";

impl CarerRegistration {
    /// Whether the carer is under 18 on `today` (when their date of birth can be read).
    pub fn is_young_carer(&self, today: Date) -> bool {
        date_of_birth_iso(&self.carer.date_of_birth, today, "")
            .is_ok_and(|born| age_on(born, today) < 18)
    }

    /// Checks the whole registration. `today` bounds dates of birth.
    pub fn check(&self, today: Date) -> Result<CheckedCarer, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut clean = self.clone();
        let date_of_birth = check_carer(&self.carer, today, &mut errors, &mut clean.carer);
        if date_of_birth.is_some_and(|born| age_on(born, today) < 18) {
            errors.add("carer.date_of_birth", YOUNG_CARER);
        }
        if self.cared_for.is_empty() {
            errors.add("cared_for", "Add the person you look after");
        } else if self.cared_for.len() > CARED_FOR_MAX {
            errors.add("cared_for", format!("Add {CARED_FOR_MAX} people or fewer"));
        }
        for (i, person) in self.cared_for.iter().enumerate().take(CARED_FOR_MAX) {
            check_cared_for(
                person,
                today,
                &format!("cared_for.{i}"),
                &mut errors,
                &mut clean.cared_for[i],
            );
        }
        check_caring(&self.caring, &mut errors, &mut clean.caring);
        if let (Some(plan), Some(clean_plan)) =
            (&self.emergency_plan, clean.emergency_plan.as_mut())
        {
            check_plan(plan, &mut errors, clean_plan);
        }
        if !self.consent.agrees {
            errors.add(
                "consent.agrees",
                "Confirm that you agree to be on the carers' register",
            );
        }
        match (errors.is_empty(), date_of_birth) {
            (true, Some(date_of_birth)) => Ok(CheckedCarer {
                registration: clean,
                date_of_birth,
            }),
            _ => Err(errors),
        }
    }
}

fn take(errors: &mut FieldErrors, field: &str, result: Result<String, String>) -> String {
    errors.take(field, result).unwrap_or_default()
}

fn check_carer(
    carer: &CarerDetails,
    today: Date,
    errors: &mut FieldErrors,
    clean: &mut CarerDetails,
) -> Option<Date> {
    clean.given_name = take(
        errors,
        "carer.given_name",
        required_text(
            &carer.given_name,
            NAME_MAX,
            "Enter your first name",
            "First name",
        ),
    );
    clean.family_name = take(
        errors,
        "carer.family_name",
        required_text(
            &carer.family_name,
            NAME_MAX,
            "Enter your last name",
            "Last name",
        ),
    );
    let date_of_birth = errors.take(
        "carer.date_of_birth",
        date_of_birth_iso(&carer.date_of_birth, today, "Enter your date of birth"),
    );
    clean.date_of_birth = date_of_birth.map(iso_date).unwrap_or_default();
    clean.address_line_1 = take(
        errors,
        "carer.address_line_1",
        required_text(
            &carer.address_line_1,
            ADDRESS_LINE_MAX,
            "Enter the first line of your address",
            "Address line 1",
        ),
    );
    clean.address_line_2 = take(
        errors,
        "carer.address_line_2",
        optional_text(&carer.address_line_2, ADDRESS_LINE_MAX, "Address line 2"),
    );
    clean.town = take(
        errors,
        "carer.town",
        required_text(
            &carer.town,
            TOWN_MAX,
            "Enter the town or city",
            "Town or city",
        ),
    );
    clean.postcode = take(
        errors,
        "carer.postcode",
        uk_postcode(&carer.postcode, "Enter your postcode"),
    );
    let (phone, email) = (carer.phone.trim(), carer.email.trim());
    if phone.is_empty() && email.is_empty() {
        errors.add(
            "carer.phone",
            "Enter a phone number or an email address, so we can contact you",
        );
    }
    if !phone.is_empty() {
        clean.phone = take(
            errors,
            "carer.phone",
            phone_number(
                phone,
                "Enter a phone number, like 01632 960 001 or 07700 900 982",
            ),
        );
    }
    if !email.is_empty() {
        clean.email = take(
            errors,
            "carer.email",
            email_address(
                email,
                "Enter an email address in the correct format, like name@example.com",
            ),
        );
    }
    match carer.preferred_contact.as_str() {
        "" | "letter" => {}
        "phone" if phone.is_empty() => {
            errors.add("carer.phone", "Enter a phone number so we can call you")
        }
        "email" if email.is_empty() => {
            errors.add("carer.email", "Enter an email address so we can email you")
        }
        "phone" | "email" => {}
        _ => errors.add(
            "carer.preferred_contact",
            "Select how you would like us to contact you",
        ),
    }
    clean.gp_surgery = take(
        errors,
        "carer.gp_surgery",
        optional_text(&carer.gp_surgery, SHORT_TEXT_MAX, "GP surgery"),
    );
    clean.work_or_study = take(
        errors,
        "carer.work_or_study",
        optional_paragraphs(&carer.work_or_study, SHORT_TEXT_MAX, "Work or study"),
    );
    clean.language = take(
        errors,
        "carer.language",
        optional_text(&carer.language, 60, "Language"),
    );
    clean.communication_needs = take(
        errors,
        "carer.communication_needs",
        optional_paragraphs(
            &carer.communication_needs,
            SHORT_TEXT_MAX,
            "Communication needs",
        ),
    );
    date_of_birth
}

fn check_cared_for(
    person: &CaredFor,
    today: Date,
    at: &str,
    errors: &mut FieldErrors,
    clean: &mut CaredFor,
) {
    clean.given_name = take(
        errors,
        &format!("{at}.given_name"),
        required_text(
            &person.given_name,
            NAME_MAX,
            "Enter their first name",
            "First name",
        ),
    );
    clean.family_name = take(
        errors,
        &format!("{at}.family_name"),
        required_text(
            &person.family_name,
            NAME_MAX,
            "Enter their last name",
            "Last name",
        ),
    );
    if !person.date_of_birth.trim().is_empty() {
        let born = errors.take(
            &format!("{at}.date_of_birth"),
            date_of_birth_iso(&person.date_of_birth, today, ""),
        );
        clean.date_of_birth = born.map(iso_date).unwrap_or_default();
    }
    clean.relationship = take(
        errors,
        &format!("{at}.relationship"),
        required_text(
            &person.relationship,
            RELATIONSHIP_MAX,
            "Enter how you are related to them, like father or friend",
            "Relationship",
        ),
    );
    if person.same_address {
        clean.address_line_1.clear();
        clean.address_line_2.clear();
        clean.town.clear();
        clean.postcode.clear();
    } else {
        clean.address_line_1 = take(
            errors,
            &format!("{at}.address_line_1"),
            required_text(
                &person.address_line_1,
                ADDRESS_LINE_MAX,
                "Enter the first line of their address",
                "Address line 1",
            ),
        );
        clean.address_line_2 = take(
            errors,
            &format!("{at}.address_line_2"),
            optional_text(&person.address_line_2, ADDRESS_LINE_MAX, "Address line 2"),
        );
        clean.town = take(
            errors,
            &format!("{at}.town"),
            required_text(
                &person.town,
                TOWN_MAX,
                "Enter the town or city",
                "Town or city",
            ),
        );
        clean.postcode = take(
            errors,
            &format!("{at}.postcode"),
            uk_postcode(&person.postcode, "Enter their postcode"),
        );
    }
    if !matches!(
        person.had_assessment.as_str(),
        "" | "yes" | "no" | "not_sure"
    ) {
        errors.add(
            format!("{at}.had_assessment"),
            "Select whether they have had an assessment",
        );
    }
    clean.main_needs = take(
        errors,
        &format!("{at}.main_needs"),
        optional_paragraphs(&person.main_needs, SHORT_TEXT_MAX, "Their main needs"),
    );
}

fn check_caring(caring: &Caring, errors: &mut FieldErrors, clean: &mut Caring) {
    if caring.hours_per_week > 168 {
        errors.add(
            "caring.hours_per_week",
            "Enter the hours a week you care, 168 or fewer",
        );
    }
    if WHEN.iter().all(|(code, _)| *code != caring.when) {
        errors.add(
            "caring.when",
            "Select when you care: day, night, or day and night",
        );
    }
    if caring
        .tasks
        .iter()
        .any(|t| TASKS.iter().all(|(code, _)| code != t))
    {
        errors.add("caring.tasks", "Select the tasks from the list");
    }
    clean
        .tasks
        .sort_by_key(|t| TASKS.iter().position(|(code, _)| code == t));
    clean.tasks.dedup();
    clean.other_tasks = take(
        errors,
        "caring.other_tasks",
        optional_paragraphs(&caring.other_tasks, SHORT_TEXT_MAX, "Other tasks"),
    );
    clean.others_who_help = take(
        errors,
        "caring.others_who_help",
        optional_paragraphs(&caring.others_who_help, SHORT_TEXT_MAX, "Who else helps"),
    );
}

fn check_plan(plan: &EmergencyPlan, errors: &mut FieldErrors, clean: &mut EmergencyPlan) {
    clean.needs = take(
        errors,
        "emergency_plan.needs",
        required_paragraphs(
            &plan.needs,
            SHORT_TEXT_MAX * 2,
            "Describe what they need in an emergency",
            "What they need",
        ),
    );
    if plan.contacts.len() > EMERGENCY_PEOPLE_MAX {
        errors.add(
            "emergency_plan.contacts",
            "Give 2 emergency contacts or fewer",
        );
    }
    for (i, contact) in plan.contacts.iter().enumerate().take(EMERGENCY_PEOPLE_MAX) {
        let at = format!("emergency_plan.contacts.{i}");
        clean.contacts[i].name = take(
            errors,
            &format!("{at}.name"),
            required_text(&contact.name, NAME_MAX, "Enter the contact's name", "Name"),
        );
        clean.contacts[i].relationship = take(
            errors,
            &format!("{at}.relationship"),
            optional_text(&contact.relationship, RELATIONSHIP_MAX, "Relationship"),
        );
        clean.contacts[i].phone = take(
            errors,
            &format!("{at}.phone"),
            phone_number(
                &contact.phone,
                "Enter the contact's phone number, like 07700 900 982",
            ),
        );
    }
    if plan.keyholders.len() > EMERGENCY_PEOPLE_MAX {
        errors.add("emergency_plan.keyholders", "Give 2 keyholders or fewer");
    }
    for (i, keyholder) in plan
        .keyholders
        .iter()
        .enumerate()
        .take(EMERGENCY_PEOPLE_MAX)
    {
        let at = format!("emergency_plan.keyholders.{i}");
        clean.keyholders[i].name = take(
            errors,
            &format!("{at}.name"),
            required_text(
                &keyholder.name,
                NAME_MAX,
                "Enter the keyholder's name",
                "Name",
            ),
        );
        clean.keyholders[i].phone = take(
            errors,
            &format!("{at}.phone"),
            phone_number(
                &keyholder.phone,
                "Enter the keyholder's phone number, like 07700 900 982",
            ),
        );
    }
    clean.contacts.truncate(EMERGENCY_PEOPLE_MAX);
    clean.keyholders.truncate(EMERGENCY_PEOPLE_MAX);
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 22);

    fn example() -> CarerRegistration {
        serde_json::from_value(serde_json::json!({
            "carer": { "given_name": "Sam", "family_name": "Patel", "date_of_birth": "1970-05-05",
                       "address_line_1": "3 High St", "town": "Exampletown", "postcode": "ex2 3cd",
                       "phone": "01632 960002", "email": "sam@example.org" },
            "cared_for": [ { "given_name": "Ravi", "family_name": "Patel", "date_of_birth": "1940-02-02",
                             "relationship": "father", "same_address": true } ],
            "caring": { "hours_per_week": 35, "when": "day_and_night", "tasks": ["personal_care", "meals"] },
            "emergency_plan": null,
            "consent": { "agrees": true } }))
        .unwrap()
    }

    fn fields(registration: &CarerRegistration) -> Vec<String> {
        match registration.check(TODAY) {
            Ok(_) => vec![],
            Err(errors) => errors.0.into_iter().map(|e| e.field).collect(),
        }
    }

    #[test]
    fn the_api_example_is_accepted_in_standard_form() {
        let checked = example().check(TODAY).unwrap();
        assert_eq!(checked.registration.carer.postcode, "EX2 3CD");
        assert_eq!(checked.date_of_birth, date!(1970 - 05 - 05));
    }

    #[test]
    fn a_carer_under_18_is_a_young_carer() {
        let mut young = example();
        young.carer.date_of_birth = "2010-01-01".into();
        assert!(young.is_young_carer(TODAY));
        assert_eq!(fields(&young), ["carer.date_of_birth"]);
        young.carer.date_of_birth = "2008-11-22".into();
        assert!(!young.is_young_carer(TODAY), "18 today");
        assert!(fields(&young).is_empty());
    }

    #[test]
    fn each_part_is_checked_by_field() {
        let mut r = example();
        r.cared_for[0].same_address = false;
        r.caring.when = "sometimes".into();
        r.caring.tasks.push("juggling".into());
        r.caring.hours_per_week = 200;
        r.consent.agrees = false;
        r.emergency_plan = Some(EmergencyPlan {
            needs: String::new(),
            contacts: vec![EmergencyContact::default(); 3],
            keyholders: vec![Keyholder {
                name: "Ann".into(),
                phone: "not a phone".into(),
            }],
        });
        assert_eq!(
            fields(&r),
            [
                "cared_for.0.address_line_1",
                "cared_for.0.town",
                "cared_for.0.postcode",
                "caring.hours_per_week",
                "caring.when",
                "caring.tasks",
                "emergency_plan.needs",
                "emergency_plan.contacts",
                "emergency_plan.contacts.0.name",
                "emergency_plan.contacts.0.phone",
                "emergency_plan.contacts.1.name",
                "emergency_plan.contacts.1.phone",
                "emergency_plan.keyholders.0.phone",
                "consent.agrees",
            ]
        );
        let mut nobody = example();
        nobody.cared_for.clear();
        assert_eq!(fields(&nobody), ["cared_for"]);
        let missing: CarerRegistration = serde_json::from_str("{}").unwrap();
        assert!(fields(&missing).contains(&"carer.given_name".to_owned()));
    }
}
