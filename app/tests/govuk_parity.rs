//! Our components' HTML against GOV.UK Frontend's own: each test renders a component with props
//! built from one of GOV.UK Frontend's published fixtures (`fixtures.json`, the options and the
//! HTML its Nunjucks macro renders for them) and compares the two after normalising both the
//! same way: comments dropped (Leptos's `<!>` hydration markers), whitespace in text collapsed
//! and trimmed, whitespace-only text dropped, attributes sorted, `class` compared as a set.
//! Everything else must be equal: elements, nesting, attributes and their values, text.
//!
//! Every option in a fixture must be turned into a prop: a builder that leaves one unread fails
//! the test, so a fixture cannot pass by being only partly rendered.
//!
//! Deliberate differences from GOV.UK's markup are normalised one by one, with the reason, where
//! the fixture is checked (search for `Deliberate difference`).
//!
//! The fixtures come from `node_modules/govuk-frontend` (run `npm ci` at the workspace root).
//! To see every compared fragment, run with `GOVUK_PARITY_SHOW=1` and `-- --nocapture`.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use app::components::*;
use app::forms::{FieldError, FieldErrors};
use leptos::prelude::*;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Fixtures

fn fixtures_path(component: &str) -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../node_modules/govuk-frontend/dist/govuk/components"
    ))
    .join(component)
    .join("fixtures.json")
}

/// All of one component's fixtures. A missing file fails the test (see `load_fixtures`): the
/// comparison must not be skipped just because GOV.UK Frontend is not installed.
fn try_load_fixtures(component: &str) -> Result<Vec<Value>, String> {
    let path = fixtures_path(component);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "cannot read GOV.UK Frontend's fixtures for `{component}` at {}: {e}.\n\
             Install GOV.UK Frontend first: run `npm ci` in the workspace root.",
            path.display()
        )
    })?;
    let json: Value = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not valid JSON: {e}", path.display()))?;
    json["fixtures"]
        .as_array()
        .cloned()
        .ok_or_else(|| format!("{} has no `fixtures` array", path.display()))
}

fn load_fixtures(component: &str) -> Vec<Value> {
    try_load_fixtures(component).unwrap_or_else(|message| panic!("{message}"))
}

/// One fixture's options, read through accessors that remember what was read.
struct Fixture {
    component: &'static str,
    name: String,
    options: Value,
    html: String,
    read: RefCell<BTreeSet<String>>,
}

impl Fixture {
    fn mark(&self, pointer: &str) {
        self.read.borrow_mut().insert(pointer.to_owned());
    }

    fn get(&self, pointer: &str) -> Option<&Value> {
        self.mark(pointer);
        self.options.pointer(pointer)
    }

    fn where_(&self) -> String {
        format!("{} fixture {:?}", self.component, self.name)
    }

    /// A string (or number, as GOV.UK's templates print numbers) the fixture must have.
    fn text(&self, pointer: &str) -> String {
        self.opt_text(pointer)
            .unwrap_or_else(|| panic!("{}: option {pointer} is missing", self.where_()))
    }

    fn opt_text(&self, pointer: &str) -> Option<String> {
        match self.get(pointer)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            other => panic!("{}: option {pointer} is {other}, not text", self.where_()),
        }
    }

    /// Text given as `html` in the fixture, for builders that take text: only plain text is
    /// accepted, so markup can never be passed through as if it were text.
    fn plain_html(&self, pointer: &str) -> Option<String> {
        let html = self.opt_text(pointer)?;
        assert!(
            !html.contains('<') && !html.contains('&'),
            "{}: option {pointer} is markup ({html:?}); give this fixture a hand-built view",
            self.where_()
        );
        Some(html)
    }

    /// `text`, or plain `html`, at `base` (GOV.UK's `{ text }` / `{ html }` pairs).
    fn text_or_html(&self, base: &str) -> Option<String> {
        self.opt_text(&format!("{base}Text"))
            .or_else(|| self.plain_html(&format!("{base}Html")))
    }

    fn opt_bool(&self, pointer: &str) -> Option<bool> {
        match self.get(pointer)? {
            Value::Bool(b) => Some(*b),
            other => panic!(
                "{}: option {pointer} is {other}, not true/false",
                self.where_()
            ),
        }
    }

    fn flag(&self, pointer: &str) -> bool {
        self.opt_bool(pointer).unwrap_or(false)
    }

    fn count(&self, pointer: &str) -> usize {
        match self.options.pointer(pointer) {
            None => 0,
            Some(Value::Array(items)) => items.len(),
            Some(other) => panic!("{}: option {pointer} is {other}, not a list", self.where_()),
        }
    }

    /// The option's value must be exactly `expected` (for things our component fixes, such as
    /// the error summary's title).
    fn expect_text(&self, pointer: &str, expected: &str) {
        let found = self.text(pointer);
        assert_eq!(
            found,
            expected,
            "{}: option {pointer} is not what our component renders",
            self.where_()
        );
    }

    /// A heading size from classes such as `govuk-fieldset__legend--l`; any other class fails.
    fn size(&self, pointer: &str, prefix: &str) -> Option<HeadingSize> {
        let classes = self.opt_text(pointer)?;
        let size = match classes.strip_prefix(prefix) {
            Some("s") => HeadingSize::S,
            Some("m") => HeadingSize::M,
            Some("l") => HeadingSize::L,
            Some("xl") => HeadingSize::Xl,
            _ => panic!(
                "{}: option {pointer} = {classes:?} is not a {prefix}* size",
                self.where_()
            ),
        };
        Some(size)
    }

    /// The id GOV.UK uses for a control: `id` (or `idPrefix`), else `name`.
    fn id_or_name(&self, id_pointer: &str) -> String {
        self.opt_text(id_pointer)
            .unwrap_or_else(|| self.text("/name"))
    }

    /// Fails if any option in the fixture was not read while building the props.
    fn assert_all_read(&self) {
        let read = self.read.borrow();
        let mut unread = Vec::new();
        leaves(&self.options, String::new(), &mut |pointer| {
            let covered = read
                .iter()
                .any(|r| pointer == *r || pointer.starts_with(&format!("{r}/")));
            if !covered {
                unread.push(pointer.to_owned());
            }
        });
        assert!(
            unread.is_empty(),
            "{}: options {unread:?} were not turned into props",
            self.where_()
        );
    }
}

