import { NumberInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Series, seriesBody } from '../../contracts/conferences';
import { institutionDetailQuery } from '../network/api';
import { cleanValues, resolver } from '../ui/fields';
import { InstitutionsSelect } from '../ui/pickers';
import { addSeries, changeSeries, conferenceKeys } from './api';
import { ConferenceForm } from './ConferenceForm';
import { ContactChoice } from './ContactChoice';
import { SettingsFields, settingsOf } from './SettingsFields';

/** A series: one per sector, three a year by default, with the invitees every conference starts with. */
export function SeriesDialog({ series, onClose }: { series?: Series; onClose(): void }) {
  const { t } = useTranslation('conferences');
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      ...settingsOf(series),
      perYear: series?.perYear ?? 3,
      institutionIds: series?.institutions.map((i) => i.id) ?? [],
      contactIds: series?.contactIds ?? [],
    },
    validate: resolver(seriesBody),
  });
  const save = async (values: typeof form.values) => {
    const body = cleanValues(values) as Parameters<typeof addSeries>[0];
    if (series) await changeSeries(series.id, { ...body, version: series.version });
    else await addSeries(body);
    await queryClient.invalidateQueries({ queryKey: conferenceKeys.series });
  };
  const known = series?.institutions.map((i) => ({ value: i.id, label: i.name }));
  return (
    <ConferenceForm
      title={series ? series.title : t('series.add')}
      size="xl"
      form={form}
      save={save}
      onClose={onClose}
    >
      <SettingsFields
        form={form}
        date={
          <NumberInput
            label={t('series.perYear')}
            required
            min={1}
            max={12}
            {...form.getInputProps('perYear')}
          />
        }
      />
      <InstitutionsSelect
        label={t('series.institutions')}
        description={t('series.institutionsHelp')}
        known={known}
        value={form.values.institutionIds}
        onChange={(ids) => {
          // The contact persons of an institution taken off the list go with it.
          const dropped = new Set(
            form.values.institutionIds
              .filter((id) => !ids.includes(id))
              .flatMap(
                (id) =>
                  queryClient.getQueryData(institutionDetailQuery(id).queryKey)?.contacts.map((c) => c.id) ??
                  [],
              ),
          );
          form.setFieldValue('institutionIds', ids);
          form.setFieldValue(
            'contactIds',
            form.values.contactIds.filter((c) => !dropped.has(c)),
          );
        }}
        max={40}
        error={form.errors.institutionIds}
      />
      <ContactChoice
        institutionIds={form.values.institutionIds}
        value={form.values.contactIds}
        onChange={(v) => form.setFieldValue('contactIds', v)}
        error={form.errors.contactIds}
      />
    </ConferenceForm>
  );
}
