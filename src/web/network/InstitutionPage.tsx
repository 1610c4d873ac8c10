import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowMerge, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type ContactPerson, contactPersonBody, type Institution } from '../../contracts/network';
import { useCan } from '../auth/session';
import { providedMeasuresQuery } from '../measures/api';
import { ConfirmModal } from '../ui/ConfirmModal';
import { DetailHeader } from '../ui/DetailHeader';
import { ErrorAlert, notifyError } from '../ui/errors';
import { FormModal } from '../ui/FormModal';
import { formValues } from '../ui/fields';
import { formatDate } from '../ui/format';
import { loadAdminTexts } from '../ui/i18n';
import { enumLabel, languageName } from '../ui/labels';
import { PageLoader } from '../ui/PageLoader';
import { sectorLabel } from '../ui/pickers';
import { RowActions } from '../ui/RowActions';
import {
  addContactPerson,
  changeContactPerson,
  changeInstitution,
  employerOffersQuery,
  institutionCasesQuery,
  institutionDetailQuery,
  mergeInstitution,
  networkKeys,
  removeContactPerson,
} from './api';
import { OfferModal } from './OffersPage';
import { contactPersonSpecs, institutionForm, institutionSpecs } from './specs';

/** The partner accounts' card (leads): a chunk of its own, with its texts, not every network page's. */
const InstitutionPartners = lazy(async () => {
  const [module] = await Promise.all([import('../partners/InstitutionPartners'), loadAdminTexts()]);
  return { default: module.InstitutionPartners };
});

function Contacts({ institution, refresh }: { institution: Institution; refresh(): Promise<unknown> }) {
  const { t } = useTranslation('network');
  const [editing, setEditing] = useState<ContactPerson | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ContactPerson | null>(null);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('network.contacts')}
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => setEditing('new')}
        >
          {t('network.addContact')}
        </Button>
      </Group>
      {institution.contacts.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('network.noContacts')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {institution.contacts.map((c) => (
          <Paper key={c.id} withBorder p="sm" data-testid="contact-person">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2}>
                <Text fw={500}>{c.name}</Text>
                {c.function && <Text size="sm">{c.function}</Text>}
                {c.email && (
                  <Anchor href={`mailto:${c.email}`} size="sm">
                    {c.email}
                  </Anchor>
                )}
                {c.phone && <Text size="sm">{c.phone}</Text>}
                <Group gap="xs">
                  {c.language && <Badge variant="outline">{languageName(c.language)}</Badge>}
                  <Badge color={c.consentToContact ? 'green' : 'gray'} variant="light" tt="none">
                    {c.consentToContact
                      ? t('network.consentGiven', { date: formatDate(c.consentDate) })
                      : t('network.noConsent')}
                  </Badge>
                </Group>
              </Stack>
              <RowActions onEdit={() => setEditing(c)} onDelete={() => setDeleting(c)} />
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
      {editing && (
        <FormModal
          title={editing === 'new' ? t('network.addContact') : editing.name}
          specs={contactPersonSpecs}
          initial={formValues(contactPersonSpecs, editing === 'new' ? null : editing)}
          schema={contactPersonBody}
          save={async (values) => {
            if (editing === 'new') await addContactPerson(institution.id, values);
            else
              await changeContactPerson(institution.id, editing.id, { ...values, version: editing.version });
            await refresh();
          }}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={t('common.confirmDelete')}
        text={t('network.deleteContactText')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          try {
            if (deleting) await removeContactPerson(institution.id, deleting.id);
            await refresh();
          } catch (e) {
            notifyError(t, e);
          }
        }}
      />
    </Stack>
  );
}

/** What the institution offers: its offers as an employer, its measures as a provider. */
function Offered({ institution }: { institution: Institution }) {
  const { t } = useTranslation('network');
  const [adding, setAdding] = useState(false);
  const offers = useQuery(employerOffersQuery(institution.id));
  const measures = useQuery(providedMeasuresQuery(institution.id));
  const canEmploy = ['company', 'training_provider', 'other'].includes(institution.type);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('offers.title')}
          </Title>
          {canEmploy && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => setAdding(true)}
            >
              {t('offers.add')}
            </Button>
          )}
        </Group>
        {(offers.data?.items ?? []).map((o) => (
          <Group key={o.id} gap="xs">
            <Badge variant="light" color={o.status === 'open' ? 'green' : 'gray'}>
              {enumLabel(t, 'opportunityStatus', o.status)}
            </Badge>
            <Anchor component={Link} to={`/offers/${o.id}`} size="sm">
              {o.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {enumLabel(t, 'opportunityKind', o.kind)}
            </Text>
          </Group>
        ))}
        {offers.data?.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('offers.none')}
          </Text>
        )}
      </Stack>
      <Stack
        gap="xs"
        display={institution.type === 'company' && !measures.data?.items.length ? 'none' : undefined}
      >
        <Title order={2} size="h4">
          {t('measures:measures.title')}
        </Title>
        {(measures.data?.items ?? []).map((m) => (
          <Group key={m.id} gap="xs">
            <Anchor component={Link} to={`/measures?open=${m.id}`} size="sm">
              {m.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {enumLabel(t, 'measureType', m.type)}
            </Text>
            {!m.active && <Badge color="gray">{t('measures:measures.inactive')}</Badge>}
          </Group>
        ))}
        {measures.data?.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('measures:measures.none')}
          </Text>
        )}
      </Stack>
      {adding && (
        <OfferModal
          offer={null}
          employer={{ id: institution.id, name: institution.name }}
          onClose={() => setAdding(false)}
        />
      )}
    </SimpleGrid>
  );
}

