//! "Find local services": the directory browsed by need, type of service, town, age and cost,
//! with words, as GET forms (so it works without JavaScript and results can be bookmarked),
//! and one service's details. Read-only and public.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::problems::FieldErrors;
use crate::errors::PortalError;

pub const DIRECTORY_BASE: &str = "/find-local-services";
pub const PER_PAGE: u32 = 10;
pub const WORDS_MAX: usize = 100;

/// The filters, as the GET form sends them (`?q=&need=&type=&town=&age=&free=&page=`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DirectoryFilters {
    pub q: String,
    /// An outcome term's code (`nutrition`, `carer:recreation`).
    pub need: String,
    /// A service type term's code (`lunch-club`).
    #[serde(rename = "type")]
    pub service_type: String,
    pub town: String,
    pub age: String,
    /// `yes`: free services only.
    pub free: String,
    pub page: String,
}

impl DirectoryFilters {
    /// The page asked for (1 when missing or not a number).
    pub fn page_number(&self) -> u32 {
        self.page
            .trim()
            .parse()
            .ok()
            .filter(|p| *p >= 1)
            .unwrap_or(1)
    }

    /// The age given, if it is one.
    pub fn age_in_years(&self) -> Result<Option<i64>, String> {
        let age = self.age.trim();
        if age.is_empty() {
            return Ok(None);
        }
        age.parse::<i64>()
            .ok()
            .filter(|a| (0..=120).contains(a))
            .map(Some)
            .ok_or_else(|| "Enter an age in whole years, like 70".to_owned())
    }

    /// The query string for these filters on another page (`?q=lunch&page=2`).
    pub fn href(&self, page: u32) -> String {
        let pairs = [
            ("q", self.q.as_str()),
            ("need", self.need.as_str()),
            ("type", self.service_type.as_str()),
            ("town", self.town.as_str()),
            ("age", self.age.as_str()),
            ("free", self.free.as_str()),
        ];
        let mut query: Vec<String> = pairs
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| format!("{k}={}", encode(v.trim())))
            .collect();
        if page > 1 {
            query.push(format!("page={page}"));
        }
        if query.is_empty() {
            DIRECTORY_BASE.to_owned()
        } else {
            format!("{DIRECTORY_BASE}?{}", query.join("&"))
        }
    }
}

/// Percent-encodes a query value (unreserved characters kept; space as `+`).
fn encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b':' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// A choice in a filter: the term's code and its name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterChoice {
    pub code: String,
    pub name: String,
}

/// One result in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceSummary {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub towns: Vec<String>,
    pub cost: String,
    pub temporarily_closed: bool,
}

/// What the directory page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryView {
    pub filters: DirectoryFilters,
    pub errors: FieldErrors,
    pub adult_needs: Vec<FilterChoice>,
    pub carer_needs: Vec<FilterChoice>,
    pub service_types: Vec<FilterChoice>,
    pub towns: Vec<String>,
    pub results: Vec<ServiceSummary>,
    pub total: i64,
    pub page: u32,
    pub pages: u32,
}

/// One service, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceDetails {
    pub name: String,
    pub organization: String,
    pub description: String,
    pub alert: Option<String>,
    pub temporarily_closed: bool,
    pub who_for: String,
    pub places: Vec<Place>,
    pub times: Vec<String>,
    pub cost: Vec<String>,
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub languages: Vec<String>,
    pub helps_with: Vec<String>,
    /// "14 September 2026".
    pub last_reviewed: Option<String>,
    /// Last checked more than a year ago.
    pub review_due: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    pub address: Vec<String>,
    pub accessibility: Vec<String>,
}

