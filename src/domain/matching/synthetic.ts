/**
 * SYNTHETIC relocation cases. No public individual-level data on persons to relocate exists, so benchmarks, demos
 * and tests draw invented cases whose aggregates follow real statistics (the profile is read from ../shared/data by
 * `src/data/relocation-profile.ts`):
 *
 * - how many persons each benefitting state holds: its share of asylum applicants in the profile's year
 *   (Eurostat migr_asyappctza, all applicants, `asylum_applicants_sum_over_citizenships_annual_2011_2024_iom_gdidata.csv`);
 * - the nationality mix per benefitting state: its asylum applicants by citizenship in that year
 *   (`asylum_applicants_by_citizenship_annual_2011_2024_iom_gdidata.csv`), top nationalities kept, the rest pooled;
 * - where a link points: the contributing states where nationals of the same citizenship applied that year (a proxy
 *   for diaspora and family ties);
 * - pledged places per contributing state: the fair-share key of Art 66 (population and GDP, Eurostat demo_pjan and
 *   nama_10_gdp).
 *
 * ASSUMED, not from data (../shared/data has no household-size, age, vulnerability or link aggregate; UNHCR's
 * `app_pc` reports cases or persons but never both for one state and year): the family-size distribution
 * `FAMILY_SIZES`, the ages, the shares of vulnerable persons, beneficiaries, consent, security flags and links, and
 * the language of each nationality. They are constants here so that anyone can see and change them.
 *
 * Deterministic: the same profile, size and seed give the same cases, byte for byte.
 */
import { apportion } from '../apportion.ts';
import type { StateCode } from '../member-states.ts';
import { type LinkKind, type MatchingInstance, type RelocationCase, type RelocationPledge } from './model.ts';

export const SYNTHETIC_NOTICE = 'SYNTHETIC: invented cases whose aggregates follow real statistics; no real person is described.';

export interface Weighted<T> {
  value: T;
  weight: number;
}

export interface SyntheticProfile {
  /** The statistics' reference year. */
  year: number;
  benefitting: { state: StateCode; applicants: number; nationalities: Weighted<string>[] }[];
  /** Per citizenship, the contributing states where its nationals applied: link destinations. */
  diaspora: Record<string, Weighted<StateCode>[]>;
  /** Fair share (Art 66) of each contributing state. */
  contributing: Weighted<StateCode>[];
  /** Where each figure came from, for the output's documentation. */
  sources: string[];
}

/** ASSUMED share of cases by family size (1 to 7 persons). */
export const FAMILY_SIZES: readonly Weighted<number>[] = [
  { value: 1, weight: 0.58 }, { value: 2, weight: 0.12 }, { value: 3, weight: 0.1 }, { value: 4, weight: 0.09 },
  { value: 5, weight: 0.06 }, { value: 6, weight: 0.03 }, { value: 7, weight: 0.02 },
];
/** ASSUMED shares of cases. */
export const SHARES = { vulnerable: 0.15, beneficiary: 0.12, consent: 0.9, security: 0.005, linked: 0.3 } as const;
const LINK_KIND_SHARES: readonly Weighted<LinkKind>[] = [
  { value: 'family', weight: 0.4 }, { value: 'previous-residence', weight: 0.1 }, { value: 'diploma', weight: 0.1 },
  { value: 'cultural', weight: 0.2 }, { value: 'language', weight: 0.2 },
];
/** ASSUMED main languages (ISO 639-1) by citizenship (ISO 3166-1 alpha-3), for the profile preferences. */
const LANGUAGES: Record<string, string[]> = {
  SYR: ['ar'], AFG: ['fa', 'ps'], IRQ: ['ar', 'ku'], EGY: ['ar'], MAR: ['ar', 'fr'], TUN: ['ar', 'fr'], DZA: ['ar', 'fr'],
  LBY: ['ar'], SDN: ['ar'], PSE: ['ar'], YEM: ['ar'], LBN: ['ar'], IRN: ['fa'], TUR: ['tr'], PAK: ['ur'], BGD: ['bn'],
  IND: ['hi', 'en'], VEN: ['es'], COL: ['es'], PER: ['es'], HND: ['es'], NIC: ['es'], CUB: ['es'], SLV: ['es'],
  NGA: ['en'], GMB: ['en'], GHA: ['en'], SOM: ['so'], ERI: ['ti'], ETH: ['am'], MLI: ['fr'], SEN: ['fr'], GIN: ['fr'],
  CIV: ['fr'], CMR: ['fr', 'en'], COD: ['fr'], BFA: ['fr'], GEO: ['ka'], RUS: ['ru'], UKR: ['uk'], BRA: ['pt'],
  ARM: ['hy'], ALB: ['sq'], CHN: ['zh'], VNM: ['vi'], LKA: ['si', 'ta'], NPL: ['ne'], UZB: ['uz'], TJK: ['tg'],
};
/** ASSUMED profile preferences: each contributing state prefers persons who speak one of its languages (Art 60(4)). */
export const STATE_LANGUAGES: Partial<Record<StateCode, string[]>> = {
  FR: ['fr'], BE: ['fr', 'nl'], LU: ['fr', 'de'], DE: ['de'], AT: ['de'], ES: ['es'], PT: ['pt'], IE: ['en'], MT: ['en'],
  IT: ['it'], NL: ['nl'], CY: ['el'], EL: ['el'], SE: ['sv'], FI: ['fi'], RO: ['ro'], BG: ['bg'], PL: ['pl'], CZ: ['cs'],
};

