//! One report section: its heading with a share control, its paragraphs (figures marked so
//! that links can point at them), its tables, its subsections.

use std::sync::Arc;

use leptos::prelude::*;
use nianbao_model::format::{push_escaped, segments};
use nianbao_model::series::ChartPlan;
use nianbao_model::{Report, Section, Series};

use crate::components::chart::IndicatorChart;
use crate::components::copy_link::CopyLink;
use crate::components::tables::SectionTables;
use crate::site::{anchor, route, use_site_base};

/// The report being read, its agency's series, and which section a link points at.
#[derive(Clone)]
pub struct ReportContext {
    pub report: Arc<Report>,
    pub series: Arc<Vec<Series>>,
    /// The charts beside each section (see `section_charts`).
    pub charts: Arc<Vec<(String, Vec<ChartPlan>)>>,
    /// The section the URL names (marked, focused, scrolled to).
    pub target: Memo<Option<String>>,
}

/// A paragraph as published, with the figures found in it marked.
///
/// Written as one `inner_html`: the browser's parser builds a paragraph of thousands of
/// figures in a few milliseconds, where a node per piece from the wasm blocked the tab for
/// 400 ms (issue 10). A paragraph of more than a `CHUNK` is written a chunk per task, so
/// that neither handing its text to the browser nor parsing it holds the tab for long.
#[component]
pub fn Paragraph(
    report: Arc<Report>,
    section: String,
    index: usize,
    text: String,
) -> impl IntoView {
    let mut chunks = paragraph_chunks(&report, &section, index, text);
    let paragraph = NodeRef::<leptos::html::P>::new();
    // Pre-rendered, the paragraph is written whole.
    #[cfg(not(target_arch = "wasm32"))]
    let first: String = chunks.by_ref().collect();
    #[cfg(target_arch = "wasm32")]
    let first = {
        let first = chunks.next().unwrap_or_default();
        append_later(paragraph, chunks);
        first
    };
    view! { <p node_ref=paragraph inner_html=first /> }
}

/// Appends `rest` to `paragraph` a chunk per task, counted in the report's `DrawingWork`.
#[cfg(target_arch = "wasm32")]
fn append_later(paragraph: NodeRef<leptos::html::P>, mut rest: ParagraphChunks) {
    if rest.done {
        return;
    }
    let drawing = use_context::<DrawingWork>();
    if let Some(drawing) = drawing {
        drawing.started();
    }
    leptos::task::spawn_local(async move {
        loop {
            crate::yielding::next_task().await;
            let p = match paragraph.try_get_untracked() {
                Some(Some(p)) => p,
                Some(None) => continue, // not built yet
                None => return,         // the view went away
            };
            let Some(chunk) = rest.next() else { break };
            let _ = p.insert_adjacent_html("beforeend", &chunk);
        }
        if let Some(drawing) = drawing {
            drawing.finished();
        }
    });
}

/// Paragraphs of the report being drawn whose later chunks are still to come: the app takes
/// over a pre-rendered page only once there are none.
#[derive(Clone, Copy)]
pub struct DrawingWork(RwSignal<usize>);

impl DrawingWork {
    pub fn provide() -> Self {
        let work = Self(RwSignal::new(0));
        provide_context(work);
        work
    }

    pub fn done(&self) -> bool {
        self.0.get() == 0
    }

    #[cfg(target_arch = "wasm32")]
    fn started(&self) {
        self.0.update(|n| *n += 1);
    }

    #[cfg(target_arch = "wasm32")]
    fn finished(&self) {
        let _ = self.0.try_update(|n| *n = n.saturating_sub(1));
    }
}

/// Bytes of HTML from which a long paragraph's next block starts a new chunk (about 200,000
/// characters of Chinese text: some 30 ms to decode and parse on a desktop).
const CHUNK: usize = 600_000;

