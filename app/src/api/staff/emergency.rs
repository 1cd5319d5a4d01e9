//! The emergency duty team's door: any hour, a staff member types the reference on a carer's
//! emergency card and sees the plan (who is cared for, what they need, who to call, who holds
//! a key). Every lookup is audited, found or not. The plan is shown once (kept in the session
//! until the page is read, never in the URL).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::{keep_for_next, take_kept};
use super::StaffHeader;
use crate::domain::problems::FieldErrors;
use crate::errors::PortalError;

pub const EMERGENCY_PATH: &str = "/staff/emergency";
#[cfg(feature = "ssr")]
const RESULT: &str = "staff:emergency";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EmergencyForm {
    pub reference: String,
}

/// Someone the carer looks after, as the duty team needs them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaredForLine {
    pub name: String,
    pub relationship: String,
    pub address: String,
    pub needs: String,
}

/// The plan, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanView {
    pub reference: String,
    pub carer_name: String,
    pub carer_phone: String,
    pub carer_address: String,
    pub cared_for: Vec<CaredForLine>,
    /// None: the carer made no emergency plan.
    pub needs: Option<String>,
    /// (name, relationship, phone).
    pub contacts: Vec<(String, String, String)>,
    /// (name, phone).
    pub keyholders: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmergencyView {
    pub header: StaffHeader,
    pub form: EmergencyForm,
    pub errors: FieldErrors,
    pub plan: Option<PlanView>,
}

#[cfg(feature = "ssr")]
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Kept {
    form: EmergencyForm,
    errors: FieldErrors,
    plan: Option<PlanView>,
}

#[server(endpoint = "staff/emergency/load")]
pub async fn load_emergency() -> Result<EmergencyView, PortalError> {
    use super::session::require_staff;
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::EmergencyLookup)).await?;
    let kept: Kept = take_kept(RESULT).await?.unwrap_or_default();
    Ok(EmergencyView {
        header: StaffHeader::of(&user),
        form: kept.form,
        errors: kept.errors,
        plan: kept.plan,
    })
}

/// A registration as the duty team (and the carer's record) shows it.
#[cfg(feature = "ssr")]
pub(crate) fn plan_view(carer: &crate::store::StoredCarer) -> PlanView {
    use crate::domain::carer::CarerRegistration;
    let registration: CarerRegistration = serde_json::from_str(&carer.details).unwrap_or_default();
    let lines = |parts: [&str; 4]| {
        parts
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let c = &registration.carer;
    let carer_address = lines([&c.address_line_1, &c.address_line_2, &c.town, &c.postcode]);
    let plan = registration.emergency_plan.clone();
    PlanView {
        reference: carer.reference.clone(),
        carer_name: format!("{} {}", carer.given_name, carer.family_name),
        carer_phone: c.phone.clone(),
        cared_for: registration
            .cared_for
            .iter()
            .map(|p| CaredForLine {
                name: format!("{} {}", p.given_name, p.family_name),
                relationship: p.relationship.clone(),
                address: if p.same_address {
                    format!("Lives with the carer: {carer_address}")
                } else {
                    lines([&p.address_line_1, &p.address_line_2, &p.town, &p.postcode])
                },
                needs: p.main_needs.clone(),
            })
            .collect(),
        carer_address,
        needs: plan.as_ref().map(|p| p.needs.clone()),
        contacts: plan
            .as_ref()
            .map(|p| {
                p.contacts
                    .iter()
                    .map(|c| (c.name.clone(), c.relationship.clone(), c.phone.clone()))
                    .collect()
            })
            .unwrap_or_default(),
        keyholders: plan
            .map(|p| {
                p.keyholders
                    .into_iter()
                    .map(|k| (k.name, k.phone))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Looks up a plan by the card's reference.
#[server(endpoint = "staff/emergency")]
pub async fn look_up_plan(#[server(default)] form: EmergencyForm) -> Result<(), PortalError> {
    use super::session::require_staff;
    use crate::api::context::{service_problem, store};
    use crate::domain::reference::{Reference, ReferenceKind};
    use crate::domain::staff::Permission;

    let user = require_staff(Some(Permission::EmergencyLookup)).await?;
    let store = store()?;
    let mut errors = FieldErrors::default();
    let mut plan = None;
    let typed: String = form.reference.chars().take(40).collect();
    match Reference::parse(ReferenceKind::Carer, &typed) {
        None => errors.add(
            "reference",
            "Enter the reference from the carer's emergency card, like CAR-7K3M-9QX2-HD4P",
        ),
        Some(reference) => {
            let reference = reference.to_string();
            let carer = store
                .load_carer(&reference)
                .await
                .map_err(service_problem)?
                .filter(|c| c.status == "registered");
            let outcome = if carer.is_some() {
                "found"
            } else {
                "not_found"
            };
            store
                .record_audit(&user.audit("emergency_lookup", &reference, outcome))
                .await
                .map_err(service_problem)?;
            match carer {
                Some(carer) => plan = Some(plan_view(&carer)),
                None => errors.add(
                    "reference",
                    "There is no carer on the register with that reference. Check the card, or call the carer's emergency contacts",
                ),
            }
        }
    }
    let kept = Kept {
        form: EmergencyForm { reference: typed },
        errors,
        plan,
    };
    keep_for_next(RESULT, &kept).await?;
    leptos_axum::redirect(EMERGENCY_PATH);
    Ok(())
}