/** mulberry32: a small, fast, seeded uniform generator on [0, 1). */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from weighted values by inverse CDF (cumulative weights precomputed once). */
function sampler<T>(items: readonly Weighted<T>[]): (u: number) => T {
  const cum: number[] = [];
  let total = 0;
  for (const it of items) cum.push((total += it.weight));
  if (!(total > 0)) throw new RangeError('cannot sample from weights that sum to zero');
  return (u) => {
    const x = u * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!.value;
  };
}

export interface GenerateOptions {
  /** Persons to generate (the last family is cut to fit exactly). */
  persons: number;
  /** Places pledged in total, apportioned by fair share; defaults to the number of persons. */
  places?: number;
  seed: number;
  /** Every case one person (the pure transportation case the solver proves optimal). */
  singlesOnly?: boolean;
}

export function generateInstance(profile: SyntheticProfile, opts: GenerateOptions): MatchingInstance {
  const rnd = seededUniform(opts.seed);
  const bStates = profile.benefitting.filter((b) => b.applicants > 0 && b.nationalities.length > 0);
  if (bStates.length === 0) throw new RangeError('the profile has no benefitting state with applicants');
  const personsPerB = apportion(opts.persons, bStates.map((b) => b.applicants));
  const sizeOf = sampler(FAMILY_SIZES);
  const kindOf = sampler(LINK_KIND_SHARES);
  const contributingSet = new Set(profile.contributing.map((c) => c.value));
  const linkSamplers = new Map<string, ((u: number) => StateCode) | null>();
  const linkSampler = (nat: string) => {
    if (!linkSamplers.has(nat)) {
      const d = (profile.diaspora[nat] ?? []).filter((w) => contributingSet.has(w.value) && w.weight > 0);
      linkSamplers.set(nat, d.length ? sampler(d) : null);
    }
    return linkSamplers.get(nat)!;
  };
  const cases: RelocationCase[] = [];
  bStates.forEach((b, bi) => {
    const natOf = sampler(b.nationalities);
    let left = personsPerB[bi]!;
    let n = 0;
    while (left > 0) {
      const drawn = sizeOf(rnd());
      const size = opts.singlesOnly ? 1 : Math.min(left, drawn);
      left -= size;
      const nationality = natOf(rnd());
      const adults = size === 1 ? 1 : Math.min(2, size);
      const members = Array.from({ length: size }, (_, m) => ({ age: m < adults ? 18 + Math.floor(rnd() * 45) : Math.floor(rnd() * 18) }));
      const vulnerable = rnd() < SHARES.vulnerable;
      const beneficiary = rnd() < SHARES.beneficiary;
      const links: RelocationCase['links'] = [];
      const toLink = linkSampler(nationality);
      if (toLink && rnd() < SHARES.linked) links.push({ state: toLink(rnd()), kind: kindOf(rnd()) });
      cases.push({
        id: `${b.state}-${String(++n).padStart(7, '0')}`,
        benefitting: b.state,
        status: beneficiary ? 'beneficiary' : 'applicant',
        nationality,
        languages: LANGUAGES[nationality] ?? [],
        members,
        vulnerabilities: vulnerable ? [members.some((m) => m.age < 18) ? 'minor' : 'medical'] : [],
        links,
        consent: beneficiary ? rnd() < SHARES.consent : false,
        securityFlag: rnd() < SHARES.security,
      });
    }
  });
  const contributing = profile.contributing.filter((c) => !bStates.some((b) => b.state === c.value));
  const places = apportion(opts.places ?? opts.persons, contributing.map((c) => c.weight));
  const pledges: RelocationPledge[] = contributing.map((c, i) => ({
    state: c.value,
    persons: places[i]!,
    serves: [],
    restrictions: { applicantsOnly: false, maxFamilySize: null },
    preferences: { languages: STATE_LANGUAGES[c.value] ?? [], nationalities: [] },
  }));
  return { cases, pledges, releases: [] };
}


/** Spreads cases over `batches` arrival batches at random (seeded), keeping each batch in arrival order. */
export function splitIntoBatches<T>(cases: readonly T[], batches: number, seed: number): T[][] {
  const rnd = seededUniform(seed ^ 0x5bd1e995);
  const out: T[][] = Array.from({ length: batches }, () => []);
  for (const c of cases) out[Math.floor(rnd() * batches)]!.push(c);
  return out;
}
