/**
 * The reference key of Art 66 and Annex I AMMR: each bound Member State's fair share of the solidarity
 * contributions is 50 % its share of the population plus 50 % its share of GDP, over the states the mechanism binds
 * (26: the EU without Denmark, recital 90; Ireland opted in). Annex I's image defining the two "effects" was not
 * machine-readable; the standard reading, consistent with its text, is a plain share of the sum (domain.md §1.7).
 */
import { InputError } from './errors.ts';

export interface KeyInput {
  code: string;
  /** Persons on 1 January. */
  population: number;
  /** GDP at current prices, in any one unit for every state (the shares do not depend on it). */
  gdp: number;
}

export interface FairShare extends KeyInput {
  populationShare: number;
  gdpShare: number;
  /** A fraction of 1; the Council act prints it as a percentage to four decimals (`formatSharePercent`). */
  share: number;
}

/** Art 66: the key over exactly the states given, in their order. */
export function computeFairShares(inputs: readonly KeyInput[]): FairShare[] {
  if (inputs.length === 0) throw new InputError('the reference key needs at least one Member State');
  const seen = new Set<string>();
  for (const s of inputs) {
    if (seen.has(s.code)) throw new InputError(`${s.code} appears twice in the reference key`, { field: 'code' });
    seen.add(s.code);
    for (const field of ['population', 'gdp'] as const) {
      const v = s[field];
      if (!Number.isFinite(v) || v <= 0) throw new InputError(`${s.code}: ${field} must be a positive number, got ${v}`, { field });
    }
  }
  const popTotal = inputs.reduce((a, s) => a + s.population, 0);
  const gdpTotal = inputs.reduce((a, s) => a + s.gdp, 0);
  return inputs.map((s) => {
    const populationShare = s.population / popTotal;
    const gdpShare = s.gdp / gdpTotal;
    return { ...s, populationShare, gdpShare, share: 0.5 * populationShare + 0.5 * gdpShare };
  });
}

/** As the Council act prints a share: a percentage to four decimals ("18.2574 %" is `formatSharePercent(0.182574)`). */
export function formatSharePercent(share: number): string {
  return (share * 100).toFixed(4);
}
