/** The public pages in Chromium: each renders, passes axe-core (no serious or critical violation), logs no error. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Note } from '../../src/domain/note.ts';
import { NOTE_CATALOGS, renderNote, routeName } from '../../src/notes/index.ts';
import { FILL } from '../../web/src/map/categories.ts';
import { launch, openPage, screenshot, seriousViolations, serve, type Served } from './harness.ts';

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serve();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const PAGES = [
  { path: '/', name: 'dashboard', ready: 'svg.eu-map[data-ready="true"]' },
  { path: '/state/IT', name: 'state-IT', ready: 'figure.chart svg' },
  { path: '/fair-share', name: 'fair-share', ready: 'figure.chart svg' },
  { path: '/pool', name: 'pool', ready: 'main h1' },
  { path: '/forecast', name: 'forecast', ready: 'figure.chart svg' },
  { path: '/methodology', name: 'methodology', ready: 'section[aria-labelledby="m-rules"] table' },
  { path: '/implementation', name: 'implementation', ready: 'main table' },
  { path: '/downloads', name: 'downloads', ready: 'main h1' },
  { path: '/login', name: 'login', ready: 'form' },
];

describe('public pages', () => {
  for (const locale of ['en', 'nl'] as const) {
    for (const p of PAGES) {
      it(`${p.path} in ${locale}: renders, no serious accessibility violation, no console error`, async () => {
        const { page, errors } = await openPage(browser, { locale: locale === 'nl' ? 'nl-NL' : 'en-GB' });
        await page.goto(served.url + p.path);
        await page.waitForSelector(p.ready);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `${p.name}-${locale}`);
        expect(errors).toEqual([]);
        await page.context().close();
      });
    }
  }
});

describe('the forecast page', () => {
  it("shows a route's fan chart and backtest, follows a link to another series and the indicator list to another kind", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(served.url + '/forecast');
    await page.waitForSelector('figure.chart svg');
    const list = (await (await fetch(served.url + '/api/public/forecast')).json()) as { cycle: number; series: { id: string; indicator: string; dims?: { route: string }; geo: string; cycleYear: { value: number } }[] };
    const routes = list.series.filter((s) => s.indicator === 'irregular_crossings');
    // The first route is shown; every route is a row with the cycle year's point forecast.
    expect(await page.locator('#fc-series').textContent()).toContain(routes[0]!.dims!.route);
    for (const r of routes) expect(await page.getByRole('row', { name: new RegExp(r.dims!.route) }).textContent()).toContain(r.cycleYear.value.toLocaleString('en-GB'));
    expect(await page.getByRole('heading', { name: 'How well did such forecasts do?' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('table', { name: /backtest of the forecasts/ }).getByRole('row').count()).toBeGreaterThan(2);
    const other = routes[1]!;
    await page.getByRole('link', { name: other.dims!.route }).click();
    await expect.poll(() => page.locator('#fc-series').textContent()).toContain(other.dims!.route);
    expect(new URL(page.url()).searchParams.get('series')).toBe(other.id);
    await page.getByLabel('Series of').selectOption('sea_arrivals');
    await expect.poll(() => page.locator('#fc-series').textContent()).toContain('Sea arrivals');
    await page.waitForSelector('figure.chart svg');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'forecast-sea-arrivals');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('in Dutch, says why each skipped series is not forecast, and lists the shock years in their order', async () => {
    const { page, errors } = await openPage(browser, { locale: 'nl-NL' });
    await page.goto(served.url + '/forecast');
    await page.waitForSelector('figure.chart svg');
    type NoteJson = { key: string; params: Record<string, unknown>; text: string };
    const list = (await (await fetch(served.url + '/api/public/forecast')).json()) as { series: { id: string; indicator: string; dims?: { route: string } }[]; skipped: { id: string; reason: NoteJson }[] };
    // The routes are named in Dutch (the note catalogs' terms); the API keeps Frontex's names as ids.
    const shown = list.series.find((x) => x.indicator === 'irregular_crossings')!.dims!.route;
    expect(await page.locator('#fc-series').textContent()).toContain(routeName(shown, NOTE_CATALOGS.nl!));
    expect(await page.locator('#fc-series').textContent()).not.toContain(shown);
    expect(list.series.map((x) => x.dims?.route)).toContain('Central Mediterranean Route');
    expect(await page.getByRole('row', { name: /Centrale Middellandse Zeeroute/ }).count()).toBe(1);
    expect(await page.getByRole('row', { name: /Central Mediterranean Route/ }).count()).toBe(0);
    // Frontex's Black Sea route has one month since its last gap: skipped, with the reason in the reader's language.
    expect(list.skipped.map((k) => k.id)).toContain('irregular_crossings:Black Sea Route');
    await page.getByText(/reeksen? kon(den)? niet worden voorspeld/).click();
    const items = await page.locator('details li').allTextContents();
    expect(items).toEqual(list.skipped.map((k) => `${k.id}: ${renderNote(k.reason as unknown as Note, NOTE_CATALOGS.nl!)}`));
    expect(items.find((t) => t.startsWith('irregular_crossings:Black Sea Route: '))).toMatch(/: hiaat: .* ontbreekt; er volgen te weinig opeenvolgende maanden om uit te voorspellen \(1 sinds .*, minstens 24 nodig\)$/);
    for (const k of list.skipped) expect(items.join('\n')).not.toContain(k.reason.text);
    // The first route's backtest: the shock rows in the API's order, 2015-16 before 2020 and 2022.
    const first = list.series.find((x) => x.indicator === 'irregular_crossings')!;
    const detail = (await (await fetch(`${served.url}/api/public/forecast/${encodeURIComponent(first.id)}`)).json()) as { backtest: { models: { shocks: { label: string; points: number }[] }[] } };
    const shocks = detail.backtest.models[0]!.shocks.filter((x) => x.points > 0).map((x) => x.label);
    expect(shocks[0]).toBe('2015-16');
    const table = page.getByRole('table', { name: /toetsing van de voorspellingen/ });
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(2);
    const labels = (await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelector('th, td')?.textContent ?? ''))).filter((t) => t.startsWith('schok '));
    expect(labels).toEqual(shocks.map((l) => `schok ${l}`));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'forecast-skipped-nl');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the evidence behind a category', () => {
  it('is one click away from the map table, and passes axe-core', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(served.url + '/');
    await page.waitForSelector('svg.eu-map[data-ready="true"]');
    await page.getByRole('button', { name: 'Show evidence: Italy' }).click();
    const panel = page.getByRole('region', { name: 'Evidence for Italy' });
    await expect.poll(() => panel.textContent()).toContain('First-time asylum applications');
    // The computed evidence (the assessment engine) is shown beside the decision, never as it.
    expect(await panel.textContent()).toContain('The evidence supports');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-evidence-IT');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the map of what the evidence supports', () => {
  it('colours the states by the computed categories when asked, says it is not a decision, and goes back', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(served.url + '/');
    await page.waitForSelector('svg.eu-map[data-ready="true"]');
    await expect.poll(() => page.getByRole('cell', { name: /under migratory pressure/i }).count()).toBeGreaterThan(0);
    const italy = page.locator('svg.eu-map path[data-geo="IT"]');
    expect(await italy.getAttribute('fill')).toBe(FILL.none); // no decision recorded
    const overview = (await (await fetch(served.url + '/api/public/overview')).json()) as { states: { geo: string; computedCategories: string[] }[] };
    const computed = overview.states.find((s) => s.geo === 'IT')!;
    expect(computed.computedCategories.some((c) => c.startsWith('under-pressure'))).toBe(true);
    await page.getByRole('radio', { name: /computed evidence/ }).check();
    expect(await italy.getAttribute('fill')).toBe(FILL['migratory-pressure']);
    expect(await page.getByRole('note').textContent()).toContain('not its decision');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-evidence-map');
    await page.getByRole('radio', { name: "The Commission's decision" }).check();
    expect(await italy.getAttribute('fill')).toBe(FILL.none);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("a state's page: will the border-procedure capacity hold?", () => {
  it('shows to an anonymous visitor the outlook the API computes, as a chart and a table, and passes axe-core', async () => {
    // The API's own answer, to compare what the page prints with (public: no credentials).
    const res = await fetch(`${served.url}/api/procedures/capacity-outlook/IT?year=2026`);
    expect(res.status).toBe(200);
    const o = (await res.json()) as { state: { capacity: number; annualMaximum: number; routes: string[]; months: { period: string; peak: { mean: number } }[] } };
    expect(o.state.routes).toContain('Central Mediterranean Route');
    for (const locale of ['en', 'nl'] as const) {
      const { page, errors } = await openPage(browser, { locale: locale === 'nl' ? 'nl-NL' : 'en-GB' });
      await page.goto(served.url + '/state/IT');
      const section = page.getByRole('region', { name: locale === 'en' ? 'Border procedure: will capacity hold?' : 'Grensprocedure: volstaat de capaciteit?' });
      await section.locator('figure.chart svg').first().waitFor();
      const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
      const text = (await section.textContent()) ?? '';
      expect(text).toContain(nf.format(o.state.capacity));
      expect(text).toContain(nf.format(o.state.annualMaximum));
      // The routes its arrivals come from, named in the reader's language.
      for (const r of o.state.routes) expect(text).toContain(routeName(r, NOTE_CATALOGS[locale]!));
      if (locale === 'nl') expect(text).toContain('Centrale Middellandse Zeeroute');
      // The table alternative holds every month's central occupancy.
      await section.getByText(locale === 'en' ? 'Show the figures as a table' : /tabel/i).first().click();
      const rows = section.locator('table tbody tr');
      expect(await rows.count()).toBe(12);
      const august = o.state.months.find((m) => m.period === '2026-08')!;
      expect(await section.locator('table tbody tr', { hasText: '2026-08' }).locator('td').first().textContent()).toBe(nf.format(august.peak.mean));
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `state-IT-outlook-${locale}`);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('says for a state with no attributed route that its occupancy is not modelled, not zero', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(served.url + '/state/DE');
    const section = page.getByRole('region', { name: 'Border procedure: will capacity hold?' });
    await expect.poll(() => section.textContent()).toContain('not known, not zero');
    expect(await section.locator('figure.chart').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('a state the border procedure does not bind', () => {
  it('says so on its page without asking the server for an outlook (no failed request, no console error)', async () => {
    const { page, errors } = await openPage(browser);
    const asked: string[] = [];
    page.on('request', (r) => asked.push(r.url()));
    await page.goto(served.url + '/state/DK');
    await page.waitForSelector('#outlook-title');
    expect(await page.locator('section[aria-labelledby="outlook-title"]').textContent()).toContain('Denmark is not bound by the asylum border procedure');
    expect(asked.filter((u) => u.includes('capacity-outlook'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the implementation state of play', () => {
  it('shows the API’s Union overview, a row per milestone, in the reader’s language', async () => {
    const o = (await (await fetch(served.url + '/api/implementation')).json()) as { states: number; milestones: { milestone: string; counts: Record<string, number> }[]; statesNotReporting: string[] };
    const { page, errors } = await openPage(browser, { locale: 'nl-NL' });
    await page.goto(served.url + '/implementation');
    const table = page.getByRole('table', { name: /Mijlpalen van de nationale uitvoeringsplannen/ });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(o.milestones.length);
    const notReported = await table.locator('tbody tr td:nth-child(6)').allTextContents();
    expect(notReported).toEqual(o.milestones.map((m) => String(m.counts['not-reported'])));
    expect(await page.locator('main').textContent()).toContain(`${o.states - o.statesNotReporting.length} van de ${o.states} lidstaten`);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the deadline calculator', () => {
  type NoteJson = { key: string; params: Record<string, unknown>; text: string };
  type Deadlines = { steps: { label: NoteJson; article: string; nominalEnd: string; deadline: string; moved: NoteJson | null }[]; counting: NoteJson };
  // Registration on Wednesday 17 June 2026: the application is lodged within 5 days, by Monday 22 June, a public
  // holiday here, so the last day moves to Tuesday 23 June (Regulation 1182/71 Art 3(4)).
  const QUERY = { procedure: 'border-procedure', from: '2026-06-17', holiday: '2026-06-22' };
  const apiDeadlines = async (q: typeof QUERY) => (await (await fetch(`${served.url}/api/procedures/${q.procedure}/deadlines?${new URLSearchParams(q).toString()}`)).json()) as Deadlines;
  const longDate = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const lastDays = (page: import('playwright-core').Page) => page.locator('main table tbody time').evaluateAll((ts) => ts.map((x) => [x.getAttribute('datetime'), x.textContent]));

  it('gives the API’s last days for the procedure, start date and holiday chosen, says why one moved, keeps the query in the URL, and shows the API’s error for a bad date', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(served.url + '/deadlines');
    const procedures = (await (await fetch(served.url + '/api/procedures')).json()) as { name: string }[];
    const select = page.getByLabel('Procedure');
    await expect.poll(() => select.locator('option').count()).toBe(procedures.length);
    expect(await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(procedures.map((p) => p.name));
    await select.selectOption(QUERY.procedure);
    await page.getByLabel('Start date').fill(QUERY.from);
    await page.getByLabel(/Public holidays/).fill(QUERY.holiday);
    await page.getByRole('button', { name: 'Calculate' }).click();
    const table = page.getByRole('table', { name: /Deadlines of “Asylum border procedure”/ });
    await table.waitFor();
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(QUERY);

    const r = await apiDeadlines(QUERY);
    expect(await lastDays(page)).toEqual(r.steps.map((s) => [s.deadline, longDate(s.deadline, 'en')]));
    const moved = r.steps.find((s) => s.moved)!;
    expect([moved.nominalEnd, moved.deadline]).toEqual(['2026-06-22', '2026-06-23']);
    const row = await table.getByRole('row', { name: new RegExp(`^${moved.label.text}`) }).textContent();
    expect(row).toContain(moved.article);
    expect(row).toContain(`the period ends on ${longDate(moved.nominalEnd, 'en')}; ${moved.moved!.text}`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'deadlines-en');
    expect(errors).toEqual([]);

    // A date that does not exist: the server's 400, which names the field, is shown as it comes.
    await page.getByLabel(/Public holidays/).fill('2026-06-22, 2026-06-31');
    await page.getByRole('button', { name: 'Calculate' }).click();
    const bad = await fetch(`${served.url}/api/procedures/${QUERY.procedure}/deadlines?from=${QUERY.from}&holiday=2026-06-22&holiday=2026-06-31`);
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { message: string } };
    expect(error.message).toMatch(/field holidays: 2026-06-31/);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(`The deadlines cannot be calculated: ${error.message}`);
    expect(await page.getByRole('table').count()).toBe(0);
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await page.context().close();
  });

  it('in Dutch, from a linked URL: the same last days, and the reason for a move and the counting rule in Dutch', async () => {
    const { page, errors } = await openPage(browser, { locale: 'nl-NL' });
    await page.goto(`${served.url}/deadlines?${new URLSearchParams(QUERY).toString()}`);
    const table = page.getByRole('table', { name: /Termijnen van „Asielgrensprocedure”/ });
    await table.waitFor();
    const r = await apiDeadlines(QUERY);
    expect(await lastDays(page)).toEqual(r.steps.map((s) => [s.deadline, longDate(s.deadline, 'nl')]));
    const moved = r.steps.find((s) => s.moved)!;
    const reason = renderNote(moved.moved as unknown as Note, NOTE_CATALOGS.nl!);
    expect(reason).not.toBe(moved.moved!.text);
    const row = await table.getByRole('row', { name: new RegExp(`^${renderNote(moved.label as unknown as Note, NOTE_CATALOGS.nl!)}`) }).textContent();
    expect(row).toContain(`de termijn eindigt op ${longDate(moved.nominalEnd, 'nl')}; ${reason}`);
    expect(row).not.toContain(moved.moved!.text);
    expect(await page.locator('main').textContent()).toContain(`Telling: ${renderNote(r.counting as unknown as Note, NOTE_CATALOGS.nl!)}`);
    // The form starts from the URL, so the query can be changed from there.
    expect(await page.getByLabel('Begindatum').inputValue()).toBe(QUERY.from);
    expect(await page.getByLabel(/Feestdagen/).inputValue()).toBe(QUERY.holiday);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'deadlines-nl');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
