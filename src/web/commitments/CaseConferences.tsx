import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseFile } from '../../contracts/casefile';
import { useRefreshCase } from '../casefile/api';
import { DataTable } from '../ui/DataTable';
import { formatDate } from '../ui/format';
import { useCommitmentColumns } from './CommitmentsTable';

type Nomination = CaseFile['conferences']['nominations'][number];
type Decision = CaseFile['conferences']['decisions'][number];

function NominationCard({ n, decisions }: { n: Nomination; decisions: Decision[] }) {
  const { t } = useTranslation('commitments');
  return (
    <Paper withBorder p="sm" component="li">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/conferences/${n.conference.id}`} fw={500}>
            {n.conference.title}
          </Anchor>
          <Badge variant="light" color="gray">
            {t(`conferences:conferences.status.${n.conference.status}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {formatDate(n.conference.startsAt)} · {t('case.nominated', { date: formatDate(n.nominatedAt) })} ·{' '}
          {n.discussedAt ? t('case.discussed', { date: formatDate(n.discussedAt) }) : t('case.notDiscussed')}
        </Text>
        <Text size="sm">
          <Text span fw={500}>
            {t('case.question')}:
          </Text>{' '}
          {n.question}
        </Text>
        {decisions.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('case.decisions')}
            </Text>
            {decisions.map((d) => (
              <Text key={d.id} size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="decision">
                {d.text}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The case file's conference card: where the case was put before a conference (its question,
 * whether it was discussed, the decisions taken on it) and the commitments made for it, which can
 * be reported from here. Loaded with the conference texts, apart from the case file's chunk.
 */
export function CaseConferences({ file }: { file: CaseFile }) {
  const { t } = useTranslation('commitments');
  const refresh = useRefreshCase(file.client.id);
  const { columns, dialog } = useCommitmentColumns({ withCase: false });
  const { nominations, decisions, commitments } = file.conferences;
  return (
    <Stack gap="sm" data-testid="case-conferences">
      <Title order={3} size="h4">
        {t('case.title')}
      </Title>
      {nominations.length === 0 && commitments.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('case.none')}
        </Text>
      )}
      {nominations.length > 0 && (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {nominations.map((n) => (
            <NominationCard key={n.id} n={n} decisions={decisions.filter((d) => d.nominationId === n.id)} />
          ))}
        </Stack>
      )}
      {commitments.length > 0 && (
        <>
          <Title order={4} size="h5">
            {t('case.commitments')}
          </Title>
          <DataTable
            items={commitments}
            columns={columns}
            rowKey={(c) => c.id}
            minWidth={900}
            plainTitle
            striped={false}
            highlightOnHover={false}
            testId="case-commitments"
          />
        </>
      )}
      {dialog(refresh)}
    </Stack>
  );
}
