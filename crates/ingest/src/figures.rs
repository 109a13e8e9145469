//! Figures stated in the prose ("主动公开信息4480余条"), each with its unit and the exact place
//! it stands, and an indicator key where the sentence says unambiguously what is counted.

use nianbao_model::{Figure, Section};

/// Units a figure may carry, longest first.
const UNITS: &[&str] = &[
    "人次", "万元", "亿元", "余条", "条", "件", "次", "场", "个", "项", "篇", "期", "家", "份",
    "宗", "套", "名", "户", "起", "人", "元", "%", "％",
];

/// An indicator rule: the key, the words that must stand in the clause (any of), the units it
/// accepts, and words that rule it out.
struct Rule {
    key: &'static str,
    any: &'static [&'static str],
    units: &'static [&'static str],
    not: &'static [&'static str],
    /// The word must come before the number (true) or may stand anywhere in the clause.
    before: bool,
    /// Words that must also stand in the clause (all of them).
    all: &'static [&'static str],
}

const RULES: &[Rule] = &[
    Rule {
        key: "requests.completion_rate",
        any: &["办结率"],
        units: &["%", "％"],
        not: &[],
        before: true,
        all: &[],
    },
    Rule {
        key: "requests.received",
        any: &["政府信息公开申请", "信息公开申请"],
        units: &["件", "条"],
        not: &["咨询", "投诉", "结转", "答复", "办结"],
        before: true,
        all: &[],
    },
    Rule {
        key: "complaints.answered",
        any: &["咨询件", "投诉件", "咨询投诉", "投诉咨询", "留言"],
        units: &["件", "条"],
        not: &["办结"],
        before: false,
        all: &[],
    },
    Rule {
        key: "press_conferences",
        any: &["新闻发布会"],
        units: &["次", "场", "期"],
        not: &[],
        before: false,
        all: &[],
    },
    Rule {
        key: "policy_interpretations",
        any: &["政策解读", "政策文件解读", "解读"],
        units: &["篇", "个", "条", "期", "项"],
        not: &["访谈"],
        before: false,
        all: &["政策"],
    },
    Rule {
        key: "weibo.posts",
        any: &["微博"],
        units: &["条"],
        not: &["微信"],
        before: true,
        all: &[],
    },
    Rule {
        key: "site.visits",
        any: &["访问量"],
        units: &["人次", "次"],
        not: &[],
        before: true,
        all: &[],
    },
    Rule {
        key: "opinions.solicited",
        any: &["民意征集"],
        units: &["期", "次"],
        not: &[],
        before: true,
        all: &[],
    },
    Rule {
        key: "online_interviews",
        any: &["在线访谈"],
        units: &["期", "次", "场"],
        not: &[],
        before: false,
        all: &[],
    },
    Rule {
        key: "normative_docs.issued",
        any: &["制发行政规范性文件", "制发规范性文件"],
        units: &["件"],
        not: &[],
        before: true,
        all: &[],
    },
];

/// 主动公开 + (各类)(政府)信息 + number, said of the whole body (not 其中/各部门/各乡镇).
fn proactive_items(clause: &[char], number_at: usize) -> Option<usize> {
    let s: String = clause[..number_at].iter().collect();
    let at = s.rfind("主动公开")?;
    if s[..at].ends_with('应') {
        return None; // 其他应主动公开政府信息: a category, not the total
    }
    let tail = &s[at + "主动公开".len()..];
    let tail = tail.trim_end_matches(['共', '达']);
    if !matches!(tail, "信息" | "政府信息" | "各类政府信息" | "各类信息") {
        return None;
    }
    if ["其中", "各部门", "各乡镇", "区直", "采购"]
        .iter()
        .any(|w| s.contains(w))
    {
        return None;
    }
    Some(s[..at].chars().count())
}

/// How far a clause reaches either side of its figure (real clauses are far shorter).
const CLAUSE_REACH: usize = 200;

fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | '、' | '\n'
    )
}

