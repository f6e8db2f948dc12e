/**
 * The 2026 cycle clicked through in Chromium, one user per role, on the real server, from a first run: the setup
 * link creates the Commission's account and the Commission creates everyone else's; it loads data, runs the
 * assessment and records decisions with grounds; then it drafts the
 * proposal and records its Art 11 decision, the Council convenes the Forum, Member States pledge (one of them in
 * Dutch), the public sees nothing confidential, the Council adopts an amended pool, the Commission starts
 * implementation, Italy asks to use the pool, Poland asks for a deduction that is assessed and decided, the
 * Coordinator allocates and records fulfilment, and the year is closed and confirmed. Every workspace passes
 * axe-core and logs no console error; screenshots of each are kept.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkPage, launch, openPage, PASSWORD, serve, signedInPage, signIn, USERS, type Served } from './harness.ts';
import { SHARED_DATA } from '../helpers/data-folder.ts';

let served: Served;
let browser: Browser;
const consoleErrors: string[] = [];

beforeAll(async () => {
  served = await serve({ firstRun: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** Signs `name` in; console errors are collected, except those `expected` (a refusal the test provokes). */
const as = (name: string, locale: 'en' | 'nl' = 'en', expected?: RegExp): Promise<Page> => signedInPage(browser, served.url, name, consoleErrors, { locale, expected });

/** Submits the form recording `event` and waits for the server's acknowledgement. */
async function submit(page: Page, event: string): Promise<void> {
  const form = page.locator(`form[data-event="${event}"]`).first();
  const response = page.waitForResponse((r) => r.url().endsWith('/events') && r.request().method() === 'POST');
  await form.locator('button[type="submit"]').click();
  const res = await response;
  expect(res.status(), await res.text()).toBe(201);
}

const phase = (page: Page) => page.locator('[data-phase]').first().getAttribute('data-phase');

