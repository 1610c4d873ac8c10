import {
  Button,
  Card,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { schemaResolver, type UseFormReturnType, useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateBounds } from '../../../contracts/common';
import {
  defaultRetention,
  type PrivacyFramework,
  type PrivacySettings,
  privacyFrameworks,
  privacySettingsBody,
  type RetentionClass,
  type RetentionStartEvent,
  retentionClasses,
  startEventsOf,
} from '../../../contracts/privacy';
import { useWideScreen } from '../../ui/DataTable';
import { typedDateProps } from '../../ui/dates';
import { applyFieldErrors, ErrorAlert, notifySaved } from '../../ui/errors';
import { Form } from '../../ui/Form';
import { privacySettingsQuery, retentionKeys, updatePrivacySettings } from './api';

interface Values {
  framework: PrivacyFramework;
  esfLastPaymentOn: string | null;
  noticeDays: number | string;
  controller: string;
  dpoContact: string;
  rules: { class: RetentionClass; months: number | string; startEvent: RetentionStartEvent }[];
}
type SettingsForm = UseFormReturnType<Values>;

/** The form's values from the settings: every class in a fixed order, its default where none is stored. */
const valuesOf = (s: PrivacySettings): Values => ({
  framework: s.framework,
  esfLastPaymentOn: s.esfLastPaymentOn,
  noticeDays: s.noticeDays,
  controller: s.controller ?? '',
  dpoContact: s.dpoContact ?? '',
  rules: retentionClasses.map((c) => {
    const rule = s.rules.find((r) => r.class === c) ?? defaultRetention[c];
    return { class: c, months: rule.months, startEvent: rule.startEvent };
  }),
});

const bodyOf = (v: Values, version: number) => ({
  framework: v.framework,
  esfLastPaymentOn: v.esfLastPaymentOn || null,
  noticeDays: v.noticeDays === '' ? Number.NaN : Number(v.noticeDays),
  controller: v.controller,
  dpoContact: v.dpoContact,
  rules: v.rules.map((r) => ({ ...r, months: r.months === '' ? Number.NaN : Number(r.months) })),
  version,
});

/** "36 months" reads better as "3 years" too, where it is whole years. */
export function periodLabel(t: TFunction, months: number) {
  return months % 12 === 0
    ? t('retention.period.years', { count: months / 12 })
    : t('retention.period.months', { count: months });
}

/**
 * The organisation's retention periods and privacy settings (admin and dpo). A save names its
 * version: a change by someone else in between is refused (409, naming them) and the input stays.
 */
export function SettingsPart() {
  const { t } = useTranslation('privacy');
  const queryClient = useQueryClient();
  const settings = useQuery(privacySettingsQuery);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: valuesOf({ ...emptySettings, rules: [] }),
    validate: (v) => schemaResolver(privacySettingsBody, { sync: true })(bodyOf(v, 0)),
  });
  const { setValues, resetDirty } = form;
  // Read through a ref: the form's isDirty is a new function at every render.
  const isDirty = useRef(form.isDirty);
  isDirty.current = form.isDirty;
  // Filled from the server until the user types: a refetch after a refused save keeps the input.
  useEffect(() => {
    if (settings.data && !isDirty.current()) {
      setValues(valuesOf(settings.data));
      resetDirty(valuesOf(settings.data));
    }
  }, [settings.data, setValues, resetDirty]);

  const submit = form.onSubmit(async (values) => {
    if (!settings.data) return;
    setError(null);
    try {
      const saved = await updatePrivacySettings(bodyOf(values, settings.data.version));
      form.setValues(valuesOf(saved));
      form.resetDirty(valuesOf(saved));
      queryClient.setQueryData(retentionKeys.settings, saved);
      notifySaved(t);
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
      await settings.refetch();
    }
  });

  return (
    <Card withBorder maw={1000}>
      <Form form={form} onSubmit={submit}>
        <Stack>
          <ErrorAlert error={error ?? settings.error} />
          <GeneralFields form={form} />
          <RulesTable form={form} />
          <Group>
            <Button type="submit" disabled={!settings.data} data-testid="retention-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Card>
  );
}

const emptySettings: PrivacySettings = {
  framework: 'gdpr',
  esfLastPaymentOn: null,
  noticeDays: 14,
  controller: null,
  dpoContact: null,
  rules: [],
  version: 0,
};

