/**
 * The places a matching may use, read from an adopted Annual Solidarity Pool: each state's binding relocation
 * pledges less the relocations deducted by Council implementing act (Arts 61, 62), and a release towards every
 * benefitting state found to have systemic shortcomings (Art 60(3)).
 */
import type { MemberStateCode } from '../member-states.ts';
import type { RelocationPledge, Release } from './model.ts';

export interface PoolLine {
  code: MemberStateCode;
  pledged: { relocations: number };
  deducted: { relocations: number };
}

export function pledgesFromPool(lines: readonly PoolLine[], shortcomings: readonly { code: MemberStateCode }[] = []): { pledges: RelocationPledge[]; releases: Release[] } {
  const pledges = lines
    .map((l) => ({ state: l.code, persons: Math.max(0, l.pledged.relocations - l.deducted.relocations) }))
    .filter((p) => p.persons > 0)
    .map((p) => ({ ...p, serves: [], restrictions: { applicantsOnly: false, maxFamilySize: null }, preferences: { languages: [], nationalities: [] } }));
  const releases = shortcomings.flatMap((s) =>
    pledges.filter((p) => p.state !== s.code).map((p) => ({ contributing: p.state, benefitting: s.code, reason: 'systemic shortcomings (Art 60(3))' })),
  );
  return { pledges, releases };
}
