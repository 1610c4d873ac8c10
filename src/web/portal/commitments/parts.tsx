import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { todayInGermany } from '../../../contracts/common';
import type { PortalCommitment } from '../../../contracts/portal';
import { CommitmentBadge, daysBetween } from '../../ui/CommitmentBadge';
import { formatDate } from '../../ui/format';

/** Open, done, dropped — or overdue, said in words and with a sign, not by colour alone. */
export function StatusBadge({ c }: { c: Pick<PortalCommitment, 'status' | 'overdue'> }) {
  const { t } = useTranslation('portalCommitments');
  return <CommitmentBadge c={c} label={t(c.overdue ? 'status.overdue' : `status.${c.status}`)} />;
}

/**
 * The due date, and for an open one past it how long it is overdue (in words, in bold); one line
 * that wraps like a sentence. `dateOnly` where a label says "Due" already.
 */
export function DueLine({ c, dateOnly = false }: { c: PortalCommitment; dateOnly?: boolean }) {
  const { t } = useTranslation('portalCommitments');
  const today = todayInGermany();
  const date = dateOnly ? formatDate(c.dueDate) : t('due', { date: formatDate(c.dueDate) });
  const said = c.overdue
    ? t('overdueFor', { count: daysBetween(c.dueDate, today) })
    : c.status === 'open' && c.dueDate === today
      ? t('dueToday')
      : null;
  return (
    <Text size="sm" fw={said ? 700 : undefined} c={c.overdue ? 'red.9' : undefined} data-testid="due">
      {said ? `${date} · ${said}` : date}
    </Text>
  );
}

/** "Fall 2" (its place on the conference's agenda), or that it is for no particular case. */
export const caseOf = (t: TFunction, c: PortalCommitment) =>
  c.case ? t('portalCommitments:caseN', { n: c.case.place }) : t('portalCommitments:noCase');

/** The conference the commitment was made at, with its day. */
export const conferenceOf = (t: TFunction, c: PortalCommitment) =>
  t('portalCommitments:conference', { title: c.conference.title, date: formatDate(c.conference.startsAt) });

/** Who is responsible: the name said at the table, else the contact person from the directory. */
export const responsibleOf = (c: PortalCommitment) => c.responsibleName ?? c.contact?.name ?? null;

/** What was reported: done or dropped on a day (in time or not), with its note. */
export function ReportedLine({ c }: { c: PortalCommitment }) {
  const { t } = useTranslation('portalCommitments');
  if (c.status === 'open' || !c.reportedOn) return null;
  const when = [
    t(`reported.${c.status}`, { date: formatDate(c.reportedOn) }),
    c.onTime === null ? null : t(c.onTime ? 'reported.onTime' : 'reported.late'),
    c.reportedBy ? t('reported.by', { name: c.reportedBy }) : null,
  ].filter(Boolean);
  return (
    <>
      <Text size="sm">{when.join(' · ')}</Text>
      {c.statusNote && (
        <Text size="sm">
          {t(c.status === 'dropped' ? 'reported.why' : 'reported.note', { note: c.statusNote })}
        </Text>
      )}
    </>
  );
}