function GeneralFields({ form }: { form: SettingsForm }) {
  const { t, i18n } = useTranslation('privacy');
  const bounds = dateBounds('deadline');
  return (
    <Stack gap="sm" component="section" aria-labelledby="retention-general">
      <Title order={2} size="h4" id="retention-general">
        {t('retention.settings.general')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('retention.settings.framework')}
          description={t('retention.settings.frameworkHelp')}
          required
          allowDeselect={false}
          data={privacyFrameworks.map((f) => ({ value: f, label: t(`retention.frameworks.${f}`) }))}
          {...form.getInputProps('framework')}
        />
        <NumberInput
          label={t('retention.settings.noticeDays')}
          description={t('retention.settings.noticeDaysHelp')}
          required
          min={1}
          max={90}
          allowDecimal={false}
          {...form.getInputProps('noticeDays')}
        />
        <DateInput
          label={t('retention.settings.esfLastPaymentOn')}
          description={t('retention.settings.esfLastPaymentOnHelp')}
          {...form.getInputProps('esfLastPaymentOn')}
          value={form.values.esfLastPaymentOn || null}
          {...typedDateProps(i18n, 'deadline', form.values.esfLastPaymentOn)}
          minDate={bounds.min}
          maxDate={bounds.max}
          clearable
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea
          label={t('retention.settings.controller')}
          description={t('retention.settings.controllerHelp')}
          autosize
          minRows={3}
          maxRows={8}
          {...form.getInputProps('controller')}
        />
        <Textarea
          label={t('retention.settings.dpoContact')}
          description={t('retention.settings.dpoContactHelp')}
          autosize
          minRows={3}
          maxRows={8}
          {...form.getInputProps('dpoContact')}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** One input pair per class: the months (with the years where whole) and the event they count from. */
function RuleInputs({ form, index, labelled }: { form: SettingsForm; index: number; labelled: boolean }) {
  const { t } = useTranslation('privacy');
  const rule = form.values.rules[index];
  if (!rule) return null;
  const name = t(`retention.classes.${rule.class}.name`);
  const months = Number(rule.months);
  const events = startEventsOf[rule.class];
  const inputs = [
    <NumberInput
      key="months"
      label={labelled ? t('retention.settings.months') : undefined}
      aria-label={labelled ? undefined : t('retention.settings.monthsOf', { name })}
      description={Number.isInteger(months) && months > 0 ? periodLabel(t, months) : ' '}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      min={1}
      max={360}
      allowDecimal={false}
      w={{ base: '100%', sm: 140 }}
      data-testid={`retention-months-${rule.class}`}
      {...form.getInputProps(`rules.${index}.months`)}
    />,
    events.length < 2 ? (
      <Stack key="event" gap={4} pt={labelled ? 0 : 6}>
        {labelled && (
          <Text size="sm" fw={500}>
            {t('retention.settings.startEvent')}
          </Text>
        )}
        <Text size="sm">{t(`retention.startEvents.${rule.startEvent}`)}</Text>
      </Stack>
    ) : (
      <Select
        key="event"
        label={labelled ? t('retention.settings.startEvent') : undefined}
        aria-label={labelled ? undefined : t('retention.settings.startEventOf', { name })}
        allowDeselect={false}
        data={events.map((e) => ({ value: e, label: t(`retention.startEvents.${e}`) }))}
        w={{ base: '100%', sm: 340 }}
        {...form.getInputProps(`rules.${index}.startEvent`)}
      />
    ),
  ];
  // In the table each input is a cell of the class's row; on a phone they stand in its card.
  return labelled ? inputs : inputs.map((input) => <Table.Td key={input.key}>{input}</Table.Td>);
}

function RulesTable({ form }: { form: SettingsForm }) {
  const { t } = useTranslation('privacy');
  const wide = useWideScreen();
  const head = (
    <>
      <Title order={2} size="h4" id="retention-rules">
        {t('retention.settings.rules')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('retention.settings.rulesHelp')}
      </Text>
    </>
  );
  const about = (c: RetentionClass) => (
    <>
      <Text fw={500}>{t(`retention.classes.${c}.name`)}</Text>
      <Text size="sm" c="dimmed">
        {t(`retention.classes.${c}.help`)}
      </Text>
    </>
  );
  if (!wide)
    return (
      <Stack gap="sm" component="section" aria-labelledby="retention-rules">
        {head}
        {form.values.rules.map((r, i) => (
          <Paper key={r.class} withBorder p="sm">
            <Stack gap="xs">
              {about(r.class)}
              <RuleInputs form={form} index={i} labelled />
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  return (
    <Stack gap="sm" component="section" aria-labelledby="retention-rules">
      {head}
      <Table verticalSpacing="sm" data-testid="retention-rules">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('retention.settings.class')}</Table.Th>
            <Table.Th>{t('retention.settings.months')}</Table.Th>
            <Table.Th>{t('retention.settings.startEvent')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {form.values.rules.map((r, i) => (
            <Table.Tr key={r.class} style={{ verticalAlign: 'top' }}>
              <Table.Td>{about(r.class)}</Table.Td>
              <RuleInputs form={form} index={i} labelled={false} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
