/** The signed-in user's workspace, chosen by role; the server decides what each role may see and do. */
import { t } from '../../i18n/i18n.ts';
import { memberStateOf, useSession } from '../../session.ts';
import { LoginPage } from '../login.tsx';

export function Workspace() {
  const { user } = useSession();
  if (!user) return <LoginPage />;
  const state = memberStateOf(user.role);
  return (
    <>
      <h1>{t('workspace.title', { role: state ? t('role.memberState', { state }) : user.role })}</h1>
    </>
  );
}
