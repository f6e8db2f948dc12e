/**
 * Integer apportionment by the largest-remainder (Hamilton) rule: persons and euros are whole numbers, and the parts
 * must add up exactly to the total that the Regulation fixes (30,000 places of adequate capacity, APR Art 46; the
 * reference numbers of the pool, AMMR Art 12). Each part first gets the integer part of its exact quota; the units
 * left over go one each to the largest fractional remainders, ties to the earlier entry, so the result is
 * deterministic.
 *
 * @example apportion(10, [1, 1, 1]) // → [4, 3, 3]
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`total must be a non-negative integer, got ${total}`);
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`weights must be finite and non-negative, got ${w}`);
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || sum === 0) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError('cannot apportion a positive total over weights that sum to zero');
  }
  const quotas = weights.map((w) => (total * w) / sum);
  const parts = quotas.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, rest: q - Math.floor(q) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}
