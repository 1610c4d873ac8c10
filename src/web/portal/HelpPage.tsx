import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session';
import { PageHeader } from '../ui/PageHeader';

const sections = ['what', 'why', 'levels', 'withdrawn', 'logged', 'contact'] as const;

/** What Lotse shows a partner and why, in plain words. */
export function PortalHelpPage() {
  const { t } = useTranslation('portal');
  const user = useUser();
  return (
    <Stack>
      <PageHeader title={t('help.title')} description={t('help.intro')} />
      {sections.map((s) => (
        <Card withBorder key={s} component="section" aria-labelledby={`help-${s}`}>
          <Stack gap="xs">
            <Title order={2} size="h4" id={`help-${s}`}>
              {t(`help.${s}.title`)}
            </Title>
            {s === 'levels' ? (
              (['pseudonymised', 'anonymised', 'identified'] as const).map((level) => (
                <Text key={level}>{t(`help.levels.${level}`)}</Text>
              ))
            ) : (
              <Text>{t(`help.${s}.text`, { organisation: user.organisation.name })}</Text>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
