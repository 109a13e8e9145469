// The baseline a reader would otherwise get: the report's text as one plain HTML page with
// minimal CSS and no script, made from the report JSON — roughly what the government's own
// page serves. Lighthouse runs on it beside nianbao's page, so the comparison is the cost of
// the app over the same words.

const esc = (text) =>
  String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Column heads of the standard application table (2019 and 2021 templates).
const APPLICANTS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

function cell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return esc(value.value ?? '');
  return esc(value);
}

function tableHtml(name, table) {
  const parts = [];
  if (Array.isArray(table.blocks)) {
    for (const block of table.blocks) {
      parts.push(`<table><caption>${esc(block.item)}</caption><tr><th></th>`);
      for (const column of block.columns ?? []) parts.push(`<th>${esc(column)}</th>`);
      parts.push('</tr>');
      for (const row of block.rows ?? []) {
        parts.push(`<tr><th>${esc(row.label)}</th>`);
        for (const value of row.values ?? []) parts.push(`<td>${cell(value)}</td>`);
        parts.push('</tr>');
      }
      parts.push('</table>');
    }
  } else if (Array.isArray(table.rows)) {
    parts.push(`<table><tr><th></th>${APPLICANTS.map((c) => `<th>${c}</th>`).join('')}</tr>`);
    for (const row of table.rows) {
      const label = row.group ? `${row.group} ${row.label}` : row.label;
      parts.push(`<tr><th>${esc(label)}</th>`);
      for (const value of row.values ?? []) parts.push(`<td>${cell(value)}</td>`);
      parts.push('</tr>');
    }
    parts.push('</table>');
  } else if (Array.isArray(table.values)) {
    parts.push(`<table><caption>${esc(name)}</caption><tr>`);
    for (const value of table.values) parts.push(`<td>${cell(value)}</td>`);
    parts.push('</tr></table>');
  }
  return parts.join('');
}

function sectionHtml(section, tablesBySection, depth) {
  const level = Math.min(depth + 2, 6);
  const parts = [
    `<section id="${esc(section.id)}"><h${level}>${esc(section.number ?? '')}${esc(section.heading)}</h${level}>`,
  ];
  for (const paragraph of section.paragraphs ?? []) parts.push(`<p>${esc(paragraph)}</p>`);
  for (const [name, table] of tablesBySection.get(section.id) ?? []) parts.push(tableHtml(name, table));
  for (const child of section.children ?? []) parts.push(sectionHtml(child, tablesBySection, depth + 1));
  parts.push('</section>');
  return parts.join('');
}

/** The whole report as one plain HTML page. */
export function baselineHtml(report) {
  const tablesBySection = new Map();
  for (const [name, table] of Object.entries(report.tables ?? {})) {
    const list = tablesBySection.get(table.section) ?? [];
    list.push([name, table]);
    tablesBySection.set(table.section, list);
  }
  const body = [
    `<h1>${esc(report.title)}</h1>`,
    `<p>${esc(report.agency?.name)} · ${esc(report.published)}</p>`,
    ...(report.intro ?? []).map((p) => `<p>${esc(p)}</p>`),
    ...(report.sections ?? []).map((s) => sectionHtml(s, tablesBySection, 0)),
    ...(report.signature ?? []).map((line) => `<p class="sig">${esc(line)}</p>`),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(report.title)}</title>
<style>
body{max-width:42em;margin:0 auto;padding:1em;font:1.0625rem/1.8 system-ui,sans-serif;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:.9em;display:block;overflow-x:auto}
th,td{border:1px solid #999;padding:.2em .4em}.sig{text-align:right}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