describe('the 2026 cycle, one user per role', () => {
  it('first run: the printed setup link creates the Commission account, and the Commission creates the others', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${served.url}/login`);
    await expect.poll(() => page.locator('main').textContent()).toContain('No account exists yet');
    // A wrong link is refused by the server, and the form keeps what was typed.
    await page.goto(`${served.url}/setup?token=not-the-printed-token`);
    await page.getByLabel('User name').fill(USERS.commission);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Repeat the password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create the account and sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('This setup link is not valid');
    expect(await page.getByLabel('User name').inputValue()).toBe(USERS.commission);

    await page.goto(`${served.url}/setup?token=${served.setupToken}`);
    // The token leaves the address bar (and the history) at once.
    await expect.poll(() => page.url()).toBe(`${served.url}/setup`);
    await page.getByLabel('User name').fill(USERS.commission);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Repeat the password').fill('a different passphrase');
    await page.getByRole('button', { name: 'Create the account and sign in' }).click();
    await expect.poll(() => page.locator('form').textContent()).toContain('The two passwords differ.');
    await page.getByLabel('Repeat the password').fill(PASSWORD);
    await checkPage(page, 'setup');
    await page.getByRole('button', { name: 'Create the account and sign in' }).click();
    await page.waitForURL(`${served.url}/accounts`);
    await expect.poll(() => page.locator('header').textContent()).toContain(`Signed in as ${USERS.commission} (commission)`);

    const form = page.locator('form[data-form="account"]');
    for (const [role, name] of Object.entries(USERS)) {
      if (role === 'commission') continue;
      await form.getByLabel('User name').fill(name);
      await form.getByLabel('Role').selectOption(role);
      await form.getByLabel('Initial password').fill(PASSWORD);
      await form.getByRole('button', { name: 'Create the account' }).click();
      await expect.poll(() => form.getByRole('status').textContent()).toContain(`Account ${name} created`);
    }
    const table = page.getByRole('table', { name: 'Who may sign in' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(Object.keys(USERS).length);
    await checkPage(page, 'accounts');
    // Setup is closed now: the link opens nothing.
    await page.goto(`${served.url}/setup?token=${served.setupToken}`);
    await expect.poll(() => page.locator('main').textContent()).toContain('setup is closed');
    consoleErrors.push(...errors.filter((e) => !/status of 403/.test(e)));
    await page.context().close();
  });

  it('Commission: loads data from the web, a bad file refused with its line and nothing lost', async () => {
    const page = await as(USERS.commission, 'en', /status of 400/);
    await expect.poll(() => page.getByRole('heading', { name: 'Data status' }).count()).toBe(1);
    const rows = () => page.getByRole('table', { name: 'Data status' }).textContent();
    await expect.poll(rows).toContain('Irregular border crossings');
    const before = await rows();
    const panel = page.locator('[data-panel="data-load"]');
    const file = 'frontex/ibc_detections_monthly_by_route.csv';
    const text = readFileSync(path.join(SHARED_DATA, file), 'utf8');
    const dir = mkdtempSync(path.join(tmpdir(), 'pactcycle-upload-'));
    const lines = text.split('\n');
    lines[2] = 'Black Sea Route,Sea,2012-08,twelve';
    writeFileSync(path.join(dir, 'ibc-corrected.csv'), lines.join('\n'));
    writeFileSync(path.join(dir, 'ibc_detections_monthly_by_route.csv'), text);

    await panel.getByLabel('Kind of file (manifest entry)').selectOption(file);
    await panel.getByLabel('CSV file').setInputFiles(path.join(dir, 'ibc-corrected.csv'));
    await panel.getByRole('button', { name: 'Upload and load' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('ibc-corrected.csv, line 3, field value');
    expect(await rows()).toBe(before);
    expect(await panel.getByLabel('Kind of file (manifest entry)').inputValue()).toBe(file);

    await panel.getByLabel('CSV file').setInputFiles(path.join(dir, 'ibc_detections_monthly_by_route.csv'));
    await panel.getByRole('button', { name: 'Upload and load' }).click();
    await expect.poll(() => panel.locator('[data-result="data-load"]').textContent()).toContain('Already loaded before, so nothing changed');
    expect(await rows()).toBe(before);
    await page.close();
  });

  it('Commission: runs the assessment and records decisions with grounds; disagreements with the evidence are shown', async () => {
    const page = await as(USERS.commission, 'en', /status of 400/);
    const panel = page.locator('[data-panel="assessment"]');
    await panel.getByRole('button', { name: 'Run the assessment of the 2026 cycle' }).click();
    await expect.poll(() => panel.getByRole('status').first().textContent()).toContain('Reference period');
    const italy = panel.locator('tr[data-state="IT"]');
    await expect.poll(() => italy.textContent()).toContain('under migratory pressure (search and rescue, Art 11(3))');
    expect(await italy.textContent()).toContain('not decided yet');
    await expect.poll(() => panel.locator('[data-list="disagreements"]').textContent()).toContain('No decision in force differs from the evidence.');

    const form = panel.locator('form[data-form="decision-record"]');
    const record = async (state: string, category: string, adopted: string, ground: string, date: string) => {
      await form.getByLabel('Member State').selectOption(state);
      await form.getByLabel('Category').selectOption(category);
      await form.getByLabel('Decision', { exact: true }).selectOption(adopted);
      await form.getByLabel('Ground').fill(ground);
      await form.getByLabel('Date of the decision').fill(date);
      await form.getByLabel('Act').fill('Commission Implementing Decision (EU) 2025/2323');
      await form.getByRole('button', { name: 'Record the decision for this state' }).click();
    };
    // The server judges the date: refused with its message, and every field keeps what was typed.
    await record('IT', 'under-pressure', 'yes', 'Disproportionate arrivals after search and rescue operations', '14/11/2025');
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('date must be YYYY-MM-DD');
    expect(await form.getByLabel('Ground').inputValue()).toBe('Disproportionate arrivals after search and rescue operations');
    expect(await form.getByLabel('Member State').inputValue()).toBe('IT');
    await form.getByLabel('Date of the decision').fill('2025-11-14');
    await form.getByRole('button', { name: 'Record the decision for this state' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Recorded: Italy, under migratory pressure: Yes.');
    await expect.poll(() => italy.textContent()).toContain('under migratory pressure: Yes');

    // "Decide…" on Poland's row fills the state; choosing a category says whether the evidence supports it.
    await panel.getByRole('button', { name: 'Decide… (Poland)' }).click();
    await expect.poll(() => form.getByLabel('Member State').inputValue()).toBe('PL');
    await form.getByLabel('Category').selectOption('under-pressure');
    await expect.poll(() => form.locator('[data-hint="evidence"]').textContent()).toContain('The evidence does not support “under migratory pressure” for Poland');
    await record('PL', 'under-pressure', 'yes', 'Threat of instrumentalisation at the border with Belarus (Art 10(2))', '2025-11-14');
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Recorded: Poland');
    await expect.poll(() => panel.locator('[data-list="disagreements"]').textContent()).toContain('Poland: identified as “under migratory pressure” without the evidence supporting it.');
    await checkPage(page, 'workspace-commission-assessment');
    await page.close();
  });

  it('Commission in Dutch: the assessment, the decisions and the Accounts page', async () => {
    const page = await as(USERS.commission, 'nl');
    const panel = page.locator('[data-panel="assessment"]');
    await panel.getByRole('button', { name: 'De beoordeling van de cyclus 2026 uitvoeren' }).click();
    await expect.poll(() => panel.locator('[data-list="disagreements"]').textContent()).toContain('Polen: vastgesteld als „onder migratiedruk” zonder dat het bewijs dat ondersteunt.');
    await expect.poll(() => panel.getByRole('status').first().textContent()).toContain('2 vastgelegde besluiten');
    await checkPage(page, 'workspace-commission-assessment-nl');
    await page.goto(`${served.url}/accounts`);
    await expect.poll(() => page.getByRole('heading', { name: 'Wie mag inloggen' }).count()).toBe(1);
    await checkPage(page, 'accounts-nl');
    await page.close();
  });

  it('Commission: sees the data, drafts the proposal and records the Art 11 decision with grounds', async () => {
    const page = await as(USERS.commission);
    await expect.poll(() => page.getByRole('heading', { name: 'Data status' }).count()).toBe(1);
    const form = page.locator('form[data-event="proposal-drafted"]');
    await form.getByLabel('Reference number of relocations').fill('30000');
    await expect.poll(() => form.textContent()).toContain('€600,000,000');
    await checkPage(page, 'workspace-commission-proposal');
    await submit(page, 'proposal-drafted');
    await expect.poll(() => phase(page)).toBe('drafted');
    const decision = page.locator('form[data-event="classification-recorded"]');
    await decision.getByLabel(/Reference of the implementing decision/).fill('Commission Implementing Decision (EU) 2025/2323: disproportionate arrivals in the last year');
    await decision.getByLabel('Italy: Under migratory pressure').check();
    await decision.getByLabel('Greece: Under migratory pressure').check();
    await decision.getByLabel('Poland: Facing a significant migratory situation').check();
    await decision.getByRole('button', { name: /Record the decision/ }).click();
    await expect.poll(() => decision.textContent()).toContain('Saved.');
    await page.close();
  });

  it('Council: convenes the High-Level Forum', async () => {
    const page = await as(USERS.council);
    await checkPage(page, 'workspace-council-drafted');
    await submit(page, 'forum-opened');
    await expect.poll(() => phase(page)).toBe('forum');
    await page.close();
  });

  it('Member States pledge with live euro equivalents; a rejected submission keeps what was typed', async () => {
    const de = await as(USERS['member-state:DE'], 'en', /status of 400/);
    const form = de.locator('form[data-event="pledge-made"]');
    await form.getByLabel('Type of measure').selectOption('relocation');
    await form.getByLabel(/^Amount/).fill('-5');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => form.textContent()).toContain('Enter a whole number');
    expect(await form.getByLabel(/^Amount/).inputValue()).toBe('-5');
    await form.getByLabel(/^Amount/).fill('0');
    await form.locator('button[type="submit"]').click();
    // The server is the judge: zero persons is refused with its message, and the form keeps its values.
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/at least 1/);
    expect(await form.getByLabel(/^Amount/).inputValue()).toBe('0');
    await form.getByLabel(/^Amount/).fill('4000');
    await expect.poll(() => form.textContent()).toContain('€80,000,000');
    await checkPage(de, 'workspace-member-state-DE-pledge');
    await submit(de, 'pledge-made');
    await de.close();

    const pl = await as(USERS['member-state:PL'], 'nl');
    const plForm = pl.locator('form[data-event="pledge-made"]');
    await plForm.getByLabel('Soort maatregel').selectOption('financial');
    await plForm.getByLabel(/^Omvang/).fill('20000000');
    await expect.poll(() => plForm.textContent()).toMatch(/20\.000\.000/);
    await checkPage(pl, 'workspace-member-state-PL-nl');
    await submit(pl, 'pledge-made');
    await pl.close();
  });

  it('the public sees that the cycle exists and nothing of its proposal or pledges', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${served.url}/pool`);
    await expect.poll(() => page.locator('main').textContent()).toContain('has not been adopted yet');
    expect(await page.locator('main').textContent()).not.toMatch(/80,000,000|4,000/);
    await page.goto(`${served.url}/`);
    await page.waitForSelector('svg.eu-map[data-ready="true"]');
    // The Art 11 decision is published with the Report (Art 11(1)): the map shows it.
    await expect.poll(() => page.locator('table').first().textContent()).toContain('Under migratory pressure');
    await checkPage(page, 'dashboard-decided');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Council: adopts the pool, amending the reference number to 21,000', async () => {
    const page = await as(USERS.council);
    const form = page.locator('form[data-event="pool-adopted"]');
    await form.getByLabel(/Reference of the Council implementing act/).fill('Council Implementing Decision (EU) 2025/2642');
    await form.getByLabel('Reference number of relocations').fill('21000');
    await expect.poll(() => form.textContent()).toContain('€420,000,000');
    await checkPage(page, 'workspace-council-adopt');
    await submit(page, 'pool-adopted');
    await expect.poll(() => phase(page)).toBe('adopted');
    await page.close();
  });

  it('the public sees the adopted act, and a what-if that is never saved', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${served.url}/pool`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Council Implementing Decision (EU) 2025/2642');
    await page.getByLabel('Reference number of relocations').fill('10000');
    await expect.poll(() => page.locator('.scenario').textContent()).toContain('€200,000,000');
    await checkPage(page, 'pool-adopted');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Commission starts implementation; Italy asks to use the pool; Poland asks for a deduction', async () => {
    const com = await as(USERS.commission);
    await submit(com, 'implementation-started');
    await expect.poll(() => phase(com)).toBe('implementation');
    await com.close();

    const it_ = await as(USERS['member-state:IT']);
    const access = it_.locator('form[data-event="access-requested"]');
    await access.getByLabel(/Relocations needed/).fill('3000');
    await access.getByLabel(/Financial contributions needed/).fill('10000000');
    await checkPage(it_, 'workspace-member-state-IT');
    await submit(it_, 'access-requested');
    await it_.close();

    const pl = await as(USERS['member-state:PL']);
    const deduction = pl.locator('form[data-event="deduction-requested"]');
    await deduction.getByLabel('Legal basis').selectOption('62');
    await deduction.getByLabel(/Financial contributions/).fill('5000000');
    await deduction.getByLabel(/Substantiated reasoning/).fill('Reception capacity reached after arrivals at the eastern border.');
    await submit(pl, 'deduction-requested');
    await pl.close();
  });

  it('Deadlines: Poland sees the Art 62(3) deadline of its deduction request, in either language; Germany does not', async () => {
    const deadlines = (p: Page, caption: RegExp) => p.getByRole('table', { name: caption });
    const pl = await as(USERS['member-state:PL']);
    const row = deadlines(pl, /^Deadlines$/).getByRole('row', { name: /The Commission assesses Poland's deduction request/ });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Art 62(3)');
    expect(await deadlines(pl, /^Deadlines$/).textContent()).toContain('The High-Level EU Solidarity Forum is convened');
    await pl.close();
    const plNl = await as(USERS['member-state:PL'], 'nl');
    await expect.poll(async () => (await deadlines(plNl, /^Termijnen$/).textContent()) ?? '').toContain('De Commissie beoordeelt het verzoek om aftrek van Polen');
    await checkPage(plNl, 'member-state-deadlines-nl');
    await plNl.close();
    const de = await as(USERS['member-state:DE']);
    await deadlines(de, /^Deadlines$/).waitFor();
    expect(await deadlines(de, /^Deadlines$/).textContent()).not.toContain('Poland');
    await de.close();
  });

  it('Commission assesses the deduction; Council decides it', async () => {
    const com = await as(USERS.commission);
    const assess = com.locator('form[data-event="deduction-assessed"]');
    await assess.getByLabel('Favourable assessment').check();
    await assess.getByLabel('Reasons').fill('The reception system has reached its capacity.');
    await checkPage(com, 'workspace-commission-implementation');
    await submit(com, 'deduction-assessed');
    await com.close();

    const council = await as(USERS.council);
    const decide = council.locator('form[data-event="deduction-decided"]');
    await decide.getByLabel(/Reference of the Council implementing act/).fill('Council Implementing Decision on the deduction of Poland');
    await submit(council, 'deduction-decided');
    await council.close();
  });

  it('Coordinator: runs a relocation matching on the adopted pool, and accepts a proposed case', async () => {
    const page = await as(USERS.coordinator);
    // Twelve cases from Italy, one with a family in Germany: SYNTHETIC, written for this test.
    const cases = Array.from({ length: 12 }, (_, i) => ({
      id: `IT-${i + 1}`, benefitting: 'IT', status: 'applicant', nationality: 'BGD', members: [{ age: 20 + i }],
      ...(i === 0 ? { links: [{ state: 'DE', kind: 'family' }] } : {}),
    }));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pactcycle-cases-')), 'cases.json');
    writeFileSync(file, JSON.stringify({ cases }));
    await page.locator('#match-cases').setInputFiles(file);
    await expect.poll(() => page.locator('main').textContent()).toContain('12 cases read from cases.json');
    const response = page.waitForResponse((r) => r.url().endsWith('/api/matching/runs') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Run the matching' }).click();
    expect((await response).status()).toBe(201);
    await expect.poll(() => page.locator('main').textContent()).toContain('12 of 12 eligible persons placed');
    const first = page.locator('li[data-case="IT-1"]');
    await expect.poll(() => first.textContent()).toContain('Proposed for DE through a family link');
    await first.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => first.textContent()).toContain('accepted: DE');
    await checkPage(page, 'workspace-coordinator-matching');
    await page.close();
  });

  it('Germany records receiving the information on IT-1; the Coordinator sees its Art 67(9) time limit, and Italy may not record a confirmation', async () => {
    const de = await as(USERS['member-state:DE']);
    const mine = de.locator('section[data-timers]');
    await expect.poll(() => mine.locator('table').textContent()).toContain('IT-1');
    await mine.getByLabel('Step').selectOption('informationReceived');
    await mine.getByLabel('Date').fill('2026-09-01');
    await mine.getByRole('button', { name: 'Record the step' }).click();
    await expect.poll(() => mine.getByRole('status').last().textContent()).toContain('recorded for IT-1');
    await checkPage(de, 'workspace-member-state-timers');
    await de.close();
    // Italy, the benefitting state, is not offered the steps of the state of relocation.
    const italy = await as(USERS['member-state:IT']);
    const its = italy.locator('section[data-timers]');
    await expect.poll(() => its.locator('table').textContent()).toContain('IT-1');
    expect(await its.getByLabel('Step').locator('option').allTextContents()).not.toContain('Confirmed (Art 67(9))');
    await italy.close();

    // The malformed holiday below is refused by the server (400), which the browser logs.
    const page = await as(USERS.coordinator, 'en', /status of 400/);
    const timers = page.locator('section[data-timers]');
    await timers.getByLabel(/On the day/).fill('2026-09-07');
    await timers.getByRole('button', { name: 'Show' }).click();
    const row = timers.locator('tr', { hasText: 'IT-1' });
    // The table shown before the click carries the same due date (on the server's day): wait for the new day's states.
    await expect.poll(() => row.locator('.badge.due').count()).toBe(1);
    expect(await timers.locator('table').textContent()).toContain('due September 8, 2026');
    await timers.getByLabel(/On the day/).fill('2026-09-20');
    await timers.getByRole('button', { name: 'Show' }).click();
    // No confirmation by 8 September: silence is confirmation, and the transfer decision (by 15 September) is overdue.
    await expect.poll(() => row.locator('.badge.overdue').count()).toBe(1);
    expect(await row.locator('[data-note="timers.silenceIsConfirmation"]').textContent()).toContain('no reply within the time limit: silence is confirmation');
    await checkPage(page, 'workspace-coordinator-timers');
    // Tuesday 15 September a public holiday: the transfer decision is due on Wednesday 16 (Art 75), not overdue that day.
    await timers.getByLabel(/On the day/).fill('2026-09-16');
    await timers.getByLabel(/Public holidays/).fill('2026-09-15');
    await timers.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => row.locator('.badge.overdue').count()).toBe(0);
    expect(await row.textContent()).toContain('due September 16, 2026');
    // Without the holiday, the same day shows it overdue.
    await timers.getByLabel(/Public holidays/).fill('');
    await timers.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => row.locator('.badge.overdue').count()).toBe(1);
    // A holiday that is not a date: the server's refusal names the field.
    await timers.getByLabel(/Public holidays/).fill('15/09/2026');
    await timers.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => timers.getByRole('alert').textContent()).toContain('querystring.holiday: write the date as YYYY-MM-DD');
    await page.close();

    // In Dutch, the server's notes are said in Dutch.
    const nl = await as(USERS.coordinator, 'nl');
    const nlTimers = nl.locator('section[data-timers]');
    await nlTimers.getByLabel(/Op de dag/).fill('2026-09-20');
    await nlTimers.getByRole('button', { name: 'Tonen' }).click();
    const nlRow = nlTimers.locator('tr', { hasText: 'IT-1' });
    await expect.poll(() => nlTimers.locator('caption').textContent()).toContain('20 september 2026');
    expect(await nlRow.locator('[data-note="timers.silenceIsConfirmation"]').textContent()).toContain('geen antwoord binnen de termijn: zwijgen is bevestiging en de staat moet herplaatsen (art. 67, lid 9)');
    expect(await nlRow.locator('[data-note="timers.noticeCountedBack"]').textContent()).toContain('teruggerekend vanaf de laatste dag voor de overdracht');
    await checkPage(nl, 'workspace-coordinator-timers-nl');
    await nl.close();
  });

  it('Coordinator: convenes the Technical-Level Forum, allocates, and records fulfilment', async () => {
    const page = await as(USERS.coordinator);
    const tlf = page.locator('form[data-event="technical-forum-convened"]');
    await tlf.getByLabel('Benefitting Member State').selectOption('IT');
    await submit(page, 'technical-forum-convened');
    const alloc = page.locator('form[data-event="allocation-made"]');
    await alloc.getByLabel('Contributing Member State').selectOption('DE');
    await alloc.getByLabel('Benefitting Member State').selectOption('IT');
    await alloc.getByLabel('Type of measure').selectOption('relocation');
    await alloc.getByLabel(/^Amount/).fill('1000');
    await submit(page, 'allocation-made');
    const fulfil = page.locator('form[data-event="fulfilment-recorded"]');
    await fulfil.getByLabel('Contributing Member State').selectOption('DE');
    await fulfil.getByLabel(/Benefitting Member State/).selectOption('IT');
    await fulfil.getByLabel('Type of measure').selectOption('relocation');
    await fulfil.getByLabel(/^Amount/).fill('600');
    await submit(page, 'fulfilment-recorded');
    await expect.poll(() => page.locator('main').textContent()).toContain('60%');
    await checkPage(page, 'workspace-coordinator');
    await submit(page, 'year-closed');
    await expect.poll(() => phase(page)).toBe('closed');
    await page.close();
  });

  it('Germany confirms what it implemented (Art 60(6)); a session that ends mid-form loses nothing typed', async () => {
    const page = await as(USERS['member-state:DE'], 'en', /status of 401/);
    let form = page.locator('form[data-event="implementation-confirmed"]');
    expect(await form.getByLabel('Relocations (persons)').inputValue()).toBe('600');
    await form.getByLabel('Financial contributions (€)').fill('1234567');
    // The workspace's other reads finish first: one sent after the cookies are gone is refused as anonymous (403).
    await expect.poll(() => page.locator('section[data-timers] table').textContent()).toContain('IT-1');
    await page.context().clearCookies();
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Your session has ended');
    expect(await form.getByLabel('Financial contributions (€)').inputValue()).toBe('1234567');
    await signIn(page, served.url, USERS['member-state:DE']);
    form = page.locator('form[data-event="implementation-confirmed"]');
    await expect.poll(() => form.getByLabel('Financial contributions (€)').inputValue()).toBe('1234567');
    await form.getByLabel('Financial contributions (€)').fill('0');
    await checkPage(page, 'workspace-member-state-DE-closed');
    await submit(page, 'implementation-confirmed');
    await page.close();
  });

  it('logged no console error on any page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
