//! Pure rules and vocabularies: no Leptos, no database, no clock, no IO. Compiles to wasm, so
//! the browser and the server give identical answers.

pub mod feedback;
