//! "Check the progress of a request": the lookup form and the progress page.

mod lookup_page;
mod progress_page;

pub use lookup_page::TrackLookupPage;
pub use progress_page::TrackProgressPage;
