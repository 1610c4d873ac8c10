import { Modal } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from './ConfirmModal';
import { Form } from './Form';

/**
 * A form in a dialog that does not lose what was typed: Esc, a click outside, the X and Cancel
 * close a dialog without changes at once and ask first in one with changes.
 */
export function FormDialog({
  title,
  size,
  opened = true,
  form,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  size?: string;
  opened?: boolean;
  /** The dialog's form: whether it has changes, and when a save has ended. */
  form: { isDirty(): boolean; submitting: boolean };
  onSubmit(event: FormEvent<HTMLFormElement>): unknown;
  /** Closes the dialog, changes or not (after a save, or when the user chose to discard). */
  onClose(): void;
  /** The dialog's content, given the close that asks first (for a Cancel button). */
  children(close: () => void): ReactNode;
}) {
  const { close, asking, question } = useDiscardQuestion(form.isDirty, onClose);
  return (
    <>
      <Modal
        opened={opened}
        onClose={close}
        title={title}
        size={size}
        // While the question is open, Esc and a click outside answer it, not this dialog.
        closeOnEscape={!asking}
        closeOnClickOutside={!asking}
      >
        <Form form={form} onSubmit={onSubmit}>
          {children(close)}
        </Form>
      </Modal>
      {question}
    </>
  );
}

/**
 * A close that asks "Discard changes?" first when the form has changes: `close` for Cancel and
 * the like, `question` to render, `asking` while it is open.
 */
export function useDiscardQuestion(isDirty: () => boolean, discard: () => void) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  // Asked after the key press that closed: opened within it, the question would take the same Esc
  // as its own answer (its window listener sees the event still on its way) and vanish at once.
  const close = () => (isDirty() ? setTimeout(() => setAsking(true)) : discard());
  const question = (
    <ConfirmModal
      opened={asking}
      title={t('forms.discardTitle')}
      text={t('forms.discardText')}
      cancelLabel={t('forms.keepEditing')}
      confirmLabel={t('forms.discard')}
      onConfirm={discard}
      onClose={() => setAsking(false)}
    />
  );
  return { close, asking, question };
}
