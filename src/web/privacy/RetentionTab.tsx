import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Permission } from '../../contracts/auth';
import { useSession } from '../auth/session';
import { NoticesPart } from './retention/NoticesPart';
import { ProofsPart } from './retention/ProofsPart';
import { SettingsPart } from './retention/SettingsPart';

/** The admin keeps the periods; the deletion list and the proofs are the dpo's. */
const parts = [
  { id: 'settings', permission: 'privacy.retention', Part: SettingsPart },
  { id: 'notices', permission: 'privacy.manage', Part: NoticesPart },
  { id: 'proofs', permission: 'privacy.manage', Part: ProofsPart },
] as const satisfies readonly { id: string; permission: Permission; Part: () => React.JSX.Element }[];

/**
 * Retention and deletion: the periods per class and the privacy settings, the cases announced
 * for deletion and the proofs of deletion. The part is in the address (each list keeps its page
 * and filters there); one who may see only the settings sees them without the parts' tabs.
 */
export function RetentionTab() {
  const { t } = useTranslation('privacy');
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const mine = parts.filter((p) => user?.permissions.includes(p.permission));
  const current = mine.find((p) => p.id === params.get('part'))?.id ?? 'settings';
  const [only] = mine;
  if (mine.length === 1 && only) return <only.Part />;
  return (
    <Stack>
      <Tabs
        value={current}
        onChange={(v) => v && setParams(v === 'settings' ? {} : { part: v }, { replace: true })}
        variant="pills"
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {mine.map((p) => (
            <Tabs.Tab key={p.id} value={p.id}>
              {t(`retention.parts.${p.id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {mine.map((p) => (
          <Tabs.Panel key={p.id} value={p.id}>
            <p.Part />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
