import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  MultiSelect,
  SegmentedControl,
  Stack,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPrinter, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../contracts/casefile';
import { consentBody, consentPurposes } from '../../contracts/consent';
import { useRefreshCase } from '../casefile/api';
import { ConfirmModal } from '../ui/ConfirmModal';
import { applyFieldErrors, ErrorAlert, notifyError, notifySaved } from '../ui/errors';
import { cleanValues, Fields, formValues, resolver } from '../ui/fields';
import { formatDate, formatDateTime } from '../ui/format';
import { enumLabel, enumOptions, languageName } from '../ui/labels';
import { consentFormUrl, recordConsent, withdrawConsent } from './api';
import { consentSpecs } from './specs';

/** What may be shared with whom right now, in plain words. */
function SharingNow({ sharing }: { sharing: CaseFile['consent']['sharing'] }) {
  const { t } = useTranslation('consent');
  const yes = (b: boolean) => (
    <Badge color={b ? 'green' : 'gray'}>{b ? t('consent.yes') : t('consent.no')}</Badge>
  );
  return (
    <Card withBorder>
      <Group gap="xs" mb="sm">
        <IconShieldCheck size={20} />
        <Title order={3} size="h4">
          {t('consent.now')}
        </Title>
      </Group>
      <Stack gap="xs" data-testid="sharing-now">
        <Group gap="xs">
          {yes(sharing.counsellingRecord)}
          <Text size="sm">{t('consent.counsellingRecord')}</Text>
        </Group>
        <Group gap="xs">
          {yes(sharing.conferences.allowed)}
          <Text size="sm">
            {sharing.conferences.allowed
              ? t('consent.conferencesAllowed', { scope: enumLabel(t, 'scope', sharing.conferences.scope) })
              : t('consent.conferencesAnonymous')}
          </Text>
        </Group>
        <Text size="sm" fw={500} mt="xs">
          {t('consent.institutions')}
        </Text>
        {sharing.institutions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('consent.noInstitutions')}
          </Text>
        ) : (
          <List size="sm" spacing={2}>
            {sharing.institutions.map((i) => (
              <List.Item key={`${i.name}-${i.scope}`}>
                <b>{i.name}</b> – {enumLabel(t, 'scope', i.scope)};{' '}
                {i.dataCategories.map((c) => enumLabel(t, 'dataCategory', c)).join(', ') || '–'}
                {i.until && ` (${t('casefile:case.until')} ${formatDate(i.until)})`}
              </List.Item>
            ))}
          </List>
        )}
        {sharing.employers.length > 0 && (
          <>
            <Text size="sm" fw={500} mt="xs">
              {t('consent.employers')}
            </Text>
            <List size="sm">
              {sharing.employers.map((e) => (
                <List.Item key={e.name}>{e.name}</List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Card>
  );
}

function PrintForm({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation('consent');
  const [opened, setOpened] = useState(false);
  const [language, setLanguage] = useState(i18n.language === 'en' ? 'en' : 'de');
  const [purposes, setPurposes] = useState<string[]>(['counselling_record', 'conference_sharing']);
  const [institutions, setInstitutions] = useState<string[]>([]);
  const [scope, setScope] = useState('pseudonymised');
  const href = () =>
    consentFormUrl(clientId, { language, scope, purposes, institutions: institutions.join(';') });
  return (
    <>
      <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setOpened(true)}>
        {t('consent.printForm')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('consent.printForm')}>
        <Stack>
          <SegmentedControl
            value={language}
            onChange={setLanguage}
            data={[
              { value: 'de', label: 'Deutsch' },
              { value: 'en', label: 'English' },
            ]}
            aria-label={t('auth:profile.language')}
          />
          <MultiSelect
            label={t('casefile:case.fields.purposes')}
            data={enumOptions(t, 'purpose', consentPurposes)}
            value={purposes}
            onChange={setPurposes}
          />
          <TagsInput
            label={t('casefile:case.fields.institutions')}
            description={t('consent.institutionsHelp')}
            value={institutions}
            onChange={setInstitutions}
          />
          <SegmentedControl
            value={scope}
            onChange={setScope}
            data={[
              { value: 'pseudonymised', label: enumLabel(t, 'scope', 'pseudonymised') },
              { value: 'identified', label: enumLabel(t, 'scope', 'identified') },
            ]}
          />
          <Group justify="flex-end">
            <Button
              component="a"
              href={href()}
              target="_blank"
              rel="noopener"
              leftSection={<IconPrinter size={16} />}
              onClick={() => setOpened(false)}
            >
              {t('consent.openPdf')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function CaseConsent({ file }: { file: CaseFile }) {
  const { t } = useTranslation('consent');
  const id = file.client.id;
  const refresh = useRefreshCase(id);
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const defaults = {
    scope: 'pseudonymised',
    formLanguage: 'deu',
    givenOn: new Date().toISOString().slice(0, 10),
    purposes: ['counselling_record'],
  };
  const form = useForm({
    initialValues: {
      ...formValues(consentSpecs, null, defaults),
      institutions: [] as string[],
      evidenceDocumentId: null as string | null,
    },
    validate: resolver(consentBody),
  });
  // Whoever received data under a consent should hear of its withdrawal (Art. 19 GDPR).
  const recipients = [...new Set(file.network.disclosures.map((d) => d.recipient))];
  const consentDocs = file.documents.filter((d) => d.category === 'consent_form');

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await recordConsent(id, cleanValues(values));
      notifySaved(t);
      setAdding(false);
      await refresh();
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
    }
  });

  return (
    <Stack gap="lg">
      <SharingNow sharing={file.consent.sharing} />
      <Group>
        <Button
          onClick={() => {
            form.setValues({
              ...formValues(consentSpecs, null, defaults),
              institutions: [],
              evidenceDocumentId: null,
            });
            setError(null);
            setAdding(true);
          }}
        >
          {t('consent.record')}
        </Button>
        <PrintForm clientId={id} />
      </Group>
      <Title order={3} size="h4">
        {t('consent.records')}
      </Title>
      {file.consent.consents.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('consent.none')}
        </Text>
      )}
      {file.consent.consents.map((c) => (
        <Card key={c.id} withBorder>
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Group gap="xs">
                <Badge color={c.active ? 'green' : 'gray'}>
                  {c.active
                    ? t('consent.active')
                    : c.withdrawnAt
                      ? t('consent.withdrawn')
                      : t('consent.inactive')}
                </Badge>
                <Text size="sm">{c.purposes.map((p) => enumLabel(t, 'purpose', p)).join(', ')}</Text>
              </Group>
              {c.institutions.length > 0 && <Text size="sm">{c.institutions.join(', ')}</Text>}
              <Text size="xs" c="dimmed">
                {[
                  enumLabel(t, 'scope', c.scope),
                  `${t('casefile:case.fields.givenOn')} ${formatDate(c.givenOn)}`,
                  c.validUntil && `${t('casefile:case.until')} ${formatDate(c.validUntil)}`,
                  `${t('casefile:case.fields.formLanguage')}: ${languageName(c.formLanguage)}`,
                  c.withdrawnAt && `${t('consent.withdrawnAt')} ${formatDateTime(c.withdrawnAt)}`,
                  c.recordedBy,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {c.dataCategories.length > 0 && (
                <Text size="xs">
                  {c.dataCategories.map((d) => enumLabel(t, 'dataCategory', d)).join(', ')}
                </Text>
              )}
            </Stack>
            {!c.withdrawnAt && (
              <Button color="red" variant="light" size="xs" onClick={() => setWithdrawing(c.id)}>
                {t('consent.withdraw')}
              </Button>
            )}
          </Group>
        </Card>
      ))}
      <ConfirmModal
        opened={withdrawing !== null}
        title={t('consent.withdraw')}
        text={
          recipients.length
            ? `${t('consent.withdrawText')} ${t('consent.tellRecipients', { recipients: recipients.join(', ') })}`
            : t('consent.withdrawText')
        }
        confirmLabel={t('consent.withdraw')}
        onClose={() => setWithdrawing(null)}
        onConfirm={async () => {
          try {
            if (withdrawing) await withdrawConsent(id, withdrawing);
            notifySaved(t, t('consent.withdrawnNow'));
            await refresh();
          } catch (e) {
            notifyError(t, e);
          }
        }}
      />
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('consent.record')} size="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={error} />
            <Alert color="blue" variant="light">
              {t('consent.rules')}
            </Alert>
            <Fields form={form} specs={consentSpecs} />
            <TagsInput
              label={t('casefile:case.fields.institutions')}
              description={t('consent.institutionsHelp')}
              {...form.getInputProps('institutions')}
            />
            {consentDocs.length > 0 && (
              <MultiSelect
                label={t('casefile:case.fields.evidenceDocumentId')}
                maxValues={1}
                data={consentDocs.map((d) => ({ value: d.id, label: d.filename }))}
                value={form.values.evidenceDocumentId ? [form.values.evidenceDocumentId] : []}
                onChange={(v) => form.setFieldValue('evidenceDocumentId', v[0] ?? null)}
              />
            )}
            <Group justify="flex-end">
              <Button variant="subtle" onClick={() => setAdding(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit">{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
