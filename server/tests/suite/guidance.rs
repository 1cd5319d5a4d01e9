//! Information and advice over HTTP: the topic index links every topic and page, every page
//! renders with its review date and related links, safeguarding content has "call 999" and
//! "Exit this page", and unknown pages are real 404s.
use crate::common;

use common::{attrs, spawn_app, text_of};

#[tokio::test]
async fn the_index_topics_and_every_page_render() {
    let app = spawn_app(false).await;
    let guidance = app::content::guidance().expect("the content is valid");
    let (status, index) = app.get_html("/information-and-advice").await;
    assert_eq!(status, 200);
    let links = attrs(&index, "main a", "href");
    for topic in &guidance.topics {
        let href = format!("/information-and-advice/topics/{}", topic.slug);
        assert!(links.contains(&href), "{href} not on the index");
        let (status, html) = app.get_html(&href).await;
        assert_eq!(status, 200, "{href}");
        assert_eq!(text_of(&html, "h1").as_deref(), Some(topic.title.as_str()));
    }
    for page in &guidance.pages {
        let href = format!("/information-and-advice/{}", page.slug);
        assert!(links.contains(&href), "{href} not on the index");
        let (status, html) = app.get_html(&href).await;
        assert_eq!(status, 200, "{href}");
        assert_eq!(text_of(&html, "h1").as_deref(), Some(page.title.as_str()));
        let reviewed = text_of(&html, ".app-reviewed").unwrap_or_default();
        assert!(
            reviewed.starts_with("Last reviewed on "),
            "{href}: {reviewed}"
        );
        let related = attrs(&html, ".app-related a", "href");
        for slug in &page.related {
            assert!(
                related.contains(&format!("/information-and-advice/{slug}")),
                "{href}: {slug}"
            );
        }
        let exit = attrs(&html, ".govuk-exit-this-page a", "href");
        assert_eq!(
            !exit.is_empty(),
            page.safeguarding,
            "{href}: Exit this page"
        );
        if page.safeguarding {
            assert!(text_of(&html, ".govuk-warning-text")
                .unwrap()
                .contains("call 999"));
        }
    }
}

#[tokio::test]
async fn unknown_pages_and_topics_are_404s() {
    let app = spawn_app(false).await;
    for path in [
        "/information-and-advice/no-such-page",
        "/information-and-advice/topics/no-such-topic",
    ] {
        assert_eq!(app.get_html(path).await.0, 404, "{path}");
    }
}
