//! "Register as a carer": the journey's pages as data (`journey`) and the server functions
//! its pages post to: each answer, removing a person, sending (exactly once per draft, through
//! the same service as the JSON API), the confirmation with the carer's card, and "ask for a
//! carer's assessment", which starts a request for one with the carer's details.

pub mod flow;
pub mod one_time_code;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::errors::PortalError;
use crate::forms::FieldErrors;
#[cfg(feature = "ssr")]
use crate::journeys::flow::Journey;
use flow::{CarerDraft, CarerForm, CarerPage};

#[cfg(feature = "ssr")]
pub(crate) const JOURNEY: &str = <CarerPage as crate::journeys::flow::Journey>::KEY;
#[cfg(feature = "ssr")]
const REGISTERED: &str = "carer-registered";

/// The field an error about sending is shown against on check answers.
pub const SEND_FIELD: &str = "send";

/// What the confirmation and the card show (no health details).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registered {
    pub reference: String,
    pub given_name: String,
    pub family_name: String,
    /// Changed details of an existing registration, not a new one.
    #[serde(default)]
    pub updated: bool,
}

/// The "your details" page: the date as typed (the reference is typed again) and problems.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenState {
    pub form: flow::OpenForm,
    pub errors: FieldErrors,
}

#[cfg(feature = "ssr")]
const OPEN: &str = "carer-open";

#[server(endpoint = "carer/load-open")]
pub async fn load_open() -> Result<OpenState, PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let form = drafts.answers::<flow::OpenForm>(OPEN).await?;
    let errors = drafts.take_errors(OPEN, "open").await?;
    Ok(OpenState { form, errors })
}

/// The first step of opening the carer's own registration: reference and date of birth
/// (rate-limited and audited like progress lookups); then a one-time code by email
/// (`one_time_code`).
#[server(endpoint = "carer/open")]
pub async fn open_registration(#[server(default)] form: flow::OpenForm) -> Result<(), PortalError> {
    use crate::journeys::carer::service::open_registration as open;
    use crate::journeys::reference_lookup::look_up;

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    drafts.save_answers(OPEN, &form.kept()).await?;
    let (errors, found) = look_up(&form, &flow::OPEN_WORDS, |q| async move {
        open(&*q.store, &q.settings, &q.attempt()).await
    })
    .await?;
    if let Some(carer) = found {
        // The card and a date of birth are not enough: a code goes to the carer's
        // registered email address.
        let registration: crate::domain::carer::CarerRegistration =
            serde_json::from_str(&carer.details)?;
        one_time_code::send_code(
            &drafts,
            &carer.reference,
            &registration.carer.email,
            time::OffsetDateTime::now_utc().unix_timestamp(),
        )
        .await?;
        drafts.clear(OPEN).await?;
        leptos_axum::redirect(flow::CODE_PATH);
        return Ok(());
    }
    drafts.save_errors(OPEN, "open", &errors).await?;
    leptos_axum::redirect(flow::YOUR_DETAILS_PATH);
    Ok(())
}

/// "Leave the carers' register": only from an opened registration.
#[server(endpoint = "carer/withdraw")]
pub async fn withdraw_registration() -> Result<(), PortalError> {
    use crate::api::context::{service_problem, store};
    use crate::journeys::carer::service::withdraw_registration as withdraw;

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let draft = drafts.answers::<CarerDraft>(JOURNEY).await?;
    let Some(reference) = draft.updating else {
        leptos_axum::redirect(flow::YOUR_DETAILS_PATH);
        return Ok(());
    };
    withdraw(&*store()?, time::OffsetDateTime::now_utc(), &reference)
        .await
        .map_err(service_problem)?;
    drafts.clear(JOURNEY).await?;
    leptos_axum::redirect(flow::LEFT_PATH);
    Ok(())
}

crate::journeys::flow::question_server_fns!(load: load_carer_page = "carer/load", page: CarerPage, draft: CarerDraft);

#[server(endpoint = "carer/answer")]
pub async fn save_carer_answer(
    page: CarerPage,
    #[server(default)] form: CarerForm,
) -> Result<(), PortalError> {
    if page == CarerPage::Adult && form.adult == "no" {
        // A young carer: nothing is kept.
        crate::journeys::drafts::Drafts::current()
            .await?
            .clear(JOURNEY)
            .await?;
        leptos_axum::redirect(flow::YOUNG_CARERS_PATH);
        return Ok(());
    }
    let return_to = form.return_to.clone();
    let update = |draft: &mut CarerDraft, today| draft.apply(page, &form, today);
    crate::journeys::flow::save_answer(page, return_to.as_deref(), update).await
}

