import { Anchor, Badge, Box, Button, Checkbox, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Measure, measureTypes } from '../../contracts/measures';
import { EnumFilter } from '../ui/EnumFilter';
import { FormModal } from '../ui/FormModal';
import { formatDate, formatMoney } from '../ui/format';
import { enumLabel } from '../ui/labels';
import { ListFilters, ListTable, useList } from '../ui/list';
import { PageHeader } from '../ui/PageHeader';
import { SectorSelect } from '../ui/pickers';
import { addMeasure, changeMeasure, measureDetailQuery, measureKeys, measureListQuery } from './api';
import { measureBodyOf, measureForm, measureSpecs } from './specs';

function MeasureModal({ measure, onClose }: { measure: Measure | null; onClose(): void }) {
  const { t } = useTranslation('measures');
  const queryClient = useQueryClient();
  return (
    <FormModal
      title={measure ? measure.title : t('measures.add')}
      specs={measureSpecs}
      initial={measureForm(measure)}
      known={measure ?? undefined}
      size="xl"
      save={async (values) => {
        const body = measureBodyOf(values);
        if (measure) await changeMeasure(measure.id, { ...body, version: measure.version });
        else await addMeasure(body);
        await queryClient.invalidateQueries({ queryKey: measureKeys.lists });
      }}
      onClose={onClose}
    />
  );
}

const measureFilters = (get: (key: string) => string | null) => ({
  type: get('type'),
  sectorId: get('sectorId'),
  includeInactive: get('includeInactive') ? 'true' : undefined,
});

/** The catalogue of measures: what the network offers to close a gap, with its entry conditions. */
export function MeasuresPage() {
  const { t } = useTranslation('measures');
  const [editing, setEditing] = useState<Measure | 'new' | null>(null);
  const list = useList({ query: measureListQuery, filters: measureFilters });
  const { params: lp, filters, searchBox } = list;
  const today = new Date().toISOString().slice(0, 10);
  // A link to one measure (e.g. from its provider) opens it.
  const openId = lp.get('open');
  const linked = useQuery({ ...measureDetailQuery(openId ?? ''), enabled: Boolean(openId) });
  // biome-ignore lint/correctness/useExhaustiveDependencies: opens once when the linked measure arrives
  useEffect(() => {
    if (linked.data) {
      setEditing(linked.data);
      lp.set('open', null);
    }
  }, [linked.data]);
  return (
    <Stack>
      <PageHeader
        title={t('measures.title')}
        description={t('measures.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('measures.add')}
          </Button>
        }
      />
      <ListFilters list={list} search={searchBox(t('measures.search'))}>
        <EnumFilter
          list={lp}
          name="type"
          group="measureType"
          values={measureTypes}
          placeholder={t('measures.allTypes')}
          width={260}
        />
        <Box w={{ base: '100%', sm: 220 }}>
          <SectorSelect
            label=""
            placeholder={t('network:network.allSectors')}
            value={filters.sectorId}
            onChange={(v) => lp.set('sectorId', v)}
          />
        </Box>
        <Checkbox
          label={t('measures.includeInactive')}
          checked={Boolean(filters.includeInactive)}
          onChange={(e) => lp.set('includeInactive', e.currentTarget.checked ? '1' : null)}
          mb={8}
        />
      </ListFilters>
      <ListTable
        list={list}
        testId="measures"
        minWidth={820}
        rowKey={(m) => m.id}
        columns={[
          {
            head: t('network:network.fields.title'),
            card: 'title',
            cell: (m) => (
              <>
                <Anchor component="button" type="button" fw={500} onClick={() => setEditing(m)} ta="left">
                  {m.title}
                </Anchor>
                {!m.active && (
                  <Badge color="gray" ml="xs">
                    {t('measures.inactive')}
                  </Badge>
                )}
                {(m.entryLevel || m.minLanguageLevel) && (
                  <Text size="xs" c="dimmed">
                    {m.type === 'language_course'
                      ? `${m.entryLevel ?? '?'} → ${m.targetLevel ?? '?'}`
                      : t('measures.minLevel', { level: m.minLanguageLevel })}
                  </Text>
                )}
              </>
            ),
          },
          {
            head: t('network:network.fields.type'),
            card: 'fact',
            cell: (m) => enumLabel(t, 'measureType', m.type),
          },
          {
            head: t('network:network.fields.providerId'),
            card: 'fact',
            cell: (m) =>
              m.provider ? (
                <Anchor component={Link} to={`/network/${m.provider.id}`} size="sm">
                  {m.provider.name}
                </Anchor>
              ) : (
                '–'
              ),
          },
          {
            head: t('measures.where'),
            cell: (m) =>
              m.online
                ? t('measures.online')
                : m.place || (m.district ? enumLabel(t, 'district', m.district) : '–'),
          },
          {
            head: t('measures.nextStartColumn'),
            card: 'fact',
            cell: (m) => {
              const next = m.startDates.find((d) => d >= today);
              return next ? formatDate(next) : '–';
            },
          },
          {
            head: t('measures.places'),
            cell: (m) => (
              <Text size="sm" c={m.capacity !== null && m.participants >= m.capacity ? 'red' : undefined}>
                {m.capacity === null ? m.participants : `${m.participants} / ${m.capacity}`}
              </Text>
            ),
          },
          {
            head: t('network:network.fields.cost'),
            card: 'fact',
            cell: (m) => (m.costCents === 0 ? t('measures.free') : formatMoney(m.costCents)),
          },
        ]}
      />
      {editing && (
        <MeasureModal measure={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
