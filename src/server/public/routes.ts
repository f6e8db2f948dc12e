/**
 * Public routes for the web front-end: published statistics per state, fair shares, the cycle overview (categories
 * only once the Commission's decision is recorded), and exports. No route here reads a pool's confidential content.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadMethodology } from '../../cycle/assess.ts';
import { MethodologySchema } from '../../domain/assessment/methodology.ts';
import type { Db } from '../../store/db.ts';
import { errorResponses, notFound } from '../errors.ts';
import { exportDataset, EXPORTS } from './export.ts';
import { cycleOverview } from './overview.ts';
import { fairSharesTable, stateSeries } from './series.ts';

const Point = z.object({
  period: z.string(),
  value: z.number(),
  perThousand: z.number().nullable(),
  perBillionGdp: z.number().nullable(),
  fairShareValue: z.number().nullable().describe("the state's fair share (Art 66 key) of the total of the 26 states"),
});
const Latest = z.object({ value: z.number(), period: z.string() }).nullable();
const StateSeries = z
  .object({
    geo: z.string(),
    fairShare: z.number().nullable(),
    population: Latest,
    gdp: Latest.describe('million euro'),
    indicators: z.array(z.object({ indicator: z.string(), unit: z.string(), points: z.array(Point) })),
  })
  .meta({ id: 'StateSeries' });

const FairShares = z
  .object({
    populationPeriod: z.string(),
    gdpPeriod: z.string(),
    period: z.string(),
    indicators: z.array(z.string()),
    indicatorPeriods: z.record(z.string(), z.string()),
    rows: z.array(
      z.object({
        geo: z.string(),
        share: z.number(),
        population: z.number(),
        gdp: z.number(),
        actual: z.record(z.string(), z.object({ value: z.number(), fairShareValue: z.number() })),
      }),
    ),
  })
  .meta({ id: 'FairShares' });

const Category = z.enum(['migratory-pressure', 'risk-of-migratory-pressure', 'significant-migratory-situation']);
const Overview = z
  .object({
    year: z.number().int(),
    referencePeriod: z.object({ from: z.string(), to: z.string() }).nullable(),
    decisionAdopted: z.boolean(),
    states: z.array(
      z.object({
        geo: z.string(),
        categories: z.array(Category),
        grounds: z.string().nullable(),
        computedCategories: z.array(z.enum(['under-pressure', 'under-pressure-sar', 'at-risk', 'significant-situation'])),
        evidence: z.array(z.object({ indicator: z.string(), value: z.number(), ratio: z.number().nullable(), detail: z.string().optional() })),
      }),
    ),
    pool: z.object({ phase: z.string(), adopted: z.boolean() }).nullable(),
  })
  .meta({ id: 'CycleOverview' });

/** The cycle the public pages show when none is given: 2026, the first pool's year. */
export const DEFAULT_PUBLIC_CYCLE = 2026;

export interface PublicRouteOptions {
  db: Db;
  /** The cycle the pages show (default 2026, the first pool's year). */
  cycle?: number;
}

export const publicRoutes: FastifyPluginAsyncZod<PublicRouteOptions> = async (app, opts) => {
  const cycle = opts.cycle ?? DEFAULT_PUBLIC_CYCLE;
  const tags = ['public'];

  app.get('/api/public/overview', { schema: { tags, summary: "the cycle at a glance: each state's categories once decided, and the computed evidence", response: { 200: Overview, ...errorResponses } } }, async () =>
    cycleOverview(opts.db, cycle),
  );

  // The methodology the public overview's evidence is computed with.
  const methodology = loadMethodology();
  app.get('/api/public/methodology', { schema: { tags, summary: 'the assessment methodology in force: every rule and threshold with its rationale and article', response: { 200: MethodologySchema, ...errorResponses } } }, async () => methodology);

  app.get(
    '/api/public/data-status',
    {
      schema: {
        tags,
        summary: 'what the store holds per indicator: rows, first and last period, latest vintage, sources',
        response: { 200: z.object({ indicators: z.array(z.object({ indicator: z.string(), rows: z.number().int(), firstPeriod: z.string(), lastPeriod: z.string(), latestVintage: z.string(), sources: z.array(z.string()) })) }).meta({ id: 'DataStatus' }), ...errorResponses },
      },
    },
    async () => {
      const rows = await opts.db.query<{ indicator: string; rows: number; first_period: string; last_period: string; latest_vintage: string; sources: string[] }>(
        `SELECT indicator, count(*)::int AS rows, min(period) AS first_period, max(period) AS last_period, max(vintage) AS latest_vintage,
                array_agg(DISTINCT source ORDER BY source) AS sources
         FROM observation GROUP BY indicator ORDER BY indicator`,
      );
      return { indicators: rows.map((r) => ({ indicator: r.indicator, rows: r.rows, firstPeriod: r.first_period, lastPeriod: r.last_period, latestVintage: r.latest_vintage, sources: r.sources })) };
    },
  );

  app.get(
    '/api/public/states/:geo/series',
    {
      schema: {
        tags,
        summary: "a state's indicators by year: absolute, per 1,000 inhabitants, per € billion of GDP, and its fair share of the total",
        params: z.object({ geo: z.string().regex(/^[A-Z]{2}$/, 'a two-letter Eurostat geo code (EL for Greece)') }),
        response: { 200: StateSeries, ...errorResponses },
      },
    },
    async (req) => {
      const series = await stateSeries(opts.db, req.params.geo, cycle);
      if (!series) throw notFound(`${req.params.geo} is not a state of the Pact`);
      return series;
    },
  );

  app.get('/api/public/fair-shares', { schema: { tags, summary: 'the Art 66 key of the 26 states and each indicator against it', response: { 200: FairShares, ...errorResponses } } }, async () => {
    const table = await fairSharesTable(opts.db, cycle);
    if (!table) throw notFound('no year has population and GDP for all 26 states: load the data first');
    return table;
  });

  app.get(
    '/api/public/export/:file',
    {
      schema: {
        tags,
        summary: 'downloads of everything public, as CSV or JSON',
        params: z.object({ file: z.string().regex(new RegExp(`^(${EXPORTS.join('|')})\\.(csv|json)$`), `one of ${EXPORTS.map((e) => `${e}.csv, ${e}.json`).join(', ')}`) }),
      },
    },
    async (req, reply) => {
      const [name, format] = req.params.file.split('.') as [(typeof EXPORTS)[number], 'csv' | 'json'];
      const body = await exportDataset(opts.db, cycle, name, format);
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="pactcycle-${cycle}-${req.params.file}"`)
        .send(body);
    },
  );
};
