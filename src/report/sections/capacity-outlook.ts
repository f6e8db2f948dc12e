/**
 * "Will capacity hold?" (APR Arts 48, 50): per Member State with modelled arrivals, the projected border-procedure
 * occupancy against its adequate capacity and the year's entries against its annual maximum, with the forecast's
 * intervals; and every month's figures, the table alternative of the charts.
 */
import type { CapacityOutlookReport, StateOutlook } from '../../cycle/capacity-outlook.ts';
import { col, type ReportTable } from '../table.ts';

/** States to which a route is attributed: for the others no arrivals are modelled (their occupancy is unknown). */
export const modelledStates = (r: CapacityOutlookReport): StateOutlook[] => r.states.filter((s) => s.routes.length > 0);

export function outlookStatesTable(r: CapacityOutlookReport): ReportTable {
  return {
    id: 'capacity-outlook-states',
    params: { year: String(r.year) },
    columns: [
      col('state', 'state'),
      col('capacity', 'integer'),
      col('annual_maximum', 'integer'),
      col('peak', 'integer'),
      col('peak_lo95', 'integer'),
      col('peak_hi95', 'integer'),
      col('capacity_reached', 'date'),
      col('capacity_reached_earliest95', 'date'),
      col('annual_maximum_reached', 'date'),
      col('annual_maximum_reached_earliest95', 'date'),
      col('break_even_share', 'percent'),
    ],
    rows: modelledStates(r).map((s) => {
      const o = s.outlook;
      return {
        state: s.code,
        capacity: s.capacity,
        annual_maximum: s.annualMaximum,
        peak: o.peak.mean,
        peak_lo95: o.peak.lo95,
        peak_hi95: o.peak.hi95,
        capacity_reached: o.capacityReached?.central ?? null,
        capacity_reached_earliest95: o.capacityReached?.range95[0] ?? null,
        annual_maximum_reached: o.annualMaximumReached?.central ?? null,
        annual_maximum_reached_earliest95: o.annualMaximumReached?.range95[0] ?? null,
        break_even_share: o.breakEvenShare,
      };
    }),
  };
}

export function outlookMonthsTable(r: CapacityOutlookReport): ReportTable {
  return {
    id: 'capacity-outlook-months',
    params: { year: String(r.year) },
    columns: [
      col('state', 'state'),
      col('month', 'period'),
      col('peak', 'integer'),
      col('peak_lo80', 'integer'),
      col('peak_hi80', 'integer'),
      col('peak_lo95', 'integer'),
      col('peak_hi95', 'integer'),
      col('cumulative', 'integer'),
      col('cumulative_lo95', 'integer'),
      col('cumulative_hi95', 'integer'),
    ],
    rows: modelledStates(r).flatMap((s) =>
      s.outlook.months.map((m) => ({
        state: s.code,
        month: m.period,
        peak: m.peak.mean,
        peak_lo80: m.peak.lo80,
        peak_hi80: m.peak.hi80,
        peak_lo95: m.peak.lo95,
        peak_hi95: m.peak.hi95,
        cumulative: m.cumulative.mean,
        cumulative_lo95: m.cumulative.lo95,
        cumulative_hi95: m.cumulative.hi95,
      })),
    ),
  };
}
