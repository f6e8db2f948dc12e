/**
 * Art 12(5): where a Member State is under migratory pressure because of recurring search-and-rescue disembarkations
 * (the Art 11(3) ground), the proposal sets an indicative percentage of the pool for those states. The Regulation does
 * not say how; recital 25 asks for geography to be taken into account. Pactcycle's reading (an assumption, stated in
 * every output): the SAR states' part of the arrivals of all states under pressure in the reference period, in whole
 * percent, so that the pool follows where the people arrive.
 */
export interface PressureState {
  code: string;
  /** Under pressure on the Art 11(3) ground. */
  sarGround: boolean;
  /** Arrivals in the reference period (persons); null when unknown. */
  arrivals: number | null;
}

export interface SarPercentage {
  percentage: number;
  sarStates: string[];
  basis: string;
}

export function sarIndicativePercentage(underPressure: readonly PressureState[]): SarPercentage | undefined {
  const sar = underPressure.filter((s) => s.sarGround);
  if (sar.length === 0) return undefined;
  const unknown = underPressure.filter((s) => s.arrivals === null).map((s) => s.code);
  const total = underPressure.reduce((a, s) => a + (s.arrivals ?? 0), 0);
  const sarTotal = sar.reduce((a, s) => a + (s.arrivals ?? 0), 0);
  // With no arrivals figure at all, the SAR states cannot be weighed: the whole pool is indicated for them only if they are all the states under pressure.
  const percentage = total > 0 ? Math.round((100 * sarTotal) / total) : sar.length === underPressure.length ? 100 : 0;
  return {
    percentage,
    sarStates: sar.map((s) => s.code),
    basis:
      `Art 12(5), Pactcycle's reading: the arrivals of the states under pressure on the search-and-rescue ground (${sar.map((s) => s.code).join(', ')}) ` +
      `as a share of the arrivals of all ${underPressure.length} states under pressure in the reference period` +
      (unknown.length ? `; no arrivals figure for ${unknown.join(', ')}, left out of both sums` : ''),
  };
}
