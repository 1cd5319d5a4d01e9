//! "Refer someone as a professional": the start page, one question per page, check answers
//! and the confirmation.

mod check_answers_page;
mod confirmation_page;
mod question_pages;
mod start_page;

pub(crate) use check_answers_page::sections as answer_sections;
pub use check_answers_page::ProfessionalCheckAnswersPage;
pub use confirmation_page::ProfessionalConfirmationPage;
pub use question_pages::ProfessionalQuestionPage;
pub use start_page::ProfessionalStartPage;
