//! References residents quote on the phone: a prefix and 12 Crockford base32 characters
//! (60 random bits) in three groups of four, `ASC-7K3M-9QX2-HD4P`. Never sequential and never
//! derived from personal data: the caller supplies the random bytes (from a CSPRNG), so this
//! module stays pure. Reading one back is forgiving: any case, spaces or missing dashes, and the
//! letters people confuse with digits (O for 0, I and L for 1).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Crockford's base32 alphabet: no I, L, O or U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LENGTH: usize = 12;

/// What a reference is for; its prefix is the first thing a person reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReferenceKind {
    /// Referrals of every type: assessments, carer's assessments, safeguarding concerns.
    Referral,
    /// Carers' register entries.
    Carer,
    /// Codes for coming back to saved answers (never a record's reference).
    SavedAnswers,
}

impl ReferenceKind {
    pub const fn prefix(self) -> &'static str {
        match self {
            ReferenceKind::Referral => "ASC",
            ReferenceKind::Carer => "CAR",
            ReferenceKind::SavedAnswers => "RTN",
        }
    }
}

/// A well-formed reference. Equality is on the canonical form.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Reference {
    kind: ReferenceKind,
    code: [u8; CODE_LENGTH],
}

impl Reference {
    /// A new reference from 8 random bytes (the low 60 bits are used).
    pub fn from_random(kind: ReferenceKind, random: [u8; 8]) -> Self {
        let mut bits = u64::from_be_bytes(random) & ((1u64 << 60) - 1);
        let mut code = [0u8; CODE_LENGTH];
        for slot in code.iter_mut().rev() {
            *slot = ALPHABET[(bits & 31) as usize];
            bits >>= 5;
        }
        Self { kind, code }
    }

    /// Reads what a person typed: `asc 7k3m 9qx2 hd4p`, `7K3M9QX2HD4P` (the prefix is
    /// optional when the kind is known), `ASC-7K3M-9QX2-HD4O`. `None` if it cannot be one.
    pub fn parse(kind: ReferenceKind, input: &str) -> Option<Self> {
        let cleaned: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let body = cleaned.strip_prefix(kind.prefix()).unwrap_or(&cleaned);
        if body.len() != CODE_LENGTH {
            return None;
        }
        let mut code = [0u8; CODE_LENGTH];
        for (slot, c) in code.iter_mut().zip(body.bytes()) {
            *slot = match c {
                b'O' => b'0',
                b'I' | b'L' => b'1',
                c if ALPHABET.contains(&c) => c,
                _ => return None,
            };
        }
        Some(Self { kind, code })
    }

    pub fn kind(&self) -> ReferenceKind {
        self.kind
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = std::str::from_utf8(&self.code).map_err(|_| fmt::Error)?;
        write!(
            f,
            "{}-{}-{}-{}",
            self.kind.prefix(),
            &code[0..4],
            &code[4..8],
            &code[8..12]
        )
    }
}

impl From<Reference> for String {
    fn from(reference: Reference) -> Self {
        reference.to_string()
    }
}

impl TryFrom<String> for Reference {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        [
            ReferenceKind::Referral,
            ReferenceKind::Carer,
            ReferenceKind::SavedAnswers,
        ]
        .into_iter()
        .find(|kind| value.trim().to_ascii_uppercase().starts_with(kind.prefix()))
        .and_then(|kind| Reference::parse(kind, &value))
        .ok_or_else(|| "not a reference".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_three_groups_after_the_prefix() {
        let reference = Reference::from_random(ReferenceKind::Referral, [0xff; 8]);
        assert_eq!(reference.to_string(), "ASC-ZZZZ-ZZZZ-ZZZZ");
        let zero = Reference::from_random(ReferenceKind::Carer, [0; 8]);
        assert_eq!(zero.to_string(), "CAR-0000-0000-0000");
    }

    #[test]
    fn uses_sixty_bits_of_the_random_input() {
        let a = Reference::from_random(ReferenceKind::Referral, [0, 0, 0, 0, 0, 0, 0, 1]);
        let b = Reference::from_random(ReferenceKind::Referral, [0x10, 0, 0, 0, 0, 0, 0, 1]);
        // The top four bits are discarded; the lowest bit is the last character.
        assert_eq!(a, b);
        assert_eq!(a.to_string(), "ASC-0000-0000-0001");
        let top = Reference::from_random(ReferenceKind::Referral, [0x08, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(top.to_string(), "ASC-G000-0000-0000");
    }

    #[test]
    fn reads_what_people_type() {
        let expected = Reference::parse(ReferenceKind::Referral, "ASC-7K3M-9QX2-HD4P").unwrap();
        for typed in [
            "asc-7k3m-9qx2-hd4p",
            "ASC 7K3M 9QX2 HD4P",
            "ASC7K3M9QX2HD4P",
            "7K3M-9QX2-HD4P",
            " 7k3m9qx2hd4p ",
        ] {
            assert_eq!(
                Reference::parse(ReferenceKind::Referral, typed).as_ref(),
                Some(&expected),
                "{typed}"
            );
        }
        let with_confusables = Reference::parse(ReferenceKind::Referral, "ASC-OOIL-0011-ABCD");
        assert_eq!(
            with_confusables.map(|r| r.to_string()).as_deref(),
            Some("ASC-0011-0011-ABCD")
        );
    }

    #[test]
    fn rejects_what_cannot_be_a_reference() {
        for typed in [
            "",
            "ASC-7K3M-9QX2-HD4",
            "ASC-7K3M-9QX2-HD4PP",
            "ASC-7K3M-9QX2-HD4U",
            "ASC-7K3M-9QX2-HD4!",
            "CAR-7K3M-9QX2-HD4P",
        ] {
            assert_eq!(
                Reference::parse(ReferenceKind::Referral, typed),
                None,
                "{typed}"
            );
        }
    }

    #[test]
    fn serialises_as_its_canonical_text() {
        let reference = Reference::parse(ReferenceKind::Carer, "car 1234 5678 9abc").unwrap();
        let json = serde_json::to_string(&reference).unwrap();
        assert_eq!(json, "\"CAR-1234-5678-9ABC\"");
        let back: Reference = serde_json::from_str(&json).unwrap();
        assert_eq!(back, reference);
    }
}
