//! Report metadata found in page text: title parts, dates; and the overrides given on the
//! command line.

/// What the caller knows better than the page (command-line options).
#[derive(Debug, Clone, Default)]
pub struct ReportMeta {
    pub agency_id: Option<String>,
    pub agency_name: Option<String>,
    /// 人民政府 or 部门: catalog metadata, never read from the page.
    pub agency_kind: Option<nianbao_model::BodyKind>,
    pub year: Option<u16>,
    pub source_url: Option<String>,
    pub published: Option<String>,
}

/// Splits a title like `沈阳市发展和改革委员会2017年度政府信息公开工作报告` into the body's
/// name and the report year.
pub fn title_parts(line: &str) -> Option<(String, u16)> {
    if !line.contains("政府信息公开") || !line.contains("报告") || line.chars().count() > 80
    {
        return None;
    }
    let bytes = line.as_bytes();
    let at = (0..bytes.len().saturating_sub(3)).find(|&i| {
        bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && line[i + 4..].starts_with('年')
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
    })?;
    let year: u16 = line[at..at + 4].parse().ok()?;
    let name = line[..at].trim().to_string();
    if name.is_empty() || !(1990..=2100).contains(&year) {
        return None;
    }
    Some((name, year))
}

/// The first date in `text` (`2018年03月23日` or `2018-03-23`), as `YYYY-MM-DD`, with its byte range.
pub fn find_date(text: &str) -> Option<(String, std::ops::Range<usize>)> {
    let b = text.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
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
