//! "Register as a carer" as data: are you 18 or over (if not, young carers' support, nothing
//! kept), the carer, the people they look after (added one at a time, listed with "Remove"),
//! the caring, an optional emergency plan, consent; how a post updates the draft; and each
//! page's problems, taken from the domain's rules for the registration so the pages and the
//! API say the same thing.

use std::collections::BTreeMap;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::date_parts::DateParts;
use crate::domain::carer::{
    CaredFor, CarerRegistration, EmergencyContact, EmergencyPlan, Keyholder, CARED_FOR_MAX,
    EMERGENCY_PEOPLE_MAX,
};
use crate::domain::checks::{date_of_birth_parts, iso_date};
use crate::domain::problems::FieldErrors;
use crate::journeys::flow::{
    copy_fields, pages_by_slug, pages_named, posted_yes_no, Journey, CHECK_ANSWERS_SLUG,
};
use crate::journeys::reference_lookup::{LookupWords, ReferenceLookupForm};

pub const BASE: &str = "/register-as-a-carer";
pub const CHECK_PATH: &str = "/register-as-a-carer/check-answers";
pub const YOUNG_CARERS_PATH: &str = "/register-as-a-carer/young-carers";
pub const CONFIRMATION_PATH: &str = "/register-as-a-carer/confirmation";
pub const YOUR_DETAILS_PATH: &str = "/register-as-a-carer/your-details";
/// Where the one-time code sent to the carer's email is typed.
pub const CODE_PATH: &str = "/register-as-a-carer/enter-code";
pub const LEAVE_PATH: &str = "/register-as-a-carer/leave";
pub const LEFT_PATH: &str = "/register-as-a-carer/left";
/// "Remove" a person looked after, under `/{n}`.
pub const REMOVE_PATH: &str = "/register-as-a-carer/remove";

/// The question pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CarerPage {
    Adult,
    Name,
    DateOfBirth,
    Address,
    Contact,
    AboutYou,
    /// A person they look after, by position (0-based).
    Person(usize),
    People,
    Caring,
    Impact,
    PlanChoice,
    Plan,
    Consent,
    CheckAnswers,
}

use CarerPage as P;

impl CarerPage {
    /// The registration's fields this page answers (its problems are theirs).
    fn fields(self) -> Vec<String> {
        let carer = |names: &[&str]| names.iter().map(|n| format!("carer.{n}")).collect();
        match self {
            P::Name => carer(&["given_name", "family_name"]),
            P::Address => carer(&["address_line_1", "address_line_2", "town", "postcode"]),
            P::Contact => carer(&["phone", "email", "preferred_contact"]),
            P::AboutYou => carer(&[
                "gp_surgery",
                "work_or_study",
                "language",
                "communication_needs",
            ]),
            P::Person(i) => vec![format!("cared_for.{i}")],
            P::Caring => [
                "tasks",
                "other_tasks",
                "hours_per_week",
                "when",
                "others_who_help",
            ]
            .iter()
            .map(|f| format!("caring.{f}"))
            .collect(),
            P::Impact => vec!["caring.affects".into(), "caring.can_keep_caring".into()],
            P::Plan => vec!["emergency_plan".into()],
            P::Consent => vec!["consent".into()],
            _ => vec![],
        }
    }
}

impl Journey for CarerPage {
    type Draft = CarerDraft;
    const START: &'static str = BASE;
    const KEY: &'static str = "carer";
    const CHECK_ANSWERS: Self = P::CheckAnswers;

    /// The pages in order, for a draft naming `people` cared-for people.
    fn questions(draft: &CarerDraft) -> Vec<CarerPage> {
        let mut pages = vec![
            P::Adult,
            P::Name,
            P::DateOfBirth,
            P::Address,
            P::Contact,
            P::AboutYou,
        ];
        let people = draft.registration.cared_for.len().max(1);
        pages.extend((0..people).map(P::Person));
        pages.extend([
            P::People,
            P::Caring,
            P::Impact,
            P::PlanChoice,
            P::Plan,
            P::Consent,
        ]);
        pages
    }

