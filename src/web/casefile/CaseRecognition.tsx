import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CaseFile } from '../../contracts/casefile';
import {
  type ChecklistItem,
  documentKinds,
  procedureBody,
  type suspension,
} from '../../contracts/recognition';
import { typedDateProps } from '../ui/dates';
import { formValues } from '../ui/fields';
import { formatDate } from '../ui/format';
import { enumLabel, enumOptions } from '../ui/labels';
import { EntrySection } from './EntrySection';
import { procedureSpecs } from './specs';

/** A pause of the deadline as typed: its dates are empty until picked. */
type Pause = { [K in keyof z.infer<typeof suspension>]: z.infer<typeof suspension>[K] | null };

/** The parts of a procedure that are lists: the document checklist and the pauses of the deadline. */
function ProcedureExtras({
  form,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: the procedure form
  form: any;
}) {
  const { t, i18n } = useTranslation('casefile');
  const checklist: ChecklistItem[] = form.values.checklist ?? [];
  const pauses: Pause[] = form.values.suspensions ?? [];
  const setItem = (i: number, change: Partial<ChecklistItem>) =>
    form.setFieldValue(
      'checklist',
      checklist.map((c, j) => (j === i ? { ...c, ...change } : c)),
    );
  const setPause = (i: number, change: Partial<Pause>) =>
    form.setFieldValue(
      'suspensions',
      pauses.map((p, j) => (j === i ? { ...p, ...change } : p)),
    );
  return (
    <Stack>
      <Text fw={500} size="sm">
        {t('case.checklist')}
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('case.document')}</Table.Th>
              <Table.Th>{t('case.present')}</Table.Th>
              <Table.Th>{t('case.certifiedCopy')}</Table.Th>
              <Table.Th>{t('case.translated')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {checklist.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
              <Table.Tr key={i}>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Select
                      size="xs"
                      w={170}
                      data={enumOptions(t, 'documentKind', documentKinds)}
                      value={c.kind}
                      onChange={(v) => setItem(i, { kind: documentKinds.find((k) => k === v) ?? 'other' })}
                      aria-label={t('case.document')}
                    />
                    {c.kind === 'other' && (
                      <TextInput
                        size="xs"
                        value={c.label ?? ''}
                        onChange={(e) => setItem(i, { label: e.currentTarget.value })}
                        aria-label={t('case.label')}
                      />
                    )}
                  </Group>
                </Table.Td>
                {(['present', 'certifiedCopy', 'translated'] as const).map((k) => (
                  <Table.Td key={k}>
                    <Checkbox
                      checked={c[k]}
                      onChange={(e) => setItem(i, { [k]: e.currentTarget.checked })}
                      aria-label={t(`case.${k}`)}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('common.delete')}
                    onClick={() =>
                      form.setFieldValue(
                        'checklist',
                        checklist.filter((_, j) => j !== i),
                      )
                    }
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            form.setFieldValue('checklist', [
              ...checklist,
              { kind: 'certificate', label: null, present: false, certifiedCopy: false, translated: false },
            ])
          }
        >
          {t('case.addDocumentRow')}
        </Button>
        {checklist.length === 0 && (
          <Button
            size="xs"
            variant="subtle"
            onClick={() =>
              form.setFieldValue(
                'checklist',
                [
                  'application',
                  'cv',
                  'id',
                  'certificate',
                  'transcript',
                  'proof_of_experience',
                  'translation',
                ].map((kind) => ({
                  kind,
                  label: null,
                  present: false,
                  certifiedCopy: false,
                  translated: false,
                })),
              )
            }
          >
            {t('case.standardChecklist')}
          </Button>
        )}
      </Group>
      <Text fw={500} size="sm">
        {t('case.pauses')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('case.pausesHelp')}
      </Text>
      {pauses.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
        <Group key={i} align="flex-end" wrap="wrap">
          <DateInput
            label={t('case.from')}
            {...typedDateProps(i18n)}
            value={p.from}
            onChange={(v) => setPause(i, { from: v })}
            w={150}
            error={form.errors[`suspensions.${i}.from`]}
          />
          <DateInput
            label={t('case.until')}
            {...typedDateProps(i18n)}
            value={p.to}
            onChange={(v) => setPause(i, { to: v })}
            w={150}
            error={form.errors[`suspensions.${i}.to`] ?? form.errors.suspensions}
          />
          <TextInput
            label={t('case.reason')}
            value={p.reason ?? ''}
            onChange={(e) => setPause(i, { reason: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('common.delete')}
            onClick={() =>
              form.setFieldValue(
                'suspensions',
                pauses.filter((_, j) => j !== i),
              )
            }
            mb={4}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            form.setFieldValue('suspensions', [...pauses, { from: null, to: null, reason: null }])
          }
        >
          {t('case.addPause')}
        </Button>
      </Group>
    </Stack>
  );
}

export function CaseRecognition({ file }: { file: CaseFile }) {
  const { t } = useTranslation('casefile');
  const specs = procedureSpecs(file.qualifications);
  return (
    <EntrySection
      clientId={file.client.id}
      kind="procedures"
      title={t('case.procedures')}
      addLabel={t('case.addProcedure')}
      emptyText={t('case.noProcedures')}
      items={file.procedures}
      specs={specs}
      schema={procedureBody}
      modalSize="xl"
      toForm={(p) => ({
        ...formValues(specs, p ? { ...p, referenceOccupationId: p.referenceOccupation?.id ?? null } : null, {
          type: 'recognition',
          outcome: 'pending',
          extensionMonths: 0,
          accelerated: false,
        }),
        checklist: p?.checklist ?? [],
        suspensions: p?.suspensions ?? [],
      })}
      formExtra={(form) => <ProcedureExtras form={form} />}
      render={(p) => {
        const present = p.checklist.filter((c) => c.present).length;
        return (
          <Stack gap={4}>
            <Group gap="xs">
              <Badge variant="outline">{enumLabel(t, 'procedureType', p.type)}</Badge>
              <Text fw={500}>
                {p.referenceOccupation?.title ?? p.qualificationTitle ?? t('case.noOccupation')}
              </Text>
              <Badge
                color={
                  p.outcome === 'pending'
                    ? 'blue'
                    : ['full', 'equivalent', 'zab_comparable'].includes(p.outcome)
                      ? 'green'
                      : 'orange'
                }
              >
                {enumLabel(t, 'outcome', p.outcome)}
              </Badge>
              {p.overdue && <Badge color="red">{t('case.decisionOverdue')}</Badge>}
            </Group>
            {p.authorityName && <Text size="sm">{p.authorityName}</Text>}
            <Text size="sm" c="dimmed">
              {[
                p.submittedOn && `${t('case.fields.submittedOn')} ${formatDate(p.submittedOn)}`,
                p.documentsCompleteOn &&
                  `${t('case.fields.documentsCompleteOn')} ${formatDate(p.documentsCompleteOn)}`,
                p.decisionDueOn && !p.decidedOn && `${t('case.decisionDue')} ${formatDate(p.decisionDueOn)}`,
                p.decidedOn && `${t('case.fields.decidedOn')} ${formatDate(p.decidedOn)}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {p.substantialDifferences && (
              <Text size="sm">
                <b>{t('case.fields.substantialDifferences')}:</b> {p.substantialDifferences}
              </Text>
            )}
            {p.compensationMeasure && (
              <Text size="sm">
                <b>{t('case.fields.compensationMeasure')}:</b>{' '}
                {enumLabel(t, 'compensation', p.compensationMeasure)}
              </Text>
            )}
            {p.checklist.length > 0 && (
              <Text size="xs" c="dimmed">
                {t('case.checklistStatus', { present, total: p.checklist.length })}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}
