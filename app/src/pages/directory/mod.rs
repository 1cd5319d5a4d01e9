//! "Find local services and groups": the directory browsed and filtered with a GET form, and
//! one service's page.

mod search_page;
mod service_page;

pub use search_page::DirectoryPage;
pub use service_page::ServicePage;