    fn slug(self) -> Cow<'static, str> {
        match self {
            P::Adult => "are-you-18-or-over".into(),
            P::Name => "your-name".into(),
            P::DateOfBirth => "your-date-of-birth".into(),
            P::Address => "your-address".into(),
            P::Contact => "contact-details".into(),
            P::AboutYou => "about-you".into(),
            P::Person(i) => format!("person-{}", i + 1).into(),
            P::People => "people-you-look-after".into(),
            P::Caring => "the-caring".into(),
            P::Impact => "how-caring-affects-you".into(),
            P::PlanChoice => "emergency-plan".into(),
            P::Plan => "emergency-plan-details".into(),
            P::Consent => "consent".into(),
            P::CheckAnswers => CHECK_ANSWERS_SLUG.into(),
        }
    }

    fn from_slug(slug: &str) -> Option<Self> {
        if let Some(n) = slug.strip_prefix("person-") {
            return n
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=CARED_FOR_MAX).contains(n))
                .map(|n| P::Person(n - 1));
        }
        pages_named(Self::questions(&CarerDraft::default()), slug)
    }

    fn applies(self, draft: &CarerDraft) -> bool {
        match self {
            P::Plan => draft.wants_plan == "yes",
            P::Person(i) => i <= draft.registration.cared_for.len() && i < CARED_FOR_MAX,
            _ => true,
        }
    }

    fn next(self, draft: &CarerDraft) -> CarerPage {
        match self {
            P::Adult if draft.adult == "no" => P::CheckAnswers, // routed to young carers by the server
            P::Person(_) => P::People,
            P::People if draft.more_people == "yes" => {
                P::Person(draft.registration.cared_for.len())
            }
            _ => Self::questions(draft)
                .into_iter()
                .skip_while(|p| *p != self)
                .skip(1)
                .find(|p| {
                    p.applies(draft)
                        && match p {
                            // The first person is asked in order; others from the people page.
                            P::Person(0) => draft.registration.cared_for.is_empty(),
                            P::Person(_) => false,
                            _ => true,
                        }
                })
                .unwrap_or(P::CheckAnswers),
        }
    }

    fn previous_path(self, draft: &CarerDraft) -> String {
        match self {
            P::People | P::Person(_)
                if !draft.registration.cared_for.is_empty() && self != P::Person(0) =>
            {
                P::People.path()
            }
            _ => Self::questions(draft)
                .into_iter()
                .take_while(|p| *p != self)
                .filter(|p| p.applies(draft) && !matches!(p, P::Person(i) if *i > 0))
                .last()
                .map(Self::path)
                .unwrap_or_else(|| BASE.to_owned()),
        }
    }

    fn question(self, _draft: &CarerDraft) -> Cow<'static, str> {
        match self {
            P::Adult => "Are you 18 or over?".into(),
            P::Name => "What is your name?".into(),
            P::DateOfBirth => "What is your date of birth?".into(),
            P::Address => "What is your address?".into(),
            P::Contact => "How can we contact you?".into(),
            P::AboutYou => "About you".into(),
            P::Person(0) => "Who do you look after?".into(),
            P::Person(_) => "Who else do you look after?".into(),
            P::People => "People you look after".into(),
            P::Caring => "The caring you do".into(),
            P::Impact => "How caring affects you".into(),
            P::PlanChoice => "Do you want to make an emergency plan?".into(),
            P::Plan => "Your emergency plan".into(),
            P::Consent => "Joining the carers' register".into(),
            P::CheckAnswers => "Check your answers".into(),
        }
    }

    fn problems(self, draft: &CarerDraft, today: Date) -> FieldErrors {
        draft.problems(self, today)
    }

    fn first_unfinished(draft: &CarerDraft, today: Date) -> Option<CarerPage> {
        if draft.adult == "no" {
            return Some(P::Adult);
        }
        let people = draft.registration.cared_for.len();
        Self::questions(draft)
            .into_iter()
            .filter(|p| p.applies(draft))
            .find(|p| match p {
                // Finished once someone is named: "anyone else?" is a way on, not an answer.
                P::People => people == 0,
                P::Person(i) if *i >= people.max(1) => false,
                _ => !draft.problems(*p, today).is_empty(),
            })
    }
}

pages_by_slug!(CarerPage);

/// The answers so far, in the session only.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CarerDraft {
    pub registration: CarerRegistration,
    /// `yes` or `no`.
    pub adult: String,
    pub date_of_birth: DateParts,
    /// `yes`, `no` or `not_sure`.
    pub gp_knows: String,
    /// Hours a week as typed.
    pub hours: String,
    /// `yes` or `no` on the people page.
    pub more_people: String,
    /// `yes` or `no`.
    pub wants_plan: String,
    /// One per draft: every "Send" of this draft is the same registration.
    pub submission_key: String,
    /// Sent: "Register" again shows the confirmation (the draft stays for "ask for a
    /// carer's assessment").
    pub registered: bool,
    /// The reference of the registration being changed (opened by reference and date of
    /// birth); `None` for a new one.
    pub updating: Option<String>,
}

