import { Anchor, Badge, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { PartnerActivityEntry } from '../../contracts/partners';
import { useCan } from '../auth/session';
import { DateRangeFilter } from '../ui/DateRangeFilter';
import { ErrorAlert } from '../ui/errors';
import { formatDateTime } from '../ui/format';
import { enumLabel } from '../ui/labels';
import { ListFilters, ListTable, useList } from '../ui/list';
import { PageHeader } from '../ui/PageHeader';
import { partnerActivityQuery, partnerInstitutionsQuery } from './api';

const periodOf = (get: (key: string) => string | null) => ({ from: get('from'), to: get('to') });

/** What happened, in words: the audit log's name of a read, or the purpose of what was received. */
function whatOf(t: TFunction, e: PartnerActivityEntry) {
  if (e.kind === 'read') return t(`audit:auditActions.${e.action}`, { defaultValue: e.action });
  return t(`activity.purposes.${e.action}`, { defaultValue: enumLabel(t, 'purpose', e.action) });
}

/** The institution whose activity is shown: those with partner accounts or disclosures, and the one of the address. */
function InstitutionPicker({ current }: { current?: { id: string; name: string } | undefined }) {
  const { t } = useTranslation('partners');
  const navigate = useNavigate();
  const { institutionId } = useParams();
  const { search } = useLocation();
  const canOpenNetwork = useCan('network.work');
  const institutions = useQuery(partnerInstitutionsQuery);
  const options = (institutions.data ?? []).map((i) => ({ value: i.id, label: i.name }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.name });
  return (
    <>
      <ErrorAlert error={institutions.error} />
      <Group align="flex-end" gap="sm">
        <Select
          label={t('activity.institution')}
          description={t('activity.pickHelp')}
          placeholder={t('activity.pick')}
          searchable
          data={options}
          value={institutionId ?? null}
          onChange={(v) => v && navigate(`/partners/activity/${v}${search}`)}
          w={{ base: '100%', sm: 360 }}
          data-testid="activity-institution"
        />
        {current && canOpenNetwork && (
          <Anchor component={Link} to={`/network/${current.id}`} size="sm" pb={8}>
            {t('activity.openInNetwork')}
          </Anchor>
        )}
      </Group>
      {institutions.data?.length === 0 && !institutionId && (
        <Text c="dimmed">{t('activity.noInstitutions')}</Text>
      )}
    </>
  );
}

/** The entries of one institution, newest first, in the period of the address (reading them is audited). */
function InstitutionActivity({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation('partners');
  const list = useList({ query: partnerActivityQuery(institutionId), filters: periodOf, pageSize: 50 });
  const named = list.data?.institution;
  return (
    <Stack>
      <PageHeader
        title={named ? t('activity.titleOf', { name: named.name }) : t('activity.title')}
        description={t('activity.description')}
      />
      <InstitutionPicker current={named} />
      <ListFilters list={list}>
        <DateRangeFilter
          lp={list.params}
          keys={['from', 'to']}
          label={t('activity.period')}
          placeholder={t('activity.periodAny')}
        />
      </ListFilters>
      <ListTable
        list={list}
        minWidth={900}
        rowKey={(e) => e.id}
        plainTitle
        highlightOnHover={false}
        testId="partner-activity"
        columns={[
          { head: t('activity.when'), card: 'title', nowrap: true, cell: (e) => formatDateTime(e.at) },
          {
            head: t('activity.what'),
            card: 'fact',
            cell: (e) => (
              <Group gap={6} wrap="nowrap">
                <Badge variant="light" color={e.kind === 'read' ? 'blue' : 'grape'} style={{ flexShrink: 0 }}>
                  {t(`activity.kinds.${e.kind}`)}
                </Badge>
                <Text size="sm">{whatOf(t, e)}</Text>
              </Group>
            ),
          },
          { head: t('activity.who'), card: 'fact', cell: (e) => e.by ?? t('activity.sent') },
          { head: t('activity.conference'), card: 'fact', cell: (e) => e.conference?.title ?? '–' },
          { head: t('activity.case'), card: 'fact', nowrap: true, cell: (e) => e.caseLabel ?? '–' },
          {
            head: t('activity.level'),
            card: 'fact',
            cell: (e) => (e.level ? t(`activity.levels.${e.level}`, { defaultValue: e.level }) : '–'),
          },
        ]}
      />
    </Stack>
  );
}

/**
 * What an institution has seen and received (leads, the dpo): the institution is picked here
 * among those with partner accounts or disclosures (the dpo's way in), or comes from its page.
 */
export function ActivityPage() {
  const { t } = useTranslation('partners');
  const { institutionId } = useParams();
  if (institutionId) return <InstitutionActivity key={institutionId} institutionId={institutionId} />;
  return (
    <Stack>
      <PageHeader title={t('activity.title')} description={t('activity.description')} />
      <InstitutionPicker />
    </Stack>
  );
}
