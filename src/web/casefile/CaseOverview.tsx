import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../contracts/casefile';
import { updateClientBody } from '../../contracts/clients';
import { residenceBody } from '../../contracts/profile';
import { updateCase } from '../clients/api';
import { personSpecs } from '../clients/specs';
import { cleanValues, Fields, formValues, resolver } from '../ui/fields';
import { formatDate } from '../ui/format';
import { countryName, enumLabel, languageName } from '../ui/labels';
import { CardEditForm, EditButton, useCardEdit } from './CardEdit';
import { EntrySection } from './EntrySection';
import { ExitResultsCard } from './ExitResultsCard';
import { Fact } from './Fact';
import { residenceSpecs } from './specs';

type Client = CaseFile['client'];

export const personFormValues = (c: Partial<Client> | null) => formValues(personSpecs, c);

function PersonCard({ client }: { client: Client }) {
  const { t } = useTranslation('casefile');
  const edit = useCardEdit({
    clientId: client.id,
    values: () => personFormValues(client),
    validate: resolver(updateClientBody.omit({ version: true })),
    save: (values) => updateCase(client.id, { ...cleanValues(values), version: client.version }),
  });
  const f = (k: string) => t(`case.fields.${k}`);

  if (edit.editing) {
    return (
      <Card withBorder>
        <CardEditForm edit={edit}>
          <Fields form={edit.form} specs={personSpecs} />
        </CardEditForm>
      </Card>
    );
  }
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('case.person')}
        </Title>
        <EditButton edit={edit} />
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <Fact label={f('birthDate')}>{client.birthDate ? formatDate(client.birthDate) : null}</Fact>
        <Fact label={f('gender')}>{client.gender ? enumLabel(t, 'gender', client.gender) : null}</Fact>
        <Fact label={f('citizenships')}>{client.citizenships.map(countryName).join(', ')}</Fact>
        <Fact label={f('birthCountry')}>{client.birthCountry ? countryName(client.birthCountry) : null}</Fact>
        <Fact label={f('languages')}>{client.languages.map(languageName).join(', ')}</Fact>
        <Fact label={f('arrivalDate')}>{client.arrivalDate ? formatDate(client.arrivalDate) : null}</Fact>
        <Fact label={f('email')}>{client.email}</Fact>
        <Fact label={f('phone')}>{client.phone}</Fact>
        <Fact label={t('case.address')}>
          {[client.street, [client.postcode, client.city].filter(Boolean).join(' ')]
            .filter(Boolean)
            .join(', ')}
        </Fact>
        <Fact label={f('district')}>
          {client.district ? enumLabel(t, 'district', client.district) : null}
        </Fact>
        <Fact label={f('referralSource')}>
          {client.referralSource ? enumLabel(t, 'referralSource', client.referralSource) : null}
        </Fact>
        <Fact label={f('benefits')}>
          {client.benefits ? enumLabel(t, 'benefits', client.benefits) : null}
          {client.jobcentreCustomerNumber && (
            <Badge ml="xs" size="xs" color="grape" title={t('case.help.socialData')}>
              {t('case.socialData')}: •••{client.jobcentreCustomerNumber.slice(-3)}
            </Badge>
          )}
        </Fact>
        <Fact label={f('employmentStatusAtEntry')}>
          {client.employmentStatusAtEntry
            ? enumLabel(t, 'employmentStatusAtEntry', client.employmentStatusAtEntry)
            : null}
        </Fact>
        <Fact label={t('case.currentJob')}>
          {client.currentEmployer
            ? `${client.currentEmployer}${client.currentHoursPerWeek ? `, ${client.currentHoursPerWeek} h` : ''}${client.currentJobBelowQualification ? ` · ${t('case.belowQualification')}` : ''}`
            : null}
        </Fact>
      </SimpleGrid>
      {client.notes && (
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {client.notes}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t('case.lastChange', { by: client.updatedBy ?? '–', date: formatDate(client.updatedAt) })}
      </Text>
    </Card>
  );
}

export function CaseOverview({ file }: { file: CaseFile }) {
  const { t } = useTranslation('casefile');
  return (
    <Stack gap="lg">
      <PersonCard client={file.client} />
      {file.client.stage === 'closed' && <ExitResultsCard client={file.client} />}
      <EntrySection
        clientId={file.client.id}
        kind="residence"
        title={t('case.residence')}
        addLabel={t('case.addResidence')}
        emptyText={t('case.noResidence')}
        items={file.residence}
        specs={residenceSpecs}
        schema={residenceBody}
        toForm={(r) => formValues(residenceSpecs, r)}
        render={(r) => (
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={500}>{r.legalBasis}</Text>
              {r.validUntil && r.validUntil < new Date().toISOString().slice(0, 10) && (
                <Badge color="red">{t('case.expired')}</Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {[
                r.validFrom && `${t('case.from')} ${formatDate(r.validFrom)}`,
                r.validUntil && `${t('case.until')} ${formatDate(r.validUntil)}`,
              ]
                .filter(Boolean)
                .join(' ')}
              {r.employmentPermission && ` · ${enumLabel(t, 'employmentPermission', r.employmentPermission)}`}
              {r.weeklyHoursLimit !== null && ` · ${t('case.hoursLimit', { count: r.weeklyHoursLimit })}`}
            </Text>
            {r.residenceObligation && <Text size="sm">{r.residenceObligation}</Text>}
          </Stack>
        )}
      />
    </Stack>
  );
}
