// A synthetic fixture for the long-report timing: a real report whose sections are repeated
// until it has 2,000 top-level sections. Marked as synthetic in its title and notes, and
// never written into the shipped data: the benchmark serves it by intercepting the request.

export const SYNTHETIC_SECTIONS = 2000;

function renumber(section, id) {
  return {
    ...section,
    id,
    children: (section.children ?? []).map((child, i) => renumber(child, `${id}-${i + 1}`)),
  };
}

/** `report` (parsed JSON) with `count` top-level sections: its own first, then copies. */
export function syntheticReport(report, count = SYNTHETIC_SECTIONS) {
  const originals = report.sections;
  const sections = [...originals];
  for (let n = originals.length + 1; n <= count; n += 1) {
    const source = originals[(n - 1) % originals.length];
    sections.push({ ...renumber(source, `s${n}`), number: `（${n}）` });
  }
  return {
    ...report,
    title: `${report.title}（合成测试数据：${count}节）`,
    notes: [...(report.notes ?? []), `合成测试数据：由真实报告的章节重复组成，共${count}节，仅用于性能测试。`],
    sections,
  };
}

/** Figures stated in the long paragraph of `longParagraphReport`. */
export const LONG_PARAGRAPH_FIGURES = 5000;

/**
 * `report` with one section whose only paragraph is about 1 MB of text stating
 * `LONG_PARAGRAPH_FIGURES` figures (the shape a report copied into one `<p>` can take).
 * Marked as synthetic in its title and notes.
 */
export function longParagraphReport(report, figures = LONG_PARAGRAPH_FIGURES) {
  const filler = '各部门按照要求认真落实政府信息公开工作，'.repeat(10);
  const fillerLength = [...filler].length;
  const pieces = [];
  let length = 0; // in characters, kept as the text grows (measuring it each time is quadratic)
  const marked = [];
  for (let i = 0; i < figures; i += 1) {
    const figure = `${i + 1}条`;
    const stated = `发布信息${figure}，`;
    pieces.push(filler, stated);
    const at = length + fillerLength + 4;
    length += fillerLength + [...stated].length;
    marked.push({
      value: i + 1, unit: '条', approximate: false, indicator: null,
      section: 's1', paragraph: 0, start: at, end: at + [...figure].length, text: figure,
    });
  }
  const text = pieces.join('');
  const first = { ...report.sections[0], paragraphs: [text], children: [] };
  return {
    ...report,
    title: `${report.title}（合成测试数据：${figures}个数字的长段落）`,
    notes: [...(report.notes ?? []), `合成测试数据：一个约1 MB、含${figures}个数字的段落，仅用于性能测试。`],
    sections: [first, ...report.sections.slice(1)],
    figures: marked,
  };
}

/** The names list (`data/names.json`) of `count` bodies: copies of the real ones under invented
 * ids and names. */
export function largeNames(names, count = 10_000) {
  const bodies = [];
  for (let i = 0; i < count; i += 1) {
    const source = names.bodies[i % names.bodies.length];
    bodies.push({ ...source, id: `synthetic-${i}`, name: `合成测试机关${i + 1}（${source.name}）` });
  }
  return { ...names, bodies };
}
