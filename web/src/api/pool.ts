/** The pool as the public sees it: the server's projection for an anonymous caller (`GET /api/cycles/:cycle`). */
import { api } from './client.ts';
import { CYCLE, type PoolView } from './cycle.ts';

/** The cycle's public view, or undefined while no event of the cycle has been recorded. */
export async function fetchPublicCycle(cycle = CYCLE): Promise<PoolView | undefined> {
  // Listing first keeps the browser from logging a 404 for a cycle that does not exist yet.
  const { cycles } = await api.get<{ cycles: { cycle: number; phase: string }[] }>('/api/cycles');
  return cycles.some((c) => c.cycle === cycle) ? api.get<PoolView>(`/api/cycles/${cycle}`) : undefined;
}
