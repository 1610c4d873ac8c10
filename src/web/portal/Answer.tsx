import { Badge, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconUserShare, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RsvpAnswer } from '../../contracts/conferences';
import type { PortalConference, PortalHome, PortalRsvpBody, PortalRsvpResult } from '../../contracts/portal';
import { ErrorAlert, notifySaved } from '../ui/errors';
import { answerInvitation, portalKeys } from './api';
import { PortalDialog } from './PortalDialog';

type Choice = PortalRsvpBody['answer'];
const choices = [
  { answer: 'attending', icon: IconCheck, color: 'green' },
  { answer: 'declined', icon: IconX, color: 'red' },
  { answer: 'deputy', icon: IconUserShare, color: 'blue' },
] as const;
const colours: Record<RsvpAnswer, string> = {
  pending: 'gray',
  attending: 'green',
  declined: 'red',
  deputy: 'teal',
};

/** The institution's answer, in words (a deputy by name where there is one). */
export function AnswerBadge({ answer, deputyName }: { answer: RsvpAnswer; deputyName?: string | null }) {
  const { t } = useTranslation('portal');
  return (
    <Badge color={colours[answer]} variant="light" data-testid="portal-answer">
      {answer === 'deputy' && deputyName
        ? t('answer.deputyNamed', { name: deputyName })
        : t(`answer.state.${answer}`)}
    </Badge>
  );
}

/** After an answer: the start page and the conference show it without asking the server again. */
function useAnswerSaved(conferenceId: string) {
  const queryClient = useQueryClient();
  return (r: PortalRsvpResult) => {
    queryClient.setQueryData<PortalHome>(portalKeys.home(), (home) =>
      home
        ? {
            ...home,
            upcoming: home.upcoming.map((c) => (c.id === conferenceId ? { ...c, answer: r.answer } : c)),
          }
        : home,
    );
    queryClient.setQueryData<PortalConference>(portalKeys.conference(conferenceId), (c) =>
      c ? { ...c, answer: r.answer, invitations: r.invitations } : c,
    );
  };
}

/**
 * Attending, not attending, or a deputy (named in a dialog): three big buttons, the chosen one
 * filled and pressed. The answer goes on every invitation of the institution.
 */
export function AnswerControl(p: { conferenceId: string; answer: RsvpAnswer; deputyName?: string | null }) {
  const { t } = useTranslation('portal');
  const saved = useAnswerSaved(p.conferenceId);
  const labelId = useId();
  const [busy, setBusy] = useState<Choice | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [naming, setNaming] = useState(false);
  const send = async (answer: Choice) => {
    setBusy(answer);
    setError(null);
    try {
      saved(await answerInvitation(p.conferenceId, { answer }));
      notifySaved(t, t('answer.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id={labelId}>
        {t('answer.question')}
      </Text>
      <Stack gap="xs" role="group" aria-labelledby={labelId}>
        {choices.map(({ answer, icon: Icon, color }) => (
          <Button
            key={answer}
            color={color}
            variant={p.answer === answer ? 'filled' : 'light'}
            aria-pressed={p.answer === answer}
            leftSection={<Icon size={18} aria-hidden />}
            loading={busy === answer}
            h="auto"
            py={8}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.3 } }}
            justify="flex-start"
            fullWidth
            onClick={() => (answer === 'deputy' ? setNaming(true) : void send(answer))}
            data-testid={`portal-answer-${answer}`}
          >
            {t(`answer.${answer}`)}
          </Button>
        ))}
      </Stack>
      {p.answer === 'deputy' && p.deputyName && <AnswerBadge answer="deputy" deputyName={p.deputyName} />}
      <ErrorAlert error={error} />
      {naming && (
        <DeputyDialog
          conferenceId={p.conferenceId}
          deputyName={p.deputyName ?? ''}
          saved={saved}
          onClose={() => setNaming(false)}
        />
      )}
    </Stack>
  );
}

function DeputyDialog(p: {
  conferenceId: string;
  deputyName: string;
  saved(r: PortalRsvpResult): void;
  onClose(): void;
}) {
  const { t } = useTranslation('portal');
  const form = useForm({
    initialValues: { deputyName: p.deputyName },
    validate: { deputyName: (v) => (v.trim() ? null : t('validation.required')) },
  });
  return (
    <PortalDialog
      title={t('answer.deputyTitle')}
      form={form}
      save={async ({ deputyName }) =>
        p.saved(await answerInvitation(p.conferenceId, { answer: 'deputy', deputyName: deputyName.trim() }))
      }
      onClose={p.onClose}
      saved={t('answer.saved')}
      submitLabel={t('conference.send')}
    >
      <TextInput
        label={t('answer.deputyName')}
        required
        data-autofocus
        autoComplete="name"
        maxLength={200}
        {...form.getInputProps('deputyName')}
      />
    </PortalDialog>
  );
}
