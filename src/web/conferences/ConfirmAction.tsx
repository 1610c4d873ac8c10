import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Asks before an action that mails people or cannot be undone (send, fix, cancel); the safe
 * answer has the focus. With `reason`, a text goes with it (the cancellation mail says why).
 */
export function ConfirmAction(p: {
  title: string;
  text: string;
  confirmLabel: string;
  /** Red for what cannot be undone. */
  danger?: boolean;
  reason?: { label: string; required?: boolean };
  /** What the action concerns, below the text (the recipients of the minutes). */
  children?: ReactNode;
  onConfirm(reason: string): Promise<unknown>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const missing = p.reason?.required && !reason.trim();
  return (
    <Modal opened onClose={p.onClose} title={p.title}>
      <Stack>
        <Text size="sm">{p.text}</Text>
        {p.children}
        {p.reason && (
          <Textarea
            label={p.reason.label}
            required={p.reason.required}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
          />
        )}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={p.onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color={p.danger ? 'red' : undefined}
            loading={busy}
            disabled={Boolean(missing)}
            onClick={async () => {
              setBusy(true);
              try {
                await p.onConfirm(reason.trim());
              } finally {
                setBusy(false);
                p.onClose();
              }
            }}
          >
            {p.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
