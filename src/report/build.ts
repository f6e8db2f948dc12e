/** Assembles the Report's sections in one language from the engine's figures (`ReportData`). */
import type { SituationTable } from '../cycle/situation.ts';
import { fanChart, occupancyChart, pairedBarChart } from './charts.ts';
import { modelledStates, outlookMonthsTable, outlookStatesTable } from './sections/capacity-outlook.ts';
import type { ReachDate } from '../domain/procedures/border-occupancy.ts';
import { euMap } from './map.ts';
import { forecastMonthsTable, forecastSummaryTable, routeOf } from './sections/forecast.ts';
import { fairSharesTable } from './sections/fair-shares.ts';
import { implementationStatesTable, milestonesTable } from './sections/implementation.ts';
import { toolboxTable } from './sections/toolbox.ts';
import { applicantsPerThousand, classOfValue, mapTable, PER_THOUSAND_CLASSES } from './sections/map.ts';
import { accountsTable, proposalTable } from './sections/pool.ts';
import { assessmentNotesTable, assessmentStatesTable, decisionsTable, disagreementsTable, evidenceTable, indicatorsTable } from './sections/assessment.ts';
import type { AssessmentCategory } from '../domain/assessment/methodology.ts';
import type { ReportData } from './data.ts';
import type { Block, ReportDocument, Section } from './document.ts';
import type { I18n } from './i18n/index.ts';
import type { Note } from '../domain/note.ts';
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
    if (t.id === 'arrivals-by-route') blocks.push(situationChart(t, d, i18n, (k) => i18n.route(k)));
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

/** Notes the engine writes (substitutions, coverage, fallbacks), in the Report's language. */
function engineNotes(notes: readonly Note[], i18n: I18n): Block[] {
  return notes.length ? [{ kind: 'list', items: notes.map((n) => i18n.note(n)) }] : [];
}

function forecast(d: ReportData, i18n: I18n, tables: BuiltReport['tables']): Section {
  const f = d.forecast;
  const blocks: Block[] = [{ kind: 'p', text: i18n.t('forecast.intro', { cycle: String(d.cycle) }) }];
  blocks.push(tableBlock(tables, forecastSummaryTable(f), i18n));
  for (const s of f.series) {
    blocks.push({ kind: 'figure', svg: fanChart(s.fanChart, i18n, { title: i18n.route(routeOf(s.id)), y: i18n.t('unit.detections') }), caption: i18n.t('forecast.fan', { route: i18n.route(routeOf(s.id)), model: s.model }) });
  }
  const notes = f.series.flatMap((s) => [...s.notes, ...(s.fallback ? [s.fallback] : [])].map((n) => `${i18n.route(routeOf(s.id))}: ${i18n.note(n)}`));
  if (notes.length) blocks.push({ kind: 'list', items: notes });
  if (f.skipped.length) blocks.push({ kind: 'list', items: f.skipped.map((k) => i18n.t('forecast.skipped', { route: i18n.route(routeOf(k.id)), reason: i18n.note(k.reason) })) });
  blocks.push(tableBlock(tables, forecastMonthsTable(f), i18n));
  return { id: 'forecast', title: i18n.t('section.forecast'), blocks };
}

/** "In 2026" / "on 29 August 2026": a reach date, or that it is not reached in the year. */
function reachSentence(r: ReachDate, year: number, i18n: I18n): string {
  const d = (x: string | null) => (x === null ? i18n.t('outlook.notInYear', { year: String(year) }) : i18n.date(x));
  return i18n.t(r.central === null ? 'outlook.notReached' : 'outlook.reached', {
    date: r.central === null ? '' : i18n.date(r.central),
    year: String(year),
    from80: d(r.range80[0]),
    to80: d(r.range80[1]),
    from95: d(r.range95[0]),
    to95: d(r.range95[1]),
  });
}

