import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NOTE_CATALOGS, noteText, renderNote } from '../../notes/index.ts';
import { borderNationalities, RECOGNITION_RATE_THRESHOLD } from './border-nationalities.ts';

// A labelled input (not real Eurostat figures) that shows the rule of APR Art 42(1)(j).
const LABELLED = [
  { citizen: 'AA', decisions: 10_000, positive: 1_000 }, // 10 %: channelled
  { citizen: 'BB', decisions: 5_000, positive: 1_000 }, // exactly 20 %: "20 % or lower" → channelled
  { citizen: 'CC', decisions: 5_000, positive: 1_005 }, // 20.1 %: not channelled
  { citizen: 'DD', decisions: 2_000, positive: 1_800 }, // 90 %: not channelled
  { citizen: 'EE', decisions: 0, positive: 0 }, // no decision: no rate
];

describe('nationalities channelled to the mandatory border procedure, APR Art 42(1)(j) and 45(1)', () => {
  const r = borderNationalities(2025, LABELLED);

  it('channels the nationalities at or below 20 %, a rate of exactly 20 % included', () => {
    expect(r.threshold).toBe(0.2);
    expect(r.channelled).toEqual(['AA', 'BB']);
    expect(r.rates.map((x) => [x.citizen, x.rate, x.channelled])).toEqual([
      ['AA', 0.1, true],
      ['BB', 0.2, true],
      ['CC', 0.201, false],
      ['DD', 0.9, false],
    ]);
  });
  it('gives each rate its figures and its articles', () => {
    const aa = r.rates.find((x) => x.citizen === 'AA')!;
    expect(aa.reasoning).toEqual({ key: 'borderNationalities.channelled', params: { positive: 1000, decisions: 10_000, year: 2025, rate: 0.1, threshold: 0.2 } });
    expect(noteText(aa.reasoning)).toBe(
      '1,000 positive of 10,000 first-instance decisions in 2025 (Union-wide) = 10.0 %, at or below 20.0 %: the examination is accelerated (APR Art 42(1)(j)) and, for applicants in the situations of Art 43(1), the border procedure is mandatory (Art 45(1)), unless the country has changed significantly since the data or the applicant belongs to a category for which the rate is not representative (Art 42(1)(j)).',
    );
    expect(renderNote(aa.reasoning, NOTE_CATALOGS.nl!)).toMatch(/^1\.000 positieve van 10\.000 beslissingen in eerste aanleg in 2025 \(Uniebreed\) = 10,0 %, ten hoogste 20,0 %: .*APR art\. 42, lid 1, punt j/);
    expect(noteText(r.rates.find((x) => x.citizen === 'DD')!.reasoning)).toMatch(/^1,800 positive of 2,000 .* = 90\.0 %, above 20\.0 %: Art 42\(1\)\(j\) does not apply/);
    expect(r.caveats.map(noteText)[0]).toBe('Union-wide first-instance recognition rates for 2025, the latest yearly data used (APR Art 42(1)(j)).');
  });
  it('leaves out a nationality without decisions or with inconsistent figures, and says why', () => {
    expect(r.excluded).toEqual([{ citizen: 'EE', reason: { key: 'borderNationalities.noDecision', params: {} } }]);
    expect(noteText(r.excluded[0]!.reason)).toBe('no first-instance decision in the year: no rate');
    const bad = borderNationalities(2025, [{ citizen: 'FF', decisions: 10, positive: 15 }]);
    expect(bad.rates).toEqual([]);
    expect(noteText(bad.excluded[0]!.reason)).toBe('more positive decisions (15) than decisions (10): figures inconsistent, not rated');
    expect(renderNote(bad.excluded[0]!.reason, NOTE_CATALOGS.nl!)).toBe('meer positieve beslissingen (15) dan beslissingen (10): cijfers inconsistent, geen percentage berekend');
  });
  it('refuses a citizenship given twice or a figure that is not a whole number', () => {
    expect(() => borderNationalities(2025, [LABELLED[0]!, LABELLED[0]!])).toThrow(/appears twice/);
    expect(() => borderNationalities(2025, [{ citizen: 'AA', decisions: 10.5, positive: 1 }])).toThrow(/whole numbers/);
  });
  it('channels exactly the nationalities whose rate is ≤ 20 % (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 30 }), (rows) => {
        const input = rows.map(([d, p], i) => ({ citizen: `C${i}`, decisions: d, positive: Math.floor(d * p) }));
        const out = borderNationalities(2024, input);
        for (const x of out.rates) expect(x.channelled).toBe(x.positive / x.decisions <= RECOGNITION_RATE_THRESHOLD + 1e-12);
        expect(out.rates.length + out.excluded.length).toBe(input.length);
      }),
    );
  });
});
