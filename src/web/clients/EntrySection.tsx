import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../app/api';
import { ConfirmModal } from '../ui/ConfirmModal';
import { applyFieldErrors, ErrorAlert, notifyError, notifySaved } from '../ui/errors';
import { cleanValues, type FieldSpec, Fields, resolver } from '../ui/fields';
import { RowActions } from '../ui/RowActions';

export interface EntryItem {
  id: string;
  version: number;
}

interface Props<T extends EntryItem> {
  clientId: string;
  /** API path below /api/clients/:id/. */
  path: string;
  title: string;
  addLabel: string;
  emptyText: string;
  items: T[];
  specs: FieldSpec[];
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
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // biome-ignore lint/suspicious/noExplicitAny: entry values differ per section; the schema checks them
  const form = useForm<Record<string, any>>({ initialValues: p.toForm(null), validate: resolver(p.schema) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['case', p.clientId] });

  const open = (item: T | 'new') => {
    form.setValues(p.toForm(item === 'new' ? null : item));
    form.clearErrors();
    setError(null);
    setEditing(item);
  };

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const body = cleanValues(values);
      if (editing === 'new') await api('POST', `/api/clients/${p.clientId}/${p.path}`, body);
      else if (editing)
        await api('PATCH', `/api/clients/${p.clientId}/${p.path}/${editing.id}`, {
          ...body,
          version: editing.version,
        });
      await refresh();
      notifySaved(t);
      setEditing(null);
    } catch (e) {
      if (!applyFieldErrors(form, e, t)) setError(e);
      await refresh();
    } finally {
      setBusy(false);
    }
  });

  const [deleting, setDeleting] = useState<T | null>(null);
  const remove = async (item: T) => {
    try {
      await api('DELETE', `/api/clients/${p.clientId}/${p.path}/${item.id}`);
      await refresh();
    } catch (e) {
      notifyError(t, e);
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t(p.title)}
        </Title>
        {!p.readOnly && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => open('new')}>
            {t(p.addLabel)}
          </Button>
        )}
      </Group>
      {p.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t(p.emptyText)}
        </Text>
      )}
      {p.items.map((item) => (
        <Paper key={item.id} withBorder p="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div style={{ flex: 1, minWidth: 0 }}>{p.render(item)}</div>
            {!p.readOnly && <RowActions onEdit={() => open(item)} onDelete={() => setDeleting(item)} />}
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
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t(editing === 'new' ? p.addLabel : p.title)}
        size={p.modalSize ?? 'lg'}
      >
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={error} />
            <Fields
              form={form}
              specs={p.specs}
              initial={
                editing && editing !== 'new' ? (editing as unknown as Record<string, unknown>) : undefined
              }
            />
            {p.formExtra?.(form)}
            <Group justify="flex-end">
              <Button variant="subtle" onClick={() => setEditing(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
