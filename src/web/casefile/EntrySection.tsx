import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ConfirmModal } from '../ui/ConfirmModal';
import { notifyError } from '../ui/errors';
import { FormModal } from '../ui/FormModal';
import type { FieldSpec } from '../ui/fields';
import { RowActions } from '../ui/RowActions';
import { addEntry, caseFileKeys, changeEntry, type EntryKind, removeEntry } from './api';

export interface EntryItem {
  id: string;
  version: number;
}

interface Props<T extends EntryItem> {
  clientId: string;
  /** The kind of entry (its path below the case in the API). */
  kind: EntryKind;
  /** The section's texts, translated. */
  title: string;
  addLabel: string;
  emptyText: string;
  items: T[];
  specs: FieldSpec<NoInfer<T>>[];
  schema: z.ZodType;
  /** Form values for a new entry, or for editing an existing one. */
  toForm(item: T | null): Record<string, unknown>;
  render(item: T): ReactNode;
  readOnly?: boolean;
  modalSize?: string;
  /** Extra content of the edit form below the fields (e.g. a checklist). */
  // biome-ignore lint/suspicious/noExplicitAny: the form of the section
  formExtra?(form: any): ReactNode;
}

/** One kind of case-file entry: a list of cards with add, edit and remove, each through a form. */
export function EntrySection<T extends EntryItem>(p: Props<T>) {
  const { t } = useTranslation('casefile');
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: caseFileKeys.detail(p.clientId) });

  // After a refused change too: someone else may have changed the entry meanwhile.
  const save = async (body: Record<string, unknown>) => {
    try {
      if (editing === 'new') await addEntry(p.clientId, p.kind, body);
      else if (editing)
        await changeEntry(p.clientId, p.kind, editing.id, { ...body, version: editing.version });
    } finally {
      await refresh();
    }
  };

  const [deleting, setDeleting] = useState<T | null>(null);
  const remove = async (item: T) => {
    try {
      await removeEntry(p.clientId, p.kind, item.id);
      await refresh();
    } catch (e) {
      notifyError(t, e);
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {p.title}
        </Title>
        {!p.readOnly && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing('new')}
          >
            {p.addLabel}
          </Button>
        )}
      </Group>
      {p.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {p.emptyText}
        </Text>
      )}
      {p.items.map((item) => (
        <Paper key={item.id} withBorder p="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div style={{ flex: 1, minWidth: 0 }}>{p.render(item)}</div>
            {!p.readOnly && <RowActions onEdit={() => setEditing(item)} onDelete={() => setDeleting(item)} />}
          </Group>
        </Paper>
      ))}
      <ConfirmModal
        opened={deleting !== null}
        title={t('common.confirmDelete')}
        text={t('common.confirmDeleteText')}
        onConfirm={() => (deleting ? remove(deleting) : undefined)}
        onClose={() => setDeleting(null)}
      />
      {editing !== null && (
        <FormModal
          title={editing === 'new' ? p.addLabel : p.title}
          specs={p.specs}
          initial={p.toForm(editing === 'new' ? null : editing)}
          known={editing === 'new' ? undefined : editing}
          schema={p.schema}
          save={save}
          extra={p.formExtra}
          size={p.modalSize}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
