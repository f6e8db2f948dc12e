/** Assembles the Report's sections in one language from the engine's figures (`ReportData`). */
import type { SituationTable } from '../cycle/situation.ts';
import { pairedBarChart } from './charts.ts';
import type { ReportData } from './data.ts';
import type { Block, ReportDocument, Section } from './document.ts';
import type { I18n } from './i18n/index.ts';
import { METHODOLOGY_VERSION } from './manifest.ts';
import { situationTable } from './sections/situation.ts';
import { coverageTable, gapsTable, inputsTable } from './sections/sources.ts';
import type { ReportTable } from './table.ts';

export interface BuiltReport {
  document: ReportDocument;
  /** Every table with its title in this language: the annexes. */
  tables: { table: ReportTable; title: string }[];
}

function tableBlock(tables: BuiltReport['tables'], table: ReportTable, i18n: I18n, note?: string): Block {
  const title = i18n.t(`table.${table.id}`, table.params);
  tables.push({ table, title });
  return note ? { kind: 'table', table, title, note } : { kind: 'table', table, title };
}

function introduction(d: ReportData, i18n: I18n): Section {
  const ref = d.situation.reference;
  return {
    id: 'introduction',
    title: i18n.t('section.introduction'),
    blocks: [
      { kind: 'p', text: i18n.t('intro.legal', { cycle: String(d.cycle), first: i18n.period(ref.first), last: i18n.period(ref.last) }) },
      { kind: 'p', text: i18n.t('intro.data', { observations: d.coverage.observations, files: d.inputs.length }) },
      ...(d.omitted.length ? [{ kind: 'list' as const, items: d.omitted.map((o) => i18n.t('intro.omitted', { section: i18n.t(`section.${o.section}`), reason: o.reason })) }] : []),
    ],
  };
}

function sources(d: ReportData, i18n: I18n, tables: BuiltReport['tables']): Section {
  return {
    id: 'sources',
    title: i18n.t('section.sources'),
    blocks: [
      { kind: 'p', text: i18n.t('sources.intro') },
      tableBlock(tables, coverageTable(d.coverage), i18n),
      { kind: 'p', text: i18n.t('sources.gaps', { gaps: d.coverage.gaps.length }) },
      tableBlock(tables, gapsTable(d.coverage), i18n),
    ],
  };
}

function situationChart(t: SituationTable, d: ReportData, i18n: I18n, label: (key: string) => string): Block {
  const svg = pairedBarChart(
    t.rows.filter((r) => r.key !== 'EU27_2020').map((r) => ({ label: label(r.key), reference: r.reference?.value ?? null, previous: r.previous?.value ?? null })),
    i18n,
    { reference: i18n.t('chart.reference'), previous: i18n.t('chart.previous'), x: i18n.t(`unit.${t.unit}`) },
  );
  return { kind: 'figure', svg, caption: i18n.t(`chart.${t.id}`, { cycle: String(d.cycle) }) };
}

function situation(d: ReportData, i18n: I18n, tables: BuiltReport['tables']): Section {
  const s = d.situation;
  const blocks: Block[] = [
    {
      kind: 'p',
      text: i18n.t('situation.intro', {
        refFirst: i18n.period(s.reference.first),
        refLast: i18n.period(s.reference.last),
        prevFirst: i18n.period(s.previous.first),
        prevLast: i18n.period(s.previous.last),
      }),
    },
  ];
  for (const t of s.tables) {
    if (t.id === 'arrivals-by-route') blocks.push(situationChart(t, d, i18n, (k) => k));
    if (t.id === 'arrivals-by-state') blocks.push(situationChart(t, d, i18n, (k) => i18n.state(k)));
    const note = t.missing.length ? i18n.t('situation.missing', { states: t.missing.map((g) => i18n.state(g)).join(', ') }) : undefined;
    blocks.push(tableBlock(tables, situationTable(t), i18n, note));
  }
  if (s.noData.length) {
    blocks.push({ kind: 'p', text: i18n.t('situation.noData') });
    blocks.push({ kind: 'list', items: s.noData.map((id) => i18n.t(`indicator.${id}`)) });
  }
  return { id: 'situation', title: i18n.t('section.situation'), blocks };
}

function methodology(d: ReportData, i18n: I18n, tables: BuiltReport['tables']): Section {
  return {
    id: 'methodology',
    title: i18n.t('section.methodology'),
    blocks: [
      { kind: 'p', text: i18n.t('methodology.version', { version: METHODOLOGY_VERSION }) },
      { kind: 'list', items: ['periods', 'substitution', 'rates', 'vintages', 'reproduce'].map((k) => i18n.t(`methodology.${k}`)) },
      tableBlock(tables, inputsTable(d.inputs), i18n),
    ],
  };
}

export function buildReport(d: ReportData, i18n: I18n): BuiltReport {
  const tables: BuiltReport['tables'] = [];
  const sections: Section[] = [introduction(d, i18n), sources(d, i18n, tables), situation(d, i18n, tables), methodology(d, i18n, tables)];
  return {
    document: {
      lang: i18n.lang,
      title: i18n.t('report.title'),
      subtitle: i18n.t('report.subtitle', { cycle: String(d.cycle), first: i18n.period(d.situation.reference.first), last: i18n.period(d.situation.reference.last) }),
      sections,
    },
    tables,
  };
}