/// Characters from which a paragraph is shown in blocks (see `paragraph_html`). The longest
/// paragraph of the shipped reports has under 600.
const LONG_PARAGRAPH: usize = 4_000;
/// Characters a block of a long paragraph holds at least before it ends at a sentence end.
const BLOCK: usize = 2_000;

/// The HTML of a paragraph's text, each of its figures a `<span class="figure">` with the
/// figure's anchor as its id; every piece of text escaped.
///
/// A paragraph of over `LONG_PARAGRAPH` characters (a whole report pasted into one `<p>`) is
/// cut after sentence ends into `<span class="paragraph-block">` of about `BLOCK` characters, which the
/// style sheet lays out only near the screen (`content-visibility: auto`): laid out whole, a
/// paragraph of 1 MB blocked the tab for 800 ms. The text stays the same; only the lines
/// break at each block's end.
pub fn paragraph_html(report: &Report, section: &str, index: usize, text: &str) -> String {
    paragraph_chunks(report, section, index, text.to_string()).collect()
}

/// `paragraph_html` in chunks of whole blocks, each of at least `CHUNK` bytes but the last,
/// each written only when asked for: a paragraph of megabytes costs its first task one chunk.
pub fn paragraph_chunks(
    report: &Report,
    section: &str,
    index: usize,
    text: String,
) -> ParagraphChunks {
    let mut figures: Vec<_> = report
        .figures
        .iter()
        .filter(|f| f.section == section && f.paragraph == index)
        .collect();
    figures.sort_by_key(|f| f.start);
    let ranges: Vec<(usize, usize)> = figures.iter().map(|f| (f.start, f.end)).collect();
    let pieces = segments(&text, &ranges)
        .into_iter()
        .map(|(bytes, figure)| {
            let id = figure.map(|i| anchor::figure(section, index, figures[i].start));
            (bytes, id)
        })
        .collect();
    ParagraphChunks {
        in_blocks: text.chars().nth(LONG_PARAGRAPH).is_some(),
        text,
        pieces,
        next_piece: 0,
        written: 0,
        in_block: 0,
        done: false,
    }
}

/// The chunks of a paragraph's HTML still to be written (see `paragraph_chunks`).
pub struct ParagraphChunks {
    text: String,
    /// The paragraph cut at its figures: byte ranges of `text`, a figure's with its anchor.
    pieces: Vec<(std::ops::Range<usize>, Option<String>)>,
    in_blocks: bool,
    next_piece: usize,
    /// How far into `text` the chunks have written (inside `pieces[next_piece]`).
    written: usize,
    /// Characters in the block being written.
    in_block: usize,
    done: bool,
}

const BLOCK_START: &str = "<span class=\"paragraph-block\">";

impl Iterator for ParagraphChunks {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        if self.done {
            return None;
        }
        let mut html = String::with_capacity(self.text.len().min(CHUNK * 2));
        if self.in_blocks {
            html.push_str(BLOCK_START);
        }
        while let Some((bytes, figure)) = self.pieces.get(self.next_piece) {
            let piece = &self.text[self.written..bytes.end];
            match figure {
                Some(id) => {
                    html.push_str("<span class=\"figure\" id=\"");
                    push_escaped(&mut html, id);
                    html.push_str("\">");
                    push_escaped(&mut html, piece);
                    html.push_str("</span>");
                    self.in_block += piece.chars().count();
                }
                None if self.in_blocks => {
                    let mut from = 0;
                    for (at, c) in piece.char_indices() {
                        self.in_block += 1;
                        // At a sentence end, or anywhere once a block has no sentence end at all.
                        if (self.in_block >= BLOCK && matches!(c, '。' | '！' | '？' | '；'))
                            || self.in_block >= 2 * BLOCK
                        {
                            let end = at + c.len_utf8();
                            push_escaped(&mut html, &piece[from..end]);
                            html.push_str("</span>");
                            (from, self.in_block) = (end, 0);
                            if html.len() >= CHUNK {
                                self.written += end;
                                return Some(html);
                            }
                            html.push_str(BLOCK_START);
                        }
                    }
                    push_escaped(&mut html, &piece[from..]);
                }
                None => push_escaped(&mut html, piece),
            }
            self.next_piece += 1;
            self.written = bytes.end;
        }
        if self.in_blocks {
            html.push_str("</span>");
        }
        self.done = true;
        Some(html)
    }
}

