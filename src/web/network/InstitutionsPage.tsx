import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  Modal,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconDownload, IconPlus, IconTags, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { institutionBody, institutionTypes } from '../../contracts/network';
import { useCan } from '../auth/session';
import { ApiError } from '../lib/http';
import { RowLink } from '../ui/DataTable';
import { EnumFilter } from '../ui/EnumFilter';
import { ErrorAlert } from '../ui/errors';
import { FormModal } from '../ui/FormModal';
import { enumLabel } from '../ui/labels';
import { ListFilters, ListTable, useList } from '../ui/list';
import { PageHeader } from '../ui/PageHeader';
import { sectorLabel } from '../ui/pickers';
import {
  addInstitution,
  importInstitutions,
  institutionExportUrl,
  institutionListQuery,
  networkKeys,
} from './api';
import { SectorFilter } from './SectorFilter';
import { SectorsModal } from './SectorsModal';
import { districts, institutionForm, institutionSpecs } from './specs';

type Candidate = { id: string; name: string; city: string | null };

/** Adds an institution; the server's duplicate check is shown and can be overridden knowingly. */
export function NewInstitutionModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('network');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [duplicates, setDuplicates] = useState<Candidate[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  return (
    <FormModal
      title={t('network.add')}
      specs={institutionSpecs}
      initial={institutionForm(null)}
      schema={institutionBody}
      save={async (values) => {
        const created = await addInstitution({
          ...values,
          ignoreDuplicates: confirmed,
        });
        await queryClient.invalidateQueries({ queryKey: networkKeys.institutionLists });
        navigate(`/network/${created.id}`);
      }}
      onError={(e) => {
        if (e instanceof ApiError && e.code === 'duplicate') {
          setDuplicates((e.details.candidates as Candidate[]) ?? []);
          setConfirmed(false);
          return true;
        }
        return false;
      }}
      onClose={onClose}
    >
      {() =>
        duplicates.length > 0 && (
          <Alert color="orange" title={t('network.duplicateTitle')} data-testid="duplicate-warning">
            <List size="sm">
              {duplicates.map((d) => (
                <List.Item key={d.id}>
                  <Anchor component={Link} to={`/network/${d.id}`} target="_blank">
                    {d.name}
                  </Anchor>
                  {d.city ? `, ${d.city}` : ''}
                </List.Item>
              ))}
            </List>
            <Checkbox
              mt="sm"
              label={t('network.notDuplicate')}
              checked={confirmed}
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
            />
          </Alert>
        )
      }
    </FormModal>
  );
}

type Problem = { row: number; field: string; message: string };

function ImportModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('network');
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ imported: number; skipped: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = error instanceof ApiError ? ((error.details.problems as Problem[] | undefined) ?? []) : [];
  return (
    <Modal opened onClose={onClose} title={t('network.import')} size="lg">
      <Stack>
        <Text size="sm">{t('network.importHelp')}</Text>
        <FileInput
          label={t('transfer:import.file')}
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            setError(null);
            setResult(null);
          }}
          clearable
        />
        <ErrorAlert error={error} />
        {problems.length > 0 && (
          <Table data-testid="import-problems">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('transfer:import.row')}</Table.Th>
                <Table.Th>{t('transfer:import.field')}</Table.Th>
                <Table.Th>{t('transfer:import.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.slice(0, 50).map((p) => (
                <Table.Tr key={`${p.row}-${p.field}`}>
                  <Table.Td>{p.row}</Table.Td>
                  <Table.Td>{p.field}</Table.Td>
                  <Table.Td>{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {result && (
          <Alert color="green" data-testid="import-result">
            {t('network.imported', { count: result.imported, skipped: result.skipped })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button
            leftSection={<IconUpload size={16} />}
            disabled={!file}
            loading={busy}
            onClick={async () => {
              if (!file) return;
              setBusy(true);
              setError(null);
              try {
                setResult(await importInstitutions(file));
                await queryClient.invalidateQueries({ queryKey: networkKeys.institutionLists });
              } catch (e) {
                setError(e);
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('transfer:import.upload')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const institutionFilters = (get: (key: string) => string | null) => ({
  type: get('type'),
  sectorId: get('sectorId'),
  district: get('district'),
  includeInactive: get('includeInactive') ? 'true' : undefined,
});

/** The directory of the network: who is who, searchable and filtered by type, sector and district. */
export function InstitutionsPage() {
  const { t } = useTranslation('network');
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [editingSectors, setEditingSectors] = useState(false);
  const canManageSectors = useCan('sectors.manage');
  const list = useList({ query: institutionListQuery, filters: institutionFilters });
  const { params: lp, filters, searchBox } = list;
  return (
    <Stack>
      <PageHeader
        title={t('network.title')}
        description={t('network.description')}
        actions={
          <>
            {canManageSectors && (
              <Button
                variant="default"
                leftSection={<IconTags size={16} />}
                onClick={() => setEditingSectors(true)}
              >
                {t('sectors.title')}
              </Button>
            )}
            <Button
              component="a"
              href={institutionExportUrl({ ...filters, q: lp.get('q') })}
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              {t('network.export')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconUpload size={16} />}
              onClick={() => setImporting(true)}
            >
              {t('network.import')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('network.add')}
            </Button>
          </>
        }
      />
      <ListFilters list={list} search={searchBox(t('network.search'))}>
        <EnumFilter
          list={lp}
          name="type"
          group="institutionType"
          values={institutionTypes}
          placeholder={t('network.allTypes')}
          width={240}
        />
        <SectorFilter value={filters.sectorId} onChange={(v) => lp.set('sectorId', v)} />
        <EnumFilter
          list={lp}
          name="district"
          group="district"
          values={districts}
          placeholder={t('network.allDistricts')}
        />
        <Checkbox
          label={t('network.includeInactive')}
          checked={Boolean(filters.includeInactive)}
          onChange={(e) => lp.set('includeInactive', e.currentTarget.checked ? '1' : null)}
          mb={8}
        />
      </ListFilters>
      <ListTable
        list={list}
        testId="institutions"
        minWidth={720}
        rowKey={(i) => i.id}
        columns={[
          {
            head: t('network.fields.name'),
            card: 'title',
            cell: (i) => (
              <>
                <RowLink to={`/network/${i.id}`}>{i.name}</RowLink>
                {!i.active && (
                  <Badge color="gray" ml="xs">
                    {t('network.inactive')}
                  </Badge>
                )}
              </>
            ),
          },
          {
            head: t('network.fields.type'),
            card: 'fact',
            cell: (i) => enumLabel(t, 'institutionType', i.type),
          },
          {
            head: t('network.fields.sectorIds'),
            card: 'badge',
            cell: (i) =>
              i.sectors.length > 0 && (
                <Group gap={4}>
                  {i.sectors.map((s) => (
                    <Badge key={s} variant="light" tt="none">
                      {sectorLabel(t, s)}
                    </Badge>
                  ))}
                </Group>
              ),
          },
          {
            head: t('network.fields.city'),
            card: 'fact',
            cell: (i) => (
              <>
                {i.city ?? '–'}
                {i.district && i.city !== enumLabel(t, 'district', i.district) && (
                  <Text size="xs" c="dimmed">
                    {enumLabel(t, 'district', i.district)}
                  </Text>
                )}
              </>
            ),
          },
          { head: t('network.contacts'), card: 'fact', cell: (i) => i.contactCount },
        ]}
      />
      {adding && <NewInstitutionModal onClose={() => setAdding(false)} />}
      {importing && <ImportModal onClose={() => setImporting(false)} />}
      {editingSectors && <SectorsModal onClose={() => setEditingSectors(false)} />}
    </Stack>
  );
}