fn leaves(value: &Value, pointer: String, found: &mut dyn FnMut(&str)) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, v) in map {
                leaves(v, format!("{pointer}/{key}"), found);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, format!("{pointer}/{i}"), found);
            }
        }
        _ => {
            if !pointer.is_empty() {
                found(&pointer);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/// Rewrites an element's attributes in GOV.UK's expected HTML before comparing: for deliberate
/// differences only. Gets the element's name, its classes and its attributes.
type Adjust<'a> = &'a dyn Fn(&str, &BTreeSet<String>, &mut Vec<(String, String)>);

fn no_adjustment(_: &str, _: &BTreeSet<String>, _: &mut Vec<(String, String)>) {}

/// The canonical form of an HTML fragment: one element or text per line, indented by depth.
fn canonical(html: &str, adjust: Adjust) -> String {
    let doc = Html::parse_fragment(html);
    let mut out = String::new();
    write_children(doc.root_element(), 0, false, adjust, &mut out);
    out
}

fn write_children(parent: ElementRef, depth: usize, raw: bool, adjust: Adjust, out: &mut String) {
    // Adjacent text is joined first: Leptos separates text with comment markers.
    let mut text = String::new();
    for child in parent.children() {
        match child.value() {
            Node::Text(t) => text.push_str(t),
            Node::Element(_) => {
                flush_text(&mut text, depth, raw, out);
                write_element(
                    ElementRef::wrap(child).expect("element"),
                    depth,
                    adjust,
                    out,
                );
            }
            // Comments (Leptos's `<!>` hydration markers, GOV.UK's none) do not count.
            _ => {}
        }
    }
    flush_text(&mut text, depth, raw, out);
}

fn flush_text(text: &mut String, depth: usize, raw: bool, out: &mut String) {
    let shown = if raw {
        // Inside <textarea> and <pre> every character is content.
        text.clone()
    } else {
        text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
    };
    if !shown.is_empty() {
        let _ = writeln!(out, "{}{shown:?}", "  ".repeat(depth));
    }
    text.clear();
}

fn write_element(element: ElementRef, depth: usize, adjust: Adjust, out: &mut String) {
    let el = element.value();
    let name = el.name();
    let classes: BTreeSet<String> = el.classes().map(str::to_owned).collect();
    let mut attrs: Vec<(String, String)> = el
        .attrs()
        .filter(|(k, _)| *k != "class")
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    adjust(name, &classes, &mut attrs);
    if el.attr("class").is_some() {
        let set = classes.iter().cloned().collect::<Vec<_>>().join(" ");
        attrs.push(("class".to_owned(), set));
    }
    attrs.sort();
    let indent = "  ".repeat(depth);
    let _ = write!(out, "{indent}<{name}");
    for (k, v) in &attrs {
        let _ = write!(out, " {k}={v:?}");
    }
    let mut inner = String::new();
    let raw = matches!(name, "textarea" | "pre");
    write_children(element, depth + 1, raw, adjust, &mut inner);
    if matches!(name, "input" | "br" | "hr" | "img" | "meta" | "link") && inner.is_empty() {
        let _ = writeln!(out, ">");
    } else if inner.is_empty() {
        let _ = writeln!(out, "></{name}>");
    } else {
        let _ = writeln!(out, ">\n{inner}{indent}</{name}>");
    }
}

// ---------------------------------------------------------------------------------------------
// Comparison

/// One component's fixtures; collects every mismatch and reports them all at the end.
struct Parity {
    component: &'static str,
    fixtures: Vec<Value>,
    failures: Vec<String>,
    checked: usize,
}

impl Parity {
    fn new(component: &'static str) -> Self {
        Self {
            component,
            fixtures: load_fixtures(component),
            failures: Vec::new(),
            checked: 0,
        }
    }

    fn fixture(&self, name: &str) -> Fixture {
        let found = self
            .fixtures
            .iter()
            .find(|f| f["name"] == name)
            .unwrap_or_else(|| {
                panic!(
                    "GOV.UK Frontend's {} fixtures have no {name:?} (has the version changed?)",
                    self.component
                )
            });
        Fixture {
            component: self.component,
            name: name.to_owned(),
            options: found["options"].clone(),
            html: found["html"]
                .as_str()
                .unwrap_or_else(|| panic!("{} fixture {name:?} has no html", self.component))
                .to_owned(),
            read: RefCell::new(BTreeSet::new()),
        }
    }

    /// Renders `build`'s view and compares it with the fixture's HTML.
    fn check<V: IntoView + 'static>(&mut self, name: &str, build: impl FnOnce(&Fixture) -> V) {
        self.check_adjusted(name, &no_adjustment, build);
    }

    /// `check` for each named fixture, with the same props builder.
    fn check_all<V: IntoView + 'static>(&mut self, names: &[&str], build: impl Fn(&Fixture) -> V) {
        for name in names {
            self.check(name, &build);
        }
    }

    /// As `check`, with a deliberate difference normalised in GOV.UK's HTML by `adjust`.
    fn check_adjusted<V: IntoView + 'static>(
        &mut self,
        name: &str,
        adjust: Adjust,
        build: impl FnOnce(&Fixture) -> V,
    ) {
        let fixture = self.fixture(name);
        let ours = Owner::new().with(|| build(&fixture).into_view().to_html());
        fixture.assert_all_read();
        let expected = canonical(&fixture.html, adjust);
        let actual = canonical(&ours, &no_adjustment);
        assert!(
            !expected.trim().is_empty(),
            "{} fixture {name:?} is empty after normalising",
            self.component
        );
        self.checked += 1;
        if std::env::var_os("GOVUK_PARITY_SHOW").is_some() {
            println!(
                "── {} fixture {name:?} (normalised):\n{actual}",
                self.component
            );
        }
        if expected != actual {
            let line = expected
                .lines()
                .zip(actual.lines())
                .position(|(e, a)| e != a)
                .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()))
                + 1;
            self.failures.push(format!(
                "── {} fixture {name:?}: differs from line {line}\n\
                 GOV.UK Frontend (normalised):\n{expected}\n\
                 ours (normalised):\n{actual}\n\
                 ours (as rendered):\n{ours}\n",
                self.component
            ));
        }
    }

    fn finish(self) {
        assert!(
            self.checked > 0,
            "no {} fixtures were checked",
            self.component
        );
        assert!(
            self.failures.is_empty(),
            "{} of {} {} fixtures differ from GOV.UK Frontend's HTML:\n\n{}",
            self.failures.len(),
            self.checked,
            self.component,
            self.failures.join("\n")
        );
    }
}

