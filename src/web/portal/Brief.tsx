import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconEyeOff, IconId, IconMask } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Brief } from '../../contracts/conferences';
import { formatDate } from '../ui/format';
import { countryName, enumLabel, languageName } from '../ui/labels';

const levelIcons = { identified: IconId, pseudonymised: IconMask, anonymised: IconEyeOff } as const;

function Line({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === '' || children === undefined) return null;
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

/** What the level means, in words: why there is a case code, or no name at all. */
export function LevelNote({ level }: { level: Brief['level'] }) {
  const { t } = useTranslation('portal');
  const Icon = levelIcons[level];
  return (
    <Alert
      color={level === 'identified' ? 'orange' : 'blue'}
      icon={<Icon aria-hidden />}
      title={t(`brief.level.${level}`)}
    >
      {t(`brief.levelText.${level}`)}
    </Alert>
  );
}

/**
 * One case as the institution may see it now: the server built it field by field from the
 * consent; a line the brief does not have is not shown at all.
 */
export function BriefView({ brief: b }: { brief: Brief }) {
  const { t } = useTranslation('portal');
  const f = (k: string) => t(`brief.${k}`);
  const list = (items: string[]) => (items.length ? items.join('\n') : null);
  return (
    <Stack gap="sm" data-testid="portal-brief">
      <LevelNote level={b.level} />
      <Line label={f('question')}>{b.question}</Line>
      <Line label={f('brief')}>{b.brief}</Line>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Line label={f('name')}>{b.name}</Line>
        <Line label={f('caseCode')}>{b.caseCode}</Line>
        <Line label={f('birthDate')}>{b.birthDate ? formatDate(b.birthDate) : null}</Line>
        <Line label={f('address')}>{b.address}</Line>
        <Line label={f('age')}>{b.age === null ? t(`brief.ageBand.${b.ageBand}`) : String(b.age)}</Line>
        <Line label={f('countries')}>
          {b.countries ? b.countries.map(countryName).join(', ') : t(`brief.countryGroup.${b.countryGroup}`)}
        </Line>
        <Line label={f('referenceOccupation')}>{b.referenceOccupation}</Line>
        <Line label={f('qualifications')}>
          {list(b.qualifications.map((q) => (q.level ? `${q.title} (${q.level})` : q.title)))}
        </Line>
        <Line label={f('recognition')}>
          {list(
            b.recognition.map((r) =>
              [
                t(`brief.procedure.${r.status}`, { defaultValue: r.status }),
                r.outcome && enumLabel(t, 'outcome', r.outcome),
                r.differences,
              ]
                .filter(Boolean)
                .join(' · '),
            ),
          )}
        </Line>
        <Line label={f('languages')}>
          {list(
            b.languages.map(
              (l) => `${languageName(l.language)}: ${l.level === 'native' ? f('native') : (l.level ?? '–')}`,
            ),
          )}
        </Line>
        <Line label={f('measures')}>
          {list(b.measures.map((m) => `${m.title} (${enumLabel(t, 'acquisitionStatus', m.status)})`))}
        </Line>
        <Line label={f('institutionsNeeded')}>{b.institutionsNeeded.join(', ')}</Line>
      </SimpleGrid>
    </Stack>
  );
}
