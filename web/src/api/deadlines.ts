/** The procedural deadline calculator (src/server/procedures/deadline-routes.ts): public; every text a note. */
import type { NoteJson } from '../../../src/notes/render.ts';
import { api } from './client.ts';

/** A procedure the calculator knows, as `GET /api/procedures` lists it. */
export interface ProcedureInfo {
  name: string;
  title: NoteJson;
  instrument: string;
  startsOn: NoteJson;
  articles: string[];
}

export interface StepDeadline {
  id: string;
  label: NoteJson;
  article: string;
  from: string;
  fromBasis: NoteJson;
  period: NoteJson;
  nominalEnd: string;
  /** The last day, after any move off a non-working day. */
  deadline: string;
  /** Why the last day is not the nominal end; null when it is. */
  moved: NoteJson | null;
  extended: { deadline: string; article: string; condition: NoteJson; moved: NoteJson | null } | null;
}

export interface Deadlines {
  procedure: string;
  title: NoteJson;
  instrument: NoteJson;
  counting: NoteJson;
  startsOn: NoteJson;
  from: string;
  steps: StepDeadline[];
  notes: NoteJson[];
}

/** What the calculator is asked: the page's URL query carries the same three fields. */
export interface DeadlineQuery {
  procedure: string;
  from: string;
  holidays: string[];
}

export const fetchProcedures = () => api.get<ProcedureInfo[]>('/api/procedures');

export function fetchDeadlines(q: DeadlineQuery): Promise<Deadlines> {
  const params = new URLSearchParams({ from: q.from });
  for (const h of q.holidays) params.append('holiday', h);
  return api.get<Deadlines>(`/api/procedures/${encodeURIComponent(q.procedure)}/deadlines?${params.toString()}`);
}
