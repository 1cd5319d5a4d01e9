//! The "Report a concern about an adult" journey as data: its question pages in order (with
//! the reporter's details only for someone who chooses to give them), what each page posts,
//! how a post updates the draft, and which rules each page shows. Shared by the server
//! functions and the browser island.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::date_parts::DateParts;
use crate::domain::checks::{date_of_birth_parts, iso_date};
use crate::domain::concern::{Concern, KIND};
use crate::domain::problems::FieldErrors;
use crate::domain::referral::{ReferralRequest, Referrer};
use crate::journeys::flow::{copy_fields, pages_by_slug, pages_named, Journey, CHECK_ANSWERS_SLUG};

pub const BASE: &str = "/report-a-concern";
pub const CHECK_PATH: &str = "/report-a-concern/check-answers";
pub const CONFIRMATION_PATH: &str = "/report-a-concern/confirmation";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConcernPage {
    WhoIsAtRisk,
    WhereAreThey,
    WhatHappened,
    DoTheyKnow,
    GiveDetails,
    YourDetails,
    CheckAnswers,
}

impl Journey for ConcernPage {
    type Draft = ConcernDraft;
    const START: &'static str = BASE;
    const KEY: &'static str = "concern";
    const CHECK_ANSWERS: Self = ConcernPage::CheckAnswers;

    fn questions(_draft: &ConcernDraft) -> Vec<Self> {
        Self::QUESTIONS.to_vec()
    }

    /// Its questions do not depend on the answers: no draft needed to find one.
    fn from_slug(slug: &str) -> Option<Self> {
        pages_named(Self::QUESTIONS, slug)
    }

    fn slug(self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            ConcernPage::WhoIsAtRisk => "who-is-at-risk",
            ConcernPage::WhereAreThey => "where-are-they",
            ConcernPage::WhatHappened => "what-happened",
            ConcernPage::DoTheyKnow => "do-they-know",
            ConcernPage::GiveDetails => "your-details-or-anonymous",
            ConcernPage::YourDetails => "your-details",
            ConcernPage::CheckAnswers => CHECK_ANSWERS_SLUG,
        })
    }

    fn question(self, _draft: &ConcernDraft) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            ConcernPage::WhoIsAtRisk => "Who are you worried about?",
            ConcernPage::WhereAreThey => "Where are they?",
            ConcernPage::WhatHappened => "What has happened?",
            ConcernPage::DoTheyKnow => "Do they know you are telling us?",
            ConcernPage::GiveDetails => "Do you want to give your name and contact details?",
            ConcernPage::YourDetails => "Your details",
            ConcernPage::CheckAnswers => "Check your answers before sending your report",
        })
    }

    fn applies(self, draft: &ConcernDraft) -> bool {
        match self {
            ConcernPage::YourDetails => draft.give_details == "yes",
            _ => true,
        }
    }

    fn problems(self, draft: &ConcernDraft, today: Date) -> FieldErrors {
        draft.problems(self, today)
    }

    fn submission_key(draft: &mut ConcernDraft) -> Option<&mut String> {
        Some(&mut draft.submission_key)
    }
}

pages_by_slug!(ConcernPage);

impl ConcernPage {
    pub const QUESTIONS: [ConcernPage; 6] = [
        ConcernPage::WhoIsAtRisk,
        ConcernPage::WhereAreThey,
        ConcernPage::WhatHappened,
        ConcernPage::DoTheyKnow,
        ConcernPage::GiveDetails,
        ConcernPage::YourDetails,
    ];

    /// The fields the page owns, in the order they appear.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            ConcernPage::WhoIsAtRisk => &[
                "person.given_name",
                "person.family_name",
                "concern.approximate_age",
            ],
            ConcernPage::WhereAreThey => &[
                "person.address_line_1",
                "person.address_line_2",
                "person.town",
                "person.postcode",
            ],
            ConcernPage::WhatHappened => &[
                "concern.what_happened",
                "concern.when_it_happened",
                "concern.who_is_causing_harm",
            ],
            ConcernPage::DoTheyKnow => &["concern.person_knows"],
            ConcernPage::GiveDetails => &["give_details"],
            ConcernPage::YourDetails => &[
                "referrer.given_name",
                "referrer.family_name",
                "referrer.relationship",
                "referrer.phone",
                "referrer.email",
                "referrer.date_of_birth",
            ],
            ConcernPage::CheckAnswers => &[],
        }
    }
}

