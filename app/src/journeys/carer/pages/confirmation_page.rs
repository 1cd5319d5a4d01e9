//! Registered: the carer's reference, the printable carer's card (wallet size: the reference
//! and the emergency number, no health details), and "ask for a carer's assessment".
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::{Button, ButtonKind, Layout, Panel};
use crate::council::{COUNCIL_NAME, OUT_OF_HOURS_PHONE};
use crate::journeys::carer::{load_registered, AskForCarersAssessment, CheckCarersEligibility};
use crate::pages::loaded::with_loaded;

#[component]
pub fn CarerConfirmationPage() -> impl IntoView {
    with_loaded(load_registered, |registered| {
        match registered {
        None => view! {
            <Layout title="There is no registration to show">
                <h1 class="govuk-heading-l">"There is no registration to show"</h1>
                <p class="govuk-body">"We show a registration only in the browser session that made it."</p>
                <p class="govuk-body"><a class="govuk-link" href={crate::journeys::carer::flow::BASE}>"Register as a carer"</a></p>
            </Layout>
        }
        .into_any(),
        Some(r) => {
            let (reference, name) = (r.reference.clone(), format!("{} {}", r.given_name, r.family_name));
            let on_card = reference.clone();
            let panel = if r.updated { "Your details have been updated" } else { "You are on the carers' register" };
            view! {
            <Layout title=panel>
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <Panel title=panel>
                            "Your carer reference is" <br/> <strong class="app-reference">{reference}</strong>
                        </Panel>
                        <h2 class="govuk-heading-m app-no-print">"Your carer's card"</h2>
                        <p class="govuk-body app-no-print">
                            "Print this card, cut it out and keep it in your purse or wallet. It has no health details on it. "
                            "If something happens to you, whoever finds it can call us, and we will make sure the person you look after is safe."
                        </p>
                        <div class="app-carer-card" role="region" aria-label="Carer's card">
                            <p class="app-carer-card__title">"I am a carer"</p>
                            <p class="app-carer-card__text">
                                "Someone depends on me. If I am ill or have had an accident, please call "
                                <strong>{OUT_OF_HOURS_PHONE}</strong> " (any time) and quote:"
                            </p>
                            <p class="app-carer-card__reference">{on_card}</p>
                            <p class="app-carer-card__name">{name}</p>
                            <p class="app-carer-card__council">{COUNCIL_NAME}</p>
                        </div>
                        <p class="govuk-body app-no-print">"Use your browser's print option to print the card."</p>
                        <div class="app-no-print">
                            <h2 class="govuk-heading-m">"Ask for a carer's assessment"</h2>
                            <p class="govuk-body">
                                "A carer's assessment looks at how caring affects you and what would help. It is free. "
                                "We will start the request with the details you have given."
                            </p>
                            <form method="post" action=AskForCarersAssessment::url()>
                                <Button text="Ask for a carer's assessment"/>
                            </form>
                            <p class="govuk-body">"Not sure yet? See what support you might get first. We will start the check with what you have told us."</p>
                            <form method="post" action=CheckCarersEligibility::url()>
                                <Button text="Check if you can get support as a carer" kind=ButtonKind::Secondary/>
                            </form>
                            <p class="govuk-body">
                                <a class="govuk-link" href={crate::journeys::feedback::paths::SATISFACTION}>"What did you think of this service?"</a>
                            </p>
                        </div>
                    </div>
                </div>
            </Layout>
            }
            .into_any()
        }
    }
    })
}
