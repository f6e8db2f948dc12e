/**
 * Reads the real aggregates behind the SYNTHETIC relocation cases (`src/domain/matching/synthetic.ts`) from the data
 * folder, through the manifest and the same tidy-CSV parser as every other load.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../domain/errors.ts';
import { computeFairShares } from '../domain/fair-share.ts';
import type { SyntheticProfile, Weighted } from '../domain/matching/synthetic.ts';
import { isSolidarityState, SOLIDARITY_STATES, type StateCode } from '../domain/member-states.ts';
import type { Observation } from '../domain/observation.ts';
import { manifestPathFor } from './load.ts';
import { readManifest } from './manifest.ts';
import { parseTidyCsv } from './tidy-csv.ts';

export const BY_CITIZENSHIP = 'eurostat/asylum_applicants_by_citizenship_annual_2011_2024_iom_gdidata.csv';
const POPULATION = 'eurostat/population_1jan.csv';
const GDP = 'eurostat/gdp_current_prices_meur_2010_2024.csv';

/** The frontline states that asked for relocation in 2015 and are named for the 2026 pool (domain.md §2, §4). */
export const DEFAULT_BENEFITTING: readonly StateCode[] = ['IT', 'EL', 'ES', 'CY', 'MT'];

function readFile(dir: string, file: string): Observation[] {
  const manifest = readManifest(manifestPathFor(dir));
  const entry = manifest.files.find((f) => f.file === file);
  if (!entry) throw new InputError('the manifest does not describe this file', { file });
  const full = path.join(dir, file);
  return parseTidyCsv(readFileSync(full, 'utf8'), entry, full).observations;
}

export interface ProfileOptions {
  year?: number;
  benefitting?: readonly StateCode[];
  /** Nationalities kept per benefitting state; the rest pooled as OOO (other or unknown). */
  topNationalities?: number;
}

export function readRelocationProfile(dir: string, opts: ProfileOptions = {}): SyntheticProfile {
  const year = opts.year ?? 2024;
  const top = opts.topNationalities ?? 12;
  const benefitting = opts.benefitting ?? DEFAULT_BENEFITTING;
  const byCitizenship = readFile(dir, BY_CITIZENSHIP).filter((o) => o.period === String(year) && o.dims?.citizen_iso3);
  if (byCitizenship.length === 0) throw new InputError(`no applicants by citizenship for ${year}`, { file: BY_CITIZENSHIP });
  const bLines = benefitting.map((state) => {
    const rows = byCitizenship.filter((o) => o.geo === state).sort((a, b) => b.value - a.value || (a.dims!.citizen_iso3! < b.dims!.citizen_iso3! ? -1 : 1));
    const kept: Weighted<string>[] = rows.slice(0, top).map((o) => ({ value: o.dims!.citizen_iso3!, weight: o.value }));
    const rest = rows.slice(top).reduce((a, o) => a + o.value, 0);
    if (rest > 0) kept.push({ value: 'OOO', weight: rest });
    return { state, applicants: rows.reduce((a, o) => a + o.value, 0), nationalities: kept };
  });
  const diaspora: Record<string, Weighted<StateCode>[]> = {};
  for (const o of byCitizenship) {
    if (!isSolidarityState(o.geo) || benefitting.includes(o.geo)) continue;
    (diaspora[o.dims!.citizen_iso3!] ??= []).push({ value: o.geo, weight: o.value });
  }
  const latest = (obs: Observation[], geo: string) => obs.filter((o) => o.geo === geo).sort((a, b) => (a.period < b.period ? 1 : -1))[0];
  const pop = readFile(dir, POPULATION);
  const gdp = readFile(dir, GDP);
  const keyStates = SOLIDARITY_STATES.filter((s) => latest(pop, s) && latest(gdp, s));
  const shares = computeFairShares(keyStates.map((code) => ({ code, population: latest(pop, code)!.value, gdp: latest(gdp, code)!.value })));
  return {
    year,
    benefitting: bLines,
    diaspora,
    contributing: shares.map((s) => ({ value: s.code as StateCode, weight: s.share })),
    sources: [
      `${BY_CITIZENSHIP} (Eurostat migr_asyappctza, all applicants, ${year}): persons per benefitting state, nationality mix, link destinations`,
      `${POPULATION} and ${GDP} (latest year per state): fair-share key (Art 66) for the pledged places`,
    ],
  };
}
