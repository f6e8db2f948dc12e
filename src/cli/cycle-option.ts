/** The `--cycle` option every cycle command shares. A cycle is named by the year its pool runs (the 2026 cycle: Report and proposal in autumn 2025). */
import { InputError } from '../domain/errors.ts';

/** Unknown cycle years are a data error (exit 2): nothing could be computed for them. */
export function parseCycle(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2010 || year > 2100) throw new InputError(`unknown cycle "${text}": a cycle is a year from 2010 to 2100 (the first under the Pact is 2026)`, { field: '--cycle' });
  return year;
}
