/**
 * Nationalities channelled to the mandatory border procedure (Regulation (EU) 2024/1348, APR).
 *
 * Art 42(1)(j): the examination is accelerated where the applicant is of a nationality (or, if stateless, a former
 * habitual resident of a third country) for which the proportion of first-instance decisions granting international
 * protection is, according to the latest available yearly Union-wide average Eurostat data, 20 % or lower of all
 * first-instance decisions for nationals of that country. Art 45(1): where Art 42(1)(j) applies to an applicant in
 * the situations of Art 43(1) (after screening, at the border, after disembarkation), the border procedure is
 * mandatory.
 *
 * The same article carves out exceptions this list cannot know: a significant change in the country since the data
 * were published, a category of persons for whom the rate is not representative (Art 42(1)(j) second subparagraph),
 * and the persons to whom the border procedure is never applied (unaccompanied minors except on security grounds,
 * Art 53). The list is therefore where the rule starts, not a decision on any applicant; the reasoning says so.
 * The reasoning, reasons and caveats are notes (`src/domain/note.ts`), said in the reader's language by `src/notes/`.
 */
import { note, type Note } from '../note.ts';

/** APR Art 42(1)(j): a recognition rate of 20 % or lower. */
export const RECOGNITION_RATE_THRESHOLD = 0.2;

export interface CitizenshipDecisions {
  /** Citizenship, as Eurostat codes it (ISO 3166 alpha-2, or e.g. STLS for stateless). */
  citizen: string;
  /** Union-wide first-instance decisions for nationals of that country in the year. */
  decisions: number;
  /** Of which positive (refugee status, subsidiary protection; Eurostat TOTAL_POS). */
  positive: number;
}

export interface NationalityRate extends CitizenshipDecisions {
  /** positive / decisions (0–1). */
  rate: number;
  threshold: number;
  /** True when rate ≤ 20 %: Art 42(1)(j) applies, and with it Art 45(1). */
  channelled: boolean;
  reasoning: Note;
}

export interface BorderNationalities {
  /** The year of the decisions used. */
  dataYear: number;
  threshold: number;
  /** Every citizenship with at least one decision, lowest rate first. */
  rates: NationalityRate[];
  /** The citizen codes with a rate of 20 % or lower. */
  channelled: string[];
  /** Citizenships left out, with why (no decision in the year, inconsistent figures). */
  excluded: { citizen: string; reason: Note }[];
  caveats: Note[];
}

/** Why one nationality is or is not channelled, with the figures and the articles (Art 42(1)(j), 45(1)). */
function reasoningFor(r: Omit<NationalityRate, 'reasoning'>, dataYear: number): Note {
  const figures = { positive: r.positive, decisions: r.decisions, year: dataYear, rate: r.rate, threshold: r.threshold };
  return note(r.channelled ? 'borderNationalities.channelled' : 'borderNationalities.notChannelled', figures);
}

/**
 * The Art 42(1)(j) list for one year of Union-wide first-instance decisions by citizenship. The comparison is exact
 * on integers (positive × 5 ≤ decisions), so a rate of exactly 20 % is channelled, as "20 % or lower" reads.
 */
export function borderNationalities(dataYear: number, input: readonly CitizenshipDecisions[]): BorderNationalities {
  const excluded: { citizen: string; reason: Note }[] = [];
  const rates: NationalityRate[] = [];
  const seen = new Set<string>();
  for (const row of input) {
    if (seen.has(row.citizen)) throw new RangeError(`citizenship ${row.citizen} appears twice for ${dataYear}`);
    seen.add(row.citizen);
    if (!Number.isInteger(row.decisions) || !Number.isInteger(row.positive) || row.decisions < 0 || row.positive < 0) {
      throw new RangeError(`citizenship ${row.citizen}: decisions and positive decisions must be whole numbers ≥ 0`);
    }
    if (row.decisions === 0) {
      excluded.push({ citizen: row.citizen, reason: note('borderNationalities.noDecision', {}) });
      continue;
    }
    if (row.positive > row.decisions) {
      excluded.push({ citizen: row.citizen, reason: note('borderNationalities.inconsistent', { positive: row.positive, decisions: row.decisions }) });
      continue;
    }
    const channelled = row.positive * 5 <= row.decisions; // positive / decisions ≤ 1/5, exact
    const base = { ...row, rate: row.positive / row.decisions, threshold: RECOGNITION_RATE_THRESHOLD, channelled };
    rates.push({ ...base, reasoning: reasoningFor(base, dataYear) });
  }
  rates.sort((a, b) => a.rate - b.rate || a.citizen.localeCompare(b.citizen));
  return {
    dataYear,
    threshold: RECOGNITION_RATE_THRESHOLD,
    rates,
    channelled: rates.filter((r) => r.channelled).map((r) => r.citizen),
    excluded,
    caveats: [note('borderNationalities.caveat.year', { year: dataYear }), note('borderNationalities.caveat.rounding', {}), note('borderNationalities.caveat.startingPoint', {})],
  };
}
