import { SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Conference, Invitation, RsvpBody } from '../../contracts/conferences';
import { recordAnswer } from './api';
import { ConferenceForm } from './ConferenceForm';
import { useConferenceCache } from './useConference';

type Answer = RsvpBody['answer'];
const answers: Answer[] = ['attending', 'declined', 'deputy'];

/** An answer the lead heard by phone or read in a mail, recorded for the invitee. */
export function AnswerDialog({
  conference: c,
  invitation: i,
  onClose,
}: {
  conference: Conference;
  invitation: Invitation;
  onClose(): void;
}) {
  const { t } = useTranslation('conferences');
  const cache = useConferenceCache(c.id);
  const form = useForm({
    initialValues: {
      answer: (i.answer === 'pending' ? null : i.answer) as Answer | null,
      deputyName: i.deputyName ?? '',
    },
    validate: {
      answer: (v) => (v ? null : t('validation.required')),
      deputyName: (v, values) => (values.answer === 'deputy' && !v.trim() ? t('rsvp.deputyNeeded') : null),
    },
  });
  const save = async ({ answer, deputyName }: typeof form.values) => {
    if (!answer) return;
    const body = { answer, deputyName: answer === 'deputy' ? deputyName.trim() : null };
    cache.show(await recordAnswer(c.id, i.id, body));
  };
  return (
    <ConferenceForm
      title={t('invite.record')}
      form={form}
      save={save}
      onClose={onClose}
      saved={t('invite.answerRecorded')}
    >
      <Text size="sm">
        {i.institution.name}
        {i.contact ? ` · ${i.contact.name}` : ''}
      </Text>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="answer-label">
          {t('invite.answer')}
        </Text>
        {/* Radio buttons underneath, one above the other so that long answers fit on a phone. */}
        <SegmentedControl
          aria-labelledby="answer-label"
          orientation="vertical"
          fullWidth
          data={answers.map((a) => ({ value: a, label: t(`conferences.answer.${a}`) }))}
          value={form.values.answer ?? ''}
          onChange={(a) => form.setFieldValue('answer', a as Answer)}
        />
        {form.errors.answer && (
          <Text size="xs" c="red.9" role="alert">
            {form.errors.answer}
          </Text>
        )}
      </Stack>
      {form.values.answer === 'deputy' && (
        <TextInput
          label={t('rsvp.deputyName')}
          required
          data-autofocus
          {...form.getInputProps('deputyName')}
        />
      )}
    </ConferenceForm>
  );
}