/// The directory page: its filter choices, any problem with the filters, and a page of results.
#[server(endpoint = "directory/search")]
pub async fn load_directory(filters: DirectoryFilters) -> Result<DirectoryView, PortalError> {
    use crate::api::context::store;
    use crate::store::ServiceQuery;

    let store = store()?;
    let terms = store.directory_terms().await?;
    let towns = store.directory_towns().await?;
    let choice = |t: &crate::store::TermCount| FilterChoice {
        code: t.code.clone(),
        name: t.name.clone(),
    };
    let in_use = |t: &&crate::store::TermCount| t.services > 0;
    let adult_needs: Vec<_> = terms
        .iter()
        .filter(in_use)
        .filter(|t| crate::domain::outcomes::adult_outcome(&t.code).is_some())
        .map(choice)
        .collect();
    let carer_needs: Vec<_> = terms
        .iter()
        .filter(in_use)
        .filter(|t| t.code.starts_with("carer:"))
        .map(choice)
        .collect();
    let service_types: Vec<_> = terms
        .iter()
        .filter(in_use)
        .filter(|t| {
            !adult_needs
                .iter()
                .chain(&carer_needs)
                .any(|c| c.code == t.code)
        })
        .map(choice)
        .collect();

    let mut errors = FieldErrors::default();
    let age = errors.take("age", filters.age_in_years()).flatten();
    if filters.q.chars().count() > WORDS_MAX {
        errors.add(
            "q",
            format!("Search words must be {WORDS_MAX} characters or fewer"),
        );
    }
    let term_id = |code: &str, field: &str, message: &str, errors: &mut FieldErrors| {
        if code.trim().is_empty() {
            return None;
        }
        let found = terms
            .iter()
            .find(|t| t.code == code.trim())
            .map(|t| t.id.clone());
        if found.is_none() {
            errors.add(field, message);
        }
        found
    };
    let need = term_id(
        &filters.need,
        "need",
        "Select a need from the list",
        &mut errors,
    );
    let service_type = term_id(
        &filters.service_type,
        "type",
        "Select a type of service from the list",
        &mut errors,
    );
    let town = filters.town.trim();
    if !town.is_empty() && !towns.iter().any(|t| t == town) {
        errors.add("town", "Select a town from the list");
    }
    let page = filters.page_number();
    let query = ServiceQuery {
        // The same canonical words as the site's search (synonyms and misspellings included).
        words: crate::domain::search::query_words(&filters.q),
        term_ids: need.into_iter().chain(service_type).collect(),
        town: (!town.is_empty() && towns.iter().any(|t| t == town)).then(|| town.to_owned()),
        suitable_for_age: age,
        free_only: filters.free == "yes",
        full: true,
        page: i64::from(page),
        per_page: i64::from(PER_PAGE),
        ..ServiceQuery::default()
    };
    let found = store.find_services(&query).await?;
    let results = found
        .documents
        .iter()
        .filter_map(|d| serde_json::from_str::<serde_json::Value>(d).ok())
        .map(|s| oruk_view::summary(&s))
        .collect();
    let pages =
        u32::try_from((found.total + i64::from(PER_PAGE) - 1) / i64::from(PER_PAGE)).unwrap_or(1);
    Ok(DirectoryView {
        filters,
        errors,
        adult_needs,
        carer_needs,
        service_types,
        towns,
        results,
        total: found.total,
        page,
        pages,
    })
}

/// One service's details, or `None` if there is no such service.
#[server(endpoint = "directory/service")]
pub async fn load_service(id: String) -> Result<Option<ServiceDetails>, PortalError> {
    use crate::api::context::store;

    let store = store()?;
    let Some(document) = store.service_document(&id).await? else {
        return Ok(None);
    };
    let service: serde_json::Value = serde_json::from_str(&document)?;
    let organization_id = service["organization_id"].as_str().unwrap_or_default();
    let organization = match store.organization_document(organization_id).await? {
        Some(text) => serde_json::from_str(&text)?,
        None => serde_json::Value::Null,
    };
    Ok(Some(oruk_view::details(
        &service,
        &organization,
        crate::forms::today(),
    )))
}

/// Reading the Open Referral UK documents into what the pages show.
#[cfg(feature = "ssr")]
pub(crate) mod oruk_view {
    use serde_json::Value;
    use time::format_description::well_known::Iso8601;
    use time::Date;

    use super::{Place, ServiceDetails, ServiceSummary};
    use crate::domain::office_hours::describe_date;

    fn text(value: &Value, key: &str) -> Option<String> {
        value
            .get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    fn list<'a>(value: &'a Value, key: &str) -> &'a [Value] {
        value
            .get(key)
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    fn towns(service: &Value) -> Vec<String> {
        let mut towns: Vec<String> = list(service, "service_at_locations")
            .iter()
            .filter_map(|sal| {
                list(&sal["location"], "addresses")
                    .first()
                    .and_then(|a| text(a, "city"))
            })
            .collect();
        if towns.is_empty() {
            towns = list(service, "service_areas")
                .iter()
                .filter_map(|a| text(a, "name"))
                .collect();
        }
        towns.sort();
        towns.dedup();
        towns
    }