function capacityOutlook(d: ReportData, i18n: I18n, tables: BuiltReport['tables']): Section | null {
  const r = d.capacityOutlook;
  if (!r) return null;
  const a = r.assumptions;
  const year = String(r.year);
  const modelled = modelledStates(r);
  const blocks: Block[] = [
    {
      kind: 'p',
      text: i18n.t('outlook.intro', {
        year,
        share: i18n.percent(a.borderShare, 0),
        weeks: String(a.durationWeeks),
        appliesFrom: i18n.date(a.appliesFrom),
        union: r.capacity.unionCapacity,
      }),
    },
    { kind: 'p', text: i18n.t(a.borderShareIsDefault ? 'outlook.share.default' : 'outlook.share.given', { share: i18n.percent(a.borderShare, 0) }) },
  ];
  const unmodelled = r.states.filter((s) => s.routes.length === 0);
  if (unmodelled.length) blocks.push({ kind: 'p', text: i18n.t('outlook.notModelled', { states: unmodelled.map((s) => i18n.state(s.code)).join(', ') }) });
  blocks.push({
    kind: 'list',
    items: modelled.map((s) => {
      const o = s.outlook;
      const capacity = o.capacityReached ? reachSentence(o.capacityReached, r.year, i18n) : i18n.t('outlook.noCapacity');
      const maximum = o.annualMaximumReached ? reachSentence(o.annualMaximumReached, r.year, i18n) : i18n.t('outlook.noMaximum');
      return i18n.t('outlook.state', { state: i18n.state(s.code), capacity: s.capacity, maximum: s.annualMaximum ?? 0, capacityReach: capacity, maximumReach: maximum });
    }),
  });
  for (const s of modelled) {
    const svg = occupancyChart(
      s.outlook.months.map((m) => ({ period: m.period, peak: m.peak, cumulative: m.cumulative.mean })),
      { capacity: s.capacity, annualMaximum: s.annualMaximum },
      i18n,
      {
        title: i18n.state(s.code),
        y: i18n.t('unit.persons'),
        occupancy: i18n.t('outlook.chart.occupancy'),
        entries: i18n.t('outlook.chart.entries', { appliesFrom: i18n.date(a.appliesFrom) }),
        capacity: i18n.t('outlook.chart.capacity', { capacity: s.capacity }),
        annualMaximum: i18n.t('outlook.chart.annualMaximum', { maximum: s.annualMaximum ?? 0 }),
      },
    );
    blocks.push({ kind: 'figure', svg, caption: i18n.t('outlook.chart.caption', { state: i18n.state(s.code), year, routes: s.routes.map((r) => i18n.route(r)).join(', ') }) });
  }
  blocks.push(tableBlock(tables, outlookStatesTable(r), i18n, i18n.t('outlook.table.note', { year })));
  blocks.push(tableBlock(tables, outlookMonthsTable(r), i18n));
  blocks.push({ kind: 'p', text: i18n.t('outlook.notes') });
  blocks.push(...engineNotes([...r.notes, ...r.capacity.substitutions, ...r.capacity.notes], i18n));
  return { id: 'capacity-outlook', title: i18n.t('section.capacity-outlook'), blocks };
}

