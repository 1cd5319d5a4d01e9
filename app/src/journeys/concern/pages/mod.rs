//! "Report a concern about an adult": the start page, one question per page, check answers
//! and the confirmation, every page with "Exit this page".

mod check_answers_page;
mod confirmation_page;
mod question_pages;
mod start_page;

pub(crate) use check_answers_page::rows as answer_rows;
pub use check_answers_page::ConcernCheckAnswersPage;
pub use confirmation_page::ConcernConfirmationPage;
pub use question_pages::ConcernQuestionPage;
pub use start_page::ConcernStartPage;
