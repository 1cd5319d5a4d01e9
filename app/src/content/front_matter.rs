//! Front matter: the TOML between `+++` lines at the top of a guidance file, and the topic
//! list. Unknown keys are refused, so a typo cannot silently drop a field.

use serde::Deserialize;
use time::Date;

/// What a guidance page says about itself.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    pub summary: String,
    pub topics: Vec<String>,
    #[serde(deserialize_with = "toml_date")]
    pub last_reviewed: Date,
    pub owner: String,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub safeguarding: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub slug: String,
    pub title: String,
    pub summary: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicList {
    topic: Vec<Topic>,
}

pub const TITLE_MAX: usize = 65;
pub const SUMMARY_MAX: usize = 200;

/// Splits a file into its front matter and body.
pub fn split(text: &str) -> Result<(&str, &str), String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or("the file must start with front matter between +++ lines")?;
    let end = rest
        .find("\n+++")
        .ok_or("the front matter has no closing +++ line")?;
    let body = rest[end + 4..].trim_start_matches(['\r', '\n']);
    Ok((&rest[..end], body))
}

/// Parses and checks front matter.
pub fn parse(text: &str, today: Date) -> Result<FrontMatter, Vec<String>> {
    let front: FrontMatter =
        toml::from_str(text).map_err(|e| vec![format!("front matter: {}", e.message())])?;
    let mut problems = Vec::new();
    if front.title.trim().is_empty() || front.title.chars().count() > TITLE_MAX {
        problems.push(format!("title must be 1 to {TITLE_MAX} characters"));
    }
    if front.summary.trim().is_empty() || front.summary.chars().count() > SUMMARY_MAX {
        problems.push(format!("summary must be 1 to {SUMMARY_MAX} characters"));
    }
    if front.topics.is_empty() {
        problems.push("topics must name at least one topic".to_owned());
    }
    if front.owner.trim().is_empty() {
        problems.push("owner must name the team that keeps the page up to date".to_owned());
    }
    if front.last_reviewed > today {
        problems.push("last_reviewed is in the future".to_owned());
    }
    if problems.is_empty() {
        Ok(front)
    } else {
        Err(problems)
    }
}

pub fn topics(text: &str) -> Result<Vec<Topic>, String> {
    let list: TopicList = toml::from_str(text).map_err(|e| e.message().to_owned())?;
    Ok(list.topic)
}

/// A TOML date (`last_reviewed = 2026-10-14`) as a `time::Date`.
fn toml_date<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
    let value = toml::value::Datetime::deserialize(deserializer)?;
    let date = match (value.date, value.time) {
        (Some(date), None) => date,
        _ => return Err(serde::de::Error::custom("expected a date like 2026-10-14")),
    };
    time::Month::try_from(date.month)
        .ok()
        .and_then(|month| Date::from_calendar_date(i32::from(date.year), month, date.day).ok())
        .ok_or_else(|| serde::de::Error::custom("expected a real date"))
}
