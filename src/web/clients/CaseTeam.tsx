import { Button, Group, Modal, MultiSelect, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ClientDetail } from '../../contracts/clients';
import { useRefreshCase } from '../casefile/api';
import { applyFieldErrors, ErrorAlert, notifySaved } from '../ui/errors';
import { FormDialog } from '../ui/FormDialog';
import { ColleagueSelect } from '../ui/fields';
import { colleaguesQuery } from '../users/api';
import { handOver, setCounsellors } from './api';

/** Who works on the case: the owner, further counsellors, and handing the case over. */
export function CaseTeam({ client }: { client: ClientDetail }) {
  const { t } = useTranslation('clients');
  const navigate = useNavigate();
  const refresh = useRefreshCase(client.id);
  const [mode, setMode] = useState<'handover' | 'team' | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [keep, setKeep] = useState(true);
  const [team, setTeam] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const colleagues = useQuery(colleaguesQuery);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    try {
      await action();
      setMode(null);
    } catch (e) {
      if (!applyFieldErrors({ setFieldError: (_p, m) => setFieldError(m) }, e, t)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={4} align="flex-end">
      <Text size="sm">
        {t('case.owner')}: <b>{client.owner.name}</b>
      </Text>
      {client.counsellors.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('case.alsoWorking')}: {client.counsellors.map((c) => c.name).join(', ')}
        </Text>
      )}
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          onClick={() => {
            setTeam(client.counsellors.map((c) => c.id));
            setMode('team');
          }}
        >
          {t('case.editTeam')}
        </Button>
        {client.canReassign && (
          <Button
            size="xs"
            variant="light"
            onClick={() => {
              setTo(null);
              setNote('');
              setMode('handover');
            }}
          >
            {t('case.handover')}
          </Button>
        )}
      </Group>

      <FormDialog
        opened={mode === 'handover'}
        title={t('case.handover')}
        // A note typed for the next counsellor is worth asking about before it is dropped.
        form={{ isDirty: () => to !== null || note.trim() !== '', submitting: busy }}
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            if (!to) return;
            await handOver(client.id, {
              toUserId: to,
              note: note || undefined,
              keepPreviousOwner: keep,
              version: client.version,
            });
            notifySaved(t, t('case.handedOver'));
            await refresh();
            if (!keep) navigate('/cases');
          });
        }}
        onClose={() => setMode(null)}
      >
        {(cancel) => (
          <Stack>
            <ErrorAlert error={error} />
            <ColleagueSelect
              label={t('case.handoverTo')}
              value={to}
              onChange={setTo}
              error={fieldError}
              clearable={false}
            />
            <Textarea
              label={t('case.handoverNote')}
              description={t('case.handoverNoteHelp')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={3}
            />
            <Switch
              label={t('case.keepPreviousOwner')}
              checked={keep}
              onChange={(e) => setKeep(e.currentTarget.checked)}
            />
            <Group justify="flex-end">
              <Button variant="subtle" onClick={cancel}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} disabled={!to}>
                {t('case.handover')}
              </Button>
            </Group>
          </Stack>
        )}
      </FormDialog>

      <Modal opened={mode === 'team'} onClose={() => setMode(null)} title={t('case.editTeam')}>
        <Stack>
          <ErrorAlert error={error} />
          <MultiSelect
            label={t('case.furtherCounsellors')}
            searchable
            data={(colleagues.data ?? [])
              .filter((c) => c.id !== client.owner.id)
              .map((c) => ({ value: c.id, label: c.name }))}
            value={team}
            onChange={setTeam}
            error={fieldError}
          />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={() => setMode(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={busy}
              onClick={() =>
                run(async () => {
                  const res = await setCounsellors(client.id, { userIds: team, version: client.version });
                  notifySaved(t);
                  if (!res.client) navigate('/cases');
                  else await refresh();
                })
              }
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
