import { Button, Group, Menu, Modal, Stack, TextInput } from '@mantine/core';
import { IconBookmark, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedFilter } from '../../contracts/clients';
import { notifyError, notifySaved } from '../ui/errors';
import type { useList } from '../ui/list';
import { caseKeys, deleteSavedFilter, savedFiltersQuery, saveFilter } from './api';

/** The user's named filters of the case list: applied in one click, saved from the current address. */
export function SavedFilters({ list }: { list: Pick<ReturnType<typeof useList>, 'params' | 'apply'> }) {
  const { t } = useTranslation('clients');
  const queryClient = useQueryClient();
  const saved = useQuery(savedFiltersQuery);
  const [saveName, setSaveName] = useState('');
  const [saving, setSaving] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: caseKeys.savedFilters });

  const apply = (f: SavedFilter) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f.query))
      if (v !== null && v !== undefined && v !== '') next.set(k, String(v));
    list.apply(next);
  };
  // The page is where the user was, not part of the filter.
  const { page: _page, ...query } = Object.fromEntries(list.params.params);

  return (
    <>
      <Menu>
        <Menu.Target>
          <Button variant="subtle" leftSection={<IconBookmark size={16} />}>
            {t('cases.savedFilters')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(saved.data ?? []).map((f) => (
            <Menu.Item
              key={f.id}
              onClick={() => apply(f)}
              rightSection={
                <IconTrash
                  size={14}
                  aria-label={t('common.delete')}
                  onClick={async (e) => {
                    e.stopPropagation();
                    await deleteSavedFilter(f.id);
                    await refresh();
                  }}
                />
              }
            >
              {f.name}
            </Menu.Item>
          ))}
          {(saved.data ?? []).length > 0 && <Menu.Divider />}
          <Menu.Item onClick={() => setSaving(true)}>{t('cases.saveFilter')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={saving} onClose={() => setSaving(false)} title={t('cases.saveFilter')}>
        <Stack>
          <TextInput
            label={t('cases.filterName')}
            value={saveName}
            onChange={(e) => setSaveName(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button
              disabled={!saveName.trim()}
              onClick={async () => {
                try {
                  await saveFilter({ name: saveName.trim(), query });
                  await refresh();
                  setSaving(false);
                  setSaveName('');
                  notifySaved(t);
                } catch (e) {
                  notifyError(t, e);
                }
              }}
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
