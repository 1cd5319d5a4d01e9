//! The "Request an assessment" journey as data: its question pages in order (with the branch
//! for someone asking on another's behalf), what each page posts, how a post updates the
//! draft, and which rules each page shows. Shared by the server functions and the browser
//! island, so both find the same problems.

use std::collections::BTreeMap;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::date_parts::DateParts;
use crate::domain::checks::date_of_birth_parts;
use crate::domain::communication::CommunicationNeeds;
use crate::domain::problems::FieldErrors;
use crate::domain::referral::{Consent, Involved, ReferralRequest, Referrer, Tracker};
use crate::journeys::flow::{
    copy_fields, pages_by_slug, posted_yes_no, Journey, CHECK_ANSWERS_SLUG,
};

pub const BASE: &str = "/request-an-assessment";
pub const CHECK_PATH: &str = "/request-an-assessment/check-answers";
pub const CONFIRMATION_PATH: &str = "/request-an-assessment/confirmation";
/// People a resident can name on the web form (the API allows up to five).
pub const WEB_TRACKERS: usize = 2;

/// The question pages, in the order they are asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReferralPage {
    WhoIsItFor,
    AboutYou,
    TheirAgreement,
    Name,
    DateOfBirth,
    Address,
    Contact,
    Language,
    DailyTasks,
    HelpNeeded,
    Urgent,
    PeopleInvolved,
    WhoCanFollow,
    CheckAnswers,
}

impl ReferralPage {
    pub const QUESTIONS: [ReferralPage; 13] = [
        ReferralPage::WhoIsItFor,
        ReferralPage::AboutYou,
        ReferralPage::TheirAgreement,
        ReferralPage::Name,
        ReferralPage::DateOfBirth,
        ReferralPage::Address,
        ReferralPage::Contact,
        ReferralPage::Language,
        ReferralPage::DailyTasks,
        ReferralPage::HelpNeeded,
        ReferralPage::Urgent,
        ReferralPage::PeopleInvolved,
        ReferralPage::WhoCanFollow,
    ];
}

impl ReferralPage {
    /// The fields the page owns, in the order they appear (the error summary follows it).
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            ReferralPage::WhoIsItFor => &["for"],
            ReferralPage::AboutYou => &[
                "referrer.given_name",
                "referrer.family_name",
                "referrer.relationship",
                "referrer.phone",
                "referrer.email",
            ],
            ReferralPage::TheirAgreement => {
                &["consent.person_agrees", "consent.reason_without_consent"]
            }
            ReferralPage::Name => &["person.given_name", "person.family_name"],
            ReferralPage::DateOfBirth => &["person.date_of_birth"],
            ReferralPage::Address => &[
                "person.address_line_1",
                "person.address_line_2",
                "person.town",
                "person.postcode",
            ],
            ReferralPage::Contact => &["person.phone", "person.email", "person.preferred_contact"],
            ReferralPage::Language => &[
                "person.language",
                "person.communication_needs.interpreter",
                "person.communication_needs.formats",
                "person.communication_needs",
            ],
            ReferralPage::DailyTasks => &["needs.outcomes"],
            ReferralPage::HelpNeeded => &["needs.summary", "needs.what_matters"],
            ReferralPage::Urgent => &["needs.urgent"],
            ReferralPage::PeopleInvolved => &[
                "involved.carers_and_family",
                "involved.gp",
                "involved.power_of_attorney",
            ],
            ReferralPage::WhoCanFollow => &[
                "trackers.0.name",
                "trackers.0.relationship",
                "trackers.0.email",
                "trackers.0.phone",
                "trackers.1.name",
                "trackers.1.relationship",
                "trackers.1.email",
                "trackers.1.phone",
            ],
            ReferralPage::CheckAnswers => &["declaration"],
        }
    }
}

impl Journey for ReferralPage {
    type Draft = ReferralDraft;
    const START: &'static str = BASE;
    const KEY: &'static str = "referral";
    const CHECK_ANSWERS: Self = ReferralPage::CheckAnswers;

    fn questions(_draft: &ReferralDraft) -> Vec<Self> {
        Self::QUESTIONS.to_vec()
    }