/// The answers so far, kept in the session only (a concern is never saved to come back to:
/// a saved copy could be found by the person causing harm).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConcernDraft {
    pub request: ReferralRequest,
    /// `yes` or `no`, as answered.
    pub give_details: String,
    /// The reporter's date of birth as typed.
    pub reporter_date_of_birth: DateParts,
    /// One per draft: every "Send" of this draft is the same submission.
    pub submission_key: String,
}

impl Default for ConcernDraft {
    fn default() -> Self {
        ConcernDraft {
            request: ReferralRequest {
                for_whom: "someone_else".into(),
                kind: KIND.into(),
                concern: Some(Concern::default()),
                ..ReferralRequest::default()
            },
            give_details: String::new(),
            reporter_date_of_birth: DateParts::default(),
            submission_key: String::new(),
        }
    }
}

/// What a page of this journey posts, named `form[...]` after the request's field paths.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConcernForm {
    pub person: PersonAtRiskForm,
    pub concern: Concern,
    /// `yes` or `no`.
    pub give_details: String,
    pub referrer: ReporterForm,
    pub return_to: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonAtRiskForm {
    pub given_name: String,
    pub family_name: String,
    pub address_line_1: String,
    pub address_line_2: String,
    pub town: String,
    pub postcode: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReporterForm {
    pub given_name: String,
    pub family_name: String,
    pub relationship: String,
    pub phone: String,
    pub email: String,
    pub date_of_birth: DateParts,
}

impl ConcernDraft {
    fn concern_mut(&mut self) -> &mut Concern {
        self.request.concern.get_or_insert_with(Concern::default)
    }

    pub fn concern(&self) -> Concern {
        self.request.concern.clone().unwrap_or_default()
    }

    /// Copies what `page` posted into the draft (valid or not: nothing typed is lost).
    pub fn apply(&mut self, page: ConcernPage, form: &ConcernForm, today: Date) {
        match page {
            ConcernPage::WhoIsAtRisk => {
                let person = &mut self.request.person;
                copy_fields!(person, form.person; given_name, family_name);
                self.concern_mut().approximate_age = form.concern.approximate_age.clone();
            }
            ConcernPage::WhereAreThey => {
                let person = &mut self.request.person;
                copy_fields!(person, form.person; address_line_1, address_line_2, town, postcode);
            }
            ConcernPage::WhatHappened => {
                let concern = self.concern_mut();
                copy_fields!(concern, form.concern; what_happened, when_it_happened, who_is_causing_harm);
            }
            ConcernPage::DoTheyKnow => {
                self.concern_mut().person_knows = form.concern.person_knows.clone()
            }
            ConcernPage::GiveDetails => {
                self.give_details = form.give_details.clone();
                self.request.referrer = match self.give_details.as_str() {
                    "yes" => Some(self.request.referrer.clone().unwrap_or_default()),
                    _ => None,
                };
            }
            // Only asked of someone who chose to give their details.
            ConcernPage::YourDetails if page.applies(self) => {
                let typed = &form.referrer.date_of_birth;
                self.reporter_date_of_birth = typed.clone();
                self.request.referrer = Some(Referrer {
                    given_name: form.referrer.given_name.clone(),
                    family_name: form.referrer.family_name.clone(),
                    relationship: form.referrer.relationship.clone(),
                    phone: form.referrer.phone.clone(),
                    email: form.referrer.email.clone(),
                    date_of_birth: date_of_birth_parts(
                        &typed.day,
                        &typed.month,
                        &typed.year,
                        today,
                        "",
                    )
                    .map(iso_date)
                    .unwrap_or_default(),
                    ..Referrer::default()
                });
            }
            ConcernPage::YourDetails | ConcernPage::CheckAnswers => {}
        }
    }

    /// The problems on one page, in the page's field order.
    pub fn problems(&self, page: ConcernPage, today: Date) -> FieldErrors {
        match page {
            ConcernPage::GiveDetails => {
                let mut errors = FieldErrors::default();
                if !matches!(self.give_details.as_str(), "yes" | "no") {
                    errors.add(
                        "give_details",
                        "Select whether you want to give your name and contact details",
                    );
                }
                errors
            }
            ConcernPage::YourDetails => {
                let mut errors = self.request.concern_problems_for(today, page.fields());
                let typed = &self.reporter_date_of_birth;
                let blank = [&typed.day, &typed.month, &typed.year]
                    .iter()
                    .all(|part| part.trim().is_empty());
                if let Some(problem) = typed.date_of_birth_problem(today, "").filter(|_| !blank) {
                    errors.add("referrer.date_of_birth", problem);
                }
                errors
            }
            page => self.request.concern_problems_for(today, page.fields()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 22);

    fn answered(give_details: &str) -> ConcernDraft {
        let mut draft = ConcernDraft::default();
        let form = ConcernForm {
            person: PersonAtRiskForm {
                given_name: "Edna".into(),
                address_line_1: "4 Quay Street".into(),
                town: "Exampletown".into(),
                ..Default::default()
            },
            concern: Concern {
                what_happened: "Her son takes her pension".into(),
                person_knows: "not_sure".into(),
                ..Default::default()
            },
            give_details: give_details.into(),
            referrer: ReporterForm {
                given_name: "Jo".into(),
                family_name: "Bloggs".into(),
                relationship: "Neighbour".into(),
                email: "jo@example.org".into(),
                ..Default::default()
            },
            return_to: None,
        };
        for page in ConcernPage::QUESTIONS {
            draft.apply(page, &form, TODAY);
        }
        draft
    }

    #[test]
    fn pages_post_their_slug() {
        for page in ConcernPage::QUESTIONS
            .into_iter()
            .chain([ConcernPage::CheckAnswers])
        {
            assert_eq!(serde_json::to_value(page).unwrap(), page.slug().as_ref());
            assert_eq!(ConcernPage::from_slug(&page.slug()), Some(page));
        }
    }

    #[test]
    fn an_anonymous_report_skips_your_details() {
        let draft = answered("no");
        assert_eq!(
            ConcernPage::GiveDetails.next(&draft),
            ConcernPage::CheckAnswers
        );
        assert_eq!(ConcernPage::first_unfinished(&draft, TODAY), None);
        assert!(draft.request.referrer.is_none());
        let checked = draft.request.check(TODAY).unwrap();
        assert_eq!(checked.lookup_date_of_birth, None);
    }

    #[test]
    fn a_named_reporter_may_add_a_date_of_birth_to_follow_it() {
        let mut draft = answered("yes");
        assert_eq!(
            ConcernPage::GiveDetails.next(&draft),
            ConcernPage::YourDetails
        );
        assert_eq!(ConcernPage::first_unfinished(&draft, TODAY), None);
        let mut form = ConcernForm::default();
        form.referrer = ReporterForm {
            given_name: "Jo".into(),
            family_name: "Bloggs".into(),
            relationship: "Neighbour".into(),
            phone: "01632 960002".into(),
            date_of_birth: DateParts {
                day: "31".into(),
                month: "2".into(),
                year: "1980".into(),
            },
            ..Default::default()
        };
        draft.apply(ConcernPage::YourDetails, &form, TODAY);
        assert_eq!(
            draft
                .problems(ConcernPage::YourDetails, TODAY)
                .message_for("referrer.date_of_birth")
                .as_deref(),
            Some("Date of birth must be a real date")
        );
        form.referrer.date_of_birth.day = "28".into();
        draft.apply(ConcernPage::YourDetails, &form, TODAY);
        assert!(draft.problems(ConcernPage::YourDetails, TODAY).is_empty());
        let checked = draft.request.check(TODAY).unwrap();
        assert_eq!(checked.lookup_date_of_birth, Some(date!(1980 - 02 - 28)));
    }

    #[test]
    fn each_page_shows_only_its_own_problems() {
        let draft = ConcernDraft::default();
        let errors = draft.problems(ConcernPage::WhoIsAtRisk, TODAY);
        assert_eq!(
            errors.message_for("person.given_name").as_deref(),
            Some("Enter their first name, or what people call them")
        );
        assert!(errors.message_for("person.town").is_none());
        assert_eq!(
            ConcernPage::first_unfinished(&draft, TODAY),
            Some(ConcernPage::WhoIsAtRisk)
        );
        assert!(!draft.problems(ConcernPage::GiveDetails, TODAY).is_empty());
    }
}
