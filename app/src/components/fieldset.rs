//! GOV.UK fieldset with its legend, which is the page's h1 on a one-question page.
use leptos::prelude::*;

/// Size modifiers for legends, labels and headings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadingSize {
    S,
    M,
    L,
    Xl,
}

impl HeadingSize {
    pub fn suffix(self) -> &'static str {
        match self {
            HeadingSize::S => "s",
            HeadingSize::M => "m",
            HeadingSize::L => "l",
            HeadingSize::Xl => "xl",
        }
    }
}

/// `size` takes a `HeadingSize` or an `Option<HeadingSize>` (none: GOV.UK's body-size legend).
/// `role` is `group` for a fieldset of related inputs, such as a date input.
#[component]
pub fn Fieldset(
    #[prop(into)] legend: String,
    #[prop(into, default = None)] size: Option<HeadingSize>,
    #[prop(optional)] is_page_heading: bool,
    #[prop(optional, into)] described_by: MaybeProp<String>,
    #[prop(optional, into)] role: Option<String>,
    children: Children,
) -> impl IntoView {
    let legend_class = match size {
        Some(size) => format!(
            "govuk-fieldset__legend govuk-fieldset__legend--{}",
            size.suffix()
        ),
        None => "govuk-fieldset__legend".to_owned(),
    };
    let legend_content = if is_page_heading {
        view! { <h1 class="govuk-fieldset__heading">{legend}</h1> }.into_any()
    } else {
        legend.into_any()
    };
    view! {
        <fieldset class="govuk-fieldset" role=role aria-describedby=move || described_by.get()>
            <legend class=legend_class>{legend_content}</legend>
            {children()}
        </fieldset>
    }
}