fn text_children(text: String) -> Children {
    Box::new(move || text.into_any())
}

// ---------------------------------------------------------------------------------------------
// The normaliser itself

#[test]
fn normalising_ignores_only_what_it_should() {
    let same = |a: &str, b: &str| canonical(a, &no_adjustment) == canonical(b, &no_adjustment);
    // Whitespace, comments, attribute order, class order, `checked` vs `checked=""`.
    assert!(same(
        "<div class=\"a b\" id=\"x\">\n  Some <!---->text\n  <input checked>\n</div>",
        "<div id=\"x\" class=\"b a\">Some text<!><input checked=\"\"></div>"
    ));
    // But not different text, attributes, classes, elements or nesting.
    assert!(!same("<p>Some text</p>", "<p>Some texts</p>"));
    assert!(!same("<p id=\"a\">x</p>", "<p id=\"b\">x</p>"));
    assert!(!same("<p id=\"a\">x</p>", "<p>x</p>"));
    assert!(!same("<p class=\"a\">x</p>", "<p class=\"a b\">x</p>"));
    assert!(!same("<p>x</p>", "<div>x</div>"));
    assert!(!same("<div><p>x</p></div>", "<div><p></p>x</div>"));
    assert!(!same(
        "<span>a</span><span>b</span>",
        "<span>a<span>b</span></span>"
    ));
    // A textarea's content is compared exactly.
    assert!(!same(
        "<textarea>a\nb</textarea>",
        "<textarea>a b</textarea>"
    ));
}

