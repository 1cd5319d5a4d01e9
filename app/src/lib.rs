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
pub mod settings;
#[cfg(feature = "ssr")]
pub mod store;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use components::{Footer, Header, SkipLink};
use journeys::{
    carer::pages as carer, concern::pages as concern, eligibility::pages as eligibility,
    estimate::pages as estimate, feedback::pages as feedback, referral::pages as referral,
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
                <Route path=path!("/feedback") view=feedback::SatisfactionPage ssr=SsrMode::Async/>
                <Route path=path!("/feedback/what-could-be-better") view=feedback::ImprovementsPage ssr=SsrMode::Async/>
                <Route path=path!("/feedback/check-answers") view=feedback::CheckAnswersPage ssr=SsrMode::Async/>
                <Route path=path!("/feedback/confirmation") view=feedback::ConfirmationPage/>
                <Route path=path!("/accessibility-statement") view=info::accessibility::AccessibilityStatementPage/>
                <Route path=path!("/privacy") view=info::privacy::PrivacyPage/>
                <Route path=path!("/cookies") view=info::cookies::CookiesPage/>
                <Route path=path!("/contact") view=info::contact::ContactPage/>
                <Route path=path!("/get-help") view=info::contact::ContactPage/>
                <Route path=path!("/information-and-advice") view=guidance::GuidanceIndexPage ssr=SsrMode::Async/>
                <Route path=path!("/information-and-advice/topics/:topic") view=guidance::GuidanceTopicPage ssr=SsrMode::Async/>
                <Route path=path!("/information-and-advice/:slug") view=guidance::GuidancePage ssr=SsrMode::Async/>
                <Route path=path!("/find-local-services") view=directory::DirectoryPage ssr=SsrMode::Async/>
                <Route path=path!("/find-local-services/:id") view=directory::ServicePage ssr=SsrMode::Async/>
                <Route path=path!("/check-if-you-can-get-care") view=eligibility::CheckStartPage/>
                <Route path=path!("/check-if-you-can-get-care/check-answers") view=eligibility::CheckAnswersPage ssr=SsrMode::Async/>
                <Route path=path!("/check-if-you-can-get-care/result") view=eligibility::CheckResultPage ssr=SsrMode::Async/>
                <Route path=path!("/check-if-you-can-get-care/:page") view=eligibility::CheckQuestionPage ssr=SsrMode::Async/>
                <Route path=path!("/estimate-what-you-might-pay") view=estimate::EstimateStartPage/>
                <Route path=path!("/estimate-what-you-might-pay/check-answers") view=estimate::EstimateCheckAnswersPage ssr=SsrMode::Async/>
                <Route path=path!("/estimate-what-you-might-pay/result") view=estimate::EstimateResultPage ssr=SsrMode::Async/>
                <Route path=path!("/estimate-what-you-might-pay/:page") view=estimate::EstimateQuestionPage ssr=SsrMode::Async/>
                <Route path=path!("/request-an-assessment") view=referral::ReferralStartPage/>
                <Route path=path!("/request-an-assessment/check-answers") view=referral::ReferralCheckAnswersPage ssr=SsrMode::Async/>
                <Route path=path!("/request-an-assessment/confirmation") view=referral::ReferralConfirmationPage ssr=SsrMode::Async/>
                <Route path=path!("/request-an-assessment/save") view=referral::SaveForLaterPage ssr=SsrMode::Async/>
                <Route path=path!("/request-an-assessment/return") view=referral::ReturnToSavedPage ssr=SsrMode::Async/>
                <Route path=path!("/request-an-assessment/:page") view=referral::ReferralQuestionPage ssr=SsrMode::Async/>
                <Route path=path!("/report-a-concern") view=concern::ConcernStartPage/>
                <Route path=path!("/report-a-concern/check-answers") view=concern::ConcernCheckAnswersPage ssr=SsrMode::Async/>
                <Route path=path!("/report-a-concern/confirmation") view=concern::ConcernConfirmationPage ssr=SsrMode::Async/>
                <Route path=path!("/report-a-concern/:page") view=concern::ConcernQuestionPage ssr=SsrMode::Async/>
                <Route path=path!("/search") view=search::SearchPage ssr=SsrMode::Async/>
                <Route path=path!("/register-as-a-carer") view=carer::CarerStartPage/>
                <Route path=path!("/register-as-a-carer/young-carers") view=carer::YoungCarersPage/>
                <Route path=path!("/register-as-a-carer/check-answers") view=carer::CarerCheckAnswersPage ssr=SsrMode::Async/>
                <Route path=path!("/register-as-a-carer/confirmation") view=carer::CarerConfirmationPage ssr=SsrMode::Async/>
                <Route path=path!("/register-as-a-carer/your-details") view=carer::YourDetailsPage ssr=SsrMode::Async/>
                <Route path=path!("/register-as-a-carer/enter-code") view=carer::EnterCodePage ssr=SsrMode::Async/>
                <Route path=path!("/register-as-a-carer/leave") view=carer::LeavePage ssr=SsrMode::Async/>
                <Route path=path!("/register-as-a-carer/left") view=carer::LeftPage/>
                <Route path=path!("/register-as-a-carer/remove/:n") view=carer::RemovePersonPage ssr=SsrMode::Async/>
                <Route path=path!("/register-as-a-carer/:page") view=carer::CarerQuestionPage ssr=SsrMode::Async/>
                <Route path=path!("/track-a-request") view=track::TrackLookupPage ssr=SsrMode::Async/>
                <Route path=path!("/track-a-request/progress") view=track::TrackProgressPage ssr=SsrMode::Async/>
                <Route path=path!("/staff") view=staff::QueuePage ssr=SsrMode::Async/>
                <Route path=path!("/staff/sign-in") view=staff::SignInPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/sign-in/code") view=staff::CodePage ssr=SsrMode::Async/>
                <Route path=path!("/staff/safeguarding") view=staff::SafeguardingPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/referrals/:reference") view=staff::RecordPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/carers/:reference") view=staff::CarerRecordPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/audit") view=staff::AuditPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/dashboard") view=staff::DashboardPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/emergency") view=staff::EmergencyPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/subject-access") view=staff::SubjectAccessPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/integration") view=staff::IntegrationPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/api-keys") view=staff::ApiKeysPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/accounts") view=staff::AccountsPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/enrol") view=staff::EnrolPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/authenticator") view=staff::AuthenticatorPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/enrol/done") view=staff::EnrolledPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/password") view=staff::PasswordPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
        <Footer/>
    }
}
