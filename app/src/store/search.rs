//! The search index's rows: a guidance page or a service, what results show of it, and its
//! canonical words (`domain::search`) for matching.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchDocument {
    /// `guidance` or `service`.
    pub kind: String,
    /// The page's slug or the service's id.
    pub key: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    /// `domain::search::index_terms` of the title, summary and body.
    pub terms: String,
}
