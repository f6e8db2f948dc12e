/** The only code that reads and writes Migration Support Toolbox requests in SQL. */
import type { MemberStateCode } from '../domain/member-states.ts';
import type { RequestStatus, SupportRequest, ToolboxItemId } from '../domain/procedures/support-toolbox.ts';
import type { Queryable } from './db.ts';

interface Row {
  id: number;
  state: string;
  item: string;
  description: string;
  status: string;
  submitted_by: string;
  submitted_at: string | Date;
  updated_by: string;
  updated_at: string | Date;
  note: string;
}

const iso = (v: string | Date) => new Date(v).toISOString();
const toRequest = (r: Row): SupportRequest => ({
  id: r.id,
  state: r.state as MemberStateCode,
  item: r.item as ToolboxItemId,
  description: r.description,
  status: r.status as RequestStatus,
  submittedBy: r.submitted_by,
  submittedAt: iso(r.submitted_at),
  updatedBy: r.updated_by,
  updatedAt: iso(r.updated_at),
  note: r.note,
});

export async function insertSupportRequest(db: Queryable, r: { state: MemberStateCode; item: ToolboxItemId; description: string; actor: string; at: Date }): Promise<SupportRequest> {
  const rows = await db.query<Row>(
    `INSERT INTO support_request (state, item, description, status, submitted_by, submitted_at, updated_by, updated_at)
     VALUES ($1, $2, $3, 'submitted', $4, $5, $4, $5) RETURNING *`,
    [r.state, r.item, r.description, r.actor, r.at.toISOString()],
  );
  return toRequest(rows[0]!);
}

export async function findSupportRequest(db: Queryable, id: number): Promise<SupportRequest | undefined> {
  const rows = await db.query<Row>('SELECT * FROM support_request WHERE id = $1', [id]);
  return rows[0] ? toRequest(rows[0]) : undefined;
}

export async function listSupportRequests(db: Queryable, state?: MemberStateCode): Promise<SupportRequest[]> {
  const rows = await db.query<Row>(`SELECT * FROM support_request ${state ? 'WHERE state = $1' : ''} ORDER BY id`, state ? [state] : []);
  return rows.map(toRequest);
}

/** Moves a request on only from the status the caller saw, so that two deciders cannot both act on it. */
export async function updateSupportRequestStatus(
  db: Queryable,
  u: { id: number; from: RequestStatus; to: RequestStatus; note: string; actor: string; at: Date },
): Promise<SupportRequest | undefined> {
  const rows = await db.query<Row>(
    `UPDATE support_request SET status = $3, note = $4, updated_by = $5, updated_at = $6 WHERE id = $1 AND status = $2 RETURNING *`,
    [u.id, u.from, u.to, u.note, u.actor, u.at.toISOString()],
  );
  return rows[0] ? toRequest(rows[0]) : undefined;
}
