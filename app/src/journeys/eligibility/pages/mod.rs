//! "Check if you can get care and support": the start page, one question per page, check
//! answers, and the result with help that fits and a way to ask for an assessment.

mod check_answers_page;
mod question_pages;
mod result_page;
mod start_page;

pub use check_answers_page::CheckAnswersPage;
pub use question_pages::CheckQuestionPage;
pub use result_page::CheckResultPage;
pub use start_page::CheckStartPage;
