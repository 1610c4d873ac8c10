import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConferenceReport, commitmentStates } from '../../../contracts/conference-report';
import { type Column, DataTable } from '../../ui/DataTable';
import { formatDate } from '../../ui/format';
import { StatusBadge } from '../badges';
import { CommitmentChart } from './CommitmentChart';

type Row<K extends keyof ConferenceReport> = ConferenceReport[K] extends (infer R)[] ? R : never;

const fact = <T,>(head: string, cell: (x: T) => ReactNode): Column<T> => ({ head, card: 'fact', cell });

interface TableProps<T> {
  title: string;
  testId: string;
  items: T[];
  rowKey(x: T): string;
  minWidth: number;
  /** The first column: what a row is about (the title of its card on a phone). */
  name: [head: string, cell: (x: T) => string];
  columns: Column<T>[];
  /** Shown above the table (the chart). */
  before?: ReactNode;
}

/** A section of the report: its heading and its table, a card per row on a phone, or "none". */
function Section<T>(p: TableProps<T>) {
  const { t } = useTranslation('conferences');
  const [head, name] = p.name;
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h4">
        {p.title}
      </Title>
      {p.items.length === 0 ? (
        <Text c="dimmed">{t('report.none')}</Text>
      ) : (
        <>
          {p.before}
          <DataTable
            items={p.items}
            rowKey={p.rowKey}
            minWidth={p.minWidth}
            plainTitle
            testId={p.testId}
            columns={[{ head, card: 'title', cell: (x) => <Text fw={500}>{name(x)}</Text> }, ...p.columns]}
          />
        </>
      )}
    </Stack>
  );
}

/** The report's tables: its conferences (of a period), commitments with their chart, cases, pathways. */
export function ReportTables({ report: r }: { report: ConferenceReport }) {
  const { t } = useTranslation('conferences');
  const c = r.totals.commitments;
  const institution = t('report.columns.institution');
  return (
    <>
      {r.scope.kind !== 'conference' && (
        <Section
          title={t('report.sections.conferences')}
          testId="report-conferences"
          items={r.conferences}
          rowKey={(x) => x.id}
          minWidth={640}
          name={[t('report.columns.conference'), (x) => x.title]}
          columns={[
            {
              ...fact<Row<'conferences'>>(t('report.columns.date'), (x) => formatDate(x.startsAt)),
              nowrap: true,
            },
            {
              head: t('report.columns.status'),
              card: 'badge',
              cell: (x) => <StatusBadge status={x.status} />,
            },
            fact<Row<'conferences'>>(t('report.figures.casesDiscussed'), (x) => x.casesDiscussed),
            fact<Row<'conferences'>>(t('report.figures.casesMovedOn'), (x) => x.casesMovedOn),
            fact<Row<'conferences'>>(t('report.figures.made'), (x) => x.commitmentsMade),
          ]}
        />
      )}
      <Section
        title={t('report.sections.commitments')}
        testId="report-commitments"
        // The total as a last row, when there is anything to add up.
        items={
          r.commitmentsByInstitution.length
            ? [
                ...r.commitmentsByInstitution,
                { ...c, institution: { id: 'total', name: t('report.columns.total') } },
              ]
            : []
        }
        rowKey={(x) => x.institution.id}
        minWidth={760}
        name={[institution, (x) => x.institution.name]}
        before={<CommitmentChart rows={r.commitmentsByInstitution} totals={c} />}
        columns={[
          fact<Row<'commitmentsByInstitution'>>(t('report.figures.made'), (x) => x.made),
          ...commitmentStates.map((s) =>
            fact<Row<'commitmentsByInstitution'>>(t(`report.states.${s}`), (x) => x[s]),
          ),
        ]}
      />
      <Section
        title={t('report.sections.cases')}
        testId="report-cases"
        items={r.casesByInstitution}
        rowKey={(x) => x.institution.id}
        minWidth={480}
        name={[institution, (x) => x.institution.name]}
        columns={[
          fact<Row<'casesByInstitution'>>(t('report.figures.casesDiscussed'), (x) => x.casesDiscussed),
          fact<Row<'casesByInstitution'>>(t('report.figures.casesMovedOn'), (x) => x.casesMovedOn),
        ]}
      />
      <Section
        title={t('report.sections.pathways')}
        testId="report-pathways"
        items={r.pathways}
        rowKey={(x) => x.id}
        minWidth={760}
        name={[t('report.columns.pathway'), (x) => x.title]}
        columns={[
          fact<Row<'pathways'>>(t('report.columns.occupationGroup'), (x) => x.occupationGroup),
          fact<Row<'pathways'>>(t('report.columns.adoptedAt'), (x) =>
            x.adoptedAt ? `${x.adoptedAt.title} (${formatDate(x.adoptedAt.startsAt)})` : '–',
          ),
          fact<Row<'pathways'>>(t('report.columns.casesFollowing'), (x) => x.casesFollowing),
          {
            ...fact<Row<'pathways'>>(t('report.columns.steps'), (x) =>
              t('report.columns.stepsOf', { done: x.stepsDone, total: x.stepsTotal }),
            ),
            nowrap: true,
          },
          fact<Row<'pathways'>>(t('report.columns.casesCompleted'), (x) => x.casesCompleted),
        ]}
      />
    </>
  );
}
