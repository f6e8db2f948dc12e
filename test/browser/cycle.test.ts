/**
 * The 2026 cycle clicked through in Chromium, one user per role, on the real server: the Commission drafts the
 * proposal and records its Art 11 decision, the Council convenes the Forum, Member States pledge (one of them in
 * Dutch), the public sees nothing confidential, the Council adopts an amended pool, the Commission starts
 * implementation, Italy asks to use the pool, Poland asks for a deduction that is assessed and decided, the
 * Coordinator allocates and records fulfilment, and the year is closed and confirmed. Every workspace passes
 * axe-core and logs no console error; screenshots of each are kept.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, screenshot, seriousViolations, serve, signIn, USERS, type Served } from './harness.ts';

let served: Served;
let browser: Browser;
const consoleErrors: string[] = [];

beforeAll(async () => {
  served = await serve();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** Signs `name` in; console errors are collected, except those `expected` (a refusal the test provokes). */
async function as(name: string, locale: 'en' | 'nl' = 'en', expected?: RegExp): Promise<Page> {
  const { page, errors } = await openPage(browser, { locale: locale === 'nl' ? 'nl-NL' : 'en-GB' });
  page.on('close', () => consoleErrors.push(...errors.filter((e) => !expected?.test(e))));
  await signIn(page, served.url, name);
  return page;
}

async function check(page: Page, shot: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, shot);
}

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
  it('Commission: sees the data, drafts the proposal and records the Art 11 decision with grounds', async () => {
    const page = await as(USERS.commission);
    await expect.poll(() => page.getByRole('heading', { name: 'Data status' }).count()).toBe(1);
    const form = page.locator('form[data-event="proposal-drafted"]');
    await form.getByLabel('Reference number of relocations').fill('30000');
    await expect.poll(() => form.textContent()).toContain('€600,000,000');
    await check(page, 'workspace-commission-proposal');
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
    await check(page, 'workspace-council-drafted');
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
    await check(de, 'workspace-member-state-DE-pledge');
    await submit(de, 'pledge-made');
    await de.close();

    const pl = await as(USERS['member-state:PL'], 'nl');
    const plForm = pl.locator('form[data-event="pledge-made"]');
    await plForm.getByLabel('Soort maatregel').selectOption('financial');
    await plForm.getByLabel(/^Omvang/).fill('20000000');
    await expect.poll(() => plForm.textContent()).toMatch(/20\.000\.000/);
    await check(pl, 'workspace-member-state-PL-nl');
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
    await check(page, 'dashboard-decided');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Council: adopts the pool, amending the reference number to 21,000', async () => {
    const page = await as(USERS.council);
    const form = page.locator('form[data-event="pool-adopted"]');
    await form.getByLabel(/Reference of the Council implementing act/).fill('Council Implementing Decision (EU) 2025/2642');
    await form.getByLabel('Reference number of relocations').fill('21000');
    await expect.poll(() => form.textContent()).toContain('€420,000,000');
    await check(page, 'workspace-council-adopt');
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
    await check(page, 'pool-adopted');
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
    await check(it_, 'workspace-member-state-IT');
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

  it('Commission assesses the deduction; Council decides it', async () => {
    const com = await as(USERS.commission);
    const assess = com.locator('form[data-event="deduction-assessed"]');
    await assess.getByLabel('Favourable assessment').check();
    await assess.getByLabel('Reasons').fill('The reception system has reached its capacity.');
    await check(com, 'workspace-commission-implementation');
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
    await check(page, 'workspace-coordinator-matching');
    await page.close();
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
    await check(page, 'workspace-coordinator');
    await submit(page, 'year-closed');
    await expect.poll(() => phase(page)).toBe('closed');
    await page.close();
  });

  it('Germany confirms what it implemented (Art 60(6)); a session that ends mid-form loses nothing typed', async () => {
    const page = await as(USERS['member-state:DE'], 'en', /status of 401/);
    let form = page.locator('form[data-event="implementation-confirmed"]');
    expect(await form.getByLabel('Relocations (persons)').inputValue()).toBe('600');
    await form.getByLabel('Financial contributions (€)').fill('1234567');
    await page.context().clearCookies();
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Your session has ended');
    expect(await form.getByLabel('Financial contributions (€)').inputValue()).toBe('1234567');
    await signIn(page, served.url, USERS['member-state:DE']);
    form = page.locator('form[data-event="implementation-confirmed"]');
    await expect.poll(() => form.getByLabel('Financial contributions (€)').inputValue()).toBe('1234567');
    await form.getByLabel('Financial contributions (€)').fill('0');
    await check(page, 'workspace-member-state-DE-closed');
    await submit(page, 'implementation-confirmed');
    await page.close();
  });

  it('logged no console error on any page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
