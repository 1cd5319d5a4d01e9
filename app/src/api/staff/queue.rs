//! The triage queue and the safeguarding view: referrals of the kinds the staff member's role
//! works on, filtered by a GET form (status, type, age, urgency, assignee), sorted and paged.
//! Every page of the queue shown is audited (it names people).

use crate::errors::PortalError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::labels::{channel_label, kind_label, status_label};
use super::StaffHeader;

pub const PER_PAGE: i64 = 25;

/// The queue's filters, as the GET form sends them (so a filtered queue can be bookmarked:
/// nothing personal is in them).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QueueFilters {
    /// A status code, `open` (the default: all but closed) or `all`.
    pub status: String,
    /// A kind code, or empty for every kind the role works on.
    pub kind: String,
    /// `yes`: urgent only.
    pub urgent: String,
    /// `me`, `nobody`, an account id, or empty for anyone.
    pub assignee: String,
    /// Only those older than this many days (`2`, `5`, `10`), or empty.
    pub older_than: String,
    /// A route of access (`discharge_from_hospital` orders by expected discharge date), or
    /// empty for every route.
    pub route: String,
    /// `oldest` (the default) or `newest`.
    pub sort: String,
    pub page: String,
}

impl QueueFilters {
    /// Reads the filters from a page's query string.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let field = |name: &str| get(name).unwrap_or_default().chars().take(40).collect();
        QueueFilters {
            status: field("status"),
            kind: field("kind"),
            urgent: field("urgent"),
            assignee: field("assignee"),
            older_than: field("older_than"),
            route: field("route"),
            sort: field("sort"),
            page: field("page"),
        }
    }

    pub fn page_number(&self) -> i64 {
        self.page
            .trim()
            .parse::<i64>()
            .unwrap_or(1)
            .clamp(1, crate::domain::staff::QUEUE_COUNT_CAP / PER_PAGE)
    }

    /// The query string for these filters on another page.
    pub fn query_for_page(&self, page: i64) -> String {
        let pairs = [
            ("status", self.status.as_str()),
            ("kind", self.kind.as_str()),
            ("urgent", self.urgent.as_str()),
            ("assignee", self.assignee.as_str()),
            ("older_than", self.older_than.as_str()),
            ("route", self.route.as_str()),
            ("sort", self.sort.as_str()),
        ];
        let mut query: Vec<String> = pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", url_escape(v)))
            .collect();
        query.push(format!("page={page}"));
        format!("?{}", query.join("&"))
    }
}

