//! The reference parser against anything a person might type: it never panics, and whatever
//! it accepts, written out and read again, is the same reference.
#![no_main]
use domain::reference::{Reference, ReferenceKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|typed: &str| {
    for kind in [
        ReferenceKind::Referral,
        ReferenceKind::Carer,
        ReferenceKind::SavedAnswers,
    ] {
        if let Some(reference) = Reference::parse(kind, typed) {
            let written = reference.to_string();
            assert_eq!(Reference::parse(kind, &written), Some(reference), "{written}");
        }
    }
});
