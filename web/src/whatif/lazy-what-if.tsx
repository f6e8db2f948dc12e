/**
 * The what-if panel, fetched when a page first shows it: it runs the pool's own rule engine (with its persistent
 * maps) in the browser, which the dashboard's first load does not need.
 */
import type { ComponentProps } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import type { WhatIf as WhatIfPanel } from './what-if.tsx';

export function WhatIf(props: ComponentProps<typeof WhatIfPanel>) {
  const [Panel, setPanel] = useState<typeof WhatIfPanel | null>(null);
  useEffect(() => {
    void import('./what-if.tsx').then((m) => setPanel(() => m.WhatIf));
  }, []);
  return Panel ? <Panel {...props} /> : <p aria-busy="true">{t('common.loading')}</p>;
}