#[test]
fn a_missing_fixture_file_is_a_failure_that_says_to_run_npm_ci() {
    let message = try_load_fixtures("no-such-component").expect_err("no such fixtures file");
    assert!(message.contains("npm ci"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// Components

#[test]
fn button() {
    let mut p = Parity::new("button");
    let build = |f: &Fixture| {
        let kind = match f.opt_text("/classes").as_deref() {
            None => ButtonKind::Primary,
            Some("govuk-button--secondary") => ButtonKind::Secondary,
            Some("govuk-button--warning") => ButtonKind::Warning,
            Some(other) => panic!("{}: unsupported classes {other:?}", f.where_()),
        };
        Button(ButtonProps {
            text: f.text("/text"),
            kind,
            href: f.opt_text("/href"),
            start: f.flag("/isStartButton"),
            name: f.opt_text("/name"),
            prevent_double_click: f.flag("/preventDoubleClick"),
        })
    };
    p.check_all(
        &[
            "default",
            "link",
            "start",
            "start link",
            "secondary",
            "warning",
            "name",
            "prevent double click",
            "no data-prevent-double-click",
        ],
        build,
    );
    p.finish();
}

#[test]
fn back_link() {
    let mut p = Parity::new("back-link");
    // GOV.UK's default href is "#"; ours has no default (a back link must say where it goes).
    p.check("default", |_| view! { <BackLink href="#"/> });
    p.check("with custom text and link", |f| {
        view! { <BackLink href=f.text("/href") text=f.text("/text")/> }
    });
    p.finish();
}

#[test]
fn skip_link() {
    let mut p = Parity::new("skip-link");
    // GOV.UK's default href is "#content"; ours is "#main-content", the id of our <main>. So
    // only fixtures that give an href are compared.
    p.check("default", |f| {
        view! { <SkipLink href=f.text("/href") text=f.text("/text")/> }
    });
    p.check("custom href", |f| {
        view! { <SkipLink href=f.text("/href") text=f.text("/text")/> }
    });
    p.finish();
}

#[test]
fn phase_banner() {
    let mut p = Parity::new("phase-banner");
    p.check("default", |f| {
        assert_eq!(
            f.text("/html"),
            r##"This is a new service - your <a href="#" class="govuk-link">feedback</a> will help us to improve it."##
        );
        view! {
            <PhaseBanner phase=f.text("/tag/text")>
                "This is a new service - your " <a href="#" class="govuk-link">"feedback"</a> " will help us to improve it."
            </PhaseBanner>
        }
    });
    p.finish();
}

#[test]
fn error_message() {
    let mut p = Parity::new("error-message");
    let build = |f: &Fixture| {
        ErrorMessage(ErrorMessageProps {
            id: f.opt_text("/id"),
            text: f.text("/text"),
        })
    };
    p.check("default", build);
    p.check("id", build);
    p.finish();
}

#[test]
fn error_summary() {
    let mut p = Parity::new("error-summary");
    p.check("default", |f| {
        f.expect_text("/titleText", "There is a problem");
        let errors = (0..f.count("/errorList"))
            .map(|i| {
                let href = f.text(&format!("/errorList/{i}/href"));
                // Our summary links each error to its field's id, from the field's path.
                let field = href.strip_prefix('#').expect("an in-page link").to_owned();
                assert_eq!(
                    app::forms::field_id(&field),
                    field,
                    "an id that is its own path"
                );
                FieldError {
                    field,
                    message: f.text(&format!("/errorList/{i}/text")),
                }
            })
            .collect();
        view! { <ErrorSummary errors=FieldErrors(errors)/> }
    });
    p.finish();
}

#[test]
fn fieldset() {
    let mut p = Parity::new("fieldset");
    let build = |f: &Fixture| {
        Fieldset(FieldsetProps {
            legend: f.text("/legend/text"),
            size: f.size("/legend/classes", "govuk-fieldset__legend--"),
            is_page_heading: f.flag("/legend/isPageHeading"),
            described_by: f.opt_text("/describedBy").into(),
            role: f.opt_text("/role"),
            // GOV.UK's fixtures have an empty fieldset.
            children: Box::new(|| ().into_any()),
        })
    };
    p.check_all(
        &[
            "default",
            "styled as xl text",
            "styled as large text",
            "styled as medium text",
            "styled as small text",
            "as page heading xl",
            "as page heading l",
            "as page heading m",
            "as page heading s",
            "as page heading without class",
            "with describedBy",
            "role",
        ],
        build,
    );
    p.finish();
}

#[test]
fn hint() {
    let mut p = Parity::new("hint");
    let build = |f: &Fixture| {
        Hint(HintProps {
            id: f.opt_text("/id"),
            text: f.text("/text"),
        })
    };
    p.check("default", build);
    p.check("id", build);
    p.finish();
}

#[test]
fn inset_text() {
    let mut p = Parity::new("inset-text");
    p.check("default", |f| {
        InsetText(InsetTextProps {
            children: text_children(f.text("/text")),
        })
    });
    p.finish();
}

#[test]
fn label() {
    let mut p = Parity::new("label");
    let build = |f: &Fixture| {
        Label(LabelProps {
            text: f.text("/text"),
            for_id: f.opt_text("/for"),
            size: f.size("/classes", "govuk-label--"),
            is_page_heading: f.flag("/isPageHeading"),
            classes: None,
        })
    };
    p.check_all(
        &[
            "default",
            "with bold text",
            "styled as xl text",
            "styled as large text",
            "styled as medium text",
            "styled as small text",
            "as page heading xl",
            "as page heading l",
            "as page heading m",
            "as page heading s",
            "as page heading without class",
            "for",
        ],
        build,
    );
    p.finish();
}

#[test]
fn input() {
    let mut p = Parity::new("input");
    let build = |f: &Fixture| {
        Input(InputProps {
            name: f.text("/name"),
            id: f.id_or_name("/id"),
            label: f.text("/label/text"),
            label_size: f.size("/label/classes", "govuk-label--"),
            is_page_heading: f.flag("/label/isPageHeading"),
            hint: f.opt_text("/hint/text"),
            value: f.opt_text("/value").unwrap_or_default(),
            error: f.opt_text("/errorMessage/text").into(),
            input_type: f.opt_text("/type").unwrap_or_else(|| "text".to_owned()),
            autocomplete: f.opt_text("/autocomplete"),
            spellcheck: f.opt_bool("/spellcheck"),
            classes: f.opt_text("/classes"),
            inputmode: f.opt_text("/inputmode"),
            prefix: f.opt_text("/prefix/text"),
            suffix: f.opt_text("/suffix/text"),
        })
    };
    p.check_all(
        &[
            "default",
            "with prefix",
            "with suffix",
            "with prefix and suffix",
            "with prefix and suffix and error",
            "with prefix and suffix and width modifier",
            "with hint text",
            "with error message",
            "with error and hint",
            "with width-2 class",
            "with width-3 class",
            "with width-4 class",
            "with width-5 class",
            "with width-10 class",
            "with width-20 class",
            "with width-30 class",
            "with label as page heading",
            "with extra letter spacing",
            "custom type",
            "value",
            "zero value",
            "inputmode",
            "with autocomplete attribute",
            "with spellcheck enabled",
            "with spellcheck disabled",
        ],
        build,
    );
    p.finish();
}

#[test]
fn textarea() {
    let mut p = Parity::new("textarea");
    let build = |f: &Fixture| {
        Textarea(TextareaProps {
            name: f.text("/name"),
            id: f.id_or_name("/id"),
            label: f.text("/label/text"),
            label_size: f.size("/label/classes", "govuk-label--"),
            is_page_heading: f.flag("/label/isPageHeading"),
            hint: f.opt_text("/hint/text"),
            value: f.opt_text("/value").unwrap_or_default(),
            error: f.opt_text("/errorMessage/text").into(),
            rows: f.opt_text("/rows").map_or(5, |r| r.parse().expect("rows")),
            autocomplete: f.opt_text("/autocomplete"),
            spellcheck: f.opt_bool("/spellcheck"),
        })
    };
    p.check_all(
        &[
            "default",
            "with hint",
            "with error message",
            "with default value",
            "with custom rows",
            "with label as page heading",
            "with hint and error message",
            "with autocomplete attribute",
            "with spellcheck enabled",
            "with spellcheck disabled",
        ],
        build,
    );
    p.finish();
}

#[test]
fn textarea_content_is_escaped() {
    // Leptos does not escape a <textarea>'s children, so the component must.
    let html = Owner::new().with(|| {
        view! { <Textarea name="a" id="a" label="A" value="</textarea><script>x()</script> & <b>"/> }
            .to_html()
    });
    let doc = Html::parse_fragment(&html);
    let textarea = doc
        .select(&Selector::parse("textarea").unwrap())
        .next()
        .unwrap();
    assert_eq!(
        textarea.text().collect::<String>(),
        "</textarea><script>x()</script> & <b>"
    );
    assert!(doc
        .select(&Selector::parse("script").unwrap())
        .next()
        .is_none());
}

/// Radios and checkboxes share GOV.UK's options: the values checked, by `value`/`values` or
/// by an item's `checked`, which wins.
fn checked_values(f: &Fixture) -> Vec<String> {
    let mut values: Vec<String> = match f.get("/values") {
        Some(Value::Array(values)) => values
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| v.to_string())
            })
            .collect(),
        Some(other) => panic!("{}: values is {other}", f.where_()),
        None => f.opt_text("/value").into_iter().collect(),
    };
    for i in 0..f.count("/items") {
        let value = f.text(&format!("/items/{i}/value"));
        match f.opt_bool(&format!("/items/{i}/checked")) {
            Some(true) if !values.contains(&value) => values.push(value),
            Some(false) => values.retain(|v| *v != value),
            _ => {}
        }
    }
    values
}

