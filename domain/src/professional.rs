//! The rules a professional referral adds to a request for an assessment (API.md
//! "Professional referrals"): who the professional is, the lawful basis when the person
//! cannot or does not agree, a hospital discharge, preparing for adulthood, risks, and the
//! NHS number's check digit (which any request may carry).

use time::Date;

use super::checks::{
    iso_date, iso_day, optional_paragraphs, optional_text, phone_number, required_paragraphs,
    required_text,
};
use super::problems::FieldErrors;
use super::request::{
    check_phone_and_email, Consent, Discharge, Referrer, Transition, LONG_TEXT_MAX, NAME_MAX,
    SHORT_TEXT_MAX,
};

pub const JOB_TITLE_MAX: usize = 100;
pub const ORGANISATION_MAX: usize = 150;
pub const HOSPITAL_MAX: usize = 150;

/// Where a professional works (API.md), with the words a form shows.
pub const PROFESSIONAL_SETTINGS: [(&str, &str); 10] = [
    ("hospital", "A hospital"),
    ("gp", "A GP practice"),
    ("community_health", "Community health services"),
    ("mental_health", "Mental health services"),
    ("childrens_services", "Children's services"),
    ("housing", "Housing"),
    ("police", "The police"),
    ("care_provider", "A care provider"),
    ("voluntary", "A voluntary or community organisation"),
    ("other", "Somewhere else"),
];

/// Why a professional may refer without the person's agreement, in plain words.
pub const LAWFUL_BASES: [(&str, &str); 4] = [
    (
        "best_interests",
        "In their best interests: they cannot decide this for themselves",
    ),
    (
        "vital_interests",
        "To protect their life or health: they cannot agree in time",
    ),
    (
        "safeguarding",
        "To keep them or someone else safe from harm",
    ),
    ("legal_duty", "Another legal duty requires it"),
];

/// The NHS hospital discharge pathways, in plain words.
pub const DISCHARGE_PATHWAYS: [(u8, &str, &str); 4] = [
    (
        0,
        "Pathway 0",
        "Home with no new support from health or social care",
    ),
    (
        1,
        "Pathway 1",
        "Home with new support, such as visits from carers",
    ),
    (
        2,
        "Pathway 2",
        "A bed somewhere else for a short time to recover (rehabilitation)",
    ),
    (3, "Pathway 3", "A care home, likely to be for good"),
];

/// Risks a professional can name.
pub const RISKS: [(&str, &str); 4] = [
    ("lives_alone", "Lives alone"),
    ("falls", "Falls, or at risk of falling"),
    ("self_neglect", "Self-neglect"),
    ("carer_breakdown", "Their carer can no longer cope"),
];

pub const EHC_PLAN: [(&str, &str); 3] =
    [("yes", "Yes"), ("no", "No"), ("not_sure", "I'm not sure")];

/// The youngest a young person moving from children's services can be referred.
pub const TRANSITION_FROM_AGE: i32 = 14;

/// The words for a setting's key (the key itself if unknown).
pub fn setting_label(key: &str) -> &str {
    PROFESSIONAL_SETTINGS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, label)| label)
}

/// Whether a professional's setting means a hospital discharge is asked about first.
pub fn is_hospital(setting: &str) -> bool {
    setting == "hospital"
}

/// An NHS number, spaces removed, if it is ten digits whose modulus 11 check digit is right.
pub fn nhs_number(value: &str) -> Result<String, String> {
    const INVALID: &str = "Enter a valid NHS number, like 943 476 5919";
    let digits: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != 10 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err("NHS number must be 10 digits, like 943 476 5919".to_owned());
    }
    let values: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    let total: u32 = values[..9]
        .iter()
        .enumerate()
        .map(|(i, d)| d * (10 - i as u32))
        .sum();
    let check = match 11 - total % 11 {
        11 => 0,
        10 => return Err(INVALID.to_owned()),
        check => check,
    };
    if check != values[9] {
        return Err(INVALID.to_owned());
    }
    Ok(digits)
}

