/**
 * Responsibility offsets (Art 63): when they may be requested or offered, when they become mandatory, and the cap.
 * Each result carries its article, whether it applies, the numbers it was decided on and a sentence saying why.
 */
import type { MemberStateCode } from '../member-states.ts';
import { DEFAULT_POOL_SETTINGS, RELOCATION_FLOOR, type PoolSettings } from './settings.ts';
import { isAdopted, type AdoptedOrLater, type OpenPool, type StateBook } from './state.ts';

export interface OffsetTrigger {
  article: '63(1)' | '63(2)' | '63(3)' | '63(4)' | '63(5)' | '63(7)';
  applies: boolean;
  /** The figures the result was decided on, named. */
  numbers: Record<string, number>;
  explanation: string;
}

const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** Relocation pledges that count: live pledges, less those made at a reconvened Forum and not yet adopted. */
function bindingRelocations(b: StateBook): number {
  return b.pledged.relocations - b.pending.relocations;
}

/** Relocation pledges of the pool (binding ones once the Council act is adopted). */
export function relocationPledges(s: OpenPool): number {
  let total = 0;
  for (const b of s.states.values()) total += isAdopted(s) ? bindingRelocations(b) : b.pledged.relocations;
  return total;
}

/**
 * Art 63(4): relocation pledges still to be implemented: less granted deductions, and without the pledges of
 * benefitting states and of states with a full deduction, which need not implement (Art 60(3)).
 */
export function relocationPledgesToImplement(s: AdoptedOrLater): number {
  let total = 0;
  for (const b of s.states.values()) {
    if (b.benefitting) continue;
    total += Math.max(0, bindingRelocations(b) - b.deducted.relocations);
  }
  return total;
}

/** Art 63(1): relocation pledges reach half the relocation number of the Commission proposal. */
export function art63_1(s: OpenPool): OffsetTrigger {
  const pledges = relocationPledges(s);
  const proposed = s.proposal.referenceRelocations;
  const applies = pledges * 2 >= proposed && proposed > 0;
  return {
    article: '63(1)',
    applies,
    numbers: { relocationPledges: pledges, proposalRelocations: proposed, threshold: proposed / 2 },
    explanation: `Art 63(1): relocation pledges of ${fmt(pledges)} ${applies ? 'reach' : 'are below'} 50 % of the ${fmt(proposed)} relocations of the Commission proposal (${fmt(proposed / 2)}); ${applies ? 'a benefitting state may request offsets instead of relocations' : 'benefitting states may not yet request offsets under this paragraph'}.`,
  };
}

/** Art 63(2): a contributing state may offer offsets when 63(1) is reached or it pledged ≥ 50 % of its fair share as relocations. */
export function art63_2(s: OpenPool, code: MemberStateCode): OffsetTrigger {
  const b = s.states.get(code);
  const pledged = b ? bindingRelocations(b) : 0;
  const fairShare = b ? b.line.relocations : 0;
  const pool = art63_1(s).applies;
  const own = pledged > 0 && pledged * 2 >= fairShare;
  const applies = pool || own;
  return {
    article: '63(2)',
    applies,
    numbers: { relocationPledges: pledged, fairShareRelocations: fairShare, threshold: fairShare / 2, poolThresholdReached: pool ? 1 : 0 },
    explanation: `Art 63(2): ${code} pledged ${fmt(pledged)} relocations against a fair share of ${fmt(fairShare)} (half: ${fmt(fairShare / 2)}); the Art 63(1) threshold is ${pool ? '' : 'not '}reached; ${applies ? `${code} may offer offsets, which apply if the benefitting state agrees` : `${code} may not offer offsets`}.`,
  };
}

/** The higher of Art 63(3)(a) and (b): 30,000 and 60 % of the reference number used for the fair shares. */
export function mandatoryThreshold(s: AdoptedOrLater): number {
  return Math.max(RELOCATION_FLOOR, Math.ceil(0.6 * s.councilAct.referenceRelocations));
}

function mandatoryNumber(threshold: number, pledges: number, settings: PoolSettings): number {
  // Art 63(3): "up to the higher of the two numbers" — see settings.ts for the two readings.
  return settings.mandatoryOffsetReading === 'shortfall' ? Math.max(0, threshold - pledges) : threshold;
}

