//! Regions given on the command line or in the data set's list (`福建省:350000/平潭综合实验区`),
//! and the pinyin the home page's filter matches (computed here, at build time, so that the
//! dictionary never reaches the wasm).

use nianbao_model::Region;
use pinyin::ToPinyin;

/// Reads a region path: names from the top down, separated by `/`, each with its 行政区划 code
/// after a colon where known. Slugs come from the names' pinyin, prefixed by the parent's, so
/// that two 鼓楼区 in different cities differ.
pub fn parse_region(spec: &str) -> Result<Vec<Region>, String> {
    let mut path: Vec<Region> = Vec::new();
    for step in spec.split('/') {
        let (name, code) = match step.split_once([':', '：']) {
            Some((name, code)) => (name.trim(), Some(code.trim())),
            None => (step.trim(), None),
        };
        if name.is_empty() {
            return Err(format!(
                "region “{spec}”: a name is empty (write 省/市/县, e.g. 福建省:350000/福州市)"
            ));
        }
        if let Some(code) = code {
            if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!(
                    "region “{spec}”: “{code}” is not a six-digit 行政区划 code"
                ));
            }
        }
        let own = slug_of(name);
        if own.is_empty() {
            return Err(format!("region “{spec}”: “{name}” gives no address (use Chinese characters, letters or digits)"));
        }
        let slug = match path.last() {
            Some(parent) => format!("{}-{own}", parent.slug),
            None => own,
        };
        path.push(Region {
            slug,
            name: name.to_string(),
            code: code.map(str::to_string),
        });
    }
    Ok(path)
}

/// A name's address part: the pinyin of its characters (a trailing 省/市/县/区 left off),
/// letters and digits kept, lower case.
fn slug_of(name: &str) -> String {
    let trimmed = name
        .strip_suffix(['省', '市', '县', '区'])
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(name);
    let mut slug = String::new();
    for (c, pinyin) in trimmed.chars().zip(trimmed.to_pinyin()) {
        match pinyin {
            Some(p) => slug.push_str(p.plain()),
            None if c.is_ascii_alphanumeric() => slug.push(c.to_ascii_lowercase()),
            None => {}
        }
    }
    slug
}

/// The pinyin initials of a name (`平潭县人民政府` → `ptxrmzf`).
pub fn initials(name: &str) -> String {
    name.to_pinyin()
        .flatten()
        .map(|p| p.first_letter())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_region_paths() {
        let path = parse_region("福建省:350000/平潭综合实验区").unwrap();
        assert_eq!(path[0].slug, "fujian");
        assert_eq!(path[0].code.as_deref(), Some("350000"));
        assert_eq!(path[1].slug, "fujian-pingtanzongheshiyan");
        assert_eq!(path[1].name, "平潭综合实验区");
        assert_eq!(path[1].code, None);
        let path = parse_region("辽宁省：210000 / 沈阳市：210100").unwrap();
        assert_eq!(path[1].slug, "liaoning-shenyang");
        assert_eq!(path[1].code.as_deref(), Some("210100"));
        // Two districts of one name stay apart under their cities.
        let a = parse_region("福建省/福州市/鼓楼区").unwrap();
        let b = parse_region("江苏省/南京市/鼓楼区").unwrap();
        assert_ne!(a[2].slug, b[2].slug);
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert!(parse_region("福建省//福州市")
            .unwrap_err()
            .contains("empty"));
        assert!(parse_region("福建省:35").unwrap_err().contains("six-digit"));
        assert!(parse_region("！！").unwrap_err().contains("no address"));
    }

    #[test]
    fn gives_initials() {
        assert_eq!(initials("平潭县人民政府"), "ptxrmzf");
        assert_eq!(initials("沈阳市发展和改革委员会"), "sysfzhggwyh");
    }
}
