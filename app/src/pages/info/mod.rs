//! The pages every council service must have: accessibility statement, privacy notice, cookies
//! and how to contact us (which is also "Get help").

pub mod accessibility;
pub mod contact;
pub mod cookies;
pub mod privacy;
