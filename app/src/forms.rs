//! The question-page pattern's plumbing: one mapping from a wire struct's field path to the
//! form control's `name`, its element id and its error, so an error summary always links to
//! the right input; and the same `validator` rules run in the browser (islands) and on the
//! server.

use validator::{Validate, ValidationErrors};

pub use crate::domain::problems::{FieldError, FieldErrors};

/// `validator`'s errors ordered by the page's field order, the first message of each.
pub fn errors_from_validation(errors: &ValidationErrors, field_order: &[&str]) -> FieldErrors {
    let field_errors = errors.field_errors();
    let list = field_order
        .iter()
        .filter_map(|field| {
            let first = field_errors.get(*field)?.first()?;
            let message = first
                .message
                .as_ref()
                .map(|m| m.to_string())
                .unwrap_or_else(|| "Check this answer".to_owned());
            Some(FieldError {
                field: (*field).to_owned(),
                message,
            })
        })
        .collect();
    FieldErrors(list)
}

/// A question page's wire struct: what its form posts, with the rules that check it.
pub trait QuestionForm: Validate {
    /// Field paths in the order they appear on the page (the error summary follows it).
    const FIELDS: &'static [&'static str];

    /// The page's problems, or none.
    fn check(&self) -> FieldErrors {
        match self.validate() {
            Ok(()) => FieldErrors::default(),
            Err(errors) => errors_from_validation(&errors, Self::FIELDS),
        }
    }
}

/// The `name` attribute for a field of a server function's `form` argument:
/// `date_of_birth.day` → `form[date_of_birth][day]`.
pub fn field_name(path: &str) -> String {
    format!("form[{}]", path.replace('.', "]["))
}

/// The element id for a field: `date_of_birth.day` → `date-of-birth-day`.
pub fn field_id(path: &str) -> String {
    path.replace(['.', '_'], "-")
}

/// The page title, marked "Error: " when the page shows errors (GOV.UK pattern).
pub fn page_title(title: &str, has_errors: bool) -> String {
    if has_errors {
        format!("Error: {title}")
    } else {
        title.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Validate)]
    struct Example {
        #[validate(length(min = 1, message = "Enter your name"))]
        name: String,
        #[validate(length(max = 3, message = "Answer must be 3 characters or fewer"))]
        other: String,
    }
    impl QuestionForm for Example {
        const FIELDS: &'static [&'static str] = &["name", "other"];
    }

    #[test]
    fn names_and_ids_map_mechanically() {
        assert_eq!(field_name("satisfaction"), "form[satisfaction]");
        assert_eq!(field_name("date_of_birth.day"), "form[date_of_birth][day]");
        assert_eq!(field_id("date_of_birth.day"), "date-of-birth-day");
    }

    #[test]
    fn errors_follow_the_page_order() {
        let errors = Example {
            name: String::new(),
            other: "long".into(),
        }
        .check();
        let fields: Vec<_> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "other"]);
        assert_eq!(
            errors.message_for("name").as_deref(),
            Some("Enter your name")
        );
        assert!(Example {
            name: "A".into(),
            other: String::new()
        }
        .check()
        .is_empty());
    }

    #[test]
    fn title_is_prefixed_only_with_errors() {
        assert_eq!(page_title("Feedback", true), "Error: Feedback");
        assert_eq!(page_title("Feedback", false), "Feedback");
    }
}

/// The `on:submit` handler of a question page's island: with JavaScript, the page's own rules
/// run before the form is posted; if they find problems the post is stopped, the errors show,
/// the title says "Error: " and the error summary takes focus. Valid answers post as usual,
/// so the server stays the one that decides. On the server this does nothing.
pub fn check_on_submit<T>(
    errors: leptos::prelude::RwSignal<FieldErrors>,
) -> impl Fn(leptos::ev::SubmitEvent) + 'static
where
    T: QuestionForm + serde::de::DeserializeOwned + 'static,
{
    check_on_submit_with(errors, |answers| {
        serde_json::from_value::<T>(answers)
            .ok()
            .map(|form| form.check())
    })
}

/// Like `check_on_submit`, with the page's own checker: it gets the form's fields as JSON
/// (`form[a][b]` → `{"a":{"b":…}}`) and returns the problems, or `None` to let the post go.
pub fn check_on_submit_with(
    errors: leptos::prelude::RwSignal<FieldErrors>,
    checker: impl Fn(serde_json::Value) -> Option<FieldErrors> + 'static,
) -> impl Fn(leptos::ev::SubmitEvent) + 'static {
    move |event| {
        #[cfg(feature = "hydrate")]
        browser::check_before_post(&event, errors, &checker, false);
        #[cfg(not(feature = "hydrate"))]
        let _ = (&event, errors, &checker);
    }
}

/// Like `check_on_submit_with`, for a form whose fields were rendered on the server (not by
/// the island): the inline messages beside the fields are updated in the page's HTML, in
/// GOV.UK Frontend's markup, as the server would have rendered them.
pub fn check_server_rendered_form(
    errors: leptos::prelude::RwSignal<FieldErrors>,
    checker: impl Fn(serde_json::Value) -> Option<FieldErrors> + 'static,
) -> impl Fn(leptos::ev::SubmitEvent) + 'static {
    move |event| {
        #[cfg(feature = "hydrate")]
        browser::check_before_post(&event, errors, &checker, true);
        #[cfg(not(feature = "hydrate"))]
        let _ = (&event, errors, &checker);
    }
}

