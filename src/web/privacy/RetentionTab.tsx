import type { Permission } from '../../contracts/auth';
import { useSession } from '../auth/session';
import { PartTabs } from './PartTabs';
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
  const { user } = useSession();
  const mine = parts.filter((p) => user?.permissions.includes(p.permission));
  const [only] = mine;
  if (mine.length === 1 && only) return <only.Part />;
  return <PartTabs parts={mine} labels="retention.parts" />;
}