/// The professional making the referral: name, job title, organisation, setting, and a work
/// phone and email (the confirmation goes to the email).
pub fn check_professional(referrer: &Referrer, errors: &mut FieldErrors) -> Referrer {
    let mut text = |field: &str, value: &str, max: usize, missing: &str, label: &str| {
        errors
            .take(
                &format!("referrer.{field}"),
                required_text(value, max, missing, label),
            )
            .unwrap_or_default()
    };
    let mut clean = Referrer {
        given_name: text(
            "given_name",
            &referrer.given_name,
            NAME_MAX,
            "Enter your first name",
            "First name",
        ),
        family_name: text(
            "family_name",
            &referrer.family_name,
            NAME_MAX,
            "Enter your last name",
            "Last name",
        ),
        job_title: text(
            "job_title",
            &referrer.job_title,
            JOB_TITLE_MAX,
            "Enter your job title",
            "Job title",
        ),
        organisation: text(
            "organisation",
            &referrer.organisation,
            ORGANISATION_MAX,
            "Enter the organisation you work for",
            "Organisation",
        ),
        ..Referrer::default()
    };
    if PROFESSIONAL_SETTINGS
        .iter()
        .any(|(k, _)| *k == referrer.setting)
    {
        clean.setting = referrer.setting.clone();
    } else {
        errors.add("referrer.setting", "Select where you work");
    }
    if referrer.phone.trim().is_empty() {
        errors.add("referrer.phone", "Enter your work phone number");
    }
    if referrer.email.trim().is_empty() {
        errors.add("referrer.email", "Enter your work email address");
    }
    (clean.phone, clean.email) =
        check_phone_and_email(&referrer.phone, &referrer.email, "referrer", None, errors);
    clean
}

/// Consent, or when the person cannot or does not agree: the lawful basis, whether there is a
/// concern about their capacity to decide, and why.
pub fn check_professional_consent(consent: &Consent, errors: &mut FieldErrors) -> Consent {
    let mut clean = Consent {
        person_agrees: consent.person_agrees,
        ..Consent::default()
    };
    match consent.person_agrees {
        None => errors.add(
            "consent.person_agrees",
            "Select whether the person agrees to this referral",
        ),
        Some(true) => {}
        Some(false) => {
            if LAWFUL_BASES.iter().any(|(k, _)| *k == consent.lawful_basis) {
                clean.lawful_basis = consent.lawful_basis.clone();
            } else {
                errors.add(
                    "consent.lawful_basis",
                    "Select why you are referring without their agreement",
                );
            }
            match consent.capacity_concern {
                Some(concern) => clean.capacity_concern = Some(concern),
                None => errors.add(
                    "consent.capacity_concern",
                    "Select whether there is a concern about their capacity to decide",
                ),
            }
            clean.reason_without_consent = errors
                .take(
                    "consent.reason_without_consent",
                    required_paragraphs(
                        &consent.reason_without_consent,
                        SHORT_TEXT_MAX,
                        "Explain why they have not agreed",
                        "Why they have not agreed",
                    ),
                )
                .unwrap_or_default();
        }
    }
    clean
}

