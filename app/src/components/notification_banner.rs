//! GOV.UK notification banner: news about the service (neutral), or that something the user
//! just did has worked (success).
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NotificationKind {
    /// A landmark (`role="region"`) titled "Important" unless given.
    #[default]
    Neutral,
    /// An alert (`role="alert"`, focused on load by GOV.UK Frontend's script), titled "Success"
    /// unless given.
    Success,
}

/// `heading` is a one-line message in the banner's heading style; `children` is richer content
/// (use `govuk-notification-banner__heading` and `govuk-notification-banner__link` in it).
/// `title_id` labels the banner; give another if a page has two.
#[component]
pub fn NotificationBanner(
    #[prop(optional)] kind: NotificationKind,
    #[prop(optional, into)] title: Option<String>,
    #[prop(into, default = "govuk-notification-banner-title".into())] title_id: String,
    #[prop(optional, into)] heading: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let (class, role, default_title) = match kind {
        NotificationKind::Neutral => ("govuk-notification-banner", "region", "Important"),
        NotificationKind::Success => (
            "govuk-notification-banner govuk-notification-banner--success",
            "alert",
            "Success",
        ),
    };
    let title = title.unwrap_or_else(|| default_title.to_owned());
    let labelled_by = title_id.clone();
    view! {
        <div class=class role=role aria-labelledby=labelled_by data-module="govuk-notification-banner">
            <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id=title_id>{title}</h2>
            </div>
            <div class="govuk-notification-banner__content">
                {heading.map(|text| view! { <p class="govuk-notification-banner__heading">{text}</p> })}
                {children.map(|content| content())}
            </div>
        </div>
    }
}
