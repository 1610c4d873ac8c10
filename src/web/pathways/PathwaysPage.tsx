import { Anchor, Badge, Box, Button, Checkbox, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pathway } from '../../contracts/pathways';
import { useCan } from '../auth/session';
import { ListFilters, ListTable, useList } from '../ui/list';
import { PageHeader } from '../ui/PageHeader';
import { SectorSelect, sectorLabel } from '../ui/pickers';
import { pathwayListQuery } from './api';
import { PathwayDialog } from './PathwayDialog';
import { AdoptedAt, PathwayView } from './PathwayView';

const pathwayFilters = (get: (key: string) => string | null) => ({
  sectorId: get('sectorId'),
  includeArchived: get('archived') ? 'true' : undefined,
});

/** Pathways for a profession: what the conferences agreed for an occupation group, and who follows them. */
export function PathwaysPage() {
  const { t } = useTranslation('pathways');
  const manage = useCan('pathways.manage');
  const [viewing, setViewing] = useState<Pathway | null>(null);
  const [editing, setEditing] = useState<Pathway | 'new' | null>(null);
  const list = useList({ query: pathwayListQuery, filters: pathwayFilters });
  const { params: lp, filters, searchBox } = list;
  return (
    <Stack>
      <PageHeader
        title={t('pathways.title')}
        description={t('pathways.description')}
        actions={
          manage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('pathways.add')}
            </Button>
          )
        }
      />
      <ListFilters list={list} search={searchBox(t('pathways.search'))}>
        <Box w={{ base: '100%', sm: 220 }}>
          <SectorSelect
            label=""
            placeholder={t('network:network.allSectors')}
            value={filters.sectorId}
            onChange={(v) => lp.set('sectorId', v)}
          />
        </Box>
        <Checkbox
          label={t('pathways.includeArchived')}
          checked={Boolean(filters.includeArchived)}
          onChange={(e) => lp.set('archived', e.currentTarget.checked ? '1' : null)}
          mb={8}
        />
      </ListFilters>
      <ListTable
        list={list}
        testId="pathways"
        minWidth={900}
        rowKey={(p) => p.id}
        columns={[
          {
            head: t('fields.title'),
            card: 'title',
            cell: (p) => (
              <>
                <Anchor component="button" type="button" fw={500} ta="left" onClick={() => setViewing(p)}>
                  {p.title}
                </Anchor>
                {p.archivedAt && (
                  <Badge color="gray" ml="xs">
                    {t('pathways.archived')}
                  </Badge>
                )}
              </>
            ),
          },
          { head: t('fields.occupationGroup'), card: 'fact', cell: (p) => p.occupationGroup },
          { head: t('fields.sector'), card: 'fact', cell: (p) => sectorLabel(t, p.sector.name) },
          { head: t('fields.steps'), card: 'fact', nowrap: true, cell: (p) => p.steps.length },
          {
            head: t('fields.adopted'),
            card: 'fact',
            cell: (p) => (p.conference ? <AdoptedAt pathway={p} /> : '–'),
          },
          { head: t('fields.followers'), card: 'fact', nowrap: true, cell: (p) => p.followers },
        ]}
      />
      {viewing && (
        <PathwayView
          pathway={viewing}
          onClose={() => setViewing(null)}
          onEdit={() => {
            setEditing(viewing);
            setViewing(null);
          }}
        />
      )}
      {editing && (
        <PathwayDialog pathway={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
