//! Guidance Markdown to GOV.UK-styled HTML. Only a small subset is rendered (headings at
//! levels 2 and 3, paragraphs, lists, links, bold, emphasis, block quotes as inset text);
//! anything else, including any HTML in the file, is refused with a reason, so a page can
//! never carry markup or scripts the components did not make. Text is always escaped.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// A page body, as HTML and as plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    pub text: String,
}

pub fn render(markdown: &str) -> Result<Rendered, String> {
    let mut html = String::new();
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Start(tag) => html.push_str(&open(tag)?),
            Event::End(tag) => html.push_str(close(tag)?),
            Event::Text(words) => {
                html.push_str(&escape(&words));
                text.push_str(&words);
            }
            Event::SoftBreak => {
                html.push('\n');
                text.push(' ');
            }
            Event::HardBreak => {
                html.push_str("<br>\n");
                text.push(' ');
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                return Err("HTML is not allowed in guidance pages; use Markdown".to_owned())
            }
            other => return Err(format!("{other:?} is not allowed in guidance pages")),
        }
        // Blocks end with ">\n": keep their words apart in the plain text.
        if html.ends_with(">\n") && !text.ends_with(' ') {
            text.push(' ');
        }
    }
    Ok(Rendered {
        html,
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
    })
}

fn open(tag: Tag) -> Result<String, String> {
    Ok(match tag {
        Tag::Heading {
            level: HeadingLevel::H2,
            ..
        } => "<h2 class=\"govuk-heading-m\">".into(),
        Tag::Heading {
            level: HeadingLevel::H3,
            ..
        } => "<h3 class=\"govuk-heading-s\">".into(),
        Tag::Heading { level, .. } => {
            return Err(format!(
                "{level} headings are not allowed: use ## and ### (the title is the page's heading)"
            ))
        }
        Tag::Paragraph => "<p class=\"govuk-body\">".into(),
        Tag::List(None) => "<ul class=\"govuk-list govuk-list--bullet\">\n".into(),
        Tag::List(Some(1)) => "<ol class=\"govuk-list govuk-list--number\">\n".into(),
        Tag::List(Some(_)) => return Err("numbered lists must start at 1".to_owned()),
        Tag::Item => "<li>".into(),
        Tag::BlockQuote(_) => "<div class=\"govuk-inset-text\">\n".into(),
        Tag::HtmlBlock => {
            return Err("HTML is not allowed in guidance pages; use Markdown".to_owned())
        }
        Tag::Strong => "<strong>".into(),
        Tag::Emphasis => "<em>".into(),
        Tag::Link { dest_url, .. } => {
            if !(dest_url.starts_with('/') || dest_url.starts_with("https://")) {
                return Err(format!(
                    "link \"{dest_url}\" must be a portal page (/...) or an https:// address"
                ));
            }
            format!("<a class=\"govuk-link\" href=\"{}\">", escape(&dest_url))
        }
        other => return Err(format!("{other:?} is not allowed in guidance pages")),
    })
}

fn close(tag: TagEnd) -> Result<&'static str, String> {
    Ok(match tag {
        TagEnd::Heading(HeadingLevel::H2) => "</h2>\n",
        TagEnd::Heading(_) => "</h3>\n",
        TagEnd::Paragraph => "</p>\n",
        TagEnd::List(false) => "</ul>\n",
        TagEnd::List(true) => "</ol>\n",
        TagEnd::Item => "</li>\n",
        TagEnd::BlockQuote(_) => "</div>\n",
        TagEnd::Strong => "</strong>",
        TagEnd::Emphasis => "</em>",
        TagEnd::Link => "</a>",
        other => return Err(format!("{other:?} is not allowed in guidance pages")),
    })
}

/// Escapes text for HTML content and double-quoted attributes. (Five characters: too small
/// a job for another dependency.)
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subset_renders_with_govuk_classes() {
        let rendered = render(
            "## Who can get help?\n\nAnyone **over 18**.\n\n- one\n- two\n\n1. first\n\n> Call us.\n\n[Ask for an assessment](/request-an-assessment)\n",
        )
        .unwrap();
        assert_eq!(
            rendered.html,
            "<h2 class=\"govuk-heading-m\">Who can get help?</h2>\n\
             <p class=\"govuk-body\">Anyone <strong>over 18</strong>.</p>\n\
             <ul class=\"govuk-list govuk-list--bullet\">\n<li>one</li>\n<li>two</li>\n</ul>\n\
             <ol class=\"govuk-list govuk-list--number\">\n<li>first</li>\n</ol>\n\
             <div class=\"govuk-inset-text\">\n<p class=\"govuk-body\">Call us.</p>\n</div>\n\
             <p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/request-an-assessment\">Ask for an assessment</a></p>\n"
        );
        assert_eq!(
            rendered.text,
            "Who can get help? Anyone over 18. one two first Call us. Ask for an assessment"
        );
    }

    #[test]
    fn anything_else_is_refused() {
        for (markdown, reason) in [
            ("# Title", "headings"),
            ("<b>x</b>", "HTML"),
            ("Hello <span>x</span>", "HTML"),
            ("![a](/x.png)", "Image"),
            ("[x](javascript:alert(1))", "must be a portal page"),
            ("[x](http://example.org)", "must be a portal page"),
            ("    code", "CodeBlock"),
            ("`code`", "Code"),
        ] {
            let problem = render(markdown).unwrap_err();
            assert!(problem.contains(reason), "{markdown}: {problem}");
        }
    }

    #[test]
    fn text_is_escaped() {
        let rendered = render("Fish & chips \"today\" 1 > 0").unwrap();
        assert_eq!(
            rendered.html,
            "<p class=\"govuk-body\">Fish &amp; chips &quot;today&quot; 1 &gt; 0</p>\n"
        );
    }
}
