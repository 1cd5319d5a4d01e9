//! Adult Social Care Client Level Data (CLD, NHS England's quarterly return since 2024-25):
//! the categories the portal records at the front door (route of access, requester type,
//! event outcome), with CLD's own words, and how a request's route and requester are worked
//! out from its answers. Source: the CLD specification v5 as summarised in
//! ../shared/reference/cld.md.

use super::request::ReferralRequest;

/// How a request came: (key, CLD value).
pub const ROUTES_OF_ACCESS: [(&str, &str); 6] = [
    ("planned_entry_transition", "Planned Entry (Transition)"),
    ("discharge_from_hospital", "Discharge from Hospital"),
    (
        "diversion_from_hospital",
        "Diversion from Hospital Services",
    ),
    (
        "self_funder_depleted_funds",
        "Self-Funder with Depleted Funds",
    ),
    ("community_other", "Community / Other route"),
    ("prison", "Prison"),
];

/// What a request led to: (key, CLD value).
pub const EVENT_OUTCOMES: [(&str, &str); 16] = [
    ("progress_to_reablement", "Progress to Reablement/ST-Max"),
    ("progress_to_assessment", "Progress to Assessment"),
    ("admitted_to_hospital", "Admitted to hospital"),
    (
        "progress_to_reassessment",
        "Progress to Re-assessment / Unplanned Review",
    ),
    (
        "progress_to_support_planning",
        "Progress to Support Planning / Services",
    ),
    (
        "progress_to_end_of_life_care",
        "Progress to End of Life Care",
    ),
    (
        "progress_to_financial_assessment",
        "Progress to financial assessment",
    ),
    ("provision_of_service", "Provision of service"),
    ("nfa_moved_to_another_la", "NFA - Moved to another LA"),
    ("nfa_nhs_funded_care", "NFA - 100% NHS funded care"),
    (
        "nfa_self_funded",
        "NFA - Self-funded client (inc 12wk disregard)",
    ),
    ("nfa_support_declined", "NFA - Support declined"),
    (
        "nfa_information_advice_signposting",
        "NFA - Information & Advice / Signposting only",
    ),
    ("nfa_deceased", "NFA - Deceased"),
    (
        "nfa_no_services_other",
        "NFA - No services offered: Other reason",
    ),
    ("nfa_other", "NFA - Other"),
];

/// Who made contact: (key, CLD value).
pub const REQUESTER_TYPES: [(&str, &str); 11] = [
    ("self", "Self"),
    ("family_friend_neighbour", "Family/Friend/Neighbour"),
    ("advocate", "Advocate"),
    ("anonymous", "Anonymous"),
    ("primary_community_health", "Primary Community Health"),
    ("secondary_health", "Secondary Health"),
    ("adult_social_care_provider", "Adult Social Care Provider"),
    ("housing", "LA Housing Department/Association"),
    ("legal_agency", "Legal Agency"),
    ("portal", "Portal"),
    ("other", "Other"),
];

/// CLD's words for a key of one of the lists above (the key itself if unknown).
pub fn label<'a>(list: &[(&'a str, &'a str)], key: &'a str) -> &'a str {
    list.iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, label)| label)
}

/// Whether `key` is one of the list's keys.
pub fn is_one_of(list: &[(&str, &str)], key: &str) -> bool {
    list.iter().any(|(k, _)| *k == key)
}

/// Whether an event outcome means no further action (an NFA outcome): a request closed with
/// one without an assessment was resolved at first contact.
pub fn is_no_further_action(event_outcome: &str) -> bool {
    event_outcome.starts_with("nfa_") && is_one_of(&EVENT_OUTCOMES, event_outcome)
}

/// The route of access a request's answers give (API.md): a hospital discharge, a young
/// person moving from children's services, otherwise community. Staff may correct it.
pub fn route_of_access(request: &ReferralRequest) -> &'static str {
    if request.discharge.is_some() {
        "discharge_from_hospital"
    } else if request.transition.is_some() {
        "planned_entry_transition"
    } else {
        "community_other"
    }
}

/// Who made contact, from who the request is for and, for a professional, their setting.
pub fn requester_type(request: &ReferralRequest) -> &'static str {
    let setting = request.referrer.as_ref().map_or("", |r| r.setting.as_str());
    match request.for_whom.as_str() {
        "self" => "self",
        "someone_else" => "family_friend_neighbour",
        "professional" => match setting {
            "hospital" => "secondary_health",
            "gp" | "community_health" | "mental_health" => "primary_community_health",
            "care_provider" => "adult_social_care_provider",
            "housing" => "housing",
            "police" => "legal_agency",
            _ => "other",
        },
        _ if request.referrer.is_none() => "anonymous",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{Discharge, Referrer, Transition};

    fn professional(setting: &str) -> ReferralRequest {
        ReferralRequest {
            for_whom: "professional".into(),
            referrer: Some(Referrer {
                setting: setting.into(),
                ..Referrer::default()
            }),
            ..ReferralRequest::default()
        }
    }

    #[test]
    fn a_discharge_block_is_the_hospital_route_whoever_refers() {
        let mut request = professional("gp");
        assert_eq!(route_of_access(&request), "community_other");
        request.discharge = Some(Discharge::default());
        assert_eq!(route_of_access(&request), "discharge_from_hospital");
        let mut request = professional("childrens_services");
        request.transition = Some(Transition::default());
        assert_eq!(route_of_access(&request), "planned_entry_transition");
    }

    #[test]
    fn the_requester_follows_the_setting() {
        assert_eq!(
            requester_type(&professional("hospital")),
            "secondary_health"
        );
        assert_eq!(
            requester_type(&professional("gp")),
            "primary_community_health"
        );
        assert_eq!(requester_type(&professional("police")), "legal_agency");
        assert_eq!(requester_type(&professional("voluntary")), "other");
        let mut resident = professional("");
        resident.for_whom = "self".into();
        assert_eq!(requester_type(&resident), "self");
        for (key, _) in [("self", ""), ("secondary_health", "")] {
            assert!(is_one_of(&REQUESTER_TYPES, key));
        }
    }

    #[test]
    fn only_the_nfa_outcomes_resolve_at_first_contact() {
        assert!(is_no_further_action("nfa_information_advice_signposting"));
        assert!(is_no_further_action("nfa_other"));
        assert!(!is_no_further_action("progress_to_assessment"));
        assert!(!is_no_further_action("nfa_made_up"));
        assert_eq!(label(&EVENT_OUTCOMES, "nfa_deceased"), "NFA - Deceased");
    }
}
