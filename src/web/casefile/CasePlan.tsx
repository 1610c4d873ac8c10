import { Anchor, Badge, Checkbox, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseFile } from '../../contracts/casefile';
import { objectiveBody, stepBody } from '../../contracts/plan';
import { notifyError } from '../ui/errors';
import { formValues } from '../ui/fields';
import { formatDate } from '../ui/format';
import { loadConferenceTexts } from '../ui/i18n';
import { enumLabel } from '../ui/labels';
import { changeEntry, useRefreshCase } from './api';
import { EntrySection } from './EntrySection';
import { objectiveSpecs, stepSpecs } from './specs';

/**
 * "Pathways for this profession": a chunk of its own with the conference pages' texts, fetched when
 * the plan is shown (the start page carries neither). A chunk that fails to load leaves the card out.
 */
const CasePathways = lazy(() =>
  Promise.all([import('../pathways/CasePathways'), loadConferenceTexts()]).then(
    ([m]) => ({ default: m.CasePathways }),
    () => ({ default: () => null }),
  ),
);

export function CasePlan({ file }: { file: CaseFile }) {
  const { t } = useTranslation('casefile');
  const id = file.client.id;
  const refresh = useRefreshCase(id);
  const toggle = async (s: CaseFile['plan']['steps'][number]) => {
    try {
      await changeEntry(id, 'steps', s.id, { version: s.version, done: !s.doneAt });
      await refresh();
    } catch (e) {
      notifyError(t, e);
      await refresh();
    }
  };
  return (
    <Stack gap="xl">
      <Suspense fallback={null}>
        <CasePathways clientId={id} />
      </Suspense>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <EntrySection
          clientId={id}
          kind="objectives"
          title={t('case.objectives')}
          addLabel={t('case.addObjective')}
          emptyText={t('case.noObjectives')}
          items={file.plan.objectives}
          specs={objectiveSpecs}
          schema={objectiveBody}
          toForm={(o) => formValues(objectiveSpecs, o, { status: 'open' })}
          render={(o) => (
            <Stack gap={2}>
              <Group gap="xs">
                <Badge color={o.status === 'achieved' ? 'green' : o.status === 'dropped' ? 'gray' : 'blue'}>
                  {enumLabel(t, 'objectiveStatus', o.status)}
                </Badge>
                {o.targetDate && (
                  <Text size="sm" c="dimmed">
                    {t('case.target', { date: formatDate(o.targetDate) })}
                  </Text>
                )}
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {o.text}
              </Text>
            </Stack>
          )}
        />
        <EntrySection
          clientId={id}
          kind="steps"
          title={t('case.steps')}
          addLabel={t('case.addStep')}
          emptyText={t('case.noSteps')}
          items={file.plan.steps}
          specs={stepSpecs}
          schema={stepBody}
          toForm={(s) =>
            formValues(
              stepSpecs,
              s ? { ...s, ownerUserId: s.owner?.id ?? null, done: Boolean(s.doneAt) } : null,
            )
          }
          render={(s) => (
            <Group gap="sm" align="flex-start" wrap="nowrap">
              <Checkbox
                checked={Boolean(s.doneAt)}
                onChange={() => toggle(s)}
                aria-label={t('case.fields.done')}
                mt={2}
              />
              <Stack gap={2}>
                <Text size="sm" td={s.doneAt ? 'line-through' : undefined}>
                  {s.text}
                </Text>
                <Group gap="xs">
                  {s.dueDate && (
                    <Badge color={s.overdue ? 'red' : 'gray'} variant={s.overdue ? 'filled' : 'light'}>
                      {s.overdue
                        ? t('case.overdueSince', { date: formatDate(s.dueDate) })
                        : t('case.due', { date: formatDate(s.dueDate) })}
                    </Badge>
                  )}
                  {(s.owner || s.ownerNote) && (
                    <Text size="xs" c="dimmed">
                      {s.owner?.name ?? s.ownerNote}
                    </Text>
                  )}
                </Group>
              </Stack>
            </Group>
          )}
        />
        <PlannedMeasures file={file} />
      </SimpleGrid>
    </Stack>
  );
}

/** The measures acquired for the client belong to the plan; they are worked on in their own tab. */
function PlannedMeasures({ file }: { file: CaseFile }) {
  const { t } = useTranslation('casefile');
  const items = [
    ...file.network.acquisitions.map((a) => ({
      id: a.id,
      title: a.measure.title,
      status: enumLabel(t, 'acquisitionStatus', a.status),
      dates: a.startDate ? `${formatDate(a.startDate)} – ${formatDate(a.endDate)}` : null,
    })),
    ...file.network.placements.map((p) => ({
      id: p.id,
      title: `${p.opportunity.title} (${p.opportunity.employer.name})`,
      status: enumLabel(t, 'placementStatus', p.status),
      dates: null,
    })),
  ];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('measures:progress.inPlan')}
        </Title>
        <Anchor component={Link} to="?tab=network" size="sm">
          {t('measures:progress.open')}
        </Anchor>
      </Group>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('measures:progress.noMeasures')}
        </Text>
      )}
      {items.map((i) => (
        <Group key={i.id} gap="xs">
          <Badge variant="light">{i.status}</Badge>
          <Text size="sm">{i.title}</Text>
          {i.dates && (
            <Text size="xs" c="dimmed">
              {i.dates}
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  );
}
