import { Button, Card, FileInput, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, notifySaved } from '../ui/errors';
import { PageHeader } from '../ui/PageHeader';
import { importOccupations, occupationCountsQuery, occupationKeys, occupationSearchQuery } from './api';

/** The reference occupations: what is loaded, a search, and loading the publisher's KldB or ESCO file. */
export function OccupationsPage() {
  const { t } = useTranslation('occupations');
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const counts = useQuery(occupationCountsQuery);
  const found = useQuery({ ...occupationSearchQuery(q, 50), enabled: q.length >= 2 });

  return (
    <Stack maw={1000}>
      <PageHeader title={t('occupations.title')} description={t('occupations.description')} />
      <Card withBorder>
        <Stack>
          <Group gap="xl">
            {['builtin', 'kldb2010', 'esco'].map((s) => (
              <div key={s}>
                <Text size="xs" c="dimmed">
                  {t(`occupations.schemes.${s}`)}
                </Text>
                <Text fw={700} size="lg">
                  {counts.data?.[s] ?? 0}
                </Text>
              </div>
            ))}
          </Group>
          <ErrorAlert error={error} />
          <Group align="flex-end">
            <FileInput
              label={t('occupations.file')}
              description={t('occupations.fileHelp')}
              accept=".csv"
              value={file}
              onChange={setFile}
              w={{ base: '100%', sm: 380 }}
            />
            <Button
              disabled={!file}
              loading={busy}
              onClick={async () => {
                setBusy(true);
                setError(null);
                try {
                  if (!file) return;
                  const r = await importOccupations(file);
                  notifySaved(
                    t,
                    t('occupations.imported', {
                      count: r.imported,
                      scheme: t(`occupations.schemes.${r.scheme}`),
                    }),
                  );
                  setFile(null);
                  await queryClient.invalidateQueries({ queryKey: occupationKeys.counts });
                } catch (e) {
                  setError(e);
                } finally {
                  setBusy(false);
                }
              }}
            >
              {t('occupations.load')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('occupations.attribution')}
          </Text>
        </Stack>
      </Card>
      <TextInput
        label={t('occupations.search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={{ base: '100%', sm: 380 }}
      />
      {found.data && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('occupations.titleColumn')}</Table.Th>
              <Table.Th>{t('occupations.scheme')}</Table.Th>
              <Table.Th>{t('occupations.code')}</Table.Th>
              <Table.Th>{t('occupations.level')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {found.data.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{o.title}</Table.Td>
                <Table.Td>{t(`occupations.schemes.${o.scheme}`)}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>
                  {o.scheme === 'esco' ? `ISCO ${o.iscoGroup ?? ''}` : o.code}
                </Table.Td>
                <Table.Td>{o.level ? t(`occupations.levels.${o.level}`) : '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