/// "Remove" on the people page.
#[server(endpoint = "carer/remove-person")]
pub async fn remove_person(index: usize) -> Result<(), PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let mut draft = drafts.answers::<CarerDraft>(JOURNEY).await?;
    draft.remove_person(index);
    drafts.save_answers(JOURNEY, &draft).await?;
    leptos_axum::redirect(&CarerPage::People.path());
    Ok(())
}

/// Registers the carer, exactly once per draft; on a store failure, check answers says so
/// and keeps every answer.
#[server(endpoint = "carer/send")]
pub async fn send_registration() -> Result<(), PortalError> {
    use crate::api::context::{settings, store};
    use crate::journeys::carer::service::register_carer;
    use crate::journeys::submission::Submitted;
    use crate::journeys::submission::{Channel, Submission};

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let mut draft = drafts.answers::<CarerDraft>(JOURNEY).await?;
    let today = crate::forms::today();
    if draft.registered {
        leptos_axum::redirect(flow::CONFIRMATION_PATH);
        return Ok(());
    }
    if draft.submission_key.is_empty() {
        draft.submission_key = uuid::Uuid::new_v4().to_string();
        drafts.save_answers(JOURNEY, &draft).await?;
    }
    if let Some(page) = CarerPage::first_unfinished(&draft, today) {
        leptos_axum::redirect(&page.path());
        return Ok(());
    }
    if let Some(reference) = draft.updating.clone() {
        use crate::journeys::carer::service::update_registration;
        let updated = update_registration(
            &*store()?,
            time::OffsetDateTime::now_utc(),
            &reference,
            &draft.registration,
        )
        .await;
        if !matches!(updated, Ok(Ok(true))) {
            if let Err(error) = &updated {
                tracing::error!(%error, "a carer's details could not be updated");
            }
            return not_saved(&drafts, "Your changes have not been saved").await;
        }
        let carer = &draft.registration.carer;
        drafts
            .save_answers(
                REGISTERED,
                &Some(Registered {
                    reference,
                    given_name: carer.given_name.clone(),
                    family_name: carer.family_name.clone(),
                    updated: true,
                }),
            )
            .await?;
        drafts.clear(JOURNEY).await?;
        leptos_axum::redirect(flow::CONFIRMATION_PATH);
        return Ok(());
    }
    if let Some(refusal) = crate::api::sending_limit::over_the_limit("registration").await? {
        let mut errors = FieldErrors::default();
        errors.add(SEND_FIELD, refusal);
        drafts
            .save_errors(JOURNEY, "check-answers", &errors)
            .await?;
        leptos_axum::redirect(flow::CHECK_PATH);
        return Ok(());
    }
    let body = serde_json::to_string(&draft.registration)?;
    let submission = Submission {
        settings: &settings(),
        now: time::OffsetDateTime::now_utc(),
        channel: Channel::Web,
        idempotency_key: &draft.submission_key,
        request_body: &body,
    };
    let outcome = register_carer(&*store()?, &submission, &draft.registration).await;
    let receipt = match outcome {
        Ok(Submitted::Created(receipt) | Submitted::Replayed(receipt)) => receipt,
        other => {
            if let Err(error) = &other {
                tracing::error!(%error, "a carer's registration could not be stored");
            }
            return not_saved(&drafts, "You have not been registered yet").await;
        }
    };
    let carer = &draft.registration.carer;
    drafts
        .save_answers(
            REGISTERED,
            &Some(Registered {
                reference: receipt.reference,
                given_name: carer.given_name.clone(),
                family_name: carer.family_name.clone(),
                updated: false,
            }),
        )
        .await?;
    // Kept for "ask for a carer's assessment", then cleared; "Register" again only shows
    // the confirmation.
    draft.registered = true;
    drafts.save_answers(JOURNEY, &draft).await?;
    leptos_axum::redirect(flow::CONFIRMATION_PATH);
    Ok(())
}

