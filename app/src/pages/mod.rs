//! One route component per file, grouped by journey.

pub mod coming_soon;
pub mod feedback;
pub mod home;
pub mod info;
pub mod not_found;
pub mod service_problem;
