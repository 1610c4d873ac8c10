import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PartnerStatus } from '../../contracts/partners';

const statusColour: Record<PartnerStatus, string> = { invited: 'blue', active: 'green', revoked: 'gray' };

/** Invited (no password yet), active, or ended by this organisation. */
export function StatusBadge({ status }: { status: PartnerStatus }) {
  const { t } = useTranslation('partners');
  return (
    <Badge color={statusColour[status]} variant="dot">
      {t(`status.${status}`)}
    </Badge>
  );
}
