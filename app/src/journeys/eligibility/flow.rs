//! The "Check if you can get care and support" journey as data: who it is for, then the adult
//! check (regulation 2) or the carer check (regulation 3), one question per page, in the
//! voice of who is answering; how a post updates the draft; each page's problems; and the
//! answers as the domain's `AdultAnswers` or `CarerAnswers`.

use std::collections::BTreeMap;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::eligibility::{
    check_adult, check_carer, reason_problem, AdultAnswers, CarerAnswers, Verdict, CARER_OUTCOMES,
    LIMBS, MAX_AGE,
};
use crate::domain::outcomes::ADULT_OUTCOMES;
use crate::domain::problems::FieldErrors;
use crate::journeys::flow::{pages_by_slug, posted_yes_no, Journey, CHECK_ANSWERS_SLUG};

pub const BASE: &str = "/check-if-you-can-get-care";
pub const CHECK_PATH: &str = "/check-if-you-can-get-care/check-answers";
pub const RESULT_PATH: &str = "/check-if-you-can-get-care/result";
/// The answer for an everyday thing the person manages.
pub const MANAGES: &str = "none";

/// An adult outcome's question: the thing, and examples.
pub const ADULT_QUESTIONS: [(&str, &str, &str); 10] = [
    ("nutrition", "Preparing food and drink, and eating it", "For example, cooking a simple meal, or eating and drinking enough"),
    ("personal_hygiene", "Keeping clean", "For example, washing, bathing, and washing clothes"),
    ("toilet_needs", "Using the toilet", "For example, getting to the toilet in time and cleaning yourself after"),
    ("being_clothed", "Getting dressed", "For example, putting on clothes that suit the weather, and doing up buttons"),
    ("home_safety", "Moving around the home safely", "For example, getting up and down stairs, and in and out of bed or a chair"),
    ("habitable_home", "Keeping the home clean and safe", "For example, cleaning, keeping warm, and paying bills so the heating stays on"),
    ("relationships", "Keeping in touch with family and friends", "For example, seeing or calling people who matter"),
    ("work_training_education_volunteering", "Work, training, education or volunteering", "For example, getting to work or a course, and taking part"),
    ("community_services", "Getting out and using local places", "For example, shops, buses, the doctor's surgery, or a library"),
    ("caring_for_child", "Looking after a child", "For example, getting a child ready for school. Leave this if you do not look after a child"),
];

/// A carer outcome's question: the thing, and examples.
pub const CARER_QUESTIONS: [(&str, &str, &str); 8] = [
    (
        "caring_for_child",
        "Looking after a child as well",
        "Leave this if you do not look after a child",
    ),
    (
        "caring_for_others",
        "Caring for anyone else you look after",
        "Leave this if you care for only one person",
    ),
    (
        "habitable_home",
        "Keeping your own home clean and safe",
        "For example, cleaning and keeping on top of repairs",
    ),
    (
        "nutrition",
        "Eating well yourself",
        "For example, having time to cook and eat proper meals",
    ),
    (
        "relationships",
        "Keeping in touch with your family and friends",
        "For example, seeing people who matter to you",
    ),
    (
        "work_training_education_volunteering",
        "Work, training, education or volunteering",
        "For example, keeping your job or going to a course",
    ),
    (
        "community_services",
        "Using local services",
        "For example, going to your own doctor, or to the shops",
    ),
    (
        "recreation",
        "Having time for yourself",
        "For example, hobbies, exercise, or a break",
    ),
];

/// The question pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckPage {
    WhoIsItFor,
    AreYouACarer,
    /// The person's age, when checking for someone else.
    TheirAge,
    Condition,
    /// An adult outcome, by its index in `ADULT_QUESTIONS`.
    Everyday(usize),
    CarerAge,
    /// The age of the person the carer looks after.
    CaredForAge,
    NecessaryCare,
    YourHealth,
    /// A carer outcome, by its index in `CARER_QUESTIONS`.
    Caring(usize),
    GoodAndBadDays,
    Wellbeing,
    CheckAnswers,
}

