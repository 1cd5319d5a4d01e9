//! Typed Leptos components for the GOV.UK Frontend patterns the journeys use. Their HTML
//! follows GOV.UK Frontend's markup and class names verbatim (tested against its published
//! `fixtures.json`); our own additions use the `app-` prefix.

mod back_link;
mod button;
mod error;
mod fieldset;
mod layout;
mod panel;
mod radios;
mod summary_list;
mod text;
mod textarea;

pub use back_link::BackLink;
pub use button::{Button, ButtonKind};
pub use error::{ErrorMessage, ErrorSummary};
pub use fieldset::{Fieldset, HeadingSize};
pub use layout::{Footer, Header, Layout, PhaseBanner, SkipLink};
pub use panel::Panel;
pub use radios::{Choice, Radios};
pub use summary_list::{SummaryAction, SummaryList, SummaryRow};
pub use text::{Hint, InsetText};
pub use textarea::Textarea;

/// Joins the ids that describe a control (hint, error) into `aria-describedby`, or none.
pub(crate) fn described_by(ids: &[Option<String>]) -> Option<String> {
    let joined: Vec<&str> = ids.iter().flatten().map(String::as_str).collect();
    (!joined.is_empty()).then(|| joined.join(" "))
}
