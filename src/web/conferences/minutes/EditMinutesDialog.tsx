import { Alert, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconGitCompare } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MinutesItem, minutesBody } from '../../../contracts/conferences-minutes';
import { ApiError } from '../../lib/http';
import { applyFieldErrors, ErrorAlert, notifySaved } from '../../ui/errors';
import { FormDialog } from '../../ui/FormDialog';
import { resolver } from '../../ui/fields';
import { conferenceKeys, editMinutes, minutesQuery } from '../api';
import { itemTitle } from './MinutesItemCard';

/**
 * The minutes of one item, edited. Starts from the edited text, or the draft from live mode. When
 * someone else saved meanwhile, the dialog stays open with the text as typed, shows theirs beside
 * it, and the next save — now at their version — knowingly replaces it.
 */
export function EditMinutesDialog(p: { conferenceId: string; item: MinutesItem; onClose(): void }) {
  const { t } = useTranslation('conferences');
  const queryClient = useQueryClient();
  const version = useRef(p.item.version);
  const [theirs, setTheirs] = useState<MinutesItem | null>(null);
  const form = useForm({
    initialValues: { text: p.item.text ?? p.item.draft ?? '' },
    validate: resolver(minutesBody.pick({ text: true })),
  });
  const [error, setError] = useState<unknown>(null);
  const submit = form.onSubmit(async ({ text }) => {
    setError(null);
    try {
      const saved = await editMinutes(p.conferenceId, p.item.item, { text, version: version.current });
      queryClient.setQueryData(conferenceKeys.minutes(p.conferenceId), saved);
      notifySaved(t);
      p.onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        // Theirs beside the text typed, which stays; the next save is at their version.
        const now = await queryClient.fetchQuery({ ...minutesQuery(p.conferenceId), staleTime: 0 });
        const current = now.items.find((i) => i.item === p.item.item) ?? null;
        version.current = current?.version ?? version.current;
        setTheirs(current);
      } else if (!applyFieldErrors(form, e, t)) setError(e);
    }
  });
  return (
    <FormDialog
      title={t('minutes.editFor', { label: itemTitle(t, p.item) })}
      size="xl"
      form={form}
      onSubmit={submit}
      onClose={p.onClose}
    >
      {(close) => (
        <Stack>
          <ErrorAlert error={error} />
          {theirs && (
            <Alert
              color="orange"
              icon={<IconGitCompare />}
              title={t('minutes.conflictTitle')}
              data-testid="theirs"
            >
              <Text size="sm" mb="xs">
                {t('minutes.conflictText', { by: theirs.edited?.by ?? '—' })}
              </Text>
              <Paper withBorder p="xs">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {theirs.text ?? theirs.draft}
                </Text>
              </Paper>
            </Alert>
          )}
          <Textarea
            label={t('minutes.text')}
            description={p.item.kind === 'commitments' ? t('minutes.firstItemHelp') : t('minutes.textHelp')}
            required
            autosize
            minRows={8}
            maxRows={24}
            data-autofocus
            {...form.getInputProps('text')}
          />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </FormDialog>
  );
}