    fn slug(self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            ReferralPage::WhoIsItFor => "who-is-it-for",
            ReferralPage::AboutYou => "about-you",
            ReferralPage::TheirAgreement => "their-agreement",
            ReferralPage::Name => "name",
            ReferralPage::DateOfBirth => "date-of-birth",
            ReferralPage::Address => "address",
            ReferralPage::Contact => "contact-details",
            ReferralPage::Language => "language-and-communication",
            ReferralPage::DailyTasks => "daily-tasks",
            ReferralPage::HelpNeeded => "help-needed",
            ReferralPage::Urgent => "urgent",
            ReferralPage::PeopleInvolved => "people-involved",
            ReferralPage::WhoCanFollow => "who-can-follow",
            ReferralPage::CheckAnswers => CHECK_ANSWERS_SLUG,
        })
    }

    /// Whether the page is asked, given the answers so far.
    fn applies(self, draft: &ReferralDraft) -> bool {
        match self {
            ReferralPage::AboutYou | ReferralPage::TheirAgreement => {
                draft.request.is_for_someone_else()
            }
            _ => true,
        }
    }

    /// The page's question (its h1 and title), in the voice of who is filling it in.
    fn question(self, draft: &ReferralDraft) -> Cow<'static, str> {
        let for_self = !draft.request.is_for_someone_else();
        let pick = |mine: &str, theirs: &str| {
            if for_self {
                mine.to_owned()
            } else {
                theirs.to_owned()
            }
        };
        Cow::Owned(match self {
            ReferralPage::WhoIsItFor => "Who needs help?".to_owned(),
            ReferralPage::AboutYou => "About you".to_owned(),
            ReferralPage::TheirAgreement => {
                "Do they agree to you asking for help for them?".to_owned()
            }
            ReferralPage::Name => pick("What is your name?", "What is their name?"),
            ReferralPage::DateOfBirth => pick(
                "What is your date of birth?",
                "What is their date of birth?",
            ),
            ReferralPage::Address => pick("What is your address?", "What is their address?"),
            ReferralPage::Contact => pick("How can we contact you?", "How can we contact them?"),
            ReferralPage::Language => "Language and communication".to_owned(),
            ReferralPage::DailyTasks => pick(
                "Which everyday things are hard for you to do?",
                "Which everyday things are hard for them to do?",
            ),
            ReferralPage::HelpNeeded => pick("What help do you need?", "What help do they need?"),
            ReferralPage::Urgent => "Is any of this urgent?".to_owned(),
            ReferralPage::PeopleInvolved => "Who else is involved?".to_owned(),
            ReferralPage::WhoCanFollow => "Who else can follow this request? (optional)".to_owned(),
            ReferralPage::CheckAnswers => {
                "Check your answers before sending your request".to_owned()
            }
        })
    }

    fn problems(self, draft: &ReferralDraft, today: Date) -> FieldErrors {
        draft.problems(self, today)
    }

    fn submission_key(draft: &mut ReferralDraft) -> Option<&mut String> {
        Some(&mut draft.submission_key)
    }
}

pages_by_slug!(ReferralPage);

/// The answers so far, kept on the server (in the session, or saved to come back to).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReferralDraft {
    pub request: ReferralRequest,
    /// The date of birth as typed (the request holds it once it is a real date).
    pub date_of_birth: DateParts,
    pub declaration: bool,
    /// One per draft: every "Send" of this draft is the same submission.
    pub submission_key: String,
    /// Set when the answers were saved to come back to: deleted once the request is sent.
    pub saved_code_hash: Option<String>,
    /// The eligibility self-check's result, when the request started from its "ask for an
    /// assessment" (kept with the request, for the dashboard and the staff record).
    pub from_check: Option<String>,
    /// The interpreter question as answered (`no` or an `INTERPRETERS` code; "" not yet), so
    /// "No" shows chosen when the page is seen again without ever being chosen in advance.
    pub interpreter_answer: String,
}

