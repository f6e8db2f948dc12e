/**
 * The Art 11 assessment and the decision records (`/api/cycles/:cycle/assessment`, `/decisions`; the Commission
 * only). Types are the server's response shapes.
 */
import type { AssessmentCategory } from '../../../src/domain/assessment/categories.ts';
import type { Evidence } from '../../../src/domain/assessment/classify.ts';
import type { DecisionRecord } from '../../../src/domain/assessment/decisions.ts';
import type { NoteJson } from '../../../src/notes/render.ts';
import { api } from './client.ts';
import { CYCLE } from './cycle.ts';

export { ASSESSMENT_CATEGORIES, type AssessmentCategory } from '../../../src/domain/assessment/categories.ts';
export type { Evidence } from '../../../src/domain/assessment/classify.ts';

/** A decision record as the server sends it (with its id once stored). */
export type Decision = Omit<DecisionRecord, 'cycle' | 'recordedAt'> & { id?: number };

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
  dataNotes: NoteJson[];
  decisions: Decision[];
  disagreements: Disagreement[];
}

export interface Assessment {
  cycle: number;
  /** Notes that hold for every state. */
  dataNotes: NoteJson[];
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
