import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconFileTypePdf, IconSend } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conference } from '../../../contracts/conferences';
import type { MinutesItem } from '../../../contracts/conferences-minutes';
import { ErrorAlert, notifyError, notifySaved } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { conferenceKeys, minutesPdfUrl, minutesQuery, publishMinutes } from '../api';
import { ConfirmAction } from '../ConfirmAction';
import { EditMinutesDialog } from './EditMinutesDialog';
import { MinutesItemCard } from './MinutesItemCard';
import { MinutesRecipients, PublishList } from './MinutesRecipients';

/** The conference has begun: from then on it has minutes to write. */
export const hasMinutes = (c: Pick<Conference, 'status' | 'startsAt'>) =>
  ['held', 'minutes_published', 'closed'].includes(c.status) ||
  (c.status === 'agenda_fixed' && Date.parse(c.startsAt) <= Date.now());

/**
 * The minutes: per agenda item the text (drafted from live mode, edited by the lead), its
 * commitments and who receives it how; the copies to preview; publishing once the conference is
 * held — after which they are read-only, with who published them when.
 */
export function MinutesPanel({ conference: c }: { conference: Conference }) {
  const { t } = useTranslation('conferences');
  const queryClient = useQueryClient();
  const minutes = useQuery(minutesQuery(c.id));
  const [editing, setEditing] = useState<MinutesItem | null>(null);
  const [asking, setAsking] = useState(false);
  if (minutes.isPending) return <Loader size="sm" aria-label={t('minutes.tab')} />;
  if (!minutes.data) return <ErrorAlert error={minutes.error} />;
  const m = minutes.data;
  const publish = async () => {
    try {
      queryClient.setQueryData(conferenceKeys.minutes(c.id), await publishMinutes(c.id, c.version));
      notifySaved(t, t('minutes.publishedToast'));
    } catch (e) {
      notifyError(t, e);
    }
    // The conference's status moved (or someone else's did): its page as it is now.
    await queryClient.invalidateQueries({ queryKey: conferenceKeys.detail(c.id) });
    void queryClient.invalidateQueries({ queryKey: conferenceKeys.lists });
  };
  const mailed = m.recipients.filter((r) => r.email).length;
  return (
    <Stack gap="md" data-testid="minutes">
      {m.published ? (
        <Alert color="violet" icon={<IconCircleCheck />} data-testid="minutes-published">
          {t('minutes.published', {
            at: formatDateTime(m.published.at),
            by: m.published.by?.name ?? '—',
          })}
        </Alert>
      ) : (
        m.may.manage &&
        c.status !== 'held' && (
          <Text size="sm" c="dimmed">
            {t('minutes.holdFirst')}
          </Text>
        )
      )}
      {m.may.manage && (
        <Group gap="xs">
          {c.status === 'held' && !m.published && (
            <Button
              leftSection={<IconSend size={16} />}
              onClick={() => setAsking(true)}
              data-testid="publish-minutes"
            >
              {t('minutes.publish')}
            </Button>
          )}
          <Button
            variant="default"
            component="a"
            href={minutesPdfUrl(c.id)}
            download
            leftSection={<IconFileTypePdf size={16} />}
          >
            {t('minutes.staffCopy')}
          </Button>
        </Group>
      )}
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {m.items.map((item, index) => (
          <MinutesItemCard
            key={item.item}
            item={item}
            index={index}
            published={!!m.published}
            onEdit={m.editable && item.draft !== null ? () => setEditing(item) : undefined}
          />
        ))}
      </Stack>
      {m.may.manage && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('minutes.recipients')}
          </Title>
          <MinutesRecipients conferenceId={c.id} m={m} />
        </Stack>
      )}
      {editing && <EditMinutesDialog conferenceId={c.id} item={editing} onClose={() => setEditing(null)} />}
      {asking && (
        <ConfirmAction
          title={t('minutes.publish')}
          text={t('minutes.publishText', { count: mailed })}
          confirmLabel={t('minutes.publishConfirm')}
          onConfirm={publish}
          onClose={() => setAsking(false)}
        >
          <PublishList recipients={m.recipients} />
        </ConfirmAction>
      )}
    </Stack>
  );
}
