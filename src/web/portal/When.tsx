import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalConferenceSummary } from '../../contracts/portal';
import { span } from '../conferences/time';

/** When and where, as the conference's own zone says it (the zone named: a partner abroad reads it right). */
export function WhenWhere({ c }: { c: PortalConferenceSummary }) {
  const { t } = useTranslation('portal');
  return (
    <Stack gap={2}>
      <Text size="sm" data-testid="portal-when">
        <Text span size="sm" c="dimmed">
          {t('conference.when')}:{' '}
        </Text>
        {span(c.startsAt, c.endsAt, c.timeZone)}
      </Text>
      {c.place && (
        <Text size="sm">
          <Text span size="sm" c="dimmed">
            {t('conference.where')}:{' '}
          </Text>
          {c.place}
        </Text>
      )}
      {c.videoUrl && (
        <Text size="sm">
          <Text span size="sm" c="dimmed">
            {t('conference.video')}:{' '}
          </Text>
          <Anchor href={c.videoUrl} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>
            {c.videoUrl}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
