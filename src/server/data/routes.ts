/**
 * Loading data from the web (the Commission): upload one tidy CSV file that the repository's manifest describes
 * (data/manifest.json, the format of the folder loader), or load the configured data folder again. Both go through
 * the folder loader (src/data/load.ts): the file is parsed whole before the store is touched, then stored in one
 * transaction, so a bad file is refused with its file, line and field and nothing stored is lost; bytes already
 * loaded are recognised by their sha256 and change nothing.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError, PermissionError } from '../../domain/errors.ts';
import { readManifest, type ManifestFile } from '../../data/manifest.ts';
import { DEFAULT_MANIFEST, loadDataFolder, resolveDataDir, sha256, storeParsedFolder, type LoadSummary } from '../../data/load.ts';
import { parseTidyCsv } from '../../data/tidy-csv.ts';
import type { Db } from '../../store/db.ts';
import type { Principal } from '../auth/accounts.ts';
import { errorResponses, HttpError } from '../errors.ts';

const LoadResult = z
  .object({
    source: z.string().describe('the uploaded file, or the folder loaded'),
    rowsRead: z.number().int(),
    observations: z.number().int(),
    inserted: z.number().int(),
    unchanged: z.number().int(),
    files: z.array(z.object({ file: z.string(), indicators: z.array(z.string()), rowsRead: z.number().int(), observations: z.number().int(), inserted: z.number().int(), unchanged: z.number().int(), alreadyLoaded: z.boolean() })),
  })
  .meta({ id: 'DataLoadResult' });

const summaryOf = (source: string, s: LoadSummary): z.infer<typeof LoadResult> => ({
  source,
  rowsRead: s.rowsRead,
  observations: s.observations,
  inserted: s.inserted,
  unchanged: s.unchanged,
  files: s.files.map((f) => ({ file: f.file, indicators: f.indicators, rowsRead: f.rowsRead, observations: f.observations, inserted: f.inserted, unchanged: f.unchanged, alreadyLoaded: f.alreadyLoaded })),
});

async function commissionOnly(req: { principal: Principal }): Promise<void> {
  if (req.principal.role !== 'commission') throw new PermissionError('only the Commission loads data');
}

export interface DataRouteOptions {
  db: Db;
  /** The folder `POST /api/data/reload` loads; default as `pactcycle data load` finds it (PACTCYCLE_DATA, ../shared/data). */
  dataDir?: string | undefined;
  /** The manifest whose entries an uploaded file may be; default data/manifest.json. */
  manifestFile?: string;
}

/** Largest upload: the largest file of the shared data folder is 1.5 MB. */
export const UPLOAD_LIMIT = 16 * 1024 * 1024;

export const dataRoutes: FastifyPluginAsyncZod<DataRouteOptions> = async (app, opts) => {
  const tags = ['data'];
  const manifest = readManifest(opts.manifestFile ?? DEFAULT_MANIFEST);
  // A fallback file is kept only where no primary file gives the same figure, which only a whole folder can tell.
  const uploadable = manifest.files.filter((f) => !f.fallback);
  const entryOf = (file: string): ManifestFile | undefined => uploadable.find((f) => f.file === file);
  // Loads run one at a time: two at once would race on the same files' already-loaded check.
  let busy = false;
  const exclusive = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (busy) throw new HttpError(409, 'load-running', 'a data load is already running: wait for its result');
    busy = true;
    try {
      return await fn();
    } finally {
      busy = false;
    }
  };

  app.get(
    '/api/data/files',
    {
      preValidation: commissionOnly,
      schema: {
        tags,
        summary: 'the tidy CSV files the manifest describes, which an upload may be (the Commission)',
        response: { 200: z.object({ files: z.array(z.object({ file: z.string(), description: z.string().optional(), source: z.string(), indicators: z.array(z.string()), columns: z.array(z.string()), periods: z.object({ from: z.string(), to: z.string() }) })), folder: z.string().nullable() }), ...errorResponses },
      },
    },
    async () => ({
      files: uploadable.map((f) => ({
        file: f.file,
        ...(f.description ? { description: f.description } : {}),
        source: f.source,
        indicators: [...new Set(f.targets.map((t) => t.indicator))],
        columns: [...new Set([typeof f.columns.geo === 'string' ? f.columns.geo : null, f.columns.period, f.columns.value, ...Object.values(f.columns.dims ?? {})].filter((c): c is string => c !== null))],
        periods: f.periods,
      })),
      folder: configuredFolder(opts.dataDir),
    }),
  );

  app.post(
    '/api/data/upload',
    {
      preValidation: commissionOnly,
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags,
        summary: 'load one tidy CSV file as the manifest entry `file` describes it, in one transaction (the Commission)',
        body: z.object({ file: z.string().min(1).max(500).describe('the manifest entry, e.g. frontex/ibc_detections_monthly_by_route.csv'), name: z.string().max(500).optional().describe('the name of the uploaded file, for messages'), csv: z.string().min(1, 'the file is empty') }),
        response: { 200: LoadResult, ...errorResponses },
      },
    },
    async (req) => {
      const entry = entryOf(req.body.file);
      if (!entry) throw new InputError(`"${req.body.file}" is not a file the manifest describes for upload; choose one of the listed files`, { field: 'file' });
      const shown = req.body.name || entry.file;
      return exclusive(async () => {
        const parsed = parseTidyCsv(req.body.csv, entry, shown);
        const summary = await storeParsedFolder(opts.db, {
          dir: `upload:${shown}`,
          files: [
            {
              // Recorded under the manifest's name, so the same bytes loaded from the folder count as already loaded.
              file: entry.file,
              sha256: sha256(req.body.csv),
              bytes: Buffer.byteLength(req.body.csv),
              entry,
              indicators: [...new Set(entry.targets.map((t) => t.indicator))],
              source: entry.source,
              vintage: entry.vintage,
              fallback: false,
              rowsRead: parsed.rowsRead,
              observations: parsed.observations,
              superseded: 0,
            },
          ],
          undescribed: [],
        });
        return summaryOf(shown, summary);
      });
    },
  );

  app.post(
    '/api/data/reload',
    { preValidation: commissionOnly, schema: { tags, summary: 'load the configured data folder again, in one transaction; files already loaded are skipped (the Commission)', response: { 200: LoadResult, ...errorResponses } } },
    async () => {
      const dir = configuredFolder(opts.dataDir);
      if (!dir) throw new InputError('no data folder is configured: set PACTCYCLE_DATA or put the data at ../shared/data, or upload a file');
      return exclusive(async () => summaryOf(dir, await loadDataFolder(opts.db, dir)));
    },
  );
};

function configuredFolder(dataDir: string | undefined): string | null {
  return dataDir ?? resolveDataDir()?.dir ?? null;
}
