//! "Refer someone as a professional" as data: its question pages in order (the hospital
//! discharge pages asked when the referrer works in a hospital or says it is one, the
//! preparing-for-adulthood page when they work in children's services, the reasons when the
//! person has not agreed), what each page posts, how a post updates the draft, and which
//! rules each page shows (the domain's, so the API says the same).

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::date_parts::DateParts;
use crate::domain::checks::iso_date;
use crate::domain::problems::FieldErrors;
use crate::domain::professional::is_hospital;
use crate::domain::request::{Discharge, ReferralRequest, Referrer, Transition};
use crate::journeys::flow::{
    copy_fields, pages_by_slug, posted_yes_no, Journey, CHECK_ANSWERS_SLUG,
};

pub const BASE: &str = "/refer-as-a-professional";
pub const CHECK_PATH: &str = "/refer-as-a-professional/check-answers";
pub const CONFIRMATION_PATH: &str = "/refer-as-a-professional/confirmation";

/// The question pages, in the order they are asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProfessionalPage {
    AboutYou,
    WhereYouWork,
    Name,
    DateOfBirth,
    NhsNumber,
    Address,
    Contact,
    Agreement,
    WithoutAgreement,
    IsDischarge,
    Discharge,
    DischargeSupport,
    Transition,
    WhatIsNeeded,
    Urgent,
    CheckAnswers,
}

use ProfessionalPage as P;

impl ProfessionalPage {
    pub const QUESTIONS: [ProfessionalPage; 15] = [
        P::AboutYou,
        P::WhereYouWork,
        P::Name,
        P::DateOfBirth,
        P::NhsNumber,
        P::Address,
        P::Contact,
        P::Agreement,
        P::WithoutAgreement,
        P::IsDischarge,
        P::Discharge,
        P::DischargeSupport,
        P::Transition,
        P::WhatIsNeeded,
        P::Urgent,
    ];

    /// The fields the page owns, in the order they appear (the error summary follows it).
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            P::AboutYou => &[
                "referrer.given_name",
                "referrer.family_name",
                "referrer.job_title",
                "referrer.organisation",
                "referrer.phone",
                "referrer.email",
            ],
            P::WhereYouWork => &["referrer.setting"],
            P::Name => &["person.given_name", "person.family_name"],
            P::DateOfBirth => &["person.date_of_birth"],
            P::NhsNumber => &["person.nhs_number", "involved.gp"],
            P::Address => &[
                "person.address_line_1",
                "person.address_line_2",
                "person.town",
                "person.postcode",
            ],
            P::Contact => &["person.phone", "person.email", "person.preferred_contact"],
            P::Agreement => &["consent.person_agrees"],
            P::WithoutAgreement => &[
                "consent.lawful_basis",
                "consent.capacity_concern",
                "consent.reason_without_consent",
            ],
            P::IsDischarge => &["is_discharge"],
            P::Discharge => &[
                "discharge.hospital",
                "discharge.ward",
                "discharge.ward_phone",
                "discharge.expected_date",
                "discharge.medically_optimised",
                "discharge.pathway",
            ],
            P::DischargeSupport => &[
                "discharge.support_needed",
                "discharge.support_from",
                "discharge.equipment",
            ],
            P::Transition => &["transition.ehc_plan", "transition.lead"],
            P::WhatIsNeeded => &[
                "needs.summary",
                "needs.risks",
                "needs.current_support",
                "involved.carers_and_family",
            ],
            P::Urgent => &["needs.urgent"],
            P::CheckAnswers => &["declaration"],
        }
    }
}

impl Journey for ProfessionalPage {
    type Draft = ProfessionalDraft;
    const START: &'static str = BASE;
    const KEY: &'static str = "professional";
    const CHECK_ANSWERS: Self = P::CheckAnswers;

    fn questions(_draft: &ProfessionalDraft) -> Vec<Self> {
        Self::QUESTIONS.to_vec()
    }

