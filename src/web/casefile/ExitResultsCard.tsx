import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../contracts/casefile';
import {
  type ExitResults,
  type ExitResultsBody,
  exitResultsBody,
  exitResultsProblem,
} from '../../contracts/clients';
import { recordExitResults } from '../clients/api';
import { applyFieldErrors, ErrorAlert, notifySaved } from '../ui/errors';
import { Form } from '../ui/Form';
import { useDiscardQuestion } from '../ui/FormDialog';
import { cleanValues, Fields, formValues, resolver } from '../ui/fields';
import { formatDate } from '../ui/format';
import { enumLabel } from '../ui/labels';
import { useRefreshCase } from './api';
import { Fact } from './Fact';
import { exitSpecs, followUpSpecs } from './specs';

type Client = CaseFile['client'];

const resultValues = (c: Client) => formValues([...exitSpecs, ...followUpSpecs], c);

/**
 * What the form sends: switches left off with nothing else filled in mean "not asked yet", not
 * "no" (a switch has no empty state), so the results at exit stay empty then.
 */
function bodyOf(values: Record<string, unknown>, version: number): ExitResultsBody {
  const v = cleanValues(values) as Omit<ExitResultsBody, 'version'>;
  const asked = Boolean(v.exitRecordedOn || v.exitLabour || v.exitInEducation || v.exitQualificationGained);
  return {
    ...v,
    exitInEducation: asked ? Boolean(v.exitInEducation) : null,
    exitQualificationGained: asked ? Boolean(v.exitQualificationGained) : null,
    version,
  };
}

/** The results at exit and six months on, shown and recorded in the file of a closed case. */
export function ExitResultsCard({ client }: { client: Client }) {
  const { t } = useTranslation('casefile');
  const refresh = useRefreshCase(client.id);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const validateFields = resolver(exitResultsBody.omit({ version: true }));
  const form = useForm({
    initialValues: resultValues(client),
    // The fields one by one, then whether they fit together and the case, as the server checks.
    validate: (values: Record<string, unknown>) => {
      const errors = validateFields(values);
      if (Object.keys(errors).length) return errors;
      const problem = exitResultsProblem(bodyOf(values, client.version) as ExitResults, client.closedOn);
      if (!problem) return {};
      const date = client.closedOn ? formatDate(client.closedOn) : '';
      return { [problem.path]: t(`case.exit.problems.${problem.code}`, { date }) };
    },
  });
  const cancel = useDiscardQuestion(form.isDirty, () => setEditing(false));
  const f = (k: string) => t(`case.fields.${k}`);
  const yesNo = (v: boolean | null) => (v === null ? null : v ? t('case.exit.yes') : t('case.exit.no'));

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await recordExitResults(client.id, bodyOf(values, client.version));
      notifySaved(t);
      setEditing(false);
      await refresh();
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
      await refresh();
    }
  });

  const edit = () => {
    const current = resultValues(client);
    form.setInitialValues(current);
    form.setValues(current);
    form.clearErrors();
    setError(null);
    setEditing(true);
  };

  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {t('case.exit.title')}
        </Title>
        {!editing && (
          <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={edit}>
            {t('common.edit')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {client.closedOn && t('case.exit.closedOn', { date: formatDate(client.closedOn) })}{' '}
        {t('case.exit.help')}
      </Text>
      {editing ? (
        <Form form={form} onSubmit={submit}>
          <Stack>
            <ErrorAlert error={error} />
            <Title order={4} size="h5">
              {t('case.exit.atExit')}
            </Title>
            <Fields form={form} specs={exitSpecs} />
            <Title order={4} size="h5">
              {t('case.exit.followUp')}
            </Title>
            <Fields form={form} specs={followUpSpecs} />
            <Group justify="flex-end">
              <Button variant="subtle" onClick={cancel.close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </Form>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Stack gap="xs">
            <Title order={4} size="h5">
              {t('case.exit.atExit')}
            </Title>
            {client.exitRecordedOn ? (
              <SimpleGrid cols={2} spacing="sm">
                <Fact label={f('exitRecordedOn')}>{formatDate(client.exitRecordedOn)}</Fact>
                <Fact label={f('exitLabour')}>{enumLabel(t, 'exitLabour', client.exitLabour)}</Fact>
                <Fact label={f('exitInEducation')}>{yesNo(client.exitInEducation)}</Fact>
                <Fact label={f('exitQualificationGained')}>{yesNo(client.exitQualificationGained)}</Fact>
              </SimpleGrid>
            ) : (
              <Text size="sm">{t('case.exit.notAsked')}</Text>
            )}
          </Stack>
          <Stack gap="xs">
            <Title order={4} size="h5">
              {t('case.exit.followUp')}
            </Title>
            {client.followUpRecordedOn ? (
              <SimpleGrid cols={2} spacing="sm">
                <Fact label={f('followUpRecordedOn')}>{formatDate(client.followUpRecordedOn)}</Fact>
                <Fact label={f('followUpEmployment')}>
                  {enumLabel(t, 'followUpEmployment', client.followUpEmployment)}
                </Fact>
              </SimpleGrid>
            ) : (
              <Text size="sm">{t('case.exit.notAsked')}</Text>
            )}
          </Stack>
        </SimpleGrid>
      )}
      {cancel.question}
    </Card>
  );
}