/** The caller's cases this institution is involved in (counsellors: their own; leads: all). */
function InvolvedCases({ institution }: { institution: Institution }) {
  const { t } = useTranslation('network');
  const cases = useQuery(institutionCasesQuery(institution.id));
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('network.cases')}
      </Title>
      <ErrorAlert error={cases.error} />
      {cases.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('network.noCases')}
        </Text>
      )}
      {cases.data?.map((c) => (
        <Group key={c.client.id} gap="xs" data-testid="institution-case">
          <Anchor component={Link} to={`/cases/${c.client.id}?tab=network`} size="sm" fw={500}>
            {c.client.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {c.client.caseCode} · {enumLabel(t, 'stage', c.client.stage)}
          </Text>
          {c.roles.map((r) => (
            <Badge key={r} variant="light" tt="none">
              {enumLabel(t, 'involvedRole', r)}
            </Badge>
          ))}
        </Group>
      ))}
    </Stack>
  );
}

export function InstitutionPage() {
  const { t } = useTranslation('network');
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const canWorkCases = useCan('cases.work');
  const canMerge = useCan('network.merge');
  const canManagePartners = useCan('partners.manage');
  const [merging, setMerging] = useState(false);
  const navigate = useNavigate();
  const item = useQuery(institutionDetailQuery(id));
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: networkKeys.institution(id) });
    await queryClient.invalidateQueries({ queryKey: networkKeys.institutionLists });
  };
  if (item.isPending) return <PageLoader />;
  if (item.error || !item.data) return <ErrorAlert error={item.error} />;
  const i = item.data;
  const address = [i.street, [i.postcode, i.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <Stack gap="lg">
      <DetailHeader
        back={{ to: '/network', label: t('network.title') }}
        title={i.name}
        testId="institution-name"
        onEdit={() => setEditing(true)}
        actions={
          canMerge && (
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconArrowMerge size={16} />}
              onClick={() => setMerging(true)}
            >
              {t('network.merge')}
            </Button>
          )
        }
        badges={
          <>
            <Badge>{enumLabel(t, 'institutionType', i.type)}</Badge>
            {!i.active && <Badge color="gray">{t('network.inactive')}</Badge>}
            {i.sectors.map((s) => (
              <Badge key={s.id} variant="light" tt="none">
                {sectorLabel(t, s.name)}
              </Badge>
            ))}
          </>
        }
      />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={2}>
            <Text size="sm">{address || '–'}</Text>
            {i.district && <Text size="sm">{enumLabel(t, 'district', i.district)}</Text>}
          </Stack>
          <Stack gap={2}>
            {i.website && (
              <Anchor href={i.website} target="_blank" rel="noopener noreferrer" size="sm">
                {i.website}
              </Anchor>
            )}
            {i.email && (
              <Anchor href={`mailto:${i.email}`} size="sm">
                {i.email}
              </Anchor>
            )}
            {i.phone && <Text size="sm">{i.phone}</Text>}
          </Stack>
        </SimpleGrid>
        {i.notes && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {i.notes}
          </Text>
        )}
      </Card>
      <Contacts institution={i} refresh={refresh} />
      {canManagePartners && (
        <Suspense fallback={null}>
          <InstitutionPartners institution={i} />
        </Suspense>
      )}
      <Offered institution={i} />
      {canWorkCases && <InvolvedCases institution={i} />}
      {merging && (
        <FormModal
          title={t('network.mergeTitle', { name: i.name })}
          submitLabel={t('network.merge')}
          specs={[
            {
              name: 'intoId',
              kind: 'institution',
              label: 'network:network.fields.intoId',
              required: true,
              wide: true,
            },
          ]}
          initial={{ intoId: null }}
          save={async ({ intoId }) => {
            await mergeInstitution(i.id, { intoId, version: i.version });
            await queryClient.invalidateQueries({ queryKey: networkKeys.institutionLists });
            navigate(`/network/${intoId}`);
          }}
          onClose={() => setMerging(false)}
        >
          {() => <Alert color="orange">{t('network.mergeHelp', { name: i.name })}</Alert>}
        </FormModal>
      )}
      {editing && (
        <FormModal
          title={i.name}
          specs={institutionSpecs}
          initial={institutionForm(i)}
          save={async (values) => {
            await changeInstitution(i.id, { ...values, version: i.version });
            await refresh();
          }}
          onClose={() => setEditing(false)}
        />
      )}
    </Stack>
  );
}
