import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConferenceListItem } from '../../contracts/conferences';
import { spans } from './time';

/** When, as the viewer's clock reads it, with the zone named; the conference's own below where it differs. */
export function When({ c }: { c: Pick<ConferenceListItem, 'startsAt' | 'endsAt' | 'timeZone'> }) {
  const { t } = useTranslation('conferences');
  const { here, there } = spans(c);
  return (
    <>
      <Text size="sm" data-testid="conference-time">
        {here}
      </Text>
      {there && (
        <Text size="xs" c="dimmed" data-testid="conference-own-time">
          {t('conferences.inOwnZone', { time: there, zone: c.timeZone })}
        </Text>
      )}
    </>
  );
}
