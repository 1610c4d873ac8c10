import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conference, Nomination } from '../../contracts/conferences';
import { ConfirmModal } from '../ui/ConfirmModal';
import { AgreedDialog } from './AgreedDialog';
import { withdrawNomination } from './api';
import { isOpen } from './ConferenceHeader';
import { NominateDialog } from './NominateDialog';
import { NominationCard } from './NominationCard';
import { useConferenceAction } from './useConference';
import { WrittenInputDialog } from './WrittenInputDialog';

/** The nominated cases in agenda order; counsellors nominate their own, the lead adds written input. */
export function Nominations({ conference: c }: { conference: Conference }) {
  const { t } = useTranslation('conferences');
  const act = useConferenceAction(c.id);
  const [editing, setEditing] = useState<Nomination | 'new' | null>(null);
  const [input, setInput] = useState<Nomination | null>(null);
  const [agreed, setAgreed] = useState<Nomination | null>(null);
  const [withdrawing, setWithdrawing] = useState<Nomination | null>(null);
  const open = isOpen(c);
  // The server decides again: counsellors change only nominations of cases they may see.
  const mayChange = (n: Nomination) => open && (c.may.manage || (c.may.nominate && n.client.visible));
  const mine = c.nominations.filter((n) => n.client.visible).length;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text fw={500}>
          {t('nominations.count', { count: c.nominations.length })}
          {!c.may.manage && mine > 0 ? ` · ${t('nominations.visible', { count: mine })}` : ''}
        </Text>
        {open && c.may.nominate && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('nominations.add')}
          </Button>
        )}
      </Group>
      {c.nominations.length === 0 ? (
        <Text c="dimmed">{t('nominations.none')}</Text>
      ) : (
        <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {c.nominations.map((n) => (
            <NominationCard
              key={n.id}
              n={n}
              minutesPerCase={c.minutesPerCase}
              onEdit={mayChange(n) ? () => setEditing(n) : undefined}
              onWithdraw={mayChange(n) ? () => setWithdrawing(n) : undefined}
              onInput={open && c.may.manage ? () => setInput(n) : undefined}
              onAgreed={open && n.client.visible ? () => setAgreed(n) : undefined}
            />
          ))}
        </Stack>
      )}
      {editing && (
        <NominateDialog
          conference={c}
          nomination={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {input && <WrittenInputDialog conference={c} nomination={input} onClose={() => setInput(null)} />}
      {agreed && <AgreedDialog conference={c} nomination={agreed} onClose={() => setAgreed(null)} />}
      <ConfirmModal
        opened={withdrawing !== null}
        title={t('nominations.withdraw')}
        text={withdrawing ? t('nominations.withdrawText', { label: withdrawing.client.label }) : ''}
        confirmLabel={t('nominations.withdraw')}
        onConfirm={async () => {
          if (withdrawing)
            await act(() => withdrawNomination(c.id, withdrawing.id), t('nominations.withdrawn'));
        }}
        onClose={() => setWithdrawing(null)}
      />
    </Stack>
  );
}