impl Journey for CheckPage {
    type Draft = CheckDraft;
    const START: &'static str = BASE;
    const KEY: &'static str = "eligibility";
    const CHECK_ANSWERS: Self = CheckPage::CheckAnswers;

    /// Every question page, in order (branches decide which apply).
    fn questions(_draft: &CheckDraft) -> Vec<CheckPage> {
        let mut pages = vec![
            CheckPage::WhoIsItFor,
            CheckPage::AreYouACarer,
            CheckPage::TheirAge,
            CheckPage::Condition,
        ];
        pages.extend((0..ADULT_QUESTIONS.len()).map(CheckPage::Everyday));
        pages.extend([
            CheckPage::CarerAge,
            CheckPage::CaredForAge,
            CheckPage::NecessaryCare,
            CheckPage::YourHealth,
        ]);
        pages.extend((0..CARER_QUESTIONS.len()).map(CheckPage::Caring));
        pages.extend([CheckPage::GoodAndBadDays, CheckPage::Wellbeing]);
        pages
    }

    fn slug(self) -> Cow<'static, str> {
        match self {
            CheckPage::WhoIsItFor => "who-is-it-for".into(),
            CheckPage::AreYouACarer => "are-you-a-carer".into(),
            CheckPage::TheirAge => "their-age".into(),
            CheckPage::Condition => "health-condition".into(),
            CheckPage::Everyday(i) => {
                format!("everyday-{}", ADULT_QUESTIONS[i].0.replace('_', "-")).into()
            }
            CheckPage::CarerAge => "your-age".into(),
            CheckPage::CaredForAge => "age-of-the-person-you-look-after".into(),
            CheckPage::NecessaryCare => "the-care-you-give".into(),
            CheckPage::YourHealth => "your-health".into(),
            CheckPage::Caring(i) => {
                format!("caring-{}", CARER_QUESTIONS[i].0.replace('_', "-")).into()
            }
            CheckPage::GoodAndBadDays => "good-and-bad-days".into(),
            CheckPage::Wellbeing => "well-being".into(),
            CheckPage::CheckAnswers => CHECK_ANSWERS_SLUG.into(),
        }
    }

    fn applies(self, draft: &CheckDraft) -> bool {
        let carer = draft.is_carer_check();
        match self {
            CheckPage::WhoIsItFor => true,
            CheckPage::AreYouACarer => draft.for_whom == "me",
            CheckPage::TheirAge => !carer && draft.for_whom != "me",
            CheckPage::Condition | CheckPage::Everyday(_) => !carer && !draft.is_child(),
            CheckPage::CarerAge => carer,
            CheckPage::CaredForAge => carer && !draft.is_young_carer(),
            CheckPage::NecessaryCare | CheckPage::YourHealth | CheckPage::Caring(_) => {
                carer && !draft.is_routed_elsewhere()
            }
            CheckPage::GoodAndBadDays | CheckPage::Wellbeing => !draft.is_routed_elsewhere(),
            CheckPage::CheckAnswers => true,
        }
    }

    /// The page's question, in the voice of who is answering.
    fn question(self, draft: &CheckDraft) -> Cow<'static, str> {
        let mine = draft.for_whom == "me";
        let pick =
            |me: &'static str, them: &'static str| Cow::Borrowed(if mine { me } else { them });
        match self {
            CheckPage::WhoIsItFor => "Who are you checking for?".into(),
            CheckPage::AreYouACarer => "Are you checking because you look after someone?".into(),
            CheckPage::Condition => pick(
                "Do your needs come from a health condition, illness or disability?",
                "Do their needs come from a health condition, illness or disability?",
            ),
            CheckPage::Everyday(i) => ADULT_QUESTIONS[i].1.into(),
            CheckPage::TheirAge => "How old are they?".into(),
            CheckPage::CarerAge => "How old are you?".into(),
            CheckPage::CaredForAge => "How old is the person you look after?".into(),
            CheckPage::NecessaryCare => {
                "Would the person you look after need this help if you did not give it?".into()
            }
            CheckPage::YourHealth => {
                "Is caring making your health worse, or putting it at risk?".into()
            }
            CheckPage::Caring(i) => CARER_QUESTIONS[i].1.into(),
            CheckPage::GoodAndBadDays => pick(
                "Do your needs change from day to day?",
                "Do their needs change from day to day?",
            ),
            CheckPage::Wellbeing => pick(
                "How much does this affect your life?",
                "How much does this affect their life?",
            ),
            CheckPage::CheckAnswers => "Check your answers".into(),
        }
    }

    fn problems(self, draft: &CheckDraft, _today: Date) -> FieldErrors {
        draft.problems(self)
    }
}

