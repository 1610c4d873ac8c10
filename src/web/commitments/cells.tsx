import { Anchor, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Commitment } from '../../contracts/commitments';
import { todayInGermany } from '../../contracts/common';
import { CommitmentBadge, daysBetween } from '../ui/CommitmentBadge';
import { formatDate } from '../ui/format';

/** Open, done, dropped — or overdue, said in words and with a sign, not by colour alone. */
export function StatusBadge({ c }: { c: Pick<Commitment, 'status' | 'overdue'> }) {
  const { t } = useTranslation('commitments');
  return <CommitmentBadge c={c} label={t(c.overdue ? 'status.overdue' : `status.${c.status}`)} />;
}

/** The due date; when overdue, in bold with how long. */
export function DueCell({ c }: { c: Commitment }) {
  const { t } = useTranslation('commitments');
  if (!c.overdue)
    return (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(c.dueDate)}
      </Text>
    );
  return (
    <Stack gap={0}>
      <Text size="sm" fw={700} c="red.9" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(c.dueDate)}
      </Text>
      <Text size="xs" c="red.9">
        {t('overdueFor', { count: daysBetween(c.dueDate, todayInGermany()) })}
      </Text>
    </Stack>
  );
}

/**
 * The case as the viewer may see it: a link to a case they can open; the neutral "Case n" of its
 * conference's agenda otherwise (by its place, in the interface language).
 */
export function caseLabel(t: TFunction, c: Pick<Commitment, 'client'>): string {
  if (!c.client) return t('commitments:noCase');
  if (c.client.visible) return c.client.label;
  return c.client.place ? t('commitments:caseN', { n: c.client.place }) : c.client.label;
}

export function CaseCell({ c }: { c: Commitment }) {
  const { t } = useTranslation('commitments');
  if (c.client?.visible) {
    // "2026-0007 · Eleni Georgiou": the case code on a line of its own keeps the column narrow.
    const [code, ...name] = c.client.label.split(' · ');
    return (
      <Anchor component={Link} to={`/cases/${c.client.id}`} size="sm">
        <Text span inherit style={{ whiteSpace: 'nowrap' }}>
          {code}
        </Text>{' '}
        {name.join(' · ')}
      </Anchor>
    );
  }
  return (
    <Text size="sm" c={c.client ? undefined : 'dimmed'}>
      {caseLabel(t, c)}
    </Text>
  );
}

/**
 * Status with the day it was reported, whether in time, the note (why dropped, why reopened) and
 * the institution's latest word on progress (from the partner portal).
 */
export function StatusCell({ c }: { c: Commitment }) {
  const { t } = useTranslation('commitments');
  return (
    <Stack gap={2} align="flex-start">
      <StatusBadge c={c} />
      {c.reportedOn && (
        <Text size="xs" c="dimmed">
          {t('reportedOn', { date: formatDate(c.reportedOn) })}
          {c.onTime !== null && ` · ${t(c.onTime ? 'onTime' : 'late')}`}
        </Text>
      )}
      {c.statusNote && (
        <Text size="xs" lineClamp={2}>
          {c.status === 'open' ? t('reopenedBecause', { reason: c.statusNote }) : c.statusNote}
        </Text>
      )}
      {c.progressNote && (
        <Text size="xs" lineClamp={3} data-testid="commitment-progress">
          {t('progress', { note: c.progressNote, date: formatDate(c.progressAt) })}
        </Text>
      )}
    </Stack>
  );
}

/** Who is responsible: the name said at the table, else the contact person from the directory. */
export const responsibleOf = (c: Commitment) => c.responsibleName ?? c.contact?.name ?? '–';

export function ConferenceCell({ c }: { c: Commitment }) {
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/conferences/${c.conference.id}`} size="sm">
        {c.conference.title}
      </Anchor>
      <Text size="xs" c="dimmed">
        {formatDate(c.conference.startsAt)}
      </Text>
    </Stack>
  );
}
