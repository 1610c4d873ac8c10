import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Measure } from '../../contracts/measures';
import { measureSearchQuery } from '../measures/api';
import { type Option, SearchMultiSelect } from '../ui/pickers';

/** A step as the form holds it: `key` keeps React's rows apart while steps move (it is not sent). */
export interface StepValues {
  key: string;
  text: string;
  responsible: string;
  funder: string;
  measureIds: string[];
  weeks: number | null;
}
export interface PathwayValues {
  title: string;
  sectorId: string | null;
  occupationGroup: string;
  occupationIds: string[];
  description: string;
  steps: StepValues[];
}

export const emptyStep = (): StepValues => ({
  key: randomId(),
  text: '',
  responsible: '',
  funder: '',
  measureIds: [],
  weeks: null,
});

const MAX_STEPS = 30;
const findMeasures = {
  query: (term: string) => measureSearchQuery(term),
  option: (m: Measure) => ({ value: m.id, label: m.provider ? `${m.title} · ${m.provider.name}` : m.title }),
};

type Focus = { key: string; target: 'up' | 'down' | 'text' } | null;

/**
 * The steps of a pathway: added, removed and moved with buttons (so, by keyboard too), each a
 * group of its own fields. After a move the focus stays on the moved step's button, and a live
 * region says where the step went; a new step gets the focus in its first field.
 */
export function StepsEditor({
  form,
  knownMeasures,
}: {
  form: UseFormReturnType<PathwayValues>;
  knownMeasures: Option[];
}) {
  const { t } = useTranslation('pathways');
  const list = useRef<HTMLDivElement>(null);
  const [said, setSaid] = useState('');
  const [focus, setFocus] = useState<Focus>(null);
  const steps = form.values.steps;
  useEffect(() => {
    if (!focus || !list.current) return;
    const at = (target: string) =>
      list.current?.querySelector<HTMLElement>(`[data-step="${focus.key}:${target}"]:not(:disabled)`);
    (at(focus.target) ?? at(focus.target === 'up' ? 'down' : 'up'))?.focus();
    setFocus(null);
  }, [focus]);

  const move = (from: number, to: number, dir: 'up' | 'down') => {
    const step = steps[from];
    if (!step || to < 0 || to >= steps.length) return;
    form.reorderListItem('steps', { from, to });
    setSaid(t('steps.moved', { n: from + 1, position: to + 1, count: steps.length }));
    setFocus({ key: step.key, target: dir });
  };
  const add = () => {
    const step = emptyStep();
    form.insertListItem('steps', step);
    setFocus({ key: step.key, target: 'text' });
  };
  const remove = (i: number) => {
    form.removeListItem('steps', i);
    setSaid(t('steps.removed', { n: i + 1 }));
  };
  const error = typeof form.errors.steps === 'string' ? form.errors.steps : null;

  return (
    <Stack gap="xs">
      <Text fw={500} size="sm" id="pathway-steps-label">
        {t('steps.title')}{' '}
        <Text span c="red" aria-hidden>
          *
        </Text>
      </Text>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Stack
        component="ol"
        ref={list}
        gap="xs"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-labelledby="pathway-steps-label"
        data-testid="steps-editor"
      >
        {steps.map((s, i) => (
          <li key={s.key}>
            <Paper component="fieldset" withBorder p="sm" m={0} style={{ minWidth: 0 }}>
              {/* The legend first (it names the group); floated, it sits on the line of the buttons. */}
              <Text component="legend" fw={500} size="sm" style={{ float: 'left', padding: 0, marginTop: 4 }}>
                {t('steps.step', { n: i + 1 })}
              </Text>
              <Group justify="flex-end" gap={4} wrap="nowrap" mb={4}>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('steps.moveUp', { n: i + 1 })}
                  disabled={i === 0}
                  onClick={() => move(i, i - 1, 'up')}
                  data-step={`${s.key}:up`}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('steps.moveDown', { n: i + 1 })}
                  disabled={i === steps.length - 1}
                  onClick={() => move(i, i + 1, 'down')}
                  data-step={`${s.key}:down`}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('steps.remove', { n: i + 1 })}
                  onClick={() => remove(i)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <Stack gap="xs" style={{ clear: 'both' }}>
                <TextInput
                  label={t('steps.text')}
                  required
                  maxLength={500}
                  data-step={`${s.key}:text`}
                  {...form.getInputProps(`steps.${i}.text`)}
                />
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label={t('steps.responsible')}
                    maxLength={80}
                    {...form.getInputProps(`steps.${i}.responsible`)}
                  />
                  <TextInput
                    label={t('steps.funder')}
                    maxLength={80}
                    {...form.getInputProps(`steps.${i}.funder`)}
                  />
                  <NumberInput
                    label={t('steps.weeks')}
                    description={t('steps.weeksHelp')}
                    min={0}
                    max={260}
                    allowDecimal={false}
                    {...form.getInputProps(`steps.${i}.weeks`)}
                    value={s.weeks ?? ''}
                    onChange={(v) => form.setFieldValue(`steps.${i}.weeks`, v === '' ? null : Number(v))}
                  />
                </SimpleGrid>
                <SearchMultiSelect
                  label={t('steps.measures')}
                  placeholder={t('steps.measuresSearch')}
                  find={findMeasures}
                  known={knownMeasures}
                  value={s.measureIds}
                  onChange={(v) => form.setFieldValue(`steps.${i}.measureIds`, v)}
                  max={10}
                  error={form.errors[`steps.${i}.measureIds`]}
                />
              </Stack>
            </Paper>
          </li>
        ))}
      </Stack>
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={add}
          disabled={steps.length >= MAX_STEPS}
        >
          {t('steps.add')}
        </Button>
      </Group>
      <VisuallyHidden aria-live="polite" role="status">
        {said}
      </VisuallyHidden>
    </Stack>
  );
}
