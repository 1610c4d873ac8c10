import { Badge, Button, List, Stack, Text } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ConferenceMinutes, MinutesRecipient } from '../../../contracts/conferences-minutes';
import { DataTable } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { minutesPdfUrl } from '../api';

const deliveryColours: Record<MinutesRecipient['delivery'], string> = {
  not_sent: 'gray',
  no_address: 'orange',
  queued: 'blue',
  sent: 'green',
  failed: 'red',
};

export function DeliveryBadge({ r }: { r: MinutesRecipient }) {
  const { t } = useTranslation('conferences');
  return (
    <Badge color={deliveryColours[r.delivery]} variant="light" data-testid="delivery">
      {r.delivery === 'sent' && r.sentAt
        ? t('minutes.sentAt', { at: formatDateTime(r.sentAt) })
        : t(`minutes.delivery.${r.delivery}`)}
    </Badge>
  );
}

/** How many cases a recipient's copy carries, and how many it leaves out. */
export function CasesOf({ r }: { r: MinutesRecipient }) {
  const { t } = useTranslation('conferences');
  return (
    <>
      {t('minutes.cases', { count: r.cases })}
      {r.withheld > 0 && ` · ${t('minutes.withheld', { count: r.withheld })}`}
    </>
  );
}

/** The recipients before publishing, as the confirmation lists them: who gets how many cases, who gets nothing. */
export function PublishList({ recipients }: { recipients: MinutesRecipient[] }) {
  const { t } = useTranslation('conferences');
  return (
    <List size="sm" spacing={4} data-testid="publish-recipients">
      {recipients.map((r) => (
        <List.Item key={r.invitationId}>
          <Text size="sm" span fw={500}>
            {r.contact ? `${r.institution.name} (${r.contact})` : r.institution.name}
          </Text>
          {': '}
          {r.email ? <CasesOf r={r} /> : t('minutes.noAddressNothing')}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * Who receives the minutes: per invitation its institution's copy (cases carried, left out), the
 * mail's delivery once published, and the copy to preview — the PDF as that institution receives it.
 */
export function MinutesRecipients({ conferenceId, m }: { conferenceId: string; m: ConferenceMinutes }) {
  const { t } = useTranslation('conferences');
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('minutes.recipientsNote')}
      </Text>
      <DataTable
        items={m.recipients}
        testId="minutes-recipients"
        minWidth={720}
        rowKey={(r) => r.invitationId}
        plainTitle
        columns={[
          {
            head: t('invite.institution'),
            card: 'title',
            cell: (r) => (
              <Stack gap={0}>
                <Text fw={500} size="sm">
                  {r.institution.name}
                </Text>
                {r.contact && <Text size="xs">{r.contact}</Text>}
              </Stack>
            ),
          },
          { head: t('minutes.address'), card: 'fact', cell: (r) => r.email ?? '–' },
          { head: t('minutes.copy'), card: 'fact', cell: (r) => <CasesOf r={r} /> },
          { head: t('minutes.deliveryHead'), card: 'badge', cell: (r) => <DeliveryBadge r={r} /> },
          {
            head: '',
            card: 'action',
            cell: (r) => (
              <Button
                size="xs"
                variant="default"
                component="a"
                href={minutesPdfUrl(conferenceId, r.institution.id)}
                download
                leftSection={<IconFileTypePdf size={14} />}
                aria-label={t('minutes.previewFor', { name: r.institution.name })}
              >
                {t('minutes.preview')}
              </Button>
            ),
          },
        ]}
      />
    </Stack>
  );
}
