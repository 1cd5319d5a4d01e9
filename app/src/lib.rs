//! The portal's isomorphic Leptos crate: the HTML shell, the app and its route table.
//! Everything else lives in the modules below.

// Deeply nested view types (a page inside a layout inside an island) need more than 128.
#![recursion_limit = "256"]

pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod content;
pub mod council;
pub mod date_parts;
pub mod errors;
/// The rules, in their own crate (`domain/`) so nothing there can reach Leptos, a database
/// or a clock; re-exported so `crate::domain::...` reads as before.
pub use domain;
pub mod forms;
pub mod journeys;
#[cfg(feature = "ssr")]
pub mod page_headers;
pub mod pages;
pub mod paths;
pub mod settings;
#[cfg(feature = "ssr")]
pub mod store;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, ParamSegment, SsrMode};

use api::directory::DIRECTORY_BASE;
use api::guidance::{GUIDANCE_BASE, GUIDANCE_TOPICS};
use api::search::SEARCH_PATH;
use api::staff::paths as staff_paths;
use api::track as track_paths;
use journeys::carer::flow as carer_flow;
use journeys::concern::flow as concern_flow;
use journeys::eligibility::flow as eligibility_flow;
use journeys::estimate::flow as estimate_flow;
use journeys::feedback::paths as feedback_paths;
use journeys::professional::flow as professional_flow;
use journeys::referral::flow as referral_flow;
use journeys::referral::saved::{RETURN_PATH, SAVE_PATH};
use paths::{route, route2, route3, route_param, with_param};

use components::{Footer, Header, SkipLink};
use journeys::{
    carer::pages as carer, concern::pages as concern, eligibility::pages as eligibility,
    estimate::pages as estimate, feedback::pages as feedback, professional::pages as professional,
    referral::pages as referral,
};
use pages::{
    directory, guidance, home::HomePage, info, not_found::NotFoundPage, search, staff, track,
};

/// The whole HTML document. GOV.UK Frontend's stylesheet and script are ordinary files; the
/// wasm is loaded only where an island needs it.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    page_headers::send();
    view! {
        <!DOCTYPE html>
        <html lang="en" class="govuk-template govuk-template--rebranded">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"/>
                <meta name="theme-color" content="#0b0c0c"/>
                <link rel="stylesheet" href="/pkg/portal.css"/>
                <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body class="govuk-template__body">
                <script type="module" src="/assets/govuk-init.js"></script>
                <App/>
            </body>
        </html>
    }
}

