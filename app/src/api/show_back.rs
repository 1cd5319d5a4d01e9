//! Answers to show back when the service cannot save or send a post (the database is down or
//! locked): the server's outage layer writes "Sorry, there is a problem with the service" with
//! the person's answers on it, read from the post itself, so nothing they typed is lost even
//! when their draft cannot be read. A question page's answer is its `form[...]` fields; a
//! "Check your answers" form also carries a copy of the answers it shows (`AnswersCopy`),
//! which the server reads for nothing else.
use leptos::prelude::*;

use crate::components::SummaryRow;

/// Answers under headings, as on "Check your answers".
pub type AnswerSections = Vec<(String, Vec<SummaryRow>)>;

/// The copy as it travels: headings, keys and values, without links.
type CopyOnTheWire = Vec<(String, Vec<(String, Vec<String>)>)>;

/// The field that carries the copy.
pub const COPY_FIELD: &str = "answers_shown";

/// A hidden copy of the answers a "Check your answers" page shows, for its send form: if the
/// service cannot send them, the page that says so shows them back from the post.
#[component]
pub fn AnswersCopy(sections: AnswerSections) -> impl IntoView {
    let copy: CopyOnTheWire = sections
        .into_iter()
        .map(|(heading, rows)| {
            (
                heading,
                rows.into_iter().map(|r| (r.key, r.value)).collect(),
            )
        })
        .collect();
    let value = serde_json::to_string(&copy).unwrap_or_default();
    view! { <input type="hidden" name=COPY_FIELD value=value/> }
}

/// The answers to show back for a post: the copy if it carries one, else its answers.
pub fn answers_in_post(fields: &[(String, String)]) -> AnswerSections {
    let copy = fields
        .iter()
        .find(|(name, _)| name == COPY_FIELD)
        .and_then(|(_, json)| serde_json::from_str::<CopyOnTheWire>(json).ok());
    match copy {
        Some(sections) => sections
            .into_iter()
            .map(|(heading, rows)| {
                let rows = rows
                    .iter()
                    .map(|(key, value)| SummaryRow::fact(key, value.clone()))
                    .collect();
                (heading, rows)
            })
            .collect(),
        None => posted_answers(fields),
    }
}

/// Whether a posted field holds a secret (a password, a sign-in or resume code): never shown
/// back or put in a page.
pub fn is_secret(name: &str) -> bool {
    let last = name
        .trim_end_matches("[]")
        .rsplit('[')
        .next()
        .unwrap_or(name)
        .trim_end_matches(']');
    last.contains("password") || matches!(last, "current" | "new" | "confirm" | "code")
}

/// A question page's posted answers (`form[...]` fields; not the page's own hidden fields or
/// secrets), one row per field in the order posted, with the field's name in words.
fn posted_answers(fields: &[(String, String)]) -> AnswerSections {
    let mut rows: Vec<SummaryRow> = Vec::new();
    for (name, value) in fields {
        if !name.starts_with("form[") || is_secret(name) {
            continue;
        }
        let key = field_words(name);
        match rows.iter_mut().find(|row| row.key == key) {
            Some(row) => row.value.push(value_words(value)),
            None => rows.push(SummaryRow::fact(&key, vec![value_words(value)])),
        }
    }
    if rows.is_empty() {
        Vec::new()
    } else {
        vec![("What you entered".to_owned(), rows)]
    }
}

/// `form[date_of_birth][day]` → "Date of birth, day".
fn field_words(name: &str) -> String {
    let words = name
        .trim_start_matches("form")
        .split(['[', ']'])
        .filter(|part| !part.is_empty())
        .map(|part| part.replace('_', " "))
        .collect::<Vec<_>>()
        .join(", ");
    capitalise(&words)
}

/// A choice's code (`someone_else`) in words; anything typed is shown exactly as typed.
fn value_words(value: &str) -> String {
    let is_code = value.contains('_')
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if is_code {
        capitalise(&value.replace('_', " "))
    } else {
        value.to_owned()
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn answers_are_named_in_words_and_codes_read_as_words() {
        let sections = posted_answers(&fields(&[
            ("page", "who-is-it-for"),
            ("form[for]", "someone_else"),
            ("form[date_of_birth][day]", "7"),
            ("form[outcomes][]", "nutrition"),
            ("form[outcomes][]", "hygiene"),
            ("form[details]", "My mum_s <b>carer</b>"),
        ]));
        assert_eq!(sections.len(), 1);
        let rows = &sections[0].1;
        let shown: Vec<(&str, Vec<&str>)> = rows
            .iter()
            .map(|r| (r.key.as_str(), r.value.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            shown,
            [
                ("For", vec!["Someone else"]),
                ("Date of birth, day", vec!["7"]),
                ("Outcomes", vec!["nutrition", "hygiene"]),
                ("Details", vec!["My mum_s <b>carer</b>"]),
            ]
        );
        assert!(rows.iter().all(|r| r.actions.is_empty()));
    }

    #[test]
    fn secrets_are_never_shown_back() {
        for name in [
            "form[password]",
            "form[current]",
            "form[new]",
            "form[confirm]",
            "form[code]",
            "form[new_password]",
        ] {
            assert!(is_secret(name), "{name}");
        }
        for name in [
            "form[postcode]",
            "form[given_name]",
            "form[needs][outcomes][]",
        ] {
            assert!(!is_secret(name), "{name}");
        }
        assert!(posted_answers(&fields(&[("form[password]", "hunter2hunter2")])).is_empty());
    }

    #[test]
    fn a_copy_of_the_answers_is_shown_back_in_place_of_the_fields() {
        let copy = r#"[["About the person",[["Name",["Amara Okafor"]],["Address",["12 Mill Lane\nExampletown"]]]]]"#;
        let sections =
            answers_in_post(&fields(&[("form[declaration]", "yes"), (COPY_FIELD, copy)]));
        assert_eq!(sections.len(), 1);
        assert_eq!(sections[0].0, "About the person");
        assert_eq!(
            sections[0].1,
            [
                SummaryRow::fact("Name", vec!["Amara Okafor".into()]),
                SummaryRow::fact("Address", vec!["12 Mill Lane\nExampletown".into()]),
            ]
        );
        let broken = answers_in_post(&fields(&[("form[declaration]", "yes"), (COPY_FIELD, "[")]));
        assert_eq!(
            broken[0].1[0].key, "Declaration",
            "a broken copy: the fields"
        );
    }
}
