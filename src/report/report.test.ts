/**
 * Golden tests of the Report on the real data of ../shared/data, loaded through the real loader: every figure the
 * HTML and the annexes print equals what the engine computes (computed here through the same engine functions),
 * both languages carry the same numbers, the manifest hashes the real input files, and bad input leaves nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseHTML } from 'linkedom';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAssessment, type Assessment } from '../cycle/assess.ts';
import { fairSharesForCycle } from '../cycle/fair-share.ts';
import { recordDecision } from '../store/decisions.ts';
import { appendEntries } from '../store/ledger.ts';
import { event, pledge, stateAccounts, syntheticProposal, type PoolEvent } from '../domain/pool/index.ts';
import { poolReport, poolState } from '../cycle/pool-report.ts';
import { forecastCycle } from '../cycle/forecast.ts';
import { adequateCapacityFromStore } from '../cycle/adequate-capacity.ts';
import { capacityOutlookFromStore } from '../cycle/capacity-outlook.ts';
import { implementationOverview, recordMilestone, reviewMilestone } from '../cycle/implementation.ts';
import { changeSupportRequestStatus, submitSupportRequest, toolboxSummary } from '../cycle/support-toolbox.ts';
import { proposeForCycle } from '../cycle/propose.ts';
import { situationReport, type Situation } from '../cycle/situation.ts';
import { coverageSummary, loadDataFolder } from '../data/index.ts';
import { InputError, UsageError } from '../domain/errors.ts';
import { openMemoryStore, type Db } from '../store/db.ts';
import { realText, SHARED_DATA } from '../../test/helpers/data-folder.ts';
import { note } from '../domain/note.ts';
import { NOTE_CATALOGS } from '../notes/index.ts';
import { createI18n } from './i18n/index.ts';
import { gatherReportData, type ReportData } from './data.ts';
import { writeReport, type ReportResult } from './index.ts';
import type { ReportManifest } from './manifest.ts';

let db: Db;
let work: string;
let data: ReportData;
let engine: Situation;
let assessed: Assessment;
const reports: Record<string, ReportResult> = {};

beforeAll(async () => {
  db = await openMemoryStore();
  await loadDataFolder(db, SHARED_DATA);
  work = mkdtempSync(path.join(tmpdir(), 'pactcycle-report-'));
  // SYNTHETIC decisions (not the Commission's): one that follows the evidence, one that declines it, one without it.
  const base = { cycle: 2026, date: '2025-10-15', act: 'SYNTHETIC test decision', by: 'test' } as const;
  await recordDecision(db, { ...base, state: 'CY', category: 'under-pressure', adopted: true, ground: 'disproportionate arrivals' });
  await recordDecision(db, { ...base, state: 'EL', category: 'at-risk', adopted: false, ground: 'covered by the pressure finding' });
  await recordDecision(db, { ...base, state: 'BE', category: 'significant-situation', adopted: true, ground: 'reception system saturated' });
  data = await gatherReportData(db, 2026);
  for (const lang of ['en', 'nl']) reports[lang] = await writeReport(db, { cycle: 2026, lang, out: path.join(work, lang), pdf: false }, data);
  // The engine's own figures, computed again independently of the Report's run.
  engine = await situationReport(db, 2026);
  assessed = await runAssessment(db, { cycle: 2026 });
}, 300_000);

afterAll(async () => {
  await db?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const read = (lang: string, file: string) => readFileSync(path.join(reports[lang]!.dir, file), 'utf8');
const annex = (lang: string, id: string) => JSON.parse(read(lang, `annexes/${id}.json`)) as { title: string; columns: { id: string }[]; rows: Record<string, string | number | null>[] };
const doms = new Map<string, Document>();
const dom = (lang: string): Document => {
  if (!doms.has(lang)) doms.set(lang, parseHTML(read(lang, 'report.html')).document as unknown as Document);
  return doms.get(lang)!;
};

function cells(lang: string, table: string, col: string): string[] {
  return Array.from(dom(lang).querySelectorAll(`figure[data-table="${table}"] td[data-col="${col}"]`)).map((td) => td.textContent ?? '');
}

describe('the 2026 Report on the real data', () => {
  it('writes the HTML, the annexes of every table, the workbook and the manifest', () => {
    const r = reports.en!;
    expect(r.files).toContain('report.html');
    expect(r.files).toContain('annexes/tables.xlsx');
    expect(r.files).toContain('manifest.json');
    for (const t of engine.tables) {
      expect(r.files).toContain(`annexes/${t.id}.csv`);
      expect(r.files).toContain(`annexes/${t.id}.json`);
    }
    expect(readdirSync(work).sort()).toEqual(['en', 'nl']); // no temporary folder left
  });

  it('prints in the annexes exactly the engine’s situation figures', () => {
    for (const t of engine.tables) {
      const a = annex('en', t.id);
      expect(a.rows.map((r) => r.key)).toEqual(t.rows.map((r) => r.key));
      expect(a.rows.map((r) => r.reference)).toEqual(t.rows.map((r) => r.reference?.value ?? null));
      expect(a.rows.map((r) => r.reference_period)).toEqual(t.rows.map((r) => r.reference?.used ?? null));
      expect(a.rows.map((r) => r.previous)).toEqual(t.rows.map((r) => r.previous?.value ?? null));
      expect(a.rows.map((r) => r.change)).toEqual(t.rows.map((r) => r.change));
      const csv = read('en', `annexes/${t.id}.csv`).trim().split('\r\n');
      expect(csv).toHaveLength(t.rows.length + 1);
      expect(csv[1]!.split(',')[1]).toBe(String(t.rows[0]!.reference!.value));
    }
  });

  it('prints in the HTML the engine’s figures, formatted in each language', () => {
    for (const lang of ['en', 'nl']) {
      const i18n = createI18n(lang);
      for (const t of engine.tables) {
        const fmt = t.measure === 'rate' ? (v: number) => i18n.percent(v) : (v: number) => i18n.integer(v);
        expect(cells(lang, t.id, 'reference'), `${lang} ${t.id}`).toEqual(t.rows.map((r) => fmt(r.reference!.value)));
        expect(cells(lang, t.id, 'previous')).toEqual(t.rows.map((r) => (r.previous ? fmt(r.previous.value) : '–')));
      }
    }
    // Spot check against the published figure: Germany's first-time applicants in 2024 (Eurostat, vintage 2026-09-16).
    const de = engine.tables.find((t) => t.id === 'asylum-applicants-first-time')!.rows.find((r) => r.key === 'DE')!;
    expect(de.reference).toMatchObject({ used: '2024', basis: 'years', exact: false });
    expect(cells('en', 'asylum-applicants-first-time', 'reference')).toContain(createI18n('en').integer(de.reference!.value));
  });

  it('carries the same numbers in English and Dutch', () => {
    for (const t of [...engine.tables.map((x) => x.id), 'data-coverage', 'data-gaps', 'data-inputs']) {
      const en = annex('en', t);
      const nl = annex('nl', t);
      expect(nl.rows).toEqual(en.rows);
      expect(nl.title).not.toBe(en.title);
    }
    // In the HTML: the digits of every numeric cell are the same, whatever the separators.
    const digits = (lang: string) => Array.from(dom(lang).querySelectorAll('td.num')).map((td) => (td.textContent ?? '').replace(/\D/g, ''));
    expect(digits('nl')).toEqual(digits('en'));
    expect(digits('en').length).toBeGreaterThan(300);
    expect(dom('nl').documentElement.getAttribute('lang')).toBe('nl');
  });

  it('states the coverage and every gap that the data layer finds', async () => {
    const c = await coverageSummary(db, { cycleYear: 2026 });
    const gaps = annex('en', 'data-gaps');
    expect(gaps.rows.map((r) => `${r.indicator}:${r.gap}`)).toEqual(c.gaps.map((g) => `${g.indicator}:${g.kind}`));
    const cov = annex('en', 'data-coverage').rows.find((r) => r.indicator === 'tp_beneficiaries')!;
    expect(cov.geos).toBe(new Set(c.coverage.filter((e) => e.indicator === 'tp_beneficiaries').map((e) => e.geo)).size);
    // Dublin has no public file: the situation says so rather than printing a table.
    expect(engine.noData).toEqual(expect.arrayContaining(['dublin_requests_outgoing', 'dublin_transfers_incoming']));
    expect(read('en', 'report.html')).toContain(createI18n('en').t('indicator.dublin_requests_outgoing'));
  });

  it('is self-contained: no script, no external reference, charts as inline SVG', () => {
    const html = read('en', 'report.html');
    expect(html).not.toMatch(/<script|<link |src="http|href="http|url\(http/);
    expect(dom('en').querySelectorAll('figure.chart svg').length).toBeGreaterThanOrEqual(2);
  });

  it('lists in manifest.json every input with the sha256 of the real file, the vintages and a hash of every output', () => {
    const m = JSON.parse(read('en', 'manifest.json')) as ReportManifest;
    expect(m.cycle).toBe(2026);
    expect(m.referencePeriod).toEqual({ first: '2024-07', last: '2025-06' });
    expect(m.inputs.length).toBeGreaterThan(30);
    for (const f of m.inputs) {
      const bytes = readFileSync(path.join(SHARED_DATA, f.file));
      expect(f.sha256, f.file).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(m.dataVintages.population).toBe(data.vintages.population);
    for (const [file, hash] of Object.entries(m.files)) {
      expect(createHash('sha256').update(readFileSync(path.join(reports.en!.dir, file))).digest('hex'), file).toBe(hash);
    }
  });

  it('holds every table in the workbook with the same values', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(reports.nl!.dir, 'annexes/tables.xlsx'));
    const t = engine.tables.find((x) => x.id === 'asylum-applicants')!;
    const sheet = wb.getWorksheet('asylum-applicants')!;
    expect(sheet.getRow(1).getCell(1).value).toBe(annex('nl', 'asylum-applicants').title);
    const values = t.rows.map((_, i) => sheet.getRow(i + 3).getCell(2).value);
    expect(values).toEqual(t.rows.map((r) => r.reference!.value));
  });
});

describe('the projection, fair shares, pool and implementation of the 2026 Report', () => {
  it('prints the forecasting engine’s forecasts for every route, with their intervals', async () => {
    const routes = annex('en', 'forecast-cycle-year').rows.map((r) => `irregular_crossings:${r.route}`);
    expect(routes.length).toBeGreaterThanOrEqual(5);
    // The same engine through its own reader (the one `pactcycle forecast` uses).
    const f = await forecastCycle(db, { cycle: 2026, series: routes });
    expect(annex('en', 'forecast-cycle-year').rows.map((r) => r.forecast)).toEqual(f.series.map((s) => s.cycleYear.value));
    expect(annex('en', 'forecast-cycle-year').rows.map((r) => r.model)).toEqual(f.series.map((s) => s.model));
    const months = annex('en', 'forecast-months').rows;
    expect(months).toEqual(f.series.flatMap((s) => s.horizon.map((h) => ({ route: s.id.split(':')[1], month: h.period, mean: h.mean, lo80: h.lo80, hi80: h.hi80, lo95: h.lo95, hi95: h.hi95 }))));
    for (const m of months) expect(Number(m.lo95)).toBeLessThanOrEqual(Number(m.lo80));
    const nl = createI18n('nl');
    expect(cells('nl', 'forecast-cycle-year', 'forecast')).toEqual(f.series.map((s) => nl.integer(s.cycleYear.value)));
    expect(dom('en').querySelectorAll('#forecast figure.chart svg').length).toBe(f.series.length);
    // Routes are named in the report's language where the English report gives Frontex's names; the annexes keep those.
    const rowNames = (lang: string, table: string) => Array.from(dom(lang).querySelectorAll(`figure[data-table="${table}"] tbody th`)).map((th) => th.textContent);
    expect(rowNames('en', 'forecast-cycle-year')).toEqual(f.series.map((s) => s.id.split(':')[1]));
    expect(rowNames('nl', 'forecast-cycle-year')).toEqual(f.series.map((s) => nl.route(s.id.split(':')[1]!)));
    expect(rowNames('en', 'forecast-cycle-year')).toContain('Central Mediterranean Route');
    expect(rowNames('nl', 'forecast-cycle-year')).toContain('Centrale Middellandse Zeeroute');
    expect(rowNames('nl', 'arrivals-by-route')).toContain('Westelijke Balkanroute');
    expect(annex('nl', 'arrivals-by-route').rows.map((r) => r.key)).toContain('Western Balkan Route');
    const captions = (lang: string) => Array.from(dom(lang).querySelectorAll('#forecast figure.chart figcaption')).map((c) => c.textContent ?? '');
    expect(captions('en').some((c) => c.startsWith('Central Mediterranean Route:'))).toBe(true);
    expect(captions('nl').some((c) => c.startsWith('Centrale Middellandse Zeeroute:'))).toBe(true);
    // The fan charts' titles too: no English route name in the Dutch charts.
    const charts = Array.from(dom('nl').querySelectorAll('#forecast figure.chart')).map((c) => c.textContent ?? '').join('\n');
    for (const s of f.series) expect(charts).not.toContain(s.id.split(':')[1]);
  });

  it('says why a route is not forecast, in the report’s language', () => {
    // From the Frontex file itself: a route whose months since its last gap are fewer than 24 is not forecast.
    const idx = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
    const month = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    const byRoute = new Map<string, Set<string>>();
    for (const [route, , m] of realText('frontex/ibc_detections_monthly_by_route.csv').trim().split('\n').slice(1).map((l) => l.split(','))) {
      byRoute.set(route!, (byRoute.get(route!) ?? new Set()).add(m!));
    }
    const expected = [...byRoute].sort(([a], [b]) => a.localeCompare(b)).flatMap(([route, set]) => {
      const months = [...set].sort();
      let i = months.length - 1;
      while (i > 0 && idx(months[i]!) - idx(months[i - 1]!) === 1) i--;
      const kept = months.length - i;
      if (i === 0 || kept >= 24) return [];
      const reason = note('forecast.skip.gap', { from: month(idx(months[i - 1]!) + 1), to: month(idx(months[i]!) - 1), months: kept, since: months[i]!, min: 24 });
      return [{ id: `irregular_crossings:${route}`, reason }];
    });
    expect(expected.map((k) => k.id)).toEqual(['irregular_crossings:Black Sea Route', 'irregular_crossings:Other']);
    expect(data.forecast.skipped).toEqual(expected);
    for (const lang of ['en', 'nl']) {
      const i18n = createI18n(lang);
      const items = Array.from(dom(lang).querySelectorAll('#forecast li')).map((li) => li.textContent);
      for (const k of expected) expect(items).toContain(i18n.t('forecast.skipped', { route: i18n.route(k.id.split(':')[1]!), reason: i18n.note(k.reason) }));
    }
    expect(expected[0]!.reason.params).toEqual({ from: '2023-09', to: '2025-02', months: 1, since: '2025-03', min: 24 });
    expect(Array.from(dom('nl').querySelectorAll('#forecast li')).map((li) => li.textContent)).toContain(
      'Zwarte Zeeroute niet voorspeld: hiaat: september 2023 tot en met februari 2025 ontbreekt; er volgen te weinig opeenvolgende maanden om uit te voorspellen (1 sinds maart 2025, minstens 24 nodig)',
    );
  });

  it('says whether the border-procedure capacity holds: capacityOutlookFromStore’s occupancy, dates and intervals per state', async () => {
    // The same engine as `pactcycle capacity --year 2026 --outlook`, run again independently of the Report.
    const o = await capacityOutlookFromStore(db, 2026);
    const capacity = await adequateCapacityFromStore(db, 2026);
    const modelled = o.states.filter((s) => s.routes.length > 0);
    // Frontex routes reach the frontline states; the others have no modelled arrivals and are said to be unknown.
    expect(modelled.map((s) => s.code)).toEqual(expect.arrayContaining(['IT', 'EL', 'ES', 'CY', 'MT', 'BG', 'HR']));
    const rows = annex('en', 'capacity-outlook-states').rows;
    expect(rows.map((r) => r.state)).toEqual(modelled.map((s) => s.code));
    for (const r of rows) {
      const s = modelled.find((x) => x.code === r.state)!;
      // The capacity is the adequate capacity's; from 12 June 2026 the annual maximum is twice it (APR Art 47(1)).
      expect(r.capacity).toBe(capacity.states.find((c) => c.code === r.state)!.capacity);
      expect(r.annual_maximum).toBe(2 * Number(r.capacity));
      expect([r.peak_lo95, r.peak, r.peak_hi95]).toEqual([s.outlook.peak.lo95, s.outlook.peak.mean, s.outlook.peak.hi95]);
      expect(Number(r.peak_lo95)).toBeLessThanOrEqual(Number(r.peak));
      expect(Number(r.peak)).toBeLessThanOrEqual(Number(r.peak_hi95));
      expect(r.capacity_reached).toBe(s.outlook.capacityReached!.central);
      expect(r.annual_maximum_reached_earliest95).toBe(s.outlook.annualMaximumReached!.range95[0]);
      // Nothing is counted before the border procedure applies (APR Art 79(2)).
      if (r.capacity_reached !== null) expect(String(r.capacity_reached) >= '2026-06-12').toBe(true);
    }
    const months = annex('en', 'capacity-outlook-months').rows;
    expect(months).toHaveLength(modelled.length * 12);
    expect(months.filter((m) => m.state === 'IT').map((m) => [m.month, m.peak, m.peak_lo80, m.peak_hi80, m.cumulative])).toEqual(
      modelled.find((s) => s.code === 'IT')!.outlook.months.map((m) => [m.period, m.peak.mean, m.peak.lo80, m.peak.hi80, m.cumulative.mean]),
    );
    expect(months.filter((m) => String(m.month) < '2026-06').every((m) => m.cumulative === 0)).toBe(true);
    expect(annex('nl', 'capacity-outlook-months').rows).toEqual(months);
    // One chart per modelled state, and in the text each state's date or that it is not reached, in its language.
    expect(dom('en').querySelectorAll('#capacity-outlook figure.chart svg[width="680"]').length).toBe(modelled.length);
    for (const lang of ['en', 'nl']) {
      const i18n = createI18n(lang);
      const items = Array.from(dom(lang).querySelectorAll('#capacity-outlook li')).map((li) => li.textContent ?? '');
      for (const s of modelled) {
        const line = items.find((t) => t.startsWith(`${i18n.state(s.code)}:`))!;
        expect(line, `${lang} ${s.code}`).toContain(i18n.integer(s.capacity));
        const reach = s.outlook.capacityReached!;
        if (reach.central) expect(line).toContain(i18n.date(reach.central));
        else expect(line).toContain(i18n.t('outlook.notReached', { year: '2026', from80: '', to80: '', from95: '', to95: '' }).split('(')[0]!.trim());
      }
      const text = dom(lang).querySelector('#capacity-outlook')!.textContent ?? '';
      for (const s of o.states.filter((x) => x.routes.length === 0)) expect(text).toContain(i18n.state(s.code));
      // The engine's notes and the capacity's substitutions are printed, in the report's language.
      for (const n of [...o.notes, ...capacity.substitutions]) expect(items).toContain(i18n.note(n));
    }
  });

  it('prints the fair shares of fairSharesForCycle, to four decimals of a percent', async () => {
    const f = await fairSharesForCycle(db, { cycle: 2026 });
    const a = annex('en', 'fair-shares');
    expect(a.rows.map((r) => [r.state, r.population, r.gdp_meur, r.fair_share])).toEqual(f.states.map((s) => [s.code, s.population, s.gdp, s.share]));
    expect(cells('nl', 'fair-shares', 'fair_share')).toEqual(f.states.map((s) => createI18n('nl').percent(s.share, 4)));
    expect(a.rows.reduce((n, r) => n + Number(r.fair_share), 0)).toBeCloseTo(1, 12);
  });

  it('marks the pool proposal confidential before adoption and prints proposeForCycle’s lines', async () => {
    // As `pactcycle start` and `pool propose` compute it: with the assessment, for the Art 12(5) percentage.
    const { proposal, sar } = await proposeForCycle(db, { cycle: 2026, assessment: assessed });
    const a = annex('en', 'pool-proposal');
    if (sar) expect(dom('en').querySelector('#pool')!.textContent).toContain(sar.basis);
    expect(a.rows.map((r) => [r.state, r.relocations, r.financial_eur])).toEqual(proposal.states.map((s) => [s.code, s.relocations, s.financialEur]));
    expect(a.rows.reduce((n, r) => n + Number(r.relocations), 0)).toBe(proposal.referenceRelocations);
    for (const lang of ['en', 'nl']) {
      const notice = dom(lang).querySelector('#pool .notice');
      expect(notice?.textContent).toBe(createI18n(lang).t('pool.confidential'));
    }
    expect(reports.en!.files).not.toContain('annexes/pool-accounts.csv');
  });

  it('states the implementation plans as recorded (none recorded: every state not reported)', async () => {
    const o = await implementationOverview(db);
    const a = annex('en', 'implementation-milestones');
    expect(a.rows.map((r) => r.not_reported)).toEqual(o.milestones.map((m) => m.counts['not-reported']));
    expect(a.rows.map((r) => r.completed)).toEqual(o.milestones.map((m) => m.counts.completed));
  });

  it('draws the EU map with d3-geo, each state coloured by its applicants per 1,000 inhabitants', () => {
    const a = annex('en', 'map-applicants-per-thousand');
    const applicants = new Map(engine.tables.find((t) => t.id === 'asylum-applicants')!.rows.map((r) => [r.key, r.reference!.value]));
    for (const r of a.rows) expect(r.per_thousand).toBeCloseTo((1000 * applicants.get(String(r.state))!) / Number(r.population), 9);
    const svg = dom('nl').querySelector('svg.eu-map')!;
    expect(svg.querySelectorAll('path[data-geo]').length).toBeGreaterThanOrEqual(27);
    expect(svg.querySelector('path[data-geo="DK"]')!.getAttribute('data-class')).toBe('none');
    const de = a.rows.find((r) => r.state === 'DE')!;
    expect(svg.querySelector('path[data-geo="DE"] title')!.textContent).toContain(createI18n('nl').decimal(Number(de.per_thousand)));
  });
});

describe('the classification evidence and the recorded decisions', () => {
  it('prints runAssessment’s evidence, categories and decisions', () => {
    const ev = annex('en', 'assessment-evidence').rows;
    expect(ev.map((r) => [r.state, r.category, r.indicator, r.value, r.threshold, r.window])).toEqual(
      assessed.states.flatMap((s) => s.evidence.map((e) => [s.code, e.category, e.indicator, e.value, e.threshold, e.period])),
    );
    expect(ev.length).toBeGreaterThan(0);
    const states = annex('en', 'assessment-states').rows;
    expect(states.map((r) => r.computed)).toEqual(assessed.states.map((s) => s.categories.join('+') || 'none'));
    expect(annex('nl', 'assessment-decisions').rows.map((r) => [r.state, r.category, r.adopted])).toEqual([
      ['EL', 'at-risk', 'false'],
      ['CY', 'under-pressure', 'true'],
      ['BE', 'significant-situation', 'true'],
    ].sort((a, b) => assessed.states.findIndex((s) => s.code === a[0]) - assessed.states.findIndex((s) => s.code === b[0])));
    expect(annex('en', 'assessment-indicators').rows).toHaveLength(assessed.states.reduce((n, s) => n + s.indicators.length, 0));
  });

  it('prints the engine’s own notes in the report’s language, in the text and in the annex', () => {
    expect(assessed.dataNotes.length).toBeGreaterThan(0);
    for (const lang of ['en', 'nl']) {
      const i18n = createI18n(lang);
      const items = Array.from(dom(lang).querySelectorAll('#assessment ul li')).map((li) => li.textContent);
      expect(items).toEqual(expect.arrayContaining(assessed.dataNotes.map((n) => i18n.note(n))));
      expect(dom(lang).querySelectorAll('ul[lang], li[lang]').length, lang).toBe(0);
      const annexed = annex(lang, 'assessment-notes').rows;
      expect(annexed.map((r) => r.note)).toEqual([...assessed.dataNotes, ...assessed.states.flatMap((s) => s.dataNotes)].map((n) => i18n.note(n)));
    }
    // No sentence of the English catalog in the Dutch report's notes: every fragment between placeholders that the
    // Dutch catalog does not share (file names, codes) is absent from the notes of each section and from the annex.
    const dutch = Object.values(NOTE_CATALOGS.nl!.notes).join('\n');
    const english = [...new Set(Object.values(NOTE_CATALOGS.en!.notes).flatMap((text) => text.split(/\{\w+\}/)).map((s) => s.trim()))].filter((s) => s.length >= 12 && !dutch.includes(s));
    expect(english.length).toBeGreaterThan(50);
    const notes = ['assessment', 'forecast', 'capacity-outlook', 'fair-shares'].flatMap((id) => Array.from(dom('nl').querySelectorAll(`#${id} li`)).map((li) => li.textContent ?? ''));
    notes.push(...annex('nl', 'assessment-notes').rows.map((r) => String(r.note)));
    expect(notes.length).toBeGreaterThan(assessed.dataNotes.length);
    for (const fragment of english) expect(notes.filter((n) => n.includes(fragment)), fragment).toEqual([]);
  });

  it('explains every disagreement between the evidence and the decisions, in both languages', () => {
    const all = assessed.states.flatMap((s) => s.disagreements.map((d) => ({ state: s.code, ...d })));
    // BE was decided without the evidence; EL's risk is supported by the evidence but declined.
    expect(all.map((d) => `${d.state}:${d.kind}`).sort()).toEqual(['BE:adopted-without-evidence', 'EL:evidence-not-adopted']);
    expect(annex('en', 'assessment-disagreements').rows.map((r) => `${r.state}:${r.kind}`)).toEqual(all.map((d) => `${d.state}:${d.kind}`));
    for (const lang of ['en', 'nl']) {
      const i18n = createI18n(lang);
      const items = Array.from(dom(lang).querySelectorAll('#assessment li')).map((li) => li.textContent ?? '');
      for (const d of all) {
        expect(items.some((t) => t.startsWith(`${i18n.state(d.state)}:`) && t.includes(i18n.t(`category.${d.category}`)) && t.includes(d.ground)), `${lang} ${d.state}`).toBe(true);
      }
    }
    const map = dom('en').querySelector('#assessment svg.eu-map')!;
    expect(map.querySelector('path[data-geo="BE"]')!.getAttribute('data-class')).toBe('significant-situation');
    expect(map.querySelector('path[data-geo="EL"]')!.getAttribute('data-class')).toBe('none');
  });
});

// Last of the golden tests: it records the Council act in the 2026 ledger.
describe('the pool after the Council adopts it', () => {
  it('drops the confidential mark and prints each state’s fair share, pledges, deductions and implementation', async () => {
    // SYNTHETIC pool events (not the real cycle): a proposal, the Forum, two pledges, the Council act.
    const events: PoolEvent[] = [
      event('proposal-drafted', 'commission', '2025-11-11T12:00:00Z', syntheticProposal(2026)),
      event('forum-opened', 'council', '2025-11-18T09:00:00Z', {}),
      pledge('2025-11-20T10:00:00Z', 'DE', 'de-1', { kind: 'financial', euros: 40_000_000 }),
      pledge('2025-11-21T10:00:00Z', 'FR', 'fr-1', { kind: 'relocation', persons: 900 }),
      event('pool-adopted', 'council', '2025-12-19T12:00:00Z', { act: 'SYNTHETIC Council Implementing Decision', referenceRelocations: 30_000, referenceFinancialEur: 600_000_000 }),
    ];
    await appendEntries(db, 2026, 0, events.map((e) => ({ type: e.type, actor: 'test', role: e.role, recordedAt: new Date('2025-12-19T12:00:00Z'), payload: e })));
    const r = await writeReport(db, { cycle: 2026, lang: 'nl', out: path.join(work, 'nl-adopted'), pdf: false }, { ...data, pool: await poolReport(db, 2026) });
    const html = readFileSync(path.join(r.dir, 'report.html'), 'utf8');
    expect(html).not.toContain(createI18n('nl').t('pool.confidential'));
    expect(r.files).not.toContain('annexes/pool-proposal.csv');
    const state = await poolState(db, 2026);
    if (state.phase !== 'adopted') throw new Error(`expected an adopted pool, got ${state.phase}`);
    const accounts = JSON.parse(readFileSync(path.join(r.dir, 'annexes/pool-accounts.json'), 'utf8')) as { rows: Record<string, unknown>[] };
    expect(accounts.rows.map((x) => [x.state, x.pledged_eur, x.deducted_eur, x.implemented_eur, x.outstanding_eur])).toEqual(
      stateAccounts(state).map((a) => [a.code, a.pledged.euroEquivalent, a.deducted.euroEquivalent, a.implemented.euroEquivalent, a.outstanding.euroEquivalent]),
    );
    expect(accounts.rows.find((x) => x.state === 'FR')!.pledged_relocations).toBe(900);
    expect(html).toContain('SYNTHETIC Council Implementing Decision');
  });
});

// After the golden figures: it records milestones and Toolbox requests in the store.
describe('the implementation plans and the Toolbox as Member States record them', () => {
  it('prints the milestones reported and reviewed, and the Toolbox requests per item and status, naming no requesting state', async () => {
    const it_ = { name: 'italy', role: 'member-state:IT' };
    const el = { name: 'greece', role: 'member-state:EL' };
    const at = new Date('2026-07-01T08:00:00Z');
    await recordMilestone(db, it_, 'IT', { milestone: 'screening', status: 'completed', evidence: 'SYNTHETIC decree', targetDate: '2026-06-12' }, at);
    await recordMilestone(db, el, 'EL', { milestone: 'screening', status: 'in-progress', evidence: '' }, at);
    await reviewMilestone(db, { name: 'com', role: 'commission' }, 'IT', 'screening', 'accepted', '', at);
    const r1 = await submitSupportRequest(db, it_, { item: 'euaa-operational-support', description: 'SYNTHETIC reception experts' }, at);
    await submitSupportRequest(db, el, { item: 'euaa-operational-support', description: 'SYNTHETIC registration staff' }, at);
    await submitSupportRequest(db, el, { item: 'amif-funding', description: 'SYNTHETIC reception places' }, at);
    await changeSupportRequestStatus(db, { name: 'com', role: 'commission' }, r1.id, 'in-review', '', at);
    const implementation = await implementationOverview(db);
    const toolbox = await toolboxSummary(db);
    const r = await writeReport(db, { cycle: 2026, lang: 'nl', out: path.join(work, 'nl-procedures'), pdf: false }, { ...data, implementation, toolbox });
    const annexOf = (id: string) => JSON.parse(readFileSync(path.join(r.dir, `annexes/${id}.json`), 'utf8')) as { rows: Record<string, unknown>[] };
    const screening = annexOf('implementation-milestones').rows.find((x) => x.milestone === 'screening')!;
    expect(screening).toMatchObject({ completed: 1, in_progress: 1, accepted: 1, not_reported: 24 });
    expect(annexOf('implementation-states').rows.filter((x) => Number(x.reported) > 0).map((x) => [x.state, x.reported, x.accepted])).toEqual([['EL', 1, 0], ['IT', 1, 1]]);
    const requests = annexOf('toolbox-requests').rows;
    expect(requests.find((x) => x.item === 'euaa-operational-support')).toMatchObject({ requests: 2, submitted: 1, in_review: 1 });
    expect(requests.find((x) => x.item === 'amif-funding')).toMatchObject({ requests: 1, submitted: 1 });
    expect(requests.reduce((n, x) => n + Number(x.requests), 0)).toBe(3);
    // The decisions recorded above identify no state as at risk (EL's risk was declined): first come, first served.
    expect(requests.every((x) => x.from_at_risk === 0)).toBe(true);
    const html = readFileSync(path.join(r.dir, 'report.html'), 'utf8');
    const nl = createI18n('nl');
    const section = parseHTML(html).document.querySelector('#toolbox')!.textContent ?? '';
    expect(section).toContain(nl.t('toolbox.intro', { requests: 3, states: 2 }));
    expect(section).toContain(nl.t('toolboxItem.amif-funding'));
    expect(section).toContain(toolbox.atRisk.basis);
    expect(section).not.toContain('SYNTHETIC reception'); // descriptions stay with the Commission, the Coordinator and the state
    expect(parseHTML(html).document.querySelector('#implementation')!.textContent).toContain(nl.t('milestone.screening'));
  });
});

/** Share of pixels that are not near-white in a binary PPM (P6), as pdftoppm writes by default. */
function inkShare(ppm: Buffer): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const pixels = ppm.subarray(header[0].length);
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 3) if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 600) ink++;
  return ink / (pixels.length / 3);
}

