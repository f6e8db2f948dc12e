/** The cycle's phase and dates, as the server shows them to the role. */
import type { PoolView } from '../api/cycle.ts';
import { formatDate, t, type MessageKey } from '../i18n/i18n.ts';

export function PhaseLine({ view }: { view: PoolView | undefined }) {
  const d = view?.dates ?? {};
  return (
    <ul class="facts" data-phase={view?.phase ?? 'empty'}>
      <li><strong>{t(`phase.${view?.phase ?? 'empty'}` as MessageKey)}</strong></li>
      {d.proposedAt && <li>{t('ws.proposedAt', { date: formatDate(d.proposedAt) })}</li>}
      {d.adoptedAt && <li>{t('ws.adoptedAt', { date: formatDate(d.adoptedAt) })}</li>}
      {view?.classification && <li>{t('ws.decisionRecorded', { date: formatDate(view.classification.at) })}</li>}
    </ul>
  );
}
