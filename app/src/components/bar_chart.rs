//! Bar charts drawn on the server as SVG: a named image (`role="img"`, its title and a
//! description giving every figure), bars with their values written on them, and labels. The
//! page puts the same figures in a table beneath, for everyone who prefers or needs one.
//! `BarChart` stands its bars up (weeks, a few short labels); `HorizontalBarChart` lays them
//! down, for long labels such as services' names.
use leptos::prelude::*;

const WIDTH: i64 = 640;
const BAR_AREA: i64 = 200;
const LABEL_SPACE: i64 = 40;

/// `bars`: (label, value). Values are counts (0 or more).
#[component]
pub fn BarChart(
    #[prop(into)] id: String,
    #[prop(into)] title: String,
    bars: Vec<(String, i64)>,
) -> impl IntoView {
    let most = bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let slot = WIDTH / (bars.len() as i64).max(1);
    let description = describe(&bars);
    let drawn = bars
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let height = value * BAR_AREA / most;
            let x = i as i64 * slot + slot / 8;
            let width = slot * 3 / 4;
            let y = BAR_AREA - height + 20;
            let middle = x + width / 2;
            view! {
                <rect class="app-chart__bar" x=x y=y width=width height=height/>
                <text class="app-chart__value" x=middle y=y - 4 text-anchor="middle">{value}</text>
                <text class="app-chart__label" x=middle y=BAR_AREA + 20 + 18 text-anchor="middle">{label}</text>
            }
        })
        .collect_view();
    chart_frame(&id, title, description, BAR_AREA + 20 + LABEL_SPACE, drawn)
}

/// The chart as a named image: its title and a description giving every figure.
fn chart_frame(
    id: &str,
    title: String,
    description: String,
    height: i64,
    drawn: impl IntoView,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    view! {
        <svg class="app-chart" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby=labelled_by>
            <title id=title_id>{title}</title>
            <desc id=desc_id>{description}</desc>
            {drawn}
        </svg>
    }
}

/// Every figure in words, for the chart's description.
fn describe(bars: &[(String, i64)]) -> String {
    bars.iter()
        .map(|(label, value)| format!("{label}: {value}"))
        .collect::<Vec<_>>()
        .join("; ")
}

const ROW: i64 = 30;
const LABEL_WIDTH: i64 = 280;
/// Longer labels are cut short in the drawing (the description and the table have them whole).
const LABEL_CHARS: usize = 36;

/// Bars laid down, one row each, with the label to the left: for long labels.
#[component]
pub fn HorizontalBarChart(
    #[prop(into)] id: String,
    #[prop(into)] title: String,
    bars: Vec<(String, i64)>,
) -> impl IntoView {
    let most = bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let description = describe(&bars);
    let bar_space = WIDTH - LABEL_WIDTH - 50;
    let height = ROW * (bars.len() as i64).max(1);
    let drawn = bars
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let y = i as i64 * ROW;
            let width = value * bar_space / most;
            let shown: String = if label.chars().count() > LABEL_CHARS {
                label.chars().take(LABEL_CHARS - 1).collect::<String>() + "…"
            } else {
                label
            };
            view! {
                <text class="app-chart__label" x=0 y=y + 20>{shown}</text>
                <rect class="app-chart__bar" x=LABEL_WIDTH y=y + 5 width=width height=ROW - 10/>
                <text class="app-chart__value" x=LABEL_WIDTH + width + 6 y=y + 20>{value}</text>
            }
        })
        .collect_view();
    chart_frame(&id, title, description, height, drawn)
}
