//! Known indicators: what a figure in the prose means, with a stable key so that years and
//! bodies can be compared. The ingest attaches a key to a figure only when the sentence says
//! unambiguously what is counted; every other figure stays unkeyed but traceable.
//!
//! The keys are those of the registry's prose places (`series::Place::Prose`): each one feeds
//! a series, whose label and unit it shares.

use crate::series::{series_for_indicator, SERIES};

/// Every indicator key, in registry order.
pub fn keys() -> impl Iterator<Item = &'static str> {
    SERIES.iter().flat_map(|d| d.indicators())
}

/// The Chinese label of an indicator key: that of the series it feeds.
pub fn label(key: &str) -> Option<&'static str> {
    series_for_indicator(key).map(|d| d.label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_known_once() {
        let mut all: Vec<_> = keys().collect();
        assert!(all.contains(&"requests.received") && all.contains(&"proactive.items"));
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n, "an indicator feeds one series");
        assert_eq!(label("requests.received"), Some("本年新收政府信息公开申请"));
        assert_eq!(label("no.such.key"), None);
    }
}