fn choices(f: &Fixture) -> Vec<Choice> {
    (0..f.count("/items"))
        .map(|i| {
            Choice::new(
                f.text(&format!("/items/{i}/value")),
                f.text(&format!("/items/{i}/text")),
            )
        })
        .collect()
}

#[test]
fn radios() {
    let mut p = Parity::new("radios");
    let build = |f: &Fixture| {
        let inline = match f.opt_text("/classes").as_deref() {
            None => false,
            Some("govuk-radios--inline") => true,
            Some(other) => panic!("{}: unsupported classes {other:?}", f.where_()),
        };
        let selected = checked_values(f);
        assert!(selected.len() <= 1, "{}: one radio at most", f.where_());
        Radios(RadiosProps {
            name: f.text("/name"),
            id: f.id_or_name("/idPrefix"),
            legend: f.text("/fieldset/legend/text"),
            legend_size: f.size("/fieldset/legend/classes", "govuk-fieldset__legend--"),
            is_page_heading: f.flag("/fieldset/legend/isPageHeading"),
            hint: f.opt_text("/hint/text"),
            items: choices(f),
            selected: selected.into_iter().next(),
            error: f.opt_text("/errorMessage/text").into(),
            inline,
        })
    };
    p.check_all(
        &[
            "default",
            "with hint",
            "inline",
            "with fieldset and error message",
            "with hint and error message",
        ],
        build,
    );
    p.finish();
}