// One PDF only: Chromium is slow on a shared 2-core machine.
describe.skipIf(!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'))('the PDF', () => {
  it('is printed by Chromium from the Dutch HTML: every page rendered and none blank', async () => {
    const r = await writeReport(db, { cycle: 2026, lang: 'nl', out: path.join(work, 'nl-pdf'), pdf: true }, data);
    const pdf = path.join(r.dir, 'report.pdf');
    expect(r.files).toContain('report.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(20);
    const pngDir = path.join(work, 'pages');
    execFileSync('mkdir', ['-p', pngDir]);
    execFileSync('pdftoppm', ['-r', '12', pdf, path.join(pngDir, 'p')]);
    const files = readdirSync(pngDir).filter((f) => f.endsWith('.ppm')).sort();
    expect(files).toHaveLength(pages);
    for (const f of files) expect(inkShare(readFileSync(path.join(pngDir, f))), f).toBeGreaterThan(0.002);
    // The words are Dutch and the figures the engine's: the first page carries the title, a later one Germany's applicants.
    expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' })).toContain(createI18n('nl').t('report.title'));
    const de = engine.tables.find((t) => t.id === 'asylum-applicants')!.rows.find((x) => x.key === 'DE')!.reference!.value;
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain(createI18n('nl').integer(de));
    const m = JSON.parse(readFileSync(path.join(r.dir, 'manifest.json'), 'utf8')) as ReportManifest;
    expect(Object.keys(m.files)).toContain('report.pdf');
  }, 180_000);
});

