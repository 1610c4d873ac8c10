import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconBriefcase, IconRefresh, IconSchool } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseFile } from '../../contracts/casefile';
import {
  type Acquisition,
  acquisitionFlow,
  allowedStatuses,
  fundingTypes,
  type Measure,
  type Opportunity,
  type Placement,
  placementFlow,
  type Suggestions,
} from '../../contracts/network';
import { ApiError, get, patch, post, query } from '../app/api';
import { type Reason, Reasons } from '../network/Reasons';
import { ErrorAlert, notifyError, notifySaved } from '../ui/errors';
import { FormModal } from '../ui/FormModal';
import type { FieldSpec } from '../ui/fields';
import { formatDate, formatDateTime, formatMoney } from '../ui/format';
import { enumLabel } from '../ui/labels';
import { SearchSelect } from '../ui/pickers';
import { useRefreshCase } from './api';

const measureLine = (t: TFunction, m: Measure) =>
  [
    enumLabel(t, 'measureType', m.type),
    m.provider?.name,
    m.online ? t('measures.online') : m.place,
    m.startDates[0] && t('measures.nextStart', { date: formatDate(m.startDates[0]) }),
  ]
    .filter(Boolean)
    .join(' · ');

const opportunityLine = (t: TFunction, o: Opportunity) =>
  [
    enumLabel(t, 'opportunityKind', o.kind),
    o.employer.name,
    o.district && enumLabel(t, 'district', o.district),
    o.startDate && t('offers.from', { date: formatDate(o.startDate) }),
  ]
    .filter(Boolean)
    .join(' · ');

interface SuggestionItem {
  id: string;
  title: string;
  line: string;
  reasons: Reason[];
  warnings: Reason[];
  add(): void;
}