impl CarerDraft {
    /// A stored registration opened to change: every page answered as it was.
    pub fn for_update(reference: &str, registration: CarerRegistration) -> CarerDraft {
        let mut parts = registration.carer.date_of_birth.splitn(3, '-');
        let (year, month, day) = (
            parts.next().unwrap_or("").to_owned(),
            parts.next().unwrap_or("").to_owned(),
            parts.next().unwrap_or("").to_owned(),
        );
        CarerDraft {
            adult: "yes".into(),
            date_of_birth: DateParts { day, month, year },
            gp_knows: match registration.carer.gp_knows {
                Some(true) => "yes",
                Some(false) => "no",
                None => "",
            }
            .into(),
            hours: registration.caring.hours_per_week.to_string(),
            more_people: "no".into(),
            wants_plan: if registration.emergency_plan.is_some() {
                "yes"
            } else {
                "no"
            }
            .into(),
            submission_key: String::new(),
            registered: false,
            updating: Some(reference.to_owned()),
            registration,
        }
    }
}

/// "Change your details or leave the register": the reference and the carer's date of birth.
pub type OpenForm = ReferenceLookupForm;

/// How opening a registration words its problems and misses.
pub const OPEN_WORDS: LookupWords = LookupWords {
    enter_reference: "Enter your carer reference, like CAR-7K3M-9QX2-HD4P",
    enter_date_of_birth: "Enter your date of birth",
    what: "a registration",
    instead: "to change your details",
};

/// A person they look after, as posted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    pub given_name: String,
    pub family_name: String,
    pub date_of_birth: DateParts,
    pub relationship: String,
    /// `yes` or `no`.
    pub same_address: String,
    pub address_line_1: String,
    pub address_line_2: String,
    pub town: String,
    pub postcode: String,
    pub had_assessment: String,
    pub main_needs: String,
}

/// What a page posts (`form[...]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CarerForm {
    pub adult: String,
    pub carer: crate::domain::carer::CarerDetails,
    pub date_of_birth: DateParts,
    pub gp_knows: String,
    pub person: PersonForm,
    pub more_people: String,
    /// Ticked tasks: `form[tasks][meals]=meals`.
    pub tasks: BTreeMap<String, String>,
    pub hours: String,
    pub when: String,
    pub other_tasks: String,
    pub others_who_help: String,
    /// Ticked: `form[affects][sleep]=sleep`.
    pub affects: BTreeMap<String, String>,
    pub can_keep_caring: String,
    pub wants_plan: String,
    pub plan_needs: String,
    /// `form[contacts][0][name]`.
    pub contacts: BTreeMap<String, EmergencyContact>,
    pub keyholders: BTreeMap<String, Keyholder>,
    /// `yes` when ticked.
    pub agrees: String,
    pub return_to: Option<String>,
}

fn filled(values: &[&str]) -> bool {
    values.iter().any(|v| !v.trim().is_empty())
}

