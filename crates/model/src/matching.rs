//! Matching headings by similarity: the parts an old report lists against its sections, and
//! the sections of two years of free-format reports against each other.

/// Character bigrams of `text`, punctuation and white space left out.
fn bigrams(text: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
    if chars.len() == 1 {
        return vec![(chars[0], chars[0])];
    }
    let mut out: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How alike two headings are, from 0 to 1: shared bigrams over those of the shorter one, so
/// that a heading reworded around the same words ("主要问题和改进措施" against
/// "政府信息公开工作存在的主要问题及改进情况") still scores.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (bigrams(a), bigrams(b));
    let shorter = a.len().min(b.len());
    if shorter == 0 {
        return 0.0;
    }
    let shared = a.iter().filter(|g| b.binary_search(g).is_ok()).count();
    shared as f64 / shorter as f64
}

/// Dice's coefficient of the bigrams: symmetric, so a longer text containing a heading does
/// not score as the heading itself.
pub fn dice(a: &str, b: &str) -> f64 {
    let (a, b) = (bigrams(a), bigrams(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|g| b.binary_search(g).is_ok()).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Below this, two headings are taken to be about different things.
pub const THRESHOLD: f64 = 0.5;

/// Pairs items of `left` with items of `right`, one to one, most alike first, leaving unpaired
/// what matches nothing at [`THRESHOLD`]. Returns `(left index, right index)` pairs sorted by
/// the left index.
pub fn pair(left: &[&str], right: &[&str]) -> Vec<(usize, usize)> {
    let mut scored = Vec::new();
    for (i, a) in left.iter().enumerate() {
        for (j, b) in right.iter().enumerate() {
            let score = similarity(a, b);
            if score >= THRESHOLD {
                scored.push((score, i, j));
            }
        }
    }
    // Ties go to the pair nearest in position (same place in the outline).
    scored.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then((x.1.abs_diff(x.2)).cmp(&y.1.abs_diff(y.2)))
    });
    let (mut used_left, mut used_right) = (vec![false; left.len()], vec![false; right.len()]);
    let mut out = Vec::new();
    for (_, i, j) in scored {
        if !used_left[i] && !used_right[j] {
            used_left[i] = true;
            used_right[j] = true;
            out.push((i, j));
        }
    }
    out.sort_unstable();
    out
}

/// The parts a report says it consists of ("本报告由概述、…和统计表共七个部分组成"), as
/// listed; `None` where the text has no such sentence. Names that themselves contain 、 are
/// rejoined by matching `headings` (the report's section headings) until the stated count is
/// reached.
pub fn listed_parts(text: &str, headings: &[&str]) -> Option<Vec<String>> {
    let start = text.find("本报告由")? + "本报告由".len();
    let end = start + text[start..].find("组成")?;
    let mut list = &text[start..end];
    let mut count = None;
    if let Some(at) = list.rfind('共') {
        let n: String = list[at + '共'.len_utf8()..]
            .chars()
            .take_while(|c| *c != '个' && *c != '部')
            .collect();
        count = crate::outline::chinese_numeral(&n).map(|n| n as usize);
        list = &list[..at];
    }
    let mut parts: Vec<String> = list
        .split(['、', '和'])
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let best = |name: &str| headings.iter().map(|h| dice(name, h)).fold(0.0, f64::max);
    while count.is_some_and(|n| parts.len() > n && n > 0) {
        let at = (0..parts.len() - 1)
            .max_by(|&i, &j| {
                let joined = |k: usize| best(&format!("{}、{}", parts[k], parts[k + 1]));
                joined(i).total_cmp(&joined(j))
            })
            .unwrap_or(0);
        let next = parts.remove(at + 1);
        parts[at] = format!("{}、{next}", parts[at]);
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reworded_headings_still_match() {
        assert!(
            similarity(
                "主要问题和改进措施",
                "政府信息公开工作存在的主要问题及改进情况"
            ) >= THRESHOLD
        );
        assert!(similarity("概述", "主动公开政府信息情况") < THRESHOLD);
        assert_eq!(similarity("", "概述"), 0.0);
    }

    #[test]
    fn pairs_one_to_one_best_first() {
        let left = ["主动公开政府信息情况", "政府信息依申请公开工作情况", "概述"];
        let right = ["概述", "政府信息依申请公开办理情况", "主动公开政务信息"];
        assert_eq!(pair(&left, &right), vec![(0, 2), (1, 1), (2, 0)]);
        assert_eq!(pair(&["统计表"], &["概述"]), vec![]);
    }

    #[test]
    fn reads_the_listed_parts() {
        let text = "本报告由概述、主动公开政府信息情况、因政府信息公开申请行政复议、提起行政诉讼的情况、主要问题及改进情况和政府信息公开情况统计表共五个部分组成。";
        let headings = [
            "概述",
            "主动公开政府信息情况",
            "因政府信息公开申请行政复议、提起行政诉讼的情况",
            "主要问题和改进措施",
            "平潭综合实验区政府信息公开情况统计表",
        ];
        let parts = listed_parts(text, &headings).unwrap();
        assert_eq!(
            parts,
            [
                "概述",
                "主动公开政府信息情况",
                "因政府信息公开申请行政复议、提起行政诉讼的情况",
                "主要问题及改进情况",
                "政府信息公开情况统计表"
            ]
        );
        assert_eq!(listed_parts("现将工作情况汇报如下", &headings), None);
    }
}