    fn temporarily_closed(service: &Value) -> bool {
        text(service, "status").as_deref() == Some("temporarily closed")
    }

    /// The first sentence or so of a description.
    fn short(description: &str) -> String {
        const MAX: usize = 180;
        let first = description
            .split_inclusive(". ")
            .next()
            .unwrap_or(description)
            .trim();
        if first.chars().count() <= MAX {
            first.to_owned()
        } else {
            let cut: String = first.chars().take(MAX).collect();
            format!(
                "{}…",
                cut.rsplit_once(' ').map(|(head, _)| head).unwrap_or(&cut)
            )
        }
    }

    pub fn summary(service: &Value) -> ServiceSummary {
        ServiceSummary {
            id: text(service, "id").unwrap_or_default(),
            name: text(service, "name").unwrap_or_default(),
            summary: short(&text(service, "description").unwrap_or_default()),
            towns: towns(service),
            cost: text(service, "fees").unwrap_or_else(|| "Ask about costs".to_owned()),
            temporarily_closed: temporarily_closed(service),
        }
    }

    fn who_for(service: &Value) -> String {
        let age = |key: &str| service.get(key).and_then(Value::as_f64).map(|a| a as i64);
        match (age("minimum_age"), age("maximum_age")) {
            (Some(min), Some(max)) => format!("People aged {min} to {max}"),
            (Some(min), None) => format!("People aged {min} and over"),
            (None, Some(max)) => format!("People aged up to {max}"),
            (None, None) => "People of any age".to_owned(),
        }
    }

    fn place(sal: &Value) -> Place {
        let location = &sal["location"];
        let address = list(location, "addresses")
            .first()
            .map(|a| {
                ["address_1", "address_2", "city", "postal_code"]
                    .iter()
                    .filter_map(|k| text(a, k))
                    .collect()
            })
            .unwrap_or_default();
        Place {
            name: text(location, "name").unwrap_or_default(),
            address,
            accessibility: list(location, "accessibility")
                .iter()
                .filter_map(|a| text(a, "description").or_else(|| text(a, "accessibility")))
                .collect(),
        }
    }

    fn time_text(schedule: &Value) -> Option<String> {
        text(schedule, "description").or_else(|| {
            let days = text(schedule, "byday")?;
            Some(format!(
                "{days}, {} to {}",
                text(schedule, "opens_at").unwrap_or_default(),
                text(schedule, "closes_at").unwrap_or_default()
            ))
        })
    }

    pub fn details(service: &Value, organization: &Value, today: Date) -> ServiceDetails {
        let reviewed =
            text(service, "assured_date").and_then(|d| Date::parse(&d, &Iso8601::DATE).ok());
        let mut helps_with: Vec<String> = list(service, "attributes")
            .iter()
            .filter(|a| text(a, "link_type").as_deref() == Some("outcome"))
            .filter_map(|a| text(&a["taxonomy_term"], "name"))
            .collect();
        helps_with.dedup();
        let phones = list(service, "phones")
            .iter()
            .chain(
                list(service, "contacts")
                    .iter()
                    .flat_map(|c| list(c, "phones")),
            )
            .filter_map(|p| {
                let number = text(p, "number")?;
                Some(match text(p, "description") {
                    Some(about) => format!("{number} ({about})"),
                    None => number,
                })
            })
            .collect();
        let mut cost: Vec<String> = text(service, "fees").into_iter().collect();
        if cost.is_empty() {
            cost = list(service, "cost_options")
                .iter()
                .filter_map(|c| text(c, "option"))
                .collect();
        }
        ServiceDetails {
            name: text(service, "name").unwrap_or_default(),
            organization: text(organization, "name").unwrap_or_default(),
            description: text(service, "description").unwrap_or_default(),
            alert: text(service, "alert"),
            temporarily_closed: temporarily_closed(service),
            who_for: who_for(service),
            places: list(service, "service_at_locations")
                .iter()
                .map(place)
                .collect(),
            times: list(service, "schedules")
                .iter()
                .filter_map(time_text)
                .collect(),
            cost,
            phones,
            email: text(service, "email"),
            website: text(service, "url")
                .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
            languages: list(service, "languages")
                .iter()
                .filter_map(|l| text(l, "name"))
                .collect(),
            helps_with,
            last_reviewed: reviewed.map(describe_date),
            review_due: reviewed.is_some_and(|d| (today - d).whole_days() > 365),
        }
    }
}
