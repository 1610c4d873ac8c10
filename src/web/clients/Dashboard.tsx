import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { stages } from '../../contracts/clients';
import { followUpsQuery } from '../measures/api';
import { DataTable } from '../ui/DataTable';
import { ErrorAlert } from '../ui/errors';
import { formatDate } from '../ui/format';
import { enumLabel } from '../ui/labels';
import { Pager, useList } from '../ui/list';
import { PageLoader } from '../ui/PageLoader';
import { dashboardQuery, dueStepsQuery } from './api';

/** One card of the dashboard: its rows (a table, or cards on a phone) and below them its pages, if any. */
function Section<T>(p: {
  title: string;
  count: number;
  empty: string;
  items: T[];
  rowKey(item: T): string;
  /** Each line: the date as a badge, what and whose, and a note beside it. */
  date(item: T): ReactNode;
  what(item: T): ReactNode;
  note(item: T): ReactNode;
  testId?: string;
  footer?: ReactNode;
}) {
  return (
    <Card withBorder data-testid={p.testId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {p.title}
        </Title>
        <Badge color={p.count ? 'orange' : 'gray'}>{p.count}</Badge>
      </Group>
      {p.count === 0 ? (
        <Text size="sm" c="dimmed">
          {p.empty}
        </Text>
      ) : (
        <Stack gap="xs">
          <DataTable
            items={p.items}
            columns={[
              { head: '', nowrap: true, card: 'badge', cell: p.date },
              { head: '', card: 'title', cell: p.what },
              { head: '', card: 'badge', cell: p.note },
            ]}
            rowKey={p.rowKey}
            minWidth={360}
            verticalSpacing={4}
            striped={false}
            highlightOnHover={false}
            withHeads={false}
          />
          {p.footer}
        </Stack>
      )}
    </Card>
  );
}

const CaseLink = ({ id, code, name, tab }: { id: string; code: string; name: string; tab?: string }) => (
  <Anchor component={Link} to={`/cases/${id}${tab ? `?tab=${tab}` : ''}`} size="sm">
    {name}{' '}
    <Text span c="dimmed" size="xs">
      ({code})
    </Text>
  </Anchor>
);

/** The steps due soon or overdue, ten at a time (a lead's organisation can have hundreds). */
function DueSteps() {
  const { t } = useTranslation('clients');
  const steps = useList({ query: dueStepsQuery, pageSize: 10 });
  return (
    <Section
      title={t('dashboard.steps')}
      count={steps.data?.total ?? 0}
      empty={t('dashboard.noSteps')}
      items={steps.items}
      rowKey={(s) => s.id}
      testId="due-steps"
      footer={<Pager list={steps} />}
      date={(s) => (
        <Badge color={s.overdue ? 'red' : 'gray'} variant={s.overdue ? 'filled' : 'light'}>
          {formatDate(s.dueDate)}
        </Badge>
      )}
      what={(s) => (
        <>
          <Text size="sm">{s.text}</Text>
          <CaseLink id={s.clientId} code={s.caseCode} name={s.name} tab="plan" />
        </>
      )}
      note={(s) => (
        <Text size="xs" c="dimmed">
          {s.owner ?? s.ownerNote ?? ''}
        </Text>
      )}
    />
  );
}

/** What needs the counsellor's attention today. */
export function Dashboard() {
  const { t } = useTranslation('clients');
  const data = useQuery(dashboardQuery);
  const followUps = useQuery(followUpsQuery);
  if (data.isPending) return <PageLoader />;
  if (!data.data) return <ErrorAlert error={data.error} />;
  const d = data.data;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="xs">
        {stages.map((s) => (
          <Card key={s} withBorder padding="xs" component={Link} to={`/cases?stage=${s}`}>
            <Text size="xs" c="dimmed">
              {enumLabel(t, 'stage', s)}
            </Text>
            <Text fw={700} size="xl">
              {d.stages[s] ?? 0}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <DueSteps />
        <Section
          title={t('dashboard.residence')}
          count={d.residence.length}
          empty={t('dashboard.noResidence')}
          items={d.residence}
          rowKey={(r) => r.clientId}
          date={(r) => <Badge color={r.expired ? 'red' : 'orange'}>{formatDate(r.validUntil)}</Badge>}
          what={(r) => <CaseLink id={r.clientId} code={r.caseCode} name={r.name} />}
          note={(r) => <Text size="xs">{r.legalBasis}</Text>}
        />
        <Section
          title={t('dashboard.decisions')}
          count={d.overdueDecisions.length}
          empty={t('dashboard.noDecisions')}
          items={d.overdueDecisions}
          rowKey={(p) => p.id}
          date={(p) => <Badge color="red">{formatDate(p.dueOn)}</Badge>}
          what={(p) => <CaseLink id={p.clientId} code={p.caseCode} name={p.name} tab="recognition" />}
          note={(p) => <Text size="xs">{p.authority ?? ''}</Text>}
        />
        <Section
          title={t('dashboard.followUps')}
          count={followUps.data?.length ?? 0}
          empty={t('dashboard.noFollowUps')}
          items={followUps.data ?? []}
          rowKey={(f) => f.id}
          date={(f) => (
            <Badge color="orange" variant="light">
              {formatDate(f.since)}
            </Badge>
          )}
          what={(f) => (
            <>
              <Text size="sm">
                {enumLabel(t, f.kind === 'measure' ? 'acquisitionStatus' : 'placementStatus', f.status)}:{' '}
                {f.title}
              </Text>
              <CaseLink id={f.client.id} code={f.client.caseCode} name={f.client.name} tab="network" />
            </>
          )}
          note={(f) => (
            <Text size="xs" c="dimmed">
              {f.counterpart ?? ''}
            </Text>
          )}
        />
        <Section
          title={t('dashboard.consents')}
          count={d.consents.length}
          empty={t('dashboard.noConsents')}
          items={d.consents}
          rowKey={(c) => c.id}
          date={(c) => <Badge color="orange">{formatDate(c.validUntil)}</Badge>}
          what={(c) => <CaseLink id={c.clientId} code={c.caseCode} name={c.name} tab="consent" />}
          note={(c) => <Text size="xs">{c.purposes.map((p) => enumLabel(t, 'purpose', p)).join(', ')}</Text>}
        />
      </SimpleGrid>
    </Stack>
  );
}
