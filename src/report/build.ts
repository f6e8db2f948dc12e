/** Assembles the Report's sections in one language from the engine's figures (`ReportData`). */
import type { SituationTable } from '../cycle/situation.ts';
import { fanChart, pairedBarChart } from './charts.ts';
import { euMap } from './map.ts';
import { forecastMonthsTable, forecastSummaryTable, routeOf } from './sections/forecast.ts';
import { fairSharesTable } from './sections/fair-shares.ts';
import { implementationStatesTable, milestonesTable } from './sections/implementation.ts';
import { applicantsPerThousand, classOfValue, mapTable, PER_THOUSAND_CLASSES } from './sections/map.ts';
import { accountsTable, proposalTable } from './sections/pool.ts';
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
    if (t.id === 'asylum-applicants' && d.fairShares) blocks.push(...mapBlocks(d, i18n, tables));
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

function mapBlocks(d: ReportData, i18n: I18n, tables: BuiltReport['tables']): Block[] {
  const figures = applicantsPerThousand(d.situation, d.fairShares!);
  const byState = new Map(figures.map((f) => [f.state, f]));
  const legend = PER_THOUSAND_CLASSES.map((c) => ({ id: c.id, fill: c.fill, label: i18n.t(`map.class.${c.id}`) }));
  const none = { id: 'none', fill: '#d9d9d9', label: i18n.t('map.class.none') };
  const svg = euMap({
    title: i18n.t('map.title'),
    classOf: (geo) => {
      const f = byState.get(geo);
      if (!f) return none;
      const c = classOfValue(f.perThousand);
      return { id: c.id, fill: c.fill, label: `${i18n.decimal(f.perThousand)} ‰` };
    },
    legend: [...legend, none],
    nameOf: (geo) => i18n.state(geo),
  });
  return [
    { kind: 'figure', svg, caption: i18n.t('map.caption', { year: d.fairShares!.population.year }) },
    tableBlock(tables, mapTable(figures, d.fairShares!.population.year), i18n),
  ];
}

function forecast(d: ReportData, i18n: I18n, tables: BuiltReport['tables']): Section {
  const f = d.forecast;
  const blocks: Block[] = [{ kind: 'p', text: i18n.t('forecast.intro', { cycle: String(d.cycle) }) }];
  blocks.push(tableBlock(tables, forecastSummaryTable(f), i18n));
  for (const s of f.series) {
    blocks.push({ kind: 'figure', svg: fanChart(s.fanChart, i18n, { title: routeOf(s.id), y: i18n.t('unit.detections') }), caption: i18n.t('forecast.fan', { route: routeOf(s.id), model: s.model }) });
  }
  const notes = f.series.flatMap((s) => [...s.notes, ...(s.fallback ? [s.fallback] : [])].map((n) => `${routeOf(s.id)}: ${n}`));
  if (notes.length) blocks.push({ kind: 'list', items: notes });
  if (f.skipped.length) blocks.push({ kind: 'list', items: f.skipped.map((k) => i18n.t('forecast.skipped', { route: routeOf(k.id), reason: k.reason })) });
  blocks.push(tableBlock(tables, forecastMonthsTable(f), i18n));
  return { id: 'forecast', title: i18n.t('section.forecast'), blocks };
}

function fairShares(d: ReportData, i18n: I18n, tables: BuiltReport['tables']): Section | null {
  const f = d.fairShares;
  if (!f) return null;
  const blocks: Block[] = [
    { kind: 'p', text: i18n.t('fairShares.intro', { populationYear: f.population.year, gdpYear: f.gdp.year, populationVintage: f.population.vintages.join(', '), gdpVintage: f.gdp.vintages.join(', ') }) },
    tableBlock(tables, fairSharesTable(f), i18n),
  ];
  if (f.dataNotes.length) blocks.push({ kind: 'list', items: f.dataNotes });
  return { id: 'fair-shares', title: i18n.t('section.fair-shares'), blocks };
}

function pool(d: ReportData, i18n: I18n, tables: BuiltReport['tables']): Section | null {
  const p = d.pool;
  if (!p) return null;
  const ref = { relocations: p.proposal.referenceRelocations, financial: p.proposal.referenceFinancialEur };
  const blocks: Block[] = [];
  if (!p.adopted) {
    blocks.push({ kind: 'notice', text: i18n.t('pool.confidential') });
    blocks.push({ kind: 'p', text: i18n.t(p.origin === 'ledger' ? 'pool.proposal.ledger' : 'pool.proposal.computed', { relocations: ref.relocations, financial: ref.financial, phase: p.phase }) });
    blocks.push(tableBlock(tables, proposalTable(p), i18n));
  } else {
    blocks.push({ kind: 'p', text: i18n.t('pool.adopted', { act: p.act.act, date: i18n.date(p.act.adoptedAt), relocations: p.act.referenceRelocations, financial: p.act.referenceFinancialEur, phase: p.phase }) });
    blocks.push(tableBlock(tables, accountsTable(p), i18n));
  }
  return { id: 'pool', title: i18n.t('section.pool'), blocks };
}

function implementation(d: ReportData, i18n: I18n, tables: BuiltReport['tables']): Section {
  const o = d.implementation;
  const blocks: Block[] = [{ kind: 'p', text: i18n.t('implementation.intro', { records: o.records.length, states: o.states, silent: o.statesNotReporting.length }) }];
  blocks.push(tableBlock(tables, milestonesTable(o), i18n));
  if (o.records.length > 0) blocks.push(tableBlock(tables, implementationStatesTable(o), i18n));
  return { id: 'implementation', title: i18n.t('section.implementation'), blocks };
}

function methodology(d: ReportData, i18n: I18n, tables: BuiltReport['tables']): Section {
  return {
    id: 'methodology',
    title: i18n.t('section.methodology'),
    blocks: [
      { kind: 'p', text: i18n.t('methodology.version', { version: METHODOLOGY_VERSION }) },
      { kind: 'list', items: ['periods', 'substitution', 'rates', 'map', 'forecast', 'fairShares', 'vintages', 'reproduce'].map((k) => i18n.t(`methodology.${k}`)) },
      tableBlock(tables, inputsTable(d.inputs), i18n),
    ],
  };
}

export function buildReport(d: ReportData, i18n: I18n): BuiltReport {
  const tables: BuiltReport['tables'] = [];
  const sections: Section[] = [
    introduction(d, i18n),
    sources(d, i18n, tables),
    situation(d, i18n, tables),
    forecast(d, i18n, tables),
    fairShares(d, i18n, tables),
    pool(d, i18n, tables),
    implementation(d, i18n, tables),
    methodology(d, i18n, tables),
  ].filter((x): x is Section => x !== null);
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
