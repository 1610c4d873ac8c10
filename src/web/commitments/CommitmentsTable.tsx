import { Button, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../contracts/commitments';
import { useCan, useUser } from '../auth/session';
import type { Column } from '../ui/DataTable';
import { type ListParams, ListTable } from '../ui/list';
import { CaseCell, ConferenceCell, DueCell, responsibleOf, StatusCell } from './cells';
import { ReportDialog } from './ReportDialog';

const statuses = ['open', 'overdue', 'done', 'dropped'] as const;

type ListOf = Parameters<typeof ListTable<Commitment>>[0]['list'];

/**
 * The "Report" of a row: an open commitment is reported done or dropped by the staff who may; a
 * lead may take back a report recorded by mistake. Named with the action, so that each button of
 * a long list says which commitment it is for.
 */
export function useReportAction() {
  const { t } = useTranslation('commitments');
  const canReport = useCan('commitments.report');
  const lead = useUser().roles.includes('lead');
  const [reporting, setReporting] = useState<Commitment | null>(null);
  const button = (c: Commitment) => {
    const open = c.status === 'open';
    if (!canReport || (!open && !lead)) return null;
    return (
      <Button
        size="xs"
        variant={open ? 'light' : 'subtle'}
        aria-label={t(open ? 'report.openFor' : 'report.reopenFor', { action: c.action })}
        onClick={() => setReporting(c)}
        data-testid={open ? 'report' : 'reopen'}
      >
        {t(open ? 'report.open' : 'report.reopen')}
      </Button>
    );
  };
  const dialog = (onSaved?: () => void) =>
    reporting && <ReportDialog commitment={reporting} onClose={() => setReporting(null)} onSaved={onSaved} />;
  return { button, dialog };
}

/**
 * The columns of commitments (a table, or cards on a phone): due date, case, institution,
 * responsible person, action, conference and status, and the report of the row; an overdue one
 * says so in its due date and with a badge. With the report dialog they open.
 */
export function useCommitmentColumns(options: { withConference?: boolean; withCase?: boolean } = {}) {
  const { t } = useTranslation('commitments');
  const report = useReportAction();
  const columns: Column<Commitment>[] = [
    { head: t('fields.dueDate'), card: 'fact', cell: (c) => <DueCell c={c} /> },
    ...(options.withCase === false
      ? []
      : [{ head: t('fields.case'), card: 'fact' as const, cell: (c: Commitment) => <CaseCell c={c} /> }]),
    { head: t('fields.institution'), card: 'fact', cell: (c) => c.institution.name },
    { head: t('fields.responsible'), card: 'fact', cell: responsibleOf },
    {
      head: t('fields.action'),
      card: 'title',
      cell: (c) => (
        <Text size="sm" fw={500} lineClamp={4}>
          {c.action}
        </Text>
      ),
    },
    ...(options.withConference === false
      ? []
      : [
          {
            head: t('fields.conference'),
            card: 'fact' as const,
            cell: (c: Commitment) => <ConferenceCell c={c} />,
          },
        ]),
    { head: t('fields.status'), card: 'badge', cell: (c) => <StatusCell c={c} /> },
    { head: '', card: 'action', nowrap: true, cell: report.button },
  ];
  return { columns, dialog: report.dialog };
}

/** The status filter of a list of commitments (overdue among them). */
export function StatusFilter({ lp }: { lp: ListParams }) {
  const { t } = useTranslation('commitments');
  return (
    <Select
      label={t('fields.status')}
      placeholder={t('page.anyStatus')}
      clearable
      data={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      value={lp.get('status')}
      onChange={(v) => lp.set('status', v)}
      w={{ base: '100%', sm: 170 }}
      data-testid="status-filter"
    />
  );
}

/** A list page's commitments: the table, its pages, and the report dialog. */
export function CommitmentsTable({
  list,
  withConference = true,
  testId = 'commitments',
}: {
  list: ListOf;
  /** Left out where the conference is the page's own. */
  withConference?: boolean;
  testId?: string;
}) {
  const { columns, dialog } = useCommitmentColumns({ withConference });
  return (
    <>
      <ListTable
        list={list}
        columns={columns}
        rowKey={(c) => c.id}
        minWidth={1000}
        plainTitle
        testId={testId}
      />
      {dialog()}
    </>
  );
}
