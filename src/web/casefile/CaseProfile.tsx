import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../contracts/casefile';
import { experienceBody, languageSkillBody, qualificationBody } from '../../contracts/profile';
import { formValues } from '../ui/fields';
import { formatDate } from '../ui/format';
import { countryName, enumLabel, languageName } from '../ui/labels';
import { EntrySection } from './EntrySection';
import { experienceSpecs, languageSpecs, qualificationSpecs } from './specs';

export function CaseProfile({ file }: { file: CaseFile }) {
  const { t } = useTranslation('casefile');
  const id = file.client.id;
  return (
    <Stack gap="xl">
      <EntrySection
        clientId={id}
        kind="qualifications"
        title={t('case.qualifications')}
        addLabel={t('case.addQualification')}
        emptyText={t('case.noQualifications')}
        items={file.qualifications}
        specs={qualificationSpecs}
        schema={qualificationBody}
        toForm={(q) =>
          formValues(
            qualificationSpecs,
            q ? { ...q, referenceOccupationId: q.referenceOccupation?.id ?? null } : null,
            { kind: 'academic', regulated: false },
          )
        }
        render={(q) => (
          <Stack gap={4}>
            <Group gap="xs">
              <Text fw={500}>
                <bdi>{q.titleOriginal}</bdi>
              </Text>
              {q.titleTranslation && <Text c="dimmed">({q.titleTranslation})</Text>}
            </Group>
            <Text size="sm" c="dimmed">
              {[
                enumLabel(t, 'qualificationKind', q.kind),
                countryName(q.country),
                q.institution,
                q.year,
                q.iscedLevel !== null ? `ISCED ${q.iscedLevel}` : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Group gap="xs">
              {q.anabinStatus && (
                <Badge variant="outline">anabin {enumLabel(t, 'anabin', q.anabinStatus)}</Badge>
              )}
              {q.referenceOccupation && (
                <Badge variant="light">
                  {t('case.fields.referenceOccupationId')}: {q.referenceOccupation.title}
                </Badge>
              )}
              {q.regulated !== null && (
                <Badge color={q.regulated ? 'orange' : 'gray'}>
                  {q.regulated ? t('case.regulated') : t('case.notRegulated')}
                </Badge>
              )}
              {q.law && <Badge color="gray">{enumLabel(t, 'law', q.law)}</Badge>}
            </Group>
          </Stack>
        )}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <EntrySection
          clientId={id}
          kind="languages"
          title={t('case.languages')}
          addLabel={t('case.addLanguage')}
          emptyText={t('case.noLanguages')}
          items={file.languages}
          specs={languageSpecs}
          schema={languageSkillBody}
          toForm={(l) => formValues(languageSpecs, l, { language: 'deu' })}
          render={(l) => (
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={500}>{languageName(l.language)}</Text>
                <Badge>{enumLabel(t, 'level', l.level)}</Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {(['listening', 'reading', 'writing', 'speaking'] as const)
                  .filter((k) => l[k])
                  .map((k) => `${t(`case.fields.${k}`)} ${l[k]}`)
                  .join(' · ')}
                {l.evidence && ` · ${enumLabel(t, 'evidence', l.evidence)}`}
                {l.assessedOn && ` · ${formatDate(l.assessedOn)}`}
              </Text>
            </Stack>
          )}
        />
        <EntrySection
          clientId={id}
          kind="experience"
          title={t('case.experience')}
          addLabel={t('case.addExperience')}
          emptyText={t('case.noExperience')}
          items={file.experience}
          specs={experienceSpecs}
          schema={experienceBody}
          toForm={(e) => formValues(experienceSpecs, e)}
          render={(e) => (
            <Stack gap={2}>
              <Text fw={500}>{e.role}</Text>
              <Text size="sm" c="dimmed">
                {[
                  e.employer,
                  e.country ? countryName(e.country) : null,
                  [e.fromDate && formatDate(e.fromDate), e.toDate && formatDate(e.toDate)]
                    .filter(Boolean)
                    .join(' – '),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {e.description && <Text size="sm">{e.description}</Text>}
            </Stack>
          )}
        />
      </SimpleGrid>
    </Stack>
  );
}