#[test]
fn checkboxes() {
    let mut p = Parity::new("checkboxes");
    let build = |f: &Fixture| {
        Checkboxes(CheckboxesProps {
            name: f.text("/name"),
            id: f.id_or_name("/idPrefix"),
            legend: f.opt_text("/fieldset/legend/text"),
            legend_size: f.size("/fieldset/legend/classes", "govuk-fieldset__legend--"),
            is_page_heading: f.flag("/fieldset/legend/isPageHeading"),
            hint: f.opt_text("/hint/text"),
            items: choices(f),
            selected: checked_values(f),
            error: f.opt_text("/errorMessage/text").into(),
            keyed: false,
        })
    };
    p.check_all(
        &[
            "default",
            "with hint",
            "with legend as a page heading",
            "with error message and hint",
            "with checked item",
            "item checked overrides values",
        ],
        build,
    );
    p.finish();
}

#[test]
fn date_input() {
    let mut p = Parity::new("date-input");
    const PARTS: [&str; 3] = ["day", "month", "year"];
    // Deliberate difference: GOV.UK names the fields `{namePrefix}-day` (or `day`); ours are
    // named like a nested struct in a server function's form, `{name}[day]`, so a date posts
    // straight into a `Date { day, month, year }` field. So GOV.UK's names are rewritten to ours,
    // with `name` = the fixture's `namePrefix` (or its `id` when it has none).
    fn our_name(f: &Fixture) -> String {
        f.opt_text("/namePrefix").unwrap_or_else(|| f.text("/id"))
    }
    fn check(p: &mut Parity, name: &str) {
        let f = p.fixture(name);
        let base = our_name(&f);
        let prefix = f.opt_text("/namePrefix");
        let rename =
            move |element: &str, classes: &BTreeSet<String>, attrs: &mut Vec<(String, String)>| {
                if element != "input" || !classes.contains("govuk-date-input__input") {
                    return;
                }
                for (k, v) in attrs.iter_mut() {
                    if k == "name" {
                        let part = match &prefix {
                            Some(prefix) => v.strip_prefix(&format!("{prefix}-")).unwrap_or(v),
                            None => v.as_str(),
                        }
                        .to_owned();
                        assert!(
                            PARTS.contains(&part.as_str()),
                            "unexpected date field name {v:?}"
                        );
                        *v = format!("{base}[{part}]");
                    }
                }
            };
        p.check_adjusted(name, &rename, |f| {
            let value = |part: &str| {
                let key = match f.opt_text("/namePrefix") {
                    Some(prefix) => format!("{prefix}-{part}"),
                    None => part.to_owned(),
                };
                f.opt_text(&format!("/values/{key}")).unwrap_or_default()
            };
            // Fixtures that list the items must list ours: day, month, year, at GOV.UK's widths;
            // `autocomplete="bday-*"` on all of them is our `bday`.
            let mut bday = false;
            if f.count("/items") > 0 {
                assert_eq!(f.count("/items"), 3, "{}: three items", f.where_());
                let widths = [
                    "govuk-input--width-2",
                    "govuk-input--width-2",
                    "govuk-input--width-4",
                ];
                let mut autocompletes = Vec::new();
                for (i, part) in PARTS.iter().enumerate() {
                    f.expect_text(&format!("/items/{i}/name"), part);
                    f.expect_text(&format!("/items/{i}/classes"), widths[i]);
                    autocompletes.push(f.opt_text(&format!("/items/{i}/autocomplete")));
                }
                bday = autocompletes.iter().all(|a| a.is_some());
                if bday {
                    for (a, part) in autocompletes.iter().zip(PARTS) {
                        assert_eq!(a.as_deref(), Some(format!("bday-{part}").as_str()));
                    }
                } else {
                    assert!(autocompletes.iter().all(|a| a.is_none()), "{}", f.where_());
                }
            }
            DateInput(DateInputProps {
                name: our_name(f),
                id: f.text("/id"),
                legend: f.text("/fieldset/legend/text"),
                legend_size: f.size("/fieldset/legend/classes", "govuk-fieldset__legend--"),
                is_page_heading: f.flag("/fieldset/legend/isPageHeading"),
                hint: f.opt_text("/hint/text"),
                day: value("day"),
                month: value("month"),
                year: value("year"),
                error: f.opt_text("/errorMessage/text").into(),
                bday,
            })
        });
    }
    for name in [
        "default",
        "with values",
        "with values and name prefix",
        "with error message and hint",
        "with autocomplete values",
        "with items",
    ] {
        check(&mut p, name);
    }
    p.finish();
}

