import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../contracts/casefile';
import { contactBody } from '../../contracts/plan';
import { formValues } from '../ui/fields';
import { formatDate } from '../ui/format';
import { enumLabel } from '../ui/labels';
import { EntrySection } from './EntrySection';
import { contactSpecs } from './specs';

export function CaseContacts({ file }: { file: CaseFile }) {
  const { t } = useTranslation('casefile');
  return (
    <EntrySection
      clientId={file.client.id}
      kind="contacts"
      title={t('case.contacts')}
      addLabel={t('case.addContact')}
      emptyText={t('case.noContacts')}
      items={file.contacts}
      specs={contactSpecs}
      schema={contactBody}
      toForm={(c) =>
        formValues(contactSpecs, c, {
          kind: 'session',
          occurredOn: new Date().toISOString().slice(0, 10),
          sessionType: file.contacts.some((x) => x.kind === 'session') ? 'follow_up' : 'first',
          channel: 'in_person',
          interpreter: false,
        })
      }
      render={(c) => (
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={500}>{formatDate(c.occurredOn)}</Text>
            <Badge variant="light">
              {c.kind === 'session'
                ? enumLabel(t, 'sessionType', c.sessionType ?? 'follow_up')
                : t('enums.contactKind.coordination')}
            </Badge>
            {c.channel && <Badge variant="outline">{enumLabel(t, 'channel', c.channel)}</Badge>}
            {c.durationMinutes !== null && (
              <Text size="sm" c="dimmed">
                {t('case.minutes', { count: c.durationMinutes })}
              </Text>
            )}
            {c.interpreter && <Badge color="grape">{t('case.fields.interpreter')}</Badge>}
            {c.by && (
              <Text size="xs" c="dimmed">
                {c.by}
              </Text>
            )}
          </Group>
          {c.institutionName && (
            <Text size="sm">
              {c.institutionName}
              {c.topic ? ` – ${c.topic}` : ''}
            </Text>
          )}
          {c.summary && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.summary}
            </Text>
          )}
          {c.result && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <b>{t('case.fields.result')}:</b> {c.result}
            </Text>
          )}
        </Stack>
      )}
    />
  );
}
