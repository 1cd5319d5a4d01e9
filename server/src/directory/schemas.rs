//! The Open Referral UK v3 (HSDS 3 UK profile) JSON schemas, as published (a copy is in
//! `standards/oruk-v3/`, CC BY-SA 4.0), compiled into the binary and resolved locally: their
//! `$ref`s name the standard's URLs, which are mapped to the embedded files, so nothing is
//! ever fetched.

use jsonschema::{Draft, Resource, Validator};
use serde_json::Value;

/// Where the standard publishes its schemas; `$ref`s use these URLs.
pub const PUBLISHED_AT: &str =
    "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/";

/// Every schema file, by its path under `PUBLISHED_AT`.
pub const FILES: &[(&str, &str)] = &[
    (
        "accessibility.json",
        include_str!("../../../standards/oruk-v3/accessibility.json"),
    ),
    (
        "address.json",
        include_str!("../../../standards/oruk-v3/address.json"),
    ),
    (
        "attribute.json",
        include_str!("../../../standards/oruk-v3/attribute.json"),
    ),
    (
        "contact.json",
        include_str!("../../../standards/oruk-v3/contact.json"),
    ),
    (
        "cost_option.json",
        include_str!("../../../standards/oruk-v3/cost_option.json"),
    ),
    (
        "funding.json",
        include_str!("../../../standards/oruk-v3/funding.json"),
    ),
    (
        "language.json",
        include_str!("../../../standards/oruk-v3/language.json"),
    ),
    (
        "location.json",
        include_str!("../../../standards/oruk-v3/location.json"),
    ),
    (
        "organization.json",
        include_str!("../../../standards/oruk-v3/organization.json"),
    ),
    (
        "organization_identifier.json",
        include_str!("../../../standards/oruk-v3/organization_identifier.json"),
    ),
    (
        "phone.json",
        include_str!("../../../standards/oruk-v3/phone.json"),
    ),
    (
        "schedule.json",
        include_str!("../../../standards/oruk-v3/schedule.json"),
    ),
    (
        "service.json",
        include_str!("../../../standards/oruk-v3/service.json"),
    ),
    (
        "service_area.json",
        include_str!("../../../standards/oruk-v3/service_area.json"),
    ),
    (
        "service_at_location.json",
        include_str!("../../../standards/oruk-v3/service_at_location.json"),
    ),
    (
        "taxonomy.json",
        include_str!("../../../standards/oruk-v3/taxonomy.json"),
    ),
    (
        "taxonomy_term.json",
        include_str!("../../../standards/oruk-v3/taxonomy_term.json"),
    ),
    (
        "compiled/organization.json",
        include_str!("../../../standards/oruk-v3/compiled/organization.json"),
    ),
    (
        "compiled/organization_list.json",
        include_str!("../../../standards/oruk-v3/compiled/organization_list.json"),
    ),
    (
        "compiled/service.json",
        include_str!("../../../standards/oruk-v3/compiled/service.json"),
    ),
    (
        "compiled/service_list.json",
        include_str!("../../../standards/oruk-v3/compiled/service_list.json"),
    ),
    (
        "compiled/service_at_location.json",
        include_str!("../../../standards/oruk-v3/compiled/service_at_location.json"),
    ),
    (
        "compiled/service_at_location_list.json",
        include_str!("../../../standards/oruk-v3/compiled/service_at_location_list.json"),
    ),
];

/// The standard's OpenAPI description of the read API.
pub const OPENAPI: &str = include_str!("../../../standards/oruk-v3/openapi.json");

/// A validator for `schema` (JSON Schema draft 2020-12) with every ORUK file resolvable by
/// its published URL (and, for the uncompiled files' relative `$ref`s, from `base`).
pub fn validator(schema: &Value) -> Result<Validator, String> {
    let mut options = jsonschema::options().with_draft(Draft::Draft202012);
    for (path, text) in FILES {
        let contents: Value = serde_json::from_str(text).map_err(|e| format!("{path}: {e}"))?;
        options = options.with_resource(
            format!("{PUBLISHED_AT}{path}"),
            Resource::from_contents(contents),
        );
    }
    options.build(schema).map_err(|e| e.to_string())
}

/// A validator for one of the files (by path, e.g. `compiled/service.json`).
pub fn validator_for(path: &str) -> Result<Validator, String> {
    validator(&serde_json::json!({ "$ref": format!("{PUBLISHED_AT}{path}") }))
}

/// Where the standard's OpenAPI description is registered for `$ref`s.
const OPENAPI_URI: &str = "urn:oruk:v3:openapi";

/// A validator for the standard's `200` response of `GET {api_path}` (e.g. `/services`, or
/// `/services/{id}`), exactly as its OpenAPI description declares it, with every `$ref`
/// resolved to the embedded files. The tests hold our API to it.
pub fn response_validator(api_path: &str) -> Result<Validator, String> {
    let pointer = format!(
        "{OPENAPI_URI}#/paths/{}/get/responses/200/content/application~1json/schema",
        api_path
            .replace('~', "~0")
            .replace('/', "~1")
            .replace('{', "%7B")
            .replace('}', "%7D")
    );
    let openapi: Value = serde_json::from_str(OPENAPI).map_err(|e| e.to_string())?;
    let mut options = jsonschema::options().with_draft(Draft::Draft202012);
    for (path, text) in FILES {
        let contents: Value = serde_json::from_str(text).map_err(|e| format!("{path}: {e}"))?;
        options = options.with_resource(
            format!("{PUBLISHED_AT}{path}"),
            Resource::from_contents(contents),
        );
    }
    options = options.with_resource(OPENAPI_URI, Resource::from_contents(openapi));
    options
        .build(&serde_json::json!({ "$ref": pointer }))
        .map_err(|e| e.to_string())
}
