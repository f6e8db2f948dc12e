/**
 * Loading data from the web, on real files of ../shared/data: the Commission uploads a tidy CSV file the manifest
 * describes or loads the configured folder again; a bad file is refused naming its file, line and field, and the
 * store keeps exactly what it had; the same bytes twice change nothing; no other role may load.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createRoleUsers, injectCaller } from '../../../test/helpers/api.ts';
import { BACKENDS, storePerTest } from '../../../test/helpers/backends.ts';
import { realText, replaceLine, tempFolder } from '../../../test/helpers/data-folder.ts';
import { realManifest } from '../../../test/helpers/data-folder.ts';
import { buildApp } from '../app.ts';
import type { Db } from '../../store/db.ts';

const FILE = 'frontex/ibc_detections_monthly_by_route.csv';
const observations = async (db: Db) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation'))[0]!.n;

interface LoadBody {
  source: string;
  inserted: number;
  unchanged: number;
  rowsRead: number;
  files: { file: string; alreadyLoaded: boolean; inserted: number }[];
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`data loading API on ${backend.name}`, () => {
    const open = storePerTest(backend);
    let app: FastifyInstance | undefined;
    const folders: { remove(): void }[] = [];
    afterEach(async () => {
      await app?.close();
      for (const f of folders.splice(0)) f.remove();
    });

    it('loads an uploaded file once, refuses a bad one naming file, line and field and loses nothing, and lets only the Commission load', async () => {
      const { db } = await open();
      const folder = tempFolder(['eurostat/population_1jan.csv']);
      folders.push(folder);
      app = await buildApp({ db, dataDir: folder.dir });
      const call = injectCaller(app, await createRoleUsers(db, ['commission', 'council', 'coordinator', 'member-state:IT']));
      const text = realText(FILE);

      for (const role of ['public', 'council', 'coordinator', 'member-state:IT'] as const) {
        expect((await call(role, 'GET', '/api/data/files')).status, role).toBe(403);
        expect((await call(role, 'POST', '/api/data/upload', { file: FILE, csv: text })).status, role).toBe(403);
        expect((await call(role, 'POST', '/api/data/reload', {})).status, role).toBe(403);
      }
      expect(await observations(db)).toBe(0);

      const files = (await call('commission', 'GET', '/api/data/files')).body as { files: { file: string }[]; folder: string };
      expect(files.folder).toBe(folder.dir);
      expect(files.files.map((f) => f.file)).toContain(FILE);
      const fallbacks = realManifest.files.filter((f) => f.fallback).map((f) => f.file);
      expect(fallbacks.length).toBeGreaterThan(0);
      for (const f of fallbacks) expect(files.files.map((x) => x.file)).not.toContain(f);

      const first = await call('commission', 'POST', '/api/data/upload', { file: FILE, name: 'ibc.csv', csv: text });
      expect(first.status, first.text).toBe(200);
      const loaded = first.body as LoadBody;
      expect(loaded.rowsRead).toBe(text.trim().split('\n').length - 1);
      expect(loaded.inserted).toBeGreaterThan(0);
      expect(loaded.inserted).toBe(await observations(db));
      const stored = await observations(db);

      const twice = (await call('commission', 'POST', '/api/data/upload', { file: FILE, csv: text })).body as LoadBody;
      expect(twice.files[0]).toMatchObject({ file: FILE, alreadyLoaded: true, inserted: 0 });
      expect(await observations(db)).toBe(stored);

      // A new vintage with one bad figure on line 3: refused whole, with where to fix it; nothing stored is lost.
      const bad = replaceLine(text.replace(/\n$/, '') + '\n', 3, 'Black Sea Route,Sea,2012-08,twelve');
      const refused = await call('commission', 'POST', '/api/data/upload', { file: FILE, name: 'ibc-new.csv', csv: bad });
      expect(refused.status).toBe(400);
      expect((refused.body as { error: { message: string } }).error.message).toMatch(/^ibc-new\.csv, line 3, field value: /);
      expect(await observations(db)).toBe(stored);

      const unknown = await call('commission', 'POST', '/api/data/upload', { file: 'mine.csv', csv: text });
      expect(unknown.status).toBe(400);
      expect((unknown.body as { error: { message: string } }).error.message).toMatch(/field file: "mine.csv" is not a file the manifest describes/);
      expect((await call('commission', 'POST', '/api/data/upload', { file: fallbacks[0], csv: text })).status).toBe(400);
      expect((await call('commission', 'POST', '/api/data/upload', { file: FILE, csv: '' })).status).toBe(400);

      // The configured folder, loaded again from the web.
      const reload = await call('commission', 'POST', '/api/data/reload', {});
      expect(reload.status, reload.text).toBe(200);
      expect((reload.body as LoadBody).source).toBe(folder.dir);
      expect((reload.body as LoadBody).inserted).toBeGreaterThan(0);
      expect(await observations(db)).toBe(stored + (reload.body as LoadBody).inserted);
      const status = (await call('public', 'GET', '/api/public/data-status')).body as { indicators: { indicator: string }[] };
      expect(status.indicators.map((i) => i.indicator)).toEqual(expect.arrayContaining(['irregular_crossings', 'population']));
    });
  });
}
