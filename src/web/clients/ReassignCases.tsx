import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySaved } from '../ui/errors';
import { ColleagueSelect } from '../ui/fields';
import { caseKeys, reassignCases } from './api';

/** Hands the cases picked in the list over to a colleague at once (leads). */
export function ReassignCases({ selected, onDone }: { selected: string[]; onDone(): void }) {
  const { t } = useTranslation('clients');
  const queryClient = useQueryClient();
  const [reassignTo, setReassignTo] = useState<string | null>(null);
  const [reassigning, setReassigning] = useState(false);
  return (
    <>
      {selected.length > 0 && (
        <Group>
          <Text size="sm">{t('cases.selected', { count: selected.length })}</Text>
          <Button size="xs" leftSection={<IconUsers size={14} />} onClick={() => setReassigning(true)}>
            {t('cases.reassign')}
          </Button>
        </Group>
      )}
      <Modal opened={reassigning} onClose={() => setReassigning(false)} title={t('cases.reassign')}>
        <Stack>
          <Text size="sm">{t('cases.reassignHelp', { count: selected.length })}</Text>
          <ColleagueSelect
            label={t('case.handoverTo')}
            value={reassignTo}
            onChange={setReassignTo}
            clearable={false}
          />
          <Group justify="flex-end">
            <Button
              disabled={!reassignTo}
              onClick={async () => {
                if (!reassignTo) return;
                try {
                  const r = await reassignCases({ clientIds: selected, toUserId: reassignTo });
                  notifySaved(t, t('cases.reassigned', { count: r.moved }));
                  onDone();
                  setReassigning(false);
                  await queryClient.invalidateQueries({ queryKey: caseKeys.lists });
                } catch (e) {
                  notifyError(t, e);
                }
              }}
            >
              {t('cases.reassign')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
