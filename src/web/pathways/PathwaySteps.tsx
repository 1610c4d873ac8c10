import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Pathway } from '../../contracts/pathways';
import { enumLabel } from '../ui/labels';

/** Who does a step, who pays and by when, in one line. */
function useStepFacts() {
  const { t } = useTranslation('pathways');
  return (s: Pick<Pathway['steps'][number], 'responsible' | 'funder' | 'weeks'>) =>
    [
      s.responsible && t('steps.responsibleIs', { name: s.responsible }),
      s.funder && t('steps.funderIs', { name: s.funder }),
      s.weeks !== null && t('steps.byWeek', { count: s.weeks }),
    ]
      .filter(Boolean)
      .join(' · ');
}

/** A pathway's steps as an ordered list: what, who, who pays, by when, and the catalogue measures. */
export function PathwaySteps({ steps }: { steps: Pathway['steps'] }) {
  const { t } = useTranslation('pathways');
  const facts = useStepFacts();
  return (
    <Stack component="ol" gap={6} m={0} p={0} style={{ listStyle: 'none' }} data-testid="pathway-steps">
      {steps.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: steps are positional, they have no id
        <Paper key={i} component="li" withBorder p="xs">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Badge variant="light" circle aria-hidden>
              {i + 1}
            </Badge>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={500}>
                {s.text}
              </Text>
              {facts(s) && (
                <Text size="xs" c="dimmed">
                  {facts(s)}
                </Text>
              )}
              {s.measures.length > 0 && (
                <Text size="xs">
                  {t('steps.measuresAre', {
                    list: s.measures
                      .map((m) => `${m.title} (${m.provider ?? enumLabel(t, 'measureType', m.type)})`)
                      .join('; '),
                  })}
                </Text>
              )}
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
