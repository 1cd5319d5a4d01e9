//! The portal's written content: guidance pages as Markdown files with TOML front matter
//! (`content/guidance/*.md`) and the topic list (`content/topics.toml`), compiled into the
//! server binary (so a deployment cannot lose them) and checked when loaded: a page with bad
//! front matter, an unknown topic or related page, or Markdown outside the subset we render
//! stops the server from starting, and fails the tests first. Server-only.

mod front_matter;
mod markdown;

use std::sync::OnceLock;

use time::Date;

pub use front_matter::{FrontMatter, Topic};
pub use markdown::{render, Rendered};

/// The files, embedded at build time by `build.rs`: `(slug, text)`.
mod files {
    include!(concat!(env!("OUT_DIR"), "/content_files.rs"));
}

/// One guidance page, checked and rendered.
#[derive(Clone, Debug)]
pub struct GuidancePage {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub topics: Vec<String>,
    pub last_reviewed: Date,
    pub owner: String,
    pub related: Vec<String>,
    /// Safeguarding content: the 999 message first and "Exit this page".
    pub safeguarding: bool,
    /// The body as GOV.UK-styled HTML (escaped text; no HTML from the file itself).
    pub html: String,
    /// The body as plain text, for search.
    pub text: String,
}

/// Every guidance page and topic.
#[derive(Clone, Debug, Default)]
pub struct Guidance {
    pub pages: Vec<GuidancePage>,
    pub topics: Vec<Topic>,
}

impl Guidance {
    pub fn page(&self, slug: &str) -> Option<&GuidancePage> {
        self.pages.iter().find(|p| p.slug == slug)
    }

    pub fn topic(&self, slug: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.slug == slug)
    }

    /// The pages about a topic, by title.
    pub fn pages_about(&self, topic: &str) -> Vec<&GuidancePage> {
        self.pages
            .iter()
            .filter(|p| p.topics.iter().any(|t| t == topic))
            .collect()
    }

    /// Checks and renders files given as `(slug, text)` with the topic list. Every problem
    /// found is reported, each naming its file.
    pub fn from_files(
        topics_toml: &str,
        files: &[(&str, &str)],
        today: Date,
    ) -> Result<Self, Vec<String>> {
        let mut problems = Vec::new();
        let topics = front_matter::topics(topics_toml).unwrap_or_else(|problem| {
            problems.push(format!("topics.toml: {problem}"));
            Vec::new()
        });
        let mut pages = Vec::new();
        for (slug, text) in files {
            match page_from_file(slug, text, today) {
                Ok(page) => pages.push(page),
                Err(found) => problems.extend(found.into_iter().map(|p| format!("{slug}.md: {p}"))),
            }
        }
        for page in &pages {
            for topic in &page.topics {
                if !topics.iter().any(|t| &t.slug == topic) {
                    problems.push(format!(
                        "{}.md: topic \"{topic}\" is not in topics.toml",
                        page.slug
                    ));
                }
            }
            for related in &page.related {
                if !pages.iter().any(|p| &p.slug == related) || related == &page.slug {
                    problems.push(format!(
                        "{}.md: related page \"{related}\" does not exist",
                        page.slug
                    ));
                }
            }
        }
        for topic in &topics {
            if !pages.iter().any(|p| p.topics.contains(&topic.slug)) {
                problems.push(format!("topics.toml: no page is about \"{}\"", topic.slug));
            }
        }
        pages.sort_by(|a, b| a.title.cmp(&b.title));
        if problems.is_empty() {
            Ok(Guidance { pages, topics })
        } else {
            Err(problems)
        }
    }
}

fn page_from_file(slug: &str, text: &str, today: Date) -> Result<GuidancePage, Vec<String>> {
    let (front, body) = front_matter::split(text).map_err(|p| vec![p])?;
    let front = front_matter::parse(front, today)?;
    let Rendered { html, text } = render(body).map_err(|p| vec![p])?;
    if text.split_whitespace().count() < 50 {
        return Err(vec!["the page needs at least 50 words".to_owned()]);
    }
    Ok(GuidancePage {
        slug: slug.to_owned(),
        title: front.title,
        summary: front.summary,
        topics: front.topics,
        last_reviewed: front.last_reviewed,
        owner: front.owner,
        related: front.related,
        safeguarding: front.safeguarding,
        html,
        text,
    })
}

