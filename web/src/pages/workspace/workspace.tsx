/** The signed-in user's workspace, chosen by role; the server decides what each role may see and do. */
import { t } from '../../i18n/i18n.ts';
import { memberStateOf, useSession } from '../../session.ts';
import { CommissionWorkspace } from '../../workspace/commission.tsx';
import { CoordinatorWorkspace } from '../../workspace/coordinator.tsx';
import { CouncilWorkspace } from '../../workspace/council.tsx';
import { MemberStateWorkspace } from '../../workspace/member-state.tsx';
import { LoginPage } from '../login.tsx';
import { stateName } from '../../i18n/i18n.ts';

export function Workspace() {
  const { user } = useSession();
  if (!user) return <LoginPage />;
  const state = memberStateOf(user.role);
  const title = state ? t('role.memberState', { state: stateName(state) }) : t(`role.${user.role}` as 'role.commission');
  return (
    <>
      <h1>{t('workspace.title', { role: title })}</h1>
      {state ? <MemberStateWorkspace code={state} /> : user.role === 'commission' ? <CommissionWorkspace /> : user.role === 'council' ? <CouncilWorkspace /> : user.role === 'coordinator' ? <CoordinatorWorkspace /> : null}
    </>
  );
}