/// A summary list value given as HTML: paragraphs (`<p class="govuk-body">`) of lines
/// (separated by `<br>`) are our `value` entries, lines joined by `\n`; anything else fails.
fn summary_value_paragraphs(f: &Fixture, pointer: &str) -> Vec<String> {
    let html = f.text(pointer);
    let doc = Html::parse_fragment(&html);
    let mut paragraphs = Vec::new();
    for child in doc.root_element().children() {
        match child.value() {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Element(e) if e.name() == "p" && e.attr("class") == Some("govuk-body") => {
                let mut lines = vec![String::new()];
                for part in child.children() {
                    match part.value() {
                        Node::Text(t) => lines.last_mut().unwrap().push_str(t),
                        Node::Element(e) if e.name() == "br" => lines.push(String::new()),
                        other => panic!("{}: unsupported value markup {other:?}", f.where_()),
                    }
                }
                let lines: Vec<String> = lines
                    .iter()
                    .map(|l| l.split_ascii_whitespace().collect::<Vec<_>>().join(" "))
                    .collect();
                paragraphs.push(lines.join("\n"));
            }
            other => panic!("{}: unsupported value markup {other:?}", f.where_()),
        }
    }
    paragraphs
}

#[test]
fn summary_list() {
    let mut p = Parity::new("summary-list");
    let build = |f: &Fixture| {
        let rows = (0..f.count("/rows"))
            .map(|r| {
                let row = format!("/rows/{r}");
                let value = match f.opt_text(&format!("{row}/value/text")) {
                    Some(text) => vec![text],
                    None => summary_value_paragraphs(f, &format!("{row}/value/html")),
                };
                let actions = (0..f.count(&format!("{row}/actions/items")))
                    .map(|a| {
                        let action = format!("{row}/actions/items/{a}");
                        SummaryAction {
                            href: f.text(&format!("{action}/href")),
                            text: f.text(&format!("{action}/text")),
                            visually_hidden_text: f
                                .opt_text(&format!("{action}/visuallyHiddenText"))
                                .unwrap_or_default(),
                        }
                    })
                    .collect();
                SummaryRow {
                    key: f.text(&format!("{row}/key/text")),
                    value,
                    actions,
                }
            })
            .collect();
        SummaryList(SummaryListProps { rows })
    };
    p.check_all(
        &[
            "default",
            "with actions",
            "with some actions",
            "actions href",
            "single action with anchor",
        ],
        build,
    );
    p.finish();
}

#[test]
fn panel() {
    let mut p = Parity::new("panel");
    p.check("default", |f| {
        assert_eq!(
            f.text("/html"),
            "Your reference number<br><strong>HDJ2123F</strong>"
        );
        view! {
            <Panel title=f.text_or_html("/title").unwrap()>
                "Your reference number" <br/> <strong>"HDJ2123F"</strong>
            </Panel>
        }
    });
    p.check("title with no body text", |f| {
        view! { <Panel title=f.text_or_html("/title").unwrap()/> }
    });
    p.finish();
}

#[test]
fn warning_text() {
    let mut p = Parity::new("warning-text");
    p.check("default", |f| {
        WarningText(WarningTextProps {
            icon_fallback_text: f.text("/iconFallbackText"),
            children: text_children(f.text("/text")),
        })
    });
    p.finish();
}

#[test]
fn notification_banner() {
    let mut p = Parity::new("notification-banner");
    let build = |f: &Fixture| {
        let kind = match f.opt_text("/type").as_deref() {
            None => NotificationKind::Neutral,
            Some("success") => NotificationKind::Success,
            Some(other) => panic!("{}: unsupported type {other:?}", f.where_()),
        };
        NotificationBanner(NotificationBannerProps {
            kind,
            title: f.text_or_html("/title"),
            title_id: f
                .opt_text("/titleId")
                .unwrap_or_else(|| "govuk-notification-banner-title".to_owned()),
            heading: f.opt_text("/text"),
            children: None,
        })
    };
    p.check_all(
        &[
            "default",
            "with type as success",
            "custom title",
            "custom title id",
            "custom title id with type as success",
        ],
        build,
    );
    p.check("with text as html", |f| {
        let html = f.text("/html");
        assert!(html.contains("government-strategy-v4-FINAL-v2.pdf"));
        let links = [
            "government-strategy.pdf",
            "government-strategy-v2.pdf",
            "government-strategy-v3-FINAL.pdf",
            "government-strategy-v4-FINAL-v2.pdf",
        ]
        .map(|file| {
            view! { <li><a href="#" class="govuk-notification-banner__link">{file}</a></li> }
        });
        view! {
            <NotificationBanner>
                <h3 class="govuk-notification-banner__heading">"This publication was withdrawn on 7 March 2014"</h3>
                <p class="govuk-body">"The following 4 files are available"</p>
                <ul class="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">{links.collect_view()}</ul>
            </NotificationBanner>
        }
    });
    p.finish();
}

