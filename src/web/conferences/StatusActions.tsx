import { Button } from '@mantine/core';
import { IconCalendarCheck, IconCalendarX, IconListCheck, IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conference } from '../../contracts/conferences';
import { fixAgenda, moveConferenceStatus, sendInvitations } from './api';
import { ConfirmAction } from './ConfirmAction';
import { useConferenceAction } from './useConference';

export type Action = 'send' | 'fix' | 'reopen' | 'held' | 'cancel';

/** Invitations not yet mailed, or holding an older calendar entry than the conference's now. */
export const unsent = (c: Conference) =>
  c.invitations.filter((i) => !i.sentAt || i.sequence < c.sequence).length;

/** The actions a conference's status allows now: each asks first, for each mails people. */
export function actionsOf(c: Conference): Action[] {
  if (!c.may.manage) return [];
  const open = ['planned', 'invited', 'agenda_fixed'].includes(c.status);
  return [
    ...(open && c.invitations.length > 0 && unsent(c) > 0 ? (['send'] as const) : []),
    ...(c.status === 'invited' ? (['fix'] as const) : []),
    ...(c.status === 'agenda_fixed' ? (['reopen'] as const) : []),
    ...(c.status === 'agenda_fixed' && Date.parse(c.startsAt) <= Date.now() ? (['held'] as const) : []),
    ...(open ? (['cancel'] as const) : []),
  ];
}

const icons = {
  send: IconMail,
  fix: IconListCheck,
  reopen: IconListCheck,
  held: IconCalendarCheck,
  cancel: IconCalendarX,
};

/** The actions as buttons that ask first; `only` shows those named (the agenda shows "fix" by itself). */
export function StatusActions({ conference: c, only }: { conference: Conference; only?: Action[] }) {
  const { t } = useTranslation('conferences');
  const act = useConferenceAction(c.id);
  const [asking, setAsking] = useState<Action | null>(null);
  const actions = actionsOf(c).filter((a) => !only || only.includes(a));
  const status = (to: Conference['status'], reason?: string) => () =>
    moveConferenceStatus(c.id, { status: to, version: c.version, reason: reason || undefined });
  const run: Record<Action, (reason: string) => Promise<unknown>> = {
    send: () => act(() => sendInvitations(c.id, c.version), t('actions.sent', { count: unsent(c) })),
    fix: () => act(() => fixAgenda(c.id, c.version), t('actions.fixed')),
    reopen: () => act(status('invited')),
    held: () => act(status('held')),
    cancel: (reason) => act(status('cancelled', reason), t('actions.cancelled')),
  };
  return (
    <>
      {actions.map((a) => {
        const Icon = icons[a];
        return (
          <Button
            key={a}
            variant={a === 'fix' && only?.length === 1 ? 'filled' : 'light'}
            color={a === 'cancel' ? 'red' : undefined}
            leftSection={<Icon size={16} />}
            onClick={() => setAsking(a)}
            data-testid={`action-${a}`}
          >
            {t(`actions.${a}`, { count: unsent(c) })}
          </Button>
        );
      })}
      {asking && (
        <ConfirmAction
          title={t(`actions.${asking}`, { count: unsent(c) })}
          text={t(`actions.${asking}Text`, { count: unsent(c) })}
          confirmLabel={t(`actions.${asking}Confirm`, { count: unsent(c) })}
          danger={asking === 'cancel'}
          reason={asking === 'cancel' ? { label: t('actions.cancelReason') } : undefined}
          onConfirm={run[asking]}
          onClose={() => setAsking(null)}
        />
      )}
    </>
  );
}
