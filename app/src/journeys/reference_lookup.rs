//! "Your reference and date of birth": the form that opens something already sent (a
//! request's progress, a carer's own registration) and, on the server, the guarded look-up
//! behind it, worded for what is looked for.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::date_parts::DateParts;
use crate::domain::problems::FieldErrors;

/// What a look-up form posts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReferenceLookupForm {
    pub reference: String,
    pub date_of_birth: DateParts,
}

/// How one look-up words its problems and its misses.
pub struct LookupWords {
    /// "Enter the reference, like ASC-7K3M-9QX2-HD4P".
    pub enter_reference: &'static str,
    /// "Enter the date of birth of the person the request is for".
    pub enter_date_of_birth: &'static str,
    /// What is looked for: "a request".
    pub what: &'static str,
    /// What to call the Care Line for instead, when tries run out: "to ask about the request".
    pub instead: &'static str,
}

/// The longest reference anyone could mean (references are 18 characters).
const LONGEST_REFERENCE: usize = 40;

impl ReferenceLookupForm {
    pub fn problems(&self, today: Date, words: &LookupWords) -> FieldErrors {
        let mut errors = FieldErrors::default();
        let reference = self.reference.trim();
        if reference.is_empty() || reference.chars().count() > LONGEST_REFERENCE {
            errors.add("reference", words.enter_reference);
        }
        let born = &self.date_of_birth;
        if let Some(problem) = born.date_of_birth_problem(today, words.enter_date_of_birth) {
            errors.add("date_of_birth", problem);
        }
        errors
    }

    /// What is kept between tries: the date of birth, to save typing; never the reference.
    pub fn kept(&self) -> Self {
        Self {
            reference: String::new(),
            date_of_birth: self.date_of_birth.clone(),
        }
    }
}

/// A complete look-up, for one of the services' guarded look-ups.
#[cfg(feature = "ssr")]
pub struct LookupRequest {
    pub store: std::sync::Arc<dyn crate::store::Store>,
    pub settings: std::sync::Arc<crate::settings::Settings>,
    now: time::OffsetDateTime,
    client: String,
    reference: String,
    /// `YYYY-MM-DD`.
    date_of_birth: String,
}

#[cfg(feature = "ssr")]
impl LookupRequest {
    /// The try, for the services' look-ups.
    pub fn attempt(&self) -> crate::journeys::submission::LookupAttempt<'_> {
        crate::journeys::submission::LookupAttempt {
            now: self.now,
            client_address: &self.client,
            reference: &self.reference,
            date_of_birth: &self.date_of_birth,
        }
    }
}

/// Checks the form and, when it is complete, looks it up with `find` (one of the services'
/// guarded look-ups, which count and audit every try for this client); a miss or too many
/// tries is worded on the reference. The problems, and what was found.
#[cfg(feature = "ssr")]
pub async fn look_up<T, Found>(
    form: &ReferenceLookupForm,
    words: &LookupWords,
    find: impl FnOnce(LookupRequest) -> Found,
) -> Result<(FieldErrors, Option<T>), crate::errors::PortalError>
where
    Found: std::future::Future<
        Output = Result<crate::journeys::submission::Guarded<T>, crate::store::StoreError>,
    >,
{
    use crate::api::client_address::current_client;
    use crate::api::context::{service_problem, settings, store};
    use crate::journeys::submission::Guarded;

    let now = time::OffsetDateTime::now_utc();
    let today = crate::domain::office_hours::uk_local(now).date();
    let mut errors = form.problems(today, words);
    if !errors.is_empty() {
        return Ok((errors, None));
    }
    let settings = settings();
    let request = LookupRequest {
        store: store()?,
        client: current_client(&settings.trusted_proxies).await,
        settings,
        now,
        reference: form.reference.clone(),
        date_of_birth: form.date_of_birth.iso_date_of_birth(today),
    };
    let found = find(request).await.map_err(service_problem)?;
    let instead = format!(
        "call the Care Line on {} {}",
        crate::council::CARE_LINE_PHONE,
        words.instead
    );
    if let Some(message) = found.miss_message(words.what, &instead) {
        errors.add("reference", message);
    }
    Ok(match found {
        Guarded::Found(found) => (errors, Some(found)),
        _ => (errors, None),
    })
}