pages_by_slug!(CheckPage);

/// The answers so far, kept in the session only (they go when it ends).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckDraft {
    /// `me`, `cared_for` or `someone_else`.
    pub for_whom: String,
    /// `yes` or `no`.
    pub carer: String,
    /// `yes`, `no` or `not_sure`.
    pub condition: String,
    /// Outcome code → limb codes, or `[MANAGES]`. A key is there once the page is answered.
    pub everyday: BTreeMap<String, Vec<String>>,
    pub age: String,
    /// The person's age, when checking for someone else.
    pub their_age: String,
    /// The age of the person a carer looks after.
    pub cared_for_age: String,
    pub necessary_care: String,
    pub health: String,
    pub caring: BTreeMap<String, Vec<String>>,
    /// `yes` or `no`.
    pub changes: String,
    /// `significant`, `some`, `none` or `not_sure`.
    pub wellbeing: String,
}

/// What a page posts (`form[...]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckForm {
    pub for_whom: String,
    pub carer: String,
    pub condition: String,
    /// Ticked boxes on an outcome page: `form[answer][without_assistance]=without_assistance`.
    pub answer: BTreeMap<String, String>,
    pub age: String,
    pub their_age: String,
    pub cared_for_age: String,
    pub necessary_care: String,
    pub health: String,
    pub changes: String,
    pub wellbeing: String,
    pub return_to: Option<String>,
}

/// An age in whole years, 0 to the checks' `MAX_AGE`.
fn years(typed: &str) -> Option<u32> {
    typed.trim().parse().ok().filter(|a| *a <= MAX_AGE)
}

impl CheckDraft {
    pub fn is_carer_check(&self) -> bool {
        self.for_whom == "me" && self.carer == "yes"
    }

    pub fn age_in_years(&self) -> Option<u32> {
        self.age
            .trim()
            .parse()
            .ok()
            .filter(|a| (5..=120).contains(a))
    }

    pub fn is_young_carer(&self) -> bool {
        self.is_carer_check() && self.age_in_years().is_some_and(|a| a < 18)
    }

    /// Checking for someone else who is under 18 (a transition assessment, not regulation 2).
    pub fn is_child(&self) -> bool {
        !self.is_carer_check()
            && self.for_whom != "me"
            && years(&self.their_age).is_some_and(|a| a < 18)
    }

    /// A carer who looks after someone under 18 (children's services, not regulation 3).
    pub fn cares_for_child(&self) -> bool {
        self.is_carer_check()
            && !self.is_young_carer()
            && years(&self.cared_for_age).is_some_and(|a| a < 18)
    }

    /// The check routes to children's services or a transition assessment instead of the
    /// regulations: the rest of its questions do not apply.
    pub fn is_routed_elsewhere(&self) -> bool {
        self.is_young_carer() || self.is_child() || self.cares_for_child()
    }

    pub fn apply(&mut self, page: CheckPage, form: &CheckForm) {
        let ticked = || form.answer.keys().cloned().collect::<Vec<_>>();
        match page {
            CheckPage::WhoIsItFor => self.for_whom = form.for_whom.clone(),
            CheckPage::AreYouACarer => self.carer = form.carer.clone(),
            CheckPage::Condition => self.condition = form.condition.clone(),
            CheckPage::Everyday(i) => {
                self.everyday
                    .insert(ADULT_QUESTIONS[i].0.to_owned(), ticked());
            }
            CheckPage::CarerAge => self.age = form.age.clone(),
            CheckPage::TheirAge => self.their_age = form.their_age.clone(),
            CheckPage::CaredForAge => self.cared_for_age = form.cared_for_age.clone(),
            CheckPage::NecessaryCare => self.necessary_care = form.necessary_care.clone(),
            CheckPage::YourHealth => self.health = form.health.clone(),
            CheckPage::Caring(i) => {
                self.caring
                    .insert(CARER_QUESTIONS[i].0.to_owned(), ticked());
            }
            CheckPage::GoodAndBadDays => self.changes = form.changes.clone(),
            CheckPage::Wellbeing => self.wellbeing = form.wellbeing.clone(),
            CheckPage::CheckAnswers => {}
        }
    }

