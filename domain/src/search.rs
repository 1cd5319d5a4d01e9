//! Search words, said once for both databases: one tokenizer and one table of synonyms and
//! common misspellings turn a page's text and a person's query into the same canonical words.
//! SQLite (FTS5) and PostgreSQL (tsvector) then only match exact words, so both find the
//! same things; ranking and the highlighted snippet are worked out here too, so both show
//! them in the same order.

/// Phrases and words people type, and the word they mean. Matched on whole words after
/// lowercasing; phrases are replaced before single words.
pub const SYNONYMS: &[(&str, &str)] = &[
    ("short breaks", "respite"),
    ("short break", "respite"),
    ("sitting service", "respite"),
    ("carers", "carer"),
    ("carer's", "carer"),
    ("carers'", "carer"),
    ("caring", "carer"),
    ("demensia", "dementia"),
    ("dimentia", "dementia"),
    ("dementa", "dementia"),
    ("demenshia", "dementia"),
    ("alzheimers", "alzheimer"),
    ("alzheimer's", "alzheimer"),
    ("alzeimers", "alzheimer"),
    ("handyman", "handyperson"),
    ("befriender", "befriending"),
    ("befrienders", "befriending"),
    ("lonely", "loneliness"),
    ("isolated", "loneliness"),
    ("neighbor", "neighbour"),
    ("neighbors", "neighbour"),
    ("wheel chair", "wheelchair"),
    ("tele care", "telecare"),
    ("care home", "carehome"),
    ("care homes", "carehome"),
    ("nursing home", "carehome"),
    ("nursing homes", "carehome"),
    ("residential home", "carehome"),
    ("safe guarding", "safeguarding"),
    ("reablment", "reablement"),
    ("re-ablement", "reablement"),
    ("respit", "respite"),
    ("benifits", "benefit"),
    ("benifit", "benefit"),
    ("accomodation", "accommodation"),
];

/// Words too common to search for.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "from", "get", "how", "i",
    "if", "in", "is", "it", "me", "my", "of", "on", "or", "so", "the", "to", "we", "what", "when",
    "where", "who", "with", "you", "your",
];

/// How many words of a query are used.
pub const QUERY_WORDS_MAX: usize = 8;

/// The canonical words of a text, in order (repeats kept).
pub fn words(text: &str) -> Vec<String> {
    let folded: String = text.to_lowercase().chars().map(fold_accent).collect();
    let mut lowered = format!(" {} ", folded.replace(['\u{2019}', '\u{2018}'], "'"));
    for (phrase, canonical) in SYNONYMS
        .iter()
        .filter(|(p, _)| p.contains(' ') || p.contains('-'))
    {
        lowered = replace_whole(&lowered, phrase, canonical);
    }
    lowered
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .filter_map(canonical)
        .collect()
}

/// "café" and "cafe" are one word to a searcher.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        c => c,
    }
}

/// One word's canonical form, or `None` for a stop word.
fn canonical(word: &str) -> Option<String> {
    if let Some((_, canonical)) = SYNONYMS.iter().find(|(variant, _)| *variant == word) {
        return Some((*canonical).to_owned());
    }
    let word = word.trim_end_matches("'s").replace('\'', "");
    if word.is_empty() || STOP_WORDS.contains(&word.as_str()) {
        return None;
    }
    if let Some((_, canonical)) = SYNONYMS.iter().find(|(variant, _)| *variant == word) {
        return Some((*canonical).to_owned());
    }
    Some(singular(&word))
}

/// A simple English singular, applied alike to texts and queries ("services" → "service",
/// "disabilities" → "disability").
fn singular(word: &str) -> String {
    let n = word.chars().count();
    if n > 4 && word.ends_with("ies") {
        format!("{}y", &word[..word.len() - 3])
    } else if n > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        word[..word.len() - 1].to_owned()
    } else {
        word.to_owned()
    }
}

/// Replaces `phrase` where it stands as whole words in ` padded ` text.
fn replace_whole(padded: &str, phrase: &str, with: &str) -> String {
    let mut out = String::new();
    let mut rest = padded;
    while let Some(at) = rest.find(phrase) {
        let before = rest[..at].chars().last();
        let after = rest[at + phrase.len()..].chars().next();
        let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if bounded(before) && bounded(after) {
            out.push_str(&rest[..at]);
            out.push_str(with);
        } else {
            out.push_str(&rest[..at + phrase.len()]);
        }
        rest = &rest[at + phrase.len()..];
    }
    out.push_str(rest);
    out
}

