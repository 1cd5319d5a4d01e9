//! How the back office names a request's kind, channel and status: shared by the queue, a
//! record, the dashboard and subject access, so none of them imports another for its words.

/// How staff see the door a request came through: "Online", or the partner's API key name.
pub fn channel_label(channel: &str) -> String {
    match channel {
        "web" => "Online".to_owned(),
        "api" => "Partner system".to_owned(),
        partner => partner.to_owned(),
    }
}

/// The label staff see for a referral's kind.
pub fn kind_label(kind: &str) -> &'static str {
    match kind {
        "assessment" => "Assessment",
        "carer_assessment" => "Carer's assessment",
        "safeguarding_concern" => "Safeguarding concern",
        "carer_registration" => "Carer registration",
        _ => "Other",
    }
}

/// A queue line's status in staff's words (a carer's registration has its own).
pub fn status_label(kind: &str, code: &str) -> &'static str {
    match (kind, code) {
        ("carer_registration", "received") => "New",
        ("carer_registration", "registered") => "On the register",
        ("carer_registration", "closed") => "Withdrawn",
        (_, code) => crate::domain::referral_status::status(code)
            .map(|s| s.label)
            .unwrap_or("Unknown"),
    }
}