/// The agency's report year before `year`, from its series (whose points carry the title of
/// each year's report).
pub fn previous_year(series: &[Series], year: u16) -> Option<u16> {
    let years = series
        .first()?
        .points
        .iter()
        .filter(|p| p.report.is_some())
        .map(|p| p.year);
    nianbao_model::compare::previous_year(years, year)
}

#[component]
pub fn SectionView(section: Section, depth: usize) -> impl IntoView {
    let context = use_context::<ReportContext>().expect("SectionView stands inside a report");
    let report = context.report.clone();
    let base = use_site_base();
    let path = route::section(&report.agency.id, report.year, &section.id);
    let full_heading = section.full_heading();
    let heading = view! {
        <span class="section-number">{section.number.clone()}</span>
        <span class="section-title">{section.heading.clone()}</span>
        <CopyLink path=path.clone() title=format!("{full_heading} · {}", report.title) />
    };
    // Deeper levels share h5 so the outline stays within h2–h5.
    let heading = match depth {
        0 => view! { <h2 tabindex="-1">{heading}</h2> }.into_any(),
        1 => view! { <h3 tabindex="-1">{heading}</h3> }.into_any(),
        2 => view! { <h4 tabindex="-1">{heading}</h4> }.into_any(),
        _ => view! { <h5 tabindex="-1">{heading}</h5> }.into_any(),
    };
    // A section's pre-rendered page carries the report from its section on: the data tables
    // of the charts further on are on their own sections' pages (and the report's), and
    // repeated on every section's page before them they made a fifth of those pages (issue
    // 16). With JavaScript the tables are hidden until asked for, so the page lays out the
    // same either way.
    let linked = context.target.get_untracked();
    let tables_here = linked.as_deref().is_none_or(|linked| {
        section.id == linked
            || holds(&section, linked)
            || report
                .find_section(linked)
                .is_some_and(|linked| holds(linked, &section.id))
    });
    let charts = context
        .charts
        .iter()
        .find(|(id, _)| *id == section.id)
        .map(|(_, plans)| {
            let agency = report.agency.id.clone();
            let year = report.year;
            let aside = plans
                .iter()
                .map(|plan| {
                    let series: Vec<Series> = plan.pick(&context.series).cloned().collect();
                    let id = anchor::section_chart(&section.id, &plan.key);
                    let table_elsewhere = (!tables_here)
                        .then(|| format!("{}#{id}", route::section(&agency, year, &section.id)));
                    view! {
                        <IndicatorChart
                            series=series
                            title=plan.title.clone()
                            highlight_year=report.year
                            id
                            permalink=route::indicator(&agency, &plan.key)
                            heading_level=(depth as u8 + 3).min(5)
                            table_elsewhere
                        />
                    }
                })
                .collect_view();
            view! {
                <aside class="section-charts" aria-label="历年图表" data-pagefind-ignore="all">
                    {aside}
                </aside>
            }
        });
    let id = section.id.clone();
    let target = context.target;
    // The search index (scripts/search-index.mjs) reads the pre-rendered section pages: the
    // linked section is the page's one record, its subsections (their own records) left out.
    // (Sections around the linked one stay unmarked: the body inside them must be read.)
    let indexed = cfg!(not(target_arch = "wasm32"))
        .then(|| target.get_untracked().as_deref() == Some(section.id.as_str()));
    let around_target = target.get_untracked().is_some_and(|t| holds(&section, &t));
    let search_record = indexed
        .filter(|&on| on)
        .map(|_| search_record(&report, &full_heading));
    let is_target = move || target.read().as_deref() == Some(id.as_str());
    // Text and tables, then the charts: beside each other on wide screens, one after the
    // other on narrow ones (see styles.css).
    let has_charts = charts.is_some();
    let main = view! {
        {section
            .paragraphs
            .into_iter()
            .enumerate()
            .map(|(index, text)| {
                view! { <Paragraph report=report.clone() section=section.id.clone() index text /> }
            })
            .collect_view()}
        <SectionTables report=report.clone() section_id=section.id.clone() />
    };
    let body = match charts {
        Some(charts) => view! {
            <div class="section-main">{main}</div>
            {charts}
        }
        .into_any(),
        None => main.into_any(),
    };
    let compare = (depth == 0)
        .then(|| previous_year(&context.series, report.year))
        .flatten()
        .map(|before| {
            let href = base.href(&route::compare_section(
                &report.agency.id,
                before,
                report.year,
                &section.id,
            ));
            view! {
                <p class="compare-links">
                    <a href=href>{format!("与上年比较（{before}年度）")}</a>
                </p>
            }
        });
    view! {
        <section
            id=section.id.clone()
            class="section"
            class:is-target=is_target
            class:has-charts=has_charts
            data-pagefind-body=indexed.filter(|&on| on).map(|_| "")
            data-pagefind-ignore=indexed.filter(|&on| !on && !around_target).map(|_| "all")
        >
            {heading}
            {compare}
            {search_record}
            {body}
            {section
                .children
                .into_iter()
                .map(|child| view! { <SectionView section=child depth=depth + 1 /> })
                .collect_view()}
            <p class="print-url" aria-hidden="true" data-pagefind-ignore="all">
                {base.absolute(&path)}
            </p>
        </section>
    }
    .into_any()
}

