//! The browser entry point: wakes the islands (the interactive parts of server-rendered pages).
use wasm_bindgen::prelude::wasm_bindgen;

// Linking the app crate registers its islands.
#[allow(unused_imports)]
use app::*;

#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
