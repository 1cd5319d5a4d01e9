//! "If someone is in immediate danger, call 999": said the same way, first, wherever a person
//! might be at risk (home, contact, and later every safeguarding and referral start page).
use leptos::prelude::*;

use super::WarningText;

#[component]
pub fn DangerWarning() -> impl IntoView {
    view! { <WarningText>" If someone is in immediate danger, call 999."</WarningText> }
}