/** One column of suggestions: what it is, why it fits, and the button that takes it up. */
function SuggestionList(p: {
  testId: string;
  icon: ReactNode;
  title: string;
  empty: string;
  action: string | null;
  busy: string | null;
  items: SuggestionItem[];
}) {
  return (
    <Stack gap="xs" data-testid={p.testId}>
      <Text fw={600}>
        {p.icon} {p.title}
      </Text>
      {p.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {p.empty}
        </Text>
      )}
      {p.items.map((s) => (
        <Paper key={s.id} withBorder p="xs">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text fw={500}>{s.title}</Text>
              <Text size="xs" c="dimmed">
                {s.line}
              </Text>
              <Reasons reasons={s.reasons} warnings={s.warnings} />
            </div>
            {p.action && (
              <Button
                size="xs"
                variant="light"
                style={{ flexShrink: 0 }}
                loading={p.busy === s.id}
                onClick={s.add}
              >
                {p.action}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function Suggested({
  clientId,
  readOnly,
  onAdded,
}: {
  clientId: string;
  readOnly: boolean;
  onAdded(): Promise<void>;
}) {
  const { t } = useTranslation();
  const suggestions = useQuery({
    queryKey: ['suggestions', clientId],
    queryFn: () => get<Suggestions>(`/api/clients/${clientId}/suggestions`),
    staleTime: 30_000,
  });
  const [busy, setBusy] = useState<string | null>(null);
  const add = async (path: string, body: Record<string, string>, key: string) => {
    setBusy(key);
    try {
      await post(`/api/clients/${clientId}/${path}`, body);
      notifySaved(t);
      await onAdded();
      await suggestions.refetch();
    } catch (e) {
      notifyError(t, e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('match.title')}
        </Title>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconRefresh size={14} />}
          onClick={() => suggestions.refetch()}
          loading={suggestions.isFetching}
        >
          {t('match.refresh')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('match.help')}
      </Text>
      <ErrorAlert error={suggestions.error} />
      {suggestions.isPending ? (
        <Loader size="sm" />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <SuggestionList
            testId="suggested-measures"
            icon={<IconSchool size={16} style={{ verticalAlign: 'text-bottom' }} />}
            title={t('match.measures')}
            empty={t('match.noMeasures')}
            action={readOnly ? null : t('match.propose')}
            busy={busy}
            items={(suggestions.data?.measures ?? []).map((s) => ({
              ...s,
              id: s.measure.id,
              title: s.measure.title,
              line: measureLine(t, s.measure),
              add: () => add('measures', { measureId: s.measure.id }, s.measure.id),
            }))}
          />
          <SuggestionList
            testId="suggested-offers"
            icon={<IconBriefcase size={16} style={{ verticalAlign: 'text-bottom' }} />}
            title={t('match.offers')}
            empty={t('match.noOffers')}
            action={readOnly ? null : t('match.suggest')}
            busy={busy}
            items={(suggestions.data?.opportunities ?? []).map((s) => ({
              ...s,
              id: s.opportunity.id,
              title: s.opportunity.title,
              line: opportunityLine(t, s.opportunity),
              add: () => add('opportunities', { opportunityId: s.opportunity.id }, s.opportunity.id),
            }))}
          />
        </SimpleGrid>
      )}
      {!readOnly && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <SearchSelect
            label={t('match.otherMeasure')}
            cacheKey="measures"
            value={null}
            find={async (q) =>
              (await get<{ items: Measure[] }>(`/api/measures${query({ q, limit: 30 })}`)).items.map((m) => ({
                value: m.id,
                label: `${m.title} · ${measureLine(t, m)}`,
              }))
            }
            onChange={(v) => v && add('measures', { measureId: v }, v)}
          />
          <SearchSelect
            label={t('match.otherOffer')}
            cacheKey="offers"
            value={null}
            find={async (q) =>
              (
                await get<{ items: Opportunity[] }>(
                  `/api/opportunities${query({ q, status: 'open', limit: 30 })}`,
                )
              ).items.map((o) => ({ value: o.id, label: `${o.title} · ${opportunityLine(t, o)}` }))
            }
            onChange={(v) => v && add('opportunities', { opportunityId: v }, v)}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}

const field = (name: string, kind: FieldSpec['kind'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  kind,
  label: `progress.fields.${name}`,
  ...extra,
});

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
  const { t } = useTranslation();
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

function Acquisitions({ file, readOnly }: { file: CaseFile; readOnly: boolean }) {
  const { t } = useTranslation();
  const refresh = useRefreshCase(file.client.id);
  const [editing, setEditing] = useState<Acquisition | null>(null);
  const specs = (a: Acquisition): FieldSpec[] => [
    field('status', 'select', {
      enumGroup: 'acquisitionStatus',
      values: allowedStatuses(acquisitionFlow, a.status),
      required: true,
    }),
    field('fundingType', 'select', {
      enumGroup: 'fundingType',
      values: fundingTypes,
      help: 'progress.fundingHelp',
    }),
    field('funderId', 'institution', {
      values: ['job_centre', 'employment_agency', 'chamber_ihk', 'chamber_hwk', 'company', 'other'],
      known: () => (a.funder ? [{ value: a.funder.id, label: a.funder.name }] : []),
    }),
    field('amount', 'number', { min: 0, max: 1_000_000 }),
    field('startDate', 'date'),
    field('endDate', 'date'),
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
          known={editing as unknown as Record<string, unknown>}
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
            await patch(`/api/clients/${file.client.id}/measures/${editing.id}`, {
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

function Placements({ file, readOnly }: { file: CaseFile; readOnly: boolean }) {
  const { t } = useTranslation();
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
              help: 'progress.introduceHelp',
            }),
            field('employerFeedback', 'textarea', { wide: true }),
          ]}
          initial={{ status: editing.status, employerFeedback: editing.employerFeedback ?? '' }}
          save={async (v) => {
            try {
              await patch(`/api/clients/${file.client.id}/opportunities/${editing.id}`, {
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

function Involved({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
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
                <Table.Th>{t('network.institution')}</Table.Th>
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
  const { t } = useTranslation();
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
              <Table.Th>{t('audit.when')}</Table.Th>
              <Table.Th>{t('progress.recipient')}</Table.Th>
              <Table.Th>{t('case.fields.purposes')}</Table.Th>
              <Table.Th>{t('case.fields.dataCategories')}</Table.Th>
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
