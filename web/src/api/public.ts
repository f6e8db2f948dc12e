/** The shapes of the public API the public pages read (see src/server/public/). */
import type { NoteJson } from '../../../src/notes/render.ts';
import type { Methodology } from '../../../src/domain/assessment/methodology.ts';
import type { Banded as DomainBanded, ReachDate } from '../../../src/domain/procedures/border-occupancy.ts';
import type { UnionOverview } from '../../../src/domain/procedures/implementation-plan.ts';
import { api, getOptional } from './client.ts';

export type Category = 'migratory-pressure' | 'risk-of-migratory-pressure' | 'significant-migratory-situation';
export const CATEGORIES: readonly Category[] = ['migratory-pressure', 'risk-of-migratory-pressure', 'significant-migratory-situation'];

export interface EvidenceLine {
  indicator: string;
  value: number;
  /** The state's figure relative to the Union's, 1 = the Union's level. */
  ratio: number | null;
  detail?: string;
}

export interface StateClassification {
  geo: string;
  categories: Category[];
  grounds: string | null;
  /** What the assessment's evidence supports (not a decision); `under-pressure-sar` is the Art 11(3) ground. */
  computedCategories: ('under-pressure' | 'under-pressure-sar' | 'at-risk' | 'significant-situation')[];
  evidence: EvidenceLine[];
}

export interface Overview {
  year: number;
  referencePeriod: { from: string; to: string } | null;
  /** Whether the Commission's Art 11 decision has been adopted; before that, the map shows no categories. */
  decisionAdopted: boolean;
  states: StateClassification[];
  pool: { phase: string; adopted: boolean } | null;
}

export interface SeriesPoint {
  period: string;
  value: number;
  perThousand: number | null;
  perBillionGdp: number | null;
  /** The state's fair share of the Union's figure for that period (Art 66 key × EU total). */
  fairShareValue: number | null;
}

export interface IndicatorSeries {
  indicator: string;
  unit: string;
  points: SeriesPoint[];
}

export interface StateSeries {
  geo: string;
  fairShare: number | null;
  population: { value: number; period: string } | null;
  gdp: { value: number; period: string } | null;
  indicators: IndicatorSeries[];
}

export interface FairShareRow {
  geo: string;
  share: number;
  population: number;
  gdp: number;
  /** Actual figures of the reference period per indicator, beside the fair share of the Union's total. */
  actual: Record<string, { value: number; fairShareValue: number }>;
}

export interface FairShares {
  populationPeriod: string;
  gdpPeriod: string;
  period: string;
  indicators: string[];
  indicatorPeriods: Record<string, string>;
  rows: FairShareRow[];
}

export const fetchOverview = () => api.get<Overview>('/api/public/overview');
export const fetchStateSeries = (geo: string) => getOptional<StateSeries>(`/api/public/states/${geo}/series`);
export const fetchFairShares = () => api.get<FairShares>('/api/public/fair-shares');

/** The assessment methodology in force (methodology/assessment-v1.json), as the server publishes it. */
export type { Methodology as MethodologyDocument, MethodologyCondition } from '../../../src/domain/assessment/methodology.ts';

export const fetchMethodology = () => api.get<Methodology>('/api/public/methodology');

export type { ReachDate } from '../../../src/domain/procedures/border-occupancy.ts';
/** A figure with the forecast's bounds (80 % and 95 % prediction intervals). */
type Banded = DomainBanded<number>;

/** "Will capacity hold?" for one state (src/server/procedures/capacity-outlook-routes.ts). */
export interface CapacityOutlook {
  year: number;
  assumptions: { borderShare: number; borderShareIsDefault: boolean; durationWeeks: number; appliesFrom: string; model: string };
  state: {
    code: string;
    capacity: number;
    annualMaximum: number | null;
    /** Routes whose detections are attributed to the state; empty: its arrivals are not modelled. */
    routes: string[];
    peakOccupancy: Banded;
    yearEntries: Banded;
    capacityReached: ReachDate | null;
    annualMaximumReached: ReachDate | null;
    breakEvenShare: number | null;
    months: { period: string; peak: Banded; cumulative: Banded }[];
  };
  notes: NoteJson[];
}

/** For the cycle the public pages show (the server's default year). */
export const fetchCapacityOutlook = (geo: string) => api.get<CapacityOutlook>(`/api/procedures/capacity-outlook/${encodeURIComponent(geo)}`);

/** The Union overview of the national implementation plans (public: the Report publishes it). */
export type { UnionOverview as ImplementationOverview } from '../../../src/domain/procedures/implementation-plan.ts';

export const fetchImplementationOverview = () => api.get<UnionOverview>('/api/implementation');
