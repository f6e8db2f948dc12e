/**
 * What every browser test needs: the real server in process on a loopback port (embedded store, real figures,
 * one user per role), Debian's Chromium driven by playwright-core, console errors collected, axe-core run on a page,
 * and screenshots kept under out/screenshots/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { build } from 'vite';
import { expect } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createUser } from '../../src/server/auth/accounts.ts';
import { newSetupToken } from '../../src/server/setup/first-run.ts';
import { openMemoryStore, type Db } from '../../src/store/db.ts';
import { seedPublishedFigures } from '../helpers/published-figures.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../out/screenshots');
export const PASSWORD = 'correct horse battery staple';

/** One account per role of the cycle (issue 4): the institutions and three Member States. */
export const USERS = {
  commission: 'commission',
  council: 'council',
  coordinator: 'coordinator',
  'member-state:IT': 'italy',
  'member-state:DE': 'germany',
  'member-state:PL': 'poland',
} as const;

export interface Served {
  url: string;
  /** With `firstRun`: the one-time token of the setup link, as `start` prints it. */
  setupToken?: string;
  db: Db;
  app: FastifyInstance;
  close: () => Promise<void>;
}

const WEB_ROOT = path.resolve(import.meta.dirname, '../../web');

/** Builds the front-end when web/dist is missing (a fresh clone builds it in `npm ci`'s prepare step). */
export async function ensureWebBuilt(): Promise<void> {
  if (!existsSync(path.join(WEB_ROOT, 'dist/index.html'))) await build({ root: WEB_ROOT, configFile: path.join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

/**
 * The server on published figures. By default one account per role exists; with `firstRun` there is none and the
 * server holds a setup token, as after a first `npm start`: the test makes the accounts through the web.
 */
export async function serve(opts: { firstRun?: boolean } = {}): Promise<Served> {
  await ensureWebBuilt();
  const db = await openMemoryStore();
  await seedPublishedFigures(db);
  const setupToken = opts.firstRun ? newSetupToken() : undefined;
  if (!opts.firstRun) for (const [role, name] of Object.entries(USERS)) await createUser(db, { name, role, password: PASSWORD });
  const app = await buildApp({ db, loginRateLimit: { max: 1000, timeWindow: 60_000 }, ...(setupToken ? { setupToken } : {}) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, db, app, ...(setupToken ? { setupToken } : {}), close: async () => { await app.close(); await db.close(); } };
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A page whose console errors and uncaught exceptions are collected in `errors`. */
export async function openPage(browser: Browser, opts: { locale?: string } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: opts.locale ?? 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it stands; only serious and critical violations are returned. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's Content Security Policy (script-src 'self') stays on.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, base: string, name: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel(/user name|gebruikersnaam/i).fill(name);
  await page.getByLabel(/password|wachtwoord/i).fill(PASSWORD);
  await page.getByRole('button', { name: /sign in|inloggen/i }).click();
  await page.waitForURL(`${base}/workspace`);
}

/**
 * A page signed in as `name`. When it closes, its console errors go to `sink`, except those `expected` (a refusal the
 * test provokes), so that a test can assert at the end that no page logged an error.
 */
export async function signedInPage(browser: Browser, base: string, name: string, sink: string[], opts: { locale?: 'en' | 'nl'; expected?: RegExp } = {}): Promise<Page> {
  const { page, errors } = await openPage(browser, { locale: opts.locale === 'nl' ? 'nl-NL' : 'en-GB' });
  page.on('close', () => sink.push(...errors.filter((e) => !opts.expected?.test(e))));
  await signIn(page, base, name);
  return page;
}

/** No serious or critical axe-core violation on the page as it stands, and a screenshot kept under `name`. */
export async function checkPage(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, name);
}