    fn slug(self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            P::AboutYou => "about-you",
            P::WhereYouWork => "where-you-work",
            P::Name => "name",
            P::DateOfBirth => "date-of-birth",
            P::NhsNumber => "nhs-number-and-gp",
            P::Address => "address",
            P::Contact => "contact-details",
            P::Agreement => "agreement",
            P::WithoutAgreement => "without-agreement",
            P::IsDischarge => "hospital-discharge",
            P::Discharge => "discharge-details",
            P::DischargeSupport => "discharge-support",
            P::Transition => "preparing-for-adulthood",
            P::WhatIsNeeded => "what-is-needed",
            P::Urgent => "urgent",
            P::CheckAnswers => CHECK_ANSWERS_SLUG,
        })
    }

    fn applies(self, draft: &ProfessionalDraft) -> bool {
        match self {
            P::WithoutAgreement => draft.request.consent.person_agrees == Some(false),
            P::IsDischarge => !draft.in_hospital(),
            P::Discharge | P::DischargeSupport => draft.is_discharge(),
            P::Transition => draft.setting() == "childrens_services",
            _ => true,
        }
    }

    fn question(self, _draft: &ProfessionalDraft) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            P::AboutYou => "About you",
            P::WhereYouWork => "Where do you work?",
            P::Name => "What is the person's name?",
            P::DateOfBirth => "What is their date of birth?",
            P::NhsNumber => "Their NHS number and GP",
            P::Address => "What is their address?",
            P::Contact => "How can we contact them?",
            P::Agreement => "Does the person agree to this referral?",
            P::WithoutAgreement => "Why are you referring without their agreement?",
            P::IsDischarge => "Is the person due to leave hospital?",
            P::Discharge => "Their hospital discharge",
            P::DischargeSupport => "What support will they need when they leave hospital?",
            P::Transition => "Preparing for adulthood",
            P::WhatIsNeeded => "What is needed and why now?",
            P::Urgent => "Is any of this urgent?",
            P::CheckAnswers => "Check your answers before sending your referral",
        })
    }

    fn problems(self, draft: &ProfessionalDraft, today: Date) -> FieldErrors {
        draft.problems(self, today)
    }

    fn submission_key(draft: &mut ProfessionalDraft) -> Option<&mut String> {
        Some(&mut draft.submission_key)
    }
}

pages_by_slug!(ProfessionalPage);

/// The answers so far, kept in the session.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfessionalDraft {
    pub request: ReferralRequest,
    /// Dates as typed (the request holds them once they are real dates).
    pub date_of_birth: DateParts,
    pub expected_date: DateParts,
    pub support_from: DateParts,
    /// `yes` or `no`, asked when the referrer does not work in a hospital.
    pub is_discharge: String,
    pub declaration: bool,
    /// One per draft: every "Send" of this draft is the same submission.
    pub submission_key: String,
}

impl ProfessionalDraft {
    pub fn setting(&self) -> &str {
        self.request
            .referrer
            .as_ref()
            .map_or("", |r| r.setting.as_str())
    }

    fn in_hospital(&self) -> bool {
        is_hospital(self.setting())
    }

    /// A hospital discharge: the referrer works in a hospital or says it is one.
    pub fn is_discharge(&self) -> bool {
        self.in_hospital() || self.is_discharge == "yes"
    }

    /// The request as it will be sent: the discharge and transition blocks only where their
    /// pages apply (a changed answer drops a branch no longer asked).
    pub fn request(&self) -> ReferralRequest {
        let mut request = self.request.clone();
        request.for_whom = "professional".into();
        if !self.is_discharge() {
            request.discharge = None;
        } else if request.discharge.is_none() {
            request.discharge = Some(Discharge::default());
        }
        if self.setting() == "childrens_services" {
            request.transition.get_or_insert_with(Transition::default);
        } else {
            request.transition = None;
        }
        if request.consent.person_agrees != Some(false) {
            let agrees = request.consent.person_agrees;
            request.consent = Default::default();
            request.consent.person_agrees = agrees;
        }
        request
    }
}

