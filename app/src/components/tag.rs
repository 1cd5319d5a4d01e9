//! GOV.UK tag: a short status ("Completed", "In progress"), in one of the palette's colours.
use leptos::prelude::*;

/// The tag colours GOV.UK Frontend 6 provides; none is its default blue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagColour {
    Grey,
    Green,
    Teal,
    Blue,
    Purple,
    Magenta,
    Red,
    Orange,
    Yellow,
}

impl TagColour {
    pub fn class(self) -> &'static str {
        match self {
            TagColour::Grey => "govuk-tag--grey",
            TagColour::Green => "govuk-tag--green",
            TagColour::Teal => "govuk-tag--teal",
            TagColour::Blue => "govuk-tag--blue",
            TagColour::Purple => "govuk-tag--purple",
            TagColour::Magenta => "govuk-tag--magenta",
            TagColour::Red => "govuk-tag--red",
            TagColour::Orange => "govuk-tag--orange",
            TagColour::Yellow => "govuk-tag--yellow",
        }
    }
}

/// `colour` takes a `TagColour` or an `Option<TagColour>`.
#[component]
pub fn Tag(
    #[prop(into)] text: String,
    #[prop(into, default = None)] colour: Option<TagColour>,
) -> impl IntoView {
    let class = match colour {
        Some(colour) => format!("govuk-tag {}", colour.class()),
        None => "govuk-tag".to_owned(),
    };
    view! { <strong class=class>{text}</strong> }
}