    pub fn problems(&self, page: CheckPage) -> FieldErrors {
        let mut errors = FieldErrors::default();
        let mut choose = |field: &str, value: &str, allowed: &[&str], message: &str| {
            if !allowed.contains(&value) {
                errors.add(field, message);
            }
        };
        let voice = if self.for_whom == "me" {
            "your"
        } else {
            "their"
        };
        match page {
            CheckPage::WhoIsItFor => choose("for_whom", &self.for_whom, &["me", "cared_for", "someone_else"], "Select who you are checking for"),
            CheckPage::AreYouACarer => choose("carer", &self.carer, &["yes", "no"], "Select yes if you are checking because you look after someone"),
            CheckPage::Condition => choose("condition", &self.condition, &["yes", "no", "not_sure"], &format!("Select whether {voice} needs come from a health condition, illness or disability")),
            CheckPage::NecessaryCare => choose("necessary_care", &self.necessary_care, &["yes", "no", "not_sure"], "Select whether the person would need this help without you"),
            CheckPage::YourHealth => choose("health", &self.health, &["yes", "no", "not_sure"], "Select whether caring is affecting your health"),
            CheckPage::GoodAndBadDays => choose("changes", &self.changes, &["yes", "no"], &format!("Select whether {voice} needs change from day to day")),
            CheckPage::Wellbeing => choose("wellbeing", &self.wellbeing, &["significant", "some", "none", "not_sure"], &format!("Select how much this affects {voice} life")),
            CheckPage::CarerAge => {
                if self.age_in_years().is_none() {
                    errors.add("age", "Enter your age in years, like 52");
                }
            }
            CheckPage::TheirAge => {
                if years(&self.their_age).is_none() {
                    errors.add("their_age", "Enter their age in years, like 80");
                }
            }
            CheckPage::CaredForAge => {
                if years(&self.cared_for_age).is_none() {
                    errors.add(
                        "cared_for_age",
                        "Enter the age in years of the person you look after, like 80",
                    );
                }
            }
            CheckPage::Everyday(i) => outcome_problems(self.everyday.get(ADULT_QUESTIONS[i].0), true, &mut errors),
            CheckPage::Caring(i) => outcome_problems(self.caring.get(CARER_QUESTIONS[i].0), false, &mut errors),
            CheckPage::CheckAnswers => {}
        }
        errors
    }

    /// The verdict on a finished draft.
    pub fn verdict(&self) -> Result<Verdict, FieldErrors> {
        // Built by inserting rather than collecting: collecting a map brings a sort into the
        // browser's wasm, and this runs there too.
        let reasons = |answers: &BTreeMap<String, Vec<String>>| {
            let mut reasons = BTreeMap::new();
            for (code, limbs) in answers {
                let limbs = limbs.iter().filter(|l| *l != MANAGES).cloned().collect();
                reasons.insert(code.clone(), limbs);
            }
            reasons
        };
        // Not answered yet (the running result) counts as "not sure".
        let wellbeing_impact = if self.is_routed_elsewhere() || self.wellbeing.is_empty() {
            "not_sure".to_owned()
        } else {
            self.wellbeing.clone()
        };
        if self.is_carer_check() {
            check_carer(&CarerAnswers {
                age: self.age_in_years().unwrap_or(0),
                cared_for_age: years(&self.cared_for_age),
                provides_necessary_care: posted_yes_no(&self.necessary_care),
                health_deteriorating: posted_yes_no(&self.health),
                outcomes: reasons(&self.caring),
                fluctuating: self.changes == "yes",
                wellbeing_impact,
            })
        } else {
            check_adult(&AdultAnswers {
                age: (self.for_whom != "me")
                    .then(|| years(&self.their_age))
                    .flatten(),
                impairment_or_illness: posted_yes_no(&self.condition),
                outcomes: reasons(&self.everyday),
                fluctuating: self.changes == "yes",
                wellbeing_impact,
            })
        }
    }
}