impl CarerDraft {
    pub fn apply(&mut self, page: CarerPage, form: &CarerForm, today: Date) {
        let r = &mut self.registration;
        match page {
            P::Adult => self.adult = form.adult.clone(),
            P::Name => copy_fields!(r.carer, form.carer; given_name, family_name),
            P::DateOfBirth => {
                let typed = &form.date_of_birth;
                self.date_of_birth = typed.clone();
                r.carer.date_of_birth = typed.iso_date_of_birth(today);
            }
            P::Address => {
                copy_fields!(r.carer, form.carer; address_line_1, address_line_2, town, postcode)
            }
            P::Contact => copy_fields!(r.carer, form.carer; phone, email, preferred_contact),
            P::AboutYou => {
                r.carer.gp_surgery = form.carer.gp_surgery.clone();
                self.gp_knows = form.gp_knows.clone();
                r.carer.gp_knows = posted_yes_no(&form.gp_knows);
                copy_fields!(r.carer, form.carer; work_or_study, language, communication_needs);
            }
            P::Person(i) => {
                let p = &form.person;
                let typed = &p.date_of_birth;
                let born = if filled(&[&typed.day, &typed.month, &typed.year]) {
                    date_of_birth_parts(&typed.day, &typed.month, &typed.year, today, "")
                        .map(iso_date)
                        .unwrap_or_else(|_| {
                            format!(
                                "{}-{}-{}",
                                typed.year.trim(),
                                typed.month.trim(),
                                typed.day.trim()
                            )
                        })
                } else {
                    String::new()
                };
                let person = CaredFor {
                    given_name: p.given_name.clone(),
                    family_name: p.family_name.clone(),
                    date_of_birth: born,
                    relationship: p.relationship.clone(),
                    same_address: p.same_address != "no",
                    address_line_1: p.address_line_1.clone(),
                    address_line_2: p.address_line_2.clone(),
                    town: p.town.clone(),
                    postcode: p.postcode.clone(),
                    had_assessment: p.had_assessment.clone(),
                    main_needs: p.main_needs.clone(),
                };
                if i < r.cared_for.len() {
                    r.cared_for[i] = person;
                } else if r.cared_for.len() < CARED_FOR_MAX {
                    r.cared_for.push(person);
                }
                self.more_people.clear();
            }
            P::People => self.more_people = form.more_people.clone(),
            P::Caring => {
                r.caring.tasks = form.tasks.keys().cloned().collect();
                self.hours = form.hours.trim().to_owned();
                r.caring.hours_per_week = self.hours.parse().unwrap_or(0);
                copy_fields!(r.caring, form; when, other_tasks, others_who_help);
            }
            P::Impact => {
                r.caring.affects = form.affects.keys().cloned().collect();
                r.caring.can_keep_caring = form.can_keep_caring.clone();
            }
            P::PlanChoice => {
                self.wants_plan = form.wants_plan.clone();
                if self.wants_plan == "no" {
                    r.emergency_plan = None;
                }
            }
            P::Plan => {
                let contacts = (0..EMERGENCY_PEOPLE_MAX)
                    .filter_map(|i| form.contacts.get(&i.to_string()).cloned())
                    .filter(|c| filled(&[&c.name, &c.relationship, &c.phone]))
                    .collect();
                let keyholders = (0..EMERGENCY_PEOPLE_MAX)
                    .filter_map(|i| form.keyholders.get(&i.to_string()).cloned())
                    .filter(|k| filled(&[&k.name, &k.phone]))
                    .collect();
                r.emergency_plan = Some(EmergencyPlan {
                    needs: form.plan_needs.clone(),
                    contacts,
                    keyholders,
                });
            }
            P::Consent => r.consent.agrees = form.agrees == "yes",
            P::CheckAnswers => {}
        }
    }

    /// Removes a person they look after (from the people page).
    pub fn remove_person(&mut self, index: usize) {
        if index < self.registration.cared_for.len() {
            self.registration.cared_for.remove(index);
        }
    }

