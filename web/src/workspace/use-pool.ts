/** The cycle's pool and accounting as the server shows them to the signed-in role, reloaded after every event. */
import { fetchAccounting, fetchPoolView, type Accounting, type PoolView } from '../api/cycle.ts';
import { useAsync } from '../components/use-async.ts';

export interface PoolData {
  view: PoolView | undefined;
  accounting: Accounting | undefined;
}

export function usePool() {
  return useAsync<PoolData>(async () => {
    const [view, accounting] = await Promise.all([fetchPoolView(), fetchAccounting()]);
    return { view, accounting };
  }, []);
}
