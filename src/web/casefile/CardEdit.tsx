import { Button, Group, Stack } from '@mantine/core';
import { type FormValidateInput, useForm } from '@mantine/form';
import { IconPencil } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, ErrorAlert, notifySaved } from '../ui/errors';
import { Form } from '../ui/Form';
import { useDiscardQuestion } from '../ui/FormDialog';
import { useRefreshCase } from './api';

type Values = Record<string, unknown>;

/**
 * A card of the case file edited in place (the person, the results after leaving): the form starts
 * from the case as it is now, a save refreshes the case, a refused one keeps what was typed and
 * shows why at the fields, and Cancel asks before changes are discarded.
 */
export function useCardEdit(props: {
  clientId: string;
  values: () => Values;
  validate: FormValidateInput<Values>;
  save(values: Values): Promise<unknown>;
}) {
  const { t } = useTranslation('casefile');
  const refresh = useRefreshCase(props.clientId);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<Values>({ initialValues: props.values(), validate: props.validate });
  const cancel = useDiscardQuestion(form.isDirty, () => setEditing(false));
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await props.save(values);
      notifySaved(t);
      setEditing(false);
      await refresh();
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
      await refresh();
    }
  });
  const start = () => {
    // The form has changes only once the user types.
    const current = props.values();
    form.setInitialValues(current);
    form.setValues(current);
    form.clearErrors();
    setError(null);
    setEditing(true);
  };
  return { form, editing, error, submit, start, cancel };
}

export type CardEdit = ReturnType<typeof useCardEdit>;

/** The Edit button of such a card. */
export function EditButton({ edit }: { edit: CardEdit }) {
  const { t } = useTranslation('casefile');
  return (
    <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={edit.start}>
      {t('common.edit')}
    </Button>
  );
}

/** The form of such a card: its fields, then Cancel and Save. */
export function CardEditForm({ edit, children }: { edit: CardEdit; children: ReactNode }) {
  const { t } = useTranslation('casefile');
  return (
    <>
      <Form form={edit.form} onSubmit={edit.submit}>
        <Stack>
          <ErrorAlert error={edit.error} />
          {children}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={edit.cancel.close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={edit.form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Form>
      {edit.cancel.question}
    </>
  );
}
