//! "Are you sure you want to remove …?" (`/register-as-a-carer/remove/:n`): removing a person
//! from the list is a post from this page, never a link.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

use crate::components::{Button, ButtonKind, Layout};
use crate::journeys::carer::flow::CarerPage;
use crate::journeys::carer::{load_carer_page, RemovePerson};
use crate::journeys::flow::Journey;
use crate::pages::loaded::with_loaded;
use crate::pages::not_found::NotFoundPage;

#[component]
pub fn RemovePersonPage() -> impl IntoView {
    let number: Option<usize> = use_params_map()
        .with_untracked(|p| p.get("n"))
        .and_then(|n| n.parse().ok())
        .filter(|n| *n >= 1);
    with_loaded(
        || load_carer_page(CarerPage::People),
        move |state| {
            let Some(person) = number.and_then(|n| state.draft.registration.cared_for.get(n - 1))
            else {
                return view! { <NotFoundPage/> }.into_any();
            };
            let index = number.unwrap_or(1) - 1;
            let title = format!(
                "Are you sure you want to remove {} {}?",
                person.given_name, person.family_name
            );
            view! {
                <Layout title=title.clone() back=CarerPage::People.path()>
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            <h1 class="govuk-heading-l">{title}</h1>
                            <form method="post" action=RemovePerson::url()>
                                <input type="hidden" name="index" value=index.to_string()/>
                                <Button text="Yes, remove them" kind=ButtonKind::Warning/>
                            </form>
                            <p class="govuk-body"><a class="govuk-link" href=CarerPage::People.path()>"No, go back"</a></p>
                        </div>
                    </div>
                </Layout>
            }
            .into_any()
        },
    )
}
