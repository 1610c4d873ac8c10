import { Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PortalConference } from '../../contracts/portal';
import { portalKeys, writeInput } from './api';
import { PortalDialog } from './PortalDialog';

/** The institution's written input on one case it receives; the organisers see it on their conference page. */
export function InputDialog(p: { conferenceId: string; nominationId: string; n: string; onClose(): void }) {
  const { t } = useTranslation('portal');
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { text: '' },
    validate: { text: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const save = async ({ text }: typeof form.values) => {
    const item = await writeInput(p.conferenceId, p.nominationId, { text: text.trim() });
    queryClient.setQueryData<PortalConference>(portalKeys.conference(p.conferenceId), (c) =>
      c ? { ...c, agenda: c.agenda.map((i) => (i.nominationId === p.nominationId ? item : i)) } : c,
    );
  };
  return (
    <PortalDialog
      title={t('conference.writeInputFor', { n: p.n })}
      form={form}
      save={save}
      onClose={p.onClose}
      saved={t('conference.inputSaved')}
      submitLabel={t('conference.send')}
    >
      <Text size="sm">{t('conference.inputHint')}</Text>
      <Textarea
        label={t('conference.inputText')}
        required
        data-autofocus
        autosize
        minRows={5}
        maxRows={14}
        maxLength={4000}
        {...form.getInputProps('text')}
      />
    </PortalDialog>
  );
}
