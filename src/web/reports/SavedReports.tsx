import { ActionIcon, Anchor, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type SavedReport, savedReportBody } from '../../contracts/reports';
import { ConfirmModal } from '../ui/ConfirmModal';
import { ErrorAlert, notifyError } from '../ui/errors';
import { FormModal } from '../ui/FormModal';
import { formatDate } from '../ui/format';
import { deleteSavedReport, reportKeys, savedReportsQuery, saveReport } from './api';
import { useReportLabels } from './labels';

/** The address of a saved report: its definition's version too, so that it is counted as it was. */
export const savedReportHref = (s: SavedReport) =>
  `/reports?${new URLSearchParams({ report: s.report, version: String(s.version), from: s.from, to: s.to, by: s.by })}`;

/** The user's saved reports: each opens the report as saved (with its version), or is deleted. */
export function SavedReports() {
  const { t } = useTranslation('reports');
  const { labels } = useReportLabels();
  const queryClient = useQueryClient();
  const saved = useQuery(savedReportsQuery);
  const [deleting, setDeleting] = useState<SavedReport | null>(null);
  return (
    <Stack gap="xs" component="section" data-testid="saved-reports">
      <Title order={2} size="h4">
        {t('saved.title')}
      </Title>
      <ErrorAlert error={saved.error} />
      {saved.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('saved.none')}
        </Text>
      )}
      {saved.data && saved.data.length > 0 && (
        <List listStyleType="none" spacing={4}>
          {saved.data.map((s) => (
            <List.Item key={s.id}>
              <Group gap="xs" wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('saved.delete', { name: s.name })}
                  onClick={() => setDeleting(s)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
                <Text size="sm">
                  <Anchor component={Link} to={savedReportHref(s)} replace>
                    {s.name}
                  </Anchor>{' '}
                  <Text span size="sm" c="dimmed">
                    {t('saved.of', {
                      report: labels.reports[s.report].title,
                      from: formatDate(s.from),
                      to: formatDate(s.to),
                      version: s.version,
                    })}
                  </Text>
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={t('saved.deleteTitle')}
        text={t('saved.deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('common.delete')}
        onConfirm={async () => {
          if (!deleting) return;
          try {
            await deleteSavedReport(deleting.id);
            await queryClient.invalidateQueries({ queryKey: reportKeys.saved });
            setDeleting(null);
          } catch (e) {
            notifyError(t, e);
          }
        }}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

/** Saves the shown report under a name; the dialog keeps the name when the server refuses it. */
export function SaveReportDialog({
  body,
  onClose,
}: {
  body: Omit<SavedReport, 'id' | 'createdAt' | 'name'>;
  onClose(): void;
}) {
  const { t } = useTranslation('reports');
  const queryClient = useQueryClient();
  return (
    <FormModal
      title={t('saved.save')}
      size="md"
      specs={[{ name: 'name', label: 'reports:saved.name', kind: 'text', required: true, wide: true }]}
      initial={{ name: '' }}
      schema={savedReportBody.pick({ name: true })}
      save={async (values) => {
        await saveReport({ ...body, name: String(values.name ?? '') });
        await queryClient.invalidateQueries({ queryKey: reportKeys.saved });
      }}
      onClose={onClose}
    />
  );
}