/// The result's heading in plain words: "You are likely to get care and support from the
/// council".
pub fn result_heading(result: &str, for_me: bool, carer: bool) -> String {
    let who = if for_me { "You" } else { "They" };
    let what = if carer {
        "support as a carer"
    } else {
        "care and support from the council"
    };
    match result {
        "likely_eligible" => format!("{who} are likely to get {what}"),
        "may_be_eligible" => format!("{who} may be able to get {what}"),
        "young_carer" => "Get support as a young carer".to_owned(),
        "transition_assessment" => "Ask for a transition assessment before they turn 18".to_owned(),
        "carer_of_child" => "Get support as the carer of a child".to_owned(),
        _ => format!("{who} may not be able to get {what}, but there is other help"),
    }
}

impl CheckDraft {
    /// The running result a question page shows, in words, once the person has said how
    /// they manage an everyday thing (or, for a carer, whether caring affects their health):
    /// the domain's verdict on the answers so far. While questions are left, it gives the
    /// reason about the everyday things only ("The rules need two or more"), since the rest
    /// is still to come; once all are answered, the result and every reason. Empty before
    /// then, on pages before the everyday things, and for young carers.
    pub fn so_far_words(&self, page: CheckPage) -> String {
        let shown_on = matches!(
            page,
            CheckPage::Everyday(_)
                | CheckPage::YourHealth
                | CheckPage::Caring(_)
                | CheckPage::GoodAndBadDays
                | CheckPage::Wellbeing
        );
        let started = if self.is_carer_check() {
            !self.health.is_empty() || !self.caring.is_empty()
        } else {
            !self.everyday.is_empty()
        };
        if !shown_on || !started || self.is_routed_elsewhere() {
            return String::new();
        }
        let Ok(verdict) = self.verdict() else {
            return String::new();
        };
        let finished = CheckPage::questions(self)
            .into_iter()
            .filter(|p| p.applies(self))
            .all(|p| self.problems(p).is_empty());
        if finished {
            let heading = result_heading(
                &verdict.result,
                self.for_whom == "me",
                self.is_carer_check(),
            );
            let reasons: Vec<&str> = verdict.reasons.iter().map(|r| r.text.as_str()).collect();
            format!("Your result: {heading}. {}", reasons.join(" "))
        } else {
            // The reasons run gateway, everyday things, well-being: the middle one.
            let middle = verdict
                .reasons
                .get(1)
                .map(|r| r.text.as_str())
                .unwrap_or_default();
            format!("So far: {middle}")
        }
    }
}

/// An outcome page: at least one box, and "I can do this" alone or the reasons alone.
fn outcome_problems(answer: Option<&Vec<String>>, adult: bool, errors: &mut FieldErrors) {
    let answer = answer.map(Vec::as_slice).unwrap_or(&[]);
    // A reason the check does not have gets the domain's words, as the API does.
    let unknown = answer
        .iter()
        .filter(|limb| *limb != MANAGES)
        .find_map(|limb| reason_problem(limb, adult));
    if answer.is_empty() {
        errors.add(
            "answer",
            "Select the reasons this is hard, or that it is not hard",
        );
    } else if let Some(problem) = unknown {
        errors.add("answer", problem);
    } else if answer.iter().any(|l| l == MANAGES) && answer.len() > 1 {
        errors.add(
            "answer",
            "Select that it is not hard, or the reasons it is hard, not both",
        );
    }
}

/// A limb's words for a checkbox, in the voice of who is answering.
pub fn limb_label(code: &str, mine: bool) -> String {
    let label = LIMBS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, label)| (*label).to_owned())
        .unwrap_or_default();
    if mine {
        label
    } else {
        label
            .replace("I cannot", "They cannot")
            .replace("I can,", "They can,")
            .replace("causes me", "causes them")
            .replace("puts my", "puts their")
            .replace("takes me", "takes them")
    }
}