/// A hospital discharge: where, when (today or later), how ready, which pathway and what
/// support is needed.
pub fn check_discharge(discharge: &Discharge, today: Date, errors: &mut FieldErrors) -> Discharge {
    let mut text = |field: &str, value: &str, max: usize, missing: &str, label: &str| {
        errors
            .take(
                &format!("discharge.{field}"),
                required_text(value, max, missing, label),
            )
            .unwrap_or_default()
    };
    let mut clean = Discharge {
        hospital: text(
            "hospital",
            &discharge.hospital,
            HOSPITAL_MAX,
            "Enter the hospital",
            "Hospital",
        ),
        ward: text("ward", &discharge.ward, NAME_MAX, "Enter the ward", "Ward"),
        medically_optimised: discharge.medically_optimised,
        ..Discharge::default()
    };
    clean.ward_phone = if discharge.ward_phone.trim().is_empty() {
        errors.add("discharge.ward_phone", "Enter the ward's phone number");
        String::new()
    } else {
        errors
            .take(
                "discharge.ward_phone",
                phone_number(
                    discharge.ward_phone.trim(),
                    "Enter the ward's phone number, like 01632 960 001",
                ),
            )
            .unwrap_or_default()
    };
    clean.expected_date = match discharge.expected_date.trim() {
        "" => {
            errors.add(
                "discharge.expected_date",
                "Enter the expected discharge date",
            );
            String::new()
        }
        typed => match iso_day(typed) {
            None => {
                errors.add(
                    "discharge.expected_date",
                    "Expected discharge date must be a real date",
                );
                String::new()
            }
            Some(date) if date < today => {
                errors.add(
                    "discharge.expected_date",
                    "Expected discharge date must be today or in the future",
                );
                String::new()
            }
            Some(date) => iso_date(date),
        },
    };
    if discharge.medically_optimised.is_none() {
        errors.add(
            "discharge.medically_optimised",
            "Select whether the person is medically optimised for discharge",
        );
    }
    match discharge.pathway {
        Some(pathway) if DISCHARGE_PATHWAYS.iter().any(|(p, _, _)| *p == pathway) => {
            clean.pathway = Some(pathway)
        }
        _ => errors.add("discharge.pathway", "Select the discharge pathway"),
    }
    clean.support_needed = errors
        .take(
            "discharge.support_needed",
            required_paragraphs(
                &discharge.support_needed,
                LONG_TEXT_MAX,
                "Describe the support the person needs when they leave hospital",
                "Support needed",
            ),
        )
        .unwrap_or_default();
    clean.support_from = match discharge.support_from.trim() {
        "" => String::new(),
        typed => match iso_day(typed) {
            Some(date) => iso_date(date),
            None => {
                errors.add(
                    "discharge.support_from",
                    "Date support is needed from must be a real date",
                );
                String::new()
            }
        },
    };
    clean.equipment = errors
        .take(
            "discharge.equipment",
            optional_paragraphs(&discharge.equipment, SHORT_TEXT_MAX, "Equipment needed"),
        )
        .unwrap_or_default();
    clean
}

/// Preparing for adulthood: a young person from 14 and under 18, with or without an
/// education, health and care plan.
pub fn check_transition(
    transition: &Transition,
    age: Option<i32>,
    errors: &mut FieldErrors,
) -> Transition {
    if let Some(age) = age {
        if !(TRANSITION_FROM_AGE..18).contains(&age) {
            errors.add(
                "person.date_of_birth",
                "A young person moving from children's services must be aged 14 to 17",
            );
        }
    }
    let mut clean = Transition::default();
    if EHC_PLAN.iter().any(|(k, _)| *k == transition.ehc_plan) {
        clean.ehc_plan = transition.ehc_plan.clone();
    } else {
        errors.add(
            "transition.ehc_plan",
            "Select whether they have an education, health and care plan",
        );
    }
    clean.lead = errors
        .take(
            "transition.lead",
            optional_text(&transition.lead, NAME_MAX, "Who leads now"),
        )
        .unwrap_or_default();
    clean
}

/// Risks named from `RISKS`.
pub fn check_risks(risks: &[String], errors: &mut FieldErrors) -> Vec<String> {
    if risks.iter().any(|r| RISKS.iter().all(|(k, _)| k != r)) {
        errors.add("needs.risks", "Select the risks from the list");
    }
    RISKS
        .iter()
        .filter(|(k, _)| risks.iter().any(|r| r == k))
        .map(|(k, _)| (*k).to_owned())
        .collect()
}

/// The domain on the council's trusted list (`nhs.net`, `gov.uk`…) that a work email address
/// is on, itself or as a subdomain (`council.gov.uk` is on `gov.uk`), if any. Trusted
/// addresses are marked for staff, never required.
pub fn trusted_domain<'a>(email: &str, trusted: &'a [String]) -> Option<&'a str> {
    let (_, domain) = email.trim().rsplit_once('@')?;
    let domain = domain.to_ascii_lowercase();
    trusted
        .iter()
        .map(String::as_str)
        .find(|t| domain == *t || domain.ends_with(&format!(".{t}")))
}

