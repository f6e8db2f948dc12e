/**
 * The Report as one self-contained HTML file: styles inline, charts and the map as inline SVG, no script and no
 * network request, so that it opens anywhere and prints the same (A4, by Chromium) as it reads on screen.
 */
import type { I18n } from './i18n/index.ts';
import type { Block, ReportDocument, Section } from './document.ts';
import type { Column, ReportTable, Value } from './table.ts';

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function label(prefix: string | undefined, v: string, i18n: I18n): string {
  const key = `${prefix ?? ''}${v}`;
  return i18n.has(key) ? i18n.t(key) : v;
}

/** One value as printed in the Report's language; an absent value is a dash. */
export function formatValue(c: Column, v: Value, i18n: I18n): string {
  if (v === null || v === '') return '–';
  switch (c.type) {
    case 'integer':
      return i18n.integer(Number(v));
    case 'decimal':
      return i18n.decimal(Number(v));
    case 'percent':
      return i18n.percent(Number(v));
    case 'share':
      // As the Council act prints a fair share: a percentage to four decimals.
      return i18n.percent(Number(v), 4);
    case 'change':
      return i18n.change(Number(v));
    case 'points':
      return i18n.points(Number(v));
    case 'period':
      return i18n.period(String(v));
    case 'date':
      return i18n.date(String(v));
    case 'state':
      return i18n.state(String(v));
    case 'route':
      return i18n.route(String(v));
    case 'label':
      return label(c.prefix, String(v), i18n);
    case 'labels':
      return String(v).split('+').map((x) => label(c.prefix, x, i18n)).join(', ');
    case 'hash':
      // The full hash is in the annex and manifest.json; the first 12 hex digits identify a file to the eye.
      return `${String(v).slice(0, 12)}…`;
    case 'text':
      return String(v);
  }
}

const NUMERIC = new Set(['integer', 'decimal', 'percent', 'change', 'points', 'share']);

export function renderTable(t: ReportTable, title: string, i18n: I18n, note?: string): string {
  const head = t.columns.map((c) => `<th scope="col"${NUMERIC.has(c.type) ? ' class="num"' : ''}>${escapeHtml(i18n.t(`col.${c.id}`))}</th>`).join('');
  const body = t.rows
    .map((r) => `<tr>${t.columns.map((c, i) => {
      const text = escapeHtml(formatValue(c, r[c.id] ?? null, i18n));
      const cls = NUMERIC.has(c.type) ? ' class="num"' : '';
      return i === 0 ? `<th scope="row"${cls}>${text}</th>` : `<td${cls} data-col="${c.id}">${text}</td>`;
    }).join('')}</tr>`)
    .join('\n');
  return `<figure class="table" id="table-${t.id}" data-table="${t.id}"><figcaption>${escapeHtml(title)}</figcaption>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>${note ? `<p class="note">${escapeHtml(note)}</p>` : ''}
<p class="annex">${escapeHtml(i18n.t('annex.pointer', { csv: `annexes/${t.id}.csv`, json: `annexes/${t.id}.json` }))}</p></figure>`;
}

function renderBlock(b: Block, i18n: I18n): string {
  switch (b.kind) {
    case 'p':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'notice':
      return `<p class="notice">${escapeHtml(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`;
    case 'table':
      return renderTable(b.table, b.title, i18n, b.note);
    case 'figure':
      return `<figure class="chart">${b.svg}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
  }
}

function renderSection(s: Section, n: number, i18n: I18n): string {
  return `<section id="${s.id}"><h2>${n}. ${escapeHtml(s.title)}</h2>\n${s.blocks.map((b) => renderBlock(b, i18n)).join('\n')}\n</section>`;
}

const CSS = `
@page { size: A4; margin: 18mm 15mm; }
:root { color: #1a1a1a; font: 10.5pt/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
body { max-width: 190mm; margin: 0 auto; padding: 1em; }
h1 { font-size: 20pt; margin: 0 0 .2em; color: #003399; }
h2 { font-size: 14pt; margin: 1.6em 0 .5em; color: #003399; border-bottom: 1px solid #c8d3e8; break-after: avoid; }
.subtitle { font-size: 12pt; color: #444; margin: 0 0 1.5em; }
nav ol { columns: 2; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { padding: 2px 5px; border-bottom: 1px solid #e0e0e0; text-align: left; vertical-align: top; }
thead th { border-bottom: 1.5px solid #444; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
figure { margin: 1em 0; }
figure.table { break-inside: auto; }
figcaption { font-weight: bold; margin-bottom: .3em; }
figure.chart figcaption { font-weight: normal; font-style: italic; margin-top: .3em; }
figure.chart { break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.note, .annex { font-size: 8pt; color: #555; margin: .3em 0 0; }
.notice { border: 2px solid #a50f15; padding: .5em .8em; color: #a50f15; font-weight: bold; }
td[data-col="sha256"] { font-family: monospace; }
td[data-col="file"], td[data-col="model"] { overflow-wrap: anywhere; }
`;

export function renderHtml(doc: ReportDocument, i18n: I18n): string {
  const toc = doc.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('');
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(doc.title)}</h1><p class="subtitle">${escapeHtml(doc.subtitle)}</p></header>
<nav aria-label="${escapeHtml(i18n.t('report.contents'))}"><h2>${escapeHtml(i18n.t('report.contents'))}</h2><ol>${toc}</ol></nav>
<main>
${doc.sections.map((s, i) => renderSection(s, i + 1, i18n)).join('\n')}
</main>
</body>
</html>
`;
}
