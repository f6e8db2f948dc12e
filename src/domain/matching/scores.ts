/**
 * What one person of a case is worth in a Member State of relocation, and why a state is not open to the case.
 *
 * The weights order the rules of the Regulation lexicographically (each tier outweighs everything below it summed
 * over one person): vulnerable persons first (Art 60(1), "primary consideration"), then placing as many persons as
 * the pledges allow, then the balance among benefitting states (Art 60(1)), then meaningful links (Art 67(4)), then
 * the fair sharing of persons without links (Art 67(4)), then the states' profile preferences (Art 60(4)).
 * All weights are integers, so objectives are exact.
 */
import type { StateCode } from '../member-states.ts';
import { caseSize, isVulnerable, type LinkKind, type RelocationCase, type RelocationPledge, type Release } from './model.ts';

export interface Weights {
  vulnerable: number;
  placed: number;
  /** Penalty per person placed from a benefitting state beyond its balanced share (Art 60(1)). */
  balance: number;
  link: Record<LinkKind, number>;
  /** Penalty per person without links placed in a state beyond its share in proportion to pledges (Art 67(4)). */
  share: number;
  nationalityPreference: number;
  languagePreference: number;
}

export const DEFAULT_WEIGHTS: Weights = {
  vulnerable: 1_000_000,
  placed: 10_000,
  balance: 2_000,
  link: { family: 500, 'previous-residence': 400, diploma: 300, cultural: 200, language: 150 },
  share: 60,
  nationalityPreference: 20,
  languagePreference: 10,
};

/** Why a case cannot go anywhere at all. */
export function caseExclusion(c: RelocationCase): string | null {
  if (c.securityFlag) return 'security flag: excluded from relocation (Art 67(2))';
  if (c.status === 'beneficiary' && !c.consent) return 'beneficiary without written consent (Art 67(4))';
  return null;
}

/** Why a state's pledge is not open to the cases of a benefitting state, or null if it is. */
export function pledgeExclusion(p: RelocationPledge, benefitting: StateCode, released: ReadonlySet<string>): string | null {
  if (p.state === benefitting) return `${p.state} is the benefitting state itself`;
  if (p.persons === 0) return `${p.state} pledged no places`;
  if (p.serves.length > 0 && !p.serves.includes(benefitting)) return `${p.state}'s pledge does not serve ${benefitting}`;
  if (released.has(pairKey(p.state, benefitting))) return `${p.state} is released towards ${benefitting} (systemic shortcomings, Art 60(3))`;
  return null;
}

/** Why the restrictions a state stated with its pledge keep out a case, or null. */
export function restrictionExclusion(c: RelocationCase, p: RelocationPledge): string | null {
  if (p.restrictions.applicantsOnly && c.status === 'beneficiary') return `${p.state} takes applicants only`;
  if (p.restrictions.maxFamilySize !== null && caseSize(c) > p.restrictions.maxFamilySize) return `${p.state} takes families of at most ${p.restrictions.maxFamilySize}`;
  return null;
}

/** Why a state's pledge is not open to a case, or null if it is. */
export function pairExclusion(c: RelocationCase, p: RelocationPledge, released: ReadonlySet<string>): string | null {
  return pledgeExclusion(p, c.benefitting, released) ?? restrictionExclusion(c, p);
}

export const pairKey = (contributing: StateCode, benefitting: StateCode): string => `${contributing}>${benefitting}`;
export const releasedPairs = (releases: readonly Release[]): Set<string> => new Set(releases.map((r) => pairKey(r.contributing, r.benefitting)));

export interface PairScore {
  /** Per person. */
  total: number;
  vulnerable: number;
  placed: number;
  link: { kind: LinkKind; points: number } | null;
  profile: number;
}

/** The per-person score of a case in an open state: the strongest link to that state counts, not the sum. */
export function pairScore(c: RelocationCase, p: RelocationPledge, w: Weights = DEFAULT_WEIGHTS): PairScore {
  let link: PairScore['link'] = null;
  for (const l of c.links) {
    if (l.state !== p.state) continue;
    const pts = w.link[l.kind];
    if (!link || pts > link.points) link = { kind: l.kind, points: pts };
  }
  let profile = 0;
  if (p.preferences.nationalities.includes(c.nationality)) profile += w.nationalityPreference;
  if (c.languages.some((l) => p.preferences.languages.includes(l))) profile += w.languagePreference;
  const vulnerable = isVulnerable(c) ? w.vulnerable : 0;
  return { total: vulnerable + w.placed + (link?.points ?? 0) + profile, vulnerable, placed: w.placed, link, profile };
}