/// Every figure in one paragraph (`section`, `paragraph` say where it stands).
pub fn in_paragraph(text: &str, section: &str, paragraph: usize, out: &mut Vec<Figure>) {
    // Matched with full-width digits folded; a figure's text is cut from the published chars.
    let published: Vec<char> = text.chars().collect();
    let chars: Vec<char> = published
        .iter()
        .copied()
        .map(crate::doc::fold_width)
        .collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = i.checked_sub(1).map(|p| chars[p]);
        if !c.is_ascii_digit()
            || prev.is_some_and(|p| {
                p.is_ascii_alphanumeric()
                    || matches!(
                        p,
                        '.' | '-' | '〔' | '[' | '@' | '＠' | '/' | '第' | ':' | '：'
                    )
            })
        {
            i += 1;
            continue;
        }
        // The number: digits with an optional decimal part.
        let start = i;
        let mut j = i;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        if j + 1 < chars.len() && chars[j] == '.' && chars[j + 1].is_ascii_digit() {
            j += 1;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
        }
        let number: String = chars[start..j].iter().collect();
        // 余/多 after the number (4480余条, 20多条) make it a floor.
        let mut k = j;
        let mut approximate = false;
        if k < chars.len() && matches!(chars[k], '余' | '多') {
            approximate = true;
            k += 1;
        }
        let rest: String = chars[k..chars.len().min(k + 2)].iter().collect();
        let Some(unit) = UNITS
            .iter()
            .find(|u| rest.starts_with(**u))
            .filter(|u| **u != "余条")
        else {
            i = j;
            continue;
        };
        // A year, a date, a document number or a phone number is not a figure.
        if chars
            .get(j)
            .is_some_and(|c| matches!(c, '年' | '月' | '日' | '号' | '时'))
            || number.len() > 12
        {
            i = j;
            continue;
        }
        let unit_end = k + unit.chars().count();
        if prev.is_some_and(|p| matches!(p, '近' | '约')) {
            approximate = true;
        }
        let Ok(value) = number.parse::<f64>() else {
            i = j;
            continue;
        };
        let unit = match *unit {
            "％" => "%",
            u => u,
        };
        // The clause the figure stands in, at most CLAUSE_REACH chars either side, so that a
        // paragraph of figures without punctuation stays linear.
        let reach_back = start.saturating_sub(CLAUSE_REACH);
        let clause_start = (reach_back..start)
            .rev()
            .find(|&p| is_clause_break(chars[p]))
            .map_or(reach_back, |p| p + 1);
        let reach = chars.len().min(unit_end + CLAUSE_REACH);
        let clause_end = (unit_end..reach)
            .find(|&p| is_clause_break(chars[p]))
            .unwrap_or(reach);
        let clause: String = chars[clause_start..clause_end].iter().collect();
        let before: String = chars[clause_start..start].iter().collect();
        let mut indicator = None;
        let mut range = (start, unit_end);
        if matches!(unit, "条" | "件") {
            if let Some(word_at) = proactive_items(&chars[clause_start..], start - clause_start) {
                indicator = Some("proactive.items");
                range.0 = clause_start + word_at;
            }
        }
        if indicator.is_none() {
            for rule in RULES {
                if !rule.units.contains(&unit)
                    || rule.not.iter().any(|w| clause.contains(w))
                    || !rule.all.iter().all(|w| clause.contains(w))
                {
                    continue;
                }
                let hay = if rule.before { &before } else { &clause };
                let Some(word) = rule.any.iter().find(|w| hay.contains(**w)) else {
                    continue;
                };
                indicator = Some(rule.key);
                let number_in_clause = start - clause_start;
                let unit_in_clause = unit_end - clause_start;
                let clause_chars: Vec<char> = clause.chars().collect();
                let word_chars: Vec<char> = word.chars().collect();
                let occurrences: Vec<usize> = (0..(clause_chars.len() + 1)
                    .saturating_sub(word_chars.len()))
                    .filter(|&p| clause_chars[p..p + word_chars.len()] == word_chars[..])
                    .collect();
                // The nearest mention: after the figure ("5次新闻发布会") or before it.
                let after = occurrences.iter().find(|&&p| p >= unit_in_clause);
                let (mut from, to) = match after {
                    Some(&p) if !rule.before && p - unit_in_clause <= 2 => {
                        (start, clause_start + p + word_chars.len())
                    }
                    _ => match occurrences.iter().rev().find(|&&p| p < number_in_clause) {
                        Some(&p) => (clause_start + p, unit_end),
                        None => match after {
                            Some(&p) => (start, clause_start + p + word_chars.len()),
                            None => (start, unit_end),
                        },
                    },
                };
                // From the verb or qualifier that introduces the mention ("共收到…", "政务微博").
                for lead in ["共收到", "收到", "办理", "政务", "共", "全年"] {
                    let n = lead.chars().count();
                    if from >= clause_start + n
                        && chars[from - n..from].iter().collect::<String>() == lead
                    {
                        from -= n;
                        break;
                    }
                }
                range = (from, to);
                break;
            }
        }
        // "564条信息": the counted noun right after the unit belongs to the figure.
        if indicator.is_some() && range.1 == unit_end {
            let after: String = chars[unit_end..chars.len().min(unit_end + 2)]
                .iter()
                .collect();
            if after == "信息" {
                range.1 += 2;
            }
        }
        let text_of: String = published[range.0..range.1].iter().collect();
        out.push(Figure {
            value,
            unit: unit.to_string(),
            approximate,
            indicator: indicator.map(str::to_string),
            section: section.to_string(),
            paragraph,
            start: range.0,
            end: range.1,
            text: text_of,
        });
        i = unit_end.max(j);
    }
}

