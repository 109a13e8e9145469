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
