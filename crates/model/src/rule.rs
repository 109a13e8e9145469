//! The template's consistency rules (勾稽关系) by name; see [`crate::Check`].

use serde::{Deserialize, Serialize};

use crate::address::TableKind;

/// A consistency rule. The serde names are the stable ids the report JSON carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rule {
    /// Table 3: 本年新收＋上年结转＝办理结果总计＋结转下年度, per column.
    #[serde(rename = "applications.balance")]
    ApplicationsBalance,
    /// Table 3: （七）总计 equals the sum of the results, per column.
    #[serde(rename = "applications.results_sum")]
    ApplicationsResultsSum,
    /// Table 3: the 总计 column equals the sum of the applicant columns, per row.
    #[serde(rename = "applications.row_total")]
    ApplicationsRowTotal,
    /// Table 4: each group's 总计 equals the sum of its four results.
    #[serde(rename = "reviews.group_total")]
    ReviewsGroupTotal,
}

impl Rule {
    pub const ALL: [Rule; 4] = [
        Rule::ApplicationsBalance,
        Rule::ApplicationsResultsSum,
        Rule::ApplicationsRowTotal,
        Rule::ReviewsGroupTotal,
    ];

    /// The stable id, as in the JSON (`applications.balance` …).
    pub fn id(self) -> &'static str {
        match self {
            Rule::ApplicationsBalance => "applications.balance",
            Rule::ApplicationsResultsSum => "applications.results_sum",
            Rule::ApplicationsRowTotal => "applications.row_total",
            Rule::ReviewsGroupTotal => "reviews.group_total",
        }
    }

    /// The table the rule is about.
    pub fn table(self) -> TableKind {
        match self {
            Rule::ApplicationsBalance
            | Rule::ApplicationsResultsSum
            | Rule::ApplicationsRowTotal => TableKind::Applications,
            Rule::ReviewsGroupTotal => TableKind::Reviews,
        }
    }
}

/// Compares with a stable id, for code that holds ids read from elsewhere (tests, JSON).
impl PartialEq<&str> for Rule {
    fn eq(&self, id: &&str) -> bool {
        self.id() == *id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_names_are_the_stable_ids() {
        for rule in Rule::ALL {
            let json = serde_json::to_string(&rule).unwrap();
            assert_eq!(json, format!("\"{}\"", rule.id()));
            assert_eq!(serde_json::from_str::<Rule>(&json).unwrap(), rule);
            // The id starts with the key of the table the rule is about.
            assert!(rule.id().starts_with(&format!("{}.", rule.table().key())));
        }
        assert_eq!(Rule::ReviewsGroupTotal.id(), "reviews.group_total");
        assert!(serde_json::from_str::<Rule>("\"reviews.no_such_rule\"").is_err());
        assert!(Rule::ApplicationsBalance == "applications.balance");
    }
}
