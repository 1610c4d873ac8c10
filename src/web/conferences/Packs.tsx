import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconEye, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conference } from '../../contracts/conferences';
import { DataTable } from '../ui/DataTable';
import { packUrl } from './api';
import { BriefPreview } from './BriefPreview';
import { AnswerBadge } from './badges';
import { invitedInstitutions } from './WrittenInputDialog';

/**
 * One pack per invited institution: the agenda and the briefs it may receive now. Leads only;
 * every download is written to the disclosure log, so it is a deliberate click, not a preview.
 */
export function Packs({ conference: c }: { conference: Conference }) {
  const { t } = useTranslation('conferences');
  const [preview, setPreview] = useState<{ id: string; name: string } | null>(null);
  const institutions = invitedInstitutions(c);
  /** The institution's answer: attending if anyone of it comes. */
  const answerOf = (id: string) => {
    const answers = c.invitations.filter((i) => i.institution.id === id).map((i) => i.answer);
    return (
      (['attending', 'deputy', 'pending', 'declined'] as const).find((a) => answers.includes(a)) ?? 'pending'
    );
  };
  const receives = (id: string) =>
    c.nominations.filter((n) => n.recipients.some((r) => r.institution.id === id && r.level !== 'none'))
      .length;
  return (
    <Stack>
      <Alert color="blue" icon={<IconShieldLock />} data-testid="disclosure-note">
        {t('packs.note')}
      </Alert>
      {institutions.length === 0 ? (
        <Text c="dimmed">{t('invite.none')}</Text>
      ) : (
        <DataTable
          items={institutions}
          testId="packs"
          minWidth={700}
          rowKey={(i) => i.id}
          plainTitle
          columns={[
            { head: t('invite.institution'), card: 'title', cell: (i) => <Text fw={500}>{i.name}</Text> },
            { head: t('invite.answer'), card: 'badge', cell: (i) => <AnswerBadge answer={answerOf(i.id)} /> },
            {
              head: t('packs.cases'),
              card: 'fact',
              cell: (i) => t('packs.casesOf', { count: receives(i.id), of: c.nominations.length }),
            },
            {
              head: '',
              card: 'action',
              cell: (i) => (
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconEye size={14} />}
                    aria-label={t('packs.previewOf', { name: i.name })}
                    onClick={() => setPreview(i)}
                  >
                    {t('packs.preview')}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    component="a"
                    href={packUrl(c.id, i.id)}
                    download
                    leftSection={<IconDownload size={14} />}
                    aria-label={t('packs.downloadOf', { name: i.name })}
                  >
                    {t('packs.download')}
                  </Button>
                </Group>
              ),
            },
          ]}
        />
      )}
      {preview && <BriefPreview conferenceId={c.id} institution={preview} onClose={() => setPreview(null)} />}
    </Stack>
  );
}
