/**
 * The Art 11 assessment and the decision records (`/api/cycles/:cycle/assessment`, `/decisions`; the Commission
 * only). Types are the server's response shapes.
 */
import { api } from './client.ts';
import { CYCLE } from './cycle.ts';

export const ASSESSMENT_CATEGORIES = ['under-pressure', 'at-risk', 'significant-situation'] as const;
export type AssessmentCategory = (typeof ASSESSMENT_CATEGORIES)[number];

export interface Evidence {
  category: AssessmentCategory;
  indicator: string;
  value: number;
  threshold: number;
  period: string;
  measure: 'absolute' | 'perThousand' | 'perBillionGdp' | 'disproportionality' | 'change' | 'activeMonths';
  rule: string;
  ground: 'general' | 'art-11-3-sar';
}

export interface Decision {
  id?: number;
  state: string;
  category: AssessmentCategory;
  adopted: boolean;
  ground: string;
  date: string;
  act: string;
  by: string;
  origin?: 'record' | 'pool-ledger';
}

export interface Disagreement {
  category: AssessmentCategory;
  kind: 'evidence-not-adopted' | 'adopted-without-evidence';
  act: string;
  ground: string;
}

export interface StateAssessment {
  code: string;
  categories: AssessmentCategory[];
  sarGround: boolean;
  evidence: Evidence[];
  dataNotes: string[];
  decisions: Decision[];
  disagreements: Disagreement[];
}

export interface Assessment {
  cycle: number;
  referencePeriod: { from: string; to: string };
  methodology: { id: string; version: number; title: string; status: string };
  decisionsRecorded: number;
  states: StateAssessment[];
}

export interface DecisionInput {
  state: string;
  category: AssessmentCategory;
  adopted: boolean;
  ground: string;
  date: string;
  act: string;
}

export const runAssessment = (cycle = CYCLE) => api.get<Assessment>(`/api/cycles/${cycle}/assessment`);
export const recordDecision = (input: DecisionInput, cycle = CYCLE) => api.post<Decision>(`/api/cycles/${cycle}/decisions`, input);
