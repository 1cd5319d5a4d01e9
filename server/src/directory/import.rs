//! Checking an Open Referral UK feed before it replaces the directory. A feed is one JSON
//! object: `{"taxonomies": [...], "taxonomy_terms": [...], "organizations": [...],
//! "services": [...]}`, each service as the ORUK API's `/services/{id}` returns it (nested).
//! Every record is validated against the standard's schema and against our own rules (each
//! service says what it is, how to reach it and when it was last checked; every link between
//! records resolves). Any rejected record stops the import: a directory is never half
//! replaced.

use std::collections::HashSet;

use app::store::{
    DirectoryRecords, OrganizationRecord, SearchDocument, ServiceAtLocationRecord, ServiceRecord,
    TaxonomyRecord, TermRecord,
};
use serde_json::{json, Map, Value};
use time::format_description::well_known::{Iso8601, Rfc3339};
use time::{Date, OffsetDateTime};

use super::schemas::validator_for;

/// A record the feed cannot have, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    /// `services[3] "Lunch club" (id 87f1…)`.
    pub record: String,
    pub reasons: Vec<String>,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.record, self.reasons.join("; "))
    }
}

/// The one-to-one fields of a service, as ORUK lists show it (`compiled/service_list.json`).
const SERVICE_LIST_FIELDS: [&str; 15] = [
    "id",
    "organization_id",
    "name",
    "description",
    "url",
    "email",
    "status",
    "fees",
    "accreditations",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "assurer_email",
    "alert",
    "last_modified",
];

/// Checks a whole feed. `today` bounds review dates.
pub fn check_feed(feed: &Value, today: Date) -> Result<DirectoryRecords, Vec<Rejection>> {
    let mut rejections = Vec::new();
    let Some(feed) = feed.as_object() else {
        return Err(vec![Rejection {
            record: "the feed".into(),
            reasons: vec![
                "must be a JSON object with taxonomies, taxonomy_terms, organizations and services"
                    .into(),
            ],
        }]);
    };
    let list = |key: &str, rejections: &mut Vec<Rejection>| -> Vec<Value> {
        match feed.get(key) {
            Some(Value::Array(items)) => items.clone(),
            None if key == "taxonomies" => Vec::new(),
            _ => {
                rejections.push(Rejection {
                    record: format!("the feed's {key}"),
                    reasons: vec!["must be a list".into()],
                });
                Vec::new()
            }
        }
    };
    let taxonomies = list("taxonomies", &mut rejections);
    let terms = list("taxonomy_terms", &mut rejections);
    let organizations = list("organizations", &mut rejections);
    let services = list("services", &mut rejections);
    if !rejections.is_empty() {
        return Err(rejections);
    }

    let mut records = DirectoryRecords::default();
    let validators = match [
        "taxonomy.json",
        "taxonomy_term.json",
        "organization.json",
        "compiled/service.json",
    ]
    .map(validator_for)
    {
        [Ok(a), Ok(b), Ok(c), Ok(d)] => [a, b, c, d],
        failed => {
            let problem = failed.into_iter().find_map(Result::err).unwrap_or_default();
            return Err(vec![Rejection {
                record: "the Open Referral UK schemas".into(),
                reasons: vec![format!("could not be read: {problem}")],
            }]);
        }
    };
    let [taxonomy_schema, term_schema, organization_schema, service_schema] = &validators;
    let schema_problems = |validator: &jsonschema::Validator, record: &Value| -> Vec<String> {
        validator
            .iter_errors(record)
            .map(|e| {
                let at = e.instance_path().to_string();
                if at.is_empty() {
                    e.to_string()
                } else {
                    format!("at {at}: {e}")
                }
            })
            .collect()
    };

    let taxonomy_ids = unique_ids("taxonomies", &taxonomies, &mut rejections);
    for (i, taxonomy) in taxonomies.iter().enumerate() {
        let reasons = schema_problems(taxonomy_schema, taxonomy);
        if reject("taxonomies", i, taxonomy, reasons, &mut rejections) {
            continue;
        }
        records.taxonomies.push(TaxonomyRecord {
            id: text(taxonomy, "id"),
            name: text(taxonomy, "name"),
            document: taxonomy.to_string(),
        });
    }

    let term_ids = unique_ids("taxonomy_terms", &terms, &mut rejections);
    for (i, term) in terms.iter().enumerate() {
        let mut reasons = schema_problems(term_schema, term);
        let taxonomy_id = optional_text(term, "taxonomy_id");
        if let Some(id) = &taxonomy_id {
            if !taxonomy_ids.contains(id) {
                reasons.push(format!("taxonomy_id {id} is not a taxonomy in the feed"));
            }
        }
        if reject("taxonomy_terms", i, term, reasons, &mut rejections) {
            continue;
        }
        records.terms.push(TermRecord {
            id: text(term, "id"),
            taxonomy_id,
            code: optional_text(term, "code")
                .or_else(|| optional_text(term, "term"))
                .unwrap_or_else(|| text(term, "name")),
            name: text(term, "name"),
            document: term.to_string(),
        });
    }

    let organization_ids = unique_ids("organizations", &organizations, &mut rejections);
    for (i, organization) in organizations.iter().enumerate() {
        let reasons = schema_problems(organization_schema, organization);
        if reject("organizations", i, organization, reasons, &mut rejections) {
            continue;
        }
        records.organizations.push(OrganizationRecord {
            id: text(organization, "id"),
            name: text(organization, "name"),
            document: organization.to_string(),
        });
    }

    unique_ids("services", &services, &mut rejections);
    let mut places_seen = HashSet::new();
    for (i, service) in services.iter().enumerate() {
        let mut reasons = schema_problems(service_schema, service);
        for place in array(service, "service_at_locations") {
            let id = text(place, "id");
            if !id.is_empty() && !places_seen.insert(id.clone()) {
                reasons.push(format!(
                    "service_at_location id {id} is used by another service at location"
                ));
            }
        }
        reasons.extend(our_rules(service, today, &organization_ids, &term_ids));
        if reject("services", i, service, reasons, &mut rejections) {
            continue;
        }
        let organization = organizations
            .iter()
            .find(|o| text(o, "id") == text(service, "organization_id"))
            .cloned()
            .unwrap_or(Value::Null);
        records.search.push(search_document(service, &organization));
        records
            .services
            .push(service_record(service, &organization));
    }

    if rejections.is_empty() {
        Ok(records)
    } else {
        Err(rejections)
    }
}