/// Back to check answers saying nothing was written (`what` starts the message) and nothing
/// is lost.
#[cfg(feature = "ssr")]
async fn not_saved(
    drafts: &crate::journeys::drafts::Drafts,
    what: &str,
) -> Result<(), PortalError> {
    let mut errors = FieldErrors::default();
    errors.add(
        SEND_FIELD,
        format!(
            "{what}. Nothing is lost: your answers are below. Try again in a few minutes, or call {}.",
            crate::council::CARE_LINE_PHONE
        ),
    );
    drafts
        .save_errors(JOURNEY, "check-answers", &errors)
        .await?;
    leptos_axum::redirect(flow::CHECK_PATH);
    Ok(())
}

/// The registration this session last made, if any.
#[server(endpoint = "carer/registered")]
pub async fn load_registered() -> Result<Option<Registered>, PortalError> {
    let drafts = crate::journeys::drafts::Drafts::current().await?;
    Ok(drafts.answers::<Option<Registered>>(REGISTERED).await?)
}

/// "Ask for a carer's assessment": a request of that kind, started with the carer's details
/// so nothing is typed twice; the registration's answers are then forgotten.
#[server(endpoint = "carer/ask-for-assessment")]
pub async fn ask_for_carers_assessment() -> Result<(), PortalError> {
    use crate::journeys::referral::flow::{ReferralDraft, ReferralPage};
    use crate::journeys::referral::JOURNEY as REFERRAL;

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let carer = drafts.answers::<CarerDraft>(JOURNEY).await?;
    let mut referral = drafts.answers::<ReferralDraft>(REFERRAL).await?;
    let c = &carer.registration.carer;
    let r = &mut referral.request;
    r.for_whom = "self".into();
    r.kind = "carer_assessment".into();
    if r.person.given_name.is_empty() {
        r.person.given_name = c.given_name.clone();
        r.person.family_name = c.family_name.clone();
        r.person.date_of_birth = c.date_of_birth.clone();
        referral.date_of_birth = carer.date_of_birth.clone();
        r.person.address_line_1 = c.address_line_1.clone();
        r.person.address_line_2 = c.address_line_2.clone();
        r.person.town = c.town.clone();
        r.person.postcode = c.postcode.clone();
        r.person.phone = c.phone.clone();
        r.person.email = c.email.clone();
        r.person.preferred_contact = if c.preferred_contact.is_empty() {
            if c.phone.is_empty() { "email" } else { "phone" }.to_owned()
        } else {
            c.preferred_contact.clone()
        };
    }
    if referral.submission_key.is_empty() {
        referral.submission_key = uuid::Uuid::new_v4().to_string();
    }
    drafts.save_answers(REFERRAL, &referral).await?;
    drafts.clear(JOURNEY).await?;
    leptos_axum::redirect(&ReferralPage::resume_path(&referral, crate::forms::today()));
    Ok(())
}

/// "Check if you can get support as a carer": the carer's check, started with what the
/// registration already knows (a carer, their age, the age of the person they look after, and
/// how caring affects them), so nothing is asked twice. Only what was said is carried over; the check asks the rest.
#[server(endpoint = "carer/check-eligibility")]
pub async fn check_carers_eligibility() -> Result<(), PortalError> {
    use crate::domain::ages::age_on;
    use crate::domain::checks::date_of_birth_iso;
    use crate::journeys::eligibility::flow::{CheckDraft, CheckPage};
    use crate::journeys::eligibility::JOURNEY as CHECK;

    let drafts = crate::journeys::drafts::Drafts::current().await?;
    let carer = drafts.answers::<CarerDraft>(JOURNEY).await?;
    let today = crate::forms::today();
    let caring = &carer.registration.caring;
    let mut check = CheckDraft {
        for_whom: "me".into(),
        carer: "yes".into(),
        ..CheckDraft::default()
    };
    let age = |date_of_birth: &str| {
        date_of_birth_iso(date_of_birth, today, "")
            .ok()
            .map(|born| age_on(born, today).to_string())
    };
    if let Some(years) = age(&carer.registration.carer.date_of_birth) {
        check.age = years;
    }
    // The first person named is the one the check asks about ("the one you help most").
    if let Some(years) = carer
        .registration
        .cared_for
        .first()
        .and_then(|person| age(&person.date_of_birth))
    {
        check.cared_for_age = years;
    }
    if caring.affects.iter().any(|a| a == "health") {
        check.health = "yes".into();
    }
    if matches!(caring.can_keep_caring.as_str(), "no" | "with_help") {
        check.wellbeing = "significant".into();
    }
    drafts.save_answers(CHECK, &check).await?;
    leptos_axum::redirect(&CheckPage::resume_path(&check, today));
    Ok(())
}
