import { Anchor, Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Measure, measureTypes } from '../../contracts/measures';
import { FormModal } from '../ui/FormModal';
import { formatDate, formatMoney } from '../ui/format';
import { enumLabel } from '../ui/labels';
import { ListTable, useList } from '../ui/list';
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
  const { params: lp, filters, items, searchBox, enumFilter } = list;
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
      <Group gap="sm" wrap="wrap" align="center">
        {searchBox(t('measures.search'))}
        {enumFilter('type', 'measureType', measureTypes, t('measures.allTypes'), 260)}
        <SectorSelect
          label=""
          placeholder={t('network:network.allSectors')}
          value={filters.sectorId}
          onChange={(v) => lp.set('sectorId', v)}
          w={220}
        />
        <Checkbox
          label={t('measures.includeInactive')}
          checked={Boolean(filters.includeInactive)}
          onChange={(e) => lp.set('includeInactive', e.currentTarget.checked ? '1' : null)}
        />
      </Group>
      <ListTable
        list={list}
        testId="measures"
        minWidth={820}
        heads={[
          t('network:network.fields.title'),
          t('network:network.fields.type'),
          t('network:network.fields.providerId'),
          t('measures.where'),
          t('measures.nextStartColumn'),
          t('measures.places'),
          t('network:network.fields.cost'),
        ]}
      >
        {items.map((m) => {
          const next = m.startDates.find((d) => d >= new Date().toISOString().slice(0, 10));
          return (
            <Table.Tr key={m.id}>
              <Table.Td>
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
              </Table.Td>
              <Table.Td>{enumLabel(t, 'measureType', m.type)}</Table.Td>
              <Table.Td>
                {m.provider ? (
                  <Anchor component={Link} to={`/network/${m.provider.id}`} size="sm">
                    {m.provider.name}
                  </Anchor>
                ) : (
                  '–'
                )}
              </Table.Td>
              <Table.Td>
                {m.online
                  ? t('measures.online')
                  : m.place || (m.district ? enumLabel(t, 'district', m.district) : '–')}
              </Table.Td>
              <Table.Td>{next ? formatDate(next) : '–'}</Table.Td>
              <Table.Td>
                <Text size="sm" c={m.capacity !== null && m.participants >= m.capacity ? 'red' : undefined}>
                  {m.capacity === null ? m.participants : `${m.participants} / ${m.capacity}`}
                </Text>
              </Table.Td>
              <Table.Td>{m.costCents === 0 ? t('measures.free') : formatMoney(m.costCents)}</Table.Td>
            </Table.Tr>
          );
        })}
      </ListTable>
      {editing && (
        <MeasureModal measure={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
