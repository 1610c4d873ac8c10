import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../contracts/casefile';
import {
  type ExitResults,
  type ExitResultsBody,
  exitResultsBody,
  exitResultsProblem,
} from '../../contracts/clients';
import { recordExitResults } from '../clients/api';
import { cleanValues, Fields, formValues, resolver } from '../ui/fields';
import { formatDate } from '../ui/format';
import { enumLabel } from '../ui/labels';
import { CardEditForm, EditButton, useCardEdit } from './CardEdit';
import { Fact } from './Fact';
import { exitSpecs, followUpSpecs } from './specs';

type Client = CaseFile['client'];

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

const validateFields = resolver(exitResultsBody.omit({ version: true }));

/** The fields one by one, then whether they fit together and the case, as the server checks. */
function validate(t: TFunction, client: Client) {
  return (values: Record<string, unknown>) => {
    const errors = validateFields(values);
    if (Object.keys(errors).length) return errors;
    const problem = exitResultsProblem(bodyOf(values, client.version) as ExitResults, client.closedOn);
    if (!problem) return {};
    const date = client.closedOn ? formatDate(client.closedOn) : '';
    return { [problem.path]: t(`case.exit.problems.${problem.code}`, { date }) };
  };
}

/** The results at exit and six months on, shown and recorded in the file of a closed case. */
export function ExitResultsCard({ client }: { client: Client }) {
  const { t } = useTranslation('casefile');
  const edit = useCardEdit({
    clientId: client.id,
    values: () => formValues([...exitSpecs, ...followUpSpecs], client),
    validate: validate(t, client),
    save: (values) => recordExitResults(client.id, bodyOf(values, client.version)),
  });
  const f = (k: string) => t(`case.fields.${k}`);
  const yesNo = (v: boolean | null) => (v === null ? null : v ? t('case.exit.yes') : t('case.exit.no'));
  const part = (title: string, facts: React.ReactNode) => (
    <Stack gap="xs">
      <Title order={4} size="h5">
        {title}
      </Title>
      {facts ?? <Text size="sm">{t('case.exit.notAsked')}</Text>}
    </Stack>
  );

  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {t('case.exit.title')}
        </Title>
        {!edit.editing && <EditButton edit={edit} />}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {client.closedOn && t('case.exit.closedOn', { date: formatDate(client.closedOn) })}{' '}
        {t('case.exit.help')}
      </Text>
      {edit.editing ? (
        <CardEditForm edit={edit}>
          {part(t('case.exit.atExit'), <Fields form={edit.form} specs={exitSpecs} />)}
          {part(t('case.exit.followUp'), <Fields form={edit.form} specs={followUpSpecs} />)}
        </CardEditForm>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          {part(
            t('case.exit.atExit'),
            client.exitRecordedOn && (
              <SimpleGrid cols={2} spacing="sm">
                <Fact label={f('exitRecordedOn')}>{formatDate(client.exitRecordedOn)}</Fact>
                <Fact label={f('exitLabour')}>{enumLabel(t, 'exitLabour', client.exitLabour)}</Fact>
                <Fact label={f('exitInEducation')}>{yesNo(client.exitInEducation)}</Fact>
                <Fact label={f('exitQualificationGained')}>{yesNo(client.exitQualificationGained)}</Fact>
              </SimpleGrid>
            ),
          )}
          {part(
            t('case.exit.followUp'),
            client.followUpRecordedOn && (
              <SimpleGrid cols={2} spacing="sm">
                <Fact label={f('followUpRecordedOn')}>{formatDate(client.followUpRecordedOn)}</Fact>
                <Fact label={f('followUpEmployment')}>
                  {enumLabel(t, 'followUpEmployment', client.followUpEmployment)}
                </Fact>
              </SimpleGrid>
            ),
          )}
        </SimpleGrid>
      )}
    </Card>
  );
}
