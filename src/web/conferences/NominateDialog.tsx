import { Alert, NumberInput, Switch, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ClientListItem } from '../../contracts/clients';
import { type Conference, type Nomination, nominationBody } from '../../contracts/conferences';
import { fullName } from '../clients/names';
import { ErrorAlert } from '../ui/errors';
import { cleanValues, resolver } from '../ui/fields';
import { PageLoader } from '../ui/PageLoader';
import { SearchSelect } from '../ui/pickers';
import { caseSearchQuery, changeNomination, consentCheckQuery, nominate } from './api';
import { ConferenceForm } from './ConferenceForm';
import { ConsentCheckChoice } from './ConsentCheck';
import { minutes } from './SettingsFields';
import { useConferenceCache } from './useConference';

const findCases = {
  query: caseSearchQuery,
  option: (c: ClientListItem) => ({ value: c.id, label: `${fullName(c)} (${c.caseCode})` }),
};

/**
 * Nominates one of the caller's cases (or changes a nomination): the question, the institutions
 * it needs as the consent check allows them, anonymisation, a short brief and the slot.
 */
export function NominateDialog({
  conference: c,
  nomination: n,
  onClose,
}: {
  conference: Conference;
  nomination?: Nomination;
  onClose(): void;
}) {
  const { t } = useTranslation('conferences');
  const cache = useConferenceCache(c.id);
  const form = useForm({
    initialValues: {
      clientId: n?.client.id ?? '',
      question: n?.question ?? '',
      brief: n?.brief ?? '',
      institutionIds: n?.recipients.map((r) => r.institution.id) ?? ([] as string[]),
      anonymised: n?.anonymised ?? false,
      minutes: n?.minutes ?? (null as number | null),
    },
    validate: resolver(nominationBody),
  });
  const clientId = form.values.clientId;
  const check = useQuery({ ...consentCheckQuery(c.id, clientId), enabled: Boolean(clientId) });
  const save = async (values: typeof form.values) => {
    const { clientId: _client, ...rest } = cleanValues(values) as Parameters<typeof nominate>[1];
    cache.show(
      n
        ? await changeNomination(c.id, n.id, { ...rest, version: n.version })
        : await nominate(c.id, { clientId, ...rest }),
    );
  };
  return (
    <ConferenceForm
      title={n ? t('nominations.edit', { label: n.client.label }) : t('nominations.add')}
      size="xl"
      form={form}
      save={save}
      onClose={onClose}
      submitLabel={n ? undefined : t('nominations.submit')}
      saved={n ? undefined : t('nominations.added')}
    >
      {!n && (
        <SearchSelect
          label={t('nominations.case')}
          description={t('nominations.caseHelp')}
          required
          find={findCases}
          value={clientId || null}
          onChange={(id) => form.setFieldValue('clientId', id ?? '')}
          error={form.errors.clientId}
        />
      )}
      {clientId && check.isPending && <PageLoader />}
      <ErrorAlert error={check.error} />
      {check.data && (
        <ConsentCheckChoice
          check={check.data}
          value={form.values.institutionIds}
          onChange={(ids) => form.setFieldValue('institutionIds', ids)}
          anonymised={form.values.anonymised}
          error={form.errors.institutionIds}
        />
      )}
      <Switch
        label={t('nominations.anonymise')}
        description={t('nominations.anonymiseHelp')}
        {...form.getInputProps('anonymised', { type: 'checkbox' })}
      />
      {form.values.anonymised && check.data?.rare && (
        <Alert color="orange" icon={<IconAlertTriangle />} data-testid="rare-warning">
          {t('nominations.rare')}
        </Alert>
      )}
      <Textarea
        label={t('nominations.question')}
        description={t('nominations.questionHelp')}
        required
        autosize
        minRows={2}
        {...form.getInputProps('question')}
      />
      <Textarea
        label={t('nominations.brief')}
        description={t('nominations.briefHelp')}
        autosize
        minRows={3}
        maxRows={10}
        {...form.getInputProps('brief')}
      />
      <NumberInput
        label={t('nominations.minutes')}
        description={t('nominations.minutesHelp', { minutes: c.minutesPerCase })}
        min={5}
        max={60}
        w={{ base: '100%', sm: 240 }}
        {...minutes(form, 'minutes')}
      />
      <Text size="xs" c="dimmed">
        {t('nominations.consentNote')}
      </Text>
    </ConferenceForm>
  );
}