/// What a question page posts: the fields of every page, each page filling its own. Named
/// `form[...]` after the request's field paths, so errors link to their inputs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReferralForm {
    #[serde(rename = "for")]
    pub for_whom: String,
    pub referrer: Referrer,
    pub consent: ConsentForm,
    pub person: PersonForm,
    pub needs: NeedsForm,
    pub involved: Involved,
    pub trackers: BTreeMap<String, Tracker>,
    pub declaration: String,
    pub return_to: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConsentForm {
    /// `yes` or `no`.
    pub person_agrees: String,
    pub reason_without_consent: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    pub given_name: String,
    pub family_name: String,
    pub date_of_birth: DateParts,
    pub address_line_1: String,
    pub address_line_2: String,
    pub town: String,
    pub postcode: String,
    pub phone: String,
    pub email: String,
    pub preferred_contact: String,
    pub language: String,
    /// `no`, or the kind of interpreter (`communication::INTERPRETERS`).
    pub interpreter_needed: String,
    /// Ticked formats: `form[person][formats][large_print]=large_print`.
    pub formats: BTreeMap<String, String>,
    /// Anything else that helps (the needs' free text).
    pub communication_needs: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NeedsForm {
    pub summary: String,
    pub what_matters: String,
    /// Ticked boxes: `form[needs][outcomes][nutrition]=nutrition`.
    pub outcomes: BTreeMap<String, String>,
    pub urgent: BTreeMap<String, String>,
}

impl ReferralDraft {
    /// Copies what `page` posted into the draft (valid or not: nothing typed is lost).
    pub fn apply(&mut self, page: ReferralPage, form: &ReferralForm, today: Date) {
        let r = &mut self.request;
        match page {
            ReferralPage::WhoIsItFor => r.for_whom = form.for_whom.clone(),
            ReferralPage::AboutYou => r.referrer = Some(form.referrer.clone()),
            ReferralPage::TheirAgreement => {
                r.consent = Consent {
                    person_agrees: posted_yes_no(&form.consent.person_agrees),
                    reason_without_consent: form.consent.reason_without_consent.clone(),
                    ..Consent::default()
                }
            }
            ReferralPage::Name => copy_fields!(r.person, form.person; given_name, family_name),
            ReferralPage::DateOfBirth => {
                let typed = &form.person.date_of_birth;
                self.date_of_birth = typed.clone();
                r.person.date_of_birth = typed.iso_date_of_birth(today);
            }
            ReferralPage::Address => {
                copy_fields!(r.person, form.person; address_line_1, address_line_2, town, postcode)
            }
            ReferralPage::Contact => {
                copy_fields!(r.person, form.person; phone, email, preferred_contact)
            }
            ReferralPage::Language => {
                let interpreter = match form.person.interpreter_needed.as_str() {
                    "" | "no" => None,
                    code => Some(code.to_owned()),
                };
                r.person.language = form.person.language.clone();
                r.person.interpreter_needed = interpreter.is_some();
                r.person.communication_needs = CommunicationNeeds {
                    formats: form.person.formats.keys().cloned().collect(),
                    interpreter,
                    support: form.person.communication_needs.clone(),
                    ..CommunicationNeeds::default()
                };
                self.interpreter_answer = form.person.interpreter_needed.clone();
            }
            ReferralPage::DailyTasks => {
                r.needs.outcomes = form.needs.outcomes.keys().cloned().collect()
            }
            ReferralPage::HelpNeeded => copy_fields!(r.needs, form.needs; summary, what_matters),
            ReferralPage::Urgent => r.needs.urgent = form.needs.urgent.keys().cloned().collect(),
            ReferralPage::PeopleInvolved => r.involved = form.involved.clone(),
            ReferralPage::WhoCanFollow => {
                r.trackers = (0..WEB_TRACKERS)
                    .filter_map(|i| form.trackers.get(&i.to_string()).cloned())
                    .filter(|t| {
                        [&t.name, &t.relationship, &t.email, &t.phone]
                            .iter()
                            .any(|v| !v.trim().is_empty())
                    })
                    .collect();
            }
            ReferralPage::CheckAnswers => self.declaration = form.declaration == "yes",
        }
    }

    /// The problems on one page, in the page's field order.
    pub fn problems(&self, page: ReferralPage, today: Date) -> FieldErrors {
        match page {
            ReferralPage::DateOfBirth => {
                let typed = &self.date_of_birth;
                let missing = if self.request.is_for_someone_else() {
                    "Enter their date of birth"
                } else {
                    "Enter your date of birth"
                };
                let mut errors = FieldErrors::default();
                if let Err(problem) =
                    date_of_birth_parts(&typed.day, &typed.month, &typed.year, today, missing)
                {
                    errors.add("person.date_of_birth", problem.message);
                }
                errors
            }
            ReferralPage::CheckAnswers => {
                let mut errors = FieldErrors::default();
                if !self.declaration {
                    errors.add(
                        "declaration",
                        "Confirm that the information you have given is correct",
                    );
                }
                errors
            }
            ReferralPage::WhoCanFollow => {
                // Trackers are numbered as the page shows them, so map the request's order back.
                self.request.problems_for(today, &["trackers"])
            }
            page => self.request.problems_for(today, page.fields()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 22);

    fn filled() -> ReferralDraft {
        let mut draft = ReferralDraft::default();
        let mut form = ReferralForm {
            for_whom: "self".into(),
            ..Default::default()
        };
        form.person = PersonForm {
            given_name: "Amara".into(),
            family_name: "Okafor".into(),
            date_of_birth: DateParts {
                day: "2".into(),
                month: "3".into(),
                year: "1948".into(),
            },
            address_line_1: "12 Mill Lane".into(),
            town: "Exampletown".into(),
            postcode: "ex1 2ab".into(),
            phone: "01632 960001".into(),
            preferred_contact: "phone".into(),
            interpreter_needed: "no".into(),
            ..Default::default()
        };
        form.needs.summary = "Help with cooking".into();
        form.needs
            .outcomes
            .insert("nutrition".into(), "nutrition".into());
        for page in ReferralPage::QUESTIONS {
            draft.apply(page, &form, TODAY);
        }
        draft
    }

    #[test]
    fn pages_post_their_slug() {
        for page in ReferralPage::QUESTIONS
            .into_iter()
            .chain([ReferralPage::CheckAnswers])
        {
            assert_eq!(serde_json::to_value(page).unwrap(), page.slug().as_ref());
        }
    }

    #[test]
    fn someone_else_adds_two_pages() {
        let mut draft = ReferralDraft::default();
        assert_eq!(ReferralPage::WhoIsItFor.next(&draft), ReferralPage::Name);
        draft.request.for_whom = "someone_else".into();
        assert_eq!(
            ReferralPage::WhoIsItFor.next(&draft),
            ReferralPage::AboutYou
        );
        assert_eq!(
            ReferralPage::TheirAgreement.next(&draft),
            ReferralPage::Name
        );
        assert_eq!(
            ReferralPage::Name.previous_path(&draft),
            "/request-an-assessment/their-agreement"
        );
        assert_eq!(
            ReferralPage::WhoIsItFor.previous_path(&draft),
            "/request-an-assessment"
        );
        assert_eq!(
            ReferralPage::WhoCanFollow.next(&draft),
            ReferralPage::CheckAnswers
        );
        assert_eq!(
            ReferralPage::from_slug("contact-details"),
            Some(ReferralPage::Contact)
        );
        assert_eq!(ReferralPage::from_slug("nope"), None);
    }

    #[test]
    fn a_filled_draft_is_finished_and_checks_as_a_request() {
        let draft = filled();
        assert_eq!(ReferralPage::first_unfinished(&draft, TODAY), None);
        assert_eq!(draft.request.person.date_of_birth, "1948-03-02");
        assert_eq!(draft.request.needs.outcomes, ["nutrition"]);
        assert!(draft.request.check(TODAY).is_ok());
    }

    #[test]
    fn pages_show_their_own_problems_and_keep_what_was_typed() {
        let mut draft = filled();
        let form = ReferralForm {
            person: PersonForm {
                date_of_birth: DateParts {
                    day: "31".into(),
                    month: "2".into(),
                    year: "1948".into(),
                },
                ..Default::default()
            },
            ..Default::default()
        };
        draft.apply(ReferralPage::DateOfBirth, &form, TODAY);
        assert_eq!(draft.date_of_birth.day, "31", "kept as typed");
        let errors = draft.problems(ReferralPage::DateOfBirth, TODAY);
        assert_eq!(
            errors.message_for("person.date_of_birth").as_deref(),
            Some("Date of birth must be a real date")
        );
        assert_eq!(
            ReferralPage::first_unfinished(&draft, TODAY),
            Some(ReferralPage::DateOfBirth)
        );
        assert!(draft.problems(ReferralPage::Name, TODAY).is_empty());
    }

    #[test]
    fn empty_tracker_slots_are_dropped_and_half_filled_ones_named() {
        let mut draft = filled();
        let mut form = ReferralForm::default();
        form.trackers.insert("0".into(), Tracker::default());
        form.trackers.insert(
            "1".into(),
            Tracker {
                name: "Chidi".into(),
                ..Default::default()
            },
        );
        draft.apply(ReferralPage::WhoCanFollow, &form, TODAY);
        assert_eq!(draft.request.trackers.len(), 1);
        let errors = draft.problems(ReferralPage::WhoCanFollow, TODAY);
        assert!(errors.message_for("trackers.0.relationship").is_some());
    }

    #[test]
    fn the_declaration_must_be_confirmed() {
        let mut draft = filled();
        assert!(!draft.problems(ReferralPage::CheckAnswers, TODAY).is_empty());
        draft.apply(
            ReferralPage::CheckAnswers,
            &ReferralForm {
                declaration: "yes".into(),
                ..Default::default()
            },
            TODAY,
        );
        assert!(draft.problems(ReferralPage::CheckAnswers, TODAY).is_empty());
    }
}
