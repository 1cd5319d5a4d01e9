//! The council's charging choices (Care and support statutory guidance, Annex C, and SI
//! 2014/2672's discretions), as configuration: the defaults are the statutory baseline, the
//! deployment sets its own in a file, and an API caller may try others.

use serde::{Deserialize, Deserializer, Serialize};

use super::money::Pence;
use crate::problems::FieldErrors;

/// What this council decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChargingPolicy {
    /// Where these choices are published (cited on every line they shape).
    pub source: String,
    /// The share of disposable income charged, 0 to 100.
    pub percentage_charged: u8,
    /// Added to the Minimum Income Guarantee each week.
    pub mig_uplift_pence: Pence,
    /// A flat disability-related expenditure allowance; `None`: itemised (what the person
    /// says they spend).
    pub flat_dre_pence: Option<Pence>,
    /// A charge below this is not collected.
    pub minimum_charge_pence: Pence,
    /// No one pays more than this a week for care at home.
    pub maximum_charge_pence: Option<Pence>,
    /// Count only the day rate of Attendance Allowance, DLA care and PIP daily living when
    /// no night care is given.
    pub ignore_night_rate_without_night_care: bool,
    /// A higher upper capital limit for care at home than the statutory one.
    pub home_care_upper_capital_limit_pence: Option<Pence>,
    /// A weekly fee for arranging care for someone who pays the full cost.
    pub arrangement_fee_pence: Option<Pence>,
}

impl Default for ChargingPolicy {
    /// The statutory baseline: 100%, no uplift, itemised DRE, no minimum or maximum, every
    /// disability benefit counted in full, the statutory capital limits, no fee.
    fn default() -> Self {
        Self {
            source: "Statutory baseline (SI 2014/2672; no local choices)".to_owned(),
            percentage_charged: 100,
            mig_uplift_pence: Pence::ZERO,
            flat_dre_pence: None,
            minimum_charge_pence: Pence::ZERO,
            maximum_charge_pence: None,
            ignore_night_rate_without_night_care: false,
            home_care_upper_capital_limit_pence: None,
            arrangement_fee_pence: None,
        }
    }
}

/// The largest weekly amount anything may be (£100,000).
pub const MAX_WEEKLY: Pence = Pence::pounds(100_000);
/// The largest capital or property value (£100 million).
pub const MAX_CAPITAL: Pence = Pence::pounds(100_000_000);

/// An amount between 0 and `max`, or the problem in a form's words.
pub fn check_amount(amount: Pence, max: Pence, field: &str, errors: &mut FieldErrors) {
    if amount.is_negative() {
        errors.add(field, "Enter an amount of £0 or more");
    } else if amount > max {
        errors.add(field, format!("Enter an amount of {max} or less"));
    }
}

impl ChargingPolicy {
    /// Refuses impossible choices (a file or a caller's).
    pub fn problems(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if self.percentage_charged > 100 {
            errors.add("percentage_charged", "Enter a percentage from 0 to 100");
        }
        check_amount(
            self.mig_uplift_pence,
            MAX_WEEKLY,
            "mig_uplift_pence",
            &mut errors,
        );
        check_amount(
            self.minimum_charge_pence,
            MAX_WEEKLY,
            "minimum_charge_pence",
            &mut errors,
        );
        for (field, amount) in [
            ("flat_dre_pence", self.flat_dre_pence),
            ("maximum_charge_pence", self.maximum_charge_pence),
            ("arrangement_fee_pence", self.arrangement_fee_pence),
        ] {
            if let Some(amount) = amount {
                check_amount(amount, MAX_WEEKLY, field, &mut errors);
            }
        }
        if let Some(limit) = self.home_care_upper_capital_limit_pence {
            check_amount(
                limit,
                MAX_CAPITAL,
                "home_care_upper_capital_limit_pence",
                &mut errors,
            );
        }
        if self
            .maximum_charge_pence
            .is_some_and(|max| max < self.minimum_charge_pence)
        {
            errors.add(
                "maximum_charge_pence",
                "The maximum charge must not be less than the minimum",
            );
        }
        errors
    }
}