/// What a search result shows and filters by, for the pre-rendered page's record: the
/// section's heading, the body (its id as the filter, its name to show), the year, the format,
/// the top-level region (its slug).
/// (`data-pagefind-ignore` without "all": the text is left out, the meta and filters kept.)
fn search_record(report: &Report, full_heading: &str) -> impl IntoView {
    let attr = |key: &str, value: &str| format!("{key}:{}", value.replace(',', "，"));
    let region =
        (report.agency.region.first().cloned()).unwrap_or_else(nianbao_model::regions::unplaced);
    view! {
        <span hidden data-pagefind-ignore data-pagefind-filter=attr("region", &region.slug)></span>
        <span
            hidden
            data-pagefind-ignore
            data-pagefind-meta=attr("title", full_heading)
            data-pagefind-filter=attr("agency", &report.agency.id)
        ></span>
        <span
            hidden
            data-pagefind-ignore
            data-pagefind-meta=attr("agency_name", &report.agency.name)
            data-pagefind-filter=attr("year", &report.year.to_string())
        ></span>
        <span
            hidden
            data-pagefind-ignore
            data-pagefind-meta=attr("year", &report.year.to_string())
            data-pagefind-filter=attr("format", report.format.label())
        ></span>
    }
}

/// Whether `id` names a subsection (at any depth) of `section`.
fn holds(section: &Section, id: &str) -> bool {
    section
        .children
        .iter()
        .any(|child| child.id == id || holds(child, id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_model::{parse_report, Figure};

    fn shipped(agency: &str, year: u16) -> Report {
        let path = format!(
            "{}/public/data/{agency}/{year}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        parse_report(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// `html` without its tags: the published text where it held nothing to escape.
    fn without_markup(html: &str) -> String {
        html.split('<')
            .map(|p| p.split_once('>').map_or(p, |(_, rest)| rest))
            .collect()
    }

    #[test]
    fn a_paragraph_marks_each_of_its_figures_and_escapes_the_text() {
        let report = shipped("pingtan", 2024);
        let figure = report
            .figures
            .iter()
            .find(|f| report.find_section(&f.section).is_some())
            .expect("the report states figures in its sections")
            .clone();
        let text =
            report.find_section(&figure.section).unwrap().paragraphs[figure.paragraph].clone();
        let html = paragraph_html(&report, &figure.section, figure.paragraph, &text);
        let id = anchor::figure(&figure.section, figure.paragraph, figure.start);
        assert!(html.contains(&format!(
            "<span class=\"figure\" id=\"{id}\">{}</span>",
            figure.text
        )));
        let marked = report
            .figures
            .iter()
            .filter(|f| f.section == figure.section && f.paragraph == figure.paragraph)
            .count();
        assert_eq!(html.matches("<span class=\"figure\"").count(), marked);
        assert_eq!(without_markup(&html), text);

        let hostile = "<script>alert(1)</script> & \"引号\"";
        assert_eq!(
            paragraph_html(&report, "no-such-section", 0, hostile),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;"
        );
    }

    /// The figure at characters 8..11 of each of `count` repeats of `sentence`, in s1's first
    /// paragraph.
    fn figure_in_every_sentence(sentence: &str, count: usize) -> Vec<Figure> {
        let per = sentence.chars().count();
        let text: String = sentence.chars().skip(8).take(3).collect();
        (0..count)
            .map(|i| Figure {
                value: 12.0,
                unit: "条".into(),
                approximate: false,
                indicator: None,
                section: "s1".into(),
                paragraph: 0,
                start: i * per + 8,
                end: i * per + 11,
                text: text.clone(),
            })
            .collect()
    }

    #[test]
    fn a_very_long_paragraph_comes_in_blocks_cut_at_sentence_ends() {
        let mut report = shipped("pingtan", 2024);
        let sentence = "主动公开政府信息12条。";
        let text = sentence.repeat(1_000);
        report.figures = figure_in_every_sentence(sentence, 1_000);
        let html = paragraph_html(&report, "s1", 0, &text);
        let blocks: Vec<&str> = html
            .split("<span class=\"paragraph-block\">")
            .skip(1)
            .map(|b| b.trim_end_matches("</span>"))
            .collect();
        assert!(blocks.len() >= 5, "{} blocks", blocks.len());
        assert_eq!(html.matches("<span class=\"figure\"").count(), 1_000);
        for block in &blocks[..blocks.len() - 1] {
            assert!(
                block.ends_with('。'),
                "a block ends mid-sentence: …{}",
                &block[block.len() - 30..]
            );
        }
        assert_eq!(without_markup(&html), text);
        // A short paragraph is one run of text.
        assert!(!paragraph_html(&report, "s1", 0, sentence).contains("paragraph-block"));
    }

    #[test]
    fn a_paragraph_of_megabytes_comes_in_chunks_of_whole_blocks() {
        let mut report = shipped("pingtan", 2024);
        let sentence = "主动公开政府信息十二条，均已在网站发布。";
        let text = sentence.repeat(20_000);
        // A figure in every sentence, so that chunks end and start beside figures.
        report.figures = figure_in_every_sentence(sentence, 20_000);
        let chunks: Vec<String> = paragraph_chunks(&report, "s1", 0, text.clone()).collect();
        assert!(chunks.len() >= 3, "{} chunks", chunks.len());
        for chunk in &chunks {
            assert!(chunk.starts_with("<span class=\"paragraph-block\">"));
            assert!(chunk.ends_with("</span>"));
            assert_eq!(
                chunk.matches("<span").count(),
                chunk.matches("</span>").count()
            );
        }
        assert!(chunks[..chunks.len() - 1].iter().all(|c| c.len() >= CHUNK));
        let html = chunks.concat();
        assert_eq!(html.matches("<span class=\"figure\"").count(), 20_000);
        assert_eq!(without_markup(&html), text);
        // A paragraph of the shipped reports is one chunk.
        assert_eq!(
            paragraph_chunks(&report, "s1", 0, "主动公开。".to_string()).count(),
            1
        );
    }
}