/// The distinct canonical words of a query, at most `QUERY_WORDS_MAX`.
pub fn query_words(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in words(query) {
        if !out.contains(&word) && out.len() < QUERY_WORDS_MAX {
            out.push(word);
        }
    }
    out
}

/// What the index keeps for matching: the canonical words, space-separated.
pub fn index_terms(parts: &[&str]) -> String {
    parts
        .iter()
        .flat_map(|p| words(p))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How well a document matches: words in the title count most, then the summary, then the body.
pub fn score(query: &[String], title: &str, summary: &str, body: &str) -> u32 {
    let count = |text: &str| -> u32 {
        let found = words(text);
        query
            .iter()
            .map(|q| found.iter().filter(|w| *w == q).count().min(5) as u32)
            .sum()
    };
    count(title) * 10 + count(summary) * 3 + count(body)
}

/// A piece of a snippet: its text and whether it is a matching word.
pub type SnippetPart = (String, bool);

/// The sentence of `body` with the most query words, as parts, with the matching words
/// marked. Empty if no sentence matches.
pub fn snippet(query: &[String], body: &str) -> Vec<SnippetPart> {
    const MAX_CHARS: usize = 240;
    let matches = |word: &str| words(word).iter().any(|w| query.contains(w));
    let best = body
        .split_inclusive(['.', '!', '?'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .max_by_key(|sentence| {
            let hits = sentence.split_whitespace().filter(|w| matches(w)).count();
            (hits, std::cmp::Reverse(sentence.len()))
        });
    let Some(sentence) = best.filter(|s| s.split_whitespace().any(&matches)) else {
        return Vec::new();
    };
    let mut parts: Vec<SnippetPart> = Vec::new();
    let mut length = 0;
    for (i, word) in sentence.split_whitespace().enumerate() {
        if length > MAX_CHARS {
            parts.push(("…".to_owned(), false));
            break;
        }
        if i > 0 {
            push(&mut parts, " ", false);
        }
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        let start = word.find(core).unwrap_or(0);
        let (lead, rest) = word.split_at(start);
        let (core, trail) = rest.split_at(core.len());
        push(&mut parts, lead, false);
        push(&mut parts, core, !core.is_empty() && matches(core));
        push(&mut parts, trail, false);
        length += word.len() + 1;
    }
    parts
}

fn push(parts: &mut Vec<SnippetPart>, text: &str, marked: bool) {
    if text.is_empty() {
        return;
    }
    match parts.last_mut() {
        Some((last, was_marked)) if *was_marked == marked && !marked => last.push_str(text),
        _ => parts.push((text.to_owned(), marked)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Vec<String> {
        query_words(text)
    }

    #[test]
    fn variants_and_misspellings_meet_in_one_word() {
        assert_eq!(q("carers"), q("caring"));
        assert_eq!(q("carer's centre"), q("carers centres"));
        assert_eq!(q("demensia"), q("dementia"));
        assert_eq!(q("short breaks"), q("respite"));
        assert_eq!(q("a short break for me"), ["respite"]);
        assert_eq!(q("learning disabilities"), ["learning", "disability"]);
        assert_eq!(q("Nursing Homes"), q("care home"));
        assert_eq!(q("dementia café"), q("Dementia cafe"));
    }

    #[test]
    fn stop_words_and_punctuation_go() {
        assert_eq!(
            q("What is the Disabled Facilities Grant?"),
            ["disabled", "facility", "grant"]
        );
        assert_eq!(q("   "), Vec::<String>::new());
        assert_eq!(q("\"; DROP TABLE x; --"), ["drop", "table", "x"]);
    }

    #[test]
    fn phrases_only_match_whole_words() {
        assert_eq!(words("a shortbreak"), ["shortbreak"]);
        assert_eq!(words("short breaks help"), ["respite", "help"]);
    }

    #[test]
    fn titles_outrank_bodies() {
        let query = q("dementia");
        assert!(
            score(&query, "Dementia café", "", "")
                > score(&query, "Lunch club", "", "dementia dementia")
        );
    }

    #[test]
    fn snippets_mark_the_matching_words() {
        let parts = snippet(
            &q("carers respite"),
            "We help everyone. Carers can have short breaks (respite), every week.",
        );
        let marked: Vec<_> = parts
            .iter()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(marked, ["Carers", "respite"]);
        let text: String = parts.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(text, "Carers can have short breaks (respite), every week.");
        assert!(snippet(&q("zebra"), "Nothing here.").is_empty());
    }
}