/// A caller's changes to the configured policy: an omitted field keeps the configured
/// value; `null` means "none" for the fields that can be none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default, deny_unknown_fields)]
pub struct PolicyChoices {
    #[serde(deserialize_with = "given")]
    pub percentage_charged: Option<Option<u8>>,
    #[serde(deserialize_with = "given")]
    pub mig_uplift_pence: Option<Option<Pence>>,
    #[serde(deserialize_with = "given")]
    pub flat_dre_pence: Option<Option<Pence>>,
    #[serde(deserialize_with = "given")]
    pub minimum_charge_pence: Option<Option<Pence>>,
    #[serde(deserialize_with = "given")]
    pub maximum_charge_pence: Option<Option<Pence>>,
    #[serde(deserialize_with = "given")]
    pub ignore_night_rate_without_night_care: Option<Option<bool>>,
    #[serde(deserialize_with = "given")]
    pub home_care_upper_capital_limit_pence: Option<Option<Pence>>,
    #[serde(deserialize_with = "given")]
    pub arrangement_fee_pence: Option<Option<Pence>>,
}

/// A field that is present: `Some(None)` for `null`, `Some(Some(v))` for a value.
fn given<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

impl PolicyChoices {
    /// The configured policy with these changes, or the fields that cannot be `null`.
    pub fn applied_to(&self, configured: &ChargingPolicy) -> Result<ChargingPolicy, FieldErrors> {
        let mut policy = configured.clone();
        let mut errors = FieldErrors::default();
        let mut required =
            |field: &str, choice: Option<Option<Pence>>, target: &mut Pence| match choice {
                Some(Some(value)) => *target = value,
                Some(None) => errors.add(field, "Enter an amount, or leave this out"),
                None => {}
            };
        required(
            "mig_uplift_pence",
            self.mig_uplift_pence,
            &mut policy.mig_uplift_pence,
        );
        required(
            "minimum_charge_pence",
            self.minimum_charge_pence,
            &mut policy.minimum_charge_pence,
        );
        match self.percentage_charged {
            Some(Some(percent)) => policy.percentage_charged = percent,
            Some(None) => errors.add(
                "percentage_charged",
                "Enter a percentage from 0 to 100, or leave this out",
            ),
            None => {}
        }
        match self.ignore_night_rate_without_night_care {
            Some(Some(ignore)) => policy.ignore_night_rate_without_night_care = ignore,
            Some(None) => errors.add(
                "ignore_night_rate_without_night_care",
                "Give true or false, or leave this out",
            ),
            None => {}
        }
        for (choice, target) in [
            (self.flat_dre_pence, &mut policy.flat_dre_pence),
            (self.maximum_charge_pence, &mut policy.maximum_charge_pence),
            (
                self.home_care_upper_capital_limit_pence,
                &mut policy.home_care_upper_capital_limit_pence,
            ),
            (
                self.arrangement_fee_pence,
                &mut policy.arrangement_fee_pence,
            ),
        ] {
            if let Some(value) = choice {
                *target = value;
            }
        }
        if *self != PolicyChoices::default() {
            policy.source = format!("{} (with choices given in the request)", configured.source);
        }
        errors.0.extend(policy.problems().0);
        if errors.is_empty() {
            Ok(policy)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn omitted_keeps_null_clears_and_a_value_replaces() {
        let configured = ChargingPolicy {
            flat_dre_pence: Some(Pence(1085)),
            maximum_charge_pence: Some(Pence(30000)),
            ..ChargingPolicy::default()
        };
        let choices: PolicyChoices =
            serde_json::from_str(r#"{"flat_dre_pence": null, "percentage_charged": 90}"#).unwrap();
        let policy = choices.applied_to(&configured).unwrap();
        assert_eq!(policy.flat_dre_pence, None);
        assert_eq!(policy.maximum_charge_pence, Some(Pence(30000)));
        assert_eq!(policy.percentage_charged, 90);
        let unchanged = PolicyChoices::default().applied_to(&configured).unwrap();
        assert_eq!(unchanged, configured);
    }

    #[test]
    fn impossible_choices_are_refused_by_field() {
        let choices: PolicyChoices = serde_json::from_str(
            r#"{"percentage_charged": 101, "minimum_charge_pence": null, "maximum_charge_pence": -1}"#,
        )
        .unwrap();
        let errors = choices.applied_to(&ChargingPolicy::default()).unwrap_err();
        let fields: Vec<_> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "minimum_charge_pence",
                "percentage_charged",
                "maximum_charge_pence"
            ]
        );
    }
}
