import { Autocomplete, Button, Group, Select, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../contracts/commitments';
import { type LiveState, liveCommitmentBody } from '../../../contracts/conferences-live';
import { dateFormat, typedDateProps } from '../../ui/dates';
import { Form } from '../../ui/Form';
import { FormDialog } from '../../ui/FormDialog';
import { resolver } from '../../ui/fields';
import type { NewChange } from './changes';
import type { Drafts } from './drafts';
import { isCtrlEnter, SaveOrCancel } from './LiveEntries';

type Values = {
  institutionId: string | null;
  /** A contact person of the institution by name, or a name as said at the table. */
  responsible: string;
  action: string;
  dueDate: string | null;
};
const empty: Values = { institutionId: null, responsible: '', action: '', dueDate: null };
type Institutions = LiveState['institutions'];

/** The body of a commitment from the form: the responsible person by directory id when the name is a contact's. */
function bodyOf(institutions: Institutions, v: Values, item: string) {
  const contact = institutions
    .find((i) => i.id === v.institutionId)
    ?.contacts.find((c) => c.name.toLowerCase() === v.responsible.trim().toLowerCase());
  return {
    nominationId: item === 'commitments' ? null : item,
    institutionId: v.institutionId ?? '',
    contactId: contact?.id ?? null,
    responsibleName: contact ? null : v.responsible.trim() || null,
    action: v.action.trim(),
    dueDate: v.dueDate ?? '',
  };
}

const validate = resolver(liveCommitmentBody);

/** Institution (the invitees), responsible person, action and due date, all by keyboard. */
function CommitmentFields({
  form,
  institutions,
  autoFocus,
}: {
  form: UseFormReturnType<Values>;
  institutions: Institutions;
  autoFocus?: boolean;
}) {
  const { t, i18n } = useTranslation('conferences');
  const contacts = institutions.find((i) => i.id === form.values.institutionId)?.contacts ?? [];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={t('live.institution')}
        required
        searchable
        data-autofocus={autoFocus || undefined}
        data={institutions.map((i) => ({ value: i.id, label: i.name }))}
        {...form.getInputProps('institutionId')}
      />
      <Autocomplete
        label={t('live.responsible')}
        description={t('live.responsibleHelp')}
        data={contacts.map((c) => c.name)}
        {...form.getInputProps('responsible')}
      />
      <Textarea
        label={t('live.action')}
        required
        autosize
        minRows={2}
        maxLength={1000}
        style={{ gridColumn: '1 / -1' }}
        {...form.getInputProps('action')}
      />
      <DateInput
        label={t('live.dueDate')}
        required
        clearable
        placeholder={dateFormat(i18n.language)}
        {...typedDateProps(i18n, 'deadline', form.values.dueDate)}
        {...form.getInputProps('dueDate')}
        value={form.values.dueDate || null}
      />
    </SimpleGrid>
  );
}

/** Ctrl+Enter anywhere in the form submits it, as in the entry's text area. */
const submitOnCtrlEnter = (e: React.KeyboardEvent<HTMLDivElement>) => {
  if (!isCtrlEnter(e)) return;
  e.preventDefault();
  (e.target as HTMLElement).closest('form')?.requestSubmit();
};

/** A commitment made at the table on the item shown; it waits in the queue like every entry. */
export function NewCommitment(p: {
  state: LiveState;
  item: string;
  drafts: Drafts;
  disabled: boolean;
  add(c: NewChange): void;
}) {
  const { t } = useTranslation('conferences');
  const box = useRef<HTMLDivElement>(null);
  const form = useForm<Values>({
    initialValues: p.drafts.get<Values>(p.item, 'commitment') ?? empty,
    validate,
    onValuesChange: (v) =>
      p.drafts.set(p.item, 'commitment', v, !!(v.institutionId || v.action.trim() || v.responsible.trim())),
  });
  const submit = form.onSubmit((v) => {
    p.add({
      type: 'commitment',
      body: { id: crypto.randomUUID(), ...bodyOf(p.state.institutions, v, p.item) },
    });
    form.setValues(empty);
    form.resetDirty(empty);
    box.current?.querySelector<HTMLInputElement>('input')?.focus();
  });
  return (
    <Form form={form} onSubmit={submit}>
      <Stack gap="xs" ref={box} onKeyDown={submitOnCtrlEnter} data-testid="live-commitment-form">
        <Title order={3} size="h5">
          {t('live.newCommitment')}
        </Title>
        <fieldset disabled={p.disabled} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <CommitmentFields form={form} institutions={p.state.institutions} />
        </fieldset>
        <Group justify="flex-end">
          <Button type="submit" disabled={p.disabled}>
            {t('live.addCommitment')}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}

/** A commitment made at this conference, changed at the version it was read at. */
export function EditCommitmentDialog(p: {
  state: LiveState;
  commitment: Commitment;
  add(c: NewChange): void;
  onClose(): void;
}) {
  const { t } = useTranslation('conferences');
  const c = p.commitment;
  const form = useForm<Values>({
    initialValues: {
      institutionId: c.institution.id,
      responsible: c.contact?.name ?? c.responsibleName ?? '',
      action: c.action,
      dueDate: c.dueDate,
    },
    validate,
  });
  const submit = form.onSubmit((v) => {
    const body = { ...bodyOf(p.state.institutions, v, c.nominationId ?? 'commitments'), version: c.version };
    p.add({ type: 'commitmentEdit', commitmentId: c.id, body });
    p.onClose();
  });
  return (
    <FormDialog title={t('live.editCommitment')} size="lg" form={form} onSubmit={submit} onClose={p.onClose}>
      {(close) => (
        <Stack onKeyDown={submitOnCtrlEnter}>
          <CommitmentFields form={form} institutions={p.state.institutions} autoFocus />
          <SaveOrCancel close={close} />
        </Stack>
      )}
    </FormDialog>
  );
}
