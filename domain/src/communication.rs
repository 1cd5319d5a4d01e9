//! A person's communication needs as the Accessible Information Standard asks them recorded:
//! as codes (formats, a language tag, the kind of interpreter) and not only as text, so staff
//! see a flag and case systems can act on them. The API takes them as an object or, as
//! before, as a sentence (API.md); both become one shape.

use serde::{Deserialize, Serialize};

use super::checks::optional_paragraphs;
use super::problems::FieldErrors;

/// Formats information can be sent in: (code, words).
pub const FORMATS: [(&str, &str); 7] = [
    ("large_print", "Large print"),
    ("easy_read", "Easy Read"),
    ("braille", "Braille"),
    ("audio", "Audio"),
    ("bsl_video", "British Sign Language video"),
    ("email_only", "Email only"),
    ("phone_only", "Phone only"),
];

/// Kinds of interpreter: (code, words).
pub const INTERPRETERS: [(&str, &str); 3] = [
    ("spoken", "A spoken language interpreter"),
    ("bsl", "A British Sign Language interpreter"),
    ("deafblind", "A deafblind interpreter"),
];

/// How long the free text may be.
pub const SUPPORT_MAX: usize = 500;
/// How long a language tag may be (BCP 47 tags in use are far shorter).
pub const LANGUAGE_TAG_MAX: usize = 35;

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, from = "Given")]
pub struct CommunicationNeeds {
    /// Codes from `FORMATS`.
    pub formats: Vec<String>,
    /// A BCP 47 language tag (`pl`, `ur`, `pa-Guru`), or "".
    pub language: String,
    /// A code from `INTERPRETERS`, or none.
    pub interpreter: Option<String>,
    /// Anything else, in the person's words.
    pub support: String,
}

/// What the API accepts: the object, the sentence of before, or nothing.
#[derive(Deserialize)]
#[serde(untagged)]
enum Given {
    Codes {
        #[serde(default)]
        formats: Vec<String>,
        #[serde(default)]
        language: String,
        #[serde(default)]
        interpreter: Option<String>,
        #[serde(default)]
        support: String,
    },
    Sentence(String),
    Nothing(()),
}

impl From<Given> for CommunicationNeeds {
    fn from(given: Given) -> Self {
        match given {
            Given::Codes {
                formats,
                language,
                interpreter,
                support,
            } => CommunicationNeeds {
                formats,
                language,
                interpreter,
                support,
            },
            Given::Sentence(support) => CommunicationNeeds {
                support,
                ..Default::default()
            },
            Given::Nothing(()) => CommunicationNeeds::default(),
        }
    }
}

impl CommunicationNeeds {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.formats.is_empty()
            && self.language.is_empty()
            && self.interpreter.is_none()
            && self.support.trim().is_empty()
    }

    /// The needs in words, one item each, for staff and the check-answers page.
    pub fn describe(&self) -> Vec<String> {
        let words = |list: &[(&str, &'static str)], code: &str| {
            list.iter()
                .find(|(c, _)| *c == code)
                .map_or_else(|| code.to_owned(), |(_, w)| (*w).to_owned())
        };
        let mut items: Vec<String> = self.formats.iter().map(|f| words(&FORMATS, f)).collect();
        if let Some(interpreter) = &self.interpreter {
            items.push(words(&INTERPRETERS, interpreter));
        }
        if !self.language.is_empty() {
            items.push(format!("Language tag: {}", self.language));
        }
        if !self.support.trim().is_empty() {
            items.push(self.support.trim().to_owned());
        }
        items
    }
}

/// Checks the needs, with errors under `field` (`person.communication_needs`) in the order a
/// page asks them: a well-formed language tag, codes from the lists, the text within its
/// limit.
pub fn check(
    needs: &CommunicationNeeds,
    field: &str,
    errors: &mut FieldErrors,
) -> CommunicationNeeds {
    let known = |list: &[(&str, &str)], code: &str| list.iter().any(|(c, _)| *c == code);
    let language = needs.language.trim();
    if !language.is_empty() && !is_language_tag(language) {
        errors.add(
            format!("{field}.language"),
            "Enter the language as a language tag, like pl for Polish or ur for Urdu",
        );
    }
    let interpreter = match needs.interpreter.as_deref() {
        None => None,
        Some(code) if known(&INTERPRETERS, code) => Some(code.to_owned()),
        Some(_) => {
            errors.add(
                format!("{field}.interpreter"),
                "Choose the kind of interpreter from the list",
            );
            None
        }
    };
    let mut formats = Vec::new();
    for format in &needs.formats {
        if !known(&FORMATS, format) {
            errors.add(format!("{field}.formats"), "Choose formats from the list");
            break;
        }
        if !formats.contains(format) {
            formats.push(format.clone());
        }
    }
    let support = errors
        .take(
            field,
            optional_paragraphs(&needs.support, SUPPORT_MAX, "Communication needs"),
        )
        .unwrap_or_default();
    CommunicationNeeds {
        formats,
        language: language.to_owned(),
        interpreter,
        support,
    }
}

/// A BCP 47 tag's shape: a primary language of 2 or 3 letters, then subtags of 1 to 8
/// letters or digits, joined by hyphens.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    tag.len() <= LANGUAGE_TAG_MAX
        && (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> CommunicationNeeds {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_sentence_an_object_or_nothing_become_one_shape() {
        assert_eq!(read("\"Large print please\"").support, "Large print please");
        assert_eq!(read("null"), CommunicationNeeds::default());
        let codes = read(
            r#"{ "formats": ["large_print"], "language": "pl", "interpreter": "spoken", "support": "Call after 10" }"#,
        );
        assert_eq!(codes.formats, ["large_print"]);
        assert_eq!(codes.language, "pl");
        assert_eq!(codes.interpreter.as_deref(), Some("spoken"));
        assert_eq!(
            read(r#"{ "interpreter": null }"#),
            CommunicationNeeds::default()
        );
        assert!(read("\"\"").is_empty());
    }

    #[test]
    fn codes_come_from_the_lists_and_tags_are_well_formed() {
        let mut errors = FieldErrors::default();
        let clean = check(
            &CommunicationNeeds {
                formats: vec!["braille".into(), "braille".into()],
                language: "pa-Guru".into(),
                interpreter: Some("bsl".into()),
                support: String::new(),
            },
            "person.communication_needs",
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(clean.formats, ["braille"], "once each");
        assert_eq!(
            clean.describe(),
            [
                "Braille",
                "A British Sign Language interpreter",
                "Language tag: pa-Guru"
            ]
        );

        let mut errors = FieldErrors::default();
        check(
            &CommunicationNeeds {
                formats: vec!["smoke_signals".into()],
                language: "Polish language".into(),
                interpreter: Some("psychic".into()),
                support: "x".repeat(SUPPORT_MAX + 1),
            },
            "person.communication_needs",
            &mut errors,
        );
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "person.communication_needs.language",
                "person.communication_needs.interpreter",
                "person.communication_needs.formats",
                "person.communication_needs",
            ]
        );
    }
}
