/** The cycle's pool and accounting as the server shows them to the signed-in role, reloaded after every event. */
import { api } from '../api/client.ts';
import { CYCLE, fetchAccounting, fetchPoolView, type Accounting, type PoolView } from '../api/cycle.ts';
import { useAsync } from '../components/use-async.ts';

export interface PoolData {
  view: PoolView | undefined;
  accounting: Accounting | undefined;
}

export function usePool() {
  return useAsync<PoolData>(async () => {
    // Listing first: a cycle with no event yet is not an error worth a 404 in the console.
    const { cycles } = await api.get<{ cycles: { cycle: number }[] }>('/api/cycles');
    if (!cycles.some((c) => c.cycle === CYCLE)) return { view: undefined, accounting: undefined };
    const [view, accounting] = await Promise.all([fetchPoolView(), fetchAccounting()]);
    return { view, accounting };
  }, []);
}
