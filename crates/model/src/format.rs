//! Formatting figures and dates for the reader (zh-CN).

/// `2018-03-23` as `2018年3月23日`; anything else is returned as it is.
pub fn chinese_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => match (m.parse::<u32>(), d.parse::<u32>()) {
            (Ok(m), Ok(d)) => format!("{y}年{m}月{d}日"),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(chinese_date("2018-03-23"), "2018年3月23日");
        assert_eq!(chinese_date("2018-3"), "2018-3");
    }
}
