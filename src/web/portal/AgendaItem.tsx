import { Badge, Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconPencil } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Brief } from '../../contracts/conferences';
import type { PortalAgendaItem, PortalConference } from '../../contracts/portal';
import { clock } from '../conferences/time';
import { formatDateTime } from '../ui/format';
import { BriefView } from './Brief';
import { InputDialog } from './InputDialog';

/** "Case 2" as the server says it, as a number to say in the interface language. */
export const placeOf = (label: string | null) => /(\d+)$/.exec(label ?? '')?.[1] ?? '';

/** Time and length of an item, as the whole conference runs it. */
function Slot({ item, zone }: { item: PortalAgendaItem; zone: string }) {
  const { t } = useTranslation('portal');
  return (
    <Group gap="xs" wrap="nowrap" miw={104}>
      <Text fw={600} size="sm">
        {clock(item.startsAt, zone)}
      </Text>
      <Text size="sm" c="dimmed">
        {t('conference.minutes', { count: item.minutes })}
      </Text>
    </Group>
  );
}

/** The institution's written input on the case, and a way to add more while the conference is ahead. */
function Inputs({ c, item, n }: { c: PortalConference; item: PortalAgendaItem; n: string }) {
  const { t } = useTranslation('portal');
  const [writing, setWriting] = useState(false);
  return (
    <Stack gap="xs">
      <Title order={4} size="h6">
        {t('conference.inputs')}
      </Title>
      {item.inputs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('conference.noInputs')}
        </Text>
      ) : (
        item.inputs.map((i) => (
          <Paper key={i.id} withBorder p="xs" data-testid="portal-input">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {i.text}
            </Text>
            <Text size="xs" c="dimmed">
              {t('conference.inputBy', { by: i.by ?? '—', at: formatDateTime(i.at) })}
            </Text>
          </Paper>
        ))
      )}
      {c.may.writeInput && item.nominationId && (
        <Group>
          <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => setWriting(true)}>
            {t('conference.writeInput')}
          </Button>
        </Group>
      )}
      {writing && item.nominationId && (
        <InputDialog
          conferenceId={c.id}
          nominationId={item.nominationId}
          n={n}
          onClose={() => setWriting(false)}
        />
      )}
    </Stack>
  );
}

/**
 * One item of the agenda: the first (open commitments), a case the institution receives — a card
 * that opens to its brief and the institution's input — or a further case, only its time.
 */
export function AgendaItem({ c, item }: { c: PortalConference; item: PortalAgendaItem }) {
  const { t } = useTranslation('portal');
  if (item.kind !== 'case' || !item.brief)
    return (
      <Paper component="li" withBorder p="sm" data-testid={`agenda-${item.kind}`}>
        <Group gap="md" wrap="wrap">
          <Slot item={item} zone={c.timeZone} />
          <Text
            size="sm"
            c={item.kind === 'other_case' ? 'dimmed' : undefined}
            fs={item.kind === 'other_case' ? 'italic' : undefined}
          >
            {t(item.kind === 'commitments' ? 'conference.commitmentsItem' : 'conference.otherCase')}
          </Text>
        </Group>
      </Paper>
    );
  return <CaseItem c={c} item={item} brief={item.brief} />;
}

/** A case the institution receives: a card that opens (and closes) on its brief and the input. */
function CaseItem({ c, item, brief }: { c: PortalConference; item: PortalAgendaItem; brief: Brief }) {
  const { t } = useTranslation('portal');
  const [open, setOpen] = useState(false);
  const panel = useId();
  const n = placeOf(item.label);
  return (
    <Paper component="li" withBorder data-testid="agenda-case">
      <UnstyledButton
        w="100%"
        p="sm"
        aria-expanded={open}
        aria-controls={open ? panel : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <Group justify="space-between" wrap="nowrap" align="center">
          <Stack gap={4}>
            <Group gap="md" wrap="wrap">
              <Slot item={item} zone={c.timeZone} />
              <Text fw={600}>{t('conference.caseN', { n })}</Text>
              <Badge variant="light" color={brief.level === 'identified' ? 'orange' : 'blue'}>
                {t(`brief.level.${brief.level}`)}
              </Badge>
            </Group>
            <Text size="sm">{brief.question}</Text>
          </Stack>
          <IconChevronDown
            size={18}
            aria-hidden
            style={{ flex: 'none', transform: open ? 'rotate(180deg)' : undefined }}
          />
        </Group>
      </UnstyledButton>
      {open && (
        <Stack gap="md" id={panel} px="sm" pb="sm">
          <Text size="sm" fw={500}>
            {t(item.needed ? 'conference.needed' : 'conference.notNeeded')}
          </Text>
          <BriefView brief={brief} />
          <Inputs c={c} item={item} n={n} />
        </Stack>
      )}
    </Paper>
  );
}
