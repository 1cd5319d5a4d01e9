//! "Register as a carer": the start page, young carers' support, one question per page, the
//! people looked after (added one at a time, removed after a check), check answers, and the
//! confirmation with a printable carer's card.

mod check_answers_page;
mod confirmation_page;
mod question_pages;
mod remove_person_page;
mod start_page;
mod your_details_page;

pub use check_answers_page::CarerCheckAnswersPage;
pub use confirmation_page::CarerConfirmationPage;
pub use question_pages::CarerQuestionPage;
pub use remove_person_page::RemovePersonPage;
pub use start_page::{CarerStartPage, YoungCarersPage};
pub use your_details_page::{EnterCodePage, LeavePage, LeftPage, YourDetailsPage};
