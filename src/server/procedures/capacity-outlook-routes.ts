/**
 * "Will capacity hold?" for one Member State's page: its border-procedure occupancy through the year against its
 * adequate capacity (APR Art 48) and annual maximum (Art 50). Public, like the capacity table. Forecasting every
 * route takes seconds, so the outlook is kept per (year, share, weeks) until the next data load.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capacityOutlookFromStore, type CapacityOutlookReport } from '../../cycle/capacity-outlook.ts';
import { stateOutlookJson } from '../../cli/commands/capacity.ts';
import { InputError } from '../../domain/errors.ts';
import { isMemberStateCode } from '../../domain/member-states.ts';
import { BORDER_PROCEDURE_WEEKS, BORDER_PROCEDURE_WEEKS_AFTER_RELOCATION } from '../../domain/procedures/border-occupancy.ts';
import type { Db } from '../../store/db.ts';
import { notesJson } from '../../notes/index.ts';
import { errorResponses } from '../errors.ts';
import { NoteSchema } from '../notes.ts';
import { DEFAULT_PUBLIC_CYCLE } from '../public/routes.ts';

const BandedNumber = z.object({ lo95: z.number(), lo80: z.number(), mean: z.number(), hi80: z.number(), hi95: z.number() });
const Reach = z.object({ central: z.string().nullable(), range80: z.tuple([z.string().nullable(), z.string().nullable()]), range95: z.tuple([z.string().nullable(), z.string().nullable()]) }).nullable();
const StateOutlook = z
  .object({
    year: z.number().int(),
    assumptions: z.object({ borderShare: z.number(), borderShareIsDefault: z.boolean(), durationWeeks: z.number().int(), appliesFrom: z.string(), model: z.string() }).loose(),
    state: z
      .object({
        code: z.string(),
        capacity: z.number().int(),
        annualMaximum: z.number().int().nullable(),
        routes: z.array(z.string()),
        peakOccupancy: BandedNumber,
        yearEntries: BandedNumber,
        capacityReached: Reach,
        annualMaximumReached: Reach,
        breakEvenShare: z.number().nullable(),
        breakEvenShareAnnual: z.number().nullable(),
        months: z.array(z.object({ period: z.string(), arrivals: BandedNumber.nullable(), entries: BandedNumber, occupancyEnd: BandedNumber, peak: BandedNumber, cumulative: BandedNumber })),
      })
      .loose(),
    notes: z.array(NoteSchema),
  })
  .meta({ id: 'CapacityOutlook' });

export const capacityOutlookRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, opts) => {
  const cache = new Map<string, Promise<CapacityOutlookReport>>();
  const outlook = async (year: number, borderShare: number | undefined, durationWeeks: number) => {
    const rows = await opts.db.query<{ n: number | string | null }>('SELECT max(id) AS n FROM data_load');
    const key = `${rows[0]?.n ?? 0}|${year}|${borderShare ?? 'default'}|${durationWeeks}`;
    let hit = cache.get(key);
    if (!hit) {
      if (cache.size > 16) cache.clear();
      hit = capacityOutlookFromStore(opts.db, year, { durationWeeks, ...(borderShare !== undefined ? { borderShare } : {}) });
      cache.set(key, hit);
      hit.catch(() => cache.delete(key));
    }
    return hit;
  };

  app.get(
    '/api/procedures/capacity-outlook/:state',
    {
      schema: {
        tags: ['procedures'],
        summary: "will capacity hold? a Member State's border-procedure occupancy through the year from the forecast of arrivals, against its adequate capacity (APR Art 48) and annual maximum (Art 50)",
        params: z.object({ state: z.string().max(2) }),
        querystring: z.object({
          year: z.coerce.number().int().min(2026).max(2100).default(DEFAULT_PUBLIC_CYCLE).describe('calendar year; default: the cycle the public pages show'),
          borderShare: z.coerce.number().min(0).max(1).optional().describe('share of arrivals entering the border procedure; default 0.25, an assumption'),
          weeks: z.coerce.number().int().refine((w) => w === BORDER_PROCEDURE_WEEKS || w === BORDER_PROCEDURE_WEEKS_AFTER_RELOCATION, 'weeks must be 12 or 16 (APR Art 51(2))').default(BORDER_PROCEDURE_WEEKS),
        }),
        response: { 200: StateOutlook, ...errorResponses },
      },
    },
    async (req) => {
      const code = req.params.state;
      if (!isMemberStateCode(code)) throw new InputError(`${code} is not a Member State`, { field: 'state' });
      const r = await outlook(req.query.year, req.query.borderShare, req.query.weeks);
      const state = r.states.find((s) => s.code === code);
      if (!state) throw new InputError(`${code} is not bound by the asylum border procedure of the APR (Denmark: Protocol No 22)`, { field: 'state' });
      return { year: r.year, assumptions: r.assumptions, state: stateOutlookJson(state), notes: notesJson(r.notes) };
    },
  );
};