/// What the standard leaves optional but a directory people rely on cannot do without.
fn our_rules(
    service: &Value,
    today: Date,
    organization_ids: &HashSet<String>,
    term_ids: &HashSet<String>,
) -> Vec<String> {
    let mut reasons = Vec::new();
    if optional_text(service, "description").is_none() {
        reasons.push("description is missing: say what the service does".into());
    }
    match optional_text(service, "assured_date").map(|d| Date::parse(&d, &Iso8601::DATE)) {
        None => reasons.push("assured_date is missing: say when the entry was last checked".into()),
        Some(Err(_)) => reasons.push("assured_date must be a date like 2026-09-14".into()),
        Some(Ok(date)) if date > today => reasons.push("assured_date is in the future".into()),
        Some(Ok(_)) => {}
    }
    let has = |key: &str| {
        service.get(key).is_some_and(|v| {
            v.as_str().is_some_and(|s| !s.trim().is_empty())
                || v.as_array().is_some_and(|a| !a.is_empty())
        })
    };
    if !(has("url") || has("email") || has("phones") || has("contacts")) {
        reasons.push("there is no way to contact it: give a url, email, phone or contact".into());
    }
    let organization_id = text(service, "organization_id");
    if !organization_ids.contains(&organization_id) {
        reasons.push(format!(
            "organization_id {organization_id} is not an organization in the feed"
        ));
    }
    for attribute in array(service, "attributes") {
        let term = text(attribute, "taxonomy_term_id");
        if !term_ids.contains(&term) {
            reasons.push(format!(
                "attribute taxonomy_term_id {term} is not a taxonomy term in the feed"
            ));
        }
    }
    reasons
}

/// A service as search sees it: its name and organisation, what it does, what it costs and
/// where, and the names of its needs and types (so "dementia" finds a memory café).
fn search_document(service: &Value, organization: &Value) -> SearchDocument {
    let title = text(service, "name");
    let summary = text(organization, "name");
    let terms: Vec<String> = array(service, "attributes")
        .iter()
        .filter_map(|a| {
            a.get("taxonomy_term")
                .and_then(|t| optional_text(t, "name"))
        })
        .collect();
    let towns: Vec<String> = array(service, "service_at_locations")
        .iter()
        .filter_map(|sal| {
            sal.get("location")
                .map(|l| array(l, "addresses"))
                .and_then(|a| a.first())
                .and_then(|a| optional_text(a, "city"))
        })
        .collect();
    let body = [text(service, "description"), text(service, "fees")].join(" ");
    let extra = format!("{} {}", terms.join(" "), towns.join(" "));
    SearchDocument {
        kind: "service".into(),
        key: text(service, "id"),
        terms: app::domain::search::index_terms(&[&title, &summary, &body, &extra]),
        title,
        summary,
        body,
    }
}

