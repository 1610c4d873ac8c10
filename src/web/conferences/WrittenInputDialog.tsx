import { Select, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type Conference, type Nomination, writtenInputBody } from '../../contracts/conferences';
import { resolver } from '../ui/fields';
import { addWrittenInput } from './api';
import { ConferenceForm } from './ConferenceForm';
import { useConferenceCache } from './useConference';

/** The invited institutions, once each, by name. */
export const invitedInstitutions = (c: Pick<Conference, 'invitations'>) => [
  ...new Map(c.invitations.map((i) => [i.institution.id, i.institution])).values(),
];

/**
 * Written input of an institution that cannot come, on one case, entered by the lead (the
 * partners enter their own once the partner portal exists).
 */
export function WrittenInputDialog({
  conference: c,
  nomination: n,
  onClose,
}: {
  conference: Conference;
  nomination: Nomination;
  onClose(): void;
}) {
  const { t } = useTranslation('conferences');
  const cache = useConferenceCache(c.id);
  const form = useForm({
    initialValues: { institutionId: null as string | null, text: '' },
    validate: resolver(writtenInputBody),
  });
  const save = async ({ institutionId, text }: typeof form.values) => {
    if (institutionId) cache.show(await addWrittenInput(c.id, n.id, { institutionId, text }));
  };
  return (
    <ConferenceForm
      title={t('nominations.addInputFor', { label: n.client.label })}
      size="lg"
      form={form}
      save={save}
      onClose={onClose}
    >
      <Select
        label={t('invite.institution')}
        required
        data-autofocus
        data={invitedInstitutions(c).map((i) => ({ value: i.id, label: i.name }))}
        {...form.getInputProps('institutionId')}
      />
      <Textarea
        label={t('nominations.inputText')}
        required
        autosize
        minRows={4}
        maxRows={12}
        {...form.getInputProps('text')}
      />
    </ConferenceForm>
  );
}