/// Today's date where the code runs: the browser's clock in an island, the server's (UK
/// time) on the server. The domain takes the date as an argument; this is where it comes from.
pub fn today() -> time::Date {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let now = js_sys::Date::new_0();
        let month =
            time::Month::try_from(now.get_month() as u8 + 1).unwrap_or(time::Month::January);
        if let Ok(date) =
            time::Date::from_calendar_date(now.get_full_year() as i32, month, now.get_date() as u8)
        {
            return date;
        }
    }
    #[cfg(feature = "ssr")]
    {
        crate::domain::office_hours::uk_local(time::OffsetDateTime::now_utc()).date()
    }
    #[cfg(not(feature = "ssr"))]
    {
        time::Date::MIN
    }
}

/// Marks a question form `data-enhanced` once its island runs in the browser, so people's
/// assistive tech is unaffected but tests can wait for the enhancement honestly.
pub fn mark_enhanced(form: leptos::prelude::NodeRef<leptos::html::Form>) {
    use leptos::prelude::{Effect, Get};
    Effect::new(move |_| {
        if let Some(form) = form.get() {
            let _ = form.set_attribute("data-enhanced", "true");
        }
    });
}

/// Refreshes the page's running result (`components::RunningResult`) as answers change: worked
/// out in the browser by `local` from the form's answers when it can, else asked of the
/// server function at `url` (which answers with the words). Without the `hydrate` feature (on
/// the server) it does nothing.
pub fn refresh_running_result(
    form: leptos::prelude::NodeRef<leptos::html::Form>,
    local: impl Fn(serde_json::Value) -> Option<String>,
    url: Option<String>,
) {
    #[cfg(feature = "hydrate")]
    browser::refresh_running_result(form, local, url);
    #[cfg(not(feature = "hydrate"))]
    let _ = (form, local, url);
}

#[cfg(feature = "hydrate")]
mod browser {
    //! Reading a form in the browser into its wire struct, and showing errors found there.
    use leptos::prelude::*;
    use serde_json::{Map, Value};
    use wasm_bindgen::JsCast;

    use super::FieldErrors;

