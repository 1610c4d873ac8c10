import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveEntryKind } from '../../../contracts/conferences-live';
import { liveEntryKinds } from '../../../contracts/conferences-live';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { FormDialog } from '../../ui/FormDialog';
import { formatDateTime } from '../../ui/format';
import type { NewChange } from './changes';
import { type Drafts, useDraft } from './drafts';
import type { ShownEntry } from './view';

const kindColours: Record<LiveEntryKind, string> = { note: 'gray', decision: 'green', dissent: 'red' };

/** Ctrl+Enter (⌘+Enter on a Mac) in a text area: the way to add without leaving the keyboard. */
export const isCtrlEnter = (e: React.KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey);

/** The end of a live dialog: Cancel (which asks before it discards) and Save. */
export function SaveOrCancel({ close }: { close(): void }) {
  const { t } = useTranslation('conferences');
  return (
    <Group justify="flex-end">
      <Button variant="subtle" onClick={close}>
        {t('common.cancel')}
      </Button>
      <Button type="submit">{t('common.save')}</Button>
    </Group>
  );
}

function KindChoice({
  value,
  onChange,
  labelId,
}: {
  value: string;
  onChange(v: string): void;
  labelId: string;
}) {
  const { t } = useTranslation('conferences');
  return (
    <SegmentedControl
      aria-labelledby={labelId}
      value={value}
      onChange={onChange}
      data={liveEntryKinds.map((k) => ({ value: k, label: t(`live.kinds.${k}`) }))}
    />
  );
}

/** The way to add a note, a decision or a dissent to the item: the kind, the text, Ctrl+Enter. */
export function EntryComposer(p: {
  item: string;
  drafts: Drafts;
  disabled: boolean;
  add(change: NewChange): void;
}) {
  const { t } = useTranslation('conferences');
  const [kind, setKind] = useDraft<string>(p.drafts, p.item, 'kind', 'note', () => false);
  const [text, setText] = useDraft(p.drafts, p.item, 'entry', '', (v) => v.trim() !== '');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    if (!text.trim()) {
      setError(t('validation.required'));
      return;
    }
    setError(null);
    p.add({
      type: 'entry',
      body: { id: crypto.randomUUID(), item: p.item, kind: kind as LiveEntryKind, text: text.trim() },
    });
    setText('');
  };
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id="live-kind-label">
        {t('live.kind')}
      </Text>
      <KindChoice value={kind} onChange={setKind} labelId="live-kind-label" />
      <Textarea
        label={t('live.entryText')}
        description={t('live.ctrlEnter')}
        value={text}
        error={error}
        disabled={p.disabled}
        autosize
        minRows={3}
        maxRows={10}
        maxLength={4000}
        data-testid="live-entry-text"
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (!isCtrlEnter(e)) return;
          e.preventDefault();
          add();
        }}
      />
      <Group justify="flex-end">
        <Button onClick={add} disabled={p.disabled}>
          {t('live.addEntry')}
        </Button>
      </Group>
    </Stack>
  );
}

function EditEntryDialog(p: {
  entry: ShownEntry;
  version: number;
  add(c: NewChange): void;
  onClose(): void;
}) {
  const { t } = useTranslation('conferences');
  const form = useForm({ initialValues: { kind: p.entry.kind as string, text: p.entry.text } });
  const submit = form.onSubmit((v) => {
    if (!v.text.trim()) return form.setFieldError('text', t('validation.required'));
    p.add({
      type: 'edit',
      entryId: p.entry.id,
      body: { kind: v.kind as LiveEntryKind, text: v.text.trim(), version: p.version },
    });
    p.onClose();
  });
  return (
    <FormDialog title={t('live.editEntry')} size="lg" form={form} onSubmit={submit} onClose={p.onClose}>
      {(close) => (
        <Stack>
          <Text size="sm" fw={500} id="live-edit-kind-label">
            {t('live.kind')}
          </Text>
          <KindChoice
            labelId="live-edit-kind-label"
            value={form.values.kind}
            onChange={(v) => form.setFieldValue('kind', v)}
          />
          <Textarea
            label={t('live.entryText')}
            description={t('live.ctrlEnterSave')}
            autosize
            minRows={3}
            maxLength={4000}
            data-autofocus
            {...form.getInputProps('text')}
            onKeyDown={(e) => {
              if (!isCtrlEnter(e)) return;
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }}
          />
          <SaveOrCancel close={close} />
        </Stack>
      )}
    </FormDialog>
  );
}

/** The entries of the item, with what waits to be sent and where two versions are kept. */
export function EntryList(p: {
  entries: ShownEntry[];
  /** Edits of an entry waiting in the queue: the next one builds on them. */
  pendingEdits(entryId: string): number;
  disabled: boolean;
  add(c: NewChange): void;
}) {
  const { t } = useTranslation('conferences');
  const [editing, setEditing] = useState<ShownEntry | null>(null);
  const [removing, setRemoving] = useState<ShownEntry | null>(null);
  if (p.entries.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('live.noEntries')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="live-entries">
      {p.entries.map((e) => (
        <Paper key={e.id} withBorder p="sm" data-testid="live-entry" data-waiting={e.waiting || undefined}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Group gap={6}>
              <Badge color={kindColours[e.kind]} variant="light">
                {t(`live.kinds.${e.kind}`)}
              </Badge>
              {e.waiting && (
                <Badge color="yellow" variant="outline" data-testid="live-waiting">
                  {t('live.waiting')}
                </Badge>
              )}
              {e.removing && <Badge color="gray">{t('live.removing')}</Badge>}
              {e.bothKept && (
                <Badge color="orange" variant="light" data-testid="live-both-kept">
                  {t('live.bothKept')}
                </Badge>
              )}
            </Group>
            {!p.disabled && e.version > 0 && !e.removing && (
              <Group gap={4} wrap="nowrap">
                <ActionIcon variant="subtle" aria-label={t('live.editEntry')} onClick={() => setEditing(e)}>
                  <IconPencil size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('live.removeEntry')}
                  onClick={() => setRemoving(e)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            )}
          </Group>
          <Text
            mt={4}
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="live-entry-text-shown"
          >
            {e.text}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {e.author?.name ?? '—'} · {formatDateTime(e.at)}
          </Text>
        </Paper>
      ))}
      {editing && (
        <EditEntryDialog
          entry={editing}
          version={editing.version + p.pendingEdits(editing.id)}
          add={p.add}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={removing !== null}
        title={t('live.removeEntry')}
        text={t('live.removeText')}
        confirmLabel={t('live.removeEntry')}
        onConfirm={() => {
          if (removing) p.add({ type: 'remove', entryId: removing.id });
        }}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}