fn url_escape(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// One line of the queue, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueLine {
    pub reference: String,
    /// The record's page.
    pub href: String,
    pub kind: String,
    pub name: String,
    pub status: String,
    pub urgent: bool,
    pub channel: String,
    /// "23 November 2026".
    pub submitted: String,
    pub days_waiting: i64,
    pub assigned: String,
    /// "Due in 3 days", "Due today", "Overdue by 2 days" (a hospital discharge) or "Turns 18
    /// on 14 June 2027" (a young person moving from children's services), with whether it
    /// is pressing (due today or overdue).
    pub tag: Option<(String, bool)>,
    /// The person has communication needs (the record says which).
    pub communication_needs: bool,
    /// "Something has changed" not yet acted on.
    pub changed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueView {
    pub header: StaffHeader,
    pub filters: QueueFilters,
    pub lines: Vec<QueueLine>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    /// The kinds this view may filter by: (code, label).
    pub kinds: Vec<(String, String)>,
    /// The routes of access it may filter by: (code, CLD's words).
    pub routes: Vec<(String, String)>,
    /// Team members: (id, name).
    pub team: Vec<(String, String)>,
}

/// The queue (`safeguarding` false: every kind the role works on but concerns) or the
/// safeguarding view (concerns only, for roles allowed to see them).
#[server(endpoint = "staff/queue")]
pub async fn load_queue(
    #[server(default)] filters: QueueFilters,
    #[server(default)] safeguarding: bool,
) -> Result<QueueView, PortalError> {
    use super::carer_record::{CARERS_PATH, KIND as REGISTRATION};
    use super::referral::RECORDS_PATH;
    use super::session::require_staff;
    use crate::api::context::{now_unix, service_problem, store};
    use crate::domain::concern::KIND as CONCERN;
    use crate::domain::office_hours::{describe_date, uk_local};
    use crate::domain::referral_status::status;
    use crate::domain::staff::Permission;
    use crate::store::QueueQuery;

    let user = require_staff(Some(if safeguarding {
        Permission::SeeSafeguarding
    } else {
        Permission::WorkQueue
    }))
    .await?;
    let store = store()?;
    let now = now_unix();
    let allowed: Vec<&str> = user
        .role
        .kinds()
        .iter()
        .copied()
        .filter(|k| (*k == CONCERN) == safeguarding)
        .collect();
    let kinds: Vec<String> = if allowed.contains(&filters.kind.as_str()) {
        vec![filters.kind.clone()]
    } else {
        allowed.iter().map(|k| (*k).to_owned()).collect()
    };
    let status_filter = match filters.status.as_str() {
        "" | "open" => None,
        "all" => Some(None),
        code => status(code).map(|s| Some(s.code.to_owned())),
    };
    let assignee = match filters.assignee.as_str() {
        "me" => Some(user.account_id),
        "nobody" => Some(0),
        id => id.parse::<i64>().ok().filter(|id| *id > 0),
    };
    let older_than_days = filters
        .older_than
        .parse::<i64>()
        .ok()
        .filter(|d| (1..=365).contains(d));
    let page = filters.page_number();
    let query = QueueQuery {
        kinds,
        status: status_filter.clone().flatten(),
        include_closed: matches!(status_filter, Some(None)),
        urgent_only: filters.urgent == "yes",
        assignee,
        submitted_before: older_than_days.map(|d| now - d * 86_400),
        route_of_access: crate::domain::cld::is_one_of(
            &crate::domain::cld::ROUTES_OF_ACCESS,
            &filters.route,
        )
        .then(|| filters.route.clone()),
        newest_first: filters.sort == "newest",
        page,
        per_page: PER_PAGE,
    };
    let found = store
        .referral_queue(&query)
        .await
        .map_err(service_problem)?;
    store
        .record_audit(&user.audit(
            "view_queue",
            if safeguarding {
                "safeguarding"
            } else {
                "queue"
            },
            &format!("page {page}, {} shown", found.items.len()),
        ))
        .await
        .map_err(service_problem)?;
    let today = uk_local(
        time::OffsetDateTime::from_unix_timestamp(now).unwrap_or(time::OffsetDateTime::UNIX_EPOCH),
    )
    .date();
    let lines = found
        .items
        .into_iter()
        .map(|item| {
            let tag = due_tag(&item, today);
            let submitted = time::OffsetDateTime::from_unix_timestamp(item.submitted_at)
                .map(|at| describe_date(uk_local(at).date()))
                .unwrap_or_default();
            let name = format!("{} {}", item.given_name, item.family_name)
                .trim()
                .to_owned();
            QueueLine {
                kind: kind_label(&item.kind).to_owned(),
                name: if name.is_empty() {
                    "Not given".into()
                } else {
                    name
                },
                status: status_label(&item.kind, &item.status).to_owned(),
                href: if item.kind == REGISTRATION {
                    format!("{CARERS_PATH}/{}", item.reference)
                } else {
                    format!("{RECORDS_PATH}/{}", item.reference)
                },
                urgent: item.urgent,
                communication_needs: item.communication_needs,
                changed: item.changed,
                channel: channel_label(&item.channel),
                submitted,
                days_waiting: ((now - item.submitted_at) / 86_400).max(0),
                assigned: item.assigned_name.unwrap_or_else(|| "Nobody".into()),
                tag,
                reference: item.reference,
            }
        })
        .collect();
    let team = super::team(&*store).await?;
    Ok(QueueView {
        header: StaffHeader::of(&user),
        filters,
        lines,
        total: found.total,
        page,
        pages: ((found.total + PER_PAGE - 1) / PER_PAGE).max(1),
        kinds: allowed
            .iter()
            .map(|k| ((*k).to_owned(), kind_label(k).to_owned()))
            .collect(),
        routes: crate::domain::cld::ROUTES_OF_ACCESS
            .iter()
            .map(|(code, words)| ((*code).to_owned(), (*words).to_owned()))
            .collect(),
        team,
    })
}

/// A hospital discharge's days to its expected date, or a transition's 18th birthday.
#[cfg(feature = "ssr")]
fn due_tag(item: &crate::store::QueueItem, today: time::Date) -> Option<(String, bool)> {
    use crate::domain::checks::iso_day;
    use crate::domain::office_hours::describe_date;
    if let Some(expected) = item.discharge_date.as_deref().and_then(iso_day) {
        let days = (expected - today).whole_days();
        let plural = |n: i64| if n == 1 { "day" } else { "days" };
        return Some(match days {
            ..=-1 => (format!("Overdue by {} {}", -days, plural(-days)), true),
            0 => ("Due today".to_owned(), true),
            _ => (format!("Due in {days} {}", plural(days)), false),
        });
    }
    if item.route_of_access.as_deref() == Some("planned_entry_transition") {
        let born = item.date_of_birth.as_deref().and_then(iso_day)?;
        let eighteenth = born.replace_year(born.year() + 18).ok().or_else(|| {
            // Born on 29 February: 1 March in a year that is not a leap year.
            time::Date::from_calendar_date(born.year() + 18, time::Month::March, 1).ok()
        })?;
        return Some((format!("Turns 18 on {}", describe_date(eighteenth)), false));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_make_a_query_string_for_another_page() {
        let filters = QueueFilters {
            status: "triage".into(),
            urgent: "yes".into(),
            kind: "a&b".into(),
            ..QueueFilters::default()
        };
        assert_eq!(
            filters.query_for_page(3),
            "?status=triage&kind=a%26b&urgent=yes&page=3"
        );
        assert_eq!(QueueFilters::default().page_number(), 1);
        assert_eq!(
            QueueFilters {
                page: "-4".into(),
                ..QueueFilters::default()
            }
            .page_number(),
            1
        );
    }
}
