/**
 * The projection for the coming year (AMMR Art 9(3)(b)) over HTTP, for the web's forecast page: every monthly series
 * forecast to the end of the cycle year, as `pactcycle forecast` computes it, and for one series its fan chart and
 * the rolling-origin backtest that says how far such forecasts can be trusted. Public: the inputs are published
 * statistics and the Report publishes the projection. Forecasting every series takes seconds, so results are kept
 * per cycle until the next data load.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { backtestStored, forecastCycle, type CycleForecast } from '../../cycle/forecast.ts';
import { SHOCKS } from '../../domain/forecast/backtest.ts';
import type { Note } from '../../domain/note.ts';
import { noteJson, notesJson, noteText } from '../../notes/index.ts';
import type { Db } from '../../store/db.ts';
import { errorResponses, notFound } from '../errors.ts';
import { NoteSchema } from '../notes.ts';
import { DEFAULT_PUBLIC_CYCLE } from './routes.ts';

// Upper bounds are not safe integers where the data barely constrain the forecast (e.g. a short stock that rose from
// zero): they stay numbers, and the series carries a note saying the interval is uninformative.
/** A forecast's notes as the API gives them: key, parameters and the English text. */
const seriesJson = <T extends { notes: Note[]; fallback?: Note }>({ notes, fallback, ...s }: T) => ({ ...s, notes: notesJson(notes), ...(fallback ? { fallback: noteJson(fallback) } : {}) });

const Month = z.object({ period: z.string(), mean: z.number().int(), lo80: z.number().int(), hi80: z.number(), lo95: z.number().int(), hi95: z.number() });
const SeriesForecast = z.object({
  id: z.string(),
  indicator: z.string(),
  geo: z.string(),
  dims: z.record(z.string(), z.string()).optional(),
  model: z.string().describe('the model fitted, e.g. COMBINATION(ETS(M,N,M), THETA, SNAIVE)'),
  fallback: NoteSchema.optional().describe('why a simpler model than the combination was used'),
  notes: z.array(NoteSchema),
  lastObserved: z.string(),
  covers: z.object({ first: z.string(), last: z.string() }),
  cycleYear: z.object({ year: z.number().int(), measure: z.enum(['sum', 'end of year']), observedMonths: z.number().int(), value: z.number().int() }),
  horizon: z.array(Month),
});
const Skipped = z.object({ id: z.string(), reason: NoteSchema.describe('why the series cannot be forecast') });
const ForecastList = z.object({ cycle: z.number().int(), series: z.array(SeriesForecast), skipped: z.array(Skipped) }).meta({ id: 'ForecastList' });

const Accuracy = z.object({ points: z.number().int(), mase: z.number().nullable(), mape: z.number().nullable(), coverage80: z.number().nullable(), coverage95: z.number().nullable() });
const ModelAccuracy = Accuracy.extend({
  model: z.string(),
  normal: Accuracy.describe('outside the shock years'),
  shocks: z
    .array(Accuracy.extend({ label: z.enum(SHOCKS.map((s) => s.label)), years: z.array(z.number().int()) }))
    .describe(`each shock apart, in this order: ${SHOCKS.map((s) => s.label).join(', ')}`),
  annual: z.object({ forecasts: z.number().int(), mape: z.number().nullable(), within10: z.number().nullable() }),
});
const SeriesDetail = SeriesForecast.extend({
  fanChart: z.array(
    z.object({ period: z.string(), actual: z.number().optional(), mean: z.number().optional(), lo80: z.number().optional(), hi80: z.number().optional(), lo95: z.number().optional(), hi95: z.number().optional() }),
  ),
  backtest: z
    .object({
      origins: z.number().int().describe('forecast origins: every December with at least 48 months before it'),
      models: z.array(ModelAccuracy).describe('the combination, then seasonal naive, the yardstick of the MASE'),
    })
    .nullable()
    .describe('null: the series is too short for one origin'),
}).meta({ id: 'SeriesForecastDetail' });

const CycleQuery = z.object({ cycle: z.coerce.number().int().min(2026).max(2100).default(DEFAULT_PUBLIC_CYCLE).describe('cycle year; default: the cycle the public pages show') });

export const forecastRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, opts) => {
  const cache = new Map<string, Promise<unknown>>();
  const dataVersion = async () => (await opts.db.query<{ n: number | string | null }>('SELECT max(id) AS n FROM data_load'))[0]?.n ?? 0;
  const kept = async <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    const full = `${await dataVersion()}|${key}`;
    let hit = cache.get(full) as Promise<T> | undefined;
    if (!hit) {
      if (cache.size > 64) cache.clear();
      hit = compute();
      cache.set(full, hit);
      hit.catch(() => cache.delete(full));
    }
    return hit;
  };
  const all = (cycle: number) => kept<CycleForecast>(`all|${cycle}`, () => forecastCycle(opts.db, { cycle }));

  app.get(
    '/api/public/forecast',
    {
      schema: {
        tags: ['public'],
        summary: 'the projection for the coming year (Art 9(3)(b)): every monthly series forecast to the end of the cycle year, with 80 % and 95 % intervals',
        querystring: CycleQuery,
        response: { 200: ForecastList, ...errorResponses },
      },
    },
    async (req) => {
      const r = await all(req.query.cycle);
      return { cycle: r.cycle, series: r.series.map(({ fanChart: _, ...s }) => seriesJson(s)), skipped: r.skipped.map((k) => ({ id: k.id, reason: noteJson(k.reason) })) };
    },
  );

  app.get(
    '/api/public/forecast/:id',
    {
      schema: {
        tags: ['public'],
        summary: "one series' forecast with its fan chart (the last 36 months observed, then the forecast) and its rolling-origin backtest against seasonal naive",
        params: z.object({ id: z.string().min(1).max(200) }),
        querystring: CycleQuery,
        response: { 200: SeriesDetail, ...errorResponses },
      },
    },
    async (req) => {
      const { id } = req.params;
      const r = await all(req.query.cycle);
      const s = r.series.find((x) => x.id === id);
      if (!s) {
        const skipped = r.skipped.find((x) => x.id === id);
        throw notFound(skipped ? `the series "${id}" cannot be forecast: ${noteText(skipped.reason)}` : `no monthly series "${id}"`);
      }
      const backtest = await kept(`backtest|${id}`, async () => {
        const b = await backtestStored(opts.db, { series: [id], models: ['combination', 'snaive'] });
        const rows = b.series.filter((x) => x.id === id);
        if (rows.length === 0) return null;
        return { origins: rows[0]!.origins, models: rows.map(({ id: _, origins: __, maseByHorizon: ___, ...m }) => m) };
      });
      return { ...seriesJson(s), backtest };
    },
  );
};
