import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Series } from '../../contracts/conferences';
import { useCan } from '../auth/session';
import { DataTable } from '../ui/DataTable';
import { dateFormat, typedDateProps } from '../ui/dates';
import { ErrorAlert } from '../ui/errors';
import { formatDate } from '../ui/format';
import { PageHeader } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';
import { sectorLabel } from '../ui/pickers';
import { conferenceKeys, nextConference, seriesQuery } from './api';
import { BackToConferences, StatusBadge } from './badges';
import { ConferenceForm } from './ConferenceForm';
import { SeriesDialog } from './SeriesDialog';
import { day } from './time';

/** The next conference of a series: on the suggested day at the series' time, or as the lead changes them. */
function NextDialog({ series, onClose }: { series: Series; onClose(): void }) {
  const { t, i18n } = useTranslation('conferences');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { date: series.suggestedNextDate, startTime: series.startTime } });
  const save = async (values: typeof form.values) => {
    const c = await nextConference(series.id, values);
    queryClient.setQueryData(conferenceKeys.detail(c.id), c);
    await queryClient.invalidateQueries({ queryKey: conferenceKeys.lists });
    await queryClient.invalidateQueries({ queryKey: conferenceKeys.series });
    return c;
  };
  return (
    <ConferenceForm
      title={t('series.next')}
      form={form}
      save={save}
      onClose={onClose}
      onSaved={(c) => navigate(`/conferences/${c.id}`)}
      submitLabel={t('series.nextSubmit')}
    >
      <Text size="sm">{t('series.nextHelp', { title: series.title, zone: series.timeZone })}</Text>
      <DateInput
        label={t('conferences.fields.date')}
        required
        data-autofocus
        {...form.getInputProps('date')}
        {...typedDateProps(i18n, 'event', form.values.date)}
        placeholder={dateFormat(i18n.language)}
      />
      <TimeInput
        label={t('conferences.fields.startTime')}
        required
        {...form.getInputProps('startTime')}
        onChange={(e) => form.setFieldValue('startTime', e.currentTarget.value)}
      />
    </ConferenceForm>
  );
}

/** Conference series: per sector, with the defaults and invitees each next conference starts from. */
export function SeriesPage() {
  const { t } = useTranslation('conferences');
  const manage = useCan('conferences.manage');
  const series = useQuery(seriesQuery);
  const [editing, setEditing] = useState<Series | 'new' | null>(null);
  const [next, setNext] = useState<Series | null>(null);
  return (
    <Stack>
      <BackToConferences />
      <PageHeader
        title={t('series.title')}
        description={t('series.description')}
        actions={
          manage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('series.add')}
            </Button>
          )
        }
      />
      <ErrorAlert error={series.error} />
      {series.isPending ? (
        <PageLoader />
      ) : series.data?.length === 0 ? (
        <Text c="dimmed">{t('series.none')}</Text>
      ) : (
        <DataTable
          items={series.data ?? []}
          testId="series"
          minWidth={900}
          rowKey={(s) => s.id}
          plainTitle={!manage}
          columns={[
            {
              head: t('conferences.fields.title'),
              card: 'title',
              cell: (s) =>
                manage ? (
                  <Anchor component="button" type="button" fw={500} ta="left" onClick={() => setEditing(s)}>
                    {s.title}
                  </Anchor>
                ) : (
                  <Text fw={500}>{s.title}</Text>
                ),
            },
            {
              head: t('conferences.fields.sector'),
              card: 'fact',
              cell: (s) => sectorLabel(t, s.sector.name),
            },
            {
              head: t('series.rhythm'),
              card: 'fact',
              cell: (s) =>
                t('series.rhythmValue', {
                  perYear: s.perYear,
                  minutes: s.durationMinutes,
                  time: s.startTime,
                }),
            },
            {
              head: t('series.institutions'),
              card: 'fact',
              cell: (s) => s.institutions.map((i) => i.name).join(', ') || '–',
            },
            {
              head: t('series.last'),
              card: 'fact',
              cell: (s) =>
                s.lastConference ? (
                  <Group gap={6} wrap="nowrap">
                    <Anchor component={Link} to={`/conferences/${s.lastConference.id}`} size="sm">
                      {day(s.lastConference.startsAt)}
                    </Anchor>
                    <StatusBadge status={s.lastConference.status} />
                  </Group>
                ) : (
                  '–'
                ),
            },
            { head: t('series.suggested'), card: 'fact', cell: (s) => formatDate(s.suggestedNextDate) },
            {
              head: '',
              card: 'action',
              cell: (s) =>
                manage && (
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={t('series.nextOf', { title: s.title })}
                    onClick={() => setNext(s)}
                  >
                    {t('series.next')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      {editing && (
        <SeriesDialog series={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      {next && <NextDialog series={next} onClose={() => setNext(null)} />}
    </Stack>
  );
}
