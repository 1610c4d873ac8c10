import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestItem } from '../../../contracts/privacy-requests';

/** An open request's deadline (Art. 12(3)): overdue in red, the last week in orange. */
export function DueBadge({ request }: { request: Pick<RequestItem, 'overdue' | 'daysLeft'> }) {
  const { t } = useTranslation('privacy');
  const days = request.daysLeft ?? 0;
  if (request.overdue)
    return (
      <Badge color="red" variant="filled">
        {t('requests.overdue', { count: -days })}
      </Badge>
    );
  return (
    <Badge color={days <= 7 ? 'orange' : 'blue'} variant="light">
      {t('requests.daysLeft', { count: days })}
    </Badge>
  );
}

/** The status, and for an open request its deadline: days left, or overdue. */
export function RequestStatusBadge({ request }: { request: RequestItem }) {
  const { t } = useTranslation('privacy');
  if (request.status !== 'open')
    return (
      <Badge variant="light" color={request.status === 'refused' ? 'orange' : 'gray'}>
        {t(`requests.status.${request.status}`)}
      </Badge>
    );
  return <DueBadge request={request} />;
}
