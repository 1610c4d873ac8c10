import { Alert, Anchor, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DownloadLink } from '../ui/DownloadLink';
import { ErrorAlert } from '../ui/errors';
import { PageLoader } from '../ui/PageLoader';
import { type CellParams, drillDownFileUrl, drillDownQuery } from './api';

/**
 * The cases behind one cell (leads, who may open those cases anyway): case code, name and stage,
 * each a link to the case, and the same list pseudonymised as a workbook. Every opening of the
 * list and every download is written to the audit log, which the dialog says.
 */
export function DrillDownDialog({
  query,
  name,
  onClose,
}: {
  query: CellParams;
  name: string;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation('reports');
  const cases = useQuery(drillDownQuery(query));
  return (
    <Modal opened onClose={onClose} title={t('drill.title', { name })} size="lg">
      <Stack gap="sm" data-testid="drill-down">
        <Alert color="gray" icon={<IconShieldCheck />}>
          {t('drill.audited')}
        </Alert>
        {cases.isPending ? (
          <PageLoader />
        ) : !cases.data ? (
          <ErrorAlert error={cases.error} />
        ) : (
          <>
            <Group justify="space-between" gap="sm">
              <Text size="sm">
                {cases.data.total > cases.data.cases.length
                  ? t('drill.someOf', { count: cases.data.cases.length, total: cases.data.total })
                  : t('drill.count', { count: cases.data.total })}
              </Text>
              <DownloadLink href={drillDownFileUrl(query, i18n.language)}>{t('drill.download')}</DownloadLink>
            </Group>
            {cases.data.cases.length > 0 && (
              <Table.ScrollContainer minWidth={300}>
                <Table striped verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('drill.case')}</Table.Th>
                      <Table.Th scope="col">{t('drill.name')}</Table.Th>
                      <Table.Th scope="col">{t('drill.stage')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {cases.data.cases.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/cases/${c.id}`}>
                            {c.caseCode}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{c.name}</Table.Td>
                        <Table.Td>{t(`enums.stage.${c.stage}`, { defaultValue: c.stage })}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}
