import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconSparkles } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaProposal, Conference, Nomination } from '../../contracts/conferences';
import { CarriedOver } from '../commitments/CarriedOver';
import { notifyError } from '../ui/errors';
import { AgendaList, type Slot } from './AgendaList';
import { proposeAgenda, reorderAgenda } from './api';
import { StatusActions } from './StatusActions';
import { useConferenceAction } from './useConference';

/** The saved order of the cases. */
const savedOrder = (c: Conference) =>
  c.agenda.items.flatMap((i) => (i.kind === 'case' && i.nominationId ? [i.nominationId] : []));

/** The slots of an order: the fixed first item, then the cases, each starting when the one before ends. */
function slotsOf(c: Conference, order: string[]): Slot[] {
  const byId = new Map(c.nominations.map((n) => [n.id, n]));
  const nominations = order.flatMap((id) => byId.get(id) ?? []);
  let at = Date.parse(c.startsAt);
  const slot = (nomination: Nomination | null, minutes: number) => {
    const s = { nomination, startsAt: new Date(at).toISOString(), minutes };
    at += minutes * 60_000;
    return s;
  };
  return [
    slot(null, c.openCommitmentsMinutes),
    ...nominations.map((n) => slot(n, n.minutes ?? c.minutesPerCase)),
  ];
}

/** What the optimiser proposes: the time representatives sit in the room before and after. */
function Proposal(p: { proposal: AgendaProposal; onApply(): void; onDismiss(): void }) {
  const { t } = useTranslation('conferences');
  const { before, after, contiguousInstitutions, institutions } = p.proposal;
  return (
    <Alert color="blue" icon={<IconSparkles />} title={t('agenda.proposal')} data-testid="agenda-proposal">
      <Stack gap="xs">
        <Text size="sm">
          {t('agenda.sitting', { before: before.sittingMinutes, after: after.sittingMinutes })}
        </Text>
        <Text size="sm">{t('agenda.contiguous', { count: contiguousInstitutions, of: institutions })}</Text>
        <Group gap="xs">
          <Button size="xs" onClick={p.onApply}>
            {t('agenda.apply')}
          </Button>
          <Button size="xs" variant="default" onClick={p.onDismiss}>
            {t('agenda.dismiss')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/**
 * The agenda: the fixed first item, then the cases in their slots against the conference's length.
 * The lead orders them (drag, or the buttons from the keyboard), lets the optimiser propose an order
 * that seats every institution in one block, and fixes the agenda, which mails it.
 */
export function AgendaPanel({ conference: c }: { conference: Conference }) {
  const { t } = useTranslation('conferences');
  const act = useConferenceAction(c.id);
  const saved = savedOrder(c);
  const [order, setOrder] = useState(saved);
  const [proposal, setProposal] = useState<AgendaProposal | null>(null);
  const [busy, setBusy] = useState(false);
  // A saved change (here or by someone else) is the new starting point.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the saved order changes with the version
  useEffect(() => setOrder(savedOrder(c)), [c.version]);
  const editable = c.may.manage && (c.status === 'planned' || c.status === 'invited');
  const changed = order.join() !== saved.join();
  const slots = slotsOf(c, order);
  const total = slots.reduce((sum, s) => sum + s.minutes, 0);
  const over = total - c.durationMinutes;

  const save = (next: string[]) =>
    act(() => reorderAgenda(c.id, { order: next, version: c.version }), t('agenda.saved'));
  const propose = async () => {
    setBusy(true);
    try {
      setProposal(await proposeAgenda(c.id));
    } catch (e) {
      notifyError(t, e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text fw={500} c={over > 0 ? 'red.9' : undefined} data-testid="agenda-total">
          {t('agenda.total', { total, duration: c.durationMinutes })}
        </Text>
        {editable && c.nominations.length > 1 && (
          <Button variant="light" leftSection={<IconSparkles size={16} />} loading={busy} onClick={propose}>
            {t('agenda.propose')}
          </Button>
        )}
      </Group>
      {over > 0 && (
        <Alert color="red" icon={<IconAlertTriangle />} data-testid="agenda-over">
          {t('agenda.over', { count: over })}
        </Alert>
      )}
      {proposal && (
        <Proposal
          proposal={proposal}
          onDismiss={() => setProposal(null)}
          onApply={async () => {
            if (await save(proposal.order)) setProposal(null);
          }}
        />
      )}
      {editable && c.nominations.length > 1 && (
        <Text size="xs" c="dimmed">
          {t('agenda.howToMove')}
        </Text>
      )}
      <AgendaList
        slots={slots}
        first={<CarriedOver conference={c} />}
        onMove={
          editable
            ? (from, to) =>
                setOrder((o) => {
                  const next = [...o];
                  const [moved] = next.splice(from, 1);
                  if (moved) next.splice(to, 0, moved);
                  return next;
                })
            : undefined
        }
      />
      {!changed && c.nominations.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="sitting-minutes">
          {t('agenda.sittingNow', { count: c.agenda.sittingMinutes })}
        </Text>
      )}
      <Group gap="xs">
        {changed && (
          <>
            <Button onClick={() => save(order)} data-testid="agenda-save">
              {t('agenda.save')}
            </Button>
            <Button variant="default" onClick={() => setOrder(saved)}>
              {t('agenda.undo')}
            </Button>
          </>
        )}
        {!changed && <StatusActions conference={c} only={['fix']} />}
      </Group>
    </Stack>
  );
}
