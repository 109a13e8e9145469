//! What an earlier pre-render wrote, and from what: the digest of each part's inputs (the
//! site-wide pages, each agency's pages) and the pages it wrote. A rebuild renders a part
//! again only if its digest changed or one of its pages is gone, and removes the pages of
//! parts that are no more.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// SHA-256 over labelled inputs (the label keeps `a`+`bc` apart from `ab`+`c`).
pub struct Digest(Sha256);

impl Digest {
    pub fn new() -> Self {
        Digest(Sha256::default())
    }

    pub fn add(&mut self, label: &str, contents: &str) {
        use sha2::Digest as _;
        for part in [label.as_bytes(), contents.as_bytes()] {
            self.0.update((part.len() as u64).to_le_bytes());
            self.0.update(part);
        }
    }

    pub fn finish(self) -> String {
        use sha2::Digest as _;
        self.0
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

impl Default for Digest {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
struct Part {
    digest: String,
    pages: Vec<String>,
}

/// The parts of an earlier render, by key (`site`, or an agency's id).
#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct RenderState {
    /// The renderer and the page template the parts were rendered with: when either changes,
    /// every page is rendered again.
    renderer: String,
    parts: BTreeMap<String, Part>,
}

impl RenderState {
    /// Where the record of a render of the site in `dist` is kept: beside the site, never in
    /// it, so that it is not published (`target/scale-100` → `target/scale-100.prerender-state.json`).
    pub fn file_for(dist: &Path) -> std::path::PathBuf {
        let mut name = dist.as_os_str().to_owned();
        name.push(".prerender-state.json");
        name.into()
    }

    /// A state for `renderer` (the digest of the program and the template).
    pub fn new(renderer: String) -> Self {
        RenderState {
            renderer,
            parts: BTreeMap::new(),
        }
    }

    /// The state saved at `file`. A missing file is a first build; an unreadable one is
    /// reported and treated as one (every page is rendered, nothing is lost).
    pub fn load(file: &Path) -> Result<Option<Self>, String> {
        match std::fs::read_to_string(file) {
            Ok(text) => serde_json::from_str(&text)
                .map(Some)
                .map_err(|e| format!("{}: {e}", file.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: {e}", file.display())),
        }
    }

    pub fn save(&self, file: &Path) -> Result<(), String> {
        let text = serde_json::to_string(self).map_err(|e| e.to_string())?;
        std::fs::write(file, text).map_err(|e| format!("{}: {e}", file.display()))
    }

    /// The pages of part `key` if they are still as `digest` renders them: the same renderer,
    /// the same inputs, and every page still on disk under `dist`.
    pub fn unchanged(
        &self,
        renderer: &str,
        key: &str,
        digest: &str,
        dist: &Path,
    ) -> Option<&[String]> {
        if self.renderer != renderer {
            return None;
        }
        let part = self.parts.get(key)?;
        let all_there = part
            .pages
            .iter()
            .all(|page| super::output_file(dist, page).is_file());
        (part.digest == digest && all_there).then_some(part.pages.as_slice())
    }

    pub fn record(&mut self, key: &str, digest: String, pages: Vec<String>) {
        self.parts.insert(key.to_string(), Part { digest, pages });
    }

    /// Pages `earlier` wrote that this state does not hold (an agency or a report that is
    /// no more): they are to be removed.
    pub fn dropped_since<'a>(&self, earlier: &'a RenderState) -> Vec<&'a str> {
        let now: std::collections::HashSet<&str> = self
            .parts
            .values()
            .flat_map(|p| p.pages.iter().map(String::as_str))
            .collect();
        earlier
            .parts
            .values()
            .flat_map(|p| p.pages.iter().map(String::as_str))
            .filter(|page| !now.contains(page))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digest(parts: &[(&str, &str)]) -> String {
        let mut d = Digest::new();
        for (label, text) in parts {
            d.add(label, text);
        }
        d.finish()
    }

    #[test]
    fn digests_keep_inputs_apart() {
        assert_eq!(digest(&[("a", "x")]), digest(&[("a", "x")]));
        assert_ne!(digest(&[("a", "x")]), digest(&[("a", "y")]));
        assert_ne!(digest(&[("a", "bc")]), digest(&[("ab", "c")]));
        assert_ne!(digest(&[("a", ""), ("b", "")]), digest(&[("a", "b")]));
        assert_eq!(digest(&[]).len(), 64);
    }

    #[test]
    fn a_part_is_unchanged_only_with_the_same_renderer_inputs_and_files() {
        let dist = tempfile::tempdir().unwrap();
        let page = "/a/2024/".to_string();
        let mut state = RenderState::new("r1".into());
        state.record("a", "d1".into(), vec![page.clone()]);
        // Its page is not on disk yet.
        assert_eq!(state.unchanged("r1", "a", "d1", dist.path()), None);
        let file = super::super::output_file(dist.path(), &page);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, "page").unwrap();
        assert_eq!(
            state.unchanged("r1", "a", "d1", dist.path()),
            Some(&[page.clone()][..])
        );
        assert_eq!(state.unchanged("r1", "a", "d2", dist.path()), None);
        assert_eq!(state.unchanged("r2", "a", "d1", dist.path()), None);
        assert_eq!(state.unchanged("r1", "b", "d1", dist.path()), None);
    }

    #[test]
    fn pages_no_longer_written_are_dropped_and_the_state_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let mut earlier = RenderState::new("r".into());
        earlier.record("a", "d".into(), vec!["/a/".into(), "/a/2023/".into()]);
        earlier.record("gone", "d".into(), vec!["/gone/".into()]);
        let mut now = RenderState::new("r".into());
        now.record("a", "d2".into(), vec!["/a/".into()]);
        assert_eq!(now.dropped_since(&earlier), vec!["/a/2023/", "/gone/"]);

        let file = dir.path().join("state.json");
        assert_eq!(RenderState::load(&file), Ok(None));
        now.save(&file).unwrap();
        assert_eq!(RenderState::load(&file), Ok(Some(now)));
        std::fs::write(&file, "{not json").unwrap();
        assert!(RenderState::load(&file).unwrap_err().contains("state.json"));
    }
}
