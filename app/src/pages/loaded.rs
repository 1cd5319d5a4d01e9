//! Rendering a page from what a server function loads: the page waits for the data (the
//! route is `SsrMode::Async`, so the HTML is complete without JavaScript) and shows the
//! service problem page if it cannot be loaded.
use std::future::Future;

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use crate::errors::PortalError;
use crate::pages::service_problem::ServiceProblem;

pub fn with_loaded<T, Load, Fut, V>(
    load: Load,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    Load: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<T, PortalError>> + Send + 'static,
    V: IntoView + 'static,
{
    with_loaded_or(load, render, |_| view! { <ServiceProblem/> }.into_any())
}

/// Like `with_loaded`, with the page to show for each error the loader can give.
pub fn with_loaded_or<T, Load, Fut, V>(
    load: Load,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
    on_error: fn(PortalError) -> AnyView,
) -> impl IntoView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    Load: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<T, PortalError>> + Send + 'static,
    V: IntoView + 'static,
{
    let state = Resource::new_blocking(|| (), move |_| load());
    view! {
        <Suspense>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match state.await {
                        Ok(state) => render(state).into_any(),
                        Err(error) => on_error(error),
                    }
                })
            }}
        </Suspense>
    }
}

/// `Some("check-answers")` when the page was opened from a "Change" link.
pub fn return_to_from_query(expected: &str) -> Option<String> {
    leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("change"))
        .filter(|v| v == expected)
}