#[test]
fn details() {
    let mut p = Parity::new("details");
    let build = |f: &Fixture| {
        Details(DetailsProps {
            summary: f.text("/summaryText"),
            id: f.opt_text("/id"),
            open: f.flag("/open"),
            children: text_children(f.text("/text")),
        })
    };
    p.check("default", build);
    p.check("expanded", build);
    p.check("with html", |f| {
        assert!(f
            .text("/html")
            .starts_with("Your National Insurance number can be found on\n<ul>"));
        view! {
            <Details summary=f.text("/summaryText")>
                "Your National Insurance number can be found on"
                <ul>
                    <li>"your National Insurance card"</li>
                    <li>"your payslip"</li>
                    <li>"P60"</li>
                    <li>"benefits information"</li>
                    <li>"tax return"</li>
                </ul>
            </Details>
        }
    });
    p.finish();
}

#[test]
fn table() {
    let mut p = Parity::new("table");
    let build = |f: &Fixture| {
        let mut numeric_columns = BTreeSet::new();
        let mut cell = |pointer: String, column: usize| {
            match f.opt_text(&format!("{pointer}/format")).as_deref() {
                None => {}
                Some("numeric") => {
                    numeric_columns.insert(column);
                }
                Some(other) => panic!("{}: unsupported format {other:?}", f.where_()),
            }
            f.text(&format!("{pointer}/text"))
        };
        let head: Vec<String> = (0..f.count("/head"))
            .map(|c| cell(format!("/head/{c}"), c))
            .collect();
        let rows: Vec<Vec<String>> = (0..f.count("/rows"))
            .map(|r| {
                (0..f.count(&format!("/rows/{r}")))
                    .map(|c| cell(format!("/rows/{r}/{c}"), c))
                    .collect()
            })
            .collect();
        Table(TableProps {
            caption: f.opt_text("/caption"),
            caption_size: f.size("/captionClasses", "govuk-table__caption--"),
            head,
            rows,
            first_cell_is_header: f.flag("/firstCellIsHeader"),
            numeric_columns: numeric_columns.into_iter().collect(),
        })
    };
    p.check_all(
        &[
            "default",
            "with head",
            "with head and caption",
            "with firstCellIsHeader true",
        ],
        build,
    );
    p.finish();
}

fn tag_colour(f: &Fixture, pointer: &str) -> Option<TagColour> {
    let classes = f.opt_text(pointer)?;
    let colour = match classes.as_str() {
        "govuk-tag--grey" => TagColour::Grey,
        "govuk-tag--green" => TagColour::Green,
        "govuk-tag--teal" => TagColour::Teal,
        "govuk-tag--blue" => TagColour::Blue,
        "govuk-tag--purple" => TagColour::Purple,
        "govuk-tag--magenta" => TagColour::Magenta,
        "govuk-tag--red" => TagColour::Red,
        "govuk-tag--orange" => TagColour::Orange,
        "govuk-tag--yellow" => TagColour::Yellow,
        other => panic!("{}: unsupported tag classes {other:?}", f.where_()),
    };
    Some(colour)
}

#[test]
fn tag() {
    let mut p = Parity::new("tag");
    let build = |f: &Fixture| {
        Tag(TagProps {
            text: f.text("/text"),
            colour: tag_colour(f, "/classes"),
        })
    };
    p.check_all(
        &[
            "default",
            "grey",
            "turquoise",
            "green",
            "purple",
            "pink",
            "red",
            "orange",
            "yellow",
        ],
        build,
    );
    p.finish();
}

#[test]
fn task_list() {
    let mut p = Parity::new("task-list");
    let build = |f: &Fixture| {
        let items = (0..f.count("/items"))
            .map(|i| {
                let item = format!("/items/{i}");
                let status = if f.options.pointer(&format!("{item}/status/tag")).is_some() {
                    TaskStatus::Tag {
                        text: f.text(&format!("{item}/status/tag/text")),
                        colour: tag_colour(f, &format!("{item}/status/tag/classes")),
                    }
                } else {
                    let text = f.text(&format!("{item}/status/text"));
                    match f.opt_text(&format!("{item}/status/classes")).as_deref() {
                        None => TaskStatus::Text(text),
                        Some("govuk-task-list__status--cannot-start-yet") => {
                            TaskStatus::CannotStartYet(text)
                        }
                        Some(other) => panic!("{}: unsupported classes {other:?}", f.where_()),
                    }
                };
                TaskListItem {
                    title: f.text(&format!("{item}/title/text")),
                    href: f.opt_text(&format!("{item}/href")),
                    hint: f.opt_text(&format!("{item}/hint/text")),
                    status,
                }
            })
            .collect();
        TaskList(TaskListProps {
            items,
            id_prefix: f
                .opt_text("/idPrefix")
                .unwrap_or_else(|| "task-list".to_owned()),
        })
    };
    p.check_all(
        &[
            "default",
            "with hint text and additional states",
            "with all possible colours",
            "with very long single word tags",
            "custom id prefix",
        ],
        build,
    );
    p.finish();
}
