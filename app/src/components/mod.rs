//! Typed Leptos components for the GOV.UK Frontend patterns the journeys use. Their HTML
//! follows GOV.UK Frontend's markup and class names verbatim (tested against its published
//! `fixtures.json`); our own additions use the `app-` prefix.

mod back_link;
mod bar_chart;
mod button;
mod checkboxes;
mod danger_warning;
mod date_input;
mod details;
mod error;
mod exit_this_page;
mod field;
mod fieldset;
mod input;
mod label;
mod layout;
mod notification_banner;
mod pagination;
mod panel;
mod radios;
mod running_result;
mod select;
mod summary_list;
mod table;
mod tag;
mod task_list;
mod text;
mod textarea;
mod warning_text;

// Each component's props struct is exported too, to build a component from data (the GOV.UK
// parity test builds them from GOV.UK Frontend's fixtures).
pub use back_link::{BackLink, BackLinkProps};
pub use bar_chart::{BarChart, BarChartProps, HorizontalBarChart, HorizontalBarChartProps};
pub use button::{Button, ButtonKind, ButtonProps};
pub use checkboxes::{Checkboxes, CheckboxesProps};
pub use danger_warning::DangerWarning;
pub use date_input::{DateInput, DateInputProps};
pub use details::{Details, DetailsProps};
pub use error::{ErrorMessage, ErrorMessageProps, ErrorSummary, ErrorSummaryProps};
pub use exit_this_page::{ExitThisPage, EXIT_PATH, EXIT_URL};
pub use fieldset::{Fieldset, FieldsetProps, HeadingSize};
pub use input::{Input, InputProps};
pub use label::{Label, LabelProps};
pub use layout::{Footer, Header, Layout, PhaseBanner, PhaseBannerProps, SkipLink, SkipLinkProps};
pub use notification_banner::{NotificationBanner, NotificationBannerProps, NotificationKind};
pub use pagination::{page_items, Pagination, PaginationProps, PreviousNext, PreviousNextProps};
pub use panel::{Panel, PanelProps};
pub use radios::{Choice, Radios, RadiosProps};
pub use running_result::{RunningResult, RUNNING_RESULT_ID};
pub use select::{OptionGroup, Select, SelectProps};
pub use summary_list::{
    SummaryAction, SummaryList, SummaryListProps, SummaryRow, SummarySections, SummarySectionsProps,
};
pub use table::{Table, TableFrame, TableFrameProps, TableProps};
pub use tag::{Tag, TagColour, TagProps};
pub use task_list::{TaskList, TaskListItem, TaskListProps, TaskStatus};
pub use text::{Hint, HintProps, InsetText, InsetTextProps};
pub use textarea::{Textarea, TextareaProps};
pub use warning_text::{WarningText, WarningTextProps};

/// Joins the ids that describe a control (hint, error) into `aria-describedby`, or none.
pub(crate) fn described_by(ids: &[Option<String>]) -> Option<String> {
    let joined: Vec<&str> = ids.iter().flatten().map(String::as_str).collect();
    (!joined.is_empty()).then(|| joined.join(" "))
}

/// The legend size for a question: as given, or `L` when the legend is the page's heading
/// (GOV.UK's one-question-page pattern); otherwise none (body size).
pub(crate) fn question_legend_size(
    size: Option<HeadingSize>,
    is_page_heading: bool,
) -> Option<HeadingSize> {
    size.or(is_page_heading.then_some(HeadingSize::L))
}

/// Escapes text for a place Leptos does not escape itself (a `<textarea>`'s content).
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// Joins class names, skipping empty ones.
pub(crate) fn class_names<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names
        .into_iter()
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
