import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Conference, conferenceBody } from '../../contracts/conferences';
import { dateFormat, typedDateProps } from '../ui/dates';
import { cleanValues, resolver } from '../ui/fields';
import { changeConference, conferenceKeys, planConference } from './api';
import { ConferenceForm } from './ConferenceForm';
import { SettingsFields, settingsOf } from './SettingsFields';

/**
 * Plans a conference, or changes one (`conference`): its date and time are entered in its own
 * zone. A change of the time, place or title later sends the invitees an updated calendar entry.
 */
export function ConferenceDialog({
  conference,
  onClose,
  onSaved,
}: {
  conference?: Conference;
  onClose(): void;
  onSaved?(saved: Conference): void;
}) {
  const { t, i18n } = useTranslation('conferences');
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { ...settingsOf(conference), date: conference?.date ?? null },
    validate: resolver(conferenceBody),
  });
  const save = async (values: typeof form.values) => {
    const body = cleanValues(values) as Parameters<typeof planConference>[0];
    const saved = conference
      ? await changeConference(conference.id, { ...body, version: conference.version })
      : await planConference(body);
    queryClient.setQueryData(conferenceKeys.detail(saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: conferenceKeys.lists });
    return saved;
  };
  return (
    <ConferenceForm
      title={conference ? t('conferences.edit') : t('conferences.plan')}
      size="xl"
      form={form}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
      submitLabel={conference ? undefined : t('conferences.planSubmit')}
    >
      <SettingsFields
        form={form}
        date={
          <DateInput
            label={t('conferences.fields.date')}
            required
            {...form.getInputProps('date')}
            value={form.values.date || null}
            {...typedDateProps(i18n, 'event', form.values.date)}
            placeholder={dateFormat(i18n.language)}
          />
        }
      />
    </ConferenceForm>
  );
}
