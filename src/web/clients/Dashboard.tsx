import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { stages } from '../../contracts/clients';
import { followUpsQuery } from '../measures/api';
import { ErrorAlert } from '../ui/errors';
import { formatDate } from '../ui/format';
import { enumLabel } from '../ui/labels';
import { PageLoader } from '../ui/PageLoader';
import { dashboardQuery } from './api';

function Section({
  title,
  count,
  children,
  empty,
}: {
  title: string;
  count: number;
  children: React.ReactNode;
  empty: string;
}) {
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Badge color={count ? 'orange' : 'gray'}>{count}</Badge>
      </Group>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table verticalSpacing={4}>
            <Table.Tbody>{children}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
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
        <Section title={t('dashboard.steps')} count={d.steps.length} empty={t('dashboard.noSteps')}>
          {d.steps.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Badge color={s.overdue ? 'red' : 'gray'} variant={s.overdue ? 'filled' : 'light'}>
                  {formatDate(s.dueDate)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{s.text}</Text>
                <CaseLink id={s.clientId} code={s.caseCode} name={s.name} tab="plan" />
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {s.owner ?? s.ownerNote ?? ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Section>
        <Section
          title={t('dashboard.residence')}
          count={d.residence.length}
          empty={t('dashboard.noResidence')}
        >
          {d.residence.map((r) => (
            <Table.Tr key={r.clientId}>
              <Table.Td>
                <Badge color={r.expired ? 'red' : 'orange'}>{formatDate(r.validUntil)}</Badge>
              </Table.Td>
              <Table.Td>
                <CaseLink id={r.clientId} code={r.caseCode} name={r.name} />
              </Table.Td>
              <Table.Td>
                <Text size="xs">{r.legalBasis}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Section>
        <Section
          title={t('dashboard.decisions')}
          count={d.overdueDecisions.length}
          empty={t('dashboard.noDecisions')}
        >
          {d.overdueDecisions.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Badge color="red">{formatDate(p.dueOn)}</Badge>
              </Table.Td>
              <Table.Td>
                <CaseLink id={p.clientId} code={p.caseCode} name={p.name} tab="recognition" />
              </Table.Td>
              <Table.Td>
                <Text size="xs">{p.authority ?? ''}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Section>
        <Section
          title={t('dashboard.followUps')}
          count={followUps.data?.length ?? 0}
          empty={t('dashboard.noFollowUps')}
        >
          {(followUps.data ?? []).map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>
                <Badge color="orange" variant="light">
                  {formatDate(f.since)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {enumLabel(t, f.kind === 'measure' ? 'acquisitionStatus' : 'placementStatus', f.status)}:{' '}
                  {f.title}
                </Text>
                <CaseLink id={f.client.id} code={f.client.caseCode} name={f.client.name} tab="network" />
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {f.counterpart ?? ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Section>
        <Section title={t('dashboard.consents')} count={d.consents.length} empty={t('dashboard.noConsents')}>
          {d.consents.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Badge color="orange">{formatDate(c.validUntil)}</Badge>
              </Table.Td>
              <Table.Td>
                <CaseLink id={c.clientId} code={c.caseCode} name={c.name} tab="consent" />
              </Table.Td>
              <Table.Td>
                <Text size="xs">{c.purposes.map((p) => enumLabel(t, 'purpose', p)).join(', ')}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
