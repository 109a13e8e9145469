//! The report JSON: one government body's annual report for one year.

use serde::{Deserialize, Serialize};

use crate::checkup::{BodyKind, Checkup};
use crate::outline::Section;
use crate::rule::Rule;
use crate::tables::Tables;

/// The report JSON layout this code reads and writes (`series.json` carries it too). Bump it
/// on any change a reader of older JSON would misread; the app refuses versions it does not
/// know.
pub const SCHEMA_VERSION: u32 = 2;

/// The government body that published a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agency {
    /// Stable URL-safe id, e.g. `shenyang-fgw`.
    pub id: String,
    /// Name as the body writes it, e.g. 沈阳市发展和改革委员会.
    pub name: String,
    /// 人民政府 or 部门 (catalog metadata): decides the deadline from report year 2019.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<BodyKind>,
    /// The regions it stands in, top first (福建省 › 平潭综合实验区): catalog metadata.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub region: Vec<crate::regions::Region>,
}

/// The head of a report file: whose report and of which year, read without the rest (the
/// list of what is kept offline names its reports from the files themselves).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ReportHead {
    pub agency: Agency,
    pub year: u16,
}

/// Which generation of the report format a report follows (see corpus/TEMPLATE.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    /// Free format, report years up to 2018: figures only in the prose.
    OldFree,
    /// 国办公开办函〔2019〕60号 trial template (report years 2019, 2020).
    Template2019,
    /// 国办公开办函〔2021〕30号 revised template (report years from 2021).
    Template2021,
}

impl ReportFormat {
    /// Short Chinese label for the reader.
    pub fn label(self) -> &'static str {
        match self {
            ReportFormat::OldFree => "旧版自由格式",
            ReportFormat::Template2019 => "2019年试行模板",
            ReportFormat::Template2021 => "2021年修订模板",
        }
    }
}

/// One annual report: metadata, the section tree, the standard tables, checks and figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    pub agency: Agency,
    /// The year the report is about (not the year it was published).
    pub year: u16,
    pub title: String,
    /// Publication date as printed on the page, normalised to `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Address of the published original.
    pub source_url: Option<String>,
    pub format: ReportFormat,
    /// Notes about the original that a reader should know, e.g. that it has an image version (图解版).
    #[serde(default)]
    pub notes: Vec<String>,
    /// Paragraphs before the first numbered section.
    #[serde(default)]
    pub intro: Vec<String>,
    pub sections: Vec<Section>,
    /// Lines after the body: the issuing body and the date it signed.
    #[serde(default)]
    pub signature: Vec<String>,
    /// The template's standard tables, each naming the section it stands in.
    #[serde(default)]
    pub tables: Tables,
    /// The template's consistency checks (勾稽关系), evaluated on the published figures.
    #[serde(default)]
    pub checks: Vec<Check>,
    /// Figures stated in the prose, each traceable to where it stands.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// The check-up (体检), computed by the ingest from everything above.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkup: Option<Checkup>,
}

/// One consistency rule evaluated on one column of a published table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// The rule, written as its stable id, e.g. `applications.balance`.
    pub rule: Rule,
    /// The rule as a reader would say it, in Chinese.
    pub description: String,
    /// Which column (or group) of the table the rule was applied to, as printed (`自然人`, `行政复议` …).
    pub column: String,
    /// The row the rule was applied to, for rules that run along a row (its key, e.g. `disclosed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
    /// The rule's left side, e.g. 第一项 + 第二项.
    pub left: i64,
    /// The rule's right side, e.g. 第三项 + 第四项.
    pub right: i64,
    /// Whether the published figures satisfy the rule.
    pub ok: bool,
}

/// A number stated in the prose, with where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The number as a value (余 makes it a floor, see `approximate`).
    pub value: f64,
    pub unit: String,
    /// True where the text says 余/多/近…: the published number is not exact.
    #[serde(default)]
    pub approximate: bool,
    /// Stable indicator key when the figure means a known indicator (comparable across years);
    /// see [`crate::indicators`].
    pub indicator: Option<String>,
    /// The id of the section the figure stands in (`intro` for the paragraphs before it).
    pub section: String,
    /// Index of the paragraph within that section.
    pub paragraph: usize,
    /// Character (not byte) range of the figure's text within that paragraph.
    pub start: usize,
    pub end: usize,
    /// The figure's text as published, e.g. `主动公开信息4480余条`.
    pub text: String,
}

/// `url` if it is a web address (`http:` or `https:`), the only kind a link to an original may
/// have: a `javascript:` or `data:` address in a data file must never become a link.
pub fn web_address(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme = url.split_once(':')?.0;
    let is_web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    (is_web && url.len() > scheme.len() + 3 && url[scheme.len()..].starts_with("://"))
        .then_some(url)
}

impl Report {
    /// The address of the published original, if it is one a link may point at.
    pub fn source_link(&self) -> Option<&str> {
        self.source_url.as_deref().and_then(web_address)
    }

    /// The report with its check-up computed (see [`crate::checkup`]).
    pub fn with_checkup(mut self) -> Self {
        self.checkup = Some(crate::checkup::check(&self));
        self
    }

    /// All sections in reading order, depth first.
    pub fn walk(&self) -> Vec<&Section> {
        let mut out = Vec::new();
        fn go<'a>(s: &'a [Section], out: &mut Vec<&'a Section>) {
            for section in s {
                out.push(section);
                go(&section.children, out);
            }
        }
        go(&self.sections, &mut out);
        out
    }

    /// The section with the given id, at any depth.
    pub fn find_section(&self, id: &str) -> Option<&Section> {
        self.walk().into_iter().find(|s| s.id == id)
    }

    /// The index of the top-level section that is or holds section `id`.
    pub fn top_level_index(&self, id: &str) -> Option<usize> {
        fn holds(section: &Section, id: &str) -> bool {
            section.id == id || section.children.iter().any(|c| holds(c, id))
        }
        self.sections.iter().position(|s| holds(s, id))
    }

    /// Failed checks: published inconsistencies a reader must be told about.
    pub fn failed_checks(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| !c.ok)
    }
}

#[cfg(test)]
mod tests {
    use super::web_address;

    #[test]
    fn only_web_addresses_are_links() {
        assert_eq!(
            web_address("https://www.pingtan.gov.cn/a.html"),
            Some("https://www.pingtan.gov.cn/a.html")
        );
        assert_eq!(
            web_address(" HTTP://example.org/ "),
            Some("HTTP://example.org/")
        );
        assert_eq!(web_address("javascript:alert(1)"), None);
        assert_eq!(web_address("JavaScript://%0aalert(1)"), None);
        assert_eq!(
            web_address("data:text/html,<script>alert(1)</script>"),
            None
        );
        assert_eq!(web_address("vbscript:msgbox"), None);
        assert_eq!(web_address("//example.org/a"), None);
        assert_eq!(web_address("https:"), None);
        assert_eq!(web_address("https://"), None);
        assert_eq!(web_address(""), None);
    }
}
