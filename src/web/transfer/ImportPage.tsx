import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
} from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportCheck, ImportMapping, ImportUpload } from '../../contracts/transfer';
import { importFields } from '../../contracts/transfer';
import { caseKeys } from '../clients/api';
import { DuplicateCandidateText } from '../clients/DuplicateCandidateText';
import { ErrorAlert } from '../ui/errors';
import { PageHeader } from '../ui/PageHeader';
import { checkCaseImport, commitCaseImport, uploadCaseSheet } from './api';

const steps = ['stepUpload', 'stepMap', 'stepCheck', 'stepDone'] as const;

/** Upload → map the columns → dry run with every row's problems → import all or nothing. */
export function ImportPage() {
  const { t } = useTranslation('transfer');
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<ImportUpload | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [checked, setChecked] = useState<ImportCheck | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const step = imported !== null ? 3 : checked ? 2 : uploaded ? 1 : 0;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const columnOptions = (uploaded?.columns ?? []).map((c, i) => ({
    value: String(i),
    label: `${c || `#${i + 1}`}`,
  }));

  return (
    <Stack maw={1100}>
      <PageHeader title={t('import.title')} description={t('import.description')} />
      {/* Four labelled steps do not fit beside each other on a phone: there, the step in words. */}
      <Stepper active={step} size="sm" visibleFrom="sm">
        {steps.map((key) => (
          <Stepper.Step key={key} label={t(`import.${key}`)} />
        ))}
      </Stepper>
      <Text size="sm" fw={600} hiddenFrom="sm">
        {t('import.stepOf', {
          n: Math.min(step + 1, steps.length),
          total: steps.length,
          name: t(`import.${steps[Math.min(step, steps.length - 1)]}`),
        })}
      </Text>
      <ErrorAlert error={error} />

      {step === 0 && (
        <Card withBorder>
          <Group align="flex-end">
            <FileInput
              label={t('import.file')}
              description={t('import.fileHelp')}
              accept=".csv,.xlsx,.txt"
              value={file}
              onChange={setFile}
              w={{ base: '100%', sm: 360 }}
            />
            <Button
              leftSection={<IconFileImport size={16} />}
              disabled={!file}
              loading={busy}
              onClick={() =>
                run(async () => {
                  if (!file) return;
                  const u = await uploadCaseSheet(file);
                  setUploaded(u);
                  setMapping(u.suggestedMapping);
                })
              }
            >
              {t('import.upload')}
            </Button>
          </Group>
        </Card>
      )}

      {uploaded && imported === null && (
        <Card withBorder>
          <Stack>
            <Text size="sm">{t('import.rows', { count: uploaded.rowCount, file: uploaded.filename })}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {importFields.map((f) => (
                <Select
                  key={f}
                  label={t(`casefile:case.fields.${f}`)}
                  placeholder={t('import.notImported')}
                  clearable
                  data={columnOptions}
                  value={mapping[f] === undefined ? null : String(mapping[f])}
                  onChange={(v) => {
                    setChecked(null);
                    setMapping((m) => {
                      const next = { ...m };
                      if (v === null) delete next[f];
                      else next[f] = Number(v);
                      return next;
                    });
                  }}
                  required={f === 'familyName' || f === 'givenNames'}
                />
              ))}
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('import.intakeDefault')}
            </Text>
            <Table.ScrollContainer minWidth={600}>
              <Table withTableBorder fz="xs">
                <Table.Thead>
                  <Table.Tr>
                    {uploaded.columns.map((c, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                      <Table.Th key={i}>{c}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {uploaded.sample.map((r, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
                    <Table.Tr key={i}>
                      {r.map((v, j) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                        <Table.Td key={j}>{v}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group>
              <Button
                variant="default"
                loading={busy}
                onClick={() => run(async () => setChecked(await checkCaseImport(uploaded.id, mapping)))}
              >
                {t('import.check')}
              </Button>
              {checked && (
                <Button
                  disabled={!checked.canCommit}
                  loading={busy}
                  onClick={() =>
                    run(async () => {
                      const r = await commitCaseImport(uploaded.id, mapping);
                      setImported(r.imported);
                      await queryClient.invalidateQueries({ queryKey: caseKeys.lists });
                    })
                  }
                >
                  {t('import.commit', { count: checked.validCount })}
                </Button>
              )}
            </Group>
          </Stack>
        </Card>
      )}

      {checked && imported === null && (
        <Card withBorder data-testid="import-check">
          <Stack>
            <Group>
              <Badge color="green">{t('import.valid', { count: checked.validCount })}</Badge>
              <Badge color={checked.errorRows ? 'red' : 'gray'}>
                {t('import.errorRows', { count: checked.errorRows })}
              </Badge>
            </Group>
            {!checked.canCommit && <Alert color="red">{t('import.fixFirst')}</Alert>}
            {checked.problems.length > 0 && (
              // No sideways scrolling: the problem is the column that matters, so it takes the room and wraps.
              <Table fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('import.row')}</Table.Th>
                    <Table.Th>{t('import.field')}</Table.Th>
                    <Table.Th>{t('import.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {checked.problems.map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: problems are positional
                    <Table.Tr key={i}>
                      <Table.Td>{p.row}</Table.Td>
                      <Table.Td>
                        {t(`casefile:case.fields.${p.field.split('.')[0]}`, { defaultValue: p.field })}
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        <Badge size="xs" color={p.severity === 'error' ? 'red' : 'orange'} mr="xs">
                          {t(`import.${p.severity}`)}
                        </Badge>
                        {/* A case already in Lotse, worded as at intake: of a colleague's only whom to ask. */}
                        {p.duplicate ? (
                          <>
                            {t('import.alreadyInLotse')} <DuplicateCandidateText candidate={p.duplicate} />
                          </>
                        ) : (
                          p.message
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Card>
      )}

      {imported !== null && (
        <Alert color="green" title={t('import.done', { count: imported })}>
          <Button component={Link} to="/cases" mt="sm">
            {t('clients:cases.title')}
          </Button>
        </Alert>
      )}
    </Stack>
  );
}
