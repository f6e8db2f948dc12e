/** One line per Member State of a projected pool, as CSV: only what the projection holds can appear. */
import type { PoolView } from '../../domain/pool/index.ts';

const cell = (v: string | number | undefined): string => {
  const s = v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const rows = (header: string[], lines: (string | number | undefined)[][]) => [header, ...lines].map((r) => r.map(cell).join(',')).join('\n') + '\n';

/**
 * The Council act's lines once the caller may see them, else the proposal lines it may see, else just a header.
 * @example toCsv(projectFor('public', pool))
 */
export function toCsv(view: PoolView): string {
  if (view.councilAct) {
    return rows(
      ['cycle', 'state', 'share', 'fair_share_relocations', 'fair_share_financial_eur', 'pledged_relocations', 'pledged_financial_eur', 'pledged_alternative_eur', 'pledged_offsets', 'pledged_euro_equivalent', 'deducted_relocations', 'deducted_financial_eur', 'deducted_alternative_eur', 'deducted_offsets'],
      view.councilAct.lines.map((l) => [view.cycle ?? '', l.code, l.line.share, l.line.relocations, l.line.financialEur, l.pledged.relocations, l.pledged.financialEur, l.pledged.alternativeEur, l.pledged.offsets, l.pledgedEuroEquivalent, l.deducted.relocations, l.deducted.financialEur, l.deducted.alternativeEur, l.deducted.offsets]),
    );
  }
  return rows(['cycle', 'state', 'share', 'indicative_relocations', 'indicative_financial_eur'], (view.proposal?.lines ?? []).map((l) => [view.cycle ?? '', l.code, l.share, l.relocations, l.financialEur]));
}
