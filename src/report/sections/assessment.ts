/**
 * The classification section's tables (Arts 9–11): per state the categories the evidence supports and the ones
 * decided, every piece of evidence with its threshold, the decisions recorded, and every disagreement between the
 * two; the indicators and the data notes behind them go to the annexes.
 */
import type { Assessment } from '../../cycle/assess.ts';
import type { Note } from '../../domain/note.ts';
import { col, type ReportTable } from '../table.ts';

const adoptedCategories = (s: Assessment['states'][number]) => s.decisions.filter((d) => d.adopted).map((d) => d.category);

export function assessmentStatesTable(a: Assessment): ReportTable {
  return {
    id: 'assessment-states',
    columns: [col('state', 'state'), col('computed', 'labels', 'category.'), col('decided', 'labels', 'category.'), col('sar_ground', 'label', 'bool.'), col('disagreements', 'integer')],
    rows: a.states.map((s) => ({
      state: s.code,
      computed: s.categories.join('+') || 'none',
      decided: s.decisions.length ? adoptedCategories(s).join('+') || 'none' : 'undecided',
      sar_ground: String(s.sarGround),
      disagreements: s.disagreements.length,
    })),
  };
}

export function evidenceTable(a: Assessment): ReportTable {
  return {
    id: 'assessment-evidence',
    columns: [
      col('state', 'state'),
      col('category', 'label', 'category.'),
      col('indicator', 'label', 'assessIndicator.'),
      col('measure', 'label', 'measure.'),
      col('value', 'decimal'),
      col('threshold', 'decimal'),
      col('window', 'text'),
      col('rule', 'text'),
      col('ground', 'label', 'ground.'),
    ],
    rows: a.states.flatMap((s) =>
      s.evidence.map((e) => ({ state: s.code, category: e.category, indicator: e.indicator, measure: e.measure, value: e.value, threshold: e.threshold, window: e.period, rule: e.rule, ground: e.ground })),
    ),
  };
}

export function decisionsTable(a: Assessment): ReportTable {
  return {
    id: 'assessment-decisions',
    columns: [col('state', 'state'), col('category', 'label', 'category.'), col('adopted', 'label', 'bool.'), col('ground', 'text'), col('date', 'date'), col('act', 'text'), col('origin', 'text')],
    rows: a.states.flatMap((s) => s.decisions.map((d) => ({ state: s.code, category: d.category, adopted: String(d.adopted), ground: d.ground, date: d.date, act: d.act, origin: d.origin ?? 'record' }))),
  };
}

export function disagreementsTable(a: Assessment): ReportTable {
  return {
    id: 'assessment-disagreements',
    columns: [col('state', 'state'), col('category', 'label', 'category.'), col('kind', 'label', 'disagreement.'), col('act', 'text'), col('ground', 'text')],
    rows: a.states.flatMap((s) => s.disagreements.map((d) => ({ state: s.code, category: d.category, kind: d.kind, act: d.act, ground: d.ground }))),
  };
}

export function indicatorsTable(a: Assessment): ReportTable {
  return {
    id: 'assessment-indicators',
    columns: [
      col('state', 'state'),
      col('indicator', 'label', 'assessIndicator.'),
      col('period_key', 'label', 'periodKey.'),
      col('value', 'decimal'),
      col('per_thousand', 'decimal'),
      col('per_billion_gdp', 'decimal'),
      col('disproportionality', 'decimal'),
      col('window', 'text'),
      col('exact', 'label', 'bool.'),
    ],
    rows: a.states.flatMap((s) =>
      s.indicators.map((f) => ({
        state: s.code,
        indicator: f.indicator,
        period_key: f.period,
        value: f.value,
        per_thousand: f.perThousand,
        per_billion_gdp: f.perBillionGdp,
        disproportionality: f.disproportionality,
        window: f.window,
        exact: f.exact === null ? null : String(f.exact),
      })),
    ),
  };
}

/** Every data note, in the Report's language (`render`), with its key for a reader comparing languages. */
export function assessmentNotesTable(a: Assessment, render: (n: Note) => string): ReportTable {
  const row = (state: string, n: Note) => ({ state, note_key: n.key, note: render(n) });
  return {
    id: 'assessment-notes',
    columns: [col('state', 'text'), col('note_key', 'text'), col('note', 'text')],
    rows: [...a.dataNotes.map((n) => row('EU', n)), ...a.states.flatMap((s) => s.dataNotes.map((n) => row(s.code, n)))],
  };
}
