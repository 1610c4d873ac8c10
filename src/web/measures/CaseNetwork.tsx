import { Anchor, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseFile } from '../../contracts/casefile';
import { useRefreshCase } from '../casefile/api';
import { DataTable } from '../ui/DataTable';
import { formatDate, formatDateTime } from '../ui/format';
import { loadConferenceTexts } from '../ui/i18n';
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
        <DataTable
          items={file.network.involved}
          rowKey={(i) => i.institution.id}
          testId="involved"
          minWidth={560}
          striped={false}
          highlightOnHover={false}
          columns={[
            {
              head: t('network:network.institution'),
              card: 'title',
              cell: (i) => (
                <>
                  <Anchor component={Link} to={`/network/${i.institution.id}`} size="sm">
                    {i.institution.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {enumLabel(t, 'institutionType', i.institution.type)}
                  </Text>
                </>
              ),
            },
            {
              head: t('progress.roles'),
              card: 'fact',
              cell: (i) => i.roles.map((r) => enumLabel(t, 'involvedRole', r)).join(', '),
            },
            {
              head: t('progress.lastContact'),
              card: 'fact',
              cell: (i) =>
                i.lastContact ? (
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
                ),
            },
          ]}
        />
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
      <DataTable
        items={file.network.disclosures}
        rowKey={(d) => d.id}
        testId="disclosures"
        minWidth={560}
        striped={false}
        highlightOnHover={false}
        plainTitle
        columns={[
          { head: t('progress.disclosedAt'), card: 'fact', cell: (d) => formatDateTime(d.at) },
          { head: t('progress.recipient'), card: 'title', cell: (d) => <Text fw={500}>{d.recipient}</Text> },
          {
            head: t('casefile:case.fields.purposes'),
            card: 'fact',
            cell: (d) => enumLabel(t, 'purpose', d.purpose),
          },
          {
            head: t('casefile:case.fields.dataCategories'),
            card: 'fact',
            cell: (d) => d.dataCategories.map((c) => enumLabel(t, 'dataCategory', c)).join(', ') || '–',
          },
          { head: t('progress.by'), card: 'fact', cell: (d) => d.by ?? '–' },
        ]}
      />
    </Stack>
  );
}

/**
 * The case's conferences and commitments (the commitments domain): a chunk of its own with the
 * conference texts, which the case file does not otherwise need.
 */
const CaseConferences = lazy(async () => {
  const [module] = await Promise.all([import('../commitments/CaseConferences'), loadConferenceTexts()]);
  return { default: module.CaseConferences };
});

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
      <Suspense fallback={null}>
        <CaseConferences file={file} />
      </Suspense>
      <Disclosures file={file} />
    </Stack>
  );
}
