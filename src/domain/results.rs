//! Referendum results: figures as published, and validity rules evaluated
//! from them. A figure that nobody published is `None` and is never guessed;
//! a rule that depends on one is "unknown", not "met".

use std::str::FromStr;

/// A bound ("more than N %") published where the exact share was not; shown
/// with the share it bounds, not as a figure of its own.
pub const YES_SHARE_BOUND: &str = "yes_pct_above";

/// The figures a set can hold for the nation or for one unit.
pub const FIELDS: [&str; 12] = [
    "eligible",
    "cast",
    "turnout_pct",
    "yes",
    "yes_pct",
    "yes_pct_above",
    "no",
    "no_pct",
    "invalid",
    "invalid_pct",
    "both_marked",
    "both_marked_pct",
];

pub fn is_field(name: &str) -> bool {
    FIELDS.contains(&name)
}

/// Percentages are kept in hundredths of a percent: 68.05 % is 6805.
pub fn is_percentage(field: &str) -> bool {
    field.ends_with("_pct") || field.ends_with("_pct_above")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Preliminary,
    Final,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Preliminary => "preliminary",
            Stage::Final => "final",
        }
    }
}

impl FromStr for Stage {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "preliminary" => Ok(Stage::Preliminary),
            "final" => Ok(Stage::Final),
            _ => Err(()),
        }
    }
}

/// The figures of one scope (the nation or a unit), in hundredths for
/// percentages and plain counts otherwise.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    pub eligible: Option<i64>,
    pub cast: Option<i64>,
    pub turnout_pct: Option<i64>,
    pub yes: Option<i64>,
    pub yes_pct: Option<i64>,
    pub yes_pct_above: Option<i64>,
    pub no: Option<i64>,
    pub no_pct: Option<i64>,
    pub invalid: Option<i64>,
    pub invalid_pct: Option<i64>,
    pub both_marked: Option<i64>,
    pub both_marked_pct: Option<i64>,
}

impl Figures {
    pub fn set(&mut self, field: &str, value: i64) {
        let slot = match field {
            "eligible" => &mut self.eligible,
            "cast" => &mut self.cast,
            "turnout_pct" => &mut self.turnout_pct,
            "yes" => &mut self.yes,
            "yes_pct" => &mut self.yes_pct,
            "yes_pct_above" => &mut self.yes_pct_above,
            "no" => &mut self.no,
            "no_pct" => &mut self.no_pct,
            "invalid" => &mut self.invalid,
            "invalid_pct" => &mut self.invalid_pct,
            "both_marked" => &mut self.both_marked,
            "both_marked_pct" => &mut self.both_marked_pct,
            _ => return,
        };
        *slot = Some(value);
    }

    pub fn get(&self, field: &str) -> Option<i64> {
        match field {
            "eligible" => self.eligible,
            "cast" => self.cast,
            "turnout_pct" => self.turnout_pct,
            "yes" => self.yes,
            "yes_pct" => self.yes_pct,
            "yes_pct_above" => self.yes_pct_above,
            "no" => self.no,
            "no_pct" => self.no_pct,
            "invalid" => self.invalid,
            "invalid_pct" => self.invalid_pct,
            "both_marked" => self.both_marked,
            "both_marked_pct" => self.both_marked_pct,
            _ => None,
        }
    }

    /// Turnout in hundredths: as published, or from the two counts when
    /// both are published (arithmetic, not an estimate).
    pub fn turnout(&self) -> Option<i64> {
        self.turnout_pct.or_else(|| match (self.cast, self.eligible) {
            (Some(cast), Some(eligible)) if eligible > 0 => Some((cast * 10_000 + eligible / 2) / eligible),
            _ => None,
        })
    }

    /// Whether more than `threshold` (hundredths) voted yes, if the
    /// published figures tell: an exact share, or a lower bound above it.
    pub fn yes_above(&self, threshold: i64) -> Option<bool> {
        match (self.yes_pct, self.yes_pct_above) {
            (Some(pct), _) => Some(pct > threshold),
            (None, Some(bound)) if bound >= threshold => Some(true),
            _ => None,
        }
    }
}

/// The kinds of rule the schema stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    TurnoutOver,
    MajorityInShareOfUnits,
}

impl RuleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::TurnoutOver => "turnout_over",
            RuleKind::MajorityInShareOfUnits => "majority_in_share_of_units",
        }
    }

    /// The rule of this kind with its parameters (a share defaults to 1/1).
    pub fn rule(self, threshold: i64, numerator: Option<i64>, denominator: Option<i64>) -> Rule {
        match self {
            RuleKind::TurnoutOver => Rule::TurnoutOver { threshold },
            RuleKind::MajorityInShareOfUnits => Rule::MajorityInShareOfUnits {
                threshold,
                numerator: numerator.unwrap_or(1),
                denominator: denominator.unwrap_or(1),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule kind “{0}”")]
pub struct UnknownRuleKind(pub String);

impl std::str::FromStr for RuleKind {
    type Err = UnknownRuleKind;
    fn from_str(s: &str) -> Result<Self, UnknownRuleKind> {
        match s {
            "turnout_over" => Ok(RuleKind::TurnoutOver),
            "majority_in_share_of_units" => Ok(RuleKind::MajorityInShareOfUnits),
            other => Err(UnknownRuleKind(other.chars().take(40).collect())),
        }
    }
}

/// The unit that stands for the whole country in the results.
pub const NATIONAL: &str = "national";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Turnout strictly over the threshold.
    TurnoutOver { threshold: i64 },
    /// More than `threshold` yes in at least numerator/denominator of units.
    MajorityInShareOfUnits { threshold: i64, numerator: i64, denominator: i64 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Met,
    NotMet,
    Unknown,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Met => "met",
            Outcome::NotMet => "not-met",
            Outcome::Unknown => "unknown",
        }
    }
}

/// The evaluation of a rule, with the numbers behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub outcome: Outcome,
    /// For unit rules: units known to meet, known not to meet, unknown,
    /// and how many are needed.
    pub units: Option<(usize, usize, usize, usize)>,
    /// For the turnout rule: the turnout used, in hundredths.
    pub turnout: Option<i64>,
}

