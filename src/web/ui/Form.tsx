import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react';

/** The controls one types or picks a value in; Enter means nothing on a checkbox, a switch or a file. */
const valueFields = [
  'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file])',
  ':not([type=button]):not([type=submit]):not([type=reset]):not([disabled])',
].join('');
const fieldSelector = `${valueFields}, textarea:not([disabled]), select:not([disabled])`;

/**
 * Whether Enter here may submit the form. A browser submits on Enter in any text input, which
 * saved a whole intake from its date field; here only the form's last field does (and the submit
 * button, as a button does). A date or a picker never does: Enter there picks or accepts.
 */
function enterSubmits(target: EventTarget, form: HTMLFormElement): boolean {
  // A textarea makes a new line and a button does its own click: the browser's way is right there.
  if (!(target instanceof HTMLInputElement)) return true;
  if (target.matches('[data-dates-input], [aria-haspopup], [role=combobox]')) return false;
  const fields = form.querySelectorAll(fieldSelector);
  return fields[fields.length - 1] === target;
}

function keepEnterFromSubmitting(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  if (!enterSubmits(event.target, event.currentTarget)) event.preventDefault();
}

/** After a refused submit: to the first field that says what is wrong, or else to the message. */
function showFirstError(form: HTMLFormElement | null) {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (invalid) {
    invalid.focus();
    return;
  }
  form?.querySelector<HTMLElement>('[role="alert"]')?.scrollIntoView({ block: 'nearest' });
}

/**
 * Every form of the app: Enter submits only from the last field or the button, and a submit the
 * browser or the server refuses moves the focus to the first field with an error. Give the
 * Mantine form (its `submitting` says when an asynchronous save has ended) where there is one.
 */
export function Form({
  onSubmit,
  form,
  children,
}: {
  onSubmit(event: FormEvent<HTMLFormElement>): unknown;
  form?: { submitting: boolean };
  children: ReactNode;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const awaiting = useRef(false);
  const submitting = form?.submitting ?? false;
  // After every render: a refusal by the form's own check renders without ever "submitting".
  useEffect(() => {
    if (!awaiting.current || submitting) return;
    awaiting.current = false;
    showFirstError(ref.current);
  });
  return (
    <form
      ref={ref}
      noValidate
      onKeyDown={keepEnterFromSubmitting}
      onSubmit={(event) => {
        awaiting.current = form !== undefined;
        onSubmit(event);
      }}
    >
      {children}
    </form>
  );
}
