import { Alert, Anchor, Button, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconUserShare, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RsvpAnswer, RsvpView } from '../../contracts/conferences';
import { PublicFrame } from '../auth/PublicFrame';
import { ApiError } from '../lib/http';
import { ErrorAlert, errorMessage } from '../ui/errors';
import { formatDate } from '../ui/format';
import { answerRsvp, conferenceKeys, rsvpQuery } from './api';
import { When } from './When';

type Choice = Exclude<RsvpAnswer, 'pending'>;
const choices = [
  { answer: 'attending', icon: IconCheck, color: 'green' },
  { answer: 'declined', icon: IconX, color: 'red' },
  { answer: 'deputy', icon: IconUserShare, color: 'blue' },
] as const;

/** A link that does not work: said plainly, with whom to ask. */
function LinkProblem({ error }: { error: unknown }) {
  const { t } = useTranslation('conferences');
  const code = error instanceof ApiError ? error.code : 'internal';
  const text =
    code === 'token_expired'
      ? t('rsvp.expired')
      : code === 'network'
        ? errorMessage(t, error)
        : t('rsvp.invalid');
  return (
    <Alert color="red" role="alert" data-testid="rsvp-error">
      {text}
    </Alert>
  );
}

/** The answer: three big choices, a deputy's name when one comes instead. */
function Answer({
  view,
  save,
}: {
  view: RsvpView;
  save(answer: Choice, deputyName?: string): Promise<void>;
}) {
  const { t } = useTranslation('conferences');
  const [deputy, setDeputy] = useState(view.answer === 'deputy');
  const [name, setName] = useState(view.deputyName ?? '');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState<Choice | null>(null);
  const run = async (answer: Choice, deputyName?: string) => {
    setBusy(answer);
    try {
      await save(answer, deputyName);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap="sm">
      <Text fw={500}>{t('rsvp.question')}</Text>
      {choices.map(({ answer, icon: Icon, color }) => (
        <Button
          key={answer}
          size="lg"
          fullWidth
          justify="flex-start"
          // Long German answers wrap on a phone instead of being cut off.
          h="auto"
          py="sm"
          styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.3 } }}
          color={color}
          variant={view.answer === answer ? 'filled' : 'light'}
          aria-pressed={view.answer === answer}
          leftSection={<Icon size={22} />}
          loading={busy === answer}
          onClick={() => (answer === 'deputy' ? setDeputy(true) : run(answer))}
          data-testid={`rsvp-${answer}`}
        >
          {t(`rsvp.choice.${answer}`)}
        </Button>
      ))}
      {deputy && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return setMissing(true);
            void run('deputy', name.trim());
          }}
        >
          <Stack gap="xs">
            <TextInput
              label={t('rsvp.deputyName')}
              required
              size="md"
              autoFocus
              autoComplete="name"
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setMissing(false);
              }}
              error={missing ? t('rsvp.deputyNeeded') : undefined}
            />
            <Button type="submit" size="md" loading={busy === 'deputy'}>
              {t('rsvp.sendDeputy')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/**
 * The page behind the link in an invitation: an invitee without an account says whether they
 * come, do not come, or send a deputy. Plain words, big targets, works on a phone.
 */
export function RsvpPage() {
  const { t } = useTranslation('conferences');
  const { conferenceId = '', token = '' } = useParams();
  const queryClient = useQueryClient();
  const view = useQuery({ ...rsvpQuery(conferenceId, token), enabled: token.length >= 10 });
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async (answer: Choice, deputyName?: string) => {
    setError(null);
    setSaved(false);
    try {
      const next = await answerRsvp(conferenceId, token, { answer, deputyName: deputyName ?? null });
      queryClient.setQueryData(conferenceKeys.rsvp(conferenceId, token), next);
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  };
  const v = view.data;
  return (
    <PublicFrame title={t('rsvp.title')} width={560}>
      {token.length < 10 || view.isError ? (
        <LinkProblem error={view.error} />
      ) : !v ? (
        <Loader size="sm" aria-label={t('rsvp.loading')} />
      ) : (
        <Stack gap="md">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('rsvp.from', { organisation: v.conference.organisation })}
            </Text>
            <Title order={2} size="h3" data-testid="rsvp-title">
              {v.conference.title}
            </Title>
            <When c={v.conference} />
            {v.conference.place && <Text size="sm">{v.conference.place}</Text>}
            {v.conference.videoUrl && (
              <Anchor href={v.conference.videoUrl} target="_blank" rel="noreferrer" size="sm">
                {t('conferences.videoLink')}
              </Anchor>
            )}
          </Stack>
          <Text size="sm">
            {t('rsvp.for', { institution: v.institution })}
            {v.contact ? ` · ${v.contact}` : ''}
          </Text>
          <Text size="sm" data-testid="rsvp-current">
            {v.answer === 'deputy' && v.deputyName
              ? t('rsvp.currentDeputy', { name: v.deputyName })
              : t(`rsvp.current.${v.answer}`)}
          </Text>
          {saved && (
            <Alert color="green" role="status" data-testid="rsvp-saved">
              {t('rsvp.thanks')}
            </Alert>
          )}
          {error instanceof ApiError && (error.code === 'token_expired' || error.code === 'token_invalid') ? (
            <LinkProblem error={error} />
          ) : (
            <ErrorAlert error={error} />
          )}
          {v.conference.status === 'cancelled' ? (
            <Alert color="red">{t('rsvp.cancelled')}</Alert>
          ) : ['planned', 'invited', 'agenda_fixed'].includes(v.conference.status) ? (
            <Answer view={v} save={save} />
          ) : (
            <Alert color="gray">{t('rsvp.over')}</Alert>
          )}
          <Text size="xs" c="dimmed">
            {t('rsvp.validUntil', { date: formatDate(v.expiresAt) })}
          </Text>
        </Stack>
      )}
    </PublicFrame>
  );
}