/// What a question page posts: the fields of every page, each page filling its own. Named
/// `form[...]` after the request's field paths, so errors link to their inputs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfessionalForm {
    pub referrer: Referrer,
    pub person: PersonForm,
    pub consent: ConsentForm,
    pub is_discharge: String,
    pub discharge: DischargeForm,
    pub transition: Transition,
    pub needs: NeedsForm,
    pub involved: InvolvedForm,
    pub declaration: String,
    pub return_to: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    pub given_name: String,
    pub family_name: String,
    pub date_of_birth: DateParts,
    pub nhs_number: String,
    pub address_line_1: String,
    pub address_line_2: String,
    pub town: String,
    pub postcode: String,
    pub phone: String,
    pub email: String,
    pub preferred_contact: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConsentForm {
    /// `yes` or `no`.
    pub person_agrees: String,
    pub lawful_basis: String,
    /// `yes` or `no`.
    pub capacity_concern: String,
    pub reason_without_consent: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DischargeForm {
    pub hospital: String,
    pub ward: String,
    pub ward_phone: String,
    pub expected_date: DateParts,
    /// `yes` or `no`.
    pub medically_optimised: String,
    /// `0` to `3`.
    pub pathway: String,
    pub support_needed: String,
    pub support_from: DateParts,
    pub equipment: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NeedsForm {
    pub summary: String,
    pub current_support: String,
    /// Ticked boxes: `form[needs][risks][falls]=falls`.
    pub risks: BTreeMap<String, String>,
    pub urgent: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InvolvedForm {
    pub gp: String,
    pub carers_and_family: String,
}

/// A date as typed, as `YYYY-MM-DD` when it is a real one, else as typed so the rules can
/// say what is wrong (and blank when nothing was typed).
fn typed_date(typed: &DateParts) -> String {
    let parts = [&typed.year, &typed.month, &typed.day].map(|p| p.trim().to_owned());
    if parts.iter().all(String::is_empty) {
        return String::new();
    }
    let number = |p: &str| p.parse::<u16>().ok();
    match (number(&parts[0]), number(&parts[1]), number(&parts[2])) {
        (Some(y), Some(m), Some(d)) => {
            let month = time::Month::try_from(u8::try_from(m).unwrap_or(0)).ok();
            month
                .and_then(|month| {
                    Date::from_calendar_date(i32::from(y), month, u8::try_from(d).ok()?).ok()
                })
                .map(iso_date)
                .unwrap_or_else(|| "not-a-date".to_owned())
        }
        _ => "not-a-date".to_owned(),
    }
}

impl ProfessionalDraft {
    /// Copies what `page` posted into the draft (valid or not: nothing typed is lost).
    pub fn apply(&mut self, page: ProfessionalPage, form: &ProfessionalForm, today: Date) {
        let r = &mut self.request;
        r.for_whom = "professional".into();
        let referrer = r.referrer.get_or_insert_with(Referrer::default);
        match page {
            P::AboutYou => {
                copy_fields!(referrer, form.referrer; given_name, family_name, job_title, organisation, phone, email)
            }
            P::WhereYouWork => referrer.setting = form.referrer.setting.clone(),
            P::Name => copy_fields!(r.person, form.person; given_name, family_name),
            P::DateOfBirth => {
                let typed = &form.person.date_of_birth;
                self.date_of_birth = typed.clone();
                r.person.date_of_birth = typed.iso_date_of_birth(today);
            }
            P::NhsNumber => {
                r.person.nhs_number = form.person.nhs_number.clone();
                r.involved.gp = form.involved.gp.clone();
            }
            P::Address => {
                copy_fields!(r.person, form.person; address_line_1, address_line_2, town, postcode)
            }
            P::Contact => copy_fields!(r.person, form.person; phone, email, preferred_contact),
            P::Agreement => r.consent.person_agrees = posted_yes_no(&form.consent.person_agrees),
            P::WithoutAgreement => {
                let consent = &mut r.consent;
                consent.lawful_basis = form.consent.lawful_basis.clone();
                consent.capacity_concern = posted_yes_no(&form.consent.capacity_concern);
                consent.reason_without_consent = form.consent.reason_without_consent.clone();
            }
            P::IsDischarge => self.is_discharge = form.is_discharge.clone(),
            P::Discharge => {
                let posted = &form.discharge;
                let discharge = r.discharge.get_or_insert_with(Discharge::default);
                copy_fields!(discharge, posted; hospital, ward, ward_phone);
                self.expected_date = posted.expected_date.clone();
                discharge.expected_date = typed_date(&posted.expected_date);
                discharge.medically_optimised = posted_yes_no(&posted.medically_optimised);
                discharge.pathway = posted.pathway.parse().ok();
            }
            P::DischargeSupport => {
                let posted = &form.discharge;
                let discharge = r.discharge.get_or_insert_with(Discharge::default);
                copy_fields!(discharge, posted; support_needed, equipment);
                self.support_from = posted.support_from.clone();
                discharge.support_from = typed_date(&posted.support_from);
            }
            P::Transition => r.transition = Some(form.transition.clone()),
            P::WhatIsNeeded => {
                copy_fields!(r.needs, form.needs; summary, current_support);
                r.needs.risks = form.needs.risks.keys().cloned().collect();
                r.involved.carers_and_family = form.involved.carers_and_family.clone();
            }
            P::Urgent => r.needs.urgent = form.needs.urgent.keys().cloned().collect(),
            P::CheckAnswers => self.declaration = form.declaration == "yes",
        }
    }

    /// The problems on one page, in the page's field order.
    pub fn problems(&self, page: ProfessionalPage, today: Date) -> FieldErrors {
        let mut errors = FieldErrors::default();
        match page {
            P::DateOfBirth => {
                let missing = "Enter their date of birth";
                if let Some(problem) = self.date_of_birth.date_of_birth_problem(today, missing) {
                    errors.add("person.date_of_birth", problem);
                    return errors;
                }
            }
            P::IsDischarge if !matches!(self.is_discharge.as_str(), "yes" | "no") => {
                errors.add(
                    "is_discharge",
                    "Select yes if the person is due to leave hospital",
                );
                return errors;
            }
            P::CheckAnswers => {
                if !self.declaration {
                    errors.add(
                        "declaration",
                        "Confirm that the information you have given is correct",
                    );
                }
                return errors;
            }
            _ => {}
        }
        self.request().problems_for(today, page.fields())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 12 - 03);

    fn form() -> ProfessionalForm {
        let mut form = ProfessionalForm::default();
        form.referrer = Referrer {
            given_name: "Sam".into(),
            family_name: "Lee".into(),
            job_title: "Discharge nurse".into(),
            organisation: "Exampletown General Hospital".into(),
            setting: "hospital".into(),
            phone: "01632 960100".into(),
            email: "sam.lee@nhs.net".into(),
            ..Referrer::default()
        };
        form.person = PersonForm {
            given_name: "Joan".into(),
            family_name: "Price".into(),
            date_of_birth: DateParts {
                day: "14".into(),
                month: "6".into(),
                year: "1939".into(),
            },
            nhs_number: "943 476 5919".into(),
            address_line_1: "4 Church Row".into(),
            town: "Exampletown".into(),
            postcode: "ex2 4cd".into(),
            phone: "01632 960444".into(),
            preferred_contact: "phone".into(),
            ..PersonForm::default()
        };
        form.consent.person_agrees = "yes".into();
        form.discharge = DischargeForm {
            hospital: "Exampletown General".into(),
            ward: "Ward 7".into(),
            ward_phone: "01632 960101".into(),
            expected_date: DateParts {
                day: "8".into(),
                month: "12".into(),
                year: "2026".into(),
            },
            medically_optimised: "yes".into(),
            pathway: "1".into(),
            support_needed: "Two calls a day".into(),
            ..DischargeForm::default()
        };
        form.needs.summary = "Personal care after a hip fracture".into();
        form.needs.risks.insert("falls".into(), "falls".into());
        form.declaration = "yes".into();
        form
    }

    fn answered(form: &ProfessionalForm) -> ProfessionalDraft {
        let mut draft = ProfessionalDraft::default();
        for page in P::QUESTIONS.into_iter().chain([P::CheckAnswers]) {
            draft.apply(page, form, TODAY);
        }
        draft
    }

    #[test]
    fn a_discharge_nurse_is_asked_the_discharge_and_not_whether_it_is_one() {
        let draft = answered(&form());
        let asked: Vec<_> = P::QUESTIONS
            .into_iter()
            .filter(|p| p.applies(&draft))
            .collect();
        assert!(asked.contains(&P::Discharge) && asked.contains(&P::DischargeSupport));
        assert!(!asked.contains(&P::IsDischarge));
        assert!(!asked.contains(&P::WithoutAgreement));
        assert!(!asked.contains(&P::Transition));
        assert_eq!(P::first_unfinished(&draft, TODAY), None);
        let request = draft.request();
        let checked = request.check(TODAY).expect("a complete referral");
        assert_eq!(
            checked.request.discharge.unwrap().expected_date,
            "2026-12-08"
        );
    }

    #[test]
    fn a_gp_says_whether_it_is_a_discharge_and_a_no_drops_the_branch() {
        let mut form = form();
        form.referrer.setting = "gp".into();
        let mut draft = answered(&form);
        assert_eq!(P::first_unfinished(&draft, TODAY), Some(P::IsDischarge));
        form.is_discharge = "no".into();
        draft.apply(P::IsDischarge, &form, TODAY);
        assert!(!P::Discharge.applies(&draft));
        assert_eq!(draft.request().discharge, None);
        assert_eq!(P::first_unfinished(&draft, TODAY), None);
    }

    #[test]
    fn each_page_shows_its_own_problems_and_a_past_discharge_date_is_refused() {
        let mut form = form();
        form.discharge.expected_date.day = "1".into();
        form.consent.person_agrees = "no".into();
        let draft = answered(&form);
        let errors = draft.problems(P::Discharge, TODAY);
        assert_eq!(
            errors.message_for("discharge.expected_date").as_deref(),
            Some("Expected discharge date must be today or in the future")
        );
        let without = draft.problems(P::WithoutAgreement, TODAY);
        assert!(without.message_for("consent.lawful_basis").is_some());
        assert!(draft.problems(P::Name, TODAY).is_empty());
    }
}