pub fn evaluate(rule: Rule, national: &Figures, units: &[Figures], unit_count: usize) -> Evaluation {
    match rule {
        Rule::TurnoutOver { threshold } => {
            let turnout = national.turnout();
            let outcome = match turnout {
                Some(t) if t > threshold => Outcome::Met,
                Some(_) => Outcome::NotMet,
                None => Outcome::Unknown,
            };
            Evaluation { outcome, units: None, turnout }
        }
        Rule::MajorityInShareOfUnits { threshold, numerator, denominator } => {
            let known: Vec<Option<bool>> = units.iter().map(|u| u.yes_above(threshold)).collect();
            let meeting = known.iter().filter(|k| **k == Some(true)).count();
            let failing = known.iter().filter(|k| **k == Some(false)).count();
            let unknown = unit_count.saturating_sub(meeting + failing);
            // At least numerator/denominator of all units, rounded up.
            let needed = (unit_count as i64 * numerator + denominator - 1) / denominator.max(1);
            let needed = needed.max(0) as usize;
            let outcome = if meeting >= needed {
                Outcome::Met
            } else if meeting + unknown < needed {
                Outcome::NotMet
            } else {
                Outcome::Unknown
            };
            Evaluation { outcome, units: Some((meeting, failing, unknown, needed)), turnout: None }
        }
    }
}

/// Parses "68.05" (or "68,05") into hundredths; at most two decimals.
pub fn parse_hundredths(text: &str) -> Option<i64> {
    let text = text.trim().replace(',', ".");
    let (whole, fraction) = match text.split_once('.') {
        Some((_, "")) => return None,
        Some(parts) => parts,
        None => (text.as_str(), ""),
    };
    if whole.is_empty() || whole.len() > 3 || fraction.len() > 2 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let fraction: i64 = if fraction.is_empty() { 0 } else { format!("{fraction:0<2}").parse().ok()? };
    let value = whole * 100 + fraction;
    (value <= 10_000).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(yes_pct: Option<i64>, above: Option<i64>) -> Figures {
        Figures { yes_pct, yes_pct_above: above, ..Figures::default() }
    }

    #[test]
    fn turnout_comes_from_the_published_share_or_the_two_counts() {
        let published = Figures { turnout_pct: Some(6805), ..Figures::default() };
        assert_eq!(published.turnout(), Some(6805));
        let counted = Figures { eligible: Some(11_734_642), cast: Some(7_985_769), ..Figures::default() };
        assert_eq!(counted.turnout(), Some(6805));
        assert_eq!(Figures::default().turnout(), None);
    }

    #[test]
    fn the_turnout_rule_is_met_only_strictly_over_the_threshold() {
        let rule = Rule::TurnoutOver { threshold: 5000 };
        let with = |t| Figures { turnout_pct: Some(t), ..Figures::default() };
        assert_eq!(evaluate(rule, &with(6805), &[], 17).outcome, Outcome::Met);
        assert_eq!(evaluate(rule, &with(5000), &[], 17).outcome, Outcome::NotMet);
        assert_eq!(evaluate(rule, &Figures::default(), &[], 17).outcome, Outcome::Unknown);
    }

    #[test]
    fn the_unit_rule_counts_exact_shares_and_bounds_and_admits_what_is_unknown() {
        let rule = Rule::MajorityInShareOfUnits { threshold: 5000, numerator: 2, denominator: 3 };
        // 17 units need 12 (2/3 of 17 = 11.33, rounded up).
        let mut units: Vec<Figures> = (0..11).map(|_| unit(None, Some(7500))).collect();
        units.push(unit(Some(6522), None));
        let result = evaluate(rule, &Figures::default(), &units, 17);
        assert_eq!(result.outcome, Outcome::Met);
        assert_eq!(result.units, Some((12, 0, 5, 12)));
        // With only 11 known, the rest unknown: not decidable.
        assert_eq!(evaluate(rule, &Figures::default(), &units[..11], 17).outcome, Outcome::Unknown);
        // Six known failures make 12 impossible.
        let failing: Vec<Figures> = (0..6).map(|_| unit(Some(4000), None)).collect();
        assert_eq!(evaluate(rule, &Figures::default(), &failing, 17).outcome, Outcome::NotMet);
        // A bound below the threshold says nothing.
        assert_eq!(unit(None, Some(4000)).yes_above(5000), None);
    }

    #[test]
    fn percentages_parse_into_hundredths() {
        assert_eq!(parse_hundredths("68.05"), Some(6805));
        assert_eq!(parse_hundredths("68,5"), Some(6850));
        assert_eq!(parse_hundredths("100"), Some(10_000));
        for bad in ["", "100.01", "68.055", "-1", "1e2", "abc", "68.", "1234"] {
            assert_eq!(parse_hundredths(bad), None, "{bad}");
        }
    }
}
