import { ActionIcon, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPhone, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conference, Invitation } from '../../contracts/conferences';
import { ConfirmModal } from '../ui/ConfirmModal';
import { DataTable, useWideScreen } from '../ui/DataTable';
import { formatDateTime } from '../ui/format';
import { AnswerDialog } from './AnswerDialog';
import { uninvite } from './api';
import { AnswerBadge } from './badges';
import { isOpen } from './ConferenceHeader';
import { InviteDialog } from './InviteDialog';
import { useConferenceAction } from './useConference';

/** Institutions that said yes (themselves or through a deputy), of those invited. */
export function confirmedOf(c: Pick<Conference, 'invitations'>) {
  const invited = new Set(c.invitations.map((i) => i.institution.id));
  const confirmed = new Set(
    c.invitations
      .filter((i) => i.answer === 'attending' || i.answer === 'deputy')
      .map((i) => i.institution.id),
  );
  return { confirmed: confirmed.size, invited: invited.size };
}

const whoOf = (i: Invitation) =>
  i.contact ? `${i.institution.name}, ${i.contact.name}` : i.institution.name;

/** When the invitation went out, and whether the latest change of the conference has reached them. */
function Sent({ invitation: i, sequence }: { invitation: Invitation; sequence: number }) {
  const { t } = useTranslation('conferences');
  if (!i.sentAt)
    return (
      <Badge color="gray" variant="outline">
        {t('invite.notSent')}
      </Badge>
    );
  return (
    <Stack gap={2}>
      <Text size="sm">{formatDateTime(i.sentAt)}</Text>
      {i.sequence < sequence && (
        <Badge color="orange" variant="light" data-testid="update-pending">
          {t('invite.updatePending')}
        </Badge>
      )}
    </Stack>
  );
}

/** Who is invited, through whom, and what they answered; the lead invites, records answers, withdraws. */
export function Invitations({ conference: c }: { conference: Conference }) {
  const { t } = useTranslation('conferences');
  const act = useConferenceAction(c.id);
  const [inviting, setInviting] = useState(false);
  const [answering, setAnswering] = useState<Invitation | null>(null);
  const [removing, setRemoving] = useState<Invitation | null>(null);
  const manage = c.may.manage && isOpen(c);
  const wide = useWideScreen();
  const { confirmed, invited } = confirmedOf(c);
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text fw={500} data-testid="confirmed-count">
          {t('invite.confirmedCount', { confirmed, invited })}
        </Text>
        {manage && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setInviting(true)}>
            {t('invite.add')}
          </Button>
        )}
      </Group>
      {c.invitations.length === 0 ? (
        <Text c="dimmed">{t('invite.none')}</Text>
      ) : (
        <DataTable
          items={c.invitations}
          testId="invitations"
          minWidth={900}
          rowKey={(i) => i.id}
          plainTitle
          columns={[
            {
              head: t('invite.institution'),
              card: 'title',
              cell: (i) => <Text fw={500}>{i.institution.name}</Text>,
            },
            { head: t('invite.contact'), card: 'fact', cell: (i) => i.contact?.name ?? '–' },
            {
              head: t('invite.email'),
              card: 'fact',
              cell: (i) => i.email ?? <Text c="red.9">{t('invite.noEmail')}</Text>,
            },
            {
              head: t('invite.answer'),
              card: 'badge',
              cell: (i) => <AnswerBadge answer={i.answer} deputyName={i.deputyName} />,
            },
            {
              head: t('invite.sent'),
              card: 'fact',
              cell: (i) => <Sent invitation={i} sequence={c.sequence} />,
            },
            {
              head: '',
              card: 'action',
              cell: (i) =>
                manage && (
                  <Group gap={4} wrap="nowrap">
                    {wide ? (
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconPhone size={14} />}
                        aria-label={t('invite.recordFor', { who: whoOf(i) })}
                        onClick={() => setAnswering(i)}
                      >
                        {t('invite.record')}
                      </Button>
                    ) : (
                      // On a phone's card the button's words would squeeze the facts beside it.
                      <ActionIcon
                        variant="light"
                        aria-label={t('invite.recordFor', { who: whoOf(i) })}
                        onClick={() => setAnswering(i)}
                      >
                        <IconPhone size={16} />
                      </ActionIcon>
                    )}
                    <Tooltip label={t('invite.remove')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('invite.removeWho', { who: whoOf(i) })}
                        onClick={() => setRemoving(i)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                ),
            },
          ]}
        />
      )}
      {inviting && <InviteDialog conference={c} onClose={() => setInviting(false)} />}
      {answering && <AnswerDialog conference={c} invitation={answering} onClose={() => setAnswering(null)} />}
      <ConfirmModal
        opened={removing !== null}
        title={t('invite.remove')}
        text={removing ? t('invite.removeText', { who: whoOf(removing) }) : ''}
        confirmLabel={t('invite.removeConfirm')}
        onConfirm={async () => {
          if (removing) await act(() => uninvite(c.id, removing.id), t('invite.removed'));
        }}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}
