/**
 * The procedures around the cycle in Chromium (issue 9): Italy records an implementation milestone and asks the
 * Migration Support Toolbox for support, Poland asks too, the Commission accepts Italy's milestone and sees Poland —
 * identified as at risk by a (SYNTHETIC) Art 11 decision — served first, and the Coordinator sees the same order
 * without being able to decide. Every workspace passes axe-core; no console error but the refusals provoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { recordDecision } from '../../src/store/decisions.ts';
import { checkPage, launch, serve, signedInPage, USERS, type Served } from './harness.ts';

let served: Served;
let browser: Browser;
const consoleErrors: string[] = [];

beforeAll(async () => {
  served = await serve();
  browser = await launch();
  // SYNTHETIC (not the Commission's): Poland identified as at risk of migratory pressure for the 2026 cycle.
  await recordDecision(served.db, { cycle: 2026, state: 'PL', category: 'at-risk', adopted: true, ground: 'test', date: '2025-10-15', act: 'SYNTHETIC Implementing Decision', by: 'test' });
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const as = (name: string, expected?: RegExp): Promise<Page> => signedInPage(browser, served.url, name, consoleErrors, { expected });

describe('implementation plans and the Toolbox, one user per role', () => {
  it('Italy: a completed milestone needs evidence; with it, it goes to the Commission; Italy asks the Toolbox', async () => {
    const page = await as(USERS['member-state:IT'], /status of 400/);
    const plan = page.locator('section:has(#impl-plan)');
    await plan.locator('#impl-milestone').selectOption('screening');
    await plan.locator('#impl-status').selectOption('completed');
    await plan.getByRole('button', { name: 'Send to the Commission' }).click();
    await expect.poll(() => plan.getByRole('alert').textContent()).toMatch(/needs evidence/);
    await plan.locator('#impl-evidence').fill('Legislative Decree 2026/41 in force; screening at Lampedusa and Pozzallo');
    await plan.locator('#impl-target').fill('2026-06-12');
    await plan.getByRole('button', { name: 'Send to the Commission' }).click();
    await expect.poll(() => plan.locator('table').textContent()).toContain('Legislative Decree 2026/41');
    expect(await plan.locator('table').textContent()).toContain('Pending');

    const toolbox = page.locator('section:has(#toolbox-ms)');
    await toolbox.locator('#toolbox-item').selectOption('euaa-operational-support');
    await toolbox.locator('#toolbox-description').fill('Reception and registration experts for Lampedusa, summer 2026');
    await toolbox.getByRole('button', { name: 'Send the request' }).click();
    await expect.poll(() => toolbox.locator('table').textContent()).toContain('Operational and technical support by the EU Asylum Agency');
    await checkPage(page, 'workspace-member-state-IT-procedures');
    await page.close();
  });

  it('Poland: asks the Toolbox for AMIF funding', async () => {
    const page = await as(USERS['member-state:PL']);
    const toolbox = page.locator('section:has(#toolbox-ms)');
    await toolbox.locator('#toolbox-item').selectOption('amif-funding');
    await toolbox.locator('#toolbox-description').fill('Reception capacity at the Belarusian border');
    await toolbox.getByRole('button', { name: 'Send the request' }).click();
    await expect.poll(() => toolbox.locator('table').textContent()).toContain('Asylum, Migration and Integration Fund');
    await page.close();
  });

  it('Commission: accepts Italy’s milestone and serves Poland (at risk) before Italy', async () => {
    const page = await as(USERS.commission);
    const review = page.locator('section:has(#impl-review)');
    await review.getByRole('button', { name: 'Accept (Italy)' }).click();
    await expect.poll(() => review.textContent()).toContain('No milestone is waiting for review.');
    expect(await review.locator('table').textContent()).toContain('Accepted');

    const queue = page.locator('section:has(#toolbox-queue)');
    await expect.poll(() => queue.textContent()).toContain('Served first: Poland.');
    const rows = queue.locator('table tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('Poland');
    expect(await rows.nth(0).textContent()).toContain('At risk');
    expect(await rows.nth(1).textContent()).toContain('Italy');
    await rows.nth(1).getByRole('button', { name: 'Take into review' }).click();
    await expect.poll(() => rows.nth(1).textContent()).toContain('In review');
    await checkPage(page, 'workspace-commission-procedures');
    await page.close();
  });

  it('Coordinator: sees the same serving order and cannot decide', async () => {
    const page = await as(USERS.coordinator);
    const queue = page.locator('section:has(#toolbox-queue)');
    await expect.poll(() => queue.locator('table tbody tr').count()).toBe(2);
    expect((await queue.locator('table tbody tr').allTextContents()).map((r) => (r.includes('Poland') ? 'PL' : 'IT'))).toEqual(['PL', 'IT']);
    expect(await queue.getByRole('button').count()).toBe(0);
    await checkPage(page, 'workspace-coordinator-procedures');
    await page.close();
  });

  it('Italy: sees the Commission’s acceptance and its request in review', async () => {
    const page = await as(USERS['member-state:IT']);
    await expect.poll(() => page.locator('section:has(#impl-plan) table').textContent()).toContain('Accepted');
    await expect.poll(() => page.locator('section:has(#toolbox-ms) table').textContent()).toContain('In review');
    await page.close();
    expect(consoleErrors).toEqual([]);
  });
});
