//! Guidance pages and topics as the pages render them (the content itself is in `content`,
//! checked at start-up). Public, read-only.

use crate::errors::PortalError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A link to a guidance page or topic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentLink {
    pub href: String,
    pub title: String,
    pub summary: String,
}

/// One guidance page, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidancePageView {
    pub title: String,
    pub summary: String,
    /// "14 October 2026".
    pub last_reviewed: String,
    pub owner: String,
    pub safeguarding: bool,
    /// GOV.UK-styled HTML rendered from the page's Markdown (text escaped, no HTML from the
    /// file).
    pub html: String,
    pub related: Vec<ContentLink>,
    pub topics: Vec<ContentLink>,
}

/// A topic and the pages about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicView {
    pub topic: ContentLink,
    pub pages: Vec<ContentLink>,
}

pub const GUIDANCE_BASE: &str = "/information-and-advice";
/// Where topics are, under `/{slug}`.
pub const GUIDANCE_TOPICS: &str = "/information-and-advice/topics";

pub fn page_href(slug: &str) -> String {
    format!("{GUIDANCE_BASE}/{slug}")
}

pub fn topic_href(slug: &str) -> String {
    format!("{GUIDANCE_TOPICS}/{slug}")
}

#[cfg(feature = "ssr")]
fn content() -> Result<&'static crate::content::Guidance, PortalError> {
    crate::content::guidance()
        .map_err(|_| PortalError::internal("the guidance content is not valid"))
}

#[cfg(feature = "ssr")]
fn topic_view(guidance: &crate::content::Guidance, topic: &crate::content::Topic) -> TopicView {
    TopicView {
        topic: ContentLink {
            href: topic_href(&topic.slug),
            title: topic.title.clone(),
            summary: topic.summary.clone(),
        },
        pages: guidance
            .pages_about(&topic.slug)
            .into_iter()
            .map(|p| ContentLink {
                href: page_href(&p.slug),
                title: p.title.clone(),
                summary: p.summary.clone(),
            })
            .collect(),
    }
}

/// Every topic with its pages, in the order `topics.toml` lists them.
#[server(endpoint = "guidance/index")]
pub async fn load_guidance_index() -> Result<Vec<TopicView>, PortalError> {
    let guidance = content()?;
    Ok(guidance
        .topics
        .iter()
        .map(|t| topic_view(guidance, t))
        .collect())
}

#[server(endpoint = "guidance/topic")]
pub async fn load_guidance_topic(slug: String) -> Result<Option<TopicView>, PortalError> {
    let guidance = content()?;
    Ok(guidance.topic(&slug).map(|t| topic_view(guidance, t)))
}

#[server(endpoint = "guidance/page")]
pub async fn load_guidance_page(slug: String) -> Result<Option<GuidancePageView>, PortalError> {
    use crate::domain::office_hours::describe_date;

    let guidance = content()?;
    let Some(page) = guidance.page(&slug) else {
        return Ok(None);
    };
    let link = |slug: &String| {
        guidance.page(slug).map(|p| ContentLink {
            href: page_href(&p.slug),
            title: p.title.clone(),
            summary: p.summary.clone(),
        })
    };
    Ok(Some(GuidancePageView {
        title: page.title.clone(),
        summary: page.summary.clone(),
        last_reviewed: describe_date(page.last_reviewed),
        owner: page.owner.clone(),
        safeguarding: page.safeguarding,
        html: page.html.clone(),
        related: page.related.iter().filter_map(link).collect(),
        topics: page
            .topics
            .iter()
            .filter_map(|t| guidance.topic(t))
            .map(|t| ContentLink {
                href: topic_href(&t.slug),
                title: t.title.clone(),
                summary: t.summary.clone(),
            })
            .collect(),
    }))
}
