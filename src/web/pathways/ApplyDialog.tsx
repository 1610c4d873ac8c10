import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInGermany } from '../../contracts/common';
import type { OfferedMeasure, PathwayOffer } from '../../contracts/pathways';
import { useRefreshCase } from '../casefile/api';
import { ApiError } from '../lib/http';
import { measureKeys } from '../measures/api';
import { typedDateProps } from '../ui/dates';
import { ErrorAlert } from '../ui/errors';
import { FormDialog } from '../ui/FormDialog';
import { formatDate } from '../ui/format';
import { enumLabel } from '../ui/labels';
import { applyPathway, pathwayKeys } from './api';

/** The day `weeks` after `start` (both calendar days), as the server counts. */
const weeksAfter = (start: string, weeks: number | null) =>
  weeks === null
    ? null
    : new Date(Date.parse(`${start}T00:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);

function MeasureChoice({
  m,
  checked,
  onChange,
}: {
  m: OfferedMeasure;
  checked: boolean;
  onChange(v: boolean): void;
}) {
  const { t } = useTranslation('pathways');
  const what = [m.provider ?? enumLabel(t, 'measureType', m.type), m.onCase && t('apply.onCase')]
    .filter(Boolean)
    .join(' · ');
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Checkbox
        checked={checked && !m.onCase}
        disabled={m.onCase}
        onChange={(e) => onChange(e.currentTarget.checked)}
        label={m.title}
        description={what}
      />
      {m.source === 'suggested' && (
        <Badge size="sm" variant="light" color="grape" tt="none">
          {t('apply.suggested')}
        </Badge>
      )}
    </Group>
  );
}

/**
 * What applying a pathway puts into the plan, before it does: the objective, the steps with their
 * due dates from the chosen start, and the measures to propose (ticked, except those the case
 * has already). One click applies it all.
 */
export function ApplyDialog({
  clientId,
  offer,
  onClose,
}: {
  clientId: string;
  offer: PathwayOffer;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation('pathways');
  const queryClient = useQueryClient();
  const refreshCase = useRefreshCase(clientId);
  const [error, setError] = useState<unknown>(null);
  const offered = offer.steps.flatMap((s) => s.measures).filter((m) => !m.onCase);
  const form = useForm({
    initialValues: { startDate: todayInGermany(), measureIds: [...new Set(offered.map((m) => m.id))] },
    validate: { startDate: (v: string) => (v ? null : t('validation.required')) },
  });
  const start = form.values.startDate || todayInGermany();
  const weeks = offer.steps.map((s) => s.weeks).filter((w): w is number => w !== null);
  const target = weeks.length ? weeksAfter(start, Math.max(...weeks)) : null;
  const tick = (id: string, on: boolean) =>
    form.setFieldValue(
      'measureIds',
      on ? [...form.values.measureIds, id] : form.values.measureIds.filter((x) => x !== id),
    );
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const applied = await applyPathway(clientId, offer.id, { ...values, version: offer.version });
      notifications.show({ color: 'green', message: t('apply.done', { count: applied.stepIds.length }) });
      onClose();
      await Promise.all([
        refreshCase(),
        queryClient.invalidateQueries({ queryKey: pathwayKeys.offers(clientId) }),
        queryClient.invalidateQueries({ queryKey: measureKeys.suggestions(clientId) }),
        queryClient.invalidateQueries({ queryKey: pathwayKeys.lists }),
      ]);
    } catch (e) {
      setError(e);
      // Changed since the card was loaded (or applied elsewhere): the card shows it as it is now.
      if (e instanceof ApiError && (e.code === 'version_conflict' || e.code === 'duplicate'))
        await queryClient.invalidateQueries({ queryKey: pathwayKeys.offers(clientId) });
    }
  });
  return (
    <FormDialog
      title={t('apply.title', { title: offer.title })}
      size="lg"
      form={form}
      onSubmit={submit}
      onClose={onClose}
    >
      {(close) => (
        <Stack>
          {error instanceof ApiError && error.code === 'duplicate' ? (
            <Alert color="red" role="alert">
              {t('apply.duplicate')}
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
          <DateInput
            label={t('apply.startDate')}
            description={t('apply.startHelp')}
            required
            {...form.getInputProps('startDate')}
            {...typedDateProps(i18n)}
            clearable={false}
            w={{ base: '100%', sm: 240 }}
          />
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">
              {t('apply.objective')}
            </Text>
            <Text fw={500}>{offer.title}</Text>
            {target && <Text size="sm">{t('apply.target', { date: formatDate(target) })}</Text>}
          </Paper>
          <Title order={3} size="h5">
            {t('apply.steps', { count: offer.steps.length })}
          </Title>
          <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} data-testid="apply-steps">
            {offer.steps.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps are positional, they have no id
              <Paper key={i} component="li" withBorder p="sm">
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    {i + 1}. {s.text}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[
                      s.weeks !== null && t('apply.due', { date: formatDate(weeksAfter(start, s.weeks)) }),
                      s.responsible && t('steps.responsibleIs', { name: s.responsible }),
                      s.funder && t('steps.funderIs', { name: s.funder }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  {s.measures.map((m) => (
                    <MeasureChoice
                      key={m.id}
                      m={m}
                      checked={form.values.measureIds.includes(m.id)}
                      onChange={(on) => tick(m.id, on)}
                    />
                  ))}
                </Stack>
              </Paper>
            ))}
          </Stack>
          <Group justify="flex-end">
            <Button variant="subtle" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('apply.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </FormDialog>
  );
}