/// The content compiled into this binary, checked once. The server calls this at start-up
/// and refuses to start if it fails.
pub fn guidance() -> Result<&'static Guidance, &'static [String]> {
    static GUIDANCE: OnceLock<Result<Guidance, Vec<String>>> = OnceLock::new();
    GUIDANCE
        .get_or_init(|| {
            let today = crate::forms::today();
            Guidance::from_files(files::TOPICS, files::GUIDANCE, today)
        })
        .as_ref()
        .map_err(|problems| problems.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 12 - 03);

    #[test]
    fn the_published_content_is_valid() {
        let guidance = Guidance::from_files(files::TOPICS, files::GUIDANCE, TODAY)
            .unwrap_or_else(|problems| panic!("content problems:\n{}", problems.join("\n")));
        for slug in [
            "help-at-home",
            "staying-independent",
            "leaving-hospital-and-reablement",
            "support-for-carers",
            "paying-for-care",
            "care-homes",
            "keeping-safe",
            "mental-health",
            "learning-disability-and-autism",
            "moving-from-childrens-to-adults-services",
            "housing-and-homelessness",
            "making-a-complaint",
            "contact-us",
        ] {
            assert!(guidance.page(slug).is_some(), "{slug} is missing");
        }
        assert!(guidance.page("keeping-safe").unwrap().safeguarding);
        assert!(guidance
            .page("paying-for-care")
            .unwrap()
            .html
            .contains("href=\"/estimate-what-you-might-pay\""));
    }

    /// Plain English for a reading age of about 9: short sentences. Each paragraph, list item
    /// and heading is split into sentences; none may run past 25 words, and the average must
    /// stay under 14.
    #[test]
    fn guidance_is_written_in_short_sentences() {
        for (slug, text) in files::GUIDANCE {
            let (_, body) = front_matter::split(text).unwrap();
            let mut lengths = Vec::new();
            for line in body.lines() {
                let line = line.trim_start_matches(['#', '-', '>', ' ']);
                let mut line = line
                    .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
                    .to_owned();
                // Link addresses are not words (and their dots are not full stops).
                while let Some(start) = line.find("](") {
                    let end = line[start..]
                        .find(')')
                        .map_or(line.len(), |e| start + e + 1);
                    line.replace_range(start..end, "");
                }
                for sentence in line.split(['.', '!', '?']) {
                    let words = sentence.split_whitespace().count();
                    if words > 0 {
                        lengths.push(words);
                    }
                }
            }
            let longest = lengths.iter().max().copied().unwrap_or(0);
            let average = lengths.iter().sum::<usize>() as f64 / lengths.len().max(1) as f64;
            assert!(longest <= 25, "{slug}.md has a sentence of {longest} words");
            assert!(
                average < 14.0,
                "{slug}.md averages {average:.1} words a sentence"
            );
        }
    }

    #[test]
    fn a_bad_page_is_refused_with_reasons() {
        let topics =
            "[[topic]]\nslug = \"carers\"\ntitle = \"Carers\"\nsummary = \"For carers.\"\n";
        let body = "Some words. ".repeat(30);
        let good = format!(
            "+++\ntitle = \"A\"\nsummary = \"B\"\ntopics = [\"carers\"]\nlast_reviewed = 2026-01-02\nowner = \"Team\"\nrelated = []\nsafeguarding = false\n+++\n{body}"
        );
        assert!(Guidance::from_files(topics, &[("a", &good)], TODAY).is_ok());
        let unknown_topic = good.replace("[\"carers\"]", "[\"cats\"]");
        let future = good.replace("2026-01-02", "2027-01-02");
        let html = format!("{good}\n<script>alert(1)</script>\n");
        let missing_related = good.replace("related = []", "related = [\"nowhere\"]");
        for (bad, expected) in [
            (unknown_topic, "topic \"cats\""),
            (future, "in the future"),
            (html, "HTML"),
            (missing_related, "related page \"nowhere\""),
            ("no front matter".to_owned(), "front matter"),
        ] {
            let problems = Guidance::from_files(topics, &[("a", &bad)], TODAY).unwrap_err();
            assert!(
                problems
                    .iter()
                    .any(|p| p.starts_with("a.md: ") && p.contains(expected)),
                "{expected}: {problems:?}"
            );
        }
    }
}
