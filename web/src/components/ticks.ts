/**
 * Every k-th period of a chart's axis, so that long series (Italy's sea arrivals since the 1990s, monthly routes)
 * keep their labels apart: about 7 px per character at the charts' 12 px font, plus a gap.
 */
export function thinTicks(periods: readonly string[], width: number): string[] {
  const longest = Math.max(4, ...periods.map((p) => p.length));
  const room = Math.max(2, Math.floor((width - 80) / (longest * 7 + 8)));
  const step = Math.ceil(periods.length / room);
  return periods.filter((_, i) => i % step === 0);
}
