import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseFile } from '../../contracts/casefile';
import {
  type Acquisition,
  acquisitionFlow,
  allowedStatuses,
  fundingTypes,
  type Placement,
  placementFlow,
} from '../../contracts/measures';
import { useRefreshCase } from '../casefile/api';
import { ApiError } from '../lib/http';
import { FormModal } from '../ui/FormModal';
import { type FieldSpec, specField } from '../ui/fields';
import { formatDate, formatMoney } from '../ui/format';
import { enumLabel } from '../ui/labels';
import { changeAcquisition, changePlacement } from './api';

const field = specField('measures:progress.fields');

const statusColor = (s: string) =>
  ['completed', 'started'].includes(s)
    ? 'green'
    : ['dropped', 'rejected', 'declined'].includes(s)
      ? 'gray'
      : 'blue';

/**
 * Measures acquired or offers pursued: each with its status, what goes with it, its path so far
 * and the button to the next step while the status is not final.
 */
function ProgressList<
  T extends { id: string; status: string; history: { status: string; at: string }[] },
>(p: {
  title: string;
  empty: string;
  testId: string;
  group: string;
  items: T[];
  name(item: T): string;
  details(item: T): ReactNode;
  canMove(item: T): boolean;
  onMove(item: T): void;
}) {
  const { t } = useTranslation('measures');
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {p.title}
      </Title>
      {p.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {p.empty}
        </Text>
      )}
      {p.items.map((item) => (
        <Paper key={item.id} withBorder p="sm" data-testid={p.testId}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
              <Group gap="xs">
                <Text fw={500}>{p.name(item)}</Text>
                <Badge color={statusColor(item.status)} data-testid={`${p.testId}-status`}>
                  {enumLabel(t, p.group, item.status)}
                </Badge>
              </Group>
              {p.details(item)}
              <Text size="xs" c="dimmed">
                {item.history
                  .map((h) => `${enumLabel(t, p.group, h.status)} ${formatDate(h.at)}`)
                  .join(' → ')}
              </Text>
            </Stack>
            {p.canMove(item) && (
              <Button size="xs" variant="light" style={{ flexShrink: 0 }} onClick={() => p.onMove(item)}>
                {t('progress.update')}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

export function Acquisitions({ file, readOnly }: { file: CaseFile; readOnly: boolean }) {
  const { t } = useTranslation('measures');
  const refresh = useRefreshCase(file.client.id);
  const [editing, setEditing] = useState<Acquisition | null>(null);
  const specs = (a: Acquisition): FieldSpec<Acquisition>[] => [
    field('status', 'select', {
      enumGroup: 'acquisitionStatus',
      values: allowedStatuses(acquisitionFlow, a.status),
      required: true,
    }),
    field('fundingType', 'select', {
      enumGroup: 'fundingType',
      values: fundingTypes,
      help: 'measures:progress.fundingHelp',
    }),
    field('funderId', 'institution', {
      values: ['job_centre', 'employment_agency', 'chamber_ihk', 'chamber_hwk', 'company', 'other'],
      known: () => (a.funder ? [{ value: a.funder.id, label: a.funder.name }] : []),
    }),
    field('amount', 'number', { min: 0, max: 1_000_000 }),
    field('startDate', 'date', { dates: 'event' }),
    field('endDate', 'date', { dates: 'event' }),
    field('outcomeNote', 'textarea', { wide: true }),
  ];
  return (
    <>
      <ProgressList<Acquisition>
        title={t('progress.measures')}
        empty={t('progress.noMeasures')}
        testId="acquisition"
        group="acquisitionStatus"
        items={file.network.acquisitions}
        name={(a) => a.measure.title}
        canMove={(a) => !readOnly && !acquisitionFlow.finals.includes(a.status)}
        onMove={setEditing}
        details={(a) => (
          <>
            <Text size="sm" c="dimmed">
              {[enumLabel(t, 'measureType', a.measure.type), a.measure.provider].filter(Boolean).join(' · ')}
            </Text>
            {(a.fundingType || a.funder || a.amountCents !== null) && (
              <Text size="sm">
                {[
                  a.fundingType && enumLabel(t, 'fundingType', a.fundingType),
                  a.funder?.name,
                  a.amountCents !== null && formatMoney(a.amountCents),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            )}
            {(a.startDate || a.endDate) && (
              <Text size="sm">
                {formatDate(a.startDate)} – {formatDate(a.endDate)}
              </Text>
            )}
            {a.outcomeNote && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {a.outcomeNote}
              </Text>
            )}
          </>
        )}
      />
      {editing && (
        <FormModal
          title={editing.measure.title}
          specs={specs(editing)}
          known={editing}
          initial={{
            status: editing.status,
            fundingType: editing.fundingType,
            funderId: editing.funder?.id ?? null,
            amount: editing.amountCents === null ? null : editing.amountCents / 100,
            startDate: editing.startDate,
            endDate: editing.endDate,
            outcomeNote: editing.outcomeNote ?? '',
          }}
          save={async ({ amount, ...v }) => {
            await changeAcquisition(file.client.id, editing.id, {
              ...v,
              amountCents: amount === null || amount === undefined ? null : Math.round(Number(amount) * 100),
              version: editing.version,
            });
            await refresh();
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

export function Placements({ file, readOnly }: { file: CaseFile; readOnly: boolean }) {
  const { t } = useTranslation('measures');
  const refresh = useRefreshCase(file.client.id);
  const [editing, setEditing] = useState<Placement | null>(null);
  return (
    <>
      <ProgressList<Placement>
        title={t('progress.offers')}
        empty={t('progress.noOffers')}
        testId="placement"
        group="placementStatus"
        items={file.network.placements}
        name={(p) => p.opportunity.title}
        canMove={(p) => !readOnly && !placementFlow.finals.includes(p.status)}
        onMove={setEditing}
        details={(p) => (
          <>
            <Text size="sm" c="dimmed">
              {enumLabel(t, 'opportunityKind', p.opportunity.kind)} ·{' '}
              <Anchor component={Link} to={`/network/${p.opportunity.employer.id}`} size="sm">
                {p.opportunity.employer.name}
              </Anchor>
            </Text>
            {p.employerFeedback && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('progress.fields.employerFeedback')}: {p.employerFeedback}
              </Text>
            )}
          </>
        )}
      />
      {editing && (
        <FormModal
          title={`${editing.opportunity.title} – ${editing.opportunity.employer.name}`}
          specs={[
            field('status', 'select', {
              enumGroup: 'placementStatus',
              values: allowedStatuses(placementFlow, editing.status),
              required: true,
              help: 'measures:progress.introduceHelp',
            }),
            field('employerFeedback', 'textarea', { wide: true }),
          ]}
          initial={{ status: editing.status, employerFeedback: editing.employerFeedback ?? '' }}
          save={async (v) => {
            try {
              await changePlacement(file.client.id, editing.id, {
                ...v,
                version: editing.version,
              });
            } finally {
              await refresh();
            }
          }}
          onClose={() => setEditing(null)}
        >
          {(error) =>
            error instanceof ApiError &&
            error.code === 'consent_required' && (
              <Alert color="blue" variant="light">
                {t('progress.consentHint')}
              </Alert>
            )
          }
        </FormModal>
      )}
    </>
  );
}
