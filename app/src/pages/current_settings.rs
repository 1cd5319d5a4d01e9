//! The council's settings for the page being rendered: the server provides them; elsewhere
//! (unit tests, the browser) the defaults. Here rather than in `settings.rs`, which the
//! server's context module imports, so neither imports the other.

use crate::settings::Settings;

pub fn current_settings() -> Settings {
    #[cfg(feature = "ssr")]
    {
        (*crate::api::context::settings()).clone()
    }
    #[cfg(not(feature = "ssr"))]
    {
        Settings::default()
    }
}
