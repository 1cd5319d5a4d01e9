//! The result: what the check found, in plain words and with the regulation behind each
//! reason; that it is advice and anyone can ask for an assessment; help that fits the hard
//! things first (local services and guidance); then "Ask for an assessment", which starts
//! the request with these answers.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::guidance::ContentLink;
use crate::components::{Button, InsetText, Layout};
use crate::council::CARE_LINE_PHONE;
use crate::journeys::answers_then_result::not_finished;
use crate::journeys::eligibility::flow::{result_heading, BASE};
use crate::journeys::eligibility::{load_check_result, AskForAssessment, CheckResult};
use crate::pages::loaded::with_loaded;

#[component]
pub fn CheckResultPage() -> impl IntoView {
    with_loaded(load_check_result, |result| match result {
        None => not_finished("the check", BASE),
        Some(result) => result_view(result).into_any(),
    })
}

fn links(items: Vec<ContentLink>) -> impl IntoView {
    let items = items
        .into_iter()
        .map(|l| {
            view! {
                <li class="app-link-list__item">
                    <a class="govuk-link govuk-!-font-weight-bold" href=l.href>{l.title}</a>
                    <p class="govuk-body govuk-!-margin-top-1">{l.summary}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="govuk-list app-link-list">{items}</ul> }
}

fn result_view(r: CheckResult) -> impl IntoView {
    let title = result_heading(&r.result, r.for_me, r.carer);
    let young = r.result == "young_carer";
    let carer_of_child = r.result == "carer_of_child";
    let reasons = r
        .reasons
        .iter()
        .map(|reason| view! {
            <li>{reason.text.clone()} " " <span class="govuk-body-s app-regulation">"(" {reason.regulation.clone()} ")"</span></li>
        })
        .collect_view();
    let unmet = (!r.unmet.is_empty()).then(|| {
        let items = r
            .unmet
            .iter()
            .map(|u| view! { <li>{u.clone()}</li> })
            .collect_view();
        view! {
            <h2 class="govuk-heading-m">"What you told us is hard"</h2>
            <ul class="govuk-list govuk-list--bullet">{items}</ul>
        }
    });
    let next = if carer_of_child {
        view! {
            <h2 class="govuk-heading-m">"Ask children's services for an assessment"</h2>
            <p class="govuk-body">
                "Call the Care Line on " {CARE_LINE_PHONE} " and ask for a parent carer's needs assessment. It is free, and we will put you through to children's services."
            </p>
            <p class="govuk-body">
                <a class="govuk-link" href={crate::journeys::carer::flow::BASE}>"Register as a carer"</a>
                " to get a carer's card and make an emergency plan."
            </p>
        }
        .into_any()
    } else if young {
        view! {
            <p class="govuk-body">
                "Carers under 18 are supported by children's services, not by adult social care. "
                "Call the Care Line on " {CARE_LINE_PHONE} " and ask for a young carers' assessment. It is free."
            </p>
        }
        .into_any()
    } else if r.carer {
        view! {
            <h2 class="govuk-heading-m">"Ask for a carer's assessment"</h2>
            <p class="govuk-body">
                "Anyone who looks after someone can ask for a carer's assessment, whatever this check says. It is free. "
                "You can ask online, or call the Care Line on " {CARE_LINE_PHONE} "."
            </p>
            <form method="post" action=AskForAssessment::url()>
                <Button text="Ask for a carer's assessment"/>
            </form>
            <p class="govuk-body">
                <a class="govuk-link" href={crate::journeys::carer::flow::BASE}>"Register as a carer"</a>
                " to get a carer's card and make an emergency plan."
            </p>
        }
        .into_any()
    } else {
        view! {
            <h2 class="govuk-heading-m">"Ask for an assessment"</h2>
            <p class="govuk-body">
                "Anyone can ask for an assessment, whatever this check says. It is free. "
                "We will start the request with the answers you have given, so you do not have to give them again."
            </p>
            <form method="post" action=AskForAssessment::url()>
                <Button text="Ask for an assessment"/>
            </form>
        }
        .into_any()
    };
    view! {
        <Layout title=title.clone() back=BASE>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-l">{title.clone()}</h1>
                    <InsetText>
                        "This is not a decision. Only an assessment can decide. The council must assess anyone who may need care and support (Care Act 2014, section 9), or support as a carer (section 10)."
                    </InsetText>
                    <h2 class="govuk-heading-m">"Why"</h2>
                    <ul class="govuk-list govuk-list--bullet">{reasons}</ul>
                    {unmet}
                    {(!r.services.is_empty()).then(|| view! {
                        <h2 class="govuk-heading-m">"Help you can get now"</h2>
                        <p class="govuk-body">"These local services help with the things you told us are hard. You do not need an assessment to use them."</p>
                        {links(r.services.clone())}
                    })}
                    <h2 class="govuk-heading-m">"Information that may help"</h2>
                    {links(r.guidance.clone())}
                    {next}
                    <p class="govuk-body"><a class="govuk-link" href={crate::api::directory::DIRECTORY_BASE}>"Find more local services and groups"</a></p>
                </div>
            </div>
        </Layout>
    }
}