/** Art 63(3): after the High-Level Forum was reconvened, relocation pledges below 30,000 or 60 % of the reference. */
export function art63_3(s: AdoptedOrLater, settings: PoolSettings = DEFAULT_POOL_SETTINGS): OffsetTrigger {
  const pledges = relocationPledges(s);
  const reference = s.councilAct.referenceRelocations;
  const threshold = mandatoryThreshold(s);
  const reconvened = s.reconvened.length > 0;
  const below = pledges < threshold;
  const applies = reconvened && below;
  const upTo = applies ? mandatoryNumber(threshold, pledges, settings) : 0;
  return {
    article: '63(3)',
    applies,
    numbers: { relocationPledges: pledges, floor: RELOCATION_FLOOR, referenceRelocations: reference, sixtyPercentOfReference: 0.6 * reference, threshold, mandatoryOffsets: upTo },
    explanation: `Art 63(3): relocation pledges of ${fmt(pledges)} are ${below ? 'below' : 'not below'} the higher of 30,000 and 60 % of the reference number ${fmt(reference)} (${fmt(threshold)})${reconvened ? '' : ', but the High-Level Forum has not been reconvened (Art 13(4))'}; ${applies ? `offsets are mandatory up to ${fmt(upTo)} (reading "${settings.mandatoryOffsetReading}")` : 'offsets are not mandatory under this paragraph'}.`,
  };
}

/** Art 63(4): pledges still to be implemented fall below the Art 63(3) number because of deductions or benefitting states. */
export function art63_4(s: AdoptedOrLater, settings: PoolSettings = DEFAULT_POOL_SETTINGS): OffsetTrigger {
  const toImplement = relocationPledgesToImplement(s);
  const pledges = relocationPledges(s);
  const threshold = mandatoryThreshold(s);
  // Only a fall caused by deductions or benefitting states counts: the pledges themselves must have reached the number.
  const applies = pledges >= threshold && toImplement < threshold;
  const upTo = applies ? mandatoryNumber(threshold, toImplement, settings) : 0;
  return {
    article: '63(4)',
    applies,
    numbers: { relocationPledges: pledges, relocationPledgesToImplement: toImplement, threshold, mandatoryOffsets: upTo },
    explanation: `Art 63(4): of ${fmt(pledges)} relocation pledges, ${fmt(toImplement)} remain to be implemented after deductions and without benefitting states' pledges, against ${fmt(threshold)}; ${applies ? `offsets are mandatory up to ${fmt(upTo)}` : pledges < threshold ? 'the pledges were below that number already (see Art 63(3))' : 'offsets are not mandatory under this paragraph'}.`,
  };
}

/** Art 63(5): after the year, relocations pledged and not carried out are owed as offsets on request. */
export function art63_5(s: AdoptedOrLater, code: MemberStateCode): OffsetTrigger {
  const b = s.states.get(code);
  const owed = s.phase === 'closed' && b ? b.offsetsOwed : 0;
  return {
    article: '63(5)',
    applies: owed > 0,
    numbers: { offsetsOwed: owed },
    explanation:
      s.phase !== 'closed'
        ? 'Art 63(5): applies only once the year is closed.'
        : `Art 63(5): ${code} ${owed > 0 ? `owes offsets for ${fmt(owed)} pledged relocations not carried out by the end of the year, at the request of a benefitting state` : 'owes no offsets for unimplemented relocations'}.`,
  };
}

/** Art 63(7): no state has to take responsibility beyond its fair share. */
export function art63_7(s: OpenPool, code: MemberStateCode): OffsetTrigger {
  const b = s.states.get(code);
  const cap = b ? b.line.relocations : 0;
  const accepted = b ? b.offsetsAccepted : 0;
  return {
    article: '63(7)',
    applies: accepted >= cap,
    numbers: { fairShareRelocations: cap, offsetsAccepted: accepted, remaining: Math.max(0, cap - accepted) },
    explanation: `Art 63(7): ${code} has accepted ${fmt(accepted)} offsets against a cap of its fair share of ${fmt(cap)} relocations; ${accepted >= cap ? 'it cannot be required to take more' : `up to ${fmt(cap - accepted)} more may be required`}.`,
  };
}

/** Every pool-level trigger (63(1), 63(3), 63(4)) and every state's 63(2), 63(5) and 63(7), explained. */
export function offsetTriggers(s: OpenPool, settings: PoolSettings = DEFAULT_POOL_SETTINGS): { pool: OffsetTrigger[]; states: Record<string, OffsetTrigger[]> } {
  const pool = [art63_1(s)];
  if (isAdopted(s)) pool.push(art63_3(s, settings), art63_4(s, settings));
  const states: Record<string, OffsetTrigger[]> = {};
  for (const code of s.states.keys()) {
    states[code] = [art63_2(s, code), ...(isAdopted(s) ? [art63_5(s, code)] : []), art63_7(s, code)];
  }
  return { pool, states };
}
