import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import type { Permission } from '../../contracts/auth';
import { useSession } from '../auth/session';
import { PageHeader } from '../ui/PageHeader';
import { PaperworkTab } from './PaperworkTab';
import { RequestsTab } from './RequestsTab';
import { RetentionTab } from './RetentionTab';
import { WorkspaceTab } from './WorkspaceTab';

/**
 * Privacy operations, one page with a tab per task; each tab shows only to those whose permission
 * it needs (the server refuses the others anyway): data-subject requests (dpo, leads), retention
 * and deletion (dpo; the admin keeps the periods), the dpo's workspace and the paperwork (dpo).
 */
const tabs = [
  { id: 'requests', permission: 'privacy.requests', Tab: RequestsTab },
  { id: 'retention', permission: 'privacy.retention', Tab: RetentionTab },
  { id: 'workspace', permission: 'privacy.manage', Tab: WorkspaceTab },
  { id: 'paperwork', permission: 'privacy.manage', Tab: PaperworkTab },
] as const satisfies readonly { id: string; permission: Permission; Tab: () => React.JSX.Element }[];

export function PrivacyPage() {
  const { t } = useTranslation('privacy');
  const { user } = useSession();
  const navigate = useNavigate();
  const { tab } = useParams();
  const mine = tabs.filter((x) => user?.permissions.includes(x.permission));
  const current = mine.find((x) => x.id === tab);
  if (!current) return mine[0] ? <Navigate to={`/privacy/${mine[0].id}`} replace /> : null;
  return (
    <>
      <PageHeader title={t('title')} />
      <Tabs value={current.id} onChange={(v) => v && navigate(`/privacy/${v}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {mine.map((x) => (
            <Tabs.Tab key={x.id} value={x.id}>
              {t(`tabs.${x.id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {mine.map((x) => (
          <Tabs.Panel key={x.id} value={x.id}>
            <x.Tab />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
