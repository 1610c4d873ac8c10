import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseFile } from '../../contracts/casefile';
import { useRefreshCase } from '../casefile/api';
import { formatDate, formatDateTime } from '../ui/format';
import { enumLabel } from '../ui/labels';
import { Acquisitions, Placements } from './CaseProgress';
import { Suggested } from './CaseSuggestions';

function Involved({ file }: { file: CaseFile }) {
  const { t } = useTranslation('measures');
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('progress.involved')}
      </Title>
      {file.network.involved.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('progress.noInvolved')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="involved">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('network:network.institution')}</Table.Th>
                <Table.Th>{t('progress.roles')}</Table.Th>
                <Table.Th>{t('progress.lastContact')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {file.network.involved.map((i) => (
                <Table.Tr key={i.institution.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/network/${i.institution.id}`} size="sm">
                      {i.institution.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {enumLabel(t, 'institutionType', i.institution.type)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{i.roles.map((r) => enumLabel(t, 'involvedRole', r)).join(', ')}</Table.Td>
                  <Table.Td>
                    {i.lastContact ? (
                      <>
                        <Text size="sm">
                          {formatDate(i.lastContact.on)}
                          {i.lastContact.topic ? ` · ${i.lastContact.topic}` : ''}
                        </Text>
                        {i.lastContact.result && (
                          <Text size="xs" c="dimmed">
                            {i.lastContact.result}
                          </Text>
                        )}
                      </>
                    ) : (
                      '–'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function Disclosures({ file }: { file: CaseFile }) {
  const { t } = useTranslation('measures');
  if (file.network.disclosures.length === 0) return null;
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('progress.disclosures')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('progress.disclosuresHelp')}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table data-testid="disclosures">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit:audit.when')}</Table.Th>
              <Table.Th>{t('progress.recipient')}</Table.Th>
              <Table.Th>{t('casefile:case.fields.purposes')}</Table.Th>
              <Table.Th>{t('casefile:case.fields.dataCategories')}</Table.Th>
              <Table.Th>{t('progress.by')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.network.disclosures.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{formatDateTime(d.at)}</Table.Td>
                <Table.Td>{d.recipient}</Table.Td>
                <Table.Td>{enumLabel(t, 'purpose', d.purpose)}</Table.Td>
                <Table.Td>
                  {d.dataCategories.map((c) => enumLabel(t, 'dataCategory', c)).join(', ') || '–'}
                </Table.Td>
                <Table.Td>{d.by ?? '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The case's measures and offers: suggestions with their reasons, what is under way, who is involved. */
export function CaseNetwork({ file }: { file: CaseFile }) {
  const readOnly = file.client.stage === 'closed';
  const refresh = useRefreshCase(file.client.id);
  return (
    <Stack gap="xl">
      <Acquisitions file={file} readOnly={readOnly} />
      <Placements file={file} readOnly={readOnly} />
      {!readOnly && <Suggested clientId={file.client.id} readOnly={readOnly} onAdded={refresh} />}
      <Involved file={file} />
      <Disclosures file={file} />
    </Stack>
  );
}
