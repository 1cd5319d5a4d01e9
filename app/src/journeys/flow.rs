//! What every journey of question pages shares: its pages as data (the `Journey` trait),
//! the way through them (next, back, the first unfinished page), where a post goes next, and
//! the generic load and save of a page's draft that each journey's server functions wrap.

use std::borrow::Cow;

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use time::Date;

use crate::domain::problems::FieldErrors;

/// The query value a "Change" link carries, so the page returns to check answers.
pub const RETURN_TO_CHECK: &str = "check-answers";

/// The slug of every journey's check answers page.
pub const CHECK_ANSWERS_SLUG: &str = "check-answers";

/// A journey's pages: one value per page, the check answers page among them. A journey says
/// what its pages are (their order, slug, question, whether each applies, its problems);
/// the way through them is provided here, and a journey whose way is irregular (the carer's
/// repeated "person" pages) overrides only that.
pub trait Journey: Copy + PartialEq + Send + Sync + 'static {
    /// The answers so far, as typed, kept in the session.
    type Draft: Clone + Default + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static;
    /// The journey's start page; its pages are `{START}/{slug}`.
    const START: &'static str;
    /// The session key of the journey's draft.
    const KEY: &'static str;
    /// The check answers page.
    const CHECK_ANSWERS: Self;

    /// The question pages in order (each asked only if it applies).
    fn questions(draft: &Self::Draft) -> Vec<Self>;
    /// The page's part of its path.
    fn slug(self) -> Cow<'static, str>;
    /// The page's question: its h1 and title.
    fn question(self, draft: &Self::Draft) -> Cow<'static, str>;
    /// Whether the page is asked, given the answers so far.
    fn applies(self, _draft: &Self::Draft) -> bool {
        true
    }
    /// The page's problems with the answers so far, in the page's field order.
    fn problems(self, draft: &Self::Draft, today: Date) -> FieldErrors;
    /// For a journey whose draft is sent once: the draft's submission key, which its first
    /// answer fills, so every "Send" of one draft is the same submission.
    fn submission_key(_draft: &mut Self::Draft) -> Option<&mut String> {
        None
    }

    /// The page a slug names, if any.
    fn from_slug(slug: &str) -> Option<Self> {
        pages_named(Self::questions(&Self::Draft::default()), slug)
    }

    fn path(self) -> String {
        format!("{}/{}", Self::START, self.slug())
    }

    /// The page, opened from a "Change" link on check answers.
    fn change_path(self) -> String {
        format!("{}?change={RETURN_TO_CHECK}", self.path())
    }

    /// The next page that applies, or check answers after the last question.
    fn next(self, draft: &Self::Draft) -> Self {
        Self::questions(draft)
            .into_iter()
            .skip_while(|p| *p != self)
            .skip(1)
            .find(|p| p.applies(draft))
            .unwrap_or(Self::CHECK_ANSWERS)
    }

    /// Where the back link goes: the previous page that applies, or the start page.
    fn previous_path(self, draft: &Self::Draft) -> String {
        Self::questions(draft)
            .into_iter()
            .take_while(|p| *p != self)
            .filter(|p| p.applies(draft))
            .last()
            .map(Self::path)
            .unwrap_or_else(|| Self::START.to_owned())
    }

    /// The first page that applies and still has a problem, if any.
    fn first_unfinished(draft: &Self::Draft, today: Date) -> Option<Self> {
        Self::questions(draft)
            .into_iter()
            .filter(|p| p.applies(draft))
            .find(|p| !p.problems(draft, today).is_empty())
    }

    /// The session key of what this session last sent on the journey (its confirmation).
    fn sent_key() -> String {
        format!("{}:sent", Self::KEY)
    }

    /// The confirmation page of a journey that is sent.
    fn confirmation_path() -> String {
        format!("{}/confirmation", Self::START)
    }

    /// Where someone picking the journey up goes: its first unfinished page, or check
    /// answers when every page is answered.
    fn resume_path(draft: &Self::Draft, today: Date) -> String {
        Self::first_unfinished(draft, today)
            .unwrap_or(Self::CHECK_ANSWERS)
            .path()
    }
}

/// The page among `questions` (or check answers) that `slug` names.
pub fn pages_named<P: Journey>(questions: impl IntoIterator<Item = P>, slug: &str) -> Option<P> {
    questions
        .into_iter()
        .chain([P::CHECK_ANSWERS])
        .find(|p| p.slug() == slug)
}

/// Reads and writes a journey's pages as their slugs (what forms post and server functions
/// take), through the `Journey` trait.
macro_rules! pages_by_slug {
    ($page:ty) => {
        impl serde::Serialize for $page {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&$crate::journeys::flow::Journey::slug(*self))
            }
        }

        impl<'de> serde::Deserialize<'de> for $page {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let slug = String::deserialize(deserializer)?;
                <$page as $crate::journeys::flow::Journey>::from_slug(&slug)
                    .ok_or_else(|| serde::de::Error::custom("unknown page"))
            }
        }
    };
}
pub(crate) use pages_by_slug;

/// What a question page renders: the draft and the errors from the page's last post, and
/// for a journey with one, the running result in words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PageState<D> {
    pub draft: D,
    pub errors: FieldErrors,
    /// "So far, you might pay about £28 a week", where the journey shows one.
    pub running_result: Option<String>,
}

/// Where a question page's post goes: back to itself with problems; from a "Change" link,
/// to the first page still unfinished (the answer may have opened a new branch) or check
/// answers; otherwise the next page that applies.
pub fn next_path<P: Journey>(
    draft: &P::Draft,
    page: P,
    errors: &FieldErrors,
    returning: bool,
    today: Date,
) -> String {
    match (errors.is_empty(), returning) {
        (false, true) => page.change_path(),
        (false, false) => page.path(),
        (true, true) => P::first_unfinished(draft, today)
            .map(P::change_path)
            .unwrap_or_else(|| P::CHECK_ANSWERS.path()),
        (true, false) => page.next(draft).path(),
    }
}

