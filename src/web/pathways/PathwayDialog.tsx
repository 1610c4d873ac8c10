import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type Pathway, type PathwayBody, pathwayBody } from '../../contracts/pathways';
import { ConferenceForm } from '../conferences/ConferenceForm';
import { ApiError } from '../lib/http';
import { resolver } from '../ui/fields';
import { OccupationsSelect, SectorSelect } from '../ui/pickers';
import { addPathway, adoptPathway, changePathway, pathwayKeys } from './api';
import { emptyStep, type PathwayValues, StepsEditor } from './StepsEditor';

/** The contract's own messages (the server's and the browser's check say them alike), in the user's language. */
const messages: Record<string, string> = {
  'name at least one reference occupation': 'errors.occupations',
  'unknown reference occupation': 'errors.occupations',
  'a pathway needs at least one step': 'errors.steps',
  'a pathway has at most 30 steps': 'errors.tooManySteps',
  'choose the sector': 'errors.sector',
  'unknown sector': 'errors.sector',
  'not a measure of the catalogue': 'errors.measure',
};
const localised = (t: TFunction, message: string) => (messages[message] ? t(messages[message]) : message);

const valuesOf = (p: Pathway | undefined, sectorId: string | null): PathwayValues => ({
  title: p?.title ?? '',
  sectorId: p?.sector.id ?? sectorId,
  occupationGroup: p?.occupationGroup ?? '',
  occupationIds: p?.occupations.map((o) => o.id) ?? [],
  description: p?.description ?? '',
  steps: p
    ? p.steps.map((s) => ({
        ...emptyStep(),
        text: s.text,
        responsible: s.responsible ?? '',
        funder: s.funder ?? '',
        measureIds: s.measures.map((m) => m.id),
        weeks: s.weeks,
      }))
    : [emptyStep()],
});

/** What is sent: the steps without the form's keys. */
const bodyOf = (v: PathwayValues): PathwayBody => ({
  ...v,
  sectorId: v.sectorId ?? '',
  steps: v.steps.map(({ key: _key, ...s }) => s),
});

const validate = resolver(pathwayBody);

/**
 * Writes down a pathway, changes one, or adopts one at a conference (with the conference's sector
 * to start from): what, for which reference occupations, and its steps with who does them, who
 * pays, by when and the catalogue's measures.
 */
export function PathwayDialog({
  pathway,
  conference,
  onClose,
}: {
  pathway?: Pathway;
  conference?: { id: string; sectorId: string };
  onClose(): void;
}) {
  const { t } = useTranslation('pathways');
  const queryClient = useQueryClient();
  const form = useForm<PathwayValues>({
    initialValues: valuesOf(pathway, conference?.sectorId ?? null),
    validate: (values) =>
      Object.fromEntries(
        Object.entries(validate(bodyOf(values))).map(([k, m]) => [
          k,
          typeof m === 'string' ? localised(t, m) : m,
        ]),
      ),
  });
  const save = async (values: PathwayValues) => {
    const body = bodyOf(values);
    try {
      if (pathway) await changePathway(pathway.id, { ...body, version: pathway.version });
      else if (conference) await adoptPathway(conference.id, body);
      else await addPathway(body);
    } catch (e) {
      if (e instanceof ApiError) for (const f of e.fields) f.message = localised(t, f.message);
      throw e;
    }
    await queryClient.invalidateQueries({ queryKey: pathwayKeys.lists });
  };
  const knownOccupations = pathway?.occupations.map((o) => ({ value: o.id, label: o.title }));
  const knownMeasures =
    pathway?.steps.flatMap((s) => s.measures.map((m) => ({ value: m.id, label: m.title }))) ?? [];
  return (
    <ConferenceForm
      title={pathway ? pathway.title : conference ? t('conference.adopt') : t('pathways.add')}
      size="xl"
      form={form}
      save={save}
      onClose={onClose}
      submitLabel={pathway ? undefined : conference ? t('conference.adoptSubmit') : t('pathways.addSubmit')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('fields.title')} required maxLength={200} {...form.getInputProps('title')} />
        <SectorSelect
          label={t('fields.sector')}
          required
          value={form.values.sectorId}
          onChange={(v) => form.setFieldValue('sectorId', v)}
          error={form.errors.sectorId}
        />
      </SimpleGrid>
      <TextInput
        label={t('fields.occupationGroup')}
        description={t('fields.occupationGroupHelp')}
        required
        maxLength={300}
        {...form.getInputProps('occupationGroup')}
      />
      <OccupationsSelect
        label={t('fields.occupations')}
        description={t('fields.occupationsHelp')}
        required
        known={knownOccupations}
        value={form.values.occupationIds}
        onChange={(v) => form.setFieldValue('occupationIds', v)}
        error={form.errors.occupationIds}
      />
      <Textarea
        label={t('fields.description')}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={4000}
        {...form.getInputProps('description')}
      />
      <StepsEditor form={form} knownMeasures={knownMeasures} />
    </ConferenceForm>
  );
}
