import { Alert, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Brief } from '../../contracts/conferences';
import { ErrorAlert } from '../ui/errors';
import { countryName, enumLabel, languageName } from '../ui/labels';
import { PageLoader } from '../ui/PageLoader';
import { briefsQuery } from './api';
import { LevelBadge } from './badges';

function Line({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === '' || (Array.isArray(children) && children.length === 0)) return null;
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

/** One case brief as the institution would read it: identifying lines only where consent allows. */
function BriefCard({ b }: { b: Brief }) {
  const { t } = useTranslation('conferences');
  const f = (k: string) => t(`briefs.${k}`);
  return (
    <Paper withBorder p="md" component="li" data-testid="brief">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {b.name ?? b.caseCode ?? t('briefs.anonymousCase')}
          </Title>
          <LevelBadge level={b.level} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Line label={f('caseCode')}>{b.name ? b.caseCode : null}</Line>
          <Line label={f('birthDate')}>{b.birthDate}</Line>
          <Line label={f('address')}>{b.address}</Line>
          <Line label={f('age')}>{b.age === null ? t(`briefs.ageBand.${b.ageBand}`) : String(b.age)}</Line>
          <Line label={f('countries')}>
            {b.countries
              ? b.countries.map(countryName).join(', ')
              : t(`briefs.countryGroup.${b.countryGroup}`)}
          </Line>
          <Line label={f('referenceOccupation')}>{b.referenceOccupation}</Line>
          <Line label={f('qualifications')}>
            {b.qualifications.map((q) => (q.level ? `${q.title} (${q.level})` : q.title)).join('; ')}
          </Line>
          <Line label={f('recognition')}>
            {b.recognition
              .map((r) =>
                [r.status, r.outcome && enumLabel(t, 'outcome', r.outcome), r.differences]
                  .filter(Boolean)
                  .join(' · '),
              )
              .join('\n')}
          </Line>
          <Line label={f('languages')}>
            {b.languages.map((l) => `${languageName(l.language)} ${l.level ?? ''}`.trim()).join(', ')}
          </Line>
          <Line label={f('measures')}>
            {b.measures.map((m) => `${m.title} (${enumLabel(t, 'acquisitionStatus', m.status)})`).join('; ')}
          </Line>
        </SimpleGrid>
        <Line label={t('nominations.question')}>{b.question}</Line>
        <Line label={t('nominations.brief')}>{b.brief}</Line>
        <Line label={f('institutionsNeeded')}>{b.institutionsNeeded.join(', ')}</Line>
      </Stack>
    </Paper>
  );
}

/** The briefs an institution would receive now, as its pack would hold them (the read is audited). */
export function BriefPreview(p: {
  conferenceId: string;
  institution: { id: string; name: string };
  onClose(): void;
}) {
  const { t } = useTranslation('conferences');
  const preview = useQuery(briefsQuery(p.conferenceId, p.institution.id));
  const d = preview.data;
  return (
    <Modal opened onClose={p.onClose} title={t('packs.previewOf', { name: p.institution.name })} size="xl">
      <Stack>
        {preview.isPending && <PageLoader />}
        <ErrorAlert error={preview.error} />
        {d && (
          <>
            <Text size="sm">
              {d.scope ? t('packs.scope', { scope: t(`enums.scope.${d.scope}`) }) : t('packs.noScope')}
            </Text>
            {d.withheld > 0 && (
              <Alert color="orange" data-testid="withheld">
                {t('packs.withheld', { count: d.withheld })}
              </Alert>
            )}
            {d.briefs.length === 0 ? (
              <Text c="dimmed">{t('packs.noBriefs')}</Text>
            ) : (
              <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
                {d.briefs.map((b) => (
                  <BriefCard key={b.nominationId} b={b} />
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}
