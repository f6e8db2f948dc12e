/**
 * The public dashboard's first load on loopback, measured in Chromium: time from navigation start to the map being
 * drawn (the app's `pactcycle:map-drawn` performance mark), cold cache, median of several loads; and the gzipped
 * size of the JavaScript shipped (what the dashboard loads, and all of web/dist). Peer: the same server's first
 * load of a static HTML page of the same size with no script (the floor of a page load on this machine).
 * Targets (issue 5): < 1 s to the map, ≤ 300 KB of gzipped JavaScript.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, serve } from '../test/browser/harness.ts';

const RUNS = 7;
const DIST = path.resolve(import.meta.dirname, '../web/dist');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function run(): Promise<void> {
  const served = await serve();
  const browser = await launch();
  try {
    const mapTimes: number[] = [];
    const floorTimes: number[] = [];
    let dashboardScripts: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${served.url}/`);
      await page.waitForSelector('svg.eu-map[data-ready="true"]');
      mapTimes.push(await page.evaluate(() => performance.getEntriesByName('pactcycle:map-drawn')[0]!.startTime));
      dashboardScripts = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.endsWith('.js')));
      // The floor: the API docs' static page would load scripts too, so a plain static asset stands in.
      const floor = await context.newPage();
      await floor.goto(`${served.url}/europe.geo.json`);
      floorTimes.push(await floor.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd));
      await context.close();
    }
    const allJs = readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
    const shipped = allJs.reduce((a, f) => a + gz(path.join(DIST, 'assets', f)), 0);
    const dashboard = dashboardScripts.reduce((a, p) => a + gz(path.join(DIST, p)), 0);
    const map = median(mapTimes);
    const floor = median(floorTimes);
    console.log(`dashboard first load, time to the map drawn (median of ${RUNS} cold loads): ${map.toFixed(0)} ms  (target < 1000 ms: ${map < 1000 ? 'met' : 'NOT met'}; ${(map / 1000).toFixed(2)}× the target)`);
    console.log(`peer: first load of a static file from the same server: ${floor.toFixed(0)} ms  (map ÷ static = ${(map / Math.max(floor, 0.1)).toFixed(1)}×)`);
    console.log(`JavaScript loaded by the dashboard, gzipped: ${kb(dashboard)} in ${dashboardScripts.length} files  (target ≤ 300 KB: ${dashboard <= 300 * 1024 ? 'met' : 'NOT met'}; ${(dashboard / (300 * 1024)).toFixed(2)}× the target)`);
    console.log(`all JavaScript in web/dist (incl. chunks loaded on demand: charts, workspaces), gzipped: ${kb(shipped)} in ${allJs.length} files`);
  } finally {
    await browser.close();
    await served.close();
  }
}
