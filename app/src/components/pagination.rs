//! GOV.UK pagination: "Previous", page numbers (the first, the last, and those next to the
//! current one, with ellipses between), and "Next". Plain links, so it works without
//! JavaScript.
use leptos::prelude::*;

/// The page numbers to show, `None` for an ellipsis.
pub fn page_items(current: u32, total: u32) -> Vec<Option<u32>> {
    let mut items = Vec::new();
    for page in 1..=total {
        let near = page + 1 >= current && page <= current + 1;
        if page == 1 || page == total || near {
            items.push(Some(page));
        } else if items.last() != Some(&None) {
            items.push(None);
        }
    }
    items
}

/// `href(n)` links to page `n`. Renders nothing for a single page.
#[component]
pub fn Pagination(
    current: u32,
    total: u32,
    href: impl Fn(u32) -> String + 'static,
) -> impl IntoView {
    (total > 1).then(|| {
        let previous = (current > 1).then(|| {
            view! {
                <div class="govuk-pagination__prev">
                    <a class="govuk-link govuk-pagination__link" href=href(current - 1) rel="prev">
                        <span class="govuk-pagination__link-title">"Previous"<span class="govuk-visually-hidden">" page"</span></span>
                    </a>
                </div>
            }
        });
        let next = (current < total).then(|| {
            view! {
                <div class="govuk-pagination__next">
                    <a class="govuk-link govuk-pagination__link" href=href(current + 1) rel="next">
                        <span class="govuk-pagination__link-title">"Next"<span class="govuk-visually-hidden">" page"</span></span>
                    </a>
                </div>
            }
        });
        let items = page_items(current, total)
            .into_iter()
            .map(|item| match item {
                None => view! { <li class="govuk-pagination__item govuk-pagination__item--ellipses">"⋯"</li> }.into_any(),
                Some(page) if page == current => view! {
                    <li class="govuk-pagination__item govuk-pagination__item--current">
                        <a class="govuk-link govuk-pagination__link" href=href(page) aria-label=format!("Page {page}") aria-current="page">{page}</a>
                    </li>
                }
                .into_any(),
                Some(page) => view! {
                    <li class="govuk-pagination__item">
                        <a class="govuk-link govuk-pagination__link" href=href(page) aria-label=format!("Page {page}")>{page}</a>
                    </li>
                }
                .into_any(),
            })
            .collect_view();
        view! {
            <nav class="govuk-pagination" aria-label="Pages of results">
                {previous}
                <ul class="govuk-pagination__list">{items}</ul>
                {next}
            </nav>
        }
    })
}

/// GOV.UK's block pagination for pages found by a cursor rather than a number: a
/// "Previous" and a "Next" link, each with its label ("Newer entries"), either left out when
/// there is nothing that way. Renders nothing when there is neither.
#[component]
pub fn PreviousNext(
    /// (href, label) of the page before.
    previous: Option<(String, String)>,
    /// (href, label) of the page after.
    next: Option<(String, String)>,
) -> impl IntoView {
    let link = |(href, label): (String, String), rel: &'static str, title: &'static str| {
        view! {
            <a class="govuk-link govuk-pagination__link" href=href rel=rel>
                <span class="govuk-pagination__link-title">{title}<span class="govuk-visually-hidden">" page"</span></span>
                <span class="govuk-visually-hidden">":"</span>
                <span class="govuk-pagination__link-label">{label}</span>
            </a>
        }
    };
    (previous.is_some() || next.is_some()).then(|| {
        view! {
            <nav class="govuk-pagination govuk-pagination--block" aria-label="Pages of results">
                {previous.map(|p| view! { <div class="govuk-pagination__prev">{link(p, "prev", "Previous")}</div> })}
                {next.map(|n| view! { <div class="govuk-pagination__next">{link(n, "next", "Next")}</div> })}
            </nav>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::page_items;

    #[test]
    fn first_last_and_neighbours_with_ellipses() {
        assert_eq!(page_items(1, 1), [Some(1)]);
        assert_eq!(page_items(1, 3), [Some(1), Some(2), Some(3)]);
        assert_eq!(
            page_items(5, 9),
            [Some(1), None, Some(4), Some(5), Some(6), None, Some(9)]
        );
        assert_eq!(page_items(1, 9), [Some(1), Some(2), None, Some(9)]);
    }
}