fn service_record(service: &Value, organization: &Value) -> ServiceRecord {
    let mut list = Map::new();
    for field in SERVICE_LIST_FIELDS {
        if let Some(value) = service.get(field) {
            list.insert(field.to_owned(), value.clone());
        }
    }
    if let Some(organization) = organization.as_object() {
        let scalars: Map<String, Value> = organization
            .iter()
            .filter(|(_, v)| !v.is_array() && !v.is_object())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        list.insert("organization".into(), Value::Object(scalars));
    }
    let list_document = Value::Object(list);
    let cost_options = array(service, "cost_options");
    let free = if cost_options.is_empty() {
        optional_text(service, "fees").is_some_and(|f| f.to_lowercase().starts_with("free"))
    } else {
        cost_options
            .iter()
            .all(|c| c.get("amount").and_then(Value::as_f64) == Some(0.0))
    };
    let locations = array(service, "service_at_locations")
        .iter()
        .map(|sal| {
            let location = sal.get("location").cloned().unwrap_or(Value::Null);
            let town = array(&location, "addresses")
                .first()
                .and_then(|a| optional_text(a, "city"))
                .unwrap_or_default();
            ServiceAtLocationRecord {
                id: text(sal, "id"),
                town,
                document: json!({
                    "id": text(sal, "id"),
                    "service_id": text(service, "id"),
                    "location_id": sal.get("location_id").cloned().unwrap_or(Value::Null),
                    "location": location,
                    "service": list_document,
                })
                .to_string(),
            }
        })
        .collect();
    ServiceRecord {
        id: text(service, "id"),
        organization_id: text(service, "organization_id"),
        name: text(service, "name"),
        status: text(service, "status"),
        description: text(service, "description"),
        minimum_age: service
            .get("minimum_age")
            .and_then(Value::as_f64)
            .map(|a| a as i64),
        maximum_age: service
            .get("maximum_age")
            .and_then(Value::as_f64)
            .map(|a| a as i64),
        free,
        assured_date: optional_text(service, "assured_date"),
        last_modified: optional_text(service, "last_modified")
            .and_then(|t| OffsetDateTime::parse(&t, &Rfc3339).ok())
            .map(OffsetDateTime::unix_timestamp),
        document: service.to_string(),
        list_document: list_document.to_string(),
        term_ids: array(service, "attributes")
            .iter()
            .map(|a| text(a, "taxonomy_term_id"))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect(),
        locations,
    }
}

/// Ids that appear more than once are rejected; returns the set of ids.
fn unique_ids(kind: &str, records: &[Value], rejections: &mut Vec<Rejection>) -> HashSet<String> {
    let mut seen = HashSet::new();
    for (i, record) in records.iter().enumerate() {
        let id = text(record, "id");
        if !id.is_empty() && !seen.insert(id.clone()) {
            rejections.push(Rejection {
                record: label(kind, i, record),
                reasons: vec![format!("id {id} is used by another of the {kind}")],
            });
        }
    }
    seen
}

/// Records a rejection if there are reasons; says whether it did.
fn reject(
    kind: &str,
    index: usize,
    record: &Value,
    reasons: Vec<String>,
    rejections: &mut Vec<Rejection>,
) -> bool {
    if reasons.is_empty() {
        return false;
    }
    rejections.push(Rejection {
        record: label(kind, index, record),
        reasons,
    });
    true
}

fn label(kind: &str, index: usize, record: &Value) -> String {
    match (optional_text(record, "name"), optional_text(record, "id")) {
        (Some(name), Some(id)) => format!("{kind}[{index}] \"{name}\" (id {id})"),
        (Some(name), None) => format!("{kind}[{index}] \"{name}\""),
        (None, Some(id)) => format!("{kind}[{index}] (id {id})"),
        (None, None) => format!("{kind}[{index}]"),
    }
}

fn optional_text(record: &Value, key: &str) -> Option<String> {
    record
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn text(record: &Value, key: &str) -> String {
    optional_text(record, key).unwrap_or_default()
}

fn array<'a>(record: &'a Value, key: &str) -> &'a [Value] {
    record
        .get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}
