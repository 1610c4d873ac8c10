import { ActionIcon, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../contracts/commitments';
import type { LiveState } from '../../../contracts/conferences-live';
import { formatDate } from '../../ui/format';
import { EditCommitmentDialog } from './CommitmentForm';
import type { NewChange } from './changes';
import type { WaitingCommitment } from './view';

/** One commitment: who does what by when; its state where it is not simply open. */
function CommitmentCard(p: {
  institution: string;
  responsible: string | null;
  action: string;
  dueDate: string;
  caseLabel?: string | null;
  badges?: React.ReactNode;
  onEdit?(): void;
}) {
  const { t } = useTranslation('conferences');
  return (
    <Paper withBorder p="sm" data-testid="live-commitment">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap={6}>
          <Text fw={600}>{p.institution}</Text>
          {p.badges}
        </Group>
        {p.onEdit && (
          <ActionIcon variant="subtle" aria-label={t('live.editCommitment')} onClick={p.onEdit}>
            <IconPencil size={16} />
          </ActionIcon>
        )}
      </Group>
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{p.action}</Text>
      <Text size="sm" c="dimmed">
        {[p.caseLabel, p.responsible, t('live.dueOn', { date: formatDate(p.dueDate) })]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Paper>
  );
}

function StateBadges({ c }: { c: Commitment }) {
  const { t } = useTranslation('conferences');
  return (
    <>
      {c.overdue && (
        <Badge color="red" variant="light">
          {t('live.overdue')}
        </Badge>
      )}
      {c.status !== 'open' && (
        <Badge color="gray" variant="light">
          {t(`live.status.${c.status}`)}
        </Badge>
      )}
    </>
  );
}

/** What a card shows of a stored commitment. */
const cardOf = (c: Commitment) => ({
  institution: c.institution.name,
  responsible: c.contact?.name ?? c.responsibleName,
  action: c.action,
  dueDate: c.dueDate,
  badges: <StateBadges c={c} />,
});

/** The commitments made on the item, with those waiting to be sent. */
export function CommitmentList(p: {
  state: LiveState;
  made: Commitment[];
  waiting: WaitingCommitment[];
  disabled: boolean;
  add(c: NewChange): void;
}) {
  const { t } = useTranslation('conferences');
  const [editing, setEditing] = useState<Commitment | null>(null);
  if (p.made.length === 0 && p.waiting.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('live.noCommitments')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="live-commitments">
      {p.made.map((c) => (
        <CommitmentCard key={c.id} {...cardOf(c)} {...(p.disabled ? {} : { onEdit: () => setEditing(c) })} />
      ))}
      {p.waiting.map((c) => (
        <CommitmentCard
          key={c.id}
          {...c}
          badges={
            <Badge color="yellow" variant="outline" data-testid="live-waiting">
              {t('live.waiting')}
            </Badge>
          }
        />
      ))}
      {editing && (
        <EditCommitmentDialog
          state={p.state}
          commitment={editing}
          add={p.add}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

/** The first item: commitments of the series' earlier conferences still open, to go through. */
export function CarriedOver({ commitments }: { commitments: Commitment[] }) {
  const { t } = useTranslation('conferences');
  if (commitments.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('live.noCarriedOver')}
      </Text>
    );
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('live.carriedOver', { count: commitments.length })}
      </Title>
      {commitments.map((c) => (
        <CommitmentCard key={c.id} {...cardOf(c)} caseLabel={c.client?.visible ? c.client.label : null} />
      ))}
    </Stack>
  );
}
