import { Button, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sector } from '../../contracts/network';
import { ErrorAlert } from '../ui/errors';
import { sectorLabel, useSectors } from '../ui/pickers';
import { addSector, changeSector, networkKeys } from './api';

function SectorRow({ sector, save }: { sector: Sector; save(name: string, active: boolean): Promise<void> }) {
  const { t } = useTranslation('network');
  const [name, setName] = useState(sector.name);
  return (
    <Group wrap="nowrap" align="center" data-testid="sector">
      <TextInput
        aria-label={t('sectors.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        onBlur={() => name.trim() && name !== sector.name && save(name.trim(), sector.active)}
        description={sectorLabel(t, sector.name) !== sector.name ? sectorLabel(t, sector.name) : undefined}
        style={{ flex: 1 }}
      />
      <Switch
        label={t('sectors.active')}
        checked={sector.active}
        onChange={(e) => save(sector.name, e.currentTarget.checked)}
      />
    </Group>
  );
}

/** The organisation's sectors: renamed or set inactive (never deleted: cases and conferences use them). */
export function SectorsModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('network');
  const queryClient = useQueryClient();
  const sectors = useSectors();
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const run = async (change: () => Promise<unknown>) => {
    setError(null);
    try {
      await change();
      await queryClient.invalidateQueries({ queryKey: networkKeys.sectors });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('sectors.title')} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('sectors.help')}
        </Text>
        <ErrorAlert error={error} />
        {(sectors.data ?? []).map((s) => (
          <SectorRow
            key={`${s.id}-${s.name}`}
            sector={s}
            save={(n, active) => run(() => changeSector(s.id, { name: n, active }))}
          />
        ))}
        <Group align="flex-end">
          <TextInput
            label={t('sectors.new')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            leftSection={<IconPlus size={16} />}
            disabled={!name.trim()}
            onClick={async () => {
              await run(() => addSector({ name: name.trim(), active: true }));
              setName('');
            }}
          >
            {t('sectors.add')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
