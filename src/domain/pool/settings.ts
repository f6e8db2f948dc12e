/**
 * Readings of the Regulation where its text admits more than one, and the inputs that are not in the text. Each is
 * a named setting with its default, so that a legal reviewer can change the reading and see what changes.
 */
import type { IsoDate } from '../calendar/dates.ts';
import { EU_INSTITUTION_HOLIDAYS, type HolidayCalendar } from '../calendar/holidays.ts';

/**
 * Art 63(3): when relocation pledges fall below 30,000 or 60 % of the reference number, contributing states take
 * responsibility "up to the higher of the two numbers". Either
 * - `shortfall` (default, domain.md §1.8, UNCONFIRMED): offsets are due up to the gap between that higher number and
 *   the relocation pledges, i.e. `max(30,000, 0.6 × reference) − relocation pledges`; or
 * - `higher-number`: offsets are due up to the higher number itself, whatever was pledged as relocations.
 */
export type MandatoryOffsetReading = 'shortfall' | 'higher-number';

export interface PoolSettings {
  /**
   * Art 85: the date the Regulation applies from. The published text says 1 July 2026; the Council, the Commission
   * and EUR-Lex metadata use 12 June 2026 (domain.md §1.1). Default 12 June 2026: the first pool is implemented
   * from then (Council, S10).
   */
  applicationDate: IsoDate;
  /** Art 75: the holidays that move the end of a period; default the EU institutions' holidays in Brussels. */
  holidays: HolidayCalendar;
  mandatoryOffsetReading: MandatoryOffsetReading;
}

export const DEFAULT_POOL_SETTINGS: Readonly<PoolSettings> = Object.freeze({
  applicationDate: '2026-06-12',
  holidays: EU_INSTITUTION_HOLIDAYS,
  mandatoryOffsetReading: 'shortfall',
});

/** Art 12(2)(a): at least 30,000 relocations a year in the Commission proposal. */
export const RELOCATION_FLOOR = 30_000;
/** Art 12(2)(b): at least EUR 600 million in financial contributions a year in the Commission proposal. */
export const FINANCIAL_FLOOR_EUR = 600_000_000;