/// The plain words for an outcome code, for either check.
pub fn outcome_words(code: &str, carer: bool) -> String {
    let questions: &[(&str, &str, &str)] = if carer {
        &CARER_QUESTIONS
    } else {
        &ADULT_QUESTIONS
    };
    questions
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, words, _)| (*words).to_owned())
        .or_else(|| {
            ADULT_OUTCOMES
                .iter()
                .find(|o| o.code == code)
                .map(|o| o.label.to_owned())
        })
        .or_else(|| {
            CARER_OUTCOMES
                .iter()
                .find(|(c, _, _)| *c == code)
                .map(|(_, l, _)| (*l).to_owned())
        })
        .unwrap_or_else(|| code.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(f: impl FnOnce(&mut CheckForm)) -> CheckForm {
        let mut form = CheckForm::default();
        f(&mut form);
        form
    }

    #[test]
    fn pages_round_trip_through_their_slugs() {
        for page in CheckPage::questions(&CheckDraft::default())
            .into_iter()
            .chain([CheckPage::CheckAnswers])
        {
            assert_eq!(CheckPage::from_slug(&page.slug()), Some(page));
            let json = serde_json::to_value(page).unwrap();
            assert_eq!(serde_json::from_value::<CheckPage>(json).unwrap(), page);
        }
        assert_eq!(CheckPage::Everyday(0).slug(), "everyday-nutrition");
    }

    #[test]
    fn an_adult_check_from_start_to_verdict() {
        let mut draft = CheckDraft::default();
        draft.apply(
            CheckPage::WhoIsItFor,
            &form(|f| f.for_whom = "someone_else".into()),
        );
        assert_eq!(CheckPage::WhoIsItFor.next(&draft), CheckPage::TheirAge);
        draft.apply(CheckPage::TheirAge, &form(|f| f.their_age = "16".into()));
        assert_eq!(CheckPage::TheirAge.next(&draft), CheckPage::CheckAnswers);
        assert_eq!(draft.verdict().unwrap().result, "transition_assessment");
        draft.apply(CheckPage::TheirAge, &form(|f| f.their_age = "81".into()));
        assert_eq!(CheckPage::TheirAge.next(&draft), CheckPage::Condition);
        draft.apply(CheckPage::Condition, &form(|f| f.condition = "yes".into()));
        for i in 0..ADULT_QUESTIONS.len() {
            let limb = if i < 2 { "without_assistance" } else { MANAGES };
            draft.apply(
                CheckPage::Everyday(i),
                &form(|f| {
                    f.answer.insert(limb.into(), limb.into());
                }),
            );
        }
        assert_eq!(
            CheckPage::first_unfinished(&draft, time::macros::date!(2026 - 11 - 22)),
            Some(CheckPage::GoodAndBadDays)
        );
        draft.apply(
            CheckPage::GoodAndBadDays,
            &form(|f| f.changes = "no".into()),
        );
        draft.apply(
            CheckPage::Wellbeing,
            &form(|f| f.wellbeing = "significant".into()),
        );
        assert_eq!(
            CheckPage::first_unfinished(&draft, time::macros::date!(2026 - 11 - 22)),
            None
        );
        let verdict = draft.verdict().unwrap();
        assert_eq!(verdict.result, "likely_eligible");
        assert_eq!(verdict.unmet_outcomes, ["nutrition", "personal_hygiene"]);
    }

    #[test]
    fn a_young_carer_goes_straight_to_the_end() {
        let mut draft = CheckDraft::default();
        draft.apply(CheckPage::WhoIsItFor, &form(|f| f.for_whom = "me".into()));
        draft.apply(CheckPage::AreYouACarer, &form(|f| f.carer = "yes".into()));
        assert_eq!(CheckPage::AreYouACarer.next(&draft), CheckPage::CarerAge);
        draft.apply(CheckPage::CarerAge, &form(|f| f.age = "15".into()));
        assert_eq!(CheckPage::CarerAge.next(&draft), CheckPage::CheckAnswers);
        assert_eq!(draft.verdict().unwrap().result, "young_carer");
    }

    /// The carer of a child is routed to children's services; of an adult, checked.
    #[test]
    fn the_carer_of_a_child_goes_to_the_end() {
        let mut draft = CheckDraft::default();
        draft.apply(CheckPage::WhoIsItFor, &form(|f| f.for_whom = "me".into()));
        draft.apply(CheckPage::AreYouACarer, &form(|f| f.carer = "yes".into()));
        draft.apply(CheckPage::CarerAge, &form(|f| f.age = "45".into()));
        assert_eq!(CheckPage::CarerAge.next(&draft), CheckPage::CaredForAge);
        assert!(!draft.problems(CheckPage::CaredForAge).is_empty());
        draft.apply(
            CheckPage::CaredForAge,
            &form(|f| f.cared_for_age = "15".into()),
        );
        assert_eq!(CheckPage::CaredForAge.next(&draft), CheckPage::CheckAnswers);
        let verdict = draft.verdict().unwrap();
        assert_eq!(verdict.result, "carer_of_child");
        assert_eq!(verdict.reasons[1].regulation, "Care Act 2014 s.60");
        draft.apply(
            CheckPage::CaredForAge,
            &form(|f| f.cared_for_age = "80".into()),
        );
        assert_eq!(
            CheckPage::CaredForAge.next(&draft),
            CheckPage::NecessaryCare
        );
    }

    #[test]
    fn outcome_pages_need_one_clear_answer() {
        let mut draft = CheckDraft::default();
        assert!(!draft.problems(CheckPage::Everyday(0)).is_empty());
        draft.apply(
            CheckPage::Everyday(0),
            &form(|f| {
                f.answer.insert(MANAGES.into(), MANAGES.into());
                f.answer
                    .insert("without_assistance".into(), "without_assistance".into());
            }),
        );
        assert_eq!(
            draft
                .problems(CheckPage::Everyday(0))
                .message_for("answer")
                .as_deref(),
            Some("Select that it is not hard, or the reasons it is hard, not both")
        );
        draft.apply(
            CheckPage::Caring(0),
            &form(|f| {
                f.answer.insert("significantly_longer".into(), "x".into());
            }),
        );
        assert!(
            !draft.problems(CheckPage::Caring(0)).is_empty(),
            "no 'takes longer' for carers"
        );
    }

    #[test]
    fn a_reason_the_check_does_not_have_gets_the_apis_words() {
        for (page, adult, outcome) in [
            (CheckPage::Everyday(0), true, ADULT_QUESTIONS[0].0),
            (CheckPage::Caring(0), false, CARER_QUESTIONS[0].0),
        ] {
            for limb in ["significantly_longer", "flying"] {
                let mut draft = CheckDraft::default();
                draft.apply(page, &tick(limb));
                let web = draft.problems(page).message_for("answer");
                let outcomes = BTreeMap::from([(outcome.to_owned(), vec![limb.to_owned()])]);
                let api = if adult {
                    check_adult(&AdultAnswers {
                        age: None,
                        impairment_or_illness: Some(true),
                        outcomes,
                        fluctuating: false,
                        wellbeing_impact: "significant".into(),
                    })
                } else {
                    check_carer(&CarerAnswers {
                        age: 40,
                        cared_for_age: None,
                        provides_necessary_care: Some(true),
                        health_deteriorating: Some(false),
                        outcomes,
                        fluctuating: false,
                        wellbeing_impact: "significant".into(),
                    })
                };
                let api = api
                    .err()
                    .and_then(|e| e.message_for(&format!("outcomes.{outcome}.0")));
                if adult && limb == "significantly_longer" {
                    assert_eq!((web, api), (None, None), "a reason adults have");
                } else {
                    assert!(web.is_some(), "{limb} refused on the web");
                    assert_eq!(web, api, "{limb}: the same words on the web and in the API");
                }
            }
        }
    }

    fn tick(limb: &str) -> CheckForm {
        form(|f| {
            f.answer.insert(limb.into(), limb.into());
        })
    }

    #[test]
    fn the_running_result_follows_the_adult_answers() {
        let mut draft = CheckDraft::default();
        draft.apply(CheckPage::WhoIsItFor, &form(|f| f.for_whom = "me".into()));
        draft.apply(CheckPage::AreYouACarer, &form(|f| f.carer = "no".into()));
        draft.apply(CheckPage::Condition, &form(|f| f.condition = "yes".into()));
        assert_eq!(
            draft.so_far_words(CheckPage::Condition),
            "",
            "not before the everyday things"
        );
        assert_eq!(
            draft.so_far_words(CheckPage::Everyday(0)),
            "",
            "nothing answered yet"
        );

        draft.apply(CheckPage::Everyday(0), &tick("without_assistance"));
        assert_eq!(
            draft.so_far_words(CheckPage::Everyday(1)),
            "So far: You cannot do one of the everyday things the rules list. The rules need two or more."
        );
        draft.apply(CheckPage::Everyday(1), &tick("pain_distress_anxiety"));
        assert_eq!(
            draft.so_far_words(CheckPage::Everyday(2)),
            "So far: You cannot do 2 of the everyday things the rules list. The rules need two or more."
        );
        for i in 2..ADULT_QUESTIONS.len() {
            draft.apply(CheckPage::Everyday(i), &tick(MANAGES));
        }
        draft.apply(
            CheckPage::GoodAndBadDays,
            &form(|f| f.changes = "no".into()),
        );
        assert!(draft
            .so_far_words(CheckPage::Wellbeing)
            .starts_with("So far: You cannot do 2"));

        draft.apply(
            CheckPage::Wellbeing,
            &form(|f| f.wellbeing = "significant".into()),
        );
        let finished = draft.so_far_words(CheckPage::Wellbeing);
        assert!(
            finished.starts_with("Your result: You are likely to get care and support from the council. The needs come from"),
            "{finished}"
        );
        assert!(finished.ends_with("such as health, safety, dignity or relationships."));

        draft.apply(CheckPage::Wellbeing, &form(|f| f.wellbeing = "none".into()));
        assert!(draft.so_far_words(CheckPage::Wellbeing).starts_with(
            "Your result: You may not be able to get care and support from the council"
        ));
    }

    #[test]
    fn the_running_result_follows_the_carer_answers() {
        let mut draft = CheckDraft::default();
        draft.apply(CheckPage::WhoIsItFor, &form(|f| f.for_whom = "me".into()));
        draft.apply(CheckPage::AreYouACarer, &form(|f| f.carer = "yes".into()));
        draft.apply(CheckPage::CarerAge, &form(|f| f.age = "52".into()));
        draft.apply(
            CheckPage::NecessaryCare,
            &form(|f| f.necessary_care = "yes".into()),
        );
        assert_eq!(draft.so_far_words(CheckPage::YourHealth), "");
        draft.apply(CheckPage::YourHealth, &form(|f| f.health = "yes".into()));
        assert_eq!(
            draft.so_far_words(CheckPage::Caring(0)),
            "So far: Caring is making your physical or mental health worse, or putting it at risk."
        );
        draft.apply(CheckPage::YourHealth, &form(|f| f.health = "no".into()));
        draft.apply(CheckPage::Caring(0), &tick("endangers_health_safety"));
        assert_eq!(
            draft.so_far_words(CheckPage::Caring(1)),
            "So far: Because of caring you cannot do 1 of the things the rules list for carers. One is enough."
        );
    }

    #[test]
    fn young_carers_have_no_running_result() {
        let mut draft = CheckDraft::default();
        draft.apply(CheckPage::WhoIsItFor, &form(|f| f.for_whom = "me".into()));
        draft.apply(CheckPage::AreYouACarer, &form(|f| f.carer = "yes".into()));
        draft.apply(CheckPage::CarerAge, &form(|f| f.age = "16".into()));
        draft.apply(CheckPage::YourHealth, &form(|f| f.health = "yes".into()));
        assert_eq!(draft.so_far_words(CheckPage::Wellbeing), "");
    }
}