/// The route table. Pages that load data render in `SsrMode::Async`, so their HTML is complete
/// without JavaScript.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <SkipLink/>
        <Header/>
        <Router>
            <Routes fallback=|| view! { <NotFoundPage/> }>
                <Route path=path!("/") view=HomePage/>
                <Route path=route(feedback_paths::SATISFACTION) view=feedback::SatisfactionPage ssr=SsrMode::Async/>
                <Route path=route2(feedback_paths::IMPROVEMENTS) view=feedback::ImprovementsPage ssr=SsrMode::Async/>
                <Route path=route2(feedback_paths::CHECK) view=feedback::CheckAnswersPage ssr=SsrMode::Async/>
                <Route path=route2(feedback_paths::CONFIRMATION) view=feedback::ConfirmationPage/>
                <Route path=route(paths::ACCESSIBILITY_STATEMENT) view=info::accessibility::AccessibilityStatementPage/>
                <Route path=route(paths::PRIVACY) view=info::privacy::PrivacyPage/>
                <Route path=route(paths::COOKIES) view=info::cookies::CookiesPage/>
                <Route path=route(paths::CONTACT) view=info::contact::ContactPage/>
                <Route path=route(paths::GET_HELP) view=info::contact::ContactPage/>
                <Route path=route(GUIDANCE_BASE) view=guidance::GuidanceIndexPage ssr=SsrMode::Async/>
                <Route path=(route2(GUIDANCE_TOPICS), ParamSegment("topic")) view=guidance::GuidanceTopicPage ssr=SsrMode::Async/>
                <Route path=route_param(GUIDANCE_BASE, "slug") view=guidance::GuidancePage ssr=SsrMode::Async/>
                <Route path=route(DIRECTORY_BASE) view=directory::DirectoryPage ssr=SsrMode::Async/>
                <Route path=route_param(DIRECTORY_BASE, "id") view=directory::ServicePage ssr=SsrMode::Async/>
                <Route path=route(eligibility_flow::BASE) view=eligibility::CheckStartPage/>
                <Route path=route2(eligibility_flow::CHECK_PATH) view=eligibility::CheckAnswersPage ssr=SsrMode::Async/>
                <Route path=route2(eligibility_flow::RESULT_PATH) view=eligibility::CheckResultPage ssr=SsrMode::Async/>
                <Route path=route_param(eligibility_flow::BASE, "page") view=eligibility::CheckQuestionPage ssr=SsrMode::Async/>
                <Route path=route(estimate_flow::BASE) view=estimate::EstimateStartPage/>
                <Route path=route2(estimate_flow::CHECK_PATH) view=estimate::EstimateCheckAnswersPage ssr=SsrMode::Async/>
                <Route path=route2(estimate_flow::RESULT_PATH) view=estimate::EstimateResultPage ssr=SsrMode::Async/>
                <Route path=route_param(estimate_flow::BASE, "page") view=estimate::EstimateQuestionPage ssr=SsrMode::Async/>
                <Route path=route(referral_flow::BASE) view=referral::ReferralStartPage/>
                <Route path=route2(referral_flow::CHECK_PATH) view=referral::ReferralCheckAnswersPage ssr=SsrMode::Async/>
                <Route path=route2(referral_flow::CONFIRMATION_PATH) view=referral::ReferralConfirmationPage ssr=SsrMode::Async/>
                <Route path=route2(SAVE_PATH) view=referral::SaveForLaterPage ssr=SsrMode::Async/>
                <Route path=route2(RETURN_PATH) view=referral::ReturnToSavedPage ssr=SsrMode::Async/>
                <Route path=route_param(referral_flow::BASE, "page") view=referral::ReferralQuestionPage ssr=SsrMode::Async/>
                <Route path=route(professional_flow::BASE) view=professional::ProfessionalStartPage/>
                <Route path=route2(professional_flow::CHECK_PATH) view=professional::ProfessionalCheckAnswersPage ssr=SsrMode::Async/>
                <Route path=route2(professional_flow::CONFIRMATION_PATH) view=professional::ProfessionalConfirmationPage ssr=SsrMode::Async/>
                <Route path=route_param(professional_flow::BASE, "page") view=professional::ProfessionalQuestionPage ssr=SsrMode::Async/>
                <Route path=route(concern_flow::BASE) view=concern::ConcernStartPage/>
                <Route path=route2(concern_flow::CHECK_PATH) view=concern::ConcernCheckAnswersPage ssr=SsrMode::Async/>
                <Route path=route2(concern_flow::CONFIRMATION_PATH) view=concern::ConcernConfirmationPage ssr=SsrMode::Async/>
                <Route path=route_param(concern_flow::BASE, "page") view=concern::ConcernQuestionPage ssr=SsrMode::Async/>
                <Route path=route(SEARCH_PATH) view=search::SearchPage ssr=SsrMode::Async/>
                <Route path=route(carer_flow::BASE) view=carer::CarerStartPage/>
                <Route path=route2(carer_flow::YOUNG_CARERS_PATH) view=carer::YoungCarersPage/>
                <Route path=route2(carer_flow::CHECK_PATH) view=carer::CarerCheckAnswersPage ssr=SsrMode::Async/>
                <Route path=route2(carer_flow::CONFIRMATION_PATH) view=carer::CarerConfirmationPage ssr=SsrMode::Async/>
                <Route path=route2(carer_flow::YOUR_DETAILS_PATH) view=carer::YourDetailsPage ssr=SsrMode::Async/>
                <Route path=route2(carer_flow::CODE_PATH) view=carer::EnterCodePage ssr=SsrMode::Async/>
                <Route path=route2(carer_flow::LEAVE_PATH) view=carer::LeavePage ssr=SsrMode::Async/>
                <Route path=route2(carer_flow::LEFT_PATH) view=carer::LeftPage/>
                <Route path=with_param(carer_flow::REMOVE_PATH, "n") view=carer::RemovePersonPage ssr=SsrMode::Async/>
                <Route path=route_param(carer_flow::BASE, "page") view=carer::CarerQuestionPage ssr=SsrMode::Async/>
                <Route path=route(track_paths::LOOKUP_PATH) view=track::TrackLookupPage ssr=SsrMode::Async/>
                <Route path=route2(track_paths::PROGRESS_PATH) view=track::TrackProgressPage ssr=SsrMode::Async/>
                <Route path=route2(track_paths::CHANGE_PATH) view=track::TrackChangePage ssr=SsrMode::Async/>
                <Route path=route(staff_paths::QUEUE_PATH) view=staff::QueuePage ssr=SsrMode::Async/>
                <Route path=route2(staff_paths::SIGN_IN_PATH) view=staff::SignInPage ssr=SsrMode::Async/>
                <Route path=route3(staff_paths::CODE_PATH) view=staff::CodePage ssr=SsrMode::Async/>
                <Route path=route2(paths::STAFF_SAFEGUARDING) view=staff::SafeguardingPage ssr=SsrMode::Async/>
                <Route path=with_param(staff_paths::RECORDS_PATH, "reference") view=staff::RecordPage ssr=SsrMode::Async/>
                <Route path=with_param(staff_paths::CARERS_PATH, "reference") view=staff::CarerRecordPage ssr=SsrMode::Async/>
                <Route path=route2(paths::STAFF_AUDIT) view=staff::AuditPage ssr=SsrMode::Async/>
                <Route path=route2(staff_paths::DASHBOARD_PATH) view=staff::DashboardPage ssr=SsrMode::Async/>
                <Route path=route2(staff_paths::EMERGENCY_PATH) view=staff::EmergencyPage ssr=SsrMode::Async/>
                <Route path=route2(staff_paths::SUBJECT_PATH) view=staff::SubjectAccessPage ssr=SsrMode::Async/>
                <Route path=route2(staff_paths::INTEGRATION_PATH) view=staff::IntegrationPage ssr=SsrMode::Async/>
                <Route path=route2(staff_paths::API_KEYS_PATH) view=staff::ApiKeysPage ssr=SsrMode::Async/>
                <Route path=route2(staff_paths::ACCOUNTS_PATH) view=staff::AccountsPage ssr=SsrMode::Async/>
                <Route path=route2(staff_paths::ENROL_PATH) view=staff::EnrolPage ssr=SsrMode::Async/>
                <Route path=route2(staff_paths::AUTHENTICATOR_PATH) view=staff::AuthenticatorPage ssr=SsrMode::Async/>
                <Route path=route3(staff_paths::ENROLLED_PATH) view=staff::EnrolledPage ssr=SsrMode::Async/>
                <Route path=route2(staff_paths::PASSWORD_PATH) view=staff::PasswordPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
        <Footer/>
    }
}