    pub fn problems(&self, page: CarerPage, today: Date) -> FieldErrors {
        let mut errors = FieldErrors::default();
        let choose = |errors: &mut FieldErrors,
                      field: &str,
                      value: &str,
                      allowed: &[&str],
                      message: &str| {
            if !allowed.contains(&value) {
                errors.add(field, message);
            }
        };
        match page {
            P::Adult => choose(
                &mut errors,
                "adult",
                &self.adult,
                &["yes", "no"],
                "Select yes if you are 18 or over",
            ),
            P::AboutYou => choose(
                &mut errors,
                "gp_knows",
                &self.gp_knows,
                &["", "yes", "no", "not_sure"],
                "Select whether your GP knows you are a carer",
            ),
            P::People => {
                if self.registration.cared_for.is_empty() {
                    errors.add("more_people", "Add the person you look after");
                }
                choose(
                    &mut errors,
                    "more_people",
                    &self.more_people,
                    &["yes", "no"],
                    "Select yes if you look after anyone else",
                );
                if self.more_people == "yes" && self.registration.cared_for.len() >= CARED_FOR_MAX {
                    errors.0.clear();
                    errors.add("more_people", format!("You can add up to {CARED_FOR_MAX} people. Tell us about others when we contact you"));
                }
            }
            P::PlanChoice => choose(
                &mut errors,
                "wants_plan",
                &self.wants_plan,
                &["yes", "no"],
                "Select yes if you want to make an emergency plan",
            ),
            P::DateOfBirth => {
                let born = &self.date_of_birth;
                if let Some(problem) = born.date_of_birth_problem(today, "Enter your date of birth")
                {
                    errors.add("carer.date_of_birth", problem);
                } else if self.registration.is_young_carer(today) {
                    errors.add("carer.date_of_birth", crate::domain::carer::YOUNG_CARER);
                }
            }
            P::Caring => {
                if self.hours.is_empty() || self.hours.parse::<u32>().is_err() {
                    errors.add(
                        "caring.hours_per_week",
                        "Enter about how many hours a week you care, like 20",
                    );
                }
            }
            P::CheckAnswers => {}
            _ => {}
        }
        if let Err(all) = self.registration.check(today) {
            for field in page.fields() {
                for e in all
                    .0
                    .iter()
                    .filter(|e| e.field == field || e.field.starts_with(&format!("{field}.")))
                {
                    errors.add(e.field.clone(), e.message.clone());
                }
            }
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 22);

    fn form(f: impl FnOnce(&mut CarerForm)) -> CarerForm {
        let mut form = CarerForm::default();
        f(&mut form);
        form
    }

    #[test]
    fn slugs_round_trip() {
        for page in [
            P::Adult,
            P::Person(0),
            P::Person(3),
            P::People,
            P::Plan,
            P::CheckAnswers,
        ] {
            assert_eq!(CarerPage::from_slug(&page.slug()), Some(page));
        }
        assert_eq!(CarerPage::from_slug("person-0"), None);
        assert_eq!(CarerPage::from_slug("person-11"), None);
    }

    #[test]
    fn a_whole_registration_page_by_page() {
        let mut d = CarerDraft::default();
        let mut page = P::Adult;
        let steps: Vec<CarerForm> = vec![
            form(|f| f.adult = "yes".into()),
            form(|f| {
                f.carer.given_name = "Sam".into();
                f.carer.family_name = "Patel".into();
            }),
            form(|f| {
                f.date_of_birth = DateParts {
                    day: "5".into(),
                    month: "5".into(),
                    year: "1970".into(),
                }
            }),
            form(|f| {
                f.carer.address_line_1 = "3 High St".into();
                f.carer.town = "Exampletown".into();
                f.carer.postcode = "EX2 3CD".into();
            }),
            form(|f| f.carer.phone = "01632 960002".into()),
            form(|_| {}),
            form(|f| {
                f.person.given_name = "Ravi".into();
                f.person.family_name = "Patel".into();
                f.person.relationship = "father".into();
                f.person.same_address = "yes".into();
            }),
            form(|f| f.more_people = "yes".into()),
            form(|f| {
                f.person.given_name = "Asha".into();
                f.person.family_name = "Patel".into();
                f.person.relationship = "aunt".into();
                f.person.same_address = "no".into();
                f.person.address_line_1 = "9 Low Road".into();
                f.person.town = "Exampleton".into();
                f.person.postcode = "EX3 4EF".into();
            }),
            form(|f| f.more_people = "no".into()),
            form(|f| {
                f.hours = "35".into();
                f.when = "day_and_night".into();
                f.tasks.insert("meals".into(), "meals".into());
            }),
            form(|f| {
                f.affects.insert("health".into(), "health".into());
                f.can_keep_caring = "with_help".into();
            }),
            form(|f| f.wants_plan = "yes".into()),
            form(|f| {
                f.plan_needs = "Insulin at 8am".into();
                f.contacts.insert(
                    "0".into(),
                    EmergencyContact {
                        name: "Priya".into(),
                        relationship: "daughter".into(),
                        phone: "07700 900123".into(),
                    },
                );
            }),
            form(|f| f.agrees = "yes".into()),
        ];
        for posted in steps {
            d.apply(page, &posted, TODAY);
            assert!(
                d.problems(page, TODAY).is_empty(),
                "{page:?}: {:?}",
                d.problems(page, TODAY)
            );
            page = page.next(&d);
        }
        assert_eq!(page, P::CheckAnswers);
        assert_eq!(CarerPage::first_unfinished(&d, TODAY), None);
        let checked = d.registration.check(TODAY).unwrap();
        assert_eq!(checked.registration.cared_for.len(), 2);
        assert_eq!(
            checked.registration.emergency_plan.unwrap().contacts.len(),
            1
        );
    }

    #[test]
    fn a_person_can_be_removed_and_problems_are_the_domains() {
        let mut d = CarerDraft::default();
        d.apply(
            P::Person(0),
            &form(|f| f.person.same_address = "no".into()),
            TODAY,
        );
        let problems = d.problems(P::Person(0), TODAY);
        assert_eq!(
            problems.message_for("cared_for.0.given_name").as_deref(),
            Some("Enter their first name")
        );
        assert!(problems.message_for("cared_for.0.postcode").is_some());
        d.remove_person(0);
        assert!(d.registration.cared_for.is_empty());
        assert!(!d.problems(P::People, TODAY).is_empty());
    }
}
