import { Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paperworkDocuments } from '../../contracts/privacy-workspace';
import { DownloadLink } from '../ui/DownloadLink';
import { paperworkUrl } from './workspace/api';

/** The paperwork, generated at each download from the configuration: each document as PDF and as Markdown. */
export function PaperworkTab() {
  const { t, i18n } = useTranslation('privacy');
  const [lang, setLang] = useState(i18n.language.startsWith('de') ? 'de' : 'en');
  return (
    <Stack>
      <Text size="sm">{t('paperwork.intro')}</Text>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="paperwork-language">
          {t('paperwork.language')}
        </Text>
        <SegmentedControl
          aria-labelledby="paperwork-language"
          value={lang}
          onChange={setLang}
          data={['de', 'en'].map((l) => ({ value: l, label: t(`paperwork.languages.${l}`) }))}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {paperworkDocuments.map((d) => (
          <Paper key={d} withBorder p="md" component="section" aria-labelledby={`paperwork-${d}`}>
            <Stack gap="sm" h="100%" justify="space-between">
              <Stack gap={4}>
                <Title order={3} size="h5" id={`paperwork-${d}`}>
                  {t(`paperwork.documents.${d}.title`)}
                </Title>
                <Text size="sm" c="dimmed">
                  {t(`paperwork.documents.${d}.text`)}
                </Text>
              </Stack>
              <Group gap="xs" data-testid={`paperwork-${d}`}>
                <DownloadLink href={paperworkUrl(d, 'pdf', lang)}>{t('paperwork.pdf')}</DownloadLink>
                <DownloadLink href={paperworkUrl(d, 'md', lang)}>{t('paperwork.md')}</DownloadLink>
              </Group>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