describe('bad input', () => {
  it('refuses an unknown language before writing anything (usage error)', async () => {
    const out = path.join(work, 'fr');
    await expect(writeReport(db, { cycle: 2026, lang: 'fr', out, pdf: false })).rejects.toThrow(UsageError);
    await expect(writeReport(db, { cycle: 2026, lang: 'fr', out, pdf: false })).rejects.toThrow(/en, nl/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a cycle whose reference period has no data, leaving nothing behind', async () => {
    const out = path.join(work, 'c2031');
    const err = await writeReport(db, { cycle: 2031, lang: 'en', out, pdf: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/2029-07\.\.2030-06/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((f) => f.includes('tmp'))).toEqual([]);
  });

  it('refuses an output folder that cannot be written, naming it', async () => {
    const file = path.join(work, 'a-file');
    writeFileSync(file, 'x');
    await expect(writeReport(db, { cycle: 2026, lang: 'en', out: path.join(file, 'report'), pdf: false })).rejects.toThrow(InputError);
    await expect(writeReport(db, { cycle: 2026, lang: 'en', out: file, pdf: false })).rejects.toThrow(/a-file: exists and is not a folder/);
  });

  it('keeps the previous report when a new one fails midway (no Chromium), and leaves no temporary folder', async () => {
    const out = reports.en!.dir;
    const before = read('en', 'manifest.json');
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = path.join(work, 'no-such-chromium');
    try {
      await expect(writeReport(db, { cycle: 2026, lang: 'en', out, pdf: true }, data)).rejects.toThrow(/Chromium is needed/);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
    expect(read('en', 'manifest.json')).toBe(before);
    expect(existsSync(path.join(out, 'report.pdf'))).toBe(false);
    expect(readdirSync(work).filter((f) => f.includes('tmp'))).toEqual([]);
  });

  it('refuses an empty store', async () => {
    const empty = await openMemoryStore();
    try {
      await expect(writeReport(empty, { cycle: 2026, lang: 'en', out: path.join(work, 'empty'), pdf: false })).rejects.toThrow(/pactcycle data load/);
    } finally {
      await empty.close();
    }
  });
});

// The store is read now, not in beforeAll: earlier tests add a proposal and decisions to it.
it('takes an assessment its caller has just computed instead of computing it again, and writes the same figures', async () => {
  const assessedNow = await runAssessment(db, { cycle: 2026 });
  const again = await gatherReportData(db, 2026, { assessment: assessedNow });
  expect(again.assessment).toBe(assessedNow);
  const computed = await gatherReportData(db, 2026);
  expect(computed.assessment).not.toBe(assessedNow);
  expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(JSON.stringify(computed)));
});
