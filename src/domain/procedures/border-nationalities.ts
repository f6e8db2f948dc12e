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
 */

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
  reasoning: string;
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
  excluded: { citizen: string; reason: string }[];
  caveats: string[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** Why one nationality is or is not channelled, with the figures and the articles. */
function reasoningFor(r: Omit<NationalityRate, 'reasoning'>, dataYear: number): string {
  const figures = `${r.positive.toLocaleString('en-GB')} positive of ${r.decisions.toLocaleString('en-GB')} first-instance decisions in ${dataYear} (Union-wide) = ${pct(r.rate)}`;
  return r.channelled
    ? `${figures}, at or below ${pct(r.threshold)}: the examination is accelerated (APR Art 42(1)(j)) and, for applicants in the situations of Art 43(1), the border procedure is mandatory (Art 45(1)), unless the country has changed significantly since the data or the applicant belongs to a category for which the rate is not representative (Art 42(1)(j)).`
    : `${figures}, above ${pct(r.threshold)}: Art 42(1)(j) does not apply; the border procedure is mandatory only on the grounds of Art 42(1)(c) or (f) (Art 45(1)).`;
}

/**
 * The Art 42(1)(j) list for one year of Union-wide first-instance decisions by citizenship. The comparison is exact
 * on integers (positive × 5 ≤ decisions), so a rate of exactly 20 % is channelled, as "20 % or lower" reads.
 */
export function borderNationalities(dataYear: number, input: readonly CitizenshipDecisions[]): BorderNationalities {
  const excluded: { citizen: string; reason: string }[] = [];
  const rates: NationalityRate[] = [];
  const seen = new Set<string>();
  for (const row of input) {
    if (seen.has(row.citizen)) throw new RangeError(`citizenship ${row.citizen} appears twice for ${dataYear}`);
    seen.add(row.citizen);
    if (!Number.isInteger(row.decisions) || !Number.isInteger(row.positive) || row.decisions < 0 || row.positive < 0) {
      throw new RangeError(`citizenship ${row.citizen}: decisions and positive decisions must be whole numbers ≥ 0`);
    }
    if (row.decisions === 0) {
      excluded.push({ citizen: row.citizen, reason: 'no first-instance decision in the year: no rate' });
      continue;
    }
    if (row.positive > row.decisions) {
      excluded.push({ citizen: row.citizen, reason: `more positive decisions (${row.positive}) than decisions (${row.decisions}): figures inconsistent, not rated` });
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
    caveats: [
      `Union-wide first-instance recognition rates for ${dataYear}, the latest yearly data used (APR Art 42(1)(j)).`,
      'Eurostat rounds asylum figures to the nearest 5: rates on few decisions are uncertain; the number of decisions is shown beside each rate.',
      'The list is the starting point of the rule, not a decision on an applicant: a significant change in the country since the data, a category for which the rate is not representative (Art 42(1)(j)), and the exclusions of Art 53 (unaccompanied minors, special needs) are assessed case by case.',
    ],
  };
}