function fairShares(d: ReportData, i18n: I18n, tables: BuiltReport['tables']): Section | null {
  const f = d.fairShares;
  if (!f) return null;
  const blocks: Block[] = [
    { kind: 'p', text: i18n.t('fairShares.intro', { populationYear: f.population.year, gdpYear: f.gdp.year, populationVintage: f.population.vintages.join(', '), gdpVintage: f.gdp.vintages.join(', ') }) },
    tableBlock(tables, fairSharesTable(f), i18n),
  ];
  blocks.push(...engineNotes(f.dataNotes, i18n));
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
    if (p.proposal.sarPercentage !== undefined) {
      blocks.push({ kind: 'p', text: i18n.t('pool.sar', { percentage: i18n.decimal(p.proposal.sarPercentage, 1), basis: p.origin === 'computed' && p.sar ? p.sar.basis : '' }) });
    }
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

function toolbox(d: ReportData, i18n: I18n, tables: BuiltReport['tables']): Section {
  const s = d.toolbox;
  const blocks: Block[] = [
    { kind: 'p', text: i18n.t(s.requests ? 'toolbox.intro' : 'toolbox.none', { requests: s.requests, states: s.states }) },
    { kind: 'p', text: s.atRisk.states.length ? i18n.t('toolbox.atRisk', { states: s.atRisk.states.map((c) => i18n.state(c)).join(', '), basis: s.atRisk.basis }) : i18n.t('toolbox.noneAtRisk', { basis: s.atRisk.basis }) },
    tableBlock(tables, toolboxTable(s), i18n),
  ];
  return { id: 'toolbox', title: i18n.t('section.toolbox'), blocks };
}

/** Registers a table for the annexes only (too long to print), with a pointer in the text. */
function annexOnly(tables: BuiltReport['tables'], table: ReportTable, i18n: I18n): Block {
  const title = i18n.t(`table.${table.id}`, table.params);
  tables.push({ table, title });
  return { kind: 'p', text: i18n.t('annex.only', { title, csv: `annexes/${table.id}.csv`, rows: table.rows.length }) };
}

// The dashboard's palette (web/src/map/categories.ts): the most demanding category decides the colour.
const CATEGORY_FILL: Record<AssessmentCategory | 'none', string> = {
  'under-pressure': '#a50f15',
  'significant-situation': '#54278f',
  'at-risk': '#e6550d',
  none: '#9ecae1',
};
const PRIORITY: readonly AssessmentCategory[] = ['under-pressure', 'significant-situation', 'at-risk'];

function assessment(d: ReportData, i18n: I18n, tables: BuiltReport['tables']): Section | null {
  const a = d.assessment;
  if (!a) return null;
  const decided = a.decisionsRecorded > 0;
  const categoriesOf = (s: (typeof a.states)[number]) => (decided ? s.decisions.filter((x) => x.adopted).map((x) => x.category) : s.categories);
  const byState = new Map(a.states.map((s) => [s.code as string, s]));
  const legend = [...PRIORITY, 'none' as const].map((c) => ({ id: c, fill: CATEGORY_FILL[c], label: i18n.t(`category.${c}`) }));
  const notBound = { id: 'not-bound', fill: '#d9d9d9', label: i18n.t('category.not-bound') };
  const svg = euMap({
    title: i18n.t(decided ? 'assessment.map.decided' : 'assessment.map.computed'),
    classOf: (geo) => {
      const s = byState.get(geo);
      if (!s) return notBound;
      const cats = categoriesOf(s);
      const top = PRIORITY.find((c) => cats.includes(c)) ?? 'none';
      return { id: top, fill: CATEGORY_FILL[top], label: cats.length ? cats.map((c) => i18n.t(`category.${c}`)).join(', ') : i18n.t('category.none') };
    },
    legend: [...legend, notBound],
    nameOf: (geo) => i18n.state(geo),
  });
  const blocks: Block[] = [
    {
      kind: 'p',
      text: i18n.t('assessment.intro', {
        methodology: `${a.methodology.title} v${a.methodology.version}`,
        status: a.methodology.status,
        from: i18n.date(a.referencePeriod.from),
        to: i18n.date(a.referencePeriod.to),
        years: a.lookBack.years,
        decisions: a.decisionsRecorded,
      }),
    },
    { kind: 'figure', svg, caption: i18n.t(decided ? 'assessment.map.decided' : 'assessment.map.computed') },
    tableBlock(tables, assessmentStatesTable(a), i18n),
    tableBlock(tables, evidenceTable(a), i18n),
  ];
  if (decided) blocks.push(tableBlock(tables, decisionsTable(a), i18n));
  else blocks.push({ kind: 'p', text: i18n.t('assessment.noDecisions') });
  const explained = a.states.flatMap((s) =>
    s.disagreements.map((x) => {
      const evidence = s.evidence.filter((e) => e.category === x.category).map((e) => `${e.indicator} ${i18n.decimal(e.value)} ≥ ${i18n.decimal(e.threshold)} (${e.period})`).join('; ');
      return i18n.t(`assessment.disagreement.${x.kind}`, { state: i18n.state(s.code), category: i18n.t(`category.${x.category}`), act: x.act, ground: x.ground, evidence });
    }),
  );
  if (decided) {
    blocks.push({ kind: 'p', text: i18n.t('assessment.disagreements', { count: explained.length }) });
    if (explained.length) {
      blocks.push({ kind: 'list', items: explained });
      blocks.push(tableBlock(tables, disagreementsTable(a), i18n));
    }
  }
  if (a.dataNotes.length) {
    blocks.push({ kind: 'p', text: i18n.t('assessment.notes') });
    blocks.push(...engineNotes(a.dataNotes, i18n));
  }
  blocks.push(annexOnly(tables, indicatorsTable(a), i18n));
  blocks.push(annexOnly(tables, assessmentNotesTable(a, (n) => i18n.note(n)), i18n));
  return { id: 'assessment', title: i18n.t('section.assessment'), blocks };
}

function methodology(d: ReportData, i18n: I18n, tables: BuiltReport['tables']): Section {
  return {
    id: 'methodology',
    title: i18n.t('section.methodology'),
    blocks: [
      { kind: 'p', text: i18n.t('methodology.version', { version: METHODOLOGY_VERSION }) },
      { kind: 'list', items: ['periods', 'substitution', 'rates', 'map', 'forecast', 'capacityOutlook', 'fairShares', 'vintages', 'reproduce'].map((k) => i18n.t(`methodology.${k}`)) },
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
    assessment(d, i18n, tables),
    forecast(d, i18n, tables),
    capacityOutlook(d, i18n, tables),
    fairShares(d, i18n, tables),
    pool(d, i18n, tables),
    implementation(d, i18n, tables),
    toolbox(d, i18n, tables),
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
