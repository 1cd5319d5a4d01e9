//! "Check the progress of a request": the lookup form, the progress page and "something has
//! changed".

mod change_page;
mod lookup_page;
mod progress_page;

pub use change_page::TrackChangePage;
pub use lookup_page::TrackLookupPage;
pub use progress_page::TrackProgressPage;
