import { Select, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { todayInGermany } from '../../contracts/common';
import type { Conference, Nomination } from '../../contracts/conferences';
import { addEntry } from '../casefile/api';
import { dateFormat, typedDateProps } from '../ui/dates';
import { conferenceKeys } from './api';
import { ConferenceForm } from './ConferenceForm';
import { invitedInstitutions } from './WrittenInputDialog';

/**
 * A talk with one institution about a nominated case before the conference ("agreed
 * beforehand"): recorded as a coordination contact in the case file, linked to this conference,
 * so the case's contacts log and the agenda tell the same story.
 */
export function AgreedDialog({
  conference: c,
  nomination: n,
  onClose,
}: {
  conference: Conference;
  nomination: Nomination;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation('conferences');
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      institutionId: null as string | null,
      occurredOn: todayInGermany() as string | null,
      topic: '',
      result: '',
    },
    validate: {
      institutionId: (v) => (v ? null : t('agreed.institutionNeeded')),
      occurredOn: (v) => (v ? null : t('agreed.dateNeeded')),
    },
  });
  const save = async (v: typeof form.values) => {
    await addEntry(n.client.id, 'contacts', {
      kind: 'coordination',
      occurredOn: v.occurredOn,
      institutionId: v.institutionId,
      topic: v.topic || null,
      result: v.result || null,
      conferenceId: c.id,
    });
    await queryClient.invalidateQueries({ queryKey: conferenceKeys.detail(c.id) });
  };
  return (
    <ConferenceForm
      title={t('agreed.titleFor', { label: n.client.label })}
      size="lg"
      form={form}
      save={save}
      onClose={onClose}
    >
      <Select
        label={t('invite.institution')}
        required
        data-autofocus
        data={invitedInstitutions(c).map((i) => ({ value: i.id, label: i.name }))}
        {...form.getInputProps('institutionId')}
      />
      <DateInput
        label={t('agreed.date')}
        required
        {...form.getInputProps('occurredOn')}
        value={form.values.occurredOn || null}
        {...typedDateProps(i18n, 'event', form.values.occurredOn)}
        placeholder={dateFormat(i18n.language)}
      />
      <TextInput label={t('agreed.topic')} maxLength={500} {...form.getInputProps('topic')} />
      <Textarea
        label={t('agreed.result')}
        description={t('agreed.resultHelp')}
        autosize
        minRows={3}
        maxRows={10}
        maxLength={4000}
        {...form.getInputProps('result')}
      />
    </ConferenceForm>
  );
}
