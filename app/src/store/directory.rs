//! The directory of community services as the store keeps it: each Open Referral UK record
//! as its JSON document, with the few fields the site filters on beside it.

/// A whole directory, checked, ready to replace the current one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DirectoryRecords {
    pub taxonomies: Vec<TaxonomyRecord>,
    pub terms: Vec<TermRecord>,
    pub organizations: Vec<OrganizationRecord>,
    pub services: Vec<ServiceRecord>,
    /// The services as search documents, indexed with them.
    pub search: Vec<super::SearchDocument>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaxonomyRecord {
    pub id: String,
    pub name: String,
    pub document: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermRecord {
    pub id: String,
    pub taxonomy_id: Option<String>,
    pub code: String,
    pub name: String,
    pub document: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrganizationRecord {
    pub id: String,
    pub name: String,
    pub document: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceRecord {
    pub id: String,
    pub organization_id: String,
    pub name: String,
    pub status: String,
    pub description: String,
    pub minimum_age: Option<i64>,
    pub maximum_age: Option<i64>,
    /// Every cost option is free (or there are none and the fees say free).
    pub free: bool,
    /// `YYYY-MM-DD`: when the entry was last checked.
    pub assured_date: Option<String>,
    pub last_modified: Option<i64>,
    /// The full nested service.
    pub document: String,
    /// Its one-to-one fields and organisation (the ORUK list shape).
    pub list_document: String,
    pub term_ids: Vec<String>,
    pub locations: Vec<ServiceAtLocationRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceAtLocationRecord {
    pub id: String,
    pub town: String,
    /// The ORUK service-at-location list shape (with its service and location).
    pub document: String,
}

/// Which services to list. Every filter given must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServiceQuery {
    /// Canonical words (`domain::search::query_words`) that must all be in the service's
    /// search document (its name, organisation, description, fees, needs, types and towns).
    pub words: Vec<String>,
    /// Each term must be on the service (up to `MAX_TERM_FILTERS`).
    pub term_ids: Vec<String>,
    /// The service has a term from this taxonomy.
    pub taxonomy_id: Option<String>,
    /// Delivered in this town.
    pub town: Option<String>,
    /// Open to someone of this age.
    pub suitable_for_age: Option<i64>,
    /// ORUK `minimum_age`: the service's minimum age is at least this.
    pub minimum_age_at_least: Option<i64>,
    /// ORUK `maximum_age`: the service's maximum age is at most this.
    pub maximum_age_at_most: Option<i64>,
    pub free_only: bool,
    pub organization_id: Option<String>,
    /// Unix seconds.
    pub modified_after: Option<i64>,
    /// Return full nested services rather than the list shape (ORUK `full`).
    pub full: bool,
    /// 1-based.
    pub page: i64,
    pub per_page: i64,
}

/// How many term filters one query may combine.
pub const MAX_TERM_FILTERS: usize = 4;

/// One page of documents and how many there are in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentPage {
    pub total: i64,
    pub documents: Vec<String>,
}

/// A taxonomy term and how many services have it (for the directory's filters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermCount {
    pub id: String,
    pub taxonomy_id: Option<String>,
    pub code: String,
    pub name: String,
    pub services: i64,
}
