import { Alert, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/http';
import { applyFieldErrors } from '../ui/errors';
import { ColleagueSelect } from '../ui/fields';
import { SectorSelect } from '../ui/pickers';
import { timeZones } from './time';

/** What a conference and a series share: its sector, time, length, place and people. */
export interface SettingsValues {
  title: string;
  sectorId: string | null;
  startTime: string;
  timeZone: string;
  durationMinutes: number | null;
  minutesPerCase: number | null;
  openCommitmentsMinutes: number | null;
  place: string;
  videoUrl: string;
  moderatorId: string | null;
  minuteTakerId: string | null;
}

/** Where a form starts from: the conference or series being edited, or nothing. */
interface Source {
  title?: string;
  sector?: { id: string };
  startTime?: string;
  timeZone?: string;
  durationMinutes?: number;
  minutesPerCase?: number;
  openCommitmentsMinutes?: number;
  place?: string | null;
  videoUrl?: string | null;
  moderator?: { id: string } | null;
  minuteTaker?: { id: string } | null;
}

export const settingsOf = (s?: Source): SettingsValues => ({
  title: s?.title ?? '',
  sectorId: s?.sector?.id ?? null,
  startTime: s?.startTime ?? '09:30',
  timeZone: s?.timeZone ?? 'Europe/Berlin',
  durationMinutes: s?.durationMinutes ?? 120,
  minutesPerCase: s?.minutesPerCase ?? 10,
  openCommitmentsMinutes: s?.openCommitmentsMinutes ?? 10,
  place: s?.place ?? '',
  videoUrl: s?.videoUrl ?? '',
  moderatorId: s?.moderator?.id ?? null,
  minuteTakerId: s?.minuteTaker?.id ?? null,
});

// biome-ignore lint/suspicious/noExplicitAny: a conference's and a series' forms both hold these fields
type AnyForm = UseFormReturnType<any>;

/** The server's field messages in words of the interface (the contract's own are translated already). */
const serverMessages: Record<string, string> = {
  'the conference would begin in the past': 'conferences.fieldErrors.past',
  'not an active user of the organisation': 'conferences.fieldErrors.notStaff',
  'not a user of the organisation': 'conferences.fieldErrors.notStaff',
  'not in the directory': 'conferences.fieldErrors.notInDirectory',
  'a contact person of an institution the series invites': 'conferences.fieldErrors.contactOfOther',
  'not a contact person of this institution': 'conferences.fieldErrors.contactOfOther',
};

/** Puts the server's field errors on the form, in the interface language; returns whether any matched. */
export function applyConferenceErrors(form: AnyForm, error: unknown, t: TFunction): boolean {
  if (error instanceof ApiError)
    for (const f of error.fields) {
      const key = serverMessages[f.message];
      if (key) f.message = t(key);
    }
  return applyFieldErrors(form, error, t);
}

/** The props of a number field whose value is a number, or null while it is empty. */
export const minutes = (form: AnyForm, name: string) => ({
  ...form.getInputProps(name),
  value: form.values[name] ?? '',
  onChange: (v: string | number) => form.setFieldValue(name, v === '' ? null : Number(v)),
});

/**
 * The fields of a conference or a series; `date` is the conference's own (a series suggests one).
 * A warning, not an error, when the moderator also takes the minutes: small teams do that.
 */
export function SettingsFields({ form, date }: { form: AnyForm; date?: React.ReactNode }) {
  const { t } = useTranslation('conferences');
  const v = form.values as SettingsValues;
  const samePerson = Boolean(v.moderatorId) && v.moderatorId === v.minuteTakerId;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={t('conferences.fields.title')}
        required
        data-autofocus
        style={{ gridColumn: '1 / -1' }}
        {...form.getInputProps('title')}
      />
      <SectorSelect
        label={t('conferences.fields.sector')}
        required
        value={v.sectorId}
        onChange={(s) => form.setFieldValue('sectorId', s)}
        error={form.errors.sectorId}
      />
      {date}
      <TimeInput
        label={t('conferences.fields.startTime')}
        required
        {...form.getInputProps('startTime')}
        onChange={(e) => form.setFieldValue('startTime', e.currentTarget.value)}
      />
      <Select
        label={t('conferences.fields.timeZone')}
        description={t('conferences.fields.timeZoneHelp')}
        searchable
        required
        allowDeselect={false}
        data={timeZones()}
        {...form.getInputProps('timeZone')}
      />
      <NumberInput
        label={t('conferences.fields.durationMinutes')}
        required
        min={30}
        max={480}
        step={15}
        {...minutes(form, 'durationMinutes')}
      />
      <NumberInput
        label={t('conferences.fields.minutesPerCase')}
        required
        min={5}
        max={60}
        {...minutes(form, 'minutesPerCase')}
      />
      <NumberInput
        label={t('conferences.fields.openCommitmentsMinutes')}
        description={t('conferences.fields.openCommitmentsHelp')}
        required
        min={0}
        max={60}
        {...minutes(form, 'openCommitmentsMinutes')}
      />
      <TextInput label={t('conferences.fields.place')} {...form.getInputProps('place')} />
      <TextInput
        label={t('conferences.fields.videoUrl')}
        description={t('conferences.fields.videoUrlHelp')}
        type="url"
        {...form.getInputProps('videoUrl')}
      />
      <ColleagueSelect
        label={t('conferences.fields.moderator')}
        value={v.moderatorId}
        onChange={(id) => form.setFieldValue('moderatorId', id)}
        error={form.errors.moderatorId}
      />
      <ColleagueSelect
        label={t('conferences.fields.minuteTaker')}
        value={v.minuteTakerId}
        onChange={(id) => form.setFieldValue('minuteTakerId', id)}
        error={form.errors.minuteTakerId}
      />
      {samePerson && (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle />}
          style={{ gridColumn: '1 / -1' }}
          data-testid="same-person-warning"
        >
          {t('conferences.warnings.moderator_is_minute_taker')}
        </Alert>
      )}
    </SimpleGrid>
  );
}