    /// See `super::refresh_running_result`. A failed request changes nothing on the page.
    pub fn refresh_running_result(
        form: NodeRef<leptos::html::Form>,
        local: impl Fn(Value) -> Option<String>,
        url: Option<String>,
    ) {
        let Some(form) = form.get_untracked() else {
            return;
        };
        if let Some(words) = read_form(&form).and_then(local) {
            show_running_result(&words);
            return;
        }
        let Some(url) = url else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Some(words) = fetch_text(&form, &url).await {
                show_running_result(&words);
            }
        });
    }

    /// Puts `words` in the running result, unhiding it; empty words hide it.
    fn show_running_result(words: &str) {
        use crate::components::RUNNING_RESULT_ID;
        let document = web_sys::window().and_then(|w| w.document());
        let (Some(block), Some(text)) = (
            document
                .as_ref()
                .and_then(|d| d.get_element_by_id(RUNNING_RESULT_ID)),
            document.and_then(|d| d.get_element_by_id(&format!("{RUNNING_RESULT_ID}-words"))),
        ) else {
            return;
        };
        if words.is_empty() {
            let _ = block.set_attribute("hidden", "");
        } else {
            let _ = block.remove_attribute("hidden");
        }
        text.set_text_content(Some(words));
    }

    /// The form posted URL-encoded, as the browser would, and the JSON string answered.
    async fn fetch_text(form: &web_sys::HtmlFormElement, url: &str) -> Option<String> {
        use wasm_bindgen_futures::JsFuture;
        let data = web_sys::FormData::new_with_form(form).ok()?;
        let body = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
        let headers = web_sys::Headers::new().ok()?;
        headers
            .set("content-type", "application/x-www-form-urlencoded")
            .ok()?;
        headers.set("accept", "application/json").ok()?;
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_headers(&headers);
        init.set_body(&body);
        let response = JsFuture::from(web_sys::window()?.fetch_with_str_and_init(url, &init))
            .await
            .ok()?
            .dyn_into::<web_sys::Response>()
            .ok()?;
        if !response.ok() {
            return None;
        }
        let text = JsFuture::from(response.text().ok()?)
            .await
            .ok()?
            .as_string()?;
        serde_json::from_str::<String>(&text).ok()
    }

    pub fn check_before_post(
        event: &leptos::ev::SubmitEvent,
        errors: RwSignal<FieldErrors>,
        checker: &dyn Fn(Value) -> Option<FieldErrors>,
        inline_in_html: bool,
    ) {
        let Some(form) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        // If the form cannot be read, post it and let the server answer.
        let Some(found) = read_form(&form).and_then(checker) else {
            return;
        };
        if inline_in_html {
            show_inline_errors(&form, &found);
        }
        if found.is_empty() {
            return;
        }
        event.prevent_default();
        errors.set(found);
        mark_title_as_error();
        request_animation_frame(focus_error_summary);
    }

    /// `form[a]=x&form[b][c]=y` → `{"a":"x","b":{"c":"y"}}`, then into the wire struct.
    fn read_form(form: &web_sys::HtmlFormElement) -> Option<Value> {
        let data = web_sys::FormData::new_with_form(form).ok()?;
        let mut root = Map::new();
        for entry in js_sys::try_iter(&data).ok()?? {
            let pair: js_sys::Array = entry.ok()?.into();
            let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string())
            else {
                continue;
            };
            let Some(path) = name
                .strip_prefix("form[")
                .and_then(|rest| rest.strip_suffix(']'))
            else {
                continue;
            };
            let keys: Vec<&str> = path.split("][").collect();
            insert_path(&mut root, &keys, value);
        }
        Some(Value::Object(root))
    }

    fn insert_path(map: &mut Map<String, Value>, keys: &[&str], value: String) {
        match keys {
            [] => {}
            [key] => {
                map.insert((*key).to_owned(), Value::String(value));
            }
            [key, rest @ ..] => {
                if let Value::Object(child) = map
                    .entry((*key).to_owned())
                    .or_insert_with(|| Value::Object(Map::new()))
                {
                    insert_path(child, rest, value);
                }
            }
        }
    }

    /// Removes the form's inline error messages and marks, then adds one per problem beside
    /// its field: `govuk-form-group--error` on the group, the message (with its hidden
    /// "Error:") before the control, the control's error class and `aria-describedby`.
    fn show_inline_errors(form: &web_sys::HtmlFormElement, errors: &FieldErrors) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let all = |selector: &str| {
            let list = form.query_selector_all(selector).ok();
            (0..list.as_ref().map_or(0, |l| l.length()))
                .filter_map(|i| list.as_ref()?.item(i)?.dyn_into::<web_sys::Element>().ok())
                .collect::<Vec<_>>()
        };
        for message in all(".govuk-error-message") {
            message.remove();
        }
        for class in [
            "govuk-form-group--error",
            "govuk-input--error",
            "govuk-textarea--error",
        ] {
            for element in all(&format!(".{class}")) {
                let _ = element.class_list().remove_1(class);
            }
        }
        for control in all("[aria-describedby]") {
            let kept: Vec<String> = control
                .get_attribute("aria-describedby")
                .unwrap_or_default()
                .split_whitespace()
                .filter(|id| !id.ends_with("-error"))
                .map(str::to_owned)
                .collect();
            let _ = if kept.is_empty() {
                control.remove_attribute("aria-describedby")
            } else {
                control.set_attribute("aria-describedby", &kept.join(" "))
            };
        }
        for error in &errors.0 {
            let id = super::field_id(&error.field);
            let Some(element) = document.get_element_by_id(&id) else {
                continue;
            };
            if let Ok(Some(group)) = element.closest(".govuk-form-group") {
                let _ = group.class_list().add_1("govuk-form-group--error");
            }
            let anchor = element
                .closest(".govuk-radios, .govuk-checkboxes, .govuk-date-input")
                .ok()
                .flatten()
                .unwrap_or_else(|| element.clone());
            let Ok(message) = document.create_element("p") else {
                continue;
            };
            let error_id = format!("{id}-error");
            message.set_id(&error_id);
            message.set_class_name("govuk-error-message");
            if let Ok(hidden) = document.create_element("span") {
                hidden.set_class_name("govuk-visually-hidden");
                hidden.set_text_content(Some("Error:"));
                let _ = message.append_child(&hidden);
            }
            let _ =
                message.append_child(&document.create_text_node(&format!(" {}", error.message)));
            let _ = anchor.before_with_node_1(&message);
            let controls = if anchor == element {
                vec![element.clone()]
            } else {
                let list = anchor.query_selector_all("input, textarea").ok();
                (0..list.as_ref().map_or(0, |l| l.length()))
                    .filter_map(|i| list.as_ref()?.item(i)?.dyn_into::<web_sys::Element>().ok())
                    .collect()
            };
            for control in controls {
                match control.tag_name().as_str() {
                    "TEXTAREA" => {
                        let _ = control.class_list().add_1("govuk-textarea--error");
                    }
                    "INPUT" if control.class_list().contains("govuk-input") => {
                        let _ = control.class_list().add_1("govuk-input--error");
                    }
                    _ => {}
                }
                let described = control
                    .get_attribute("aria-describedby")
                    .unwrap_or_default();
                let _ = control
                    .set_attribute("aria-describedby", format!("{described} {error_id}").trim());
            }
        }
    }

    fn mark_title_as_error() {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let title = document.title();
        if !title.starts_with("Error: ") {
            document.set_title(&format!("Error: {title}"));
        }
    }

    fn focus_error_summary() {
        let summary = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(".govuk-error-summary").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(summary) = summary {
            let _ = summary.set_attribute("tabindex", "-1");
            let _ = summary.focus();
        }
    }
}
