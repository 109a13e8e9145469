//! Report metadata found in page text: title parts, dates; and the overrides given on the
//! command line.

/// What the caller knows better than the page (command-line options).
#[derive(Debug, Clone, Default)]
pub struct ReportMeta {
    pub agency_id: Option<String>,
    pub agency_name: Option<String>,
    /// 人民政府 or 部门: catalog metadata, never read from the page.
    pub agency_kind: Option<nianbao_model::BodyKind>,
    /// The regions the body stands in, top first: catalog metadata.
    pub region: Vec<nianbao_model::Region>,
    pub year: Option<u16>,
    pub source_url: Option<String>,
    pub published: Option<String>,
}

/// Splits a report title into the body's name and the report year. The wordings bodies use:
/// `沈阳市发展和改革委员会2017年度政府信息公开工作报告` (name, year), `2019年上海市人民政府办公厅
/// 政府信息公开工作年度报告` (year first), `XX关于2019年度政府信息公开工作的报告`, and
/// `XX2013年信息公开年度报告` (no 政府, no 工作).
pub fn title_parts(line: &str) -> Option<(String, u16)> {
    if !is_title_like(line) {
        return None;
    }
    let (at, end, year) = title_year(line)?;
    let before = line[..at].trim();
    let name = before.strip_suffix("关于").unwrap_or(before).trim();
    if !name.is_empty() {
        return Some((name.to_string(), year));
    }
    // Year first: the name stands between the year (年 / 年度) and 信息公开 (or 政府信息公开).
    if !line.trim_end().ends_with("报告") {
        return None;
    }
    let rest = &line[end..];
    let rest = rest.strip_prefix('度').unwrap_or(rest);
    let cut = rest
        .find("政府信息公开")
        .or_else(|| rest.find("信息公开"))?;
    let name = rest[..cut].trim();
    let plain = !name.is_empty()
        && !name
            .chars()
            .any(|c| "，,。、：:；;（）()“”\"".contains(c) || c.is_whitespace());
    plain.then(|| (name.to_string(), year))
}

/// Whether a line reads as a report title at all (it may still name no body or year).
pub fn is_title_like(line: &str) -> bool {
    line.contains("信息公开") && line.contains("报告") && line.chars().count() <= 80
}

/// The report year of a title: the first four-digit year followed by 年, as (byte offset of
/// the year, byte offset after 年, year).
pub fn title_year(line: &str) -> Option<(usize, usize, u16)> {
    // The year as printed: 2017, full-width ２０１７, or in Chinese numerals 二〇一七.
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let (k, year) = (0..chars.len().saturating_sub(4)).find_map(|k| {
        let digits: Option<Vec<u32>> = chars[k..k + 4]
            .iter()
            .map(|&(_, c)| year_digit(c))
            .collect();
        let starts_run = k == 0 || year_digit(chars[k - 1].1).is_none();
        (chars[k + 4].1 == '年' && starts_run)
            .then_some(digits?)
            .map(|d| (k, d.iter().fold(0u32, |y, d| y * 10 + d)))
    })?;
    let year = u16::try_from(year).ok()?;
    if !(1990..=2100).contains(&year) {
        return None;
    }
    Some((chars[k].0, chars[k + 4].0 + '年'.len_utf8(), year))
}

/// A digit of a year as titles print it.
fn year_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' | '\u{ff10}'..='\u{ff19}' => crate::doc::fold_width(c).to_digit(10),
        '〇' | '○' | '零' => Some(0),
        _ => "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32 + 1),
    }
}

/// The first date in `text` (`2018年03月23日` or `2018-03-23`), as `YYYY-MM-DD`, with its byte range.
pub fn find_date(text: &str) -> Option<(String, std::ops::Range<usize>)> {
    let b = text.as_bytes();
    // At most five digits are looked at: a year has four, so a long digit run stays linear.
    let digits = |from: usize| {
        b[from..]
            .iter()
            .take(5)
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = 0;
    while i < b.len() {
        if digits(i) == 4 && (i == 0 || !b[i - 1].is_ascii_digit()) {
            let year = &text[i..i + 4];
            let rest = &text[i + 4..];
            let (sep_month, sep_day, end_mark) = if rest.starts_with('年') {
                ("年", "月", Some("日"))
            } else if rest.starts_with('-') {
                ("-", "-", None)
            } else {
                i += 4;
                continue;
            };
            let m_at = i + 4 + sep_month.len();
            let m_len = digits(m_at);
            if (1..=2).contains(&m_len) && text[m_at + m_len..].starts_with(sep_day) {
                let d_at = m_at + m_len + sep_day.len();
                let d_len = digits(d_at);
                let end = d_at + d_len;
                let end = match end_mark {
                    Some(mark) if text[end..].starts_with(mark) => end + mark.len(),
                    Some(_) => {
                        i += 4;
                        continue;
                    }
                    None => end,
                };
                let month: u32 = text[m_at..m_at + m_len].parse().ok()?;
                let day: u32 = text[d_at..d_at + d_len].parse().unwrap_or(0);
                if (1..=2).contains(&d_len) && (1..=12).contains(&month) && (1..=31).contains(&day)
                {
                    return Some((format!("{year}-{month:02}-{day:02}"), i..end));
                }
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            title_parts("沈阳市发展和改革委员会2017年度政府信息公开工作报告"),
            Some(("沈阳市发展和改革委员会".into(), 2017))
        );
        assert_eq!(title_parts("2018年03月23日来源:市发改委"), None);
        assert_eq!(title_parts("政府信息公开工作报告"), None);
        for (title, name, year) in [
            (
                "2019年上海市人民政府办公厅政府信息公开工作年度报告",
                "上海市人民政府办公厅",
                2019,
            ),
            (
                "2019年度上海市人民政府办公厅政府信息公开工作年度报告",
                "上海市人民政府办公厅",
                2019,
            ),
            (
                "上海市人民政府办公厅2019年度政府信息公开工作报告",
                "上海市人民政府办公厅",
                2019,
            ),
            (
                "平潭综合实验区地方税务局2013年信息公开年度报告",
                "平潭综合实验区地方税务局",
                2013,
            ),
            (
                "上海市教育委员会关于2019年度政府信息公开工作的报告",
                "上海市教育委员会",
                2019,
            ),
            (
                "2013年平潭综合实验区地方税务局信息公开年度报告",
                "平潭综合实验区地方税务局",
                2013,
            ),
        ] {
            assert_eq!(title_parts(title), Some((name.into(), year)), "{title}");
        }
        // A sentence of the body that starts with a year is no title.
        assert_eq!(
            title_parts("2019年，我办政府信息公开工作在年度报告中"),
            None
        );
        assert_eq!(
            title_parts("2019年我办政府信息公开工作情况报告如下："),
            None
        );
        for title in [
            "平潭二〇一七年度政府信息公开工作报告",
            "平潭２０１７年度政府信息公开工作报告",
        ] {
            assert_eq!(title_parts(title), Some(("平潭".into(), 2017)), "{title}");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(
            find_date("2018年03月23日来源:市发改委").unwrap().0,
            "2018-03-23"
        );
        assert_eq!(find_date("市发改委 2018年3月8日").unwrap().0, "2018-03-08");
        assert_eq!(
            find_date("发布时间: 2022-02-08 16:34").unwrap().0,
            "2022-02-08"
        );
        assert_eq!(find_date("2017年，委门户网"), None);
        assert_eq!(find_date("2018年13月1日"), None);
    }
}
