//! A bar chart drawn on the server as SVG: a named image (`role="img"`, its title and a
//! description giving every figure), bars with their values written on them, and labels. The
//! page puts the same figures in a table beneath, for everyone who prefers or needs one.
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
    let description = bars
        .iter()
        .map(|(label, value)| format!("{label}: {value}"))
        .collect::<Vec<_>>()
        .join("; ");
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
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
    let height = BAR_AREA + 20 + LABEL_SPACE;
    view! {
        <svg class="app-chart" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby=labelled_by>
            <title id=title_id>{title}</title>
            <desc id=desc_id>{description}</desc>
            {drawn}
        </svg>
    }
}