/// Whether a configured trusted domain is written as a domain (`nhs.net`): labels of letters,
/// digits and hyphens joined by dots, at least two of them, lower case.
pub fn is_domain_name(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| {
            (1..=63).contains(&l.len())
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn nhs_numbers_are_checked_by_their_check_digit() {
        assert_eq!(nhs_number("943 476 5919").as_deref(), Ok("9434765919"));
        assert_eq!(nhs_number("4010232137").as_deref(), Ok("4010232137"));
        assert!(nhs_number("943 476 5918").is_err(), "wrong check digit");
        assert!(nhs_number("94347659").is_err(), "too short");
        assert!(nhs_number("943476591x").is_err(), "not digits");
        // A remainder giving 10 is never a valid number.
        assert!(nhs_number("0000000060").is_err());
    }

    #[test]
    fn a_discharge_date_before_today_is_refused() {
        let today = date!(2026 - 12 - 03);
        let discharge = Discharge {
            hospital: "Exampletown General".into(),
            ward: "Ward 7".into(),
            ward_phone: "01632 960 100".into(),
            expected_date: "2026-12-02".into(),
            medically_optimised: Some(true),
            pathway: Some(1),
            support_needed: "Help to wash and dress twice a day".into(),
            ..Discharge::default()
        };
        let mut errors = FieldErrors::default();
        check_discharge(&discharge, today, &mut errors);
        assert_eq!(
            errors.message_for("discharge.expected_date").as_deref(),
            Some("Expected discharge date must be today or in the future")
        );
        let mut errors = FieldErrors::default();
        let on_the_day = Discharge {
            expected_date: "2026-12-03".into(),
            ..discharge
        };
        let clean = check_discharge(&on_the_day, today, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(clean.expected_date, "2026-12-03");
        assert_eq!(clean.ward_phone, "01632 960 100");
    }

    #[test]
    fn without_agreement_a_professional_gives_the_basis_capacity_and_why() {
        let mut errors = FieldErrors::default();
        let consent = Consent {
            person_agrees: Some(false),
            ..Consent::default()
        };
        check_professional_consent(&consent, &mut errors);
        let fields: Vec<_> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "consent.lawful_basis",
                "consent.capacity_concern",
                "consent.reason_without_consent"
            ]
        );
    }

    #[test]
    fn a_transition_is_for_14_to_17_year_olds() {
        for (age, ok) in [(13, false), (14, true), (17, true), (18, false)] {
            let mut errors = FieldErrors::default();
            let transition = Transition {
                ehc_plan: "yes".into(),
                lead: String::new(),
            };
            check_transition(&transition, Some(age), &mut errors);
            assert_eq!(errors.is_empty(), ok, "age {age}");
        }
    }

    #[test]
    fn work_emails_on_trusted_domains_and_their_subdomains_are_known() {
        let trusted = vec!["nhs.net".to_owned(), "gov.uk".to_owned()];
        assert_eq!(trusted_domain("sam.lee@nhs.net", &trusted), Some("nhs.net"));
        assert_eq!(
            trusted_domain("Jo@Exampleshire.GOV.UK", &trusted),
            Some("gov.uk")
        );
        assert_eq!(
            trusted_domain("sam@notnhs.net", &trusted),
            None,
            "a lookalike"
        );
        assert_eq!(trusted_domain("sam@nhs.net.evil.example", &trusted), None);
        assert_eq!(trusted_domain("no address", &trusted), None);
        assert!(is_domain_name("police.uk") && is_domain_name("nhs.net"));
        for bad in ["uk", "@nhs.net", "NHS.net", "nhs..net", "-a.uk", ""] {
            assert!(!is_domain_name(bad), "{bad}");
        }
    }
}
