/**
 * The Member States and associated states, keyed by Eurostat geo code (EL for Greece).
 *
 * Participation differs by instrument (domain.md §1.1): the AMMR solidarity mechanism binds 26 Member States —
 * Denmark is not bound (recital 90, Protocol No 22) and Ireland opted in (notified 27 June 2024, confirmed
 * 31 July 2024); the Dublin rules (Parts III, V, VII) also bind Iceland, Norway, Switzerland and Liechtenstein
 * (recitals 92–94).
 */

export const EU27 = [
  'BE', 'BG', 'CZ', 'DK', 'DE', 'EE', 'IE', 'EL', 'ES', 'FR', 'HR', 'IT', 'CY', 'LV',
  'LT', 'LU', 'HU', 'MT', 'NL', 'AT', 'PL', 'PT', 'RO', 'SI', 'SK', 'FI', 'SE',
] as const;
export const DUBLIN_ASSOCIATED = ['IS', 'NO', 'CH', 'LI'] as const;

export type MemberStateCode = (typeof EU27)[number];
export type AssociatedStateCode = (typeof DUBLIN_ASSOCIATED)[number];
export type StateCode = MemberStateCode | AssociatedStateCode;

/** Aggregates and other geo codes that appear in the sources but are not states of the Pact. */
export const AGGREGATE_GEOS = ['EU27_2020', 'EU27', 'EU28', 'UK', 'ME', 'EA20', 'EU27_2007'] as const;

export type Instrument = 'ammr-solidarity' | 'dublin';

export interface StateInfo {
  code: StateCode;
  nameEn: string;
  nameNative: string;
  eu: boolean;
  instruments: readonly Instrument[];
}

const SOLIDARITY_AND_DUBLIN: readonly Instrument[] = ['ammr-solidarity', 'dublin'];
const DUBLIN_ONLY: readonly Instrument[] = ['dublin'];
// Denmark applies Dublin through its 2006 international agreement with the Union, not through the AMMR.
const DENMARK: readonly Instrument[] = ['dublin'];

const NAMES: Record<StateCode, [string, string]> = {
  BE: ['Belgium', 'België / Belgique / Belgien'],
  BG: ['Bulgaria', 'България'],
  CZ: ['Czechia', 'Česko'],
  DK: ['Denmark', 'Danmark'],
  DE: ['Germany', 'Deutschland'],
  EE: ['Estonia', 'Eesti'],
  IE: ['Ireland', 'Éire / Ireland'],
  EL: ['Greece', 'Ελλάδα'],
  ES: ['Spain', 'España'],
  FR: ['France', 'France'],
  HR: ['Croatia', 'Hrvatska'],
  IT: ['Italy', 'Italia'],
  CY: ['Cyprus', 'Κύπρος'],
  LV: ['Latvia', 'Latvija'],
  LT: ['Lithuania', 'Lietuva'],
  LU: ['Luxembourg', 'Lëtzebuerg'],
  HU: ['Hungary', 'Magyarország'],
  MT: ['Malta', 'Malta'],
  NL: ['Netherlands', 'Nederland'],
  AT: ['Austria', 'Österreich'],
  PL: ['Poland', 'Polska'],
  PT: ['Portugal', 'Portugal'],
  RO: ['Romania', 'România'],
  SI: ['Slovenia', 'Slovenija'],
  SK: ['Slovakia', 'Slovensko'],
  FI: ['Finland', 'Suomi / Finland'],
  SE: ['Sweden', 'Sverige'],
  IS: ['Iceland', 'Ísland'],
  NO: ['Norway', 'Norge'],
  CH: ['Switzerland', 'Schweiz / Suisse / Svizzera'],
  LI: ['Liechtenstein', 'Liechtenstein'],
};

export const STATES: readonly StateInfo[] = [...EU27, ...DUBLIN_ASSOCIATED].map((code) => {
  const [nameEn, nameNative] = NAMES[code];
  const eu = (EU27 as readonly string[]).includes(code);
  const instruments = code === 'DK' ? DENMARK : eu ? SOLIDARITY_AND_DUBLIN : DUBLIN_ONLY;
  return { code, nameEn, nameNative, eu, instruments };
});

const BY_CODE = new Map<string, StateInfo>(STATES.map((s) => [s.code, s]));

/** The 26 Member States bound by the solidarity mechanism, in Eurostat protocol order. */
export const SOLIDARITY_STATES: readonly MemberStateCode[] = EU27.filter((c) => c !== 'DK');

export function isStateCode(code: string): code is StateCode {
  return BY_CODE.has(code);
}

export function isMemberStateCode(code: string): code is MemberStateCode {
  return (EU27 as readonly string[]).includes(code);
}

export function isSolidarityState(code: string): code is MemberStateCode {
  return (SOLIDARITY_STATES as readonly string[]).includes(code);
}

/** Geo codes a source may legitimately carry: states, associated states, and known aggregates. */
export function isKnownGeo(code: string): boolean {
  return BY_CODE.has(code) || (AGGREGATE_GEOS as readonly string[]).includes(code);
}

export function stateInfo(code: StateCode): StateInfo {
  const info = BY_CODE.get(code);
  if (!info) throw new RangeError(`unknown state code ${code}`);
  return info;
}

/** ISO 3166 alpha-2 differs from Eurostat only for Greece. */
export function toIsoAlpha2(code: StateCode): string {
  return code === 'EL' ? 'GR' : code;
}
