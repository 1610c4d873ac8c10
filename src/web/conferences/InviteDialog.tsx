import { Alert } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Conference } from '../../contracts/conferences';
import { InstitutionSelect } from '../ui/pickers';
import { invite } from './api';
import { ConferenceForm } from './ConferenceForm';
import { ContactChoice } from './ContactChoice';
import { useConferenceCache } from './useConference';

/** Invites an institution of the directory, through the contact persons ticked (or its own address). */
export function InviteDialog({ conference: c, onClose }: { conference: Conference; onClose(): void }) {
  const { t } = useTranslation('conferences');
  const cache = useConferenceCache(c.id);
  const form = useForm({
    initialValues: { institutionId: null as string | null, contactIds: [] as string[] },
    validate: { institutionId: (v) => (v ? null : t('validation.required')) },
  });
  const chosen = form.values.institutionId;
  const already = c.invitations.filter((i) => i.institution.id === chosen);
  const save = async ({ institutionId, contactIds }: typeof form.values) => {
    if (institutionId) cache.show(await invite(c.id, { institutionId, contactIds }));
  };
  return (
    <ConferenceForm
      title={t('invite.add')}
      size="lg"
      form={form}
      save={save}
      onClose={onClose}
      submitLabel={t('invite.submit')}
      saved={t('invite.added')}
    >
      <InstitutionSelect
        label={t('invite.institution')}
        description={t('invite.institutionHelp')}
        required
        value={chosen}
        onChange={(id) => {
          form.setFieldValue('institutionId', id);
          form.setFieldValue('contactIds', []);
        }}
        error={form.errors.institutionId}
      />
      {already.length > 0 && (
        <Alert color="blue" data-testid="already-invited">
          {t('invite.already', {
            who: already.map((i) => i.contact?.name ?? t('invite.institutionAddress')).join(', '),
          })}
        </Alert>
      )}
      {chosen && (
        <ContactChoice
          institutionIds={[chosen]}
          value={form.values.contactIds}
          onChange={(v) => form.setFieldValue('contactIds', v)}
          error={form.errors.contactIds}
        />
      )}
    </ConferenceForm>
  );
}