/// A page's draft and the errors from its last post (what every question page renders).
#[cfg(feature = "ssr")]
pub async fn load_page<P: Journey>(
    page: P,
) -> Result<PageState<P::Draft>, crate::errors::PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let draft = drafts.answers::<P::Draft>(P::KEY).await?;
    let errors = drafts.take_errors(P::KEY, &page.slug()).await?;
    Ok(PageState {
        draft,
        errors,
        running_result: None,
    })
}

/// Saves one question page's answer: `update` copies what was posted into the draft (valid
/// or not, so nothing typed is lost); the page's problems are kept for the page; then
/// redirects with `next_path`.
#[cfg(feature = "ssr")]
pub async fn save_answer<P: Journey>(
    page: P,
    return_to: Option<&str>,
    update: impl FnOnce(&mut P::Draft, Date),
) -> Result<(), crate::errors::PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let mut draft = drafts.answers::<P::Draft>(P::KEY).await?;
    let today = crate::forms::today();
    update(&mut draft, today);
    if let Some(key) = P::submission_key(&mut draft).filter(|key| key.is_empty()) {
        *key = uuid::Uuid::new_v4().to_string();
    }
    let errors = page.problems(&draft, today);
    drafts.save_answers(P::KEY, &draft).await?;
    if !errors.is_empty() {
        drafts.save_errors(P::KEY, &page.slug(), &errors).await?;
    }
    let returning = return_to == Some(RETURN_TO_CHECK);
    leptos_axum::redirect(&next_path(&draft, page, &errors, returning, today));
    Ok(())
}

/// For a journey sent once: a draft without a submission key was sent already (a second
/// click, another tab) or its session ended, so this goes to the confirmation of what this
/// session sent (`P::sent_key`), or else the start page; `true` if it redirected.
#[cfg(feature = "ssr")]
pub async fn redirect_if_sent<P: Journey, Sent: DeserializeOwned>(
    drafts: &crate::journeys::drafts::Drafts,
    submission_key: &str,
) -> Result<bool, crate::errors::PortalError> {
    if !submission_key.is_empty() {
        return Ok(false);
    }
    let sent = drafts.answers::<Option<Sent>>(&P::sent_key()).await?;
    leptos_axum::redirect(&if sent.is_some() {
        P::confirmation_path()
    } else {
        P::START.to_owned()
    });
    Ok(true)
}

/// Back to check answers with the problems that stopped it being sent.
#[cfg(feature = "ssr")]
pub async fn back_to_check_answers<P: Journey>(
    drafts: &crate::journeys::drafts::Drafts,
    errors: &FieldErrors,
) -> Result<(), crate::errors::PortalError> {
    let page = P::CHECK_ANSWERS;
    drafts.save_errors(P::KEY, &page.slug(), errors).await?;
    leptos_axum::redirect(&page.path());
    Ok(())
}

/// Copies the named fields of what a page posted into the draft, as typed:
/// `copy_fields!(draft.person, form.person; town, postcode)`.
macro_rules! copy_fields {
    ($to:expr, $from:expr; $($field:ident),+) => {{
        $( $to.$field = $from.$field.clone(); )+
    }};
}
pub(crate) use copy_fields;

/// A yes-or-no radio as posted (`yes`, `no`; anything else, such as "not sure" or nothing,
/// is no answer).
pub fn posted_yes_no(answer: &str) -> Option<bool> {
    match answer {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// The value of the yes-or-no radio to show chosen: `yes`, `no`, or "" (none chosen).
pub fn yes_no_value(answer: Option<bool>) -> String {
    answer
        .map(|a| if a { "yes" } else { "no" }.to_owned())
        .unwrap_or_default()
}

/// The two server functions a journey's question pages use (server functions cannot be
/// generic, so each journey names its own): `load` reads a page's draft and errors
/// (`load_page`); `save` copies a post into the draft with the draft's `apply` and moves on
/// (`save_answer`). Either may be left out where a journey does more.
macro_rules! question_server_fns {
    (load: $load:ident = $load_endpoint:tt, page: $page:ty, draft: $draft:ty) => {
        /// Reads the draft and a page's errors from its last post.
        #[leptos::server(endpoint = $load_endpoint)]
        pub async fn $load(
            page: $page,
        ) -> Result<$crate::journeys::flow::PageState<$draft>, $crate::errors::PortalError> {
            $crate::journeys::flow::load_page(page).await
        }
    };
    (save: $save:ident = $save_endpoint:tt, page: $page:ty, draft: $draft:ty, form: $form:ty) => {
        /// Saves one question page and moves on (or back to the page with its problems).
        #[leptos::server(endpoint = $save_endpoint)]
        pub async fn $save(
            page: $page,
            #[server(default)] form: $form,
        ) -> Result<(), $crate::errors::PortalError> {
            let return_to = form.return_to.clone();
            let update = |draft: &mut $draft, today| draft.apply(page, &form, today);
            $crate::journeys::flow::save_answer(page, return_to.as_deref(), update).await
        }
    };
}
pub(crate) use question_server_fns;

/// Sends the journey back to its first unfinished page (from check answers, as a "Change"
/// link would), when there is one; `true` if it did.
#[cfg(feature = "ssr")]
pub fn redirect_if_unfinished<P: Journey>(draft: &P::Draft, today: Date) -> bool {
    match P::first_unfinished(draft, today) {
        Some(page) => {
            leptos_axum::redirect(&page.change_path());
            true
        }
        None => false,
    }
}