/// Every figure in the report's intro and sections, in reading order.
pub fn extract(intro: &[String], sections: &[Section]) -> Vec<Figure> {
    let mut out = Vec::new();
    for (p, text) in intro.iter().enumerate() {
        in_paragraph(text, "intro", p, &mut out);
    }
    fn go(sections: &[Section], out: &mut Vec<Figure>) {
        for s in sections {
            for (p, text) in s.paragraphs.iter().enumerate() {
                in_paragraph(text, &s.id, p, out);
            }
            go(&s.children, out);
        }
    }
    go(sections, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<Figure> {
        let mut out = Vec::new();
        in_paragraph(text, "s1", 0, &mut out);
        out
    }

    #[test]
    fn seed_examples() {
        let f = figures("2017年，委门户网各类栏目主动公开信息4480余条。");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].value, f[0].unit.as_str(), f[0].approximate),
            (4480.0, "条", true)
        );
        assert_eq!(f[0].text, "主动公开信息4480余条");
        assert_eq!(f[0].indicator.as_deref(), Some("proactive.items"));
        let f = figures("2017年政务微博公开发布564条信息。");
        assert_eq!(f[0].text, "政务微博公开发布564条信息");
        assert_eq!(f[0].indicator.as_deref(), Some("weibo.posts"));
        let f = figures(
            "2017年，我委共收到政府信息公开申请13件，全部在规定时限内给予答复，办结率100%。",
        );
        assert_eq!(f[0].text, "共收到政府信息公开申请13件");
        assert_eq!(f[0].indicator.as_deref(), Some("requests.received"));
        assert_eq!(f[1].text, "办结率100%");
        assert_eq!(f[1].indicator.as_deref(), Some("requests.completion_rate"));
    }

    #[test]
    fn not_figures() {
        assert!(
            figures("2017年3月8日，岚综管办〔2015〕126号，电话0591-23165250，5.15活动").is_empty()
        );
    }

    #[test]
    fn ranges_are_chars() {
        let text = "其中，区管委会及区直各部门主动公开政府信息2275条，占77%。";
        let f = figures(text);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].indicator, None, "a part is not the whole");
        let chars: Vec<char> = text.chars().collect();
        for fig in &f {
            assert_eq!(
                chars[fig.start..fig.end].iter().collect::<String>(),
                fig.text
            );
        }
    }
}
