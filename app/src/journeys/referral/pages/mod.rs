//! "Request an assessment": the start page, one question per page (a single island renders
//! whichever page the route names), check answers, and the confirmation.

mod check_answers_page;
mod confirmation_page;
mod question_pages;
mod saved_pages;
mod start_page;
mod when_we_read;

pub(crate) use check_answers_page::sections as answer_sections;
pub use check_answers_page::ReferralCheckAnswersPage;
pub use confirmation_page::ReferralConfirmationPage;
pub use question_pages::ReferralQuestionPage;
pub use saved_pages::{ReturnToSavedPage, SaveForLaterPage};
pub use start_page::ReferralStartPage;
pub use when_we_read::WhenWeRead;
